package pdf

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// groupTable is one group's table of a list of per-group tables, each
// laid out by its own texts (an HTML page's tables, printed): its
// columns' starts, its header's cells (a cell's lines parted by "/") and
// its rows.
type groupTable struct {
	name   string
	xs     []float64
	header []string
	rows   [][]string
}

// perGroupPage sets the group tables one under the other, each under its
// group's bold name; a header cell of fewer lines than the header's
// tallest is set at its top (middle false) or in its middle (true).
func perGroupPage(gs []groupTable, middle bool) PageLayout {
	var ws []Word
	y := 60.0
	for _, g := range gs {
		ws = append(ws, boldWord(g.name, g.xs[0], y))
		y += 14
		tall := 1
		for _, h := range g.header {
			tall = max(tall, len(strings.Split(h, "/")))
		}
		for c, h := range g.header {
			parts := strings.Split(h, "/")
			top := y
			if middle {
				top += 12 * float64(tall-len(parts)) / 2
			}
			for k, p := range parts {
				ws = append(ws, words(strings.TrimSpace(p), g.xs[c], top+12*float64(k))...)
			}
		}
		y += 12*float64(tall) + 2
		for _, r := range g.rows {
			for c, cell := range r {
				ws = append(ws, words(cell, g.xs[c], y)...)
			}
			y += 14
		}
		y += 4
	}
	return page(1, ws, nil)
}

// Per-group tables, each its columns as wide as its own texts, its
// header's names wrapped otherwise than the last's (or not at all): each
// group's table stands alone, the table of one row too, its headings in
// regular type right under the group's name, whether the header's cells
// of one line are set at the top of the header's row or in its middle.
// Read as one table, the columns of one would run into another's.
func TestStreamPerGroupTablesHeadersRewrapped(t *testing.T) {
	gs := []groupTable{
		{"Poland", []float64{30, 160, 260, 430},
			[]string{"Partner Institution", "Type of Agreement", "Department at Tohoku University", "Date of Agreement"},
			[][]string{{"University of Warsaw", "University-wide", "―", "R3.3.4"}}},
		{"Russia", []float64{30, 215, 270, 400},
			[]string{"Partner Institution", "Type of / Agreement", "Department at / Tohoku University", "Date of / Agreement"},
			[][]string{
				{"Lomonosov Moscow State University", "University-wide", "―", "H10.2.19"},
				{"Novosibirsk State University", "University-wide", "―", "H15.7.4"},
				{"Far Eastern Federal University", "University-wide", "―", "H24.3.19"},
				{"Saint Petersburg State University", "University-wide", "―", "H26.10.1"},
			}},
		{"Spain", []float64{30, 150, 240, 400},
			[]string{"Partner Institution", "Type of Agreement", "Department at / Tohoku University", "Date of Agreement"},
			[][]string{
				{"University of Granada", "University-wide", "―", "H24.9.27"},
				{"University of Salamanca", "University-wide", "―", "H30.5.20"},
				{"University of Seville", "University-wide", "―", "R1.8.5"},
			}},
	}
	for _, middle := range []bool{false, true} {
		p := perGroupPage(gs, middle)
		tabs := pageTables(&p)
		require.Len(t, tabs, len(gs), "middle %v", middle)
		for k, g := range gs {
			rows := texts(tabs[k].table)
			require.GreaterOrEqual(t, len(rows), len(g.rows)+1, "%s, middle %v", g.name, middle)
			body := rows[len(rows)-len(g.rows):]
			assert.Equal(t, g.rows, body, "%s, middle %v", g.name, middle)
			for _, r := range rows {
				assert.NotContains(t, r, g.name, "the group's name is no row of its table")
			}
		}
	}
}
