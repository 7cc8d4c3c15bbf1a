package html

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// segmentBytes is the size above which a document is read in segments:
// parts that parse on their own, so that only one part's tree is in memory
// at a time. A tree takes about eight times the bytes of its markup. The
// rows of a long table are then read from their tokens, not built into a
// tree, at twice the speed from 64 KiB up; a page of lists, whose segments
// are trees all the same, gains from 512 KiB (BenchmarkSegmentSize).
const segmentBytes = 512 << 10

// segmentMin is the least size of a segment but the last, once a
// document is read in segments: small enough that the few segments the
// tree builder reads (those the scanner does not) take little memory,
// large enough that the cuts cost nothing beside them. Between the rows of
// a table, a segment needs a sixteenth of that (rowCut): the rows between
// two such cuts are read from their tokens, so the cut costs next to
// nothing, and the segments the tree builder reads on either side of the
// table's first and last cut (its start, its end) stay small.
const segmentMin = 64 << 10

// openElem is an element the segmenter saw open.
type openElem struct {
	a    atom.Atom
	name string // for elements without an atom
}

// openCtx is what the segmenter knows of the elements up to one on its
// stack, kept with each so that no tag needs a scan of the stack: a page of
// a million nested elements is then read in time proportional to its size.
type openCtx struct {
	table  int32 // open tables, this element included
	cell   int32 // open td, th and caption elements, this element included
	inner  atom.Atom
	nested int32 // open form, a, nobr and button elements, this element included
	// The element's start tag: b[tagOff:tagEnd] of the document.
	tagOff, tagEnd int
	// keep: the element is a table laid out without table elements
	// (divtable.go), or holds its rows: no cut inside it.
	keep bool
}

// cut is a place where a document is cut: the end of the segment before
// it, and the start tags the next segment is parsed behind, which reopen
// the elements open at the cut as they were written. A cut is made
// between two blocks with nothing open in the body, or only containers
// (depth of them: see blockReplayable); or between the rows of a table
// (row), which reopens the table's ancestors, the table and its open row
// group.
type cut struct {
	end    int
	replay []byte
	depth  int
	row    bool
	path   []atom.Atom // the elements reopened, outermost first
}

// tableCuts is a table the segmenter saw open, with the cuts found
// between its rows. They are made only once the table has ended and is
// known to be one the walk reads as a data table, whole: no table inside
// it, text only in its cells (the tree builder moves other text before
// the table), no form in it, not marked presentational, two cells or more
// before the first cut, and ancestors whose start tags reopen them as they
// were (see replayable).
type tableCuts struct {
	depth int // its index on the stack
	cells int // cell start tags read in it
	ok    bool
	cuts  []cut
}

// segmenter finds where a document can be cut into segments that parse on
// their own: after the end tag of a block element that leaves nothing open
// in the body, and no state behind that the tree builder would carry over
// (formatting elements to reconstruct, an open form, foreign content,
// templates, select boxes, frames). It follows the tags with a stack,
// applying the end-tag rules of the HTML tree builder only where they are
// plain; on anything it does not follow exactly it stops cutting, so a
// document it cannot follow is parsed whole, as before.
type segmenter struct {
	stack   []openElem
	ctx     []openCtx  // ctx[i] describes stack[:i+1]
	open    openCounts // elements open, by kind
	initial bool       // only white space, comments and a doctype seen so far
	doctype []byte     // the doctype token, when it came first
	dirty   bool       // no cut from here on
	whole   bool       // no cut at all: the body's attributes matter

	src            []byte // the document
	min            int    // the least size of a segment, but the last (a sixteenth between a table's rows)
	last           int    // the end of the last cut made
	tokOff, tokEnd int    // the token being followed: src[tokOff:tokEnd]
	tables         []tableCuts
	tableOK        bool        // the table start tag being followed may be cut between its rows
	ready          []cut       // cuts made, to be sent
	grids          gridColumns // classes the page's style sheets lay out as grids (divtable.go)
}

// cutter finds the cuts of a document in a goroutine of its own, so that
// the document is tokenized for cuts while the segments found so far are
// parsed.
type cutter struct {
	ends   chan cut // the cuts, then len(b); closed after
	stop   chan struct{}
	prefix []byte // set before the first offset is sent
	whole  bool   // set before ends is closed: the cuts sent are void
	done   bool   // set before ends is closed: the document was read to its end
}

// startCuts starts finding the cuts of b, each segment at least min bytes
// but the last. Segments after the first are parsed behind the prefix: the
// document's doctype (so quirks mode is the same) and a start tag of body.
// The caller reads ends to its close, or calls halt.
func startCuts(b []byte, min int, grids gridColumns) *cutter {
	c := &cutter{ends: make(chan cut, 64), stop: make(chan struct{})}
	go c.run(b, min, grids)
	return c
}

// halt stops the cutter and waits for it; whole and done can then be read.
func (c *cutter) halt() {
	close(c.stop)
	for range c.ends {
	}
}

func (c *cutter) run(b []byte, min int, grids gridColumns) {
	defer close(c.ends)
	s := &segmenter{initial: true, src: b, min: min, grids: grids}
	t := &tokens{b: b}
	send := func(ct cut) bool {
		if c.prefix == nil {
			c.prefix = append(append([]byte(nil), s.doctype...), "<body>"...)
		}
		select {
		case c.ends <- ct:
			return true
		case <-c.stop:
			return false
		}
	}
	off := 0
	for !s.dirty {
		tt, raw, z := t.next()
		if tt == html.ErrorToken {
			break
		}
		s.tokOff = off
		off += len(raw)
		s.tokEnd = off
		here := s.token(z, tt, raw, t.scannedAtom(z, tt))
		for _, ct := range s.ready {
			if !send(ct) {
				return
			}
		}
		s.ready = s.ready[:0]
		if here && off-s.last >= min && len(b)-off >= min {
			if !send(cut{end: off}) {
				return
			}
			s.last = off
		}
	}
	if s.dirty && !s.whole {
		// Attributes on a later body tag apply to the whole body.
		s.whole = laterBodyTag(b[off:])
	}
	if s.whole && s.last > 0 {
		c.whole = true // the cuts sent were wrong: the caller reads the document whole
		return
	}
	c.done = send(cut{end: len(b)})
}

// cuts returns the offsets at which b is cut, the last len(b), and the
// prefix of the segments after the first.
func cuts(b []byte, min int) ([]int, []byte) {
	c := startCuts(b, min, gridStylesIn(b))
	var out []int
	for ct := range c.ends {
		out = append(out, ct.end)
	}
	if c.whole {
		out = []int{len(b)}
	}
	return out, c.prefix
}

// token follows one token; it reports whether the document can be cut
// after it. z is the tokenizer that read it, nil when the scanner did (as
// it does no start tag of a table or a body: see tokens); a is the atom of
// a tag the scanner read, 0 when it has none or is not known (the tag's
// name is then read from raw).
func (s *segmenter) token(z *html.Tokenizer, tt html.TokenType, raw []byte, a atom.Atom) bool {
	switch tt {
	case html.CommentToken:
		return false
	case html.DoctypeToken:
		if s.initial && s.doctype == nil {
			s.doctype = append([]byte(nil), raw...)
		}
		s.initial = false
		return false
	case html.TextToken:
		blank := blankText(raw)
		if s.initial && !blank {
			s.initial = false
		}
		if k := len(s.tables); k > 0 && !blank {
			switch s.top().a {
			case atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr:
				s.tables[k-1].ok = false // moved before the table
			}
		}
		return false
	case html.StartTagToken, html.SelfClosingTagToken:
		s.initial = false
		e := openElem{a: a}
		if a == 0 {
			e = tagName(raw[1:])
		}
		if k := len(s.tables); k > 0 {
			switch e.a {
			case atom.Tr:
				s.rowStart()
			case atom.Tbody, atom.Thead, atom.Tfoot, atom.Caption, atom.Colgroup, atom.Col:
				if len(s.stack) > s.tables[k-1].depth+1 {
					s.tables[k-1].ok = false // closes what is open in the table first
				}
			}
		}
		s.start(z, e)
		return false
	case html.EndTagToken:
		s.initial = false
		e := openElem{a: a}
		if a == 0 {
			e = tagName(raw[2:])
		}
		if k := len(s.tables); k > 0 && section(e.a) {
			if d := s.tables[k-1].depth + 1; d >= len(s.stack) || s.stack[d] != e {
				s.tables[k-1].ok = false // an implied row group's end, or one the stack does not show
			}
		}
		n := len(s.stack)
		here := s.end(e)
		switch {
		case len(s.stack) >= n || s.dirty:
		case e.a == atom.Tr:
			s.rowCut(s.tokEnd)
		case !here && cutAfter(e.a):
			s.blockCut(s.tokEnd)
		}
		return here
	}
	return false
}

// rowStart follows a tr start tag in a table before start does: when the
// row before it is open, the tag closes it (and the cell open in it, with
// all it holds), and the table may be cut before the tag.
func (s *segmenter) rowStart() {
	t := s.tables[len(s.tables)-1]
	k := t.depth + 1
	if k < len(s.stack) && section(s.stack[k].a) {
		k++
	}
	if k >= len(s.stack) || s.stack[k].a != atom.Tr || len(s.stack)-k > 32 {
		return
	}
	if k+1 < len(s.stack) && s.stack[k+1].a != atom.Td && s.stack[k+1].a != atom.Th {
		return
	}
	for _, e := range s.stack[k:] {
		if e.a == atom.Form || e.a == 0 {
			return // a form stays the form of the document: the stack rules follow it
		}
	}
	s.truncate(k)
	s.rowCut(s.tokOff)
}

// rowCut notes a place between two rows of the innermost table open,
// where the table may be cut, at offset at.
func (s *segmenter) rowCut(at int) {
	if len(s.tables) == 0 {
		return
	}
	t := &s.tables[len(s.tables)-1]
	top := len(s.stack) - 1
	if !t.ok || t.cells < 2 || (top != t.depth && (top != t.depth+1 || !section(s.stack[top].a))) {
		return
	}
	prev := s.last
	if k := len(t.cuts); k > 0 {
		prev = t.cuts[k-1].end
	}
	if least := s.min / 16; at-prev < least || len(s.src)-at < least {
		return
	}
	var b []byte
	var path []atom.Atom
	for k := 0; k <= t.depth; k++ {
		b = append(b, s.src[s.ctx[k].tagOff:s.ctx[k].tagEnd]...)
		path = append(path, s.stack[k].a)
	}
	if k := t.depth + 1; k < len(s.stack) {
		b = append(append(append(b, '<'), s.stack[k].a.String()...), '>')
	} else {
		b = append(b, "<tbody>"...)
	}
	if len(b) > maxReplay {
		return
	}
	t.cuts = append(t.cuts, cut{end: at, replay: b, row: true, path: path})
}

// blockCut notes a place after a block inside containers (div, main and
// the like), where the document may be cut, at offset at.
func (s *segmenter) blockCut(at int) {
	if len(s.stack) > maxReplayed || at-s.last < s.min || len(s.src)-at < s.min {
		return
	}
	var b []byte
	path := make([]atom.Atom, 0, len(s.stack))
	for k, e := range s.stack {
		if !blockReplayable(e.a) || s.ctx[k].keep {
			return
		}
		b = append(b, s.src[s.ctx[k].tagOff:s.ctx[k].tagEnd]...)
		path = append(path, e.a)
	}
	if len(b) > maxReplay {
		return
	}
	s.ready = append(s.ready, cut{end: at, replay: b, depth: len(s.stack), path: path})
	s.last = at
}

// maxReplayed bounds the containers a cut between blocks reopens, and
// maxReplay the bytes of their start tags (each cut keeps a copy).
const (
	maxReplayed = 16
	maxReplay   = 16 << 10
)

// blockReplayable reports the containers a cut between blocks may be
// made in: their start tags reopen them as they were, and the walk reads
// them the same whether or not they are read in parts: they give no role
// to the lines in them, and neither they nor any list around them is read
// by what it holds. Formatting elements (font) are not: their end tags
// can move what they hold (the adoption agency algorithm).
func blockReplayable(a atom.Atom) bool {
	switch a {
	case atom.Div, atom.Main, atom.Article, atom.Section, atom.Center, atom.Blockquote, atom.Span:
		return true
	}
	return false
}

// replayable reports whether the elements of the stack below depth
// (those around a table there) are reopened as they were by their start
// tags, and are read by the walk the same whether or not the table is
// read in parts: they give no role to the lines in them, and no list's
// reading depends on what they hold.
func (s *segmenter) replayable(depth int) bool {
	if depth > 2*maxReplayed {
		return false
	}
	for _, e := range s.stack[:depth] {
		switch e.a {
		case atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th:
		default:
			if !blockReplayable(e.a) {
				return false
			}
		}
	}
	return true
}

// presentational reports a table start tag marked role="presentation" or
// "none" (see layoutTable).
func presentational(z *html.Tokenizer) bool {
	found := false
	for {
		k, v, more := z.TagAttr()
		if string(k) == "role" && (strings.EqualFold(string(v), "presentation") || strings.EqualFold(string(v), "none")) {
			found = true
		}
		if !more {
			return found
		}
	}
}

// blankText reports text of HTML white space only.
func blankText(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\f' && c != '\r' {
			return false
		}
	}
	return true
}

func section(a atom.Atom) bool {
	return a == atom.Tbody || a == atom.Thead || a == atom.Tfoot
}

// tagName reads a tag's name from its raw text after "<" or "</", in lower
// case as the tokenizer gives it.
func tagName(b []byte) openElem {
	n := 0
	for n < len(b) {
		c := b[n]
		if c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '/' || c == '>' {
			break
		}
		n++
	}
	var buf [16]byte
	name := buf[:0]
	if n > len(buf) {
		name = make([]byte, 0, n)
	}
	for _, c := range b[:n] {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		name = append(name, c)
	}
	if a := lookupAtom(name); a != 0 {
		return openElem{a: a}
	}
	return openElem{name: string(name)}
}

func (s *segmenter) top() openElem {
	if len(s.stack) == 0 {
		return openElem{}
	}
	return s.stack[len(s.stack)-1]
}

// below returns the context of stack[:i].
func (s *segmenter) below(i int) openCtx {
	if i <= 0 {
		return openCtx{}
	}
	return s.ctx[i-1]
}

// inTableNotCell reports whether the innermost table element open is a
// table, not a cell or caption.
func (s *segmenter) inTableNotCell() bool {
	return s.below(len(s.stack)).inner == atom.Table
}

func (s *segmenter) push(e openElem) {
	c := s.below(len(s.stack))
	switch e.a {
	case atom.Table:
		c.table++
		c.inner = e.a
	case atom.Td, atom.Th, atom.Caption:
		c.cell++
		c.inner = e.a
	case atom.Form, atom.A, atom.Nobr, atom.Button:
		c.nested++
	}
	c.tagOff, c.tagEnd = s.tokOff, s.tokEnd
	c.keep = false
	var rowOf bool
	if layoutElement(e.a) {
		c.keep, rowOf = s.grids.tableTag(s.src[s.tokOff:s.tokEnd])
	}
	s.stack = append(s.stack, e)
	s.ctx = append(s.ctx, c)
	if rowOf && len(s.ctx) >= 2 {
		s.ctx[len(s.ctx)-2].keep = true // (a row's parent holds the rows)
	}
	switch e.a {
	case atom.Table:
		for k := range s.tables {
			s.tables[k].ok = false // a table inside
		}
		s.tables = append(s.tables, tableCuts{depth: len(s.stack) - 1, ok: s.tableOK && s.replayable(len(s.stack)-1)})
	case atom.Td, atom.Th:
		if k := len(s.tables); k > 0 {
			s.tables[k-1].cells++
		}
	}
	s.open.add(e, 1)
}

// openCounts counts the elements open, by kind: those with an atom by
// their atom (the headings together, under h1: any heading end tag closes
// any heading), the others by name. Keyed by a number, the count of a
// tag's kind is looked up without hashing its name; the kinds a long
// table or list opens and closes at every row and item are counted in
// fields of their own, not a map.
type openCounts struct {
	rows  [rowKinds]int32 // by rowKind
	atoms map[atom.Atom]int32
	names map[string]int32
}

// rowKinds is how many kinds rowKind numbers, and none.
const rowKinds = 8

// rowKind is the number of a kind openCounts counts in a field, 0 for
// another.
func rowKind(a atom.Atom) int {
	switch a {
	case atom.Td:
		return 1
	case atom.Tr:
		return 2
	case atom.Th:
		return 3
	case atom.Tbody:
		return 4
	case atom.Li:
		return 5
	case atom.A:
		return 6
	case atom.P:
		return 7
	}
	return 0
}

func (o *openCounts) add(e openElem, d int32) {
	if e.a == 0 {
		if o.names == nil {
			o.names = map[string]int32{}
		}
		o.names[e.name] += d
		return
	}
	if k := rowKind(e.a); k > 0 {
		o.rows[k] += d
		return
	}
	if o.atoms == nil {
		o.atoms = map[atom.Atom]int32{}
	}
	o.atoms[countKey(e.a)] += d
}

func (o *openCounts) get(e openElem) int32 {
	if e.a == 0 {
		return o.names[e.name]
	}
	if k := rowKind(e.a); k > 0 {
		return o.rows[k]
	}
	return o.atoms[countKey(e.a)]
}

func countKey(a atom.Atom) atom.Atom {
	if heading(a) {
		return atom.H1
	}
	return a
}

func (s *segmenter) truncate(n int) {
	for k := len(s.tables); k > 0 && s.tables[k-1].depth >= n; k-- {
		// The table ends: its cuts are made.
		if t := s.tables[k-1]; t.ok && !s.dirty && len(t.cuts) > 0 {
			s.ready = append(s.ready, t.cuts...)
			s.last = t.cuts[len(t.cuts)-1].end
		}
		s.tables = s.tables[:k-1]
	}
	for _, e := range s.stack[n:] {
		s.open.add(e, -1)
	}
	s.stack, s.ctx = s.stack[:n], s.ctx[:n]
}

func (s *segmenter) pop() { s.truncate(len(s.stack) - 1) }

// openAbove reports whether an element a (one of form, a, nobr, button) is
// open.
func (s *segmenter) openAbove(a atom.Atom) bool {
	if s.below(len(s.stack)).nested == 0 {
		return false
	}
	for i := len(s.stack) - 1; i >= 0; i-- {
		if s.stack[i].a == a {
			return true
		}
		if s.below(i).nested == 0 {
			return false
		}
	}
	return false
}

// start follows a start tag.
func (s *segmenter) start(z *html.Tokenizer, e openElem) {
	switch e.a {
	case atom.Html, atom.Head:
		return
	case atom.Body:
		if z == nil || bodyMatters(z) {
			s.dirty, s.whole = true, true
		}
		return
	case atom.Table:
		s.tableOK = z != nil && !presentational(z)
	case atom.Form:
		for k := range s.tables {
			s.tables[k].ok = false
		}
	}
	switch e.a {
	case atom.Svg, atom.Math, atom.Template, atom.Frameset, atom.Frame, atom.Select, atom.Applet,
		atom.Marquee, atom.Object, atom.Plaintext, atom.Image, atom.Isindex, atom.Keygen:
		s.dirty = true
		return
	}
	switch e.a {
	case atom.Form, atom.A, atom.Nobr, atom.Button:
		// One inside another: the tree builder drops it, or closes the
		// outer one with what it holds.
		if s.openAbove(e.a) {
			s.dirty = true
			return
		}
	}
	if s.inTableNotCell() {
		switch e.a {
		case atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Caption, atom.Colgroup, atom.Col,
			atom.Style, atom.Script:
		default:
			// Moved before the table (or, for a table, closing it), with
			// the table's insertion mode kept.
			s.dirty = true
			return
		}
	}
	// Start tags that close the element on top, as the tree builder does.
	if s.top().a == atom.P && closesP(e.a) {
		s.pop()
	}
	if voidElement(e.a) {
		return
	}
	t := s.top().a
	switch {
	case heading(t) && heading(e.a),
		t == atom.Option && (e.a == atom.Option || e.a == atom.Optgroup),
		t == atom.Li && e.a == atom.Li,
		(t == atom.Dt || t == atom.Dd) && (e.a == atom.Dt || e.a == atom.Dd),
		(t == atom.Td || t == atom.Th) && (e.a == atom.Td || e.a == atom.Th || e.a == atom.Tr):
		s.pop()
	}
	if s.top().a == atom.Tr && e.a == atom.Tr {
		s.pop()
	}
	s.push(e)
}

// end follows an end tag; it reports whether the body is left with nothing
// open after a block element closed.
func (s *segmenter) end(e openElem) bool {
	switch e.a {
	case atom.Html, atom.Head, atom.Body, atom.Br:
		return false
	}
	if s.open.get(e) == 0 {
		return false // ignored, or an empty p: nothing stays open
	}
	i := len(s.stack) - 1
	for ; i >= 0; i-- {
		if s.stack[i] == e || (heading(e.a) && heading(s.stack[i].a)) {
			break
		}
	}
	if i < 0 {
		return false // ignored, or an empty p: nothing stays open
	}
	switch e.a {
	case atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Caption:
		if s.below(i).table == 0 {
			s.dirty = true // the tree builder ignored the start tag
			return false
		}
	}
	for j := i + 1; j < len(s.stack); j++ {
		if !s.implicitlyClosed(e.a, j) {
			s.dirty = true
			return false
		}
	}
	s.truncate(i)
	return len(s.stack) == 0 && cutAfter(e.a)
}

// implicitlyClosed reports whether the end tag a closes the element at
// stack[j], above the element it names, as the tree builder does, leaving
// nothing behind.
func (s *segmenter) implicitlyClosed(a atom.Atom, j int) bool {
	x := s.stack[j].a
	switch a {
	case atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Caption:
		if x == atom.Table {
			return false // the end tag belongs to the inner table
		}
		if formatting(x) {
			// A formatting element closed with its cell is forgotten;
			// one that is not in a cell is reopened later.
			return s.below(j).cell > 0
		}
		return x != atom.Form && x != 0
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Button, atom.Center, atom.Details,
		atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer,
		atom.Header, atom.Hgroup, atom.Listing, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.Pre, atom.Search,
		atom.Section, atom.Summary, atom.Ul, atom.Li, atom.Dd, atom.Dt, atom.P,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		switch x {
		case atom.P, atom.Li, atom.Dt, atom.Dd, atom.Option, atom.Optgroup, atom.Rb, atom.Rp, atom.Rt, atom.Rtc:
			return true
		}
	}
	return false
}

// bodyMatters reports a body start tag whose attributes change how the
// walk reads the body: a segment's body has none.
func bodyMatters(z *html.Tokenizer) bool {
	n := &html.Node{Type: html.ElementNode, DataAtom: atom.Body, Data: "body"}
	for {
		k, v, more := z.TagAttr()
		n.Attr = append(n.Attr, html.Attribute{Key: string(k), Val: string(v)})
		if !more {
			break
		}
	}
	return chrome(n) || furnitureName(n) || mainContent(n)
}

// laterBodyTag reports whether b may hold a body start tag with
// attributes.
func laterBodyTag(b []byte) bool {
	for {
		i := bytes.Index(b, []byte("<"))
		if i < 0 {
			return false
		}
		b = b[i+1:]
		if len(b) > 4 && bytes.EqualFold(b[:4], []byte("body")) && b[4] != '>' {
			return true
		}
	}
}

// closesP reports start tags that close an open p.
func closesP(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details, atom.Dialog,
		atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Header,
		atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Search, atom.Section, atom.Summary,
		atom.Ul, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Pre, atom.Listing, atom.Form,
		atom.Li, atom.Dd, atom.Dt, atom.Hr, atom.Xmp:
		return true
	}
	return false
}

func heading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// formatting reports the elements the tree builder reopens when they are
// closed out of order.
func formatting(a atom.Atom) bool {
	switch a {
	case atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.Nobr, atom.S, atom.Small,
		atom.Strike, atom.Strong, atom.Tt, atom.U:
		return true
	}
	return false
}

// cutAfter reports the elements after whose end tag the walk has flushed
// its text, so a cut there loses nothing.
func cutAfter(a atom.Atom) bool {
	return a == atom.Table || (blockElement(a) && a != atom.Li && a != atom.Dd && a != atom.Dt &&
		a != atom.Td && a != atom.Th && a != atom.Tr && a != atom.Caption)
}
