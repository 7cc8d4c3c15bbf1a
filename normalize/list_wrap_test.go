package normalize

import (
	"testing"

	"github.com/agreements/agreements/parser"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A legend whose definition wraps onto a second line is read whole, and the
// second line is no entry.
func TestLegendWrapped(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "(* indicates institutions with which Tohoku University has mutually agreed to", style: stNote},
		lineSpec{text: "waive fees.)", style: stNote},
		lineSpec{text: "Norway", style: stCountry, gap: 10},
		lineSpec{text: "* University of Bergen (2017)", style: stEntry, bullet: true},
		lineSpec{text: "University of Oslo (2018)", style: stEntry, bullet: true},
	)
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.True(t, res.Records[0].FeeWaiver)
	assert.False(t, res.Records[1].FeeWaiver)
	assert.Empty(t, res.Unplaced)
}

// The dash before an entry's details, wrapped to the start of the next
// line, is no bullet when the entries have none.
func TestDashWrappedToLineStart(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "United Kingdom", style: stCountry},
		lineSpec{text: "King's College London, Dental Institute — School-to-school", style: stEntry},
		lineSpec{text: "agreement (GS Dentistry), concluded 2006. 8. 1", style: stEntry},
		lineSpec{text: "Science and Technology Facilities Council, Daresbury Laboratory", style: stEntry},
		lineSpec{text: "School-to-school agreement (IMRAM), concluded 1996.10. 1", style: stEntry},
	)
	doc.Blocks[4].Line.Bullet, doc.Blocks[4].Line.Role = "—", parser.RoleItem
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	r := res.Records[1]
	assert.Equal(t, "Science and Technology Facilities Council", r.Partner)
	assert.Equal(t, "Daresbury Laboratory", r.PartnerUnit)
	assert.Equal(t, "IMRAM", r.HomeUnit)
	assert.Equal(t, "1996-10-01", r.Signed)
	assert.Equal(t, LevelDepartment, r.Level)
}

// The dash wrapped to a line's start before details that wrap on in the
// middle of a word ("部局間協定 School-to-" / "school（School of Science）").
func TestDashWrappedBeforeWrappedDetails(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "Japan", style: stCountry},
		lineSpec{text: "Yamaguchi University (Agreement on", style: stEntry},
		lineSpec{text: "Academic Cooperation and", style: stEntry},
		lineSpec{text: "Exchange), The Faculty of Agriculture", style: stEntry},
		lineSpec{text: "部局間協定 School-to-", style: stEntry},
		lineSpec{text: "school（School of Science）", style: stEntry},
		lineSpec{text: "Tokyo University of Marine Science and Technology（大学間協定）", style: stEntry},
	)
	doc.Blocks[4].Line.Bullet, doc.Blocks[4].Line.Role = "—", parser.RoleItem
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	r := res.Records[0]
	assert.Equal(t, "Yamaguchi University", r.Partner)
	assert.Equal(t, LevelDepartment, r.Level)
	assert.Equal(t, "School of Science", r.HomeUnit)
}

// An entry broken by a page break goes on at the top of the next page when
// that line is indented as the entry's wrapped lines are.
func TestEntryBrokenByPage(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "Germany", style: stCountry},
		lineSpec{text: "15. Max Planck institut für Eisenforschung GMBH (MPIE) — 部局", style: stEntry, x: 156},
		lineSpec{text: "間協定 School-to-school（IMR）、2020/10/15 締結", style: stEntry, x: 173},
		lineSpec{text: "16. Max Planck Institute for Chemical Physics of Solids — 部局", style: stEntry, x: 156},
		lineSpec{text: "間協定 School-to-school（IMR）、2017/03/10 締結", style: stEntry, x: 173, page: 2},
		lineSpec{text: "17. Leibniz Institute for Solid State and Materials Research Dresden", style: stEntry, x: 156, page: 2},
	)
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 3)
	r := res.Records[1]
	assert.Equal(t, "Max Planck Institute for Chemical Physics of Solids", r.Partner)
	assert.Equal(t, "IMR", r.HomeUnit)
	assert.Equal(t, "2017-03-10", r.Signed)
	assert.Equal(t, "Leibniz Institute for Solid State and Materials Research Dresden", res.Records[2].Partner)
}

// In a list with dash bullets, a line that starts with another dash and
// holds only details, indented as wrapped lines are, continues the entry.
func TestDetailsDashInDashList(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "China", style: stCountry},
		lineSpec{text: "Beijing Institute of Technology, School of Management and Economics", style: stEntry, bullet: true},
		lineSpec{text: "部局間協定 School-to-school（Soec）、2005年締結", style: stEntry, bullet: true, x: 96},
		lineSpec{text: "East China Normal University, Faculty of Education Sciences — 部局間協定 School-to-school（Educa）、2006年締結", style: stEntry, bullet: true},
	)
	for _, i := range []int{1, 2, 3} {
		doc.Blocks[i].Line.Bullet = "–"
	}
	doc.Blocks[2].Line.Bullet = "—" // the details' dash, where the bullets are en dashes
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "Beijing Institute of Technology", res.Records[0].Partner)
	assert.Equal(t, "Soec", res.Records[0].HomeUnit)
	assert.Equal(t, "2005", res.Records[0].Signed)
}

// A legend in the running footer whose definition wraps is read whole.
func TestFooterLegendWrapped(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "France", style: stCountry},
		lineSpec{text: "* Albi-Carmaux School of Engineering (2017)", style: stEntry, bullet: true},
		lineSpec{text: "Ecole Centrale de Lyon (2018)", style: stEntry, bullet: true},
	)
	doc.Furniture = []parser.Line{
		parser.Line{Page: 1, Text: "(* indicates institutions with which Tohoku University has mutually agreed to"}.WithBox(parser.Box{X0: 72, Y0: 780, X1: 400, Y1: 790}),
		parser.Line{Page: 1, Text: "waive fees.)"}.WithBox(parser.Box{X0: 72, Y0: 790, X1: 120, Y1: 800}),
	}
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.True(t, res.Records[0].FeeWaiver)
	assert.False(t, res.Records[1].FeeWaiver)
}

// The details after a dash may themselves wrap on past the line.
func TestDetailsDashWrapOn(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "Germany", style: stCountry},
		lineSpec{text: "Max Planck Institute for Chemical Physics of Solids", style: stEntry, bullet: true},
		lineSpec{text: "School-to-school agreement (IMR), concluded", style: stEntry, bullet: true, x: 96},
		lineSpec{text: "2017. 3.10", style: stEntry, x: 96},
		lineSpec{text: "Max Planck Institute for Nuclear Physics — School-to-school agreement (IMRAM), concluded 2009.12.24", style: stEntry, bullet: true},
	)
	doc.Blocks[2].Line.Bullet = "—"
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "Max Planck Institute for Chemical Physics of Solids", res.Records[0].Partner)
	assert.Equal(t, "IMR", res.Records[0].HomeUnit)
	assert.Equal(t, "2017-03-10", res.Records[0].Signed)
}

// An entry whose bracketed details wrap is no section title, whatever level
// word its first line holds.
func TestEntryOpenBracketNoTitle(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "Australia", style: stCountry},
		lineSpec{text: "オーストラリア原子力科学技術機構（ANSTO） (University-wide, 8 April", style: stEntry},
		lineSpec{text: "2020)", style: stEntry},
		lineSpec{text: "Monash University (University-wide, 1 May 2019)", style: stEntry},
	)
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "オーストラリア原子力科学技術機構（ANSTO）", res.Records[0].Partner)
	assert.Equal(t, "2020-04-08", res.Records[0].Signed)
}

// The group a table ends in goes on for the lines after it (the table's
// last row set alone on a page, read as lines), and the table's header
// printed again as lines is no unknown group.
func TestTableGroupsGoOnAfterTable(t *testing.T) {
	doc := tdoc(nil, tbl(
		[]string{"Partner Institution", "Department at Tohoku University", "Date of Agreement"},
		[]string{"Spain", "<", "<"},
		[]string{"University of Barcelona", "GS Science", "2016-07-01"},
	))
	for _, text := range []string{"Partner Institution", "Department at Tohoku University", "Date of Agreement",
		"Institute for Research in Biomedicine (IRB Barcelona) (GS Pharmaceutical Sciences, 2016-08-01)"} {
		l := &parser.Line{Page: 2, Text: text, Role: parser.RoleText}
		doc.Blocks = append(doc.Blocks, parser.Block{Line: l})
	}
	doc.Number()
	res, err := Normalize(doc, Options{Institution: "Tohoku University"})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "ES", res.Records[1].CountryCode)
	assert.Equal(t, "Institute for Research in Biomedicine (IRB Barcelona)", res.Records[1].Partner)
	assert.Empty(t, res.Unplaced)
}

// A Japanese entry whose unit stands on a line of its own under the
// institution: the joined lines keep the two apart.
func TestJapaneseUnitOnItsLine(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "アメリカ合衆国 United States（2）", style: stCountry},
		lineSpec{text: "ハーバード大学", style: stEntry},
		lineSpec{text: "エドウィン・O・ライシャワー日本研究所 — 部局間協定 School-to-school（災害科学国際研究所）、6/13/2014 締結", style: stEntry},
		lineSpec{text: "ミシガン大学", style: stEntry, gap: 3},
		lineSpec{text: "工学部 — 部局間協定 School-to-school（流体科学研究所）、5/18/2020 締結", style: stEntry},
	)
	res, err := Normalize(doc, Options{MonthFirst: true})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "ハーバード大学", res.Records[0].Partner)
	assert.Equal(t, "エドウィン・O・ライシャワー日本研究所", res.Records[0].PartnerUnit)
	assert.Equal(t, "ミシガン大学", res.Records[1].Partner)
	assert.Equal(t, "工学部", res.Records[1].PartnerUnit)
}

// A heading wrapped in a narrow column is read whole.
func TestHeadingWrapped(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "EUROPE", style: stRegion},
		lineSpec{text: "UNITED KINGDOM", style: stCountry},
		lineSpec{text: "University of East Anglia (December 14, 2018)", style: stEntry, bullet: true},
		lineSpec{text: "INTERNATIONAL", style: stRegion},
		lineSpec{text: "ORGANIZATION", style: stRegion},
		lineSpec{text: "ITER International Fusion Energy Organization (December 24, 2013)", style: stEntry, bullet: true},
	)
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "Europe", res.Records[0].Region)
	assert.Equal(t, "International Organization", res.Records[1].Region)
	assert.Empty(t, res.Unplaced)
}

// The pieces of one line that the extractor set apart (a justified line's
// wide gaps) make one entry.
func TestLinePiecesOnOneBaseline(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "CHINA", style: stCountry},
		lineSpec{text: "Dalian", style: stEntry, bullet: true},
		lineSpec{text: "University", style: stEntry},
		lineSpec{text: "of", style: stEntry},
		lineSpec{text: "Technology (June 16, 2007)", style: stEntry},
		lineSpec{text: "Yangzhou University (June 20, 2008)", style: stEntry, bullet: true},
	)
	first := doc.Blocks[1].Line
	for k, x := range []float64{0, 66, 125} {
		l := doc.Blocks[1+k].Line
		fb := first.Box()
		l.SetBox(parser.Box{X0: fb.X0 + x, Y0: fb.Y0, X1: fb.X0 + x + 45, Y1: fb.Y1})
	}
	next := doc.Blocks[4].Line
	editBox(next, func(b *parser.Box) { b.X0, b.Y0, b.Y1 = first.Box().X0, first.Box().Y1+1, first.Box().Y1+12 })
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "Dalian University of Technology", res.Records[0].Partner)
	assert.Equal(t, "2007-06-16", res.Records[0].Signed)
}

// A legend whose bracket closes on the next line takes that line, though
// its first line names the flag alone; a bullet drawn apart from its text
// is no line of its own.
func TestLegendBracketClosesOnNextLine(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "(* indicates institutions with which Tohoku University has mutually agreed to waive", style: stNote},
		lineSpec{text: "fees.)", style: stNote},
		lineSpec{text: "China", style: stCountry, gap: 10},
		lineSpec{text: "* Fudan University (1999)", style: stEntry, bullet: true},
		lineSpec{text: "•", style: stEntry},
		lineSpec{text: "Tongji University (2001)", style: stEntry, bullet: true},
	)
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.True(t, res.Records[0].FeeWaiver)
	assert.Empty(t, res.Unplaced)
}

// A small table set as lines under a group heading: its column names (one
// wrapped onto two lines) are no group, and the marker in its own column on
// the entry's baseline is the entry's.
func TestTableSetAsLines(t *testing.T) {
	stHead := parser.Style{Font: "LiberationSans-Bold", Size: 9.5, Bold: true}
	doc := pdfDoc(
		lineSpec{text: "(* indicates institutions with which Tohoku University has mutually agreed to waive fees.)", style: stNote},
		lineSpec{text: "Europe", style: stHead, gap: 8},
		lineSpec{text: "Austria", style: stHead},
		lineSpec{text: "Partner Institution", style: stHead},
		lineSpec{text: "Tuition", style: stHead},
		lineSpec{text: "Exemption", style: stHead},
		lineSpec{text: "Universität Wien (University-wide, February 24, 2010)", style: stEntry},
		lineSpec{text: "*", style: stEntry},
		lineSpec{text: "Technische Universität Wien (University-wide, March 1, 2012)", style: stEntry},
	)
	// The column names and the marker stand to the right, on the baselines
	// of the lines before them.
	for _, k := range []int{4, 7} {
		l, before := doc.Blocks[k].Line, doc.Blocks[k-1].Line
		l.SetBox(parser.Box{X0: 420, Y0: before.Box().Y0, X1: 430, Y1: before.Box().Y1})
	}
	editBox(doc.Blocks[5].Line, func(b *parser.Box) { b.X0 = 420 })
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	assert.Equal(t, "AT", res.Records[0].CountryCode)
	assert.True(t, res.Records[0].FeeWaiver)
	assert.Equal(t, "AT", res.Records[1].CountryCode)
	assert.False(t, res.Records[1].FeeWaiver)
	assert.Empty(t, res.Unplaced)
}

// Entries without bullets whose name or details wrap: a line starts an
// entry when it and the lines after it read as one, its details in
// brackets, where it does not alone.
func TestUnbulletedEntriesThatWrap(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "North America", style: stRegion},
		lineSpec{text: "Canada", style: stCountry},
		lineSpec{text: "University of Waterloo * (University-wide,", style: stEntry, x: 82},
		lineSpec{text: "平成18年10月30日)", style: stEntry, x: 82},
		lineSpec{text: "The University of British Columbia *", style: stEntry, x: 82},
		lineSpec{text: "(University-wide, 平成30年8月17日)", style: stEntry, x: 82},
		lineSpec{text: "United States of America", style: stCountry},
		lineSpec{text: "National Institutes of Health of the", style: stEntry, x: 82},
		lineSpec{text: "Department of Health and Human", style: stEntry, x: 82},
		lineSpec{text: "Services * (University-wide, 平成25年5月9", style: stEntry, x: 82},
		lineSpec{text: "日)", style: stEntry, x: 82},
	)
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 3)
	assert.Equal(t, "University of Waterloo", res.Records[0].Partner)
	assert.Equal(t, "2006-10-30", res.Records[0].Signed)
	assert.Equal(t, "The University of British Columbia", res.Records[1].Partner)
	assert.Equal(t, "National Institutes of Health of the Department of Health and Human Services", res.Records[2].Partner)
	assert.Equal(t, "US", res.Records[2].CountryCode)
	assert.Equal(t, "2013-05-09", res.Records[2].Signed)
	assert.Empty(t, res.Unplaced)
}

// An entry whose first line ends in its level words after a dash is no
// section title, and a date cut after its year ("2009." / "4.15 締結") goes
// on to the next line.
func TestEntryLinesThatLookLikeTitles(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "大韓民国 South Korea", style: stCountry},
		lineSpec{text: "Korea Institute of Science and Technology (KIST) — 部局間協定 School-to-", style: stEntry, x: 80},
		lineSpec{text: "school（IMR）、1989.11.15 締結", style: stEntry, x: 80},
		lineSpec{text: "Korea Maritime University, College of Engineering — 部局間協定 School-to-school（IMR）、2009.", style: stEntry, x: 80},
		lineSpec{text: "4.15 締結", style: stEntry, x: 80},
		lineSpec{text: "Korea Polar Research Institute — 部局間協定 School-to-school（GS Science）、2017.12.11 締結", style: stEntry, x: 80},
	)
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 3)
	for _, r := range res.Records {
		assert.Equal(t, "KR", r.CountryCode, r.Partner)
		assert.Equal(t, LevelDepartment, r.Level, r.Partner)
	}
	assert.Equal(t, "1989-11-15", res.Records[0].Signed)
	assert.Equal(t, "2009-04-15", res.Records[1].Signed)
	assert.Empty(t, res.Unplaced)
}

// A flag column's name wrapped under itself, one word right under it, is
// read whole and ends no group.
func TestColumnNameWrappedUnderItself(t *testing.T) {
	stHead := parser.Style{Font: "NotoSansCJKjp-Bold", Size: 8.5, Bold: true}
	doc := pdfDoc(
		lineSpec{text: "♦ 授業料不徴収 Tuition Exemption", style: stNote},
		lineSpec{text: "国際機関 International Organization（1）", style: stHead, gap: 8},
		lineSpec{text: "相手機関名 Partner Institution", style: stHead},
		lineSpec{text: "授業料不徴収 Tuition", style: stHead, x: 420},
		lineSpec{text: "Exemption", style: stHead, x: 420},
		lineSpec{text: "国際連合大学（大学間協定 University-wide、2019.8.19）", style: stEntry},
	)
	// The flag column's name stands on the baseline of the partner's.
	a, b := doc.Blocks[2].Line, doc.Blocks[3].Line
	editBox(b, func(bb *parser.Box) { bb.Y0, bb.Y1 = a.Box().Y0, a.Box().Y1 })
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 1)
	assert.Equal(t, "International Organization", res.Records[0].Region)
	assert.Empty(t, res.Unplaced)
}

// A table of one column set as lines without rules, one name a line set
// solid, under the column's name: each line that names a university of
// its own, after a line whose name is whole, is an entry; a name cut after
// a joining word or a comma goes on. The column's name is no entry. The
// same names in a table of one column read the same.
func TestOneNameALineSetSolid(t *testing.T) {
	want := []string{"Hiroshima University", "Juntendo University", "Nagaoka University of Technology", "Universiti Putra Malaysia", "Stony Brook University, The State University of New York", "Meio University"}
	doc := pdfDoc(
		lineSpec{text: "Japan", style: stCountry},
		lineSpec{text: "Partner Institution", style: stEntry},
		lineSpec{text: "Hiroshima University", style: stEntry},
		lineSpec{text: "Juntendo University", style: stEntry},
		lineSpec{text: "Nagaoka University of", style: stEntry},
		lineSpec{text: "Technology", style: stEntry},
		lineSpec{text: "Universiti Putra Malaysia", style: stEntry},
		lineSpec{text: "Stony Brook University, The State", style: stEntry},
		lineSpec{text: "University of New York", style: stEntry},
		lineSpec{text: "Meio University (2019)", style: stEntry},
	)
	res, err := Normalize(doc, Options{})
	require.NoError(t, err)
	var got []string
	for _, r := range res.Records {
		got = append(got, r.Partner)
	}
	assert.Equal(t, want, got, "lines")

	rows := [][]string{{"Partner Institution"}}
	for _, p := range want[:len(want)-1] {
		rows = append(rows, []string{p})
	}
	rows = append(rows, []string{"Meio University (2019)"})
	res, err = Normalize(tdoc([]string{"# Japan"}, tbl(rows...)), Options{})
	require.NoError(t, err)
	got = nil
	for _, r := range res.Records {
		got = append(got, r.Partner)
	}
	assert.Equal(t, want, got, "table")
}

// A table of two columns set as lines: the line on an entry's line under
// the name of the partner's unit's column is the entry's unit, as the
// cell of a table of the same rows is.
func TestUnitColumnSetAsLines(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "Laos", style: stCountry},
		lineSpec{text: "Partner Institution", style: stEntry},
		lineSpec{text: "Partner's Department", style: stEntry, x: 400, gap: -14},
		lineSpec{text: "Ministry of Science and", style: stEntry},
		lineSpec{text: "Department of Planning and Cooperation", style: stEntry, x: 400, gap: -14},
		lineSpec{text: "Technology", style: stEntry},
		lineSpec{text: "National University of Laos (2019)", style: stEntry},
	)
	tb := tbl(
		[]string{"Partner Institution", "Partner's Department"},
		[]string{"Ministry of Science and Technology", "Department of Planning and Cooperation"},
		[]string{"National University of Laos (2019)", ""},
	)
	for name, d := range map[string]*parser.Document{"lines": doc, "table": tdoc([]string{"# Laos"}, tb)} {
		res, err := Normalize(d, Options{})
		require.NoError(t, err)
		var got [][2]string
		for _, r := range res.Records {
			got = append(got, [2]string{r.Partner, r.PartnerUnit})
		}
		assert.Equal(t, [][2]string{{"Ministry of Science and Technology", "Department of Planning and Cooperation"}, {"National University of Laos", ""}}, got, name)
	}
}

// The lines of a one-column table the extractor did not take as one,
// rules between its rows (RuledAbove), set as close as wrapped lines: one
// entry a line, read as lines or as the table's rows; a row of two lines
// with no rule between them, the second a unit's name, is one entry.
func TestRuledLinesAreEntries(t *testing.T) {
	names := []string{"Hiroshima University", "Juntendo University", "Meio University (Cooperation Agreement)"}
	specs := []lineSpec{{text: "Japan", style: stCountry}}
	for _, n := range names {
		specs = append(specs, lineSpec{text: n, style: stEntry})
	}
	specs = append(specs, lineSpec{text: "Laos", style: stCountry},
		lineSpec{text: "Ministry of Science and Technology", style: stEntry},
		lineSpec{text: "Department of Planning and Cooperation", style: stEntry})
	lines := pdfDoc(specs...)
	for i := 2; i <= len(names); i++ {
		lines.Blocks[i].Line.RuledAbove = true
	}
	table := tdoc(nil, tbl(
		[]string{"Partner Institution"},
		[]string{"Japan"},
		[]string{names[0]},
		[]string{names[1]},
		[]string{names[2]},
		[]string{"Laos"},
		[]string{"Ministry of Science and Technology\nDepartment of Planning and Cooperation"},
	))
	for name, doc := range map[string]*parser.Document{"lines": lines, "table": table} {
		res, err := Normalize(doc, Options{})
		require.NoError(t, err, name)
		var got [][3]string
		for _, r := range res.Records {
			got = append(got, [3]string{r.CountryCode, r.Partner, r.PartnerUnit})
		}
		assert.Equal(t, [][3]string{
			{"JP", "Hiroshima University", ""},
			{"JP", "Juntendo University", ""},
			{"JP", "Meio University", ""},
			{"LA", "Ministry of Science and Technology", "Department of Planning and Cooperation"},
		}, got, name)
	}
}

// An institution named after its founder and its place, its unit on a
// line of its own, in a table's cell or as a list entry's lines.
func TestInstitutionOfPlaceThenUnitLine(t *testing.T) {
	lines := pdfDoc(lineSpec{text: "United States", style: stCountry},
		lineSpec{text: "Carnegie Institution of Washington", style: stEntry, bullet: true},
		lineSpec{text: "Geophysical Laboratory", style: stEntry, x: 84},
		lineSpec{text: "Cornell University", style: stEntry, bullet: true})
	table := tdoc(nil, tbl(
		[]string{"Country", "Partner Institution", "Date"},
		[]string{"United States", "Carnegie Institution of Washington\nGeophysical Laboratory", "2008.12.1"},
		[]string{"", "Cornell University", "2010.4.1"},
	))
	for name, doc := range map[string]*parser.Document{"lines": lines, "table": table} {
		res, err := Normalize(doc, Options{})
		require.NoError(t, err, name)
		require.Len(t, res.Records, 2, name)
		assert.Equal(t, "Carnegie Institution of Washington", res.Records[0].Partner, name)
		assert.Equal(t, "Geophysical Laboratory", res.Records[0].PartnerUnit, name)
	}
}

// A legend set as a list item ("* 授業料不徴収 Tuition Exemption", the
// extractor reading its marker as the bullet), in a smaller style than the
// entries, whose bullets are drawn apart from the text: the legend does not
// set the entries' style, so the entries and their wrapped lines are not
// taken for headings.
func TestLegendItemSetsNoEntryStyle(t *testing.T) {
	stNoteCJK := parser.Style{Font: "NotoSansCJKjp-Regular", Size: 8.5}
	stText := parser.Style{Font: "NotoSansCJKjp-Regular", Size: 10}
	for name, heads := range map[string][2]parser.Style{
		"larger": {{Font: "NotoSansCJKjp-Regular", Size: 15}, {Font: "NotoSansCJKjp-Regular", Size: 12.5}},
		"bold":   {{Font: "NotoSansCJKjp-Bold", Size: 10, Bold: true}, {Font: "NotoSansCJKjp-Bold", Size: 10, Bold: true}},
	} {
		for _, marker := range []string{"*", "♦"} {
			t.Run(name+" "+marker, func(t *testing.T) {
				doc := pdfDoc(
					lineSpec{text: "授業料不徴収 Tuition Exemption", style: stNoteCJK, bullet: true},
					lineSpec{text: "アジア Asia", style: heads[0], gap: 8},
					lineSpec{text: "マレーシア Malaysia", style: heads[1]},
					lineSpec{text: "Monash University Sunway Campus — 部局間協定 School-to-school（GS Biomedical", style: stText, x: 80},
					lineSpec{text: "Engineering）、H26.1.6 締結", style: stText, x: 80},
					lineSpec{text: "Universiti Malaysia Perlis " + marker + " — 部局間協定 School-to-school（GS Biomedical Engineering）、R2.2.7", style: stText, x: 80},
					lineSpec{text: "締結", style: stText, x: 80},
					lineSpec{text: "Temasek Polytechnic — 部局間協定 School-to-school（IDAC）、H25.7.15 締結", style: stText, x: 80},
				)
				doc.Blocks[0].Line.Bullet = marker
				res, err := Normalize(doc, Options{})
				require.NoError(t, err)
				assert.Equal(t, []brief{
					{"department", "Asia", "MY", "Monash University Sunway Campus", "", "GS Biomedical Engineering", "2014-01-06", false},
					{"department", "Asia", "MY", "Universiti Malaysia Perlis", "", "GS Biomedical Engineering", "2020-02-07", true},
					{"department", "Asia", "MY", "Temasek Polytechnic", "", "IDAC", "2013-07-15", false},
				}, briefs(res.Records))
				assert.Empty(t, res.Unplaced)
			})
		}
	}
}

// A list whose wrapped lines the extractor took for a table of two columns
// (bullets, text) right under an entry: the table's lines are the list's,
// its first line without a bullet the wrapped end of the entry above it,
// and its last entry goes on after it. The table holds one bullet, or
// several.
func TestListGoesOnThroughABulletTable(t *testing.T) {
	for name, rows := range map[string][][2]string{
		"one bullet": {
			{"", "Haute Bretagne (3"},
			{"", "December 1999)"},
			{"•", "Communauté Université Grenoble-Alpes (31"},
		},
		"two bullets": {
			{"", "Haute Bretagne (3"},
			{"", "December 1999)"},
			{"•", "Université de Rennes 1 (20 December 2000)"},
			{"•", "Communauté Université Grenoble-Alpes (31"},
		},
	} {
		t.Run(name, func(t *testing.T) {
			doc := pdfDoc(
				lineSpec{text: "Europe", style: stRegion},
				lineSpec{text: "France", style: stCountry},
				item("Sorbonne University (19 August 1999)"),
				item("Université Rennes 2"),
			)
			last := doc.Blocks[len(doc.Blocks)-1].Line
			y := last.Box().Y1 + 2.5
			tb := &parser.Table{Method: "test"}
			for _, r := range rows {
				box := parser.Box{X0: 72, Y0: y, X1: 384, Y1: y + 11.5}
				tb.Rows = append(tb.Rows, parser.Row{Page: 1, Cells: []parser.Cell{
					parser.Cell{Text: r[0], ColSpan: 1, RowSpan: 1}.WithBox(parser.Box{X0: 72, Y0: y, X1: 84, Y1: y + 11.5}),
					parser.Cell{Text: r[1], ColSpan: 1, RowSpan: 1}.WithBox(parser.Box{X0: 84, Y0: y, X1: 384, Y1: y + 11.5}),
				}}.WithBox(box))
				y += 14
			}
			doc.Blocks = append(doc.Blocks, parser.Block{Table: tb})
			after := (&parser.Line{Page: 1, Text: "March 2000)", Role: parser.RoleText}).Placed(
				parser.Box{X0: 84, Y0: y, X1: 200, Y1: y + 11.5}, stEntry)
			doc.Blocks = append(doc.Blocks, parser.Block{Line: after})
			doc.Number()
			res, err := Normalize(doc, Options{})
			require.NoError(t, err)
			want := []brief{
				{"university", "Europe", "FR", "Sorbonne University", "", "", "1999-08-19", false},
				{"university", "Europe", "FR", "Université Rennes 2 Haute Bretagne", "", "", "1999-12-03", false},
			}
			if name == "two bullets" {
				want = append(want, brief{"university", "Europe", "FR", "Université de Rennes 1", "", "", "2000-12-20", false})
			}
			want = append(want, brief{"university", "Europe", "FR", "Communauté Université Grenoble-Alpes", "", "", "2000-03-31", false})
			assert.Equal(t, want, briefs(res.Records))
			assert.Empty(t, res.Unplaced)
		})
	}
}
