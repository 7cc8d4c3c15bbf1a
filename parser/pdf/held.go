package pdf

import (
	"encoding/binary"
	"math"
	"slices"
	"sync"

	"github.com/agreements/agreements/parser"
)

// A page's table rows are most of what a document holds once its pages are
// read: a cell is about a hundred bytes besides its text, and a thousand
// pages of a ruled table are 180,000 cells. So, as each page is read, its
// tables' rows are packed into bytes, about a fifth of their size, and
// dropped. Once all pages are read, the rows are made again: the first few
// of each page's tables (heldFrom) with their cells, since stitching
// compares them, the others without; the document is built over those
// (nothing after stitching reads a row's cells), and their cells are made
// again when the rows are read, a part at a time (Held.Fill) or all at
// once (Parse).

// heldFrom is how many leading rows of each page table get their cells
// back for stitching: it compares up to the first three rows of a table
// with the first three of its continuation (repeatedRows).
const heldFrom = 3

// Held is a parsed document whose table rows are held packed until they
// are read: Fill gives rows their cells, Release drops them again. Only the
// tables of Document's blocks have packed rows; a Held is used by one
// goroutine at a time.
type Held struct {
	doc   *parser.Document
	pages map[int]*packedPage // by page number
	refs  map[*parser.Table][]rowRef
	cells cellArena
}

// Document returns the document; the rows of its tables that are held
// packed have nil Cells until Fill gives them theirs.
func (h *Held) Document() *parser.Document { return h.doc }

// Fill gives the held rows among rows [i, j) of t, a table of the
// document, their cells.
func (h *Held) Fill(t *parser.Table, i, j int) {
	refs := h.refs[t]
	for k := i; k < j && k < len(refs); k++ {
		if ref := refs[k]; ref.page != 0 {
			t.Rows[k].Cells = h.pages[int(ref.page)].cells(ref.row, h.cells.take)
		}
	}
}

// Release drops the cells of the held rows among rows [i, j) of t again,
// once they have been read.
func (h *Held) Release(t *parser.Table, i, j int) {
	refs := h.refs[t]
	for k := i; k < j && k < len(refs); k++ {
		if refs[k].page != 0 {
			t.Rows[k].Cells = nil
		}
	}
}

// Recycle says that the cells Fill has made so far are no longer read
// (their rows released): Fill makes the next ones in their memory.
func (h *Held) Recycle() { h.cells.reset() }

// cellArena makes cells in chunks, which reset lets Fill use again.
type cellArena struct {
	chunks   [][]parser.Cell
	used     []int // how far each chunk's cells were taken since the last reset
	cur, off int   // the chunk cells are taken from, and how far
	// chunk is how many cells a chunk holds at least; 0 is arenaChunk.
	chunk int
}

// arenaChunk is how many cells a chunk holds at least: a part's rows
// (partUnits) of a few columns.
const arenaChunk = 4096

// rowCellChunk is how many cells a chunk of a worker's arena of row cells
// (PageLayout.rowCells) holds at least: most pages' tables have fewer (the
// corpus's pages keep up to 460 cells, one 1,450), and a page that makes
// more takes more chunks, which the worker's next pages take again.
const rowCellChunk = 512

// take returns n zero cells.
func (a *cellArena) take(n int) []parser.Cell {
	for a.cur < len(a.chunks) && a.off+n > len(a.chunks[a.cur]) {
		a.cur, a.off = a.cur+1, 0
	}
	if a.cur == len(a.chunks) {
		size := a.chunk
		if size == 0 {
			size = arenaChunk
		}
		a.chunks = append(a.chunks, make([]parser.Cell, max(n, size)))
		a.used = append(a.used, 0)
	}
	c := a.chunks[a.cur][a.off : a.off+n : a.off+n]
	a.off += n
	a.used[a.cur] = max(a.used[a.cur], a.off)
	return c
}

// reset zeroes the cells taken, for taking again: only those, a chunk's
// cells never taken being zero still (and, new, not yet memory the
// process has touched).
func (a *cellArena) reset() {
	for i := range min(a.cur+1, len(a.chunks)) {
		clear(a.chunks[i][:a.used[i]])
		a.used[i] = 0
	}
	a.cur, a.off = 0, 0
}

// rowCellArray returns an empty array for a table row's n cells: in the
// page's arena of row cells when it has one, the rows being packed (and
// their cells let go) before the arena is used again.
func (p *PageLayout) rowCellArray(n int) []parser.Cell {
	if p.rowCells == nil {
		return make([]parser.Cell, 0, n)
	}
	return p.rowCells.take(n)[:0]
}

// ownCells gives rows whose cells were made in an arena arrays of their
// own, for rows that are kept as they are, not packed.
func ownCells(rows []parser.Row) {
	for k := range rows {
		rows[k].Cells = slices.Clone(rows[k].Cells)
	}
}

// fillAll gives every held row its cells and lets go of the packed bytes.
func (h *Held) fillAll() {
	for _, b := range h.doc.Blocks {
		if b.Table != nil {
			h.Fill(b.Table, 0, len(b.Table.Rows))
		}
	}
	h.pages, h.refs = nil, nil
}

// rowRef says where a held row's cells are: the page (0 for a row that
// keeps its cells) and the row's index among the page's packed rows.
type rowRef struct {
	page int32
	row  int32
}

// A held row carries its place in Row until the document's rows are
// numbered: -((page<<rowBits | index) + 1).
const rowBits = 24

func heldKey(page, row int) int { return -((page<<rowBits | row) + 1) }

func refOf(r *parser.Row) rowRef {
	if r.Row >= 0 || r.Cells != nil {
		return rowRef{}
	}
	k := -r.Row - 1
	return rowRef{page: int32(k >> rowBits), row: int32(k & (1<<rowBits - 1))}
}

// index records, for every table of the blocks, where its held rows'
// cells are; it runs before the rows are numbered, which overwrites the
// places the rows carry.
func (h *Held) index(blocks []parser.Block) {
	for _, b := range blocks {
		t := b.Table
		if t == nil {
			continue
		}
		var refs []rowRef
		for k := range t.Rows {
			ref := refOf(&t.Rows[k])
			if ref.page != 0 && refs == nil {
				refs = make([]rowRef, len(t.Rows))
			}
			if refs != nil {
				refs[k] = ref
			}
		}
		if refs != nil {
			h.refs[t] = refs
		}
	}
}

// packedPage is the packed rows of one page: their bytes, where each row
// starts in them, the coordinates of the rows' and cells' boxes (a page's
// cells share a few column and row edges: a box names them by their
// index), and how many rows each of the page's tables has (0 for a table
// left as it is).
type packedPage struct {
	data      []byte
	offs      []int32
	vals      []float64
	tableRows []int32
}

// packer packs a page's rows.
type packer struct {
	packedPage
	index      map[uint64]int // by their bits, indexes into vals
	meta, text []byte         // a row's, reused
}

// coord appends the index of v in the page's coordinates to b.
func (pk *packer) coord(b []byte, v float64) []byte {
	bits := math.Float64bits(v)
	i, ok := pk.index[bits]
	if !ok {
		i = len(pk.vals)
		pk.index[bits] = i
		pk.vals = append(pk.vals, v)
	}
	return binary.AppendUvarint(b, uint64(i))
}

// heldPages collects the pages' packed rows as the pages are read, by
// several workers at once.
type heldPages struct {
	mu    sync.Mutex
	pages map[int]*packedPage
	// packers are reused from page to page: what stays of a page is a
	// copy of the bytes packed, without the room they grew into.
	packers sync.Pool
}

// hold packs the rows of the page's tables and drops them: they are made
// again, without their cells, once all pages are read (unhold).
func (hp *heldPages) hold(p *PageLayout) {
	if p.Number <= 0 || p.Number > maxPages {
		// Not a page number a rowRef holds: the rows are kept.
		if p.rowCells != nil {
			for ti := range p.tables {
				ownCells(p.tables[ti].table.Rows)
			}
		}
		return
	}
	pk, _ := hp.packers.Get().(*packer)
	if pk == nil {
		pk = &packer{index: map[uint64]int{}}
	}
	defer hp.packers.Put(pk)
	pk.data, pk.offs, pk.vals, pk.tableRows = pk.data[:0], pk.offs[:0], pk.vals[:0], pk.tableRows[:0]
	clear(pk.index)
	for ti := range p.tables {
		t := &p.tables[ti].table
		n := len(t.Rows)
		if n == 0 || len(pk.offs)+n >= 1<<rowBits {
			pk.tableRows = append(pk.tableRows, 0) // kept as it is
			if p.rowCells != nil {
				ownCells(t.Rows)
			}
			continue
		}
		for k := range t.Rows {
			pk.offs = append(pk.offs, int32(len(pk.data)))
			pk.packRow(&t.Rows[k])
		}
		pk.tableRows = append(pk.tableRows, int32(n))
		t.Rows = nil
	}
	if len(pk.offs) == 0 {
		return
	}
	pp := &packedPage{data: slices.Clone(pk.data), offs: slices.Clone(pk.offs), vals: slices.Clone(pk.vals),
		tableRows: slices.Clone(pk.tableRows)}
	hp.mu.Lock()
	hp.pages[p.Number] = pp
	hp.mu.Unlock()
}

// unhold makes the rows of the pages' tables again once all pages are
// read: the first heldFrom rows of each with their cells, for stitching,
// the others without, marked with their place (Row).
func (hp *heldPages) unhold(pages []PageLayout) {
	for i := range pages {
		p := &pages[i]
		pp := hp.pages[p.Number]
		if pp == nil || len(pp.tableRows) != len(p.tables) {
			continue
		}
		k := 0
		for ti := range p.tables {
			n := int(pp.tableRows[ti])
			if n == 0 {
				continue
			}
			rows := make([]parser.Row, n)
			for j := range rows {
				rows[j], _ = pp.row(int32(k))
				if j < heldFrom {
					rows[j].Cells = pp.cells(int32(k), nil)
				} else {
					rows[j].Row = heldKey(p.Number, k)
				}
				k++
			}
			p.tables[ti].table.Rows = rows
		}
	}
}

// rowHeader is the flag of a header row in the packed form.
const rowHeader = 1

// Cell flags in the packed form.
const (
	cellCovered  = 1 << iota
	cellOneLine  // Lines is the one line Text
	cellNoLines  // Lines is nil
	cellX0Joined // Box.X0 is the X1 of the cell before (the row's X0 for the first)
	cellY0Row    // Box.Y0 is the row's
	cellY1Row    // Box.Y1 is the row's
	cellSpans    // where the lines run across the page follows the box (parser.LineSpan): their count, then each as two four-byte floats
)

// packRow appends the packed form of r's cells: their count, how many
// lines they give (Lines, one-line cells too), the length of what follows
// on each cell and of the texts, then each cell's flags, spans, the
// coordinates of its box that the flags do not give, where its lines run
// (parser.LineSpan), and the lengths of its text and lines, then the cells' texts and lines, one run of bytes.
func (pk *packer) packRow(r *parser.Row) {
	b := pk.data
	var f byte
	if r.Header {
		f = rowHeader
	}
	b = append(b, f)
	b = binary.AppendVarint(b, int64(r.Page))
	b = binary.AppendVarint(b, int64(r.Row))
	for _, v := range [4]float64{r.Box().X0, r.Box().Y0, r.Box().X1, r.Box().Y1} {
		b = pk.coord(b, v)
	}
	pk.data = b
	meta, text := pk.meta[:0], pk.text[:0]
	lines := 0
	prevX := r.Box().X0
	for i := range r.Cells {
		c := &r.Cells[i]
		var f byte
		if c.Covered {
			f |= cellCovered
		}
		cl := c.Lines()
		switch {
		case cl == nil:
			f |= cellNoLines
		case len(cl) == 1 && cl[0] == c.Text:
			f |= cellOneLine
		}
		same := func(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }
		if same(c.Box().X0, prevX) {
			f |= cellX0Joined
		}
		if same(c.Box().Y0, r.Box().Y0) {
			f |= cellY0Row
		}
		if same(c.Box().Y1, r.Box().Y1) {
			f |= cellY1Row
		}
		spans := c.LineSpans()
		if spans != nil {
			f |= cellSpans
		}
		meta = append(meta, f)
		meta = binary.AppendVarint(meta, int64(c.ColSpan))
		meta = binary.AppendVarint(meta, int64(c.RowSpan))
		if f&cellX0Joined == 0 {
			meta = pk.coord(meta, c.Box().X0)
		}
		if f&cellY0Row == 0 {
			meta = pk.coord(meta, c.Box().Y0)
		}
		meta = pk.coord(meta, c.Box().X1)
		if f&cellY1Row == 0 {
			meta = pk.coord(meta, c.Box().Y1)
		}
		prevX = c.Box().X1
		if spans != nil {
			meta = binary.AppendUvarint(meta, uint64(len(spans)))
			for _, sp := range spans {
				meta = binary.LittleEndian.AppendUint32(meta, math.Float32bits(sp.X0))
				meta = binary.LittleEndian.AppendUint32(meta, math.Float32bits(sp.X1))
			}
		}
		meta = binary.AppendUvarint(meta, uint64(len(c.Text)))
		text = append(text, c.Text...)
		if f&(cellOneLine|cellNoLines) == 0 {
			lines += len(cl)
			meta = binary.AppendUvarint(meta, uint64(len(cl)))
			for _, l := range cl {
				meta = binary.AppendUvarint(meta, uint64(len(l)))
				text = append(text, l...)
			}
		}
	}
	b = binary.AppendUvarint(pk.data, uint64(len(r.Cells)))
	b = binary.AppendUvarint(b, uint64(lines))
	b = binary.AppendUvarint(b, uint64(len(meta)))
	b = binary.AppendUvarint(b, uint64(len(text)))
	b = append(b, meta...)
	pk.data = append(b, text...)
	pk.meta, pk.text = meta, text
}

// row makes packed row k of the page again, without its cells; rest is
// what follows it, its cells.
func (pp *packedPage) row(k int32) (r parser.Row, rest []byte) {
	b := pp.data[pp.offs[k]:]
	r.Header = b[0]&rowHeader != 0
	b = b[1:]
	page, w := binary.Varint(b)
	b = b[w:]
	row, w := binary.Varint(b)
	b = b[w:]
	r.Page, r.Row = int(page), int(row)
	var box [4]float64
	for i := range box {
		v, w := binary.Uvarint(b)
		b = b[w:]
		box[i] = pp.vals[v]
	}
	r.SetBox(parser.Box{X0: box[0], Y0: box[1], X1: box[2], Y1: box[3]})
	return r, b
}

// cells makes the cells of packed row k of the page again, in memory that
// take gives (nil: made anew). The row's texts are one string, its cells'
// lines one slice.
func (pp *packedPage) cells(k int32, take func(n int) []parser.Cell) []parser.Cell {
	r, b := pp.row(k)
	uvarint := func() int {
		v, w := binary.Uvarint(b)
		b = b[w:]
		return int(v)
	}
	n, nl, ml, tl := uvarint(), uvarint(), uvarint(), uvarint()
	text := string(b[ml : ml+tl])
	b = b[:ml]
	next := func() string {
		n := uvarint()
		t := text[:n]
		text = text[n:]
		return t
	}
	var cells []parser.Cell
	if take != nil {
		cells = take(n)
	} else {
		cells = make([]parser.Cell, n)
	}
	var lines []string
	if nl > 0 {
		lines = make([]string, nl)
	}
	rbox := r.Box()
	prevX := rbox.X0
	for i := range cells {
		c := &cells[i]
		f := b[0]
		b = b[1:]
		cs, w := binary.Varint(b)
		b = b[w:]
		rs, w := binary.Varint(b)
		b = b[w:]
		*c = parser.Cell{Covered: f&cellCovered != 0, ColSpan: int16(cs), RowSpan: int32(rs)}
		box := parser.Box{X0: prevX, Y0: rbox.Y0, Y1: rbox.Y1}
		if f&cellX0Joined == 0 {
			box.X0 = pp.vals[uvarint()]
		}
		if f&cellY0Row == 0 {
			box.Y0 = pp.vals[uvarint()]
		}
		box.X1 = pp.vals[uvarint()]
		if f&cellY1Row == 0 {
			box.Y1 = pp.vals[uvarint()]
		}
		prevX = box.X1
		var spans []parser.LineSpan
		if f&cellSpans != 0 {
			spans = make([]parser.LineSpan, uvarint())
			for j := range spans {
				spans[j] = parser.LineSpan{X0: math.Float32frombits(binary.LittleEndian.Uint32(b)), X1: math.Float32frombits(binary.LittleEndian.Uint32(b[4:]))}
				b = b[8:]
			}
		}
		c.Text = next()
		switch {
		case f&cellOneLine != 0:
			c.SetOneLine()
			c.SetBox(box)
		case f&cellNoLines == 0:
			m := uvarint()
			cl := make([]string, 0) // not nil, however many
			if m > 0 {
				for j := range m {
					lines[j] = next()
				}
				cl, lines = lines[:m:m], lines[m:]
			}
			c.SetLinesSpansBox(cl, spans, box)
		default:
			c.SetBox(box)
		}
	}
	return cells
}
