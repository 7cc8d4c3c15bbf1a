// Package parser holds the raw model that every extractor produces: what a
// document shows (lines of text with their style and position, and tables with
// their cells and spans), before any normalisation.
//
// The model is format-agnostic: a PDF and an HTML rendering of the same list
// should produce documents that the normaliser turns into the same records.
package parser

import (
	"math"
	"unsafe"
)

// Format is the kind of an input document, sniffed from its bytes.
type Format string

// Formats the extractors understand.
const (
	FormatUnknown Format = ""
	FormatPDF     Format = "pdf"
	FormatHTML    Format = "html"
)

// Document is everything an extractor saw in one input.
type Document struct {
	File   string // the input's name as given on the command line
	SHA256 string // hex SHA-256 of the input bytes
	Format Format
	Title  string // the document's own title (PDF /Title, HTML <title>), "" when none
	Pages  int    // number of pages (PDF); 0 for formats without pages

	// Blocks are the document's content in reading order: text lines and
	// tables, page furniture (running headers, footers, page numbers) removed.
	Blocks []Block

	// Repairs are document-level repairs the extractor made to read the input
	// at all (e.g. "pdf:rebuilt_xref"); they are copied into every record.
	Repairs []string

	// PageErrors are pages that could not be read. The rest of the document
	// is still usable; each error is a *Error naming the file and page.
	PageErrors []error

	// Furniture are the running headers and footers removed from Blocks
	// (PDF), each distinct text once, in reading order of its first
	// occurrence: a legend ("* … waive fees") or an as-of date ("(as of
	// May 1, 2021)") may stand there, and is document metadata. A line
	// that is only a page number is not kept. Page is the first page the
	// line stands on; Row is the Row of the block next to it on that page
	// (the page's first block for a header, its last for a footer), 0 when
	// the page has none, so that provenance points near it in the dump.
	// Lines that differ only in their digits ("Page 3 of 9") are one.
	Furniture []Line `json:",omitempty"`

	// ImageOnlyPages are the 1-based pages (PDF) that draw images and have
	// no text layer at all: scanned pages, which need OCR before anything
	// can be read from them.
	ImageOnlyPages []int `json:",omitempty"`
}

// Block is one unit of content: exactly one of Line and Table is set.
type Block struct {
	Line  *Line  `json:",omitempty"`
	Table *Table `json:",omitempty"`
}

// Role is what the extractor knows about a line's function. PDF lines are
// usually RoleText (the normaliser infers headings from style and position);
// HTML lines carry the role their element gives them.
type Role string

// Line roles.
const (
	RoleText    Role = "text"    // a line of text whose role the extractor does not know
	RoleHeading Role = "heading" // a heading (HTML h1–h6, dt, caption)
	RoleItem    Role = "item"    // a list item (HTML li, dd; a PDF line with a bullet)
)

// Line is one line of text as laid out in the document.
type Line struct {
	Page int // 1-based page (PDF); 0 for formats without pages
	Row  int // 1-based ordinal among all lines and table rows of the document

	Text   string // the line's text, whitespace folded, bullet removed
	Bullet string // the list bullet the extractor removed from the front ("•", "-", "・"), "" when none
	Role   Role
	Level  int // heading level when the source states one (HTML h1=1 … h6=6), else 0

	// RuledAbove says a horizontal rule, or the edge of a shaded band,
	// runs across the line and the line before it on its page, between
	// them (PDF): the rows of a table the extractor did not take as one,
	// never one entry's wrapped lines.
	RuledAbove bool

	// The line's position in points, top-left origin (PDF; zero for
	// HTML), and the typographic style of its dominant run: read with Box
	// and Style, set with SetBox, SetStyle, SetPlace (or WithBox,
	// WithStyle). nil when both are zero (every line of an HTML page).
	place *linePlace
}

// linePlace is a line's box and style, never changed once made, so that
// copies of a line can share it.
type linePlace struct {
	box   Box
	style Style
}

// Box is the line's position in points, top-left origin (PDF); zero for
// HTML.
func (l Line) Box() Box {
	if l.place == nil {
		return Box{}
	}
	return l.place.box
}

// Style is the typographic style of the line's dominant run.
func (l Line) Style() Style {
	if l.place == nil {
		return Style{}
	}
	return l.place.style
}

// SetBox sets the line's box.
func (l *Line) SetBox(b Box) { l.SetPlace(b, l.Style()) }

// SetStyle sets the line's style.
func (l *Line) SetStyle(s Style) { l.SetPlace(l.Box(), s) }

// SetPlace sets the line's box and style at once.
func (l *Line) SetPlace(b Box, s Style) {
	if zeroBox(b) && zeroStyle(s) {
		l.place = nil
		return
	}
	l.place = &linePlace{box: b, style: s}
}

// Placed sets the line's box and style and returns it.
func (l *Line) Placed(b Box, s Style) *Line { l.SetPlace(b, s); return l }

// WithBox returns the line with the box b.
func (l Line) WithBox(b Box) Line { l.SetBox(b); return l }

// WithStyle returns the line with the style s.
func (l Line) WithStyle(s Style) Line { l.SetStyle(s); return l }

// zeroStyle reports whether s is the zero style (a size of +0).
func zeroStyle(s Style) bool { return s == (Style{}) && !math.Signbit(s.Size) }

// Style is the typographic style of a run of text.
type Style struct {
	Font   string  // font name without subset prefix ("LiberationSans-Bold")
	Size   float64 // font size in points (PDF); HTML headings get 0
	Bold   bool
	Italic bool
}

// Box is a rectangle in a top-left page space, in points: X grows rightwards,
// Y grows downwards.
type Box struct {
	X0, Y0, X1, Y1 float64
}

// Width of the box.
func (b Box) Width() float64 { return b.X1 - b.X0 }

// Height of the box.
func (b Box) Height() float64 { return b.Y1 - b.Y0 }

// Table is one logical table. A table that continues over several pages is
// one Table whose rows carry their own page numbers.
type Table struct {
	Page   int    // page of the first row (1-based; 0 for HTML)
	Index  int    // 0-based index among the tables that start on Page
	Method string // how it was found: "lattice", "stream", "html"
	// VAlign is where the table sets its cells in their rows, as its rows
	// of cells of unequal lines show (PDF): "top", "middle" or "bottom";
	// "" when they do not tell.
	VAlign string
	// TextRights are where the text of each column's cells ends across the
	// page at the furthest, in points (PDF; nil when not known): the
	// column's right edge as its text shows it, which a cell's line that
	// breaks short of it did not reach (Cell.LineSpans).
	TextRights []float64
	Rows       []Row
}

// Row is one row of a table.
type Row struct {
	Page   int  // page this row is on (1-based; 0 for HTML)
	Row    int  // 1-based ordinal among all lines and table rows of the document
	Header bool // a header row (including a header repeated after a page break)
	Cells  []Cell
	box    *Box // nil for the zero box (every row of an HTML table): see Box
}

// Cell is one grid cell. A merged cell is reported as the document shows it:
// its text in the first (top-left) cell of the span, which carries ColSpan and
// RowSpan; the cells it covers have Covered set and empty text.
//
// A cell's lines (Lines) and box (Box) are read and set through methods: a
// cell of one line, or none, and no box (every cell of most HTML tables)
// holds neither, and takes 32 bytes. Set Text before the lines (SetLines).
type Cell struct {
	Text    string    // the cell's lines joined by a single space
	more    *cellMore // the box, and the lines when they are not the one line Text; nil for neither
	RowSpan int32
	ColSpan int16 // ≥ 1 on a cell that holds text or is empty; 0 on a covered cell; at most MaxColSpan
	Covered bool  // covered by a span whose origin is above or to the left
	lines   lineForm
}

// MaxColSpan is the widest span a cell can say.
const MaxColSpan = math.MaxInt16

// lineForm is how a cell holds its lines.
type lineForm uint8

const (
	linesNil  lineForm = iota // no lines (nil)
	linesText                 // one line, the cell's Text
	linesMore                 // more.lines (empty, or not the one line Text)
)

// cellMore is what few cells have: a box, lines other than the one line
// Text. It is never changed once made, so that copies of a cell can share
// it: SetBox and SetLines make another.
type cellMore struct {
	lines []string
	spans *[]LineSpan // where each of lines runs across the page (PDF), nil when not known (behind a pointer: few cells have them)
	box   Box
	boxed bool // box is not the zero box
}

// LineSpan is where a cell's line runs across the page, in points (PDF):
// from the left edge of its first glyph to the right edge of its last.
type LineSpan struct{ X0, X1 float32 }

// LineSpans are where the lines of a cell of several lines run across the
// page, one a line (PDF), or nil when the reader did not say (and for a
// cell of one line: where a column's text ends is its table's
// TextRights). They are set with the lines (SetLinesSpansBox) and dropped
// when the lines are set again.
func (c *Cell) LineSpans() []LineSpan {
	if c.lines != linesMore || c.more.spans == nil || len(*c.more.spans) != len(c.more.lines) {
		return nil
	}
	return *c.more.spans
}

// WithLinesSpansBox returns the cell with the lines, their spans and the
// box b (SetLinesSpansBox).
func (c Cell) WithLinesSpansBox(lines []string, spans []LineSpan, b Box) Cell {
	c.SetLinesSpansBox(lines, spans, b)
	return c
}

// SetLinesSpansBox is SetLinesBox with where each line runs across the
// page (spans, as many as lines, kept for a cell of several lines only;
// the cell keeps them, it does not copy them).
func (c *Cell) SetLinesSpansBox(lines []string, spans []LineSpan, b Box) {
	c.SetLinesBox(lines, b)
	if c.lines == linesMore && len(spans) == len(c.more.lines) && len(spans) > 1 {
		held := new([]LineSpan) // (not &spans: the argument would be moved to the heap on every call)
		*held = spans
		c.more.spans = held
	}
}

// A row's and a cell's box are held behind a pointer, nil when zero: the
// rows and cells of an HTML table (a long page has hundreds of thousands)
// have none, and a Box is four floats. SetBox makes a box of the row's or
// cell's own, never shared with the one it was copied from. A box with a
// negative zero is not the zero box: it is kept as read.

// Box is the row's position in points, top-left origin (PDF); zero for
// HTML.
func (r Row) Box() Box { return boxAt(r.box) }

// SetBox sets the row's box.
func (r *Row) SetBox(b Box) { r.box = boxOf(b) }

// WithBox returns the row with the box b.
func (r Row) WithBox(b Box) Row { r.box = boxOf(b); return r }

// HasBox reports whether the row has a box other than the zero box.
func (r Row) HasBox() bool { return r.box != nil }

// Box is the cell's position in points, top-left origin (PDF); zero for
// HTML.
func (c Cell) Box() Box {
	if c.more == nil {
		return Box{}
	}
	return c.more.box
}

// SetBox sets the cell's box.
func (c *Cell) SetBox(b Box) {
	boxed := !zeroBox(b)
	if c.more == nil && !boxed {
		return
	}
	m := &cellMore{box: b, boxed: boxed}
	if c.more != nil {
		m.lines, m.spans = c.more.lines, c.more.spans
	}
	if !boxed && m.lines == nil {
		m = nil
	}
	c.more = m
}

// WithBox returns the cell with the box b.
func (c Cell) WithBox(b Box) Cell { c.SetBox(b); return c }

// HasBox reports whether the cell has a box other than the zero box.
func (c Cell) HasBox() bool { return c.more != nil && c.more.boxed }

// Lines are the cell's lines as laid out (wrapped lines, <br>): nil, or
// each line. A cell of one line gives its Text, as a slice of one that
// reads the cell itself: it is valid while the cell's Text is not changed,
// and is not to be written to.
func (c *Cell) Lines() []string {
	switch c.lines {
	case linesText:
		return unsafe.Slice(&c.Text, 1)
	case linesMore:
		return c.more.lines
	}
	return nil
}

// LineCount is len(c.Lines()).
func (c *Cell) LineCount() int {
	switch c.lines {
	case linesText:
		return 1
	case linesMore:
		return len(c.more.lines)
	}
	return 0
}

// SetLines sets the cell's lines: set its Text first. The cell keeps lines
// (it does not copy them) unless they are the one line Text, and drops
// where the lines it had ran (LineSpans).
func (c *Cell) SetLines(lines []string) {
	form, lines := c.formOf(lines)
	if form != linesMore && c.lines != linesMore && (c.more == nil || c.more.spans == nil) {
		c.lines = form
		return
	}
	var m cellMore
	if c.more != nil {
		m.box, m.boxed = c.more.box, c.more.boxed
	}
	if form == linesMore {
		m.lines = lines
	}
	c.lines = form
	if m.lines == nil && !m.boxed {
		c.more = nil
		return
	}
	c.more = &m
}

// SetOneLine sets the cell's lines to the one line Text.
func (c *Cell) SetOneLine() {
	if c.lines == linesMore {
		c.SetLines(nil)
	}
	c.lines = linesText
}

// WithLines returns the cell with the lines (its Text set first).
func (c Cell) WithLines(lines []string) Cell { c.SetLines(lines); return c }

// SetLinesBox sets the cell's lines and box at once (one allocation at
// most): set its Text first.
func (c *Cell) SetLinesBox(lines []string, b Box) {
	c.lines, lines = c.formOf(lines)
	boxed := !zeroBox(b)
	if c.lines != linesMore && !boxed {
		c.more = nil
		return
	}
	m := &cellMore{box: b, boxed: boxed}
	if c.lines == linesMore {
		m.lines = lines
	}
	c.more = m
}

// formOf is how the cell holds lines, and the list it keeps for them
// (linesMore): its own copy of a line that is not Text, which may read
// another cell's Text.
func (c *Cell) formOf(lines []string) (lineForm, []string) {
	switch {
	case lines == nil:
		return linesNil, nil
	case len(lines) == 1 && lines[0] == c.Text:
		return linesText, nil
	case len(lines) == 1:
		return linesMore, []string{lines[0]}
	}
	return linesMore, lines
}

// boxAt is the box p holds, the zero box for nil.
func boxAt(p *Box) Box {
	if p == nil {
		return Box{}
	}
	return *p
}

// zeroBox reports whether b is the zero box (+0 everywhere).
func zeroBox(b Box) bool {
	return b == (Box{}) && !math.Signbit(b.X0) && !math.Signbit(b.Y0) && !math.Signbit(b.X1) && !math.Signbit(b.Y1)
}

// boxOf is b held on its own, nil for the zero box (+0 everywhere).
func boxOf(b Box) *Box {
	if zeroBox(b) {
		return nil
	}
	p := new(Box) // (not &b: b would be moved to the heap on every call)
	*p = b
	return p
}
