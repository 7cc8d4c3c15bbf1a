package normalize

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tables of one row or two under each country ("相手機関名 Partner
// Institution" | "区分 Level"), read as lines, as three printers set them:
// the cells at the top of their rows (Chromium), in the middle (LibreOffice:
// the level cell half a line below the name, beside neither of its two
// lines) and at the bottom (WeasyPrint: beside the unit's line). A line
// under the partner's column's name is an entry, not a heading, whatever
// its words ("Ministry of Science and Technology"); a level beside it under
// the level column's name is its level, not part of its name nor an entry
// of its own, also when the two cells were read as one line ("Universiti
// Tunku Abdul Rahman (UTAR) 大学 University", LibreOffice).
func TestListTablesOfARowReadAsLines(t *testing.T) {
	for _, name := range []string{"m213-page-mfu", "m279-lopage-mfu", "m354-bottom-mfu"} {
		t.Run(name, func(t *testing.T) {
			file := "../fixtures/matrix/" + name + "/input.pdf"
			b, err := os.ReadFile(file)
			require.NoError(t, err)
			doc, err := parseDocument(file, b)
			require.NoError(t, err)
			res, err := Normalize(doc, Options{Institution: "Mae Fah Luang University"})
			require.NoError(t, err)
			byName := map[string]Record{}
			for _, r := range res.Records {
				byName[r.Partner] = r
				assert.NotEqual(t, "University", r.Partner)
			}
			for partner, unit := range map[string]string{
				"Ministry of Science and Technology":   "Department of Planning and Cooperation",
				"Universiti Putra Malaysia":            "",
				"Universiti Tunku Abdul Rahman (UTAR)": "",
			} {
				r, ok := byName[partner]
				if assert.True(t, ok, "no record of %s", partner) {
					assert.Equal(t, unit, r.PartnerUnit, partner)
					assert.Equal(t, LevelUniversity, r.Level, partner)
					assert.NotContains(t, r.Repairs, "level:assumed_university", partner)
				}
			}
			assert.Empty(t, res.Unplaced)
		})
	}
}
