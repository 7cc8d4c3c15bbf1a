package html

import (
	"bytes"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/agreements/agreements/internal/lazyre"
)

// Tables laid out without table elements: a page may build its list's
// table of div (or span, li) elements, told as a table by their ARIA roles
// (role="table", "row", "cell", "columnheader"), by a CSS grid of a set
// number of columns (grid-template-columns in the page's style sheet or
// the element's style, or a utility class such as grid-cols-3), or by
// class names that say rows and cells (class="tr" / "td", "table-row" /
// "table-cell"). Such elements are read as the table elements they stand
// for (asTables), and the table is read as any other.

// gridColumns holds, by class name, the number of columns the page's
// style sheets give the elements of that class (display: grid with
// grid-template-columns).
type gridColumns map[string]int

var (
	// cssRuleRe matches a rule of a style sheet: its selectors and body.
	cssRuleRe = lazyre.New(`([^{}]+)\{([^{}]*)\}`)
	// gridTemplateRe matches a grid-template-columns declaration's value.
	gridTemplateRe = lazyre.New(`grid-template-columns\s*:\s*([^;]+)`)
	// repeatRe matches repeat(N, ...) in a track list, repeatAllRe the
	// whole of it.
	repeatRe    = lazyre.New(`repeat\(\s*(\d+)\s*,`)
	repeatAllRe = lazyre.New(`repeat\([^()]*(?:\([^()]*\)[^()]*)*\)`)
	// parenRe and lineNameRe match a track's function (minmax(…)) and a
	// line's name ([first]).
	parenRe    = lazyre.New(`\([^()]*\)`)
	lineNameRe = lazyre.New(`\[[^\]]*\]`)
	// utilityColsRe matches a utility class naming a grid's columns.
	utilityColsRe = lazyre.New(`^(?:[a-z]+:)?grid-cols-(\d+)$`)
)

// readSheet adds to g the classes whose rules in a style sheet lay their
// elements out in a grid of columns.
func (g gridColumns) readSheet(css string) {
	if !strings.Contains(css, "grid-template-columns") {
		return
	}
	for _, m := range cssRuleRe.FindAllStringSubmatch(css, -1) {
		k := trackCount(m[2])
		if k < 2 {
			continue
		}
		for _, sel := range strings.Split(m[1], ",") {
			sel = strings.TrimSpace(sel)
			// The last simple selector's class: ".list .grid" → grid.
			if i := strings.LastIndexAny(sel, " >+~"); i >= 0 {
				sel = sel[i+1:]
			}
			if i := strings.LastIndexByte(sel, '.'); i >= 0 {
				g[strings.TrimSpace(sel[i+1:])] = k
			}
		}
	}
}

// gridStylesIn returns the grid classes of the style elements of a page,
// read once from its bytes before it is parsed: the segmenter, which cuts
// the page before its trees are built, and the walk of each piece's tree
// share them.
func gridStylesIn(b []byte) gridColumns {
	g := gridColumns{}
	if !bytes.Contains(b, []byte("grid-template-columns")) {
		return g
	}
	for rest := b; ; {
		i := indexFold(rest, "<style")
		if i < 0 {
			return g
		}
		rest = rest[i:]
		j := indexFold(rest, "</style")
		if j < 0 {
			return g
		}
		g.readSheet(string(rest[:j]))
		rest = rest[j:]
	}
}

// indexFold is the index in b of sub, "<" and an ASCII lower-case name,
// in any case; -1 when it is not there.
func indexFold(b []byte, sub string) int {
	for i := 0; ; {
		k := bytes.IndexByte(b[i:], '<')
		if k < 0 {
			return -1
		}
		i += k
		if i+len(sub) <= len(b) && bytes.EqualFold(b[i:i+len(sub)], []byte(sub)) {
			return i
		}
		i++
	}
}

var (
	tagRoleRe  = lazyre.New(`(?i)\srole\s*=\s*["']?([a-z]+)`)
	tagClassRe = lazyre.New(`(?i)\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`)
	tagStyleRe = lazyre.New(`(?i)\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')`)
)

// tableTag reads a start tag as asTables would read its element: table
// says it may be a table laid out without table elements (its role, its
// grid's columns), row that it may be such a table's row (its role or its
// class), whose parent holds the table.
func (g gridColumns) tableTag(tag []byte) (table, row bool) {
	if !bytes.Contains(tag, []byte("role")) && !bytes.Contains(tag, []byte("grid")) && len(g) == 0 &&
		!bytes.Contains(tag, []byte("tr")) && !bytes.Contains(tag, []byte("table")) && !bytes.Contains(tag, []byte("row-item")) {
		return false, false // (most tags: nothing a table without table elements is told by)
	}
	if m := tagRoleRe.FindSubmatch(tag); m != nil {
		switch strings.ToLower(string(m[1])) {
		case "table", "grid", "treegrid":
			return true, false
		case "row":
			return false, true
		}
	}
	if m := tagStyleRe.FindSubmatch(tag); m != nil && trackCount(string(m[1])+string(m[2])) >= 2 {
		return true, false
	}
	if m := tagClassRe.FindSubmatch(tag); m != nil {
		for _, c := range strings.Fields(string(m[1]) + string(m[2]) + string(m[3])) {
			if g[c] >= 2 || utilityColsRe.MatchString(c) {
				return true, false
			}
			switch strings.ToLower(c) {
			case "tr", "table-row", "tablerow", "table__row", "row-item":
				return false, true
			}
		}
	}
	return false, false
}

// trackCount returns the number of columns a declaration block's
// grid-template-columns gives, 0 when it gives none or says it by sizes
// it cannot count (auto-fill).
func trackCount(decls string) int {
	m := gridTemplateRe.FindStringSubmatch(decls)
	if m == nil {
		return 0
	}
	v := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(m[1]), "!important"))
	if strings.Contains(v, "auto-fill") || strings.Contains(v, "auto-fit") {
		return 0
	}
	n := 0
	for _, r := range repeatRe.FindAllStringSubmatch(v, -1) {
		k, _ := strconv.Atoi(r[1])
		n += k
	}
	v = repeatAllRe.ReplaceAllString(v, "")
	v = parenRe.ReplaceAllString(v, "()") // minmax(…), fit-content(…)
	v = lineNameRe.ReplaceAllString(v, "")
	return n + len(strings.Fields(v))
}

// attr returns n's attribute key, "" when it has none.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// gridOf returns how many columns n lays its children out in as a grid:
// by its style, its classes' rules (g) or a utility class; 0 when none.
func (g gridColumns) gridOf(n *html.Node) int {
	if st := attr(n, "style"); strings.Contains(st, "grid-template-columns") {
		if k := trackCount(st); k >= 2 {
			return k
		}
	}
	class := attr(n, "class")
	if len(g) == 0 && !strings.Contains(class, "grid-cols-") {
		return 0 // (most elements: no class the page lays out as a grid)
	}
	for _, c := range strings.Fields(class) {
		if k := g[c]; k >= 2 {
			return k
		}
		if m := utilityColsRe.FindStringSubmatch(c); m != nil {
			if k, _ := strconv.Atoi(m[1]); k >= 2 {
				return k
			}
		}
	}
	return 0
}

// elementChildren returns n's element children.
func elementChildren(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			out = append(out, c)
		}
	}
	return out
}

// layoutElement reports whether a is an element a page builds a table
// of when it uses no table elements.
func layoutElement(a atom.Atom) bool {
	switch a {
	case atom.Div, atom.Span, atom.Li, atom.Ul, atom.Ol, atom.Section, atom.Article, atom.P, atom.Dl, atom.Dd, atom.Dt:
		return true
	}
	return false
}

// becomes makes n the table element a stands for, its attributes kept.
func becomes(n *html.Node, a atom.Atom) {
	n.DataAtom, n.Data = a, a.String()
}

// role returns n's ARIA role, lower case.
func role(n *html.Node) string { return strings.ToLower(strings.TrimSpace(attr(n, "role"))) }

// hasClass reports whether n has one of the class names.
func hasClass(n *html.Node, names ...string) bool {
	for _, c := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		for _, x := range names {
			if c == x {
				return true
			}
		}
	}
	return false
}

// asTables reads the tables under root that the page lays out without
// table elements as table elements: it changes the elements (and, for a
// grid of cells, wraps each row's cells in a row element). Elements inside
// a table element are left as they are.
func (g gridColumns) asTables(root *html.Node) {
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Table || rawTextElement(c.DataAtom) {
				continue
			}
			if layoutElement(c.DataAtom) && (g.roleTable(c) || g.gridTable(c) || classTable(c)) {
				continue
			}
			visit(c)
		}
	}
	visit(root)
}

// roleTable makes a table of n and its rows and cells when their roles
// say so (role="table" or "grid", rows in it or in row groups, cells in
// the rows): at least two rows, one of two cells or more.
func (g gridColumns) roleTable(n *html.Node) bool {
	if r := role(n); r != "table" && r != "grid" && r != "treegrid" {
		return false
	}
	var rows []*html.Node
	for _, c := range elementChildren(n) {
		switch role(c) {
		case "row":
			rows = append(rows, c)
		case "rowgroup":
			for _, r := range elementChildren(c) {
				if role(r) == "row" {
					rows = append(rows, r)
				}
			}
		}
	}
	if len(rows) < 2 || !wideRow(rows, func(c *html.Node) bool { return cellRole(role(c)) != 0 }) {
		return false
	}
	becomes(n, atom.Table)
	for _, c := range elementChildren(n) {
		if role(c) == "rowgroup" && layoutElement(c.DataAtom) {
			becomes(c, atom.Tbody)
		}
	}
	for _, r := range rows {
		if !layoutElement(r.DataAtom) {
			continue
		}
		becomes(r, atom.Tr)
		for _, c := range elementChildren(r) {
			if a := cellRole(role(c)); a != 0 && layoutElement(c.DataAtom) {
				becomes(c, a)
			}
		}
	}
	return true
}

// plainCell reports whether n holds what a cell of a list's table holds:
// text, links and inline markup, no heading, image, form, list or table
// (a grid of news cards, each a heading, a picture and a paragraph, is
// none).
func plainCell(n *html.Node) bool {
	plain := true
	forEach(n, func(c *html.Node) bool {
		if c.Type != html.ElementNode || c == n {
			return plain
		}
		switch c.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Img, atom.Picture, atom.Figure, atom.Video, atom.Svg,
			atom.Form, atom.Input, atom.Button, atom.Select, atom.Textarea, atom.Table, atom.Ul, atom.Ol, atom.Dl:
			plain = false
		}
		return plain
	})
	return plain
}

// cellRole is the cell element an ARIA role stands for, 0 for none.
func cellRole(r string) atom.Atom {
	switch r {
	case "cell", "gridcell":
		return atom.Td
	case "columnheader", "rowheader":
		return atom.Th
	}
	return 0
}

// wideRow reports whether one of rows has two cells or more (cell tells a
// cell).
func wideRow(rows []*html.Node, cell func(*html.Node) bool) bool {
	for _, r := range rows {
		n := 0
		for _, c := range elementChildren(r) {
			if cell(c) {
				n++
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// gridTable makes a table of n when its style lays its children out in a
// grid of k columns, two or more, and it has two rows of them at least:
// each k children a row (a child that is itself a row of k cells, a
// grid of rows, is one), a child whose class or role says header (or a th-
// like heading) a header cell.
func (g gridColumns) gridTable(n *html.Node) bool {
	k := g.gridOf(n)
	if k < 2 {
		return false
	}
	cells := elementChildren(n)
	if len(cells) < 2*k {
		return false
	}
	for _, c := range cells {
		if !layoutElement(c.DataAtom) && c.DataAtom != atom.A && c.DataAtom != atom.Strong && c.DataAtom != atom.B && c.DataAtom != atom.Em || !plainCell(c) {
			return false // (a grid of cards, images or forms is no list)
		}
	}
	becomes(n, atom.Table)
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		n.RemoveChild(c)
		c = next
	}
	for i := 0; i < len(cells); i += k {
		tr := &html.Node{Type: html.ElementNode, DataAtom: atom.Tr, Data: "tr"}
		for _, c := range cells[i:min(i+k, len(cells))] {
			cell := c
			if !layoutElement(c.DataAtom) {
				cell = &html.Node{Type: html.ElementNode, DataAtom: atom.Td, Data: "td"}
				cell.AppendChild(c)
			} else if hasClass(c, "th", "head", "header", "heading") || cellRole(role(c)) == atom.Th {
				becomes(c, atom.Th)
			} else {
				becomes(c, atom.Td)
			}
			tr.AppendChild(cell)
		}
		n.AppendChild(tr)
	}
	return true
}

// classTable makes a table of n when the classes of its children say rows
// and theirs cells (tr / td, th; table-row / table-cell; row / cell):
// two rows at least, one of two cells or more, every child of n a row or
// a header row.
func classTable(n *html.Node) bool {
	rowClass := func(r *html.Node) bool { return hasClass(r, "tr", "table-row", "tablerow", "table__row", "row-item") }
	first := n.FirstChild
	for first != nil && first.Type != html.ElementNode {
		first = first.NextSibling
	}
	if first == nil || !rowClass(first) {
		return false // (most elements: their first child is no row)
	}
	rows := elementChildren(n)
	if len(rows) < 2 {
		return false
	}
	cellClass := func(c *html.Node) bool {
		return hasClass(c, "td", "th", "table-cell", "tablecell", "table__cell", "cell")
	}
	for _, r := range rows {
		if !layoutElement(r.DataAtom) || !rowClass(r) || !plainCell(r) {
			return false
		}
	}
	if !wideRow(rows, cellClass) {
		return false
	}
	becomes(n, atom.Table)
	for _, r := range rows {
		becomes(r, atom.Tr)
		for _, c := range elementChildren(r) {
			if !cellClass(c) || !layoutElement(c.DataAtom) {
				continue
			}
			if hasClass(c, "th") {
				becomes(c, atom.Th)
			} else {
				becomes(c, atom.Td)
			}
		}
	}
	return true
}
