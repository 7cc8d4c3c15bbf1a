package normalize

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/agreements/agreements/parser"
)

// markerTexts are texts of the shapes markers take, then random strings
// of marker symbols, digits, spaces, letters and invalid UTF-8.
func markerTexts() []string {
	ts := []string{"", "*", "**", "♦", "※", "※1", "※ 1", "※１２", "※\t3*", "*※2", "※*", "※ ", "※1 ", "a*", "*a", "† ‡", "#1", "\xff", "*\xff", "※\xff1"}
	alphabet := []string{"*", "＊", "♦", "◆", "※", "†", "‡", "#", "§", "1", "０", "９", " ", "\t", "\n", "\v", "\u3000", "a", "大", "(", "\xff", "\xe2\x80", "\ufffd"}
	ts = append(ts, randomTexts(5, 20000, 6, alphabet...)...)
	return ts
}

// TestMarkerAt: the scanner ends where the expression's match at the start
// of the text ends, and isMarker says what the expression said.
func TestMarkerAt(t *testing.T) {
	for _, s := range markerTexts() {
		want := -1
		if m := oneMarkerRe.FindStringIndex(s); m != nil && m[0] == 0 {
			want = m[1]
		}
		assert.Equal(t, want, markerAt(s), "%q", s)
		trimmed := strings.TrimSpace(s)
		assert.Equal(t, trimmed != "" && oneMarkerRe.FindString(trimmed) == trimmed, isMarker(s), "%q", s)
	}
}

// TestMayBeMarker: a text mayBeMarker refuses is no marker once cleaned,
// alone or after a bullet.
func TestMayBeMarker(t *testing.T) {
	texts := markerTexts()
	extra := []string{"\u00a0*", "*\u3000※1", "⺠", "*\u0301", "Ⅰ", "①", "\u2028", "ｓ", "*ﾞ"}
	texts = append(texts, extra...)
	for _, s := range texts {
		for _, bullet := range []string{"", "*", "•", "\xff"} {
			if !mayBeMarker(s) || !mayBeMarker(bullet) {
				assert.False(t, isMarker(clean(bullet+" "+s)), "%q %q", bullet, s)
			}
		}
	}
	assert.True(t, mayBeMarker(" ＊ ※１ "))
	assert.False(t, mayBeMarker("*a"))
}

// legendTexts are lines of the shapes legends and marked entries take,
// then random strings of markers, verbs, flag words and names.
func legendTexts() []string {
	ts := []string{"* indicates student exchange", "(※1 授業料不徴収)", "♦ 授業料不徴収", "* University of Tokyo", "★：授業料相互不徴収",
		"† * denotes tuition waiver", "* = double degree", "※ 1 派遣のみ", "(* Tuition fee waiver agreement)", "◎は授業料不徴収"}
	pieces := []string{"*", "※", "※1", "♦", "†", "(", "（", ")", "）", " ", "  ", "\t", "indicates", "denotes", "means", "signifies",
		"shows", "marks", "represents", ":", "：", "=", "＝", "は", "印は", "印：", "tuition", "fee", "waiver", "Tuition Waiver",
		"授業料", "不徴収", "派遣のみ", "受入のみ", "double degree", "exchange", "University", "of", "大学", "\xff", "\n", "é"}
	ts = append(ts, randomTexts(13, 20000, 7, pieces...)...)
	return ts
}

// TestLegendPrechecks: the checks parseLegendLine makes before its
// expressions refuse no legend: a text legendRe matches holds a verb, and
// a bare legend whose definition names a flag is a text that names it.
func TestLegendPrechecks(t *testing.T) {
	c := newContext(&parser.Document{}, Options{})
	bare := 0
	for _, s := range legendTexts() {
		if legendRe.MatchString(s) {
			assert.True(t, hasLegendVerb(s), "%q", s)
		}
		if b := bareLegendRe.FindStringSubmatch(s); b != nil && c.lx.Flag(b[2]) != "" {
			bare++
			assert.NotEmpty(t, c.lx.Flag(s), "%q", s)
		}
	}
	assert.Positive(t, bare)
}

// cutMarkersTrimmed is cutMarkers trimming and decoding every text: the
// reading its shortcut for ASCII ends must agree with.
func cutMarkersTrimmed(s string) (rest, lead, trail string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return s, "", ""
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	leading := strings.ContainsRune(markerSymbols, first)
	trailing := strings.ContainsRune(markerSymbols, last) || strings.ContainsRune(s, '※') && strings.ContainsRune(markerRunes, last)
	if leading {
		if m := leadingMarkers(s); m != "" {
			lead = m
			s = strings.TrimSpace(s[len(m):])
		}
	}
	if trailing && s != "" {
		if m := trailingMarkers(s); m != "" {
			trail = m
			s = strings.TrimSpace(s[:len(s)-len(m)])
		}
	}
	return s, lead, trail
}

// TestCutMarkersShortcut: cutMarkers says what trimming and decoding
// every text says, on marker texts, legends and random names with ASCII
// and other ends (spaces, control bytes, digits after a ※, invalid UTF-8).
func TestCutMarkersShortcut(t *testing.T) {
	texts := append(markerTexts(), legendTexts()...)
	texts = append(texts, randomTexts(29, 20000, 5, "a", "Z", "5", ".", "'", " ", "\t", "\x01", "\x7f", "*", "#", "※", "※1", "†", "é", "\xff", "(", ")")...)
	for _, s := range texts {
		r, l, tr := cutMarkers(s)
		wr, wl, wt := cutMarkersTrimmed(s)
		assert.Equal(t, [3]string{wr, wl, wt}, [3]string{r, l, tr}, "%q", s)
	}
}
