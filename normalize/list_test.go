package normalize

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// Styles of a typical rendering of the university-level list.
var (
	stTitle   = parser.Style{Font: "LiberationSans-Bold", Size: 16, Bold: true}
	stSection = parser.Style{Font: "LiberationSans-Bold", Size: 13, Bold: true}
	stRegion  = parser.Style{Font: "LiberationSans-Bold", Size: 12, Bold: true}
	stCountry = parser.Style{Font: "LiberationSans-Bold", Size: 11, Bold: true}
	stEntry   = parser.Style{Font: "LiberationSans", Size: 10}
	stNote    = parser.Style{Font: "LiberationSans", Size: 8}
)

// pdfDoc builds a document of PDF-like lines: each line is placed below the
// previous one, 14pt apart, on page 1 unless a page break is requested.
type lineSpec struct {
	text   string
	style  parser.Style
	bullet bool
	x      float64 // left edge; entries default to 72, their text to 84
	gap    float64 // extra space above
	page   int
}

func pdfDoc(specs ...lineSpec) *parser.Document {
	d := &parser.Document{File: "list.pdf", SHA256: "00", Format: parser.FormatPDF, Pages: 1}
	y := 60.0
	page := 1
	for _, s := range specs {
		if s.page > page {
			page, y = s.page, 60
		}
		y += s.gap
		x := s.x
		if x == 0 {
			x = 72
			if s.bullet {
				x = 84
			}
		}
		l := (&parser.Line{Page: page, Text: s.text, Role: parser.RoleText}).Placed(parser.Box{X0: x, Y0: y, X1: x + 300, Y1: y + s.style.Size*1.15}, s.style)
		if s.bullet {
			l.Bullet, l.Role = "•", parser.RoleItem
		}
		d.Blocks = append(d.Blocks, parser.Block{Line: l})
		y += s.style.Size * 1.4
	}
	d.Pages = page
	d.Number()
	return d
}

func item(text string) lineSpec { return lineSpec{text: text, style: stEntry, bullet: true} }

// editBox changes l's box by edit.
func editBox(l *parser.Line, edit func(b *parser.Box)) {
	b := l.Box()
	edit(&b)
	l.SetBox(b)
}

func TestListBasics(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "Academic Exchange Agreements with Foreign Institutions", style: stTitle},
		lineSpec{text: "University Level Agreements", style: stSection},
		lineSpec{text: "Total of 4 institutions", style: stEntry},
		lineSpec{text: "(Asia)", style: stRegion},
		lineSpec{text: "China", style: stCountry},
		item("* Northeastern University (1983.8.5)"),
		item("Chinese Academy of Social Sciences (2008.10.15)"),
		lineSpec{text: "South Korea", style: stCountry},
		item("* Pohang University of Science and Technology (POSTECH) (2000.9.22)"),
		lineSpec{text: "(Europe)", style: stRegion},
		lineSpec{text: "Belgium", style: stCountry},
		lineSpec{text: "Belgian Nuclear Research Centre (SCK/CEN) (2005.6.16)", style: stEntry},
		lineSpec{text: "(* indicates institutions with which TU has mutually agreed to waive fees.)", style: stNote},
		lineSpec{text: "(indicated in parentheses is the date on which the agreement was concluded.)", style: stNote},
	)
	res, err := Normalize(doc, Options{Institution: "Tohoku University"})
	require.NoError(t, err)
	require.Len(t, res.Records, 4)
	assert.Empty(t, res.Unplaced)

	r := res.Records[0]
	assert.Equal(t, "Northeastern University", r.Partner)
	assert.Equal(t, "China", r.Country)
	assert.Equal(t, "CN", r.CountryCode)
	assert.Equal(t, "Asia", r.Region)
	assert.Equal(t, LevelUniversity, r.Level)
	assert.Equal(t, "1983-08-05", r.Signed)
	assert.True(t, r.FeeWaiver)
	assert.Equal(t, []string{FlagFeeWaiver}, r.Flags)
	assert.Equal(t, "Tohoku University", r.HomeInstitution)
	assert.Equal(t, 6, r.Source.Row)
	assert.Contains(t, r.Repairs, "date:YYYY.M.D")
	assert.Len(t, r.ID, 16)

	assert.Equal(t, "Chinese Academy of Social Sciences", res.Records[1].Partner)
	assert.False(t, res.Records[1].FeeWaiver)
	assert.Equal(t, []string{}, res.Records[1].Flags)

	assert.Equal(t, "Pohang University of Science and Technology (POSTECH)", res.Records[2].Partner, "acronym kept")
	assert.Equal(t, "KR", res.Records[2].CountryCode)

	b := res.Records[3]
	assert.Equal(t, "Belgian Nuclear Research Centre (SCK/CEN)", b.Partner, "entry without bullet")
	assert.Equal(t, "Europe", b.Region)
	assert.Equal(t, "BE", b.CountryCode)

	require.Len(t, res.Declared, 1)
	assert.Equal(t, Declared{Level: LevelUniversity, Scope: "section", Count: 4, Unit: "institutions",
		Text: "Total of 4 institutions", Page: 1, Row: 3}, res.Declared[0])
	require.Len(t, res.Legend, 1)
	assert.Equal(t, "*", res.Legend[0].Marker)
	assert.Equal(t, FlagFeeWaiver, res.Legend[0].Flag)
}

func TestListWrappedNameAndRepeatedTitle(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "University Level Agreements", style: stSection},
		lineSpec{text: "(North America)", style: stRegion},
		lineSpec{text: "U. S. A.", style: stCountry},
		item("* University of California, Berkeley (1990.3.15)"),
		item("* University of California, Davis"),
		lineSpec{text: "University Level Agreements", style: stSection, page: 2},
		item("* University of California, San Francisco"),
		item("* National Institutes of Health of the Department of Health and"),
		lineSpec{text: "Human Services (2013.5.9)", style: stEntry, x: 84},
		item("* University of Alaska (1999.1.12)"),
	)
	res, err := Normalize(doc, Options{Institution: "Tohoku University"})
	require.NoError(t, err)
	require.Len(t, res.Records, 5)
	assert.Empty(t, res.Unplaced)

	davis, sf := res.Records[1], res.Records[2]
	assert.Equal(t, "1990-03-15", davis.Signed)
	assert.Contains(t, davis.Repairs, "inherited_date:University of California, Berkeley")
	assert.Equal(t, "1990-03-15", sf.Signed, "the group goes on over the repeated title")
	assert.Equal(t, "United States", sf.Country)
	assert.Equal(t, "US", sf.CountryCode)
	assert.Contains(t, sf.Repairs, "country_alias:U. S. A.")
	assert.Equal(t, 2, sf.Source.Page)

	nih := res.Records[3]
	assert.Equal(t, "National Institutes of Health of the Department of Health and Human Services", nih.Partner)
	assert.Equal(t, "2013-05-09", nih.Signed)
	assert.Contains(t, nih.Repairs, "joined_wrapped_line")
	assert.NotContains(t, nih.Repairs, "inherited_date:University of California, Berkeley")

	assert.Equal(t, "1999-01-12", res.Records[4].Signed)
	assert.NotContains(t, res.Records[4].Repairs, "joined_wrapped_line")
}

func TestListInternationalOrganisation(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "University Level Agreements", style: stSection},
		lineSpec{text: "(International Organization)", style: stRegion},
		lineSpec{text: "International Organization", style: stCountry},
		item("* ITER International Fusion Energy Organization (2013.12.24)"),
	)
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 1)
	r := res.Records[0]
	assert.Equal(t, "International Organization", r.Region)
	assert.Equal(t, "", r.Country)
	assert.Equal(t, "", r.CountryCode)
	assert.Equal(t, []string{"marker:*"}, r.Flags, "no legend: the marker is kept, not guessed")
	assert.False(t, r.FeeWaiver)
}

func TestListHTMLRoles(t *testing.T) {
	d := &parser.Document{File: "list.html", Format: parser.FormatHTML}
	add := func(role parser.Role, level int, text string) {
		d.Blocks = append(d.Blocks, parser.Block{Line: &parser.Line{Text: text, Role: role, Level: level}})
	}
	add(parser.RoleHeading, 1, "University Level Agreements")
	add(parser.RoleHeading, 2, "Asia")
	add(parser.RoleHeading, 3, "China")
	add(parser.RoleItem, 0, "* Peking University (1999.11.10)")
	add(parser.RoleHeading, 3, "Taiwan")
	add(parser.RoleItem, 0, "National Synchrotron Radiation Research Center (2020.3.13)")
	add(parser.RoleText, 0, "* indicates institutions with which TU has mutually agreed to waive fees.")
	d.Number()
	res, err := Normalize(d, Options{Institution: "Tohoku University"})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "Peking University", res.Records[0].Partner)
	assert.True(t, res.Records[0].FeeWaiver)
	assert.Equal(t, "TW", res.Records[1].CountryCode)
	assert.Equal(t, 0, res.Records[1].Source.Page)
	assert.Equal(t, 6, res.Records[1].Source.Row)
}

func TestSplitMarkers(t *testing.T) {
	tests := []struct {
		in, rest string
		markers  []string
	}{
		{"* Peking University", "Peking University", []string{"*"}},
		{"College of Engineering *", "College of Engineering", []string{"*"}},
		{"＊ 北京大学", "北京大学", []string{"*"}},
		{"♦★ Some University", "Some University", []string{"♦★"}},
		{"※1 Some University", "Some University", []string{"※1"}},
		{"A*B University", "A*B University", nil},
		{"Texas A&M University", "Texas A&M University", nil},
	}
	for _, tt := range tests {
		rest, m := splitMarkers(tt.in)
		assert.Equal(t, tt.rest, rest, tt.in)
		assert.Equal(t, tt.markers, m, tt.in)
	}
}

func TestLegendLines(t *testing.T) {
	tests := []struct {
		in, marker, flag string
	}{
		{"(* indicates institutions with which TU has mutually agreed to waive fees.)", "*", FlagFeeWaiver},
		{"† * indicates institutions which agree upon a mutual application, matriculation and tuition waivers for students from the partner institution.", "*", FlagFeeWaiver},
		{"※1 派遣のみ", "※1", FlagOutboundOnly},
		{"※2 受入れのみ", "※2", FlagInboundOnly},
		{"♦ 授業料不徴収", "♦", FlagFeeWaiver},
		{"★: Double degree program", "★", FlagDoubleDegree},
		{"# denotes a partner in the consortium", "#", "marker:#"},
	}
	for _, tt := range tests {
		m, def, ok := testContext().parseLegendLine(tt.in)
		require.True(t, ok, tt.in)
		assert.Equal(t, tt.marker, m, tt.in)
		l := &legend{}
		l.add(m, def, testContext().lx.Flag(def), "")
		assert.Equal(t, tt.flag, l.flag(m, ""), tt.in)
	}
	for _, not := range []string{
		"† † Where a partner institution's department has not been identified, the agreement has been concluded with the entire institution.",
		"* Peking University (1999.11.10)",
		"Total of 250 institutions",
	} {
		_, _, ok := testContext().parseLegendLine(not)
		assert.False(t, ok, not)
	}
}

// TestLegendsInALine: a line may define several markers, after the list's
// own name or not, a mark written against its meaning or apart; each
// meaning must name a flag and no institution, and a title comes before
// two legends at least, so that an entry with one mark and a flag word,
// or marks and names, stays an entry.
func TestLegendsInALine(t *testing.T) {
	type def struct{ marker, flag string }
	for _, tt := range []struct {
		in   string
		want []def
	}{
		{"学生交換協定 ※1 派遣のみ ※2 受入れのみ ★ダブル・ディグリー・プログラムあり",
			[]def{{"※1", FlagOutboundOnly}, {"※2", FlagInboundOnly}, {"★", FlagDoubleDegree}}},
		{"※1 派遣のみ ※2 受入れのみ ★ダブル・ディグリー・プログラムあり",
			[]def{{"※1", FlagOutboundOnly}, {"※2", FlagInboundOnly}, {"★", FlagDoubleDegree}}},
		{"★ダブル・ディグリー・プログラムあり", []def{{"★", FlagDoubleDegree}}},
		{"Student exchange: * outbound only, ** inbound only", []def{{"*", FlagOutboundOnly}, {"**", FlagInboundOnly}}},
		{"(※1 派遣のみ)（※2 受入れのみ）", []def{{"※1", FlagOutboundOnly}, {"※2", FlagInboundOnly}}},
		{"※1 派遣のみ", []def{{"※1", FlagOutboundOnly}}},
		{"★: Double degree program", []def{{"★", FlagDoubleDegree}}},
		// after a sentence of its line
		{"As of May 1, 2024. ♦: tuition exemption.", []def{{"♦", FlagFeeWaiver}}},
		{"2024年5月1日現在。 ※ 授業料不徴収", []def{{"※", FlagFeeWaiver}}},
		{"As of May 1, 2024 † Tuition exemption", []def{{"†", FlagFeeWaiver}}}, // (beside its as-of date)
		// the mark named, in brackets, in a sentence
		{"An asterisk (*) marks partners whose students are exempt from tuition.", []def{{"*", FlagFeeWaiver}}},
		{"As of May 1, 2021. An asterisk (*) marks partners whose students are exempt from tuition.", []def{{"*", FlagFeeWaiver}}},
		{"Partners marked with a dagger (†) waive tuition fees for exchange students", []def{{"†", FlagFeeWaiver}}},
		// TeX's math asterisk ($^*$)
		{"∗ tuition waiver", []def{{"*", FlagFeeWaiver}}},
	} {
		c := testContext()
		ls := c.legendsIn(tt.in)
		var got []def
		for _, l := range ls {
			got = append(got, def{l.marker, c.lx.Flag(l.definition)})
		}
		assert.Equal(t, tt.want, got, tt.in)
		m, _, ok := c.parseLegendLine(tt.in)
		require.True(t, ok, tt.in)
		assert.Equal(t, tt.want[0].marker, m, "the first legend, for those who ask for one")
	}
	for _, not := range []string{
		"Charles University ※1 派遣のみ",                   // an entry, one mark and a flag word after its name
		"★Technische Universität Wien (double degree)", // a name, its mark against it
		"* Peking University (1999.11.10) ★ double degree",
		"学生交換協定 ※1 派遣のみ ※1 受入れのみ", // a mark twice
		"※1 派遣のみ ※2 カレル大学",
		"★★",
		"Tsinghua University ♦ tuition waived",   // no sentence ends before the mark
		"Univ. of Tokyo. ♦ (2004.3.1)",           // after a sentence, no legend: no flag named
		"Tsinghua University (*) tuition waived", // a mark in brackets no word names
	} {
		assert.Empty(t, testContext().legendsIn(not), not)
	}
}

func TestDeclared(t *testing.T) {
	d := testContext().parseDeclared("64 countries and regions, 481 institutions", LevelDepartment, 7, 300)
	require.Len(t, d, 2)
	assert.Equal(t, 64, d[0].Count)
	assert.Equal(t, "countries", d[0].Unit)
	assert.Equal(t, 481, d[1].Count)
	assert.Equal(t, "institutions", d[1].Unit)
	d = testContext().parseDeclared("Total of 250 institutions", LevelUniversity, 1, 3)
	require.Len(t, d, 1)
	assert.Equal(t, 250, d[0].Count)
	d = testContext().parseDeclared("合計 120機関", "", 1, 3)
	require.Len(t, d, 1)
	assert.Equal(t, 120, d[0].Count)
	assert.Nil(t, testContext().parseDeclared("Peking University (1999.11.10)", "", 1, 1))
}

func TestAsOf(t *testing.T) {
	for in, want := range map[string]string{
		"(as of May 1, 2021)": "2021-05-01",
		"As of April 1, 2020": "2020-04-01",
		"2021年5月1日現在":         "2021-05-01",
		"（令和3年5月1日現在）":        "2021-05-01",
	} {
		got, ok := testContext().parseAsOf(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	_, ok := testContext().parseAsOf("University of Tokyo")
	assert.False(t, ok)
}

func TestListProseIsNotAHeading(t *testing.T) {
	d := &parser.Document{File: "list.html", Format: parser.FormatHTML}
	add := func(role parser.Role, level int, text string) {
		d.Blocks = append(d.Blocks, parser.Block{Line: &parser.Line{Text: text, Role: role, Level: level}})
	}
	add(parser.RoleText, 0, "Tohoku University has concluded agreements with the institutions below.")
	add(parser.RoleText, 0, "Asia")
	add(parser.RoleText, 0, "China (2)")
	add(parser.RoleItem, 0, "Peking University*")
	add(parser.RoleItem, 0, "*Fudan University (2001.4.19)")
	add(parser.RoleText, 0, "* fee waiver")
	d.Number()
	res, err := Normalize(d, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Empty(t, res.Unplaced)
	assert.Equal(t, "Peking University", res.Records[0].Partner)
	assert.True(t, res.Records[0].FeeWaiver)
	assert.Equal(t, "Asia", res.Records[0].Region)
	assert.Equal(t, "CN", res.Records[0].CountryCode)
	assert.Equal(t, "Fudan University", res.Records[1].Partner)
	assert.True(t, res.Records[1].FeeWaiver)
	require.Len(t, res.Declared, 1)
	assert.Equal(t, 2, res.Declared[0].Count)
}

// TestListJapaneseShapes: a Japanese list whose headings differ from its
// entries by shape, not by style.
func TestListJapaneseShapes(t *testing.T) {
	st := parser.Style{Font: "NotoSansCJKjp-Regular", Size: 10.5}
	doc := pdfDoc(
		lineSpec{text: "大学間交流協定締結校一覧", style: parser.Style{Font: "NotoSansCJKjp-Bold", Size: 14, Bold: true}},
		lineSpec{text: "（2021年5月1日現在）", style: st},
		lineSpec{text: "【アジア】", style: st},
		lineSpec{text: "■中華人民共和国", style: st},
		lineSpec{text: "＊北京大学（1999年11月10日）", style: st, bullet: true},
		lineSpec{text: "清華大学（平成10年8月31日）", style: st, bullet: true},
		lineSpec{text: "■大韓民国", style: st},
		lineSpec{text: "ソウル大学校（1998.7.8）", style: st, bullet: true},
		lineSpec{text: "＊印は授業料不徴収協定校", style: st},
	)
	res, err := Normalize(doc, Options{Institution: "東北大学"})
	require.NoError(t, err)
	require.Len(t, res.Records, 3)
	assert.Empty(t, res.Unplaced)
	r := res.Records[0]
	assert.Equal(t, "北京大学", r.Partner)
	assert.Equal(t, "Asia", r.Region)
	assert.Equal(t, "China", r.Country)
	assert.Equal(t, "1999-11-10", r.Signed)
	assert.True(t, r.FeeWaiver)
	assert.Equal(t, "2021-05-01", r.AsOf)
	assert.Equal(t, LevelUniversity, r.Level)
	assert.Equal(t, "1998-08-31", res.Records[1].Signed)
	assert.False(t, res.Records[1].FeeWaiver)
	assert.Equal(t, "KR", res.Records[2].CountryCode)
}

func TestJoinWrapped(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"East China University of Science and", "Technology"}, "East China University of Science and Technology"},
		{[]string{"ミュンヘン工科大", "学"}, "ミュンヘン工科大学"},
		{[]string{"大韓民", "国"}, "大韓民国"},
		{[]string{"北京大学", "School of Chemistry"}, "北京大学 School of Chemistry"},
		{[]string{"서울대학교", "공과대학"}, "서울대학교 공과대학"},
		{[]string{"（外部", "サイト）"}, "（外部サイト）"},
		{[]string{"a", "", "  b  "}, "a b"},
		// a hyphen broken at the line's end joins; one that stands for a
		// word's end said after it keeps its space
		{[]string{"School of Agro-", "Industry"}, "School of Agro-Industry"},
		{[]string{"Institute of Nano-", "and Biotechnologies (INB)"}, "Institute of Nano- and Biotechnologies (INB)"},
		{[]string{"Fakultät für Elektro-", "und Informationstechnik"}, "Fakultät für Elektro- und Informationstechnik"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, joinWrapped(tt.in), "%q", tt.in)
	}
}

func TestInstitutionFromTitle(t *testing.T) {
	tests := map[string]string{
		"学術交流協定校一覧 | 名古屋大学":                                      "名古屋大学",
		"Partner Universities - Kyoto University":                "Kyoto University",
		"International Exchange | Tohoku University | 東北大学":      "",
		"Academic Exchange Agreements with Foreign Institutions": "",
		"":                 "",
		"Osaka University": "Osaka University",
		"大学間交流協定 ｜ 大阪大学 国際部":                                     "大阪大学 国際部",
		"United Kingdom | Partners | Institut Teknologi Bandung": "Institut Teknologi Bandung",
		"Partner Institutions - Universitas Indonesia":           "Universitas Indonesia",
		"Institute of Science Tokyo | Partners":                  "Institute of Science Tokyo",
		// an institute that is a unit does not name the publisher
		"Partners | Research Institute for Sustainable Humanosphere": "",
	}
	for in, want := range tests {
		got, ok := testContext().institutionFromTitle(in)
		assert.Equal(t, want, got, in)
		assert.Equal(t, want != "", ok, in)
	}
}

// TestListGroupedByHomeUnit: a department-level list grouped by the home
// institution's units, then by country.
func TestListGroupedByHomeUnit(t *testing.T) {
	d := &parser.Document{File: "list.html", Format: parser.FormatHTML}
	add := func(role parser.Role, level int, text string) {
		d.Blocks = append(d.Blocks, parser.Block{Line: &parser.Line{Text: text, Role: role, Level: level}})
	}
	add(parser.RoleHeading, 1, "部局間協定")
	add(parser.RoleHeading, 2, "工学研究科")
	add(parser.RoleHeading, 3, "中国")
	add(parser.RoleItem, 0, "清華大学（2006年11月6日）")
	add(parser.RoleHeading, 3, "ドイツ")
	add(parser.RoleItem, 0, "アーヘン工科大学（1998年5月19日）")
	add(parser.RoleHeading, 2, "Graduate School of Medicine")
	add(parser.RoleHeading, 3, "China")
	add(parser.RoleItem, 0, "Harbin Medical University (2000.6.21)")
	d.Number()
	res, err := Normalize(d, Options{Institution: "東北大学"})
	require.NoError(t, err)
	require.Len(t, res.Records, 3)
	assert.Empty(t, res.Unplaced)
	assert.Equal(t, "工学研究科", res.Records[0].HomeUnit)
	assert.Equal(t, LevelDepartment, res.Records[0].Level)
	assert.Equal(t, "CN", res.Records[0].CountryCode)
	assert.Equal(t, "工学研究科", res.Records[1].HomeUnit)
	assert.Equal(t, "DE", res.Records[1].CountryCode)
	assert.Equal(t, "Graduate School of Medicine", res.Records[2].HomeUnit)
	assert.Equal(t, "Harbin Medical University", res.Records[2].Partner)
	assert.NotContains(t, res.Records[2].Repairs, "level:assumed_department", "the section said department")
}

// TestListLostPage: the headings on a page that could not be read are lost;
// entries after it are not filed under the group before it.
func TestListLostPage(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "University Level Agreements", style: stSection},
		lineSpec{text: "(Asia)", style: stRegion},
		lineSpec{text: "Vietnam", style: stCountry},
		item("* Thuyloi University (2019.2.23)"),
		item("* Pennsylvania State University (1988.11.29)"),
		item("* Purdue University (1997.9.23)"),
		lineSpec{text: "(Europe)", style: stRegion, page: 4},
		lineSpec{text: "Austria", style: stCountry},
		item("* Universität Wien (2010.2.24)"),
	)
	// Page 2 (where "(North America)" and "United States" stood) was lost;
	// the two US entries now open page 3.
	doc.Blocks[4].Line.Page, doc.Blocks[5].Line.Page = 3, 3
	doc.PageErrors = []error{&parser.Error{File: "list.pdf", Page: 2, Err: parser.ErrMalformed}}
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "Thuyloi University", res.Records[0].Partner)
	assert.Equal(t, "Universität Wien", res.Records[1].Partner)
	require.Len(t, res.Unplaced, 2)
	assert.Equal(t, "* Pennsylvania State University (1988.11.29)", res.Unplaced[0].Text)
	assert.Equal(t, 3, res.Unplaced[0].Page)
}

// Numbered entries and a copyright line at the foot of the page.
func TestListNumbersAndChrome(t *testing.T) {
	st := parser.Style{Font: "NotoSansCJKjp-Regular", Size: 10}
	doc := pdfDoc(
		lineSpec{text: "China", style: parser.Style{Font: "NotoSansCJKjp-Bold", Size: 12, Bold: true}},
		lineSpec{text: "1. Peking University (1999.11.10)", style: st},
		lineSpec{text: "2) Fudan University (2001.4.19)", style: st},
		lineSpec{text: "Copyright Tohoku University. All rights reserved.", style: st},
	)
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "Peking University", res.Records[0].Partner)
	assert.Equal(t, "Fudan University", res.Records[1].Partner)
	assert.Empty(t, res.Unplaced)
}

// Totals in a sentence set as a list item, and a section title that states
// its count.
func TestListTotalsInItemsAndTitles(t *testing.T) {
	st := parser.Style{Font: "NotoSansCJKjp-Regular", Size: 10}
	doc := pdfDoc(
		lineSpec{text: "Tokyo Tech has university-wide agreements with 103 universities and research institutions in 27 countries and regions, and school-to-school agreements with 146 universities and research institutions in 35 countries and regions.", style: st, bullet: true},
		lineSpec{text: "大学間協定 76校", style: parser.Style{Font: "NotoSansCJKjp-Bold", Size: 12, Bold: true}},
	)
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Records)
	var got []string
	for _, d := range res.Declared {
		got = append(got, fmt.Sprintf("%s %d %s", d.Level, d.Count, d.Unit))
	}
	assert.Equal(t, []string{"university 103 institutions", "university 27 countries", "department 146 institutions",
		"department 35 countries", "university 76 institutions"}, got)
}

// An entry whose date is cut after its year goes on on the next line.
func TestListDateWrappedAfterYear(t *testing.T) {
	st := parser.Style{Font: "NotoSansCJKjp-Regular", Size: 10}
	doc := pdfDoc(
		lineSpec{text: "イタリア", style: parser.Style{Font: "NotoSansCJKjp-Bold", Size: 10, Bold: true}},
		lineSpec{text: "Alma Mater Studiorum Università di Bologna — 部局間協定（GS Education）、平成 27 年", style: st, bullet: true},
		lineSpec{text: "4 月 20 日締結", style: st, x: 96},
		lineSpec{text: "Politecnico di Milano — 部局間協定（GS Engineering）、2015.8.1", style: st, bullet: true},
		lineSpec{text: "締結", style: st, x: 96},
	)
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "2015-04-20", res.Records[0].Signed)
	assert.Equal(t, "GS Education", res.Records[0].HomeUnit)
	assert.Equal(t, "Politecnico di Milano", res.Records[1].Partner)
	assert.Empty(t, res.Unplaced)
}

// The second line of an as-of phrase wrapped inside a group is no entry.
func TestListWrappedAsOf(t *testing.T) {
	st := parser.Style{Font: "NotoSansCJKjp-Regular", Size: 9.5}
	doc := pdfDoc(
		lineSpec{text: "Philippines", style: parser.Style{Font: "NotoSansCJKjp-Bold", Size: 10, Bold: true}},
		lineSpec{text: "University of the Philippines (2019)", style: st, bullet: true},
		lineSpec{text: "（2024年5月1日現在） (as of May", style: st, x: 300},
		lineSpec{text: "1, 2024)", style: st, x: 400},
	)
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 1)
	assert.Equal(t, "2024-05-01", res.AsOf)
	assert.Empty(t, res.Unplaced)
}

// TestCellFlag: a date or term cell that names a flag instead of a date,
// its words broken in a narrow column or not.
func TestCellFlag(t *testing.T) {
	c := testContext()
	for in, want := range map[string]string{
		"pending renewal":   FlagPending,
		"pendin g renewa l": FlagPending,
		"renewa l pendin g": FlagPending,
		"手続中":               FlagPending,
		"自動 延長":             FlagAutoRenewal,
		"no end date":       "",
		"2019. 4. 1":        "",
	} {
		assert.Equal(t, want, c.cellFlag(in), in)
	}
}

// TestOneRowTableAsLines: a table of one row that the extractor read as
// lines (its header bold, its cells apart on one line) gives its entry the
// date under the date column's name.
func TestOneRowTableAsLines(t *testing.T) {
	bold := parser.Style{Font: "NotoSansCJKjp-Bold", Size: 10.5, Bold: true}
	plain := parser.Style{Font: "NotoSansCJKjp-Regular", Size: 10.5}
	line := func(text string, x0, y, x1 float64, st parser.Style) parser.Block {
		// (tall line boxes, as a CJK font's: the header's reaches over the row under it)
		return parser.Block{Line: (&parser.Line{Page: 1, Text: text, Role: parser.RoleText}).Placed(parser.Box{X0: x0, Y0: y, X1: x1, Y1: y + 27.3}, st)}
	}
	doc := &parser.Document{File: "t.pdf", Format: parser.FormatPDF, Pages: 1, Blocks: []parser.Block{
		line("Oceania", 27.7, 450, 80, bold),
		line("Australia", 27.7, 474.3, 73.7, bold),
		line("Partner Institution", 30.7, 495.3, 127.1, bold),
		line("Date of Agreement", 415.3, 495.3, 511.4, bold),
		line("オーストラリア原子力科学技術機構（ANSTO）", 30.7, 514.0, 253.0, plain),
		line("8 April 2020", 415.3, 514.0, 472.0, plain),
	}}
	doc.Number()
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 1)
	r := res.Records[0]
	assert.Equal(t, []string{"オーストラリア原子力科学技術機構（ANSTO）", "2020-04-08", "AU"}, []string{r.Partner, r.Signed, r.CountryCode})
}

// A heading may name the region and the country at once, parted by a
// comma, a slash or a dash, either first ("Asia, China", "Europe / France",
// "Spain – Europe"), as a list typeset with one heading a group sets them;
// TeX's math asterisk ($^*$, "∗") after a name is the list's mark.
func TestHeadingNamesRegionAndCountry(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "Partner Universities", style: stTitle},
		lineSpec{text: "∗ tuition waiver", style: stNote},
		lineSpec{text: "Asia, China", style: stCountry},
		item("Northeastern University ∗ (1983.8.5)"),
		lineSpec{text: "Europe / France", style: stCountry},
		item("École Centrale de Lyon (2004.5.12)"),
		lineSpec{text: "Spain – Europe", style: stCountry},
		item("University of Granada ∗ (2012.9.27)"),
	)
	res, err := Normalize(doc, Options{Institution: "Tohoku University"})
	require.NoError(t, err)
	require.Len(t, res.Records, 3)
	var got [][4]string
	for _, r := range res.Records {
		got = append(got, [4]string{r.Region, r.CountryCode, r.Partner, fmt.Sprint(r.FeeWaiver)})
	}
	assert.Equal(t, [][4]string{
		{"Asia", "CN", "Northeastern University", "true"},
		{"Europe", "FR", "École Centrale de Lyon", "false"},
		{"Europe", "ES", "University of Granada", "true"},
	}, got)
	assert.Empty(t, res.Unplaced)
}
