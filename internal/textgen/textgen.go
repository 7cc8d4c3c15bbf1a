// Package textgen makes the texts that tests try a scanner or a fast path
// on against the reading it stands in for: every text of a few pieces, and
// random texts of more.
package textgen

import (
	"math/rand/v2"
	"strings"
)

// Every returns every text of up to depth pieces of alphabet, each
// prefix before the texts that grow from it (the empty text first).
func Every(alphabet []string, depth int) []string {
	var texts []string
	var grow func(prefix string, d int)
	grow = func(prefix string, d int) {
		texts = append(texts, prefix)
		if d == 0 {
			return
		}
		for _, c := range alphabet {
			grow(prefix+c, d-1)
		}
	}
	grow("", depth)
	return texts
}

// Random returns n texts of up to most pieces of alphabet, drawn by a PCG
// seeded with seed1 and seed2: the same seeds give the same texts.
func Random(n, most int, seed1, seed2 uint64, alphabet []string) []string {
	r := rand.New(rand.NewPCG(seed1, seed2))
	texts := make([]string, 0, n)
	for range n {
		var b strings.Builder
		for range r.IntN(most + 1) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	return texts
}
