package html

import (
	"bytes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// scanner reads the tokens of a part of a document straight from its
// bytes, with the boundaries golang.org/x/net/html's tokenizer gives them,
// for the tokens plain markup is made of: text, start and end tags (their
// attributes read by the tokenizer's rules), and comments. On anything else
// (a doctype, a processing instruction, a bogus comment, "</" not followed
// by a letter, a NUL byte, a token cut off by the end of the input) next
// reports that it cannot go on, and the caller reads the part another
// way. After the start tag of an element whose content the tokenizer reads
// as raw text (script, style, title and the like), the scanner stops. It reads a few times faster than the tokenizer: no copies of the
// input, no allocation per attribute.
type scanner struct {
	b     []byte
	off   int // where the next token starts
	start int // where the token read starts: it is b[start:off]
	// A tag's name is b[name:nameEnd]; its attributes, read by the
	// tokenizer's rules, are attrs (start tags only).
	name, nameEnd int
	attrs         []attrSpan
	stop          bool // after a raw text element's start tag
	// A comment's text is b[data:dataEnd].
	data, dataEnd int
	// The atom of the tag read, once tagAtom has looked it up (atomRead).
	atom     atom.Atom
	atomRead bool
}

// maxScanAttrs bounds the attributes of a tag the scanner reads: each is
// compared with those before it.
const maxScanAttrs = 64

// attrSpan is an attribute of a start tag: its key b[k0:k1] and its value
// b[v0:v1], as written.
type attrSpan struct{ k0, k1, v0, v1 int }

// next reads the next token: html.TextToken, StartTagToken (for a
// self-closing tag too), EndTagToken or CommentToken, or ErrorToken at the
// end of the input. It reports false on a token it does not read.
func (s *scanner) next() (html.TokenType, bool) {
	s.start = s.off
	b, p := s.b, s.off
	if s.stop {
		return html.ErrorToken, false
	}
	if p >= len(b) {
		return html.ErrorToken, true
	}
	if b[p] != '<' || p+1 >= len(b) || !opensToken(b[p+1]) {
		// Text, up to the next "<" that opens a token (or the end).
		for p++; p < len(b); p++ {
			i := bytes.IndexByte(b[p:], '<')
			if i < 0 {
				p = len(b)
				break
			}
			if p += i; p+1 < len(b) && opensToken(b[p+1]) {
				break
			}
		}
		if bytes.IndexByte(b[s.start:p], 0) >= 0 {
			return html.ErrorToken, false
		}
		s.off = p
		return html.TextToken, true
	}
	switch c := b[p+1]; {
	case letter(c):
		if !s.tag(p+1, true) {
			return html.ErrorToken, false
		}
		// The tokenizer reads what follows these as raw text; the
		// scanner does not.
		if rawTextElement(s.tagAtom()) {
			s.stop = true
		}
		return html.StartTagToken, true
	case c == '/' && p+2 < len(b) && letter(b[p+2]):
		return html.EndTagToken, s.tag(p+2, false)
	case c == '!' && p+3 < len(b) && b[p+2] == '-' && b[p+3] == '-':
		return html.CommentToken, s.comment(p + 4)
	}
	return html.ErrorToken, false
}

// opensToken reports the bytes after "<" that make it the start of a tag,
// a comment or a declaration rather than text.
func opensToken(c byte) bool {
	return letter(c) || c == '/' || c == '!' || c == '?'
}

func letter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func space(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }

// skipSpace returns the first position from p on that is not white space.
func (s *scanner) skipSpace(p int) int {
	for p < len(s.b) && space(s.b[p]) {
		p++
	}
	return p
}

// tag reads a tag whose name starts at p, as the tokenizer's readTag does;
// with attr, its attributes are kept.
func (s *scanner) tag(p int, attr bool) bool {
	b := s.b
	s.attrs = s.attrs[:0]
	s.name, s.atomRead = p, false
	for p++; ; p++ {
		if p >= len(b) {
			return false
		}
		if c := b[p]; space(c) || c == '/' || c == '>' {
			break
		} else if c == 0 {
			return false
		}
	}
	s.nameEnd = p
	if space(b[p]) {
		p++
	}
	p = s.skipSpace(p)
	for {
		if p >= len(b) {
			return false
		}
		if b[p] == '>' {
			s.off = p + 1
			return true
		}
		// The key: an "=" as its first byte belongs to it.
		k0 := p
		for {
			if p >= len(b) {
				return false
			}
			c := b[p]
			p++
			if c == 0 {
				return false
			}
			if c == '=' && k0+1 == p {
				continue
			}
			if c == '=' || space(c) || c == '/' || c == '>' {
				p--
				break
			}
		}
		k1 := p
		// The value.
		v0, v1 := p, p
		p = s.skipSpace(p)
		if p >= len(b) {
			return false
		}
		switch c := b[p]; {
		case c == '/':
			p++
		case c == '=':
			p = s.skipSpace(p + 1)
			if p >= len(b) {
				return false
			}
			switch q := b[p]; q {
			case '>':
			case '\'', '"':
				p++
				v0 = p
				for {
					if p >= len(b) {
						return false
					}
					if b[p] == 0 {
						return false
					}
					if b[p] == q {
						break
					}
					p++
				}
				v1 = p
				p++
			default:
				v0 = p
				if q == 0 {
					return false
				}
				for p++; ; p++ {
					if p >= len(b) {
						return false
					}
					if c := b[p]; space(c) || c == '>' {
						break
					} else if c == 0 {
						return false
					}
				}
				v1 = p
				if space(b[p]) {
					p++
				}
			}
		}
		if attr && k0 != k1 {
			if len(s.attrs) == maxScanAttrs {
				return false // the tokenizer reads them, with a map of their keys
			}
			s.attrs = append(s.attrs, attrSpan{k0, k1, v0, v1})
		}
		p = s.skipSpace(p)
	}
}

// comment reads a comment whose text starts at p, after "<!--", as the
// tokenizer's readComment does.
func (s *scanner) comment(p int) bool {
	b := s.b
	s.data = p
	end := func(p, marker int) bool {
		s.off, s.dataEnd = p, max(p-marker, s.data)
		return true
	}
	dashes, beginning := 0, true
	for {
		if p >= len(b) {
			return false
		}
		c := b[p]
		p++
		switch c {
		case '-':
			dashes++
			continue
		case '>':
			if dashes >= 2 || beginning {
				return end(p, len("-->"))
			}
		case '!':
			if dashes >= 2 {
				if p >= len(b) {
					return false
				}
				c = b[p]
				p++
				if c == '>' {
					return end(p, len("--!>"))
				} else if c == '-' {
					dashes, beginning = 1, false
					continue
				}
			}
		}
		dashes, beginning = 0, false
	}
}

// commentData returns the text of the comment read, as written.
func (s *scanner) commentData() []byte { return s.b[s.data:s.dataEnd] }

// raw returns the token read, as written.
func (s *scanner) raw() []byte { return s.b[s.start:s.off] }

// tagAtom returns the atom of the tag read, 0 when its name has none:
// looked up once a tag, however often the readers ask.
func (s *scanner) tagAtom() atom.Atom {
	if !s.atomRead {
		name := s.b[s.name:s.nameEnd]
		if !lowerASCII(name) {
			var buf [24]byte
			name = appendLower(buf[:0], name)
		}
		s.atom, s.atomRead = lookupAtom(name), true
	}
	return s.atom
}

// attr returns the first attribute of the start tag read from its k-th
// on that the tokenizer would return (the first of each key): its key in
// lower case, appended to dst, its value as written, and the k to ask for
// the next; ok is false past the last.
func (s *scanner) attr(k int, dst []byte) (key, val []byte, next int, ok bool) {
	for ; k < len(s.attrs); k++ {
		a := s.attrs[k]
		if s.seenBefore(k) {
			continue
		}
		return appendLower(dst, s.b[a.k0:a.k1]), s.b[a.v0:a.v1], k + 1, true
	}
	return nil, nil, k, false
}

// seenBefore reports whether an attribute before the k-th has its key.
func (s *scanner) seenBefore(k int) bool {
	a := s.attrs[k]
	key := s.b[a.k0:a.k1]
	for _, e := range s.attrs[:k] {
		if equalFoldASCII(s.b[e.k0:e.k1], key) {
			return true
		}
	}
	return false
}

// lowerASCII reports whether b has no upper-case ASCII letter: appendLower
// would copy it as it is.
func lowerASCII(b []byte) bool {
	for _, c := range b {
		if 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

func appendLower(dst, b []byte) []byte {
	for _, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

func equalFoldASCII(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// tokens reads the tokens of a document with the scanner, and with the
// tokenizer wherever the scanner does not read them: then for a run of
// tokens (so that a document the scanner stumbles on at every other token
// costs no more than the tokenizer's own reading), and always for the
// start tags of elements whose content the tokenizer reads as raw text
// (with the text that follows) and of the elements whose attributes the
// segmenter reads from the tokenizer (table, body).
type tokens struct {
	b     []byte
	off   int // where the next token starts
	sc    scanner
	z     *html.Tokenizer
	zOff  int // where z reads next
	zLeft int // tokens z reads before the scanner is tried again
}

// scannedAtom returns the atom of the tag the scanner read last, as
// tagName would read it from the tag's bytes; 0 when the token was read
// by the tokenizer (z not nil), is no tag, or its name has no atom.
func (t *tokens) scannedAtom(z *html.Tokenizer, tt html.TokenType) atom.Atom {
	if z != nil || (tt != html.StartTagToken && tt != html.EndTagToken) {
		return 0
	}
	return t.sc.tagAtom()
}

// tokenizerRun is how many tokens the tokenizer reads once the scanner
// has stumbled.
const tokenizerRun = 64

// next reads the next token: its type and bytes, and the tokenizer when
// it read it (for the tag's attributes), nil when the scanner did.
// ErrorToken ends the document.
func (t *tokens) next() (html.TokenType, []byte, *html.Tokenizer) {
	if t.zLeft == 0 {
		t.sc.b, t.sc.off, t.sc.stop = t.b, t.off, false
		tt, ok := t.sc.next()
		if ok && !(tt == html.StartTagToken && tokenizerTag(t.sc.tagAtom())) {
			t.off = t.sc.off
			return tt, t.sc.raw(), nil
		}
		if t.z == nil || t.zOff != t.off {
			t.z, t.zOff = html.NewTokenizer(bytes.NewReader(t.b[t.off:])), t.off
		}
		t.zLeft = tokenizerRun
	}
	tt := t.z.Next()
	raw := t.z.Raw()
	t.off += len(raw)
	t.zOff = t.off
	t.zLeft--
	if t.zLeft == 0 && (tt == html.StartTagToken || tt == html.SelfClosingTagToken) {
		if rawTextElement(tagName(raw[1:]).a) {
			t.zLeft = 1 // the text that follows is the tokenizer's to read
		}
	}
	return tt, raw, t.z
}

// tokenizerTag reports the start tags the tokenizer reads, not the
// scanner.
func tokenizerTag(a atom.Atom) bool {
	return rawTextElement(a) || a == atom.Table || a == atom.Body
}

// rawTextElement reports the elements whose content the tokenizer reads
// as raw text.
func rawTextElement(a atom.Atom) bool {
	switch a {
	case atom.Iframe, atom.Noembed, atom.Noframes, atom.Noscript, atom.Plaintext, atom.Script, atom.Style,
		atom.Textarea, atom.Title, atom.Xmp:
		return true
	}
	return false
}
