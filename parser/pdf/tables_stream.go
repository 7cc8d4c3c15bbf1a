package pdf

import (
	"cmp"
	"maps"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/parser"
)

// Stream tolerances, in line heights.
const (
	chunkGapH  = 0.6 // a word gap wider than this splits a line into chunks
	blockGapH  = 1.3 // a vertical gap wider than this ends a run of table lines
	ruledGapH  = 1.6 // unless a rule across the lines stands in it, up to this wide
	maxLooseIn = 2   // single-chunk lines allowed in a row inside a run
	maxWrapIn  = 8   // and wrapped lines of a cell (see streamTables)
	maxWrapCol = 24  // and of a cell in a column right of the table's first
	maxHeadIn  = 5   // single-chunk lines taken above a run as its header
	// solidGapEm, in the type's size, is the gap that parts chunks
	// between two characters of a script set solid (Han, kana and their
	// punctuation): such text has no word gaps, and a space set in it is
	// half an em at the most (a half-width space in a Japanese font), so
	// a wider gap is a cell's edge. Cells set close by a narrow padding
	// stand apart by so little ("大学間協定" | "―" | "2010 年", 0.6 em).
	solidGapEm = 0.55
)

// sline is one visual line of a page's free text, with its chunks: runs of
// words separated by gaps narrower than chunkGapH.
type sline struct {
	words  []int    // sorted left to right
	chunks [][2]int // [from, to) indices into words
	box    parser.Box
	h      float64
}

func (l *sline) chunkBox(ws []tword, k int) (x0, x1 float64) {
	c := l.chunks[k]
	return ws[l.words[c[0]]].Box.X0, ws[l.words[c[1]-1]].Box.X1
}

func makeSlines(ws []tword, idx []int) []sline {
	var out []sline
	// The words by right edge, to half a point, counted when first asked
	// (only lines with wide gaps ask).
	var ends map[int]int
	endsAt := func(x1 float64) int {
		if ends == nil {
			ends = make(map[int]int, len(idx))
			for _, i := range idx {
				ends[int(math.Round(2*ws[i].Box.X1))]++
			}
		}
		return ends[int(math.Round(2*x1))]
	}
	lines := raisedIntoLines(ws, baselines(ws, idx))
	// The lines and their chunks are made in arrays sized once: a line
	// has a chunk for a word at most, and each line's chunks are a capped
	// run of the one array (an append to them could not write into the
	// next line's), not an array of their own doubled chunk by chunk.
	nwords := 0
	for _, line := range lines {
		nwords += len(line)
	}
	var chunks [][2]int
	if len(lines) > 0 {
		out = make([]sline, 0, len(lines))
		chunks = make([][2]int, 0, nwords)
	}
	var short [][]int // lines of one or two words: where a raised marker stands
	for _, line := range lines {
		if len(line) <= 2 {
			short = append(short, line)
		}
	}
	var hbuf [32]float64
	for li, line := range lines {
		hs := hbuf[:0]
		for _, i := range line {
			hs = append(hs, ws[i].h)
		}
		h := median(hs)
		l := sline{words: line, box: ownBox(ws, line, h), h: h}
		var below []int // the next line, when set right under this one
		if li+1 < len(lines) && wordsBox(ws, lines[li+1]).Y0-l.box.Y1 <= 0.5*l.h {
			below = lines[li+1]
		}
		glue := justifiedCells(ws, line, endsAt, below, l.h)
		// The gap that parts chunks goes by the type, where the font's
		// boxes stand taller than it (Japanese fonts' ascent and descent);
		// a list's bullet stands apart from its text by the box's.
		gap := chunkGapH * min(l.h, 1.2*lineSize(ws, line))
		from, first := 0, len(chunks)
		for k := 1; k < len(line); k++ {
			a, b := &ws[line[k-1]], &ws[line[k]]
			// A marker's gap is the wider one: only a gap not within the
			// narrower asks whether a is a marker (written so that a NaN
			// asks too).
			g := gap
			if !(b.Box.X0-a.Box.X1 <= gap) && isListMarker(a.Text) {
				g = chunkGapH * l.h
			}
			if solidBetween(a.Text, b.Text) {
				g = min(g, solidGapEm*lineSize(ws, line[k-1:k+1]))
			}
			if b.Box.X0-a.Box.X1 > g && !(a.justified && a.line == b.line) && !glue[k] &&
				!raisedInGap(ws, short, l, a.Box.X1, b.Box.X0) {
				chunks = append(chunks, [2]int{from, k})
				from = k
			}
		}
		chunks = append(chunks, [2]int{from, len(line)})
		l.chunks = chunks[first:len(chunks):len(chunks)]
		out = append(out, l)
	}
	return out
}

// solidBetween reports whether the text a ends and b begins in a script
// set solid (see solidGapEm).
func solidBetween(a, b string) bool {
	r, _ := utf8.DecodeLastRuneInString(a)
	if !setSolid(r) {
		return false
	}
	r, _ = utf8.DecodeRuneInString(b)
	return setSolid(r)
}

// setSolid reports a character of a script set without word gaps: Han,
// kana, the ideographic punctuation and full-width forms, and the dashes
// Japanese lists put in a blank cell ("―"). Hangul, set with spaces
// between its words, is not.
func setSolid(r rune) bool {
	switch {
	case r < 0x2000:
		return false
	case r == '―' || r == '—' || r == '〜':
		return true
	case 0x3000 <= r && r <= 0x30ff, 0xff00 <= r && r <= 0xff60:
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// ownBox is the box of a line's words but for markers raised into it
// (see raisedIntoLines), set smaller than its text (h), and symbols in a
// font whose boxes stand far taller than the text's (a math font's ♦,
// 1.46 em from its ascent to its descent): a line's place among the rows
// is its text's.
//
// It is wordsBox of those words, their boxes joined in the same order,
// without an array made to name them.
func ownBox(ws []tword, line []int, h float64) parser.Box {
	var b parser.Box
	own := false
	for _, i := range line {
		if ws[i].h >= 0.85*h && (ws[i].h <= 1.3*h || !symbolOnly(ws[i].Text)) {
			if own {
				b = union(b, ws[i].Box)
			} else {
				b, own = ws[i].Box, true
			}
		}
	}
	if !own {
		return wordsBox(ws, line)
	}
	return b
}

// symbolOnly reports a word with no letter and no digit: a symbol (♦, ※).
func symbolOnly(text string) bool {
	return text != "" && !strings.ContainsFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// raisedInGap reports a gap of line l, from x0 to x1, that a raised or
// lowered word set smaller than the line's text fills (a marker set as a
// superscript, which the text layer puts on a baseline of its own): with
// it the gap closes to word gaps on both sides, so it parts no cells
// ("Seoul National University" "*" "(Jul. 8, 1998)").
func raisedInGap(ws []tword, short [][]int, l sline, x0, x1 float64) bool {
	for _, other := range short { // (a raised word stands alone or nearly so on its baseline)
		for _, i := range other {
			w := &ws[i]
			if w.h >= 0.85*l.h || w.Box.Y1 <= l.box.Y0 || w.Box.Y0 >= l.box.Y1 {
				continue
			}
			if w.Box.X0 >= x0-0.5 && w.Box.X1 <= x1+0.5 && w.Box.X0-x0 <= chunkGapH*l.h && x1-w.Box.X1 <= chunkGapH*l.h {
				return true
			}
		}
	}
	return false
}

// justifiedCells marks the gaps of a line (glue[k]: the gap before word
// k) that are the stretched word gaps of a justified cell: three or more
// words (of a script set with spaces) apart by gaps of one width (to
// 0.3 pt) wider than a chunk gap, the last of them ending where words of
// two or more other lines end (the cell's right edge, to half a point),
// or, where no other line ends there (a cell whose other lines are its
// paragraph's last), the line below, set right under it, has a word
// starting where the run starts (the paragraph wraps on there).
// A cell gap after the run is never part of it, however close its width.
func justifiedCells(ws []tword, line []int, endsAt func(x1 float64) int, below []int, h float64) []bool {
	glue := make([]bool, len(line))
	gap := func(k int) float64 { return ws[line[k]].Box.X0 - ws[line[k-1]].Box.X1 }
	for k := 0; k+2 < len(line); {
		g0 := gap(k + 1)
		if g0 <= chunkGapH*h {
			k++
			continue
		}
		j := k + 1
		for j+1 < len(line) && abs(gap(j+1)-g0) <= 0.3 {
			j++
		}
		// Only text set with spaces between its words is justified by
		// stretching them: not Japanese or Chinese, not numbers.
		for q := k; q <= j; q++ {
			if !spacedWord(ws[line[q]].Text) {
				j = q - 1
				break
			}
		}
		m := -1
		for e := j; e >= k+2; e-- {
			if endsAt(ws[line[e]].Box.X1) >= 3 {
				m = e
				break
			}
		}
		if m < 0 && j >= k+2 && wrapsAt(ws, below, ws[line[k]].Box.X0) {
			m = j
		}
		if m < 0 {
			k++
			continue
		}
		for q := k + 1; q <= m; q++ {
			glue[q] = true
		}
		k = m
	}
	return glue
}

// wrapsAt reports whether a word of line starts at x (to half a point).
func wrapsAt(ws []tword, line []int, x float64) bool {
	for _, i := range line {
		if abs(ws[i].Box.X0-x) <= 0.5 {
			return true
		}
	}
	return false
}

// spacedWord reports whether a word is of a script written with spaces
// between words: it has a letter, and no Han or kana.
func spacedWord(t string) bool {
	letter := false
	for _, r := range t {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			return false
		}
		letter = letter || unicode.IsLetter(r)
	}
	return letter
}

// cellAcc collects the words of one stream cell.
type cellAcc struct {
	words []int
	span  int
}

// interval is a column's extent. An aligned column's cells start at one
// place (see splitByStarts): the text of the column before it may run up
// to it or over it.
type interval struct {
	lo, hi float64
	tol    float64 // aligned: its cells start at lo, to tol
	split  bool    // found where its cells start inside a wider one
}

// addInterval merges [lo, hi] into a sorted list of disjoint intervals,
// in the list's own array: the intervals it keeps are moved down over
// those it merges (each is read before its place is written), and the
// array grows only when none merges. Callers keep the result alone, so
// a list of n intervals is no longer made again, whole, n times.
func addInterval(ivs []interval, lo, hi float64) []interval {
	nv := interval{lo: lo, hi: hi}
	out := ivs[:0]
	for _, iv := range ivs {
		if iv.hi < nv.lo || iv.lo > nv.hi {
			out = append(out, iv)
			continue
		}
		nv.lo, nv.hi = min(nv.lo, iv.lo), max(nv.hi, iv.hi)
	}
	out = append(out, nv)
	slices.SortFunc(out, func(a, b interval) int { return cmp.Compare(a.lo, b.lo) })
	return out
}

// widenToHeadStarts widens a column to where a cell set at its left over
// narrower text starts: a word that starts in the gap before the column
// and runs on over its start, the column's heading, where a word on
// another line starts too, the heading's next line ("University-" /
// "level", "Tuition" / "Waiver" over check marks set in the middle of
// their cells). A column of two lines at most that the words start in,
// between it and the one before, is the same column (the heading's next
// line, "level", found as one of its own).
func widenToHeadStarts(ws []tword, lines []*sline, ivs []interval) []interval {
	var widened bool
	for c := 1; c < len(ivs); c++ {
		lo := ivs[c].lo
		for i, l := range lines {
			for _, wi := range l.words {
				b := ws[wi].Box
				if b.X0 >= ivs[c].lo || b.X1 < ivs[c].lo || c+1 < len(ivs) && b.X1 >= ivs[c+1].lo || b.X0 >= lo {
					continue
				}
				// (in the gap before the column, or where the column
				// before starts that its next line made, past the one
				// before that)
				if b.X0 <= ivs[c-1].hi && (abs(ivs[c-1].lo-b.X0) > 0.2*l.h || c >= 2 && b.X0 <= ivs[c-2].hi || linesIn(ws, lines, ivs[c-1]) > 2) {
					continue
				}
				if startsOnAnother(ws, lines, i, b.X0, 0.2*l.h) {
					lo = b.X0
				}
			}
		}
		if lo < ivs[c].lo {
			ivs[c].lo, widened = lo, true
		}
	}
	if !widened {
		return ivs
	}
	out := ivs[:1]
	for _, iv := range ivs[1:] {
		if last := &out[len(out)-1]; iv.lo <= last.hi {
			// (the heading's next line, a column of its own before: the
			// widened column's; it keeps the widened column's alignment)
			last.lo, last.hi, last.tol, last.split = min(last.lo, iv.lo), max(last.hi, iv.hi), iv.tol, iv.split
			continue
		}
		out = append(out, iv)
	}
	return out
}

// widenToHeadings widens a column to the right end of its heading, a
// header's chunk that starts where its text does and ends short of the next column's
// text ("Department at Cleveland State" over a column of dashes, "Date
// of" over the next): the column parts from the next between them, not
// in the middle of the heading.
func widenToHeadings(ws []tword, head []sline, ivs []interval) {
	for i := range head {
		l := &head[i]
		for k := range l.chunks {
			x0, x1 := l.chunkBox(ws, k)
			for c := range ivs {
				if abs(x0-ivs[c].lo) > 0.2*l.h || x1 <= ivs[c].hi {
					continue
				}
				if c+1 == len(ivs) || x1 < ivs[c+1].lo-0.5*l.h {
					ivs[c].hi = x1
				}
				break
			}
		}
	}
}

// linesIn counts the lines with a word that starts in the interval.
func linesIn(ws []tword, lines []*sline, iv interval) int {
	n := 0
	for _, l := range lines {
		for _, wi := range l.words {
			if x := ws[wi].Box.X0; x >= iv.lo && x <= iv.hi {
				n++
				break
			}
		}
	}
	return n
}

// startsOnAnother reports a word of a line other than line i that starts
// at x, to tol.
func startsOnAnother(ws []tword, lines []*sline, i int, x, tol float64) bool {
	for k, l := range lines {
		if k == i {
			continue
		}
		for _, wi := range l.words {
			if abs(ws[wi].Box.X0-x) <= tol {
				return true
			}
		}
	}
	return false
}

// streamTables finds whitespace-aligned tables among the words idx.
//
// Where a table's rows are ruled apart, the rules tell its rows. A table
// of one row has but the rule under its header inside it; when another
// table among the words has its rows ruled apart, tables are read again
// with the rules of their frames counted too (per-group tables set alike,
// one of them with a single row of wrapped cells).
func streamTables(p *PageLayout, ws []tword, idx []int) []pageTable {
	if len(idx) == 0 {
		return nil
	}
	lines := makeSlines(ws, idx) // (made once: the prose column's search and the tables' read them)
	if prose, rest, ok := proseColumn(ws, lines, idx); ok {
		// A column of prose set aside, the table read from the rest, the
		// prose put back as its last column (tables_prose.go).
		nflows := len(p.flows)
		if tabs := streamTablesOf(p, ws, makeSlines(ws, rest), proseSpans(ws, prose)); withProse(p, ws, tabs, prose) {
			return tabs
		}
		p.flows = p.flows[:nflows]
	}
	return streamTablesOf(p, ws, lines, nil)
}

// streamTablesOf is streamTables without a column of prose set aside,
// over the lines of the words; bridges are the heights a column of prose
// set aside runs down without a break, over which the rest's lines stand
// near however far apart.
func streamTablesOf(p *PageLayout, ws []tword, lines []sline, bridges []interval) []pageTable {
	nflows := len(p.flows)
	out, banded, unbanded := streamTablesFramed(p, ws, lines, false, bridges)
	if banded > 0 && unbanded > 0 {
		p.flows = p.flows[:nflows]
		out, _, _ = streamTablesFramed(p, ws, lines, true, bridges)
	}
	return out
}

// streamTablesFramed finds the tables of streamTables, the rules of their
// frames counted as row rules when framed; it counts the tables whose
// rows the rules told, and those whose they did not.
func streamTablesFramed(p *PageLayout, ws []tword, lines []sline, framed bool, bridges []interval) (out []pageTable, banded, unbanded int) {
	if len(lines) == 0 {
		return nil, 0, 0
	}
	hrules, _ := pageRules(p)
	hs := make([]float64, len(lines))
	for i := range lines {
		hs[i] = lines[i].h
	}
	h := median(hs)
	tab := make([]bool, len(lines))
	for i := range lines {
		tab[i] = len(lines[i].chunks) >= 2 && !listItemLine(ws, &lines[i])
	}
	// Lines stand near when no wider gap than blockGapH lines parts them,
	// or, both of cells in two columns or more, a rule across both does,
	// in a gap of up to ruledGapH lines: a rule under a header, set apart
	// by its padding (LaTeX's booktabs). (A table's rule under its last
	// row, then a group's heading, parts two tables.)
	padGap := paddedRowGap(ws, lines, tab, h)
	near := func(a, b int) bool {
		g := lines[b].box.Y0 - lines[a].box.Y1
		return g <= blockGapH*h || g <= ruledGapH*h && tab[a] && tab[b] && ruledAcross(hrules, union(lines[a].box, lines[b].box), lines[a].box.Y1, lines[b].box.Y0) ||
			g <= 1.1*padGap || bridged(bridges, lines[a].box.Y1, lines[b].box.Y0)
	}

	paras := make([]bool, len(lines)) // lines that open a paragraph of a cell (cellParagraph)
	taken := -1                       // last line index used by a table
	refPitch := 0.0                   // the wrapped lines' pitch of the last table whose spacing told them
	for i := 0; i < len(lines); {
		if !tab[i] {
			i++
			continue
		}
		start, end, loose := i, i, 0
		headed := -1 // the header line of the next table, when a group's heading ended the run
		// Where the run's chunks start: a line of one chunk that starts
		// there, stays inside the run's width and stands no further from
		// the line above than the run's lines do at the closest is a
		// cell's wrapped line; up to maxWrapIn of them may follow one
		// another, when no other line stands among them.
		var starts []float64
		addStarts := func(l *sline) {
			for k := range l.chunks {
				x0, _ := l.chunkBox(ws, k)
				starts = append(starts, x0)
			}
		}
		addStarts(&lines[i])
		right := lines[i].box.X1
		inCell := func(l *sline) bool {
			if l.box.X1 > right+0.5*l.h {
				return false
			}
			for _, x := range starts {
				if abs(l.box.X0-x) <= 0.5*l.h {
					return true
				}
			}
			return false
		}
		// Group headings between rows (a region's, a country's name in a
		// row of its own, bold, set at the table's left edge and short) may
		// stand more than maxLooseIn together, with the wrapped lines of
		// the row above, after two lines of the run or more and when the
		// next line of the run starts its chunks where two of the run's
		// chunks start at least (the table's own columns).
		left := lines[i].box.X0
		heading := func(l *sline) bool {
			return len(l.chunks) == 1 && abs(l.box.X0-left) <= 0.5*l.h && l.box.X1-left <= 0.5*(right-left) && allBold(ws, l)
		}
		// A line whose chunks start as those of a table line of the run
		// do, all of them, is of the run's columns too (a header
		// repeated under a group's heading, after a row at a page's top).
		columns := func(l *sline) bool {
			for k := i; k <= end; k++ {
				if tab[k] && sameChunkStarts(ws, &lines[k], l) {
					return true // a line of the run's columns, all of them
				}
			}
			for k := range l.chunks {
				x0, _ := l.chunkBox(ws, k)
				n := 0
				for _, x := range starts {
					if abs(x-x0) <= 0.2*l.h {
						n++
					}
				}
				if n < 2 {
					return false
				}
			}
			return true
		}
		// A row of the table with its sparse columns empty (no marker set
		// in it): a line that starts where a column of the run starts,
		// stays inside the run's width and stands between two rules
		// across the run (its wrapped lines, inside the run's columns, with
		// it), where the line above it is of the run; a group's heading
		// (the next table's) is none. Beside cells that span rows (a
		// country's name over its partners' rows: a line that starts in a
		// column right of the first), the rules may part only the columns
		// right of them: a rule from the line's column to the run's right
		// edge parts its rows too; under a header whose last cell is
		// short, the rule tells how wide the table is, and the line may
		// reach as far as it does; and a font's ascent and descent may
		// make lines' boxes overlap the rule between them, which is looked
		// for between their middles.
		ruleUnder := func(x0, x1, y0, y1 float64) (hi float64, ok bool) {
			for _, r := range hrules {
				if r.at <= y0 || r.at >= y1 || r.lo > x0+0.5*h || r.hi < max(right, x1)-0.5*h {
					continue
				}
				if r.lo <= left+0.5*h || x0 > left+h {
					return r.hi, true
				}
			}
			return 0, false
		}
		mid := func(k int) float64 { return (lines[k].box.Y0 + lines[k].box.Y1) / 2 }
		atStart := func(l *sline) bool {
			for _, x := range starts {
				if abs(l.box.X0-x) <= 0.5*l.h {
					return true
				}
			}
			return false
		}
		ruledRow := func(j int) (int, bool) {
			l := &lines[j]
			x0 := l.box.X0
			if !atStart(l) || heading(l) {
				return 0, false
			}
			if x0 <= left+h {
				// a row that starts at the table's left edge: the rules
				// across the run stand in the gaps between the lines' boxes
				across := func(y0, y1 float64) bool {
					return ruledAcross(hrules, parser.Box{X0: left, X1: right}, y0, y1)
				}
				if !inCell(l) || !across(lines[j-1].box.Y1, l.box.Y0) {
					return 0, false
				}
				k := j
				for ; k+1 < len(lines) && k-j < maxWrapIn; k++ {
					if !near(k, k+1) || across(lines[k].box.Y1, lines[k+1].box.Y0) || !inCell(&lines[k+1]) {
						break
					}
				}
				below := lines[k].box.Y1 + lines[k].h
				if k+1 < len(lines) {
					below = min(below, lines[k+1].box.Y0)
				}
				return k, across(lines[k].box.Y1, below)
			}
			hi, ok := ruleUnder(x0, l.box.X1, mid(j-1), mid(j))
			if !ok || l.box.X1 > hi+0.5*l.h {
				return 0, false
			}
			k := j
			for ; k+1 < len(lines) && k-j < maxWrapIn; k++ {
				n := &lines[k+1]
				if _, ruled := ruleUnder(x0, n.box.X1, mid(k), mid(k+1)); !near(k, k+1) || ruled || !atStart(n) || n.box.X1 > hi+0.5*n.h {
					break
				}
			}
			below := lines[k].box.Y1 + lines[k].h
			if k+1 < len(lines) {
				below = min(below, mid(k+1))
			}
			_, ok = ruleUnder(x0, lines[k].box.X1, mid(k), below)
			return k, ok
		}
		gmin := math.Inf(1) // the run's smallest gap between lines
		other := 0          // loose lines since the last table line that are no wrapped cell's
		headings := true    // and all of those are group headings
		inner := true       // and all wrapped lines since then stand right of the run's left edge
		for j := i + 1; j < len(lines) && near(j-1, j); j++ {
			g := lines[j].box.Y0 - lines[j-1].box.Y1
			if !tab[j] && lines[j].box.X1 <= right+0.5*lines[j].h && partsAtAStart(ws, &lines[j], starts) {
				tab[j] = true
			}
			if tab[j] {
				if loose > maxLooseIn && other > 0 && !columns(&lines[j]) {
					break
				}
				if pastLastRule(hrules, lines, start, j, left, right) {
					break // a line under the rule that closes the table (a page's foot)
				}
				end, loose, other, headings, inner = j, 0, 0, true, true
				addStarts(&lines[j])
				right = max(right, lines[j].box.X1)
				gmin = min(gmin, g)
				continue
			}
			if lineSize(ws, lines[j].words) > 1.25*lineSize(ws, lines[start].words) {
				break // a title set larger than the table's text
			}
			if k, ok := ruledRow(j); ok {
				end, loose, other, headings = j, 0, 0, true
				for _, l := range lines[j : k+1] {
					right = max(right, l.box.X1)
				}
				continue
			}
			if inCell(&lines[j]) && inCentredRow(ws, lines, tab, j) {
				// a line of a row whose cells are set in its middle, no
				// loose line: the run goes on over it
				gmin = min(gmin, g)
				continue
			}
			if k := groupHeading(ws, lines, j); k == 0 && allBold(ws, &lines[j]) && j+1 < len(lines) &&
				(repeatsLine(ws, lines, j+1, start, j) && !sameStartsAs(ws, &lines[j+1], starts, lines[j+1].h) ||
					rewrapped(ws, lines, j+1, headStart(lines, start, h), j, starts)) {
				headed = j + 1 // a group's heading over the run's header said again over other columns: the next table's
				break
			} else if k > 0 && !sameStartsAs(ws, &lines[k], starts, lines[k].h) {
				headed = k // the next table's heading, over a header of other columns
				break
			}
			loose++
			if inCell(&lines[j]) && (g <= gmin+0.1*lines[j].h || inRuledRow(hrules, lines, start, end, j)) {
				gmin = min(gmin, g)
				inner = inner && lines[j].box.X0 > left+0.5*lines[j].h
			} else if cellParagraph(ws, lines, j, gmin, inCell, columns, tab) {
				paras[j] = true
			} else {
				other++
				headings = headings && heading(&lines[j])
			}
			// A cell of a narrow column right of the first (a long
			// partner's name, a word a line) may wrap onto more lines.
			if loose > maxLooseIn && (other > 0 && (!headings || end == i) || loose > maxWrapIn && (!inner || loose > maxWrapCol)) {
				break
			}
		}
		i = end + 1
		t, ok := streamBlock(p, ws, lines, start, end, taken, h, hrules, framed, refPitch, out, paras)
		if ok && t.wrapPitch > 0 {
			refPitch = t.wrapPitch
		}
		if ok {
			if t.banded {
				banded++
			} else {
				unbanded++
			}
			out = append(out, t.pageTable)
			taken = t.last
			i = max(i, t.last+1)
		}
		if headed > 0 && i <= headed {
			// The heading is no header line of the next table's; a line
			// beside the header's, set half a line over it (a header cell
			// of two lines set in the middle of its row: "Date of" /
			// "Agreement"), is.
			above := headed - 1
			for above > i && lines[above].box.Y1 > lines[headed].box.Y0+0.25*lines[headed].h {
				above--
			}
			taken, i = max(taken, above), headed
		}
	}
	return out, banded, unbanded
}

// addColumn returns ivs with iv among them, in order.
func addColumn(ivs []interval, iv interval) []interval {
	k := 0
	for k < len(ivs) && ivs[k].lo < iv.lo {
		k++
	}
	return slices.Insert(slices.Clone(ivs), k, iv)
}

// inColumnGap reports whether x0..x1 lies wholly between two neighbouring
// columns of ivs, a line height clear of both.
func inColumnGap(ivs []interval, x0, x1, h float64) bool {
	for c := 1; c < len(ivs); c++ {
		if x0 >= ivs[c-1].hi+h && x1 <= ivs[c].lo-h {
			return true
		}
	}
	return false
}

// paddedRowGap returns the gap between the lines of a table whose rows
// are set apart by padding wider than blockGapH lines (a web library's
// table, five points of padding over and under each cell): the median
// gap between consecutive lines of cells in two columns or more that
// start their cells at the same places, when three such pairs at least
// stand more than blockGapH lines apart and no more than three; 0
// otherwise. Lines that far apart are near as a table's rows are.
func paddedRowGap(ws []tword, lines []sline, tab []bool, h float64) float64 {
	var gaps []float64
	for k := 1; k < len(lines); k++ {
		if !tab[k-1] || !tab[k] || len(lines[k].chunks) < 2 || !sameChunkStarts(ws, &lines[k-1], &lines[k]) {
			continue
		}
		if g := lines[k].box.Y0 - lines[k-1].box.Y1; g > blockGapH*h && g <= 3*h {
			gaps = append(gaps, g)
		}
	}
	if len(gaps) < 3 {
		return 0
	}
	return median(gaps)
}

// partsAtAStart reports a line of one chunk that a gap parts where the
// text of one of the run's columns starts (starts): a long name set close
// to the next column, the gap after its last character narrower than the
// chunks' gap ("オーストラリア原子力科学技術機構（ANSTO）" | "2020", the
// year where the years above start). The gap is two fifths of the line's
// height at least (wider than a word gap), and the line not justified.
func partsAtAStart(ws []tword, l *sline, starts []float64) bool {
	if len(l.chunks) != 1 || len(l.words) < 2 || ws[l.words[0]].justified {
		return false
	}
	for k := 1; k < len(l.words); k++ {
		a, b := &ws[l.words[k-1]], &ws[l.words[k]]
		if b.Box.X0-a.Box.X1 < 0.4*l.h {
			continue
		}
		for _, x := range starts {
			if abs(b.Box.X0-x) <= 0.2*l.h && x > l.box.X0+l.h {
				return true
			}
		}
	}
	return false
}

// startsColumnOf reports a chunk (x0..x1) that starts where one of the
// columns ivs starts, within tol, and ends before the next column starts.
func startsColumnOf(ivs []interval, x0, x1, tol float64) bool {
	for c, iv := range ivs {
		if abs(x0-iv.lo) <= tol {
			return c+1 == len(ivs) || x1 < ivs[c+1].lo
		}
	}
	return false
}

// inRuledRow reports whether line j stands in the last row of a run of
// rows ruled apart (start..end, a rule across them between two of its
// lines): no rule across between it and the run's last line, however far
// below it stands (a cell's line a producer set apart from the rest).
func inRuledRow(hrules []rule, lines []sline, start, end, j int) bool {
	box := lines[start].box
	for i := start + 1; i <= end; i++ {
		box = union(box, lines[i].box)
	}
	if !ruledAcross(hrules, box, lines[start].box.Y1, lines[end].box.Y0) {
		return false
	}
	return !ruledAcross(hrules, box, lines[end].box.Y0, lines[j].box.Y0)
}

// cellParagraph reports whether line j, loose in a run of table lines and
// set further below the line above than the run's lines stand at the
// closest (gmin), opens a paragraph of a cell of the row above (a cell
// whose text the renderer set apart by a blank line, "Yamaguchi
// University" / "(Agreement on ...)"), not text between two tables: it
// is set as a cell's wrapped line would be (inCell: at a start of the
// run's chunks, inside its width), not in bold (a group's heading), and
// the lines after it up to the run's next table line stand at the run's
// closest spacing, as that table line does too (no heading, no gap
// between tables), and that line starts its chunks at the run's own
// column starts (columns).
func cellParagraph(ws []tword, lines []sline, j int, gmin float64, inCell, columns func(*sline) bool, tab []bool) bool {
	if math.IsInf(gmin, 1) || !inCell(&lines[j]) || allBold(ws, &lines[j]) {
		return false
	}
	for k := j + 1; k < len(lines) && k <= j+maxWrapIn; k++ {
		l := &lines[k]
		if l.box.Y0-lines[k-1].box.Y1 > gmin+0.1*l.h {
			return false
		}
		if tab[k] {
			return columns(l)
		}
		if !inCell(l) || allBold(ws, l) {
			return false
		}
	}
	return false
}

// sameChunkStarts reports whether lines a and b have as many chunks,
// starting at the same places (within a fifth of a line).
func sameChunkStarts(ws []tword, a, b *sline) bool {
	if len(a.chunks) != len(b.chunks) {
		return false
	}
	for k := range a.chunks {
		xa, _ := a.chunkBox(ws, k)
		xb, _ := b.chunkBox(ws, k)
		if abs(xa-xb) > 0.2*b.h {
			return false
		}
	}
	return true
}

// withinFilled reports whether a line's cells (cur) stand only in
// columns that the row above (prev) has filled.
func withinFilled(prev, cur []cellAcc) bool {
	for c := range cur {
		if len(cur[c].words) > 0 && len(prev[c].words) == 0 {
			return false
		}
	}
	return true
}

// allBold reports whether every word of line l is set in bold.
func allBold(ws []tword, l *sline) bool {
	for _, wi := range l.words {
		if !ws[wi].Style.Bold {
			return false
		}
	}
	return len(l.words) > 0
}

// groupHeading reports whether line j (of one chunk) heads a table of
// its own: it and the lines of one chunk after it set in bold, then a
// header line, bold, of two or more chunks (per-group tables, each under
// its group's name and its own header). It returns the header line's
// index, 0 when none.
func groupHeading(ws []tword, lines []sline, j int) int {
	for k := j; k < len(lines) && k < j+3; k++ {
		if !allBold(ws, &lines[k]) {
			return 0
		}
		if len(lines[k].chunks) >= 2 {
			if k > j && alignsBelow(ws, lines, k) {
				return k
			}
			return 0
		}
	}
	return 0
}

// repeatsLine reports whether line k, of two chunks or more, says what a
// line among from..to-1 of two chunks or more said, word for word: the
// header of per-group tables, said again under each group's heading (a
// header set apart by an underline or a shade rather than bold).
func repeatsLine(ws []tword, lines []sline, k, from, to int) bool {
	if len(lines[k].chunks) < 2 {
		return false
	}
	same := func(a, b *sline) bool {
		if len(a.words) != len(b.words) {
			return false
		}
		for i := range a.words {
			if ws[a.words[i]].Text != ws[b.words[i]].Text {
				return false
			}
		}
		return true
	}
	for q := from; q < to; q++ {
		if len(lines[q].chunks) >= 2 && same(&lines[q], &lines[k]) {
			return true
		}
	}
	return false
}

// headStart is the first of the lines set close over line start (up to
// maxRewrap-1 of them), where the run's header may begin: a header's
// line in a cell set in the middle of its row stands over the run's
// first line.
func headStart(lines []sline, start int, h float64) int {
	q := start
	for q > 0 && q > start-(maxRewrap-1) && lines[q].box.Y0-lines[q-1].box.Y1 <= 0.5*h {
		q--
	}
	return q
}

// maxRewrap is how many lines a header said again may take (rewrapped).
const maxRewrap = 4

// rewrapped reports whether lines k, k+1, ... (up to maxRewrap, set close)
// say what lines at the head of the run (from on, a header of up to
// maxRewrap lines, perhaps over the run's first line) said, the same
// words however wrapped, two chunks or more among them, a chunk of them
// starting where no chunk of the run starts (starts): the header of
// per-group tables said again under a group's heading, over columns as
// wide as that group's texts, its names wrapped otherwise ("Type of
// Agreement" over "Type of" / "Agreement"). The run's head is read only
// when the lines under the heading may say it again (a group's rows
// inside one table, over the run's own columns, never do).
func rewrapped(ws []tword, lines []sline, k, from, to int, starts []float64) bool {
	var cands []map[string]int // the words of lines k..m, each m that may be the header said again
	words := map[string]int{}
	chunks, other := 0, false
	for m := k; m < len(lines) && m < k+maxRewrap; m++ {
		l := &lines[m]
		if m > k && l.box.Y0-lines[m-1].box.Y1 > 0.5*l.h {
			break
		}
		other = other || !sameStartsAs(ws, l, starts, l.h)
		for _, wi := range l.words {
			words[ws[wi].Text]++
		}
		chunks += len(l.chunks)
		if chunks >= 2 && other && len(words) >= 2 {
			cands = append(cands, maps.Clone(words))
		}
	}
	if len(cands) == 0 {
		return false
	}
	for q := from; q < to && q < from+2*maxRewrap; q++ {
		said := map[string]int{}
		for n := 0; n < maxRewrap && q+n < to; n++ {
			for _, wi := range lines[q+n].words {
				said[ws[wi].Text]++
			}
			if n == 0 && len(lines[q].chunks) < 2 {
				continue
			}
			for _, c := range cands {
				if maps.Equal(c, said) {
					return true
				}
			}
		}
	}
	return false
}

// alignsBelow reports whether two chunks or more of line k start where
// chunks of the lines below it (up to six) start, within half a line: a
// header over its columns, not a wide name of two chunks.
func alignsBelow(ws []tword, lines []sline, k int) bool {
	l := &lines[k]
	n := 0
	for q := range l.chunks {
		x0, _ := l.chunkBox(ws, q)
		found := false
		for j := k + 1; j < len(lines) && j <= k+6 && !found; j++ {
			for r := range lines[j].chunks {
				if x, _ := lines[j].chunkBox(ws, r); abs(x-x0) <= 0.5*l.h {
					found = true
					break
				}
			}
		}
		if found {
			n++
		}
	}
	return n >= 2
}

// sameStartsAs reports whether every chunk of a line starts where a chunk
// of the run started (within half a line): a header over the same
// columns.
func sameStartsAs(ws []tword, l *sline, starts []float64, h float64) bool {
	for k := range l.chunks {
		x0, _ := l.chunkBox(ws, k)
		if !slices.ContainsFunc(starts, func(x float64) bool { return abs(x-x0) <= 0.5*h }) {
			return false
		}
	}
	return true
}

type streamResult struct {
	pageTable
	last      int     // index of the last line the table took
	banded    bool    // rules told its rows (rowBands)
	wrapPitch float64 // the pitch of its lines wrapped inside rows, when its rows stand further apart
}

// streamBlock turns lines start..end (a run of multi-chunk lines) into a
// table, with header lines above it that fit its columns. A line that
// paras marks (cellParagraph) is more of the row above when its text
// stands only in columns that row has filled.
func streamBlock(p *PageLayout, ws []tword, lines []sline, start, end, taken int, h float64, hrules []rule, framed bool, refPitch float64, above []pageTable, paras []bool) (streamResult, bool) {
	nTab := 0
	var ls []*sline
	for i := start; i <= end; i++ {
		if len(lines[i].chunks) >= 2 {
			nTab++
		}
		ls = append(ls, &lines[i])
	}
	// Rows ruled apart.
	ruled := func() bool {
		box := lines[start].box
		for i := start + 1; i <= end; i++ {
			box = union(box, lines[i].box)
		}
		return rowBands(hrules, box, lines[start:end+1], start, false) != nil
	}
	// A table's rows need three lines of two cells or more, but where a
	// header of three cells or more stands over rows ruled apart (a page
	// of a table whose first columns' cells span many rows: their names
	// stand in few of them, or none).
	if nTab < 3 && !headedRow(ws, lines, start, end) && !rowUnderColumnsAbove(ws, lines, start, end, above) &&
		(len(lines[start].chunks) < 3 || end-start < 2 || !ruled()) {
		return streamResult{}, false
	}
	ivs := widenToHeadStarts(ws, ls, splitByStarts(ws, ls, columnIntervals(ws, ls)))
	if len(ivs) < 2 {
		return streamResult{}, false
	}
	// Running text set in two columns is not a table (rows ruled apart
	// are one, however many words their cells hold).
	if len(ivs) == 2 && !ruled() {
		words, chunks := 0, 0
		for i := start; i <= end; i++ {
			words += len(lines[i].words)
			chunks += len(lines[i].chunks)
		}
		if words >= 5*chunks {
			return streamResult{}, false
		}
	}

	// Header lines above the run: close, and every chunk inside one column
	// (reaching no nearer another column than a line height; with near,
	// than the middle of the gap between them, where columns stand
	// closer). A line of several cells set no smaller than the run, each
	// starting where a column's cells start and ending before the next
	// column's, fits however near the next its cells reach (a header's
	// cells in a font whose boxes stand far taller than its type).
	size := lineSize(ws, lines[start].words) // the run's type (a header is set no smaller; a menu may be)
	var gapCells []interval                  // header cells over columns the run leaves empty
	fitsNear := func(l *sline, near bool, slack float64) bool {
		for k := range l.chunks {
			x0, x1 := l.chunkBox(ws, k)
			if len(l.chunks) >= 2 && startsColumnOf(ivs, x0, x1, 0.1*h) && lineSize(ws, l.words) >= 0.95*size {
				continue // (a header's cell set where its column's cells start, wider than them perhaps: "協定種" over "協定")
			}
			n := 0
			for c, iv := range ivs {
				lo, hi := iv.lo-h, iv.hi+h
				if near && c > 0 {
					lo = max(lo, (ivs[c-1].hi+iv.lo)/2)
				}
				if near && c+1 < len(ivs) {
					hi = min(hi, (iv.hi+ivs[c+1].lo)/2)
				}
				if x1 > lo+slack && x0 < hi-slack {
					n++
				}
			}
			if n == 0 && len(l.chunks) >= 3 && inColumnGap(ivs, x0, x1, h) {
				gapCells = append(gapCells, interval{lo: x0, hi: x1})
				continue // (a header's cell over a column the run leaves empty: "相手部局" over no partner's unit)
			}
			if n != 1 {
				return false
			}
		}
		return true
	}
	// A group heading wider than its column (a region's name across a
	// narrow table's first columns, set at its left edge) may stand
	// between the run and column headings above it: it is taken with
	// them, never alone, and the headings of a table so narrow may
	// stand nearer one another.
	spanning := func(l *sline) bool {
		return len(l.chunks) == 1 && abs(l.box.X0-ivs[0].lo) <= 0.5*l.h && l.box.X1 < ivs[len(ivs)-1].lo
	}
	runStart := start
	spanned := false
	for k, i := 0, start; i-1 > taken && lines[i].box.Y0-lines[i-1].box.Y1 <= blockGapH*h; k++ {
		l := &lines[i-1]
		if k >= maxHeadIn && !(k == maxHeadIn && start == i && len(lines[i].chunks) >= 2 && len(l.chunks) >= 2 &&
			lines[i].box.Y0-l.box.Y1 <= 0.15*l.h) {
			break // (but for the first line of a header of several cells taken last, set solid over it)
		}
		// A line set half a line or less over the next, or half a line
		// from a line next to it in other columns, is a line of a row
		// whose cells are set in its middle (a header cell of two lines
		// beside cells of one), and one set solid over the next, a line
		// apart, of a row whose cells are set at its bottom: it need only
		// lie nearer its column than the next, as columns closer than a
		// line height do.
		solid := lines[i].box.Y0-l.box.Y1 <= 0.15*l.h && lines[i].box.Y1-l.box.Y1 <= 1.3*lineStep(ws, l)
		slack := 0.0
		if solid && i == runStart {
			// (the line set solid right over the run, a header's first
			// line set at the bottom of its row, may pass the middle of
			// a gap by a hair: its column's widest text reaches further
			// than the interval: "協定種" over "別")
			slack = 0.05 * h
		}
		gaps := len(gapCells)
		if !fitsNear(l, spanned || lines[i].box.Y1-l.box.Y1 <= 0.62*l.h || halfStepped(ws, lines, i-1) || solid, slack) {
			gapCells = gapCells[:gaps]
			if !spanning(l) {
				break
			}
			spanned = true
		} else if !spanned || len(l.chunks) >= 2 {
			start = i - 1
		}
		i--
		if len(gapCells) > gaps {
			// A header with a cell over an empty column is the table's
			// first line: its columns, that one among them.
			for _, g := range gapCells[gaps:] {
				ivs = addColumn(ivs, g)
			}
			break
		}
	}
	widenToHeadings(ws, lines[start:runStart+1], ivs) // (the header above the run, or its first line)
	ivs = splitByHeadings(ws, lines, start, min(runStart+maxHeadIn, end), end, ivs)
	ivs = mergeCrossed(ws, lines, start, end, ivs)
	ivs = mergeStretchedHeading(ws, lines, start, end, ivs)

	seps := make([]float64, 0, len(ivs)+1)
	region := lines[start].box
	for i := start + 1; i <= end; i++ {
		region = union(region, lines[i].box)
	}
	seps = append(seps, min(region.X0, ivs[0].lo))
	for k := 1; k < len(ivs); k++ {
		seps = append(seps, (ivs[k-1].hi+ivs[k].lo)/2)
	}
	seps = append(seps, max(region.X1, ivs[len(ivs)-1].hi))
	region.X0, region.X1 = seps[0], seps[len(seps)-1]
	nc := len(ivs)

	// Rows: one per line, wrapped lines merged into the row above when the
	// table's line spacing shows that they belong to it.
	limit := tightLimitOf(lines[start:end+1], refPitch)
	tight := func(k int) bool {
		return k > 0 && start+k <= end && lines[start+k].box.Y1-lines[start+k-1].box.Y1 < limit
	}
	t := streamResult{last: end}
	t.region = region
	t.cols = seps
	for _, iv := range ivs {
		t.starts = append(t.starts, iv.lo)
	}
	t.table = parser.Table{Page: p.Number, Method: "stream"}
	var accs [][]cellAcc
	// wrapped: a line closer to the one above than the rows' median pitch
	// whose text stands only in columns the row above has filled.
	pitches := make([]float64, 0, end-start)
	for i := start + 1; i <= end; i++ {
		pitches = append(pitches, lines[i].box.Y1-lines[i-1].box.Y1)
	}
	medPitch := median(pitches)
	wrapped := func(prev, cur []cellAcc, i int) bool {
		return lines[i].box.Y1-lines[i-1].box.Y1 <= 0.9*medPitch && withinFilled(prev, cur)
	}
	band := rowBands(hrules, region, lines[start:end+1], start, framed)
	t.banded = band != nil
	// Lines over the first rule of a table ruled under its rows but not
	// over its first are no row's lines for that: a spreadsheet rules the
	// header and its rows, not the title and group rows over them
	// ("Total of 24 agreements" / "Asia" / "China" over "Partner
	// Institution | Date of Agreement"). They are read as a table without
	// rules reads them.
	openTop := band != nil && !ruledAcross(hrules, region, lines[start].box.Y0-lines[start].h, (lines[start].box.Y0+lines[start].box.Y1)/2)
	// The table's head, in a ruled table: the lines between the rules
	// around its first line of cells in two columns or more.
	headLo, headHi := start, start-1
	if band != nil {
		for j := start; j <= end; j++ {
			if len(lines[j].chunks) >= 2 {
				headLo, headHi = j, j
				for headLo > start && band(headLo-1) == band(j) {
					headLo--
				}
				for headHi < end && band(headHi+1) == band(j) {
					headHi++
				}
				break
			}
		}
	}
	solidInBand := solidBetweenRules(lines, start, end, band)
	rowsInBand := spacedAsAcrossRules(lines, start, end, band)
	halfStep := centredRows(ws, lines, start, end)
	closeInRow := paddedPitch(ws, lines, start, end, halfStep)
	cols := func(l *sline) int {
		seen := map[int]bool{}
		for _, wi := range l.words {
			seen[colOf(seps, ws[wi].cx)] = true
		}
		return len(seen)
	}
	padded := paddedRows(lines[start:end+1], cols)
	colSet := func(l *sline) uint64 {
		var set uint64
		for _, wi := range l.words {
			set |= 1 << min(colOf(seps, ws[wi].cx), 63)
		}
		return set
	}
	ledTo := -1                                             // the last line of a row opened by a line above its foot (leadsTo)
	headAt := headedAtBottom(ws, lines, start, end, colSet) // the header's last line, when it sets its cells at the bottom
	// Where each column's text ends at the furthest, for overflowed.
	colRight := make([]float64, nc)
	// And of the text that keeps to its column: a spreadsheet's text runs
	// on over the empty cells beside it (a group's name in a row of its
	// own) past where the next column's text starts; a cell's wrapped
	// lines do not, and the column is as wide as they are at least.
	cellRight := make([]float64, nc)
	for i := start; i <= end; i++ {
		for _, wi := range lines[i].words {
			c := colOf(seps, ws[wi].cx)
			colRight[c] = max(colRight[c], ws[wi].Box.X1)
			if c+1 >= len(ivs) || ws[wi].Box.X1 < ivs[c+1].lo-0.2*lines[i].h {
				cellRight[c] = max(cellRight[c], ws[wi].Box.X1)
			}
		}
	}
	for c := range cellRight {
		if cellRight[c] == 0 {
			cellRight[c] = colRight[c]
		}
	}
	var boxes []parser.Box
	var firstFilled []int
	var rowPitch []float64  // baseline to baseline from a row's last line to the next row
	var wrapPitch []float64 // baseline to baseline inside rows
	var lastY1 float64
	for i := start; i <= end; i++ {
		l := &lines[i]
		cells := make([]cellAcc, nc)
		filled := 0
		for k := range l.chunks {
			c := l.chunks[k]
			// Split the chunk where a word gap lies on a column gap.
			cuts := chunkCuts(ws, l.words[c[0]:c[1]], seps, ivs, l.h)
			from := 0
			for m := range c[1] - c[0] {
				k, cut := cuts[m]
				if !cut && m < c[1]-c[0]-1 {
					continue
				}
				part := l.words[c[0]+from : c[0]+m+1]
				cw := l.words[c[0]:c[1]]
				c0 := chunkWordCol(ws, cw, from, seps, ivs)
				c1 := chunkWordCol(ws, cw, m, seps, ivs)
				if prev, ok := cuts[from-1]; ok && prev >= 0 {
					c0 = max(c0, prev+1)
				}
				if cut && k >= 0 {
					c1 = min(c1, k)
				}
				c1 = max(overflowEnd(ivs, c0, c1), c0)
				if cells[c0].words == nil {
					filled++
				}
				cells[c0].words = append(cells[c0].words, part...)
				cells[c0].span = max(cells[c0].span, c1-c0+1)
				from = m + 1
			}
		}
		join := false
		// A line set further from the line above than from the next may
		// open a row whose cells are set in its middle.
		opens := false
		if headAt >= 0 && i > ledTo && (band == nil || i > headAt) {
			// (cells set at the bottom of their rows: a line of some of the
			// next lines' cells opens its row; between rules, a body row,
			// between the same rules)
			if last := leadsTo(ws, lines, i, end, colSet); last > 0 && (band == nil || band(last) == band(i)) {
				if band == nil {
					last = rowFoot(ws, lines, last, end, colSet)
				}
				ledTo, opens = last, true
			}
		}
		switch {
		case len(accs) == 0 || i == start || opens:
		case i <= ledTo:
			join = true // more of a row opened by a line over its foot (leadsTo)
			firstFilled[len(accs)-1] = max(firstFilled[len(accs)-1], filled)
		case band == nil && closeInRow != nil:
			join = closeInRow(i) // rows padded apart
		case band != nil && !(openTop && band(i) == 0):
			// Lines between the same two rules: a wrapped cell when the line
			// fills fewer cells than the row's first line, or, set as close
			// as wrapped lines are, one cell the row has filled when the row
			// leaves cells empty (a sparse column, empty in this row), or
			// any line when rows stand further apart than the lines inside
			// them (every cell of a row in narrow columns wrapped:
			// "Cranfield" / "University", "May," / "2017"; cells set in the
			// middle of their rows, a one-line cell between the lines of a
			// wrapped one); a group of records otherwise.
			//
			// A line that says again what a line of the table's head said
			// (between the rules around its first line of cells in two
			// columns), the header said again, is a row of its own: the lines over
			// it between the same rules are a group's row ("South Korea"
			// over "Partner Institution | Date of Agreement", a sheet that
			// rules its header and rows and not its groups' rows), not its
			// cells' first lines (a body line may say again what a row
			// above said: "The Faculty of Agriculture"). Lines that hold
			// the first lines of a row's cells set at the bottom, wrapped,
			// are that row's (ledBy, leadChain). A line of two cells or
			// more that stands as far under the one above as lines stand
			// across the rules is a row of its own: the rules part groups
			// of rows (rowsInBand).
			prev := accs[len(accs)-1]
			join = band(i) == band(i-1) && !(i > headHi && repeatsLine(ws, lines, i, headLo, headHi+1)) && !(filled >= 2 && rowsInBand(i)) && (filled < firstFilled[len(accs)-1] ||
				filled == 1 && firstFilled[len(accs)-1] < nc && (wrapped(prev, cells, i) || tight(i-start) && withinFilled(prev, cells)) ||
				solidInBand(i) ||
				ledBy(ws, prev, cells, cellRight, lines[i].h) ||
				i < end && band(i+1) == band(i) && leadChain(ws, prev, cells, colSet(&lines[i+1]), cellRight, lines[i].h))
		case halfStep != nil && halfStep(i):
			join = true // a line half a line under the one above: cells of one row, set in its middle
		case halfStep != nil && halfStep(i+1):
			// the first line of a row whose cells are set in its middle:
			// the next line stands half a line under it
		default:
			join = filled < firstFilled[len(accs)-1] && (tight(i-start) || wrapped(accs[len(accs)-1], cells, i) || overflowed(ws, accs[len(accs)-1], cells, colRight, lines[i].h) ||
				paras[i] && withinFilled(accs[len(accs)-1], cells))
			// A line set larger than the one above, by a tenth or more,
			// is no cell's wrapped line: a heading between the rows
			// ("部局間協定校" under a row of the section before).
			if sa, sb := lineSize(ws, lines[i-1].words), lineSize(ws, l.words); sb > 1.1*sa && !math.IsInf(sb, 1) {
				join = false
			}
			// Nor is a plain line under a bold one of cells in two columns
			// or more: a header's, over the first row.
			if len(lines[i-1].chunks) >= 2 && allBold(ws, &lines[i-1]) && !allBold(ws, l) && filled >= 2 {
				join = false
			}
			// Rows set apart by padding, their lines set solid: a line
			// that touches the one above is more of its row, however many
			// cells it fills (cells that all wrap).
			join = join || (padded != nil && padded(i-start))
		}
		if join {
			wrapPitch = append(wrapPitch, l.box.Y1-lastY1)
			lastY1 = l.box.Y1
			prev := accs[len(accs)-1]
			for c := range cells {
				prev[c].words = append(prev[c].words, cells[c].words...)
				prev[c].span = max(prev[c].span, cells[c].span)
			}
			boxes[len(boxes)-1] = union(boxes[len(boxes)-1], l.box)
			continue
		}
		if len(accs) > 0 {
			rowPitch = append(rowPitch, l.box.Y1-lastY1)
		}
		lastY1 = l.box.Y1
		accs = append(accs, cells)
		boxes = append(boxes, l.box)
		firstFilled = append(firstFilled, filled)
	}
	// The pitch of lines wrapped inside rows, when rows stand further
	// apart, tells the tables after it on the page (tightLimitOf).
	if len(wrapPitch) >= 2 && len(rowPitch) >= 1 && median(wrapPitch) < 0.95*median(rowPitch) {
		t.wrapPitch = median(wrapPitch)
	}
	// Wrapped lines after the last row: runs of lines set at the text's
	// line spacing under the last row, inside columns it has filled, and
	// no rule across the table between them and the row.
	for j := end + 1; j < len(lines) && len(accs) > 1; j++ {
		if ruledAcross(hrules, region, lines[j-1].box.Y1, lines[j].box.Y0) {
			break
		}
		if !continuesRow(ws, &lines[j], lastY1, median(rowPitch), median(wrapPitch), boxes[len(boxes)-1], accs[len(accs)-1], seps, t.starts, limit) &&
			!overflowsBelow(ws, &lines[j], lastY1, median(rowPitch), accs[len(accs)-1], seps, colRight) {
			break
		}
		last := accs[len(accs)-1]
		for _, wi := range lines[j].words {
			c := colOf(seps, ws[wi].cx)
			last[c].words = append(last[c].words, wi)
		}
		boxes[len(boxes)-1] = union(boxes[len(boxes)-1], lines[j].box)
		t.region.Y1 = max(t.region.Y1, lines[j].box.Y1)
		t.last = j
		lastY1 = lines[j].box.Y1
	}
	if two := twoColumns(accs); two != nil {
		if isList(ws, two) {
			return streamResult{}, false
		}
		if flowColumns(ws, two) || bulletedColumns(ws, two) {
			p.flows = append(p.flows, flowArea{box: region})
			return streamResult{}, false
		}
	}
	var lbuf lineBuf // the cells' visual lines, cell after cell
	rights := make([]float64, nc)
	t.table.TextRights = rights
	var votes valignVotes
	cellWords, cellLines := make([][]int, nc), make([]int, nc)
	lineCounts := make([]int, len(accs)*nc) // each cell's lines, row after row (mergeCentred)
	for r, cells := range accs {
		row := parser.Row{Page: p.Number, Cells: p.rowCellArray(nc)}
		rowBox := parser.Box{X0: region.X0, Y0: boxes[r].Y0, X1: region.X1, Y1: boxes[r].Y1}
		row.SetBox(rowBox)
		nbold, nwords := 0, 0
		for c := 0; c < nc; c++ {
			acc := cells[c]
			cell := parser.Cell{ColSpan: 1, RowSpan: 1}
			box := parser.Box{X0: seps[c], Y0: rowBox.Y0, X1: seps[c+1], Y1: rowBox.Y1}
			if acc.span > 1 {
				span := min(acc.span, nc-c)
				cell.ColSpan = int16(min(span, parser.MaxColSpan))
				box.X1 = seps[c+span]
			}
			var lines []string
			var spans []parser.LineSpan
			cell.Text, lines, spans = cellTextSpans(ws, acc.words, &lbuf, true)
			cell.SetLinesSpansBox(lines, spans, box)
			if acc.span <= 1 {
				rights[c] = furthestRight(rights[c], spans)
			}
			cellWords[c], cellLines[c] = acc.words, max(len(lines), 1)
			lineCounts[r*nc+c] = len(lines)
			for _, wi := range acc.words {
				nwords++
				if ws[wi].Style.Bold {
					nbold++
				}
			}
			row.Cells = append(row.Cells, cell)
			for k := 1; k < int(cell.ColSpan); k++ {
				c++
				if len(cells[c].words) > 0 {
					// Text under a span: keep it, in the spanned cell.
					last := &row.Cells[len(row.Cells)-1]
					var lines []string
					last.Text, lines = cellTextIn(ws, append(slices.Clone(acc.words), cells[c].words...), &lbuf)
					last.SetLines(lines)
				}
				covered := parser.Cell{Covered: true}
				covered.SetBox(parser.Box{X0: seps[c], Y0: rowBox.Y0, X1: seps[c+1], Y1: rowBox.Y1})
				row.Cells = append(row.Cells, covered)
				cellWords[c] = nil
			}
		}
		votes.row(ws, cellWords, cellLines)
		clear(cellWords)
		t.table.Rows = append(t.table.Rows, row)
		t.bold = append(t.bold, nwords > 0 && nbold == nwords)
	}
	t.table.VAlign = votes.verdict()
	if t.table.VAlign == "middle" {
		mergeCentred(t.table.Rows, ws, accs, lineCounts, nc, hrules)
		t.table.Rows, t.bold = mergeBetween(t.table.Rows, t.bold, hrules)
	}
	if band != nil {
		mergeUnruled(t.table.Rows, hrules, region, ivs)
	}
	return t, true
}

// mergeBetween makes one cell of a row's only cell and the blank cells of
// the rows above and under it, in a table that sets its cells in the
// middle of their rows, where the row stands right between the two, its
// middle theirs, reaching into both: a cell merged over the two rows, the
// extractor's row its text ("Chinese Academy of Sciences" between
// "Purple Mountain Observatory | Sci | 昭和63年" and "National
// Astronomical Observatories | Sci | 平成4年", both with no partner). The
// text goes to the first row's cell, which spans both; the second's is
// covered, and the row between goes. A rule between the rows across the
// column keeps them apart. bold, a flag a row, follows the rows.
func mergeBetween(rows []parser.Row, bold []bool, hrules []rule) ([]parser.Row, []bool) {
	filled := func(r *parser.Row, c int) bool {
		return r.Cells[c].Covered || strings.TrimSpace(r.Cells[c].Text) != ""
	}
	for r := 1; r+1 < len(rows); r++ {
		above, mid, below := &rows[r-1], &rows[r], &rows[r+1]
		if len(above.Cells) != len(mid.Cells) || len(below.Cells) != len(mid.Cells) {
			continue
		}
		c, n, na, nb := -1, 0, 0, 0
		for k := range mid.Cells {
			if filled(mid, k) {
				c, n = k, n+1
			}
			if filled(above, k) {
				na++
			}
			if filled(below, k) {
				nb++
			}
		}
		if n != 1 || na < 2 || nb < 2 || mid.Cells[c].Covered || mid.Cells[c].ColSpan != 1 || filled(above, c) || filled(below, c) {
			continue
		}
		ab, mb, bb := above.Box(), mid.Box(), below.Box()
		h := (mb.Y1 - mb.Y0) / float64(max(1, mid.Cells[c].LineCount())) // a line's
		if abs((mb.Y0+mb.Y1)/2-(ab.Y0+bb.Y1)/2) >= 0.3*h || mb.Y0 >= ab.Y1 || mb.Y1 <= bb.Y0 {
			continue // not right between the two, reaching into both
		}
		if !spanTwoRows(above, below, c, mid.Cells[c], hrules) {
			continue
		}
		rows = slices.Delete(rows, r, r+1)
		if r < len(bold) {
			bold = slices.Delete(bold, r, r+1)
		}
	}
	return rows, bold
}

// spanTwoRows sets cell, its box widened to the two rows', as column c's
// cell of row above spanning row below too, whose cell there is covered:
// false, and nothing set, where a rule between the rows crosses the
// column.
func spanTwoRows(above, below *parser.Row, c int, cell parser.Cell, hrules []rule) bool {
	ab, bb, cb := above.Box(), below.Box(), below.Cells[c].Box()
	if ruledAcross(hrules, parser.Box{X0: cb.X0, X1: cb.X1}, (ab.Y0+ab.Y1)/2, (bb.Y0+bb.Y1)/2) {
		return false
	}
	cell.RowSpan = 2
	cell.SetBox(parser.Box{X0: cb.X0, Y0: ab.Y0, X1: cb.X1, Y1: bb.Y1})
	above.Cells[c] = cell
	covered := parser.Cell{Covered: true}
	covered.SetBox(cb)
	below.Cells[c] = covered
	return true
}

// mergeCentred makes one cell of a blank cell and the cell under it in a
// table that sets its cells in the middle of their rows, where the cell
// under it stands not in the middle of its row but as far above it as the
// blank row is high: a cell merged over the two rows, its text in their
// middle ("* Mahidol University" beside the first of the two lines of
// "Faculty of Medicine, Ramathibodi" / "Hospital", where "GS Medicine"
// stands between them, under a row that has no partner), a cell of as
// many lines standing in its row's middle beside it. The text goes
// to the first row's cell, which spans both; the second's is covered. A
// rule between the rows across the column keeps them apart.
func mergeCentred(rows []parser.Row, ws []tword, accs [][]cellAcc, lineCounts []int, nc int, hrules []rule) {
	for r := 1; r < len(rows) && r < len(accs); r++ {
		below, above := &rows[r], &rows[r-1]
		if len(below.Cells) != nc || len(above.Cells) != nc {
			continue
		}
		most := 0
		first, last := 0.0, 0.0
		seen := false
		for c := range nc {
			most = max(most, lineCounts[r*nc+c])
			for _, wi := range accs[r][c].words {
				if !seen || ws[wi].cy < first {
					first = ws[wi].cy
				}
				if !seen || ws[wi].cy > last {
					last = ws[wi].cy
				}
				seen = true
			}
		}
		if most < 2 || last <= first {
			continue
		}
		pitch := (last - first) / float64(most-1)
		filledAbove := 0
		for c := range nc {
			if len(accs[r-1][c].words) > 0 {
				filledAbove++
			}
		}
		ab, bb := above.Box(), below.Box()
		spanMid := (ab.Y0 + bb.Y1) / 2
		for c := range nc {
			words := accs[r][c].words
			n := lineCounts[r*nc+c]
			if len(words) == 0 || n >= most || len(accs[r-1][c].words) > 0 || above.Cells[c].Covered || below.Cells[c].Covered ||
				below.Cells[c].ColSpan != 1 || above.Cells[c].ColSpan != 1 || filledAbove < 2 {
				continue
			}
			mid := wordsMid(ws, words)
			if abs(mid-(first+last)/2) < 0.3*pitch || abs(mid-spanMid) >= 0.3*pitch || mid > (first+last)/2 {
				continue // in its row's middle, or not in the two rows'
			}
			// A cell of as many lines in the row's middle shows where the
			// row sets such a cell.
			// (Its lines set together: lines set apart are the cells of
			// two rows read as one.)
			witness := false
			for o := range nc {
				if ow := accs[r][o].words; o != c && lineCounts[r*nc+o] == n && len(ow) > 0 && abs(wordsMid(ws, ow)-(first+last)/2) < 0.3*pitch &&
					abs(wordsSpan(ws, ow)-float64(n-1)*pitch) < 0.3*pitch {
					witness = true
					break
				}
			}
			if !witness {
				continue
			}
			spanTwoRows(above, below, c, below.Cells[c], hrules)
		}
	}
}

// wordsMid is the middle of the lines the words stand on.
func wordsMid(ws []tword, words []int) float64 {
	c0, c1 := wordsRange(ws, words)
	return (c0 + c1) / 2
}

// wordsSpan is how far apart the first and last lines the words stand on
// are, middle to middle.
func wordsSpan(ws []tword, words []int) float64 {
	c0, c1 := wordsRange(ws, words)
	return c1 - c0
}

// wordsRange is the highest and lowest middle of the words.
func wordsRange(ws []tword, words []int) (float64, float64) {
	c0, c1 := ws[words[0]].cy, ws[words[0]].cy
	for _, wi := range words {
		c0, c1 = min(c0, ws[wi].cy), max(c1, ws[wi].cy)
	}
	return c0, c1
}

// mergeUnruled makes one cell of a column's cells in rows ruled apart
// where the rules between them stop short of that column: a cell merged
// over the rows (a country's name beside its partners), its text wrapped
// onto the next row's line ("マレーシ" / "ア") read whole in the first.
func mergeUnruled(rows []parser.Row, hrules []rule, region parser.Box, ivs []interval) {
	width := region.X1 - region.X0
	origin := make([]int, len(ivs)) // per column, the row of the cell the next rows may merge into
	for r := 1; r < len(rows); r++ {
		a, b := rows[r-1].Box(), rows[r].Box()
		top, bot := (a.Y0+a.Y1)/2, (b.Y0+b.Y1)/2
		var between []rule
		for _, h := range hrules {
			if h.at > top && h.at < bot && min(h.hi, region.X1)-max(h.lo, region.X0) >= 0.5*width {
				between = append(between, h)
			}
		}
		for c := range ivs {
			if len(between) == 0 || c >= len(rows[r].Cells) || rows[r].Cells[c].Covered {
				origin[c] = r
				continue
			}
			ruled := false
			for _, h := range between {
				if h.lo <= ivs[c].lo+1 && h.hi >= ivs[c].lo+1 {
					ruled = true
				}
			}
			o := &rows[origin[c]].Cells[c]
			if ruled || o.Covered || o.ColSpan > 1 || rows[r].Cells[c].ColSpan > 1 {
				origin[c] = r
				continue
			}
			cell := &rows[r].Cells[c]
			if cell.Text != "" {
				lines := append(o.Lines(), cell.Lines()...)
				o.Text = strings.Join(lines, " ")
				o.SetLines(lines)
			}
			o.RowSpan++
			obox := o.Box()
			obox.Y1 = cell.Box().Y1
			o.SetBox(obox)
			// covered now: its text goes, its box stays
			cell.Text, cell.ColSpan, cell.RowSpan, cell.Covered = "", 0, 0, true
			cell.SetLines(nil)
		}
	}
}

// headedRow reports whether lines start..end are a table of one row
// under its column headings (the end of a table continued from the page
// before): a line of three or more chunks, all bold, over a line of two or
// more, not, each starting where one of the first's starts (a cell left
// blank has none). The headings may be in regular type where a group's
// bold heading stands right over them and the row fills every column,
// each cell starting where its heading does, to a tenth of a line (the
// table of one group of per-group tables: "Poland" over "Partner
// Institution | Type of Agreement | …" over "University of Warsaw |
// University-wide | …").
func headedRow(ws []tword, lines []sline, start, end int) bool {
	if end != start+1 {
		return false
	}
	a, b := &lines[start], &lines[end]
	if len(a.chunks) < 3 || len(b.chunks) < 2 || len(b.chunks) > len(a.chunks) || allBold(ws, b) {
		return false
	}
	tol := 0.5 * a.h
	if !allBold(ws, a) {
		if start == 0 || len(b.chunks) != len(a.chunks) || !groupOver(ws, lines, start) {
			return false
		}
		tol = 0.1 * a.h
	}
	m := 0 // the heading the next chunk of b may start under, at the earliest
	for k := range b.chunks {
		xb, _ := b.chunkBox(ws, k)
		for m < len(a.chunks) {
			if xa, _ := a.chunkBox(ws, m); abs(xa-xb) <= tol {
				break
			}
			m++
		}
		if m == len(a.chunks) {
			return false
		}
		m++
	}
	return true
}

// groupOver reports a group's heading right over line k: a line of one
// chunk, bold, starting near where line k does and set no further above
// it than a line's height.
func groupOver(ws []tword, lines []sline, k int) bool {
	g, l := &lines[k-1], &lines[k]
	return len(g.chunks) == 1 && allBold(ws, g) && l.box.Y0-g.box.Y1 <= l.h && abs(g.box.X0-l.box.X0) <= l.h
}

// rowUnderColumnsAbove reports whether lines start..end are a table of one
// row under its column headings, set in the columns of a table above on
// the page (the last group's table of a list of tables, one a group): two
// lines of three or more chunks each, as many as that table has columns,
// each starting where one of its columns does.
func rowUnderColumnsAbove(ws []tword, lines []sline, start, end int, above []pageTable) bool {
	if end != start+1 {
		return false
	}
	for _, t := range above {
		if len(t.starts) < 3 {
			continue
		}
		fit := true
		for _, l := range []*sline{&lines[start], &lines[end]} {
			if len(l.chunks) != len(t.starts) {
				fit = false
				break
			}
			for k := range l.chunks {
				x, _ := l.chunkBox(ws, k)
				fit = fit && abs(x-t.starts[k]) <= 0.5*l.h
			}
		}
		if fit {
			return true
		}
	}
	return false
}

// columnIntervals infers the columns of a run of lines: the chunks of the
// lines with the most common chunk count (two or more) are merged where they
// overlap; chunks of the other lines that overlap none of these make columns
// of their own (a column that is often empty). Lines with fewer chunks
// (spanning headings, titles) never join two columns.
func columnIntervals(ws []tword, lines []*sline) []interval {
	counts := map[int]int{}
	for _, l := range lines {
		if n := len(l.chunks); n >= 2 {
			counts[n]++
		}
	}
	mode, best := 0, 0
	for n, c := range counts {
		if c > best || (c == best && n > mode) {
			mode, best = n, c
		}
	}
	if mode == 0 {
		return nil
	}
	var ivs []interval
	for _, l := range lines {
		if len(l.chunks) != mode {
			continue
		}
		for k := range l.chunks {
			x0, x1 := l.chunkBox(ws, k)
			ivs = addInterval(ivs, x0, x1)
		}
	}
	var extra []interval
	for _, l := range lines {
		if len(l.chunks) == mode {
			continue
		}
		for k := range l.chunks {
			x0, x1 := l.chunkBox(ws, k)
			if !overlapsAny(ivs, x0, x1) {
				extra = addInterval(extra, x0, x1)
			}
		}
	}
	for _, iv := range extra {
		if !overlapsAny(ivs, iv.lo, iv.hi) {
			ivs = addInterval(ivs, iv.lo, iv.hi)
		}
	}
	return ivs
}

// maxListMarker is the longest text isListMarkerText takes, in bytes: "(" and
// six roman numerals and ")".
const maxListMarker = 8

// isListMarker reports whether s is a list item's number or bullet standing
// apart from its text ("1.", "a)", "(iv)", "•": isListMarkerText), without
// scanning a text that cannot be one: one too long, or one that neither ends in
// "." or ")" nor is a single character.
func isListMarker(s string) bool {
	if len(s) > maxListMarker || s == "" {
		return false
	}
	if last := s[len(s)-1]; last != '.' && last != ')' && utf8.RuneCountInString(s) != 1 {
		return false
	}
	return isListMarkerText(s)
}

// isList reports whether a two-column run is a list: every first cell a
// list marker.
func isList(ws []tword, accs [][]cellAcc) bool {
	n := 0
	for _, cells := range accs {
		if len(cells[0].words) == 0 {
			continue
		}
		if t, _ := cellText(ws, cells[0].words); !isListMarker(t) {
			return false
		}
		n++
	}
	return n == 1
}

// flowColumns reports whether a two-column run is text set in two columns
// (read down each column, see orderColumns) rather than a table: both
// columns in one style, and a sign that each column runs on by itself:
// a heading in one column beside an entry in the other, or lines that
// stand in the two columns by turns (baselines that do not line up).
func flowColumns(ws []tword, accs [][]cellAcc) bool {
	type key struct {
		font string
		size float64
	}
	var dom [2]key
	var size [2]float64
	for c := range 2 {
		n := map[key]int{}
		for _, cells := range accs {
			for _, wi := range cells[c].words {
				n[key{ws[wi].Style.Font, ws[wi].Style.Size}] += len(ws[wi].Text)
			}
		}
		best := -1
		for k, v := range n {
			if v > best || (v == best && (k.font < dom[c].font || (k.font == dom[c].font && k.size < dom[c].size))) {
				dom[c], best = k, v
			}
		}
		size[c] = dom[c].size
	}
	if dom[0] != dom[1] || dom[0].font == "" {
		return false
	}
	heading := func(words []int) bool {
		for _, wi := range words {
			st := ws[wi].Style
			if !st.Bold && st.Size <= size[0]+0.5 {
				return false
			}
		}
		return len(words) > 0
	}
	turns := 0
	for r := 1; r < len(accs); r++ {
		a, b := accs[r][0].words, accs[r][1].words
		pa, pb := accs[r-1][0].words, accs[r-1][1].words
		switch {
		case len(a) > 0 && len(b) > 0:
			if heading(a) != heading(b) {
				return true
			}
		case (len(a) > 0) != (len(b) > 0) && (len(pa) > 0) != (len(pb) > 0) && (len(a) > 0) != (len(pa) > 0):
			turns++
		}
	}
	return turns >= 2
}

// listItemLine reports a line that is a list item, not a table row: a
// marker standing alone (a bullet, "1.") and one run of text after it,
// or such items side by side (a list set in columns), maybe after the
// text of a column to the left.
func listItemLine(ws []tword, l *sline) bool {
	// An odd chunk first is text of the column to the left of a list.
	from := len(l.chunks) % 2
	if len(l.chunks)-from < 2 {
		return false
	}
	for k := from; k < len(l.chunks); k += 2 {
		c := l.chunks[k]
		if c[1]-c[0] != 1 || markerKind(strings.TrimSpace(ws[l.words[c[0]]].Text)) == notMarker {
			return false
		}
	}
	return true
}

func overlapsAny(ivs []interval, lo, hi float64) bool {
	for _, iv := range ivs {
		if hi >= iv.lo && lo <= iv.hi {
			return true
		}
	}
	return false
}

// colOf returns the column whose bounds hold x.
func colOf(seps []float64, x float64) int {
	return min(max(searchCell(seps, x), 0), len(seps)-2)
}

// chunkWordCol returns the column of word m of a chunk (its words): the
// column whose bounds hold its middle, but for a word set wholly in the
// gap between two columns' text (a cell's last word running past the
// middle of the gap in a narrow column: "University of" | "GS"), which
// goes with the word beside it that it stands closer to.
func chunkWordCol(ws []tword, words []int, m int, seps []float64, ivs []interval) int {
	w := ws[words[m]]
	col := colOf(seps, w.cx)
	g := -1 // the gap between columns g and g+1 that the word lies in
	for k := 0; k+1 < len(ivs); k++ {
		if w.Box.X0 > ivs[k].hi && w.Box.X1 < ivs[k+1].lo {
			g = k
		}
	}
	if g < 0 {
		return col
	}
	gapBefore, gapAfter := math.Inf(1), math.Inf(1)
	if m > 0 {
		gapBefore = w.Box.X0 - ws[words[m-1]].Box.X1
	}
	if m+1 < len(words) {
		gapAfter = ws[words[m+1]].Box.X0 - w.Box.X1
	}
	switch {
	case gapBefore < gapAfter && colOf(seps, ws[words[m-1]].cx) == g:
		return g
	case gapAfter < gapBefore && colOf(seps, ws[words[m+1]].cx) == g+1:
		return g + 1
	}
	return col
}

// gapCrosses reports whether the word gap [a, b] overlaps the column gap
// between columns ca and ca+1 (or any between ca and cb).
//
// The text before the gap must end where its column does, or text after
// it start where the next column does (nexts: where the words after the
// gap start): a line running on past its column's end into the gap (a
// long name wrapped further right than the column's other lines, its
// last words under no column) is not cut there.
func gapCrosses(ivs []interval, ca, cb int, a, b, h float64, nexts []float64) bool {
	for k := ca; k < cb && k+1 < len(ivs); k++ {
		if !gapAt(ivs, k, a, b) {
			continue
		}
		if a <= ivs[k].hi+0.5*h || slices.ContainsFunc(nexts, func(x float64) bool { return abs(x-ivs[k+1].lo) <= 0.5*h }) {
			return true
		}
	}
	return false
}

// overflowEnd returns the last column a run of words from column c0 to c1
// spans: none past a column found where its cells start (see
// splitByStarts), whose text its cells' overflow runs into.
func overflowEnd(ivs []interval, c0, c1 int) int {
	for k := c0 + 1; k <= c1; k++ {
		if ivs[k].split {
			return k - 1
		}
	}
	return c1
}

// gapAt reports whether the word gap [a, b] lies across the column gap
// between columns k and k+1: it overlaps it, or, where column k+1 is
// aligned, the word after it starts at the column's start, however close
// to it (or over it) the word before it ends.
func gapAt(ivs []interval, k int, a, b float64) bool {
	lo, hi := ivs[k].hi, ivs[k+1].lo
	if b >= lo && a <= hi {
		return true
	}
	return ivs[k+1].tol > 0 && abs(b-hi) <= ivs[k+1].tol
}

// chunkCuts returns where a chunk of a row's line (its words, left to
// right) is cut into cells: at m, the gap after word m, where a word gap
// lies on a column gap. The value is the column gap it lies across (k:
// between columns k and k+1), -1 when not known. Where several word
// gaps in a row lie across the same column gap (a dash or a short word
// overhanging the gap: "Sciences -" "University"), the widest is the
// cut.
func chunkCuts(ws []tword, words []int, seps []float64, ivs []interval, h float64) map[int]int {
	across := func(m int) int {
		a, b := ws[words[m]].Box.X1, ws[words[m+1]].Box.X0
		for k := 0; k+1 < len(ivs); k++ {
			if gapAt(ivs, k, a, b) {
				return k
			}
		}
		return -1
	}
	cuts := map[int]int{}
	for m := 0; m+1 < len(words); m++ {
		a, b := ws[words[m]], ws[words[m+1]]
		ca, cb := chunkWordCol(ws, words, m, seps, ivs), chunkWordCol(ws, words, m+1, seps, ivs)
		var nexts []float64
		for _, q := range words[m+1:] {
			nexts = append(nexts, ws[q].Box.X0)
		}
		if ca == cb || !gapCrosses(ivs, ca, cb, a.Box.X1, b.Box.X0, h, nexts) {
			continue
		}
		k := across(m)
		if k < 0 {
			cuts[m] = -1
			continue
		}
		lo, hi := m, m
		for lo > 0 && across(lo-1) == k {
			lo--
		}
		for hi+2 < len(words) && across(hi+1) == k {
			hi++
		}
		w := m
		gap := func(j int) float64 { return ws[words[j+1]].Box.X0 - ws[words[j]].Box.X1 }
		for j := lo; j <= hi; j++ {
			if gap(j) > gap(w) {
				w = j
			}
		}
		cuts[w] = k
	}
	return cuts
}

// rowBands returns, when horizontal rules across the table separate its
// rows (two or more rules between its first and last line), the band each
// line lies in: lines between the same two rules are one row. Otherwise it
// returns nil. Line k of the result's argument is lines[k-offset]. When
// framed, one rule between them will do when rules frame the lines, right
// above the first and right under the last (within half a line).
func rowBands(hrules []rule, region parser.Box, lines []sline, offset int, framed bool) func(int) int {
	if len(lines) < 2 {
		return nil
	}
	first, last := &lines[0], &lines[len(lines)-1]
	top := (first.box.Y0 + first.box.Y1) / 2
	bot := (last.box.Y0 + last.box.Y1) / 2
	var ys []float64
	frame := 0
	for _, r := range hrules {
		if min(r.hi, region.X1)-max(r.lo, region.X0) < 0.8*(region.X1-region.X0) {
			continue
		}
		switch {
		case r.at > top && r.at < bot:
			ys = append(ys, r.at)
		case framed && (r.at <= first.box.Y0 && r.at >= first.box.Y0-0.5*first.h || r.at >= last.box.Y1 && r.at <= last.box.Y1+0.5*last.h):
			frame++
		}
	}
	if len(ys) < 2 && (len(ys) == 0 || frame < 2) {
		return nil
	}
	slices.Sort(ys)
	return func(i int) int {
		l := &lines[i-offset]
		n, _ := slices.BinarySearch(ys, (l.box.Y0+l.box.Y1)/2)
		return n
	}
}

// centredRows returns, for a table whose cells are set in the middle of
// their rows (twice at least a line stands half a line under the one
// above it, in other columns: a one-line cell beside a cell of two lines,
// its line between theirs), a test for whether line i stands so under
// line i-1 (halfUnder); nil otherwise. Rows of such a table are the runs of lines half a line
// apart, and lines that no half step links are read as any table's.
func centredRows(ws []tword, lines []sline, start, end int) func(int) bool {
	half := func(i int) bool {
		return i > start && i <= end && halfUnder(ws, lines, i)
	}
	n := 0
	for i := start + 1; i <= end; i++ {
		if half(i) {
			n++
		}
	}
	if n < 2 {
		return nil
	}
	return half
}

// paddedPitch returns, for a table whose rows stand further apart than a
// cell's lines do, a test for whether line i stands no further under
// line i-1 than a cell's lines do (1.15 times their pitch, the smallest of
// the pitches of a line or more, a tenth of them in; half steps are
// closer): more of its row, whatever it holds and wherever its row sets
// its cells (at the top, in the middle, at the bottom). Each row is then a
// run of lines so close: "Ecole d'Ingénieur du" / "* Albi-Carmaux School
// of Littoral Côte d'Opale" / "Europe France … GS Engineering Feb. 14,
// 2017" / "Engineering (Université du Littoral" / "Côte d'Opale)", or,
// set at the bottom, "Faculty of Biological" / "Asia Bangladesh
// University of Dhaka Science GS Agricultural Science 2014/04/27".
//
// It is for tables that set their cells in the middle of their rows
// (halfStep not nil) or at the bottom (bottomSet); rows set at the top
// are read otherwise. Rows stand so apart when rows of one line (lines of
// cells in two columns at least, right under one another) stand 1.2 times
// that pitch apart at the median; where no two such lines follow one
// another, when the table sets its cells in the middle and a fifth of the
// pitches at least, not all, are 1.3 times that one or more. It is nil
// otherwise: rows set solid, no padding between them, are told apart
// otherwise.
func paddedPitch(ws []tword, lines []sline, start, end int, halfStep func(int) bool) func(int) bool {
	if halfStep == nil && !bottomSet(lines, start, end) {
		return nil
	}
	var ps, rows []float64 // pitches of a line or more (no half step); of rows of one line
	for i := start + 1; i <= end; i++ {
		p := lines[i].box.Y1 - lines[i-1].box.Y1
		if p <= 0.66*max(lineStep(ws, &lines[i]), lineStep(ws, &lines[i-1])) {
			continue
		}
		ps = append(ps, p)
		if len(lines[i].chunks) >= 2 && len(lines[i-1].chunks) >= 2 && !chunksApart(ws, &lines[i-1], &lines[i]) {
			rows = append(rows, p)
		}
	}
	if len(ps) < 3 {
		return nil
	}
	slices.Sort(ps)
	wrap := ps[len(ps)/10]
	if wrap <= 0 {
		return nil
	}
	switch {
	case len(rows) >= 2:
		if median(rows) < 1.2*wrap {
			return nil
		}
	case halfStep != nil:
		if wide := len(ps) - sort.SearchFloat64s(ps, 1.3*wrap); wide*5 < len(ps) || wide == len(ps) {
			return nil
		}
	default:
		return nil
	}
	return func(i int) bool {
		return i > start && i <= end && lines[i].box.Y1-lines[i-1].box.Y1 <= 1.15*wrap
	}
}

// bottomSet reports a table whose rows set their cells at the bottom: a
// line of fewer cells than the next, set further from the line above
// than from the next (a wrapped cell's first line, the row's other cells
// beside its last), twice at least and more often than a line of fewer
// cells than the one above, set further from the next (a wrapped cell's
// last line, the row's cells set at the top).
func bottomSet(lines []sline, start, end int) bool {
	lead, trail := 0, 0
	for i := start; i < end; i++ {
		above, below := math.Inf(1), lines[i+1].box.Y1-lines[i].box.Y1 // (the first line: as far from any above as can be)
		if i > start {
			above = lines[i].box.Y1 - lines[i-1].box.Y1
		}
		n := len(lines[i].chunks)
		switch {
		case above >= 1.2*below && n < len(lines[i+1].chunks):
			lead++
		case i > start && below >= 1.2*above && n < len(lines[i-1].chunks):
			trail++
		}
	}
	return lead >= 2 && lead > trail
}

// leadsTo returns, when line i holds the first lines of some of the next
// lines' cells (cells set at the bottom of their row), the last line of
// that row: the first line after i of cells in three columns or more,
// among them every column the lines before it (of fewer) fill, each line
// set solid under the one above, at most 1.3 line heights (lineStep: CJK
// lines stand further apart than their size says) down, maxWrapIn lines
// down at most, all of
// them bold where that one is and only there (a group's heading over a
// row, a title over a header are none); -1 otherwise.
func leadsTo(ws []tword, lines []sline, i, end int, set func(*sline) uint64) int {
	led := set(&lines[i]) // the columns whose first lines the row's lines so far hold
	if bits.OnesCount64(led) >= 3 {
		return -1
	}
	bold, plain := allBold(ws, &lines[i]), !allBold(ws, &lines[i])
	for j := i + 1; j <= end && j <= i+maxWrapIn && linePitch(&lines[j-1], &lines[j]) <= 1.3*max(lineStep(ws, &lines[j-1]), lineStep(ws, &lines[j])) &&
		lines[j].box.Y0-lines[j-1].box.Y1 <= 0.15*lines[j-1].h; j++ {
		s := set(&lines[j])
		if bits.OnesCount64(s) < 3 {
			led |= s // more first lines (a cell's, at another baseline: "大学間協" / "Royal University of Law and")
			b := allBold(ws, &lines[j])
			bold, plain = bold || b, plain || !b
			continue
		}
		if b := allBold(ws, &lines[j]); s&led != led || bold && !b || plain && b {
			return -1 // (a bold line over lines that are not, a group's heading; a plain one over a bold header, a title)
		}
		return j
	}
	return -1
}

// rowFoot returns the last line of a row set at the bottom whose lines
// from j on hold all its cells: the row goes on to its foot, where every
// cell of it ends, each line set solid under the one above, in the same
// weight, of every column of the one above and more (the cells of one
// line, set at the bottom beside the last lines of those wrapped:
// "Universidad Nacional de | 間協 | 1999," over "Tucuman | 定 | ― |
// 11/17/2008").
func rowFoot(ws []tword, lines []sline, j, end int, set func(*sline) uint64) int {
	for j < end && lines[j+1].box.Y1-lines[j].box.Y1 <= 1.3*max(lineStep(ws, &lines[j]), lineStep(ws, &lines[j+1])) &&
		lines[j+1].box.Y0-lines[j].box.Y1 <= 0.15*lines[j].h && allBold(ws, &lines[j+1]) == allBold(ws, &lines[j]) {
		s, t := set(&lines[j]), set(&lines[j+1])
		if t&s != s || t == s {
			break
		}
		j++
	}
	return j
}

// linePitch is how far line b stands under line a: top to top or foot to
// foot, the nearer (a line of two scripts reaches further down than its
// neighbours of one: "ンター 災害科学国際研究所 | Europe Germany
// 2020/06/01" under "LOEWE emergenCITYセ").
func linePitch(a, b *sline) float64 {
	return min(b.box.Y1-a.box.Y1, b.box.Y0-a.box.Y0)
}

// headedAtBottom returns, for a table whose header sets its cells at the
// bottom of its row, the header's last line, the first that fills three
// columns or more but for lines of its cells' first lines over it
// (leadsCells); -1 for any other table. The line before it holds some
// of its cells' first lines (leadsTo, or leadsCells where they are three
// or more), set solid over it (no half step:
// cells set in the middle) in the same font ("Date of" over "Area …
// Agreement …"; a group's heading over the header is none), and no line
// of some of its cells, in its font, stands set solid under it (the
// header's cells going on, set at the top), nor under the table's last
// but one (a last row's cells wrapped under it, set at the top).
func headedAtBottom(ws []tword, lines []sline, start, end int, set func(*sline) uint64) int {
	for k := start; k <= end && k <= start+maxHeadIn; k++ {
		b := &lines[k]
		if bits.OnesCount64(set(b)) < 3 {
			continue
		}
		// A header whose first lines lead its cells over a line of them
		// all, a line of names without a figure, sets its cells at the
		// bottom: a line under it of some of its columns is the first
		// row's first (the header's cells do not go on there). So do
		// first lines of three cells or more, or two lines of first
		// lines, the second in every column of the first ("締結" / "年月 |
		// 授業料" over "… | 日 | 不徴収"; a title over "Type of | Year" is
		// none): one line of fewer may be a group's heading over a
		// header set at the top ("マレーシア Malaysia" over "相手機関名
		// Partner" / "Institution").
		// A line with a figure is a row's ("10 July 2016") under a
		// header of one line.
		ledOver := k > start && headerLeads(ws, lines, k, end, set)
		surely := ledOver && !holdsDigit(ws, b) && (bits.OnesCount64(set(&lines[k-1])) >= 3 ||
			k-2 >= start && set(&lines[k-2])&set(&lines[k-1]) == set(&lines[k-2]) && leadsTo(ws, lines, k-2, end, set) == k)
		if k+1 <= end && !surely {
			if c := set(&lines[k+1]); c&set(b) == c && bits.OnesCount64(c) < bits.OnesCount64(set(b)) &&
				lines[k+1].box.Y1-b.box.Y1 <= 1.3*lineStep(ws, b) && lines[k+1].box.Y0-b.box.Y1 <= 0.15*b.h && allBold(ws, &lines[k+1]) == allBold(ws, b) {
				return -1 // the header's cells go on under that line: set at the top
			}
		}
		if k+1 <= end && leadsCells(ws, b, &lines[k+1], set) {
			continue // (the first lines of the header's cells, set over more of them)
		}
		if k == start {
			return -1
		}
		if z := set(&lines[end]); end > k+1 && bits.OnesCount64(z) < 3 && z&set(&lines[end-1]) == z &&
			lines[end].box.Y0-lines[end-1].box.Y1 <= 0.15*lines[end-1].h && allBold(ws, &lines[end]) == allBold(ws, &lines[end-1]) {
			return -1 // the table ends with a cell's last lines under its row's: set at the top
		}
		if ledOver {
			return k
		}
		return -1
	}
	return -1
}

// headerLeads reports a line k-1 that holds the first lines of some of
// line k's cells, set solid over it in the same type: fewer than three
// (leadsTo), or three or more over more of them (leadsCells).
func headerLeads(ws []tword, lines []sline, k, end int, set func(*sline) uint64) bool {
	a, b := &lines[k-1], &lines[k]
	if bits.OnesCount64(set(a)) >= 3 {
		return leadsCells(ws, a, b, set)
	}
	sa, sb := lineSize(ws, a.words), lineSize(ws, b.words)
	return abs(sa-sb) <= 0.1*sb && allBold(ws, a) == allBold(ws, b) &&
		b.box.Y1-a.box.Y1 > 0.66*lineStep(ws, a) && b.box.Y0-a.box.Y1 <= 0.15*a.h && leadsTo(ws, lines, k-1, end, set) == k
}

// holdsDigit reports a line with a digit in a word.
func holdsDigit(ws []tword, l *sline) bool {
	for _, wi := range l.words {
		if strings.ContainsFunc(ws[wi].Text, unicode.IsDigit) {
			return true
		}
	}
	return false
}

// leadsCells reports a line of three cells or more (a) set solid over a
// line (b) of more cells, those columns among them, in the same type and
// weight a line or more apart: the first lines of a header's cells set at
// the bottom of its row, over the line that holds them all ("相手機関名 |
// 協定種 | 締結年月" over "機関 | 部局 | 別 | 本学部局 | 日").
func leadsCells(ws []tword, a, b *sline, set func(*sline) uint64) bool {
	sa, sb := set(a), set(b)
	return sa&sb == sa && bits.OnesCount64(sa) < bits.OnesCount64(sb) &&
		abs(lineSize(ws, a.words)-lineSize(ws, b.words)) <= 0.1*lineSize(ws, b.words) && allBold(ws, a) == allBold(ws, b) &&
		b.box.Y1-a.box.Y1 > 0.66*lineStep(ws, a) && b.box.Y0-a.box.Y1 <= 0.15*a.h
}

// inCentredRow reports whether line j is one of the lines of a row whose
// cells are set in its middle: it stands half a line from the line above
// or the next (halfStepped), or the lines under or over it, set no
// further apart than a line's height (lineStep), reach one that does, or a line of
// cells in two columns at least (tab), within three lines: "École
// Nationale" / "Supérieure" / "Europe France d'Informatique pour GS
// Engineering May 29, 2013" / "l'Industrie et l'Entreprise" / "(ENSIIE)".
func inCentredRow(ws []tword, lines []sline, tab []bool, j int) bool {
	if halfStepped(ws, lines, j) {
		return true
	}
	for k := j + 1; k <= j+3 && k < len(lines) && lines[k].box.Y1-lines[k-1].box.Y1 <= lineStep(ws, &lines[k-1]); k++ {
		if tab[k] || halfStepped(ws, lines, k) {
			return true
		}
	}
	for k := j - 1; k >= j-3 && k >= 0 && lines[k+1].box.Y1-lines[k].box.Y1 <= lineStep(ws, &lines[k]); k-- {
		if tab[k] || halfStepped(ws, lines, k) {
			return true
		}
	}
	return false
}

// halfStepped reports whether line j stands half a line (0.3 to 0.62 of
// a line's height, baseline to baseline) from the line above or the next,
// in other columns: a line of a row whose cells are set in its middle
// ("ニューサウスウェールズ大" over a date half a line under it), however far it
// stands from the row above.
func halfStepped(ws []tword, lines []sline, j int) bool {
	return j > 0 && halfUnder(ws, lines, j) || j+1 < len(lines) && halfUnder(ws, lines, j+1)
}

// lineStep is a line's height as set: its box's, or 1.25 times its text's
// size where the box is taller (the tall ascent and descent of CJK fonts).
func lineStep(ws []tword, l *sline) float64 {
	return min(l.h, 1.25*lineSize(ws, l.words))
}

// halfUnder reports whether line i stands half a line under line i-1 (0.3
// to 0.66 of the taller's height (lineStep), baseline to baseline: a cell's lines
// are set closer than their boxes are tall, and a raised marker in a line
// moves its box), in other columns.
func halfUnder(ws []tword, lines []sline, i int) bool {
	h := max(lineStep(ws, &lines[i]), lineStep(ws, &lines[i-1]))
	p := lines[i].box.Y1 - lines[i-1].box.Y1
	return p >= 0.3*h && p <= 0.66*h && chunksApart(ws, &lines[i-1], &lines[i])
}

// chunksApart reports two lines no chunk of which stands over a chunk of
// the other: the cells of different columns.
func chunksApart(ws []tword, a, b *sline) bool {
	for p := range a.chunks {
		ax0, ax1 := a.chunkBox(ws, p)
		for q := range b.chunks {
			if bx0, bx1 := b.chunkBox(ws, q); bx0 < ax1 && ax0 < bx1 {
				return false
			}
		}
	}
	return true
}

// solidBetweenRules returns, for a table whose rules separate its rows
// (band), a test for whether line i sits closer to the line above than
// lines on either side of a rule do (by a fifth at least): its row's
// cells wrapped onto it, set solid, while rows are padded apart (records
// grouped between two rules stand as far apart as rows do, or nearly). It is
// false for every line when band is nil or no two lines straddle a rule.
func solidBetweenRules(lines []sline, start, end int, band func(int) int) func(int) bool {
	no := func(int) bool { return false }
	if band == nil {
		return no
	}
	var across []float64
	for i := start + 1; i <= end; i++ {
		if band(i) != band(i-1) {
			across = append(across, lines[i].box.Y1-lines[i-1].box.Y1)
		}
	}
	if len(across) == 0 {
		return no
	}
	limit := median(across) / 1.2
	return func(i int) bool {
		return i > start && i <= end && lines[i].box.Y1-lines[i-1].box.Y1 < limit
	}
}

// spacedAsAcrossRules returns, for a table ruled between some of its
// lines (band), a test for whether line i stands as far under the line
// above, between the same rules, as lines stand apart across a rule (the
// median of two such pitches or more, within a twentieth), and half a
// line or more apart (not set solid, as a spreadsheet sets its rows and
// the lines of a cell): rules that part groups of rows, not rows (a rule
// over each area, none between its countries' rows, every row a line). A
// cell's wrapped lines stand closer than rows parted by padding and a
// rule do. With fewer than two pitches across rules, lines spaced all
// alike (a tenth of them closer at most) are as far apart as rows. Nil
// band: always false.
func spacedAsAcrossRules(lines []sline, start, end int, band func(int) int) func(int) bool {
	if band == nil {
		return func(int) bool { return false }
	}
	var across []float64
	for i := start + 1; i <= end; i++ {
		if band(i) != band(i-1) {
			across = append(across, lines[i].box.Y1-lines[i-1].box.Y1)
		}
	}
	p := median(across)
	if len(across) < 2 {
		// Too few rules to tell: lines all as far apart (a tenth of the
		// distances in, within a twentieth of the median) are as far apart
		// as rows.
		var ps []float64
		for i := start + 1; i <= end; i++ {
			ps = append(ps, lines[i].box.Y1-lines[i-1].box.Y1)
		}
		if len(ps) < 3 {
			return func(int) bool { return false }
		}
		slices.Sort(ps)
		if p = median(ps); ps[len(ps)/10] < 0.95*p {
			return func(int) bool { return false }
		}
	}
	return func(i int) bool {
		return i > start && lines[i].box.Y1-lines[i-1].box.Y1 >= 0.95*p && lines[i].box.Y0-lines[i-1].box.Y1 >= 0.5*lines[i-1].h
	}
}

// pastLastRule reports whether line j, under a rule across the lines
// start..j-1 (rows ruled apart by two rules or more), stands further under
// that rule than any of their lines stands under a rule above it, with
// no rule under it: a row sits as far under its rule as the table's other
// rows do, or has a rule of its own under it, and a line further down
// without one is the page's, under the rule that closes the table.
func pastLastRule(hrules []rule, lines []sline, start, j int, left, right float64) bool {
	region := parser.Box{X0: left, X1: right}
	l := &lines[j]
	above := math.Inf(-1)
	for _, r := range hrules {
		if r.at > lines[j-1].box.Y1-0.5*lines[j-1].h && r.at < l.box.Y0 && min(r.hi, right)-max(r.lo, left) >= 0.8*(right-left) {
			above = max(above, r.at)
		}
	}
	if math.IsInf(above, -1) {
		return false
	}
	pad, n := math.Inf(-1), 0
	for k := start + 1; k < j; k++ {
		y0 := (lines[k-1].box.Y0 + lines[k-1].box.Y1) / 2
		for _, r := range hrules {
			if r.at > y0 && r.at < lines[k].box.Y0+0.5*lines[k].h && ruledAcross(hrules, region, r.at-0.01, r.at+0.01) {
				pad, n = max(pad, lines[k].box.Y0-r.at), n+1
				break
			}
		}
	}
	if n < 2 || l.box.Y0-above <= pad+0.5*l.h {
		return false
	}
	// (a row set lower has its own rule under it, under its wrapped
	// lines)
	mid := (l.box.Y0 + l.box.Y1) / 2
	return !ruledAcross(hrules, region, mid, mid+4*l.h)
}

// ruledAcross reports whether a horizontal rule across most of the
// region's width lies between y0 and y1.
func ruledAcross(hrules []rule, region parser.Box, y0, y1 float64) bool {
	for _, r := range hrules {
		if r.at > y0 && r.at < y1 && min(r.hi, region.X1)-max(r.lo, region.X0) >= 0.8*(region.X1-region.X0) {
			return true
		}
	}
	return false
}

// tightPitch returns a test for whether line k of lines sits closer to the
// line above than the table's rows do to each other: true only when the
// spacing is bimodal (wrapped lines set tighter than rows).
func tightPitch(lines []sline) func(k int) bool {
	limit := tightLimit(lines)
	return func(k int) bool {
		return k > 0 && k < len(lines) && lines[k].box.Y1-lines[k-1].box.Y1 < limit
	}
}

// tightLimit returns the baseline-to-baseline distance under which a line
// sits as close to the line above as the table's lines do at the closest
// (1.15 times the smallest, a tenth of the distances in), when the
// spacing is bimodal: a fifth of the distances at least and not all of
// them 1.3 times that or more. Otherwise it returns 0.
func tightLimit(lines []sline) float64 {
	return tightLimitOf(lines, 0)
}

// tightLimitOf is tightLimit. When the spacing is not bimodal and ref
// (the pitch of the lines wrapped inside rows of a table before it on the
// page, set alike: its rows stood further apart) is given, and the
// lines stand at that pitch at the closest and some further, it is ref's
// limit: a table of one row of wrapped cells, whose own spacing shows no
// rows.
func tightLimitOf(lines []sline, ref float64) float64 {
	if len(lines) < 3 {
		return 0
	}
	var ps []float64
	for k := 1; k < len(lines); k++ {
		ps = append(ps, lines[k].box.Y1-lines[k-1].box.Y1)
	}
	slices.Sort(ps)
	pmin := ps[len(ps)/10]
	wide := 0
	for _, p := range ps {
		if p >= 1.3*pmin {
			wide++
		}
	}
	if wide*5 < len(ps) || wide == len(ps) {
		if ref > 0 && abs(pmin-ref) <= 0.1*ref && ps[len(ps)-1] >= 1.15*ref {
			return 1.15 * ref
		}
		return 0
	}
	return 1.15 * pmin
}

// paddedRows returns, for a table whose rows are set apart by padding
// while the lines inside a row are set solid, a test for whether line k
// of lines touches the line above (a line of the same row); nil when the
// gaps between the lines' boxes do not fall into those two kinds: the
// smallest gaps (a tenth of the lines' from the smallest) and gaps wider
// by a sixth of a line or more (a tenth of the gaps at least, one of them
// after a run of lines set solid and before a line that fills two cells
// or more: padding between rows, not only space around a heading), a
// fifth of the gaps the smallest, and none between (but next to a line
// of one cell, a heading's); and the lines of the wider gaps stand
// further apart baseline to baseline too, by a tenth of a line or more.
func paddedRows(lines []sline, cols func(*sline) int) func(k int) bool {
	if len(lines) < 5 {
		return nil
	}
	gap := make([]float64, len(lines))
	var gs, hs []float64
	for k := 1; k < len(lines); k++ {
		gap[k] = lines[k].box.Y0 - lines[k-1].box.Y1
		gs = append(gs, gap[k])
		hs = append(hs, lines[k].h)
	}
	h := median(hs)
	slices.Sort(gs)
	g0 := gs[len(gs)/10]
	tight, wide, between := 0, 0, 0
	var tightPitch, widePitch []float64 // baseline to baseline
	for k := 1; k < len(lines); k++ {
		switch g := gap[k]; {
		case g <= g0+0.05*h:
			tight++
			tightPitch = append(tightPitch, lines[k].box.Y1-lines[k-1].box.Y1)
		case g >= g0+0.16*h:
			wide++
			widePitch = append(widePitch, lines[k].box.Y1-lines[k-1].box.Y1)
			// Padding between rows: the line above ends a run of lines
			// set solid, the line below fills two cells or more.
			if k >= 2 && gap[k-1] <= g0+0.05*h && cols(&lines[k]) >= 2 {
				between++
			}
		case cols(&lines[k-1]) >= 2 && cols(&lines[k]) >= 2:
			return nil // around a heading's line any space goes
		}
	}
	if 5*tight < len(gs) || between < 1 || 10*wide < len(gs) || g0 < -0.1*h {
		return nil
	}
	if median(widePitch)-median(tightPitch) < 0.1*h {
		// The lines stand as far apart, baseline to baseline, whatever the
		// gaps between their boxes say: a symbol that reaches over its
		// line's text (ZapfDingbats' ■ beside a year) narrows the gap above
		// its line, no padding widens the others.
		return nil
	}
	return func(k int) bool { return gap[k] <= g0+0.05*h }
}

// continuesRow reports whether line l, right under the table's last row
// (whose box is row and whose last line ends at lastY1), is more of that
// row's cells: it sits closer to the line above than the rows do to each
// other (rowPitch: rows set apart by padding, wrapped lines not), nearer
// the pitch of the lines wrapped inside rows (wrapPitch, 0 when none is)
// than the rows', and each of its words stands in a column the row has
// filled (reaching past the column's border no further than a little
// short of where the next column's text starts, starts), its first word
// of a column aligned with the cell's text, and the words of two columns
// further apart than a word gap (half a line).
func continuesRow(ws []tword, l *sline, lastY1, rowPitch, wrapPitch float64, row parser.Box, last []cellAcc, seps, starts []float64, tight float64) bool {
	pitch := l.box.Y1 - lastY1
	limit := 0.85 * rowPitch
	if wrapPitch > 0 && wrapPitch < 0.95*rowPitch {
		limit = (wrapPitch + rowPitch) / 2
	}
	limit = max(limit, tight)
	if pitch <= 0 || pitch > limit || l.box.Y0-row.Y1 > 0.5*l.h {
		return false
	}
	seen := map[int]bool{}
	for k, wi := range l.words {
		c := colOf(seps, ws[wi].cx)
		if k > 0 && colOf(seps, ws[l.words[k-1]].cx) != c && ws[wi].Box.X0-ws[l.words[k-1]].Box.X1 < 0.5*l.h {
			return false // one run of text across two columns, a word gap apart: a footer, a note
		}
		if len(last[c].words) == 0 || ws[wi].Box.X0 < seps[c] || ws[wi].Box.X1 > seps[c+1]+0.5*l.h && (c+1 >= len(starts) || ws[wi].Box.X1 > starts[c+1]-0.2*l.h) {
			return false
		}
		if seen[c] {
			continue
		}
		seen[c] = true
		x0 := ws[last[c].words[0]].Box.X0
		for _, wj := range last[c].words {
			x0 = min(x0, ws[wj].Box.X0)
		}
		if abs(ws[wi].Box.X0-x0) > l.h {
			return false
		}
	}
	return len(seen) > 0
}

// twoColumns returns the rows' cells in the two columns that hold text in
// more than one row, when there are exactly two such (a column filled
// once, as by a page number beside the last line, is not one); nil
// otherwise.
func twoColumns(accs [][]cellAcc) [][]cellAcc {
	if len(accs) == 0 {
		return nil
	}
	var cols []int
	for c := range accs[0] {
		n := 0
		for _, cells := range accs {
			if len(cells[c].words) > 0 {
				n++
			}
		}
		if n >= 2 {
			cols = append(cols, c)
		}
	}
	if len(cols) != 2 {
		return nil
	}
	out := make([][]cellAcc, len(accs))
	for r, cells := range accs {
		out[r] = []cellAcc{cells[cols[0]], cells[cols[1]]}
	}
	return out
}

// bulletedColumns reports whether both columns of a two-column run are
// mostly list items opening with a bullet (three or more each, and at
// least half of their cells): a list set in two columns, not a table.
func bulletedColumns(ws []tword, accs [][]cellAcc) bool {
	for c := range 2 {
		filled, bulleted := 0, 0
		for _, cells := range accs {
			if len(cells[c].words) == 0 {
				continue
			}
			filled++
			first := cells[c].words[0]
			for _, wi := range cells[c].words {
				if ws[wi].Box.Y1 < ws[first].Box.Y1-0.5*ws[first].h || (abs(ws[wi].Box.Y1-ws[first].Box.Y1) <= 0.5*ws[first].h && ws[wi].Box.X0 < ws[first].Box.X0) {
					first = wi
				}
			}
			if r, n := utf8.DecodeRuneInString(strings.TrimSpace(ws[first].Text)); n > 0 && markerKind(string(r)) == glyphMarker {
				bulleted++
			}
		}
		if bulleted < 3 || 2*bulleted < filled {
			return false
		}
	}
	return true
}

// splitByHeadings splits a column where the header shows two or more: a
// word of a heading (a line of bold words among the table's first lines,
// head to last, or one of its first two lines, not bold) starts inside
// the column, further from the word before it than a space (half a line,
// for a line not set in bold), text of three or more other lines starts
// at the same place (or, under a bold heading, of one, when every line of
// the rows with text in that part of the column starts it there), and no
// word of the table's lines of two or more cells crosses it (a group's
// name spanning the table may), or the column past it is empty but for
// its heading. Narrow columns set close together run into one another (a
// country's name and the partner's after it read as one run of words),
// their headings do not.
func splitByHeadings(ws []tword, lines []sline, head, last, end int, ivs []interval) []interval {
	narrowest := 0.0 // the narrowest word gap of the table's lines
	for i := head; i <= end; i++ {
		for k := 1; k < len(lines[i].words); k++ {
			if g := ws[lines[i].words[k]].Box.X0 - ws[lines[i].words[k-1]].Box.X1; g > 0 && (narrowest == 0 || g < narrowest) {
				narrowest = g
			}
		}
	}
	for i := head; i <= last; i++ {
		l := &lines[i]
		space := 0.3 * l.h
		if !allBold(ws, l) {
			if i > head+1 {
				continue // (a heading not set in bold: the table's first two lines only)
			}
			// wider than half a line, and than half as much again as
			// the table's narrowest word gap (a typewriter's spaces are
			// wide)
			space = max(0.5*l.h, 1.5*narrowest)
		}
		for k := 1; k < len(l.words); k++ {
			x := ws[l.words[k]].Box.X0
			tol := 0.1 * l.h
			c := -1
			for j, iv := range ivs {
				if x > iv.lo+l.h && x < iv.hi {
					c = j
				}
			}
			if c < 0 {
				continue
			}
			// Or the column past x is empty but for its heading (on this
			// page): two heading lines or more start a word there, and
			// the text of no other line reaches it.
			starts, crossed, elsewhere := 0, false, false
			heads, reached := 1, false
			for b := head; b <= end; b++ {
				if b == i {
					continue
				}
				found, right, head := false, false, allBold(ws, &lines[b])
				one := len(lines[b].chunks) == 1 // a group's name spanning the table
				for _, wi := range lines[b].words {
					w := ws[wi].Box
					if abs(w.X0-x) <= tol {
						found = true
					} else if !one && w.X0 < x-tol && w.X1 > x+tol {
						crossed = true
					} else if w.X0 > x && w.X0 < ivs[c].hi {
						right = true
					}
					if !head && w.X1 > x-tol && w.X0 < ivs[c].hi {
						reached = true
					}
				}
				if found {
					if !one {
						starts++
					}
					if head {
						heads++
					}
				} else if right && !one && !head {
					elsewhere = true
				}
			}
			// Three lines starting there tell a column; in a table of
			// fewer rows (the end of one continued from a page or column
			// before), one will do under a bold heading when every line of
			// the rows with text in that part of the column starts it
			// there.
			column := !crossed && (starts >= 3 || starts > 0 && !elsewhere && allBold(ws, l)) || !reached && heads >= 2
			if !column || x-ws[l.words[k-1]].Box.X1 < space {
				continue
			}
			iv := ivs[c]
			ivs = slices.Insert(slices.Delete(ivs, c, c+1), c, interval{lo: iv.lo, hi: x - tol, tol: iv.tol, split: iv.split}, interval{lo: x, hi: iv.hi, tol: tol})
		}
	}
	return ivs
}

// overflowed reports whether the line whose cells are cur is the wrapped
// end of the row above (prev): its one cell continues a cell of the row
// in the same weight, its first word would not have fitted at the end
// of that cell's last line, within the column's width (colRight), and it
// does not start out of the cell's indent, further left than a line and a
// half.
func overflowed(ws []tword, prev, cur []cellAcc, colRight []float64, h float64) bool {
	n := 0
	for c := range cur {
		if len(cur[c].words) == 0 {
			continue
		}
		if len(prev[c].words) == 0 {
			return false
		}
		if ws[firstWord(ws, cur[c])].Style.Bold != ws[bottomWord(ws, prev[c])].Style.Bold {
			return false
		}
		if fitsAfter(ws, prev[c], cur[c], colRight[c], h) {
			return false
		}
		if ws[firstWord(ws, cur[c])].Box.X0 < ws[firstWord(ws, prev[c])].Box.X0-1.5*h {
			return false // out of the cell's indent: a group's name over indented rows
		}
		n++
	}
	return n == 1
}

// ledBy reports whether the line whose cells are cur, filling more
// columns than the row above (prev), is the row whose cells' first lines
// prev holds, set at the bottom of their row: in each column prev fills,
// cur goes on, and its first word there would not have fitted at the end
// of prev's last line (a cell wrapped: "東北アジア研究セン" over "高麗大学校,
// 日本研究センター | ター | 2008").
func ledBy(ws []tword, prev, cur []cellAcc, colRight []float64, h float64) bool {
	return underFewer(prev, cur) && allPrevColumns(prev, cur, func(c int) bool { return wrapsOn(ws, prev[c], cur[c], colRight[c], h) })
}

// wrapsOn reports whether cell cur goes on from cell prev's last line, a
// cell wrapped: its first word would not have fitted at the end of that
// line within right, and the line keeps within right.
func wrapsOn(ws []tword, prev, cur cellAcc, right, h float64) bool {
	return !fitsAfter(ws, prev, cur, right, h) && lastLineEnd(ws, prev) <= right+0.2*h
}

// leadChain reports whether the line whose cells are cur is more of the
// first lines prev holds of a row set at the bottom: it fills the columns
// prev fills, each cell wrapped from prev's (see ledBy), and the next
// line, whose columns are next, fills those and more ("ストラスブール" /
// "第一・第二・第" / "三大学 | 大学 | 23 January 1996").
func leadChain(ws []tword, prev, cur []cellAcc, next uint64, colRight []float64, h float64) bool {
	var set uint64
	for c := range cur {
		if (len(prev[c].words) > 0) != (len(cur[c].words) > 0) {
			return false
		}
		if len(cur[c].words) > 0 {
			set |= 1 << min(c, 63)
		}
	}
	return set != 0 && next&set == set && bits.OnesCount64(next) > bits.OnesCount64(set) &&
		allPrevColumns(prev, cur, func(c int) bool { return wrapsOn(ws, prev[c], cur[c], colRight[c], h) })
}

// underFewer reports whether cur fills more columns than prev, which
// fills one at least.
func underFewer(prev, cur []cellAcc) bool {
	np, nc := 0, 0
	for c := range cur {
		if len(prev[c].words) > 0 {
			np++
		}
		if len(cur[c].words) > 0 {
			nc++
		}
	}
	return np > 0 && np < nc
}

// allPrevColumns reports whether every column prev fills is filled in cur
// and passes test.
func allPrevColumns(prev, cur []cellAcc, test func(c int) bool) bool {
	for c := range prev {
		if len(prev[c].words) == 0 {
			continue
		}
		if len(cur[c].words) == 0 || !test(c) {
			return false
		}
	}
	return true
}

// fitsAfter reports whether the first word of cell cur would have fitted
// at the end of the last line of cell prev, within right.
func fitsAfter(ws []tword, prev, cur cellAcc, right, h float64) bool {
	first := firstWord(ws, cur)
	return lastLineEnd(ws, prev)+0.2*h+(ws[first].Box.X1-ws[first].Box.X0) <= right
}

// firstWord is the word of a cell that starts furthest left.
func firstWord(ws []tword, cell cellAcc) int {
	first := cell.words[0]
	for _, wi := range cell.words {
		if ws[wi].Box.X0 < ws[first].Box.X0 {
			first = wi
		}
	}
	return first
}

// bottomWord is the word of a cell set lowest: one of its last line's.
func bottomWord(ws []tword, cell cellAcc) int {
	bottom := cell.words[0]
	for _, wi := range cell.words {
		if ws[wi].cy > ws[bottom].cy {
			bottom = wi
		}
	}
	return bottom
}

// lastLineEnd is where the last line of a cell ends.
func lastLineEnd(ws []tword, cell cellAcc) float64 {
	bottom := bottomWord(ws, cell)
	end := 0.0
	for _, wi := range cell.words {
		if abs(ws[wi].cy-ws[bottom].cy) <= 0.5*ws[bottom].h {
			end = max(end, ws[wi].Box.X1)
		}
	}
	return end
}

// overflowsBelow reports whether line l, under the table's last row (whose
// last line ends at lastY1), is that row's wrapped end though set at the
// rows' pitch: it is no further below than the rows are apart, and its
// one cell overflowed (see overflowed) from the row's.
func overflowsBelow(ws []tword, l *sline, lastY1, rowPitch float64, last []cellAcc, seps, colRight []float64) bool {
	if pitch := l.box.Y1 - lastY1; pitch <= 0 || pitch > 1.1*rowPitch {
		return false
	}
	cur := make([]cellAcc, len(last))
	for _, wi := range l.words {
		c := colOf(seps, ws[wi].cx)
		cur[c].words = append(cur[c].words, wi)
	}
	return overflowed(ws, last, cur, colRight, l.h)
}

// mergeCrossed joins two neighbouring columns when words of two or more
// lines, and of a third of the lines with text in either, run across the
// gap between them: a gap that is a word gap on some lines (a justified
// line of two words, stretched across its cell) is no column gap where
// other lines' words fill it.
func mergeCrossed(ws []tword, lines []sline, start, end int, ivs []interval) []interval {
	for c := 0; c+1 < len(ivs); {
		if ivs[c+1].split {
			c++ // splitByStarts weighed the lines that cross it
			continue
		}
		lo, hi := ivs[c].hi, ivs[c+1].lo
		crossed, in := 0, 0
		for i := start; i <= end; i++ {
			l := &lines[i]
			cross, any := false, false
			for _, wi := range l.words {
				w := ws[wi].Box
				if w.X1 > ivs[c].lo && w.X0 < ivs[c+1].hi {
					any = true
				}
				if w.X0 < lo-0.1*l.h && w.X1 > hi+0.1*l.h {
					cross = true
				}
			}
			if any {
				in++
			}
			if cross {
				crossed++
			}
		}
		if crossed >= 2 && 3*crossed >= in {
			ivs = slices.Replace(ivs, c, c+2, interval{lo: ivs[c].lo, hi: max(ivs[c].hi, ivs[c+1].hi), tol: ivs[c].tol, split: ivs[c].split})
			continue
		}
		c++
	}
	return ivs
}

// splitByStarts splits a column where the cells of another start inside
// it: narrow columns whose text overflows (a word longer than its column
// is wide, run up to or over the next column's text) run into one
// another, word gaps and all, but a column's cells still start at one
// place. A place inside a column (a line height past its start) is
// another column's start when words of three or more lines start there,
// after texts of three or more kinds (a column of "GS Law", "GS Arts"
// has one word at one place after one text: no column), half the lines
// whose text in the column runs past it start a word there (the others
// overflow: a long word a line, in a column a few words wide),
// and on half of those lines at least the word stands apart from the one
// before it: first in the column, further than one and a half chunk
// gaps, or over it
// (words of a few cells that happen to start at one place, a space after
// the words before them, make no column), and no run of words starting
// elsewhere before it runs over it (see misfit).
// The columns so found are aligned (see interval).
func splitByStarts(ws []tword, lines []*sline, ivs []interval) []interval {
	if len(ivs) == 0 || len(lines) < 3 {
		return ivs
	}
	hs := make([]float64, len(lines))
	for i, l := range lines {
		hs[i] = l.h
	}
	h := median(hs)
	tol := 0.2 * h
	var out []interval
	for _, iv := range ivs {
		// Word starts inside the column, line by line.
		type start struct {
			x    float64
			line int
		}
		var xs []start
		for i, l := range lines {
			for _, wi := range l.words {
				if x := ws[wi].Box.X0; x > iv.lo+h && x < iv.hi {
					xs = append(xs, start{x, i})
				}
			}
		}
		slices.SortFunc(xs, func(a, b start) int { return cmp.Compare(a.x, b.x) })
		var cuts []float64
		for a := 0; a < len(xs); {
			b := a + 1
			for b < len(xs) && xs[b].x-xs[a].x <= tol {
				b++
			}
			x := xs[a].x
			a = b
			if len(cuts) > 0 && x-cuts[len(cuts)-1] <= h {
				continue
			}
			if startsColumn(ws, lines, iv, x, tol) && !misfit(ws, lines, append([]float64{iv.lo}, cuts...), x, tol) {
				cuts = append(cuts, x)
			}
		}
		lo, split := iv.lo, iv.split
		for _, x := range cuts {
			out = append(out, interval{lo: lo, hi: x - tol, split: split})
			lo, split = x, true
		}
		out = append(out, interval{lo: lo, hi: iv.hi, split: split})
	}
	for k := range out {
		if out[k].split || k > 0 && alignedStart(ws, lines, out[k], tol) {
			out[k].tol = tol
		}
	}
	return out
}

// alignedStart reports whether the cells of column iv start at its lo:
// words of three or more lines start there, two thirds of the lines with
// a word starting in the column.
func alignedStart(ws []tword, lines []*sline, iv interval, tol float64) bool {
	at, in := 0, 0
	for _, l := range lines {
		starts, any := false, false
		for _, wi := range l.words {
			x := ws[wi].Box.X0
			if x >= iv.lo-tol && x <= iv.hi {
				any = true
				starts = starts || x <= iv.lo+tol
			}
		}
		if starts {
			at++
		}
		if any {
			in++
		}
	}
	return at >= 3 && 3*at >= 2*in
}

// misfit reports whether a run of words (a chunk) of the lines starts
// before x at none of the columns' starts and runs over x: text set to
// other columns (a table of another group, its columns elsewhere), where
// x is no column's start.
func misfit(ws []tword, lines []*sline, starts []float64, x, tol float64) bool {
	for _, l := range lines {
		for k := range l.chunks {
			x0, x1 := l.chunkBox(ws, k)
			if x0 < starts[0]-tol || x0 >= x-tol || x1 <= x+tol {
				continue
			}
			if !slices.ContainsFunc(starts, func(s float64) bool { return abs(x0-s) <= tol }) {
				return true
			}
		}
	}
	return false
}

// startsColumn reports whether x, inside column iv, is where the cells of
// another column start (see splitByStarts).
func startsColumn(ws []tword, lines []*sline, iv interval, x, tol float64) bool {
	at, past, apart := 0, 0, 0
	before := map[string]bool{}
	for _, l := range lines {
		starts, runs := false, false
		var left []string
		prev := -1 // the word before, in the column
		for _, wi := range l.words {
			w := ws[wi].Box
			if w.X1 <= iv.lo || w.X0 >= iv.hi+tol {
				continue
			}
			switch {
			case abs(w.X0-x) <= tol:
				starts = true
				if gap := w.X0 - ws[max(prev, 0)].Box.X1; prev < 0 || gap < 0 || gap > 1.5*chunkGapH*l.h {
					apart++
				}
			case w.X0 < x-tol:
				left = append(left, ws[wi].Text)
				if w.X1 > x+tol {
					runs = true
				}
			default:
				runs = true
			}
			prev = wi
		}
		if starts {
			at++
			before[strings.Join(left, " ")] = true
		}
		if starts || runs {
			past++
		}
	}
	return at >= 3 && len(before) >= 3 && 2*at >= past && 2*apart >= at
}

// mergeStretchedHeading joins a column to the one before it when all its
// text is one word of a heading line, stretched away from the heading's
// word before it in the column before (a heading justified in its cell:
// "Department  at" over "Tohoku University"), and the heading goes on in
// the line right under it, from where the column before starts (maybe
// running on under the stretched word, where no word starts at the
// column's start).
func mergeStretchedHeading(ws []tword, lines []sline, start, end int, ivs []interval) []interval {
	colOfWord := func(wi int) int {
		x := ws[wi].cx
		for k := len(ivs) - 1; k > 0; k-- {
			if x >= (ivs[k-1].hi+ivs[k].lo)/2 {
				return k
			}
		}
		return 0
	}
	for c := 1; c < len(ivs); {
		// Lines with text in column c, but for the heading's next line
		// run on into it from the column before (a chunk started there).
		var in []int
		word := -1
		for i := start; i <= end; i++ {
			l := &lines[i]
			for k := range l.chunks {
				ch := l.words[l.chunks[k][0]:l.chunks[k][1]]
				for _, wi := range ch {
					if colOfWord(wi) != c {
						continue
					}
					if len(in) == 1 && i == in[0]+1 && colOfWord(ch[0]) == c-1 && ws[wi].Style.Bold && abs(ws[wi].Box.X0-ivs[c].lo) > 0.2*l.h {
						continue
					}
					if len(in) == 0 || in[len(in)-1] != i {
						in = append(in, i)
					}
					word = wi
				}
			}
		}
		merge := false
		if len(in) == 1 && in[0] < end && ws[word].Style.Bold {
			l, next := &lines[in[0]], &lines[in[0]+1]
			n, before := 0, false
			for _, wi := range l.words {
				switch colOfWord(wi) {
				case c:
					n++
				case c - 1:
					before = before || ws[wi].Style.Bold
				}
			}
			wraps := false
			for _, wi := range next.words {
				if ws[wi].Style.Bold && abs(ws[wi].Box.X0-ivs[c-1].lo) <= 0.2*l.h {
					wraps = true
				}
			}
			merge = n == 1 && before && wraps && next.box.Y0-l.box.Y1 <= 0.5*l.h
		}
		if merge {
			ivs = slices.Replace(ivs, c-1, c+1, interval{lo: ivs[c-1].lo, hi: max(ivs[c-1].hi, ivs[c].hi), tol: ivs[c-1].tol, split: ivs[c-1].split})
			continue
		}
		c++
	}
	return ivs
}
