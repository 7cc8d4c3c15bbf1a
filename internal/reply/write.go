package reply

import (
	"encoding/binary"
	"io"
	"math"

	"github.com/agreements/agreements/parser"
)

// magic opens a reply: its name and the version of its encoding.
const magic = "agreements-reply\x03"

// Bounds on what a reply shares: texts up to sharedText bytes long, at
// most sharedTexts of them, and at most sharedNumbers numbers; past that,
// what is already shared still is.
const (
	sharedText    = 64
	sharedTexts   = 1 << 14
	sharedNumbers = 1 << 14
)

// Flags of a part.
const partEnd = 1

// Flags of the head.
const (
	headDoc = 1 << iota
	headErr
)

// Flags of a block.
const (
	blockLine = 1 << iota
	blockTable
)

// Flags of a line.
const (
	lineRuledAbove = 1 << iota
	lineBold
	lineItalic
)

// Flags of a row: a header; no box (the zero box, which an HTML table's
// rows and cells have: its four numbers do not follow).
const (
	rowHeader = 1
	rowNoBox  = 2
)

// Flags of a cell: covered, how its lines cross (cellLinesMask), no box.
const (
	cellCovered   = 1
	cellLinesNil  = 0 << 1 // Lines is nil
	cellOneLine   = 1 << 1 // Lines is the one line Text
	cellLinesList = 2 << 1 // Lines follow: their count, then each
	cellLinesMask = 3 << 1
	cellNoBox     = 1 << 3
	cellSpans     = 1 << 4 // where each line runs across the page follows (parser.LineSpan, four-byte floats), as many as lines
)

// Flags of an error.
const errPositioned = 1

// The fewest bytes of a frame's structure that one of each takes: a count
// that says more of them than the frame could hold is damage.
const (
	minCell  = 4  // flags, text, spans
	minRow   = 4  // flags, page, row, cells
	minLine  = 13 // flags, page, row, text, bullet, role, level, four numbers, font, size
	minTable = 5  // page, index, method, rows, rows in later parts
)

// encoder writes the frames of one reply.
type encoder struct {
	w    io.Writer
	body []byte // the frame's structure
	text []byte // the frame's texts
	head []byte // the frame's lengths, and a part's counts

	strs map[string]int32 // shared texts: their index
	nums map[uint64]int32 // shared numbers, by their bits: their index
	cnt  [4]int           // a part's cells, cell lines, lines and tables
	more int              // how many rows the table of a part's last block has in later parts
}

// Write writes a reply: the head, then the blocks in parts. held, when not
// nil, gives the rows of a part their cells as the part is made, and takes
// them again once it is written, so that only one part's cells are made at
// a time, in the memory of the part before; a HeldRows makes the rows of
// the tables whose rows it holds the same way. head.Doc's Blocks and
// PageErrors are not written: the blocks are blocks, and the page errors
// cross as head.PageErrs.
func Write(w io.Writer, head Head, blocks []parser.Block, held Held) error {
	e, err := newEncoder(w)
	if err != nil {
		return err
	}
	if n := textsAhead(blocks, held); n > 0 {
		e.strs = make(map[string]int32, n)
	}
	head.Blocks = len(blocks)
	e.writeHead(&head)
	if err := e.flush(nil); err != nil {
		return err
	}
	var part struct {
		blocks []parser.Block
		rows   []parser.Row
	}
	type span struct {
		t    *parser.Table
		i, j int
	}
	var filled []span
	made := false // rows made by held (HeldRows) in this part
	fill := func(t *parser.Table, i, j int) {
		if held != nil {
			held.Fill(t, i, j)
			filled = append(filled, span{t, i, j})
		}
	}
	hr, _ := held.(HeldRows)
	units := 0
	flush := func(end bool) error {
		err := e.part(part.blocks, part.rows, end)
		part.blocks, part.rows, units = part.blocks[:0], nil, 0
		for _, s := range filled {
			held.Release(s.t, s.i, s.j)
		}
		if len(filled) > 0 || made {
			held.Recycle() // the part is written: its cells' memory makes the next part's
		}
		filled, made = filled[:0], false
		return err
	}
	for _, b := range blocks {
		t := b.Table
		n, own := 0, false // how many rows the table has; whether held makes them
		if t != nil {
			n = len(t.Rows)
			if hr != nil {
				if c, ok := hr.RowCount(t); ok {
					n, own = c, true
				}
			}
		}
		// rows gives rows [i, j) of the table their cells, or makes them.
		rows := func(i, j int) []parser.Row {
			if own {
				made = true
				return hr.Rows(t, i, j)
			}
			fill(t, i, j)
			return t.Rows[i:j]
		}
		if t == nil || n <= PartUnits {
			if t != nil {
				if own {
					whole := *t
					whole.Rows = rows(0, n)
					b.Table = &whole
				} else {
					fill(t, 0, n)
				}
				units += n
			}
			part.blocks = append(part.blocks, b)
			units++
			if units >= PartUnits {
				if err := flush(false); err != nil {
					return err
				}
			}
			continue
		}
		// A long table: its first rows with the block, the rest in parts
		// of their own.
		first := *t
		first.Rows = rows(0, PartUnits)
		part.blocks = append(part.blocks, parser.Block{Line: b.Line, Table: &first})
		e.more = n - PartUnits
		if err := flush(false); err != nil {
			return err
		}
		e.more = 0
		for i := PartUnits; i < n; i += PartUnits {
			part.rows = rows(i, min(i+PartUnits, n))
			if err := flush(false); err != nil {
				return err
			}
		}
	}
	return flush(true)
}

// textsAhead is about how many texts the table of shared texts will hold
// once the blocks are written: two a table row (most rows carry a text or
// two that no row before did: a name, a date) and one a line, at most
// sharedTexts. Made with room for them at once, the table is not grown
// (and its entries moved) again and again on the way from its first few:
// the 1 MB page's child fills it, 16,384 texts.
func textsAhead(blocks []parser.Block, held Held) int {
	hr, _ := held.(HeldRows)
	n := 0
	for _, b := range blocks {
		if n >= sharedTexts {
			break
		}
		t := b.Table
		if t == nil {
			n++
			continue
		}
		rows := len(t.Rows)
		if hr != nil {
			if c, ok := hr.RowCount(t); ok {
				rows = c
			}
		}
		n += 2 * rows
	}
	return min(n, sharedTexts)
}

// newEncoder writes the start of a reply to w, and returns an encoder of
// its frames.
func newEncoder(w io.Writer) (*encoder, error) {
	_, err := io.WriteString(w, magic)
	return &encoder{w: w, strs: map[string]int32{}, nums: map[uint64]int32{}}, err
}

// part writes a part: blocks appended to the document's, rows appended to
// the rows of the table of its last block so far; end marks the last part.
// The table of the last block says it has e.more rows in later parts.
func (e *encoder) part(blocks []parser.Block, rows []parser.Row, end bool) error {
	var flags byte
	if end {
		flags = partEnd
	}
	e.cnt = [4]int{}
	e.body = append(e.body, flags)
	e.uint(uint64(len(blocks)))
	for i := range blocks {
		more := 0
		if i == len(blocks)-1 {
			more = e.more
		}
		e.block(&blocks[i], more)
	}
	e.uint(uint64(len(rows)))
	for i := range rows {
		e.row(&rows[i])
	}
	return e.flush(e.cnt[:])
}

// flush writes the frame made so far: the lengths of its structure and
// its texts, the counts (a part's), the structure, the texts.
func (e *encoder) flush(counts []int) error {
	h := e.head[:0]
	var c []byte
	for _, n := range counts {
		c = binary.AppendUvarint(c, uint64(n))
	}
	h = binary.AppendUvarint(h, uint64(len(c)+len(e.body)))
	h = binary.AppendUvarint(h, uint64(len(e.text)))
	h = append(h, c...)
	e.head = h
	var err error
	for _, b := range [][]byte{h, e.body, e.text} {
		if err == nil && len(b) > 0 {
			_, err = e.w.Write(b)
		}
	}
	e.body, e.text = e.body[:0], e.text[:0]
	return err
}

func (e *encoder) uint(v uint64) { e.body = binary.AppendUvarint(e.body, v) }
func (e *encoder) int(v int)     { e.body = binary.AppendVarint(e.body, int64(v)) }

// count writes a count, 0 for a nil slice, n+1 for one of n.
func (e *encoder) count(n int, isNil bool) {
	if isNil {
		e.uint(0)
		return
	}
	e.uint(uint64(n) + 1)
}

// str writes a text: 0 for "", a shared text's index i as 2(i+1), a text
// written here as 2n+1 for its n bytes, which follow in the frame's texts.
func (e *encoder) str(s string) {
	if s == "" {
		e.uint(0)
		return
	}
	if i, ok := e.strs[s]; ok {
		e.uint(2 * uint64(i+1))
		return
	}
	e.uint(2*uint64(len(s)) + 1)
	e.text = append(e.text, s...)
	if len(s) <= sharedText && len(e.strs) < sharedTexts {
		e.strs[s] = int32(len(e.strs))
	}
}

// num writes a number: 0 for +0, a shared number's index i as 2(i+1),
// another as 1 and its eight bytes.
func (e *encoder) num(v float64) {
	bits := math.Float64bits(v)
	if bits == 0 {
		e.uint(0)
		return
	}
	if i, ok := e.nums[bits]; ok {
		e.uint(2 * uint64(i+1))
		return
	}
	e.uint(1)
	e.body = binary.LittleEndian.AppendUint64(e.body, bits)
	if len(e.nums) < sharedNumbers {
		e.nums[bits] = int32(len(e.nums))
	}
}

func (e *encoder) box(b parser.Box) {
	e.num(b.X0)
	e.num(b.Y0)
	e.num(b.X1)
	e.num(b.Y1)
}

func (e *encoder) writeHead(h *Head) {
	var flags byte
	if h.Doc != nil {
		flags |= headDoc
	}
	if h.Err != nil {
		flags |= headErr
	}
	e.body = append(e.body, flags)
	e.uint(uint64(h.Blocks))
	if h.Err != nil {
		e.error(h.Err)
	}
	e.uint(uint64(len(h.PageErrs)))
	for _, pe := range h.PageErrs {
		if pe == nil {
			pe = &Error{}
		}
		e.error(pe)
	}
	if d := h.Doc; d != nil {
		e.str(d.File)
		e.str(d.SHA256)
		e.str(string(d.Format))
		e.str(d.Title)
		e.int(d.Pages)
		e.count(len(d.Repairs), d.Repairs == nil)
		for _, r := range d.Repairs {
			e.str(r)
		}
		e.count(len(d.Furniture), d.Furniture == nil)
		for i := range d.Furniture {
			e.line(&d.Furniture[i])
		}
		e.count(len(d.ImageOnlyPages), d.ImageOnlyPages == nil)
		for _, p := range d.ImageOnlyPages {
			e.int(p)
		}
	}
}

func (e *encoder) error(w *Error) {
	var flags byte
	if w.Positioned {
		flags = errPositioned
	}
	e.body = append(e.body, flags)
	e.str(w.File)
	e.int(w.Page)
	e.int(w.Row)
	e.str(w.Msg)
	e.count(len(w.Sentinels), w.Sentinels == nil)
	for _, s := range w.Sentinels {
		e.int(s)
	}
}

// block writes a block; more is how many rows its table has in later
// parts.
func (e *encoder) block(b *parser.Block, more int) {
	var flags byte
	if b.Line != nil {
		flags |= blockLine
	}
	if b.Table != nil {
		flags |= blockTable
	}
	e.body = append(e.body, flags)
	if b.Line != nil {
		e.cnt[2]++
		e.line(b.Line)
	}
	if t := b.Table; t != nil {
		e.cnt[3]++
		e.int(t.Page)
		e.int(t.Index)
		e.str(t.Method)
		e.str(t.VAlign)
		e.count(len(t.TextRights), t.TextRights == nil)
		for _, x := range t.TextRights {
			e.num(x)
		}
		e.count(len(t.Rows), t.Rows == nil)
		for i := range t.Rows {
			e.row(&t.Rows[i])
		}
		e.uint(uint64(more))
	}
}

func (e *encoder) line(l *parser.Line) {
	var flags byte
	if l.RuledAbove {
		flags |= lineRuledAbove
	}
	if l.Style().Bold {
		flags |= lineBold
	}
	if l.Style().Italic {
		flags |= lineItalic
	}
	e.body = append(e.body, flags)
	e.int(l.Page)
	e.int(l.Row)
	e.str(l.Text)
	e.str(l.Bullet)
	e.str(string(l.Role))
	e.int(l.Level)
	e.box(l.Box())
	e.str(l.Style().Font)
	e.num(l.Style().Size)
}

func (e *encoder) row(r *parser.Row) {
	var flags byte
	if r.Header {
		flags = rowHeader
	}
	if !r.HasBox() {
		flags |= rowNoBox
	}
	e.body = append(e.body, flags)
	e.int(r.Page)
	e.int(r.Row)
	if flags&rowNoBox == 0 {
		e.box(r.Box())
	}
	e.count(len(r.Cells), r.Cells == nil)
	e.cnt[0] += len(r.Cells)
	for i := range r.Cells {
		c := &r.Cells[i]
		var flags byte
		if c.Covered {
			flags = cellCovered
		}
		lines := c.Lines()
		switch {
		case lines == nil:
			flags |= cellLinesNil
		case len(lines) == 1 && lines[0] == c.Text:
			flags |= cellOneLine
		default:
			flags |= cellLinesList
		}
		if !c.HasBox() {
			flags |= cellNoBox
		}
		spans := c.LineSpans()
		if spans != nil {
			flags |= cellSpans
		}
		e.body = append(e.body, flags)
		e.str(c.Text)
		if flags&cellLinesMask == cellLinesList {
			e.uint(uint64(len(lines)))
			e.cnt[1] += len(lines)
			for _, l := range lines {
				e.str(l)
			}
		}
		e.int(int(c.ColSpan))
		e.int(int(c.RowSpan))
		if flags&cellNoBox == 0 {
			e.box(c.Box())
		}
		for _, sp := range spans {
			e.body = binary.LittleEndian.AppendUint32(e.body, math.Float32bits(sp.X0))
			e.body = binary.LittleEndian.AppendUint32(e.body, math.Float32bits(sp.X1))
		}
	}
}
