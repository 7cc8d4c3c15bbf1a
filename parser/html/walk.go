package html

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/agreements/agreements/internal/lazyre"
	"github.com/agreements/agreements/parser"
)

// walker turns a parse tree into blocks, in document order. It walks the
// tree without recursion (following FirstChild, NextSibling and Parent), so
// the depth of the tree costs no stack.
type walker struct {
	grids  gridColumns // classes the page's style sheets lay out as grids of columns (divtable.go)
	blocks []parser.Block
	text   textBuf   // inline text of the block being read
	cell   textBuf   // text of the cell being read
	roles  []roleCtx // the enclosing heading, item and caption elements
	nested map[*html.Node]bool
	inMain int // depth of main and article elements around the walk
	site   site
	lists  int // depth of ul, ol and menu elements around the walk
	tables int
	err    error

	// Slabs the lines and the captions' line lists are cut from, so that
	// a document's thousands of lines take a few allocations.
	lineSlab []parser.Line
	strSlab  []string

	// The texts of the tables' cells, and the tables' cells, held packed
	// (see Held).
	texts  *textArena
	packed map[*parser.Table]*packedTable

	// The table being read, and scratch space for tables, reused from one
	// table to the next.
	tab tableScratch

	// The scanner segments of rows are read with, and a buffer for the
	// keys of its attributes.
	scan scanner
	key  []byte

	// The builder of the trees of plain segments, and how many it built.
	plain      plainBuilder
	plainParts int

	// When a segment ends between the rows of a table: the table, open
	// at the end of the segment's tree; pending once it is collected, and
	// stopped, so that the walk ends there (the next segment holds the
	// rest of the table and what follows it). When it ends between blocks
	// inside containers: the containers, open at the end of the tree
	// (outermost first); the walk stops on reaching the innermost again,
	// rather than leave them.
	openTable   *html.Node
	open        []*html.Node
	pending     bool
	stopped     bool
	skippedOpen bool
	tokenParts  int // segments read from their tokens (see readRows)
}

// roleCtx is an element that gives the lines inside it a role.
type roleCtx struct {
	node   *html.Node
	role   parser.Role
	level  int
	bullet string
}

func newWalker(s site) *walker {
	return &walker{nested: map[*html.Node]bool{}, site: s, texts: &textArena{}, packed: map[*parser.Table]*packedTable{}}
}

// walkSegment reads the body of one segment of a document: the body
// element is entered in the first segment and left in the last, so that
// the text read at the end of a segment runs on into the next, as it does
// in the document's own tree.
func (w *walker) walkSegment(body *html.Node, first, last bool) {
	w.markNested(body)
	if first && !w.enter(body) {
		w.flush()
		return
	}
	for c := body.FirstChild; c != nil && !w.stopped; c = c.NextSibling {
		w.walkTree(c)
	}
	w.end(body, last)
}

// end ends the walk of a segment: the body is left in the last.
func (w *walker) end(body *html.Node, last bool) {
	if last && !w.stopped {
		w.leave(body)
		w.flush()
	}
}

// continueSegment reads a segment that starts inside elements left open
// by the cut before it: its tree holds them again (from depth start tags,
// or, after a cut between the rows of a table, down to the table), made
// by the start tags the segment is parsed behind; they were entered in the
// segment before. The walk goes on inside the innermost and then leaves
// them, as the walk of the document's own tree would. A table's rows are
// added to the table, and once it ends in the segment, it is laid out.
// It reports false when the segment's tree is not the continuation the
// cut promised.
func (w *walker) continueSegment(body *html.Node, prev cut, last bool) bool {
	w.markNested(body)
	if !prev.row {
		n := body
		for _, a := range prev.path {
			if n = n.FirstChild; n == nil || n.Type != html.ElementNode || n.DataAtom != a {
				return false
			}
		}
		if n.FirstChild == nil {
			if !w.climb(n) {
				w.walkOn(n, body)
			}
		} else {
			w.walkTree(n.FirstChild)
			if !w.stopped {
				w.walkOn(n.FirstChild, body)
			}
		}
		w.end(body, last)
		return true
	}
	// The table is the innermost on the path of first children, which
	// holds the elements reopened in order (and the row groups and rows
	// the tree builder adds around a table's cells).
	var t *html.Node
	k := 0
	for n := body.FirstChild; n != nil && n.Type == html.ElementNode; n = n.FirstChild {
		if k < len(prev.path) && n.DataAtom == prev.path[k] {
			k++
			if n.DataAtom == atom.Table {
				t = n
			}
		} else if k == len(prev.path) || !implied(n.DataAtom) {
			break
		}
	}
	if t == nil || k != len(prev.path) || !w.pending || !w.collect(t, true) {
		return false
	}
	if t == w.openTable {
		w.stopped = true // cut between its rows again
		return true
	}
	w.finishTable()
	w.walkOn(t, body)
	w.end(body, last)
	return true
}

// implied reports the elements the tree builder adds around a table's
// cells.
func implied(a atom.Atom) bool {
	return a == atom.Tbody || a == atom.Tr
}

// walkOn reads what follows n in the tree, up to body: its next siblings,
// then, leaving each ancestor, the ancestors' next siblings.
func (w *walker) walkOn(n, body *html.Node) {
	for {
		for c := n.NextSibling; c != nil; c = c.NextSibling {
			w.walkTree(c)
			if w.stopped {
				return
			}
		}
		n = n.Parent
		if n == body || n == nil {
			return
		}
		if w.climb(n) {
			return
		}
	}
}

// climb is called on reaching n after its children: it leaves n, or, when
// n is one of the elements open at the end of the segment, stops the walk
// and reports true.
func (w *walker) climb(n *html.Node) bool {
	for k, o := range w.open {
		if o == n {
			// Reaching an outer one first, the walk skipped the inner
			// ones: what they hold beyond the cut would decide whether
			// to (a sidebar that holds a table is read).
			w.stopped, w.skippedOpen = true, k < len(w.open)-1
			return true
		}
	}
	w.leave(n)
	return false
}

// walkTree reads the subtree under root.
func (w *walker) walkTree(root *html.Node) {
	n := root
	for {
		entered := w.enter(n)
		if w.stopped {
			return
		}
		if entered {
			if n.FirstChild != nil {
				n = n.FirstChild
				continue
			}
			w.leave(n)
		}
		for {
			if n == root {
				return
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
			if w.climb(n) || n == root {
				return
			}
		}
	}
}

// markNested marks the tables that contain other tables. Such a table lays
// out the page rather than holding data: its cells are read as flow, and
// the tables inside it as tables.
func (w *walker) markNested(root *html.Node) {
	forEach(root, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			for p := n.Parent; p != nil && p != root.Parent; p = p.Parent {
				if p.Type == html.ElementNode && p.DataAtom == atom.Table {
					if w.nested[p] {
						break
					}
					w.nested[p] = true
				}
			}
		}
		return true
	})
}

// enter is called on reaching n; it reports whether to read n's children.
func (w *walker) enter(n *html.Node) bool {
	switch n.Type {
	case html.DocumentNode:
		return true
	case html.TextNode:
		w.text.writeText(n.Data)
		return false
	case html.ElementNode:
	default:
		return false
	}
	if chrome(n) || navigation(n) || (w.inMain == 0 && furniture(n)) {
		return false
	}
	if mainContent(n) {
		w.inMain++
	}
	switch n.DataAtom {
	case atom.Head, atom.Title, atom.Img, atom.Input, atom.Textarea, atom.Area, atom.Map:
		return false
	case atom.Br:
		w.text.lineBreak()
		return false
	case atom.Table:
		w.flush()
		if w.nested[n] || layoutTable(n) {
			return true
		}
		w.table(n)
		return false
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		w.flush()
		w.roles = append(w.roles, roleCtx{node: n, role: parser.RoleHeading, level: int(n.Data[1] - '0')})
		return true
	case atom.Caption, atom.Dt:
		w.flush()
		w.roles = append(w.roles, roleCtx{node: n, role: parser.RoleHeading})
		return true
	case atom.Ul, atom.Ol, atom.Menu:
		if w.lists == 0 && (w.outsideMain() || w.site.linkList(n)) {
			return false
		}
		w.flush()
		w.lists++
		return true
	case atom.Li:
		w.flush()
		if hasNestedList(n) {
			// A group label: its own text heads the entries of the list
			// inside it.
			w.roles = append(w.roles, roleCtx{node: n, role: parser.RoleHeading, level: w.lists})
			return true
		}
		bullet := ""
		if p := n.Parent; p != nil && (p.DataAtom == atom.Ul || p.DataAtom == atom.Menu) {
			bullet = "•"
		}
		w.roles = append(w.roles, roleCtx{node: n, role: parser.RoleItem, bullet: bullet})
		return true
	case atom.Dd:
		w.flush()
		w.roles = append(w.roles, roleCtx{node: n, role: parser.RoleItem})
		return true
	}
	if blockElement(n.DataAtom) {
		w.flush()
	}
	return true
}

// leave is called after n's children have been read.
func (w *walker) leave(n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	if mainContent(n) {
		w.inMain--
	}
	switch n.DataAtom {
	case atom.Ul, atom.Ol, atom.Menu:
		w.lists--
	}
	if blockElement(n.DataAtom) || n.DataAtom == atom.Table {
		w.flush()
	}
	if k := len(w.roles); k > 0 && w.roles[k-1].node == n {
		w.flush()
		w.roles = w.roles[:k-1]
	}
}

// hasNestedList reports a list item that holds a list.
func hasNestedList(li *html.Node) bool {
	found := false
	forEach(li, func(n *html.Node) bool {
		if n != li && n.Type == html.ElementNode && (n.DataAtom == atom.Ul || n.DataAtom == atom.Ol) {
			found = true
		}
		return !found && n.DataAtom != atom.Table
	})
	return found
}

// layoutTable reports a table that lays out the page rather than holding
// data: one marked role="presentation" or "none", or one with a single
// cell. It is read as flow.
func layoutTable(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "role" && (strings.EqualFold(a.Val, "presentation") || strings.EqualFold(a.Val, "none")) {
			return true
		}
	}
	cells := 0
	forEach(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
			cells++
		}
		return cells < 2
	})
	return cells == 1
}

// flush turns the inline text read so far into lines. Inside a heading or
// an item the text is one line whatever its breaks; elsewhere each <br>
// starts a new line.
func (w *walker) flush() {
	if w.text.empty() {
		return
	}
	if w.text.split() == 0 {
		return
	}
	ctx := roleCtx{role: parser.RoleText}
	if k := len(w.roles); k > 0 {
		ctx = w.roles[k-1]
	}
	s := string(w.text.out)
	if ctx.role != parser.RoleText {
		w.addLine(parser.Line{Text: s, Role: ctx.role, Level: ctx.level, Bullet: ctx.bullet})
		return
	}
	start := 0
	for _, end := range w.text.ends {
		w.addLine(parser.Line{Text: s[start:end], Role: ctx.role, Level: ctx.level, Bullet: ctx.bullet})
		start = end + 1
	}
}

// addLine adds a line block, its Line cut from the slab.
func (w *walker) addLine(l parser.Line) {
	if len(w.lineSlab) == cap(w.lineSlab) {
		// Slabs grow with the document, up to 240 lines (a 32 KiB size
		// class), so a small page does not pay for a large one.
		w.lineSlab = make([]parser.Line, 0, min(max(2*cap(w.lineSlab), 16), 240))
	}
	w.lineSlab = append(w.lineSlab, l)
	w.addBlock(parser.Block{Line: &w.lineSlab[len(w.lineSlab)-1]})
}

// addBlock adds a block. The blocks' slice grows by doubling: a large
// document's blocks are not copied into many slices on the way.
func (w *walker) addBlock(b parser.Block) {
	if len(w.blocks) == cap(w.blocks) {
		w.blocks = append(make([]parser.Block, 0, max(2*cap(w.blocks), 16)), w.blocks...)
	}
	w.blocks = append(w.blocks, b)
}

// stringSlots returns an empty slice with room for n strings, cut from the
// slab.
func (w *walker) stringSlots(n int) []string {
	if cap(w.strSlab)-len(w.strSlab) < n {
		w.strSlab = make([]string, 0, max(n, min(max(2*cap(w.strSlab), 64), 1024)))
	}
	k := len(w.strSlab)
	w.strSlab = w.strSlab[:k+n]
	return w.strSlab[k : k : k+n]
}

// collectLines reads the text under n as lines: <br> and block boundaries
// break lines, white space is folded, link suffixes are removed. It returns
// the lines joined by a space, and the lines.
func (w *walker) collectLines(n *html.Node) (string, []string) {
	w.readLines(n)
	return w.takeLines(&w.cell)
}

// collectCell is collectLines for a table cell: its text goes to the
// document's text arena.
func (w *walker) collectCell(n *html.Node) cellText {
	w.readLines(n)
	return w.takeCell(&w.cell)
}

// takeCell turns the text read into t into a cell's lines, written to the
// document's text arena. An arena with no room left for them is an error
// of the page (more text than any page Parse reads holds).
func (w *walker) takeCell(t *textBuf) cellText {
	c, ok := w.texts.add(t)
	if !ok && w.err == nil {
		w.err = fmt.Errorf("%w: more text in its tables' cells than the reader holds (%d chunks of %d KiB)", parser.ErrTooLarge, maxChunks, textChunk>>10)
	}
	return c
}

// readLines reads the text under n into w.cell, lines broken as
// collectLines says.
func (w *walker) readLines(n *html.Node) {
	t := &w.cell
	root := n
	for {
		descend := false
		switch n.Type {
		case html.TextNode:
			t.writeText(n.Data)
		case html.ElementNode:
			switch {
			case n.DataAtom == atom.Br:
				t.lineBreak()
			case skipInText(n.DataAtom):
			default:
				if n != root && (blockElement(n.DataAtom) || n.DataAtom == atom.Table) {
					t.lineBreak()
				}
				descend = true
			}
		case html.DocumentNode:
			descend = true
		}
		if descend && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for {
			if n == root {
				return
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
			if n != root && n.Type == html.ElementNode && (blockElement(n.DataAtom) || n.DataAtom == atom.Table) {
				t.lineBreak()
			}
		}
	}
}

// takeLines turns the text read into t into lines, and returns them
// joined by a space, and the lines.
func (w *walker) takeLines(t *textBuf) (string, []string) {
	k := t.split()
	if k == 0 {
		return "", nil
	}
	s := string(t.out)
	return s, t.lines(w.stringSlots(k), s)
}

// forEach calls f on every node under root in document order; f reports
// whether to visit the node's children.
func forEach(root *html.Node, f func(*html.Node) bool) {
	n := root
	for {
		if f(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for {
			if n == root {
				return
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
		}
	}
}

func skipInText(a atom.Atom) bool {
	switch a {
	case atom.Head, atom.Title, atom.Img, atom.Input, atom.Textarea, atom.Area, atom.Map,
		atom.Script, atom.Style, atom.Noscript, atom.Template:
		return true
	}
	return false
}

// blockElement reports elements that start and end a line of text.
func blockElement(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Center, atom.Details,
		atom.Dialog, atom.Dd, atom.Div, atom.Dl, atom.Dt, atom.Fieldset, atom.Figcaption, atom.Figure,
		atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Header,
		atom.Hgroup, atom.Hr, atom.Li, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Pre,
		atom.Section, atom.Summary, atom.Ul, atom.Caption, atom.Thead, atom.Tbody, atom.Tfoot,
		atom.Tr, atom.Td, atom.Th, atom.Legend, atom.Html, atom.Option:
		return true
	}
	return false
}

// linkSuffixRe matches the notes sites add after links, from their opening
// bracket: "(外部サイト)", "(新しいウィンドウで開きます)", "(PDF: 120KB)",
// "[external link]".
var linkSuffixRe = lazyre.New(`(?i)^[(（\[［]\s*(?:外部サイト(?:へ(?:の)?リンク)?|外部リンク|(?:新しい|別)(?:ウィンドウ|ウインドウ|タブ)(?:で開きます|で開く|が開きます)?|pdf(?:\s*[:：,、/]?\s*[0-9.,]+\s*[kmg]?i?b)?|external\s+(?:site|link)|opens?\s+in\s+(?:a\s+)?new\s+(?:window|tab)|new\s+window)\s*[)）\]］]`)
