package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/output"
	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/parser/xlsx"
)

func stableRecords() []agreement.Record {
	var recs []agreement.Record
	for i := range 30 {
		r := sample()
		r.Partner = fmt.Sprintf("University %d", i)
		r.Source.Row = i + 1
		if i%3 == 0 {
			r.Repairs = []string{} // a record with no row on the repairs sheet
		}
		r.ID = agreement.ComputeID(r)
		recs = append(recs, r)
	}
	return recs
}

// TestXLSXSameBytes: the same records make the same workbook, byte for
// byte, however often it is written: its entries come in the order of
// their names whatever order excelize made them in, and carry no clock.
func TestXLSXSameBytes(t *testing.T) {
	recs := stableRecords()
	var first []byte
	for i := range 40 { // excelize's order of the two sheets changes from run to run
		var b bytes.Buffer
		require.NoError(t, WriteAll(&b, output.FormatXLSX, recs))
		if i == 0 {
			first = bytes.Clone(b.Bytes())
			continue
		}
		require.Equal(t, first, b.Bytes(), "write %d", i+1)
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	require.NoError(t, err)
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		assert.True(t, f.Modified.IsZero() || f.Modified.Year() <= 1980, "%s: %v", f.Name, f.Modified)
	}
	assert.True(t, slices.IsSorted(names), "entries in the order of their names: %v", names)
	assert.Equal(t, "[Content_Types].xml", names[0])
	assert.Contains(t, names, "xl/worksheets/sheet1.xml")
	assert.Contains(t, names, "xl/worksheets/sheet2.xml")
}

// TestXLSXWrittenReadsBack: the workbook written in a fixed order opens in
// excelize with both sheets, reads in the document reader (parser/xlsx)
// as two sheets of rows, and reads back as the records it was made of.
func TestXLSXWrittenReadsBack(t *testing.T) {
	recs := stableRecords()
	var b bytes.Buffer
	require.NoError(t, WriteAll(&b, output.FormatXLSX, recs))

	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{SheetRecords, SheetRepairs}, f.GetSheetList())
	rows, err := f.GetRows(SheetRecords)
	require.NoError(t, err)
	require.Len(t, rows, len(recs)+1)
	assert.Equal(t, output.CSVHeader, rows[0])
	assert.Equal(t, "University 29", rows[len(recs)][slices.Index(output.CSVHeader, "partner")])
	reps, err := f.GetRows(SheetRepairs)
	require.NoError(t, err)
	assert.Len(t, reps, 1+2*20, "two repairs each of the 20 records that have them")

	doc, err := xlsx.Parse("records.xlsx", b.Bytes(), xlsx.Options{})
	require.NoError(t, err)
	var tables []*parser.Table
	for i := range doc.Blocks {
		if doc.Blocks[i].Table != nil {
			tables = append(tables, doc.Blocks[i].Table)
		}
	}
	require.Len(t, tables, 2, "a table on each sheet")
	assert.Len(t, tables[0].Rows, len(recs)+1)

	got, err := ReadRecords(bytes.NewReader(b.Bytes()))
	require.NoError(t, err)
	assert.Equal(t, recs, got)
}
