package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// TestEntriesALine: a cell whose every line is an entry of its own, a
// name and its agreement's details with a date, makes a record a line,
// each with its details.
func TestEntriesALine(t *testing.T) {
	tb := tbl([]string{"Area", "Country / Region", "Partner Institution"},
		[]string{"Asia", "South Korea", "慶北大学校 (University-wide, 1984-06-05)\nソウル大学校 (University-wide, 1991-05-21)"},
		[]string{"", "China", "Peking University — MOU, 10 November 1999\nFudan University — MOU, 19 April 2001"},
		[]string{"", "Japan", "北京理工大学\n信息与电子学院 — 部局間協定、2019/08/08"})
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	var got [][2]string
	for _, r := range res.Records {
		got = append(got, [2]string{r.Partner, r.Signed})
	}
	assert.Equal(t, [][2]string{{"慶北大学校", "1984-06-05"}, {"ソウル大学校", "1991-05-21"},
		{"Peking University", "1999-11-10"}, {"Fudan University", "2001-04-19"},
		{"北京理工大学", "2019-08-08"}}, got)
}

// TestTailPrintedAgain: the last lines of a row that a page's foot cut,
// printed again at the next page's head, make no record of their own.
func TestTailPrintedAgain(t *testing.T) {
	tb := tbl([]string{"Country", "Partner Institution", "Type", "Date"},
		[]string{"Brazil", "Federal University of Rio Grande do Sul", "部局間協\n定", "September 2,\n2002"},
		[]string{"", "", "定", "2002"},
		[]string{"Chile", "University of Atacama", "部局間協\n定", "March 22, 2006"})
	tb.Rows[2].Page, tb.Rows[3].Page = 2, 2
	res, err := Normalize(tdoc(nil, tb), Options{Institution: "Tohoku University"})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "2002-09-02", res.Records[0].Signed)
	assert.Contains(t, res.Records[0].Repairs, "joined_split_row:clipped_copy_dropped")
	assert.Equal(t, "University of Atacama", res.Records[1].Partner)
}

// TestUnitsAfterTwoCommas: a unit named after a name with a comma of its
// own, known by a name before its kind or in the plural.
func TestUnitsAfterTwoCommas(t *testing.T) {
	tb := tbl([]string{"Country", "Partner Institution", "Department at Tohoku", "Date"},
		[]string{"USA", "University of California, Riverside, Bourns College of Engineering", "GS Engineering", "2017/03/22"},
		[]string{"USA", "University of California, Davis, Colleges of Agricultural and Environmental Sciences", "GS Agricultural Science", "2019/10/17"},
		[]string{"Nigeria", "University of Nigeria, Nsukka, Faculty of Physical Sciences", "GS Science", "2010/01/01"},
		[]string{"Italy", "Università di Bologna Dipartimento di Fisica", "GS Science", "2011/01/01"})
	res, err := Normalize(tdoc(nil, tb), Options{Institution: "Tohoku University"})
	require.NoError(t, err)
	var got [][2]string
	for _, r := range res.Records {
		got = append(got, [2]string{r.Partner, r.PartnerUnit})
	}
	assert.Equal(t, [][2]string{{"University of California, Riverside", "Bourns College of Engineering"},
		{"University of California, Davis", "Colleges of Agricultural and Environmental Sciences"},
		{"University of Nigeria, Nsukka", "Faculty of Physical Sciences"}, {"Università di Bologna", "Dipartimento di Fisica"}}, got)
}

// TestLabelsHeadGroupsOnTheNextPage: where a table set its labels at the
// head of their groups, the rows over the first label of its next part
// go on with the group above; where none did, a label in its group's
// middle names the rows over it.
func TestLabelsHeadGroupsOnTheNextPage(t *testing.T) {
	placed := func(tb *parser.Table, page int, y float64) *parser.Table {
		tb.Method = "stream"
		for i := range tb.Rows {
			tb.Rows[i].Page = page
			tb.Rows[i].SetBox(parser.Box{X0: 50, Y0: y + 15*float64(i), X1: 500, Y1: y + 15*float64(i) + 11})
		}
		return tb
	}
	head := []string{"Area", "Country / Region", "Partner Institution", "Date"}
	first := placed(tbl(head,
		[]string{"Asia", "China", "西北大学", "1980-05-31"},
		[]string{"", "", "武漢大学", "1980-10-15"},
		[]string{"", "", "北京大学", "1983-04-01"},
		[]string{"Europe", "Germany", "ベルリン自由大学", "1984-10-30"}), 1, 100)
	next := placed(tbl(head,
		[]string{"", "", "ハイデルベルク大学", "1990-10-11"},
		[]string{"", "Italy", "シエナ大学", "1989-11-22"},
		[]string{"", "", "ピサ大学", "2001-06-07"}), 2, 60)
	res, err := Normalize(tdoc(nil, first, next), Options{})
	require.NoError(t, err)
	countries := map[string]string{}
	for _, r := range res.Records {
		countries[r.Partner] = r.Country
	}
	assert.Equal(t, "Germany", countries["ハイデルベルク大学"])
	assert.Equal(t, "Italy", countries["ピサ大学"])

	alone := placed(tbl(head,
		[]string{"", "", "ハイデルベルク大学", "1990-10-11"},
		[]string{"Europe", "Italy", "シエナ大学", "1989-11-22"},
		[]string{"", "", "ピサ大学", "2001-06-07"}), 1, 60)
	res, err = Normalize(tdoc(nil, alone), Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 3)
	assert.Equal(t, "Italy", res.Records[0].Country, "a label in the middle of its group, in a document that sets none at the head")
}

// TestNotesUnderLastRow: a legend and the list's date under a table,
// read as its last row's cells' last lines, are read as the notes they
// are: the legend flags the records, the date is the list's.
func TestNotesUnderLastRow(t *testing.T) {
	tb := tbl([]string{"相手機関名", "区分", "締結年月日"},
		[]string{"ポーランド（2）", "", ""},
		[]string{"University of Warsaw *", "大学", "2021-03-04"},
		[]string{"Université de Genève *\n* 授業料不徴収", "大学", "2015-10-20\n（2021 年 5 月 1 日現在）"})
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	for _, r := range res.Records {
		assert.True(t, r.FeeWaiver, r.Partner)
		assert.Equal(t, "2021-05-01", r.AsOf, r.Partner)
	}
	assert.Equal(t, "Université de Genève", res.Records[1].Partner)
	assert.Contains(t, res.Records[1].Repairs, "split_cell:legend_under_table")
	assert.Equal(t, "2015-10-20", res.Records[1].Signed)
}

// TestTitleSaidAgain: the document's title set again at a later page's
// head, its second line a heading that names no group, leaves the group
// the entries are in.
func TestTitleSaidAgain(t *testing.T) {
	title := []string{"# 学術交流協定締結機関一覧 Academic Exchange Agreements with", "# Foreign Institutions"}
	lines := append(append([]string{}, title...), "# カナダ Canada", "• University of Waterloo (2006.10.30)")
	lines = append(append(lines, title...), "• University of Ottawa (2009.6.26)")
	res, err := Normalize(tdoc(lines), Options{Institution: "Tohoku University"})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "Canada", res.Records[1].Country)
	for _, u := range res.Unplaced {
		assert.NotContains(t, u.Text, "Foreign Institutions")
	}
}

// TestRegionOverCountry: a group row naming the region, then the country,
// in one cell (two lines, or a space apart) sets both; a region's name of
// several words stays the region's.
func TestRegionOverCountry(t *testing.T) {
	for _, group := range []string{"大洋州\nオーストラリア", "大洋州 オーストラリア", "Oceania Australia"} {
		tb := tbl([]string{group, "", "", ""},
			[]string{"相手機関名", "協定種別", "本学部局", "締結年月日"},
			[]string{"クイーンズランド大学", "大学間協定", "―", "Dec. 22, 1981"})
		tb.Rows[0].Header, tb.Rows[1].Header = true, true
		res, err := Normalize(tdoc([]string{"# アジア", "# タイ"}, tb), Options{})
		require.NoError(t, err)
		require.Len(t, res.Records, 1, group)
		assert.Equal(t, [2]string{"Oceania", "Australia"}, [2]string{res.Records[0].Region, res.Records[0].Country}, group)
	}
	res, err := Normalize(tdoc([]string{"# 北米 North America", "# カナダ Canada", "• McGill University (1998.11.30)"}), Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 1)
	assert.Contains(t, res.Records[0].Repairs, "region_alias:北米 North America")
}

// TestUnitNamedByItsField: a unit named by its field alone after a name
// that ends as an institution's is the partner's unit; a place after a
// university's name stays in it.
func TestUnitNamedByItsField(t *testing.T) {
	lines := []string{"# Department Level Agreements", "# South Korea",
		"• Myongji University, Social Education — School-to-school agreement (GS Education), concluded 2000.3.17",
		"# Thailand",
		"• National Institute of Development Administration (NIDA), Language and Communication — School-to-school agreement (GS International Cultural Studies), concluded 2010.1.5",
		"# United States", "• University of California, Davis — School-to-school agreement (GS Engineering), concluded 2019.10.17"}
	res, err := Normalize(tdoc(lines), Options{Institution: "Tohoku University"})
	require.NoError(t, err)
	var got [][2]string
	for _, r := range res.Records {
		got = append(got, [2]string{r.Partner, r.PartnerUnit})
	}
	assert.Equal(t, [][2]string{{"Myongji University", "Social Education"},
		{"National Institute of Development Administration (NIDA)", "Language and Communication"},
		{"University of California, Davis", ""}}, got)
}

// TestInstituteThenItsInstitute: two organisations known by their own
// names after a comma, in a list that names partners before their units:
// the second is the first's unit.
func TestInstituteThenItsInstitute(t *testing.T) {
	lines := []string{"# Department Level Agreements", "# Taiwan",
		"• National Applied Research Laboratories, Taiwan Semiconductor Research Institute — School-to-school agreement (IMRAM), concluded 2016.3.1",
		"• Industrial Technology Research Institute, Information and Communications Research Laboratories — School-to-school agreement (RIEC), concluded 2012.5.1"}
	res, err := Normalize(tdoc(lines), Options{Institution: "Tohoku University"})
	require.NoError(t, err)
	var got [][2]string
	for _, r := range res.Records {
		got = append(got, [2]string{r.Partner, r.PartnerUnit})
	}
	assert.Equal(t, [][2]string{{"National Applied Research Laboratories", "Taiwan Semiconductor Research Institute"},
		{"Industrial Technology Research Institute", "Information and Communications Research Laboratories"}}, got)
}

// TestEntryUnderAnEntry: a row that holds nothing but a name that opens
// as a unit does ("Institute of …"), with its own agreement's details and
// date, under a record with its own, is an entry of its own, not the
// unit of the partner above; a unit's name alone under its partner's
// still is that partner's unit. In Japanese and in English.
func TestEntryUnderAnEntry(t *testing.T) {
	for _, tt := range []struct {
		name     string
		header   []string
		rows     [][]string
		partners []string
	}{
		{"japanese", []string{"地域", "国・地域", "相手機関名"}, [][]string{
			{"ヨーロッパ", "ポーランド", "* AGH University of Science and Technology — 部局間協定（GS Engineering）、平成29年6月7日締結"},
			{"", "", "Institute of Vacuum Technology — 部局間協定（IMR）、平成12年6月9日締結"},
			{"", "", "Jagiellonian University — 部局間協定（GS Arts and Letters）、平成27年9月30日締結"},
		}, []string{"AGH University of Science and Technology", "Institute of Vacuum Technology", "Jagiellonian University"}},
		{"english", []string{"Region", "Country", "Partner Institution"}, [][]string{
			{"Europe", "Poland", "AGH University of Science and Technology — School-to-school agreement (GS Engineering), concluded 2017.6.7"},
			{"", "", "Institute of Vacuum Technology — School-to-school agreement (IMR), concluded 2000.6.9"},
			{"", "", "Jagiellonian University — School-to-school agreement (GS Arts and Letters), concluded 2015.9.30"},
		}, []string{"AGH University of Science and Technology", "Institute of Vacuum Technology", "Jagiellonian University"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tb := tbl(append([][]string{tt.header}, tt.rows...)...)
			res, err := Normalize(tdoc(nil, tb), Options{Institution: "Tohoku University"})
			require.NoError(t, err)
			var got []string
			for _, r := range res.Records {
				got = append(got, r.Partner)
				assert.Empty(t, r.PartnerUnit, r.Partner)
				assert.NotEmpty(t, r.Signed, r.Partner)
			}
			assert.Equal(t, tt.partners, got)
		})
	}
}

// TestTitleAtEachPageHead: the list's title, said again at the head of
// each later page (as a line over the table's part there), inside a
// country's group, is the page's head and no lost text; set as a line
// over the first page's table and as the table's own title row.
func TestTitleAtEachPageHead(t *testing.T) {
	part := func(page int, title bool, rows ...[]string) *parser.Table {
		all := [][]string{{"国・地域", "相手機関名", "締結年月日"}}
		if title {
			all = append([][]string{{"学術交流協定締結機関一覧", "", ""}}, all...)
		}
		tb := tbl(append(all, rows...)...)
		for i := range tb.Rows {
			tb.Rows[i].Page = page
			tb.Rows[i].Header = i < len(all)
		}
		return tb
	}
	for _, titleRow := range []bool{false, true} {
		doc := &parser.Document{File: "t.pdf", SHA256: "00", Format: parser.FormatPDF}
		if !titleRow {
			doc.Blocks = append(doc.Blocks, parser.Block{Line: &parser.Line{Text: "学術交流協定締結機関一覧", Page: 1, Role: parser.RoleText}})
		}
		doc.Blocks = append(doc.Blocks,
			parser.Block{Table: part(1, titleRow, []string{"オランダ", "ライデン大学", "2011/02/15"}, []string{"", "マーストリヒト大学", "2014/05/30"})},
			parser.Block{Line: &parser.Line{Text: "学術交流協定締結機関一覧", Page: 2, Role: parser.RoleText}},
			parser.Block{Table: part(2, false, []string{"", "ユトレヒト大学", "2018/09/26"}, []string{"ノルウェー", "ベルゲン大学", "2017/05/10"})})
		res, err := Normalize(doc, Options{Institution: "Tohoku University"})
		require.NoError(t, err)
		assert.Len(t, res.Records, 4)
		assert.Empty(t, res.Unplaced, "title row %v", titleRow)
	}
}
