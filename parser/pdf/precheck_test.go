package pdf

import (
	"cmp"
	"math"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/internal/textgen"
)

// maxMatchBytes is the longest text, in bytes, that a parsed expression
// without unbounded repetition matches; math.MaxInt when unbounded.
func maxMatchBytes(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			n += utf8.RuneLen(r)
		}
		return n
	case syntax.OpCharClass:
		n := 0
		for i := 1; i < len(re.Rune); i += 2 {
			n = max(n, utf8.RuneLen(min(re.Rune[i], utf8.MaxRune)))
		}
		return n
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		return utf8.UTFMax
	case syntax.OpCapture:
		return maxMatchBytes(re.Sub[0])
	case syntax.OpQuest:
		return maxMatchBytes(re.Sub[0])
	case syntax.OpRepeat:
		if re.Max < 0 {
			return math.MaxInt
		}
		n := maxMatchBytes(re.Sub[0])
		if n == math.MaxInt {
			return n
		}
		return n * re.Max
	case syntax.OpConcat:
		n := 0
		for _, s := range re.Sub {
			m := maxMatchBytes(s)
			if m == math.MaxInt {
				return m
			}
			n += m
		}
		return n
	case syntax.OpAlternate:
		n := 0
		for _, s := range re.Sub {
			n = max(n, maxMatchBytes(s))
		}
		return n
	}
	return math.MaxInt // star, plus
}

// The length pre-checks before the marker expressions are the longest
// text each expression can match, read from its syntax tree: a longer
// text is never a marker, so the expression need not run.
func TestMarkerLengthPrechecks(t *testing.T) {
	for _, tc := range []struct {
		name string
		expr string
		max  int
	}{
		{"listMarker", listMarker.String(), maxListMarker},
		{"seqMarkerRe", seqMarkerRe.String(), maxSeqMarker},
	} {
		re, err := syntax.Parse(tc.expr, syntax.Perl)
		require.NoError(t, err)
		assert.Equal(t, tc.max, maxMatchBytes(re), tc.name)
	}
	// The longest markers match, and the pre-checks let them through.
	for _, s := range []string{"(vvvvvv)", "(iv)", "12.", "a)", "•", "—"} {
		assert.True(t, isListMarker(s), s)
	}
	for _, s := range []string{"（１２３）", "(iv)", "１２３．", "⑳", "a."} {
		assert.Equal(t, seqMarker, markerKind(s), s)
	}
	for _, s := range []string{"(vvvvvvv)", "(vvvvvv).", "1234.", "Faculty"} {
		assert.False(t, isListMarker(s), s)
		assert.Equal(t, notMarker, markerKind(s), s)
	}
}

// singleSpaced is strings.Join(strings.Fields(s), " ") on every text,
// ASCII and not, with white space of every kind and place.
func TestSingleSpaced(t *testing.T) {
	parts := []string{"", " ", "  ", "\t", "\n", "\u00a0", "\u3000", "\u0085", "a", "Tohoku", "東北大学", "é", "\xff", "\xe3\x80", "-"}
	var texts []string
	for _, a := range parts {
		for _, b := range parts {
			for _, c := range parts {
				texts = append(texts, a+b+c)
			}
		}
	}
	for _, s := range texts {
		assert.Equal(t, strings.Join(strings.Fields(s), " "), singleSpaced(s), "%q", s)
	}
}

// sortByBaseline puts glyphs in exactly the order sorting the glyphs
// themselves would, ties (same baseline and start) included.
func TestSortByBaselineAsSortFunc(t *testing.T) {
	var wb wordBuf
	for _, size := range []int{0, 1, 5, 19, 40, 300, 2000} {
		fg := make([]fglyph, size)
		seed := uint32(size + 7)
		next := func(m uint32) float64 {
			seed = seed*1664525 + 1013904223
			return float64(seed>>16%m) / 2
		}
		for k := range fg {
			fg[k] = fglyph{i: int32(k), base: next(7), u0: next(5), u1: float64(k)}
		}
		want := append([]fglyph{}, fg...)
		slices.SortFunc(want, func(a, b fglyph) int {
			if c := cmp.Compare(a.base, b.base); c != 0 {
				return c
			}
			return cmp.Compare(a.u0, b.u0)
		})
		sortByBaseline(fg, &wb)
		assert.Equal(t, want, fg, "%d glyphs", size)
	}
}

// The marker pre-checks answer as the expressions do on every short text
// made of the characters markers are made of, and others.
func TestMarkerPrechecksAsExpressions(t *testing.T) {
	alphabet := []string{"(", ")", ".", "1", "0", "a", "Z", "i", "v", "x", "•", "-", "—", "（", "）", "．", "１", "⑳", "❶", " ", "\xff", "東"}
	texts := []string{"", "(vvvvvv)", "(vvvvvv).", "（１２３）", "１２３．", "(123)", "1234."}
	texts = append(texts, textgen.Every(alphabet, 4)...)
	for _, s := range texts {
		assert.Equal(t, listMarker.MatchString(s), isListMarker(s), "listMarker %q", s)
		if seqMarkerRe.MatchString(s) {
			assert.True(t, maybeSeqMarker(s), "seqMarkerRe %q", s)
		}
	}
}

// The glyph list and the standard-14 metrics are sorted by name, each
// name once, as their binary searches need.
func TestFontDataSorted(t *testing.T) {
	assert.True(t, slices.IsSortedFunc(glyphNames[:], func(a, b glyphName) int { return strings.Compare(a.name, b.name) }))
	assert.True(t, slices.IsSortedFunc(coreFontList[:], func(a, b coreFont) int { return strings.Compare(a.name, b.name) }))
	for i := 1; i < len(glyphNames); i++ {
		assert.NotEqual(t, glyphNames[i-1].name, glyphNames[i].name)
	}
	assert.Len(t, coreFontList, 14)
	for _, f := range coreFontList {
		for i := 1; i < len(f.widths); i++ {
			assert.Less(t, f.widths[i-1].name, f.widths[i].name, f.name)
		}
	}
	r, ok := glyphRune("Aacute")
	assert.True(t, ok)
	assert.Equal(t, 'Á', r)
	_, ok = glyphRune("no such glyph")
	assert.False(t, ok)
	h := coreFontNamed("Helvetica")
	require.NotNil(t, h)
	w, ok := h.width("A")
	assert.True(t, ok)
	assert.Equal(t, uint16(667), w)
	assert.Nil(t, coreFontNamed("Arial"))
}

// medianOwned, sorting in place, gives median's answer; median, on the
// stack or not, leaves its argument as it was.
func TestMedianOwned(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 31, 32, 33, 100} {
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = float64((i*7919)%13) / 4
		}
		before := slices.Clone(xs)
		want := median(xs)
		assert.Equal(t, before, xs, "median leaves its argument as it was")
		assert.Equal(t, want, medianOwned(slices.Clone(xs)), "%d values", n)
	}
}
