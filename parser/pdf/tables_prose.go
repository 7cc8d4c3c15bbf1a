package pdf

import (
	"math"
	"slices"
	"strings"

	"github.com/agreements/agreements/parser"
)

// A column of prose: a table whose last column holds paragraphs (the
// scope of each agreement, remarks) many lines taller than the row's
// other cells, set solid line under line from one row's paragraph into
// the next's, with nothing between them to part the rows. Read as lines,
// such a column makes every line a row, or joins rows through it. Its
// lines are set aside (proseColumn), the table is read from the other
// columns, whose cells tell its rows, and the paragraphs are put back as
// its last column, each line in the row where its paragraph is set by the
// table's alignment (withProse).

// proseMinLines is how many lines a column of prose holds at least.
const proseMinLines = 8

// proseColumn finds, among the words idx (their lines, lines), a column
// of prose right of the rest: chunks that start at one x (to a point),
// each its line's last, at least proseMinLines of them, most wide (half
// the widest or more), most set solid under the one above (a gap of 0.45
// of a line or less), four words a line on the average, two in three
// alone on their lines, beside lines left of it over the same height (a table's other
// columns), none of which reaches it. It returns
// the words of the column and the rest; false when there is none.
func proseColumn(ws []tword, lines []sline, idx []int) (prose, rest []int, ok bool) {
	if len(lines) < proseMinLines {
		return nil, nil, false
	}
	// The x at which the last chunks of the most lines start.
	count := map[int]int{}
	for i := range lines {
		l := &lines[i]
		x0, _ := l.chunkBox(ws, len(l.chunks)-1)
		count[int(math.Round(x0))]++
	}
	best, n := 0, 0
	for x, c := range count {
		if c2 := c + count[x-1] + count[x+1]; c2 > n || c2 == n && x < best {
			best, n = x, c2
		}
	}
	if n < proseMinLines {
		return nil, nil, false
	}
	at := float64(best)
	var col []int // lines whose last chunk starts there
	widest := 0.0
	for i := range lines {
		l := &lines[i]
		x0, x1 := l.chunkBox(ws, len(l.chunks)-1)
		if abs(x0-at) <= 1.5 {
			col = append(col, i)
			widest = max(widest, x1-x0)
		}
	}
	wide, solid, beside, words := 0, 0, 0, 0
	for k, i := range col {
		l := &lines[i]
		c := l.chunks[len(l.chunks)-1]
		x0, x1 := l.chunkBox(ws, len(l.chunks)-1)
		if x1-x0 >= 0.5*widest {
			wide++
		}
		if k > 0 && l.box.Y0-lines[col[k-1]].box.Y1 <= 0.45*l.h {
			solid++
		}
		if len(l.chunks) >= 2 {
			beside++
		}
		words += c[1] - c[0]
	}
	// Prose: most lines wide, set solid, four words a line or more on
	// the average, and two in three of them with nothing beside them (a
	// column of one line a row has a row's cells beside every line).
	if 3*wide < 2*len(col) || 3*solid < 2*(len(col)-1) || words < 4*len(col) || 3*beside > len(col) ||
		beside == 0 && !besideLeft(ws, lines, col, at) {
		return nil, nil, false
	}
	// Nothing left of the column reaches into it over its height.
	top, bottom := lines[col[0]].box.Y0, lines[col[len(col)-1]].box.Y1
	for i := range lines {
		l := &lines[i]
		if l.box.Y1 < top || l.box.Y0 > bottom {
			continue
		}
		for k := range l.chunks {
			x0, x1 := l.chunkBox(ws, k)
			if x0 < at-1.5 && x1 > at-0.2*l.h {
				return nil, nil, false
			}
		}
	}
	inCol := map[int]bool{}
	for _, i := range col {
		l := &lines[i]
		c := l.chunks[len(l.chunks)-1]
		for _, wi := range l.words[c[0]:c[1]] {
			inCol[wi] = true
			prose = append(prose, wi)
		}
	}
	for _, wi := range idx {
		if !inCol[wi] {
			rest = append(rest, wi)
		}
	}
	return prose, rest, true
}

// proseSpans are the heights a column of prose (its words prose) runs
// down without a break: its lines set no further apart than two lines
// and a half (a row's padding between two paragraphs), each span
// reaching a line and a half beyond its first and last lines.
func proseSpans(ws []tword, prose []int) []interval {
	lines := makeSlines(ws, prose)
	var out []interval
	for i := range lines {
		b, h := lines[i].box, lines[i].h
		if k := len(out) - 1; k >= 0 && b.Y0-out[k].hi <= 2.5*h {
			out[k].hi = max(out[k].hi, b.Y1+1.5*h)
			continue
		}
		out = append(out, interval{lo: b.Y0 - 1.5*h, hi: b.Y1 + 1.5*h})
	}
	return out
}

// bridged reports whether the height from y0 down to y1 lies inside one
// of the spans.
func bridged(spans []interval, y0, y1 float64) bool {
	for _, s := range spans {
		if s.lo <= y0 && s.hi >= y1 {
			return true
		}
	}
	return false
}

// besideLeft reports whether three lines or more of other chunks stand
// left of x over the height of the column's lines col.
func besideLeft(ws []tword, lines []sline, col []int, x float64) bool {
	top, bottom := lines[col[0]].box.Y0, lines[col[len(col)-1]].box.Y1
	n := 0
	for i := range lines {
		l := &lines[i]
		if l.box.Y1 < top || l.box.Y0 > bottom || l.box.X0 >= x-1.5 {
			continue
		}
		n++
	}
	return n >= 3
}

// withProse puts the lines of a column of prose (its words prose) back
// into the table of tabs that stands left of it over the same height, as
// the table's last column: each line goes to the row its paragraph is set
// in, by the table's alignment. Rows that fill fewer than three in five
// of the columns (a group's name) and the header take a line only where
// it stands inside them. It reports false,
// changing nothing, when no table stands beside the column.
func withProse(p *PageLayout, ws []tword, tabs []pageTable, prose []int) bool {
	lines := makeSlines(ws, prose)
	if len(lines) == 0 {
		return false
	}
	box := lines[0].box
	for i := range lines {
		box = union(box, lines[i].box)
	}
	k := slices.IndexFunc(tabs, func(t pageTable) bool {
		return t.region.X1 <= box.X0+1 && t.region.Y0 < box.Y1 && t.region.Y1 > box.Y0 && len(t.table.Rows) >= 2
	})
	if k < 0 {
		return false
	}
	t := &tabs[k]
	rows := t.table.Rows
	// The rows that take the paragraphs: those that fill three in five
	// of the table's columns, two at least (a group's name split over two
	// cells is none).
	need := 2
	if nc := len(t.cols) - 1; nc > 0 {
		need = max(2, (3*nc+4)/5)
	}
	var anchors []int
	for r := range rows {
		if filledCells(rows[r]) >= need {
			anchors = append(anchors, r)
		}
	}
	if len(anchors) < 2 {
		return false // (a header said again over the rest of a paragraph from the page before)
	}
	owner := make([]int, len(lines))
	for i := range lines {
		owner[i] = -1
		cy := (lines[i].box.Y0 + lines[i].box.Y1) / 2
		for r := range rows {
			if b := rows[r].Box(); cy >= b.Y0 && cy <= b.Y1 {
				owner[i] = r
				break
			}
		}
	}
	// The lines between rows: by where the table sets its cells.
	center := func(r int) float64 { b := rows[r].Box(); return (b.Y0 + b.Y1) / 2 }
	bound := make([]float64, len(anchors)) // a paragraph's foot
	switch t.table.VAlign {
	case "bottom":
		for a, r := range anchors {
			bound[a] = rows[r].Box().Y1
		}
	case "middle":
		prev := box.Y0
		for a, r := range anchors {
			bound[a] = 2*center(r) - prev
			prev = bound[a]
		}
	default: // at the top: a paragraph goes down to the next row's top
		for a := range anchors {
			if a+1 < len(anchors) {
				bound[a] = rows[anchors[a+1]].Box().Y0
			} else {
				bound[a] = math.Inf(1)
			}
		}
	}
	for i := range lines {
		if o := owner[i]; o >= 0 && (slices.Contains(anchors, o) || o < anchors[0]) {
			continue // inside a row of cells, or the header's
		}
		cy := (lines[i].box.Y0 + lines[i].box.Y1) / 2
		a := slices.IndexFunc(bound, func(b float64) bool { return cy <= b })
		if a < 0 {
			a = len(anchors) - 1
		}
		owner[i] = anchors[a]
	}
	// The column: its cells' text, line under line.
	texts := make([][]string, len(rows))
	for i := range lines {
		if owner[i] < 0 {
			continue
		}
		texts[owner[i]] = append(texts[owner[i]], joinWords(ws, lines[i].words))
	}
	right := box.X1
	for r := range rows {
		cell := parser.Cell{ColSpan: 1, RowSpan: 1}
		rb := rows[r].Box()
		cb := parser.Box{X0: t.region.X1, Y0: rb.Y0, X1: right, Y1: rb.Y1}
		cell.Text = strings.Join(texts[r], " ")
		cell.SetLinesBox(texts[r], cb)
		rows[r].Cells = append(rows[r].Cells, cell)
		rows[r].SetBox(union(rb, cb))
	}
	t.cols = append(t.cols, right)
	t.starts = append(t.starts, box.X0)
	t.region = union(t.region, box)
	return true
}
