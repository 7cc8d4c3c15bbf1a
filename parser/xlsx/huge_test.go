package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// hugeMerge is a workbook whose one value sits in a merge over the whole
// sheet (A1:XFD1048576), written by rewriting a small merge in the XML
// (excelize itself takes minutes to merge that many cells).
func hugeMerge(tb testing.TB) []byte {
	tb.Helper()
	wb := excelize.NewFile()
	defer wb.Close()
	require.NoError(tb, wb.SetCellValue("Sheet1", "A1", "x"))
	require.NoError(tb, wb.SetCellValue("Sheet1", "B2", "y"))
	require.NoError(tb, wb.MergeCell("Sheet1", "A1", "A2"))
	small, err := wb.WriteToBuffer()
	require.NoError(tb, err)
	zr, err := zip.NewReader(bytes.NewReader(small.Bytes()), int64(small.Len()))
	require.NoError(tb, err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		r, err := f.Open()
		require.NoError(tb, err)
		b, err := io.ReadAll(r)
		require.NoError(tb, err)
		if f.Name == "xl/worksheets/sheet1.xml" {
			require.Contains(tb, string(b), `ref="A1:A2"`)
			b = []byte(strings.Replace(string(b), `ref="A1:A2"`, `ref="A1:XFD1048576"`, 1))
		}
		w, err := zw.Create(f.Name)
		require.NoError(tb, err)
		_, err = w.Write(b)
		require.NoError(tb, err)
	}
	require.NoError(tb, zw.Close())
	return out.Bytes()
}

func TestHugeMerge(t *testing.T) {
	doc, err := Parse("huge.xlsx", hugeMerge(t), Options{})
	require.NoError(t, err)
	require.Len(t, doc.Blocks, 1)
	require.Len(t, doc.Blocks[0].Table.Rows, 2)
}
