package normalize

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Totals stated in a publisher's prose, quoted from real pages: each count
// with the level its sentence gives it, counts of a part ("このうち") left
// out, and a count whose unit the sentence names later.
func TestDeclaredInProse(t *testing.T) {
	c := testContext()
	for _, tt := range []struct {
		text string
		want []string // level unit count
	}{
		{"北海道大学では、51カ国の国・地域の201機関と197の大学間交流協定を締結しています(2023年3月現在)。このうち、188大学と「大学間」の学生交流覚書を交わしています。さらに文学部・文学院・文学研究院では、独自に9の国と地域において、24大学・研究機関と部局間の交流協定を締結し、このうち13大学と学生交流覚書を取り交わしています。",
			[]string{"university countries 51", "university institutions 201", "university agreements 197", "department countries 9", "department institutions 24"}},
		{"東北大学では現在、 東北大学として計 206、各研究科・研究所など部局単位で計 407 の海外学術機関(大学・研究所等)と国際交流協定を締結しています。",
			[]string{"university institutions 206", "department institutions 407"}},
		{"現在、本学が大学や研究機関等と締結している協定の数は、全学協定が109(30の国・地域)、学院等による部局間協定が118(40の国・地域)にのぼります(2023年5月1日現在)。",
			[]string{"university  109", "university countries 30", "department  118", "department countries 40"}},
		{"Tokyo Tech has university-wide agreements with 103 universities and research institutions in 27 countries and regions, and school-to-school agreements with 146 universities and research institutions in 35 countries and regions (as of May 1, 2014).",
			[]string{"university institutions 103", "university countries 27", "department institutions 146", "department countries 35"}},
		{"Hokkaido University has 195 agreements with 199 universities in 51 countries and regions, of which 12 are in Japan's neighbours.",
			[]string{" agreements 195", " institutions 199", " countries 51"}},
	} {
		var got []string
		for _, d := range c.parseDeclared(tt.text, "", 1, 1) {
			got = append(got, fmt.Sprintf("%s %s %d", d.Level, d.Unit, d.Count))
		}
		assert.Equal(t, tt.want, got, tt.text)
	}
}

// A sentence broken before a count of countries: the count opening the
// line counts the countries of the count that ended the line above, at
// its level, wherever the lines break.
func TestDeclaredCountOfCountriesOpensALine(t *testing.T) {
	for _, lines := range [][]string{
		{"Tohoku University has university-wide agreements with 12 universities and research institutions in 2 countries and regions, and",
			"school-to-school agreements with 5 universities and research institutions in",
			"1 countries and regions (as of 2021-05-01)."},
		{"Tohoku University has university-wide agreements with 12 universities and research institutions in 2",
			"countries and regions, and school-to-school agreements with 5 universities and research institutions in",
			"1 countries and regions (as of 2021-05-01)."},
	} {
		c := testContext()
		var got []string
		for i, l := range lines {
			ds := c.parseDeclared(l, "", 1, i+1)
			c.res.Declared = append(c.res.Declared, ds...)
			for _, d := range ds {
				got = append(got, fmt.Sprintf("%s %s %d", d.Level, d.Unit, d.Count))
			}
		}
		assert.Contains(t, got, "department countries 1", lines)
		assert.NotContains(t, got, " countries 1", lines)
	}
	// A line above that declares nothing gives the count no level.
	c := testContext()
	c.res.Declared = append(c.res.Declared, c.parseDeclared("Partner institutions of Tohoku University", "", 1, 1)...)
	ds := c.parseDeclared("1 countries and regions (as of 2021-05-01).", "", 1, 2)
	if assert.Len(t, ds, 1) {
		assert.Empty(t, ds[0].Level)
	}
}
