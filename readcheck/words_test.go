package readcheck

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// wordTexts are names with every kind of space and bracket, then random
// strings of them.
func wordTexts() []string {
	ts := []string{"", " ", "University of Tokyo", "  a  b ", "東北大学\u3000工学研究科", "a\u00a0b", "x\u2028y", "\xff \xfe",
		"École (Lyon)", "北京大学（医学部）", "[a] b", "［注］", "a)", "\u200bzero width"}
	pieces := []string{"a", "東", " ", "\t", "\n", "\u00a0", "\u3000", "\u2003", "\u0085", "\xef", "\xef\xbc", "(", ")", "（", "）", "[", "]", "［", "］", "\ufeff"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		ts = append(ts, b.String())
	}
	return ts
}

// TestCountWords: countWords counts what strings.Fields makes.
func TestCountWords(t *testing.T) {
	for _, s := range wordTexts() {
		assert.Equal(t, len(strings.Fields(s)), countWords(s), "%q", s)
	}
}

// TestMayHoldBracket: the pre-check lets pass every text with a bracket
// bracketsPair pairs.
func TestMayHoldBracket(t *testing.T) {
	for _, s := range wordTexts() {
		if strings.ContainsAny(s, "()（）[]［］") {
			assert.True(t, mayHoldBracket(s), "%q", s)
		}
	}
	assert.False(t, mayHoldBracket("University of Tokyo"))
	assert.False(t, mayHoldBracket("東北大学"))
}
