package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// TestHeadingListTitle: a heading with a word of a list's own title files
// the entries under the country it names ("Partner Institutions in
// France"), and changes nothing when it names none ("Exchange
// Agreements"); a PDF's styled lines and a page's heading elements alike.
func TestHeadingListTitle(t *testing.T) {
	pdf := pdfDoc(
		lineSpec{text: "(Europe)", style: stRegion},
		lineSpec{text: "Partner Institutions in France", style: stCountry},
		item("Université de Lyon (2012.3.15)"),
		lineSpec{text: "Exchange Agreements", style: stCountry},
		item("Sorbonne University (2015.4.1)"),
	)
	html := tdoc([]string{"# (Europe)", "# Partner Institutions in France", "Université de Lyon (2012.3.15)",
		"# Exchange Agreements", "Sorbonne University (2015.4.1)"})
	for _, doc := range []*parser.Document{pdf, html} {
		res, err := Normalize(doc, Options{})
		require.NoError(t, err)
		require.Len(t, res.Records, 2, "%s: %+v", doc.Format, res.Unplaced)
		for _, r := range res.Records {
			assert.Equal(t, "France", r.Country, "%s: %s", doc.Format, r.Partner)
			assert.Contains(t, r.Repairs, "country_alias:Partner Institutions in France", "%s: %s", doc.Format, r.Partner)
		}
		assert.Empty(t, res.Unplaced, doc.Format)
	}
}
