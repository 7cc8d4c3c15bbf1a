package pdf

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ruledSheet lays out a spreadsheet's rows as LibreOffice Calc prints
// them (9 pt type in boxes 11.7 high, here 10; the gaps between boxes
// as many tenths of a box): each row's cells set at its bottom (a cell of
// fewer lines beside the last line of the others), a cell's lines 11.2
// apart, a rule under each row that has one (ruled), the rows 11.6 apart
// from line to line, those with no rule (a title's, a group's row of a
// sheet that borders only its table) 10.85.
type sheetRow struct {
	cells [][]string // each cell's lines
	ruled bool
}

func ruledSheet(xs []float64, x1 float64, rows []sheetRow) PageLayout {
	var ws []Word
	var segs []Segment
	y := 60.0
	for _, r := range rows {
		n := 1
		for _, c := range r.cells {
			n = max(n, len(c))
		}
		for k, c := range r.cells {
			for j, line := range c {
				ws = append(ws, words(line, xs[k], y+11.2*float64(n-len(c)+j))...)
			}
		}
		y += 11.2 * float64(n-1)
		if r.ruled {
			segs = append(segs, hrule(xs[0]-2, x1, y+10.8))
			y += 11.6
		} else {
			y += 10.85
		}
	}
	return page(1, ws, segs)
}

func one(line string) []string { return []string{line} }

// A sheet that borders its header and rows, not the title and group rows
// over them: each line over the first rule is a row of its own, and a
// group's row over the header said again, between the same two rules,
// is too. Set in Latin type and in Japanese.
func TestStreamRowsOverTheFirstRule(t *testing.T) {
	for _, tt := range []struct {
		name                              string
		total, group, next, partner, date string
		rows                              [][2]string
	}{
		{"latin", "Total of 24 agreements", "China", "South Korea", "Partner Institution", "Date of Agreement",
			[][2]string{{"Tsinghua University", "31 August 1998"}, {"Peking University", "10 November 1999"}}},
		{"japanese", "合計 24 件", "中国（3）", "韓国（3）", "相手機関名", "締結年月日",
			[][2]string{{"清華大学", "1998年8月31日"}, {"北京大学", "1999年11月10日"}}},
	} {
		xs := []float64{45, 200}
		rows := []sheetRow{
			{[][]string{one(tt.total)}, false},
			{[][]string{one(tt.group)}, false},
			{[][]string{one(tt.partner), one(tt.date)}, true},
		}
		for _, r := range tt.rows {
			rows = append(rows, sheetRow{[][]string{one(r[0]), one(r[1])}, true})
		}
		rows = append(rows, sheetRow{[][]string{one(tt.next)}, false}, sheetRow{[][]string{one(tt.partner), one(tt.date)}, true})
		for _, r := range tt.rows {
			rows = append(rows, sheetRow{[][]string{one(r[0]), one(r[1])}, true})
		}
		p := ruledSheet(xs, 300, rows)
		tabs := pageTables(&p)
		require.Len(t, tabs, 1, tt.name)
		want := [][]string{{tt.total, ""}, {tt.group, ""}, {tt.partner, tt.date}}
		for _, r := range tt.rows {
			want = append(want, []string{r[0], r[1]})
		}
		want = append(want, []string{tt.next, ""}, []string{tt.partner, tt.date})
		for _, r := range tt.rows {
			want = append(want, []string{r[0], r[1]})
		}
		assert.Equal(t, want, texts(tabs[0].table), tt.name)
	}
}

// A sheet that sets its cells at the bottom of their rows, a rule under
// each row: the first lines of a cell wrapped in a narrow column, over
// the row's line, are the cell's, two of them too; a group's name is a
// row of its own, also running on over the empty cells beside it, wider
// than the column (the Japanese). In Japanese and in Latin type.
func TestStreamWrappedCellsAtTheBottomOfRuledRows(t *testing.T) {
	for _, tt := range []struct {
		name string
		xs   []float64  // the columns' starts: the first column as wide as its lines
		want [][]string // a cell's lines parted by "\n"
	}{
		{"japanese", []float64{45, 85, 110}, [][]string{
			{"相手機関名", "区分", "締結年月日"},
			{"オーストラリア連邦（4）", "", ""},
			{"クイーンズラン\nド大学", "大学", "1981年12月22日"},
			{"メルボルン大学", "大学", "1997年10月9日"},
			{"ストラスブール\n第一・第二・第\n三大学", "大学", "1996年1月23日"},
			{"ハルツーム大学", "大学", "2001年6月7日"},
		}},
		{"latin", []float64{45, 160, 190}, [][]string{
			{"Partner", "Level", "Date"},
			{"Australia (4)", "", ""},
			{"Queensland University\nof Technology", "MOU", "22 Dec 1981"},
			{"Monash University", "MOU", "9 Oct 1997"},
			{"University of New South\nWales Sydney Australia\nand Canberra", "MOU", "23 Jan 1996"},
			{"Deakin University", "MOU", "7 Jun 2001"},
		}},
	} {
		var rows []sheetRow
		for _, w := range tt.want {
			r := sheetRow{ruled: true}
			for _, text := range w {
				var lines []string
				if text != "" {
					lines = strings.Split(text, "\n")
				}
				r.cells = append(r.cells, lines)
			}
			rows = append(rows, r)
		}
		p := ruledSheet(tt.xs, 330, rows)
		tabs := pageTables(&p)
		require.Len(t, tabs, 1, tt.name)
		var want [][]string // (texts reads a cell's lines as one)
		for _, w := range tt.want {
			var row []string
			for _, c := range w {
				row = append(row, strings.ReplaceAll(c, "\n", " "))
			}
			want = append(want, row)
		}
		assert.Equal(t, want, texts(tabs[0].table), tt.name)
	}
}
