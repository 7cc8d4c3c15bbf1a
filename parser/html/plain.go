package html

import (
	"bytes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A segment after a cut between blocks (see blockCut) is parsed behind the
// start tags that reopen the containers open at the cut. When it is plain
// markup, its tree is built here from the scanner's tokens instead of by
// the tree builder: elements of a few kinds, each closed by its own end
// tag, nested as the tags say and where the HTML tree-construction rules
// put them just there (a list item in a list, a term in a definition list,
// no paragraph open around a block, no formatting element inside one of
// its kind), text, line breaks and images, comments. On anything else the
// segment goes to the tree builder. The tree is the tree builder's: the
// same elements, attributes, text and comments in the same places (see
// TestPlainTree), under a body in an html element with an empty head.

// plainKind is what the plain tree builder knows of an element.
type plainKind uint8

const (
	plainNone   plainKind = iota // not plain: the tree builder reads the segment
	plainBlock                   // closes an open p: none may be open
	plainList                    // a list item: only right in its list
	plainHead                    // a heading: not right in a heading
	plainFormat                  // a formatting element: not inside one of its kind
	plainOther                   // any other element, inserted where it stands
	plainVoid                    // an element without content
	plainVoidP                   // an element without content that closes an open p
)

func plainKindOf(a atom.Atom) plainKind {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Div, atom.Dl, atom.Figcaption,
		atom.Figure, atom.Footer, atom.Header, atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P,
		atom.Section, atom.Ul:
		return plainBlock
	case atom.Li, atom.Dt, atom.Dd:
		return plainList
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return plainHead
	case atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.S, atom.Small, atom.Strike,
		atom.Strong, atom.Tt, atom.U:
		return plainFormat
	case atom.Span, atom.Sub, atom.Sup, atom.Abbr, atom.Cite, atom.Mark, atom.Time, atom.Kbd, atom.Samp,
		atom.Var, atom.Dfn, atom.Q:
		return plainOther
	case atom.Br, atom.Img, atom.Wbr:
		return plainVoid
	case atom.Hr:
		return plainVoidP
	}
	return plainNone
}

// plainTree builds the tree of a segment from its replay and its bytes
// as html.Parse builds it behind its prefix (a doctype and a body start
// tag), when both are plain markup; nil when not.
func (w *walker) plainTree(replay, seg []byte) *html.Node {
	p := &w.plain
	p.slab = nil
	root := p.node(html.DocumentNode, 0, "")
	htm := p.node(html.ElementNode, atom.Html, "html")
	root.AppendChild(htm)
	htm.AppendChild(p.node(html.ElementNode, atom.Head, "head"))
	body := p.node(html.ElementNode, atom.Body, "body")
	htm.AppendChild(body)
	p.stack, p.paras = append(p.stack[:0], body), 0
	if !p.read(replay) || !p.read(seg) {
		return nil
	}
	return root
}

// maxPlainDepth bounds how deeply the plain tree builder nests elements,
// well below the tree builder's bound of 512 open elements (past which a
// segment is read another way).
const maxPlainDepth = 256

// plainBuilder is the state of the plain tree builder, kept from one
// segment to the next.
type plainBuilder struct {
	sc    scanner
	stack []*html.Node // the elements open, the body first
	paras int          // p elements open
	slab  []html.Node  // the nodes are cut from
	key   []byte
}

// node makes a node, cut from the slab.
func (p *plainBuilder) node(t html.NodeType, a atom.Atom, data string) *html.Node {
	if len(p.slab) == cap(p.slab) {
		p.slab = make([]html.Node, 0, 256)
	}
	// Field by field: a whole node written costs the collector's write
	// barrier on each of its pointers.
	p.slab = p.slab[:len(p.slab)+1]
	n := &p.slab[len(p.slab)-1]
	n.Type, n.DataAtom, n.Data = t, a, data
	return n
}

// read adds the tokens of b to the tree; it reports false on one the
// plain tree builder does not read.
func (p *plainBuilder) read(b []byte) bool {
	p.sc = scanner{b: b, attrs: p.sc.attrs[:0]}
	for {
		tt, ok := p.sc.next()
		if !ok {
			return false
		}
		top := p.stack[len(p.stack)-1]
		switch tt {
		case html.ErrorToken:
			return true
		case html.TextToken:
			data := tokenText(p.sc.raw(), false)
			if data == "" {
				break
			}
			if last := top.LastChild; last != nil && last.Type == html.TextNode {
				last.Data += data
			} else {
				top.AppendChild(p.node(html.TextNode, 0, data))
			}
		case html.CommentToken:
			top.AppendChild(p.node(html.CommentNode, 0, tokenText(p.sc.commentData(), true)))
		case html.StartTagToken:
			a := p.sc.tagAtom()
			switch plainKindOf(a) {
			case plainNone:
				return false
			case plainBlock, plainVoidP:
				if p.paras > 0 {
					return false
				}
			case plainList:
				list := top.DataAtom == atom.Dl
				if a == atom.Li {
					list = top.DataAtom == atom.Ul || top.DataAtom == atom.Ol
				}
				if !list || p.paras > 0 {
					return false
				}
			case plainHead:
				if p.paras > 0 || plainKindOf(top.DataAtom) == plainHead {
					return false
				}
			case plainFormat:
				for _, n := range p.stack {
					if n.DataAtom == a {
						return false
					}
				}
			}
			if len(p.stack) >= maxPlainDepth {
				return false // the tree builder refuses what nests too deeply
			}
			n := p.node(html.ElementNode, a, a.String())
			if !p.attrs(n) {
				return false
			}
			top.AppendChild(n)
			if k := plainKindOf(a); k != plainVoid && k != plainVoidP {
				p.stack = append(p.stack, n)
				if a == atom.P {
					p.paras++
				}
			}
		case html.EndTagToken:
			if len(p.stack) == 1 || p.sc.tagAtom() != top.DataAtom {
				return false
			}
			p.stack = p.stack[:len(p.stack)-1]
			if top.DataAtom == atom.P {
				p.paras--
			}
		}
	}
}

// attrs gives n the attributes of the start tag read, as the tree builder
// does; it reports false on a value it would have to unescape.
func (p *plainBuilder) attrs(n *html.Node) bool {
	for k := 0; ; {
		key, v, next, ok := p.sc.attr(k, p.key[:0])
		if !ok {
			return true
		}
		k, p.key = next, key
		if bytes.IndexByte(v, '&') >= 0 || bytes.IndexByte(v, 0) >= 0 {
			return false
		}
		n.Attr = append(n.Attr, html.Attribute{Key: attrKey(key), Val: string(convertNewlines(v))})
	}
}

// attrKey returns an attribute's key as a string, without allocating for
// the common ones.
func attrKey(key []byte) string {
	switch string(key) {
	case "href":
		return "href"
	case "class":
		return "class"
	case "id":
		return "id"
	case "target":
		return "target"
	case "rel":
		return "rel"
	case "title":
		return "title"
	case "lang":
		return "lang"
	case "style":
		return "style"
	}
	return string(key)
}

// tokenText returns the text of a text or comment token as the tokenizer's
// Text gives it: line ends as "\n", character references unescaped, and in
// a comment a NUL byte as U+FFFD.
func tokenText(raw []byte, comment bool) string {
	if bytes.IndexByte(raw, '\r') < 0 && bytes.IndexByte(raw, 0) < 0 {
		if bytes.IndexByte(raw, '&') < 0 {
			return string(raw)
		}
		return html.UnescapeString(string(raw))
	}
	b := convertNewlines(append([]byte(nil), raw...))
	if comment {
		b = bytes.ReplaceAll(b, []byte{0}, []byte("\ufffd"))
	}
	return html.UnescapeString(string(b))
}

// convertNewlines is the tokenizer's: "\r\n" and "\r" become "\n", in
// place when there are any.
func convertNewlines(s []byte) []byte {
	if bytes.IndexByte(s, '\r') < 0 {
		return s
	}
	s = append([]byte(nil), s...)
	dst := 0
	for src := 0; src < len(s); src++ {
		c := s[src]
		if c == '\r' {
			if src+1 < len(s) && s[src+1] == '\n' {
				src++
			}
			c = '\n'
		}
		s[dst] = c
		dst++
	}
	return s[:dst]
}
