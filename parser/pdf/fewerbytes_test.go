package pdf

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/agreements/agreements/internal/textgen"
	"github.com/agreements/agreements/parser"
	"github.com/stretchr/testify/require"
)

// The functions below make fewer arrays than they did; each is held here to
// what it replaces, kept as it was written, on random inputs with the
// values that compare oddly (NaN, both zeros, infinities, ties, intervals
// given backwards).

// oddFloats are the values that comparisons and min/max treat specially.
var oddFloats = []float64{math.NaN(), math.Copysign(0, -1), 0, math.Inf(1), math.Inf(-1), 1, 1, 2, 3, 5, 8}

// randomFloat is one of oddFloats, or a small number with a fraction, or
// a tie with one of them.
func randomFloat(r *rand.Rand) float64 {
	if r.IntN(4) == 0 {
		return oddFloats[r.IntN(len(oddFloats))]
	}
	return float64(r.IntN(40)) + float64(r.IntN(4))/4
}

// addIntervalCopy is addInterval as it was: the merged list in a new array.
func addIntervalCopy(ivs []interval, lo, hi float64) []interval {
	nv := interval{lo: lo, hi: hi}
	out := make([]interval, 0, len(ivs)+1)
	for _, iv := range ivs {
		if iv.hi < nv.lo || iv.lo > nv.hi {
			out = append(out, iv)
			continue
		}
		nv.lo, nv.hi = min(nv.lo, iv.lo), max(nv.hi, iv.hi)
	}
	out = append(out, nv)
	slices.SortFunc(out, func(a, b interval) int { return cmp.Compare(a.lo, b.lo) })
	return out
}

// sameFloats reports whether a and b are the same values, bit for bit
// (NaN equal to NaN, -0 not to +0).
func sameFloat(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }

func sameIntervals(a, b []interval) bool {
	return slices.EqualFunc(a, b, func(x, y interval) bool { return sameFloat(x.lo, y.lo) && sameFloat(x.hi, y.hi) })
}

func TestAddIntervalInPlace(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 1))
	for range 20000 {
		var got, want []interval
		for range r.IntN(30) {
			lo, hi := randomFloat(r), randomFloat(r)
			if r.IntN(3) > 0 && lo > hi {
				lo, hi = hi, lo // mostly as callers give them; sometimes backwards
			}
			want = addIntervalCopy(want, lo, hi)
			got = addInterval(got, lo, hi)
			require.True(t, sameIntervals(want, got), "adding [%v, %v]: got %v, want %v", lo, hi, got, want)
		}
	}
}

// horizontalSegmentsAppended is horizontalSegments as it was: appended one
// by one.
func horizontalSegmentsAppended(segs []Segment) []Segment {
	var out []Segment
	for _, s := range segs {
		if s.Horizontal() {
			out = append(out, s)
		}
	}
	return out
}

func TestHorizontalSegmentsSizedOnce(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 2))
	for range 5000 {
		var segs []Segment
		for range r.IntN(12) {
			segs = append(segs, Segment{X0: randomFloat(r), Y0: randomFloat(r), X1: randomFloat(r), Y1: randomFloat(r), Width: randomFloat(r)})
		}
		want, got := horizontalSegmentsAppended(segs), horizontalSegments(segs)
		require.Equal(t, want == nil, got == nil)
		require.True(t, slices.EqualFunc(want, got, func(a, b Segment) bool {
			return sameFloat(a.X0, b.X0) && sameFloat(a.Y0, b.Y0) && sameFloat(a.X1, b.X1) && sameFloat(a.Y1, b.Y1) && sameFloat(a.Width, b.Width)
		}))
		require.Equal(t, len(got), cap(got))
	}
}

// ownBoxListed is ownBox as it was: the words it joins listed first.
func ownBoxListed(ws []tword, line []int, h float64) parser.Box {
	var own []int
	for _, i := range line {
		if ws[i].h >= 0.85*h && (ws[i].h <= 1.3*h || !symbolOnly(ws[i].Text)) {
			own = append(own, i)
		}
	}
	if len(own) == 0 {
		own = line
	}
	return wordsBox(ws, own)
}

func TestOwnBoxAsListed(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 3))
	sameBox := func(a, b parser.Box) bool {
		return sameFloat(a.X0, b.X0) && sameFloat(a.Y0, b.Y0) && sameFloat(a.X1, b.X1) && sameFloat(a.Y1, b.Y1)
	}
	for range 20000 {
		ws := make([]tword, 1+r.IntN(8))
		for i := range ws {
			ws[i].Box = parser.Box{X0: randomFloat(r), Y0: randomFloat(r), X1: randomFloat(r), Y1: randomFloat(r)}
			ws[i].h = randomFloat(r)
		}
		line := r.Perm(len(ws))[:1+r.IntN(len(ws))]
		h := randomFloat(r)
		require.True(t, sameBox(ownBoxListed(ws, line, h), ownBox(ws, line, h)))
	}
}

// textJoined is TextLine.Text as it was: the text grown word by word.
func textJoined(l TextLine) string {
	s := ""
	for i, w := range l.Words {
		if i > 0 && !w.Glued {
			s += " "
		}
		s += w.Text
	}
	return s
}

func TestLineTextMadeOnce(t *testing.T) {
	texts := textgen.Random(20000, 12, 16, 4, []string{"", "a", "Ab", " ", "東北", "\u00e9", "1.", "\xff"})
	r := rand.New(rand.NewPCG(16, 5))
	for k := 0; k < len(texts); {
		var l TextLine
		for n := r.IntN(6); n > 0 && k < len(texts); n-- {
			l.Words = append(l.Words, Word{Text: texts[k], Glued: r.IntN(3) == 0})
			k++
		}
		require.Equal(t, textJoined(l), l.Text())
	}
}

// TestSlineChunksCapped: a line's chunks are a run of one array, capped,
// so that appending to one line's chunks leaves the next line's as they
// are.
func TestSlineChunksCapped(t *testing.T) {
	var ws []tword
	for row := range 3 {
		for col := range 4 {
			x := float64(col * 300)
			y := float64(row * 20)
			ws = append(ws, newTword(Word{Text: "w", Box: parser.Box{X0: x, Y0: y, X1: x + 10, Y1: y + 10}, Style: parser.Style{Size: 10}}))
		}
	}
	idx := make([]int, len(ws))
	for i := range idx {
		idx[i] = i
	}
	lines := makeSlines(ws, idx)
	require.Len(t, lines, 3)
	for _, l := range lines {
		require.NotEmpty(t, l.chunks)
		require.Equal(t, len(l.chunks), cap(l.chunks))
	}
	next := slices.Clone(lines[1].chunks)
	_ = append(lines[0].chunks, [2]int{9, 9})
	require.Equal(t, next, lines[1].chunks)
}

// TestCMapOperandsReused: a CMap's operators read their operands into
// the memory of the operator before (lexer.reuse); what each put in the
// map stays as it was read, over thousands of blocks of strings, arrays
// and names, codespace ranges and CID ranges among them.
func TestCMapOperandsReused(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 6))
	var b strings.Builder
	want := map[uint32]string{}
	wantCIDs := map[uint32]uint32{}
	var wantRanges []cidRange
	b.WriteString("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n")
	b.WriteString("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
	b.WriteString("1 begincodespacerange <0000> <FFFF> endcodespacerange\n")
	code := uint32(1)
	for block := range 400 {
		switch block % 4 {
		case 0:
			b.WriteString("3 beginbfchar\n")
			for range 3 {
				u := 0x4e00 + r.IntN(0x5000)
				fmt.Fprintf(&b, "<%04X> <%04X>\n", code, u)
				want[code] = string(rune(u))
				code++
			}
			b.WriteString("endbfchar\n")
		case 1:
			b.WriteString("2 beginbfrange\n")
			for range 2 {
				n := 1 + r.IntN(4)
				fmt.Fprintf(&b, "<%04X> <%04X> [", code, code+uint32(n)-1)
				for k := range n {
					u := 0x3040 + r.IntN(0x60)
					fmt.Fprintf(&b, "<%04X> ", u)
					want[code+uint32(k)] = string(rune(u))
				}
				b.WriteString("]\n")
				code += uint32(n)
			}
			b.WriteString("endbfrange\n")
		case 2:
			b.WriteString("1 beginbfchar\n")
			fmt.Fprintf(&b, "<%04X> /%s\n", code, []string{"A", "bullet", "eacute"}[block%3])
			want[code] = map[int]string{0: "A", 1: "•", 2: "é"}[block%3]
			code++
			b.WriteString("endbfchar\n")
		case 3:
			b.WriteString("1 begincidchar\n")
			fmt.Fprintf(&b, "<%04X> %d\n", 0x8000+block, block)
			wantCIDs[uint32(0x8000+block)] = uint32(block)
			b.WriteString("endcidchar\n1 begincidrange\n")
			fmt.Fprintf(&b, "<%04X> <%04X> %d\n", 0xA000+4*block, 0xA000+4*block+2, 100+block)
			wantRanges = append(wantRanges, cidRange{uint32(0xA000 + 4*block), uint32(0xA000 + 4*block + 2), uint32(100 + block)})
			b.WriteString("endcidrange\n")
		}
	}
	b.WriteString("endcmap CMapName currentdict /CMap defineresource pop end end\n")
	m := parseCMap([]byte(b.String()))
	require.Equal(t, want, m.uni)
	require.Equal(t, wantCIDs, m.cids)
	require.ElementsMatch(t, wantRanges, m.cidRanges)
	require.Len(t, m.space, 1)
}

// TestCellTextInSharedLines: a table's cells read one after the other in
// one lineBuf give the texts and lines each gave with arrays of its own,
// cells of one word, of wrapped lines, of raised markers and of NaN boxes
// among them.
func TestCellTextInSharedLines(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 7))
	texts := []string{"a", "Tohoku", "大学", "*", "1", "(2001)", ""}
	var buf lineBuf
	for range 20000 {
		ws := make([]tword, 1+r.IntN(9))
		for i := range ws {
			x, y, h := float64(r.IntN(8)*30), float64(r.IntN(4)*12), 10.0
			if r.IntN(4) == 0 {
				h = 6 // a raised marker's size
				y -= 4
			}
			box := parser.Box{X0: x, Y0: y, X1: x + 20, Y1: y + h}
			if r.IntN(50) == 0 {
				box.X0 = math.NaN()
			}
			if r.IntN(50) == 0 {
				box.Y1 = math.NaN()
			}
			ws[i] = newTword(Word{Text: texts[r.IntN(len(texts))], Box: box, Style: parser.Style{Size: h}})
		}
		idx := r.Perm(len(ws))[:1+r.IntN(len(ws))]
		wantText, wantLines := cellText(ws, idx)
		gotText, gotLines := cellTextIn(ws, idx, &buf)
		require.Equal(t, wantText, gotText)
		require.Equal(t, wantLines, gotLines)
	}
}

// TestWordsByCellAsAppended: a table's words by cell, made in one array,
// are each cell's words in the order given, as when each cell's array
// was grown word by word; each cell's run is capped.
func TestWordsByCellAsAppended(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 8))
	for range 5000 {
		n := 1 + r.IntN(30)
		cellOf := make(map[int]int)
		perm := r.Perm(1 + r.IntN(60))
		idx := perm[:r.IntN(len(perm)+1)]
		for _, i := range idx {
			cellOf[i] = r.IntN(n)
		}
		want := make([][]int, n)
		for _, i := range idx {
			want[cellOf[i]] = append(want[cellOf[i]], i)
		}
		got := wordsByCell(idx, n, func(i int) int { return cellOf[i] })
		require.Len(t, got, n)
		for c := range n {
			require.Equal(t, len(want[c]), len(got[c]))
			require.Equal(t, len(got[c]), cap(got[c]))
			for k := range want[c] {
				require.Equal(t, want[c][k], got[c][k])
			}
		}
	}
}
