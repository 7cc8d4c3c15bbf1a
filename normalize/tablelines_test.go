package normalize

import (
	"strings"
	"testing"

	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/readcheck"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPartnersOneALine: a partner cell that names several institutions,
// one a line, beside cells every one of them shares (the country) or of as
// many lines (a date a line), makes a record a partner, each saying
// split_cell:one_partner_a_line.
func TestPartnersOneALine(t *testing.T) {
	tb := tbl([]string{"Country", "Partner institutions", "Date signed"},
		[]string{"China", "Peking University\nHarbin Institute of Technology\nTsinghua University", "2001/03/03\n2010/05/12\n2012/01/20"},
		[]string{"Mongolia", "National University of Mongolia\nMinistry of Health and Sports, Mongolia", ""},
		[]string{"Japan", "北京大学\n復旦大学", ""})
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	var got [][3]string
	for _, r := range recs(res.Records) {
		got = append(got, [3]string{r.Country, r.Partner, r.Signed})
		assert.Contains(t, r.Repairs, "split_cell:one_partner_a_line", r.Partner)
	}
	assert.Equal(t, [][3]string{
		{"China", "Peking University", "2001-03-03"}, {"China", "Harbin Institute of Technology", "2010-05-12"},
		{"China", "Tsinghua University", "2012-01-20"},
		{"Mongolia", "National University of Mongolia", ""}, {"Mongolia", "Ministry of Health and Sports, Mongolia", ""},
		{"Japan", "北京大学", ""}, {"Japan", "復旦大学", ""},
	}, got)
}

// TestOneNameOverLines: the lines of a partner cell that read as one name
// wrapped, a name and its unit, one name in two languages or one entry
// with its details stay one record.
func TestOneNameOverLines(t *testing.T) {
	cells := [][]string{
		{"Nanyang Technological\nUniversity", "Nanyang Technological University", ""},
		{"University of Science, Vietnam National\nUniversity - Ho Chi Minh City", "University of Science, Vietnam National University - Ho Chi Minh City", ""},
		{"University of Michigan\nCollege of Engineering", "University of Michigan", "College of Engineering"},
		{"Macquarie University\nAustralian School of Advanced Medicine", "Macquarie University", "Australian School of Advanced Medicine"},
		{"Peking University\nSchool of International Studies", "Peking University", "School of International Studies"},
		{"全南大学校\n工科大学", "全南大学校", "工科大学"},
		{"北京理工大学\n信息与电子学院", "北京理工大学", "信息与电子学院"},
		{"ウィーン工科大学\nTechnische Universität Wien", "", ""},
		{"Universitas Indonesia\n(University of Indonesia)", "Universitas Indonesia (University of Indonesia)", ""},
		{"University of California\nBerkeley", "University of California Berkeley", ""},
	}
	for _, format := range []parser.Format{parser.FormatHTML, parser.FormatPDF} {
		for _, c := range cells {
			tb := tbl([]string{"Country", "Partner institution", "Date signed"}, []string{"China", c[0], "2001/03/03"})
			d := tdoc(nil, tb)
			d.Format = format
			res, err := Normalize(d, Options{})
			require.NoError(t, err)
			got := recs(res.Records)
			require.Len(t, got, 1, "%s: %q", format, c[0])
			assert.NotContains(t, got[0].Repairs, "split_cell:one_partner_a_line", c[0])
			if c[1] != "" {
				assert.Equal(t, []string{c[1], c[2]}, []string{got[0].Partner, got[0].PartnerUnit}, "%s: %q", format, c[0])
			}
		}
	}
}

// TestPartnersALineInPDFOnlyWhereTheWidthDidNotBreak: in a PDF, where the
// lines of a cell may be one name wrapped at the column's width, names
// that do not end as a university's are parted only where the break was
// not forced (the next line's first word would have fitted).
func TestPartnersALineInPDFOnlyWhereTheWidthDidNotBreak(t *testing.T) {
	for _, c := range []struct {
		cell  string
		parts int
	}{
		{"Peking University\nTsinghua University", 2},                               // every line ends as a university's
		{"Kyoto Institute of Technology\nRoyal University of Law and Economics", 2}, // "Royal" would have fitted
		{"Royal University of Phnom Penh\nHarbin Institute of Technology", 1},       // "Harbin" would not
		{"Chinese Academy of Sciences\nXinjiang Institute of Ecology and Geography", 1},
	} {
		tb := tbl([]string{"Country", "Partner institution"}, []string{"China", c.cell})
		tb.Method = "stream"
		assert.Equal(t, c.parts, pdfTableRecords(t, tb), c.cell)
	}
}

// TestUnitInBracketsAfterItsInstitution: a unit named in brackets after
// its institution in words that could name an institution too ("College
// of …") is the partner's unit, also with a date after the brackets; an
// institution named so stays whole.
func TestUnitInBracketsAfterItsInstitution(t *testing.T) {
	d := tdoc([]string{"# Partner institutions", "# Korea",
		"Korea University (College of Liberal Arts) — signed October 1, 2015",
		"Seoul National University (College of Humanities), May 1, 2012",
		"University College London (Faculty of Laws), May 1, 2012",
		"Boston College — signed May 1, 2012",
		"Hanyang University (College of Engineering and Graduate School), June 2, 2014",
	})
	res, err := Normalize(d, Options{})
	require.NoError(t, err)
	var got [][3]string
	for _, r := range res.Records {
		got = append(got, [3]string{r.Partner, r.PartnerUnit, r.Signed})
	}
	assert.Equal(t, [][3]string{
		{"Korea University", "College of Liberal Arts", "2015-10-01"},
		{"Seoul National University", "College of Humanities", "2012-05-01"},
		{"University College London", "Faculty of Laws", "2012-05-01"},
		{"Boston College", "", "2012-05-01"},
		{"Hanyang University", "College of Engineering and Graduate School", "2014-06-02"},
	}, got)
}

// TestPartnersALineByWhereLinesEnd: in a PDF whose reader says where each
// line runs, a line is a name of its own where the next line's first word
// would have fitted within the column's text, and one name wrapped where
// it would not, however long the lines are in characters.
func TestPartnersALineByWhereLinesEnd(t *testing.T) {
	for _, c := range []struct {
		lines []string
		spans []parser.LineSpan
		right float64
		parts int
	}{
		// "Tata" (about 16 points) fits after the first line's end at 200,
		// within the column's text, which ends at 300.
		{[]string{"Indian Institute of Science, Bangalore", "Kyoto Institute of Technology"},
			[]parser.LineSpan{{X0: 40, X1: 200}, {X0: 40, X1: 165}}, 300, 2},
		// "Moscow" does not fit after a first line that ends at 290.
		{[]string{"Russian Academy of Sciences Lomonosov", "Moscow State University"},
			[]parser.LineSpan{{X0: 40, X1: 290}, {X0: 40, X1: 150}}, 300, 1},
	} {
		tb := tbl([]string{"Country", "Partner institution"}, []string{"Russia", "x"})
		cell := parser.Cell{Text: strings.Join(c.lines, " "), ColSpan: 1, RowSpan: 1}
		tb.Rows[1].Cells[1] = cell.WithLinesSpansBox(c.lines, c.spans, parser.Box{X0: 38, Y0: 10, X1: 310, Y1: 40})
		tb.TextRights = []float64{30, c.right}
		tb.Method = "lattice"
		assert.Equal(t, c.parts, pdfTableRecords(t, tb), c.lines)
	}
}

// pdfTableRecords is how many records the table makes read as a PDF's.
func pdfTableRecords(t *testing.T, tb *parser.Table) int {
	t.Helper()
	d := tdoc(nil, tb)
	d.Format = parser.FormatPDF
	res, err := Normalize(d, Options{})
	require.NoError(t, err)
	return len(res.Records)
}

// TestInstituteUnderANameSaid: a cell whose second line names an institute
// by its own name under a name that does not end as a university's is read
// as one partner and its unit, and said (names_run_together): it may be
// two partners. A school or an institute under a university's name is its
// unit, and nothing is said.
func TestInstituteUnderANameSaid(t *testing.T) {
	for _, c := range []struct {
		cell string
		said bool
	}{
		{"Indian Institute of Science, Bangalore\nTata Institute of Fundamental Research", true},
		{"Macquarie University\nAustralian School of Advanced Medicine", false},
		{"Lomonosov Moscow State University\nSkobeltsyn Institute of Nuclear Physics", false},
		{"Chinese Academy of Sciences\nXinjiang Institute of Ecology and Geography", false},
	} {
		res, err := Normalize(tdoc(nil, tbl([]string{"Country", "Partner institution"}, []string{"India", c.cell})), Options{})
		require.NoError(t, err)
		require.Len(t, res.Records, 1, c.cell)
		said := false
		for _, w := range res.Warnings {
			said = said || w.Kind == readcheck.KindRunTogether
		}
		assert.Equal(t, c.said, said, c.cell)
	}
}
