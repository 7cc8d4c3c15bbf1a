package lexicon

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/agreements/agreements/internal/textgen"
)

// cutConcludedLowered is CutConcluded as it reads any text: the whole text
// lowered, then its prefix compared.
func cutConcludedLowered(lx *Lexicon, text string) (string, bool) {
	t := strings.TrimSpace(text)
	lower := strings.ToLower(t)
	for _, c := range lx.concl {
		if strings.HasPrefix(lower, c.text) && len(lower) > len(c.text) {
			rest := t[len(c.text):]
			if r := firstRune(rest); c.latin && isWordRune(r) {
				continue
			}
			return strings.TrimLeft(rest, " :：　"), true
		}
	}
	return t, false
}

// TestCutConcludedLowered: CutConcluded, which lowers no ASCII text and
// only the start of another, gives what lowering the whole text gives, on
// the lexicon's own words in any case, cut short, and followed by dates
// and words, some of which change length when lowered.
func TestCutConcludedLowered(t *testing.T) {
	lx := Default()
	pieces := []string{" ", ":", "2019", "April", "x", "S", "of", "\t", "締結", "Ｓ", "İ", "ẞ", "Ⱥ", "\xe2", "\x80", "é", "University of Tokyo "}
	for _, c := range lx.concl {
		pieces = append(pieces, c.text, strings.ToUpper(c.text), c.text[:len(c.text)/2])
	}
	for _, s := range textgen.Random(20000, 11, 5, 6, pieces) {
		wantRest, wantOK := cutConcludedLowered(lx, s)
		rest, ok := lx.CutConcluded(s)
		assert.Equal(t, wantOK, ok, "%q", s)
		assert.Equal(t, wantRest, rest, "%q", s)
	}
}

// TestLowerPrefix: lowerPrefix gives a prefix of the lowered text longer
// than max, or the whole of it.
func TestLowerPrefix(t *testing.T) {
	pieces := []string{"a", "B", "İ", "ẞ", "Ⱥ", "\xe2", "\x80", "大", " "}
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s, max := b.String(), r.IntN(12)
		lower, p := strings.ToLower(s), lowerPrefix(s, max)
		assert.True(t, strings.HasPrefix(lower, p), "%q", s)
		assert.True(t, p == lower || len(p) > max, "%q", s)
	}
}
