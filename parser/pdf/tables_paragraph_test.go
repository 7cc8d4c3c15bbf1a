package pdf

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// paragraphRows lays out a table of three columns set solid (rows and
// wrapped lines 11 pt apart), a row whose first cell has a second
// paragraph set apart by a blank space (gap pt) above it, then what
// follows (after) before the last rows.
func paragraphRows(gap float64, after func(row func(bold bool, cells ...string), skip func(float64))) []setText {
	var ts []setText
	y := 80.0
	row := func(bold bool, cells ...string) {
		for k, c := range cells {
			if c != "" {
				ts = append(ts, setText{c, []float64{50, 210, 330}[k], y, bold})
			}
		}
		y += 11
	}
	skip := func(d float64) { y += d }
	row(true, "Partner", "Type", "Unit")
	row(false, "Kagoshima Univ", "School", "Agro")
	row(false, "Agreement on", "", "")
	row(false, "Students", "", "")
	row(false, "Juntendo Univ", "Univ-wide", "-")
	row(false, "Yamaguchi Univ", "School", "Science")
	skip(gap)
	row(false, "Agreement on", "", "")
	row(false, "Exchange, The", "", "")
	row(false, "Faculty", "", "")
	after(row, skip)
	row(false, "Tokyo Univ", "Univ-wide", "-")
	row(false, "Nagaoka Univ", "Univ-wide", "-")
	return ts
}

func TestStreamCellParagraphAfterABlankSpaceStaysInItsRow(t *testing.T) {
	// A cell's second paragraph, set apart from its first by a blank
	// space wider than any between rows, its lines at the table's line
	// spacing and the next row right under it: more of the row above,
	// and the table runs on past it.
	ts := paragraphRows(6, func(func(bool, ...string), func(float64)) {})
	for _, w := range shapeTables(t, ts) {
		way, tabs := w.name, w.tables
		require.Len(t, tabs, 1, way)
		rows := texts(tabs[0])
		assert.Contains(t, rows, []string{"Yamaguchi Univ Agreement on Exchange, The Faculty", "School", "Science"}, way)
		assert.Contains(t, rows, []string{"Tokyo Univ", "Univ-wide", "-"}, way)
		assert.Equal(t, []string{"Nagaoka Univ", "Univ-wide", "-"}, rows[len(rows)-1], way)
		assert.Len(t, rows, 6, way)
	}
}

func TestStreamTextAfterABlankSpaceBeforeAGroupIsNoCellParagraph(t *testing.T) {
	// The same blank space, but the next rows stand further below the
	// lines after it (a gap between tables): those rows are a table of
	// their own, not run on from the row above.
	ts := paragraphRows(6, func(_ func(bool, ...string), skip func(float64)) { skip(8) })
	for _, w := range shapeTables(t, ts) {
		way, tabs := w.name, w.tables
		require.NotEmpty(t, tabs, way)
		for _, tab := range tabs {
			rows := texts(tab)
			hasFirst := slices.ContainsFunc(rows, func(r []string) bool { return strings.HasPrefix(r[0], "Yamaguchi Univ") })
			assert.False(t, hasFirst && slices.Contains(rows[len(rows)-1], "Nagaoka Univ"), "%s: %v", way, rows)
		}
	}
}

func TestStreamGroupHeadingAfterABlankSpaceIsNoCellParagraph(t *testing.T) {
	// A group's heading, bold, after the lines below a row: the heading
	// and the header over the next group's rows are rows of their own,
	// not more of the row above.
	ts := paragraphRows(0, func(row func(bool, ...string), skip func(float64)) {
		skip(6)
		row(true, "Laos")
		row(false, "Partner", "Type", "Unit")
	})
	for _, w := range shapeTables(t, ts) {
		way, tabs := w.name, w.tables
		require.NotEmpty(t, tabs, way)
		var all [][]string
		for _, tab := range tabs {
			all = append(all, texts(tab)...)
		}
		assert.Contains(t, all, []string{"Yamaguchi Univ Agreement on Exchange, The Faculty", "School", "Science"}, way)
		for _, r := range all {
			assert.NotContains(t, r[0], "Laos Partner", way)
			assert.NotContains(t, r[0], "Faculty Laos", way)
		}
	}
}

func TestStreamRowAtAPageTopRunsOnIntoTheNextGroup(t *testing.T) {
	// The top of a page: the end of a header carried over from the page
	// before, one row of wrapped cells, then the next group's bold
	// heading and its header over the same three columns as that row:
	// one table, the row with it.
	var ts []setText
	y := 60.0
	row := func(bold bool, cells ...string) {
		for k, c := range cells {
			if c != "" {
				ts = append(ts, setText{c, []float64{50, 210, 330}[k], y, bold})
			}
		}
		y += 11
	}
	row(false, "Institution", "", "FahLuang")
	row(false, "Ministry", "Univ-wide", "-")
	row(false, "Science", "", "")
	row(false, "Technology,", "", "")
	row(false, "Planning", "", "")
	row(false, "Cooperation", "", "")
	y += 4
	row(true, "Malaysia")
	y += 4
	row(false, "Partner", "Type", "Unit")
	row(false, "Institution", "", "FahLuang")
	row(false, "Putra-U", "Univ-wide", "-")
	row(false, "Tunku-U", "Univ-wide", "-")
	for _, w := range shapeTables(t, ts) {
		way, tabs := w.name, w.tables
		require.Len(t, tabs, 1, way)
		rows := texts(tabs[0])
		assert.Contains(t, rows, []string{"Ministry Science Technology, Planning Cooperation", "Univ-wide", "-"}, way)
		assert.Equal(t, []string{"Institution", "", "FahLuang"}, rows[0], way)
		assert.Equal(t, []string{"Tunku-U", "Univ-wide", "-"}, rows[len(rows)-1], way)
	}
}

func TestStreamCellParagraphInALaterColumnStaysInItsRow(t *testing.T) {
	// The blank space inside a cell of the last column: its second
	// paragraph, no text in the first columns beside it, is more of that
	// cell.
	var ts []setText
	y := 80.0
	row := func(cells ...string) {
		for k, c := range cells {
			if c != "" {
				ts = append(ts, setText{c, []float64{50, 210, 330}[k], y, false})
			}
		}
		y += 11
	}
	row("Partner", "Type", "Unit")
	row("Kagoshima", "School", "Agro")
	row("Juntendo", "Univ-wide", "Science")
	y += 6
	row("", "", "Annex")
	row("", "", "Office")
	row("", "", "Sendai")
	row("Tokyo", "Univ-wide", "-")
	row("Nagaoka", "Univ-wide", "-")
	for _, w := range shapeTables(t, ts) {
		way, tabs := w.name, w.tables
		require.Len(t, tabs, 1, way)
		rows := texts(tabs[0])
		assert.Contains(t, rows, []string{"Juntendo", "Univ-wide", "Science Annex Office Sendai"}, way)
		assert.Equal(t, []string{"Nagaoka", "Univ-wide", "-"}, rows[len(rows)-1], way)
		assert.Len(t, rows, 5, way)
	}
}
