package html

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/net/html/atom"
)

// TestLookupAtom checks lookupAtom against atom.Lookup on every name of
// one and two bytes (of every byte value), every atom's name, and random
// names of up to twelve bytes.
func TestLookupAtom(t *testing.T) {
	var names [][]byte
	for c := range 256 {
		names = append(names, []byte{byte(c)})
		for d := range 256 {
			names = append(names, []byte{byte(c), byte(d)})
		}
	}
	for a := atom.Atom(1); a < 1<<20; a++ {
		if s := a.String(); s != "" {
			names = append(names, []byte(s))
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	const letters = "abdhilpqrstuAB0"
	for range 100_000 {
		b := make([]byte, r.IntN(13))
		for i := range b {
			b[i] = letters[r.IntN(len(letters))]
		}
		names = append(names, b)
	}
	for _, n := range names {
		require.Equal(t, atom.Lookup(n), lookupAtom(n), "%q", n)
	}
}
