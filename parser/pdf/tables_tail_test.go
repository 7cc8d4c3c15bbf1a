package pdf

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// tailTablePage is page 1 of the documents below: a whitespace table of
// the given header and 30 rows from y 290 down to the page's foot, its
// columns starting at xs.
func tailTablePage(header []string, xs []float64, row func(i int) []string) PageLayout {
	var words []Word
	for c, h := range header {
		words = append(words, tw(h, xs[c], 290))
	}
	for i := range 30 {
		y := 290 + 15*float64(i+1)
		for c, t := range row(i + 1) {
			words = append(words, tw(t, xs[c], y))
		}
	}
	return page(1, words, nil)
}

// linesPage is a page of the given lines, each of words set at (x, y).
func linesPage(n int, lines ...[]Word) PageLayout {
	p := PageLayout{Number: n, Width: 600, Height: 800}
	for _, ws := range lines {
		l := TextLine{Words: ws, Box: ws[0].Box, Style: ws[0].Style}
		for _, w := range ws {
			l.Box = union(l.Box, w.Box)
		}
		p.Words = append(p.Words, ws...)
		p.Lines = append(p.Lines, l)
	}
	return p
}

var (
	latinCols = []float64{50, 150, 400}
	latinRow  = func(i int) []string { return []string{fmt.Sprintf("C%d", i), fmt.Sprintf("University%d", i), "2020"} }
	// A Japanese list whose kind column wraps 大学間協定 after its fourth
	// character.
	jaCols = []float64{50, 110, 300, 400}
	jaRow  = func(i int) []string {
		return []string{"アジア", fmt.Sprintf("大学%d", i), "部局間", "2019-01-11"}
	}
)

// The last rows of a whitespace table, run over onto the next page too few
// for a table there, are the table's rows: a row's text starts two of its
// columns at least, and its cells' wrapped lines stand right under the
// row (top-set) or right over it (bottom-set, as a spreadsheet prints);
// what follows further apart than the table's rows stand is not the
// table's.
func TestTableRowsAloneAtTheNextPagesTop(t *testing.T) {
	t.Run("latin, wrapped under", func(t *testing.T) {
		p2 := linesPage(2,
			[]Word{tw("C31", 50, 70), tw("University31", 150, 70), tw("2021", 400, 70)},
			[]Word{tw("(Faculty", 150, 81), tw("of", 193, 81), tw("Law)", 206, 81)},
			[]Word{tw("C32", 50, 96), tw("University32", 150, 96), tw("2022", 400, 96)},
			[]Word{tw("Printed", 50, 140), tw("2023", 90, 140)},
		)
		regions := findTables([]PageLayout{tailTablePage([]string{"Country", "Partner", "Year"}, latinCols, latinRow), p2})
		require.Len(t, regions, 1)
		tab := regions[0].Table
		require.Len(t, tab.Rows, 33)
		got := texts(parser.Table{Rows: tab.Rows[31:]})
		assert.Equal(t, [][]string{{"C31", "University31 (Faculty of Law)", "2021"}, {"C32", "University32", "2022"}}, got)
		assert.Equal(t, 2, tab.Rows[31].Page)
		assert.False(t, tab.Rows[31].Header)
		require.Len(t, regions[0].Areas, 2)
		assert.Equal(t, 2, regions[0].Areas[1].Page)
		assert.Less(t, regions[0].Areas[1].Box.Y1, 140.0, "the line after the gap is not the table's")
	})
	t.Run("japanese, wrapped over", func(t *testing.T) {
		p2 := linesPage(2,
			[]Word{tw("大学間協", 300, 55)},
			[]Word{tw("アジア", 50, 66), tw("清華大学", 110, 66), tw("定", 300, 66), tw("1998-08-31", 400, 66)},
			[]Word{tw("（2021年5月1日現在）", 50, 90)},
		)
		regions := findTables([]PageLayout{tailTablePage([]string{"地域", "相手機関", "種別", "締結日"}, jaCols, jaRow), p2})
		require.Len(t, regions, 1)
		tab := regions[0].Table
		require.Len(t, tab.Rows, 32)
		assert.Equal(t, []string{"アジア", "清華大学", "大学間協 定", "1998-08-31"}, texts(parser.Table{Rows: tab.Rows[31:]})[0])
		assert.Less(t, regions[0].Areas[1].Box.Y1, 90.0, "the date line under the table is not the table's")
	})
	t.Run("header said again over the row", func(t *testing.T) {
		p2 := linesPage(2,
			[]Word{boldWord("Country", 50, 70), boldWord("Partner", 150, 70), boldWord("Year", 400, 70)},
			[]Word{tw("C31", 50, 85), tw("University31", 150, 85), tw("2021", 400, 85)},
			[]Word{tw("(Faculty", 150, 96), tw("of", 193, 96), tw("Law)", 206, 96)},
		)
		regions := findTables([]PageLayout{tailTablePage([]string{"Country", "Partner", "Year"}, latinCols, latinRow), p2})
		require.Len(t, regions, 1)
		tab := regions[0].Table
		require.Len(t, tab.Rows, 32)
		assert.Equal(t, []string{"C31", "University31 (Faculty of Law)", "2021"}, texts(parser.Table{Rows: tab.Rows[31:]})[0])
	})
}

// The lines at the top of the next page stay the page's when they are not
// the table's rows: a group's heading over them, a line across two
// columns, text in one column only, a page further on.
func TestPageTopLinesNotTheTablesRows(t *testing.T) {
	row := []Word{tw("C31", 50, 85), tw("University31", 150, 85), tw("2021", 400, 85)}
	for name, p2 := range map[string]PageLayout{
		"heading":        linesPage(2, []Word{boldWord("Laos", 50, 70)}, row),
		"across columns": linesPage(2, []Word{tw("C31", 50, 70), tw("University31", 150, 70), tw("of", 150+60, 70), tw("Science", 225, 70), tw("and", 262, 70), tw("Technology", 280, 70), tw("Institute", 332, 70), tw("Report", 380, 70)}),
		"one column":     linesPage(2, []Word{tw("University31", 150, 70)}, []Word{tw("(Faculty", 150, 81)}),
		"page further on": func() PageLayout {
			p := linesPage(3, row)
			return p
		}(),
	} {
		regions := findTables([]PageLayout{tailTablePage([]string{"Country", "Partner", "Year"}, latinCols, latinRow), p2})
		require.NotEmpty(t, regions, name)
		assert.Len(t, regions[0].Table.Rows, 31, name)
		assert.Len(t, regions[0].Areas, 1, name)
	}
}

// A group's name left at the foot of a page under a table that goes on
// on the next page is a row of the table there (the group's rows follow
// it), in the table's first column; a page number there is none.
func TestGroupNameAtAPagesFootIsTheTablesRow(t *testing.T) {
	header := []string{"Country", "Partner", "Year"}
	next := func() PageLayout {
		words := []Word{tw("Country", 50, 70), tw("Partner", 150, 70), tw("Year", 400, 70)}
		for i := range 10 {
			y := 70 + 15*float64(i+1)
			words = append(words, tw(fmt.Sprintf("L%d", i), 50, y), tw(fmt.Sprintf("University%d", 40+i), 150, y), tw("2020", 400, y))
		}
		return page(2, words, nil)
	}
	for name, foot := range map[string]Word{"latin": tw("Laos", 50, 760), "japanese": tw("ラオス（10）", 50, 760)} {
		p1 := tailTablePage(header, latinCols, latinRow)
		p1.Lines = append(p1.Lines, TextLine{Words: []Word{foot}, Box: foot.Box})
		regions := findTables([]PageLayout{p1, next()})
		require.Len(t, regions, 1, name)
		tab := regions[0].Table
		require.Len(t, tab.Rows, 1+30+1+10, name)
		assert.Equal(t, []string{foot.Text, "", ""}, texts(parser.Table{Rows: tab.Rows[31:32]})[0], name)
		assert.Equal(t, 1, tab.Rows[31].Page, name)
		assert.Equal(t, "L0", tab.Rows[32].Cells[0].Text, name)

		// The same line as the page's number (furniture) is no row.
		regions = findTablesAmid([]PageLayout{p1, next()}, map[lineRef]bool{{0, len(p1.Lines) - 1}: false})
		require.Len(t, regions, 1, name)
		assert.Len(t, regions[0].Table.Rows, 1+30+10, name)
	}
}
