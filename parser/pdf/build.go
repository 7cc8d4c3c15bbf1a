package pdf

import (
	"cmp"
	"math"
	"slices"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/agreements/agreements/parser"
)

// Geometry thresholds, in em of the larger of two neighbouring glyphs.
const (
	wordGapEm     = 0.12 // a gap wider than this starts a new word
	lineGapEm     = 1.6  // a gap wider than this starts a new line (another column)
	baselineTolEm = 0.35 // glyphs whose baselines differ less share a line
	dupTolEm      = 0.15 // a repeated glyph this close is overprinting (fake bold)
	baseShiftEm   = 0.15 // a baseline this far off its neighbour's starts a new word
	sizeStepEm    = 0.01 // a font size this much larger or smaller starts a glued word
)

// fglyph is a glyph in its direction's frame: u runs along the text, v down
// across lines.
type fglyph struct {
	u0, u1     float64
	v0, v1     float64 // box extent across the line
	base, size float64
	i          int32 // index in the page's glyphs (no pointer: sorting stays cheap; fewer than maxGlyphsPage)
	space      bool
}

// toFrame maps a page ppoint into the frame of direction dir.
func toFrame(dir int, x, y float64) (float64, float64) {
	switch dir {
	case 1:
		return y, -x
	case 2:
		return -x, -y
	case 3:
		return -y, x
	}
	return x, y
}

func fromFrame(dir int, u, v float64) (float64, float64) {
	switch dir {
	case 1:
		return -v, u
	case 2:
		return -u, -v
	case 3:
		return v, -u
	}
	return u, v
}

func frameBox(dir int, b parser.Box) (u0, v0, u1, v1 float64) {
	ax, ay := toFrame(dir, b.X0, b.Y0)
	bx, by := toFrame(dir, b.X1, b.Y1)
	return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)
}

func pageBox(dir int, u0, v0, u1, v1 float64) parser.Box {
	ax, ay := fromFrame(dir, u0, v0)
	bx, by := fromFrame(dir, u1, v1)
	return parser.Box{X0: min(ax, bx), Y0: min(ay, by), X1: max(ax, bx), Y1: max(ay, by)}
}

func isSpaceText(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.IsControl(r) && r != 0 {
			return false
		}
	}
	return true
}

// layoutBuf holds what buildLayout reuses from page to page.
type layoutBuf struct {
	fg    []fglyph
	lines []TextLine
	order []lineOrder
	wb    wordBuf
}

// glyphsPerLine is the fewest glyphs a line has on average on most pages
// (the corpus: 12.6 on average, 3 on the page that has most lines), for a
// first guess at a page's lines.
const glyphsPerLine = 8

// lineOrder is a line's sort key and its index: lines are sorted by key
// and the index carries them, so that sorting moves 24 bytes, not a line.
type lineOrder struct {
	key, x0 float64
	i       int
}

// buildLayout turns the glyphs of a page into lines (words are set apart
// by flatWords, for the text layer's own callers) and returns the page's
// glyphs in their order, as indices into gx, made in the array gi (see
// pageGlyphs).
func buildLayout(p *PageLayout, gx []glyphx, lb *layoutBuf, gi []int32) []int32 {
	var rules []Segment // vertical rulings: text on both sides belongs to different lines
	for _, sg := range p.Segments {
		if !sg.Horizontal() && sg.Y1-sg.Y0 > 2 {
			rules = append(rules, sg)
		}
	}
	visible := false
	for i := range gx {
		if gx[i].Render != 3 && gx[i].Render != 7 && !isSpaceText(gx[i].Text) {
			visible = true
			break
		}
	}
	lines := lb.lines[:0]
	// The lines are made in the worker's array, made at once for about as
	// many lines as the page draws (the corpus's pages: a line for 12.6
	// glyphs on average) rather than doubled line by line, each array a
	// copy in memory not touched before; a worker's array short of that by
	// a quarter or less is kept (see reserveGlyphs).
	if want, c := len(gx)/glyphsPerLine, cap(lines); want > c+c/4 {
		lines = make([]TextLine, 0, want)
	}
	// The arrays of one entry a glyph are made as large as the worker's
	// glyph array, not the page's count: the next page, drawn in that
	// array, fits them too, and what of them a page leaves is never
	// written (an array of the page's count would be made again for each
	// page larger than the worker's pages before it).
	room := max(len(gx), cap(gx))
	glyphs := gi[:0]
	if cap(glyphs) < len(gx) {
		glyphs = make([]int32, 0, room)
	}
	fg := lb.fg
	if cap(fg) < len(gx) {
		fg = make([]fglyph, 0, room)
	}
	for dir := 0; dir < 4; dir++ {
		fg = fg[:0]
		for i := range gx {
			g := &gx[i]
			if int(g.Dir) != dir || (visible && (g.Render == 3 || g.Render == 7)) {
				continue
			}
			u0, v0, u1, v1 := frameBox(dir, g.Box)
			_, base := toFrame(dir, g.ox, g.oy)
			size := g.Size
			if size <= 0.01 {
				size = max(v1-v0, 1)
			}
			fg = append(fg, fglyph{i: int32(i), u0: u0, u1: u1, v0: v0, v1: v1, base: base, size: size, space: isSpaceText(g.Text)})
		}
		if len(fg) == 0 {
			continue
		}
		var r []Segment
		if dir == 0 {
			r = rules
		}
		lines, glyphs = buildDir(dir, fg, gx, r, lines, glyphs, &lb.wb)
	}
	lb.fg = fg[:0]
	// Invisible glyphs left out of the lines still belong to the page's glyphs.
	if visible {
		for i := range gx {
			if gx[i].Render == 3 || gx[i].Render == 7 {
				if !isSpaceText(gx[i].Text) {
					glyphs = append(glyphs, int32(i))
				}
			}
		}
	}
	// Lines top to bottom, then left to right; lines of equal keys keep
	// the order they were made in.
	order := lb.order[:0]
	for i := range lines {
		order = append(order, lineOrder{key: lineKey(lines[i]), x0: lines[i].Box.X0, i: i})
	}
	slices.SortFunc(order, func(a, b lineOrder) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		if c := cmp.Compare(a.x0, b.x0); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	p.Lines = nil
	if len(lines) > 0 {
		p.Lines = make([]TextLine, len(lines))
		for k, o := range order {
			p.Lines[k] = lines[o.i]
		}
	}
	clear(lines)
	lb.lines, lb.order = lines[:0], order[:0]
	return glyphs
}

// pageGlyphs returns the glyphs of gx in the order of buildLayout's
// indices, a new array (nil when the page drew none).
func pageGlyphs(gx []glyphx, order []int32) []Glyph {
	if len(gx) == 0 {
		return nil
	}
	gs := make([]Glyph, len(order), len(gx))
	for k, i := range order {
		gs[k] = gx[i].Glyph
	}
	return gs
}

// glyphView is a page's glyphs while it is reduced (readPage's finish):
// the worker's drawn glyphs and their order, read in place, not copied
// into the page's Glyphs.
type glyphView struct {
	gx    []glyphx
	order []int32
}

// glyphCount is the number of the page's glyphs: its Glyphs, or those
// of its view while it is reduced.
func (p *PageLayout) glyphCount() int {
	if p.view.order != nil {
		return len(p.view.order)
	}
	return len(p.Glyphs)
}

// glyph returns the page's glyph k (of glyphCount).
func (p *PageLayout) glyph(k int) *Glyph {
	if p.view.order != nil {
		return &p.view.gx[p.view.order[k]].Glyph
	}
	return &p.Glyphs[k]
}

// flatWords sets p.Words: the words of its lines, in their order.
func flatWords(p *PageLayout) {
	nw := 0
	for _, l := range p.Lines {
		nw += len(l.Words)
	}
	p.Words = make([]Word, 0, nw)
	for _, l := range p.Lines {
		p.Words = append(p.Words, l.Words...)
	}
}

// wordBuf is what makeLine reuses from word to word and line to line.
type wordBuf struct {
	text  []byte
	words []Word
	// order is buildDir's glyph indices, sorted; merge, bounds and
	// nextBounds are mergeRuns' room.
	order              []int32
	merge              []int32
	bounds, nextBounds []int
	band               []fglyph // sortBand's room
}

// lineKey orders lines top to bottom by their vertical middle, rounded so
// that lines on one baseline lineBand keep their left-to-right order.
func lineKey(l TextLine) float64 {
	return math.Round((l.Box.Y0 + l.Box.Y1) / 2 / 2)
}

// ruledBetween reports whether a vertical ruling separates two glyphs on a line.
func ruledBetween(rules []Segment, a, b *fglyph) bool {
	mid := (a.v0 + a.v1 + b.v0 + b.v1) / 4
	for _, r := range rules {
		if r.X0 > a.u1-0.5 && r.X0 < b.u0+0.5 && r.Y0 <= mid && r.Y1 >= mid {
			return true
		}
	}
	return false
}

// buildDir appends the lines and glyphs (indices into gx) of one
// direction's glyphs fg.
func buildDir(dir int, fg []fglyph, gx []glyphx, rules []Segment, lines []TextLine, glyphs []int32, wb *wordBuf) ([]TextLine, []int32) {
	sortByBaseline(fg, wb)
	var bandRules []Segment
	// Bands are runs of fg with close baselines; lines are runs of a band.
	for start := 0; start < len(fg); {
		end := start + 1
		base, size := fg[start].base, fg[start].size
		for end < len(fg) && fg[end].base-base <= baselineTolEm*max(fg[end].size, size) {
			end++
		}
		band := fg[start:end]
		start = end
		sortBand(band, wb)
		gs := composeAccents(dedupe(band, gx), gx)
		bandRules = bandRules[:0]
		if len(rules) > 0 {
			v0, v1 := math.Inf(1), math.Inf(-1)
			for i := range gs {
				v0, v1 = min(v0, gs[i].v0), max(v1, gs[i].v1)
			}
			for _, r := range rules {
				if r.Y0 <= v1 && r.Y1 >= v0 {
					bandRules = append(bandRules, r)
				}
			}
		}
		lineStart := 0
		var last *fglyph
		for i := range gs {
			g := &gs[i]
			if !g.space {
				glyphs = append(glyphs, g.i)
			}
			if last != nil && !g.space {
				em := max(g.size, last.size)
				if g.u0-last.u1 > lineGapEm*em || (len(bandRules) > 0 && g.u0-last.u1 > 0.05*em && ruledBetween(bandRules, last, g)) {
					if l, ok := makeLine(dir, gs[lineStart:i], gx, wb); ok {
						lines = append(lines, l)
					}
					lineStart = i
				}
			}
			if !g.space {
				last = g
			}
		}
		if l, ok := makeLine(dir, gs[lineStart:], gx, wb); ok {
			lines = append(lines, l)
		}
	}
	return lines, glyphs
}

// sortByBaseline sorts the glyphs fg by baseline, then from the start of
// the line, into the order slices.SortFunc would put them in (the sort's
// moves depend only on its comparisons): their indices are sorted, 4
// bytes each, comparing the glyphs they name, and the glyphs then moved
// once each, cycle by cycle, to their places.
func sortByBaseline(fg []fglyph, wb *wordBuf) {
	idx := wb.order[:0]
	if cap(idx) < len(fg) {
		idx = make([]int32, 0, max(len(fg), cap(fg))) // as large as fg's array (see buildLayout)
	}
	nan := false
	for k := range fg {
		base, u0 := fg[k].base, fg[k].u0
		nan = nan || base != base || u0 != u0
		idx = append(idx, int32(k))
	}
	switch {
	case nan:
		slices.SortFunc(idx, func(a, b int32) int { return compareGlyphs(&fg[a], &fg[b]) })
	case mergeRuns(idx, fg, wb):
		// No two keys tie: the order is the only sorted one, slices.SortFunc's.
	default:
		// Keys tie: where their glyphs go is up to the sort's moves, taken
		// from the glyphs' own order.
		for k := range idx {
			idx[k] = int32(k)
		}
		// The same comparisons, without the NaN tests (see sortkeys.go).
		slices.SortFunc(idx, func(a, b int32) int { return lessGlyphs(&fg[a], &fg[b]) })
	}
	// Place n takes the glyph at idx[n]; a place filled is marked -1.
	for n := range idx {
		if idx[n] < 0 || int(idx[n]) == n {
			continue
		}
		first := fg[n]
		dst := n
		for {
			src := int(idx[dst])
			idx[dst] = -1
			if src == n {
				fg[dst] = first
				break
			}
			fg[dst] = fg[src]
			dst = src
		}
	}
	wb.order = idx[:0]
}

// mergeRuns sorts idx, the indices of the glyphs fg in their order, by
// the glyphs' baseline then start (none of them NaN), and reports whether
// no two of them tie. A page's glyphs come mostly in order, drawn line by
// line and each line from its start (the corpus: 2,600 glyphs a page in 22
// ascending runs, none tied), so the runs they come in are merged, in
// about a third of the comparisons of a sort that does not look for them.
// Without ties there is one sorted order, the one slices.SortFunc gives;
// with ties the caller sorts as it did.
func mergeRuns(idx []int32, fg []fglyph, wb *wordBuf) bool {
	n := len(idx)
	bounds := append(wb.bounds[:0], 0)
	for i := 1; i < n; i++ {
		if glyphBefore(&fg[idx[i]], &fg[idx[i-1]]) {
			bounds = append(bounds, i)
		}
	}
	bounds = append(bounds, n)
	if len(bounds) > 2 {
		if cap(wb.merge) < n {
			wb.merge = make([]int32, n, max(n, cap(idx))) // as large as the indices' array
		}
		src, dst := idx, wb.merge[:n]
		next := wb.nextBounds[:0]
		for len(bounds) > 2 {
			next = append(next[:0], 0)
			for j := 0; j+1 < len(bounds); j += 2 {
				lo, mid, hi := bounds[j], bounds[j+1], bounds[j+1]
				if j+2 < len(bounds) {
					hi = bounds[j+2]
				}
				mergeIndices(dst[lo:hi], src[lo:mid], src[mid:hi], fg)
				next = append(next, hi)
			}
			bounds, next = next, bounds
			src, dst = dst, src
		}
		if &src[0] != &idx[0] {
			copy(idx, src)
		}
		wb.nextBounds = next[:0]
	}
	wb.bounds = bounds[:0]
	for i := 1; i < n; i++ {
		if !glyphBefore(&fg[idx[i-1]], &fg[idx[i]]) {
			return false
		}
	}
	return true
}

// glyphBefore reports whether glyph a comes before glyph b by baseline,
// then start (neither NaN).
func glyphBefore(a, b *fglyph) bool {
	return a.base < b.base || a.base == b.base && a.u0 < b.u0
}

// mergeIndices merges a and b, indices into fg sorted by their glyphs,
// into out, a's first where they tie.
func mergeIndices(out, a, b []int32, fg []fglyph) {
	i, j, k := 0, 0, 0
	for i < len(a) && j < len(b) {
		if glyphBefore(&fg[b[j]], &fg[a[i]]) {
			out[k] = b[j]
			j++
		} else {
			out[k] = a[i]
			i++
		}
		k++
	}
	k += copy(out[k:], a[i:])
	copy(out[k:], b[j:])
}

// compareGlyphs orders glyphs by baseline, then by start.
func compareGlyphs(a, b *fglyph) int {
	if c := cmp.Compare(a.base, b.base); c != 0 {
		return c
	}
	return cmp.Compare(a.u0, b.u0)
}

// lessGlyphs is compareGlyphs for glyphs whose keys are not NaN.
func lessGlyphs(a, b *fglyph) int {
	switch {
	case a.base < b.base:
		return -1
	case a.base > b.base:
		return 1
	case a.u0 < b.u0:
		return -1
	case a.u0 > b.u0:
		return 1
	}
	return 0
}

// sortBand sorts a band's glyphs stably by their start. A band of one
// baseline comes sorted from sortByBaseline, and a stable sort leaves a
// sorted slice as it is: it is sorted only when it is not. A band of
// several baselines comes as runs sorted by their start, one a baseline:
// they are merged, in wb's room, the left run's glyph first on a tie,
// which is the one order a stable sort gives, without a stable sort's
// rotations of 56-byte glyphs.
func sortBand(band []fglyph, wb *wordBuf) {
	runs := 1
	for i := range band {
		u0 := band[i].u0
		if u0 != u0 {
			slices.SortStableFunc(band, func(a, b fglyph) int { return cmp.Compare(a.u0, b.u0) })
			return
		}
		if i > 0 && u0 < band[i-1].u0 {
			runs++
		}
	}
	if runs == 1 {
		return
	}
	if cap(wb.band) < len(band) {
		wb.band = make([]fglyph, len(band))
	}
	src, dst := band, wb.band[:len(band)]
	for runs > 1 {
		runs = 0
		for lo := 0; lo < len(src); {
			mid := runEnd(src, lo)
			if mid == len(src) {
				copy(dst[lo:], src[lo:])
				runs++
				break
			}
			hi := runEnd(src, mid)
			mergeBand(dst[lo:hi], src[lo:mid], src[mid:hi])
			runs++
			lo = hi
		}
		src, dst = dst, src
	}
	if &src[0] != &band[0] {
		copy(band, src)
	}
}

// runEnd is the end of the run of glyphs sorted by their start that
// begins at lo.
func runEnd(gs []fglyph, lo int) int {
	k := lo + 1
	for k < len(gs) && !(gs[k].u0 < gs[k-1].u0) {
		k++
	}
	return k
}

// mergeBand merges the sorted runs a and b into out, a's glyph first on a
// tie.
func mergeBand(out, a, b []fglyph) {
	i, j, k := 0, 0, 0
	for i < len(a) && j < len(b) {
		if b[j].u0 < a[i].u0 {
			out[k] = b[j]
			j++
		} else {
			out[k] = a[i]
			i++
		}
		k++
	}
	k += copy(out[k:], a[i:])
	copy(out[k:], b[j:])
}

// dedupe drops glyphs drawn twice at (almost) the same place, the way some
// writers fake bold text: the same glyph of the same font and size, drawn
// right after the other, or as part of a run drawn again over the first
// (the glyph drawn before or after it is drawn again too). A glyph that
// only happens to fall on the same glyph of other text (a cell's text
// overflowing onto the next cell's: the "t" of "Department" on the "t" of
// "Date") is kept.
func dedupe(gs []fglyph, gx []glyphx) []fglyph {
	out := gs[:0]
	for i, g := range gs {
		dup := false
		for j := len(out) - 1; j >= 0 && j >= len(out)-4; j-- {
			o := out[j]
			if g.u0-o.u0 > dupTolEm*g.size {
				break
			}
			if gx[o.i].Text == gx[g.i].Text && math.Abs(o.u0-g.u0) < dupTolEm*g.size && math.Abs(o.base-g.base) < dupTolEm*g.size &&
				overprinted(gx, int(o.i), int(g.i), dupTolEm*g.size) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, gs[i])
		}
	}
	return out
}

// overprinted reports whether glyph b, drawn over glyph a (same text,
// same place to tol), draws a again: same font and size, and drawn right
// after it, or in a run drawn over a's run (a glyph drawn next to b, before
// or after, is the glyph drawn next to a, drawn again), or drawn alone as a
// is (a string of one glyph, shown twice).
func overprinted(gx []glyphx, a, b int, tol float64) bool {
	ga, gb := &gx[a], &gx[b]
	if ga.Font != gb.Font || math.Abs(ga.Size-gb.Size) > 0.01*max(ga.Size, gb.Size) {
		return false
	}
	if d := ga.Seq - gb.Seq; d == 1 || d == -1 {
		return true
	}
	alone := true
	for _, d := range []int{-1, 1} {
		na, okA := drawnNext(gx, a, d, tol)
		nb, okB := drawnNext(gx, b, d, tol)
		if okA && okB && na.Text == nb.Text && math.Abs(na.ox-nb.ox) < tol && math.Abs(na.oy-nb.oy) < tol {
			return true
		}
		alone = alone && !okA && !okB
	}
	return alone
}

// drawnNext returns the glyph drawn right before (d = -1) or after (d = 1)
// glyph i when it stands beside it on its line (its origin within an em
// and a half, on the same baseline to tol).
func drawnNext(gx []glyphx, i, d int, tol float64) (*glyphx, bool) {
	j := i + d
	if j < 0 || j >= len(gx) || gx[j].Seq != gx[i].Seq+int32(d) {
		return nil, false
	}
	g, n := &gx[i], &gx[j]
	if math.Hypot(n.ox-g.ox, n.oy-g.oy) > 1.5*max(g.Size, n.Size) {
		return nil, false
	}
	if n.Dir != g.Dir || (g.Dir%2 == 0 && math.Abs(n.oy-g.oy) > tol) || (g.Dir%2 == 1 && math.Abs(n.ox-g.ox) > tol) {
		return nil, false
	}
	return n, true
}

type styleCount struct {
	style parser.Style
	n     int
}

func dominantStyle(counts []styleCount) parser.Style {
	best := -1
	var s parser.Style
	for _, c := range counts {
		if c.n > best {
			best, s = c.n, c.style
		}
	}
	return s
}

func addStyle(counts []styleCount, s parser.Style, n int) []styleCount {
	for i := range counts {
		if counts[i].style == s {
			counts[i].n += n
			return counts
		}
	}
	return append(counts, styleCount{s, n})
}

func roundSize(s float64) float64 { return math.Round(s*10) / 10 }

// separateRuns keeps apart two runs of text drawn over one another on a
// line (a cell's text overflowing into the next cell's, in a narrow
// table): where glyphs of two runs of two or more glyphs each (runs:
// glyphs drawn one after the other, each to the right of the one
// before) stand among each other, the line's
// glyphs are put run by run, in the order the runs start, and each run
// starts a word (starts[k]: glyph k of the result). Otherwise gs comes
// back as it is, with starts nil.
func separateRuns(gs []fglyph, gx []glyphx) (out []fglyph, starts []bool) {
	if len(gs) < 4 {
		return gs, nil
	}
	// Most lines: drawn left to right, no glyph over the one before.
	plain, prev := true, -1
	for k := range gs {
		if gs[k].space {
			continue
		}
		if prev >= 0 && (gx[gs[k].i].Seq < gx[gs[prev].i].Seq || gs[k].u0 < gs[prev].u1-0.1*max(gs[k].size, gs[prev].size)) {
			plain = false
			break
		}
		prev = k
	}
	if plain {
		return gs, nil
	}
	order := make([]int, len(gs))
	for k := range order {
		order[k] = k
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(gx[gs[a].i].Seq, gx[gs[b].i].Seq) })
	run := make([]int, len(gs))
	size := []int{0}
	for n, k := range order {
		if n > 0 {
			// A run goes on with the next glyph drawn, to its right: a
			// glyph drawn back over the one before starts another.
			p := &gs[order[n-1]]
			if gx[gs[k].i].Seq != gx[p.i].Seq+1 || gs[k].u0 < p.u1-0.25*max(gs[k].size, p.size) {
				size = append(size, 0)
			}
		}
		run[k] = len(size) - 1
		if !gs[k].space {
			size[run[k]]++
		}
	}
	if len(size) < 2 {
		return gs, nil
	}
	// Runs among each other: between two glyphs of one run (in the
	// line's order) stands a glyph of another over one of them, or a run
	// starts over the end of another, both runs of two glyphs or more (an
	// accent drawn over its letter is a run of one). A glyph that fills a
	// hole a run left for it, over neither side, is the run's own text
	// drawn later: a character the run's font lacks, drawn with another
	// font after the run ("Westf" "ä" "lische").
	mixed := false
	last := make([]int, len(size)) // a run's last glyph seen, +1
	prev = -1                      // the glyph before, of a run of two or more
	for k, g := range gs {
		r := run[k]
		if g.space || size[r] < 2 {
			continue
		}
		if prev >= 0 && run[prev] != r && g.u0 < gs[prev].u1-0.1*max(g.size, gs[prev].size) {
			mixed = true // drawn over the end of another run
		}
		prev = k
		if last[r] > 0 {
			left, right := gs[last[r]-1].u1, g.u0
			for j := last[r]; j < k; j++ {
				tol := 0.1 * gs[j].size
				if o := run[j]; o != r && !gs[j].space && size[o] >= 2 && (gs[j].u0 < left-tol || gs[j].u1 > right+tol) {
					mixed = true
				}
			}
		}
		last[r] = k + 1
	}
	if !mixed {
		return gs, nil
	}
	first := make([]float64, len(size))
	for r := range first {
		first[r] = math.Inf(1)
	}
	for k, g := range gs {
		first[run[k]] = min(first[run[k]], g.u0)
	}
	idx := make([]int, len(gs))
	for k := range idx {
		idx[k] = k
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		if c := cmp.Compare(first[run[a]], first[run[b]]); c != 0 {
			return c
		}
		if c := cmp.Compare(run[a], run[b]); c != 0 {
			return c
		}
		return cmp.Compare(gs[a].u0, gs[b].u0)
	})
	out = make([]fglyph, len(gs))
	starts = make([]bool, len(gs))
	for n, k := range idx {
		out[n] = gs[k]
		starts[n] = n > 0 && run[k] != run[idx[n-1]]
	}
	return out, starts
}

// makeLine splits a line's glyphs into words and assembles the line.
func makeLine(dir int, gs []fglyph, gx []glyphx, wb *wordBuf) (TextLine, bool) {
	gs, runStarts := separateRuns(gs, gx)
	var l TextLine
	lineStyles := make([]styleCount, 0, 8)
	words := wb.words[:0]
	lu0, lv0, lu1, lv1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	ws := -1       // start of the current word in gs
	glued := false // the current word follows the previous one without a space
	flush := func(we int) {
		if ws < 0 {
			return
		}
		text := wb.text[:0]
		u0, v0, u1, v1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		styles := make([]styleCount, 0, 4)
		for k := ws; k < we; k++ {
			g := &gs[k]
			if g.space {
				continue
			}
			gg := &gx[g.i]
			for _, r := range gg.Text {
				switch {
				case r == 0 || unicode.IsControl(r):
				case unicode.IsSpace(r):
					text = append(text, ' ')
				default:
					text = utf8.AppendRune(text, r)
				}
			}
			u0, v0 = min(u0, g.u0), min(v0, g.v0)
			u1, v1 = max(u1, g.u1), max(v1, g.v1)
			styles = addStyle(styles, parser.Style{Font: gg.Font, Size: roundSize(gg.Size), Bold: gg.Bold, Italic: gg.Italic}, 1)
		}
		wb.text = text
		ws = -1
		st := dominantStyle(styles)
		for _, s := range styles {
			lineStyles = addStyle(lineStyles, s.style, s.n)
		}
		words = append(words, Word{Text: string(text), Box: pageBox(dir, u0, v0, u1, v1), Style: st, Glued: glued})
		glued = false
		lu0, lv0 = min(lu0, u0), min(lv0, v0)
		lu1, lv1 = max(lu1, u1), max(lv1, v1)
	}
	var last *fglyph
	spaceBreak, runBreak := false, false
	for i := range gs {
		g := &gs[i]
		runBreak = runBreak || runStarts != nil && runStarts[i]
		if g.space {
			// A space separates words only when it lies between its
			// neighbours: a run of spaces drawn under later text (a
			// clipped, space-padded cell) must not split that text.
			if last == nil || spaceBreak {
				continue
			}
			mid := (g.u0 + g.u1) / 2
			for j := i + 1; j < len(gs); j++ {
				if !gs[j].space {
					spaceBreak = last.u1 <= mid+0.01 && gs[j].u0 >= mid-0.01
					break
				}
			}
			continue
		}
		if last != nil && ws >= 0 {
			em := max(g.size, last.size)
			// A raised or lowered glyph (a footnote mark, an exponent)
			// is a word of its own, as in poppler.
			shifted := math.Abs(g.base-last.base) > baseShiftEm*em
			if spaceBreak || shifted || g.u0-last.u1 > wordGapEm*em || g.u0 < last.u0-0.5*em || runBreak {
				flush(i)
			} else if math.Abs(g.size-last.size) > sizeStepEm*em {
				// A change of font size with no gap (small capitals set
				// as a larger capital and smaller ones) starts a new word,
				// as in poppler, glued to the one before: no space
				// between them in the line's text.
				flush(i)
				glued = true
			}
		}
		spaceBreak, runBreak = false, false
		if ws < 0 {
			ws = i
		}
		last = g
	}
	flush(len(gs))
	wb.words = words[:0]
	if len(words) == 0 {
		return l, false
	}
	l.Words = slices.Clone(words)
	l.Box = pageBox(dir, lu0, lv0, lu1, lv1)
	l.Style = dominantStyle(lineStyles)
	return l, true
}

// accentMark returns the combining mark of a spacing accent a font may
// draw as a glyph of its own ("¨" → U+0308); asked of every glyph of a
// line, it looks at the text's first byte before anything else.
func accentMark(t string) (rune, bool) {
	if t == "" || len(t) > 2 || (t[0] != '`' && t[0] != '^' && t[0] != '~' && t[0] != 0xC2 && t[0] != 0xCB) {
		return 0, false
	}
	switch t {
	case "\u00A8":
		return 0x0308, true
	case "\u00B4":
		return 0x0301, true
	case "`":
		return 0x0300, true
	case "\u02C6", "^":
		return 0x0302, true
	case "\u02DC", "~":
		return 0x0303, true
	case "\u00AF":
		return 0x0304, true
	case "\u02D8":
		return 0x0306, true
	case "\u02D9":
		return 0x0307, true
	case "\u02DA":
		return 0x030A, true
	case "\u02DD":
		return 0x030B, true
	case "\u02C7":
		return 0x030C, true
	case "\u00B8":
		return 0x0327, true
	case "\u02DB":
		return 0x0328, true
	}
	return 0, false
}

// composeAccents puts an accent drawn as a glyph of its own over (or
// under) a letter onto that letter: TeX's default fonts (OT1) have no
// accented letters, so "ä" is an "a" with a "¨" set over it, which a
// reading in order of position gives as "¨ a", a word parted. A glyph of
// one spacing accent whose middle stands over a letter of the band, the
// accent's box no more than twice as wide as the letter's, becomes that
// letter's mark (NFC: "ä"; a dotless ı takes the mark as an i); the
// accent's glyph goes. gs is sorted along the line; gx's texts change in
// place.
func composeAccents(gs []fglyph, gx []glyphx) []fglyph {
	has := false
	for i := range gs {
		if _, ok := accentMark(gx[gs[i].i].Text); ok && !gs[i].space {
			has = true
			break
		}
	}
	if !has {
		return gs
	}
	out := gs[:0]
	for i := range gs {
		g := gs[i]
		mark, ok := accentMark(gx[g.i].Text)
		if !ok || g.space {
			out = append(out, g)
			continue
		}
		mid := (g.u0 + g.u1) / 2
		base := -1
		for _, k := range []int{i + 1, i - 1, i + 2, i - 2} {
			if k < 0 || k >= len(gs) || gs[k].space {
				continue
			}
			b := &gs[k]
			r, n := utf8.DecodeRuneInString(gx[b.i].Text)
			if n == 0 || n != len(gx[b.i].Text) || !unicode.IsLetter(r) {
				continue
			}
			if mid >= b.u0 && mid <= b.u1 && g.u1-g.u0 <= 2*(b.u1-b.u0) {
				base = k
				break
			}
		}
		if base < 0 {
			out = append(out, g)
			continue
		}
		b := &gx[gs[base].i]
		letter := b.Text
		if letter == "\u0131" {
			letter = "i" // (ı with an accent: í)
		}
		b.Text = norm.NFC.String(letter + string(mark))
	}
	return out
}
