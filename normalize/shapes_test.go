package normalize

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/parser"
)

// brief is what a shape test compares of a record.
type brief struct {
	Level, Region, Code, Partner, Unit, Home, Signed string
	Fee                                              bool
}

func briefs(recs []Record) []brief {
	var out []brief
	for _, r := range recs {
		out = append(out, brief{r.Level, r.Region, r.CountryCode, r.Partner, r.PartnerUnit, r.HomeUnit, r.Signed, r.FeeWaiver})
	}
	return out
}

// Group rows inside one table: a region with a count of countries in the
// region-and-country column, official long country names, rowspans.
func TestTableGroupRowsInCountryColumn(t *testing.T) {
	tb := tbl(
		[]string{"地域・国名", "大学名", "締結年月日"},
		[]string{"アジア州(6)", "<", "<"},
		[]string{"中華人民共和国", "西北大学", "1980. 5.31"},
		[]string{"^", "武漢大学", "1980.10.15"},
		[]string{"大韓民国", "慶北大学校", "1984. 6. 5"},
		[]string{"太洋州(2)", "<", "<"},
		[]string{"オーストラリア", "クイーンズランド大学", "1981.12.22"},
	)
	res, err := Normalize(tdoc([]string{"大学間学術交流協定校"}, tb), Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Unplaced)
	assert.Equal(t, []brief{
		{"university", "Asia", "CN", "西北大学", "", "", "1980-05-31", false},
		{"university", "Asia", "CN", "武漢大学", "", "", "1980-10-15", false},
		{"university", "Asia", "KR", "慶北大学校", "", "", "1984-06-05", false},
		{"university", "Oceania", "AU", "クイーンズランド大学", "", "", "1981-12-22", false},
	}, briefs(res.Records))
}

// Group rows as upper-case names with counts, the area and the country on
// the group's first row, markers after the count, a flag column.
func TestTableUpperCaseGroupsAndFlagColumn(t *testing.T) {
	tb := tbl(
		[]string{"Area", "Country・Region", "University / Institutions", "Year Concluded", "Tuition Exemption*"},
		[]string{"Asia (63)**", "CAMBODIA (3)", "", "", ""},
		[]string{"", "", "Royal University of Phnom Penh", "2010", ""},
		[]string{"", "", "Royal University of Agriculture", "2012", "♦"},
		[]string{"", "CHINA (14)", "Nanjing University", "1982", ""},
		[]string{"", "", "Peking University", "2002", "♦"},
		[]string{"", "Hong Kong(4)", "The Chinese University of Hong Kong", "2010", ""},
	)
	res, err := Normalize(tdoc([]string{"Inter-University Agreements", "As of May 1, 2024"}, tb), Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Unplaced)
	assert.Equal(t, []brief{
		{"university", "Asia", "KH", "Royal University of Phnom Penh", "", "", "2010", false},
		{"university", "Asia", "KH", "Royal University of Agriculture", "", "", "2012", true},
		{"university", "Asia", "CN", "Nanjing University", "", "", "1982", false},
		{"university", "Asia", "CN", "Peking University", "", "", "2002", true},
		{"university", "Asia", "HK", "The Chinese University of Hong Kong", "", "", "2010", false},
	}, briefs(res.Records))
	assert.Equal(t, "2024-05-01", res.AsOf)
}

// A column of agreement kinds decides the level row by row; a placeholder
// home unit is no home unit.
func TestTableLevelPerRow(t *testing.T) {
	for name, tb := range map[string][][]string{
		"en": {
			{"Country", "Partner Institution", "Type", "Home Unit", "Date"},
			{"China", "Peking University", "University-wide", "―", "2001.4.1"},
			{"China", "Fudan University", "School-to-school", "Graduate School of Engineering", "2003.5.1"},
		},
		"ja": {
			{"国・地域", "協定校", "協定種別", "本学部局", "締結日"},
			{"中国", "Peking University", "大学間協定", "―", "2001.4.1"},
			{"中国", "Fudan University", "部局間協定", "Graduate School of Engineering", "2003.5.1"},
		},
	} {
		t.Run(name, func(t *testing.T) {
			res, err := Normalize(tdoc(nil, tbl(tb...)), Options{})
			require.NoError(t, err)
			assert.Equal(t, []brief{
				{"university", "", "CN", "Peking University", "", "", "2001-04-01", false},
				{"department", "", "CN", "Fudan University", "", "Graduate School of Engineering", "2003-05-01", false},
			}, briefs(res.Records))
			for _, r := range res.Records {
				assert.NotContains(t, r.Repairs, "level:assumed_university")
				assert.Empty(t, r.AgreementType)
			}
		})
	}
}

// The header row below title and as-of rows inside the table; a blank
// partner cell means the partner of the row above.
func TestTableHeaderBelowTitleRows(t *testing.T) {
	tb := tbl(
		[]string{"大学間学術交流協定校", "<", "<"},
		[]string{"(2023年5月現在)", "<", "<"},
		[]string{"国・地域", "大学名", "締結年月日"},
		[]string{"中国", "北京大学", "1999.11.10"},
		[]string{"^", "", "2005.4.1"},
	)
	tb.Rows[0].Header = false
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Unplaced)
	assert.Equal(t, []brief{
		{"university", "", "CN", "北京大学", "", "", "1999-11-10", false},
		{"university", "", "CN", "北京大学", "", "", "2005-04-01", false},
	}, briefs(res.Records))
	assert.Equal(t, "2023-05", res.AsOf)
}

// Two dates in one cell: the first is when the agreement was concluded.
func TestTableTwoDatesInOneCell(t *testing.T) {
	tb := tbl(
		[]string{"Country", "Institution", "Type", "Start Date", "End Date"},
		[]string{"Argentina", "Universidad Nacional de Tucuman", "MOU, Reciprocal Student Exchange", "1999, 11/17/2008", "no end date"},
		[]string{"Brazil", "Universidade Federal de Uberlândia", "MOU", "1/25/2018", "1/24/2023"},
		[]string{"Japan", "Kansai Gaidai University", "Reciprocal Student Exchange", "05/20/2013, 07/27/2017", "pending renewal"},
	)
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 3)
	assert.Equal(t, "1999", res.Records[0].Signed)
	assert.Equal(t, "", res.Records[0].ValidUntil)
	assert.Equal(t, "2018-01-25", res.Records[1].Signed)
	assert.Equal(t, "2023-01-24", res.Records[1].ValidUntil)
	assert.Equal(t, "2013-05-20", res.Records[2].Signed)
	assert.Contains(t, res.Records[2].Flags, FlagPending)
	assert.Equal(t, "MOU, Reciprocal Student Exchange", res.Records[0].AgreementType)
}

// A legend and the list's date standing in the running header and footer
// are read, though the lines are no data.
func TestFurnitureMetadata(t *testing.T) {
	tb := tbl(
		[]string{"Country", "Partner Institution", "Date"},
		[]string{"China", "* Peking University", "1999.11.10"},
		[]string{"China", "Fudan University", "2001.4.1"},
	)
	doc := tdoc([]string{"University Level Agreements"}, tb)
	doc.Furniture = []parser.Line{
		{Page: 1, Row: 1, Text: "Academic Exchange Agreements (as of May 1, 2021)", Role: parser.RoleText},
		{Page: 1, Row: 9, Text: "* indicates universities that waive fees", Role: parser.RoleText},
	}
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.True(t, res.Records[0].FeeWaiver)
	assert.Equal(t, []string{FlagFeeWaiver}, res.Records[0].Flags)
	assert.False(t, res.Records[1].FeeWaiver)
	assert.Equal(t, "2021-05-01", res.Records[0].AsOf)
}

// A list whose bullets stand far from their text comes as a two-column
// table (bullet | text): it is read as the list it is.
func TestBulletColumnTableIsAList(t *testing.T) {
	for name, bullet := range map[string]string{"glyph": "•", "number": "1.", "marker": "*"} {
		t.Run(name, func(t *testing.T) {
			tb := tbl(
				[]string{"", "(Asia)"},
				[]string{"", "China"},
				[]string{bullet, "Peking University (1999.11.10)"},
				[]string{bullet, "Fudan University (2001.4.19)"},
				[]string{"", "Korea"},
				[]string{bullet, "Seoul National University (1995.6.9)"},
			)
			tb.Rows[0].Header = false
			res, err := Normalize(tdoc([]string{"University Level Agreements"}, tb), Options{})
			require.NoError(t, err)
			assert.Empty(t, res.Unplaced)
			assert.Equal(t, []brief{
				{"university", "Asia", "CN", "Peking University", "", "", "1999-11-10", false},
				{"university", "Asia", "CN", "Fudan University", "", "", "2001-04-19", false},
				{"university", "Asia", "KR", "Seoul National University", "", "", "1995-06-09", false},
			}, briefs(res.Records))
			if name == "marker" {
				// No legend says what the marker means: it is kept as such.
				assert.Equal(t, []string{"marker:*"}, res.Records[0].Flags)
			}
		})
	}
}

// A header spanning two columns that names the region and the country.
func TestTableSpannedRegionCountryHeader(t *testing.T) {
	for _, h := range []string{"地域・国", "Area / Country"} {
		tb := tbl(
			[]string{h, "<", "相手機関名", "締結年月日"},
			[]string{"アジア Asia", "中国 China", "西北大学", "1980-05-31"},
			[]string{"^", "^", "武漢大学", "1980-10-15"},
		)
		res, err := Normalize(tdoc(nil, tb), Options{})
		require.NoError(t, err)
		assert.Equal(t, []brief{
			{"university", "Asia", "CN", "西北大学", "", "", "1980-05-31", false},
			{"university", "Asia", "CN", "武漢大学", "", "", "1980-10-15", false},
		}, briefs(res.Records), h)
	}
}

// Region and country headings set like the entries, without bullets,
// among bulleted entries.
func TestListHeadingsInEntryStyle(t *testing.T) {
	st := parser.Style{Font: "NotoSansCJKjp-Regular", Size: 10}
	doc := pdfDoc(
		lineSpec{text: "オセアニア", style: st},
		lineSpec{text: "オーストラリア", style: st},
		lineSpec{text: "オーストラリア原子力科学技術機構（ANSTO）（大学間協定、2020.4.8）", style: st, bullet: true},
		lineSpec{text: "アジア Asia", style: st},
		lineSpec{text: "中国 China", style: st},
		lineSpec{text: "北京理工大学, 信息与电子学院 — 部局間協定（工学研究科）、2019.8.8 締結", style: st, bullet: true},
	)
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Unplaced)
	assert.Equal(t, []brief{
		{"university", "Oceania", "AU", "オーストラリア原子力科学技術機構（ANSTO）", "", "", "2020-04-08", false},
		{"department", "Asia", "CN", "北京理工大学", "信息与电子学院", "工学研究科", "2019-08-08", false},
	}, briefs(res.Records))
}

// A second kind column that says the level; international organisations as
// a group row; a partner and its unit on two lines of one cell.
func TestTableKindsLevelsAndLines(t *testing.T) {
	tb := tbl(
		[]string{"国・地域", "相手機関名", "協定種別", "協定種別", "本学部局", "締結年月日"},
		[]string{"アルゼンチン", "Universidad Nacional de Tucuman", "MOU", "大学間協定", "―", "1999"},
		[]string{"国際機関（1）", "<", "<", "<", "<", "<"},
		[]string{"", "Chiangmai University\nPlasma and Beam Physics Research Facility", "MOU", "部局間協定", "GS Science", "2001"},
	)
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Unplaced)
	assert.Equal(t, []brief{
		{"university", "", "AR", "Universidad Nacional de Tucuman", "", "", "1999", false},
		{"department", "International Organization", "", "Chiangmai University", "Plasma and Beam Physics Research Facility", "GS Science", "2001", false},
	}, briefs(res.Records))
}

// The region and the country in one cell of a country column; a date
// broken inside a number across the lines of a narrow cell.
func TestTableRegionAndCountryInOneCell(t *testing.T) {
	tb := tbl(
		[]string{"地域・国 Area / Country", "相手機関名 Partner Institution", "締結年月日"},
		[]string{"アジア Asia バングラデシュ\nBangladesh", "Bangladesh Agricultural University", "11/17/2\n008"},
		[]string{"", "University of Dhaka", "2010"},
	)
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	assert.Equal(t, []brief{
		{"university", "Asia", "BD", "Bangladesh Agricultural University", "", "", "2008-11-17", false},
		{"university", "Asia", "BD", "University of Dhaka", "", "", "2010", false},
	}, briefs(res.Records))
}

// A table whose own group rows open a region with no country (an
// international organisation's) after a country named around it, by a
// heading or by the group rows of the table before: the rows have no
// country.
func TestTableRegionRowDropsTheCountryAround(t *testing.T) {
	body := func() *parser.Table {
		return tbl(
			[]string{"相手機関名", "区分", "締結年月日"},
			[]string{"国際機関", "", ""},
			[]string{"国際機関", "", ""},
			[]string{"国際連合大学\nグローバルヘルス研究所", "医学系研究科", "2019. 8.19"},
		)
	}
	before := tbl(
		[]string{"相手機関名", "区分", "締結年月日"},
		[]string{"ヨーロッパ", "", ""},
		[]string{"フランス", "", ""},
		[]string{"ナント大学", "多元物質科学研究所", "2014.12. 8"},
	)
	for name, doc := range map[string]*parser.Document{
		"headings": tdoc([]string{"# ヨーロッパ", "# フランス"}, body()),
		"tables":   tdoc(nil, before, body()),
	} {
		res, err := Normalize(doc, Options{})
		require.NoError(t, err, name)
		require.NotEmpty(t, res.Records, name)
		last := res.Records[len(res.Records)-1]
		assert.Equal(t, brief{"department", "International Organization", "", "国際連合大学", "グローバルヘルス研究所", "医学系研究科", "2019-08-19", false}, briefs([]Record{last})[0], name)
		assert.Empty(t, last.Country, name)
	}
}

// A row broken by a page: at the foot of one page the partner and the
// start of the home unit (in the level column) with the date, at the head
// of the next the partner's unit on a line of its own and the rest of the
// home unit, with the header repeated over it or not.
func TestTableRowBrokenByAPageGoesUp(t *testing.T) {
	for name, repeat := range map[string]bool{"header repeated": true, "no header": false} {
		rows := [][]string{
			{"Partner Institution", "Level", "Date of Agreement"},
			{"Harvard University", "University", "2010.7.22"},
			{"Texas A&M University", "GS Agricultural", "2018.2.6"},
		}
		if repeat {
			rows = append(rows, []string{"Partner Institution", "Level", "Date of Agreement"})
		}
		rows = append(rows, []string{"College of Agriculture and Life Sciences", "Science", ""},
			[]string{"The Forsyth Institute", "GS Dentistry", "2005.12.9"})
		tb := tbl(rows...)
		for i := 3; i < len(tb.Rows); i++ {
			tb.Rows[i].Page = 2
		}
		if repeat {
			tb.Rows[3].Header = true
		}
		res, err := Normalize(tdoc([]string{"# North America", "# United States"}, tb), Options{})
		require.NoError(t, err, name)
		assert.Equal(t, []brief{
			{"university", "North America", "US", "Harvard University", "", "", "2010-07-22", false},
			{"department", "North America", "US", "Texas A&M University", "College of Agriculture and Life Sciences", "GS Agricultural Science", "2018-02-06", false},
			{"department", "North America", "US", "The Forsyth Institute", "", "GS Dentistry", "2005-12-09", false},
		}, briefs(res.Records), name)
	}
}

// The list's title said again at the head of the next page, inside the
// table (LibreOffice prints a page's title rows as the table's): no part
// of the row that ended the page before, and no record; in Japanese and
// in English.
func TestTableTitleAtAPagesHead(t *testing.T) {
	for _, title := range []string{"部局間学術交流協定", "Department-Level Agreements"} {
		tb := tbl(
			[]string{"Partner Institution", "Partner Department", "Date of Agreement"},
			[]string{"Polar Research Institute of China", "", "2005"},
			[]string{"Southwest Jiaotong University", "School of Economics and Management", "2005"},
			[]string{title, "", ""},
			[]string{"Beijing Institute of Technology", "School of Management and Economics", "2005"},
		)
		for i := 3; i < len(tb.Rows); i++ {
			tb.Rows[i].Page = 2
		}
		res, err := Normalize(tdoc([]string{"# Asia", "# China"}, tb), Options{})
		require.NoError(t, err, title)
		var partners []string
		for _, r := range res.Records {
			partners = append(partners, r.Partner)
		}
		assert.Equal(t, []string{"Polar Research Institute of China", "Southwest Jiaotong University", "Beijing Institute of Technology"}, partners, title)
	}
}

// A row broken by a page in every cell, the header said again over the
// next page's part (LibreOffice breaks a row of wrapped cells so): the
// partner, its unit and the home unit (in the level column) go on there,
// the date stays on the first page. A row at the next page's head whose
// cells the row before left empty is a record of its own, dateless.
func TestTableRowBrokenByAPageInEveryCell(t *testing.T) {
	header := []string{"Partner Institution", "Partner Department", "Level", "Date of Agreement"}
	for name, c := range map[string]struct {
		head []string
		want []brief
	}{
		"cells going on": {
			head: []string{"Finland", "Sciences, School of Pharmacy", "Pharmaceutical Sciences", ""},
			want: []brief{
				{"department", "Europe", "FI", "University of Eastern Finland", "Faculty of Health Sciences, School of Pharmacy", "GS Pharmaceutical Sciences", "2016-07-13", false},
				{"department", "Europe", "FI", "Aalto University", "", "GS Engineering", "2018-03-05", false},
			},
		},
		"a cell the row left empty": {
			head: []string{"Tampere University", "", "GS Medicine", ""},
			want: []brief{
				{"department", "Europe", "FI", "University of Eastern", "", "GS", "2016-07-13", false},
				{"department", "Europe", "FI", "Tampere University", "", "GS Medicine", "", false},
				{"department", "Europe", "FI", "Aalto University", "", "GS Engineering", "2018-03-05", false},
			},
		},
	} {
		foot := []string{"University of Eastern", "Faculty of Health", "GS", "2016.7.13"}
		if c.head[1] == "" {
			foot[1] = ""
		}
		tb := tbl(header, []string{"University of Helsinki", "", "University", "2010.7.22"}, foot, header, c.head,
			[]string{"Aalto University", "", "GS Engineering", "2018.3.5"})
		for i := 3; i < len(tb.Rows); i++ {
			tb.Rows[i].Page = 2
		}
		tb.Rows[3].Header = true
		res, err := Normalize(tdoc([]string{"# Europe", "# Finland"}, tb), Options{})
		require.NoError(t, err, name)
		assert.Equal(t, c.want, briefs(res.Records[1:]), name)
		if name == "cells going on" {
			assert.Contains(t, res.Records[1].Repairs, "joined_split_row", name)
		}
	}
}

// A unit named first, before the comma, its institution after: a unit
// known by its acronym before a university, a department before a
// ministry. Read in a table's partner cell or as a list's entry.
func TestUnitFirstAcronymAndMinistry(t *testing.T) {
	cells := []string{"IDEC, Hiroshima University", "Department of Planning and Cooperation, Ministry of Science and Technology"}
	want := []brief{
		{"university", "", "JP", "Hiroshima University", "IDEC", "", "2010-04-01", false},
		{"university", "", "LA", "Ministry of Science and Technology", "Department of Planning and Cooperation", "", "2012-05-01", false},
	}
	table := tdoc(nil, tbl(
		[]string{"Country", "Partner Institution", "Date"},
		[]string{"Japan", cells[0], "2010.4.1"},
		[]string{"Laos", cells[1], "2012.5.1"},
	))
	list := tdoc([]string{"# Japan", cells[0] + " (2010.4.1)", "# Laos", cells[1] + " (2012.5.1)"})
	for name, doc := range map[string]*parser.Document{"table": table, "list": list} {
		res, err := Normalize(doc, Options{})
		require.NoError(t, err, name)
		got := briefs(res.Records)
		for i := range got {
			got[i].Level = "university" // the level each layout assumes is not this test's
		}
		assert.Equal(t, want, got, name)
	}
}

// In a list of department-level agreements that names the unit before
// its institution, a name whose two parts could each be the
// institution's, or whose first names no organisation, is read the same
// way; in one that does not, it is read institution first.
func TestUnitFirstDocumentDecidesAmbiguousNames(t *testing.T) {
	clear := []string{"School of Dentistry, Chonnam National University", "Faculty of Law, Chungbuk National University", "Institute of Japanese Studies, Hallym University"}
	ambiguous := "Korea Institute of Robot and Convergence (KIRO), Disaster Robotics Center (DRC)"
	for name, tc := range map[string]struct {
		names         []string
		partner, unit string
	}{
		"unit first":        {append(slices.Clone(clear), ambiguous, "Social Education, Myongji University"), "Disaster Robotics Center (DRC)", "Korea Institute of Robot and Convergence (KIRO)"},
		"institution first": {[]string{ambiguous}, "Korea Institute of Robot and Convergence (KIRO)", "Disaster Robotics Center (DRC)"},
	} {
		rows := [][]string{{"Partner Institution", "Date"}}
		lines := []string{"# " + deptSection, "# South Korea"}
		for k, n := range tc.names {
			rows = append(rows, []string{n, fmt.Sprintf("2010.4.%d", k+1)})
			lines = append(lines, fmt.Sprintf("%s (2010.4.%d)", n, k+1))
		}
		for way, doc := range map[string]*parser.Document{"table": tdoc([]string{"# " + deptSection, "# South Korea"}, tbl(rows...)), "list": tdoc(lines)} {
			msg := name + ", " + way
			res, err := Normalize(doc, Options{})
			require.NoError(t, err, msg)
			require.Len(t, res.Records, len(tc.names), msg)
			k := slices.Index(tc.names, ambiguous)
			assert.Equal(t, [2]string{tc.partner, tc.unit}, [2]string{res.Records[k].Partner, res.Records[k].PartnerUnit}, msg)
			if len(tc.names) > k+1 {
				last := res.Records[k+1]
				assert.Equal(t, [2]string{"Myongji University", "Social Education"}, [2]string{last.Partner, last.PartnerUnit}, msg)
			}
		}
	}
}

// A group row whose country's name in two languages the extractor set in
// two cells ("インドネシア" | "Indonesia") names the group as it would in
// one cell; two cells naming two countries are no group row.
func TestTableCountryNamedInTwoCells(t *testing.T) {
	for _, tt := range []struct {
		name string
		row  []string
		want string
	}{
		{"one cell", []string{"インドネシア Indonesia", "", ""}, "ID"},
		{"two cells", []string{"インドネシア", "Indonesia", ""}, "ID"},
		{"two countries", []string{"インドネシア", "Japan", ""}, "CN"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tb := tbl(
				[]string{"相手機関名 Partner Institution", "協定種別 Type", "締結年月日 Year"},
				[]string{"中国 China", "", ""},
				[]string{"Jilin University", "大学間協定 University-wide", "1985年"},
				tt.row,
				[]string{"Gadjah Mada University", "大学間協定 University-wide", "1995年"},
			)
			res, err := Normalize(tdoc(nil, tb), Options{})
			require.NoError(t, err)
			var codes []string
			for _, r := range res.Records {
				codes = append(codes, r.CountryCode)
			}
			require.NotEmpty(t, codes)
			assert.Equal(t, "CN", codes[0])
			assert.Equal(t, tt.want, codes[len(codes)-1])
		})
	}
}

// A partner's name and its unit on lines of their own in a narrow cell,
// each wrapped: read as a table's cell and as a list entry's lines.
func TestNameAndUnitEachWrappedInANarrowCell(t *testing.T) {
	lines := []string{"Erasmus University", "Rotterdam", "Erasmus Medical", "Center, Department of", "Epidemiology"}
	tb := tbl(
		[]string{"Partner Institution", "Home Unit", "Date"},
		[]string{"Netherlands", "", ""},
		[]string{strings.Join(lines, "\n"), "ToMMo", "2014.8.11"},
	)
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 1)
	assert.Equal(t, "Erasmus University Rotterdam", res.Records[0].Partner)
	assert.Equal(t, "Erasmus Medical Center, Department of Epidemiology", res.Records[0].PartnerUnit)
	c := testContext()
	en := c.readEntry(c.unitOnItsLine(lines, joinWrapped(lines)), entryOpts{})
	assert.Equal(t, "Erasmus University Rotterdam", en.partner)
	assert.Equal(t, "Erasmus Medical Center, Department of Epidemiology", en.partnerUnit)
}

// Two tables set one under the other and read as one: a group's name and a
// one-column header, a row of its body, then the next table's section,
// group and header within the rows that could be taken as titles. Built
// with the next header read as a body row (a stream table) and as a
// header row (a parser that marks a header repeated lower down).
func TestTableStackedOnTheNextOnesTitles(t *testing.T) {
	rows := [][]string{
		{"モーリシャス", "", ""},
		{"相手機関名", "<", "<"},
		{"University of Mauritius", "", ""},
		{"部局間学術交流協定", "", ""},
		{"日本", "", ""},
		{"相手機関名", "", "本学部局"},
		{"機関", "部局", "^"},
		{"Kagoshima University", "Faculty of Agriculture", "School of Agro-Industry"},
		{"Yamagata University", "Faculty of Humanities", "School of Social Innovation"},
	}
	want := []brief{
		{"university", "", "MU", "University of Mauritius", "", "", "", false},
		{"department", "", "JP", "Kagoshima University", "Faculty of Agriculture", "School of Agro-Industry", "", false},
		{"department", "", "JP", "Yamagata University", "Faculty of Humanities", "School of Social Innovation", "", false},
	}
	for _, marked := range []bool{false, true} {
		t.Run(fmt.Sprintf("next header marked %v", marked), func(t *testing.T) {
			tb := tbl(rows...)
			tb.Rows[1].Header = true
			tb.Rows[5].Header, tb.Rows[6].Header = marked, marked
			res, err := Normalize(tdoc([]string{"大学間学術交流協定"}, tb), Options{})
			require.NoError(t, err)
			assert.Empty(t, res.Unplaced)
			assert.Equal(t, want, briefs(res.Records))
		})
	}
}

// A row naming an institution above a table's header makes no record: it
// is read as the table's title, and said.
func TestTableInstitutionAboveHeaderIsSaid(t *testing.T) {
	tb := tbl(
		[]string{"University of Mauritius", "<", "<"},
		[]string{"国・地域", "大学名", "締結年月日"},
		[]string{"中国", "北京大学", "1999.11.10"},
	)
	tb.Rows[0].Header = false
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	assert.Equal(t, []brief{{"university", "", "CN", "北京大学", "", "", "1999-11-10", false}}, briefs(res.Records))
	require.Len(t, res.Unplaced, 1)
	assert.Equal(t, "University of Mauritius", res.Unplaced[0].Text)
	assert.Equal(t, agreement.UnplacedAboveHeader, res.Unplaced[0].Kind)
}

// Two agreements a line in one row (two home units, two dates) beside a
// partner's unit wrapped over two lines: the unit is one text, both
// agreements', not a line each.
func TestTableAgreementsALineBesideAWrappedUnit(t *testing.T) {
	tb := tbl([]string{"Partner Institution", "Partner Department", "Level", "Date of Agreement"},
		[]string{"KU Leuven (University of\nLeuven)", "Faculty of Medicine and\nBiomedical Sciences Group", "GS Medicine\nGS Life Sciences", "2017.10.23\n2018.4.1"},
		[]string{"Ghent University", "Faculty of Arts\nFaculty of Law", "GS Arts and Letters\nGS Law", "2014.12.16\n2015.1.5"})
	res, err := Normalize(tdoc([]string{"# Europe", "# Belgium"}, tb), Options{})
	require.NoError(t, err)
	assert.Equal(t, []brief{
		{"department", "Europe", "BE", "KU Leuven (University of Leuven)", "Faculty of Medicine and Biomedical Sciences Group", "GS Medicine", "2017-10-23", false},
		{"department", "Europe", "BE", "KU Leuven (University of Leuven)", "Faculty of Medicine and Biomedical Sciences Group", "GS Life Sciences", "2018-04-01", false},
		{"department", "Europe", "BE", "Ghent University", "Faculty of Arts", "GS Arts and Letters", "2014-12-16", false},
		{"department", "Europe", "BE", "Ghent University", "Faculty of Law", "GS Law", "2015-01-05", false},
	}, briefs(res.Records))
	// The wrapped unit read as both agreements' may be the first's only:
	// the records say so, and the units a line do not.
	for i, r := range res.Records {
		assert.Equal(t, i < 2, slices.Contains(r.Repairs, "split_cell:wrapped_shared"), r.Partner+" "+r.HomeUnit)
	}

	// The same in Japanese: a unit broken inside brackets.
	tb = tbl([]string{"相手機関名", "相手部局", "本学部局", "締結日"},
		[]string{"ルーヴェン・カトリック大学", "医学部（生物医学\n科学群）", "医学系研究科\n生命科学研究科", "2017.10.23\n2018.4.1"})
	res, err = Normalize(tdoc([]string{"# Europe", "# Belgium"}, tb), Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	for _, r := range res.Records {
		assert.Equal(t, "医学部（生物医学科学群）", r.PartnerUnit)
		assert.Contains(t, r.Repairs, "split_cell:wrapped_shared")
	}
}

// Once the list has records, a line that is neither entry nor heading is
// reported, even after a section's title forgot the groups ("大学間協",
// the first line of a kind cell at a page's head, read as a title): it
// may be a row the extractor could not read as one.
func TestLineAfterRecordsIsNeverDroppedSilently(t *testing.T) {
	tb := tbl([]string{"Partner Institution", "Date of Agreement"},
		[]string{"Foreign Trade University", "2013.8.15"})
	d := tdoc([]string{"# Asia", "# Vietnam"}, tb)
	for _, l := range []string{"大学間協定", "アジア ベトナム Thuyloi University * 定 ―"} {
		d.Blocks = append(d.Blocks, parser.Block{Line: &parser.Line{Text: l, Role: parser.RoleText}})
	}
	d.Number()
	res, err := Normalize(d, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 1)
	require.NotEmpty(t, res.Unplaced)
	assert.Equal(t, "アジア ベトナム Thuyloi University * 定 ―", res.Unplaced[len(res.Unplaced)-1].Text)
}

// A table whose cells are set at the bottom of their rows, rows set
// solid (a spreadsheet printed): the header's date cell has its first
// line on a row of its own over the others, and a row's unit its first
// line over the row's other cells. Each first line is read with the row
// it begins; rows set apart are not.
func TestTableCellsSetAtTheBottom(t *testing.T) {
	for name, gap := range map[string]float64{"set solid": 1, "set apart": 8} {
		tb := tbl([]string{"", "", "Date of"},
			[]string{"Partner Institution", "Partner Department", "Agreement"},
			[]string{"Umea University", "Faculty of Medicine", "1997.5.1"},
			[]string{"", "School of", ""},
			[]string{"Oslo University", "Engineering", "2002.6.1"},
			[]string{"Lund University", "Faculty of Law", "2004.7.1"})
		tb.Rows[0].Header = false
		y := 100.0
		for i := range tb.Rows {
			tb.Rows[i].SetBox(parser.Box{X0: 50, Y0: y, X1: 500, Y1: y + 9})
			y += 9 + gap
		}
		tb.Method = "stream"
		res, err := Normalize(tdoc([]string{"# Europe", "# Sweden"}, tb), Options{})
		require.NoError(t, err, name)
		units := []string{}
		for _, r := range res.Records {
			units = append(units, r.PartnerUnit+" | "+r.Signed)
		}
		if gap == 1 {
			assert.Equal(t, []string{"Faculty of Medicine | 1997-05-01", "School of Engineering | 2002-06-01", "Faculty of Law | 2004-07-01"}, units, name)
			assert.Contains(t, res.Records[1].Repairs, "joined_split_row", name)
		} else {
			assert.NotEqual(t, "School of Engineering | 2002-06-01", units[len(units)-2], name)
		}
	}
}

// A region named by a heading over a table that names its countries
// (in a column of its own, or in group rows inside the table): each
// record keeps the heading's repair with the heading's region, and the
// table's own country's.
func TestTableCountriesUnderAHeadingsRegion(t *testing.T) {
	for name, tb := range map[string]*parser.Table{
		"column": tbl(
			[]string{"Country", "Partner Institution", "Date of Agreement"},
			[]string{"オーストリア Austria", "Technische Universität Wien", "2017年4月7日"},
			[]string{"ベルギー Belgium", "Université de Mons", "2014年2月14日"},
		),
		"group rows": tbl(
			[]string{"Partner Institution", "Date of Agreement"},
			[]string{"オーストリア Austria", ""},
			[]string{"Technische Universität Wien", "2017年4月7日"},
			[]string{"ベルギー Belgium", ""},
			[]string{"Université de Mons", "2014年2月14日"},
		),
	} {
		res, err := Normalize(tdoc([]string{"# ヨーロッパ"}, tb), Options{})
		require.NoError(t, err, name)
		require.Len(t, res.Records, 2, name)
		for _, r := range res.Records {
			assert.Equal(t, "Europe", r.Region, name)
			assert.Contains(t, r.Repairs, "region_alias:ヨーロッパ", name)
		}
		assert.Contains(t, res.Records[1].Repairs, "country_alias:ベルギー Belgium", name)
	}
}

// A region's or a country's name in a title row over a table's header,
// its other cells empty, is read as written, its own words only: the
// alias repair names "ヨーロッパ" and "ポーランド", and a canonical name
// needs none. In Japanese and in English, three columns and four.
func TestRegionAliasAsWritten(t *testing.T) {
	for _, tt := range []struct {
		region, country string
		width           int
		want            []string
	}{
		{"ヨーロッパ", "ポーランド", 3, []string{"region_alias:ヨーロッパ", "country_alias:ポーランド"}},
		{"ヨーロッパ", "ポーランド", 4, []string{"region_alias:ヨーロッパ", "country_alias:ポーランド"}},
		{"Europe", "Poland", 3, nil},
		{"Europe", "Poland", 4, nil},
	} {
		blank := func(first string) []string {
			row := make([]string, tt.width)
			row[0] = first
			return row
		}
		header := []string{"Partner Institution", "Type", "Date of Agreement", "Department"}[:tt.width]
		row := []string{"University of Warsaw", "MOU", "2021.3.4", "GS Science"}[:tt.width]
		tb := tbl(blank(tt.region), blank(tt.country), header, row)
		tb.Rows[0].Header, tb.Rows[2].Header = false, true
		res, err := Normalize(tdoc(nil, tb), Options{})
		require.NoError(t, err, tt.region)
		require.Len(t, res.Records, 1, tt.region)
		r := res.Records[0]
		assert.Equal(t, []string{"Europe", "PL"}, []string{r.Region, r.CountryCode}, tt.region)
		var aliases []string
		for _, rp := range r.Repairs {
			if strings.HasPrefix(rp, "region_alias:") || strings.HasPrefix(rp, "country_alias:") {
				aliases = append(aliases, rp)
			}
		}
		assert.Equal(t, tt.want, aliases, "%s, %d columns", tt.region, tt.width)
	}
}

// A bare unit header ("部局") under the partner's header, beside the
// column the list heads as its own unit ("本学部局"), is the partner's
// unit: the header read as one row with the partner's sub-header on a
// second line (cells set at the bottom) or as two rows.
func TestBareUnitHeaderBesideTheHomeUnitsIsThePartners(t *testing.T) {
	body := [][]string{
		{"中国（2）", "", "", "", ""},
		{"北京理工大学 ♦", "信息与电子学院", "部局間協\n定", "工学研究科", "R1.8.8"},
		{"中国医科大学", "", "部局間協\n定", "医学系研究科", "S57.9.29"},
	}
	want := []brief{
		{"department", "Asia", "CN", "北京理工大学", "信息与电子学院", "工学研究科", "2019-08-08", true},
		{"department", "Asia", "CN", "中国医科大学", "", "医学系研究科", "1982-09-29", false},
	}
	for name, header := range map[string][][]string{
		"one row":  {{"相手機関名\n機関", "部局", "協定種別", "本学部局", "締結年月日"}},
		"two rows": {{"相手機関名", "", "協定種", "本学部局", "締結年月日"}, {"機関", "部局", "別", "", ""}},
	} {
		tb := tbl(append(header, body...)...)
		for k := range header {
			tb.Rows[k].Header = true
		}
		res, err := Normalize(tdoc([]string{"♦ 授業料不徴収", "# アジア"}, tb), Options{})
		require.NoError(t, err, name)
		assert.Equal(t, want, briefs(res.Records), name)
	}

	// With no home unit's column elsewhere, the bare header is the home
	// unit's, as before.
	tb := tbl([]string{"相手機関名", "部局", "締結年月日"},
		[]string{"中国医科大学", "医学系研究科", "S57.9.29"})
	res, err := Normalize(tdoc([]string{"# アジア", "# 中国"}, tb), Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 1)
	assert.Equal(t, []string{"", "医学系研究科"}, []string{res.Records[0].PartnerUnit, res.Records[0].HomeUnit})
}

// A row that holds two agreements one a line (a partner cell merged over
// them, set in their middle) whose kind cell wraps alike for each
// ("部局間" / "協定" twice, "Student" / "Exchange" twice) is split into
// its agreements; a kind cell whose lines read as no such repeat leaves
// the row one record, said to be doubtful.
func TestKindCellWrappedAlikeForEveryAgreement(t *testing.T) {
	for name, c := range map[string]struct {
		head, row []string
		want      []brief
	}{
		"ja": {
			[]string{"相手機関名", "部局", "協定種別", "本学部局", "締結年月日"},
			[]string{"北京師範大学 ♦", "歴史学院\n教育学部", "部局間\n協定\n部局間\n協定", "文学研究科\n教育学研究科", "R1.12.12\nH25.5.8"},
			[]brief{
				{"department", "Asia", "CN", "北京師範大学", "歴史学院", "文学研究科", "2019-12-12", true},
				{"department", "Asia", "CN", "北京師範大学", "教育学部", "教育学研究科", "2013-05-08", true},
			},
		},
		"en": {
			[]string{"Partner Institution", "Partner Department", "Type", "Department at Tohoku", "Date"},
			[]string{"Beijing Normal University", "School of History\nFaculty of Education", "Student\nExchange\nStudent\nExchange", "GS Arts and Letters\nGS Education", "2019.12.12\n2013.5.8"},
			[]brief{
				{"department", "Asia", "CN", "Beijing Normal University", "School of History", "GS Arts and Letters", "2019-12-12", false},
				{"department", "Asia", "CN", "Beijing Normal University", "Faculty of Education", "GS Education", "2013-05-08", false},
			},
		},
	} {
		res, err := Normalize(tdoc([]string{"♦ 授業料不徴収", "# Asia", "# China"}, tbl(c.head, c.row)), Options{})
		require.NoError(t, err, name)
		assert.Equal(t, c.want, briefs(res.Records), name)
		for _, r := range res.Records {
			assert.Contains(t, r.Repairs, "split_cell:one_agreement_a_line", name)
		}
	}

	// Three lines beside two dates read as no value every so many lines.
	tb := tbl([]string{"相手機関名", "協定種別", "本学部局", "締結年月日"},
		[]string{"北京師範大学", "部局間\n協定\n大学間協定", "文学研究科\n教育学研究科", "R1.12.12\nH25.5.8"})
	res, err := Normalize(tdoc([]string{"# Asia", "# China"}, tb), Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 1)
	assert.Contains(t, res.Records[0].Repairs, "split_cell:agreements_unpaired")
}

// A row that holds several partners' rows, one a line (a table that sets
// its cells in the middle of merged rows, read as one row): a partner
// cell whose every line names a whole institution beside a date a line
// gives each agreement its own partner. A name wrapped over the lines
// stays one, and where the row's country cell has lines of its own, whose
// group each partner is the row cannot tell: the partner stays whole.
func TestPartnerALineBesideADateALine(t *testing.T) {
	for name, c := range map[string]struct {
		row  []string
		want []string
	}{
		"ja": {[]string{"中国 China", "北京大学\n清華大学", "大学間協定\nUniversity-wide\n大学間協定\nUniversity-wide", "1 April 1983\n5 May 1998"},
			[]string{"北京大学 1983-04-01", "清華大学 1998-05-05"}},
		"en": {[]string{"China", "Peking University\nTsinghua University", "University-wide\nUniversity-wide", "1983/4/1\n1998/5/5"},
			[]string{"Peking University 1983-04-01", "Tsinghua University 1998-05-05"}},
		"wrapped": {[]string{"Singapore", "Nanyang Technological\nUniversity", "University-wide\nUniversity-wide", "2019/8/23\n2010/10/12"},
			[]string{"Nanyang Technological University 2019-08-23", "Nanyang Technological University 2010-10-12"}},
	} {
		tb := tbl([]string{"国 Country", "相手機関名 Partner Institution", "協定種別 Type", "締結年月日 Date"}, c.row)
		res, err := Normalize(tdoc([]string{"# Asia"}, tb), Options{})
		require.NoError(t, err, name)
		var got []string
		for _, r := range res.Records {
			got = append(got, r.Partner+" "+r.Signed)
		}
		assert.Equal(t, c.want, got, name)
	}

	tb := tbl([]string{"国 Country", "相手機関名 Partner Institution", "協定種別 Type", "締結年月日 Date"},
		[]string{"イスラエル\nIsrael", "テルアビブ大学\n慶北大学校", "大学間協定\nUniversity-wide\n大学間協定\nUniversity-wide", "23 April 1999\n5 June 1984"})
	res, err := Normalize(tdoc([]string{"# Asia"}, tb), Options{})
	require.NoError(t, err)
	for _, r := range res.Records {
		assert.NotEqual(t, "慶北大学校", r.Partner, "filed under Israel")
	}
}

// The header said again at a page's head with the rest of the page
// before's last row under it in its cells (a producer that breaks a row
// over the page after the header it repeats, read by an extractor as one
// row): the header is read as one and the rest goes on with the row
// (its unit under the partner's name), in Japanese and in English.
func TestHeaderSaidAgainOverTheRowsRest(t *testing.T) {
	for name, c := range map[string]struct {
		rows [][]string
		want brief
	}{
		"ja": {[][]string{
			{"Area", "Country /\nRegion", "Partner Institution", "Level", "Date of\nAgreement"},
			{"Europe", "Germany", "ダルムシュタット工科大学", "災害科学国際研究所", "2020/06/01"},
			{"Europe", "Germany", "ハイデルベルク大学", "法学研究科", "2003/09/16"},
			{"Area", "Country /\nRegion", "Partner Institution\n法学部", "Level", "Date of\nAgreement"},
			{"Europe", "France", "ナント大学", "多元物質科学研究所", "2014/12/08"},
		}, brief{"department", "Europe", "DE", "ハイデルベルク大学", "法学部", "法学研究科", "2003-09-16", false}},
		"en": {[][]string{
			{"Area", "Country /\nRegion", "Partner Institution", "Level", "Date of\nAgreement"},
			{"Europe", "Germany", "TU Darmstadt", "IRIDeS", "2020/06/01"},
			{"Europe", "Germany", "Heidelberg University", "GS Law", "2003/09/16"},
			{"Area", "Country /\nRegion", "Partner Institution\nFaculty of Law", "Level", "Date of\nAgreement"},
			{"Europe", "France", "Nantes University", "IMR", "2014/12/08"},
		}, brief{"department", "Europe", "DE", "Heidelberg University", "Faculty of Law", "GS Law", "2003-09-16", false}},
	} {
		tb := tbl(c.rows...)
		for i := 3; i < len(tb.Rows); i++ {
			tb.Rows[i].Page = 2
		}
		res, err := Normalize(tdoc(nil, tb), Options{})
		require.NoError(t, err, name)
		got := briefs(res.Records)
		if assert.Len(t, got, 3, name) {
			assert.Equal(t, c.want, got[1], name)
			assert.Equal(t, "FR", got[2].Code, name)
		}
	}
}
