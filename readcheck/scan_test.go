package readcheck

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/internal/ascii"

	"github.com/stretchr/testify/assert"
)

// The checks' scans, as they were written before they were made one pass
// without allocating: what each scan must still say.

func institutionWordsAsBefore(s string) int {
	l := strings.ToLower(s)
	return min(strings.Count(l, "universi")+strings.Count(l, "college")+strings.Count(l, "institut"), 2)
}

func countWordsAsBefore(s string) int { return len(strings.Fields(s)) }

func mayHoldBracketAsBefore(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', ')', '[', ']', 0xEF:
			return true
		}
	}
	return false
}

// interleavedAsBefore is interleaved as it was: its gate before the words
// are read, then the same reading of the words.
func interleavedAsBefore(s string) bool {
	if s == "" || !strings.Contains(s, " ") || ascii.Only(s) {
		return false
	}
	return interleavedWords(strings.Fields(s))
}

// scansAsBefore reports where the scans and their earlier forms differ
// on s.
func scansAsBefore(t *testing.T, s string) bool {
	return assert.Equal(t, institutionWordsAsBefore(s), institutionWords(s), "institutionWords(%q)", s) &&
		assert.Equal(t, countWordsAsBefore(s), countWords(s), "countWords(%q)", s) &&
		assert.Equal(t, mayHoldDateAsBefore(s), mayHoldDate(s), "mayHoldDate(%q)", s) &&
		assert.Equal(t, mayHoldBracketAsBefore(s), mayHoldBracket(s), "mayHoldBracket(%q)", s) &&
		assert.Equal(t, interleavedAsBefore(s), interleaved(s), "interleaved(%q)", s) &&
		assert.Equal(t, !strings.Contains(s, " ") || ascii.Only(s), !scanName(s).space || scanName(s).ascii, "scanName(%q)", s) &&
		assert.Equal(t, strings.Contains(s, "\uFFFD"), scanName(s).lost, "scanName(%q).lost", s)
}

func mayHoldDateAsBefore(s string) bool {
	return strings.ContainsAny(s, "0123456789") && (strings.Contains(s, "/") || strings.ContainsAny(s, ".-"))
}

// scanTexts are names in the shapes the scans look for, and random texts
// of the pieces that could fool them: case, runes that lower to ASCII
// (U+0130, U+212A), bytes that are not UTF-8, spaces beyond ASCII, a
// cut full-width bracket.
func scanTexts() []string {
	texts := []string{"", "University", "UNIVERSITY COLLEGE", "Universität Wien Institut Pasteur", "universinstitut",
		"İNSTİTUT İNSTİTUT", "İnstitut University", "Col\u212Aege", "collegecollege", "\xffuniversi\xffcollege",
		"Foo University (2019.4.1)", "Bar（2019-04-01）", "Bar\xef\xbc 1-2", "a\u00a0b\u3000c\u0085d", "東北大学 IFS 部局",
		strings.Repeat("word ", 30), strings.Repeat("語", 250)}
	pieces := []string{"universi", "UNIVERSI", "college", "COLLEGE", "institut", "INSTITUT", "İ", "\u212A", "ı", "univ", "ersi",
		"colleg", "e", "i", "\xff", "\xe6\x9d", " ", "\t", "\u00a0", "\u3000", "\u0085", "\u2028", "0", "9", "/", ".", "-", "(",
		"（", "\xef\xbc", "\xef", "\x88", "\ufffd", "\xef\xbf", "\xbd", "）", "大学", "a", "Z", "\x00", "[", "]", "［", "部局", "間協定", "IFS", "カタカナ", "Ab.", "x'y"}
	r := rand.New(rand.NewPCG(16, 16))
	for range 50000 {
		var b strings.Builder
		for n := r.IntN(12); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	// names of words set apart by spaces, for interleaved
	words := []string{"部局", "間協定", "IFS", "Ab.", "大学", "x'y", "カタカナ", "ＫＡＩ", "é", "12", "(A)"}
	spaces := []string{" ", "  ", "\u3000", "\t"}
	for range 20000 {
		var b strings.Builder
		for n := 1 + r.IntN(6); n > 0; n-- {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteString(spaces[r.IntN(len(spaces))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// TestScansAsBefore: each scan says what its earlier form said, on every
// text.
func TestScansAsBefore(t *testing.T) {
	for _, s := range scanTexts() {
		if !scansAsBefore(t, s) {
			return
		}
	}
	for r := range rune(0x80) {
		assert.Equal(t, unicode.IsSpace(r), asciiSpace(r), "%U", r)
	}
}

// FuzzScans: any text, as TestScansAsBefore.
func FuzzScans(f *testing.F) {
	for _, s := range scanTexts()[:40] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		scansAsBefore(t, s)
	})
}

// TestShorten: a text is cut after n runes, as its runes counted and cut
// would be, bytes that are not UTF-8 each a rune said as U+FFFD.
func TestShorten(t *testing.T) {
	byRunes := func(s string, n int) string {
		if utf8.RuneCountInString(s) <= n {
			return s
		}
		return string([]rune(s)[:n]) + "…"
	}
	for _, s := range []string{"", "abc", "abcd", "abcde", "東北大学工学部", "東北\xffabc", "ab\xff\xfe", "\xe6\x9d", "北京大学"} {
		for n := 0; n <= 6; n++ {
			assert.Equal(t, byRunes(s, n), shorten(s, n), "%q cut at %d", s, n)
		}
	}
}

// TestJaDateIn: a date written the Japanese way with a four-digit year is
// found in a name, spaces between its parts or not; a year alone, a year
// of other than four digits, or a month without its year is not.
func TestJaDateIn(t *testing.T) {
	for in, want := range map[string]string{
		"1998 年3月10日":          "1998 年3月10日",
		"1998年3月10日":           "1998年3月10日",
		"カレル大学 2009 年 6 月 2 日": "2009 年 6 月 2 日",
		"Universität 2017年4月":  "2017年4月",
		"創立1998年の大学":           "",
		"98年3月10日":             "",
		"12345年3月":             "",
		"3月10日":                "",
		"Charles University":   "",
		"2020年度 年3月":           "",
	} {
		assert.Equal(t, want, jaDateIn(in), in)
	}
}
