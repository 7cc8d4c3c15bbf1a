package reply

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/agreements/agreements/parser"
)

// maxFrame bounds the structure and the texts of one frame, each.
const maxFrame = 1 << 30

// readChunk is how much of a frame is read before more room is made for
// it: a frame that claims more than it brings costs no more than this
// beyond what it brings.
const readChunk = 1 << 20

// sharedBlock is how many shared texts are held in one block.
const sharedBlock = 1024

// decoder reads the frames of one reply.
type decoder struct {
	r    *bufio.Reader
	meta []byte // the frame's structure, reused from frame to frame
	pos  int    // how far it is read
	text string // the frame's texts
	tpos int    // how far they are read
	err  error

	strs [][]string // shared texts, in blocks of sharedBlock (none moved as more come)
	nstr int        // how many
	nums []float64  // shared numbers

	// The table whose rows are coming in parts, and how many rows it
	// announced in all.
	open  *parser.Table
	claim int

	// A part's cells, cell lines, lines and tables, made at once and cut.
	cells  []parser.Cell
	lines  []string
	lineS  []parser.Line
	tables []parser.Table
}

// Read reads what Write wrote: the document (nil when the child sent an
// error instead), the child's error and its page errors. A reply that is
// damaged or cut short is an error.
func Read(r io.Reader) (*parser.Document, *Error, []*Error, error) {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	d := &decoder{r: br}
	var m [len(magic)]byte
	if _, err := io.ReadFull(br, m[:]); err != nil {
		return nil, nil, nil, fmt.Errorf("the reply's start: %w", err)
	}
	if string(m[:]) != magic {
		return nil, nil, nil, errors.New("not a reply of this version")
	}
	if err := d.frame(0); err != nil {
		return nil, nil, nil, fmt.Errorf("the reply's head: %w", err)
	}
	doc, blocks, remote, pageErrs := d.readHead()
	if err := d.done(); err != nil {
		return nil, nil, nil, fmt.Errorf("the reply's head: %w", err)
	}
	if doc == nil {
		return nil, remote, pageErrs, nil
	}
	doc.Blocks = make([]parser.Block, 0, min(blocks, 1<<16))
	for {
		if err := d.frame(4); err != nil {
			return nil, nil, nil, fmt.Errorf("after %d of %d blocks: %w", len(doc.Blocks), blocks, err)
		}
		end := d.part(doc)
		if end {
			d.whole()
		}
		if err := d.done(); err != nil {
			return nil, nil, nil, fmt.Errorf("after %d of %d blocks: %w", len(doc.Blocks), blocks, err)
		}
		if len(doc.Blocks) > blocks {
			return nil, nil, nil, fmt.Errorf("more blocks than the %d announced", blocks)
		}
		if end {
			break
		}
	}
	if len(doc.Blocks) != blocks {
		return nil, nil, nil, fmt.Errorf("%d blocks of the %d announced", len(doc.Blocks), blocks)
	}
	return doc, remote, pageErrs, nil
}

// frame reads the next frame: its structure into d.meta, its texts into
// d.text; a part's frame (counts 4) begins with how many cells, cell
// lines, lines and tables it makes, which are made at once.
func (d *decoder) frame(counts int) error {
	ml, err := binary.ReadUvarint(d.r)
	if err != nil {
		return noEOF(err)
	}
	tl, err := binary.ReadUvarint(d.r)
	if err != nil {
		return noEOF(err)
	}
	if ml > maxFrame || tl > maxFrame {
		return fmt.Errorf("a frame of %d and %d bytes", ml, tl)
	}
	d.meta = d.meta[:0]
	for n := int(ml); len(d.meta) < n; {
		k := min(n-len(d.meta), readChunk)
		d.meta = slices.Grow(d.meta, k)
		if _, err := io.ReadFull(d.r, d.meta[len(d.meta):len(d.meta)+k]); err != nil {
			return noEOF(err)
		}
		d.meta = d.meta[:len(d.meta)+k]
	}
	var sb strings.Builder
	sb.Grow(int(min(tl, readChunk)))
	for left := int(tl); left > 0; {
		p, err := d.r.Peek(min(left, d.r.Size()))
		sb.Write(p)
		left -= len(p)
		if _, derr := d.r.Discard(len(p)); derr != nil && err == nil {
			err = derr
		}
		if err != nil && left > 0 {
			return fmt.Errorf("%d of a frame's %d bytes of text: %w", int(tl)-left, tl, noEOF(err))
		}
	}
	d.pos, d.text, d.tpos, d.err = 0, sb.String(), 0, nil
	if counts == 0 {
		return nil
	}
	nc, nl, nL, nt := d.uint(), d.uint(), d.uint(), d.uint()
	left := uint64(d.left())
	switch {
	case d.err != nil:
		return d.err
	case nc > left/minCell, nl > left, nL > left/minLine, nt > left/minTable:
		return fmt.Errorf("a part of %d cells, %d cell lines, %d lines and %d tables in %d bytes", nc, nl, nL, nt, left)
	}
	d.cells, d.lines, d.lineS, d.tables = nil, nil, nil, nil
	if nc > 0 {
		d.cells = make([]parser.Cell, nc)
	}
	if nl > 0 {
		d.lines = make([]string, nl)
	}
	if nL > 0 {
		d.lineS = make([]parser.Line, nL)
	}
	if nt > 0 {
		d.tables = make([]parser.Table, nt)
	}
	return nil
}

// noEOF makes an end of the stream inside a reply an unexpected one.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// done says whether the frame was read without damage, to its end.
func (d *decoder) done() error {
	switch {
	case d.err != nil:
		return d.err
	case d.left() > 0 || d.tpos < len(d.text):
		return fmt.Errorf("%d bytes and %d bytes of text left over in a frame", d.left(), len(d.text)-d.tpos)
	}
	return nil
}

// fail records the first damage found; what is read after it is zero.
func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf(format, args...)
	}
	d.pos, d.tpos = len(d.meta), len(d.text)
}

// left is how many bytes of the frame's structure are left to read. (The
// decoder moves through a frame by offsets, not by slicing: a slice kept
// in the decoder would cost a write barrier at every step while the
// collector runs.)
func (d *decoder) left() int { return len(d.meta) - d.pos }

func (d *decoder) byte() byte {
	if d.pos >= len(d.meta) {
		d.fail("cut short")
		return 0
	}
	c := d.meta[d.pos]
	d.pos++
	return c
}

func (d *decoder) uint() uint64 {
	if d.pos < len(d.meta) && d.meta[d.pos] < 0x80 { // most are one byte
		v := d.meta[d.pos]
		d.pos++
		return uint64(v)
	}
	v, n := binary.Uvarint(d.meta[d.pos:])
	if n <= 0 {
		d.fail("a damaged number")
		return 0
	}
	d.pos += n
	return v
}

func (d *decoder) int() int {
	if d.pos < len(d.meta) && d.meta[d.pos] < 0x80 { // most are one byte
		u := int(d.meta[d.pos])
		d.pos++
		return u>>1 ^ -(u & 1) // zigzag, as binary.Varint
	}
	v, n := binary.Varint(d.meta[d.pos:])
	if n <= 0 {
		d.fail("a damaged number")
		return 0
	}
	d.pos += n
	return int(v)
}

// span reads a cell's span: an int that a parser.Cell holds in 32 bits.
func (d *decoder) span() int32 {
	v := d.int()
	if v != int(int32(v)) {
		d.fail("a span of %d", v)
		return 0
	}
	return int32(v)
}

// count reads a count of things of at least least bytes each, which what
// is left of the frame must hold; isNil for a nil slice.
func (d *decoder) count(least int) (n int, isNil bool) {
	v := d.uint()
	if v == 0 {
		return 0, true
	}
	if v-1 > uint64(d.left()/least) {
		d.fail("a count of %d with %d bytes left", v-1, d.left())
		return 0, true
	}
	return int(v - 1), false
}

// str reads a text: its bytes, or the index of a shared text read before.
func (d *decoder) str() string {
	v := d.uint()
	switch {
	case v == 0:
		return ""
	case v&1 == 1:
		n := v >> 1
		if n > uint64(len(d.text)-d.tpos) {
			d.fail("a text of %d bytes with %d left", n, len(d.text)-d.tpos)
			return ""
		}
		s := d.text[d.tpos : d.tpos+int(n)]
		d.tpos += int(n)
		if n <= sharedText && d.nstr < sharedTexts {
			if d.nstr%sharedBlock == 0 {
				d.strs = append(d.strs, make([]string, 0, sharedBlock))
			}
			b := &d.strs[len(d.strs)-1]
			*b = append(*b, s)
			d.nstr++
		}
		return s
	}
	i := v/2 - 1
	if i >= uint64(d.nstr) {
		d.fail("text %d of %d", i, d.nstr)
		return ""
	}
	return d.strs[i/sharedBlock][i%sharedBlock]
}

func (d *decoder) num() float64 {
	v := d.uint()
	switch {
	case v == 0:
		return 0
	case v == 1:
		if d.left() < 8 {
			d.fail("cut short")
			return 0
		}
		bits := binary.LittleEndian.Uint64(d.meta[d.pos:])
		d.pos += 8
		if len(d.nums) < sharedNumbers {
			d.nums = append(d.nums, math.Float64frombits(bits))
		}
		return math.Float64frombits(bits)
	case v&1 == 1:
		d.fail("a damaged number")
		return 0
	}
	i := v/2 - 1
	if i >= uint64(len(d.nums)) {
		d.fail("number %d of %d", i, len(d.nums))
		return 0
	}
	return d.nums[i]
}

// float32 reads a number written as its four bytes (a line's span).
func (d *decoder) float32() float32 {
	if d.left() < 4 {
		d.fail("cut short")
		return 0
	}
	v := math.Float32frombits(binary.LittleEndian.Uint32(d.meta[d.pos:]))
	d.pos += 4
	return v
}

func (d *decoder) box() parser.Box {
	return parser.Box{X0: d.num(), Y0: d.num(), X1: d.num(), Y1: d.num()}
}

func (d *decoder) readHead() (doc *parser.Document, blocks int, remote *Error, pageErrs []*Error) {
	flags := d.byte()
	if flags&^(headDoc|headErr) != 0 {
		d.fail("a head of flags %#x", flags)
		return nil, 0, nil, nil
	}
	nb := d.uint()
	if nb > math.MaxInt32 {
		d.fail("a document of %d blocks", nb)
		return nil, 0, nil, nil
	}
	if flags&headErr != 0 {
		remote = d.error()
	}
	n := d.uint()
	if n > uint64(d.left()) {
		d.fail("%d page errors with %d bytes left", n, d.left())
		return nil, 0, nil, nil
	}
	for range n {
		pageErrs = append(pageErrs, d.error())
	}
	if flags&headDoc == 0 {
		return nil, int(nb), remote, pageErrs
	}
	doc = &parser.Document{File: d.str(), SHA256: d.str(), Format: parser.Format(d.str()), Title: d.str(), Pages: d.int()}
	if n, isNil := d.count(1); !isNil {
		doc.Repairs = make([]string, n)
		for i := range doc.Repairs {
			doc.Repairs[i] = d.str()
		}
	}
	if n, isNil := d.count(minLine); !isNil {
		doc.Furniture = make([]parser.Line, n)
		for i := range doc.Furniture {
			d.line(&doc.Furniture[i])
		}
	}
	if n, isNil := d.count(1); !isNil {
		doc.ImageOnlyPages = make([]int, n)
		for i := range doc.ImageOnlyPages {
			doc.ImageOnlyPages[i] = d.int()
		}
	}
	return doc, int(nb), remote, pageErrs
}

func (d *decoder) error() *Error {
	flags := d.byte()
	if flags&^errPositioned != 0 {
		d.fail("an error of flags %#x", flags)
		return nil
	}
	w := &Error{Positioned: flags&errPositioned != 0, File: d.str(), Page: d.int(), Row: d.int(), Msg: d.str()}
	if n, isNil := d.count(1); !isNil {
		w.Sentinels = make([]int, n)
		for i := range w.Sentinels {
			w.Sentinels[i] = d.int()
		}
	}
	return w
}

// part reads a part's blocks onto the document, and its rows onto the
// table of its last block; it reports whether the part is the last.
func (d *decoder) part(doc *parser.Document) bool {
	flags := d.byte()
	if flags&^partEnd != 0 {
		d.fail("a part of flags %#x", flags)
		return false
	}
	n := d.uint()
	if n > uint64(d.left()) {
		d.fail("%d blocks with %d bytes left", n, d.left())
		return false
	}
	if n > 0 {
		d.whole()
	}
	for range n {
		var b parser.Block
		bf := d.byte()
		if bf&^(blockLine|blockTable) != 0 {
			d.fail("a block of flags %#x", bf)
			return false
		}
		if bf&blockLine != 0 {
			if len(d.lineS) == 0 {
				d.fail("more lines than the part announced")
				return false
			}
			b.Line = &d.lineS[0]
			d.lineS = d.lineS[1:]
			d.line(b.Line)
		}
		if bf&blockTable != 0 {
			if len(d.tables) == 0 {
				d.fail("more tables than the part announced")
				return false
			}
			t := &d.tables[0]
			d.tables = d.tables[1:]
			t.Page, t.Index, t.Method, t.VAlign = d.int(), d.int(), d.str(), d.str()
			if n, isNil := d.count(1); !isNil {
				t.TextRights = make([]float64, n)
				for i := range t.TextRights {
					t.TextRights[i] = d.num()
				}
			}
			if n, isNil := d.count(minRow); !isNil {
				t.Rows = make([]parser.Row, n)
				for i := range t.Rows {
					d.row(&t.Rows[i])
				}
			}
			if more := d.uint(); more > 0 {
				// The table's other rows follow in parts of their own.
				if more > math.MaxInt32 {
					d.fail("a table of %d rows more", more)
					return false
				}
				d.open, d.claim = t, len(t.Rows)+int(more)
			}
			b.Table = t
		}
		if d.err != nil {
			return false
		}
		doc.Blocks = append(doc.Blocks, b)
	}
	n = d.uint()
	if n > uint64(d.left()/minRow) {
		d.fail("%d rows with %d bytes left", n, d.left())
		return false
	}
	if n > 0 {
		var t *parser.Table
		if len(doc.Blocks) > 0 {
			t = doc.Blocks[len(doc.Blocks)-1].Table
		}
		if t == nil {
			d.fail("table rows with no table before them")
			return false
		}
		k := int(n)
		if t != d.open || len(t.Rows)+k > d.claim {
			d.fail("%d rows more on a table of %d rows of the %d announced", k, len(t.Rows), d.claim)
			return false
		}
		if need := len(t.Rows) + k; need > cap(t.Rows) {
			// Room for all the rows announced once what has come is an
			// eighth of them (a count claimed beyond what comes costs no
			// more than eight times what came), else for twice what has.
			c := d.claim
			if c/8 > need {
				c = 2 * need
			}
			grown := make([]parser.Row, len(t.Rows), c)
			copy(grown, t.Rows)
			t.Rows = grown
		}
		from := len(t.Rows)
		t.Rows = t.Rows[:from+k]
		for i := from; i < len(t.Rows); i++ {
			d.row(&t.Rows[i])
		}
	}
	return flags&partEnd != 0
}

// whole checks that the table whose rows came in parts has all it
// announced.
func (d *decoder) whole() {
	if t := d.open; t != nil && len(t.Rows) != d.claim {
		d.fail("a table of %d rows of the %d announced", len(t.Rows), d.claim)
	}
	d.open, d.claim = nil, 0
}

func (d *decoder) line(l *parser.Line) {
	flags := d.byte()
	if flags&^(lineRuledAbove|lineBold|lineItalic) != 0 {
		d.fail("a line of flags %#x", flags)
		return
	}
	l.RuledAbove = flags&lineRuledAbove != 0
	l.Page, l.Row = d.int(), d.int()
	l.Text, l.Bullet, l.Role = d.str(), d.str(), parser.Role(d.str())
	l.Level = d.int()
	b := d.box()
	l.SetPlace(b, parser.Style{Font: d.str(), Size: d.num(), Bold: flags&lineBold != 0, Italic: flags&lineItalic != 0})
}

func (d *decoder) row(r *parser.Row) {
	flags := d.byte()
	if flags&^(rowHeader|rowNoBox) != 0 {
		d.fail("a row of flags %#x", flags)
		return
	}
	r.Header = flags&rowHeader != 0
	r.Page, r.Row = d.int(), d.int()
	if flags&rowNoBox == 0 {
		r.SetBox(d.box())
	}
	n, isNil := d.count(minCell)
	if isNil {
		return
	}
	if n > len(d.cells) {
		d.fail("more cells than the part announced")
		return
	}
	r.Cells = d.cells[:n:n]
	d.cells = d.cells[n:]
	for i := range r.Cells {
		c := &r.Cells[i]
		flags := d.byte()
		if flags&^(cellCovered|cellLinesMask|cellNoBox|cellSpans) != 0 || flags&cellLinesMask == cellLinesMask {
			d.fail("a cell of flags %#x", flags)
			return
		}
		c.Covered = flags&cellCovered != 0
		c.Text = d.str()
		var lines []string
		if flags&cellLinesMask == cellLinesList {
			m := d.uint()
			if m > uint64(len(d.lines)) {
				d.fail("more cell lines than the part announced")
				return
			}
			lines = []string{}
			if m > 0 {
				lines = d.lines[:m:m]
				d.lines = d.lines[m:]
				for j := range lines {
					lines[j] = d.str()
				}
			}
		}
		cs := d.span()
		if cs != int32(int16(cs)) {
			d.fail("a cell spanning %d columns", cs)
			return
		}
		c.ColSpan, c.RowSpan = int16(cs), d.span()
		var b parser.Box
		if flags&cellNoBox == 0 {
			b = d.box()
		}
		var spans []parser.LineSpan
		if flags&cellSpans != 0 {
			n := len(lines)
			if flags&cellLinesMask != cellLinesList || n < 2 || 8*n > d.left() {
				d.fail("a cell's line spans past its lines or the reply")
				return
			}
			spans = make([]parser.LineSpan, n)
			for j := range spans {
				spans[j] = parser.LineSpan{X0: d.float32(), X1: d.float32()}
			}
		}
		switch flags & cellLinesMask {
		case cellOneLine:
			c.SetOneLine()
			c.SetBox(b)
		case cellLinesList:
			c.SetLinesSpansBox(lines, spans, b)
		default:
			c.SetBox(b)
		}
	}
}
