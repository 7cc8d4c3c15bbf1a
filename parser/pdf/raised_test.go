package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// raisedMark is a marker set as a superscript right after x: smaller than
// the text and raised above its baseline (the text layer puts it on a
// baseline of its own).
func raisedMark(x, y float64) Word {
	return Word{Text: "*", Box: parser.Box{X0: x, Y0: y - 2, X1: x + 3.5, Y1: y + 4.3}}
}

// bulletedWithRaisedMarks lays out list items "• Name* (date)", the
// bullet near its text or far from it, each with its marker raised
// between the name and the date.
func bulletedWithRaisedMarks(textX float64, items [][2]string) []Word {
	var ws []Word
	y := 100.0
	for _, it := range items {
		ws = append(ws, tw("•", 50, y))
		name := words(it[0], textX, y)
		ws = append(ws, name...)
		end := name[len(name)-1].Box.X1
		ws = append(ws, raisedMark(end+1.5, y))
		ws = append(ws, words(it[1], end+1.5+3.5+3, y)...)
		y += 16
	}
	return ws
}

// A marker set as a superscript between an entry's name and its date
// leaves a gap wider than a word gap on the entry's baseline; with the
// marker in it, it is no gap between cells: a bulleted list so marked is
// a list, not a table of bullet, name and date.
func TestRaisedMarkerPartsNoCells(t *testing.T) {
	items := [][2]string{
		{"Seoul National University", "(Jul. 8, 1998)"},
		{"Pukyong National University", "(Aug. 21, 2000)"},
		{"Korea University", "(Mar. 31, 2004)"},
		{"Yonsei University", "(May 29, 2007)"},
		{"Sogang University", "(Feb. 2, 2007)"},
	}
	for name, x := range map[string]float64{"bullet near": 58, "bullet far": 90} {
		t.Run(name, func(t *testing.T) {
			p := page(1, bulletedWithRaisedMarks(x, items), nil)
			assert.Empty(t, pageTables(&p))
		})
	}
}

// A raised marker at the end of a cell does not join the cell to the
// next one: a table's columns stay apart.
func TestRaisedMarkerAtCellEndKeepsColumns(t *testing.T) {
	var ws []Word
	y := 100.0
	for _, r := range [][2]string{{"Seoul National University", "1998"}, {"Pukyong National University", "2000"}, {"Korea University", "2004"}, {"Yonsei University", "2007"}} {
		name := words(r[0], 50, y)
		ws = append(ws, name...)
		ws = append(ws, raisedMark(name[len(name)-1].Box.X1+1, y))
		ws = append(ws, words(r[1], 300, y)...)
		y += 16
	}
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	row := texts(tabs[0].table)[0]
	assert.Equal(t, "Seoul National University", row[0])
	assert.Equal(t, "1998", row[len(row)-1])
}
