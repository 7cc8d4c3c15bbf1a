package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// solidRows sets a table's lines 11 pt apart from y 100 (set solid, as a
// browser or a spreadsheet prints rows without padding), each cell that
// has text at its column's start, in 8 pt.
func solidRows(cols []float64, lines ...[]string) []Word {
	var out []Word
	for i, cells := range lines {
		for k, c := range cells {
			if c != "" {
				w := tw(c, cols[k], 100+11*float64(i))
				w.Style.Size = 8
				out = append(out, w)
			}
		}
	}
	return out
}

// A table set solid whose header's first lines lead its cells over the
// line that holds them all sets every cell at the bottom of its row (the
// header's lines stay two rows, which the reader joins): the
// line under the header of one narrow column's text is the first row's
// first line (not the header's cell going on), and a row goes on down to
// the line of its one-line cells, under the last lines of its wrapped
// ones. In Japanese (a kind cell of three lines, "大学" / "間協" / "定")
// and in English.
func TestStreamSolidRowsSetAtTheBottom(t *testing.T) {
	for name, c := range map[string]struct {
		cols  []float64
		lines [][]string
		want  [][]string
	}{
		"ja": {
			[]float64{50, 110, 250, 300, 340, 420},
			[][]string{
				{"国・地", "", "協定", "本学"},
				{"域", "相手機関名", "種別", "部局", "締結年月日", "有効期限"},
				{"", "", "大学"},
				{"アルゼ", "Universidad de", "間協", "", "1999,"},
				{"ンチン", "Tucuman", "定", "―", "11/17/2008", "none"},
				{"", "", "大学"},
				{"ブラジ", "Universidade de", "間協"},
				{"ル", "Uberlandia", "定", "―", "1/25/2018", "1/24/2023"},
				{"", "", "大学"},
				{"", "", "間協"},
				{"チリ", "Concepcion", "定", "―", "6/24/2002", "none"},
			},
			[][]string{
				{"国・地", "", "協定", "本学", "", ""},
				{"域", "相手機関名", "種別", "部局", "締結年月日", "有効期限"},
				{"アルゼ ンチン", "Universidad de Tucuman", "大学 間協 定", "―", "1999, 11/17/2008", "none"},
				{"ブラジ ル", "Universidade de Uberlandia", "大学 間協 定", "―", "1/25/2018", "1/24/2023"},
				{"チリ", "Concepcion", "大学 間協 定", "―", "6/24/2002", "none"},
			},
		},
		"en": {
			[]float64{50, 110, 250, 330, 400},
			[][]string{
				{"Country /", "", "Type of", "Home"},
				{"Region", "Partner", "Agreement", "Unit", "Date"},
				{"", "", "Student"},
				{"", "Umea", "Exchange", "", "May 1,"},
				{"Sweden", "University", "MoU", "GSE", "1997"},
				{"", "", "Student"},
				{"", "Oslo", "Exchange", "", "June 3,"},
				{"Norway", "University", "MoU", "GSL", "2004"},
			},
			[][]string{
				{"Country /", "", "Type of", "Home", ""},
				{"Region", "Partner", "Agreement", "Unit", "Date"},
				{"Sweden", "Umea University", "Student Exchange MoU", "GSE", "May 1, 1997"},
				{"Norway", "Oslo University", "Student Exchange MoU", "GSL", "June 3, 2004"},
			},
		},
	} {
		p := page(1, solidRows(c.cols, c.lines...), nil)
		tabs := pageTables(&p)
		require.Len(t, tabs, 1, name)
		assert.Equal(t, c.want, texts(tabs[0].table), name)
	}
}

// Under a header of one line, a first row that holds a date and whose
// cells go on under it sets its cells at the top, though the header
// stands over fewer columns (a header spanning two): the lines under the
// row are its cells going on, not the next row's first lines.
func TestStreamRowUnderAOneLineHeaderSetAtTheTop(t *testing.T) {
	cols := []float64{50, 110, 200, 330, 400}
	p := page(1, solidRows(cols,
		[]string{"Area / Country", "", "Partner", "Unit", "Date"},
		[]string{"Asia", "UAE", "United Arab", "IDAC", "10 July 2016"},
		[]string{"", "", "Emirates"},
		[]string{"", "", "University"},
		[]string{"Africa", "Egypt", "Ain Shams", "IRIDeS", "5 August 2020"},
		[]string{"", "", "University"},
	), nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	got := texts(tabs[0].table)
	require.Len(t, got, 3)
	assert.Equal(t, []string{"Asia", "UAE", "United Arab Emirates University", "IDAC", "10 July 2016"}, got[1])
	assert.Equal(t, []string{"Africa", "Egypt", "Ain Shams University", "IRIDeS", "5 August 2020"}, got[2])
}

// A header whose narrow cells take three lines, their first two on lines
// of their own over the header's line ("締結" / "年月 | 授業料" over "… | 日
// | 不徴収"), sets its cells at the bottom: each row's date has its first
// line over the row ("平成" / "17年"), and that line is the row's, not the
// header's cell going on. One line of a group's name over a header set at
// the top is no such first line: the header's cells go on under it
// ("Partner" / "Institution"), and the rows under it are read apart. Nor
// are a title's lines over a header's first line in other columns
// ("Inter-School Agreements" over "| Type of | | Year"): they stay apart
// from the header.
func TestStreamHeaderOfThreeLinesSetAtTheBottom(t *testing.T) {
	cols := []float64{50, 150, 280, 330, 380}
	p := page(1, solidRows(cols,
		[]string{"", "", "", "締結"},
		[]string{"", "", "", "年月", "授業料"},
		[]string{"相手機関名", "相手部局", "区分", "日", "不徴収"},
		[]string{"", "", "", "平成"},
		[]string{"Beijing Institute", "School of Management", "Soec", "17年"},
		[]string{"", "", "", "平成"},
		[]string{"East China Normal", "Faculty of Education", "Educa", "18年", "♦"},
	), nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	got := texts(tabs[0].table)
	require.GreaterOrEqual(t, len(got), 2)
	assert.Equal(t, [][]string{
		{"Beijing Institute", "School of Management", "Soec", "平成 17年", ""},
		{"East China Normal", "Faculty of Education", "Educa", "平成 18年", "♦"},
	}, got[len(got)-2:])

	cols = []float64{50, 200, 330}
	p = page(1, solidRows(cols,
		[]string{"Malaysia"},
		[]string{"Partner", "Type of Agreement", "Department at Mae"},
		[]string{"Institution", "", "Fah Luang University"},
		[]string{"Universiti Putra Malaysia", "University-wide", "―"},
		[]string{"Universiti Tunku Abdul", "University-wide", "―"},
		[]string{"Rahman (UTAR)"},
	), nil)
	tabs = pageTables(&p)
	require.Len(t, tabs, 1)
	got = texts(tabs[0].table)
	require.GreaterOrEqual(t, len(got), 2)
	assert.Equal(t, [][]string{
		{"Universiti Putra Malaysia", "University-wide", "―"},
		{"Universiti Tunku Abdul Rahman (UTAR)", "University-wide", "―"},
	}, got[len(got)-2:])

	cols = []float64{50, 200, 280, 400}
	p = page(1, solidRows(cols,
		[]string{"Inter-School Agreements"},
		[]string{"(as of May 1, 2024)"},
		[]string{"", "Type of", "", "Year"},
		[]string{"Partner Institution", "Agreement", "Department at Nagoya", "Concluded"},
		[]string{"ASIA (24)"},
		[]string{"Bangladesh Agricultural University", "School-to-school", "Agr", "平成12年"},
		[]string{"Central South University", "School-to-school", "Engg", "昭和60年"},
	), nil)
	for _, tab := range pageTables(&p) {
		for _, row := range texts(tab.table) {
			assert.NotContains(t, row[0], "Agreements (as of May 1, 2024) Partner", "a title's lines are no header's")
		}
	}
}

// A row's foot line whose words in some columns stand lower than the
// rest (two scripts in two fonts: "ンター 災害科学国際研究所" beside
// "Europe Germany 2020/06/01") is still set solid under the row's first
// lines, under a bold header set at the bottom: they are its row's, not
// the row above's cell going on.
func TestStreamFootLineOfTwoFontsSetAtTheBottom(t *testing.T) {
	cols := []float64{50, 150, 250, 340, 420}
	for name, rows := range map[string][][]string{
		"ja": {
			{"", "", "", "", "Date of"},
			{"Area", "Country", "Partner Institution", "Level", "Agreement"},
			{"", "", "国立台湾師範大学"},
			{"Asia", "Taiwan", "教育学院", "教育学研究科", "2018/07/31"},
			{"", "", "ダルムシュタット工科"},
			{"", "", "大学"},
			{"", "", "LOEWE emergenCITY"},
			{"Europe", "Germany", "センター", "災害科学国際研究所", "2020/06/01"},
		},
		"en": {
			{"", "", "", "", "Date of"},
			{"Area", "Country", "Partner Institution", "Level", "Agreement"},
			{"", "", "Nat. Taiwan Normal"},
			{"Asia", "Taiwan", "University", "GSE", "2018/07/31"},
			{"", "", "Technische"},
			{"", "", "Universitat"},
			{"", "", "Darmstadt LOEWE"},
			{"Europe", "Germany", "emergenCITY", "IRIDeS", "2020/06/01"},
		},
	} {
		words := solidRows(cols, rows...)
		for k := range words {
			// the header in bold; the foot lines' words in the first
			// two columns and the last, in the other font, set 2.5 pt
			// lower
			w := &words[k]
			w.Style.Bold = w.Box.Y0 < 120
			if x := w.Box.X0; (x == cols[0] || x == cols[1] || x == cols[4]) && w.Box.Y0 > 120 {
				w.Box.Y0 += 2.5
				w.Box.Y1 += 2.5
			}
		}
		p := page(1, words, nil)
		tabs := pageTables(&p)
		require.Len(t, tabs, 1, name)
		got := texts(tabs[0].table)
		require.GreaterOrEqual(t, len(got), 2, name)
		want := map[string][][]string{
			"ja": {{"Asia", "Taiwan", "国立台湾師範大学 教育学院", "教育学研究科", "2018/07/31"},
				{"Europe", "Germany", "ダルムシュタット工科 大学 LOEWE emergenCITY センター", "災害科学国際研究所", "2020/06/01"}},
			"en": {{"Asia", "Taiwan", "Nat. Taiwan Normal University", "GSE", "2018/07/31"},
				{"Europe", "Germany", "Technische Universitat Darmstadt LOEWE emergenCITY", "IRIDeS", "2020/06/01"}},
		}[name]
		assert.Equal(t, want, got[len(got)-2:], name)
	}
}
