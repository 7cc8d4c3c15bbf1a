package pdf

import (
	"cmp"
	"fmt"
	"slices"
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
	flows := map[int][]flowArea{1: {{box: parser.Box{X0: 50, Y0: 90, X1: 500, Y1: 300}}}}
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

func TestRuledTablesInTwoPageColumnsOnSharedBaselines(t *testing.T) {
	// Per-group ruled tables in two page columns whose lines stand on the
	// same baselines, the frames a few points apart, a title across both:
	// the ruled tables tell the columns, and the right column's table
	// (the last group's continuation, at the top) comes last.
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
	ws = append(ws, words("Active Agreements", 220, 60)...)
	table(50, 100, "Aalto", "Oulu")
	table(50, 200, "Bonn", "Jena")
	table(50, 300, "Leiden", "Delft")
	table(254, 100, "Lisboa", "Porto", "Braga")
	p := page(1, ws, segs)
	tabs := pageTables(&p)
	require.Len(t, tabs, 4)
	var first []string
	for _, pt := range tabs {
		first = append(first, pt.table.Rows[0].Cells[0].Text)
	}
	assert.Equal(t, []string{"Aalto", "Bonn", "Leiden", "Lisboa"}, first)
	require.Len(t, p.flows, 1)
	assert.True(t, p.flows[0].byTables)
}

func TestOrderColumnsOfRuledTablesInColumns(t *testing.T) {
	// Blocks of a page whose ruled tables stand in two columns: a title
	// across both, headings and tables down the left column (further
	// apart than a line's pitch), one table at the top of the right
	// column, its frame 4 pt from the left tables'. The left column is
	// read first; without the columns known, top to bottom.
	var items []placed
	add := func(text string, x0, x1, y0, y1 float64) {
		line := &parser.Line{Text: text}
		items = append(items, placed{page: 1, y: y0, x: x0, box: parser.Box{X0: x0, Y0: y0, X1: x1, Y1: y1}, block: parser.Block{Line: line}})
	}
	add("title", 200, 320, 40, 50)
	add("as of", 210, 310, 60, 70)
	add("Argentina", 50, 100, 96, 105)
	add("right table", 254, 454, 92, 182)
	add("table AR", 50, 250, 117, 193)
	add("Brazil", 50, 90, 203, 212)
	add("table BR", 50, 250, 224, 276)
	add("China", 50, 90, 370, 379)
	add("table CN", 50, 250, 390, 530)
	flows := map[int][]flowArea{1: {{box: parser.Box{X0: 50, Y0: 92, X1: 454, Y1: 530}, byTables: true}}}
	var texts []string
	for _, it := range orderColumns(items, flows) {
		texts = append(texts, it.block.Line.Text)
	}
	assert.Equal(t, []string{"title", "as of", "Argentina", "table AR", "Brazil", "table BR", "China", "table CN", "right table"}, texts)
	texts = nil
	for _, it := range orderColumns(items, nil) {
		texts = append(texts, it.block.Line.Text)
	}
	assert.Equal(t, []string{"title", "as of", "Argentina", "right table", "table AR", "Brazil", "table BR", "China", "table CN"}, texts, "without columns found, top to bottom")
}

func TestOrderColumnsHeadingAtAColumnsFoot(t *testing.T) {
	// A group's heading left at the foot of the left column, beside the
	// right column's last block, heads the table at the top of the right
	// column: it is read with the left column. A line in plain text there
	// closes the page (TestOrderColumnsKeepsAWrappedLastLine).
	for _, tt := range []struct {
		name  string
		flows map[int][]flowArea
		y     float64 // the heading's top
	}{
		{"text columns, beside the right column's end", map[int][]flowArea{1: {{box: parser.Box{X0: 57, Y0: 62, X1: 559, Y1: 747}}}}, 737.6},
		{"columns of tables, under both", map[int][]flowArea{1: {{box: parser.Box{X0: 57, Y0: 62, X1: 559, Y1: 740}, byTables: true}}}, 742.4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var items []placed
			add := func(text string, bold bool, x0, x1, y0, y1 float64) {
				line := (&parser.Line{Text: text}).Placed(parser.Box{}, parser.Style{Bold: bold})
				items = append(items, placed{page: 1, y: y0, x: x0, box: parser.Box{X0: x0, Y0: y0, X1: x1, Y1: y1}, block: parser.Block{Line: line}})
			}
			for _, b := range [][2]float64{{62.8, 147}, {162, 374}, {389, 587}, {614, 723}} {
				add("left heading", true, 57.6, 100, b[0], b[0]+9)
				add("left table", false, 57.6, 295, b[0]+23, b[1])
			}
			add("right table", false, 313.7, 558, 64.8, 313.9)
			add("right heading", true, 313.7, 343, 328.4, 337.4)
			add("right table", false, 313.7, 558, 352, 739.1)
			add("Finland", true, 57.6, 91, tt.y, tt.y+9)
			slices.SortStableFunc(items, func(a, b placed) int { return cmp.Compare(a.box.Y0, b.box.Y0) })
			var texts []string
			for _, it := range orderColumns(items, tt.flows) {
				texts = append(texts, it.block.Line.Text)
			}
			assert.Equal(t, []string{
				"left heading", "left table", "left heading", "left table", "left heading", "left table", "left heading", "left table", "Finland",
				"right table", "right heading", "right table",
			}, texts)
		})
	}
}

func TestTextColumnsOfAFontWithTallBoxes(t *testing.T) {
	// Japanese fonts' glyph boxes (ascent to descent) stand taller than
	// their lines are set apart: 9 pt type, boxes 23 pt high, lines 13.5
	// pt apart. Two columns whose lines do not line up are two columns;
	// one table's rows across the page, lined up, are not.
	tall := func(text string, x, y float64) Word {
		w := tw(text, x, y)
		w.Box.Y1 = y + 23.4
		w.Style.Size = 9
		return w
	}
	build := func(offset float64) []tword {
		var ws []tword
		for i := range 16 {
			y := 100 + 13.5*float64(i)
			ws = append(ws, newTword(tall(fmt.Sprintf("左%02d", i), 140, y)), newTword(tall("大学", 214, y)))
			ws = append(ws, newTword(tall(fmt.Sprintf("右%02d", i), 311, y+offset)), newTword(tall("平成", 424, y+offset)))
		}
		return ws
	}
	for _, tt := range []struct {
		name   string
		offset float64
		two    bool
	}{
		{"columns set apart", 6.5, true},
		{"one table across", 0, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ws := build(tt.offset)
			idx := make([]int, len(ws))
			for i := range idx {
				idx[i] = i
			}
			tc, two := splitTextColumns(ws, idx)
			assert.Equal(t, tt.two, two)
			if two {
				assert.Less(t, tc.gutter.lo, 311.0)
				assert.Greater(t, tc.gutter.hi, 234.0)
			}
		})
	}
}

func TestTablesRuledByThemselvesInColumnsKeepTheirLastColumn(t *testing.T) {
	// Two tables in two page columns, each ruled by itself under every
	// row. The left table's last column holds only its header's word,
	// standing in the band the columns' text leaves: the rules' own gap is
	// the gutter, and the word stays in the left table. With the rows on
	// other baselines the text tells the columns, the rules narrow the
	// gutter; on the same baselines the rules alone tell them.
	for _, offset := range []float64{7, 0} {
		t.Run(fmt.Sprint("offset ", offset), func(t *testing.T) {
			var ws []Word
			var segs []Segment
			ws = append(ws, tw("Partner", 50, 100), tw("Year", 150, 100), tw("Exemption", 215, 100))
			segs = append(segs, hrule(45, 262, 112))
			for i, n := range []string{"Aalto", "Oulu", "Turku", "Vaasa", "Espoo"} {
				y := 114 + 14*float64(i)
				ws = append(ws, tw(n, 50, y), tw(fmt.Sprint(2001+i), 150, y))
				segs = append(segs, hrule(45, 262, y+12))
			}
			for i, n := range []string{"Partner", "Bonn", "Jena", "Kiel", "Ulm", "Koln"} {
				y := 100 + offset + 14*float64(i)
				year := "Year"
				if i > 0 {
					year = fmt.Sprint(1990 + i)
				}
				ws = append(ws, tw(n, 290, y), tw(year, 390, y))
				segs = append(segs, hrule(285, 480, y+12))
			}
			p := page(1, ws, segs)
			tabs := pageTables(&p)
			require.Len(t, tabs, 2)
			assert.Equal(t, []string{"Partner", "Year", "Exemption"}, texts(tabs[0].table)[0])
			assert.Equal(t, []string{"Partner", "Year"}, texts(tabs[1].table)[0])
			assert.Equal(t, "Bonn", texts(tabs[1].table)[1][0])
		})
	}
}

func TestOrderColumnsOfANumberedList(t *testing.T) {
	// A numbered list runs down the left column and on at the top of the
	// right one, whose first lines stand level with the left column's
	// title and prose; a table follows there. The numbered lines make
	// the left column a list: read column by column, not across.
	for name, number := range map[string]func(int) string{
		"dotted":    func(n int) string { return fmt.Sprintf("%d.", n) },
		"bracketed": func(n int) string { return fmt.Sprintf("(%d)", n) },
	} {
		t.Run(name, func(t *testing.T) {
			var items []placed
			add := func(text string, x0, x1, y0, y1 float64) {
				line := &parser.Line{Text: text}
				items = append(items, placed{page: 1, y: y0, x: x0, box: parser.Box{X0: x0, Y0: y0, X1: x1, Y1: y1}, block: parser.Block{Line: line}})
			}
			add("title", 57, 228, 46, 83)
			add(number(18)+" last entry", 443, 627, 50, 75)
			add("heading", 433, 540, 72, 103)
			add("prose", 57, 395, 79, 103)
			add("table", 433, 786, 103, 482)
			for i := range 17 {
				y := 190 + 14*float64(i)
				add(number(i+1)+" entry", 72, 300, y, y+25)
			}
			out := orderColumns(items, nil)
			var texts []string
			for _, it := range out {
				texts = append(texts, it.block.Line.Text)
			}
			require.Len(t, texts, 22)
			assert.Equal(t, []string{"title", "prose", number(1) + " entry"}, texts[:3])
			assert.Equal(t, []string{number(17) + " entry", number(18) + " last entry", "heading", "table"}, texts[18:])
		})
	}
}

func TestOrderColumnsNumberedRowsWithADateColumn(t *testing.T) {
	// Numbered entries with their dates in a column of their own on the
	// same baselines: the rows of a table, read across.
	var items []placed
	add := func(text string, x0, x1, y float64) {
		line := &parser.Line{Text: text}
		items = append(items, placed{page: 1, y: y, x: x0, box: parser.Box{X0: x0, Y0: y, X1: x1, Y1: y + 10}, block: parser.Block{Line: line}})
	}
	for i := range 6 {
		y := 100 + 14*float64(i)
		add(fmt.Sprintf("%d. University %d", i+1, i+1), 50, 250, y)
		add(fmt.Sprintf("200%d.4.1", i), 400, 450, y)
	}
	var texts []string
	for _, it := range orderColumns(items, nil) {
		texts = append(texts, it.block.Line.Text)
	}
	assert.Equal(t, []string{"1. University 1", "2000.4.1", "2. University 2", "2001.4.1"}, texts[:4])
}

func TestOrderColumnsWithALineAcrossTheGutter(t *testing.T) {
	// Table detection found the page set in two columns of text; one
	// line runs across both (a line of links at the top, or a closing
	// line at the foot), a title and a country heading stand over the
	// left column's table, the right column's table starts beside the
	// title: left column first.
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
		flows := map[int][]flowArea{1: {{box: parser.Box{X0: 50, Y0: 50, X1: 500, Y1: 700}}}}
		var texts []string
		for _, it := range orderColumns(items, flows) {
			texts = append(texts, it.block.Line.Text)
		}
		assert.Equal(t, want, texts, across)
	}
}

// TestCentredPair: a cell's one line set in the middle of its row, half
// way between the two lines of a wrapped cell beside it, lines up with
// them; a line of running text, a line's pitch from the next line of its
// column, does not, however it stands against the other column's lines.
func TestCentredPair(t *testing.T) {
	ext := func(mids ...float64) []lineExtent {
		var out []lineExtent
		for _, m := range mids {
			out = append(out, lineExtent{y0: m - 5, y1: m + 5, mid: m, h: 10})
		}
		return out
	}
	cells := ext(15, 45, 75)               // one line a row
	wrapped := ext(10, 20, 40, 50, 70, 80) // two lines a row, beside them
	for i := range cells {
		assert.True(t, centredPair(cells, i, wrapped, 2*i), "row %d", i)
		assert.True(t, centredPair(cells, i, wrapped, 2*i+1), "row %d", i)
	}
	text := ext(15, 25, 35, 45) // running text, half a line off the other column's
	other := ext(10, 20, 30, 40, 50)
	for i := range text {
		assert.False(t, centredPair(text, i, other, i), "line %d", i)
	}
	assert.False(t, centredPair(ext(30), 0, ext(10, 50), 0), "lines too far apart for a wrapped cell")
	assert.False(t, centredPair(ext(18), 0, ext(10, 20), 0), "not half way")
}
