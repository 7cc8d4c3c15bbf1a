package lexicon

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// termLists are the lexicon's lists of terms.
func termLists(lx *Lexicon) [][]term {
	return [][]term{lx.headers, lx.levels, lx.lvals, lx.units, lx.inst, lx.title, lx.concl, lx.kinds, lx.noise, lx.rterms, lx.flagTerms}
}

// TestFindByteMask: find, which passes over a term with a byte the text
// lacks, finds what it finds without looking at the bytes, on texts made
// of the lexicon's own terms, cut anywhere, with spaces, letters,
// characters outside ASCII and invalid UTF-8.
func TestFindByteMask(t *testing.T) {
	lx := Default()
	lists := termLists(lx)
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

// TestFindTextAsFind: findText, which does not fold an ASCII text where
// no term's bytes all stand, finds what find finds in the folded text, on
// texts of the lexicon's terms in upper, lower and mixed case, cut
// anywhere, with punctuation, apostrophes, digits and characters outside
// ASCII; and LevelTitle answers as it did folding every text.
func TestFindTextAsFind(t *testing.T) {
	lx := Default()
	lists := termLists(lx)
	var pieces []string
	for _, ts := range lists {
		for _, tm := range ts {
			pieces = append(pieces, tm.text, strings.ToUpper(tm.text), tm.text[:len(tm.text)/2])
		}
	}
	pieces = append(pieces, " ", "-", "'", "’", "(", "&", "s", "X", "大", "12", "\t", "Wide", "LEVEL")
	r := rand.New(rand.NewPCG(17, 18))
	skipped, found := 0, 0
	for range 20000 {
		var b strings.Builder
		for range r.IntN(6) {
			p := pieces[r.IntN(len(pieces))]
			if r.IntN(3) == 0 && p != "" {
				i := r.IntN(len(p))
				p = p[:i] + strings.ToUpper(p[i:i+1]) + p[i+1:]
			}
			b.WriteString(p)
			if r.IntN(2) == 0 {
				b.WriteString([]string{" ", "-", "'", ", "}[r.IntN(4)])
			}
		}
		s := b.String()
		for _, ts := range lists {
			want := find(Fold(s), ts)
			got := findText(s, ts)
			if len(want) == 0 {
				assert.Empty(t, got, s)
			} else {
				assert.Equal(t, want, got, s)
				found++
			}
			if got == nil && want == nil && asciiOnly(s) && !mayHold(foldMaskASCII(s), ts) {
				skipped++
			}
		}
		wantLv, wantOK := lx.levelTitleFolded(Fold(s))
		gotLv, gotOK := lx.LevelTitle(s)
		assert.Equal(t, []any{wantLv, wantOK}, []any{gotLv, gotOK}, s)
	}
	assert.Greater(t, found, 1000, "texts where terms are found")
	assert.Greater(t, skipped, 1000, "texts not folded")
}

// asciiOnly reports a text of ASCII bytes only.
func asciiOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
