package pdf

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lineTexts reads a one-page PDF of content in Courier (F1) and returns
// its lines' words, joined by spaces.
func lineTexts(t *testing.T, content string) []string {
	t.Helper()
	b := buildPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >> >> >> >>",
		"<< stream:"+content)
	pages, _, err := ReadLayout("in.pdf", b, Options{})
	require.NoError(t, err)
	require.Len(t, pages, 1)
	var out []string
	for _, l := range pages[0].Lines {
		var ws []string
		for _, w := range l.Words {
			ws = append(ws, w.Text)
		}
		out = append(out, strings.Join(ws, " "))
	}
	return out
}

func TestOverprintedRunReadOnce(t *testing.T) {
	// Fake bold: a string drawn again a fraction of a point to the right,
	// or each glyph drawn twice in turn. Read once.
	again := lineTexts(t, "BT /F1 10 Tf 20 150 Td (Date of) Tj ET BT /F1 10 Tf 20.3 150 Td (Date of) Tj ET")
	assert.Equal(t, []string{"Date of"}, again)
	each := lineTexts(t, "BT /F1 10 Tf 20 150 Td (D) Tj -0.3 0 Td (D) Tj 6.3 0 Td (a) Tj 0.3 0 Td (a) Tj 5.7 0 Td (t) Tj 0.3 0 Td (t) Tj 5.7 0 Td (e) Tj 0.3 0 Td (e) Tj ET")
	assert.Equal(t, []string{"Date"}, each)
	alone := lineTexts(t, "BT /F1 10 Tf 20 150 Td (*) Tj ET BT /F1 10 Tf 20.2 150 Td (*) Tj ET")
	assert.Equal(t, []string{"*"}, alone)
}

func TestOverflowingTextKeepsTheGlyphItFallsOn(t *testing.T) {
	// A cell's text overflowing onto the next cell's, in one font and
	// size: the last "t" of "Department" (Courier, 6 pt a glyph: at 74)
	// falls on the "t" of "Date" (set from 62). Both words keep it.
	lines := lineTexts(t, "BT /F1 10 Tf 20 150 Td (Department) Tj ET BT /F1 10 Tf 62 150 Td (Date) Tj ET")
	assert.Equal(t, []string{"Department Date"}, lines)
}
