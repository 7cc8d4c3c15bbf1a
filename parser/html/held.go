package html

import (
	"strings"

	"github.com/agreements/agreements/parser"
)

// A large page is mostly the rows and cells of its tables: a parser.Cell
// is 64 bytes besides its text, a parser.Row 56, and a
// text and its lines are strings of their own. So a table is held packed
// as it is read: a cell's text is written once into the document's text
// arena (its lines are its text cut at a few offsets), the table's grid is
// a slot of a few words a cell, and a row is whether it is a header. The
// rows and their cells are made from them when they are read, a part at a
// time (Held.Rows, as the parse child writes them) or all at once (Parse).

// cellText is a cell's text as the text arena holds it: bytes [off,
// off+n) of the arena's chunk chunk. A text of one line is that line; a
// text of several has at texts.ends[ends-1] how many lines it has, less
// one, and after it the ends of all its lines but the last (offsets into
// the text). The zero cellText is no text, no lines.
type cellText struct {
	n     uint32
	chunk uint16
	off   uint16
	ends  uint32
}

// textChunk is the size of a chunk of the text arena: a text's offset in
// its chunk fits in a cellText. A text longer than that has a chunk of
// its own, at offset 0.
const textChunk = 64 << 10

// maxChunks is how many chunks a cellText can name: more than a page of
// DefaultMaxBytes fills (each chunk holds textChunk bytes, or one text at
// least that long).
const maxChunks = 1 << 16

// textArena holds the texts of a document's cells, in chunks that are
// written once and never moved, so that a text read from it is a slice of
// its chunk's string, made without a copy.
type textArena struct {
	chunks []*strings.Builder
	ends   []uint32
}

// add writes the text read into t as a cell's: its lines are split as
// takeLines splits them. It reports false, having written nothing, when
// the arena has no room for the text (a page larger than any Parse
// reads).
func (a *textArena) add(t *textBuf) (cellText, bool) {
	k := t.split()
	if k == 0 {
		return cellText{}, true
	}
	n := len(t.out)
	var cur *strings.Builder
	if len(a.chunks) > 0 {
		cur = a.chunks[len(a.chunks)-1]
	}
	if cur == nil || cur.Len()+n > textChunk {
		if len(a.chunks) == maxChunks {
			return cellText{}, false
		}
		cur = &strings.Builder{}
		cur.Grow(max(textChunk, n))
		a.chunks = append(a.chunks, cur)
	}
	c := cellText{n: uint32(n), chunk: uint16(len(a.chunks) - 1), off: uint16(cur.Len())}
	cur.Write(t.out)
	if k > 1 {
		a.ends = append(a.ends, uint32(k-1))
		c.ends = uint32(len(a.ends))
		for _, e := range t.ends[:k-1] {
			a.ends = append(a.ends, uint32(e))
		}
	}
	return c, true
}

// text returns the text of c.
func (a *textArena) text(c cellText) string {
	if c.n == 0 {
		return ""
	}
	off := uint32(c.off)
	return a.chunks[c.chunk].String()[off : off+c.n]
}

// lineCount is how many lines c has.
func (a *textArena) lineCount(c cellText) int {
	switch {
	case c.n == 0:
		return 0
	case c.ends == 0:
		return 1
	}
	return int(a.ends[c.ends-1]) + 1
}

// linesOf writes the lines of c, whose text is s, to dst (room for them
// all) and returns them.
func (a *textArena) linesOf(dst []string, c cellText, s string) []string {
	start := 0
	if c.ends > 0 {
		k := a.ends[c.ends-1]
		for _, end := range a.ends[c.ends : c.ends+k] {
			dst = append(dst, s[start:end])
			start = int(end) + 1
		}
	}
	return append(dst, s[start:])
}

// slot is one place of a table's grid: the cell that starts there (its
// text and spans), a place a span covers, or an empty cell; 20 bytes. (A
// table's cells are held as slots too while it is read, with their spans
// as written: see cellStore.)
type slot struct {
	text    cellText
	rowSpan int32
	colSpan uint8 // at most maxColSpan
	covered bool
}

// packedTable is a table's rows held packed: whether each is a header
// row, the ordinal of the first (parser.Row.Row: the others follow it),
// and their slots.
type packedTable struct {
	header []bool
	first  int
	grid   *slotGrid
}

// gridChunk is about how many slots a chunk of a grid holds.
const gridChunk = 4096

// slotGrid is a table's grid: width slots a row, in chunks of per rows,
// each made when a row of it is first asked for, its slots empty cells
// (colspan and rowspan 1).
type slotGrid struct {
	width, per int
	chunks     [][]slot
}

func newSlotGrid(rows, width int) *slotGrid {
	per := max(1, gridChunk/width)
	return &slotGrid{width: width, per: per, chunks: make([][]slot, (rows+per-1)/per)}
}

// row returns the slots of row y.
func (g *slotGrid) row(y int) []slot {
	c := g.chunks[y/g.per]
	if c == nil {
		c = make([]slot, g.per*g.width)
		for k := range c {
			c[k].colSpan, c[k].rowSpan = 1, 1
		}
		g.chunks[y/g.per] = c
	}
	o := y % g.per * g.width
	return c[o : o+g.width : o+g.width]
}

// truncate drops the rows from the n-th on.
func (g *slotGrid) truncate(n int) {
	k := (n + g.per - 1) / g.per
	clear(g.chunks[k:])
	g.chunks = g.chunks[:k]
}

// Held is a parsed document whose tables are held packed until they are
// read: a table of the document has no Rows; RowCount says how many it
// has, and Rows makes them. A Held is used by one goroutine at a time.
type Held struct {
	doc    *parser.Document
	texts  *textArena
	tables map[*parser.Table]*packedTable

	// Room the rows, cells and lines Rows makes are cut from, reused once
	// Recycle says they are no longer read.
	rows  []parser.Row
	cells []parser.Cell
	lines []string
	rused int // rows of room taken
	used  int // cells of room taken
	lused int // lines of room taken
}

// Document returns the document; its tables have no Rows (see RowCount
// and Rows).
func (h *Held) Document() *parser.Document { return h.doc }

// RowCount says how many rows t, a table of the document, has (true), or
// that it is not a table of the document (false).
func (h *Held) RowCount(t *parser.Table) (int, bool) {
	p := h.tables[t]
	if p == nil {
		return 0, false
	}
	return len(p.header), true
}

// Rows makes rows [i, j) of t, a table of the document, with their cells,
// in memory that Recycle makes free again.
func (h *Held) Rows(t *parser.Table, i, j int) []parser.Row {
	p := h.tables[t]
	if p == nil {
		return nil
	}
	j = min(j, len(p.header))
	if i >= j {
		return nil
	}
	if h.rused+j-i > len(h.rows) {
		h.rows = make([]parser.Row, max(j-i, 1024))
		h.rused = 0
	}
	rows := h.rows[h.rused : h.rused+j-i : h.rused+j-i]
	h.rused += j - i
	for k := i; k < j; k++ {
		rows[k-i] = parser.Row{Row: p.first + k, Header: p.header[k], Cells: h.rowCells(p, k, h.take)}
	}
	return rows
}

// Fill does nothing: the document's tables have no rows of their own
// (see Rows).
func (h *Held) Fill(*parser.Table, int, int) {}

// Release does nothing (see Fill).
func (h *Held) Release(*parser.Table, int, int) {}

// Recycle says that the rows Rows has made so far are no longer read:
// Rows makes the next ones in their memory.
func (h *Held) Recycle() { h.rused, h.used, h.lused = 0, 0, 0 }

// fillAll makes every row of every table, with its cells, each table's in
// memory of its own, and lets go of the packed tables.
func (h *Held) fillAll() {
	for _, b := range h.doc.Blocks {
		t := b.Table
		p := h.tables[t]
		if p == nil {
			continue
		}
		t.Rows = make([]parser.Row, len(p.header))
		flat := make([]parser.Cell, len(t.Rows)*p.grid.width)
		var lines []string
		take := func(n int) []parser.Cell {
			c := flat[:n:n]
			flat = flat[n:]
			return c
		}
		for k := range t.Rows {
			t.Rows[k].Row, t.Rows[k].Header = p.first+k, p.header[k]
			t.Rows[k].Cells = h.rowCellsWith(p, k, take, func(n int) []string {
				if cap(lines)-len(lines) < n {
					lines = make([]string, 0, max(n, 1024))
				}
				l := lines[len(lines) : len(lines) : len(lines)+n]
				lines = lines[:len(lines)+n]
				return l
			})
		}
	}
	h.tables = nil
}

// number gives the document's lines and tables' rows their ordinals, as
// parser.Document.Number does.
func (h *Held) number() {
	n := 0
	for _, b := range h.doc.Blocks {
		if b.Line != nil {
			n++
			b.Line.Row = n
		}
		if p := h.tables[b.Table]; p != nil {
			p.first = n + 1
			n += len(p.header)
		}
	}
}

// take returns n cells from the room Recycle makes free again.
func (h *Held) take(n int) []parser.Cell {
	if h.used+n > len(h.cells) {
		if h.used == 0 || n > len(h.cells) {
			h.cells = make([]parser.Cell, max(n, 4096))
		} else {
			h.cells = make([]parser.Cell, len(h.cells))
		}
		h.used = 0
	}
	c := h.cells[h.used : h.used+n : h.used+n]
	h.used += n
	return c
}

// takeLines returns an empty slice with room for n lines, from the room
// Recycle makes free again.
func (h *Held) takeLines(n int) []string {
	if h.lused+n > len(h.lines) {
		h.lines = make([]string, max(n, 4096))
		h.lused = 0
	}
	l := h.lines[h.lused : h.lused : h.lused+n]
	h.lused += n
	return l
}

func (h *Held) rowCells(p *packedTable, k int, take func(int) []parser.Cell) []parser.Cell {
	return h.rowCellsWith(p, k, take, h.takeLines)
}

// rowCellsWith makes the cells of row k of p in cells from take, their
// lines in room from lines.
func (h *Held) rowCellsWith(p *packedTable, k int, take func(int) []parser.Cell, lines func(int) []string) []parser.Cell {
	slots := p.grid.row(k)
	cells := take(len(slots))
	for x := range slots {
		s := &slots[x]
		c := &cells[x]
		*c = parser.Cell{ColSpan: int16(s.colSpan), RowSpan: s.rowSpan, Covered: s.covered}
		if s.text.n > 0 {
			c.Text = h.texts.text(s.text)
			if n := h.texts.lineCount(s.text); n == 1 {
				c.SetOneLine()
			} else {
				c.SetLines(h.texts.linesOf(lines(n), s.text, c.Text))
			}
		}
	}
	return cells
}
