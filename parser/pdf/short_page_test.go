package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/agreements/agreements/parser"
)

// TestShortPageInColumns: a page too short to show its columns, after a
// page read in two, is read in the same columns when its first lines
// stand side by side; a closing line under the right column's lines stays
// after them.
func TestShortPageInColumns(t *testing.T) {
	block := func(page int, x0, y0, x1, y1 float64, text string) placed {
		return placed{page: page, y: y0, x: x0, box: parser.Box{X0: x0, Y0: y0, X1: x1, Y1: y1},
			block: parser.Block{Line: &parser.Line{Text: text}}}
	}
	short := []placed{
		block(2, 448, 50, 660, 75, "1. University of the Philippines, Los Baños (2014)"),
		block(2, 57, 46, 128, 83, "フィリピン"),
		block(2, 448, 64, 590, 89, "2. Visayas State University (2019)")}
	read := func(first []placed) []string {
		var texts []string
		for _, b := range orderColumns(append(first, short...), nil)[len(first):] {
			texts = append(texts, b.block.Line.Text)
		}
		return texts
	}
	var columns, labels []placed
	for k := range 4 {
		// page 1 in two columns, their lines at their own pitches; or a
		// list's labels at the left, each beside its first entry
		columns = append(columns, block(1, 57, 50+20*float64(k), 300, 62+20*float64(k), "left"),
			block(1, 448, 58+23*float64(k), 700, 70+23*float64(k), "right"))
		labels = append(labels, block(1, 57, 50+40*float64(k), 128, 62+40*float64(k), "label"),
			block(1, 448, 50+40*float64(k), 700, 62+40*float64(k), "entry"), block(1, 448, 70+40*float64(k), 700, 82+40*float64(k), "entry"))
	}
	assert.Equal(t, []string{"フィリピン", "1. University of the Philippines, Los Baños (2014)", "2. Visayas State University (2019)"}, read(columns))
	assert.Equal(t, []string{"1. University of the Philippines, Los Baños (2014)", "フィリピン", "2. Visayas State University (2019)"}, read(labels),
		"after a page of labels beside their entries, read row by row: no columns")

	_, ok := splitAt([]placed{block(3, 448, 60, 700, 74, "ミャンマー"), block(3, 57, 359, 270, 373, "Copyright")}, 300, 448)
	assert.False(t, ok, "a line under the other column's, not beside it")
}

// TestBareNumbers: a number alone in a margin is the page's number when
// it counts the pages, or stands apart from the text; a year set solid
// under a line, the end of a date the page's foot broke, is text.
func TestBareNumbers(t *testing.T) {
	page := func(lines ...TextLine) PageLayout { return PageLayout{Width: 595, Height: 842, Lines: lines} }
	line := func(x0, y0, x1, y1 float64, text string) TextLine {
		return TextLine{Box: parser.Box{X0: x0, Y0: y0, X1: x1, Y1: y1}, Words: []Word{{Text: text, Box: parser.Box{X0: x0, Y0: y0, X1: x1, Y1: y1}}}}
	}
	pages := []PageLayout{
		page(line(11, 400, 560, 414, "• Technical University of Denmark — concluded Sep. 26,"),
			line(73, 783.7, 97, 797.4, "2012"), line(11, 771.6, 565, 785.3, "• Aalborg University, concluded")),
		page(line(11, 400, 560, 414, "• Lund University"), line(290, 810, 300, 820, "17")),
	}
	f := findFurniture(pages)
	_, year := f[lineRef{0, 1}]
	_, number := f[lineRef{1, 1}]
	assert.False(t, year, "a year set solid under the text")
	assert.True(t, number, "a number set apart at the foot")
}
