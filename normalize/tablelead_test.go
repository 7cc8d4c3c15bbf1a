package normalize

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/readcheck"
)

// setLines gives the rows of a table read a line a row their places:
// each row as tall as its most lines, the next right under it.
func setLines(tb *parser.Table) {
	y := 100.0
	for i := range tb.Rows {
		n := 1
		for j := range tb.Rows[i].Cells {
			n = max(n, tb.Rows[i].Cells[j].LineCount())
		}
		h := 13 * float64(n)
		tb.Rows[i].SetBox(parser.Box{X0: 40, Y0: y, X1: 500, Y1: y + h})
		y += h + 1.5
	}
	tb.Method = "stream"
}

// readLines reads a table of the rows given, set a line a row under the
// document's lines, and returns its records' region, country, partner and
// date.
func readLines(t *testing.T, lines []string, rows ...[]string) []string {
	t.Helper()
	tb := tbl(rows...)
	setLines(tb)
	res, err := Normalize(tdoc(lines, tb), Options{})
	require.NoError(t, err)
	return partnersAndDates(res)
}

func partnersAndDates(res *Result) []string {
	var out []string
	for _, r := range res.Records {
		out = append(out, fmt.Sprintf("%s | %s | %s | %s", r.Region, r.CountryCode, r.Partner, r.Signed))
	}
	return out
}

// TestTableLeadsOverTheirRows: a table whose cells are set at the bottom
// of their rows, its header not wrapped, read a line a row: the first
// lines of a row's wrapped cells stand on rows of their own over it.
// Joined to the row under them, they read as a date, a country, a region
// or a name where that row's cells alone do not.
func TestTableLeadsOverTheirRows(t *testing.T) {
	t.Run("japanese", func(t *testing.T) {
		tb := tbl([]string{"地域", "国・地域", "相手機関名", "締結年月日"},
			[]string{"", "中華人民", "", "昭和55年5"},
			[]string{"アジア州", "共和国", "西北大学", "月31日"},
			[]string{"", "中華人民", "", "昭和55年10"},
			[]string{"アジア州", "共和国", "武漢大学", "月15日"},
			[]string{"", "ニュージ", "オークランド大", "平成9年4月"},
			[]string{"太洋州", "ーランド", "学", "10日"},
			[]string{"", "", "ストラスブール", ""},
			[]string{"ヨーロッ", "フランス", "第一・第二・第", "平成8年1月"},
			[]string{"パ州", "共和国", "三大学", "23日"})
		setLines(tb)
		res, err := Normalize(tdoc(nil, tb), Options{})
		require.NoError(t, err)
		assert.Equal(t, []string{
			"Asia | CN | 西北大学 | 1980-05-31",
			"Asia | CN | 武漢大学 | 1980-10-15",
			"Oceania | NZ | オークランド大学 | 1997-04-10",
			"Europe | FR | ストラスブール第一・第二・第三大学 | 1996-01-23",
		}, partnersAndDates(res))
		for _, r := range res.Records {
			assert.Contains(t, r.Repairs, "joined_split_row", r.Partner)
		}
	})
	t.Run("english", func(t *testing.T) {
		assert.Equal(t, []string{
			" | AR | Universidad Nacional de Tucuman | 1999-05-12",
			" | DE | Universität Hamburg | 2001-01-14",
			" | AT | Universität Wien | 2004-03-03",
			" | KR | Seoul National University | 2005-06-02",
		}, readLines(t, []string{"# Agreements"}, []string{"Partner Institution", "Country", "Date of Agreement"},
			[]string{"Universidad Nacional de", "", ""},
			[]string{"Tucuman", "Argentina", "12 May 1999"},
			[]string{"", "", "14 January"},
			[]string{"Universität Hamburg", "Germany", "2001"},
			[]string{"Universität", "Republic of", ""},
			[]string{"Wien", "Austria", "3 March 2004"},
			[]string{"Seoul National University", "South Korea", "2 June 2005"}))
	})
}

// TestTableLeadsHangingUnderTheRowAbove: the extractor read the first
// line of the next row's wrapped cell as the last of a cell above
// ("共和国" / "オースト" beside "州 | ハルツーム大学 | 月7日"): the line is
// read with the row it leads. A row's own wrapped lines stay its own
// ("平成12" / "年": only with its last line is the date one).
func TestTableLeadsHangingUnderTheRowAbove(t *testing.T) {
	assert.Equal(t, []string{
		"Africa | SD | ハルツーム大学 | 2001-06-07",
		"Europe | AT | ウィーン大学 | 1993-10-12",
		"Europe | DE | ボン大学 | 2000",
	}, readLines(t, nil, []string{"地域", "国・地域", "相手機関名", "締結年月日"},
		[]string{"アフリカ", "スーダン", "", "平成13年6"},
		[]string{"州", "共和国\nオースト", "ハルツーム大学", "月7日"},
		[]string{"ヨーロッ", "リア共和", "", "平成5年10"},
		[]string{"パ州", "国", "ウィーン大学", "月12日"},
		[]string{"", "", "ボン大", "平成12"},
		[]string{"ヨーロッパ州", "ドイツ", "学", "年"}))

	tb := tbl([]string{"相手機関名", "相手部局", "区分", "締結年月日"},
		[]string{"Bangladesh Agricultural University", "", "Agr", "平成12\n年"},
		[]string{"", "Institute of Literature", "", "平成12"},
		[]string{"Chinese Academy of Social Sciences", "of National Minorities", "GSID", "年"},
		[]string{"Peking University", "School of International Studies", "Law", "平成13\n年"},
		[]string{"", "School of Public", "", "平成19"},
		[]string{"Tianjin University", "Administration", "Soec", "年"})
	setLines(tb)
	res, err := Normalize(tdoc([]string{"# アジア", "# 中国"}, tb), Options{})
	require.NoError(t, err)
	var got []string
	for _, r := range res.Records {
		got = append(got, r.Partner+" | "+r.PartnerUnit+" | "+r.Signed)
	}
	assert.Equal(t, []string{
		"Bangladesh Agricultural University |  | 2000",
		"Chinese Academy of Social Sciences | Institute of Literature of National Minorities | 2000",
		"Peking University | School of International Studies | 2001",
		"Tianjin University | School of Public Administration | 2007",
	}, got)
}

// TestTableWrappedEndsAreNoLeads: the same names set at the top of their
// rows, their wrapped ends on rows of their own under them, are read as
// before: rows that go on the row above do not lead the row under them.
func TestTableWrappedEndsAreNoLeads(t *testing.T) {
	assert.Equal(t, []string{
		" | AR | Universidad Nacional de Tucuman | 1999-05-12",
		" | DE | Universität Hamburg | 2001-01-14",
		" | SG | Nanyang Technological University | 2004-03-03",
		" | KR | Seoul National University | 2005-06-02",
	}, readLines(t, []string{"# Agreements"}, []string{"Partner Institution", "Country", "Date of Agreement"},
		[]string{"Universidad Nacional de", "Argentina", "12 May 1999"},
		[]string{"Tucuman", "", ""},
		[]string{"Universität Hamburg", "Germany", "14 January"},
		[]string{"", "", "2001"},
		[]string{"Nanyang Technological", "Singapore", "3 March 2004"},
		[]string{"University", "", ""},
		[]string{"Seoul National University", "South Korea", "2 June 2005"}))
}

// TestTableLeadsOfEveryKind: a table whose header sets its cells at the
// bottom, its region's and country's header over the second of their two
// columns (set at the left of both, the first left blank), and every kind
// of cell wrapped: the region ("アジ" / "ア"), the partner's name over its
// unit in one cell ("Chiangmai University *" / "Faculty of Science"), a
// name cut after a joining word. Each lead goes with the row under it.
func TestTableLeadsOfEveryKind(t *testing.T) {
	tb := tbl([]string{"", "地域・国", "相手機関名", "協定種\n別", "本学部局", "締結年月日"},
		[]string{"アジ\nア", "タイ", "Asian Institute of Technology *", "大学間\n協定", "―", "1998-11-09"},
		[]string{"アジ", "", "King Mongkut's Institute of", "大学間", "", ""},
		[]string{"ア", "タイ", "Technology Ladkrabang *", "協定", "―", "2004-04-15"},
		[]string{"アジ", "", "Chiangmai University *", "部局間", "", ""},
		[]string{"ア", "タイ", "Faculty of Science", "協定", "IMRAM", "2008-06-09"},
		[]string{"アジ", "ベト", "", "大学間", "", ""},
		[]string{"ア", "ナム", "Vietnam National University, Hanoi *", "協定", "―", "2010-03-02"})
	setLines(tb)
	res, err := Normalize(tdoc([]string{"* Tuition Exemption: tuition fees are waived for exchange students"}, tb), Options{Institution: "Tohoku University"})
	require.NoError(t, err)
	var got []string
	for _, r := range res.Records {
		got = append(got, fmt.Sprintf("%s | %s | %s | %s | %s | %v", r.Region, r.CountryCode, r.Partner, r.PartnerUnit, r.Signed, r.FeeWaiver))
	}
	assert.Equal(t, []string{
		"Asia | TH | Asian Institute of Technology |  | 1998-11-09 | true",
		"Asia | TH | King Mongkut's Institute of Technology Ladkrabang |  | 2004-04-15 | true",
		"Asia | TH | Chiangmai University | Faculty of Science | 2008-06-09 | true",
		"Asia | VN | Vietnam National University, Hanoi |  | 2010-03-02 | true",
	}, got)
	assert.Empty(t, res.Unplaced)
}

// TestTableGroupsAtTheirFeet: a table that sets its cells at the bottom of
// their rows (the extractor saw it: VAlign) sets a group's cell, merged
// over its rows, at their foot: the label names the rows from the label
// before it down to its own. A cell broken by a page stands in its first
// part (Australia, Oceania): the rows at the next page's head go on with
// it. Read as set at the top, the same table files its first row under
// no country, and each label's rows under the label above.
func TestTableGroupsAtTheirFeet(t *testing.T) {
	rows := [][]string{{"地域", "国", "相手機関名", "締結年月日"},
		{"", "", "西北大学", "1980-05-31"},
		{"", "中国", "武漢大学", "1980-10-15"},
		{"アジア", "タイ", "カセサート大学", "1984-02-28"},
		{"オセアニア", "オーストラリア", "クイーンズランド大学", "1981-12-22"},
		{"", "", "メルボルン大学", "1997-10-09"},
		{"", "", "シドニー大学", "1999-05-31"}, // (the next page)
		{"", "ニュージーランド", "オークランド大学", "1997-04-10"},
		{"アフリカ", "スーダン", "ハルツーム大学", "2001-06-07"},
		{"", "", "シエナ大学", "1989-11-22"},
		{"ヨーロッパ", "イタリア", "ピサ大学", "2001-06-07"}}
	read := func(valign string) ([]string, int) {
		tb := tbl(rows...)
		setLines(tb)
		tb.VAlign = valign
		for i := 6; i < len(tb.Rows); i++ {
			tb.Rows[i].Page = 2
		}
		res, err := Normalize(tdoc(nil, tb), Options{})
		require.NoError(t, err)
		return partnersAndDates(res), len(res.Unplaced)
	}
	got, unplaced := read("bottom")
	assert.Equal(t, []string{
		"Asia | CN | 西北大学 | 1980-05-31",
		"Asia | CN | 武漢大学 | 1980-10-15",
		"Asia | TH | カセサート大学 | 1984-02-28",
		"Oceania | AU | クイーンズランド大学 | 1981-12-22",
		"Oceania | AU | メルボルン大学 | 1997-10-09",
		"Oceania | AU | シドニー大学 | 1999-05-31",
		"Oceania | NZ | オークランド大学 | 1997-04-10",
		"Africa | SD | ハルツーム大学 | 2001-06-07",
		"Europe | IT | シエナ大学 | 1989-11-22",
		"Europe | IT | ピサ大学 | 2001-06-07",
	}, got)
	assert.Zero(t, unplaced)

	got, unplaced = read("")
	assert.Len(t, got, 9)
	assert.Equal(t, 1, unplaced, "the first row, under no country")
	assert.Contains(t, got, "Africa | SD | シエナ大学 | 1989-11-22", "filled down")
}

// TestTableBlankPartnerSetAtTheBottom: in a table that sets its cells at
// the bottom of their rows, a partner's cell merged over rows stands at
// their foot: the blank cells over it are its (fill_up), and the read is
// said to be doubtful, naming the partner above that a blank may also
// mean. Rows of a group's label alone end the run, and so does a page: a
// blank there is the row above's. The same table set at the top reads
// its blanks as the row above's and says nothing.
func TestTableBlankPartnerSetAtTheBottom(t *testing.T) {
	rows := [][]string{{"相手機関名", "相手部局", "締結年月日"},
		{"Beijing University of Technology", "", "1986"},
		{"", "Purple Mountain Observatory", "1988"},
		{"", "Institute of Physics", "1990"},
		{"Chinese Academy of Sciences", "National Astronomical Observatories", "1992"},
		{"", "Peking Union Medical College", "1994"}, // (the page ends here)
		{"Tsinghua University", "", "1995"}}
	read := func(valign string, page int) ([]string, []string) {
		tb := tbl(rows...)
		setLines(tb)
		tb.VAlign = valign
		for i := page; i > 0 && i < len(tb.Rows); i++ {
			tb.Rows[i].Page = 2
		}
		res, err := Normalize(tdoc([]string{"# 中国"}, tb), Options{})
		require.NoError(t, err)
		var got, doubts []string
		for _, r := range res.Records {
			got = append(got, r.Partner+" | "+strings.Join(slices.DeleteFunc(slices.Clone(r.Repairs), func(s string) bool {
				return !strings.HasPrefix(s, "fill_")
			}), ","))
		}
		for _, w := range res.Warnings {
			if w.Kind == readcheck.KindFillDoubt {
				doubts = append(doubts, w.String())
			}
		}
		return got, doubts
	}

	got, doubts := read("bottom", 6)
	assert.Equal(t, []string{
		"Beijing University of Technology | ",
		"Chinese Academy of Sciences | fill_up:partner",
		"Chinese Academy of Sciences | fill_up:partner",
		"Chinese Academy of Sciences | ",
		"Chinese Academy of Sciences | fill_down:partner",
		"Tsinghua University | ",
	}, got)
	require.Len(t, doubts, 3)
	assert.Contains(t, doubts[0], "t.html: page 1 row 4: blank partner cell read as the row below's (Chinese Academy of Sciences)")
	assert.Contains(t, doubts[0], "may also mean the row above's (Beijing University of Technology)")
	assert.Contains(t, doubts[1], "t.html: page 1 row 5: blank partner cell read as the row below's (Chinese Academy of Sciences)")
	assert.Contains(t, doubts[2], "t.html: page 1 row 7: blank partner cell read as the row above's (Chinese Academy of Sciences)",
		"a page's foot ends the run: the row above's, doubtful")

	got, _ = read("bottom", 0)
	assert.Equal(t, "Tsinghua University | fill_up:partner", got[4], "on one page, the partner below")

	got, doubts = read("", 6)
	assert.Equal(t, []string{
		"Beijing University of Technology | ",
		"Beijing University of Technology | fill_down:partner",
		"Beijing University of Technology | fill_down:partner",
		"Chinese Academy of Sciences | ",
		"Chinese Academy of Sciences | fill_down:partner",
		"Tsinghua University | ",
	}, got)
	assert.Empty(t, doubts)
}

// TestTableBlankPartnerOverAGroup: a row that begins a group (its label
// on it) ends the rows a partner merged at their foot may name: a merged
// cell does not cross groups, and the blank over it is the row above's.
func TestTableBlankPartnerOverAGroup(t *testing.T) {
	tb := tbl([]string{"国名", "相手機関名", "締結年月日"},
		[]string{"中国", "Beijing University of Technology", "1986"},
		[]string{"", "", "1988"},
		[]string{"韓国", "Seoul National University", "1992"})
	setLines(tb)
	tb.VAlign = "bottom"
	res, err := Normalize(tdoc([]string{"# アジア"}, tb), Options{})
	require.NoError(t, err)
	var got []string
	for _, r := range res.Records {
		got = append(got, r.CountryCode+" | "+r.Partner+" | "+r.Signed)
	}
	assert.Equal(t, []string{
		"CN | Beijing University of Technology | 1986",
		"CN | Beijing University of Technology | 1988",
		"KR | Seoul National University | 1992",
	}, got)
}

// TestTableLeadInATableSetAtTheBottom: one lead is enough where the
// extractor saw the table set its cells at the bottom (VAlign), a word
// broken over the lines among the cells that read better joined
// ("Elettra-" over "Sincrotrone Trieste S.C.p.A."); the table's other rows,
// as the extractor read them, stay as they are. Without VAlign, one lead
// is not enough to read the table so.
func TestTableLeadInATableSetAtTheBottom(t *testing.T) {
	rows := [][]string{{"Partner Institution", "Country", "Department", "Date of Agreement"},
		{"Università Ca' Foscari Venezia", "Italy", "", "2018-03-01"},
		{"Scuola Normale Superiore", "Italy", "Centro di Ricerca Matematica", "2019-04-02"},
		{"Elettra-", "", "", ""},
		{"Sincrotrone Trieste S.C.p.A.", "Italy", "", "2018-08-01"},
		{"University of Pisa", "Italy", "", "2001-06-07"}}
	read := func(valign string) []string {
		tb := tbl(rows...)
		setLines(tb)
		tb.VAlign = valign
		res, err := Normalize(tdoc([]string{"# Europe"}, tb), Options{})
		require.NoError(t, err)
		var got []string
		for _, r := range res.Records {
			got = append(got, r.Partner+" | "+r.Signed)
		}
		return got
	}
	assert.Equal(t, []string{
		"Università Ca' Foscari Venezia | 2018-03-01",
		"Scuola Normale Superiore | 2019-04-02",
		"Elettra-Sincrotrone Trieste S.C.p.A. | 2018-08-01",
		"University of Pisa | 2001-06-07",
	}, read("bottom"))
	assert.NotContains(t, read(""), "Elettra-Sincrotrone Trieste S.C.p.A. | 2018-08-01")
}

// TestTableLeadsInTwoLanguages: where the extractor saw a table set at the
// bottom, a group's name over its name in the other language
// ("ヨーロッパ" / "Europe", "オランダ" / "Netherlands") is one cell's
// lines, and a name over the bare word for an institution
// ("クイーンズランド" / "大学") is cut: each is a lead of the row under it.
func TestTableLeadsInTwoLanguages(t *testing.T) {
	tb := tbl([]string{"地域", "国", "相手機関名", "締結年月日"},
		[]string{"", "", "クイーンズランド", "22 December"},
		[]string{"オセアニア Oceania", "オーストラリア Australia", "大学", "1981"},
		[]string{"ヨーロッパ", "オランダ", "", ""},
		[]string{"Europe", "Netherlands", "ライデン大学", "6 March 1997"})
	setLines(tb)
	tb.VAlign = "bottom"
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"Oceania | AU | クイーンズランド大学 | 1981-12-22",
		"Europe | NL | ライデン大学 | 1997-03-06",
	}, partnersAndDates(res))
	assert.Empty(t, res.Unplaced)
}
