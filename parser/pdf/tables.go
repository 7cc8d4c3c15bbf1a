package pdf

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/parser"
)

// Table detection works on one page's layout at a time and then stitches
// tables that continue over a page break:
//
//   - lattice: ruling segments are snapped and joined into lines, lines that
//     touch form a connected grid, and every grid cell whose inner ruling is
//     missing is merged with its neighbour (spans);
//   - stream: words not inside a ruled table are grouped into baseline rows
//     and chunks; column gaps are x ranges that no chunk covers in (almost)
//     every row of a run of multi-chunk rows.
//
// Everything is derived from the page's own geometry; the only constants are
// tolerances in points or in line heights.

// Ruling tolerances, in points.
const (
	snapTol = 2.5 // rulings this close are one line
	joinTol = 3.0 // collinear rulings with a gap up to this are joined
	minCell = 3.0 // grid lines closer than this are one line

	maxRules     = 4000    // per direction and page, after joining
	maxGridCells = 250_000 // per grid
)

// pageTable is a table found on one page, before stitching.
type pageTable struct {
	table  parser.Table
	region parser.Box
	cols   []float64 // column boundaries, len = columns+1
	starts []float64 // stream tables: where each column's text starts
	bold   []bool    // per row: it has words and all of them are bold
}

// tword is a word with the geometry table detection uses.
type tword struct {
	Word
	cx, cy float64
	h      float64
	// line is the index of the text line the word came in (-1 for flat
	// words), and justified says that line is justified text: its word
	// gaps, however wide, are word gaps and never part two cells.
	line      int
	justified bool
	rtl       bool // beside justified: a word is 128 bytes, not 136
}

func newTword(w Word) tword {
	return tword{
		Word: w,
		cx:   (w.Box.X0 + w.Box.X1) / 2,
		cy:   (w.Box.Y0 + w.Box.Y1) / 2,
		h:    max(w.Box.Y1-w.Box.Y0, 1),
		rtl:  isRTL(w.Text),
	}
}

// isRTL reports whether a word is written in a right-to-left script.
func isRTL(s string) bool {
	rtl, ltr := 0, 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf: // no right-to-left script; a letter when a-z in either case
			if l := r | 0x20; 'a' <= l && l <= 'z' {
				ltr++
			}
		case unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana):
			rtl++
		case unicode.IsLetter(r):
			ltr++
		}
	}
	return rtl > ltr
}

// twordBuf is the array of table words one worker's pages are found in, one
// page after the other: a page's words are needed only while its tables
// are found. Which array a page gets changes nothing: pageWords fills it
// from its start. A nil twordBuf gives a new array to every page.
//
// byX and keys are the arrays in which wordSet.split sorts a page's
// glyphs by left edge, left to the next page the same way: one entry a
// glyph, they are the largest of the page's word sets' arrays.
type twordBuf struct {
	ws   []tword
	byX  []int
	keys []keyed
}

// glyphOrder returns an array of the n indices 0 to n-1, in b's array
// when it is large enough, and b's sort keys' array.
func (b *twordBuf) glyphOrder(n int) ([]int, []keyed) {
	var idx []int
	var keys []keyed
	if b != nil {
		idx, keys = b.byX[:0], b.keys[:0]
		b.byX, b.keys = nil, nil // lent until putOrder
	}
	if cap(idx) < n {
		idx = make([]int, 0, n)
	}
	for k := range n {
		idx = append(idx, k)
	}
	return idx, keys
}

// putOrder gives the arrays of glyphOrder back for the next page.
func (b *twordBuf) putOrder(idx []int, keys []keyed) {
	if b == nil {
		return
	}
	b.byX, b.keys = idx[:0], keys[:0]
}

// get returns an empty array for n words or more.
func (b *twordBuf) get(n int) []tword {
	if b != nil && cap(b.ws) >= n {
		ws := b.ws[:0]
		b.ws = nil // lent until put
		return ws
	}
	return make([]tword, 0, n)
}

// put gives an array of words back for the next page.
func (b *twordBuf) put(ws []tword) {
	if b == nil {
		return
	}
	clear(ws)
	b.ws = ws[:0]
}

// pageWords collects a page's words. Layouts from the text layer carry the
// words both flat and in lines; lines are preferred (they are what the
// document shows), flat words are the fallback. A glued word (small
// capitals after a larger capital) is joined to the word before it: a cell
// reads "THRESHOLD", not "T HRESHOLD".
func pageWords(p *PageLayout) []tword { return (*twordBuf)(nil).pageWords(p) }

// pageWords is pageWords in an array of b's.
func (b *twordBuf) pageWords(p *PageLayout) []tword {
	n := 0
	for _, l := range p.Lines {
		n += len(l.Words)
	}
	if n == 0 {
		n = len(p.Words)
	}
	out := b.get(n)
	// Words of short lines set smaller than most lines: markers set as
	// superscripts among them.
	hs := make([]float64, len(p.Lines))
	for k, l := range p.Lines {
		hs[k] = l.Box.Height()
	}
	lineH := medianOwned(hs)
	var raised []Word
	for _, l := range p.Lines {
		if len(l.Words) <= 2 && l.Box.Height() < 0.85*lineH {
			raised = append(raised, l.Words...)
		}
	}
	for li, l := range p.Lines {
		words := mergeGlued(l.Words)
		just := justifiedLine(l, withoutRaised(l, words, raised)) || l.justified && stretchedPair(l, words)
		for _, w := range words {
			if strings.TrimSpace(w.Text) == "" {
				continue
			}
			tw := newTword(w)
			tw.line, tw.justified = li, just
			out = append(out, tw)
		}
	}
	if len(out) == 0 {
		for _, w := range mergeGlued(p.Words) {
			if strings.TrimSpace(w.Text) == "" {
				continue
			}
			tw := newTword(w)
			tw.line = -1
			out = append(out, tw)
		}
	}
	return out
}

// justifiedLine reports whether a line is justified text: three or more
// words (after its list marker) whose gaps are stretched past a chunk
// gap and all of one width. The cells of a table row stand apart by
// gaps of as many widths as the texts before them have lengths.
func justifiedLine(l TextLine, words []Word) bool {
	if l.marker != "" && len(words) > 0 {
		words = words[1:]
	}
	if len(words) < 3 {
		return false
	}
	h := max(l.Box.Y1-l.Box.Y0, 1)
	lo, hi := math.Inf(1), math.Inf(-1)
	for k := 1; k < len(words); k++ {
		g := words[k].Box.X0 - words[k-1].Box.X1
		lo, hi = math.Min(lo, g), math.Max(hi, g)
	}
	return lo > 0 && hi > chunkGapH*h && hi-lo <= max(0.5, 0.03*h)
}

// withoutRaised returns the words of line l with the width of a marker
// set as a superscript in a gap between two of them taken off the word
// before it, as if the marker were part of that word ("Bretagne*"): the
// gap is then the line's stretched word gap, to be compared with its
// others. words is returned as it is when no marker stands in a gap.
func withoutRaised(l TextLine, words []Word, raised []Word) []Word {
	h := l.Box.Height()
	var out []Word
	for k := 1; k < len(words); k++ {
		a, b := words[k-1].Box, words[k].Box
		for _, r := range raised {
			rb := r.Box
			if rb.Height() >= 0.85*h || rb.Y1 <= l.Box.Y0 || rb.Y0 >= l.Box.Y1 || rb.X0 < a.X1-0.5 || rb.X1 > b.X0+0.5 {
				continue
			}
			if out == nil {
				out = slices.Clone(words)
			}
			out[k-1].Box.X1 = rb.X1 // the marker taken into the word before it
			break
		}
	}
	if out == nil {
		return words
	}
	return out
}

// stretchedPair reports a line of two words (after its list marker), in
// a script set with spaces, that joinJustified joined: the one gap of a
// justified line, which justifiedLine cannot compare with another
// ("Graduate          School", "Apr.       15,"). Lines of more words
// are justifiedLine's to judge; text without spaces is not stretched so.
func stretchedPair(l TextLine, words []Word) bool {
	if l.marker != "" && len(words) > 0 {
		words = words[1:]
	}
	hanKana := func(r rune) bool { return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) }
	return len(words) == 2 && spacedWord(words[0].Text) && !strings.ContainsFunc(words[1].Text, hanKana)
}

// wordSet is a page's words, with the ones a table has taken.
type wordSet struct {
	ws   []tword
	used []bool
	byX  []int // the page's glyphs by left edge, sorted on first use
	// sorted says byX is; keys is the array it was sorted with, and buf
	// the worker's arrays both are taken from (nil: new ones).
	sorted bool
	keys   []keyed
	buf    *twordBuf
}

// split cuts word i at the x positions cuts (ascending) into pieces made
// from the word's glyphs: a word that runs over a cell border (text that
// overflows its cell up to the next cell's text) belongs to two cells.
// It is cut only between glyphs drawn apart: glyphs drawn one after the
// other are one run of text, which stays whole in the cell it starts in
// however far it overflows.
// Word i becomes the first piece; the indices of the others are returned.
// Without glyphs the word stays whole.
func (s *wordSet) split(p *PageLayout, i int, cuts []float64) []int {
	if !s.sorted {
		s.byX, s.keys = s.buf.glyphOrder(p.glyphCount())
		s.keys = sortIndices(s.byX, func(k int) float64 { return p.glyph(k).Box.X0 }, s.keys)
		s.sorted = true
	}
	w := s.ws[i]
	lo, _ := slices.BinarySearchFunc(s.byX, w.Box.X0-1, func(k int, x float64) int { return cmp.Compare(p.glyph(k).Box.X0, x) })
	pieces := make([][]int, len(cuts)+1)
	last, lastN := -1, 0
	for _, k := range s.byX[lo:] {
		g := p.glyph(k)
		if g.Box.X0 > w.Box.X1 {
			break
		}
		gx, gy := (g.Box.X0+g.Box.X1)/2, (g.Box.Y0+g.Box.Y1)/2
		if gx > w.Box.X1 || gy < w.Box.Y0 || gy > w.Box.Y1 || strings.TrimSpace(g.Text) == "" {
			continue
		}
		n, _ := slices.BinarySearch(cuts, gx)
		if last >= 0 && g.Seq == p.glyph(last).Seq+1 {
			// Drawn right after the glyph before it: the same run of
			// text, overflowing its cell, stays in the cell it starts in.
			n = lastN
		}
		last, lastN = k, n
		pieces[n] = append(pieces[n], k)
	}
	var out []int
	first := true
	for _, gs := range pieces {
		if len(gs) == 0 {
			continue
		}
		var text strings.Builder
		box := p.glyph(gs[0]).Box
		for _, k := range gs {
			text.WriteString(p.glyph(k).Text)
			box = union(box, p.glyph(k).Box)
		}
		nw := w.Word
		nw.Text, nw.Box = text.String(), parser.Box{X0: box.X0, Y0: w.Box.Y0, X1: box.X1, Y1: w.Box.Y1}
		piece := newTword(nw)
		piece.line, piece.justified = w.line, w.justified
		if first {
			s.ws[i] = piece
			first = false
			continue
		}
		s.ws = append(s.ws, piece)
		s.used = append(s.used, false)
		out = append(out, len(s.ws)-1)
	}
	return out
}

// baselines groups words into visual lines: words whose vertical centres lie
// within 40% of the smaller height of each other. Each line's words are
// sorted left to right. The result is sorted top to bottom.
func baselines(ws []tword, idx []int) [][]int { return baselinesIn(ws, idx, nil) }

// lineBuf holds the arrays of a set of words' visual lines (baselinesIn)
// for a caller that is done with them when it asks for the lines of its
// next set: each set's are made in the arrays of the one before.
type lineBuf struct {
	order []int
	lines [][]int
	spans []parser.LineSpan  // room the spans of cells of several lines are cut from (cellTextSpans)
	one   [1]parser.LineSpan // the span of a cell of one line, until the next cell's
}

// takeSpans returns room for n line spans, cut from b's (nil b: made
// anew). The room is the caller's to keep: b cuts none of it again.
func (b *lineBuf) takeSpans(n int) []parser.LineSpan {
	if b == nil {
		return make([]parser.LineSpan, 0, n)
	}
	if cap(b.spans)-len(b.spans) < n {
		b.spans = make([]parser.LineSpan, 0, max(n, 256))
	}
	out := b.spans[len(b.spans) : len(b.spans) : len(b.spans)+n]
	b.spans = b.spans[:len(b.spans)+n]
	return out
}

// baselinesIn is baselines, the lines made in b's arrays (b nil: new
// ones); they are b's until the next call with b.
func baselinesIn(ws []tword, idx []int, b *lineBuf) [][]int {
	var order []int
	if b != nil {
		order = append(b.order[:0], idx...)
		b.order = order
	} else {
		order = slices.Clone(idx)
	}
	if anyNaN(order, func(k int) float64 { return ws[k].cy }) {
		slices.SortFunc(order, func(a, b int) int { return cmp.Compare(ws[a].cy, ws[b].cy) })
	} else {
		slices.SortFunc(order, func(a, b int) int { return compareNumbers(ws[a].cy, ws[b].cy) })
	}
	// Each line is a run of order: a slice of it (capped, so that an
	// append to one line cannot write into the next). The runs' ends are
	// found first (each once; a few dozen on the stack), so that the
	// lines are made in one slice.
	if len(order) == 0 {
		return nil
	}
	var endBuf [64]int
	ends := endBuf[:0]
	for start := 0; start < len(order); start = ends[len(ends)-1] {
		ends = append(ends, lineRun(ws, order, start))
	}
	var lines [][]int
	if b != nil {
		clear(b.lines)
		lines = b.lines[:0]
	}
	if cap(lines) < len(ends) {
		lines = make([][]int, 0, len(ends))
	}
	start := 0
	for _, end := range ends {
		lines = append(lines, order[start:end:end])
		start = end
	}
	if anyNaN(order, func(k int) float64 { return ws[k].Box.X0 }) {
		for _, l := range lines {
			slices.SortFunc(l, func(a, b int) int { return cmp.Compare(ws[a].Box.X0, ws[b].Box.X0) })
		}
	} else {
		for _, l := range lines {
			slices.SortFunc(l, func(a, b int) int { return compareNumbers(ws[a].Box.X0, ws[b].Box.X0) })
		}
	}
	if b != nil {
		b.lines = lines
	}
	return lines
}

// lineRun returns the end of the visual line that starts at order[start]:
// it goes on while the next word's centre lies within 40% of the smaller
// of its height and the line's mean height from the line's mean centre.
func lineRun(ws []tword, order []int, start int) int {
	cy, h := ws[order[start]].cy, ws[order[start]].h // the line's mean centre and height
	k := start + 1
	for ; k < len(order); k++ {
		w := &ws[order[k]]
		if abs(w.cy-cy) > 0.4*min(w.h, h) {
			break
		}
		n := float64(k - start + 1)
		cy += (w.cy - cy) / n
		h += (w.h - h) / n
	}
	return k
}

// joinWords renders the words of one visual line (sorted left to right) as
// text, right to left when most of its words are in a right-to-left script.
func joinWords(ws []tword, line []int) string {
	rtl := 0
	for _, i := range line {
		if ws[i].rtl {
			rtl++
		}
	}
	parts := make([]string, 0, len(line))
	for _, i := range line {
		t := singleSpaced(ws[i].Text)
		if ws[i].rtl {
			t = visualToLogical(t)
		}
		if t != "" {
			parts = append(parts, t)
		}
	}
	if 2*rtl > len(line) {
		slices.Reverse(parts)
	}
	return strings.Join(parts, " ")
}

// singleSpaced is strings.Join(strings.Fields(s), " "): s without
// leading and trailing white space, each run of it inside one space. Most
// words have none, and come back as they are.
func singleSpaced(s string) string {
	prevSpace := true // at the start, a space would be leading
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return strings.Join(strings.Fields(s), " ")
			}
			i += n - 1
			prevSpace = false
			continue
		}
		space := asciiSpace(c)
		if space && (prevSpace || c != ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = space
	}
	if prevSpace && len(s) > 0 {
		return strings.Join(strings.Fields(s), " ") // a trailing space
	}
	return s
}

// asciiSpace reports whether c is white space to strings.Fields.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// visualToLogical turns a right-to-left word laid out left to right (the
// order its glyphs stand on the page) into reading order: characters
// reversed, brackets mirrored, runs of digits kept left to right.
func visualToLogical(s string) string {
	rs := []rune(s)
	slices.Reverse(rs)
	for i := 0; i < len(rs); {
		if !unicode.IsDigit(rs[i]) {
			if m, ok := mirrored[rs[i]]; ok {
				rs[i] = m
			}
			i++
			continue
		}
		j := i
		for j < len(rs) && (unicode.IsDigit(rs[j]) || rs[j] == '.' || rs[j] == ',') {
			j++
		}
		slices.Reverse(rs[i:j])
		i = j
	}
	return string(rs)
}

var mirrored = map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<'}

// cellText fills a cell's lines and text from its words.
func cellText(ws []tword, idx []int) (text string, lines []string) {
	return cellTextIn(ws, idx, nil)
}

// cellTextIn is cellText, the words' visual lines found in b's arrays (see
// baselinesIn; nil: new ones): a table's cells, read one after the other,
// share them, where each cell made its own (two arrays a cell, most of
// them of one word). The lines of text it returns are the cell's own.
func cellTextIn(ws []tword, idx []int, b *lineBuf) (text string, lines []string) {
	text, lines, _ = cellTextSpans(ws, idx, b, false)
	return text, lines
}

// furthestRight is the furthest of right and where the spans end.
func furthestRight(right float64, spans []parser.LineSpan) float64 {
	for _, s := range spans {
		right = max(right, float64(s.X1))
	}
	return right
}

// cellTextSpans is cellTextIn, and where each line runs across the page
// when withSpans is set (a cell of one line: in b, until the next call) (parser.LineSpan: the
// normaliser tells a line the width broke from one its writer broke).
func cellTextSpans(ws []tword, idx []int, b *lineBuf, withSpans bool) (text string, lines []string, spans []parser.LineSpan) {
	if len(idx) == 0 {
		return "", nil, nil
	}
	ls := raisedIntoLines(ws, baselinesIn(ws, idx, b))
	switch {
	case !withSpans:
	case len(ls) == 1 && b != nil:
		spans = b.one[:0] // (a cell of one line keeps none: its span tells its column's right edge only)
	default:
		spans = b.takeSpans(len(ls)) // (one run for the cells of a table: a slice each would be an allocation a cell)
	}
	for _, l := range ls {
		if t := joinWords(ws, l); t != "" {
			lines = append(lines, t)
			if withSpans {
				wb := wordsBox(ws, l)
				spans = append(spans, parser.LineSpan{X0: float32(wb.X0), X1: float32(wb.X1)})
			}
		}
	}
	return strings.Join(lines, " "), lines, spans
}

// raisedIntoLines puts a marker set as a superscript, which stands on a
// baseline of its own above the line it marks, back into that line, in its
// place from left to right: a cell's "Mahdakh Burtgel" / "*" /
// "University" is "Mahdakh Burtgel" / "University *". A line is such a
// marker when it holds one or two words set smaller than the next line's
// and overlaps that line's height.
// maxMarkerRunes is the most characters a raised marker has (raisedOver).
const maxMarkerRunes = 4

func raisedIntoLines(ws []tword, lines [][]int) [][]int {
	if len(lines) < 2 {
		return lines
	}
	var out [][]int
	for k := 0; k < len(lines); k++ {
		l := lines[k]
		if k+1 < len(lines) && len(l) <= 2 && raisedOver(ws, l, lines[k+1]) {
			next := append(slices.Clone(l), lines[k+1]...)
			slices.SortFunc(next, func(a, b int) int { return cmp.Compare(ws[a].Box.X0, ws[b].Box.X0) })
			lines[k+1] = next
			continue
		}
		out = append(out, l)
	}
	return out
}

// raisedOver reports whether the words of line l are set smaller than
// those of line next and reach down into it, each as short as a marker is
// ("*", "※1", "(a)"): a note in smaller type over a table ("♦ 授業料不徴収"),
// its font's box tall enough to reach into the next line, is no marker.
func raisedOver(ws []tword, l, next []int) bool {
	for _, i := range l {
		if utf8.RuneCountInString(ws[i].Text) > maxMarkerRunes {
			return false
		}
	}
	hs := make([]float64, len(next))
	for k, i := range next {
		hs[k] = ws[i].h
	}
	h := median(hs)
	nb := wordsBox(ws, next)
	for _, i := range l {
		w := &ws[i]
		if w.h >= 0.85*h || w.Box.Y1 <= nb.Y0+0.2*w.h || w.Box.Y0 >= nb.Y0 {
			return false
		}
	}
	return true
}

func wordsBox(ws []tword, idx []int) parser.Box {
	b := ws[idx[0]].Box
	for _, i := range idx[1:] {
		b = union(b, ws[i].Box)
	}
	return b
}

func union(a, b parser.Box) parser.Box {
	return parser.Box{X0: min(a.X0, b.X0), Y0: min(a.Y0, b.Y0), X1: max(a.X1, b.X1), Y1: max(a.Y1, b.Y1)}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	// Most medians are of a line's or a cell's few words: sorted in an
	// array on the stack, not in a copy on the heap.
	var buf [32]float64
	var s []float64
	if len(xs) <= len(buf) {
		s = buf[:len(xs)]
		copy(s, xs)
	} else {
		s = slices.Clone(xs)
	}
	slices.Sort(s)
	return s[len(s)/2]
}

// medianOwned is median(xs) for a slice the caller no longer needs: xs
// is sorted in place, not copied.
func medianOwned(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	return xs[len(xs)/2]
}

// pageTables finds the tables on one page, top to bottom (on a page set
// in two columns, the left column's before the right's): ruled tables
// first, then whitespace-aligned tables in the text that no ruled table
// took, in each column by itself.
func pageTables(p *PageLayout) []pageTable { return (*twordBuf)(nil).pageTables(p) }

// pageTables is pageTables with the page's words in an array of b's.
func (b *twordBuf) pageTables(p *PageLayout) []pageTable {
	s := &wordSet{ws: b.pageWords(p), buf: b}
	defer func() {
		b.put(s.ws) // no table found keeps a word: cells hold the words' text
		if s.sorted {
			b.putOrder(s.byX, s.keys) // nor a glyph index
		}
	}()
	p.rules = pageRuleMemo{keep: true}
	defer func() { p.rules = pageRuleMemo{} }()
	s.used = make([]bool, len(s.ws))
	tabs := latticeTables(p, s)
	var rest []int
	for i := range s.ws {
		if !s.used[i] {
			rest = append(rest, i)
		}
	}
	// The gutter is looked for among all the page's words (ruled tables
	// set in the columns show it too), and no ruled table may cross it.
	all := make([]int, len(s.ws))
	for i := range all {
		all[i] = i
	}
	tc, two := splitTextColumns(s.ws, all)
	hrules, _ := pageRules(p)
	rc, byRules := ruleColumns(s.ws, all, hrules)
	if two && byRules && rc.gutter.lo < tc.gutter.hi && rc.gutter.hi > tc.gutter.lo {
		// The tables' own rules stand apart at a narrower band inside
		// the gutter: a column's sparse last column (markers) may stand
		// in the band the text leaves.
		tc.gutter = interval{lo: max(tc.gutter.lo, rc.gutter.lo), hi: min(tc.gutter.hi, rc.gutter.hi)}
		tc.partition(s.ws, all)
		tc.zone = union(wordsBox(s.ws, tc.left), wordsBox(s.ws, tc.right))
	}
	byTables := false
	if !two {
		tc, two = tableColumns(s.ws, all, tabs)
		byTables = two
	}
	if !two {
		// Tables in two columns whose rows share baselines read as one
		// table whose header says its columns twice.
		nflows := len(p.flows)
		whole := streamTables(p, s.ws, rest)
		tc, two = repeatedHeaderColumns(s.ws, all, whole, hrules)
		if !two {
			tc, two = rc, byRules
		}
		byTables = two
		if two {
			p.flows = p.flows[:nflows] // read again, column by column
		} else {
			tabs = append(tabs, whole...)
		}
	}
	crossed := func() bool {
		for _, t := range tabs {
			if t.region.X0 < tc.gutter.lo && t.region.X1 > tc.gutter.hi {
				return true
			}
		}
		return false
	}
	if two && crossed() && !tc.overlapped {
		// Ruled tables cross the text's gutter: the tables of each
		// column may run on into the other, overlapping there.
		tc, two = overlappingTableColumns(s.ws, all, tabs)
		byTables = two
	}
	if two && crossed() {
		two = false
	}
	if two {
		tc.partition(s.ws, rest)
		// A page in two columns: each column's tables by themselves, and
		// the columns read one after the other.
		f := flowArea{box: tc.zone, byTables: byTables}
		if tc.overlapped {
			f.overlap = tc.gutter
		}
		p.flows = append(p.flows, f)
		for _, part := range [][]int{tc.rest, tc.left, tc.right} {
			tabs = append(tabs, streamTables(p, s.ws, part)...)
		}
	}
	slices.SortStableFunc(tabs, func(a, b pageTable) int {
		if two {
			if sa, sb := tc.side(a.region), tc.side(b.region); sa != sb {
				return cmp.Compare(sa, sb)
			}
		}
		return cmp.Compare(a.region.Y0, b.region.Y0)
	})
	for i := range tabs {
		markHeader(&tabs[i])
	}
	return tabs
}

// tableColumns finds the gutter of a page set in two columns from its
// ruled tables, when their lines do not tell it (the two columns' lines
// standing on the same baselines): an upright band that no table
// crosses, wider than the gap at which rulings join (a table's frame
// may reach into the gutter), with tables on both sides, two or more on
// one of them, the two sides' tables side by side over part of their
// height.
func tableColumns(ws []tword, idx []int, tabs []pageTable) (textColumns, bool) {
	if len(tabs) < 3 {
		return textColumns{}, false
	}
	var ivs []interval
	for _, t := range tabs {
		ivs = addInterval(ivs, t.region.X0, t.region.X1)
	}
	for k := 1; k < len(ivs); k++ {
		lo, hi := ivs[k-1].hi, ivs[k].lo
		if hi-lo <= joinTol {
			continue
		}
		var nl, nr int
		left, right := parser.Box{Y0: math.Inf(1), Y1: math.Inf(-1)}, parser.Box{Y0: math.Inf(1), Y1: math.Inf(-1)}
		for _, t := range tabs {
			b := &right
			if t.region.X1 <= lo {
				b, nl = &left, nl+1
			} else {
				nr++
			}
			b.Y0, b.Y1 = math.Min(b.Y0, t.region.Y0), math.Max(b.Y1, t.region.Y1)
		}
		if nl == 0 || nr == 0 || max(nl, nr) < 2 || min(left.Y1, right.Y1) <= max(left.Y0, right.Y0) {
			continue
		}
		tc := textColumns{gutter: interval{lo: lo, hi: hi}}
		tc.partition(ws, idx)
		// The columns stand where the tables do: a title over both
		// columns is words on both sides of the gutter too.
		tc.zone = tabs[0].region
		for _, t := range tabs[1:] {
			tc.zone = union(tc.zone, t.region)
		}
		return tc, true
	}
	return overlappingTableColumns(ws, idx, tabs)
}

// overlappingTableColumns finds the gutter of a page set in two columns
// from its ruled tables when the tables of one column run on into the
// other (tables wider than their column, each ruled by itself): the
// tables fall into two sets, every table of the right one starting and
// ending right of where every table of the left one does, the two
// reaching into each other by less than a quarter of the narrowest
// table's width, side by side over part of their height, two tables or
// more on one side. The gutter is the band both reach into.
func overlappingTableColumns(ws []tword, idx []int, tabs []pageTable) (textColumns, bool) {
	byX0 := slices.Clone(tabs)
	slices.SortFunc(byX0, func(a, b pageTable) int { return cmp.Compare(a.region.X0, b.region.X0) })
	for k := 1; k < len(byX0); k++ {
		left, right := byX0[:k], byX0[k:]
		if right[0].region.X0-left[k-1].region.X0 <= joinTol {
			continue
		}
		lb, rb := left[0].region, right[0].region
		narrowest := math.Inf(1)
		leftX1, rightX1 := math.Inf(-1), math.Inf(1)
		for _, t := range left {
			lb = union(lb, t.region)
			leftX1 = max(leftX1, t.region.X1)
			narrowest = min(narrowest, t.region.X1-t.region.X0)
		}
		for _, t := range right {
			rb = union(rb, t.region)
			rightX1 = min(rightX1, t.region.X1)
			narrowest = min(narrowest, t.region.X1-t.region.X0)
		}
		lo, hi := rb.X0, leftX1
		if hi <= lo || hi-lo >= 0.25*narrowest || rightX1 <= leftX1 || max(len(left), len(right)) < 2 ||
			min(lb.Y1, rb.Y1) <= max(lb.Y0, rb.Y0) {
			continue
		}
		tc := textColumns{gutter: interval{lo: lo, hi: hi}, overlapped: true}
		tc.partition(ws, idx)
		tc.zone = union(lb, rb)
		return tc, true
	}
	return textColumns{}, false
}

// repeatedHeaderColumns finds the gutter of a page set in two columns
// from a whitespace table read across both: one of its first rows names
// the same columns twice, side by side (each column's table under its
// own header, on the same baselines), and the table's horizontal rules
// stop short of the boundary between the two runs of columns, on both
// sides of it (each column's tables ruled by themselves). The gutter is
// that boundary.
func repeatedHeaderColumns(ws []tword, idx []int, tabs []pageTable, hrules []rule) (textColumns, bool) {
	for _, t := range tabs {
		for _, r := range t.table.Rows[:min(3, len(t.table.Rows))] {
			n := len(r.Cells)
			if n < 4 || n%2 != 0 || len(t.cols) != n+1 {
				continue
			}
			k := n / 2
			same := true
			for j := range k {
				a, b := strings.TrimSpace(r.Cells[j].Text), strings.TrimSpace(r.Cells[j+k].Text)
				same = same && a == b && !r.Cells[j].Covered && !r.Cells[j+k].Covered && (a != "" || j > 0)
			}
			if !same || strings.TrimSpace(r.Cells[0].Text) == "" {
				continue
			}
			x := t.cols[k]
			if !rulesApart(hrules, t.region, x) {
				continue
			}
			tc := textColumns{gutter: interval{lo: x, hi: x}}
			tc.partition(ws, idx)
			tc.zone = t.region
			return tc, true
		}
	}
	return textColumns{}, false
}

// ruleColumns finds the gutter of a page set in two columns from its
// horizontal rules: tables ruled by themselves in each column (rules
// under rows, not a grid), the rules of one column never reaching into
// the other. The rules fall in two runs across the page, apart by a band
// no rule crosses, at least minGutter wide, with two rules or more of one
// extent on each side beside one another. The columns' area starts two lines above
// the first rule (the groups' names over their tables).
func ruleColumns(ws []tword, idx []int, hrules []rule) (textColumns, bool) {
	if len(hrules) < 4 || len(idx) == 0 {
		return textColumns{}, false
	}
	var ivs []interval
	for _, r := range hrules {
		ivs = addInterval(ivs, r.lo, r.hi)
	}
	if len(ivs) != 2 || ivs[1].lo-ivs[0].hi < minGutter {
		return textColumns{}, false
	}
	lo, hi := ivs[0].hi, ivs[1].lo
	// A table's rules run its width: on each side two rules or more of
	// one extent (underlined headings' rules are as long as their words).
	var nl, nr int
	ly0, ly1, ry0, ry1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for i, r := range hrules {
		alike := false
		for j, o := range hrules {
			alike = alike || j != i && abs(o.lo-r.lo) <= snapTol && abs(o.hi-r.hi) <= snapTol
		}
		switch {
		case !alike:
		case r.hi <= lo:
			nl++
			ly0, ly1 = math.Min(ly0, r.at), math.Max(ly1, r.at)
		default:
			nr++
			ry0, ry1 = math.Min(ry0, r.at), math.Max(ry1, r.at)
		}
	}
	if nl < 2 || nr < 2 || math.Min(ly1, ry1) <= math.Max(ly0, ry0) {
		return textColumns{}, false
	}
	hs := make([]float64, 0, len(idx))
	for _, i := range idx {
		hs = append(hs, ws[i].h)
	}
	h := median(hs)
	tc := textColumns{gutter: interval{lo: lo, hi: hi}}
	tc.partition(ws, idx)
	tc.zone = parser.Box{X0: ivs[0].lo, Y0: math.Min(ly0, ry0) - 2*h, X1: ivs[1].hi, Y1: math.Max(ly1, ry1) + h}
	return tc, true
}

// rulesApart reports whether the horizontal rules in a region stand on
// both sides of x, none across it.
func rulesApart(hrules []rule, region parser.Box, x float64) bool {
	left, right := false, false
	for _, r := range hrules {
		if r.at < region.Y0-snapTol || r.at > region.Y1+snapTol || r.hi <= region.X0 || r.lo >= region.X1 {
			continue
		}
		switch {
		case r.hi <= x:
			left = true
		case r.lo >= x:
			right = true
		default:
			return false
		}
	}
	return left && right
}

// markHeader marks the leading rows whose words are all bold as header
// rows, unless every row is bold. A row of one cell after a row of
// several (column headings) ends the header: it is the first group's
// heading, set bold like the headings above it. Rows of one cell in
// plain text before bold column headings (a legend or a note over the
// table) are skipped, and stay rows.
func markHeader(pt *pageTable) {
	from := 0
	for from < len(pt.bold) && !pt.bold[from] && filledCells(pt.table.Rows[from]) == 1 {
		from++
	}
	if from > 0 && (from == len(pt.bold) || !pt.bold[from] || filledCells(pt.table.Rows[from]) < 2) {
		from = 0
	}
	n := from
	headings := false
	for n < len(pt.bold) && pt.bold[n] {
		filled := filledCells(pt.table.Rows[n])
		if headings && filled == 1 {
			break
		}
		headings = headings || filled >= 2
		n++
	}
	if n == len(pt.table.Rows) {
		return
	}
	for i := from; i < n; i++ {
		pt.table.Rows[i].Header = true
	}
	if pt.table.Method == "stream" && n > from {
		spanHeadings(pt.table.Rows[from:n], pt.table.Rows[n:])
	}
}

// spanHeadings widens a stream table's column heading (in the header's
// last row, the one over the body; rows above it may be a title cut at
// word gaps, or the heading's first lines) over the empty heading cells to
// its right whose columns hold text below: a heading set over two columns
// (地域・国 over the region and the country) is left-aligned in its first.
// A column whose heading began in a row above has its own ("協力内容
// Scope" / "" beside "有効期" / "限 Valid" / "Until"): the last line of
// its neighbour's does not cover it.
func spanHeadings(header, body []parser.Row) {
	if len(header) == 0 {
		return
	}
	filled := func(rows []parser.Row, c int) bool {
		for _, r := range rows {
			if c < len(r.Cells) && !r.Cells[c].Covered && strings.TrimSpace(r.Cells[c].Text) != "" {
				return true
			}
		}
		return false
	}
	above := header[:len(header)-1]
	for _, h := range header[len(header)-1:] {
		cells := h.Cells
		for c := 0; c < len(cells); c++ {
			if cells[c].Covered || strings.TrimSpace(cells[c].Text) == "" {
				continue
			}
			k := c + int(cells[c].ColSpan)
			for k < len(cells) && !cells[k].Covered && strings.TrimSpace(cells[k].Text) == "" && filled(body, k) && !filled(above, k) {
				cells[c].ColSpan++
				box := cells[c].Box()
				box.X1 = cells[k].Box().X1
				cells[c].SetBox(box)
				cells[k].Covered = true
				k++
			}
			c = k - 1
		}
	}
}

// filledCells counts the cells of a row that hold text.
func filledCells(r parser.Row) int {
	n := 0
	for _, c := range r.Cells {
		if !c.Covered && strings.TrimSpace(c.Text) != "" {
			n++
		}
	}
	return n
}
