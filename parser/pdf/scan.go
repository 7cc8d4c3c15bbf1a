package pdf

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scanners that stand in for regular expressions on the path of every
// document: an expression is compiled at its first use in each process,
// which costs a parse child more than every match after. Each is held to
// its expression on random and exhaustive texts, invalid UTF-8 included
// (scan_test.go).

// isPageNumber reports whether a line is only a page number: "3", "Page 3",
// "3 / 12", "- 3 -", "p. 3", "3ページ". It is the expression
//
//	(?i)^(page|p\.|pg\.?|seite|página|pagina|ページ)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*((/|of|de|von|sur)\s*\d{1,4})?\s*(ページ|頁)?$
//
// (\s is ASCII white space but the vertical tab, \d an ASCII digit, and
// letters match as (?i) folds them: "ſ" is an "s").
func isPageNumber(s string) bool {
	if pageNumberRest(s) {
		return true
	}
	for _, w := range [...]string{"page", "p.", "pg", "pg.", "seite", "página", "pagina", "ページ"} {
		if n, ok := foldPrefix(s, w); ok && pageNumberRest(s[n:]) {
			return true
		}
	}
	return false
}

// pageNumberRest is isPageNumber after its leading word.
func pageNumberRest(s string) bool {
	s = skipDash(skipRESpace(s))
	s, ok := digitsUpTo4(skipRESpace(s))
	if !ok {
		return false
	}
	s = skipRESpace(skipDash(skipRESpace(s)))
	if s == "" {
		return true
	}
	for _, w := range [...]string{"/", "of", "de", "von", "sur"} {
		if n, ok := foldPrefix(s, w); ok {
			rest, ok := digitsUpTo4(skipRESpace(s[n:]))
			if ok {
				s = skipRESpace(rest)
			}
			break // the words start with different letters, none of them a suffix's
		}
	}
	return s == "" || s == "ページ" || s == "頁"
}

// skipRESpace drops the leading white space that \s matches.
func skipRESpace(s string) string {
	for s != "" {
		switch s[0] {
		case ' ', '\t', '\n', '\f', '\r':
			s = s[1:]
		default:
			return s
		}
	}
	return s
}

// skipDash drops one leading hyphen, en dash or em dash.
func skipDash(s string) string {
	for _, d := range [...]string{"-", "–", "—"} {
		if strings.HasPrefix(s, d) {
			return s[len(d):]
		}
	}
	return s
}

// digitsUpTo4 takes the leading run of ASCII digits: false when there is
// none or it is longer than four (nothing after \d{1,4} in isPageNumber
// can match a digit).
func digitsUpTo4(s string) (string, bool) {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return s[n:], n >= 1 && n <= 4
}

// foldPrefix reports whether s starts with w as (?i) matches it, rune by
// rune under simple case folding, and how many bytes of s that takes.
func foldPrefix(s, w string) (int, bool) {
	n := 0
	for _, wr := range w {
		r, size := utf8.DecodeRuneInString(s[n:])
		if size == 0 || (r == utf8.RuneError && size == 1) || !foldEqual(r, wr) {
			return 0, false
		}
		n += size
	}
	return n, true
}

// foldEqual reports whether a and b are one letter under simple case
// folding (unicode.SimpleFold's orbit).
func foldEqual(a, b rune) bool {
	if a == b {
		return true
	}
	for r := unicode.SimpleFold(b); r != b; r = unicode.SimpleFold(r) {
		if r == a {
			return true
		}
	}
	return false
}

// replaceDigitRuns replaces every run of ASCII digits in s by "#": the
// expression \d+ replaced by "#".
func replaceDigitRuns(s string) string {
	i := 0
	for i < len(s) && (s[i] < '0' || s[i] > '9') {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		if s[i] >= '0' && s[i] <= '9' {
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				i++
			}
			b.WriteByte('#')
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// isSeqMarker reports whether text is a sequence number standing as a
// list marker: "1.", "(iv)", "a)", "（１２）", "１．", "⑳". It is the
// expression
//
//	^([(（]?([0-9０-９]{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)．）]|[(（][0-9０-９]{1,3}[)）]|[\x{2460}-\x{2473}\x{2474}-\x{2487}\x{2776}-\x{2793}])$
func isSeqMarker(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if n == len(s) && (r >= 0x2460 && r <= 0x2487 || r >= 0x2776 && r <= 0x2793) {
		return true
	}
	// The second alternative's texts are all the first's.
	last, m := utf8.DecodeLastRuneInString(s)
	switch last {
	case '.', ')', '．', '）':
	default:
		return false
	}
	body := s[:len(s)-m]
	if r, n := utf8.DecodeRuneInString(body); r == '(' || r == '（' {
		body = body[n:]
	}
	return seqBody(body, false)
}

// isListMarkerText is the expression
//
//	^(\(?[0-9]{1,3}[.)]|\(?[a-zA-Z][.)]|\(?[ivxlcIVXLC]{1,6}[.)]|[•◦▪‣●○■□◆◇►▶➢➤❖✓✔・*·※–—-])$
func isListMarkerText(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if n == len(s) && n > 0 && r != utf8.RuneError && strings.ContainsRune("•◦▪‣●○■□◆◇►▶➢➤❖✓✔・*·※–—-", r) {
		return true
	}
	if s == "" || (s[len(s)-1] != '.' && s[len(s)-1] != ')') {
		return false
	}
	body := s[:len(s)-1]
	if body != "" && body[0] == '(' {
		body = body[1:]
	}
	return seqBody(body, true)
}

// seqBody reports whether a marker's body is one to three digits (ASCII,
// or full width too when not asciiDigits), one ASCII letter, or one to six
// roman numerals.
func seqBody(body string, asciiDigits bool) bool {
	if body == "" {
		return false
	}
	digits, roman := 0, 0
	for _, r := range body {
		switch {
		case r >= '0' && r <= '9', !asciiDigits && r >= '０' && r <= '９':
			digits++
		case strings.ContainsRune("ivxlcIVXLC", r):
			roman++
		default:
			if len(body) == 1 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
				return true
			}
			return false
		}
	}
	n := utf8.RuneCountInString(body)
	if digits == n {
		return n <= 3
	}
	if roman == n {
		return n <= 6
	}
	return false
}

// keyNumber is the expression key\s+(\d+) (key taken literally; with
// signed, key\s+(-?\d+)) run by FindSubmatch on b: the leftmost match and
// its number, nil when none.
func keyNumber(b []byte, key string, signed bool) [][]byte {
	start, s, d, ok := keyNumberAt(b, key, signed)
	if !ok {
		return nil
	}
	return [][]byte{b[start:d], b[s:d]}
}

// keyNumberAt is keyNumber's match as offsets in b: where it starts, where
// its number starts and where both end.
func keyNumberAt(b []byte, key string, signed bool) (start, s, d int, ok bool) {
	for off := 0; off < len(b); {
		j := bytes.Index(b[off:], []byte(key))
		if j < 0 {
			return 0, 0, 0, false
		}
		start = off + j
		s = start + len(key)
		for s < len(b) && isRESpace(b[s]) {
			s++
		}
		d = s
		if signed && d < len(b) && b[d] == '-' {
			d++
		}
		digits := d
		for d < len(b) && b[d] >= '0' && b[d] <= '9' {
			d++
		}
		if s > start+len(key) && d > digits {
			return start, s, d, true
		}
		off = start + 1
	}
	return 0, 0, 0, false
}

// isRESpace reports whether c is white space as \s matches it.
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// keyBracket is the expression key\s*\[([^\]]*)\] (key taken literally)
// run by FindSubmatch on b: the leftmost match and what its brackets hold,
// nil when none.
func keyBracket(b []byte, key string) [][]byte {
	for off := 0; off < len(b); {
		j := bytes.Index(b[off:], []byte(key))
		if j < 0 {
			return nil
		}
		start := off + j
		s := start + len(key)
		for s < len(b) && isRESpace(b[s]) {
			s++
		}
		if s < len(b) && b[s] == '[' {
			if e := bytes.IndexByte(b[s+1:], ']'); e >= 0 {
				return [][]byte{b[start : s+1+e+1], b[s+1 : s+1+e]}
			}
		}
		off = start + 1
	}
	return nil
}

// lengthRef is the expression /Length\s+(\d+)(\s+\d+\s+R)? run by
// FindSubmatch on b: the leftmost match, its number and the reference's
// rest (nil when the length is a number, not a reference), nil when none.
func lengthRef(b []byte) [][]byte {
	start, s, d, ok := keyNumberAt(b, "/Length", false)
	if !ok {
		return nil
	}
	p := d
	for p < len(b) && isRESpace(b[p]) {
		p++
	}
	q := p
	for q < len(b) && b[q] >= '0' && b[q] <= '9' {
		q++
	}
	r := q
	for r < len(b) && isRESpace(b[r]) {
		r++
	}
	if p > d && q > p && r > q && r < len(b) && b[r] == 'R' {
		return [][]byte{b[start : r+1], b[s:d], b[d : r+1]}
	}
	return [][]byte{b[start:d], b[s:d], nil}
}

// filterFirst is the expression /Filter\s*\[?\s*/(\w+) run by
// FindSubmatch on b: the leftmost match and the first filter's name, nil
// when none.
func filterFirst(b []byte) [][]byte {
	for off := 0; off < len(b); {
		j := bytes.Index(b[off:], []byte("/Filter"))
		if j < 0 {
			return nil
		}
		start := off + j
		s := start + len("/Filter")
		for s < len(b) && isRESpace(b[s]) {
			s++
		}
		if s < len(b) && b[s] == '[' {
			s++
		}
		for s < len(b) && isRESpace(b[s]) {
			s++
		}
		if s < len(b) && b[s] == '/' {
			e := s + 1
			for e < len(b) && (b[e] >= '0' && b[e] <= '9' || b[e] >= 'a' && b[e] <= 'z' || b[e] >= 'A' && b[e] <= 'Z' || b[e] == '_') {
				e++
			}
			if e > s+1 {
				return [][]byte{b[start:e], b[s+1 : e]}
			}
		}
		off = start + 1
	}
	return nil
}
