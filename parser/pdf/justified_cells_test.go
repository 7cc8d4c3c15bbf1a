package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// justifiedCellRows lays out a table whose unit and date columns are too
// narrow for their text, set justified: each line but a cell's last runs
// from the cell's left edge to its right one, its last word set against
// the right edge. Rows start at y = 125, 50 pt apart; the cells' lines
// 12 pt apart.
func justifiedCellRows() []Word {
	const unitX, unitR, dateX, dateR = 255, 340, 355, 410
	justified := func(left, right string, x, r, y float64) []Word {
		return []Word{tw(left, x, y), tw(right, r-5*float64(len([]rune(right))), y)}
	}
	ws := []Word{tw("Partner", 105, 105), tw("Unit", unitX, 105), tw("Signed", dateX, 105)}
	rows := []struct {
		partner string
		unit    [][2]string // justified lines, then the last line alone
		last    string
		month   string
		day     string
		year    string
	}{
		{"Mahdakh Burtgel University", [][2]string{{"Department", "of"}, {"Accounting", "and"}}, "Finance", "Apr.", "16,", "2015"},
		{"Nanyang University", [][2]string{{"College", "of"}}, "Engineering", "Oct.", "12,", "2010"},
		{"Chonnam University", [][2]string{{"School", "of"}}, "Dentistry", "Aug.", "3,", "1991"},
		{"Masaryk University", [][2]string{{"Faculty", "of"}}, "Medicine", "May", "28,", "2008"},
	}
	for i, r := range rows {
		y := 125 + 50*float64(i)
		ws = append(ws, words(r.partner, 105, y)...)
		ly := y
		for _, l := range r.unit {
			ws = append(ws, justified(l[0], l[1], unitX, unitR, ly)...)
			ly += 12
		}
		ws = append(ws, tw(r.last, unitX, ly))
		ws = append(ws, justified(r.month, r.day, dateX, dateR, y)...)
		ws = append(ws, tw(r.year, dateX, y+12))
	}
	return ws
}

var justifiedCellTexts = [][]string{
	{"Partner", "Unit", "Signed"},
	{"Mahdakh Burtgel University", "Department of Accounting and Finance", "Apr. 16, 2015"},
	{"Nanyang University", "College of Engineering", "Oct. 12, 2010"},
	{"Chonnam University", "School of Dentistry", "Aug. 3, 1991"},
	{"Masaryk University", "Faculty of Medicine", "May 28, 2008"},
}

// Justified text in a narrow cell parts no columns: the words set against
// the cell's right edge start at different places, where a column's text
// starts at one. In a grid ruled all through, and in a frame whose columns
// are set in white space (the columns' own gaps still part them).
func TestJustifiedCellsPartNoColumns(t *testing.T) {
	ys := []float64{100, 120, 170, 220, 270, 320}
	t.Run("ruled", func(t *testing.T) {
		segs := gridRules([]float64{100, 250, 350, 415}, ys)
		p := page(1, justifiedCellRows(), segs)
		tabs := pageTables(&p)
		require.Len(t, tabs, 1)
		assert.Equal(t, justifiedCellTexts, texts(tabs[0].table))
	})
	t.Run("white space in a frame", func(t *testing.T) {
		var segs []Segment
		for _, y := range ys {
			segs = append(segs, hrule(100, 415, y))
		}
		segs = append(segs, vrule(100, 100, 320), vrule(415, 100, 320))
		p := page(1, justifiedCellRows(), segs)
		tabs := pageTables(&p)
		require.Len(t, tabs, 1)
		assert.Equal(t, justifiedCellTexts, texts(tabs[0].table))
	})
}

// A column of counts set flush right in a frame, their widths differing,
// is a column, not justified text.
func TestFlushRightCountsStayAColumn(t *testing.T) {
	segs := []Segment{
		hrule(100, 400, 100), hrule(100, 400, 120), hrule(100, 400, 220),
		vrule(100, 100, 220), vrule(400, 100, 220),
	}
	words := []Word{tw("Region", 105, 105), tw("Partners", 350, 105)}
	for i, r := range [][2]string{{"Asia", "123"}, {"Europe", "45"}, {"Africa", "7"}, {"Oceania", "12"}, {"Americas", "30"}} {
		y := 125 + float64(i)*18
		words = append(words, tw(r[0], 105, y), tw(r[1], 390-5*float64(len(r[1])), y))
	}
	p := page(1, words, segs)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	rows := texts(tabs[0].table)
	require.Len(t, rows, 6)
	assert.Equal(t, []string{"Asia", "123"}, rows[1])
	assert.Equal(t, []string{"Africa", "7"}, rows[3])
}
