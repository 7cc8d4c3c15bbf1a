// Package html extracts the raw model from HTML documents.
//
// The input is converted to UTF-8 first (see Decode), then parsed into a
// tree with golang.org/x/net/html, which applies the HTML5 tree-construction
// rules (implied <tbody>, implied end tags, foster parenting). The tree is
// walked in document order: headings, list items and paragraphs become
// lines with the role their element gives them (a list item holding a list
// is a group heading), and each data table becomes a parser.Table whose
// rowspan and colspan cells are expanded into a grid; tables that lay out
// the page (holding tables, marked presentational, or of a single cell) are
// read as flow. Large documents are read in segments, one tree at a time;
// a segment of plain table rows or of plain blocks is read straight from
// its bytes by a scanner whose tokens are the tokenizer's (scan.go, rows.go,
// plain.go), the rest by the tree builder.
package html

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/agreements/agreements/parser"
)

// DefaultMaxBytes is the largest input Parse reads when Options.MaxBytes is
// zero.
const DefaultMaxBytes = 256 << 20

// maxDepth is how deeply elements may nest before Parse flattens the
// document: golang.org/x/net/html refuses trees deeper than 512 elements.
const maxDepth = 400

// Options tune the HTML extractor.
type Options struct {
	// MaxBytes is the largest input accepted (DefaultMaxBytes when 0).
	MaxBytes int
	// Release, when not nil, is told of the parts of the page a pass of
	// the reader over it has left behind, in order: Release(lo, hi) for
	// the bytes [lo, hi) of the page. A pass read to the end of the page
	// ends with Release(lo, len(page)); a later pass may read the page
	// again from its start (a page read whole after its segments). Called
	// from the goroutine that called Parse, before it returns. The bytes
	// must stay as they are: a page mapped from its file (see
	// internal/filemap) lets its pages of memory go, to be read from the
	// file again when read again.
	Release func(lo, hi int)
}

// Parse reads an HTML document. Errors are *parser.Error wrapping one of
// parser.ErrEmpty, parser.ErrTooLarge, parser.ErrMalformed or
// parser.ErrNoContent.
//
// A document larger than 1 MiB is read in segments of 64 KiB or more that
// parse on their own (see cuts), so that only one segment's tree is held
// in memory at a time; the blocks are the same as those of the whole tree.
func Parse(name string, b []byte, opt Options) (*parser.Document, error) {
	return filled(parseSegments(name, b, opt, segmentBytes, segmentMin))
}

// ParseHeld is Parse with the cells of the document's tables held packed
// until they are read (see Held): the parse child writes them a part at a
// time.
func ParseHeld(name string, b []byte, opt Options) (*Held, error) {
	return parseSegments(name, b, opt, segmentBytes, segmentMin)
}

// filled returns the document of h with every table's cells made.
func filled(h *Held, err error) (*parser.Document, error) {
	if err != nil {
		return nil, err
	}
	h.fillAll()
	return h.doc, nil
}

// parse is Parse with segments of at least segment bytes, for a document
// larger than that; 0 reads the document whole.
func parse(name string, b []byte, opt Options, segment int) (*parser.Document, error) {
	return filled(parseSegments(name, b, opt, segment, segment))
}

// parseSegments is ParseHeld with segments of at least least bytes, for a
// document larger than above bytes; above 0 reads the document whole.
func parseSegments(name string, b []byte, opt Options, above, least int) (*Held, error) {
	fail := func(err error) (*Held, error) {
		return nil, &parser.Error{File: name, Err: err}
	}
	max := opt.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	switch {
	case len(bytes.TrimSpace(b)) == 0:
		return fail(parser.ErrEmpty)
	case len(b) > max:
		return fail(fmt.Errorf("%w: %d bytes, limit %d", parser.ErrTooLarge, len(b), max))
	case !hasMarkup(b):
		return fail(fmt.Errorf("%w: no HTML markup", parser.ErrUnknownFormat))
	}
	doc := &parser.Document{File: name, SHA256: parser.Digest(b), Format: parser.FormatHTML}

	utf, cs, by, err := Decode(b)
	if err != nil {
		return fail(fmt.Errorf("%w: charset %s: %v", parser.ErrMalformed, cs, err))
	}
	grids := gridStylesIn(utf) // (read once: the cuts and the walk of every piece share them)
	var c *cutter
	if above > 0 && len(utf) > above {
		c = startCuts(utf, least, grids) // the cuts are found while the site is read
	}
	site := siteOf(utf)
	// The passes over the whole page (its digest, its charset, its grids, its site)
	// are done: the segments are read from the start.
	release := func(lo, hi int) {}
	if opt.Release != nil {
		opt.Release(0, len(b))
		if k := len(b) - len(utf); len(utf) > 0 && &utf[len(utf)-1] == &b[len(b)-1] {
			release = func(lo, hi int) { opt.Release(k+lo, k+hi) } // utf is the page's bytes (after a byte order mark)
		}
	}
	if by == ByScoring || by == ByFallback {
		doc.Repairs = append(doc.Repairs, "html:charset_detected:"+cs)
	}
	if by == ByMostlyUTF8 {
		doc.Repairs = append(doc.Repairs, "html:invalid_utf8_replaced")
	}

	var w *walker
	var flattened bool
	if c != nil {
		w = newWalker(site)
		w.grids = grids
		flattened, err = w.read(doc, utf, c.ends, c, release)
		c.halt()
		if err != nil || !c.done || c.whole {
			// Cut where it should not have been (body attributes further
			// on), or a segment too deep to parse, or stopped at an error:
			// the document is read whole.
			w = nil
		}
	}
	if w == nil {
		w = newWalker(site)
		w.grids = grids
		doc.Title = ""
		whole := make(chan cut, 1)
		whole <- cut{end: len(utf)}
		close(whole)
		flattened, err = w.read(doc, utf, whole, nil, release)
	}
	if err != nil {
		return fail(fmt.Errorf("%w: %v", parser.ErrMalformed, err))
	}
	if flattened {
		doc.Repairs = append(doc.Repairs, "html:flattened_deep_nesting")
	}
	doc.Blocks = w.blocks
	if w.err != nil {
		return fail(w.err)
	}
	if len(doc.Blocks) == 0 {
		return fail(parser.ErrNoContent)
	}
	h := &Held{doc: doc, texts: w.texts, tables: w.packed}
	h.number()
	return h, nil
}

// read parses the segments of utf that end at the cuts received from
// ends, each after the first behind c's prefix (and, after a cut between
// the rows of a table, behind the start tags that reopen the table), and
// walks their bodies; each tree is dropped once walked, and each segment
// released once read (release(lo, hi) for utf[lo:hi]). It reports
// whether the document, read whole, had to be flattened; the error is the
// tree builder's on a segment it cannot parse (flattened, when the
// document is read whole), or says that a segment was not what its cut
// promised.
func (w *walker) read(doc *parser.Document, utf []byte, ends <-chan cut, c *cutter, release func(lo, hi int)) (bool, error) {
	start, titled, flattened := 0, false, false
	var prev cut
	for i := 0; ; i++ {
		cur, ok := <-ends
		if !ok {
			return flattened, nil
		}
		end := cur.end
		if prev.row && cur.row && w.readRows(utf[start:end]) {
			release(start, end)
			start, prev = end, cur // rows only, read from their tokens
			w.tokenParts++
			continue
		}
		var root *html.Node
		if i > 0 && !prev.row && !cur.row {
			if root = w.plainTree(prev.replay, utf[start:end]); root != nil {
				w.plainParts++
			}
		}
		var err error
		if root == nil {
			var r io.Reader = bytes.NewReader(utf[start:end])
			if i > 0 {
				r = io.MultiReader(bytes.NewReader(c.prefix), bytes.NewReader(prev.replay), r)
			}
			root, err = html.Parse(r)
		}
		if err != nil {
			if c != nil {
				return false, fmt.Errorf("segment %d: %w", i+1, err)
			}
			if root, err = parseFlattened(utf, err); err != nil {
				return false, err
			}
			flattened = true
		}
		if !titled {
			if t := firstElement(root, atom.Title); t != nil {
				doc.Title, titled = foldSpace(nodeText(t)), true
			}
		}
		from := firstElement(root, atom.Body)
		if from == nil {
			from = root // a frameset document
		}
		w.grids.asTables(from) // tables laid out without table elements, read as tables
		w.openTable, w.open = nil, w.open[:0]
		if cur.row {
			w.openTable = lastTable(root)
		} else if cur.depth > 0 {
			w.open = lastElements(w.open, from, cur.depth)
		}
		last := end == len(utf)
		if prev.replay != nil {
			if !w.continueSegment(from, prev, last) {
				return false, fmt.Errorf("segment %d: not the continuation of the elements open at the cut before it", i+1)
			}
		} else {
			w.walkSegment(from, i == 0, last)
		}
		if cur.replay != nil && (!w.stopped || w.skippedOpen) && w.err == nil {
			return false, fmt.Errorf("segment %d: the walk did not reach the elements open at its end", i+1)
		}
		w.stopped = false
		clear(w.nested)
		if w.err != nil {
			return flattened, nil
		}
		release(start, end)
		start, prev = end, cur
	}
}

// lastElements appends to dst the depth elements open at the end of the
// tree under body: the path of last children.
func lastElements(dst []*html.Node, body *html.Node, depth int) []*html.Node {
	n := body
	for range depth {
		if n = n.LastChild; n == nil {
			break
		}
		dst = append(dst, n)
	}
	return dst
}

// lastTable finds the table open at the end of a tree: the innermost
// table on the path of last children.
func lastTable(root *html.Node) *html.Node {
	var t *html.Node
	for n := root; n != nil; n = n.LastChild {
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			t = n
		}
	}
	return t
}

// nodeText is the text of the text nodes under n (n included), in
// document order, as they are: goquery's Selection.Text on n alone (a
// program that reads only this of a tree need not link goquery, which links
// net/http, its TLS and certificates).
func nodeText(n *html.Node) string {
	var b strings.Builder
	forEach(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return b.String()
}

// firstElement finds the first element of a kind under root, in document
// order (a title is the first whatever its namespace, as a selector finds it).
func firstElement(root *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	forEach(root, func(n *html.Node) bool {
		if found == nil && n.Type == html.ElementNode && n.DataAtom == a {
			found = n
		}
		return found == nil
	})
	return found
}

// parseFlattened parses a document the tree builder found too deep (perr):
// it drops the elements nested too deeply (their text stays) and parses
// again. Implied elements (tbody) nest deeper than the tags say, hence the
// tries.
func parseFlattened(utf []byte, perr error) (*html.Node, error) {
	for _, limit := range []int{maxDepth, maxDepth / 4, maxDepth / 16} {
		flat, err := flatten(utf, limit)
		if err != nil {
			break
		}
		if root, err := html.Parse(bytes.NewReader(flat)); err == nil {
			return root, nil
		}
	}
	return nil, perr
}

// flatten rewrites a document so that no element nests deeper than limit:
// start tags beyond the limit are dropped along with their end tags; text
// and everything else is kept. Tables and lists keep their tags (up to
// maxKeptDeep of them below the limit), so that cells stay cells.
func flatten(b []byte, limit int) ([]byte, error) {
	z := html.NewTokenizer(bytes.NewReader(b))
	var out bytes.Buffer
	out.Grow(len(b))
	type open struct {
		a       atom.Atom
		dropped bool
	}
	var stack []open
	depth, kept := 0, 0 // elements written open; of them, beyond the limit
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if err := z.Err(); err != nil && !errors.Is(err, io.EOF) {
				return nil, fmt.Errorf("flattening: %w", err)
			}
			return out.Bytes(), nil
		case html.StartTagToken:
			name, _ := z.TagName()
			a := lookupAtom(name)
			if voidElement(a) {
				break
			}
			drop := depth >= limit && (!structural(a) || kept >= maxKeptDeep)
			stack = append(stack, open{a: a, dropped: drop})
			if drop {
				continue
			}
			if depth >= limit {
				kept++
			}
			depth++
		case html.EndTagToken:
			name, _ := z.TagName()
			a := lookupAtom(name)
			if voidElement(a) {
				break
			}
			if n := len(stack); n > 0 && stack[n-1].a == a {
				top := stack[n-1]
				stack = stack[:n-1]
				if top.dropped {
					continue
				}
			} else if depth >= limit && !structural(a) {
				continue // a stray end tag deep down
			}
			if depth > 0 {
				depth--
				if depth >= limit && kept > 0 {
					kept--
				}
			}
		}
		out.Write(z.Raw())
	}
}

// maxKeptDeep bounds the table and list tags flatten keeps beyond its
// limit, below the tree builder's own bound of 512 open elements.
const maxKeptDeep = 64

// structural reports the elements whose tags make a table or a list.
func structural(a atom.Atom) bool {
	switch a {
	case atom.Table, atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Caption,
		atom.Ul, atom.Ol, atom.Li, atom.Dl, atom.Dt, atom.Dd:
		return true
	}
	return false
}

func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr, atom.Param:
		return true
	}
	return false
}

// foldSpace folds runs of white space (including no-break and ideographic
// spaces) into one space and trims the ends.
func foldSpace(s string) string {
	if isFolded(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isFolded reports whether s is already folded: ASCII spaces only, single,
// not at either end (the common case, checked without allocating).
func isFolded(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if s[i+1] == ' ' {
				return false
			}
		case c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			return false
		case c >= 0x80:
			return !strings.ContainsFunc(s, unicode.IsSpace) && s == strings.TrimSpace(s)
		}
	}
	return true
}

// hasMarkup reports whether b holds a tag, a comment or a doctype in its
// first 64 KiB: text without any is no web page.
func hasMarkup(b []byte) bool {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		return true // UTF-16: the decoder reads it
	}
	head := b[:min(len(b), 64<<10)]
	for i := 0; i+1 < len(head); i++ {
		if head[i] != '<' {
			continue
		}
		c := head[i+1]
		if c == '!' || c == '/' || c == '?' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}
