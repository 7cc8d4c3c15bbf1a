package pdf

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// cjkWord is a word in a Japanese font whose boxes stand far taller than
// its lines are set apart (2.6 times the type's size), as Chromium writes
// Noto Sans CJK's.
func cjkWord(text string, x, y, size float64, bold bool) Word {
	w := Word{Text: text, Box: parser.Box{X0: x, Y0: y, X1: x + size*float64(len([]rune(text))), Y1: y + 2.6*size}}
	w.Style.Size, w.Style.Bold = size, bold
	return w
}

// A table set at the bottom of its rows under a header of two lines in
// such a font, the first holding the first lines of three of the header's
// five cells, a note in smaller type right over it: the header's cells
// start where their columns' cells start, one wider than its column's
// cells ("協定種" over "協定"), and the boxes of the lines reach into one
// another. Both header lines are the table's, the note no marker raised
// into the header's first line.
func TestStreamHeaderInTallBoxesOverColumns(t *testing.T) {
	xs := []float64{30.7, 196.1, 345, 386.3, 530.4}
	ws := []Word{cjkWord("♦", 27.7, 102.3, 8.9, false), cjkWord("授業料不徴収", 37, 102.3, 8.9, false)}
	for k, h := range []string{"相手機関名", "", "協定種", "", "締結年月"} {
		if h != "" {
			ws = append(ws, cjkWord(h, xs[k], 119.5, 10.5, true))
		}
	}
	for k, h := range []string{"機関", "部局", "別", "本学部局", "日"} {
		ws = append(ws, cjkWord(h, xs[k], 137.5, 10.5, true))
	}
	ws = append(ws, cjkWord("アジア（15）", xs[0], 155.5, 10.5, false), cjkWord("中国（7）", xs[0], 173.5, 10.5, false))
	y := 191.5
	for _, r := range [][6]string{
		{"清華大学", "", "大学間", "協定", "―", "H10.8.31"},
		{"北京大学", "", "大学間", "協定", "―", "H11.11.10"},
		{"北京理工大学", "信息与电子学院", "部局間", "協定", "工学研究科", "R1.8.8"},
		{"中国医科大学", "", "部局間", "協定", "医学系研究科", "S57.9.29"},
		{"韓国科学技術院（KAIST）", "", "大学間", "協定", "―", "H13.4.24"}, // (the widest of its column, reaching near the next)
	} {
		ws = append(ws, cjkWord(r[2], xs[2], y, 10.5, false)) // the kind's first line, over the row's line
		for k, c := range []string{r[0], r[1], r[3], r[4], r[5]} {
			if c != "" {
				ws = append(ws, cjkWord(c, xs[k], y+15, 10.5, false))
			}
		}
		y += 33
	}
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.NotEmpty(t, tabs)
	rows := texts(tabs[0].table)
	head := -1
	for i, r := range rows {
		if r[0] == "相手機関名" {
			head = i
			break
		}
	}
	require.GreaterOrEqual(t, head, 0, "the header's first line is the table's: %q", rows)
	require.Greater(t, len(rows), head+2)
	assert.Equal(t, []string{"相手機関名", "", "協定種", "", "締結年月"}, rows[head])
	assert.Equal(t, []string{"機関", "部局", "別", "本学部局", "日"}, rows[head+1])
	assert.Equal(t, "アジア（15）", rows[head+2][0])
	assert.Equal(t, []string{"清華大学", "", "大学間 協定", "―", "H10.8.31"}, rows[head+4], "a kind's first line over its row's line is its row's")
}

// A line of one or two words set smaller than the next and reaching into
// it is a raised marker only when its words are as short as markers are:
// "Mahdakh Burtgel" / "*" / "University" puts the "*" into the line under
// it, a note "♦ 授業料不徴収" over a header stays a line of its own.
func TestRaisedMarkersAreShort(t *testing.T) {
	for _, tt := range []struct {
		over   string
		raised bool
	}{{"*", true}, {"※1", true}, {"授業料不徴収", false}} {
		ws := []tword{
			{Word: cjkWord(tt.over, 40, 100, 8.9, false)},
			{Word: cjkWord("相手機関名", 30, 117.2, 10.5, true)},
		}
		for i := range ws {
			ws[i].h = ws[i].Box.Y1 - ws[i].Box.Y0
			ws[i].cy = (ws[i].Box.Y0 + ws[i].Box.Y1) / 2
		}
		lines := raisedIntoLines(ws, [][]int{{0}, {1}})
		if tt.raised {
			assert.Len(t, lines, 1, tt.over)
		} else {
			assert.Len(t, lines, 2, tt.over)
		}
	}
}

// The same header printed by Chromium and by WeasyPrint (pages of the
// layout matrix): its cells start where their columns' cells start,
// "部局" nearer the widest name of the column before than a line's
// height, "協定種" wider than its column's "協定" and nearer the next
// column's start than a line's height; by WeasyPrint, two lines of a
// kind's first lines and two group rows stand between it and the first
// row's line. Its two lines are the table's header, over its group rows,
// and say that the table sets its cells at the bottom: a kind's first
// lines over its row's line are that row's.
func TestStreamHeaderOverColumnsPrinted(t *testing.T) {
	for _, tt := range []struct {
		file        string
		head, first []string
	}{
		{"m340-bottom-tohoku-ja", []string{"相手機関名", "", "協定種", "", "締結年月"}, []string{"清華大学 ♦", "", "大学間 協定", "―", "H10.8.31"}},
		{"m367-bottom-tohoku-ja", []string{"相手機関名", "", "協定", "", "締結年月"}, []string{"清華大学 ♦", "", "大学 間協 定", "―", "H10.8.31"}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			file := "../../fixtures/matrix/" + tt.file + "/input.pdf"
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			doc, err := Parse(file, data, Options{})
			require.NoError(t, err)
			var first *parser.Table
			for _, b := range doc.Blocks {
				if b.Table != nil {
					first = b.Table
					break
				}
			}
			require.NotNil(t, first)
			rows := first.Rows
			require.Greater(t, len(rows), 4)
			row := func(i int) []string {
				var out []string
				for _, c := range rows[i].Cells {
					out = append(out, c.Text)
				}
				return out
			}
			assert.Equal(t, tt.head, row(0))
			assert.Len(t, row(1), 5)
			assert.Equal(t, "機関", row(1)[0])
			assert.Equal(t, "アジア（15）", row(2)[0])
			assert.Equal(t, "bottom", first.VAlign)
			assert.Equal(t, tt.first, row(4))
		})
	}
}
