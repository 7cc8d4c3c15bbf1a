package pdf

import (
	"cmp"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
			slices.SortFunc(want, func(a, b fglyph) int { return compareGlyphs(&a, &b) })
			sortByBaseline(fg, &wb)
			assert.Equal(t, glyphOrder(want), glyphOrder(fg), "%d glyphs, NaN %v", size, nan)
		}
	}
}

// sortBand's order is a stable sort's by start: on bands sorted already,
// unsorted, and holding NaN.
func TestSortBandAsStableSort(t *testing.T) {
	var wb wordBuf
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
				sortBand(band, &wb)
				assert.Equal(t, glyphOrder(want), glyphOrder(band), "%d glyphs, NaN %v, sorted %v", size, nan, presorted)
			}
		}
	}
}

// sortBand's order is a stable sort's on bands of runs sorted by start,
// as bands of several baselines come: starts tied within and across runs,
// -0 and +0, one glyph a run, a last run without a partner.
func TestSortBandRuns(t *testing.T) {
	var wb wordBuf
	seed := uint32(7)
	rnd := func(m int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % m
	}
	starts := []float64{0, math.Copysign(0, -1), 1, 1, 2.5, 3, 72, 72, 100.25, 400}
	for trial := range 3000 {
		var band []fglyph
		for range 1 + rnd(7) {
			run := make([]float64, rnd(40))
			for k := range run {
				run[k] = starts[rnd(len(starts))] + float64(rnd(3))
			}
			slices.SortStableFunc(run, cmp.Compare[float64])
			for _, u := range run {
				band = append(band, fglyph{i: int32(len(band)), u0: u})
			}
		}
		want := slices.Clone(band)
		slices.SortStableFunc(want, func(a, b fglyph) int {
			switch {
			case a.u0 < b.u0:
				return -1
			case a.u0 > b.u0:
				return 1
			}
			return 0
		})
		sortBand(band, &wb)
		require.Equal(t, glyphOrder(want), glyphOrder(band), "trial %d", trial)
	}
}

// sortByBaseline's order is slices.SortFunc's on glyphs that come in runs,
// as pages draw them (lines in some order, each from its start, some from
// its end), with no two keys tied, one tie, or a tie of -0 and +0.
func TestSortByBaselineRuns(t *testing.T) {
	var wb wordBuf
	seed := uint32(1)
	rnd := func(m int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>16) % m
	}
	for _, lines := range []int{1, 2, 3, 7, 40, 133} {
		for _, perLine := range []int{1, 2, 5, 30} {
			for _, tie := range []string{"", "one", "zeros"} {
				var fg []fglyph
				for _, l := range rnd0perm(lines, rnd) {
					line := make([]fglyph, perLine)
					for k := range line {
						line[k] = fglyph{base: float64(l) * 12.5, u0: float64(k)*6 + float64(l%3)/4}
					}
					if rnd(4) == 0 {
						slices.Reverse(line)
					}
					fg = append(fg, line...)
				}
				switch {
				case tie == "one" && len(fg) > 1:
					fg[len(fg)-1].base, fg[len(fg)-1].u0 = fg[0].base, fg[0].u0
				case tie == "zeros" && len(fg) > 1:
					fg[0].base, fg[0].u0 = -100, math.Copysign(0, -1)
					fg[len(fg)-1].base, fg[len(fg)-1].u0 = -100, 0
				}
				for k := range fg {
					fg[k].i = int32(k)
				}
				want := slices.Clone(fg)
				slices.SortFunc(want, func(a, b fglyph) int {
					return compareGlyphs(&a, &b)
				})
				sortByBaseline(fg, &wb)
				assert.Equal(t, glyphOrder(want), glyphOrder(fg), "%d lines of %d, tie %q", lines, perLine, tie)
			}
		}
	}
}

// rnd0perm is 0..n-1 in an order drawn with rnd.
func rnd0perm(n int, rnd func(int) int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	for i := n - 1; i > 0; i-- {
		j := rnd(i + 1)
		p[i], p[j] = p[j], p[i]
	}
	return p
}
