package pdf

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// The golden tests share the package's -update flag; it is defined here
// only when no other test file of the package defines it.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// Synthetic layouts: words are 5 pt per character wide and 10 pt high.

func tw(text string, x, y float64) Word {
	return Word{Text: text, Box: parser.Box{X0: x, Y0: y, X1: x + 5*float64(len([]rune(text))), Y1: y + 10}}
}

func boldWord(text string, x, y float64) Word {
	w := tw(text, x, y)
	w.Style.Bold = true
	return w
}

func hrule(x0, x1, y float64) Segment { return Segment{X0: x0, Y0: y, X1: x1, Y1: y, Width: 0.5} }
func vrule(x, y0, y1 float64) Segment { return Segment{X0: x, Y0: y0, X1: x, Y1: y1, Width: 0.5} }

func page(n int, words []Word, segs []Segment) PageLayout {
	p := PageLayout{Number: n, Width: 600, Height: 800, Words: words, Segments: segs}
	for _, w := range words {
		p.Lines = append(p.Lines, TextLine{Words: []Word{w}, Box: w.Box, Style: w.Style})
	}
	return p
}

// grid returns the rules of a full grid over xs × ys.
func gridRules(xs, ys []float64) []Segment {
	var s []Segment
	for _, y := range ys {
		s = append(s, hrule(xs[0], xs[len(xs)-1], y))
	}
	for _, x := range xs {
		s = append(s, vrule(x, ys[0], ys[len(ys)-1]))
	}
	return s
}

// texts renders a table as rows of cell texts, "^" for covered cells and
// "<CxR>" before a spanning cell's text.
func texts(t parser.Table) [][]string {
	var out [][]string
	for _, r := range t.Rows {
		var row []string
		for _, c := range r.Cells {
			switch {
			case c.Covered:
				row = append(row, "^")
			case c.ColSpan > 1 || c.RowSpan > 1:
				row = append(row, fmt.Sprintf("<%dx%d>%s", c.ColSpan, c.RowSpan, c.Text))
			default:
				row = append(row, c.Text)
			}
		}
		out = append(out, row)
	}
	return out
}

func TestLatticeSpans(t *testing.T) {
	// 3 columns × 4 rows; the header's "Partner" spans columns 2-3 (no rule
	// between them in row 1), "Asia" spans rows 2-4 (no rules below it).
	segs := []Segment{
		hrule(100, 400, 100), hrule(100, 400, 120), hrule(200, 400, 140), hrule(200, 400, 160), hrule(100, 400, 180),
		vrule(100, 100, 180), vrule(200, 100, 180), vrule(300, 120, 180), vrule(400, 100, 180),
	}
	words := []Word{
		boldWord("Area", 105, 105), boldWord("Partner", 205, 105),
		tw("Asia", 105, 125), tw("Fudan", 205, 125), tw("History", 305, 125),
		tw("Peking", 205, 145), tw("Physics", 305, 145),
		tw("Tsinghua", 205, 165), tw("Law", 305, 165), tw("and", 330, 165),
		tw("Title", 100, 50), // outside the grid
	}
	p := page(1, words, segs)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	tab := tabs[0].table
	assert.Equal(t, "lattice", tab.Method)
	assert.Equal(t, [][]string{
		{"Area", "<2x1>Partner", "^"},
		{"<1x3>Asia", "Fudan", "History"},
		{"^", "Peking", "Physics"},
		{"^", "Tsinghua", "Law and"},
	}, texts(tab))
	assert.True(t, tab.Rows[0].Header)
	assert.False(t, tab.Rows[1].Header)
	assert.Equal(t, parser.Box{X0: 100, Y0: 100, X1: 400, Y1: 180}, tabs[0].region)
	assert.Equal(t, parser.Box{X0: 100, Y0: 120, X1: 200, Y1: 180}, tab.Rows[1].Cells[0].Box())
	for _, r := range tab.Rows {
		assert.Equal(t, 1, r.Page)
	}
}

func TestLatticeWrappedCell(t *testing.T) {
	segs := gridRules([]float64{100, 200, 300}, []float64{100, 130, 150})
	words := []Word{
		tw("Chinese", 105, 103), tw("Academy", 145, 103), tw("of", 105, 116), tw("Sciences", 120, 116),
		tw("IMRAM", 205, 103),
		tw("Fudan", 105, 135), tw("GS", 205, 135),
	}
	p := page(1, words, segs)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	c := tabs[0].table.Rows[0].Cells[0]
	assert.Equal(t, "Chinese Academy of Sciences", c.Text)
	assert.Equal(t, []string{"Chinese Academy", "of Sciences"}, c.Lines())
}

func TestLatticeWordOverCellBorder(t *testing.T) {
	// "Eliza" overflows its cell up to "2165" in the next: the text layer
	// sees one word, the table two cells.
	segs := gridRules([]float64{100, 200, 300}, []float64{100, 120, 140})
	p := page(1, []Word{tw("a", 105, 125), tw("b", 205, 125)}, segs)
	w := tw("Eliza2165", 175, 105)
	p.Words = append(p.Words, w)
	p.Lines = append(p.Lines, TextLine{Words: []Word{w}, Box: w.Box})
	for i, r := range w.Text {
		x := w.Box.X0 + 5*float64(i)
		p.Glyphs = append(p.Glyphs, Glyph{Text: string(r), Box: parser.Box{X0: x, Y0: 105, X1: x + 5, Y1: 115}})
	}
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{{"Eliza", "2165"}, {"a", "b"}}, texts(tabs[0].table))
}

func TestLatticeStackedRows(t *testing.T) {
	// Rules every four records: each grid row holds four rows of text.
	segs := gridRules([]float64{100, 200, 300, 400}, []float64{100, 160, 220})
	var words []Word
	for i := range 8 {
		y := 102 + 14*float64(i%4) + 60*float64(i/4)
		words = append(words, tw(fmt.Sprintf("S%d", i), 105, y), tw(fmt.Sprint(10*i), 205, y), tw(fmt.Sprint(100*i), 305, y))
	}
	p := page(1, words, segs)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	got := texts(tabs[0].table)
	require.Len(t, got, 8)
	assert.Equal(t, []string{"S0", "0", "0"}, got[0])
	assert.Equal(t, []string{"S7", "70", "700"}, got[7])
}

func TestLatticeWithoutFrame(t *testing.T) {
	// Only the inner rules are drawn: two vertical, two horizontal.
	segs := []Segment{
		hrule(50, 350, 120), hrule(50, 350, 140),
		vrule(150, 100, 160), vrule(250, 100, 160),
	}
	words := []Word{
		tw("a", 60, 105), tw("b", 160, 105), tw("c", 260, 105),
		tw("d", 60, 125), tw("e", 160, 125), tw("f", 260, 125),
		tw("g", 60, 145), tw("h", 160, 145), tw("i", 260, 145),
	}
	p := page(1, words, segs)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{{"a", "b", "c"}, {"d", "e", "f"}, {"g", "h", "i"}}, texts(tabs[0].table))
}

func TestLatticeTwoTablesAndFrame(t *testing.T) {
	segs := gridRules([]float64{100, 200, 300}, []float64{100, 120, 140})
	segs = append(segs, gridRules([]float64{100, 150, 200, 250}, []float64{300, 320, 340})...)
	// A box around a paragraph is one cell: not a table.
	segs = append(segs, gridRules([]float64{90, 500}, []float64{500, 560})...)
	words := []Word{
		tw("a", 105, 105), tw("b", 205, 105), tw("c", 105, 125), tw("d", 205, 125),
		tw("1", 105, 305), tw("2", 155, 305), tw("3", 205, 305),
		tw("4", 105, 325), tw("5", 155, 325), tw("6", 205, 325),
		tw("boxed", 100, 520), tw("note", 140, 520),
	}
	p := page(1, words, segs)
	tabs := pageTables(&p)
	require.Len(t, tabs, 2)
	assert.Equal(t, [][]string{{"a", "b"}, {"c", "d"}}, texts(tabs[0].table))
	assert.Equal(t, [][]string{{"1", "2", "3"}, {"4", "5", "6"}}, texts(tabs[1].table))
}

func TestLatticeUnruledBody(t *testing.T) {
	// A frame with a header rule and one column rule; the body's rows and
	// its two number columns are set in white space.
	segs := []Segment{
		hrule(100, 400, 100), hrule(100, 400, 120), hrule(100, 400, 220),
		vrule(100, 100, 220), vrule(250, 100, 220), vrule(400, 100, 220),
	}
	words := []Word{tw("Name", 105, 105), tw("Figures", 255, 105)}
	for i, n := range []string{"Alpha", "Beta", "Gamma", "Delta", "Epsilon"} {
		y := 125 + float64(i)*18
		words = append(words, tw(n, 105, y), tw(fmt.Sprint(i+1), 260, y), tw(fmt.Sprint(10*(i+1)), 330, y))
	}
	p := page(1, words, segs)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{
		{"Name", "<2x1>Figures", "^"},
		{"Alpha", "1", "10"},
		{"Beta", "2", "20"},
		{"Gamma", "3", "30"},
		{"Delta", "4", "40"},
		{"Epsilon", "5", "50"},
	}, texts(tabs[0].table))
}

// streamPage lays out a whitespace table: a title, a header, rows of three
// columns at x = 50, 200, 400, the last row's partner wrapped onto a second
// line set tighter than the rows.
func streamPage() PageLayout {
	words := []Word{
		boldWord("Department", 50, 40), boldWord("Level", 110, 40), boldWord("Agreements", 140, 40),
		tw("Country", 50, 80), tw("Partner", 200, 80), tw("Year", 400, 80),
	}
	rows := [][3]string{
		{"China", "Fudan University", "2019/08/01"},
		{"", "Peking University", "1998/11/05"},
		{"India", "Indian Institute of Science", "2019/04/05"},
		{"Japan", "Kyoto University", "2001/01/01"},
	}
	y := 95.0
	for _, r := range rows {
		if r[0] != "" {
			words = append(words, tw(r[0], 50, y))
		}
		x := 200.0
		for _, part := range strings.Fields(r[1]) {
			words = append(words, tw(part, x, y))
			x += 5*float64(len(part)) + 3
		}
		words = append(words, tw(r[2], 400, y))
		y += 15
	}
	words = append(words, tw("(East", 200, y-4), tw("Campus)", 232, y-4))
	words = append(words, tw("Total", 50, y+40), tw("4", 80, y+40))
	return page(1, words, nil)
}

func TestStream(t *testing.T) {
	p := streamPage()
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	tab := tabs[0].table
	assert.Equal(t, "stream", tab.Method)
	assert.Equal(t, [][]string{
		{"Country", "Partner", "Year"},
		{"China", "Fudan University", "2019/08/01"},
		{"", "Peking University", "1998/11/05"},
		{"India", "Indian Institute of Science", "2019/04/05"},
		{"Japan", "Kyoto University (East Campus)", "2001/01/01"},
	}, texts(tab))
	assert.Equal(t, []string{"Kyoto University", "(East Campus)"}, tab.Rows[4].Cells[1].Lines())
	// The title above and the total below stay text lines.
	assert.Greater(t, tabs[0].region.Y0, 50.0)
	assert.Less(t, tabs[0].region.Y1, 180.0)
	require.Len(t, tabs[0].cols, 4)
}

func TestStreamRowRules(t *testing.T) {
	// Rows separated by horizontal rules only; a wrapped partner name set
	// at the same pitch as the rows stays in its row.
	words := []Word{tw("Country", 50, 82), tw("Partner", 200, 82), tw("Year", 400, 82)}
	segs := []Segment{hrule(45, 460, 80), hrule(45, 460, 94)}
	y := 96.0
	for i, r := range [][]string{{"China", "Fudan", "2019"}, {"India", "Indian", "2013"}, {"Japan", "Kyoto", "2001"}} {
		words = append(words, tw(r[0], 50, y), tw(r[1], 200, y), tw(r[2], 400, y))
		if i == 1 {
			y += 12
			words = append(words, tw("Institute", 200, y))
		}
		segs = append(segs, hrule(45, 460, y+12))
		y += 14
	}
	// A group of two full records between two rules stays two rows.
	words = append(words, tw("Korea", 50, y), tw("Seoul", 200, y), tw("2000", 400, y))
	words = append(words, tw("Laos", 50, y+12), tw("Vientiane", 200, y+12), tw("2001", 400, y+12))
	segs = append(segs, hrule(45, 460, y+26))
	p := page(1, words, segs)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, "stream", tabs[0].table.Method)
	assert.Equal(t, [][]string{
		{"Country", "Partner", "Year"},
		{"China", "Fudan", "2019"},
		{"India", "Indian Institute", "2013"},
		{"Japan", "Kyoto", "2001"},
		{"Korea", "Seoul", "2000"},
		{"Laos", "Vientiane", "2001"},
	}, texts(tabs[0].table))
}

func TestStreamRowRulesPadded(t *testing.T) {
	// Rows padded apart between rules (18 apart across a rule), every
	// cell of a row wrapped in narrow columns and set solid (14 apart):
	// one row each, though each line fills as many cells as the first.
	words := []Word{tw("Partner", 50, 82), tw("Level", 200, 82), tw("Until", 300, 82)}
	segs := []Segment{hrule(45, 460, 80), hrule(45, 460, 94)}
	y := 100.0
	for _, r := range [][]string{{"Cranfield", "大", "May,"}, {"Northumbria", "大", "10"}, {"Aalto", "大", "June,"}} {
		words = append(words, tw(r[0], 50, y), tw(r[1], 200, y), tw(r[2], 300, y))
		words = append(words, tw("University", 50, y+14), tw("学", 200, y+14), tw("2017", 300, y+14))
		segs = append(segs, hrule(45, 460, y+24))
		y += 32
	}
	p := page(1, words, segs)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{
		{"Partner", "Level", "Until"},
		{"Cranfield University", "大 学", "May, 2017"},
		{"Northumbria University", "大 学", "10 2017"},
		{"Aalto University", "大 学", "June, 2017"},
	}, texts(tabs[0].table))
}

func TestStreamCentredRows(t *testing.T) {
	// No rules; each row's date wraps onto two lines and its other cells,
	// one line each, stand in the middle of the row, half a line under
	// the date's first line: the date's lines are of the row they flank.
	words := []Word{tw("Country", 50, 82), tw("Partner", 150, 82), tw("Date", 400, 82)}
	y := 100.0
	for _, r := range [][]string{{"Sweden", "Umea", "August", "1997"}, {"Norway", "Oslo", "March", "2002"}, {"Chile", "Concepcion", "June", "2004"}} {
		words = append(words, tw(r[2], 400, y), tw(r[0], 50, y+6), tw(r[1], 150, y+6), tw(r[3], 400, y+12))
		y += 30
	}
	p := page(1, words, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{
		{"Country", "Partner", "Date"},
		{"Sweden", "Umea", "August 1997"},
		{"Norway", "Oslo", "March 2002"},
		{"Chile", "Concepcion", "June 2004"},
	}, texts(tabs[0].table))
}

func TestStreamCentredOddLines(t *testing.T) {
	// No rules; cells set in the middle of their rows, rows padded apart.
	// The header's date cell takes two lines, the others one, half a line
	// under its first; a partner's name takes three lines, the row's other
	// cells standing beside its middle line. Columns stand closer than a
	// line height.
	words := []Word{tw("Country", 50, 100), tw("Partner", 150, 100), tw("Date", 317, 95.5), tw("of", 342, 95.5), tw("Agreement", 317, 104.5)}
	row := func(y float64, c, p, d string) {
		words = append(words, tw(c, 50, y), tw(p, 150, y), tw(d, 317, y))
	}
	row(120, "Sweden", "Umea Universitet Medical Faculty", "1997")
	words = append(words, tw("Alma Mater Studiorum Universita", 150, 134))
	row(143, "Italy", "di Bologna, Department of", "2015")
	words = append(words, tw("Education Studies", 150, 152))
	row(166, "Chile", "Concepcion", "2004")
	row(180, "Norway", "Oslo", "2002")
	// A raised marker lowers the partner's lines: the cells beside its
	// two lines stand a little less than half a line under the first.
	words = append(words, tw("Universidad", 150, 193.8), tw("Peru", 50, 197.5), tw("2010", 317, 197.5), tw("de Lima", 150, 202.6))
	row(216.4, "Spain", "Granada", "2012")
	p := page(1, words, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{
		{"Country", "Partner", "Date of Agreement"},
		{"Sweden", "Umea Universitet Medical Faculty", "1997"},
		{"Italy", "Alma Mater Studiorum Universita di Bologna, Department of Education Studies", "2015"},
		{"Chile", "Concepcion", "2004"},
		{"Norway", "Oslo", "2002"},
		{"Peru", "Universidad de Lima", "2010"},
		{"Spain", "Granada", "2012"},
	}, texts(tabs[0].table))
}

func TestStreamCentredPaddedRows(t *testing.T) {
	// No rules; cells set in the middle of their rows, rows padded apart
	// (a row's lines stand 12.3 apart, a cell's 8.8). A unit of four lines
	// beside a partner of two, their lines at its second and third, and
	// one-line cells half a line under the partner's first: each row is a
	// run of lines closer than rows stand, whatever each line holds.
	words := []Word{tw("Country", 50, 100), tw("Partner", 120, 100), tw("Unit", 250, 100), tw("Date", 400, 100)}
	row := func(y float64, c, p, u, d string) {
		words = append(words, tw(c, 50, y), tw(p, 120, y), tw(u, 250, y), tw(d, 400, y))
	}
	row(112.3, "Sweden", "Umea", "Medicine", "1997")
	row(124.6, "Norway", "Oslo", "Law", "2002")
	top := 136.9
	words = append(words,
		tw("Ecole d'Ingenieur du", 250, top),
		tw("Albi-Carmaux School", 120, top+8.8), tw("Littoral Cote", 250, top+8.8),
		tw("France", 50, top+13.2), tw("2017", 400, top+13.2),
		tw("of Engineering", 120, top+17.6), tw("(Universite du", 250, top+17.6),
		tw("Littoral)", 250, top+26.4))
	row(top+38.7, "Spain", "Granada", "Arts", "2012")
	row(top+51, "Chile", "Concepcion", "Law", "2004")
	p := page(1, words, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{
		{"Country", "Partner", "Unit", "Date"},
		{"Sweden", "Umea", "Medicine", "1997"},
		{"Norway", "Oslo", "Law", "2002"},
		{"France", "Albi-Carmaux School of Engineering", "Ecole d'Ingenieur du Littoral Cote (Universite du Littoral)", "2017"},
		{"Spain", "Granada", "Arts", "2012"},
		{"Chile", "Concepcion", "Law", "2004"},
	}, texts(tabs[0].table))
}

func TestStreamCentredHeaderOverGroupRows(t *testing.T) {
	// A header whose last cell takes two lines, the others set half a
	// line under its first, over rows of groups (one cell each) and then
	// the table's rows; columns closer than a line height.
	words := []Word{tw("Year", 292, 95.5), tw("Partner", 50, 100), tw("Level", 260, 100), tw("Concluded", 292, 104.5)}
	y := 121.4
	for _, r := range [][]string{{"ASIA (3)"}, {"CHINA (2)"}, {"Central South University", "Engg", "1985"}, {"Beijing University", "Engg", "1986"}, {"KOREA (1)"}, {"Seoul National University", "Law", "1994"}} {
		words = append(words, tw(r[0], 50, y))
		if len(r) > 1 {
			words = append(words, tw(r[1], 260, y), tw(r[2], 292, y))
		}
		y += 16.9
	}
	p := page(1, words, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, []string{"Partner", "Level", "Year Concluded"}, texts(tabs[0].table)[0])
	assert.Equal(t, []string{"ASIA (3)", "", ""}, texts(tabs[0].table)[1])
}

// rowOf8pt sets a table's line at height y: each cell that has text at
// its column's start (x 50, 120, 200, 300), in 8 pt, bold or not.
func rowOf8pt(y float64, bold bool, cells ...string) []Word {
	var out []Word
	for k, c := range cells {
		if c != "" {
			w := tw(c, []float64{50, 120, 200, 300}[k], y)
			w.Style.Size, w.Style.Bold = 8, bold
			out = append(out, w)
		}
	}
	return out
}

func TestStreamCellsAtTheBottom(t *testing.T) {
	// No rules, rows set solid (as a spreadsheet prints them), every cell
	// set at the bottom of its row: the header's date cell takes two
	// lines, its first over the others; a unit's first line stands over
	// the rest of its row. A line of some of the next line's cells opens
	// that row.
	var words []Word
	row := func(y float64, cells ...string) { words = append(words, rowOf8pt(y, false, cells...)...) }
	row(100, "", "", "", "Date of")
	row(110, "Country", "Partner", "Unit", "Agreement")
	row(120, "Sweden", "Umea University", "Medicine", "1997")
	row(130, "", "", "School of", "")
	row(140, "Norway", "Oslo University", "Engineering", "2002")
	row(150, "Chile", "Concepcion", "Law", "2004")
	p := page(1, words, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{
		{"Country", "Partner", "Unit", "Date of Agreement"},
		{"Sweden", "Umea University", "Medicine", "1997"},
		{"Norway", "Oslo University", "School of Engineering", "2002"},
		{"Chile", "Concepcion", "Law", "2004"},
	}, texts(tabs[0].table))
}

func TestStreamCellsAtTheBottomRuled(t *testing.T) {
	// TestStreamCellsAtTheBottom with a rule under every row (a
	// spreadsheet's borders): a row's first lines over its last are its
	// own, between the same rules; the header's rows stay as rules give
	// them.
	var words []Word
	row := func(y float64, cells ...string) { words = append(words, rowOf8pt(y, false, cells...)...) }
	row(100, "", "", "", "Date of")
	row(110, "Country", "Partner", "Unit", "Agreement")
	row(122, "Sweden", "Umea University", "Medicine", "1997")
	row(134, "", "Karolinska", "School of", "")
	row(144, "", "Institutet", "Public", "")
	row(154, "Norway", "Oslo University", "Health", "2002")
	row(166, "Chile", "Concepcion", "Law", "2004")
	var segs []Segment
	for _, y := range []float64{98, 121, 133, 165, 177} {
		segs = append(segs, hrule(45, 340, y))
	}
	p := page(1, words, segs)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	rows := texts(tabs[0].table)
	assert.Equal(t, []string{"Norway", "Karolinska Institutet Oslo University", "School of Public Health", "2002"}, rows[len(rows)-2])
	assert.Equal(t, []string{"Chile", "Concepcion", "Law", "2004"}, rows[len(rows)-1])
}

func TestStreamCellsAtTheTopUnderAHeading(t *testing.T) {
	// A table set at the top of its rows, rows set solid, under a group's
	// heading set solid over its header in the header's font: the heading
	// over the header's first column looks like the first line of a cell
	// set at the bottom, but the last row's cell wraps under its row's
	// line, as cells set at the top do. A wrapped line is never read
	// with the row under it.
	var words []Word
	row := func(y float64, bold bool, cells ...string) { words = append(words, rowOf8pt(y, bold, cells...)...) }
	row(100, true, "Europe", "", "", "")
	row(110, true, "Country", "Partner", "Unit", "Date")
	row(120, false, "Sweden", "Umea University", "School of", "1997")
	row(130, false, "", "", "Medicine", "")
	row(140, false, "Norway", "Oslo University", "Law", "2002")
	row(150, false, "Chile", "Universidad de", "School of", "2004")
	row(160, false, "", "Concepcion", "Law", "")
	p := page(1, words, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	for _, r := range texts(tabs[0].table) {
		if r[0] == "Norway" {
			assert.Equal(t, []string{"Norway", "Oslo University", "Law", "2002"}, r) // ("Medicine" is Sweden's)
		}
	}
}

func TestStreamPerGroupTablesRepeatedHeader(t *testing.T) {
	// Two tables without rules, each under its group's bold heading and
	// its own header (the same words, not bold), each sized to its own
	// cells: the header said again over other columns starts a table.
	var words []Word
	y := 100.0
	group := func(name string, xs [3]float64, rows [][3]string) {
		words = append(words, boldWord(name, 50, y))
		y += 14
		words = append(words, tw("Partner", xs[0], y), tw("Kind", xs[1], y), tw("Date", xs[2], y))
		y += 14
		for _, r := range rows {
			words = append(words, tw(r[0], xs[0], y), tw(r[1], xs[1], y), tw(r[2], xs[2], y))
			y += 14
		}
		y += 6
	}
	group("Poland", [3]float64{50, 200, 400}, [][3]string{{"Warsaw", "MOU", "2021"}, {"Krakow", "MOU", "2019"}, {"Gdansk", "MOU", "2015"}})
	group("Spain", [3]float64{50, 260, 450}, [][3]string{{"Granada", "MOU", "2012"}, {"Valladolid", "MOU", "2014"}, {"Madrid", "MOU", "2017"}})
	p := page(1, words, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 2)
	assert.Equal(t, []string{"Partner", "Kind", "Date"}, texts(tabs[1].table)[0])
	assert.Equal(t, []string{"Granada", "MOU", "2012"}, texts(tabs[1].table)[1])
}

func TestStreamRunningTextIsNotATable(t *testing.T) {
	// Two columns of running text.
	var words []Word
	for i := range 12 {
		y := 100 + float64(i)*12
		x := 50.0
		for _, s := range []string{"lorem", "ipsum", "dolor", "sit", "amet", "elit"} {
			words = append(words, tw(s, x, y))
			x += 5*float64(len(s)) + 3
		}
		x = 320
		for _, s := range []string{"sed", "do", "eiusmod", "tempor", "labore", "magna"} {
			words = append(words, tw(s, x, y))
			x += 5*float64(len(s)) + 3
		}
	}
	p := page(1, words, nil)
	assert.Empty(t, pageTables(&p))
}

func TestStreamNumberedListIsNotATable(t *testing.T) {
	var words []Word
	for i, s := range []string{"Calculate the trip distance.", "Eliminate stops.", "Set the rate.", "Continue cruising."} {
		y := 100 + 14*float64(i)
		words = append(words, tw(fmt.Sprintf("%d.", i+1), 50, y))
		x := 80.0
		for _, f := range strings.Fields(s) {
			words = append(words, tw(f, x, y))
			x += 5*float64(len(f)) + 3
		}
	}
	p := page(1, words, nil)
	assert.Empty(t, pageTables(&p))
}

// ruledPage is page n of a ruled table continuing over pages: a header row
// (repeated on every page) and rows data rows, starting at top.
func ruledPage(n, first, rows int, top float64, title bool) PageLayout {
	xs := []float64{50, 150, 400, 500}
	ys := []float64{top}
	for i := 0; i <= rows; i++ {
		ys = append(ys, top+20*float64(i+1))
	}
	words := []Word{tw("No.", 55, top+5), tw("Partner", 155, top+5), tw("Year", 405, top+5)}
	if title {
		words = append(words, tw("Agreements", 50, top-40))
	}
	for i := range rows {
		y := top + 20*float64(i+1) + 5
		words = append(words, tw(fmt.Sprint(first+i), 55, y), tw(fmt.Sprintf("Univ%d", first+i), 155, y), tw("2020", 405, y))
	}
	words = append(words, tw(fmt.Sprint(n), 300, 780)) // page number
	return page(n, words, gridRules(xs, ys))
}

func TestStitchAcrossPages(t *testing.T) {
	pages := []PageLayout{
		ruledPage(1, 1, 33, 90, true),
		ruledPage(2, 34, 34, 60, false),
		ruledPage(3, 68, 5, 60, false),
	}
	regions := findTables(pages)
	require.Len(t, regions, 1)
	tab := regions[0].Table
	require.Len(t, tab.Rows, 1+33+34+5)
	assert.True(t, tab.Rows[0].Header)
	assert.Equal(t, "No.", tab.Rows[0].Cells[0].Text)
	for _, r := range tab.Rows[1:] {
		assert.False(t, r.Header)
		assert.NotEqual(t, "No.", r.Cells[0].Text)
	}
	assert.Equal(t, 1, tab.Rows[33].Page)
	assert.Equal(t, "34", tab.Rows[34].Cells[0].Text)
	assert.Equal(t, 2, tab.Rows[34].Page)
	assert.Equal(t, 3, tab.Rows[len(tab.Rows)-1].Page)
	require.Len(t, regions[0].Areas, 3)
	assert.Equal(t, []int{1, 2, 3}, []int{regions[0].Areas[0].Page, regions[0].Areas[1].Page, regions[0].Areas[2].Page})
}

func TestStitchStreamAcrossPages(t *testing.T) {
	// A whitespace table running from the middle of page 1 to the top of
	// page 2, header repeated.
	mk := func(n int, top float64, first, rows int) PageLayout {
		words := []Word{tw("Country", 50, top), tw("Partner", 200, top), tw("Year", 400, top)}
		for i := range rows {
			y := top + 15*float64(i+1)
			words = append(words, tw(fmt.Sprintf("C%d", first+i), 50, y), tw("Univ", 200, y), tw(fmt.Sprintf("U%d", first+i), 223, y), tw("2020", 400, y))
		}
		return page(n, words, nil)
	}
	regions := findTables([]PageLayout{mk(1, 300, 1, 30), mk(2, 70, 31, 10)})
	require.Len(t, regions, 1)
	tab := regions[0].Table
	assert.Equal(t, "stream", tab.Method)
	require.Len(t, tab.Rows, 41)
	assert.True(t, tab.Rows[0].Header)
	assert.Equal(t, []string{"C31", "Univ U31", "2020"}, texts(parser.Table{Rows: tab.Rows[31:32]})[0])
	assert.Equal(t, 2, tab.Rows[31].Page)
}

func TestNoStitchWhenTableEndsEarly(t *testing.T) {
	// The first page's table ends high up, with text below it.
	p1 := ruledPage(1, 1, 5, 90, true)
	for i := range 8 {
		w := tw("Paragraph", 50, 300+20*float64(i))
		p1.Words = append(p1.Words, w)
		p1.Lines = append(p1.Lines, TextLine{Words: []Word{w}, Box: w.Box})
	}
	regions := findTables([]PageLayout{p1, ruledPage(2, 6, 5, 60, false)})
	require.Len(t, regions, 2)
	assert.Equal(t, 0, regions[1].Table.Index)
	assert.Equal(t, 2, regions[1].Table.Page)
}

func TestParseReplacesTableLines(t *testing.T) {
	p := streamPage()
	blocks := placeTables(nil, nil)
	assert.Empty(t, blocks)
	var placedLines []placed
	for _, l := range p.Lines {
		placedLines = append(placedLines, placed{page: 1, y: l.Box.Y0, x: l.Box.X0, block: parser.Block{Line: makeBlockLine(1, l)}})
	}
	out := placeTables(placedLines, findTables([]PageLayout{p}))
	var kinds []string
	for _, b := range out {
		if b.block.Table != nil {
			kinds = append(kinds, "table")
		} else {
			kinds = append(kinds, b.block.Line.Text)
		}
	}
	assert.Equal(t, []string{"Department", "Level", "Agreements", "table", "Total", "4"}, kinds)
}

func TestHostileLayoutsFinish(t *testing.T) {
	// Thousands of rulings and words at pseudo-random places: detection
	// must finish quickly and not panic.
	var segs []Segment
	var words []Word
	x := uint32(1)
	next := func(n float64) float64 {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return float64(x%10000) / 10000 * n
	}
	for range 3000 {
		a, b := next(600), next(800)
		segs = append(segs, hrule(a, a+next(300), b), vrule(a, b, b+next(300)))
		words = append(words, tw("w", next(600), next(800)))
	}
	segs = append(segs, Segment{X0: 0, Y0: 0, X1: 0, Y1: 0}, vrule(10, 10, 10))
	p := page(1, words, segs)
	_ = findTables([]PageLayout{p, {Number: 2}})
	grid := gridRules([]float64{0, 1e-9, 2e-9}, []float64{5, 5, 5})
	q := page(1, []Word{tw("x", 0, 0)}, grid)
	_ = findTables([]PageLayout{q})
}

func TestVisualToLogical(t *testing.T) {
	assert.Equal(t, "סך", visualToLogical("ךס"))
	assert.Equal(t, "(ללא", visualToLogical("אלל)"))
	assert.Equal(t, "2014 שנת", visualToLogical("תנש 2014"))
}

// TestTablesGolden pins the raw tables of the small PDFs in
// testdata/tables (made by testdata/tables/gen.sh) and of the
// department-level fixtures.
func TestTablesGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/tables/*.pdf")
	require.NoError(t, err)
	require.NotEmpty(t, inputs)
	// The department-level fixtures: a landscape ruled table over many
	// pages with row spans, a repeated header and wrapped names.
	fixtures, err := filepath.Glob("../../fixtures/tohoku-department-*/input.pdf")
	require.NoError(t, err)
	inputs = append(inputs, fixtures...)
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".pdf")
		if name == "input" {
			name = "fixture-" + filepath.Base(filepath.Dir(in))
		}
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(in)
			require.NoError(t, err)
			doc, err := Parse(filepath.Base(in), b, Options{})
			require.NoError(t, err)
			tables := &parser.Document{Format: doc.Format, Pages: doc.Pages, Title: doc.Title}
			for _, blk := range doc.Blocks {
				if blk.Table != nil {
					tables.Blocks = append(tables.Blocks, blk)
				}
			}
			tables.Number()
			got := parser.Dump(tables)
			path := filepath.Join("testdata", "tables", name+".golden")
			if updating() {
				require.NoError(t, os.WriteFile(path, got, 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "no golden yet: run go test ./parser/pdf -run TablesGolden -update")
			if !assert.Equal(t, string(want), string(got)) {
				_ = os.WriteFile(path+".got", got, 0o644)
			}
		})
	}
}

func TestStreamHeadedRowIsATable(t *testing.T) {
	// The last row of a list, alone under its column headings at the top
	// of a page.
	words := []Word{boldWord("Partner", 50, 70), boldWord("Department", 200, 70), boldWord("Date", 400, 70),
		tw("Institute", 50, 85), tw("GS", 200, 85), tw("Pharmacy", 215, 85), tw("8/1/2016", 400, 85)}
	p := page(1, words, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{{"Partner", "Department", "Date"}, {"Institute", "GS Pharmacy", "8/1/2016"}}, texts(tabs[0].table))
	assert.True(t, tabs[0].table.Rows[0].Header)
}

func TestNoStitchOverAGroupHeading(t *testing.T) {
	// A table ends near the foot of page 1 with a bold group heading under
	// it; the table at the top of page 2 is that group's, not the rest of
	// the table above.
	mk := func(n int, top float64, first, rows int, heading bool) PageLayout {
		words := []Word{tw("Country", 50, top), tw("Partner", 200, top), tw("Year", 400, top)}
		y := top
		for i := range rows {
			y = top + 15*float64(i+1)
			words = append(words, tw(fmt.Sprintf("C%d", first+i), 50, y), tw("Univ", 200, y), tw("2020", 400, y))
		}
		if heading {
			words = append(words, boldWord("SPAIN", 50, y+20))
		}
		return page(n, words, nil)
	}
	regions := findTables([]PageLayout{mk(1, 300, 1, 25, true), mk(2, 70, 31, 3, false)})
	assert.Len(t, regions, 2)
	regions = findTables([]PageLayout{mk(1, 300, 1, 25, false), mk(2, 70, 31, 3, false)})
	assert.Len(t, regions, 1, "without the heading the table goes on")
}

// A bold line right above a table at the top of a page is its group's
// heading: the table of the page before does not go on there. A bold
// running title far above, or a line beside, does not stop it.
func TestHeadingRightAbove(t *testing.T) {
	region := parser.Box{X0: 56, Y0: 77.5, X1: 478, Y1: 222}
	bold := parser.Style{Font: "NotoSansCJKjp-Bold", Size: 10, Bold: true}
	page := func(lines ...TextLine) *PageLayout {
		return &PageLayout{Number: 2, Width: 595, Height: 842, Lines: lines}
	}
	assert.True(t, headingRightAbove(page(TextLine{Box: parser.Box{X0: 56.8, Y0: 61.9, X1: 96.6, Y1: 74.9}, Style: bold}), region))
	assert.False(t, headingRightAbove(page(TextLine{Box: parser.Box{X0: 56.8, Y0: 61.9, X1: 96.6, Y1: 74.9}, Style: parser.Style{Size: 10}}), region),
		"not bold: no heading")
	assert.False(t, headingRightAbove(page(TextLine{Box: parser.Box{X0: 56.8, Y0: 20, X1: 300, Y1: 32}, Style: bold}), region),
		"a running title in the top margin")
	assert.False(t, headingRightAbove(page(TextLine{Box: parser.Box{X0: 500, Y0: 61.9, X1: 560, Y1: 74.9}, Style: bold}), region),
		"beside the table, not over it")
}

// A bold line under a table near the foot of its page is the next
// group's heading: the table does not go on over the page break. A CJK
// font's tall line box may reach up over the table's last row.
func TestHeadingBelow(t *testing.T) {
	region := parser.Box{X0: 30, Y0: 608, X1: 537, Y1: 710.8}
	bold := parser.Style{Font: "NotoSansCJKjp-Bold", Size: 10.5, Bold: true}
	page := func(lines ...TextLine) *PageLayout {
		return &PageLayout{Number: 1, Width: 612, Height: 792, Lines: lines}
	}
	assert.True(t, headingBelow(page(TextLine{Box: parser.Box{X0: 27.7, Y0: 704.5, X1: 91.3, Y1: 731.8}, Style: bold}), region))
	assert.True(t, headingBelow(page(TextLine{Box: parser.Box{X0: 27.7, Y0: 712, X1: 91.3, Y1: 724}, Style: bold}), region))
	assert.False(t, headingBelow(page(TextLine{Box: parser.Box{X0: 27.7, Y0: 690, X1: 91.3, Y1: 717}, Style: bold}), region),
		"a bold cell of the last row")
	assert.False(t, headingBelow(page(TextLine{Box: parser.Box{X0: 27.7, Y0: 704.5, X1: 91.3, Y1: 731.8}, Style: parser.Style{Size: 10.5}}), region),
		"not bold")

	// A table reaching into the bottom margin band of an A4 page, a
	// group's heading right under it, in the band (LibreOffice prints
	// "South Korea" so); a bold line at the page's very foot, or one in
	// the band far under a table that ends above it, is no heading.
	a4 := func(lines ...TextLine) *PageLayout {
		return &PageLayout{Number: 1, Width: 595, Height: 842, Lines: lines}
	}
	deep := parser.Box{X0: 59.2, Y0: 657.9, X1: 442.9, Y1: 792.4}
	assert.True(t, headingBelow(a4(TextLine{Box: parser.Box{X0: 60.8, Y0: 800.3, X1: 124.8, Y1: 814}, Style: bold}), deep))
	assert.False(t, headingBelow(a4(TextLine{Box: parser.Box{X0: 60.8, Y0: 818, X1: 124.8, Y1: 831.7}, Style: bold}), deep),
		"at the page's foot")
	assert.False(t, headingBelow(a4(TextLine{Box: parser.Box{X0: 60.8, Y0: 800.3, X1: 124.8, Y1: 814}, Style: bold}), parser.Box{X0: 59.2, Y0: 500, X1: 442.9, Y1: 740}),
		"far under the table")
}

func TestLatticeJustifiedParagraphInACell(t *testing.T) {
	// A cell's paragraph justified to the cell's width: its word gaps are
	// stretched past a chunk gap, at other places on each line, and none
	// of its lines is a row of a table set in white space.
	segs := gridRules([]float64{100, 200, 300, 360}, []float64{80, 100, 165})
	words := []Word{
		tw("Partner", 105, 85), tw("Type", 205, 85), tw("Year", 305, 85),
		tw("Capital", 105, 105), tw("Agreement", 205, 105), tw("to", 275, 105), tw("2016", 305, 105),
		tw("Business", 105, 117), tw("create", 205, 117), tw("jointly", 250, 117),
		tw("Center", 205, 129), tw("for", 270, 129),
		tw("research", 205, 141), tw("and", 270, 141),
		tw("Studies", 205, 153),
	}
	p := page(1, words, segs)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{
		{"Partner", "Type", "Year"},
		{"Capital Business", "Agreement to create jointly Center for research and Studies", "2016"},
	}, texts(tabs[0].table))
}

func TestStreamOneRowTableRuledLikeItsNeighbour(t *testing.T) {
	// Two tables set alike on one page (groff's tbl): a header of three
	// lines, a double rule under it, rows ruled apart, all lines at one
	// pitch, the body's lines taller than the header's. The second table
	// has one row of wrapped cells, between the rule under its header
	// and the rule of its frame.
	var ws []Word
	var segs []Segment
	line := func(y, h float64, cells ...string) {
		for k, x := range []float64{57.6, 180, 240} {
			if k < len(cells) && cells[k] != "" {
				for _, w := range words(cells[k], x, y) {
					w.Box.Y1 = y + h
					ws = append(ws, w)
				}
			}
		}
	}
	table := func(y float64, rows [][][]string) float64 {
		segs = append(segs, hrule(57.6, 295.2, y-2.6))
		line(y, 8.98, "Partner Institution", "Department", "Date of")
		line(y+12, 8.98, "", "at Tohoku", "Agreement")
		line(y+24, 8.98, "", "University", "")
		segs = append(segs, hrule(57.6, 295.2, y+35.4), hrule(57.6, 295.2, y+37.4))
		y += 38
		for _, r := range rows {
			for _, l := range r {
				line(y, 11.08, l...)
				y += 12
			}
			segs = append(segs, hrule(57.6, 295.2, y+1.4))
			y += 2
		}
		return y
	}
	y := table(100, [][][]string{
		{{"Aalborg University", "GS", "H25.4.1"}, {"", "Engineering", ""}},
		{{"Aarhus University", "IMR", "H20.2.1"}},
		{{"Technical University of", "GS", "H26.6.12"}, {"Denmark", "Economics", ""}},
	})
	ws = append(ws, boldWord("Estonia", 57.6, y+20))
	table(y+52, [][][]string{{
		{"Tallin University of", "GS", "H27.5.27"},
		{"Technology, Tallin School", "Economics", ""},
		{"of Economics and", "and", ""},
		{"Business Administration", "Management", ""},
	}})
	p := page(1, ws, segs)
	tabs := pageTables(&p)
	require.Len(t, tabs, 2)
	assert.Equal(t, [][]string{
		{"Partner Institution", "Department at Tohoku University", "Date of Agreement"},
		{"Aalborg University", "GS Engineering", "H25.4.1"},
		{"Aarhus University", "IMR", "H20.2.1"},
		{"Technical University of Denmark", "GS Economics", "H26.6.12"},
	}, texts(tabs[0].table))
	assert.Equal(t, [][]string{
		{"Partner Institution", "Department at Tohoku University", "Date of Agreement"},
		{"Tallin University of Technology, Tallin School of Economics and Business Administration", "GS Economics and Management", "H27.5.27"},
	}, texts(tabs[1].table))
}

func TestTablesInTwoColumnsUnderOneRepeatedHeader(t *testing.T) {
	// Two tables in two page columns whose rows share baselines read as
	// one table naming its columns twice; each column's tables are ruled
	// by themselves: two tables, the left one first. Without rules, one
	// table of four columns (TestStreamTableAcrossItsColumnGapIsOneTable).
	var words []Word
	var segs []Segment
	for k, x := range []float64{50, 320} {
		y := 100.0
		segs = append(segs, hrule(x-5, x+170, y-2))
		for i, r := range [][2]string{{"Partner", "Year"}, {"Aalto", "2001"}, {"Oulu", "2004"}, {"Tampere", "2006"}} {
			if i > 0 {
				r[0] += fmt.Sprint(k)
			}
			words = append(words, tw(r[0], x, y), tw(r[1], x+130, y))
			y += 16
			segs = append(segs, hrule(x-5, x+170, y-3))
		}
	}
	p := page(1, words, segs)
	tabs := pageTables(&p)
	require.Len(t, tabs, 2)
	assert.Equal(t, [][]string{{"Partner", "Year"}, {"Aalto0", "2001"}, {"Oulu0", "2004"}, {"Tampere0", "2006"}}, texts(tabs[0].table))
	assert.Equal(t, [][]string{{"Partner", "Year"}, {"Aalto1", "2001"}, {"Oulu1", "2004"}, {"Tampere1", "2006"}}, texts(tabs[1].table))
	require.Len(t, p.flows, 1)
	assert.True(t, p.flows[0].byTables)
}

// TestMarkBulletOfItsOwnLine: a drawn bullet belongs to the line beside
// its middle; the next line (a wrapped one), whose tall box reaches up
// over the bullet, has none.
func TestMarkBulletOfItsOwnLine(t *testing.T) {
	st := parser.Style{Font: "NotoSansCJKjp-Regular", Size: 10.5}
	first := TextLine{Box: parser.Box{X0: 53.3, Y0: 163.8, X1: 542.8, Y1: 191.1}, Style: st}
	wrapped := TextLine{Box: parser.Box{X0: 53.3, Y0: 178.8, X1: 181.3, Y1: 206.1}, Style: st}
	p := &PageLayout{Number: 1, Width: 612, Height: 792, Lines: []TextLine{first, wrapped},
		Marks: []Mark{{Box: parser.Box{X0: 40.1, Y0: 177.8, X1: 43.8, Y1: 181.5}, Shape: "disc"}}}
	assert.Equal(t, "•", markBullet(p, first))
	assert.Equal(t, "", markBullet(p, wrapped))
}
