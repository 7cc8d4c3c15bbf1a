package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/internal/ascii"
)

// containsAny is strings.ContainsAny for a short list of characters, some
// not ASCII: one byte search per character instead of one look-up in the
// list per character of s. The result is the same: a character's encoding
// found in s is that character, since UTF-8 decodes from each character's
// first byte. (A list with U+FFFD in it, which strings.ContainsAny finds
// at every invalid byte too, goes to strings.ContainsAny.)
func containsAny(s, chars string) bool {
	if strings.ContainsRune(chars, utf8.RuneError) {
		return strings.ContainsAny(s, chars)
	}
	wide := false
	for i := 0; i < len(chars); i++ {
		if c := chars[i]; c >= utf8.RuneSelf {
			wide = true
		} else if strings.IndexByte(s, c) >= 0 {
			return true
		}
	}
	if !wide || ascii.Only(s) {
		return false
	}
	for _, c := range chars {
		if c >= utf8.RuneSelf && strings.Contains(s, string(c)) {
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
	space := func(j int) int {
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\f' || s[j] == '\r') {
			j++
		}
		return j
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ',' || r == '，' || r == '、':
			j := space(i + n)
			out = append(out, []int{i, j})
			i = j
		case space(i) > i:
			j := space(i)
			out = append(out, []int{i, j})
			i = j
		default:
			i += n
		}
	}
	return out
}

// dashSeps and detailSeps are the characters dashSepRe and detailSepRe
// need one of to match: a text with none is no split.
const (
	dashSeps   = "—–―‐-"
	detailSeps = ",，、;；"
)

// splitDash is dashSepRe.Split, without running the expression on a text
// with no dash.
func splitDash(s string, n int) []string {
	if n != 0 && !containsAny(s, dashSeps) {
		return []string{s}
	}
	return dashSepRe.Split(s, n)
}

// splitDetails is detailSepRe.Split, without running the expression on a
// text with no separator.
func splitDetails(s string, n int) []string {
	if n != 0 && !containsAny(s, detailSeps) {
		return []string{s}
	}
	return detailSepRe.Split(s, n)
}

// endsInHanKatakana reports a text whose last character is Han, Katakana
// or the long-vowel mark: what latinThenCJKRe needs to match.
func endsInHanKatakana(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == 'ー' || unicode.Is(unicode.Han, r) || unicode.Is(unicode.Katakana, r)
}
