package html

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/agreements/agreements/parser"
)

// maxColSpan bounds a cell's colspan (the HTML standard allows 1000; no
// agreement list needs more than a handful of columns).
const maxColSpan = 100

// maxRowCells bounds the cells of a table row. A list of agreements has a
// few columns; a row of thousands is no list, and its cells would take
// gigabytes (a cell and its grid slot about 150 bytes): the table is
// refused as soon as one row reaches the bound, its cells past it not
// kept.
const maxRowCells = 1000

// gridSlack is how many grid slots a table may have beyond four per cell
// element before it is refused as too sparse to be a list.
const gridSlack = 1 << 16

// htmlCell is one td or th as read: its text, its spans as written, and
// whether it is a th that heads a column.
type htmlCell struct {
	text    cellText
	rowSpan int32
	colSpan uint8 // at most maxColSpan
	th      bool
}

// cellBlock is how many cells a block of the scratch holds, at most.
const cellBlock = 1024

// cellStore holds the cells of a table in blocks, so that a large table's
// cells are not copied from one doubled slice into the next; each cell as
// a slot (its text and its spans as written), the form it takes on the
// grid. A block holds a whole number of rows as wide as the table's
// first (per cells), so that the blocks of a table whose rows are all as
// wide, and without spans, are its grid as they are (see layout).
type cellStore struct {
	blocks [][]slot
	n      int
	per    int // cells a block holds: cellBlock until the first row is read
	// spanned says some cell was written with a rowspan or colspan other
	// than 1 (it stays set when cells are dropped): without, a cell's
	// place on the grid is its row's and its place in the row.
	spanned bool
}

func (cs *cellStore) add(c htmlCell) {
	if cs.per == 0 {
		cs.per = cellBlock
	}
	b := cs.n / cs.per
	if b == len(cs.blocks) {
		cs.blocks = append(cs.blocks, make([]slot, 0, cellBlock))
	}
	cs.blocks[b] = append(cs.blocks[b], slot{text: c.text, rowSpan: c.rowSpan, colSpan: c.colSpan})
	cs.n++
	if c.rowSpan != 1 || c.colSpan != 1 {
		cs.spanned = true
	}
}

// firstRow sets the size of the blocks for a table whose first row holds
// n cells, while they are all in the first block.
func (cs *cellStore) firstRow(n int) {
	if n > 0 && len(cs.blocks) <= 1 && cs.n <= cellBlock/n*n {
		cs.per = cellBlock / n * n
	}
}

// truncate drops the cells from the n-th on.
func (cs *cellStore) truncate(n int) {
	for k := n; k < cs.n; k++ {
		*cs.at(k) = slot{}
	}
	if b := n / max(cs.per, 1); b < len(cs.blocks) {
		cs.blocks[b] = cs.blocks[b][:n%cs.per]
		cs.blocks = cs.blocks[:b+1]
	}
	cs.n = n
}

// at returns the k-th cell.
func (cs *cellStore) at(k int) *slot { return &cs.blocks[k/cs.per][k%cs.per] }

// reset empties the store, keeping its first block for the next table
// (unless the blocks were taken as a grid).
func (cs *cellStore) reset() {
	for _, b := range cs.blocks {
		clear(b)
	}
	if len(cs.blocks) > 0 {
		cs.blocks = append(cs.blocks[:0], cs.blocks[0][:0])
	}
	cs.n, cs.per = 0, 0
	cs.spanned = false
}

// cellPlace is where a cell of a table with spans is laid out: its row
// and column, and the rows it spans there.
type cellPlace struct{ row, col, rowSpan int32 }

// placeStore holds the places of a table's cells, in blocks of per as the
// cells are (cellStore).
type placeStore struct {
	per    int
	blocks [][]cellPlace
}

// at returns the place of the k-th cell.
func (ps *placeStore) at(k int) *cellPlace {
	b := k / ps.per
	for len(ps.blocks) <= b {
		ps.blocks = append(ps.blocks, nil)
	}
	if ps.blocks[b] == nil {
		ps.blocks[b] = make([]cellPlace, ps.per)
	}
	return &ps.blocks[b][k%ps.per]
}

// htmlRow is one tr: its cells are cells lo to hi-1 of the table's scratch
// (a cell is a tag of four bytes at least: a page of any size a reader
// holds has fewer than 2³¹).
type htmlRow struct {
	lo, hi  int32
	section atom.Atom // thead, tbody or tfoot
	allTH   bool      // every cell element of the row is a th
}

// rowGroup is a thead, tbody or tfoot with its rows.
type rowGroup struct {
	section atom.Atom
	lo, hi  int // rows[lo:hi] of the table's scratch
}

// tableScratch is the table being read, and the working space of its
// layout, kept from one table to the next so that a page of many tables
// reuses it. A table is read from the tree in one go or, when the document
// is cut between its rows, a part at a time (collect), then laid out
// (layout).
type tableScratch struct {
	caption string
	groups  []rowGroup // in document order
	rows    []htmlRow  // in document order
	cells   cellStore
	placed  []htmlRow // rows in the order they are laid out (footers last)
	busy    []int     // per column: the last row a span placed above covers
	origin  []bool
	newCol  []int
	header  []bool
	// wide is the number of the first row with more than maxRowCells
	// cells (1-based), 0 when none.
	wide int
}

// full reports whether the row whose first cell is cell lo holds
// maxRowCells cells already: the cell to come is not kept, and the table
// is marked as too wide.
func (s *tableScratch) full(lo int) bool {
	if s.cells.n-lo < maxRowCells {
		return false
	}
	if s.wide == 0 {
		s.wide = len(s.rows) + 1
	}
	return true
}

// reset empties the scratch.
func (s *tableScratch) reset() {
	s.cells.reset()
	s.caption, s.wide = "", 0
	s.groups, s.rows, s.placed, s.busy = s.groups[:0], s.rows[:0], s.placed[:0], s.busy[:0]
}

// table reads a data table (one without tables inside) and adds it, after
// its caption, to the blocks. The table the segment is cut in is only
// collected: the segments after it hold the rest.
func (w *walker) table(n *html.Node) {
	w.collect(n, false)
	if n == w.openTable {
		w.pending, w.stopped = true, true
		return
	}
	w.finishTable()
}

// finishTable lays out the table collected and adds it to the blocks.
func (w *walker) finishTable() {
	caption, t, err := w.layout(w.tables)
	w.pending = false
	if err != nil {
		if w.err == nil {
			w.err = err
		}
		return
	}
	if caption != "" {
		w.addLine(parser.Line{Text: caption, Role: parser.RoleHeading})
	}
	if t != nil {
		w.addBlock(parser.Block{Table: t})
		w.tables++
	}
}

// collect reads the caption and the rows of a table element into the
// scratch; with cont, the element continues the table collected so far
// (the same table after a cut between its rows, its first row group the
// group the cut was in), and it reports whether it does.
func (w *walker) collect(n *html.Node, cont bool) bool {
	s := &w.tab
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Caption:
			if s.caption == "" {
				s.caption, _ = w.collectLines(c)
			}
		case atom.Thead, atom.Tbody, atom.Tfoot:
			if cont {
				cont = false
				k := len(s.groups) - 1
				if k < 0 || s.groups[k].section != c.DataAtom || s.groups[k].hi != len(s.rows) {
					return false
				}
				w.collectRows(c, k)
				continue
			}
			s.groups = append(s.groups, rowGroup{section: c.DataAtom, lo: len(s.rows), hi: len(s.rows)})
			w.collectRows(c, len(s.groups)-1)
		case atom.Tr:
			s.groups = append(s.groups, rowGroup{section: atom.Tbody, lo: len(s.rows), hi: len(s.rows)})
			w.collectRow(c, len(s.groups)-1)
		}
	}
	return !cont
}

// collectRows reads the rows of a row group element into group g.
func (w *walker) collectRows(sec *html.Node, g int) {
	for r := sec.FirstChild; r != nil; r = r.NextSibling {
		if r.Type == html.ElementNode && r.DataAtom == atom.Tr {
			w.collectRow(r, g)
		}
	}
}

// collectRow reads the cells of a tr into group g.
func (w *walker) collectRow(tr *html.Node, g int) {
	s := &w.tab
	row := htmlRow{section: s.groups[g].section, allTH: true, lo: int32(s.cells.n)}
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
			continue
		}
		if s.full(int(row.lo)) {
			continue
		}
		cs := spanAttr(c, "colspan", 1)
		if cs > maxColSpan {
			cs = maxColSpan
		}
		cell := htmlCell{colSpan: uint8(cs), rowSpan: int32(spanAttr(c, "rowspan", 1)), th: c.DataAtom == atom.Th && !rowHeader(c)}
		cell.text = w.collectCell(c)
		if !cell.th {
			row.allTH = false
		}
		s.cells.add(cell)
	}
	row.hi = int32(s.cells.n)
	if row.hi == row.lo {
		row.allTH = false
	}
	s.addRow(g, row)
}

// addRow adds a row to group g, the last. The rows' slice grows by
// doubling: a large table's rows are not copied into many slices on the
// way.
func (s *tableScratch) addRow(g int, row htmlRow) {
	if len(s.rows) == 0 {
		s.cells.firstRow(int(row.hi - row.lo))
	}
	if len(s.rows) == cap(s.rows) {
		s.rows = append(make([]htmlRow, 0, max(2*cap(s.rows), 64)), s.rows...)
	}
	s.rows = append(s.rows, row)
	s.groups[g].hi = len(s.rows)
}

// layout lays out the rows and cells collected on a grid, expanding
// rowspan and colspan as the HTML table model does: a cell takes the
// first column its row leaves free; a rowspan stops at the end of its row
// group (thead, tbody, tfoot), and rowspan="0" reaches it; footers go
// below the body, wherever they are written; columns that only spans reach
// (a colspan wider than the table) are dropped. It returns the caption's
// text and the table, nil when no row holds any text, and empties the
// scratch.
func (w *walker) layout(index int) (string, *parser.Table, error) {
	s := &w.tab
	defer s.reset()
	caption := s.caption
	cells := &s.cells
	elements := cells.n
	if s.wide > 0 {
		return "", nil, fmt.Errorf("%w: table %d: row %d has more than %d cells, more than a list of agreements has columns",
			parser.ErrTooLarge, index+1, s.wide, maxRowCells)
	}
	// The rows in the order they are laid out: as written (the groups
	// hold them in turn), unless footers go last.
	rows, reorder := s.rows, !s.inTurn()
	if reorder && cap(s.placed) < len(s.rows) {
		s.placed = make([]htmlRow, 0, len(s.rows))
	}
	// A table with spans has its cells' places noted as they are laid
	// out; without, a cell's place is its row's and its place in the row.
	places := placeStore{per: cells.per}
	plain := !cells.spanned
	placed := 0
	for _, foot := range []bool{false, true} {
		for _, g := range s.groups {
			if (g.section == atom.Tfoot) != foot {
				continue
			}
			end := placed + g.hi - g.lo
			for _, row := range s.rows[g.lo:g.hi] {
				i := placed
				if plain {
					for len(s.busy) < int(row.hi-row.lo) {
						s.busy = append(s.busy, -1)
					}
				}
				col := 0
				for k := int(row.lo); k < int(row.hi) && !plain; k++ {
					c := cells.at(k)
					for col < len(s.busy) && s.busy[col] >= i {
						col++
					}
					span := int(c.rowSpan)
					if span == 0 || i+span > end {
						span = end - i
					}
					*places.at(k) = cellPlace{row: int32(i), col: int32(col), rowSpan: int32(span)}
					for x := col; x < col+int(c.colSpan); x++ {
						for len(s.busy) <= x {
							s.busy = append(s.busy, -1)
						}
						s.busy[x] = i + span - 1
					}
					col += int(c.colSpan)
				}
				if reorder {
					s.placed = append(s.placed, row)
				}
				placed++
			}
		}
	}
	if reorder {
		rows = s.placed
	}

	// Keep the columns where some cell starts (in a table without spans,
	// every column).
	s.origin = append(s.origin[:0], make([]bool, len(s.busy))...)
	if plain {
		for x := range s.origin {
			s.origin[x] = true
		}
	}
	if !plain {
		for k := range elements {
			s.origin[places.at(k).col] = true
		}
	}
	s.newCol = append(s.newCol[:0], make([]int, len(s.busy)+1)...)
	width := 0
	for k, o := range s.origin {
		s.newCol[k] = width
		if o {
			width++
		}
	}
	s.newCol[len(s.busy)] = width
	if width == 0 {
		return caption, nil, nil
	}
	if len(rows)*width > 4*elements+gridSlack {
		return "", nil, fmt.Errorf("%w: table %d: %d rows × %d columns from %d cells", parser.ErrTooLarge, index+1, len(rows), width, elements)
	}

	// The grid, a slot a place, in chunks of rows made as the cells reach
	// them; each row a slice of its chunk. The cells' blocks are let go as
	// they are placed, so that a large table's cells and its grid are not
	// both held whole.
	var grid *slotGrid
	if plain && !reorder && len(rows)*width == elements && cells.per%width == 0 {
		// Every row as wide as the table, each block a whole number of
		// them: the blocks are the grid.
		grid = &slotGrid{width: width, per: cells.per / width, chunks: cells.blocks[:(elements+cells.per-1)/cells.per]}
		cells.blocks = nil
	} else {
		grid = newSlotGrid(len(rows), width)
	}
	gridRow := grid.row
	if plain && cells.blocks != nil {
		// Row by row, as laid out: a cell takes the place of its row
		// that is its place in the row.
		kept := 1 // the blocks kept: the first is kept for the next table
		for i, row := range rows {
			g := gridRow(i)
			for k := int(row.lo); k < int(row.hi); k++ {
				g[k-int(row.lo)] = *cells.at(k)
			}
			for ; !reorder && kept < len(cells.blocks) && (kept+1)*cells.per <= int(row.hi); kept++ {
				cells.blocks[kept] = nil
			}
		}
	}
	for k, b := range cells.blocks {
		if plain {
			break
		}
		for j, c := range b {
			p := places.at(k*cells.per + j)
			x0, x1 := s.newCol[p.col], s.newCol[p.col+int32(c.colSpan)]
			for y := int(p.row); y < int(p.row+p.rowSpan); y++ {
				g := gridRow(y)
				for x := x0; x < x1; x++ {
					g[x] = slot{covered: true}
				}
			}
			o := &gridRow(int(p.row))[x0]
			o.text = c.text
			o.colSpan, o.rowSpan, o.covered = uint8(x1-x0), p.rowSpan, false
		}
		places.blocks[k] = nil
		if k > 0 {
			cells.blocks[k] = nil // (the first is kept for the next table)
		}
	}

	texts := w.texts
	s.header = markHeaders(s.header[:0], rows, gridRow, texts)
	kept := 0
	for i := range rows {
		if !blankRow(gridRow(i)) {
			kept++
		}
	}
	if kept == 0 {
		return caption, nil, nil
	}
	t := &parser.Table{Index: index, Method: "html"}
	p := &packedTable{header: make([]bool, 0, kept)}
	// The rows kept are moved up over the blank ones, in place: the slots
	// of row k of the table are grid.row(k).
	var head []slot
	for i := range rows {
		g := gridRow(i)
		if blankRow(g) {
			continue // a spacer row: no text, and no span starts or passes here
		}
		h := s.header[i]
		switch {
		case h && head == nil:
			head = g
		case !h && head != nil && sameTexts(g, head, texts):
			h = true // the header row repeated
		}
		if k := len(p.header); k != i {
			if head != nil && &head[0] == &g[0] {
				head = gridRow(k)
			}
			copy(gridRow(k), g)
		}
		p.header = append(p.header, h)
	}
	grid.truncate(kept)
	p.grid = grid
	w.packed[t] = p
	return caption, t, nil
}

// inTurn reports whether the rows are laid out in the order they were
// read: no footer, and the groups holding the rows in turn.
func (s *tableScratch) inTurn() bool {
	next := 0
	for _, g := range s.groups {
		if g.section == atom.Tfoot || g.lo != next {
			return false
		}
		next = g.hi
	}
	return next == len(s.rows)
}

// markHeaders reports the header rows: the rows of thead; else the leading
// rows of th cells, or a first row of td cells that reads like column
// headings; and later rows of th cells with two or more texts (a header
// repeated). A row of th with one text is a group heading ("Asia"), not a
// header.
func markHeaders(h []bool, rows []htmlRow, grid func(int) []slot, texts *textArena) []bool {
	h = append(h, make([]bool, len(rows))...)
	hasHead := false
	for i, r := range rows {
		if r.section == atom.Thead {
			h[i], hasHead = true, true
		}
	}
	leading := !hasHead
	first := true
	for i, r := range rows {
		if r.section == atom.Thead {
			continue
		}
		n := nonEmpty(grid(i))
		if n == 0 {
			continue
		}
		switch {
		case r.allTH && n >= 2:
			h[i] = true
		case leading && first && !hasHead && looksLikeHeader(grid(i), texts):
			h[i] = true
		default:
			leading = false
		}
		first = false
	}
	return h
}

// headerWords are words of column headings, English and Japanese.
var headerWords = []string{
	"area", "region", "country", "partner", "institution", "university", "department", "faculty",
	"school", "year", "date", "type", "period", "validity", "valid", "note", "remark", "name", "unit",
	"地域", "国", "大学", "機関", "部局", "学部", "研究科", "締結", "年月日", "期間", "期限", "種別",
	"種類", "備考", "協定", "相手", "所在", "名称",
}

// looksLikeHeader reports a row of td cells that reads like column
// headings: two or more short texts, no numbers that could be dates, and
// most of them heading words.
func looksLikeHeader(cells []slot, arena *textArena) bool {
	texts, words := 0, 0
	for _, c := range cells {
		if c.covered || c.text.n == 0 {
			continue
		}
		texts++
		text := arena.text(c.text)
		if utf8.RuneCountInString(text) > 40 || hasDigits(text, 3) {
			return false
		}
		lower := strings.ToLower(text)
		for _, w := range headerWords {
			if strings.Contains(lower, w) {
				words++
				break
			}
		}
	}
	return texts >= 2 && 2*words >= texts+1
}

func hasDigits(s string, n int) bool {
	run := 0
	for _, r := range s {
		if (r >= '0' && r <= '9') || (r >= '０' && r <= '９') {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func nonEmpty(cells []slot) int {
	n := 0
	for _, c := range cells {
		if !c.covered && c.text.n != 0 {
			n++
		}
	}
	return n
}

func blankRow(cells []slot) bool {
	for _, c := range cells {
		if c.covered || c.text.n != 0 || c.rowSpan > 1 {
			return false
		}
	}
	return true
}

// sameTexts reports whether two rows of one grid read the same.
func sameTexts(a, b []slot, texts *textArena) bool {
	for k := range a {
		if a[k].text != b[k].text && texts.text(a[k].text) != texts.text(b[k].text) {
			return false
		}
	}
	return true
}

// rowHeader reports a th that heads its row (scope="row" or "rowgroup"),
// not a column.
func rowHeader(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "scope" {
			v := strings.ToLower(strings.TrimSpace(a.Val))
			return v == "row" || v == "rowgroup"
		}
	}
	return false
}

// spanAttr reads a rowspan or colspan attribute as browsers do: leading
// digits count, anything unreadable is def; the result is at least 0 for
// rowspan and 1 for colspan.
func spanAttr(n *html.Node, key string, def int) int {
	for _, a := range n.Attr {
		if a.Key == key {
			return spanValue(a.Val, key, def)
		}
	}
	return def
}

// spanValue reads the value of a rowspan or colspan attribute (see
// spanAttr).
func spanValue(v, key string, def int) int {
	v = strings.TrimSpace(v)
	end := 0
	for end < len(v) && end < 6 && v[end] >= '0' && v[end] <= '9' {
		end++
	}
	x, err := strconv.Atoi(v[:end])
	if err != nil {
		return def
	}
	if key == "colspan" && x < 1 {
		return 1
	}
	if x > 65534 {
		x = 65534
	}
	return x
}
