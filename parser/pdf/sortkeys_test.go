package pdf

import (
	"cmp"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// sortKeyValues are the keys the sort tests draw from: ties, both zeros,
// infinities, and NaN when nan is set.
func sortKeyValues(nan bool) []float64 {
	vs := []float64{0, math.Copysign(0, -1), 1, 1.5, -2, 3, 3, math.Inf(1), math.Inf(-1), 1e-300}
	if nan {
		vs = append(vs, math.NaN())
	}
	return vs
}

// sortKeyDraw returns a generator of keys from vs, the same for one seed.
func sortKeyDraw(seed uint32, vs []float64) func() float64 {
	return func() float64 {
		seed = seed*1664525 + 1013904223
		return vs[seed>>16%uint32(len(vs))]
	}
}

var sortTestSizes = []int{0, 1, 2, 5, 12, 13, 19, 40, 51, 300, 2000}

// sortIndices leaves indices in the order slices.SortFunc by their keys
// does, ties, both zeros, infinities and NaN included.
func TestSortIndicesAsSortFunc(t *testing.T) {
	var buf []keyed
	for _, nan := range []bool{false, true} {
		for _, size := range sortTestSizes {
			next := sortKeyDraw(uint32(size+11), sortKeyValues(nan))
			keys := make([]float64, size)
			idx := make([]int, size)
			for k := range keys {
				keys[k] = next()
				idx[k] = size - 1 - k
			}
			want := slices.Clone(idx)
			slices.SortFunc(want, func(a, b int) int { return cmp.Compare(keys[a], keys[b]) })
			buf = sortIndices(idx, func(k int) float64 { return keys[k] }, buf)
			assert.Equal(t, want, idx, "%d keys, NaN %v", size, nan)
		}
	}
}

// glyphOrder is the glyphs' indices in the page, in the order of fg.
func glyphOrder(fg []fglyph) []int32 {
	out := make([]int32, len(fg))
	for n := range fg {
		out[n] = fg[n].i
	}
	return out
}

// sortByBaseline's order is slices.SortFunc's also where a baseline or a
// start is NaN, infinite or a zero of either sign.
func TestSortByBaselineSpecialValues(t *testing.T) {
	var wb wordBuf
	for _, nan := range []bool{false, true} {
		for _, size := range sortTestSizes {
			next := sortKeyDraw(uint32(size+3), sortKeyValues(nan))
			fg := make([]fglyph, size)
			for k := range fg {
				fg[k] = fglyph{i: int32(k), base: next(), u0: next()}
			}
			want := slices.Clone(fg)
			slices.SortFunc(want, func(a, b fglyph) int { return compareFkeys(fkey{base: a.base, u0: a.u0}, fkey{base: b.base, u0: b.u0}) })
			sortByBaseline(fg, &wb)
			assert.Equal(t, glyphOrder(want), glyphOrder(fg), "%d glyphs, NaN %v", size, nan)
		}
	}
}

// sortBand's order is a stable sort's by start: on bands sorted already,
// unsorted, and holding NaN.
func TestSortBandAsStableSort(t *testing.T) {
	for _, nan := range []bool{false, true} {
		for _, presorted := range []bool{false, true} {
			for _, size := range sortTestSizes {
				next := sortKeyDraw(uint32(size+5), sortKeyValues(nan))
				band := make([]fglyph, size)
				for k := range band {
					band[k] = fglyph{i: int32(k), u0: next()}
				}
				if presorted {
					slices.SortStableFunc(band, func(a, b fglyph) int { return cmp.Compare(a.u0, b.u0) })
				}
				want := slices.Clone(band)
				slices.SortStableFunc(want, func(a, b fglyph) int { return cmp.Compare(a.u0, b.u0) })
				sortBand(band)
				assert.Equal(t, glyphOrder(want), glyphOrder(band), "%d glyphs, NaN %v, sorted %v", size, nan, presorted)
			}
		}
	}
}
