package lexicon

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// mayNameDetailFolded is MayNameDetail read from the text's folding
// whatever the text: the reading its ASCII path must agree with.
func mayNameDetailFolded(lx *Lexicon, text string) bool {
	s := strings.ReplaceAll(Fold(text), " ", "")
	for _, w := range lx.detail {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// TestMayNameDetailAsFolded: MayNameDetail says what the folded text,
// spaces taken out, says, on random texts of the detail words' pieces in
// every case, with apostrophes, punctuation, digits, CJK and invalid
// UTF-8.
func TestMayNameDetailAsFolded(t *testing.T) {
	lx := Default()
	pieces := []string{"", " ", "  ", "'", "’", "-", ",", "(", ")", "/", "\t", "0", "9", "a", "Z", "univ", "ersity", "UNIVERSITY",
		"Level", "level", "LEV", "el", "wide", "Wide", "school", "-to-", "School", "MOU", "m.o.u.", "exchange", "Exchange",
		"agree", "ment", "department", "Dept", "協定", "大学間", "部局間", "包括", "\xff", "é", "ＭＯＵ", "Ｌｅｖｅｌ", "x"}
	r := rand.New(rand.NewPCG(30, 31))
	texts := []string{"University-wide", "School-to-school agreement", "Student Exchange", "MOU", "Tsinghua University"}
	for range 30000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	yes := 0
	for _, s := range texts {
		want := mayNameDetailFolded(lx, s)
		if want {
			yes++
		}
		assert.Equal(t, want, lx.MayNameDetail(s), "%q", s)
	}
	assert.Positive(t, yes)
	assert.Less(t, yes, len(texts))
}
