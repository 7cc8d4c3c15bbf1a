package pdf

import (
	"cmp"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// TestPageRulesMemo: while a page's tables are found, its rules are made
// once and read again as made; segments other than those they were made
// of (another page's, or more of them) make them anew; outside pageTables
// nothing is kept.
func TestPageRulesMemo(t *testing.T) {
	grid := func(n int) []Segment {
		var segs []Segment
		for i := range n {
			y := 100 + 20*float64(i)
			segs = append(segs, Segment{X0: 50, Y0: y, X1: 300, Y1: y, Width: 0.5})
			x := 50 + 50*float64(i)
			segs = append(segs, Segment{X0: x, Y0: 100, X1: x, Y1: 100 + 20*float64(n-1), Width: 0.5})
		}
		// A piece of a rule, split in two, and a filled background's edge.
		segs = append(segs, Segment{X0: 300, Y0: 100.2, X1: 320, Y1: 100.2, Width: 0.5}, Segment{X0: 0, Y0: 10, X1: 600, Y1: 10})
		return segs
	}
	p := &PageLayout{Segments: grid(4)}
	hs0, vs0 := pageRules(p)
	assert.Len(t, hs0, 4)
	assert.Len(t, vs0, 4)
	assert.False(t, p.rules.made, "nothing is kept outside pageTables")

	p.rules = pageRuleMemo{keep: true}
	hs1, vs1 := pageRules(p)
	assert.Equal(t, hs0, hs1)
	assert.Equal(t, vs0, vs1)
	hs2, vs2 := pageRules(p)
	assert.Same(t, &hs1[0], &hs2[0], "made once")
	assert.Same(t, &vs1[0], &vs2[0])

	p.Segments = append(p.Segments, grid(6)...)
	hs3, _ := pageRules(p)
	fresh, _ := pageRules(&PageLayout{Segments: p.Segments})
	assert.Equal(t, fresh, hs3, "more segments: made anew")
	q := &PageLayout{Segments: grid(4), rules: p.rules}
	hs4, _ := pageRules(q)
	assert.Equal(t, hs0, hs4, "another page's segments: made anew")

	// pageTables keeps them only while it runs.
	pageTables(p)
	assert.Equal(t, pageRuleMemo{}, p.rules)
}

// TestGlyphView: a page reduced with its glyphs read in place (the
// worker's drawn glyphs and their order) shows the glyphs that its Glyphs
// would hold, in the same order; a page that drew none has none.
func TestGlyphView(t *testing.T) {
	gx := []glyphx{
		{Glyph: Glyph{Text: "a", Box: parser.Box{X0: 10, X1: 15}, Seq: 0}},
		{Glyph: Glyph{Text: " ", Box: parser.Box{X0: 15, X1: 18}, Seq: 1}},
		{Glyph: Glyph{Text: "b", Box: parser.Box{X0: 18, X1: 23}, Seq: 2}},
		{Glyph: Glyph{Text: "c", Box: parser.Box{X0: 1, X1: 5}, Seq: 3, Render: 3}},
	}
	order := []int32{2, 0, 3}
	flat := &PageLayout{Glyphs: pageGlyphs(gx, order)}
	view := &PageLayout{view: glyphView{gx: gx, order: order}}
	require.Equal(t, 3, flat.glyphCount())
	require.Equal(t, flat.glyphCount(), view.glyphCount())
	for k := range flat.glyphCount() {
		assert.Equal(t, *flat.glyph(k), *view.glyph(k), "glyph %d", k)
		assert.Same(t, &gx[order[k]].Glyph, view.glyph(k), "read in place")
	}
	assert.Nil(t, pageGlyphs(nil, nil))
	assert.Equal(t, 0, (&PageLayout{}).glyphCount())
}

// TestLineBoxesNear: the boxes near a height are found among a run of the
// lines bounded by their keys; every box whose bottom edge lies within
// reach is in it, whatever the lines' heights; lines out of key order are
// all read.
func TestLineBoxesNear(t *testing.T) {
	seed := uint32(7)
	next := func(m uint32) float64 {
		seed = seed*1664525 + 1013904223
		return float64(seed >> 8 % m)
	}
	narrowed := 0
	for round := range 50 {
		var ls []TextLine
		for range int(next(60)) {
			y0 := next(8000) / 10
			h := 1 + next(300)/10
			ls = append(ls, TextLine{Box: parser.Box{X0: next(500), Y0: y0, X1: 600, Y1: y0 + h}})
		}
		slices.SortStableFunc(ls, func(a, b TextLine) int { return cmp.Compare(lineKey(a), lineKey(b)) })
		lb := newLineBoxes(ls)
		require.NotNil(t, lb.keys, "round %d", round)
		for range 20 {
			y, reach := next(8000)/10, next(200)/10
			near := lb.near(y, reach)
			if len(near) < len(ls) {
				narrowed++
			}
			for _, l := range ls {
				if math.Abs(l.Box.Y1-y) <= reach {
					assert.Contains(t, near, l.Box, "round %d: y %v reach %v", round, y, reach)
				}
			}
		}
	}
	assert.Greater(t, narrowed, 500, "most lookups read a run of the lines")
	// Out of order: all.
	ls := []TextLine{{Box: parser.Box{Y0: 100, Y1: 110}}, {Box: parser.Box{Y0: 10, Y1: 20}}}
	lb := newLineBoxes(ls)
	assert.Nil(t, lb.keys)
	assert.Len(t, lb.near(15, 1), 2)
	assert.Equal(t, []parser.Box{ls[0].Box, ls[1].Box}, lb.boxes)
}
