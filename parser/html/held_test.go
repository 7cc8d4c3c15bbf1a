package html

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// TestParseHeld: a page read with its cells held, every row then filled a
// few rows at a time (released and recycled between, as the parse child
// writes them), is the document Parse returns; before Fill the rows have
// no cells, and Release drops them again. The pages are the fixtures, the
// layout matrix's renderings and a generated page read in segments.
func TestParseHeld(t *testing.T) {
	inputs, _ := filepath.Glob("../../fixtures/*/input.html")
	matrix, _ := filepath.Glob("../../fixtures/matrix/*/input.html")
	inputs = append(inputs, matrix...)
	require.NotEmpty(t, inputs)
	pages := map[string][]byte{}
	for _, in := range inputs {
		b, err := os.ReadFile(in)
		require.NoError(t, err)
		pages[in] = b
	}
	pages["generated"] = bigPage(2 << 20)
	tables := 0
	for name, b := range pages {
		want, werr := Parse("input.html", b, Options{})
		h, err := ParseHeld("input.html", b, Options{})
		if werr != nil {
			require.Error(t, err, name)
			assert.Equal(t, werr.Error(), err.Error(), name)
			continue
		}
		require.NoError(t, err, name)
		doc := h.Document()
		const part = 7 // rows filled at a time
		for _, bl := range doc.Blocks {
			tb := bl.Table
			if tb == nil {
				continue
			}
			tables++
			for _, r := range tb.Rows {
				require.Nil(t, r.Cells, name)
			}
			var got []parser.Row
			for i := 0; i < len(tb.Rows); i += part {
				j := min(i+part, len(tb.Rows))
				h.Fill(tb, i, j)
				for _, r := range tb.Rows[i:j] {
					r.Cells = append([]parser.Cell(nil), r.Cells...)
					for k := range r.Cells { // the lines' room is recycled too
						if l := r.Cells[k].Lines; l != nil {
							r.Cells[k].Lines = append(make([]string, 0, len(l)), l...)
						}
					}
					got = append(got, r)
				}
				h.Release(tb, i, j)
				for _, r := range tb.Rows[i:j] {
					require.Nil(t, r.Cells, name)
				}
				h.Recycle()
			}
			tb.Rows = got
		}
		assert.Equal(t, want, doc, name)
	}
	assert.Greater(t, tables, 10)
}
