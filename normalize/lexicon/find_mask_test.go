package lexicon

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestFindByteMask: find, which passes over a term with a byte the text
// lacks, finds what it finds without looking at the bytes, on texts made
// of the lexicon's own terms, cut anywhere, with spaces, letters,
// characters outside ASCII and invalid UTF-8.
func TestFindByteMask(t *testing.T) {
	lx := Default()
	lists := [][]term{lx.headers, lx.levels, lx.lvals, lx.units, lx.inst, lx.title, lx.concl, lx.kinds, lx.noise, lx.rterms, lx.flagTerms}
	var pieces []string
	for _, ts := range lists {
		for _, tm := range ts {
			assert.Equal(t, byteMask(tm.text), tm.mask, tm.text)
			pieces = append(pieces, tm.text, tm.text[:len(tm.text)/2])
		}
	}
	pieces = append(pieces, " ", "s", "x", "大", "\xff", "\xe2\x80", "12")
	r := rand.New(rand.NewPCG(15, 16))
	found := 0
	for range 5000 {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(2) == 0 {
				b.WriteString(" ")
			}
		}
		s := b.String()
		for _, ts := range lists {
			unmasked := make([]term, len(ts))
			for k, tm := range ts {
				tm.mask = 0
				unmasked[k] = tm
			}
			want := find(s, unmasked)
			for k := range want {
				want[k].t.mask = byteMask(want[k].t.text)
			}
			found += len(want)
			assert.Equal(t, want, find(s, ts), "%q", s)
		}
	}
	assert.Greater(t, found, 1000)
}
