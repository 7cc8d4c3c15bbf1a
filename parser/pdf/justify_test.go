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
