package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/normalize"
)

// TestExtractPagesConsumedReadsTheSame: every command that reads a document through
// extractPages (audit, diff, load, refresh besides extract) has it
// consumed by the normaliser, which lets go of a long table's rows as it
// reads them; the result is the one the document read and kept gives.
func TestExtractPagesConsumedReadsTheSame(t *testing.T) {
	data := synthTablePDF(12, 25) // 300 rows: a table long enough to be let go
	doc, err := parseDocument("synth.pdf", data, nil)
	require.NoError(t, err)
	opt := normalize.Options{Institution: "Tohoku University"}
	want, err := normalize.Normalize(doc, opt)
	require.NoError(t, err)
	require.NotEmpty(t, doc.Blocks, "read without Consume, the document is kept")

	got, err := extractBytes("synth.pdf", data, opt)
	require.NoError(t, err)
	require.Len(t, got.Records, 300)
	assert.Equal(t, want, got)
}
