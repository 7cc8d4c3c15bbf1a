package pdf

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// placedWord is a word as a producer placed it.
type placedWord struct {
	text           string
	x0, y0, x1, y1 float64
	bold           bool
}

func placedWords(pw []placedWord) []Word {
	ws := make([]Word, len(pw))
	for i, w := range pw {
		ws[i] = Word{Text: w.text, Box: parser.Box{X0: w.x0, Y0: w.y0, X1: w.x1, Y1: w.y1}}
		ws[i].Style.Bold = w.bold
	}
	return ws
}

// A heading wider than its column's text (a dash under "Department at
// Cleveland State University"), set from where that text starts, ends
// short of the next column's heading: the column parts from the next
// after the heading, which stays whole in its cell, not halfway to the
// next column's text, where the heading ran into the next one's
// ("Department at Cleveland State Date of" over two columns, the date
// column unread). A table of one row, as a per-country table is, its
// header of a cell fewer than its row ("Type Type of" set close): the
// row's cells tell the columns. The words as wkhtmltopdf placed them;
// and the same table with Japanese headings, which read right with or
// without the widening (words set solid, not cut at the column gap) and
// must stay so.
func TestHeadingWiderThanItsColumn(t *testing.T) {
	body := []placedWord{
		{"Universidade", 59.3, 198.2, 108.4, 206.9, false}, {"Federal", 110.8, 198.2, 138.8, 206.9, false}, {"de", 141.2, 198.2, 150.5, 206.9, false},
		{"MOU", 176.8, 198.2, 194.7, 206.9, false}, {"University-wide", 201.9, 198.2, 259.9, 206.9, false}, {"―", 273.5, 198.2, 281.0, 206.9, false},
		{"1/25/2018", 425.3, 198.2, 463.7, 206.9, false}, {"1/24/2023", 496.6, 198.2, 535.0, 206.9, false},
		{"Uberlândia", 59.3, 208.0, 100.1, 216.7, false},
	}
	for _, tt := range []struct {
		name string
		head []placedWord
		want []string
	}{
		{"english", []placedWord{
			{"Partner", 59.3, 175.7, 91.2, 184.4, true}, {"Institution", 93.8, 175.7, 138.1, 184.4, true},
			{"Type", 176.8, 175.7, 197.3, 184.4, true}, {"Type", 201.9, 175.7, 222.3, 184.4, true}, {"of", 224.9, 175.7, 233.3, 184.4, true},
			{"Department", 273.5, 175.7, 324.3, 184.4, true}, {"at", 326.9, 175.7, 335.5, 184.4, true},
			{"Cleveland", 338.1, 175.7, 379.6, 184.4, true}, {"State", 382.2, 175.7, 404.8, 184.4, true},
			{"Date", 425.3, 175.7, 445.2, 184.4, true}, {"of", 447.8, 175.7, 456.2, 184.4, true}, {"Valid", 496.6, 175.7, 517.9, 184.4, true},
			{"Agreement", 201.9, 185.5, 248.7, 194.2, true}, {"University", 273.5, 185.5, 316.7, 194.2, true},
			{"Agreement", 425.3, 185.5, 472.1, 194.2, true}, {"Until", 496.6, 185.5, 516.7, 194.2, true},
		}, []string{"Partner Institution", "Type", "Type of Agreement", "Department at Cleveland State University", "Date of Agreement", "Valid Until"}},
		{"japanese", []placedWord{
			{"相手機関名", 59.3, 175.7, 102.8, 184.4, true},
			{"種別", 176.8, 175.7, 194.2, 184.4, true}, {"協定の", 201.9, 175.7, 228.0, 184.4, true},
			{"本学の担当部局", 273.5, 175.7, 334.4, 184.4, true}, {"（研究科・研究所）", 337.0, 175.7, 404.8, 184.4, true},
			{"締結", 425.3, 175.7, 442.7, 184.4, true}, {"有効", 496.6, 175.7, 514.0, 184.4, true},
			{"区分", 201.9, 185.5, 219.3, 194.2, true}, {"及び研究所", 273.5, 185.5, 317.0, 194.2, true},
			{"年月日", 425.3, 185.5, 451.4, 194.2, true}, {"期限", 496.6, 185.5, 514.0, 194.2, true},
		}, []string{"相手機関名", "種別", "協定の 区分", "本学の担当部局 （研究科・研究所） 及び研究所", "締結 年月日", "有効 期限"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := page(1, placedWords(append(tt.head, body...)), nil)
			tabs := pageTables(&p)
			require.Len(t, tabs, 1)
			rows := tabs[0].table.Rows
			require.Len(t, rows, 2)
			var head []string
			for _, c := range rows[0].Cells {
				head = append(head, strings.Join(strings.Fields(c.Text), " "))
			}
			assert.Equal(t, tt.want, head)
			cells := rows[1].Cells
			require.Len(t, cells, 6)
			assert.Equal(t, "1/25/2018", cells[4].Text)
		})
	}
}
