package pdf

import (
	"testing"

	lpdf "github.com/ledongthuc/pdf"
	"github.com/stretchr/testify/require"
)

func runContent(t *testing.T, content string) []glyphx {
	t.Helper()
	in := newInterp(nil, pageSpace{x1: 612, y1: 792, w: 612, h: 792}, &scratch{})
	in.run([]byte(content), lpdf.Value{}, 0)
	return in.glyphs
}

func glyphTexts(gs []glyphx) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.Text)
	}
	return out
}

func TestActualText(t *testing.T) {
	// The shown "n" stands for "N" (UTF-16BE with a byte order mark); a
	// span over two glyphs becomes one glyph over both.
	gs := runContent(t, `BT /F1 10 Tf 100 700 Td /Span <</ActualText (\376\377\000N)>> BDC (n) Tj EMC
		/Span <</MCID 3 /ActualText (. .)>> BDC (ab) Tj EMC (c) Tj ET`)
	require.Equal(t, []string{"N", ". .", "c"}, glyphTexts(gs))
	require.InDelta(t, gs[1].Box.X1, gs[2].Box.X0, 1e-9)
	require.InDelta(t, gs[0].Box.X1, gs[1].Box.X0, 1e-9)

	// Nested marked content closes the span only at its own EMC; a span
	// that draws nothing adds nothing.
	gs = runContent(t, `BT /F1 10 Tf /Span <</ActualText (X)>> BDC /P BMC (a) Tj EMC (b) Tj EMC
		/Span <</ActualText (Y)>> BDC EMC ET`)
	require.Equal(t, []string{"X"}, glyphTexts(gs))
}

func TestType3Extent(t *testing.T) {
	var names [256]string
	var widths [256]float64
	require.InDelta(t, 1, type3Extent(&names, &widths), 1e-9, "no named glyph")
	names[0], widths[0] = "g0", 1
	require.InDelta(t, 2, type3Extent(&names, &widths), 1e-9, "first named glyph against 0.5 em")
	names[65], widths[65] = "A", 0.6
	require.InDelta(t, 1.2, type3Extent(&names, &widths), 1e-9, "a letter comes first")
	names[109], widths[109] = "m", 0.9
	require.InDelta(t, 1.5, type3Extent(&names, &widths), 1e-9, "m against 0.6 em")
}

// TestOpKey: an operator's key tells it from every other word of up to
// three bytes, and a longer word has no operator's key.
func TestOpKey(t *testing.T) {
	seen := map[uint32]string{}
	chars := []byte{'T', 'f', 'j', 'J', '*', '\'', '"', 'B', 'D', 'C', 'M', 'E', 'q', 'Q', 's', 'c', 'n', 'N', 0x80, 0xff, '0'}
	add := func(w string) {
		k := opKey(w)
		if other, ok := seen[k]; ok && other != w {
			t.Fatalf("%q and %q have the key %#x", w, other, k)
		}
		seen[k] = w
	}
	for _, a := range chars {
		add(string([]byte{a}))
		for _, b := range chars {
			add(string([]byte{a, b}))
			for _, c := range chars {
				add(string([]byte{a, b, c}))
				require.Zero(t, opKey(string([]byte{a, b, c, 'x'})))
			}
		}
	}
	require.Zero(t, opKey(""))
}
