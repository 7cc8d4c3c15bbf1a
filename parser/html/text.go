package html

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// textBuf collects the inline text of a block or a cell and turns it into
// lines: white space folded, link notes removed, empty lines dropped. Its
// buffers are reused from one block to the next, so reading text allocates
// only the strings handed out.
type textBuf struct {
	raw  []byte // text as read; '\n' marks a line break (<br>, block boundary)
	line []byte // the line being folded
	tmp  []byte // the line with its link notes removed
	out  []byte // the lines read, joined by one space
	ends []int  // where each line ends in out
}

// writeText appends a text node's data; its line breaks are white space
// (only <br> and block boundaries break lines).
func (t *textBuf) writeText(s string) {
	for {
		i := indexCRLF(s)
		if i < 0 {
			t.raw = append(t.raw, s...)
			return
		}
		t.raw = append(t.raw, s[:i]...)
		t.raw = append(t.raw, ' ')
		s = s[i+1:]
	}
}

// writeBytes is writeText of a text token's bytes.
func (t *textBuf) writeBytes(b []byte) {
	for _, c := range b {
		if c == '\n' || c == '\r' {
			c = ' '
		}
		t.raw = append(t.raw, c)
	}
}

func indexCRLF(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' || s[i] == '\r' {
			return i
		}
	}
	return -1
}

// lineBreak ends the current line.
func (t *textBuf) lineBreak() { t.raw = append(t.raw, '\n') }

// empty reports whether no text has been read since the last split.
func (t *textBuf) empty() bool { return len(t.raw) == 0 }

// split turns the text read into lines, left in out and ends, and starts
// afresh. It returns the number of lines.
func (t *textBuf) split() int {
	t.out, t.ends = t.out[:0], t.ends[:0]
	rest := t.raw
	for len(rest) > 0 {
		l := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		t.line = appendFolded(t.line[:0], l)
		if len(t.line) == 0 {
			continue
		}
		if indexOpenBracket(t.line) >= 0 {
			t.tmp = appendWithoutLinkNotes(t.tmp[:0], t.line)
			t.line = appendFolded(t.line[:0], t.tmp)
			if len(t.line) == 0 {
				continue
			}
		}
		if len(t.out) > 0 {
			t.out = append(t.out, ' ')
		}
		t.out = append(t.out, t.line...)
		t.ends = append(t.ends, len(t.out))
	}
	t.raw = t.raw[:0]
	return len(t.ends)
}

// lines returns the lines of the last split as substrings of s, which is
// string(t.out), appended to dst.
func (t *textBuf) lines(dst []string, s string) []string {
	start := 0
	for _, end := range t.ends {
		dst = append(dst, s[start:end])
		start = end + 1
	}
	return dst
}

// invisible reports characters that take no room and carry no text: zero
// width space, word joiner, a byte order mark inside the text, soft hyphen.
func invisible(r rune) bool {
	switch r {
	case '\u200b', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return false
}

// asciiSpace is the ASCII white space of unicode.IsSpace.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// appendFolded appends src to dst with runs of white space (including
// no-break and ideographic spaces) folded into one space, the ends trimmed
// and invisible characters dropped. A text already so (most cells: ASCII
// words one space apart) is appended whole.
func appendFolded(dst, src []byte) []byte {
	if foldedASCII(src) {
		return append(dst, src...)
	}
	return appendFoldedRunes(dst, src)
}

// foldedASCII reports whether src is ASCII with no white space but single
// spaces between other bytes: appendFolded leaves it as it is.
func foldedASCII(src []byte) bool {
	prev := byte(' ') // (a leading space is not folded)
	for _, c := range src {
		if c >= utf8.RuneSelf || c != ' ' && asciiSpace[c] || c == ' ' && prev == ' ' {
			return false
		}
		prev = c
	}
	return prev != ' ' || len(src) == 0
}

// appendFoldedRunes is appendFolded, rune by rune.
func appendFoldedRunes(dst, src []byte) []byte {
	start := len(dst)
	space := false
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			i++
			if asciiSpace[c] {
				space = true
				continue
			}
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, c)
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
		case invisible(r):
		default:
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, src[i:i+size]...)
		}
		i += size
	}
	return dst
}

// appendWithoutLinkNotes appends l to dst with the link notes removed
// wherever they stand, each replaced by a space.
func appendWithoutLinkNotes(dst, l []byte) []byte {
	rest := l
	for {
		i := indexOpenBracket(rest)
		if i < 0 {
			break
		}
		if mayBeLinkNote(rest[i:]) {
			if m := linkSuffixRe.FindIndex(rest[i:]); m != nil {
				dst = append(dst, rest[:i]...)
				dst = append(dst, ' ')
				rest = rest[i+m[1]:]
				continue
			}
		}
		_, size := utf8.DecodeRune(rest[i:])
		dst = append(dst, rest[:i+size]...)
		rest = rest[i+size:]
	}
	return append(dst, rest...)
}

// mayBeLinkNote is a quick test before linkSuffixRe: after the bracket and
// any space, a link note starts with 外, 新, 別 or a p, e, o or n.
func mayBeLinkNote(b []byte) bool {
	_, size := utf8.DecodeRune(b)
	b = b[size:]
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\n' || b[0] == '\r' || b[0] == '\f') {
		b = b[1:]
	}
	if len(b) == 0 {
		return false
	}
	switch b[0] | 0x20 {
	case 'p', 'e', 'o', 'n':
		return true
	}
	r, _ := utf8.DecodeRune(b)
	return r == '外' || r == '新' || r == '別'
}

// indexOpenBracket finds the first "(", "[", "（" or "［" in s.
func indexOpenBracket(s []byte) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			return i
		case 0xef: // （ is EF BC 88, ［ is EF BC BB
			if i+2 < len(s) && s[i+1] == 0xbc && (s[i+2] == 0x88 || s[i+2] == 0xbb) {
				return i
			}
		}
	}
	return -1
}
