package normalize

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// tbl builds a raw table by hand. The first row is the header. In a cell,
// "^" is covered by the cell above (a rowspan), "<" by the cell to the left
// (a colspan); the origin's spans are counted from them.
func tbl(rows ...[]string) *parser.Table {
	t := &parser.Table{Method: "test"}
	for i, r := range rows {
		row := parser.Row{Page: 1, Header: i == 0}
		for _, s := range r {
			c := parser.Cell{ColSpan: 1, RowSpan: 1}
			switch s {
			case "^", "<":
				c = parser.Cell{Covered: true}
			default:
				c.Text = strings.ReplaceAll(s, "\n", " ")
				c.SetLines(strings.Split(s, "\n"))
			}
			row.Cells = append(row.Cells, c)
		}
		t.Rows = append(t.Rows, row)
	}
	for i, r := range t.Rows {
		for j, c := range r.Cells {
			if !c.Covered {
				continue
			}
			if rows[i][j] == "<" {
				k := j - 1
				for k > 0 && rows[i][k] == "<" {
					k--
				}
				t.Rows[i].Cells[k].ColSpan++
				continue
			}
			k := i - 1
			for k > 0 && rows[k][j] == "^" {
				k--
			}
			t.Rows[k].Cells[j].RowSpan++
		}
	}
	return t
}

// tdoc is a document of lines followed by tables.
func tdoc(lines []string, tables ...*parser.Table) *parser.Document {
	d := &parser.Document{File: "t.html", SHA256: "00", Format: parser.FormatHTML}
	for _, l := range lines {
		role := parser.RoleText
		if strings.HasPrefix(l, "# ") {
			role, l = parser.RoleHeading, l[2:]
		}
		d.Blocks = append(d.Blocks, parser.Block{Line: &parser.Line{Text: l, Role: role}})
	}
	for _, t := range tables {
		d.Blocks = append(d.Blocks, parser.Block{Table: t})
	}
	d.Number()
	return d
}

// rec is the part of a record table tests look at.
type rec struct {
	Level, Region, Country, Partner, PartnerUnit, HomeUnit, Signed, ValidUntil, Type, Alt string
	Flags, Repairs                                                                        []string
}

func recs(rs []Record) []rec {
	var out []rec
	for _, r := range rs {
		out = append(out, rec{r.Level, r.Region, r.Country, r.Partner, r.PartnerUnit, r.HomeUnit, r.Signed,
			r.ValidUntil, r.AgreementType, r.PartnerAlt, r.Flags, r.Repairs})
	}
	return out
}

var (
	uniSection  = "University Level Agreements"
	deptSection = "Department Level Agreements"
	tohokuHead  = []string{"Area", "Country / Region", "Partner Institution", "", "Department at Tohoku", "Year"}
)

func TestTable(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		table *parser.Table
		want  []rec
	}{
		{
			name:  "university table, rowspan region and country filled down",
			lines: []string{uniSection, "* indicates tuition waiver"},
			table: tbl(
				[]string{"Region", "Country", "Partner Institution", "Date of Conclusion"},
				[]string{"Asia", "China", "* Peking University", "November 10, 1999"},
				[]string{"^", "^", "Fudan University", "April 19, 2001"},
			),
			want: []rec{
				{Level: "university", Region: "Asia", Country: "China", Partner: "Peking University", Signed: "1999-11-10",
					Flags: []string{"fee_waiver"}, Repairs: []string{"date:Month D, YYYY"}},
				{Level: "university", Region: "Asia", Country: "China", Partner: "Fudan University", Signed: "2001-04-19",
					Flags: []string{}, Repairs: []string{"fill_down:region", "fill_down:country", "date:Month D, YYYY"}},
			},
		},
		{
			name:  "blank grouping cells filled down; a blank partner unit stays blank",
			lines: []string{deptSection},
			table: tbl(tohokuHead,
				[]string{"Asia", "China (79)", "Beijing Normal University", "School of History", "* GS Arts and Letters", "2019/12/12"},
				[]string{"", "", "", "", "* GS Education", "2013/05/08"},
			),
			want: []rec{
				{Level: "department", Region: "Asia", Country: "China", Partner: "Beijing Normal University", PartnerUnit: "School of History",
					HomeUnit: "GS Arts and Letters", Signed: "2019-12-12", Flags: []string{"marker:*"}, Repairs: []string{"date:YYYY/MM/DD"}},
				{Level: "department", Region: "Asia", Country: "China", Partner: "Beijing Normal University", HomeUnit: "GS Education",
					Signed: "2013-05-08", Flags: []string{"marker:*"},
					Repairs: []string{"fill_down:region", "fill_down:country", "fill_down:partner", "date:YYYY/MM/DD"}},
			},
		},
		{
			name:  "a merged partner unit is the same for both rows",
			lines: []string{deptSection},
			table: tbl(tohokuHead,
				[]string{"Asia", "China", "Nankai University", "College of Foreign Languages", "GS International Cultural Studies", "2015/12/16"},
				[]string{"^", "^", "^", "^", "GS Arts and Letters", "2016/02/25"},
			),
			want: []rec{
				{Level: "department", Region: "Asia", Country: "China", Partner: "Nankai University", PartnerUnit: "College of Foreign Languages",
					HomeUnit: "GS International Cultural Studies", Signed: "2015-12-16", Flags: []string{}, Repairs: []string{"date:YYYY/MM/DD"}},
				{Level: "department", Region: "Asia", Country: "China", Partner: "Nankai University", PartnerUnit: "College of Foreign Languages",
					HomeUnit: "GS Arts and Letters", Signed: "2016-02-25", Flags: []string{},
					Repairs: []string{"fill_down:region", "fill_down:country", "fill_down:partner", "fill_down:partner_unit", "date:YYYY/MM/DD"}},
			},
		},
		{
			name:  "a wrapped unit on a row of its own is joined",
			lines: []string{deptSection},
			table: tbl(tohokuHead,
				[]string{"Asia", "South Korea (34)", "Konkuk University", "Graduate School", "GS Engineering", "2010/07/22"},
				[]string{"", "", "", "College of Engineering", "", ""},
			),
			want: []rec{
				{Level: "department", Region: "Asia", Country: "South Korea", Partner: "Konkuk University",
					PartnerUnit: "Graduate School College of Engineering", HomeUnit: "GS Engineering", Signed: "2010-07-22", Flags: []string{},
					Repairs: []string{"date:YYYY/MM/DD", "joined_split_row"}},
			},
		},
		{
			name:  "a partner name cut after a connecting word is joined",
			lines: []string{uniSection},
			table: tbl(
				[]string{"Country", "Partner", "Date"},
				[]string{"China", "Nanjing University of", "2003.3.10"},
				[]string{"", "Aeronautics and Astronautics", ""},
			),
			want: []rec{
				{Level: "university", Country: "China", Partner: "Nanjing University of Aeronautics and Astronautics", Signed: "2003-03-10",
					Flags: []string{}, Repairs: []string{"date:YYYY.M.D", "joined_split_row"}},
			},
		},
		{
			name:  "markers drift: usual before the home unit, also after it and after the partner's unit",
			lines: []string{deptSection, "† * indicates institutions which agree upon tuition waivers for students from the partner institution."},
			table: tbl(tohokuHead,
				[]string{"Asia", "Singapore", "Nanyang Technological University", "College of Engineering *", "GS Engineering", "2010/10/12"},
				[]string{"", "", "National Dental Research Institute Singapore", "", "GS Dentistry *", "2020/04/02"},
				[]string{"", "", "National University of Singapore", "Faculty of Science", "* GS Science", "2001/01/01"},
				[]string{"", "", "Temasek Polytechnic", "", "* IDAC", "2013/07/15"},
			),
			want: []rec{
				{Level: "department", Region: "Asia", Country: "Singapore", Partner: "Nanyang Technological University", PartnerUnit: "College of Engineering",
					HomeUnit: "GS Engineering", Signed: "2010-10-12", Flags: []string{"fee_waiver"}, Repairs: []string{"marker:*@partner_unit", "date:YYYY/MM/DD"}},
				{Level: "department", Region: "Asia", Country: "Singapore", Partner: "National Dental Research Institute Singapore",
					HomeUnit: "GS Dentistry", Signed: "2020-04-02", Flags: []string{"fee_waiver"}, Repairs: []string{"fill_down:region", "fill_down:country", "date:YYYY/MM/DD"}},
				{Level: "department", Region: "Asia", Country: "Singapore", Partner: "National University of Singapore", PartnerUnit: "Faculty of Science",
					HomeUnit: "GS Science", Signed: "2001-01-01", Flags: []string{"fee_waiver"}, Repairs: []string{"fill_down:region", "fill_down:country", "date:YYYY/MM/DD"}},
				{Level: "department", Region: "Asia", Country: "Singapore", Partner: "Temasek Polytechnic",
					HomeUnit: "IDAC", Signed: "2013-07-15", Flags: []string{"fee_waiver"}, Repairs: []string{"fill_down:region", "fill_down:country", "date:YYYY/MM/DD"}},
			},
		},
		{
			name:  "home unit and date in one cell are split",
			lines: []string{deptSection},
			table: tbl(
				[]string{"Area", "Country / Region", "Partner Institution", "", "Department at Tohoku", "Year"},
				[]string{"Asia", "Bangladesh (1)", "University of Dhaka", "Faculty of Biological Science", "GS Agricultural Science 2014/04/27", ""},
			),
			want: []rec{
				{Level: "department", Region: "Asia", Country: "Bangladesh", Partner: "University of Dhaka", PartnerUnit: "Faculty of Biological Science",
					HomeUnit: "GS Agricultural Science", Signed: "2014-04-27", Flags: []string{}, Repairs: []string{"split_cell:home_unit", "date:YYYY/MM/DD"}},
			},
		},
		{
			name: "country alias, level assumed without a section",
			table: tbl(
				[]string{"Country", "University", "Date"},
				[]string{"United States of America", "Pennsylvania State University", "1988.11.29"},
			),
			want: []rec{
				{Level: "university", Country: "United States", Partner: "Pennsylvania State University", Signed: "1988-11-29", Flags: []string{},
					Repairs: []string{"level:assumed_university", "country_alias:United States of America", "date:YYYY.MM.DD"}},
			},
		},
		{
			name:  "bilingual country and partner, validity ranges",
			lines: []string{"大学間協定"},
			table: tbl(
				[]string{"国・地域", "大学名", "有効期限"},
				[]string{"オーストリア Austria", "ウィーン工科大学 Technische Universität Wien", "2006.4.5 -自動延長"},
				[]string{"", "グラーツ大学 University of Graz", "-2018.10.19"},
				[]string{"", "インスブルック大学 University of Innsbruck", "手続中"},
			),
			want: []rec{
				{Level: "university", Country: "Austria", Partner: "Technische Universität Wien", Alt: "ウィーン工科大学", Signed: "2006-04-05",
					Flags: []string{"auto_renewal"}, Repairs: []string{"country_alias:オーストリア Austria", "date:YYYY.M.D"}},
				{Level: "university", Country: "Austria", Partner: "University of Graz", Alt: "グラーツ大学", ValidUntil: "2018-10-19",
					Flags: []string{}, Repairs: []string{"country_alias:オーストリア Austria", "fill_down:country", "date:YYYY.MM.DD"}},
				{Level: "university", Country: "Austria", Partner: "University of Innsbruck", Alt: "インスブルック大学",
					Flags: []string{"pending"}, Repairs: []string{"country_alias:オーストリア Austria", "fill_down:country"}},
			},
		},
		{
			name:  "Japanese headers, era dates, notes with numbered marks",
			lines: []string{"※1 派遣のみ", "♦ 授業料不徴収"},
			table: tbl(
				[]string{"地域", "国名", "協定校", "締結日", "協定の種類", "備考"},
				[]string{"アジア", "中国", "北京大学", "平成26年4月1日", "包括", "※1"},
				[]string{"", "韓国", "ソウル大学校", "H26.4.1", "学生交流", "♦"},
			),
			want: []rec{
				{Level: "university", Region: "Asia", Country: "China", Partner: "北京大学", Signed: "2014-04-01", Type: "包括",
					Flags: []string{"outbound_only"}, Repairs: []string{"level:assumed_university", "region_alias:アジア", "country_alias:中国", "date:era:平成Y年M月D日"}},
				{Level: "university", Region: "Asia", Country: "South Korea", Partner: "ソウル大学校", Signed: "2014-04-01", Type: "学生交流",
					Flags: []string{"fee_waiver"}, Repairs: []string{"level:assumed_university", "region_alias:アジア", "fill_down:region", "country_alias:韓国", "date:era:H.Y.M.D"}},
			},
		},
		{
			name:  "group rows spanning the table set region and country",
			lines: []string{uniSection},
			table: tbl(
				[]string{"Partner Institution", "Date"},
				[]string{"Europe", "<"},
				[]string{"Germany", "<"},
				[]string{"Technische Universität München", "2006.2.1"},
			),
			want: []rec{
				{Level: "university", Region: "Europe", Country: "Germany", Partner: "Technische Universität München", Signed: "2006-02-01",
					Flags: []string{}, Repairs: []string{"date:YYYY.M.D"}},
			},
		},
		{
			name:  "a header repeated after a page break is skipped; a partner's date in brackets is read",
			lines: []string{uniSection},
			table: tbl(
				[]string{"Country", "Partner"},
				[]string{"Finland", "Aalto University (2011.5.9)"},
				[]string{"Country", "Partner"},
				[]string{"", "University of Helsinki"},
			),
			want: []rec{
				{Level: "university", Country: "Finland", Partner: "Aalto University", Signed: "2011-05-09", Flags: []string{}, Repairs: []string{"date:YYYY.M.D"}},
				{Level: "university", Country: "Finland", Partner: "University of Helsinki", Flags: []string{}, Repairs: []string{"fill_down:country"}},
			},
		},
		{
			name:  "international organisations have no country",
			lines: []string{uniSection},
			table: tbl(
				[]string{"Region", "Country", "Partner", "Date"},
				[]string{"International Organization", "International Organization", "UNESCO", "2015.3.14"},
			),
			want: []rec{
				{Level: "university", Region: "International Organization", Partner: "UNESCO", Signed: "2015-03-14", Flags: []string{}, Repairs: []string{"date:YYYY.M.D"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Normalize(tdoc(tt.lines, tt.table), Options{Institution: "Tohoku University"})
			require.NoError(t, err)
			assert.Equal(t, tt.want, recs(res.Records))
			assert.Empty(t, res.Unplaced)
		})
	}
}

func TestTableDeclaredOncePerCountry(t *testing.T) {
	res, err := Normalize(tdoc([]string{deptSection}, tbl(tohokuHead,
		[]string{"Asia", "China (79)", "Beijing Hospital", "", "GS Medicine", "1994/11/16"},
		[]string{"", "China (79)", "Fudan University", "Department of History", "GS Arts and Letters", "2019/08/01"},
		[]string{"", "India (4)", "Indian Institute of Technology Madras", "", "GS Engineering", "2013/12/16"},
	)), Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 3)
	var got []Declared
	for _, d := range res.Declared {
		d.Text, d.Page, d.Row = "", 0, 0
		got = append(got, d)
	}
	assert.Equal(t, []Declared{
		{Level: "department", Scope: "country", Name: "China", Count: 79},
		{Level: "department", Scope: "country", Name: "India", Count: 4},
	}, got)
}

func TestTableWithoutHeader(t *testing.T) {
	tb := tbl([]string{"China", "Peking University", "1999.11.10"})
	tb.Rows[0].Header = false
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Records)
	require.Len(t, res.Unplaced, 1)
	assert.Equal(t, "China | Peking University | 1999.11.10", res.Unplaced[0].Text)
}

func TestTableContinuesPreviousColumns(t *testing.T) {
	first := tbl([]string{"Country", "Partner", "Date"}, []string{"China", "Peking University", "1999.11.10"})
	second := tbl([]string{"India", "Indian Institute of Science", "2008.12.18"})
	second.Rows[0].Header = false
	res, err := Normalize(tdoc([]string{uniSection}, first, second), Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "Indian Institute of Science", res.Records[1].Partner)
	assert.Equal(t, "India", res.Records[1].Country)
	assert.Contains(t, res.Records[1].Repairs, "columns_from_previous_table")
}

func TestHeaderField(t *testing.T) {
	tests := map[string]field{
		"Area": fRegion, "Region": fRegion, "地域": fRegion,
		"Country": fCountry, "Country / Region": fCountry, "国・地域": fCountry, "国名": fCountry,
		"Partner Institution": fPartner, "University": fPartner, "Institution": fPartner, "相手機関名": fPartner, "大学名": fPartner, "協定校": fPartner,
		"Faculty/School/Department of partner": fPartnerUnit, "相手部局": fPartnerUnit, "Partner's Department": fPartnerUnit,
		"Department at Tohoku": fHomeUnit, "Home department": fHomeUnit, "本学部局": fHomeUnit, "部局": fUnit, "Department": fUnit,
		"Year": fSigned, "Date": fSigned, "Date of conclusion": fSigned, "締結日": fSigned, "締結年月日": fSigned, "協定締結日": fSigned,
		"Validity": fValid, "Period": fValid, "期間": fValid,
		"有効期限": fValidEnd, "Valid until": fValidEnd, "Expiry": fValidEnd,
		"Since": fSigned, "Effective date": fSigned,
		"Type": fType, "種別": fType, "協定の種類": fType,
		"Notes": fNotes, "備考": fNotes,
		"No.": fIgnore, "": fNone,
	}
	for in, want := range tests {
		assert.Equal(t, want.String(), testContext().headerField(in).String(), in)
	}
}

func TestTableCountryRepeatedAtPageTop(t *testing.T) {
	tb := tbl(tohokuHead,
		[]string{"Asia", "China (79)", "Peking University", "Center of Japanese Studies", "GS Education", "1999/05/18"},
		[]string{"Area", "Country / Region", "Partner Institution", "", "Department at Tohoku", "Year"},
		[]string{"", "China (79)", "", "", "", ""},
		[]string{"", "", "", "School of Foreign Languages", "GS Arts and Letters", "2018/10/25"},
	)
	res, err := Normalize(tdoc([]string{deptSection}, tb), Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Unplaced)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "Peking University", res.Records[1].Partner)
	assert.Equal(t, []string{"fill_down:region", "fill_down:country", "fill_down:partner", "date:YYYY/MM/DD"}, res.Records[1].Repairs)
	assert.Len(t, res.Declared, 1)
}

// TestTableFlagColumnsAndEndDates: a column headed by a flag's name sets it
// where a cell is marked; a lone date under "Valid until" ends the term.
func TestTableFlagColumnsAndEndDates(t *testing.T) {
	tab := tbl(
		[]string{"No.", "国・地域", "大学名（英語）", "締結年月日", "有効期限", "授業料不徴収"},
		[]string{"1", "中国", "Peking University", "1999年11月10日", "2029年11月9日", "○"},
		[]string{"2", "中国", "Fudan University", "2001年4月19日", "2001.4.19 -自動延長", "－"},
	)
	res, err := Normalize(tdoc(nil, tab), Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "1999-11-10", res.Records[0].Signed)
	assert.Equal(t, "2029-11-09", res.Records[0].ValidUntil)
	assert.True(t, res.Records[0].FeeWaiver)
	assert.Equal(t, "2001-04-19", res.Records[1].Signed)
	assert.Equal(t, "", res.Records[1].ValidUntil)
	assert.Equal(t, []string{FlagAutoRenewal}, res.Records[1].Flags)
	assert.False(t, res.Records[1].FeeWaiver)
}

// testContext is a normaliser context with the default lexicon and no
// document, for testing the readers of single texts.
func testContext() *docContext {
	return newContext(&parser.Document{}, Options{})
}

// Under a department-level title, a category column (区分) whose values
// abbreviate units names the home unit; under a university-level one, or
// when the value is a kind, it does not.
func TestCategoryColumnOfUnitAbbreviations(t *testing.T) {
	for _, title := range []string{"部局間学術交流協定", "Department Level Agreements"} {
		doc := tdoc([]string{title}, tbl(
			[]string{"国", "相手機関名", "区分", "締結年月日"},
			[]string{"中国", "Central South University", "Engg", "1985"},
			[]string{"中国", "Beijing University of Technology", "HyARC", "1986"},
			[]string{"中国", "Fudan University", "GS Engineering", "1990"},
			[]string{"中国", "Tongji University", "MOU", "1991"},
		))
		res, err := Normalize(doc, Options{})
		require.NoError(t, err)
		require.Len(t, res.Records, 4, title)
		for i, want := range []string{"Engg", "HyARC", "GS Engineering", ""} {
			assert.Equal(t, want, res.Records[i].HomeUnit, title)
			assert.Equal(t, LevelDepartment, res.Records[i].Level, title)
		}
		assert.Equal(t, "MOU", res.Records[3].AgreementType)
	}
	doc := tdoc([]string{"大学間学術交流協定"}, tbl(
		[]string{"国", "相手機関名", "区分", "締結年月日"},
		[]string{"中国", "Central South University", "Engg", "1985"},
	))
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 1)
	assert.Equal(t, "", res.Records[0].HomeUnit)
}

// A table that goes on over a page: the group row that opens the next page
// is a group row even when the extractor marked it as a header, and a row
// cut at the foot of a page and printed again whole on the next is read
// once.
func TestTableAcrossPageGroupRowAndClippedRow(t *testing.T) {
	table := tbl(
		[]string{"相手機関名", "区分", "部局", "締結日"},
		[]string{"ポルトガル Portugal（1）", "<", "<", "<"},
		[]string{"Nova University of Lisbon", "大学間協定 University-wide", "―", "平成29年9月18日"},
		[]string{"Wageningen University, Graduate School Wageningen Institute of Experimental Plant", "部局間協定 School-to-", "GS Agricultural Science", "平成28年10月26日"},
		[]string{"Wageningen University, Graduate School Wageningen Institute of Experimental Plant Sciences", "部局間協定 School-to-school", "GS Agricultural Science", "平成28年10月26日"},
		[]string{"ロシア Russia（1）", "<", "<", "<"},
		[]string{"Lomonosov Moscow State University", "大学間協定 University-wide", "―", "平成10年2月19日"},
	)
	for i := range table.Rows {
		if i >= 4 {
			table.Rows[i].Page = 2
		}
	}
	table.Rows[5].Header = true // the first row of page 2 taken for a repeated header
	doc := tdoc(nil, table)
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 3)
	assert.Equal(t, "Wageningen University", res.Records[1].Partner)
	assert.Equal(t, "Graduate School Wageningen Institute of Experimental Plant Sciences", res.Records[1].PartnerUnit)
	assert.Contains(t, res.Records[1].Repairs, "joined_split_row:clipped_copy_dropped")
	assert.Equal(t, "RU", res.Records[2].CountryCode)
}

// A category column that names a unit written out in one row names units
// in its abbreviations too, with no title to say the level.
func TestCategoryColumnNamingUnits(t *testing.T) {
	doc := tdoc([]string{"学術交流協定締結機関一覧"}, tbl(
		[]string{"相手機関名", "相手部局", "区分", "締結年月日"},
		[]string{"ポルトガル（1）", "<", "<", "<"},
		[]string{"Universidade de Lisboa", "Instituto Superior Técnico", "GS Engineering", "May 12, 2017"},
		[]string{"ルーマニア（1）", "<", "<", "<"},
		[]string{"National Institute for Lasers", "Plasma and Radiation Physics", "IMRAM", "August 4, 2006"},
	))
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "IMRAM", res.Records[1].HomeUnit)
	assert.Equal(t, LevelDepartment, res.Records[1].Level)

	// A column of kinds names no unit: its short values stay kinds.
	doc = tdoc([]string{"学術交流協定締結機関一覧"}, tbl(
		[]string{"相手機関名", "区分", "締結年月日"},
		[]string{"ポルトガル（1）", "<", "<"},
		[]string{"Universidade de Lisboa", "Research", "May 12, 2017"},
	))
	res, err = Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 1)
	assert.Equal(t, "", res.Records[0].HomeUnit)
	assert.Equal(t, "Research", res.Records[0].AgreementType)
}

// A table without a header that takes the previous table's columns takes
// its flag columns too.
func TestColumnsFromPreviousTableKeepFlags(t *testing.T) {
	doc := tdoc(nil,
		tbl(
			[]string{"相手機関名 Partner Institution", "授業料不徴収 Tuition Exemption"},
			[]string{"中国 China（1）", "<"},
			[]string{"清華大学（大学間協定 University-wide、1998.8.31）", "♦"},
		),
		tbl(
			[]string{"韓国 South Korea（2）", "<"},
			[]string{"ソウル大学校（大学間協定 University-wide、1998.7.8）", "♦"},
			[]string{"浦項工科大学校（POSTECH）（大学間協定 University-wide、2000.9.22）", ""},
		))
	doc.Blocks[1].Table.Rows[0].Header = false
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 3)
	assert.Equal(t, []bool{true, true, false}, []bool{res.Records[0].FeeWaiver, res.Records[1].FeeWaiver, res.Records[2].FeeWaiver})
}

// A header repeated in the body, its cells wrapped in a narrow column
// ("授業\n料不\n徴収"), is no record, even where its column is a flag column
// no header term names.
func TestRepeatedWrappedHeader(t *testing.T) {
	doc := tdoc(nil, tbl(
		[]string{"相手機関名", "区分", "締結年月\n日", "授業\n料不\n徴収"},
		[]string{"フィンランド", "<", "<", "<"},
		[]string{"Aalto University", "大学", "2001.11.5", "*"},
		[]string{"フランス", "<", "<", "<"},
		[]string{"相手機関名", "区分", "締結年月\n日", "授業\n料不\n徴収"},
		[]string{"Sorbonne University", "大学", "1999.8.19", ""},
	))
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "Sorbonne University", res.Records[1].Partner)
	assert.Equal(t, "FR", res.Records[1].CountryCode)
}

// A merged partner cell that a page break cut in two: the rows under its
// empty remainder on the next page keep its markers; a blank partner cell
// on the same page does not take them.
func TestMergedCellCutByPageKeepsMarkers(t *testing.T) {
	doc := tdoc([]string{"(* indicates institutions with which Tohoku University has mutually agreed to waive fees.)"}, tbl(
		[]string{"Partner Institution", "Partner Unit", "Department", "Date of Agreement"},
		[]string{"PORTUGAL (2)", "<", "<", "<"},
		[]string{"Universidade de Lisboa *", "Department of Bioengineering", "GS Biomedical Engineering", "2019. 4. 3"},
		[]string{"^", "", "", ""},
		[]string{"", "Instituto Superior Técnico", "GS Engineering", "2017. 5.12"},
		[]string{"SPAIN (2)", "<", "<", "<"},
		[]string{"University of Barcelona *", "Faculty of Physics", "GS Science", "2016. 7. 1"},
		[]string{"", "Faculty of Chemistry", "GS Science", "2016. 8. 1"},
	))
	table := doc.Blocks[len(doc.Blocks)-1].Table
	for i := 4; i < len(table.Rows); i++ {
		table.Rows[i].Page = 2
	}
	table.Rows[4].Cells[0].RowSpan = 2 // what the page break left of the merged cell
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 4)
	assert.Equal(t, []bool{true, true, true, false},
		[]bool{res.Records[0].FeeWaiver, res.Records[1].FeeWaiver, res.Records[2].FeeWaiver, res.Records[3].FeeWaiver})
	assert.Equal(t, "Universidade de Lisboa", res.Records[1].Partner)
}

// A row that holds the rows of two agreements with one partner, one a line
// (a partner cell merged across them, read as one row): two records; the
// one-line unit goes to the department-level agreement.
func TestOneAgreementALine(t *testing.T) {
	doc := tdoc(nil, tbl(
		[]string{"国", "相手機関名", "相手部局", "区分", "本学部局", "締結日", "授業料不徴収"},
		[]string{"シンガポール", "Nanyang Technological\nUniversity", "College of Engineering", "大学間協定\n部局間協定", "―\nGS Engineering", "2019-08-23\n2010-10-12", "*\n"},
		[]string{"シンガポール", "National University of Singapore", "", "大学間協定", "―", "2000-09-16", "*"},
	))
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 3)
	a, b := res.Records[0], res.Records[1]
	assert.Equal(t, "Nanyang Technological University", a.Partner)
	assert.Equal(t, "Nanyang Technological University", b.Partner)
	assert.Equal(t, []string{LevelUniversity, "", "", "2019-08-23"}, []string{a.Level, a.PartnerUnit, a.HomeUnit, a.Signed})
	assert.Equal(t, []string{LevelDepartment, "College of Engineering", "GS Engineering", "2010-10-12"}, []string{b.Level, b.PartnerUnit, b.HomeUnit, b.Signed})
	assert.Contains(t, a.Repairs, "split_cell:one_agreement_a_line")

	assert.Equal(t, []bool{true, false, true}, []bool{a.FeeWaiver, b.FeeWaiver, res.Records[2].FeeWaiver})

	// Dates a line that the other cells' lines do not pair with: one
	// record, said to be doubtful.
	doc = tdoc(nil, tbl(
		[]string{"国", "相手機関名", "区分", "締結日"},
		[]string{"中国", "Fudan University", "大学間協定\n部局間協定\n部局間協定", "1999-11-17\n2008-11-17"},
	))
	res, err = Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 1)
	assert.Contains(t, res.Records[0].Repairs, "split_cell:agreements_unpaired")

	// Two dates a line with nothing else set a line (concluded, renewed)
	// are one agreement.
	doc = tdoc(nil, tbl(
		[]string{"国", "相手機関名", "区分", "締結日"},
		[]string{"中国", "Fudan University", "大学間協定", "1999-11-17\n2008-11-17"},
	))
	res, err = Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 1)
}

// The partner's unit on the second line of the last row of a table, which
// the extractor set as the first row of the next table (before that
// table's own group rows and header, or with no header of its own).
func TestUnitGoesOnInNextTable(t *testing.T) {
	first := func() *parser.Table {
		return tbl(
			[]string{"相手機関名", "区分", "締結年月日"},
			[]string{"台湾", "", ""},
			[]string{"国立台湾師範大学♦", "教育学研究科", "2018. 7.31"},
		)
	}
	for _, second := range []*parser.Table{
		tbl(
			[]string{"教育学院", "", ""},
			[]string{"ドイツ", "", ""},
			[]string{"相手機関名", "区分", "締結年月日"},
			[]string{"ハイデルベルク大学", "法学研究科", "2003. 9.16"},
		),
		tbl(
			[]string{"教育学院", "", ""},
			[]string{"ドイツ", "", ""},
			[]string{"ハイデルベルク大学", "法学研究科", "2003. 9.16"},
		),
	} {
		for _, apart := range []bool{false, true} {
			one := first()
			place(one, 60)
			place(second, 60+12*float64(len(one.Rows)))
			if apart {
				place(second, 60+12*float64(len(one.Rows))+20) // a title set apart above the table
			}
			doc := tdoc(nil, one, second)
			second.Rows[0].Header = false
			res, err := Normalize(doc, Options{})
			require.NoError(t, err)
			require.NotEmpty(t, res.Records)
			if apart {
				assert.Equal(t, "", res.Records[0].PartnerUnit, "a text set apart is not the row's unit")
				continue
			}
			require.Len(t, res.Records, 2)
			assert.Equal(t, "教育学院", res.Records[0].PartnerUnit)
			assert.Equal(t, "DE", res.Records[1].CountryCode)
			assert.Empty(t, res.Unplaced)
		}
	}
}

// place lays a table's rows out one under the other from y, 12pt apart.
func place(t *parser.Table, y float64) {
	for i := range t.Rows {
		t.Rows[i].Page = 1
		t.Rows[i].SetBox(parser.Box{X0: 50, Y0: y + 12*float64(i), X1: 500, Y1: y + 12*float64(i) + 11.5})
	}
}

// A group row's count in a table whose rows say levels of their own counts
// the group's rows of every level.
func TestDeclaredGroupCountOfMixedLevels(t *testing.T) {
	doc := tdoc(nil, tbl(
		[]string{"相手機関名", "協定種別", "本学部局", "締結年月日"},
		[]string{"アルゼンチン（2）", "<", "<", "<"},
		[]string{"Universidad Nacional de Tucuman", "大学間協定", "―", "1999"},
		[]string{"Universidad de Buenos Aires", "部局間協定", "工学研究科", "2005"},
	))
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	require.Len(t, res.Declared, 1)
	assert.Equal(t, "", res.Declared[0].Level)
	assert.Equal(t, 2, res.Declared[0].Count)
}

// A row broken by a page after "concluded", its date alone on the next
// page in the partner's column: the entry is read again with the date.
func TestDateGoesOnOverPage(t *testing.T) {
	doc := tdoc(nil, tbl(
		[]string{"Partner Institution", "Partner Unit"},
		[]string{"South Korea", "<"},
		[]string{"Woosong University — School-to-school agreement (GS Education), concluded", "College of Health and Welfare"},
		[]string{"4/23/2010", ""},
		[]string{"Yonsei University — School-to-school agreement (GS Dentistry), concluded 9/8/2016", "College of Dentistry"},
	))
	res, err := Normalize(doc, Options{MonthFirst: true})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	r := res.Records[0]
	assert.Equal(t, []string{"Woosong University", "College of Health and Welfare", "GS Education", LevelDepartment, "2010-04-23"},
		[]string{r.Partner, r.PartnerUnit, r.HomeUnit, r.Level, r.Signed})
	assert.Contains(t, r.Repairs, "joined_split_row")
}

// A row that carries on the row above in Japanese text broken inside its
// words joins it without a space, cell by cell, and the entry is read again.
func TestCJKRowGoesOn(t *testing.T) {
	doc := tdoc(nil, tbl(
		[]string{"相手機関名", "本学部局", "締結年月日"},
		[]string{"大韓民国", "<", "<"},
		[]string{"歯学部, 全南大学校", "歯学研究科", "1991.8.30"},
		[]string{"日本研究センター, 高", "東北アジア研究センタ", "2008.4.25"},
		[]string{"麗大学校", "ー", ""},
		[]string{"ソウル大学校", "工学研究科", "2010.1.5"},
	))
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 3)
	r := res.Records[1]
	assert.Equal(t, []string{"高麗大学校", "日本研究センター", "東北アジア研究センター", "2008-04-25"}, []string{r.Partner, r.PartnerUnit, r.HomeUnit, r.Signed})
	assert.Equal(t, "ソウル大学校", res.Records[2].Partner)
}

// A running head with the list's date that a table took in over a page
// break, split across its cells ("(as" | "of 2021.5.1)"), is no record.
func TestAsOfRowInTable(t *testing.T) {
	doc := tdoc(nil, tbl(
		[]string{"Partner Institution", "Level", "Date of Agreement"},
		[]string{"United States", "<", "<"},
		[]string{"Texas A&M University", "GS Agricultural Science", "2018.2.6"},
		[]string{"(as", "of 2021.5.1)", ""},
		[]string{"The Forsyth Institute", "GS Dentistry", "2005.12.9"},
	))
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "The Forsyth Institute", res.Records[1].Partner)
	assert.Equal(t, "2021-05-01", res.Records[1].AsOf)
}

// A row broken by the end of a page column or a page: the table goes on
// at the top of the next column (or page) under its header repeated, its
// first row the rest of the partner's name. Read as one when nothing
// stands between the two tables.
func TestRowGoesOnAfterColumnBreak(t *testing.T) {
	first := func() *parser.Table {
		return tbl(
			[]string{"相手機関名", "区分", "締結年月日"},
			[]string{"フランス", "", ""},
			[]string{"Synchrotron SOLEIL", "大学", "2018.6.27"},
			[]string{"European Synchrotron", "大学", "2019.8.22"},
		)
	}
	second := func() *parser.Table {
		return tbl(
			[]string{"相手機関名", "区分", "締結年月日"},
			[]string{"Radiation Facility (ESRF)", "", ""},
			[]string{"Paris-Saclay University", "大学", "2020.7.20"},
		)
	}
	at := func(t *parser.Table, page int, x, y float64) {
		for i := range t.Rows {
			t.Rows[i].Page = page
			t.Rows[i].SetBox(parser.Box{X0: x, Y0: y + 12*float64(i), X1: x + 220, Y1: y + 12*float64(i) + 11.5})
		}
	}
	for _, tt := range []struct {
		name        string
		page        int
		x, y        float64
		lineBetween bool
		wantJoined  bool
	}{
		{"next column", 1, 310, 40, false, true},
		{"next page", 2, 56, 40, false, true},
		{"under it", 1, 56, 800, false, false},
		{"a line between", 1, 310, 40, true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			one, two := first(), second()
			at(one, 1, 56, 700)
			at(two, tt.page, tt.x, tt.y)
			doc := &parser.Document{File: "t.pdf", SHA256: "00", Format: parser.FormatPDF}
			doc.Blocks = append(doc.Blocks, parser.Block{Table: one})
			if tt.lineBetween {
				doc.Blocks = append(doc.Blocks, parser.Block{Line: &parser.Line{Text: "Radiation Facility (ESRF)", Page: 1}})
			}
			doc.Blocks = append(doc.Blocks, parser.Block{Table: two})
			doc.Number()
			res, err := Normalize(doc, Options{})
			require.NoError(t, err)
			var partners []string
			for _, r := range res.Records {
				partners = append(partners, r.Partner)
			}
			if tt.wantJoined {
				assert.Equal(t, []string{"Synchrotron SOLEIL", "European Synchrotron Radiation Facility (ESRF)", "Paris-Saclay University"}, partners)
				assert.Equal(t, "2019-08-22", res.Records[1].Signed)
				return
			}
			assert.Contains(t, partners, "European Synchrotron")
		})
	}
}

// The same name wrapped onto a row of its own inside one table: the
// acronym spells the name only with the words on the row above.
func TestNameGoesOnWhenItsAcronymSaysSo(t *testing.T) {
	tb := tbl(
		[]string{"Partner Institution", "Level", "Date"},
		[]string{"France", "", ""},
		[]string{"European Synchrotron", "University", "2019.8.22"},
		[]string{"Radiation Facility (ESRF)", "", ""},
		[]string{"Institut Laue-Langevin (ILL)", "", ""},
	)
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	var partners []string
	for _, r := range res.Records {
		partners = append(partners, r.Partner)
	}
	assert.Equal(t, []string{"European Synchrotron Radiation Facility (ESRF)", "Institut Laue-Langevin (ILL)"}, partners)
	assert.True(t, spellsAcronym("Korea Advanced Institute of Science and Technology (KAIST)"))
	assert.False(t, spellsAcronym("Radiation Facility (ESRF)"))
}

// A header repeated under each group's name inside one table, its lines
// wrapped at other words than the table's first header ("Department at" /
// "Nagoya University" under "Department" / "at Nagoya University"): no
// record of its lines.
func TestRepeatedHeaderWrappedAtOtherWords(t *testing.T) {
	tb := tbl(
		[]string{"相手機関名", "協定種別", "本学部局", "締結年月日"},
		[]string{"Partner", "Type of", "Department", "Year"},
		[]string{"Institution", "Agreement", "at Nagoya University", "Concluded"},
		[]string{"カンボジア Cambodia", "", "", ""},
		[]string{"Royal University of Phnom Penh", "大学間協定 University-wide", "―", "2010年"},
		[]string{"中国 China", "", "", ""},
		[]string{"相手機関名", "協定種別", "本学部局", "締結年月日"},
		[]string{"Partner", "Type of", "Department at", "Year"},
		[]string{"Institution", "Agreement", "Nagoya University", "Concluded"},
		[]string{"Nanjing University", "大学間協定 University-wide", "―", "1982年"},
	)
	for i := 1; i < 3; i++ {
		tb.Rows[i].Header = true
	}
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	var got []string
	for _, r := range res.Records {
		got = append(got, r.CountryCode+" "+r.Partner)
	}
	assert.Equal(t, []string{"KH Royal University of Phnom Penh", "CN Nanjing University"}, got)
}

// TestRepeatedHeaderCellsReadOnce: a header repeated in the body again and
// again, among rows whose cells repeat the same texts, is known each time
// and the rows between are read, whether its cells are one line each (read
// once a column) or set on two lines.
func TestRepeatedHeaderCellsReadOnce(t *testing.T) {
	for _, wrapped := range []bool{false, true} {
		header := []string{"Country", "Partner Institution", "Date of Conclusion"}
		if wrapped {
			header = []string{"Country", "Partner\nInstitution", "Date of\nConclusion"}
		}
		rows := [][]string{header}
		for k := range 3 {
			rows = append(rows, []string{"France", fmt.Sprintf("University of Lyon %d", k), "2001.4.1"},
				[]string{"France", fmt.Sprintf("University of Paris %d", k), "2001.4.1"}, header)
		}
		res, err := Normalize(tdoc(nil, tbl(rows...)), Options{})
		require.NoError(t, err)
		var got []string
		for _, r := range res.Records {
			got = append(got, r.CountryCode+" "+r.Partner)
		}
		assert.Equal(t, []string{"FR University of Lyon 0", "FR University of Paris 0", "FR University of Lyon 1", "FR University of Paris 1",
			"FR University of Lyon 2", "FR University of Paris 2"}, got, "wrapped %v", wrapped)
		assert.Empty(t, res.Unplaced, "wrapped %v", wrapped)
	}
}

// TestTitlesOverHeader: a section's title and the table's set side by
// side in one row above the header (the parser marks that row as the
// header) are titles; the row under them names the columns.
func TestTitlesOverHeader(t *testing.T) {
	for name, titles := range map[string][]string{
		"ja": {"大学間学術交流協定", "<", "大学間学術交流協定校", "<"},
		"en": {"University Level Agreements", "<", "List of Partner Universities", "<"},
	} {
		tb := tbl(titles,
			[]string{"地域", "国・地域", "相手機関名", "締結年月日"},
			[]string{"アジア州", "中華人民共和国", "西北大学", "昭和55年5月31日"},
			[]string{"アジア州", "中華人民共和国", "武漢大学", "昭和55年10月15日"})
		res, err := Normalize(tdoc(nil, tb), Options{})
		require.NoError(t, err, name)
		got := recs(res.Records)
		require.Len(t, got, 2, name)
		assert.Equal(t, []string{"西北大学", "CN", "1980-05-31", "university"},
			[]string{got[0].Partner, res.Records[0].CountryCode, got[0].Signed, got[0].Level}, name)
		assert.Equal(t, "1980-10-15", got[1].Signed, name)
	}
}

// TestGroupsOutOfCells: the group rows of a table without rules that the
// extractor read as the last lines of the first cell above them (the
// header's, a record's) are rows of their own again; a cell whose lines
// all name a group, and a group's name without a count, are left.
func TestGroupsOutOfCells(t *testing.T) {
	tb := tbl([]string{"Partner Institution\nASIA (24)\nBANGLADESH (2)", "Level", "Year"},
		[]string{"Bangladesh Agricultural University", "Agr", "2000"},
		[]string{"Bangladesh University of\nEngineering & Technology\nBHUTAN (1)", "HyARC", "2008"},
		[]string{"The Centre for Bhutan Studies\nChina", "GSID", "2010"})
	tb.Method = "stream"
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	got := recs(res.Records)
	require.Len(t, got, 3)
	assert.Equal(t, []string{"Asia", "Bangladesh", "Bangladesh Agricultural University", "2000"},
		[]string{got[0].Region, got[0].Country, got[0].Partner, got[0].Signed})
	assert.Equal(t, []string{"Bangladesh", "Bangladesh University of Engineering & Technology"}, []string{got[1].Country, got[1].Partner})
	assert.Equal(t, []string{"Bhutan", "The Centre for Bhutan Studies China"}, []string{got[2].Country, got[2].Partner})
}

// TestStrayRowOverHeader: a page's title and its menu's last item, read
// on one line as the table's first row, are no header; a header's first
// lines ("Type of" | "Department at") are.
func TestStrayRowOverHeader(t *testing.T) {
	tb := tbl([]string{"", "協定校一覧（英国） Contact Us", "Partner", "Institutions: United Kingdom"},
		[]string{"相手機関名", "協定種別", "有効期限", "協力内容 Scope"},
		[]string{"英国 United Kingdom（4）", "<", "<", "<"},
		[]string{"Cranfield University", "大学間協定", "May, 2017", "Exchange of students; Exchange of faculty members and/or staffs; Joint research activities"})
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	got := recs(res.Records)
	require.Len(t, got, 1)
	assert.Equal(t, []string{"Cranfield University", "2017-05", ""}, []string{got[0].Partner, got[0].ValidUntil, got[0].Type})
	assert.Contains(t, got[0].Repairs, "type_description")

	tb = tbl([]string{"Partner", "Type of", "Department at", "Date of"},
		[]string{"Institution", "Agreement", "Tohoku University", "Agreement"},
		[]string{"Japan", "<", "<", "<"},
		[]string{"Kyoto University", "MOU", "GS Engineering", "2019.4.1"})
	res, err = Normalize(tdoc(nil, tb), Options{Institution: "Tohoku University"})
	require.NoError(t, err)
	got = recs(res.Records)
	require.Len(t, got, 1)
	assert.Equal(t, []string{"Kyoto University", "GS Engineering", "2019-04-01", "MOU"}, []string{got[0].Partner, got[0].HomeUnit, got[0].Signed, got[0].Type})
}

// TestPartnerSubHeaded: a partner's header cell that holds its own
// sub-header under it ("Partner Institution" / "Institution"), its lines
// read as one row, spans the column beside it: a bare "Department" there
// is the partner's unit, not the home institution's.
func TestPartnerSubHeaded(t *testing.T) {
	tb := tbl([]string{"Country / Region", "Partner Institution\nInstitution", "Department", "Level", "Date of\nAgreement"},
		[]string{"Belgium", "Ghent University", "Faculty of Arts and Philosophy", "GS Arts and Letters", "2014.12.16"})
	res, err := Normalize(tdoc(nil, tb), Options{Institution: "Tohoku University"})
	require.NoError(t, err)
	got := recs(res.Records)
	require.Len(t, got, 1)
	assert.Equal(t, []string{"Ghent University", "Faculty of Arts and Philosophy", "GS Arts and Letters", "department"},
		[]string{got[0].Partner, got[0].PartnerUnit, got[0].HomeUnit, got[0].Level})
}

// TestDatesALineGoOn: a cell of two dates set a line each ("1999," /
// "11/17/2008") in a table whose rows are read a line each is one cell of
// one record, as a date in two pieces is.
func TestDatesALineGoOn(t *testing.T) {
	tb := tbl([]string{"Country", "Institution", "Start Date"},
		[]string{"Argentina", "Universidad Nacional de", "1999,"},
		[]string{"", "Tucuman", "11/17/2008"},
		[]string{"Brazil", "Universidade Federal de", "1/25/2018"},
		[]string{"", "Uberlândia", ""},
		[]string{"Chile", "Universidad de", "6/24/2002"},
		[]string{"", "Concepcion", ""})
	tb.Method = "stream"
	res, err := Normalize(tdoc(nil, tb), Options{MonthFirst: true})
	require.NoError(t, err)
	got := recs(res.Records)
	require.Len(t, got, 3)
	assert.Equal(t, []string{"Universidad Nacional de Tucuman", "1999"}, []string{got[0].Partner, got[0].Signed})
	assert.Equal(t, []string{"Universidade Federal de Uberlândia", "2018-01-25"}, []string{got[1].Partner, got[1].Signed})
}

// TestBilingualGroupOutOfCell: a country's name in two languages read as
// the last line of the partner's cell above is a group row again; a
// country's name alone there is the end of the partner's name.
func TestBilingualGroupOutOfCell(t *testing.T) {
	tb := tbl([]string{"Partner Institution", "Type", "Valid Until"},
		[]string{"アルゼンチン Argentina", "<", "<"},
		[]string{"Universidad Nacional de Tucuman\nブラジル Brazil", "MOU", "2023"},
		[]string{"Universidade Federal de Uberlândia", "MOU", "2024"},
		[]string{"National University of\nSingapore", "MOU", "2025"})
	tb.Method = "stream"
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	got := recs(res.Records)
	require.Len(t, got, 3)
	assert.Equal(t, []string{"Argentina", "Universidad Nacional de Tucuman"}, []string{got[0].Country, got[0].Partner})
	assert.Equal(t, []string{"Brazil", "Universidade Federal de Uberlândia"}, []string{got[1].Country, got[1].Partner})
	assert.Equal(t, []string{"Brazil", "National University of Singapore"}, []string{got[2].Country, got[2].Partner})
}

// TestRegionInTwoLanguagesGoesOn: a record's row read a line at a time,
// its region and country given in the other language on the next line
// ("オセアニア" / "Oceania", "オーストラリア" / "Australia"), is one record.
func TestRegionInTwoLanguagesGoesOn(t *testing.T) {
	tb := tbl([]string{"地域・国 Area / Country", "<", "相手機関名 Partner Institution", "協定種別 Type of Agreement", "本学部局 Department at Kyoto University", "締結年月日 Date of Agreement"},
		[]string{"オセアニア", "オーストラリア", "クイーンズランド", "大学間協定", "―", "22 December"},
		[]string{"Oceania", "Australia", "大学", "University-wide", "", "1981"},
		[]string{"", "", "メルボルン大学", "大学間協定\nUniversity-wide", "―", "9 October 1997"},
		[]string{"", "", "ニューサウスウェ", "大学間協定", "―", "22 June 1998"},
		[]string{"", "", "ールズ大学", "University-wide", "", ""})
	tb.Method = "stream"
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	got := recs(res.Records)
	require.Len(t, got, 3)
	assert.Equal(t, []string{"Oceania", "Australia", "クイーンズランド大学", "1981-12-22"},
		[]string{got[0].Region, got[0].Country, got[0].Partner, got[0].Signed})
	assert.Equal(t, "ニューサウスウェールズ大学", got[2].Partner)
}

// TestCJKCellsALineGoOn: a table read a line a row, the partner's name
// and its unit on two lines of one cell ("全南大学校" / "歯学部") and a home
// unit a narrow column broke ("東北アジア研究セン" / "ター"): the lines go on
// the record above them.
func TestCJKCellsALineGoOn(t *testing.T) {
	tb := tbl([]string{"Country", "Partner Institution", "Level", "Date of Agreement"},
		[]string{"South Korea", "全南大学校", "工学研究科", "2007/11/12"},
		[]string{"", "工科大学", "", ""},
		[]string{"South Korea", "全南大学校", "歯学研究科", "1991/08/30"},
		[]string{"", "歯学部", "", ""},
		[]string{"South Korea", "高麗大学校", "東北アジア研究セン", "2008/04/25"},
		[]string{"", "日本研究センター", "ター", ""})
	tb.Method = "stream"
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	got := recs(res.Records)
	require.Len(t, got, 3)
	assert.Equal(t, []string{"歯学研究科", "1991-08-30"}, []string{got[1].HomeUnit, got[1].Signed})
	assert.Equal(t, "東北アジア研究センター", got[2].HomeUnit)
	for _, r := range got {
		assert.Contains(t, r.Repairs, "joined_split_row", r.Partner)
	}
}

// TestRegionWithItsWordOutOfCell: a region written with the word for one
// and its count ("アフリカ州（1）"), read with a country's row as the last
// lines of the cell above, are group rows again.
func TestRegionWithItsWordOutOfCell(t *testing.T) {
	tb := tbl([]string{"相手機関名", "区分", "締結年月日"},
		[]string{"オセアニア州（2）", "<", "<"},
		[]string{"ニュージーランド（1）", "<", "<"},
		[]string{"オークランド大学\nアフリカ州（1）\nスーダン共和国（1）", "大学", "10 April 1997"},
		[]string{"ハルツーム大学", "大学", "7 June 2001"})
	tb.Method = "stream"
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	got := recs(res.Records)
	require.Len(t, got, 2)
	assert.Equal(t, []string{"Oceania", "New Zealand", "オークランド大学"}, []string{got[0].Region, got[0].Country, got[0].Partner})
	assert.Equal(t, []string{"Africa", "Sudan", "ハルツーム大学"}, []string{got[1].Region, got[1].Country, got[1].Partner})
}

// TestSentenceIsNoRepeatedHeader: a row read a line at a time whose cells
// hold header words in a sentence ("…; Joint academic programmes (joint
// degree") is no header said again: it goes on the record above, not out.
func TestSentenceIsNoRepeatedHeader(t *testing.T) {
	tb := tbl([]string{"Partner Institution", "Valid Until", "Programme"},
		[]string{"United Kingdom", "<", "<"},
		[]string{"Cranfield", "May,", "Exchange of students; Exchange of faculty members and/or staffs; Joint research"},
		[]string{"University（大学間", "2017", "activities and publications; Joint participation in seminars and/or academic"},
		[]string{"協定 University-", "", "meetings; Joint academic programmes (joint degree or double degree"},
		[]string{"wide）", "", "programme)"})
	tb.Method = "stream"
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	got := recs(res.Records)
	require.Len(t, got, 1)
	assert.Equal(t, []string{"Cranfield University", "2017-05", "university"}, []string{got[0].Partner, got[0].ValidUntil, got[0].Level})
}

// TestHeaderNamingTheHomeInstitution: a header cell that names the home
// institution in full ("Department at Institut Teknologi Bandung") is no
// longer than a header cell is, the name aside: the row is the header,
// though no cell of it is marked so.
func TestHeaderNamingTheHomeInstitution(t *testing.T) {
	tb := tbl(
		[]string{"相手機関名 Partner Institution", "協定種別 Type of Agreement", "本学部局 Department at Institut Teknologi Bandung", "有効期限 Valid Until"},
		[]string{"Goldsmiths, University of London", "大学間協定 University-wide", "―", "August, 2016"},
		[]string{"Cranfield University", "大学間協定 University-wide", "―", "May, 2017"},
	)
	tb.Rows[0].Header = false
	res, err := Normalize(tdoc([]string{"# United Kingdom"}, tb), Options{Institution: "Institut Teknologi Bandung"})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "Goldsmiths, University of London", res.Records[0].Partner)
	assert.Equal(t, "2017-05", res.Records[1].ValidUntil)
}
