package main

import (
	"os"
	"path/filepath"
	"testing"

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

// TestHeapLimit: a PDF child's soft memory limit is its floor while the
// live heap is small, and leaves half the live heap and limitSlack above a
// larger one.
func TestHeapLimit(t *testing.T) {
	floor := int64(pdfHeapBase + 10*pdfHeapPerMiB)
	assert.Equal(t, floor, heapLimit(floor, 0))
	assert.Equal(t, floor, heapLimit(floor, 12<<20), "the live heap of 1,000 pages of a ruled table")
	assert.Equal(t, int64(100<<20+50<<20+limitSlack), heapLimit(floor, 100<<20))
}
