package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// words lays out text from x on the line at y, words 3 pt apart.
func words(text string, x, y float64) []Word {
	var out []Word
	for _, f := range strings.Fields(text) {
		out = append(out, tw(f, x, y))
		x += 5*float64(len([]rune(f))) + 3
	}
	return out
}

func TestStreamLastRowTakesItsWrappedLine(t *testing.T) {
	// Rows 16 pt apart, wrapped lines 11 pt under their row's line; the
	// last row's name wraps onto a line of its own under the table, and a
	// note follows at the rows' distance.
	var ws []Word
	ws = append(ws, words("Country", 50, 80)...)
	ws = append(ws, words("Partner", 150, 80)...)
	ws = append(ws, words("Year", 400, 80)...)
	y := 96.0
	for i, r := range [][3]string{{"France", "Sorbonne University", "1999"}, {"", "Institut National des Sciences", "2004"}, {"", "University of Bordeaux", "2005"}, {"", "Institut National des Langues", "2017"}} {
		ws = append(ws, words(r[0], 50, y)...)
		ws = append(ws, words(r[1], 150, y)...)
		ws = append(ws, words(r[2], 400, y)...)
		if i == 1 {
			y += 11
			ws = append(ws, words("Appliquees", 150, y)...)
		}
		y += 16
	}
	last := y - 16 + 11
	ws = append(ws, words("Orientales", 150, last)...)
	ws = append(ws, words("Copyright", 50, last+16)...)
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{
		{"Country", "Partner", "Year"},
		{"France", "Sorbonne University", "1999"},
		{"", "Institut National des Sciences Appliquees", "2004"},
		{"", "University of Bordeaux", "2005"},
		{"", "Institut National des Langues Orientales", "2017"},
	}, texts(tabs[0].table))
	assert.Equal(t, last+10, tabs[0].region.Y1, "the table ends under the wrapped line, above the note")
}

func TestStreamLastRowLeavesALineAtTheRowsPitch(t *testing.T) {
	// Every line at one pitch: a note under the last row, across its
	// columns, is no wrapped cell.
	var ws []Word
	y := 80.0
	for _, r := range [][3]string{{"Country", "Partner", "Year"}, {"France", "Sorbonne", "1999"}, {"Spain", "Salamanca", "2004"}, {"Italy", "Bologna", "2005"}} {
		ws = append(ws, words(r[0], 50, y)...)
		ws = append(ws, words(r[1], 150, y)...)
		ws = append(ws, words(r[2], 400, y)...)
		y += 14
	}
	ws = append(ws, words("Source: the ministry's yearly survey", 50, y)...)
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Len(t, tabs[0].table.Rows, 4)
	assert.Less(t, tabs[0].region.Y1, y)
}

func TestHeaderEndsAtFirstGroupRow(t *testing.T) {
	// A bold title row, bold column headings, then a bold group heading
	// across the table: only the first two are the header.
	ys := []float64{100, 120, 140, 160, 180, 200}
	segs := []Segment{vrule(100, 100, 200), vrule(400, 100, 200), vrule(250, 120, 140), vrule(250, 160, 200)}
	for _, y := range ys {
		segs = append(segs, hrule(100, 400, y))
	}
	ws := []Word{
		boldWord("Agreements", 105, 105),
		boldWord("Partner", 105, 125), boldWord("Year", 255, 125),
		boldWord("ASIA", 105, 145),
		tw("Fudan", 105, 165), tw("2019", 255, 165),
		tw("Peking", 105, 185), tw("1998", 255, 185),
	}
	p := page(1, ws, segs)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	var header []bool
	for _, r := range tabs[0].table.Rows {
		header = append(header, r.Header)
	}
	assert.Equal(t, []bool{true, true, false, false, false}, header)
}

func TestStreamBulletedColumns(t *testing.T) {
	// Cells of words: two columns of bulleted entries, and a third column
	// filled once (a page number beside the last line).
	var ws []tword
	cell := func(text string) cellAcc {
		var acc cellAcc
		for _, f := range strings.Fields(text) {
			acc.words = append(acc.words, len(ws))
			ws = append(ws, newTword(tw(f, float64(10*len(ws)), 100)))
		}
		return acc
	}
	var accs [][]cellAcc
	for range 4 {
		accs = append(accs, []cellAcc{cell("• Alpha (2001)"), cell("• Beta (2002)"), {}})
	}
	accs = append(accs, []cellAcc{cell("Exemption"), {}, cell("1")})
	two := twoColumns(accs)
	require.Len(t, two, len(accs))
	assert.Len(t, two[0], 2)
	assert.True(t, bulletedColumns(ws, two))

	// A table whose first column is names: not a list.
	var rows [][]cellAcc
	for range 4 {
		rows = append(rows, []cellAcc{cell("Alpha University"), cell("• Beta (2002)")})
	}
	assert.False(t, bulletedColumns(ws, rows))
	// Three columns filled in several rows are a table's.
	rows[0] = append(rows[0], cell("x"))
	rows[1] = append(rows[1], cell("y"))
	for r := 2; r < len(rows); r++ {
		rows[r] = append(rows[r], cellAcc{})
	}
	assert.Nil(t, twoColumns(rows))
}

func TestStreamHeaderUnderALegend(t *testing.T) {
	// A legend in plain text over bold column headings; the first heading
	// is set over two columns, left-aligned in the first.
	ws := words("♦ exemption", 50, 60)
	for _, h := range []struct {
		text string
		x    float64
	}{{"Area", 50}, {"Partner", 200}, {"Year", 400}} {
		ws = append(ws, boldWord(h.text, h.x, 80))
	}
	y := 96.0
	for _, r := range [][4]string{{"Asia", "China", "Fudan", "2019"}, {"", "", "Peking", "1998"}, {"", "India", "Delhi", "2013"}} {
		ws = append(ws, words(r[0], 50, y)...)
		ws = append(ws, words(r[1], 120, y)...)
		ws = append(ws, words(r[2], 200, y)...)
		ws = append(ws, words(r[3], 400, y)...)
		y += 16
	}
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	tab := tabs[0].table
	require.Len(t, tab.Rows, 5)
	assert.Equal(t, []string{"♦ exemption", "", "", ""}, texts(tab)[0])
	assert.False(t, tab.Rows[0].Header)
	assert.True(t, tab.Rows[1].Header)
	assert.Equal(t, []string{"<2x1>Area", "^", "Partner", "Year"}, texts(tab)[1])
	assert.False(t, tab.Rows[2].Header)
}

func TestStitchStreamWithLongerNamesOverleaf(t *testing.T) {
	// The partner names of page 2 are longer: the boundary between the
	// partner and year columns moves, the columns' left edges do not.
	mk := func(n int, top float64, rows int, name string) PageLayout {
		ws := []Word{tw("Country", 50, top), tw("Partner", 150, top), tw("Year", 500, top)}
		for i := range rows {
			y := top + 15*float64(i+1)
			ws = append(ws, words(fmt.Sprintf("C%d", n*100+i), 50, y)...)
			ws = append(ws, words(name, 150, y)...)
			ws = append(ws, words("2020", 500, y)...)
		}
		return page(n, ws, nil)
	}
	regions := findTables([]PageLayout{mk(1, 300, 30, "Kyoto University"), mk(2, 70, 10, "Indian Institute of Science Bangalore India Campus")})
	require.Len(t, regions, 1)
	require.Len(t, regions[0].Table.Rows, 41, "the header repeated overleaf is dropped")
	assert.Equal(t, 2, regions[0].Table.Rows[40].Page)
}

func TestStreamNarrowColumnsSplitByHeadings(t *testing.T) {
	// The country and the partner columns are set so close that their
	// texts run into one another; the bold headings over them, and the
	// partner names that start where a heading does, part them.
	ws := []Word{boldWord("Land", 50, 80), boldWord("Partner", 78, 80), boldWord("Year", 300, 80)}
	y := 96.0
	for _, r := range [][3]string{{"Chile", "Concepcion University", "2002"}, {"", "Talca University", "2009"}, {"Peru", "Lima University", "2010"}, {"", "Cusco University", "2011"}} {
		ws = append(ws, words(r[0], 50, y)...)
		ws = append(ws, words(r[1], 78, y)...)
		ws = append(ws, words(r[2], 300, y)...)
		y += 14
	}
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{
		{"Land", "Partner", "Year"},
		{"Chile", "Concepcion University", "2002"},
		{"", "Talca University", "2009"},
		{"Peru", "Lima University", "2010"},
		{"", "Cusco University", "2011"},
	}, texts(tabs[0].table))
}

func TestStreamOverflowedCellJoinsItsRow(t *testing.T) {
	// Every line at one pitch: a name too long for its column wraps onto
	// a line of its own; a group heading that would have fitted after the
	// row above stays a row, and so does a row of two cells.
	var ws []Word
	y := 80.0
	line := func(cells ...string) {
		for k, c := range cells {
			ws = append(ws, words(c, []float64{50, 260, 400}[k], y)...)
		}
		y += 12
	}
	line("Partner", "Department", "Year")
	line("Lisboa University, Department of", "GS Engineering", "2019")
	line("Bioengineering", "", "")
	line("Kyoto University", "GS Science", "2017")
	line("RUSSIA", "", "")
	line("Moscow State University", "GS Law", "2001")
	line("", "GS Arts", "2003")
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{
		{"Partner", "Department", "Year"},
		{"Lisboa University, Department of Bioengineering", "GS Engineering", "2019"},
		{"Kyoto University", "GS Science", "2017"},
		{"RUSSIA", "", ""},
		{"Moscow State University", "GS Law", "2001"},
		{"", "GS Arts", "2003"},
	}, texts(tabs[0].table))
}

func TestStreamJustifiedTextIsNotATable(t *testing.T) {
	// Justified lines of a narrow column: each line's word gaps are
	// stretched alike, past a cell gap, and the lines end together.
	p := PageLayout{Number: 1, Width: 600, Height: 800}
	y := 100.0
	for _, l := range [][]string{{"University", "of", "Science", "and"}, {"Technology", "of", "China", "(June"}, {"Dalian", "University", "of", "Technology"}, {"Peking", "University", "(November", "10,"}, {"Wuhan", "University", "of", "Technology"}} {
		n := 0
		for _, w := range l {
			n += len(w)
		}
		gap := (200 - 5*float64(n)) / float64(len(l)-1)
		x := 50.0
		var line TextLine
		for _, w := range l {
			word := tw(w, x, y)
			line.Words = append(line.Words, word)
			p.Words = append(p.Words, word)
			x = word.Box.X1 + gap
		}
		line.Box = wordsOf(line.Words)
		p.Lines = append(p.Lines, line)
		y += 12
	}
	assert.Empty(t, pageTables(&p))
}

func wordsOf(ws []Word) parser.Box {
	b := ws[0].Box
	for _, w := range ws[1:] {
		b = union(b, w.Box)
	}
	return b
}

func TestStreamPaddedRowsKeepTheirWrappedLines(t *testing.T) {
	// Narrow columns whose cells all wrap: the lines of a row are set
	// solid (10 pt apart, as high as a line), the rows apart by padding.
	var ws []Word
	y := 100.0
	rows := [][][3]string{
		{{"Partner", "Unit", "Signed"}},
		{{"University of", "GS", "Nov."}, {"Luxembourg", "Science", "29,"}, {"", "", "2017"}},
		{{"Leiden", "GS Arts", "Feb."}, {"University", "and Letters", "15,"}, {"", "", "2011"}},
		{{"Utrecht", "GS", "Sep."}, {"University", "Medicine", "26,"}},
	}
	for _, r := range rows {
		for _, l := range r {
			ws = append(ws, words(l[0], 50, y)...)
			ws = append(ws, words(l[1], 150, y)...)
			ws = append(ws, words(l[2], 250, y)...)
			y += 10
		}
		y += 3
	}
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{
		{"Partner", "Unit", "Signed"},
		{"University of Luxembourg", "GS Science", "Nov. 29, 2017"},
		{"Leiden University", "GS Arts and Letters", "Feb. 15, 2011"},
		{"Utrecht University", "GS Medicine", "Sep. 26,"},
	}, texts(tabs[0].table))
}

func TestStreamJustifiedCellIsOneCell(t *testing.T) {
	// A narrow partner column set justified: its lines' word gaps are
	// stretched alike, wider than a cell gap, and end at the column's
	// right edge (x=170); the unit column starts at x=185.
	var ws []Word
	justified := func(y float64, texts ...string) {
		n := 0
		for _, w := range texts {
			n += len(w)
		}
		gap := (120 - 5*float64(n)) / float64(len(texts)-1)
		x := 50.0
		for _, w := range texts {
			ws = append(ws, tw(w, x, y))
			x += 5*float64(len(w)) + gap
		}
	}
	y := 100.0
	ws = append(ws, words("Partner", 50, y)...)
	ws = append(ws, words("Unit", 185, y)...)
	ws = append(ws, words("Date", 300, y)...)
	for _, r := range [][]string{{"Ghent", "of", "Arts"}, {"Leiden", "GS", "Law"}, {"Utrecht", "of", "Sun"}} {
		y += 14
		justified(y, "University", "of", "El")
		ws = append(ws, words(r[1], 185, y)...)
		ws = append(ws, words("H26.1.6", 300, y)...)
		y += 12
		justified(y, r[0], r[1], r[2])
		ws = append(ws, words(r[2], 185, y)...)
	}
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{
		{"Partner", "Unit", "Date"},
		{"University of El Ghent of Arts", "of Arts", "H26.1.6"},
		{"University of El Leiden GS Law", "GS Law", "H26.1.6"},
		{"University of El Utrecht of Sun", "of Sun", "H26.1.6"},
	}, texts(tabs[0].table))
}

func TestStreamWordsAcrossAGapJoinItsColumns(t *testing.T) {
	// A heading line of two words stretched across its cell ("at" and
	// "Tohoku") shows a gap inside the unit column that the words of the
	// other lines ("Department", "Engineering") run across.
	var ws []Word
	ws = append(ws, words("Partner", 50, 100)...)
	ws = append(ws, words("Department", 150, 100)...)
	ws = append(ws, words("Date", 300, 100)...)
	ws = append(ws, words("of", 340, 100)...)
	ws = append(ws, words("at", 150, 112)...)
	ws = append(ws, words("Tohoku", 185, 112)...)
	ws = append(ws, words("Agreement", 300, 112)...)
	y := 130.0
	for _, r := range [][2]string{{"Sorbonne", "2001"}, {"Leiden", "2002"}, {"Utrecht", "2003"}} {
		ws = append(ws, words(r[0], 50, y)...)
		ws = append(ws, words("GS", 150, y)...)
		ws = append(ws, words(r[1], 300, y)...)
		ws = append(ws, words("Engineering", 150, y+11)...)
		y += 26
	}
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	for _, r := range tabs[0].table.Rows {
		assert.Len(t, r.Cells, 3)
	}
	assert.Equal(t, []string{"Sorbonne", "GS Engineering", "2001"}, texts(tabs[0].table)[len(tabs[0].table.Rows)-3])
}

func TestStreamLastRowStopsAtARule(t *testing.T) {
	// Rows of two lines, 12 pt apart, rules between the rows; a line of
	// one cell under the last row's rule, as close as a row's second
	// line, is the next record's, not more of the last row.
	var ws []Word
	var segs []Segment
	y := 100.0
	for _, r := range [][4]string{{"Partner", "Unit", "Date", ""}, {"Ghent", "Arts", "2014", "University"}, {"Leuven", "Medicine", "2017", "University"}, {"Louvain", "Science", "2007", "University"}} {
		ws = append(ws, words(r[0], 50, y)...)
		ws = append(ws, words(r[1], 150, y)...)
		ws = append(ws, words(r[2], 250, y)...)
		if r[3] != "" {
			y += 12
			ws = append(ws, words(r[3], 50, y)...)
		}
		segs = append(segs, hrule(50, 290, y+11))
		y += 12
	}
	ws = append(ws, words("Bruxelles", 50, y)...)
	p := page(1, ws, segs)
	tabs := pageTables(&p)
	require.NotEmpty(t, tabs)
	rows := texts(tabs[0].table)
	assert.Equal(t, []string{"Louvain University", "Science", "2007"}, rows[len(rows)-1])
}

func TestStreamCellWrappedOverManyLinesKeepsTheTable(t *testing.T) {
	// A partner's name wraps onto four lines of one cell, set as close as
	// the table's other lines: the table goes on under them.
	var ws []Word
	y := 100.0
	line := func(cells ...string) {
		for k, c := range cells {
			ws = append(ws, words(c, 50+120*float64(k), y)...)
		}
		y += 12
	}
	line("Partner", "Unit", "Date")
	line("Ghent", "Arts", "2014")
	line("Leuven", "Medicine", "2017")
	line("Universite", "Science", "2007")
	line("catholique de")
	line("Louvain Faculty")
	line("of Sciences and")
	line("Engineering")
	line("Liege", "Law", "2019")
	line("Namur", "Physics", "2020")
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	rows := texts(tabs[0].table)
	assert.Equal(t, []string{"Namur", "Physics", "2020"}, rows[len(rows)-1])
}

func TestChunksOfAFontWithTallBoxes(t *testing.T) {
	// Japanese type whose glyph boxes stand 23 pt high for 9 pt type: the
	// cells of a narrow table stand 10 pt apart, more than a chunk gap
	// of the type, less than one of the boxes; a bullet stands apart from
	// its item's text by less than one of the boxes.
	tall := func(text string, x, x1, y float64) tword {
		return newTword(Word{Text: text, Box: parser.Box{X0: x, Y0: y, X1: x1, Y1: y + 23.4}, Style: parser.Style{Size: 9}})
	}
	ws := []tword{
		tall("中央研", 138.6, 165.7, 100), tall("物理研", 176.3, 203.4, 100), tall("平成20", 251.8, 279.9, 100),
		tall("•", 57, 62, 140), tall("Pennsylvania", 70, 130, 140), tall("State", 133, 155, 140),
	}
	lines := makeSlines(ws, []int{0, 1, 2, 3, 4, 5})
	require.Len(t, lines, 2)
	assert.Len(t, lines[0].chunks, 3, "the cells part")
	assert.Len(t, lines[1].chunks, 1, "the bullet stays with its text")
}

func TestStreamPerGroupTablesOfTheirOwnColumns(t *testing.T) {
	// Per-group tables, each under its group's bold name and its own bold
	// header, laid out each by its own widths: the second table's columns
	// stand elsewhere. Each is a table of its own, the names left out of
	// both; the same header over the same columns stays in one table.
	bold := func(text string, x, y float64) []Word {
		ws := words(text, x, y)
		for i := range ws {
			ws[i].Style.Bold = true
		}
		return ws
	}
	for _, tt := range []struct {
		name   string
		second [3]float64 // the second table's column starts
		tables int
	}{
		{"other columns", [3]float64{50, 250, 330}, 2},
		{"same columns", [3]float64{50, 200, 300}, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var ws []Word
			y := 100.0
			table := func(xs [3]float64, group string, rows [][3]string) {
				ws = append(ws, bold(group, 50, y)...)
				y += 16
				for k, h := range []string{"Partner", "Type", "Year"} {
					ws = append(ws, bold(h, xs[k], y)...)
				}
				y += 14
				for _, r := range rows {
					for k := range r {
						ws = append(ws, words(r[k], xs[k], y)...)
					}
					y += 14
				}
				y += 6
			}
			table([3]float64{50, 200, 300}, "Cambodia", [][3]string{{"Royal Phnom Penh", "MOU", "2010"}, {"Royal Agriculture", "MOU", "2012"}})
			table(tt.second, "Korea", [][3]string{{"Mokpo National University", "MOU", "1999"}, {"Gyeongsang National University", "MOU", "1999"}, {"Hanyang University", "MOU", "2004"}})
			p := page(1, ws, nil)
			tabs := pageTables(&p)
			require.Len(t, tabs, tt.tables)
			if tt.tables == 2 {
				assert.Equal(t, []string{"Partner", "Type", "Year"}, texts(tabs[1].table)[0], "the group's name is left out")
				assert.Equal(t, []string{"Mokpo National University", "MOU", "1999"}, texts(tabs[1].table)[1])
			}
		})
	}
}

func TestStreamLongLineRunsIntoTheColumnGap(t *testing.T) {
	// A table of names and a marker column far right; one entry's second
	// line runs on past the names' column into the gap before the
	// markers, its words set at a word space: it is not cut there (the
	// entry's cell spans the row). A line with a word at a word space
	// from the text before it that starts where the next column does is
	// cut.
	var ws []Word
	ws = append(ws, words("Partner Institution", 60, 100)...)
	ws = append(ws, words("Tuition", 400, 100)...)
	y := 114.0
	row := func(name, marker string) {
		ws = append(ws, words(name, 60, y)...)
		if marker != "" {
			ws = append(ws, words(marker, 400, y)...)
		}
		y += 14
	}
	row("Aalto University", "*")
	row("Oulu University", "*")
	row("Vaasa University", "*")
	ws = append(ws, words("School of Arts, Design and Architecture agreement with (GS Arts)", 60, y-3)...)
	y += 11
	ws = append(ws, words("Hanken School of Economics and Business Administration in Helsinki -", 75, y)...)
	ws = append(ws, words("University", 400, y)...)
	y += 14
	row("Tampere University", "*")
	row("Turku University", "*")
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	rows := texts(tabs[0].table)
	require.Len(t, rows, 7)
	assert.Equal(t, []string{"<2x1>Vaasa University * School of Arts, Design and Architecture agreement with (GS Arts)", "^"}, rows[3])
	// Cut where the line crosses into the marker column's side.
	require.Len(t, rows[4], 2)
	assert.True(t, strings.HasPrefix(rows[4][0], "Hanken School"), rows[4])
	assert.True(t, strings.HasSuffix(rows[4][1], "- University"), rows[4])
}

func TestStreamOneRowTableSetLikeTheTableBefore(t *testing.T) {
	// Per-group tables without rules, each laid out by its own widths:
	// the first's rows of wrapped cells stand further apart than their
	// lines; the second has one row, its lines all at the lines' pitch,
	// its header's lines too. The first table's spacing tells the
	// second's row.
	bold := func(text string, x, y float64) []Word {
		ws := words(text, x, y)
		for i := range ws {
			ws[i].Style.Bold = true
		}
		return ws
	}
	var ws []Word
	y := 100.0
	add := func(xs [4]float64, b bool, cells ...[4]string) {
		for _, c := range cells {
			for k := range c {
				switch {
				case c[k] == "":
				case b:
					ws = append(ws, bold(c[k], xs[k], y)...)
				default:
					ws = append(ws, words(c[k], xs[k], y)...)
				}
			}
			y += 13.8
		}
	}
	a := [4]float64{50, 170, 215, 300}
	ws = append(ws, bold("Netherlands", 50, y)...)
	y += 19
	add(a, true, [4]string{"Partner", "Kind", "Unit", "Date"}, [4]string{"", "of", "", "of"})
	y += 3
	add(a, false, [4]string{"Eindhoven University", "Dept", "GS", "Mar. 30,"}, [4]string{"of Technology", "wide", "Information", "2016"})
	y += 3
	add(a, false, [4]string{"Leiden University", "Dept", "GS Arts", "Feb. 15,"}, [4]string{"Faculty of Humanities", "wide", "and Letters", "2011"})
	y += 3
	add(a, false, [4]string{"Utrecht University", "Dept", "GS", "Jan. 19,"}, [4]string{"Focus Programme", "wide", "Agriculture", "2017"})
	y += 5
	b := [4]float64{50, 190, 240, 320}
	ws = append(ws, bold("Romania", 50, y)...)
	y += 19
	add(b, true, [4]string{"Partner", "Kind", "Unit", "Date"}, [4]string{"", "of", "", "of"})
	y += 3
	add(b, false, [4]string{"National Institute for", "Dept", "IMRAM", "Aug. 4,"}, [4]string{"Lasers", "wide", "", "2006"},
		[4]string{"Plasma and Radiation", "", "", ""}, [4]string{"Physics", "", "", ""})
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 2)
	rows := texts(tabs[1].table)
	assert.Equal(t, []string{"National Institute for Lasers Plasma and Radiation Physics", "Dept wide", "IMRAM", "Aug. 4, 2006"}, rows[len(rows)-1])
}

func TestStreamWordInAColumnGapGoesWithItsNeighbour(t *testing.T) {
	// A narrow partner column: "University of" runs past the middle of
	// the gap before the unit column, and "of" stands closer to
	// "University" than to the unit's "GS" after it, in one run of words.
	var ws []Word
	for _, r := range [][4]any{
		{"Partner", "Unit", "Year", 84.0},
		{"Foreign", "GS", "2010", 100.0},
		{"Hanoi", "IMRAM", "2009", 116.0},
		{"", "", "2011", 132.0},
		{"Thuyloi", "IFS", "2007", 148.0},
	} {
		y := r[3].(float64)
		ws = append(ws, words(r[0].(string), 150, y)...)
		ws = append(ws, words(r[1].(string), 218, y)...)
		ws = append(ws, words(r[2].(string), 320, y)...)
	}
	ws = append(ws, tw("University", 150, 132), tw("of", 203, 132), tw("GS", 218, 132))
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{
		{"Partner", "Unit", "Year"},
		{"Foreign", "GS", "2010"},
		{"Hanoi", "IMRAM", "2009"},
		{"University of", "GS", "2011"},
		{"Thuyloi", "IFS", "2007"},
	}, texts(tabs[0].table))
}

func TestStreamNarrowColumnsSplitByPlainHeadings(t *testing.T) {
	// The partner's and the unit's columns are set close together and the
	// unit's is mostly empty: where a row has a unit, the two run into one
	// another. The header, not bold, starts the unit's name apart from the
	// partner's, where the units start; a group's name spanning the table
	// crosses the gap and parts nothing.
	ws := append(words("Partner", 50, 80), words("Unit", 134, 80)...)
	ws = append(ws, words("Year", 300, 80)...)
	y := 96.0
	for _, r := range [][3]string{{"Alpha University", "", "2002"}, {"Beta College Arts", "Faculty", "2009"}, {"", "", ""}, {"Gamma Univ School", "Laboratory", "2010"}, {"Delta University", "", "2011"}, {"Epsilon Univ Hall", "Institute", "2012"}} {
		if r[0] == "" {
			for _, w := range words("United Kingdom Group (10)", 50, y) {
				w.Style.Bold = true
				ws = append(ws, w)
			}
			y += 14
			continue
		}
		ws = append(ws, words(r[0], 50, y)...)
		ws = append(ws, words(r[1], 134, y)...)
		ws = append(ws, words(r[2], 300, y)...)
		y += 14
	}
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{
		{"Partner", "Unit", "Year"},
		{"Alpha University", "", "2002"},
		{"Beta College Arts", "Faculty", "2009"},
		{"<2x1>United Kingdom Group (10)", "^", ""},
		{"Gamma Univ School", "Laboratory", "2010"},
		{"Delta University", "", "2011"},
		{"Epsilon Univ Hall", "Institute", "2012"},
	}, texts(tabs[0].table))
}

func TestStreamTallFontBoxesKeepNarrowGaps(t *testing.T) {
	// A font whose boxes reach far above and below its letters (24 pt
	// boxes for 9.5 pt text, as some CJK fonts give): the 9 pt gaps
	// between narrow columns part cells, as they do for the same text in
	// boxes of its size.
	for _, boxH := range []float64{24, 11} {
		var ws []Word
		y := 80.0
		for _, r := range [][3]string{{"Country", "Partner", "Valid"}, {"Chile", "Concepcion", "2026"}, {"Peru", "Lima Univ", "2027"}, {"Brazil", "Rio Univ", "2028"}} {
			for k, x := range []float64{50, 94, 153} {
				for _, w := range words(r[k], x, y) {
					w.Box.Y1 = w.Box.Y0 + boxH
					w.Style.Size = 9.5
					ws = append(ws, w)
				}
			}
			y += boxH * 0.6
		}
		p := page(1, ws, nil)
		tabs := pageTables(&p)
		require.Len(t, tabs, 1, "boxes %v high", boxH)
		assert.Equal(t, [][]string{
			{"Country", "Partner", "Valid"},
			{"Chile", "Concepcion", "2026"},
			{"Peru", "Lima Univ", "2027"},
			{"Brazil", "Rio Univ", "2028"},
		}, texts(tabs[0].table), "boxes %v high", boxH)
	}
}

func TestStreamOneRowUnderTheColumnsAbove(t *testing.T) {
	// A list of tables, one a group: the last group's table has one row
	// under its (not bold) column names, set in the columns of the tables
	// above; it is a table too, not lines.
	var ws []Word
	y := 80.0
	row := func(a, b, c string) {
		ws = append(ws, words(a, 50, y)...)
		ws = append(ws, words(b, 200, y)...)
		ws = append(ws, words(c, 350, y)...)
		y += 14
	}
	row("Partner", "Unit", "Date")
	row("Harvard University", "IRIDeS", "2014.6.13")
	row("Michigan University", "IFS", "2020.5.18")
	row("Yale University", "IMR", "2021.1.5")
	y += 10
	for _, w := range words("Organizations", 50, y) {
		w.Style.Bold = true
		ws = append(ws, w)
	}
	y += 18
	row("Partner", "Unit", "Date")
	row("United Nations University", "GS Medicine", "2019.8.19")
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 2)
	assert.Equal(t, [][]string{
		{"<3x1>Organizations", "^", "^"},
		{"Partner", "Unit", "Date"},
		{"United Nations University", "GS Medicine", "2019.8.19"},
	}, texts(tabs[1].table))
}

func TestStreamRunEndsAtATitleSetLarger(t *testing.T) {
	// A page's menu, its items apart like a table's cells, stands right
	// above the list's title, set larger than the table's text, and the
	// table under it, in a font whose boxes stand taller than its lines
	// are set apart (every line near the next): the title ends the
	// menu's run, and the menu is no part of the table (the title may
	// head it).
	sized := func(text string, x, y, size float64, bold bool) []Word {
		ws := words(text, x, y)
		for i := range ws {
			ws[i].Style.Size, ws[i].Style.Bold = size, bold
			ws[i].Box.Y1 = y + 2.5*size
		}
		return ws
	}
	var ws []Word
	for _, m := range []struct {
		t string
		x float64
	}{{"Home", 60}, {"About", 100}, {"Admissions", 140}, {"International", 210}} {
		ws = append(ws, sized(m.t, m.x, 68, 8, false)...)
	}
	ws = append(ws, sized("Exchange Agreements", 60, 81, 14, true)...)
	ws = append(ws, sized("Total 16", 60, 113, 10, false)...)
	y := 131.0
	for k, h := range []string{"Partner", "Unit", "Date"} {
		ws = append(ws, sized(h, []float64{60, 200, 300}[k], y, 10, true)...)
	}
	for _, r := range [][3]string{{"Hanoi University", "GS", "2009"}, {"Thuyloi University", "IMR", "2007"}, {"Shiraz University", "IFS", "2002"}} {
		y += 14.3
		for k := range r {
			ws = append(ws, sized(r[k], []float64{60, 200, 300}[k], y, 10, false)...)
		}
	}
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.NotEmpty(t, tabs)
	last := texts(tabs[len(tabs)-1].table)
	assert.Contains(t, last, []string{"Partner", "Unit", "Date"})
	for _, r := range last {
		assert.NotContains(t, r[0], "Home", "the menu is no row of the table")
	}
	assert.Equal(t, []string{"Shiraz University", "IFS", "2002"}, last[len(last)-1])
}

// A line right under the last row that runs across two of its columns a
// word gap apart (the page's footer: "Copyright … All rights" |
// "reserved.", a word starting where the next column's text does) is no
// wrapped cell of the row; a row's cells wrapped in two columns, set apart
// as columns are, are.
func TestStreamLastRowLeavesAFooterAcrossColumns(t *testing.T) {
	table := func(unitX float64, under []Word) PageLayout {
		var ws []Word
		ws = append(ws, words("Partner", 50, 80)...)
		ws = append(ws, words("Unit", unitX, 80)...)
		ws = append(ws, words("Year", 400, 80)...)
		y := 96.0
		for _, r := range [][3]string{{"Peking University", "School of Law", "1999"}, {"Tianjin University", "School of Management", "2004"}, {"Chinese Academy of Sciences", "Xinjiang Institute", "2009"}} {
			ws = append(ws, words(r[0], 50, y)...)
			ws = append(ws, words(r[1], unitX, y)...)
			ws = append(ws, words(r[2], 400, y)...)
			y += 16
		}
		for i := range under {
			under[i].Box.Y0, under[i].Box.Y1 = y-16+11, y-16+21
		}
		return page(1, append(ws, under...), nil)
	}
	for name, c := range map[string]struct {
		unitX  float64
		footer string
	}{
		"latin":    {220, "Copyright Nagoya Univ. All rights reserved."},
		"japanese": {195, "© 2024 国立大学法人名古屋大学 All rights reserved."},
	} {
		p := table(c.unitX, words(c.footer, 50, 0))
		tabs := pageTables(&p)
		require.Len(t, tabs, 1, name)
		got := texts(tabs[0].table)
		assert.Equal(t, []string{"Chinese Academy of Sciences", "Xinjiang Institute", "2009"}, got[len(got)-1], name)
	}
	p := table(220, append(words("(CAS)", 50, 0), words("of Ecology", 220, 0)...))
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	got := texts(tabs[0].table)
	assert.Equal(t, []string{"Chinese Academy of Sciences (CAS)", "Xinjiang Institute of Ecology", "2009"}, got[len(got)-1])
}
