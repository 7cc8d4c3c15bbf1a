package parser

import (
	"archive/zip"
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// zipOf makes a ZIP archive holding the named (empty but for their name)
// parts, as an Office or OpenDocument file lays them out.
func zipOf(t *testing.T, names ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, n := range names {
		w, err := z.Create(n)
		require.NoError(t, err)
		_, err = w.Write([]byte("<x/>"))
		require.NoError(t, err)
	}
	require.NoError(t, z.Close())
	return b.Bytes()
}

func TestDetectXLSX(t *testing.T) {
	assert.Equal(t, FormatXLSX, Detect(zipOf(t, "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml")))
	assert.Equal(t, FormatUnknown, Detect(zipOf(t, "[Content_Types].xml", "word/document.xml")))
	assert.Equal(t, FormatUnknown, Detect([]byte("PK\x03\x04 truncated")))
}
