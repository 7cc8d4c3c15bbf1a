package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// setText is a run of text set at (x, y), top-left page space, in Courier
// (6 pt a character at 10 pt) or Courier-Bold.
type setText struct {
	text string
	x, y float64
	bold bool
}

// shapeWords lays out set texts as words as Courier sets them at 10 pt:
// 6 pt a character and a space, 10 pt high.
func shapeWords(ts []setText) []Word {
	var out []Word
	for _, t := range ts {
		x := t.x
		for _, f := range strings.Fields(t.text) {
			n := float64(len([]rune(f)))
			w := Word{Text: f, Box: parser.Box{X0: x, Y0: t.y, X1: x + 6*n, Y1: t.y + 10}}
			w.Style.Bold = t.bold
			out = append(out, w)
			x += 6*n + 6
		}
	}
	return out
}

// shapePDF writes set texts into a one-page PDF, in Courier at 10 pt: the
// same shape as shapeWords, through the text layer.
func shapePDF(ts []setText) []byte { return shapeDrawnPDF(ts, "") }

// shapeDrawnPDF is shapePDF with drawing operators (rules, filled
// rectangles; PDF user space, y up) before the text.
func shapeDrawnPDF(ts []setText, drawn string) []byte {
	var c strings.Builder
	c.WriteString(drawn)
	for _, t := range ts {
		font := "F1"
		if t.bold {
			font = "F2"
		}
		fmt.Fprintf(&c, "BT /%s 10 Tf %.2f %.2f Td (%s) Tj ET\n", font, t.x, 800-t.y-8, t.text)
	}
	font := func(name string) string {
		return "<< /Type /Font /Subtype /Type1 /BaseFont /" + name + " /Encoding /WinAnsiEncoding >>"
	}
	return buildPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 800 800] /Contents 4 0 R /Resources << /Font << /F1 "+font("Courier")+" /F2 "+font("Courier-Bold")+" >> >> >>",
		"<< stream:"+c.String())
}

// shapeWay is the tables one way of reading set texts found.
type shapeWay struct {
	name   string
	tables []parser.Table
}

// shapeTables reads the tables of set texts both ways: from words laid
// out directly, and from a PDF through the whole parser.
func shapeTables(t *testing.T, ts []setText) []shapeWay {
	t.Helper()
	p := page(1, shapeWords(ts), nil)
	words := shapeWay{name: "words"}
	for _, pt := range pageTables(&p) {
		words.tables = append(words.tables, pt.table)
	}
	doc, err := Parse("shape.pdf", shapePDF(ts), Options{})
	require.NoError(t, err)
	pdf := shapeWay{name: "pdf"}
	for _, b := range doc.Blocks {
		if b.Table != nil {
			pdf.tables = append(pdf.tables, *b.Table)
		}
	}
	return []shapeWay{words, pdf}
}

func TestStreamHeaderAboveAGroupHeadingWiderThanItsColumn(t *testing.T) {
	// A narrow table: column headings over three lines, the second
	// column's starting a few points right of the first's widest text;
	// a region's and a country's heading between them and the rows, the
	// country's wider than the first column. The headings are the
	// table's, above its group rows.
	var ts []setText
	y := 80.0
	row := func(bold bool, cells ...string) {
		for k, c := range cells {
			if c != "" {
				ts = append(ts, setText{c, []float64{50, 117, 200}[k], y, bold})
			}
		}
	}
	row(true, "Partner", "Unit at", "Date")
	y += 10
	row(true, "Name", "Tohoku", "signed")
	y += 10
	row(true, "", "University")
	y += 13
	row(true, "ASIA (60)")
	y += 13
	row(true, "KOREA (SOUTH)")
	for _, r := range [][]string{{"Chonnam-NU", "GS Law", "2007"}, {"Dongguk-U.", "GS Arts", "2012"}, {"Hallym-Uni", "GS Science", "2018"}, {"Hannam-Uni", "IMRAM", "2003"}} {
		y += 13
		row(false, r...)
	}
	for _, w := range shapeTables(t, ts) {
		way, tabs := w.name, w.tables
		require.Len(t, tabs, 1, way)
		rows := texts(tabs[0])
		require.NotEmpty(t, rows, way)
		assert.Equal(t, []string{"Partner", "Unit at", "Date"}, rows[0], way)
		assert.True(t, tabs[0].Rows[0].Header, way)
		assert.Contains(t, rows, []string{"KOREA (SOUTH)", "", ""}, way)
		assert.Equal(t, []string{"Hannam-Uni", "IMRAM", "2003"}, rows[len(rows)-1], way)
	}
}

func TestStreamDashOverhangingAColumnGapStaysInItsCell(t *testing.T) {
	// A name ends in a dash set close after it, past the middle of the
	// gap before the next column, whose text follows a little further
	// on, in one run of words: the cell border is the wider word gap.
	var ts []setText
	y := 80.0
	row := func(bold bool, cells ...string) {
		for k, c := range cells {
			ts = append(ts, setText{c, []float64{50, 110, 200}[k], y, bold})
		}
		y += 14
	}
	row(true, "Partner", "Level", "Date")
	row(false, "Rhodes", "GS Science", "2013")
	row(false, "Sydney", "University", "1993")
	ts = append(ts, setText{"AIMS-NEI", 50, y, false}, setText{"-", 100, y, false}, setText{"University", 110, y, false}, setText{"2019", 200, y, false})
	y += 14
	row(false, "Monash", "GS Law", "2004")
	for _, w := range shapeTables(t, ts) {
		way, tabs := w.name, w.tables
		require.Len(t, tabs, 1, way)
		assert.Equal(t, [][]string{
			{"Partner", "Level", "Date"},
			{"Rhodes", "GS Science", "2013"},
			{"Sydney", "University", "1993"},
			{"AIMS-NEI -", "University", "2019"},
			{"Monash", "GS Law", "2004"},
		}, texts(tabs[0]), way)
	}
}

func TestStreamLastRowTakesAWrappedLineRunningIntoTheColumnGap(t *testing.T) {
	// The last row's name wraps onto a line as long as the longest of its
	// column, longer than any row's first line: it runs past the middle
	// of the gap to the next column, short of that column's text, at the
	// foot of the page. It is still the cell's line.
	var ts []setText
	y := 80.0
	row := func(bold bool, cells ...string) {
		for k, c := range cells {
			ts = append(ts, setText{c, []float64{50, 260}[k], y, bold})
		}
	}
	row(true, "Partner Institution", "Department")
	y += 16
	row(false, "Shinshu University Campus", "School of Agro-Industry")
	y += 16
	row(false, "Faculty of Humanities", "School of Social Innovation")
	y += 11
	row(false, "Yamagata University of Fine Arts")
	y += 16
	row(false, "Chiba University", "School of Science")
	y += 16
	row(false, "Hiroshima University", "School of Social Innovation")
	y += 11
	row(false, "Graduate School for Developments")
	for _, w := range shapeTables(t, ts) {
		way, tabs := w.name, w.tables
		require.Len(t, tabs, 1, way)
		rows := texts(tabs[0])
		assert.Equal(t, []string{"Hiroshima University Graduate School for Developments", "School of Social Innovation"}, rows[len(rows)-1], way)
	}
}

// groupedTable sets a table of three columns whose rows and wrapped lines
// stand 12 pt apart, with bold group headings 16 pt from the lines around
// them, the last row's name wrapped at the foot of the page.
func groupedTable() []setText {
	var ts []setText
	y := 80.0
	row := func(bold bool, cells ...string) {
		for k, c := range cells {
			if c != "" {
				ts = append(ts, setText{c, []float64{50, 250, 400}[k], y, bold})
			}
		}
	}
	next := func(d float64) { y += d }
	row(true, "ASIA")
	next(16)
	row(true, "TAIWAN")
	next(16)
	row(false, "Partner", "Unit", "Date")
	for _, r := range [][]string{{"Academia Sinica", "CYRIC", "2008"}, {"Chang Gung", "IFS", "2011"}, {"Tamkang", "GS Science", "2013"}} {
		next(12)
		row(false, r...)
	}
	next(12)
	row(false, "Fu Jen Catholic", "GS Arts", "2008")
	next(12)
	row(false, "University")
	next(16)
	row(true, "EUROPE")
	next(16)
	row(true, "FRANCE")
	next(16)
	row(false, "Partner", "Unit", "Date")
	for _, r := range [][]string{{"Sorbonne", "GS Law", "1999"}, {"Lyon", "IMR", "2004"}, {"Nantes", "IMRAM", "2014"}} {
		next(12)
		row(false, r...)
	}
	next(12)
	row(false, "Heidelberg", "GS Law", "2003")
	next(12)
	row(false, "Faculty of Law")
	return ts
}

func TestStreamTableGoesOnOverGroupHeadings(t *testing.T) {
	// Two bold group headings at the table's left edge after a row's
	// wrapped line, then the table's own column headings again: one
	// table, the headings its group rows, and the wrapped line at the
	// foot of the page its last row's, set as close as the rows are
	// (the rows are set apart from the headings, not from one another).
	for _, w := range shapeTables(t, groupedTable()) {
		way, tabs := w.name, w.tables
		require.Len(t, tabs, 1, way)
		rows := texts(tabs[0])
		assert.Contains(t, rows, []string{"Fu Jen Catholic University", "GS Arts", "2008"}, way)
		assert.Contains(t, rows, []string{"FRANCE", "", ""}, way)
		assert.Equal(t, []string{"Heidelberg Faculty of Law", "GS Law", "2003"}, rows[len(rows)-1], way)
	}
}

func TestLatticeCellTextOverflowingItsBorderStaysWhole(t *testing.T) {
	// A word drawn in one run overflows its ruled cell into the next
	// one, whose own text, drawn apart from it, starts right where it
	// ends (read as one word with it) or a little further on: the
	// overflowing word stays whole in the cell it starts in.
	for name, x := range map[string]float64{"touching": 130, "apart": 140} {
		// Drawn column by column.
		ts := []setText{
			{"Partner", 52, 82, true}, {"Chiba", 52, 97, false}, {"Horticulture,", 52, 112, false}, {"Kyoto", 52, 127, false},
			{"Unit", 112, 82, true}, {"Science", 112, 97, false}, {"Agro", x, 112, false}, {"Law", 112, 127, false},
		}
		var rules strings.Builder
		for _, y := range []float64{80, 95, 110, 125, 140} {
			fmt.Fprintf(&rules, "0.5 w 50 %.1f m 200 %.1f l S\n", 800-y, 800-y)
		}
		for _, x := range []float64{50, 110, 200} {
			fmt.Fprintf(&rules, "0.5 w %.1f 660 m %.1f 720 l S\n", x, x)
		}
		doc, err := Parse("overflow.pdf", shapeDrawnPDF(ts, rules.String()), Options{})
		require.NoError(t, err, name)
		var tabs []parser.Table
		for _, b := range doc.Blocks {
			if b.Table != nil {
				tabs = append(tabs, *b.Table)
			}
		}
		require.Len(t, tabs, 1, name)
		assert.Equal(t, [][]string{
			{"Partner", "Unit"},
			{"Chiba", "Science"},
			{"Horticulture,", "Agro"},
			{"Kyoto", "Law"},
		}, texts(tabs[0]), name)
	}
}

func TestStreamWordyRowsRuledApartAreATable(t *testing.T) {
	// Two columns whose cells hold many words each, as running text in
	// two columns would: with a rule drawn between every two rows they
	// are a table's rows; with none, or only the edges of shaded bands
	// (no rules), they stay text.
	var ws []Word
	var ruled, bands []Segment
	y := 100.0
	for i := range 12 {
		ws = append(ws, words("Kagoshima University Agreement on Academic Exchange Programme", 50, y)...)
		ws = append(ws, words("Faculty of Agriculture and Life", 400, y)...)
		if i > 0 {
			ruled = append(ruled, hrule(45, 600, y-1))
			bands = append(bands, Segment{X0: 45, Y0: y - 1, X1: 600, Y1: y - 1})
		}
		y += 12
	}
	for name, segs := range map[string][]Segment{"ruled": ruled, "bands": bands, "unruled": nil} {
		p := page(1, ws, segs)
		tabs := pageTables(&p)
		if name != "ruled" {
			assert.Empty(t, tabs, name)
			continue
		}
		require.Len(t, tabs, 1, name)
		assert.Len(t, tabs[0].table.Rows, 12, name)
	}
}

func TestStreamCellMergedWhereRowRulesStopShort(t *testing.T) {
	// Rows ruled apart across the partner and unit columns only beside a
	// country's cell, merged over its rows, whose name wraps onto the
	// next row's line: the country's cell spans the rows and reads whole.
	// Rules across the whole table keep the cells apart.
	for name, lo := range map[string]float64{"short": 115, "across": 45} {
		var ws []Word
		var segs []Segment
		y := 100.0
		row := func(country, partner, unit string, ruleFrom float64) {
			if country != "" {
				ws = append(ws, words(country, 50, y)...)
			}
			ws = append(ws, words(partner, 120, y)...)
			if unit != "" {
				ws = append(ws, words(unit, 400, y)...)
			}
			segs = append(segs, hrule(ruleFrom, 600, y-4))
			y += 18
		}
		row("Laos", "Ministry of Science", "Department of Planning", 45)
		row("Malay", "Universiti Putra Malaysia", "Faculty of Forestry", 45)
		ws = append(ws, words("sia", 50, y+2)...)
		row("", "Universiti Tunku Abdul Rahman", "Faculty of Science", lo)
		row("Japan", "Kagoshima University", "Faculty of Agriculture", 45)
		row("", "Yamagata University", "Faculty of Humanities", lo)
		segs = append(segs, hrule(45, 600, y-4))
		p := page(1, ws, segs)
		tabs := pageTables(&p)
		require.Len(t, tabs, 1, name)
		rows := texts(tabs[0].table)
		require.Len(t, rows, 5, name)
		if name == "short" {
			assert.Equal(t, []string{"<1x2>Malay sia", "Universiti Putra Malaysia", "Faculty of Forestry"}, rows[1], name)
			assert.Equal(t, "^", rows[2][0], name)
			assert.Equal(t, "^", rows[4][0], name)
		} else {
			assert.Equal(t, "Malay", rows[1][0], name)
			assert.Equal(t, "sia", rows[2][0], name)
		}
	}
}

// ruledSparseTable is a table of two columns, a name and a marker, its
// rows ruled apart (a rule above every row and under the last), the
// marker column empty in some rows; every row's name wraps onto a second
// line set solid, and a note follows under the last rule. It returns the
// set texts and the rules' heights (top-left page space).
func ruledSparseTable() ([]setText, []float64) {
	ts := []setText{{"Partner Institution", 50, 80, true}, {"Exemption", 398, 80, true}}
	rules := []float64{78, 92}
	y := 94.0
	for _, r := range [][3]string{
		{"Ghent University", "Faculty of Arts", "*"},
		{"KU Leuven", "Faculty of Medicine", ""},
		{"KU Leuven", "Faculty of Life Sciences", ""},
		{"Universite Libre de Bruxelles", "Ecole Polytechnique", "*"},
		{"Masaryk University", "Faculty of Science", ""},
		{"Aalto University", "School of Arts", "*"},
	} {
		ts = append(ts, setText{r[0], 50, y, false}, setText{r[1], 50, y + 10, false})
		if r[2] != "" {
			ts = append(ts, setText{r[2], 398, y, false})
		}
		y += 24
		rules = append(rules, y-2)
	}
	ts = append(ts, setText{"Copyright Tohoku University", 48, y + 4, false})
	return ts, rules
}

func TestStreamRuledRowWithItsSparseColumnEmptyStaysInTheTable(t *testing.T) {
	// Rows whose marker column is empty are rows of the table all the
	// same: the rules around them go on across the table, and their
	// lines start where the names' column starts. The note under the
	// last rule is none of it.
	ts, ys := ruledSparseTable()
	want := [][]string{
		{"Partner Institution", "Exemption"},
		{"Ghent University Faculty of Arts", "*"},
		{"KU Leuven Faculty of Medicine", ""},
		{"KU Leuven Faculty of Life Sciences", ""},
		{"Universite Libre de Bruxelles Ecole Polytechnique", "*"},
		{"Masaryk University Faculty of Science", ""},
		{"Aalto University School of Arts", "*"},
	}
	var segs []Segment
	var drawn strings.Builder
	for _, y := range ys {
		segs = append(segs, hrule(45, 480, y))
		fmt.Fprintf(&drawn, "0.5 w 45 %.1f m 480 %.1f l S\n", 800-y, 800-y)
	}
	p := page(1, shapeWords(ts), segs)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1, "words")
	assert.Equal(t, want, texts(tabs[0].table), "words")

	doc, err := Parse("ruled.pdf", shapeDrawnPDF(ts, drawn.String()), Options{})
	require.NoError(t, err, "pdf")
	var got [][][]string
	for _, b := range doc.Blocks {
		if b.Table != nil {
			got = append(got, texts(*b.Table))
		}
	}
	require.Len(t, got, 1, "pdf")
	assert.Equal(t, want, got[0], "pdf")
}

func TestStreamOneRowTableSplitsColumnsSetCloseByItsHeadings(t *testing.T) {
	// A table of one row (the end of one continued from the column
	// before) under bold headings over two lines: a narrow kind column
	// set closer to the unit column than a gap between cells, in the
	// headings as in the row. The unit's heading starts where the row's
	// unit does, and no word crosses the gap before it: two columns.
	ts := []setText{
		{"Partner", 50, 80, true}, {"Kind", 200, 80, true}, {"Unit", 228, 80, true}, {"Date", 300, 80, true},
		{"type", 200, 90, true}, {"signed", 300, 90, true},
		{"Wroclaw", 50, 103, false}, {"Dept", 200, 103, false}, {"IFS", 228, 103, false}, {"Jun.", 300, 103, false},
		{"Polytechnic", 50, 113, false}, {"agr", 200, 113, false}, {"2014", 300, 113, false},
	}
	for _, w := range shapeTables(t, ts) {
		require.Len(t, w.tables, 1, w.name)
		assert.Equal(t, [][]string{
			{"Partner", "Kind type", "Unit", "Date signed"},
			{"Wroclaw Polytechnic", "Dept agr", "IFS", "Jun. 2014"},
		}, texts(w.tables[0]), w.name)
	}
}

// overlappingGrids lays out two ruled tables side by side, the left one
// running on 40 pt into the right one's first column (its rules crossing
// the right one's), with a header word of its last column reaching into
// the right table's region. It returns the set texts and the rules (top-
// left page space).
func overlappingGrids() ([]setText, []Segment) { return overlappingGridsFrom(95) }

// overlappingGridsFrom is overlappingGrids with the right table's top
// rule at top (100: on one line with the left table's).
func overlappingGridsFrom(top float64) ([]setText, []Segment) {
	var ts []setText
	var segs []Segment
	grid := func(xs, ys []float64) {
		for _, y := range ys {
			segs = append(segs, hrule(xs[0], xs[len(xs)-1], y))
		}
		for _, x := range xs {
			segs = append(segs, vrule(x, ys[0], ys[len(ys)-1]))
		}
	}
	grid([]float64{50, 150, 200, 260}, []float64{100, 120, 140, 160})
	ts = append(ts, setText{"Partner", 52, 105, true}, setText{"Unit", 152, 105, true}, setText{"Exemption", 204, 105, true},
		setText{"Dhaka", 52, 125, false}, setText{"GSID", 152, 125, false}, setText{"*", 204, 125, false},
		setText{"Bhutan", 52, 145, false}, setText{"Soec", 152, 145, false})
	grid([]float64{220, 320, 380, 440}, []float64{top, 115, 135, 155, 175})
	ts = append(ts, setText{"Partner", 222, 100, true}, setText{"Unit", 322, 100, true}, setText{"Year", 382, 100, true},
		setText{"Peking", 222, 120, false}, setText{"Law", 322, 120, false}, setText{"2000", 382, 120, false},
		setText{"of", 222, 140, false}, setText{"Env", 322, 140, false}, setText{"2009", 382, 140, false},
		setText{"Nanjing", 222, 160, false}, setText{"Engg", 322, 160, false}, setText{"2003", 382, 160, false})
	return ts, segs
}

func TestOverlappingGridsInTwoColumnsReadColumnByColumn(t *testing.T) {
	// A page in two columns, the left column's per-group tables (each
	// under its group's heading) running on into the right column's
	// table, which starts higher up: the left column is read first, its
	// headings before their tables, then the right column.
	ts, segs := overlappingGrids()
	ts = append(ts, setText{"ASIA", 50, 84, true}, setText{"BHUTAN", 50, 176, true},
		setText{"Partner", 52, 195, true}, setText{"Unit", 152, 195, true}, setText{"Exemption", 204, 195, true},
		setText{"Thimphu", 52, 215, false}, setText{"GSID", 152, 215, false})
	for _, y := range []float64{190, 210, 230} {
		segs = append(segs, hrule(50, 260, y))
	}
	for _, x := range []float64{50, 150, 200, 260} {
		segs = append(segs, vrule(x, 190, 230))
	}
	for _, y := range []float64{195, 215, 235} {
		segs = append(segs, hrule(220, 440, y))
	}
	for _, x := range []float64{220, 320, 380, 440} {
		segs = append(segs, vrule(x, 175, 235))
	}
	ts = append(ts, setText{"Tianjin", 222, 180, false}, setText{"Soec", 322, 180, false}, setText{"2007", 382, 180, false},
		setText{"Fudan", 222, 200, false}, setText{"Med", 322, 200, false}, setText{"2010", 382, 200, false},
		setText{"Wuhan", 222, 220, false}, setText{"Sci", 322, 220, false}, setText{"2012", 382, 220, false})
	var drawn strings.Builder
	for _, s := range segs {
		fmt.Fprintf(&drawn, "0.5 w %.1f %.1f m %.1f %.1f l S\n", s.X0, 800-s.Y0, s.X1, 800-s.Y1)
	}
	doc, err := Parse("columns.pdf", shapeDrawnPDF(ts, drawn.String()), Options{})
	require.NoError(t, err)
	var got []string
	for _, b := range doc.Blocks {
		switch {
		case b.Table != nil:
			got = append(got, b.Table.Rows[1].Cells[0].Text)
		case b.Line != nil:
			got = append(got, b.Line.Text)
		}
	}
	assert.Equal(t, []string{"ASIA", "Dhaka", "BHUTAN", "Thimphu", "Peking"}, got)
}

func TestLatticeOverlappingGridsStayApart(t *testing.T) {
	// Two grids whose rules cross each other only through (no rule of
	// one ends on a rule of the other) are two tables, each with the
	// words it holds whole, a word held by both going to the one it
	// starts closest after a column rule of. Their top rules on one line
	// stay two rules, and the right table's first column rule, ending
	// where its own top rule does, joins that one, not the left table's
	// passing through.
	want := [][][]string{
		{{"Partner", "Unit", "Year"}, {"Peking", "Law", "2000"}, {"of", "Env", "2009"}, {"Nanjing", "Engg", "2003"}},
		{{"Partner", "Unit", "Exemption"}, {"Dhaka", "GSID", "*"}, {"Bhutan", "Soec", ""}},
	}
	for name, top := range map[string]float64{"higher": 95, "level": 100} {
		ts, segs := overlappingGridsFrom(top)
		p := page(1, shapeWords(ts), segs)
		var got [][][]string
		for _, pt := range pageTables(&p) {
			got = append(got, texts(pt.table))
		}
		assert.ElementsMatch(t, want, got, name+" words")

		var drawn strings.Builder
		for _, s := range segs {
			fmt.Fprintf(&drawn, "0.5 w %.1f %.1f m %.1f %.1f l S\n", s.X0, 800-s.Y0, s.X1, 800-s.Y1)
		}
		doc, err := Parse("grids.pdf", shapeDrawnPDF(ts, drawn.String()), Options{})
		require.NoError(t, err, name+" pdf")
		got = nil
		for _, b := range doc.Blocks {
			if b.Table != nil {
				got = append(got, texts(*b.Table))
			}
		}
		assert.ElementsMatch(t, want, got, name+" pdf")
	}
}

func TestStreamOneRowWithABlankCellUnderItsHeader(t *testing.T) {
	// The end of a table continued from the page before: its header
	// repeated in bold, then one row whose last cell is blank and whose
	// first is wrapped onto a second line. It is a table of one row.
	ts := []setText{
		{"Country", 50, 80, true}, {"Partner", 104, 80, true}, {"Unit", 400, 80, true},
		{"Mauri-", 50, 93, false}, {"University of Mauritius", 104, 93, false},
		{"tius", 50, 106, false},
	}
	// A third way: the words of a font whose boxes stand much taller
	// than its type (a Japanese font's), the lines' boxes overlapping;
	// the first two headings stand 12 pt apart, more than a chunk gap
	// of the type, less than one of the boxes.
	tall := shapeWords(ts)
	for i := range tall {
		tall[i].Style.Size = 10
		tall[i].Box.Y0 -= 7
		tall[i].Box.Y1 += 7
	}
	p := page(1, tall, nil)
	ways := append(shapeTables(t, ts), shapeWay{name: "tall boxes"})
	for _, pt := range pageTables(&p) {
		ways[2].tables = append(ways[2].tables, pt.table)
	}
	for _, w := range ways {
		way, tabs := w.name, w.tables
		require.Len(t, tabs, 1, way)
		assert.Equal(t, [][]string{
			{"Country", "Partner", "Unit"},
			{"Mauri- tius", "University of Mauritius", ""},
		}, texts(tabs[0]), way)
		assert.True(t, tabs[0].Rows[0].Header, way)
	}
}

func TestStreamCellLineSetApartInsideItsRuledRow(t *testing.T) {
	// Rows ruled apart, their cells wrapped: one cell's last line stands
	// further below the line above it than the rows' wrapped lines do
	// (a producer's page-break spacing), still above the rule that ends
	// its row. It is that cell's line, and the rows below it the table's.
	var ts []setText
	var rules []float64
	row := func(y float64, bold bool, cells ...string) {
		for k, c := range cells {
			if c != "" {
				ts = append(ts, setText{c, []float64{50, 300, 450}[k], y, bold})
			}
		}
	}
	row(80, true, "Partner", "Unit", "Home")
	rules = append(rules, 93)
	row(97, false, "Kagoshima University", "Agriculture", "Agro")
	row(108, false, "Exchange of Students")
	rules = append(rules, 121)
	row(125, false, "Hiroshima University MoA", "IDEC", "Social")
	row(136, false, "on Collaboration")
	row(147, false, "Implementation")
	row(165, false, "Degree Programme")
	rules = append(rules, 178)
	row(182, false, "Yamaguchi University", "Agriculture", "Science")
	row(193, false, "Addendum")
	rules = append(rules, 206)
	row(210, false, "Yamagata University", "Humanities", "Innovation")
	rules = append(rules, 223)

	var segs []Segment
	var drawn strings.Builder
	for _, y := range rules {
		segs = append(segs, hrule(45, 600, y))
		fmt.Fprintf(&drawn, "0.5 w 45 %.2f m 600 %.2f l S\n", 800-y, 800-y)
	}
	p := page(1, shapeWords(ts), segs)
	ways := []shapeWay{{name: "words"}, {name: "pdf"}}
	for _, pt := range pageTables(&p) {
		ways[0].tables = append(ways[0].tables, pt.table)
	}
	doc, err := Parse("shape.pdf", shapeDrawnPDF(ts, drawn.String()), Options{})
	require.NoError(t, err)
	for _, b := range doc.Blocks {
		if b.Table != nil {
			ways[1].tables = append(ways[1].tables, *b.Table)
		}
	}
	for _, w := range ways {
		way, tabs := w.name, w.tables
		require.Len(t, tabs, 1, way)
		assert.Equal(t, [][]string{
			{"Partner", "Unit", "Home"},
			{"Kagoshima University Exchange of Students", "Agriculture", "Agro"},
			{"Hiroshima University MoA on Collaboration Implementation Degree Programme", "IDEC", "Social"},
			{"Yamaguchi University Addendum", "Agriculture", "Science"},
			{"Yamagata University", "Humanities", "Innovation"},
		}, texts(tabs[0]), way)
	}
}
func TestStreamColumnsFoundWhereTheirCellsStart(t *testing.T) {
	// A narrow table whose cells overflow: a long word runs up to or over
	// the next column's text ("Jagiellonian" over "School-",
	// "Engineering" over "06-07"), so that no gap parts the columns on
	// every line. Each column's cells still start at one place.
	var ts []setText
	y := 80.0
	xs := []float64{50, 112, 172, 232}
	row := func(bold bool, cells ...string) {
		for k, c := range cells {
			if c != "" {
				ts = append(ts, setText{c, xs[k], y, bold})
			}
		}
		y += 11
	}
	row(true, "Partner", "Type", "Unit", "Date")
	y += 4
	for _, r := range [][][]string{
		{{"Jagiellonian", "School-", "GS", "2017-"}, {"University", "to-", "Engineering", "06-07"}, {"of Arts", "school"}},
		{{"Maria", "School-", "IMR", "2000-"}, {"Curie-", "to-", "", "06-09"}, {"Sklodowska", "school"}},
		{{"Polish", "School-", "GS Arts", "2015-"}, {"Academy", "to-", "", "09-30"}, {"of", "school"}, {"Sciences"}},
		{{"Wroclaw", "School-", "RIEC", "1976-"}, {"University", "to-", "", "08-03"}, {"of", "school"}, {"Technology"}},
	} {
		for _, l := range r {
			row(false, l...)
		}
		y += 4
	}
	for _, w := range shapeTables(t, ts) {
		way, tabs := w.name, w.tables
		require.Len(t, tabs, 1, way)
		assert.Equal(t, [][]string{
			{"Partner", "Type", "Unit", "Date"},
			{"Jagiellonian University of Arts", "School- to- school", "GS Engineering", "2017- 06-07"},
			{"Maria Curie- Sklodowska", "School- to- school", "IMR", "2000- 06-09"},
			{"Polish Academy of Sciences", "School- to- school", "GS Arts", "2015- 09-30"},
			{"Wroclaw University of Technology", "School- to- school", "RIEC", "1976- 08-03"},
		}, texts(tabs[0]), way)
	}
}

func TestStreamLongCellOfANarrowColumnStaysInItsRow(t *testing.T) {
	// A partner's name in a narrow column right of the first, a word or
	// two a line over a dozen lines (more than a first column's cell
	// wraps onto), its words overflowing toward the next column's text
	// ("Technologies /" past where the next column's cells start). The
	// lines are the row's, and the overflow stays in its cell.
	var ts []setText
	y := 80.0
	xs := []float64{50, 112, 174, 236}
	row := func(bold bool, cells ...string) {
		for k, c := range cells {
			if c != "" {
				ts = append(ts, setText{c, xs[k], y, bold})
			}
		}
		y += 11
	}
	row(true, "Country", "Partner", "Type", "Unit")
	y += 4
	row(false, "Poland", "AGH", "School-", "GS")
	row(false, "", "University", "to-", "Eng.")
	row(false, "", "of", "school")
	row(false, "", "Technology")
	y += 4
	long := []string{"Bauman", "Moscow", "State", "Technical", "University,", "Institute", "of Radio", "Electronics", "and", "Laser", "Technologies", "Research", "and", "Photonics"}
	row(false, "Russia", long[0], "School-", "RIEC")
	row(false, "", long[1], "to-")
	row(false, "", long[2], "school")
	for _, w := range long[3:] {
		if w == "Technologies" {
			ts = append(ts, setText{"/", 186, y, false}) // right after it, past the next column's start
		}
		row(false, "", w)
	}
	y += 4
	row(false, "", "Jagiellonian", "School-", "FRIS")
	row(false, "", "University", "to-")
	row(false, "", "of Arts", "school")
	for _, w := range shapeTables(t, ts) {
		way, tabs := w.name, w.tables
		require.Len(t, tabs, 1, way)
		assert.Equal(t, [][]string{
			{"Country", "Partner", "Type", "Unit"},
			{"Poland", "AGH University of Technology", "School- to- school", "GS Eng."},
			{"Russia", strings.Replace(strings.Join(long, " "), "Technologies", "Technologies /", 1), "School- to- school", "RIEC"},
			{"", "Jagiellonian University of Arts", "School- to- school", "FRIS"},
		}, texts(tabs[0]), way)
	}
}

func TestStreamColumnEmptyButForItsHeadingOnThisPage(t *testing.T) {
	// The last column's cells are all empty on this page; its heading,
	// over two lines, stands right after the one before it, which runs
	// close up to it ("Agreement" "Exemption"). The heading starts a
	// column of its own.
	var ts []setText
	y := 80.0
	row := func(bold bool, cells ...string) {
		for k, c := range cells {
			if c != "" {
				ts = append(ts, setText{c, []float64{50, 200, 256}[k], y, bold})
			}
		}
		y += 14
	}
	row(true, "Partner", "Date of", "Tuition")
	y -= 3
	row(true, "Institution", "Agreement", "Exemption")
	for _, r := range [][]string{{"Kant Baltic", "2018-6-8"}, {"Lomonosov", "2018-6-8"}, {"Bauman", "2015-1-30"}, {"Tomsk", "2013-9-2"}} {
		row(false, r...)
	}
	for _, w := range shapeTables(t, ts) {
		way, tabs := w.name, w.tables
		require.Len(t, tabs, 1, way)
		assert.Equal(t, [][]string{
			{"Partner Institution", "Date of Agreement", "Tuition Exemption"},
			{"Kant Baltic", "2018-6-8", ""},
			{"Lomonosov", "2018-6-8", ""},
			{"Bauman", "2015-1-30", ""},
			{"Tomsk", "2013-9-2", ""},
		}, texts(tabs[0]), way)
	}
}

func TestStreamJustifiedCellLineWrappingBelowStaysWhole(t *testing.T) {
	// A cell's paragraph justified across its column: its first line's
	// words stretched apart by gaps of one width, wider than a column
	// gap; no other line ends where it does (the cell's other line is
	// its paragraph's last), but that line, right under it, starts where
	// it starts. The stretched gaps part no cells.
	var ts []setText
	y := 80.0
	row := func(bold bool, cells ...string) {
		for k, c := range cells {
			if c != "" {
				ts = append(ts, setText{c, []float64{50, 260, 360}[k], y, bold})
			}
		}
		y += 12
	}
	row(true, "Partner", "Unit", "Date")
	y += 4
	ts = append(ts, setText{"Institute", 50, y, false}, setText{"of", 114, y, false}, setText{"Geological", 136, y, false}, setText{"and", 206, y, false})
	row(false, "", "GS Science", "2008")
	row(false, "(GNS)")
	y += 4
	row(false, "Massey", "IRIDeS", "2014")
	y += 4
	row(false, "Otago", "IMR", "2011")
	for _, w := range shapeTables(t, ts) {
		way, tabs := w.name, w.tables
		require.Len(t, tabs, 1, way)
		assert.Equal(t, [][]string{
			{"Partner", "Unit", "Date"},
			{"Institute of Geological and (GNS)", "GS Science", "2008"},
			{"Massey", "IRIDeS", "2014"},
			{"Otago", "IMR", "2011"},
		}, texts(tabs[0]), way)
	}
}

func TestStreamHeadingJustifiedInItsCellStaysOneColumn(t *testing.T) {
	// A column heading justified in its cell: its first line's last word
	// stretched to the cell's right edge, far from the word before it
	// ("Department  at"), its next line right under it from the column's
	// start. No other text stands under the stretched word: it is the
	// heading's, not a column's.
	// Its next line short of the stretched word, or running on under it.
	for _, second := range []string{"Tohoku Univ.", "Tohoku-Daigaku Univ"} {
		var ts []setText
		y := 80.0
		row := func(bold bool, cells ...string) {
			for k, c := range cells {
				if c != "" {
					ts = append(ts, setText{c, []float64{50, 150, 280}[k], y, bold})
				}
			}
			y += 12
		}
		row(true, "Partner", "Department", "Year")
		ts = append(ts, setText{"at", 232, 80, true})
		y--
		if first, rest, ok := strings.Cut(second, "-Daigaku "); ok {
			// set close after the word before, under the stretched word
			ts = append(ts, setText{first + "-Daigaku", 150, y, true}, setText{rest, 237, y, true})
			y += 12
		} else {
			row(true, "", second)
		}
		y += 4
		for _, r := range [][]string{{"Otago", "GS Science", "2008"}, {"Massey", "IRIDeS", "2014"}, {"Auckland", "IMR", "2011"}, {"Lincoln", "GS Law", "2019"}} {
			row(false, r...)
			y += 4
		}
		for _, w := range shapeTables(t, ts) {
			way, tabs := w.name+" "+second, w.tables
			require.Len(t, tabs, 1, way)
			rows := texts(tabs[0])
			require.NotEmpty(t, rows, way)
			assert.Equal(t, []string{"Partner", "Department at " + second, "Year"}, rows[0], way)
			assert.Equal(t, []string{"Lincoln", "GS Law", "2019"}, rows[len(rows)-1], way)
		}
	}
}
