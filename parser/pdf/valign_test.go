package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStreamVAlign: a table says where it sets its cells in their rows
// when its rows of cells of unequal lines show it: a one-line cell beside
// the first line of a two-line one (top), the last (bottom), or the middle
// one of three (middle). Rows padded apart, so that each row's lines are
// read as one row whatever the alignment.
func TestStreamVAlign(t *testing.T) {
	// rows gives each row's lines from y: the wrapped unit's lines, and the
	// line (0-based) the row's other cells stand on.
	// build sets each row's unit on its lines, and its other cells on the
	// line at (0-based; half-way between two lines for a half).
	build := func(at func(lines int) float64) []Word {
		var words []Word
		row := func(y float64, cells ...string) { words = append(words, rowOf8pt(y, false, cells...)...) }
		row(70, "", "", "", "Date of")
		row(80, "Country", "Partner", "Unit", "Agreement")
		y := 100.0
		for k, units := range [][]string{
			{"Faculty of", "Medicine"},
			{"School of", "Public", "Health"},
			{"Faculty of", "Law"},
			{"Graduate School", "of", "Engineering"},
			{"Faculty of", "Science"},
		} {
			for i, u := range units {
				row(y+10*float64(i), "", "", u, "")
			}
			row(y+10*at(len(units)), []string{"Sweden", "Norway", "Chile", "Peru", "Japan"}[k],
				[]string{"Umea", "Oslo", "Concepcion", "Lima", "Kyoto"}[k]+" University", "", "1997")
			y += 10*float64(len(units)) + 12 // (rows padded apart)
		}
		return words
	}
	for name, tc := range map[string]struct {
		at   func(lines int) float64
		want string
	}{
		"top":    {func(int) float64 { return 0 }, "top"},
		"bottom": {func(n int) float64 { return float64(n - 1) }, "bottom"},
		"middle": {func(n int) float64 { return float64(n-1) / 2 }, "middle"},
	} {
		p := page(1, build(tc.at), nil)
		tabs := pageTables(&p)
		require.Len(t, tabs, 1, name)
		assert.Equal(t, tc.want, tabs[0].table.VAlign, name)
		assert.Len(t, tabs[0].table.Rows, 6, name)
	}
}
