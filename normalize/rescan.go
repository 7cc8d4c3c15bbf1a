package normalize

import (
	"strings"
	"unicode/utf8"
)

// Scanners that say what an expression of this package says, without
// compiling it: most processes meet the texts these expressions read, and
// compiling them cost more than reading a document's lines. Each is
// checked against its expression on random texts (rescan_test.go), and the
// expression stays beside its use as the scanner's definition.

// listNumber is listNumberRe.FindString(s): a list item's number ("1. ",
// "（3）", "３．") at the start of s, with the white space after it, or "".
func listNumber(s string) string {
	i := 0
	if r, n := utf8.DecodeRuneInString(s); r == '(' || r == '（' {
		i = n
		d := digitRun(s, i)
		if d == i || runesBetween(s, i, d) > 3 {
			return ""
		}
		r, n := utf8.DecodeRuneInString(s[d:])
		if r != ')' && r != '）' {
			return ""
		}
		return s[:skipASCIISpace(s, d+n)]
	}
	d := digitRun(s, i)
	if d == i || runesBetween(s, i, d) > 3 {
		return ""
	}
	switch r, n := utf8.DecodeRuneInString(s[d:]); r {
	case '.', ')', '．', '）':
		return s[:skipASCIISpace(s, d+n)]
	}
	return ""
}

// digitRun is the end of the run of ASCII and full-width digits at s[i:].
func digitRun(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !('0' <= r && r <= '9' || '０' <= r && r <= '９') {
			break
		}
		i += n
	}
	return i
}

func runesBetween(s string, i, j int) int { return utf8.RuneCountInString(s[i:j]) }

// skipASCIISpace is the end of the run of ASCII white space (the
// expressions' \s) at s[i:].
func skipASCIISpace(s string, i int) int {
	for i < len(s) && asciiSpace(s[i]) {
		i++
	}
	return i
}

// foldS lowers the ASCII letters of s (no others: strings.ToLower would
// make İ an i, which the expressions do not) and reads the long s (ſ), which the
// expressions' (?i) takes for an s, as one. (The Kelvin sign, the other
// character outside ASCII that folds to an ASCII letter, is a k, which
// none of the words read here holds.)
func foldS(s string) string {
	if strings.Contains(s, "ſ") {
		s = strings.ReplaceAll(s, "ſ", "s")
	}
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// hasPrefixFold reports whether s starts with word (lower-case ASCII, no
// k) in any case, an s also written ſ, and returns the length of that
// prefix in s.
func hasPrefixFold(s, word string) (int, bool) {
	i := 0
	for k := 0; k < len(word); k++ {
		switch {
		case i < len(s) && s[i]|0x20 == word[k] && 'a' <= word[k] && word[k] <= 'z':
			i++
		case i < len(s) && s[i] == word[k]:
			i++
		case word[k] == 's' && strings.HasPrefix(s[i:], "ſ"):
			i += len("ſ")
		default:
			return 0, false
		}
	}
	return i, true
}

// isNote is noteRe.MatchString(text): a footnote's start, after an
// opening bracket and white space: a reference mark, 注, "Note:" or
// "Notes.", or "indicated in parentheses", in any case.
func isNote(text string) bool {
	i := 0
	if r, n := utf8.DecodeRuneInString(text); r == '(' || r == '（' {
		i = n
	}
	i = skipASCIISpace(text, i)
	rest := text[i:]
	switch r, _ := utf8.DecodeRuneInString(rest); r {
	case '†', '‡', '※', '注':
		return true
	}
	if n, ok := hasPrefixFold(rest, "note"); ok {
		j := n
		if m, ok := hasPrefixFold(rest[j:], "s"); ok {
			j += m
		}
		j = skipASCIISpace(rest, j)
		if j < len(rest) && (rest[j] == ':' || rest[j] == '.') {
			return true
		}
		// (without the s: what follows "note" is no s, as a colon or
		// white space is none)
		if j := skipASCIISpace(rest, n); j < len(rest) && (rest[j] == ':' || rest[j] == '.') {
			return true
		}
	}
	_, ok := hasPrefixFold(rest, "indicated in parentheses")
	return ok
}

// strayWords are the joining words strayWordRe matches.
var strayWords = [...]string{"at", "of", "and", "for", "the", "in", "de", "du", "des"}

// isStrayWord is strayWordRe.MatchString(s): s is one joining word, in any
// case.
func isStrayWord(s string) bool {
	if len(s) > len("deſ") {
		return false
	}
	f := foldS(s)
	for _, w := range strayWords {
		if f == w {
			return true
		}
	}
	return false
}

// isDateRest is dateRestRe.MatchString(t): the month and day of a date
// alone ("4.15", "4/15 締結", "4.15)").
func isDateRest(t string) bool {
	i := asciiDigits(t, 0, 2)
	if i < 0 {
		return false
	}
	i = skipASCIISpace(t, i)
	if i >= len(t) || t[i] != '.' && t[i] != '/' {
		return false
	}
	if i = asciiDigits(t, skipASCIISpace(t, i+1), 2); i < 0 {
		return false
	}
	i = skipASCIISpace(t, i)
	for _, w := range []string{"締結", "concluded"} {
		if strings.HasPrefix(t[i:], w) {
			i += len(w)
			break
		}
	}
	if r, n := utf8.DecodeRuneInString(t[i:]); r == ')' || r == '）' {
		i += n
	}
	return i == len(t)
}

// asciiDigits is the end of 1 to most ASCII digits at s[i:] (the whole
// run, which must be no longer), or -1.
func asciiDigits(s string, i, most int) int {
	j := i
	for j < len(s) && '0' <= s[j] && s[j] <= '9' {
		j++
	}
	if j == i || j-i > most {
		return -1
	}
	return j
}

// connectorWords are the joining words connectorRe finds at a text's end.
var connectorWords = [...]string{"of", "and", "for", "the", "in", "at", "de", "du", "des", "der", "für", "und", "di", "da"}

// endsWithConnector is connectorRe.MatchString(s): s ends with a joining
// word (in any case, on a word boundary) or a joining mark, so a name goes
// on after it.
func endsWithConnector(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r != utf8.RuneError && strings.ContainsRune(",&-–/・、", r) {
		return true
	}
	for _, w := range connectorWords {
		// The word as s writes it may be a byte longer (ſ for s).
		for k := len(w); k <= len(w)+1 && k <= len(s); k++ {
			start := len(s) - k
			if strings.EqualFold(s[start:], w) && (start == 0 || !asciiWord(s[start-1])) {
				return true
			}
		}
	}
	return false
}

// leadingMarkers is leadingMarkersRe.FindString(s): the markers that start
// s, each with the white space after it. Each repetition takes the
// marker markerAt reads and the white space after it, and the next
// repetition is tried until one fails, as the expression's greedy
// repetition does when nothing follows it.
func leadingMarkers(s string) string {
	i := 0
	for i < len(s) {
		e := markerAt(s[i:])
		if e < 0 {
			break
		}
		i = skipASCIISpace(s, i+e)
	}
	return s[:i]
}

// allMarkers is oneMarkerRe.FindAllString(s, -1): the markers of s, left
// to right.
func allMarkers(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		if e := markerAt(s[i:]); e > 0 {
			out = append(out, s[i:i+e])
			i += e
			continue
		}
		i++
	}
	return out
}

// trailingMarkers is trailingMarkersRe.FindString(s): the markers, white
// space between and before them, that end s. A match is the leftmost
// start from which the rest of s is white space and markers, each run of
// digits after a ※ (white space between): scanned, the run of such
// characters that ends s, less what stands before a run of digits with no
// ※ of its own. (A text not UTF-8 goes to the expression.)
func trailingMarkers(s string) string {
	if !utf8.ValidString(s) {
		return trailingMarkersRe.FindString(s)
	}
	a := len(s)
	for a > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:a])
		if !isRESpace(r) && !strings.ContainsRune(markerRunes, r) {
			break
		}
		a -= n
	}
	p, mark := a, -1 // the start so far, and the last character not white space before i
	for i := a; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !markerDigit(r) {
			if !isRESpace(r) {
				mark = i
			}
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !markerDigit(r) {
				break
			}
			j += n
		}
		if mark < p || !strings.HasPrefix(s[mark:], "※") {
			p = j // digits with no ※ of their own: no match starts before their end
		}
		mark, i = j-1, j
	}
	if r, _ := utf8.DecodeLastRuneInString(s); p >= len(s) || isRESpace(r) {
		return ""
	}
	return s[p:]
}

// isRESpace reports white space as \s reads it.
func isRESpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r' }

// markerDigit reports a digit a numbered marker may have.
func markerDigit(r rune) bool { return '0' <= r && r <= '9' || '０' <= r && r <= '９' }

// markersIn is len(allMarkers(s)).
func markersIn(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if e := markerAt(s[i:]); e > 0 {
			n++
			i += e
			continue
		}
		i++
	}
	return n
}

// titleThenUnit is titleThenUnitRe.FindStringSubmatchIndex(s): a closing
// bracket, white space, a comma or none and white space, then text to the
// end without brackets or commas that starts with no white space. What
// follows the bracket holds no bracket, so it is the last bracket of s.
func titleThenUnit(s string) []int {
	p, n := -1, 0
	for i, r := range s {
		if r == '(' || r == ')' || r == '（' || r == '）' {
			p, n = i, utf8.RuneLen(r)
		}
	}
	if p < 0 || s[p] == '(' || strings.HasPrefix(s[p:], "（") {
		return nil
	}
	j := skipASCIISpace(s, p+n)
	for _, sep := range []string{",", "，", "、"} {
		if strings.HasPrefix(s[j:], sep) {
			j = skipASCIISpace(s, j+len(sep))
			break
		}
	}
	if j == len(s) || commaChars.in(s[j:]) {
		return nil
	}
	return []int{p, len(s), j, len(s)}
}

// isAcademyName is academyRe.MatchString(s), run only on a text that
// holds "academy of " in any case, as every match does (no letter of it
// has a case form outside ASCII).
func isAcademyName(s string) bool {
	return hasFoldASCII(s, "academy of ") && academyRe.MatchString(s)
}

// trailingDate is trailingDateRE.FindStringSubmatch(t): the text before a
// bracketed piece that ends t (white space before the bracket aside), and
// the piece. The piece holds no bracket, so it opens at the last bracket
// before t's closing one; the text before it holds no line break (the
// expression's . takes none).
func trailingDate(t string) []string {
	e := len(t)
	for e > 0 && asciiSpace(t[e-1]) {
		e--
	}
	last, n := utf8.DecodeLastRuneInString(t[:e])
	if last != ')' && last != '）' {
		return nil
	}
	closing := e - n
	open, on := -1, 0
	for i, r := range t[:closing] {
		if r == '(' || r == ')' || r == '（' || r == '）' {
			open, on = i, utf8.RuneLen(r)
		}
	}
	if open < 0 || t[open] == ')' || strings.HasPrefix(t[open:], "）") || open+on == closing {
		return nil
	}
	head := t[:open]
	for len(head) > 0 && asciiSpace(head[len(head)-1]) {
		head = head[:len(head)-1]
	}
	if strings.Contains(head, "\n") {
		return nil
	}
	return []string{t, head, t[open+on : closing]}
}
