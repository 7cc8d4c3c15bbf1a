package pdf

import (
	"cmp"
	"math"
	"slices"

	"github.com/agreements/agreements/parser"
)

// A whitespace table's last rows may run over onto the next page, too
// few there for a table of their own (one row, its cells' first lines
// perhaps above it, as a spreadsheet prints a row that did not fit): the
// page's first lines, set in the columns of the table that ended at the
// foot of the page before, are rows of that table.

// openTable is what the table left open at a page's foot tells: how it
// was found (method), where its columns part (cols) and where their text
// starts (starts, a stream table's), how far apart its rows stand at most
// (pitch) and where its part on the page ends (foot).
type openTable struct {
	method       string
	cols, starts []float64
	pitch, foot  float64
}

// openTableOf returns what a table tells of its columns, with the height
// of its tallest row among its last few: no line of a row of it stands
// further from the line above than that.
func openTableOf(pt *pageTable) openTable {
	rows := pt.table.Rows
	pitch := 0.0
	for i := max(len(rows)-10, 0); i < len(rows); i++ {
		if rows[i].HasBox() {
			b := rows[i].Box()
			pitch = max(pitch, b.Y1-b.Y0)
		}
	}
	return openTable{method: pt.table.Method, cols: pt.cols, starts: pt.starts, pitch: pitch, foot: pt.region.Y1}
}

// ruled reports a table found by its rules, whose cells' text may stand
// anywhere in them.
func (t *openTable) ruled() bool { return t.method != "stream" }

// textStarts is where the text of each column starts: a ruled table's at
// its rules.
func (t *openTable) textStarts() []float64 {
	if t.ruled() && len(t.cols) > 1 {
		return t.cols[:len(t.cols)-1]
	}
	return t.starts
}

// readable reports a table of two columns or more whose columns and rows
// tell where rows of it would stand.
func (t *openTable) readable() bool {
	nc := len(t.cols) - 1
	return nc >= 2 && len(t.textStarts()) == nc && t.pitch > 0
}

// groupBox is the box of a visual line (lines, indexes in p.Lines).
func groupBox(p *PageLayout, lines []int) parser.Box {
	box := p.Lines[lines[0]].Box
	for _, li := range lines[1:] {
		box = union(box, p.Lines[li].Box)
	}
	return box
}

// groupWords appends the words of a visual line to ws.
func groupWords(p *PageLayout, lines []int, ws []tword) []tword {
	for _, li := range lines {
		for _, w := range p.Lines[li].Words {
			ws = append(ws, newTword(w))
		}
	}
	return ws
}

// tailRows reads the rows of the open table t that run over onto page p:
// the page's visual lines from its top (out of the top margin band, or in
// it right above such a row), down to the first that is not of t's
// columns or stands further apart than t's rows do, and above limit (the
// page's first table's top). A row is a line whose words start two of
// t's columns, set apart as columns are, each word inside one column (a
// header said again is one too, and stitch finds it so). A line of text
// in one column only goes with the row it stands right above or under (a
// cell's wrapped line, set as close as a cell's lines are), or, in the
// first column between two rows, is a row of its own (a group's name). A
// bold line in one column over the first row is a group's heading: the
// rows under it are not the open table's. It returns the rows and the
// area they cover; none when the page does not start so, or holds a line
// there that the rows do not explain.
func tailRows(p *PageLayout, t *openTable, limit float64, furniture func(int) bool) ([]parser.Row, parser.Box) {
	if !t.readable() {
		return nil, parser.Box{}
	}
	type vline struct {
		box    parser.Box
		lines  []int // indexes in p.Lines
		col    int   // the column of a line of one column's text
		anchor bool  // a row's line: its text starts two columns
		margin bool  // in the top margin band
	}
	var taken []vline
	anchors := 0
	for _, group := range visualLines(p, math.Inf(-1), limit, furniture) {
		v := vline{lines: group, box: groupBox(p, group)}
		if len(taken) > 0 && v.box.Y0-taken[len(taken)-1].box.Y1 > t.pitch {
			break // further apart than the table's rows stand
		}
		v.margin = inMargin(p, v.box, marginBand)
		f := inColumns(p, group, t)
		v.col, v.anchor = f.col, f.fits && f.started >= 2 && f.apart
		if anchors == 0 && !v.anchor && v.margin && !f.fits {
			taken = taken[:0] // a running head: no row's
			continue
		}
		if anchors == 0 && f.bold && f.col >= 0 && !v.margin {
			return nil, parser.Box{} // a group's heading: the rows under it are its own
		}
		if !f.fits || !v.anchor && f.col < 0 {
			break
		}
		taken = append(taken, v)
		if v.anchor {
			anchors++
		}
	}
	if anchors == 0 {
		return nil, parser.Box{}
	}
	// A cell's lines stand closer than its rows do.
	asCellLines := func(a, b parser.Box) bool {
		h := min(a.Y1-a.Y0, b.Y1-b.Y0)
		return b.Y0-a.Y1 <= 0.25*h
	}
	// The lines after the last row are no row's, unless right under it.
	end := len(taken)
	for end > 0 && !taken[end-1].anchor {
		end--
	}
	for end < len(taken) && end-1 >= 0 && asCellLines(taken[end-1].box, taken[end].box) {
		end++
	}
	taken = taken[:end]
	// owner: the index in taken of the row a line is of.
	owner := make([]int, len(taken))
	for i := range taken {
		owner[i] = i
	}
	for i := range taken {
		if taken[i].anchor {
			continue
		}
		up, down := -1, -1
		if i > 0 && asCellLines(taken[i-1].box, taken[i].box) {
			up = owner[i-1]
		}
		for k := i + 1; k < len(taken) && k-i <= maxLooseIn && asCellLines(taken[k-1].box, taken[k].box); k++ {
			if taken[k].anchor {
				down = k
				break
			}
		}
		switch {
		case up >= 0 && taken[up].anchor && i-up <= maxLooseIn && (down < 0 ||
			taken[i].box.Y0-taken[i-1].box.Y1 <= taken[i+1].box.Y0-taken[i].box.Y1):
			owner[i] = up
		case down >= 0:
			owner[i] = down
		case i > 0 && i+1 < len(taken) && taken[i].col == 0 && !taken[i].margin:
			owner[i] = i // a group's name between two rows
		default:
			return nil, parser.Box{} // text the table's rows do not explain
		}
	}
	var rows []parser.Row
	var area parser.Box
	var lbuf lineBuf
	for r := range taken {
		var ws []tword
		var box parser.Box
		for i := range taken {
			if owner[i] != r {
				continue
			}
			if len(ws) == 0 {
				box = taken[i].box
			}
			box = union(box, taken[i].box)
			ws = groupWords(p, taken[i].lines, ws)
		}
		if len(ws) == 0 {
			continue
		}
		if len(rows) == 0 {
			area = box
		}
		area = union(area, box)
		rows = append(rows, tailRow(p.Number, ws, t, box, &lbuf))
	}
	return rows, area
}

// footRows reads the rows of the table t, which goes on on the next page,
// that stand under its part on page p (from its foot down), each a
// line of text in its first column alone, no further apart than its rows
// stand, out of the bottom margin band's outer half (where running
// footers are, as headingBelow reads it): a group's name left at the foot of
// the page, its rows on the next (at most maxLooseIn of them). It returns
// the rows and the area they cover; none when any other line stands there
// first.
func footRows(p *PageLayout, t *openTable, furniture func(int) bool) ([]parser.Row, parser.Box) {
	if !t.readable() {
		return nil, parser.Box{}
	}
	var rows []parser.Row
	var area parser.Box
	var lbuf lineBuf
	above := t.foot
	for _, group := range visualLines(p, t.foot, math.Inf(1), furniture) {
		box := groupBox(p, group)
		if box.Y0-above > t.pitch || inMargin(p, box, marginBand/2) {
			break
		}
		if f := inColumns(p, group, t); !f.fits || f.col != 0 || len(rows) == maxLooseIn {
			return nil, parser.Box{}
		}
		if len(rows) == 0 {
			area = box
		}
		area = union(area, box)
		rows = append(rows, tailRow(p.Number, groupWords(p, group, nil), t, box, &lbuf))
		above = box.Y1
	}
	return rows, area
}

// tailRow makes a row of the table t from the words ws.
func tailRow(page int, ws []tword, t *openTable, box parser.Box, lbuf *lineBuf) parser.Row {
	nc := len(t.cols) - 1
	box.X0, box.X1 = t.cols[0], t.cols[nc]
	row := parser.Row{Page: page, Cells: make([]parser.Cell, 0, nc)}
	row.SetBox(box)
	in := make([][]int, nc)
	starts := t.textStarts()
	for i := range ws {
		c := max(startCol(starts, ws[i].Box.X0, ws[i].Box.Y1-ws[i].Box.Y0), 0)
		if t.ruled() {
			c = colOf(t.cols, ws[i].cx)
		}
		in[c] = append(in[c], i)
	}
	for c := range nc {
		cell := parser.Cell{ColSpan: 1, RowSpan: 1}
		var lines []string
		cell.Text, lines = cellTextIn(ws, in[c], lbuf)
		cell.SetLinesBox(lines, parser.Box{X0: t.cols[c], Y0: box.Y0, X1: t.cols[c+1], Y1: box.Y1})
		row.Cells = append(row.Cells, cell)
	}
	return row
}

// visualLines groups the page's lines from from down to limit, but its
// furniture, into visual lines (the lines whose middles stand within the
// first one's height), top to bottom, each as indexes in p.Lines.
func visualLines(p *PageLayout, from, limit float64, furniture func(int) bool) [][]int {
	var idx []int
	for i := range p.Lines {
		if b := p.Lines[i].Box; b.Y0 >= from && b.Y1 <= limit && len(p.Lines[i].Words) > 0 && !furniture(i) {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Compare(p.Lines[a].Box.Y0+p.Lines[a].Box.Y1, p.Lines[b].Box.Y0+p.Lines[b].Box.Y1)
	})
	var out [][]int
	for k := 0; k < len(idx); {
		top := p.Lines[idx[k]].Box
		j := k + 1
		for j < len(idx) {
			b := p.Lines[idx[j]].Box
			if mid := (b.Y0 + b.Y1) / 2; mid < top.Y0 || mid > top.Y1 {
				break
			}
			j++
		}
		out = append(out, idx[k:j])
		k = j
	}
	return out
}

// columnFit is how a visual line's words stand in an open table's
// columns.
type columnFit struct {
	fits    bool // each word in one column: from where the column's text starts, or right of that, to before the next one's
	started int  // columns whose text starts where the column's does
	apart   bool // the text of two columns stands apart as columns do, a third of a line's height at least
	bold    bool // every word is bold
	col     int  // the column of text in one column only; -1 for text in several
}

// inColumns reports how the words of the lines stand in t's columns.
func inColumns(p *PageLayout, lines []int, t *openTable) columnFit {
	starts := t.textStarts()
	nc := len(starts)
	firstX, lastX := make([]float64, nc), make([]float64, nc)
	for c := range firstX {
		firstX[c], lastX[c] = math.Inf(1), math.Inf(-1)
	}
	f := columnFit{fits: true, apart: true, bold: true, col: -1}
	h := 0.0
	for _, li := range lines {
		for _, w := range p.Lines[li].Words {
			wh := w.Box.Y1 - w.Box.Y0
			h = max(h, wh)
			c := startCol(starts, w.Box.X0, wh)
			if t.ruled() {
				c = colOf(t.cols, (w.Box.X0+w.Box.X1)/2)
				if tol := max(0.25*wh, 1); w.Box.X0 < t.cols[c]-tol || w.Box.X1 > t.cols[c+1]+tol {
					return columnFit{col: -1}
				}
			} else if c < 0 || c+1 < nc && w.Box.X1 > starts[c+1] {
				return columnFit{col: -1}
			}
			firstX[c], lastX[c] = min(firstX[c], w.Box.X0), max(lastX[c], w.Box.X1)
			f.bold = f.bold && w.Style.Bold
		}
	}
	filled, prev := 0, -1
	for c, x := range firstX {
		if math.IsInf(x, 1) {
			continue
		}
		filled++
		f.col = c
		if t.ruled() || abs(x-starts[c]) <= 0.5*h {
			f.started++ // (a ruled cell's text may stand anywhere in it)
		}
		if prev >= 0 && x-lastX[prev] < h/3 {
			f.apart = false
		}
		prev = c
	}
	if filled != 1 {
		f.col = -1
	}
	return f
}

// startCol returns the column of a word that starts at x0 (h high): the
// last one whose text starts left of it, or where it does; -1 for a word
// left of the first.
func startCol(starts []float64, x0, h float64) int {
	tol := 0.5 * h
	c := -1
	for k, x := range starts {
		if x <= x0+tol {
			c = k
		}
	}
	return c
}
