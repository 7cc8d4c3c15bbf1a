package pdf

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

func TestOrderColumnsKeepsAWrappedLastLine(t *testing.T) {
	// Two columns of entries; the left one ends a line lower than the
	// right with the wrapped end of its last entry, indented; a closing
	// line across the page follows.
	var items []placed
	add := func(text string, x0, x1, y float64) {
		line := &parser.Line{Text: text}
		items = append(items, placed{page: 1, y: y, x: x0, box: parser.Box{X0: x0, Y0: y, X1: x1, Y1: y + 10}, block: parser.Block{Line: line}})
	}
	for i := range 6 {
		y := 100 + 14*float64(i)
		add("left", 50, 250, y)
		add("right", 300, 500, y+6)
	}
	add("left end", 60, 200, 100+14*6)
	add("closing", 50, 500, 100+14*7)
	// Sorted top to bottom, as orderColumns wants them.
	out := orderColumns(items, nil)
	var texts []string
	for _, it := range out {
		texts = append(texts, it.block.Line.Text)
	}
	assert.Equal(t, []string{"left", "left", "left", "left", "left", "left", "left end", "right", "right", "right", "right", "right", "right", "closing"}, texts)
}

func TestStreamTablesInTwoPageColumns(t *testing.T) {
	// A page set in two columns, a table of two columns in each; the
	// right column's rows stand a third of a row lower than the left's.
	var ws []Word
	table := func(x, y float64, rows [][2]string) {
		for _, r := range rows {
			ws = append(ws, words(r[0], x, y)...)
			ws = append(ws, words(r[1], x+130, y)...)
			y += 16
		}
	}
	table(50, 100, [][2]string{{"Partner", "Year"}, {"Aalto", "2001"}, {"Oulu", "2004"}, {"Tampere", "2006"}, {"Turku", "2016"}})
	table(320, 105, [][2]string{{"Partner", "Year"}, {"Bonn", "1998"}, {"Jena", "1999"}, {"Kiel", "2003"}, {"Ulm", "2019"}})
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 2)
	assert.Equal(t, [][]string{{"Partner", "Year"}, {"Aalto", "2001"}, {"Oulu", "2004"}, {"Tampere", "2006"}, {"Turku", "2016"}}, texts(tabs[0].table))
	assert.Equal(t, [][]string{{"Partner", "Year"}, {"Bonn", "1998"}, {"Jena", "1999"}, {"Kiel", "2003"}, {"Ulm", "2019"}}, texts(tabs[1].table))
}

func TestStreamTableAcrossItsColumnGapIsOneTable(t *testing.T) {
	// The same texts on shared baselines are one table of four columns.
	var ws []Word
	y := 100.0
	for _, r := range [][4]string{{"Partner", "Year", "Partner", "Year"}, {"Aalto", "2001", "Bonn", "1998"}, {"Oulu", "2004", "Jena", "1999"}, {"Tampere", "2006", "Kiel", "2003"}} {
		for k, x := range []float64{50, 180, 320, 450} {
			ws = append(ws, words(r[k], x, y)...)
		}
		y += 16
	}
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Len(t, tabs[0].table.Rows[0].Cells, 4)
}

func TestRuledTablesInTwoPageColumnsReadLeftColumnFirst(t *testing.T) {
	// Per-group ruled tables in two page columns, the right column's set
	// a little higher than the left's: the left column's tables come
	// first, so that the last table on the page is the right column's.
	var ws []Word
	var segs []Segment
	table := func(x, y float64, names ...string) {
		ys := []float64{y}
		for i, n := range names {
			ws = append(ws, tw(n, x+5, y+20*float64(i)+5), tw(fmt.Sprint(2000+i), x+105, y+20*float64(i)+5))
			ys = append(ys, y+20*float64(i+1))
		}
		segs = append(segs, gridRules([]float64{x, x + 100, x + 200}, ys)...)
	}
	table(50, 100, "Aalto", "Oulu", "Turku")
	table(50, 300, "Bonn", "Jena", "Kiel")
	table(300, 85, "Leiden", "Utrecht", "Delft")
	table(300, 285, "Lisboa", "Porto", "Braga")
	p := page(1, ws, segs)
	tabs := pageTables(&p)
	require.Len(t, tabs, 4)
	var first []string
	for _, pt := range tabs {
		first = append(first, pt.table.Rows[0].Cells[0].Text)
	}
	assert.Equal(t, []string{"Aalto", "Bonn", "Leiden", "Lisboa"}, first)
}

func TestWordReachingIntoTheGutterStaysInItsColumn(t *testing.T) {
	// A heading of the left column's table runs further right than the
	// column's other text, into the band between the columns; it stays in
	// the left table (not set aside as text across the gutter, and lost
	// under the table).
	var ws []Word
	table := func(x, y float64, head string, rows [][2]string) {
		ws = append(ws, words("Partner", x, y)...)
		ws = append(ws, words(head, x+130, y)...)
		for _, r := range rows {
			y += 16
			ws = append(ws, words(r[0], x, y)...)
			ws = append(ws, words(r[1], x+130, y)...)
		}
	}
	table(50, 100, "Concluded", [][2]string{{"Aalto", "2001"}, {"Oulu", "2004"}, {"Tampere", "2006"}, {"Turku", "2016"}, {"Vaasa", "2018"}})
	table(320, 105, "Year", [][2]string{{"Bonn", "1998"}, {"Jena", "1999"}, {"Kiel", "2003"}, {"Ulm", "2019"}, {"Koln", "2020"}})
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 2)
	assert.Equal(t, []string{"Partner", "Concluded"}, texts(tabs[0].table)[0])
}

func TestOrderColumnsOfOneTableEachOnAPageInColumns(t *testing.T) {
	// Table detection found the page set in two columns; each column is
	// one table, the right one a little higher: left column first.
	var items []placed
	add := func(text string, x0, x1, y0, y1 float64) {
		line := &parser.Line{Text: text}
		items = append(items, placed{page: 1, y: y0, x: x0, box: parser.Box{X0: x0, Y0: y0, X1: x1, Y1: y1}, block: parser.Block{Line: line}})
	}
	add("right", 300, 500, 90, 290)
	add("left", 50, 250, 100, 300)
	flows := map[int][]parser.Box{1: {{X0: 50, Y0: 90, X1: 500, Y1: 300}}}
	var texts []string
	for _, it := range orderColumns(items, flows) {
		texts = append(texts, it.block.Line.Text)
	}
	assert.Equal(t, []string{"left", "right"}, texts)
	texts = nil
	for _, it := range orderColumns(items, nil) {
		texts = append(texts, it.block.Line.Text)
	}
	assert.Equal(t, []string{"right", "left"}, texts, "without columns found, top to bottom")
}

func TestOrderColumnsWithALineAcrossTheGutter(t *testing.T) {
	// Table detection found the page set in two columns; one line runs
	// across both (a line of links at the top, or a closing line at the
	// foot), a title and a country heading stand over the left column's
	// table, the right column's table starts beside the title: left
	// column first.
	for _, across := range []string{"links", "copyright"} {
		var items []placed
		add := func(text string, x0, x1, y0, y1 float64) {
			line := &parser.Line{Text: text}
			items = append(items, placed{page: 1, y: y0, x: x0, box: parser.Box{X0: x0, Y0: y0, X1: x1, Y1: y1}, block: parser.Block{Line: line}})
		}
		if across == "links" {
			add("links", 50, 400, 50, 60)
		}
		add("title", 50, 120, 70, 90)
		add("right", 300, 500, 72, 700)
		add("heading", 50, 90, 100, 112)
		add("left", 50, 250, 118, 600)
		want := []string{"title", "heading", "left", "right"}
		if across == "copyright" {
			add("copyright", 50, 450, 710, 720)
			want = append(want, "copyright")
		} else {
			want = append([]string{"links"}, want...)
		}
		flows := map[int][]parser.Box{1: {{X0: 50, Y0: 50, X1: 500, Y1: 700}}}
		var texts []string
		for _, it := range orderColumns(items, flows) {
			texts = append(texts, it.block.Line.Text)
		}
		assert.Equal(t, want, texts, across)
	}
}
