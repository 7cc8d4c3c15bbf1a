package pdf

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
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

// rulingsPDF is a document of pages that each draw a line of text and
// rulings (a stroked line and a thin filled rectangle).
func rulingsPDF(pages int) []byte {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", ""}
	var kids []string
	for i := range pages {
		n := len(objs) + 1
		kids = append(kids, fmt.Sprintf("%d 0 R", n))
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents %d 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>", n+1),
			fmt.Sprintf("<< stream:BT /F1 10 Tf 20 150 Td (Page %d) Tj ET 0.5 w 10 %d m 200 %d l S 10 20 150 0.5 re f", i+1, 40+i, 40+i))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), pages)
	return buildPDF(objs...)
}

// TestSegmentsReused: a page reduced without its rulings (its tables
// found) leaves their array to the worker, and the next page draws its
// rulings in it; a page that keeps its rulings (the text layer's own
// callers) keeps an array of its own.
func TestSegmentsReused(t *testing.T) {
	d, err := openDocument("rulings.pdf", rulingsPDF(3), "")
	require.NoError(t, err)
	var sc scratch
	var drawn []*Segment
	var hrules [][]Segment
	finish := func(p *PageLayout, sc *scratch) {
		require.NotEmpty(t, p.Segments)
		drawn = append(drawn, &p.Segments[0])
		keepTables(p, &sc.twords)
		hrules = append(hrules, p.hrules)
	}
	for n := 1; n <= 3; n++ {
		p, err := d.readPage(n, &sc, finish)
		require.NoError(t, err)
		assert.Nil(t, p.Segments)
		assert.NotNil(t, sc.segs)
	}
	assert.Same(t, drawn[0], drawn[1], "the second page's rulings are drawn in the first's array")
	assert.Same(t, drawn[1], drawn[2])
	for i, hs := range hrules {
		// Each page's horizontal rulings stay its own.
		require.Len(t, hs, 2, "page %d", i+1)
		assert.InDelta(t, 200-float64(40+i), hs[0].Y0, 0.01, "page %d", i+1)
	}

	d, err = openDocument("rulings.pdf", rulingsPDF(2), "")
	require.NoError(t, err)
	var kept scratch
	p1, err := d.readPage(1, &kept, nil)
	require.NoError(t, err)
	p2, err := d.readPage(2, &kept, nil)
	require.NoError(t, err)
	assert.Nil(t, kept.segs)
	require.NotEmpty(t, p1.Segments)
	require.NotEmpty(t, p2.Segments)
	assert.NotSame(t, &p1.Segments[0], &p2.Segments[0])
	assert.NotEqual(t, p1.Segments[0], p2.Segments[0])
}
