package readcheck

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestMayHoldDate: every name dateInNameRe finds a date in passes the
// pre-check.
func TestMayHoldDate(t *testing.T) {
	names := []string{"Foo University (2019.4.1)", "Foo University 4/1/2019", "Bar（2019-04-01）", "Baz (12)", "Qux 2019"}
	// Shaped as dates are, each part drawn from a few choices.
	parts := [][]string{{"U ", "大学", ""}, {"(", "（", "", " "}, {"2019", "4", "12", "０", ""}, {"/", ".", "-", " ", "年"},
		{"4", "12", "x"}, {"/", ".", "-", ""}, {"1", "2019", "30"}, {")", "）", "", " "}, {"", "U", "5"}}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for _, p := range parts {
			b.WriteString(p[r.IntN(len(p))])
		}
		names = append(names, b.String())
	}
	matched := 0
	for _, s := range names {
		if dateInNameRe.MatchString(s) {
			matched++
			assert.True(t, mayHoldDate(s), "%q", s)
		}
	}
	assert.Greater(t, matched, 100)
	assert.False(t, mayHoldDate("Universidad de Chile"))
}
