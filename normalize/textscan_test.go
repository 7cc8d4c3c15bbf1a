package normalize

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// TestCharSet: a charSet answers as strings.ContainsAny does with its
// list, on texts with invalid UTF-8 too; the readers' lists among them.
func TestCharSet(t *testing.T) {
	sets := []string{"—–―‐-", "*＊♦◆◇★☆", ",，、;；", ")）", "0123456789０１２３４５６７８９", "", "a", "\uFFFD", "\xe2-", "-\x94", "a\xef\xbc"}
	pieces := []string{"a", "-", "—", "＊", "、", "）", "5", "５", "大", " ", "\xe2", "\x80", "\x94", "\xef\xbc", "\uFFFD",
		"(", "（", ")", "*", "♦", "★", ",", ";", "；", "，", "\xbc", "\x88"}
	for _, s := range randomTexts(11, 20000, 7, pieces...) {
		for _, set := range sets {
			cs := newCharSet(set)
			assert.Equal(t, strings.ContainsAny(s, set), cs.in(s), "%q in %q", set, s)
		}
		for _, cs := range []*charSet{&dashChars, &closeBrackets, &openBrackets, &markerChars, &detailSeps, &commaChars} {
			assert.Equal(t, strings.ContainsAny(s, cs.chars), cs.in(s), "%q in %q", cs.chars, s)
		}
	}
}

// TestOpeningBracket: openingBracket finds what strings.IndexAny finds.
func TestOpeningBracket(t *testing.T) {
	for _, s := range []string{"", "a", "(", "（", "a(b（c", "a（b(c", "（(", "x)y", "\xef\xbc", "コンゴ民主共和国(キンシャサ)", "刚果（金）"} {
		assert.Equal(t, strings.IndexAny(s, "(（"), openingBracket(s), "%q", s)
	}
}

// TestFirstField: firstField is the first of strings.Fields(s + " x").
func TestFirstField(t *testing.T) {
	for _, s := range []string{"", " ", "\u3000", "May 2021", "  May", "May,\t2021", "x", "a\xffb c", "\u00a0Jan.\u00a0", "５月"} {
		assert.Equal(t, strings.Fields(s + " x")[0], firstField(s), "%q", s)
	}
}

// TestTrailingDateNeedsBracket: trailingDateRE finds nothing in a text
// that does not end with a closing bracket, the check TrailingDate makes
// first.
func TestTrailingDateNeedsBracket(t *testing.T) {
	pieces := []string{"a", " ", "(", ")", "（", "）", "2019.4.1", "\t", "\n", "大学", "\u3000"}
	r := rand.New(rand.NewPCG(17, 18))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := strings.TrimSpace(b.String())
		if !strings.HasSuffix(s, ")") && !strings.HasSuffix(s, "）") {
			assert.False(t, trailingDateRE.MatchString(s), "%q", s)
		}
	}
	_, d, ok := TrailingDate("Peking University (1999.11.10) ")
	assert.True(t, ok)
	assert.Equal(t, "1999-11-10", d.ISO)
}

// TestBareDateTails: bareDateTails finds what bareDateTailRe finds.
func TestBareDateTails(t *testing.T) {
	pieces := []string{"a", " ", "  ", ",", "，", "、", "\t", "\n", "\v", "\f", "\r", "\u3000", "\u00a0", "2019.4.1", "大学", "\xe3", "\xef\xbc"}
	for _, s := range randomTexts(19, 20000, 9, pieces...) {
		assert.Equal(t, bareDateTailRe.FindAllStringIndex(s, -1), bareDateTails(s), "%q", s)
	}
}

// TestSplitPrechecks: splitDash (and dashMatches) and splitDetails split as their
// expressions do, and latinThenCJKRe matches only a text endsInHanKatakana
// lets pass.
func TestSplitPrechecks(t *testing.T) {
	pieces := []string{"a", "Univ", " ", "-", "—", "–", "―", "‐", ",", "，", "、", ";", "；", "\t", "大学", "センター", "ー", "ｰ", "7", ")", "\xe2", "\x80", "\xef", "\xbc", "\xe3", "\n", "\u3000"}
	for _, s := range randomTexts(21, 50000, 7, pieces...) {
		for _, n := range []int{-1, 0, 1, 2, 3} {
			assert.Equal(t, dashSepRe.Split(s, n), splitDash(s, n), "%q, %d", s, n)
			assert.Equal(t, dashSepRe.FindAllStringIndex(s, n), dashMatches(s, n), "%q, %d", s, n)
			assert.Equal(t, detailSepRe.Split(s, n), splitDetails(s, n), "%q, %d", s, n)
		}
		if latinThenCJKRe.MatchString(s) {
			assert.True(t, endsInHanKatakana(s), "%q", s)
		}
	}
	assert.True(t, endsInHanKatakana("LOEWE emergenCITY センター"))
	assert.False(t, endsInHanKatakana("Faculty of Science"))
}

// TestTrailingCountAt: trailingCountAt finds what trailingCountRe finds,
// on texts with invalid UTF-8 too.
func TestTrailingCountAt(t *testing.T) {
	pieces := []string{" ", "(", "（", ")", "）", "1", "79", "１", "９", "a", "\t", "\n", "\xEF", "\xBC", "\x89", "\x99", "大", "\u3000", "China"}
	for _, s := range randomTexts(31, 50000, 8, pieces...) {
		want := trailingCountRe.FindStringSubmatchIndex(s)
		start, from, to, ok := trailingCountAt(s)
		if want == nil {
			assert.False(t, ok, "%q", s)
			continue
		}
		assert.Equal(t, want[:4], []int{start, want[1], from, to}, "%q", s)
		assert.Equal(t, len(s), want[1], "%q", s)
	}
	name, n, ok := splitCount("China (79)")
	assert.True(t, ok)
	assert.Equal(t, "China", name)
	assert.Equal(t, 79, n)
}

// TestHasCJKFromLeadByte: hasCJK, reading runes from the first byte of
// 0xE2 or above, says what reading every rune says, on random texts of
// Latin, CJK and other scripts' characters, the bytes of a CJK character
// cut short and invalid UTF-8.
func TestHasCJKFromLeadByte(t *testing.T) {
	everyRune := func(s string) bool {
		for _, r := range s {
			if isCJK(r) {
				return true
			}
		}
		return false
	}
	pieces := []string{"a", " ", "é", "Ω", "ж", "\u1fff", "\u2e7f", "\u2e80", "大", "あ", "ア", "ー", "、", "Ａ", "\uffe0", "\U00020000",
		"\xe2", "\xe5\xa4", "\xa4\xa7", "\xe1\xbf", "\xe0", "\xff", "\xc3", "\xf0\x9f"}
	for _, s := range randomTexts(24, 50000, 5, pieces...) {
		assert.Equal(t, everyRune(s), hasCJK(s), "%q", s)
	}
}

// TestMarkerLookups: isMarkerSymbol and isMarkerRune say of every rune
// (and of RuneError) what strings.ContainsRune says of the lists.
func TestMarkerLookups(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		if strings.ContainsRune(markerSymbols, r) != isMarkerSymbol(r) || strings.ContainsRune(markerRunes, r) != isMarkerRune(r) {
			t.Fatalf("%U", r)
		}
	}
	assert.True(t, isMarkerSymbol('*'))
	assert.True(t, isMarkerRune('5'))
	assert.False(t, isMarkerSymbol(utf8.RuneError))
}
