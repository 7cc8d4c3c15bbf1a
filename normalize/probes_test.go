package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser/html"
)

// readHTML runs a page through the HTML extractor and the normaliser.
func readHTML(t *testing.T, page string, opt Options) *Result {
	t.Helper()
	doc, err := html.Parse("p.html", []byte(page), html.Options{})
	require.NoError(t, err)
	res, err := Normalize(doc, opt)
	require.NoError(t, err)
	return res
}

// The lists that used to give no records, or the wrong ones, without a word.
func TestProbes(t *testing.T) {
	t.Run("a partner column headed 国際交流協定校 is no country column", func(t *testing.T) {
		res := readHTML(t, `<meta charset=utf-8><table><tr><th>地域<th>国・地域<th>国際交流協定校<th>締結日<tr><td>アジア<td>中国<td>北京大学<td>2001.4.1</table>`, Options{})
		assert.Equal(t, []brief{{"university", "Asia", "CN", "北京大学", "", "", "2001-04-01", false}}, briefs(res.Records))
	})
	for _, h := range []string{"Partner Schools", "Partner Universities and Colleges", "Name of Partner University/College"} {
		t.Run(h+" is a partner column", func(t *testing.T) {
			res := readHTML(t, `<table><tr><th>Country<th>`+h+`<th>Date signed<tr><td>China<td>Peking University<td>2001.4.1</table>`, Options{})
			assert.Equal(t, []brief{{"university", "", "CN", "Peking University", "", "", "2001-04-01", false}}, briefs(res.Records))
		})
	}
	t.Run("Home Institution Unit is a home-unit column", func(t *testing.T) {
		res := readHTML(t, `<table><tr><th>Country<th>Partner<th>Home Institution Unit<th>Date<tr><td>China<td>Peking University<td>School of Law<td>2001.4.1</table>`, Options{})
		assert.Equal(t, []brief{{"department", "", "CN", "Peking University", "", "School of Law", "2001-04-01", false}}, briefs(res.Records))
	})
	t.Run("--dates reaches list entries", func(t *testing.T) {
		page := `<html><head><title>Partners | Kyoto University</title></head><body><h2>United States</h2><ul><li>Purdue University (9/3/1997)</li></ul></body></html>`
		res := readHTML(t, page, Options{MonthFirst: true})
		assert.Equal(t, []brief{{"university", "", "US", "Purdue University", "", "", "1997-09-03", false}}, briefs(res.Records))
		res = readHTML(t, page, Options{DayFirst: true})
		assert.Equal(t, "1997-03-09", res.Records[0].Signed)
	})
	t.Run("a region heading holding the word agreements", func(t *testing.T) {
		res := readHTML(t, `<h2>Asia</h2><h3>China</h3><ul><li>Peking University (2001.4.1)</li></ul><h2>Exchange agreements in Europe</h2><h3>France</h3><ul><li>Sciences Po (2003.5.1)</li></ul>`, Options{})
		assert.Equal(t, []brief{
			{"university", "Asia", "CN", "Peking University", "", "", "2001-04-01", false},
			{"university", "Europe", "FR", "Sciences Po", "", "", "2003-05-01", false},
		}, briefs(res.Records))
	})
}

// A Korean and a Chinese list read through their lexicons.
func TestKoreanAndChineseHeaders(t *testing.T) {
	res := readHTML(t, `<meta charset=utf-8><table><tr><th>지역<th>국가<th>협정대학<th>체결일<tr><td>아시아<td>중국<td>Peking University<td>2001.4.1</table>`, Options{})
	assert.Equal(t, []string{"CN"}, codes(res.Records))
	assert.Equal(t, "2001-04-01", res.Records[0].Signed)
	res = readHTML(t, `<meta charset=utf-8><table><tr><th>国家/地区<th>合作院校<th>签署日期<tr><td>日本<td>Tohoku University<td>2001.4.1</table>`, Options{})
	assert.Equal(t, []string{"JP"}, codes(res.Records))
	assert.Equal(t, "Tohoku University", res.Records[0].Partner)
}

func codes(recs []Record) []string {
	var out []string
	for _, r := range recs {
		out = append(out, r.CountryCode)
	}
	return out
}
