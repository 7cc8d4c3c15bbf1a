package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

func textLine(x0, x1, y float64, texts ...string) TextLine {
	l := TextLine{Box: parser.Box{X0: x0, Y0: y, X1: x1, Y1: y + 10}, Style: parser.Style{Size: 10}}
	for _, s := range texts {
		l.Words = append(l.Words, Word{Text: s})
	}
	return l
}

func TestJoinJustified(t *testing.T) {
	// A justified column from 150 to 290: one of its lines has gaps wider
	// than a column gap; beside it, a second column from 320.
	p := PageLayout{Lines: []TextLine{
		textLine(150, 290, 100, "University", "of", "Science", "and"),
		textLine(150, 290, 112, "Technology", "of", "China"),
		textLine(150, 200, 124, "Wuhan"), textLine(220, 262, 124, "University"), textLine(280, 290, 124, "of"), textLine(320, 400, 124, "Kyoto"),
		textLine(150, 270, 136, "Technology", "(2001)"),
		textLine(150, 290, 148, "Chongqing", "University", "(July"),
	}}
	joinJustified(&p)
	require.Len(t, p.Lines, 6)
	assert.Equal(t, "Wuhan University of", p.Lines[2].Text())
	assert.Equal(t, parser.Box{X0: 150, Y0: 124, X1: 290, Y1: 134}, p.Lines[2].Box)
	assert.Equal(t, "Kyoto", p.Lines[3].Text(), "the other column's line stays apart")
}

func TestJoinJustifiedLeavesTableCells(t *testing.T) {
	// Cells of a row on one baseline, with no line of text across the gap.
	p := PageLayout{Lines: []TextLine{
		textLine(50, 90, 100, "China"), textLine(150, 240, 100, "Fudan"), textLine(300, 340, 100, "2019"),
		textLine(50, 90, 112, "India"), textLine(150, 240, 112, "Delhi"), textLine(300, 340, 112, "2013"),
		textLine(50, 90, 124, "Peru"), textLine(150, 240, 124, "Lima"), textLine(300, 340, 124, "2010"),
	}}
	joinJustified(&p)
	assert.Len(t, p.Lines, 9)
}

// wordsLine is a text line of words 5 pt a letter and 3 pt apart from x,
// its box 10 pt high at y.
func wordsLine(x, y float64, text string) TextLine {
	ws := words(text, x, y)
	l := TextLine{Words: ws, Style: parser.Style{Size: 10}}
	l.Box = ws[0].Box
	for _, w := range ws[1:] {
		l.Box = union(l.Box, w.Box)
	}
	return l
}

// List items of a narrow justified column whose first line's one gap is
// stretched past a column gap: the column's other lines start where the
// items' text does, right of their bullets, and end where those lines do.
// The lines are joined, and their gaps part no cells: no table is made of
// the column.
func TestJoinJustifiedListItems(t *testing.T) {
	var p PageLayout
	p.Number = 1
	full := func(y float64, text string) TextLine { // a line of the column, to its right edge
		l := wordsLine(348, y, text)
		last := &l.Words[len(l.Words)-1]
		d := 451.4 - last.Box.X1
		last.Box.X0 += d
		last.Box.X1 += d
		l.Box.X1 = 451.4
		return l
	}
	y := 150.0
	for _, it := range [][4]string{
		{"Institut", "d'Études", "Politiques de Lyon * (6", "June 2008)"},
		{"Institut", "National", "des Langues (31 January", "2017)"},
		{"Bordeaux", "Institute", "of Technology (5 July", "2013)"},
		{"Université", "Lumière", "Lyon * (20 October", "2009)"},
	} {
		item := wordsLine(308, y, "• "+it[0])
		item.Words[1].Box.X0, item.Words[1].Box.X1 = 348, 348+5*float64(len([]rune(it[0])))
		item.Box.X1 = item.Words[1].Box.X1
		item.marker = "•"
		w := 5 * float64(len([]rune(it[1])))
		p.Lines = append(p.Lines, item, wordsLine(451.4-w, y, it[1]), full(y+12, it[2]), wordsLine(348, y+24, it[3]))
		y += 40
	}
	joinJustified(&p)
	require.Len(t, p.Lines, 12)
	assert.Equal(t, "• Institut d'Études", p.Lines[0].Text())
	assert.True(t, p.Lines[0].justified)
	for _, l := range p.Lines {
		p.Words = append(p.Words, l.Words...)
	}
	assert.Empty(t, pageTables(&p), "a list, not a table of bullets and words")
}

// A justified line of two words in a narrow ruled cell, stretched past a
// column gap, is one run of text: the cell is not cut into columns, nor
// its row into rows.
func TestJustifiedPairInARuledCell(t *testing.T) {
	var lines []TextLine
	add := func(x, y float64, texts ...string) {
		for _, s := range texts {
			lines = append(lines, wordsLine(x, y, s))
			x += 5*float64(len([]rune(s))) + 3
		}
	}
	pair := func(left, right string, y float64) {
		lines = append(lines, wordsLine(255, y, left))
		r := wordsLine(0, y, right)
		w := r.Box.X1 - r.Box.X0
		lines = append(lines, wordsLine(340-w, y, right))
	}
	add(105, 105, "Partner")
	add(255, 105, "Unit")
	add(355, 105, "Year")
	rows := []struct {
		partner string
		pairs   [][2]string
		last    string
		year    string
	}{
		{"Konkuk University", [][2]string{{"Graduate", "School"}, {"College", "of"}, {"Engineering", "College"}, {"of", "Architecture"}}, "Life Sciences", "2010"},
		{"Kookmin University", [][2]string{{"College", "of"}}, "Social Sciences", "2004"},
		{"Hallym University", [][2]string{{"Institute", "of"}}, "Japanese Studies", "2018"},
	}
	ys := []float64{100, 120}
	y := 125.0
	for _, r := range rows {
		add(105, y, r.partner)
		add(355, y, r.year)
		ly := y
		for _, pr := range r.pairs {
			pair(pr[0], pr[1], ly)
			ly += 12
		}
		add(255, ly, r.last)
		y = ly + 20
		ys = append(ys, y-5)
	}
	segs := gridRules([]float64{100, 250, 350, 400}, ys)
	p := PageLayout{Number: 1, Width: 600, Height: 800, Lines: lines, Segments: segs}
	for _, l := range lines {
		p.Words = append(p.Words, l.Words...)
	}
	joinJustified(&p)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	assert.Equal(t, [][]string{
		{"Partner", "Unit", "Year"},
		{"Konkuk University", "Graduate School College of Engineering College of Architecture Life Sciences", "2010"},
		{"Kookmin University", "College of Social Sciences", "2004"},
		{"Hallym University", "Institute of Japanese Studies", "2018"},
	}, texts(tabs[0].table))
}
