package lexicon

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
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

// TestCutConcludedASCII: CutConcluded's reading of an ASCII text without
// lowering it gives what lowering it gives, on the lexicon's own words in
// any case, cut short, and followed by dates and words.
func TestCutConcludedASCII(t *testing.T) {
	lx := Default()
	pieces := []string{" ", ":", "2019", "April", "x", "S", "of", "\t", "締結", "Ｓ"}
	for _, c := range lx.concl {
		pieces = append(pieces, c.text, strings.ToUpper(c.text), c.text[:len(c.text)/2])
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(5) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		wantRest, wantOK := cutConcludedLowered(lx, s)
		rest, ok := lx.CutConcluded(s)
		assert.Equal(t, wantOK, ok, "%q", s)
		assert.Equal(t, wantRest, rest, "%q", s)
	}
}
