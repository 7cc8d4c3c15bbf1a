package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// readTableUnder reads a table set a line a row under the document's
// lines and returns its records, each as show writes it.
func readTableUnder(t *testing.T, lines []string, tb *parser.Table, show func(Record) string) []string {
	t.Helper()
	res, err := Normalize(tdoc(lines, tb), Options{})
	require.NoError(t, err)
	var got []string
	for _, r := range res.Records {
		got = append(got, show(r))
	}
	return got
}

// TestTableHeaderAtTheFootOfTwoRows: a header set at the bottom of its
// rows leaves a column of one line blank on its first row, the first
// lines of the others over it ("" | "Type of" | "Department at Nagoya" |
// "Year" over "Partner Institution" | "Agreement" | "University" |
// "Concluded"): the two rows are the header, though the first names no
// partner, a field's name is wrapped in words each of which names it
// ("Year" / "Concluded"), and the home institution's name ends a header
// the title does not name it in. The same header set whole on one row, or
// with its lines at the top of its rows, reads the same records.
func TestTableHeaderAtTheFootOfTwoRows(t *testing.T) {
	body := [][]string{
		{"ASIA (2)", "", "", ""},
		{"BANGLADESH (1)", "", "", ""},
		{"Bangladesh Agricultural University", "School-to-\nschool", "Agr", "平成12年"},
		{"CHINA (1)", "", "", ""},
		{"Central South University", "School-to-\nschool", "Engg", "昭和60年"},
	}
	headers := map[string][][]string{
		"at the foot": {{"", "Type of", "Department at Nagoya", "Year"},
			{"Partner Institution", "Agreement", "University", "Concluded"}},
		"at the top": {{"Partner Institution", "Type of", "Department at Nagoya", "Year"},
			{"", "Agreement", "University", "Concluded"}},
		"on one row": {{"Partner Institution", "Type of Agreement", "Department at Nagoya University", "Year Concluded"}},
	}
	for name, head := range headers {
		tb := tbl(append(append([][]string{}, head...), body...)...)
		tb.Rows[0].Header = false
		setLines(tb)
		got := readTableUnder(t, []string{"Inter-School Agreements"}, tb, func(r Record) string {
			return r.CountryCode + " | " + r.Partner + " | " + r.HomeUnit + " | " + r.Signed
		})
		assert.Equal(t, []string{
			"BD | Bangladesh Agricultural University | Agr | 2000",
			"CN | Central South University | Engg | 1985",
		}, got, name)
	}
}

// TestTableGroupsInTheHeadersCell: a table of a group a header, set at
// the bottom of its rows, sets the group's labels in the partner header's
// cell over the column's name ("Europe" / "Poland" / "Partner
// Institution"); the header said again for the next group brings its own
// ("Portugal" / "Partner Institution"). The labels file the rows below
// them; a cell whose other lines name no field keeps its lines to itself.
func TestTableGroupsInTheHeadersCell(t *testing.T) {
	for _, lang := range []struct {
		europe, poland, portugal, partner, kind, date string
	}{
		{"Europe", "Poland", "Portugal", "Partner Institution", "Type of\nAgreement", "Date of\nAgreement"},
		{"ヨーロッパ", "ポーランド", "ポルトガル", "相手機関名", "協定種別", "締結年月日"},
	} {
		tb := tbl([]string{"Total of 3 agreements", "", ""},
			[]string{lang.europe + "\n" + lang.poland + "\n" + lang.partner, lang.kind, lang.date},
			[]string{"University of Warsaw", "University-wide", "R3.3.4"},
			[]string{lang.portugal + "\n" + lang.partner, lang.kind, lang.date},
			[]string{"Nova University of Lisbon", "University-wide", "H29.9.18"},
			[]string{"University of Porto", "University-wide", "H30.1.18"})
		tb.Rows[0].Header, tb.Rows[1].Header = false, true // (a title row over the header)
		setLines(tb)
		tb.VAlign = "bottom"
		got := readTableUnder(t, []string{"Academic Exchange Agreements with Foreign Institutions"}, tb, groupAndName)
		assert.Equal(t, []string{
			"Europe | PL | University of Warsaw | 2021-03-04",
			"Europe | PT | Nova University of Lisbon | 2017-09-18",
			"Europe | PT | University of Porto | 2018-01-18",
		}, got, lang.partner)
	}
}

// TestTableRegionAndCountryInOneColumn: a header spanning the region's
// and the country's columns ("地域・国") over narrow cells, which an
// extractor read as one column: each line holds a piece of each name
// ("ヨー ロシ" / "ロッ ア" / "パ"), and the pieces of a line of one word
// are the name's that reads so (the region's, or "シア" the country's).
// A country's name broken over lines alone ("南アフリカ" / "共和国") stays whole.
func TestTableRegionAndCountryInOneColumn(t *testing.T) {
	tb := tbl([]string{"地域・国", "相手機関名", "締結年月日"},
		[]string{"ヨー ロシ\nロッ ア\nパ", "Lomonosov Moscow State University", "2013年10月9日"},
		[]string{"アジ イン\nア ドネ\nシア", "Universitas Indonesia", "2016年4月1日"},
		[]string{"アフ 南アフリカ\nリカ 共和国", "University of Cape Town", "2012年2月1日"})
	setLines(tb)
	got := readTableUnder(t, []string{"学術交流協定締結機関一覧"}, tb, groupAndName)
	assert.Equal(t, []string{
		"Europe | RU | Lomonosov Moscow State University | 2013-10-09",
		"Asia | ID | Universitas Indonesia | 2016-04-01",
		"Africa | ZA | University of Cape Town | 2012-02-01",
	}, got)
}

// groupAndName shows a record's region, country, partner and date.
func groupAndName(r Record) string {
	return r.Region + " | " + r.CountryCode + " | " + r.Partner + " | " + r.Signed
}
