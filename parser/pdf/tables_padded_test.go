package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// sized is a word of text in a box from x0 to x1 at y, h high, in type of
// the given size.
func sized(text string, x0, x1, y, h, size float64) Word {
	return Word{Text: text, Box: parser.Box{X0: x0, Y0: y, X1: x1, Y1: y + h}, Style: parser.Style{Size: size}}
}

// paddedList is a two-column list as LibreOffice prints a table of a
// region's and its countries' rows over their partners (10.5 pt type in
// boxes 13.7 high), the lines pitch apart: partner | year, the group rows
// in the partner's column. The partner on the row over the group named
// last ends short of the column's widest text by less than that name's
// first word; the year of the last partner, set close to the end of its
// long name (ending at lastEnd), stands where the years above start.
func paddedList(pitch float64, group []Word, last string, lastEnd float64) PageLayout {
	const h, size, year = 13.7, 10.5, 289.0
	y := 100.0
	var ws []Word
	line := func(w ...Word) {
		for _, x := range w {
			x.Box.Y0, x.Box.Y1 = y, y+h
			ws = append(ws, x)
		}
		y += pitch
	}
	line(sized("ASIA", 59.2, 85, 0, h, size), sized("(8)", 87.3, 100.2, 0, h, size))
	line(sized("CHINA", 59.2, 95, 0, h, size), sized("(3)", 97.3, 110.2, 0, h, size))
	line(sized("清華大学", 59.2, 101.2, 0, h, size), sized("♦", 103.5, 114, 0, h, size), sized("1998", year, 312.3, 0, h, size))
	line(sized("浦項工科大学校（POSTECH）", 59.2, 201.2, 0, h, size), sized("♦", 203.5, 214, 0, h, size), sized("2000", year, 312.3, 0, h, size))
	line(sized("韓国科学技術院（KAIST）", 59.2, 182.5, 0, h, size), sized("♦", 184.8, 195.3, 0, h, size), sized("2001", year, 312.3, 0, h, size))
	line(group...)
	line(sized(last, 59.2, lastEnd, 0, h, size), sized("2020", year, 312.3, 0, h, size))
	return page(1, ws, nil)
}

// A long name set close to the next column (a gap narrower than the
// chunks', its year where the years above start) is a row of the table,
// not a line after it; and as the column's widest text it tells that a
// group's name under a row, which fits after that row's text within it,
// is a row of its own, not the rest of the row's cell.
func TestLongNameCloseToTheNextColumn(t *testing.T) {
	group := []Word{sized("SINGAPORE", 59.2, 116.9, 0, 13.7, 10.5), sized("(2)", 119.3, 132.2, 0, 13.7, 10.5)}
	for _, last := range []string{"オーストラリア原子力科学技術機構（ANSTO）", "Australian Nuclear Science and Technology Org."} {
		p := paddedList(20, group, last, 282.5)
		tabs := pageTables(&p)
		require.Len(t, tabs, 1, last)
		got := texts(tabs[0].table)
		require.Len(t, got, 7, last)
		assert.Equal(t, []string{"韓国科学技術院（KAIST） ♦", "2001"}, got[4], last)
		assert.Equal(t, []string{"SINGAPORE (2)", ""}, got[5], last)
		assert.Equal(t, []string{last, "2020"}, got[6], last)
	}
}
