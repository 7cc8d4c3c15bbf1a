package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Lines of a one-column table that no table detection takes (one column):
// each row apart from the next by a rule, or by the edge of a shaded
// band; a row of two lines, with none between them but its first line's
// underline, no wider than the text.
func TestLinesRuledApart(t *testing.T) {
	ts := []setText{
		{"Partner Institution", 50, 80, true},
		{"Hiroshima University", 50, 94, false},
		{"Juntendo University", 50, 108, false},
		{"Ministry of Science and Technology", 50, 122, false},
		{"Department of Planning", 50, 132, false},
		{"Universiti Putra Malaysia", 50, 146, false},
	}
	want := []bool{false, true, true, true, false, true}
	// Between the rows, 2 pt above each row's text (y down), from x 45 to 400.
	var rules, bands strings.Builder
	for _, y := range []float64{92, 106, 120, 144} {
		fmt.Fprintf(&rules, "0.5 w 45 %.1f m 400 %.1f l S\n", 800-y, 800-y)
	}
	// Every other row shaded: its band's edges stand between it and its
	// neighbours.
	for _, b := range [][2]float64{{92, 106}, {120, 144}} {
		fmt.Fprintf(&bands, "0.9 g 45 %.1f 355 %.1f re f 0 g\n", 800-b[1], b[1]-b[0])
	}
	// An underline under "Ministry of Science and Technology".
	underline := "0.5 w 50 669 m 254 669 l S\n"
	for name, drawn := range map[string]string{"rules": rules.String() + underline, "bands": bands.String() + underline} {
		doc, err := Parse("ruled.pdf", shapeDrawnPDF(ts, drawn), Options{})
		require.NoError(t, err, name)
		var got []bool
		for _, b := range doc.Blocks {
			require.NotNil(t, b.Line, name)
			got = append(got, b.Line.RuledAbove)
		}
		assert.Equal(t, want, got, name)
	}
}
