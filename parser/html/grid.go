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
	lines            []string
	th               bool
}

// htmlRow is one tr.
type htmlRow struct {
	section atom.Atom // thead, tbody or tfoot
	cells   []*htmlCell
	allTH   bool // every cell element of the row is a th
}

// table reads a data table (one without tables inside) and adds it, after
// its caption, to the blocks.
func (w *walker) table(n *html.Node) {
	caption, t, err := buildTable(n, w.tables)
	if err != nil {
		if w.err == nil {
			w.err = err
		}
		return
	}
	if len(caption) > 0 {
		w.blocks = append(w.blocks, parser.Block{Line: &parser.Line{Text: strings.Join(caption, " "), Role: parser.RoleHeading}})
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
// the caption's lines and the table, nil when no row holds any text.
func buildTable(n *html.Node, index int) ([]string, *parser.Table, error) {
	var caption []string
	type group struct {
		section atom.Atom
		rows    []*html.Node
	}
	var groups, foot []group
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Caption:
			if caption == nil {
				caption = collectLines(c)
			}
		case atom.Thead, atom.Tbody, atom.Tfoot:
			g := group{section: c.DataAtom}
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == html.ElementNode && r.DataAtom == atom.Tr {
					g.rows = append(g.rows, r)
				}
			}
			if c.DataAtom == atom.Tfoot {
				foot = append(foot, g) // a footer shows below the body, wherever it is written
			} else {
				groups = append(groups, g)
			}
		case atom.Tr:
			groups = append(groups, group{section: atom.Tbody, rows: []*html.Node{c}})
		}
	}
	groups = append(groups, foot...)

	var rows []htmlRow
	var busy []int // per column: the last row a span placed above covers
	elements := 0
	for _, g := range groups {
		end := len(rows) + len(g.rows)
		for _, tr := range g.rows {
			i := len(rows)
			row := htmlRow{section: g.section, allTH: true}
			col := 0
			for c := tr.FirstChild; c != nil; c = c.NextSibling {
				if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
					continue
				}
				elements++
				for col < len(busy) && busy[col] >= i {
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
				cell := &htmlCell{row: i, col: col, colSpan: cs, rowSpan: rs, lines: collectLines(c), th: c.DataAtom == atom.Th}
				if !cell.th {
					row.allTH = false
				}
				for k := col; k < col+cs; k++ {
					for len(busy) <= k {
						busy = append(busy, -1)
					}
					busy[k] = i + rs - 1
				}
				col += cs
				row.cells = append(row.cells, cell)
			}
			if len(row.cells) == 0 {
				row.allTH = false
			}
			rows = append(rows, row)
		}
	}

	// Keep the columns where some cell starts.
	origin := make([]bool, len(busy))
	for _, r := range rows {
		for _, c := range r.cells {
			origin[c.col] = true
		}
	}
	newCol := make([]int, len(busy)+1)
	width := 0
	for k, o := range origin {
		newCol[k] = width
		if o {
			width++
		}
	}
	newCol[len(busy)] = width
	if width == 0 {
		return caption, nil, nil
	}
	if len(rows)*width > 4*elements+gridSlack {
		return nil, nil, fmt.Errorf("%w: table %d: %d rows × %d columns from %d cells", parser.ErrTooLarge, index+1, len(rows), width, elements)
	}

	grid := make([][]parser.Cell, len(rows))
	for i := range grid {
		grid[i] = make([]parser.Cell, width)
		for k := range grid[i] {
			grid[i][k] = parser.Cell{ColSpan: 1, RowSpan: 1}
		}
	}
	for _, r := range rows {
		for _, c := range r.cells {
			x0, x1 := newCol[c.col], newCol[c.col+c.colSpan]
			for y := c.row; y < c.row+c.rowSpan; y++ {
				for x := x0; x < x1; x++ {
					grid[y][x] = parser.Cell{Covered: true}
				}
			}
			grid[c.row][x0] = parser.Cell{Text: strings.Join(c.lines, " "), Lines: c.lines, ColSpan: x1 - x0, RowSpan: c.rowSpan}
		}
	}

	t := &parser.Table{Index: index, Method: "html"}
	header := markHeaders(rows, grid)
	var headText string
	for i, cells := range grid {
		if blankRow(cells) {
			continue // a spacer row: no text, and no span starts or passes here
		}
		h := header[i]
		text := rowText(cells)
		switch {
		case h && headText == "":
			headText = text
		case !h && text == headText:
			h = true // the header row repeated
		}
		t.Rows = append(t.Rows, parser.Row{Header: h, Cells: cells})
	}
	if len(t.Rows) == 0 {
		return caption, nil, nil
	}
	return caption, t, nil
}

// markHeaders reports the header rows: the rows of thead; else the leading
// rows of th cells, or a first row of td cells that reads like column
// headings; and later rows of th cells with two or more texts (a header
// repeated). A row of th with one text is a group heading ("Asia"), not a
// header.
func markHeaders(rows []htmlRow, grid [][]parser.Cell) []bool {
	h := make([]bool, len(rows))
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
		if !rowHasText(grid[i]) {
			continue
		}
		texts := nonEmpty(grid[i])
		switch {
		case r.allTH && texts >= 2:
			h[i] = true
		case leading && first && !hasHead && looksLikeHeader(grid[i]):
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

func rowHasText(cells []parser.Cell) bool { return nonEmpty(cells) > 0 }

func blankRow(cells []parser.Cell) bool {
	for _, c := range cells {
		if c.Covered || c.Text != "" || c.RowSpan > 1 {
			return false
		}
	}
	return true
}

func rowText(cells []parser.Cell) string {
	var b strings.Builder
	for _, c := range cells {
		b.WriteString(c.Text)
		b.WriteByte('\x1f')
	}
	return b.String()
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
