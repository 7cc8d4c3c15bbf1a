package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/agreements/agreements/parser"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQuietArgs(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.pdf")
	large := filepath.Join(dir, "large.pdf")
	require.NoError(t, os.WriteFile(small, make([]byte, 1000), 0o644))
	require.NoError(t, os.WriteFile(large, make([]byte, quietCommandInput+1), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "half.pdf"), make([]byte, quietCommandInput/2+1), 0o644))
	tests := []struct {
		args []string
		want bool
	}{
		{[]string{"extract", small}, true},
		{[]string{"extract", "--format", "csv", small, "--out", filepath.Join(dir, "new.csv")}, true},
		{[]string{"tables", small, small}, true},
		{[]string{"extract", small, filepath.Join(dir, "half.pdf")}, true},
		{[]string{"extract", filepath.Join(dir, "half.pdf"), filepath.Join(dir, "half.pdf")}, false}, // counted twice: over
		{[]string{"extract", small, large}, false},
		{[]string{"extract", "--out", large, small}, false}, // an --out file counts
		{[]string{"extract", "-"}, false},
		{[]string{"extract", dir}, false},
		{[]string{"extract", filepath.Join(dir, "missing.pdf")}, false},
		{[]string{"diff", small, small}, false},
		{[]string{"extract"}, false},
		{nil, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, quietArgs(tt.args), "%q", tt.args)
	}
}

// TestQuietArgsExtract: extract starts quiet on more input when every file
// it names is a PDF or an HTML page, by its bytes whatever its name.
func TestQuietArgsExtract(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, b, 0o644))
		return path
	}
	page := write("page.html", synthHTML(quietCommandInput+1))
	pageNoName := write("page.bin", synthHTML(quietCommandInput+1))
	pdf := write("t.pdf", append([]byte("%PDF-1.7\n"), make([]byte, quietCommandInput)...))
	large := write("large.html", synthHTML(quietExtractInput+1))
	records := write("records.ndjson", bytes.Repeat([]byte(`{"id":"0123456789abcdef"}`+"\n"), quietCommandInput/20))
	tests := []struct {
		args []string
		want bool
	}{
		{[]string{"extract", page}, true},
		{[]string{"extract", "--institution", "Tohoku University", pageNoName}, true},
		{[]string{"extract", pdf}, true},
		{[]string{"extract", page, pdf}, true},
		{[]string{"extract", large}, false},
		{[]string{"extract", page, page, page, page}, false}, // more than quietExtractInput in all
		{[]string{"extract", "--out", records, page}, false}, // a file that is neither counts
		{[]string{"tables", page}, false},
		{[]string{"raw", pdf}, false},
		{[]string{"audit", page}, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, quietArgs(tt.args), "%q", tt.args)
	}
}

// TestChildQuiet: a child keeps collection off for an input of up to
// quietInput bytes, and for an HTML page of up to quietPageInput.
func TestChildQuiet(t *testing.T) {
	assert.True(t, childQuiet(quietInput, parser.FormatPDF))
	assert.False(t, childQuiet(quietInput+1, parser.FormatPDF))
	assert.False(t, childQuiet(quietInput+1, parser.FormatXLSX))
	assert.True(t, childQuiet(quietInput+1, parser.FormatHTML))
	assert.True(t, childQuiet(quietPageInput, parser.FormatHTML))
	assert.False(t, childQuiet(quietPageInput+1, parser.FormatHTML))
}

// TestHeapLimit: a PDF child's soft memory limit is its floor while the
// live heap is small, and leaves half the live heap and limitSlack above a
// larger one.
func TestHeapLimit(t *testing.T) {
	floor := int64(pdfHeapBase + 10*pdfHeapPerMiB)
	assert.Equal(t, floor, heapLimit(floor, 0))
	assert.Equal(t, floor, heapLimit(floor, 12<<20), "the live heap of 1,000 pages of a ruled table")
	assert.Equal(t, int64(100<<20+50<<20+limitSlack), heapLimit(floor, 100<<20))
}
