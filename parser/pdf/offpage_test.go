package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// offPagePDF writes a 300 pt wide page with content stream c, in
// Helvetica.
func offPagePDF(c string) []byte {
	return buildPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >> >> >> >>",
		"<< stream:"+c)
}

func TestWordRunningOffThePageKeepsItsEnd(t *testing.T) {
	// A heading set so far right that its last letters run past the
	// page's edge (a table wider than the page): the word begun on the
	// page is read whole, set as one string or letter by letter. A word
	// set wholly past the edge stays out.
	for name, c := range map[string]string{
		"string":  "BT /F1 10 Tf 256 100 Td (Exemption) Tj ET BT /F1 10 Tf 320 100 Td (Hidden) Tj ET",
		"letters": "BT /F1 10 Tf 256 100 Td (Exem) Tj 24 0 Td (pt) Tj 12 0 Td (i) Tj 6 0 Td (o) Tj 6 0 Td (n) Tj ET BT /F1 10 Tf 320 100 Td (Hidden) Tj ET",
	} {
		doc, err := Parse("edge.pdf", offPagePDF(c), Options{})
		require.NoError(t, err, name)
		var got []string
		for _, b := range doc.Blocks {
			if b.Line != nil {
				got = append(got, b.Line.Text)
			}
		}
		assert.Equal(t, []string{"Exemption"}, got, name)
	}
}
