package normalize

import (
	"testing"

	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/readcheck"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDoubtsCountedByKind: doubts are said up to maxDoubts of each kind,
// and those past it counted in a line of their own kind.
func TestDoubtsCountedByKind(t *testing.T) {
	c := newContext(&parser.Document{File: "t.pdf"}, Options{})
	tr := &tableReader{c: c}
	rec := &Record{}
	for range maxDoubts + 2 {
		tr.doubtOf(readcheck.KindFillDoubt, rec, "fill")
	}
	for range maxDoubts + 1 {
		tr.doubtOf(readcheck.KindRunTogether, rec, "several")
	}
	ws := c.saidDoubts()
	require.Len(t, ws, 2*maxDoubts+2)
	assert.Equal(t, "and 2 more of the kind above (fill_doubtful)", ws[2*maxDoubts].Message)
	assert.Equal(t, "and 1 more of the kind above (names_run_together)", ws[2*maxDoubts+1].Message)
}
