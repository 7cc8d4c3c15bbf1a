package pdf

import (
	"cmp"
	"slices"
)

// Sorting by a float key, into the order of the plain sort.
//
// slices.SortFunc is not stable: where keys tie, the order it leaves
// depends on its moves, and its moves depend only on the slice's length and
// on what its comparisons return. So a slice of (key, index) pairs sorted
// by key with comparisons that return what the plain sort's would, is moved
// as the plain sort would have moved the indices: the indices come out in
// the same order, ties included. The pairs' keys are read once each
// instead of twice a comparison through the index, and a comparison of
// keys known not to be NaN skips cmp.Compare's NaN tests (it returns the
// same for every other number, -0 and +0 included).

// keyed is an index and its sort key.
type keyed struct {
	key float64
	k   int
}

// compareNumbers is cmp.Compare for numbers that are not NaN.
func compareNumbers(x, y float64) int {
	if x < y {
		return -1
	}
	if x > y {
		return 1
	}
	return 0
}

// lessKeyed orders keyed pairs as cmp.Compare orders their keys, for keys
// that are not NaN.
func lessKeyed(a, b keyed) int { return compareNumbers(a.key, b.key) }

// anyNaN reports whether the key of any index of idx is NaN: when none
// is, a sort of idx by the keys may compare them with compareNumbers.
func anyNaN(idx []int, key func(int) float64) bool {
	for _, k := range idx {
		if x := key(k); x != x {
			return true
		}
	}
	return false
}

// compareKeyed is cmp.Compare on keyed pairs' keys, NaN included.
func compareKeyed(a, b keyed) int { return cmp.Compare(a.key, b.key) }

// sortIndices sorts idx into the order
//
//	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(key(a), key(b)) })
//
// leaves it in, with buf as room for the pairs (returned, to be reused).
func sortIndices(idx []int, key func(int) float64, buf []keyed) []keyed {
	buf = slices.Grow(buf[:0], len(idx))
	nan := false
	for _, k := range idx {
		x := key(k)
		nan = nan || x != x
		buf = append(buf, keyed{key: x, k: k})
	}
	if nan {
		slices.SortFunc(buf, compareKeyed)
	} else {
		slices.SortFunc(buf, lessKeyed)
	}
	for n := range buf {
		idx[n] = buf[n].k
	}
	return buf[:0]
}
