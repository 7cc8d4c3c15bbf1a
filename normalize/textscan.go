package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The lists of characters the readers look for in a text, made once.
var (
	dashChars     = newCharSet(dashSeps)
	closeBrackets = newCharSet(")）")
	openBrackets  = newCharSet("(（")
	markerChars   = newCharSet("*＊∗♦◆◇★☆")
	detailSeps    = newCharSet(",，、;；")
	commaChars    = newCharSet(",，、")
)

// charSet is a short list of characters made ready to be looked for, once
// (a package's lists are made when it starts): its ASCII characters and
// the encodings of the others apart. in(s) answers as
// strings.ContainsAny(s, chars) does: a character's encoding found in s is
// that character, since UTF-8 decodes from each character's first byte. A
// list with U+FFFD in it or an invalid byte (strings.ContainsAny finds
// U+FFFD at every invalid byte of s) goes to strings.ContainsAny.
type charSet struct {
	chars string
	ascii []byte   // the ASCII characters
	wide  []string // the encodings of the others
	whole bool     // the list goes to strings.ContainsAny
}

func newCharSet(chars string) charSet {
	cs := charSet{chars: chars}
	if strings.Contains(chars, "\uFFFD") || !utf8.ValidString(chars) {
		cs.whole = true
		return cs
	}
	for i, c := range chars {
		if c < utf8.RuneSelf {
			cs.ascii = append(cs.ascii, byte(c))
		} else {
			cs.wide = append(cs.wide, chars[i:i+utf8.RuneLen(c)])
		}
	}
	return cs
}

// in reports a character of the list in s: one byte search for each
// ASCII character, then, when s has a byte beyond ASCII, one search for
// each other character.
func (cs *charSet) in(s string) bool {
	if cs.whole {
		return strings.ContainsAny(s, cs.chars)
	}
	for _, c := range cs.ascii {
		if strings.IndexByte(s, c) >= 0 {
			return true
		}
	}
	if len(cs.wide) == 0 || !beyondASCII(s) {
		return false
	}
	for _, w := range cs.wide {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// beyondASCII reports a byte of 0x80 or above in s, looking at eight
// bytes at a time.
func beyondASCII(s string) bool {
	const highs = 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&highs != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// hasDigit reports an ASCII or a fullwidth digit (０ to ９) in s: what
// strings.ContainsAny(s, "0123456789０１２３４５６７８９") reports, read
// byte by byte. A fullwidth digit's encoding (EF BC 90 to EF BC 99) found
// in s is that digit: EF is no continuation byte, so UTF-8 decodes from it.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= '0' && b <= '9':
			return true
		case b == 0xef && i+2 < len(s) && s[i+1] == 0xbc && s[i+2] >= 0x90 && s[i+2] <= 0x99:
			return true
		}
	}
	return false
}

// firstField is strings.Fields(s + " x")[0]: the first field of s, or "x"
// when s has none, without splitting the rest of s.
func firstField(s string) string {
	start := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
	if start < 0 {
		return "x"
	}
	s = s[start:]
	if end := strings.IndexFunc(s, unicode.IsSpace); end >= 0 {
		return s[:end]
	}
	return s
}

// bareDateTails is bareDateTailRe.FindAllStringIndex(s, -1), read byte by
// byte: a comma and the white space after it, or a run of white space
// (white space as the expression's \s: tab, newline, form feed, carriage
// return, space).
func bareDateTails(s string) [][]int {
	var out [][]int
	for i, j := nextBareDateTail(s, 0); i >= 0; i, j = nextBareDateTail(s, j) {
		out = append(out, []int{i, j})
	}
	return out
}

// nextBareDateTail is the first of bareDateTails(s) that starts at or
// after from, read from there, as its start and end; -1, -1 when none.
// (Each match ends where the next scan starts, as the expression's do.)
func nextBareDateTail(s string, from int) (int, int) {
	space := func(j int) int {
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\f' || s[j] == '\r') {
			j++
		}
		return j
	}
	for i := from; i < len(s); {
		b := s[i]
		switch {
		case b == ',':
			return i, space(i + 1)
		case b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r':
			return i, space(i)
		case b < utf8.RuneSelf:
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == '，' || r == '、' {
			return i, space(i + n)
		}
		i += n
	}
	return -1, -1
}

// dashSeps are the characters dashSepRe needs one of to match: a text
// with none is no split.
const dashSeps = "—–―‐-"

// splitDash is dashSepRe.Split, without running the expression: s cut at
// each of dashMatches.
func splitDash(s string, n int) []string {
	if n == 0 {
		return nil
	}
	if s == "" {
		return []string{""}
	}
	if !dashChars.in(s) {
		return []string{s}
	}
	// As regexp.Regexp.Split cuts at the matches.
	matches := dashMatches(s, n)
	parts := make([]string, 0, len(matches))
	beg, end := 0, 0
	for _, m := range matches {
		if n > 0 && len(parts) >= n-1 {
			break
		}
		end = m[0]
		parts = append(parts, s[beg:end])
		beg = m[1]
	}
	if end != len(s) {
		parts = append(parts, s[beg:])
	}
	return parts
}

// dashMatches is dashSepRe.FindAllStringIndex(s, n): the leftmost matches,
// left to right, at most n of them when n >= 0.
func dashMatches(s string, n int) [][]int {
	var out [][]int
	for i := 0; i < len(s) && (n < 0 || len(out) < n); {
		if e := dashSepAt(s, i); e > i {
			out = append(out, []int{i, e})
			i = e
			continue
		}
		i++
	}
	return out
}

// dashSepAt is the end of dashSepRe's match starting at s[i:], or -1: white
// space, a run of dashes and white space; or, white space around it
// optional, an em dash or a horizontal bar. (Every greedy part ends where
// the next cannot start, so the first way that fits is the match.)
func dashSepAt(s string, i int) int {
	dashes := func(j int, set string) int {
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if r == utf8.RuneError || !strings.ContainsRune(set, r) {
				break
			}
			j += n
		}
		return j
	}
	w := skipASCIISpace(s, i)
	if w > i {
		if d := dashes(w, dashSeps); d > w {
			if e := skipASCIISpace(s, d); e > d {
				return e
			}
		}
	}
	if r, n := utf8.DecodeRuneInString(s[w:]); r == '—' || r == '―' {
		return skipASCIISpace(s, w+n)
	}
	return -1
}

// splitDetails is detailSepRe.Split(s, n), read byte by byte: each
// separator with the white space (the expression's \s) on both sides of
// it. The leftmost match is the first separator's, with all the white
// space before it since the last match; the white space after it is
// taken whole, so the next match cannot start inside it.
func splitDetails(s string, n int) []string {
	if n == 0 {
		return nil
	}
	if s == "" {
		return []string{""}
	}
	space := func(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r' }
	var out []string
	beg := 0
	for i := 0; i < len(s); {
		w := detailSepAt(s, i)
		if w == 0 {
			i++
			continue
		}
		if n > 0 && len(out) == n-1 {
			break
		}
		start, end := i, i+w
		for start > beg && space(s[start-1]) {
			start--
		}
		for end < len(s) && space(s[end]) {
			end++
		}
		out = append(out, s[beg:start])
		beg, i = end, end
	}
	return append(out, s[beg:])
}

// detailSepAt reports the length of the separator of details that starts
// at s[i], or 0. A character's encoding found at any byte is that
// character: UTF-8 decodes from each character's first byte, and a byte
// that starts none is read alone.
func detailSepAt(s string, i int) int {
	switch s[i] {
	case ',', ';':
		return 1
	case 0xEF, 0xE3:
		for _, sep := range []string{"，", "、", "；"} {
			if strings.HasPrefix(s[i:], sep) {
				return len(sep)
			}
		}
	}
	return 0
}

// endsInHanKatakana reports a text whose last character is Han, Katakana
// or the long-vowel mark: what latinThenCJKRe needs to match.
func endsInHanKatakana(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == 'ー' || unicode.Is(unicode.Han, r) || unicode.Is(unicode.Katakana, r)
}
