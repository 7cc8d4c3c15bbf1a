package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// A table without rules in narrow columns: each record wraps onto rows of
// its own, the first with the groups and the start of the date, the next
// with the rest of the cells; the header over the region and the country
// stands over the region's column alone. Read as a stream table (one row a
// line) it gives the records of the same table with its rows whole.
func TestTableWrappedRowsWithoutRules(t *testing.T) {
	wrapped := tbl(
		[]string{"地域・国", "", "相手機関名", "区分", "締結年月日"},
		[]string{"アジア", "ベトナム", "Foreign", "GS", "14 January"},
		[]string{"", "", "Trade", "Economics", "2010"},
		[]string{"", "", "University,", "and", ""},
		[]string{"", "", "Faculty of\nInternational\nEconomics", "Management", ""},
		[]string{"中東", "アラブ首長国", "United Arab", "IDAC", "10 July 2016"},
		[]string{"", "連邦", "Emirates\nUniversity", "", ""},
		[]string{"アフリカ", "エジプト", "Alexandria", "IFS", "30"},
		[]string{"", "", "University", "", "November"},
		[]string{"", "", "", "", "2017"},
	)
	wrapped.Method = "stream"
	whole := tbl(
		[]string{"地域・国", "", "相手機関名", "区分", "締結年月日"},
		[]string{"アジア", "ベトナム", "Foreign Trade University, Faculty of International Economics", "GS Economics and Management", "14 January 2010"},
		[]string{"中東", "アラブ首長国連邦", "United Arab Emirates University", "IDAC", "10 July 2016"},
		[]string{"アフリカ", "エジプト", "Alexandria University", "IFS", "30 November 2017"},
	)
	whole.Method = "stream"
	want := []brief{
		{"department", "Asia", "VN", "Foreign Trade University", "Faculty of International Economics", "GS Economics and Management", "2010-01-14", false},
		{"department", "Middle East", "AE", "United Arab Emirates University", "", "IDAC", "2016-07-10", false},
		{"department", "Africa", "EG", "Alexandria University", "", "IFS", "2017-11-30", false},
	}
	for name, tb := range map[string]*parser.Table{"wrapped": wrapped, "whole": whole} {
		res, err := Normalize(tdoc([]string{deptSection}, tb), Options{})
		require.NoError(t, err)
		assert.Equal(t, want, briefs(res.Records), name)
	}
}

// A region's or country's name wrapped so that the first line alone names
// another group or none ("International" / "Organization", "Guinea" /
// "Bissau") goes on into the row above, its partner's wrapped line with
// it: it is no record of a group the tool does not know, nor of the wrong
// country.
func TestTableGroupNameWrappedIntoALongerName(t *testing.T) {
	for name, c := range map[string]struct {
		region, country [2]string
		want            brief
	}{
		"region":  {[2]string{"International", "Organization"}, [2]string{"International", "Organization"}, brief{"department", "International Organization", "", "United Nations University", "Institute for Global Health", "GS Medicine", "2019-08-19", false}},
		"country": {[2]string{"Africa", ""}, [2]string{"Guinea", "Bissau"}, brief{"department", "Africa", "GW", "United Nations University", "Institute for Global Health", "GS Medicine", "2019-08-19", false}},
	} {
		tb := tbl(
			[]string{"Region", "Country", "Partner Institution", "Department", "Date"},
			[]string{"North America", "United States", "University of Michigan", "IFS", "2020/05/18"},
			[]string{"", "", "College of Engineering", "", ""},
			[]string{"Asia", "Taiwan", "Academia Sinica Institute of", "CYRIC", "2008/02/27"},
			[]string{"", "", "Physics", "", ""},
			[]string{"Oceania", "Australia", "Australian Nuclear Science and", "IMRAM", "2020/04/08"},
			[]string{"", "", "Technology Organisation", "", ""},
			[]string{c.region[0], c.country[0], "United Nations University", "GS Medicine", "2019/08/19"},
			[]string{c.region[1], c.country[1], "Institute for Global Health", "", ""},
		)
		tb.Method = "stream"
		res, err := Normalize(tdoc([]string{deptSection}, tb), Options{})
		require.NoError(t, err, name)
		assert.Equal(t, []brief{
			{"department", "North America", "US", "University of Michigan", "College of Engineering", "IFS", "2020-05-18", false},
			{"department", "Asia", "TW", "Academia Sinica Institute of Physics", "", "CYRIC", "2008-02-27", false},
			{"department", "Oceania", "AU", "Australian Nuclear Science and Technology Organisation", "", "IMRAM", "2020-04-08", false},
			c.want,
		}, briefs(res.Records), name)
	}
}

// Rows without a date of their own are records where nothing shows a
// wrapped line (a partner filled down, a list without dates for some
// rows): they are not joined to the row above.
func TestTableRowsWithoutDatesNotJoined(t *testing.T) {
	tb := tbl(
		[]string{"Country", "Partner Institution", "Date of Conclusion"},
		[]string{"China", "Peking University", "2001.4.1"},
		[]string{"", "Fudan University", ""},
		[]string{"", "Tsinghua University", "2003.5.1"},
		[]string{"", "Nanjing University", ""},
	)
	tb.Method = "stream"
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	var partners []string
	for _, r := range res.Records {
		partners = append(partners, r.Partner)
	}
	assert.Equal(t, []string{"Peking University", "Fudan University", "Tsinghua University", "Nanjing University"}, partners)
}

// A header set on several rows in narrow columns, its partner's header
// spanning the partner's column and its unit's ("相手機関名 Partner
// Institution" over "機関 Institution" | "部局 Department"), read as one
// header: no row of it is a record, as when the header stands on one row.
// A table whose header's first row stayed on the page before reads the
// columns from the rows that are left.
func TestTableHeaderOnSeveralRows(t *testing.T) {
	want := []brief{
		{"university", "", "CN", "同済大学", "", "", "2006", false},
		{"university", "", "CN", "上海師範大学", "数理学院", "", "2018", false},
	}
	wrapped := tbl(
		[]string{"相手機関名 Partner Institution", "", "協定種別", "本学部局", "締結年月日", "有効期限"},
		[]string{"", "", "Type of", "Department at", "Year", "Valid"},
		[]string{"", "", "Agreement", "Ryukoku\nUniversity", "Concluded", "Until"},
		[]string{"機関 Institution", "部局 Department", "", "", "", ""},
		[]string{"同済大学", "", "大学間協定\nUniversity-\nwide", "―", "2006", ""},
		[]string{"上海師範大学", "数理学院", "大学間協定\nUniversity-w\nide", "―", "2018", ""},
	)
	wrapped.Rows[0].Header = false
	oneRow := tbl(
		[]string{"相手機関名 Partner Institution", "相手部局 Partner's Department", "協定種別 Type of Agreement", "本学部局 Department at Ryukoku University", "締結年月日 Year Concluded", "有効期限 Valid Until"},
		[]string{"同済大学", "", "大学間協定 University-wide", "―", "2006", ""},
		[]string{"上海師範大学", "数理学院", "大学間協定 University-wide", "―", "2018", ""},
	)
	cut := tbl(
		[]string{"", "", "Type of", "Department at", "Year", "Valid"},
		[]string{"", "", "Agreement", "Ryukoku\nUniversity", "Concluded", "Until"},
		[]string{"機関 Institution", "部局 Department", "", "", "", ""},
		[]string{"同済大学", "", "大学間協定\nUniversity-\nwide", "―", "2006", ""},
		[]string{"上海師範大学", "数理学院", "大学間協定\nUniversity-w\nide", "―", "2018", ""},
	)
	cut.Rows[0].Header = false
	for name, tb := range map[string]*parser.Table{"several rows": wrapped, "one row": oneRow, "first row cut": cut} {
		res, err := Normalize(tdoc([]string{"# 中国 China"}, tb), Options{})
		require.NoError(t, err)
		assert.Equal(t, want, briefs(res.Records), name)
		assert.Empty(t, res.Unplaced, name)
	}
}

// A list without dates in narrow columns without rules: the kind's column
// tells a record's first row, the partner's cell wraps onto the rows
// below. A site's menu taken into the table above its title and header is
// no row of it. The same table with its rows whole reads the same.
func TestTableWrappedRowsWithoutDates(t *testing.T) {
	want := []brief{
		{"department", "", "JP", "Yamagata University", "Faculty of Humanities and Social Sciences", "School of Social Innovation", "", false},
		{"department", "", "JP", "Hiroshima University", "Graduate School for International Development and Cooperation", "School of Social Innovation", "", false},
		{"university", "", "JP", "Juntendo University", "", "", "", false},
	}
	wrapped := tbl(
		[]string{"Top News & Events Research", "Campus Life Access", ""},
		[]string{"日本 Japan", "", ""},
		[]string{"相手機関名 Partner", "協定種別 Type of Agreement", "本学部局 Department at Mae"},
		[]string{"Institution", "", "Fah Luang University"},
		[]string{"Yamagata University, Faculty", "部局間協定 School-to-school", "School of Social Innovation"},
		[]string{"of Humanities and Social", "", ""},
		[]string{"Sciences", "", ""},
		[]string{"Hiroshima University,", "部局間協定 School-to-school", "School of Social Innovation"},
		[]string{"Graduate School for", "", ""},
		[]string{"International Development", "", ""},
		[]string{"and Cooperation", "", ""},
		[]string{"Juntendo University", "大学間協定 University-wide", "―"},
	)
	wrapped.Method, wrapped.Rows[0].Header = "stream", false
	whole := tbl(
		[]string{"相手機関名 Partner Institution", "協定種別 Type of Agreement", "本学部局 Department at Mae Fah Luang University"},
		[]string{"Yamagata University, Faculty of Humanities and Social Sciences", "部局間協定 School-to-school", "School of Social Innovation"},
		[]string{"Hiroshima University, Graduate School for International Development and Cooperation", "部局間協定 School-to-school", "School of Social Innovation"},
		[]string{"Juntendo University", "大学間協定 University-wide", "―"},
	)
	for name, d := range map[string]*parser.Document{"wrapped": tdoc(nil, wrapped), "whole": tdoc([]string{"# 日本 Japan"}, whole)} {
		res, err := Normalize(d, Options{})
		require.NoError(t, err)
		assert.Equal(t, want, briefs(res.Records), name)
	}
}

// A table of one column that a table without rules took in above its own
// title and header: its rows under the partner column's name are records
// of their group, as they are when the two tables are read apart.
func TestTableOfOneColumnAboveTheTitle(t *testing.T) {
	want := []brief{
		{"university", "", "MU", "University of Mauritius", "", "", "", false},
		{"department", "", "JP", "Kagoshima University", "Faculty of Agriculture", "School of Agro-Industry", "", false},
	}
	second := [][]string{
		{"Partner Institution", "Partner's Department", "Department at Mae Fah Luang University"},
		{"Kagoshima University", "Faculty of Agriculture", "School of Agro-Industry"},
	}
	taken := tbl(append([][]string{
		{"Mauritius", "<", "<"},
		{"Partner Institution", "", ""},
		{"University of Mauritius", "", ""},
		{"Department Level Agreements", "", ""},
		{"Japan", "", ""},
	}, second...)...)
	taken.Method = "stream"
	apart := tdoc([]string{"# Mauritius"}, tbl([]string{"Partner Institution"}, []string{"University of Mauritius"}))
	apart.Blocks = append(apart.Blocks, tdoc([]string{"# Department Level Agreements", "# Japan"}, tbl(second...)).Blocks...)
	apart.Number()
	for name, d := range map[string]*parser.Document{"taken in": tdoc([]string{"University Level Agreements"}, taken), "apart": apart} {
		res, err := Normalize(d, Options{})
		require.NoError(t, err)
		assert.Equal(t, want, briefs(res.Records), name)
	}
}

// A list without dates of conclusion, its term's column filled on each
// record's first row ("no end date", "pending renewal"), its country named
// in two languages on two rows: the wrapped rows join their records.
func TestTableWrappedRowsUnderATermColumn(t *testing.T) {
	wrapped := tbl(
		[]string{"国・地域 Country / Region", "相手機関名 Partner Institution", "協定種別 Type", "有効期限 Valid Until"},
		[]string{"アルゼンチン", "Universidad", "MOU, Reciprocal", "no end date"},
		[]string{"Argentina", "Nacional de", "Student", ""},
		[]string{"", "Tucuman", "Exchange", ""},
		[]string{"中国 China", "Capital", "Dual Degree", "pending renewal"},
		[]string{"", "University of", "Articulation", ""},
		[]string{"", "Business and Economics", "", ""},
		[]string{"中国 China", "Beijing Prepare", "MOU", "2026"},
	)
	wrapped.Method = "stream"
	res, err := Normalize(tdoc(nil, wrapped), Options{})
	require.NoError(t, err)
	var got [][3]string
	for _, r := range res.Records {
		got = append(got, [3]string{r.CountryCode, r.Partner, r.AgreementType})
	}
	assert.Equal(t, [][3]string{
		{"AR", "Universidad Nacional de Tucuman", "MOU, Reciprocal Student Exchange"},
		{"CN", "Capital University of Business and Economics", "Dual Degree Articulation"},
		{"CN", "Beijing Prepare", "MOU"},
	}, got)
}

// A header's joining word set in a column of its own ("Department" | "at"
// over "Tohoku University", "Date" | "of" over "23" | "April" / "2001"):
// the header is the home unit's, as "Department at Tohoku University" in
// one cell is, and the cells under the word go on the cells before them.
func TestTableHeaderWordInAColumnOfItsOwn(t *testing.T) {
	want := []brief{{"department", "", "CA", "University of British Columbia", "Faculty of Dentistry", "GS Dentistry", "2001-04-23", false}}
	apart := tbl(
		[]string{"Partner Institution", "Partner's Department", "Department", "at", "Date", "of"},
		[]string{"", "", "Tohoku University", "", "", "Agreement"},
		[]string{"University of British Columbia", "Faculty of Dentistry", "GS Dentistry", "", "23\n2001", "April"},
	)
	apart.Rows[1].Header = true
	apart.Method = "stream"
	together := tbl(
		[]string{"Partner Institution", "Partner's Department", "Department at Tohoku University", "Date of Agreement"},
		[]string{"University of British Columbia", "Faculty of Dentistry", "GS Dentistry", "23 April 2001"},
	)
	for name, tb := range map[string]*parser.Table{"apart": apart, "together": together} {
		res, err := Normalize(tdoc([]string{"# Canada"}, tb), Options{})
		require.NoError(t, err)
		assert.Equal(t, want, briefs(res.Records), name)
	}
}

// A record's first row whose partner's name ran over into the blank unit's
// column (a span in a table without rules) still takes its wrapped rows.
func TestTableWrappedRowsUnderASpan(t *testing.T) {
	wrapped := tbl(
		[]string{"Partner Institution", "", "Partner's Department", "Date of Agreement"},
		[]string{"The City College of New York and", "<", "The Grove School of", "13 December"},
		[]string{"Partners", "", "Engineering", "2010"},
		[]string{"The Forsyth Institute", "", "", "9 December 2005"},
	)
	wrapped.Method = "stream"
	res, err := Normalize(tdoc([]string{"# U. S. A."}, wrapped), Options{})
	require.NoError(t, err)
	assert.Equal(t, []brief{
		{"university", "", "US", "The City College of New York and Partners", "The Grove School of Engineering", "", "2010-12-13", false},
		{"university", "", "US", "The Forsyth Institute", "", "", "2005-12-09", false},
	}, briefs(res.Records))
}

// A partner's name whose first line a typesetter stretched across the
// columns its header spans (the words of a justified line set apart) reads
// line by line, as the name in one cell does; a header over more than two
// columns names no partner's unit.
func TestTablePartnerLineAcrossSpannedColumns(t *testing.T) {
	apart := tbl(
		[]string{"Partner Institution", "<", "<", "Date of Agreement"},
		[]string{"Institute of Geological\n(GNS Science)", "and", "Nuclear Sciences", "19 March 2008"},
	)
	apart.Method = "stream"
	one := tbl(
		[]string{"Partner Institution", "Date of Agreement"},
		[]string{"Institute of Geological and Nuclear Sciences\n(GNS Science)", "19 March 2008"},
	)
	for name, tb := range map[string]*parser.Table{"apart": apart, "one": one} {
		res, err := Normalize(tdoc([]string{"# New Zealand"}, tb), Options{})
		require.NoError(t, err)
		assert.Equal(t, []brief{{"university", "", "NZ", "Institute of Geological and Nuclear Sciences (GNS Science)", "", "", "2008-03-19", false}}, briefs(res.Records), name)
	}
}

// A column that holds no text in any row (a header's word the extractor
// set apart over none of the cells: "有効期限 Until" | "Valid") tells no
// record's first row: the rows, each a record with its term, are not
// joined as one record's wrapped rows.
func TestTableEmptyColumnTellsNoFirstRow(t *testing.T) {
	for name, head := range map[string][2]string{"japanese": {"有効期限 Until", "Valid"}, "english": {"Valid", "Until"}} {
		tb := tbl(
			[]string{"Partner Institution", "Type", head[0], head[1]},
			[]string{"Beijing Prepare (2016)", "Representative Agreement", "2026", ""},
			[]string{"Capital University of Business and Economics (12/9/2016)", "MOU", "pending renewal", ""},
			[]string{"China University of Petroleum (East China) (5/2/2018)", "Dual Degree Articulation Agreement", "5/1/2028", ""},
		)
		tb.Method = "stream"
		res, err := Normalize(tdoc([]string{"# China"}, tb), Options{})
		require.NoError(t, err, name)
		assert.Len(t, res.Records, 3, name)
		for _, r := range res.Records {
			assert.NotContains(t, r.Repairs, "joined_split_row", name)
		}
	}
}
