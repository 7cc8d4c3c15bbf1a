package normalize

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestASCIIFirstField: where asciiFirstField answers, it answers as
// firstField.
func TestASCIIFirstField(t *testing.T) {
	answered := 0
	for _, s := range append([]string{"", " ", "\v", "a", " a b", "\va\v", "a\u00a0b", "\u0085a", "ab\u3000"},
		randomTexts(33, 30000, 5, append([]string{"a", "May", " ", "\v", "\u0085", "\u00a0", "."}, noise...)...)...) {
		if w, ok := asciiFirstField(s); ok {
			answered++
			assert.Equal(t, firstField(s), w, "%q", s)
		}
	}
	assert.Greater(t, answered, 1000)
}

// hasMonthNameLowered is hasMonthName as it reads any text: the first
// word lowered as a whole, then looked up.
func hasMonthNameLowered(s string) bool {
	w := strings.ToLower(strings.Trim(firstField(s), ".,"))
	_, ok := monthNames[w]
	if !ok {
		_, ok = monthAbbrevs[w]
	}
	return ok
}

// TestHasMonthName: hasMonthName, which lowers an ASCII word in place,
// gives what lowering the word as a whole gives, on month names in any
// case, cut short, run on, and mixed with characters that change length
// when lowered and with invalid UTF-8.
func TestHasMonthName(t *testing.T) {
	for _, m := range []map[string]int{monthNames, monthAbbrevs} {
		for k := range m {
			assert.LessOrEqual(t, len(k), monthNameMax, k)
			assert.Contains(t, monthInitials, k[:1], k)
		}
	}
	pieces := []string{".", ",", "2019", "ber", "s", "S", "uary", "\u212a", "K", "k"}
	for _, m := range []map[string]int{monthNames, monthAbbrevs} {
		for k := range m {
			pieces = append(pieces, k, strings.ToUpper(k), strings.ToUpper(k[:1])+k[1:], k[:len(k)/2])
		}
	}
	texts := append([]string{"", "May", "MAY.", ",may,", "Septembers", "SEPTEMBER 1", " sept. 3", "ſep", "\u212aan"},
		randomTexts(31, 40000, 4, append(pieces, noise...)...)...)
	hits := 0
	for _, s := range texts {
		want := hasMonthNameLowered(s)
		if want {
			hits++
		}
		assert.Equal(t, want, hasMonthName(s), "%q", s)
	}
	assert.Greater(t, hits, 100)
}

// TestUnitRemembered: isUnit and unitish read a text again as they did,
// also once their memos have been emptied, and the memos stay bounded.
func TestUnitRemembered(t *testing.T) {
	c := newContext(tdoc(nil), Options{})
	texts := append([]string{"", "Faculty of Agriculture", "Kagoshima University", "数理学院", "工学研究科", "Engineering School",
		"Ecole Polytechnique de Bruxelles", " School of Medicine ", "Berkeley"},
		randomTexts(32, 2*textMemo, 5, append([]string{"Faculty", " of ", "Science", "University", "School", "Institute", "大学", "学院",
			"研究科", "Centre", "escuela", ", ", "Tokyo"}, noise...)...)...)
	require.Greater(t, len(texts), textMemo)
	memoAgrees(t, texts, c.readUnit, c.isUnit, 100)
	memoAgrees(t, texts, c.readUnitish, c.unitish, 100)
	assert.LessOrEqual(t, len(c.units), textMemo)
	assert.LessOrEqual(t, len(c.unitishs), textMemo)
}

// TestStartsDigitOrMonth: startsDigitOrMonth, which answers from the
// first byte when it is ASCII, gives what reading the first character and
// the first word gives, on month names in any case after dots, commas and
// white space, digits of other scripts, era names and invalid UTF-8.
func TestStartsDigitOrMonth(t *testing.T) {
	read := func(s string) bool {
		r, _ := utf8.DecodeRuneInString(s)
		return unicode.IsDigit(r) || hasMonthName(s) || strings.HasPrefix(s, "令和") || strings.HasPrefix(s, "平成") || strings.HasPrefix(s, "昭和")
	}
	pieces := []string{".", ",", " ", "\v", "\t", "2019", "１", "٣", "令和", "平成", "昭和", "s", "X", "\u212a", "\x00", "(", "-"}
	for _, m := range []map[string]int{monthNames, monthAbbrevs} {
		for k := range m {
			pieces = append(pieces, k, strings.ToUpper(k), strings.ToUpper(k[:1])+k[1:])
		}
	}
	hits := 0
	for _, s := range append([]string{"", "May", ".may", ",Sept.", "\vjune", "9", "٣"}, randomTexts(35, 40000, 4, append(pieces, noise...)...)...) {
		want := read(s)
		if want {
			hits++
		}
		assert.Equal(t, want, startsDigitOrMonth(s), "%q", s)
	}
	assert.Greater(t, hits, 1000)
}
