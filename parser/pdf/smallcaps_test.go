package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Small capitals: a larger capital followed by smaller ones with no gap are
// two words, as in poppler, the second glued to the first.
func TestSmallCapsGlued(t *testing.T) {
	content := "<< stream:BT /F1 10 Tf 20 150 Td (T) Tj /F1 8 Tf (HRESHOLD) Tj /F1 10 Tf ( L) Tj /F1 8 Tf (EVEL) Tj " +
		"/F1 10 Tf (, x) Tj 2 Ts /F1 7 Tf (2) Tj ET"
	b := buildPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >> >>",
		content)
	pages, _, err := ReadLayout("in.pdf", b, Options{})
	require.NoError(t, err)
	require.Len(t, pages, 1)
	require.Len(t, pages[0].Lines, 1)
	l := pages[0].Lines[0]
	var texts []string
	var glued []bool
	for _, w := range l.Words {
		texts = append(texts, w.Text)
		glued = append(glued, w.Glued)
	}
	// Back to the larger size, the comma is glued too; the raised "2" is
	// a word of its own, not glued: it is shifted.
	assert.Equal(t, []string{"T", "HRESHOLD", "L", "EVEL", ",", "x", "2"}, texts)
	assert.Equal(t, []bool{false, true, false, true, true, false, false}, glued)
	assert.Equal(t, "THRESHOLD LEVEL, x 2", l.Text())
	assert.Equal(t, "THRESHOLD LEVEL, x 2", makeBlockLine(1, l).Text)
	assert.Less(t, l.Words[0].Box.X1, l.Words[1].Box.X1)

	doc, err := Parse("in.pdf", b, Options{})
	require.NoError(t, err)
	require.NotEmpty(t, doc.Blocks)
	require.NotNil(t, doc.Blocks[0].Line)
	assert.Equal(t, "THRESHOLD LEVEL, x 2", doc.Blocks[0].Line.Text)
}

func TestMergeGlued(t *testing.T) {
	a, b, c := tw("T", 100, 100), tw("HRESHOLD", 105, 100), tw("x", 200, 100)
	b.Glued = true
	b.Style.Size = 8
	got := mergeGlued([]Word{a, b, c})
	require.Len(t, got, 2)
	assert.Equal(t, "THRESHOLD", got[0].Text)
	assert.False(t, got[0].Glued)
	assert.Equal(t, a.Box.X0, got[0].Box.X0)
	assert.Equal(t, b.Box.X1, got[0].Box.X1)
	assert.Equal(t, 8.0, got[0].Style.Size, "the longer piece gives the style")
	assert.Equal(t, c, got[1])
	plain := []Word{a, c}
	assert.Equal(t, plain, mergeGlued(plain))
}

// A table cell reads a glued word without a space before it.
func TestLatticeGluedWord(t *testing.T) {
	segs := gridRules([]float64{100, 200, 300}, []float64{100, 120, 140})
	p := page(1, []Word{tw("a", 105, 125), tw("b", 205, 125), tw("x", 205, 105)}, segs)
	first, rest := tw("T", 105, 105), tw("HRESHOLD", 110, 105)
	rest.Glued = true
	p.Lines = append(p.Lines, TextLine{Words: []Word{first, rest}, Box: union(first.Box, rest.Box)})
	p.Words = append(p.Words, first, rest)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{{"THRESHOLD", "x"}, {"a", "b"}}, texts(tabs[0].table))
}

// Text of a narrow table's cell overflows over the next cell's, drawn
// apart from it (later): the two runs are two words, not one whose
// letters interleave, whether they only overlap at the join or run far
// over each other. An accent drawn over its letter is no run of its own,
// nor is a letter drawn later into a hole the run left for it.
func TestRunsDrawnOverEachOtherAreWords(t *testing.T) {
	for name, tc := range map[string]struct {
		content string
		want    []string
	}{
		"overlapping": {"BT /F1 10 Tf 100 700 Td (University) Tj ET BT /F1 10 Tf 100 600 Td (Poland) Tj ET BT /F1 10 Tf 158 700 Td (to-) Tj ET", []string{"University", "to-", "Poland"}},
		"interleaved": {"BT /F1 10 Tf 100 700 Td (Engineering) Tj ET BT /F1 10 Tf 150 700 Td (2017) Tj ET", []string{"Engineering", "2017"}},
		"accent":      {"BT /F1 10 Tf 100 700 Td (Ecole) Tj ET BT /F1 10 Tf 100 700 Td (\\264) Tj ET", []string{"Ecole"}},
		// A letter the run's font lacks, drawn with another after the
		// run, in the hole the run left for it, then the line's next text.
		"filled": {"BT /F1 10 Tf 100 700 Td (Westf) Tj 36 0 Td (lische) Tj ET BT /F1 10 Tf 130 700 Td (\\344) Tj 48 0 Td (\\(x) Tj ET", []string{"Westf\u00e4lische", "(x"}},
	} {
		b := buildPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 800] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >> >> >> >>",
			"<< stream:"+tc.content)
		pages, _, err := ReadLayout("in.pdf", b, Options{})
		require.NoError(t, err, name)
		require.Len(t, pages, 1, name)
		var got []string
		for _, l := range pages[0].Lines {
			for _, w := range l.Words {
				got = append(got, w.Text)
			}
		}
		if name == "accent" {
			assert.Len(t, got, 1, name)
			continue
		}
		assert.Equal(t, tc.want, got, name)
	}
}
