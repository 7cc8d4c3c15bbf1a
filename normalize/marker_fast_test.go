package normalize

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// markerTexts are texts of the shapes markers take, then random strings
// of marker symbols, digits, spaces, letters and invalid UTF-8.
func markerTexts() []string {
	ts := []string{"", "*", "**", "♦", "※", "※1", "※ 1", "※１２", "※\t3*", "*※2", "※*", "※ ", "※1 ", "a*", "*a", "† ‡", "#1", "\xff", "*\xff", "※\xff1"}
	alphabet := []string{"*", "＊", "♦", "◆", "※", "†", "‡", "#", "§", "1", "０", "９", " ", "\t", "\n", "\v", "\u3000", "a", "大", "(", "\xff", "\xe2\x80", "\ufffd"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(7) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		ts = append(ts, b.String())
	}
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
