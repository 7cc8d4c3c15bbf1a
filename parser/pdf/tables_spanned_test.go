package pdf

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tallWords sets a line's words in boxes taller than the lines stand
// apart, as fonts with a tall ascent and descent give (Noto Sans CJK):
// the boxes of a row's last line and of the next row's first overlap the
// rule between the rows.
func tallWords(text string, x, y float64) []Word {
	ws := words(text, x, y)
	for i := range ws {
		ws[i].Box.Y0 -= 3
		ws[i].Box.Y1 += 3
	}
	return ws
}

// spannedPage lays out a page of a table whose first two columns' cells
// span many rows (a region's, a country's name over its partners' rows),
// as a browser prints it: the header said again at the page's head, rows
// that fill only the last column, one row with a country's name beside
// it, each row under a rule across the table, and under the rule that
// closes it, near it, the page's foot (a legend and the page's number).
func spannedPage(header [3]string, country string, rows [][]string, foot string) PageLayout {
	xs := [3]float64{40, 160, 300}
	var ws []Word
	var segs []Segment
	y := 60.0
	for k, h := range header {
		ws = append(ws, tallWords(h, xs[k], y)...)
	}
	segs = append(segs, hrule(35, 560, y+13))
	y += 16
	for i, r := range rows {
		if i == 3 {
			ws = append(ws, tallWords(country, xs[1], y)...)
		}
		for j, line := range r {
			ws = append(ws, tallWords(line, xs[2], y+10*float64(j))...)
		}
		y += 10 * float64(len(r))
		segs = append(segs, hrule(35, 560, y+3))
		y += 6
	}
	if foot != "" {
		ws = append(ws, tallWords(foot, xs[0], y+10)...)
		ws = append(ws, tallWords("3", 540, y+10)...)
	}
	return page(3, ws, segs)
}

// A page of a table whose label columns span the rows: its rows, which
// fill only the last column, are rows of the table (ruled apart, however
// the lines' boxes overlap the rules), not lines of text beside a column
// of two names; the page's foot under the closing rule is none of it.
// Set in Latin type and in Japanese, with the page's foot and without.
func TestRowsBesideSpannedCells(t *testing.T) {
	for _, tt := range []struct {
		name    string
		header  [3]string
		country string
		rows    [][]string
		foot    string
	}{
		{"latin", [3]string{"Region", "Country", "Partner"}, "Norway", [][]string{
			{"University College Utrecht —", "School-to-school (GS Arts", "and Letters), 2018.9.26"},
			{"University of Amsterdam,", "Faculty of Science — 2013.7.11"},
			{"Wageningen University —", "School-to-school, 2016.1.28"},
			{"Norwegian University of Science", "and Technology — 2017.4.27"},
			{"University of Bergen — 2017.5.10"},
		}, "* fee waived"},
		{"japanese", [3]string{"地域", "国・地域", "相手機関名"}, "ノルウェー", [][]string{
			{"ユトレヒト大学 —", "部局間協定（文学研究科）、", "平成30年9月26日締結"},
			{"アムステルダム大学理学部 —", "平成25年7月11日締結"},
			{"ワーゲニンゲン大学 —", "平成28年1月28日締結"},
			{"ノルウェー科学技術大学 —", "平成29年4月27日締結"},
			{"ベルゲン大学 — 平成29年5月10日締結"},
		}, "* 授業料不徴収"},
		{"latin without foot", [3]string{"Region", "Country", "Partner"}, "Norway", [][]string{
			{"University College Utrecht —", "2018.9.26"},
			{"University of Amsterdam —", "2013.7.11"},
			{"Wageningen University —", "2016.1.28"},
			{"Norwegian University of Science", "and Technology — 2017.4.27"},
		}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := spannedPage(tt.header, tt.country, tt.rows, tt.foot)
			tabs := pageTables(&p)
			require.Len(t, tabs, 1)
			rows := tabs[0].table.Rows
			require.Len(t, rows, len(tt.rows)+1, "the header and every row")
			for i, r := range tt.rows {
				cells := rows[i+1].Cells
				require.Len(t, cells, 3)
				assert.Equal(t, strings.Join(r, " "), strings.Join(strings.Fields(cells[2].Text), " "), "row %d", i+1)
				if i == 3 {
					assert.Equal(t, tt.country, cells[1].Text)
				} else {
					assert.Empty(t, cells[1].Text, "row %d", i+1)
				}
			}
			if tt.foot != "" {
				for _, r := range rows {
					for _, c := range r.Cells {
						assert.NotContains(t, c.Text, strings.TrimPrefix(tt.foot, "* "), "the page's foot is no row")
					}
				}
			}
		})
	}
}
