package normalize

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestHasUnitOpener: every name unitOpenerRe finds an opener in passes the
// pre-check.
func TestHasUnitOpener(t *testing.T) {
	var names []string
	words := append([]string{" ", "of", "for", "de", "d'", "University", "Tokyo", "\t"}, unitOpeners...)
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(words[r.IntN(len(words))])
			if r.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		names = append(names, b.String())
	}
	matched := 0
	for _, s := range names {
		if unitOpenerRe.MatchString(s) {
			matched++
			assert.True(t, hasUnitOpener(s), "%q", s)
		}
	}
	assert.Greater(t, matched, 100)
	assert.False(t, hasUnitOpener("University of Tokyo"))
	// And it says what looking for every opener after every white space
	// byte says.
	after := func(s string) bool {
		for i := 0; i+1 < len(s); i++ {
			if strings.IndexByte(" \t\n\f\r", s[i]) < 0 {
				continue
			}
			for _, w := range unitOpeners {
				if strings.HasPrefix(s[i+1:], w) {
					return true
				}
			}
		}
		return false
	}
	for _, s := range append(names, "\tFaculté", " Fakultät", " Fak", "x\nCentre", "x Centr", " é") {
		assert.Equal(t, after(s), hasUnitOpener(s), "%q", s)
	}
}
