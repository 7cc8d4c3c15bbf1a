package names

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

// similarNames makes n names of one of the shapes that defeat prefix
// filtering: numbered ("Partner University 000123"), one-edit variants
// of one name, and one name with a random distinctive word.
func similarNames(shape string, n int) []string {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]string, n)
	base := []rune("Universidad Nacional Autonoma de Mexico")
	for i := range out {
		switch shape {
		case "numbered":
			out[i] = fmt.Sprintf("Partner University %06d", i)
		case "typos":
			s := append([]rune(nil), base...)
			for range 1 + r.IntN(2) {
				s[r.IntN(len(s))] = rune('a' + r.IntN(26))
			}
			out[i] = string(s)
		case "words":
			w := make([]rune, 8)
			for k := range w {
				w[k] = rune('a' + r.IntN(26))
			}
			out[i] = "Universidad de " + string(w)
		}
	}
	return out
}

func BenchmarkClustersSimilar(b *testing.B) {
	for _, shape := range []string{"numbered", "typos", "words"} {
		in := similarNames(shape, 200_000)
		b.Run(shape, func(b *testing.B) {
			for b.Loop() {
				Clusters(in)
			}
		})
	}
}

// fullDistance is Distance without the band: every cell computed.
func fullDistance(a, b []rune) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 2
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// TestDistanceBand checks the banded Distance against every cell computed.
func TestDistanceBand(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	word := func() []rune {
		w := make([]rune, r.IntN(9))
		for i := range w {
			w[i] = rune('a' + r.IntN(3))
		}
		return w
	}
	for i := range 100000 {
		a, b, max := word(), word(), r.IntN(4)
		if i%2 == 1 { // a common prefix and suffix
			p, s := word(), word()
			a = append(append(append([]rune(nil), p...), a...), s...)
			b = append(append(append([]rune(nil), p...), b...), s...)
		}
		want := min(fullDistance(a, b), max+1)
		if got := Distance(a, b, max); got != want {
			t.Fatalf("Distance(%q, %q, %d) = %d, want %d", string(a), string(b), max, got, want)
		}
	}
}

// TestClustersBounded: many similar names stop at the work bound and say
// so; ordinary lists are complete.
func TestClustersBounded(t *testing.T) {
	_, complete := ClustersBounded([]string{"Tallin University", "Tallinn University", "Chiang Mai University"})
	assert.True(t, complete)
	c, complete := ClustersBounded(similarNames("numbered", 20000))
	assert.False(t, complete)
	assert.NotEmpty(t, c)
}
