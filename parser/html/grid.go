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

// gridSlack is how many grid slots a table may have beyond four per cell
// element before it is refused as too sparse to be a list.
const gridSlack = 1 << 16

// htmlCell is one td or th placed on the grid.
type htmlCell struct {
	row, col         int
	colSpan, rowSpan int
	text             string
	lines            []string
	th               bool
}

// htmlRow is one tr: its cells are cells[lo:hi] of the table's scratch.
type htmlRow struct {
	section atom.Atom // thead, tbody or tfoot
	lo, hi  int
	allTH   bool // every cell element of the row is a th
}

// rowGroup is a thead, tbody or tfoot with its rows.
type rowGroup struct {
	section atom.Atom
	lo, hi  int // trs[lo:hi] of the table's scratch
}

// tableScratch is the working space of buildTable, kept from one table to
// the next so that a page of many tables reuses it.
type tableScratch struct {
	trs    []*html.Node
	groups []rowGroup
	foot   []rowGroup
	rows   []htmlRow
	cells  []htmlCell
	busy   []int // per column: the last row a span placed above covers
	origin []bool
	newCol []int
	header []bool
}

// reset empties the scratch, dropping its references to the tree.
func (s *tableScratch) reset() {
	clear(s.trs)
	clear(s.cells)
	s.trs, s.groups, s.foot, s.rows, s.cells, s.busy = s.trs[:0], s.groups[:0], s.foot[:0], s.rows[:0], s.cells[:0], s.busy[:0]
}

// table reads a data table (one without tables inside) and adds it, after
// its caption, to the blocks.
func (w *walker) table(n *html.Node) {
	caption, t, err := w.buildTable(n, w.tables)
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
		w.blocks = append(w.blocks, parser.Block{Table: t})
		w.tables++
	}
}

// buildTable lays out the rows and cells of a table element on a grid,
// expanding rowspan and colspan as the HTML table model does: a cell takes
// the first column its row leaves free; a rowspan stops at the end of its
// row group (thead, tbody, tfoot), and rowspan="0" reaches it; columns that
// only spans reach (a colspan wider than the table) are dropped. It returns
// the caption's text and the table, nil when no row holds any text.
func (w *walker) buildTable(n *html.Node, index int) (string, *parser.Table, error) {
	s := &w.tab
	defer s.reset()
	caption := ""
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Caption:
			if caption == "" {
				caption, _ = w.collectLines(c)
			}
		case atom.Thead, atom.Tbody, atom.Tfoot:
			g := rowGroup{section: c.DataAtom, lo: len(s.trs)}
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == html.ElementNode && r.DataAtom == atom.Tr {
					s.trs = append(s.trs, r)
				}
			}
			g.hi = len(s.trs)
			if c.DataAtom == atom.Tfoot {
				s.foot = append(s.foot, g) // a footer shows below the body, wherever it is written
			} else {
				s.groups = append(s.groups, g)
			}
		case atom.Tr:
			s.trs = append(s.trs, c)
			s.groups = append(s.groups, rowGroup{section: atom.Tbody, lo: len(s.trs) - 1, hi: len(s.trs)})
		}
	}
	s.groups = append(s.groups, s.foot...)

	elements := 0
	for _, g := range s.groups {
		end := len(s.rows) + g.hi - g.lo
		for _, tr := range s.trs[g.lo:g.hi] {
			i := len(s.rows)
			row := htmlRow{section: g.section, allTH: true, lo: len(s.cells)}
			col := 0
			for c := tr.FirstChild; c != nil; c = c.NextSibling {
				if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
					continue
				}
				elements++
				for col < len(s.busy) && s.busy[col] >= i {
					col++
				}
				cs := spanAttr(c, "colspan", 1)
				if cs > maxColSpan {
					cs = maxColSpan
				}
				rs := spanAttr(c, "rowspan", 1)
				if rs == 0 || i+rs > end {
					rs = end - i
				}
				cell := htmlCell{row: i, col: col, colSpan: cs, rowSpan: rs, th: c.DataAtom == atom.Th && !rowHeader(c)}
				cell.text, cell.lines = w.collectLines(c)
				if !cell.th {
					row.allTH = false
				}
				for k := col; k < col+cs; k++ {
					for len(s.busy) <= k {
						s.busy = append(s.busy, -1)
					}
					s.busy[k] = i + rs - 1
				}
				col += cs
				s.cells = append(s.cells, cell)
			}
			row.hi = len(s.cells)
			if row.hi == row.lo {
				row.allTH = false
			}
			s.rows = append(s.rows, row)
		}
	}
	rows, cells := s.rows, s.cells

	// Keep the columns where some cell starts.
	s.origin = append(s.origin[:0], make([]bool, len(s.busy))...)
	for _, c := range cells {
		s.origin[c.col] = true
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

	// One allocation for the whole grid; each row a slice of it.
	flat := make([]parser.Cell, len(rows)*width)
	for k := range flat {
		flat[k] = parser.Cell{ColSpan: 1, RowSpan: 1}
	}
	gridRow := func(y int) []parser.Cell { return flat[y*width : (y+1)*width : (y+1)*width] }
	for _, c := range cells {
		x0, x1 := s.newCol[c.col], s.newCol[c.col+c.colSpan]
		for y := c.row; y < c.row+c.rowSpan; y++ {
			g := gridRow(y)
			for x := x0; x < x1; x++ {
				g[x] = parser.Cell{Covered: true}
			}
		}
		gridRow(c.row)[x0] = parser.Cell{Text: c.text, Lines: c.lines, ColSpan: x1 - x0, RowSpan: c.rowSpan}
	}

	s.header = markHeaders(s.header[:0], rows, gridRow)
	kept := 0
	for i := range rows {
		if !blankRow(gridRow(i)) {
			kept++
		}
	}
	if kept == 0 {
		return caption, nil, nil
	}
	t := &parser.Table{Index: index, Method: "html", Rows: make([]parser.Row, 0, kept)}
	var head []parser.Cell
	for i := range rows {
		g := gridRow(i)
		if blankRow(g) {
			continue // a spacer row: no text, and no span starts or passes here
		}
		h := s.header[i]
		switch {
		case h && head == nil:
			head = g
		case !h && head != nil && sameTexts(g, head):
			h = true // the header row repeated
		}
		t.Rows = append(t.Rows, parser.Row{Header: h, Cells: g})
	}
	return caption, t, nil
}

// markHeaders reports the header rows: the rows of thead; else the leading
// rows of th cells, or a first row of td cells that reads like column
// headings; and later rows of th cells with two or more texts (a header
// repeated). A row of th with one text is a group heading ("Asia"), not a
// header.
func markHeaders(h []bool, rows []htmlRow, grid func(int) []parser.Cell) []bool {
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
		texts := nonEmpty(grid(i))
		if texts == 0 {
			continue
		}
		switch {
		case r.allTH && texts >= 2:
			h[i] = true
		case leading && first && !hasHead && looksLikeHeader(grid(i)):
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
func looksLikeHeader(cells []parser.Cell) bool {
	texts, words := 0, 0
	for _, c := range cells {
		if c.Covered || c.Text == "" {
			continue
		}
		texts++
		if utf8.RuneCountInString(c.Text) > 40 || hasDigits(c.Text, 3) {
			return false
		}
		lower := strings.ToLower(c.Text)
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

func nonEmpty(cells []parser.Cell) int {
	n := 0
	for _, c := range cells {
		if !c.Covered && c.Text != "" {
			n++
		}
	}
	return n
}

func blankRow(cells []parser.Cell) bool {
	for _, c := range cells {
		if c.Covered || c.Text != "" || c.RowSpan > 1 {
			return false
		}
	}
	return true
}

// sameTexts reports whether two rows of one grid read the same.
func sameTexts(a, b []parser.Cell) bool {
	for k := range a {
		if a[k].Text != b[k].Text {
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
		if a.Key != key {
			continue
		}
		v := strings.TrimSpace(a.Val)
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
	return def
}
