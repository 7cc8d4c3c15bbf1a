package pdf

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"

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
	rtl    bool
	// line is the index of the text line the word came in (-1 for flat
	// words), and justified says that line is justified text: its word
	// gaps, however wide, are word gaps and never part two cells.
	line      int
	justified bool
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
		case unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana):
			rtl++
		case unicode.IsLetter(r):
			ltr++
		}
	}
	return rtl > ltr
}

// pageWords collects a page's words. Layouts from the text layer carry the
// words both flat and in lines; lines are preferred (they are what the
// document shows), flat words are the fallback. A glued word (small
// capitals after a larger capital) is joined to the word before it: a cell
// reads "THRESHOLD", not "T HRESHOLD".
func pageWords(p *PageLayout) []tword {
	var out []tword
	for li, l := range p.Lines {
		words := mergeGlued(l.Words)
		just := justifiedLine(l, words)
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

// wordSet is a page's words, with the ones a table has taken.
type wordSet struct {
	ws   []tword
	used []bool
	byX  []int // the page's glyphs by left edge, sorted on first use
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
	if s.byX == nil {
		s.byX = make([]int, len(p.Glyphs))
		for k := range s.byX {
			s.byX[k] = k
		}
		slices.SortFunc(s.byX, func(a, b int) int { return cmp.Compare(p.Glyphs[a].Box.X0, p.Glyphs[b].Box.X0) })
	}
	w := s.ws[i]
	lo, _ := slices.BinarySearchFunc(s.byX, w.Box.X0-1, func(k int, x float64) int { return cmp.Compare(p.Glyphs[k].Box.X0, x) })
	pieces := make([][]int, len(cuts)+1)
	last, lastN := -1, 0
	for _, k := range s.byX[lo:] {
		g := &p.Glyphs[k]
		if g.Box.X0 > w.Box.X1 {
			break
		}
		gx, gy := (g.Box.X0+g.Box.X1)/2, (g.Box.Y0+g.Box.Y1)/2
		if gx > w.Box.X1 || gy < w.Box.Y0 || gy > w.Box.Y1 || strings.TrimSpace(g.Text) == "" {
			continue
		}
		n, _ := slices.BinarySearch(cuts, gx)
		if last >= 0 && g.Seq == p.Glyphs[last].Seq+1 {
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
		box := p.Glyphs[gs[0]].Box
		for _, k := range gs {
			text.WriteString(p.Glyphs[k].Text)
			box = union(box, p.Glyphs[k].Box)
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
func baselines(ws []tword, idx []int) [][]int {
	order := slices.Clone(idx)
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(ws[a].cy, ws[b].cy) })
	var lines [][]int
	var cy, h float64 // current line's mean centre and height
	for _, i := range order {
		w := &ws[i]
		if len(lines) > 0 && abs(w.cy-cy) <= 0.4*min(w.h, h) {
			l := &lines[len(lines)-1]
			*l = append(*l, i)
			n := float64(len(*l))
			cy += (w.cy - cy) / n
			h += (w.h - h) / n
			continue
		}
		lines = append(lines, []int{i})
		cy, h = w.cy, w.h
	}
	for _, l := range lines {
		slices.SortFunc(l, func(a, b int) int { return cmp.Compare(ws[a].Box.X0, ws[b].Box.X0) })
	}
	return lines
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
		t := strings.Join(strings.Fields(ws[i].Text), " ")
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
	if len(idx) == 0 {
		return "", nil
	}
	for _, l := range baselines(ws, idx) {
		if t := joinWords(ws, l); t != "" {
			lines = append(lines, t)
		}
	}
	return strings.Join(lines, " "), lines
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
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// pageTables finds the tables on one page, top to bottom (on a page set
// in two columns, the left column's before the right's): ruled tables
// first, then whitespace-aligned tables in the text that no ruled table
// took, in each column by itself.
func pageTables(p *PageLayout) []pageTable {
	s := &wordSet{ws: pageWords(p)}
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
	for _, t := range tabs {
		if two && t.region.X0 < tc.gutter.lo && t.region.X1 > tc.gutter.hi {
			two = false
		}
	}
	if two {
		tc.partition(s.ws, rest)
		// A page in two columns: each column's tables by themselves, and
		// the columns read one after the other.
		p.flows = append(p.flows, tc.zone)
		for _, part := range [][]int{tc.rest, tc.left, tc.right} {
			tabs = append(tabs, streamTables(p, s.ws, part)...)
		}
	} else {
		tabs = append(tabs, streamTables(p, s.ws, rest)...)
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
		spanHeadings(pt.table.Rows[n-1:n], pt.table.Rows[n:])
	}
}

// spanHeadings widens a stream table's column heading (in the header's
// last row, the one over the body; rows above it may be a title cut at
// word gaps) over the empty heading cells to its right whose columns hold
// text below: a heading set over two columns (地域・国 over the region and
// the country) is left-aligned in its first.
func spanHeadings(header, body []parser.Row) {
	used := func(c int) bool {
		for _, r := range body {
			if c < len(r.Cells) && !r.Cells[c].Covered && strings.TrimSpace(r.Cells[c].Text) != "" {
				return true
			}
		}
		return false
	}
	for h := range header {
		cells := header[h].Cells
		for c := 0; c < len(cells); c++ {
			if cells[c].Covered || strings.TrimSpace(cells[c].Text) == "" {
				continue
			}
			k := c + cells[c].ColSpan
			for k < len(cells) && !cells[k].Covered && strings.TrimSpace(cells[k].Text) == "" && used(k) {
				cells[c].ColSpan++
				cells[c].Box.X1 = cells[k].Box.X1
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
