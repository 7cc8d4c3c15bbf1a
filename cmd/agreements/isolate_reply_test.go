package main

import (
	"bytes"
	"fmt"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// replyDoc is a document with cells of every shape of lines: one line that
// is the text, one line that is not, several lines, none; in a short table,
// in a table long enough to cross in several parts, and between lines.
func replyDoc() *parser.Document {
	cells := func(r int) []parser.Cell {
		return []parser.Cell{
			{Text: fmt.Sprint("a", r), Lines: []string{fmt.Sprint("a", r)}, ColSpan: 1, RowSpan: 1},
			{Text: "b c", Lines: []string{"b", "c"}, ColSpan: 1, RowSpan: 1},
			{Text: "x", Lines: []string{"y"}, ColSpan: 1, RowSpan: 1},
			{Text: "t", ColSpan: 1, RowSpan: 1},
			{Text: "", Lines: []string{""}, ColSpan: 1, RowSpan: 1},
			{Covered: true},
		}
	}
	table := func(n int) *parser.Table {
		t := &parser.Table{Page: 1, Method: "lattice"}
		for r := range n {
			t.Rows = append(t.Rows, parser.Row{Page: 1, Row: r + 1, Cells: cells(r)})
		}
		return t
	}
	return &parser.Document{File: "in.pdf", Pages: 3, Blocks: []parser.Block{
		{Line: &parser.Line{Text: "title", Page: 1}},
		{Table: table(3)},
		{Line: &parser.Line{Text: "between", Page: 2}},
		{Table: table(2*partUnits + 7)},
		{Table: table(1)},
	}}
}

// TestReplyRoundTrip: a document crosses from the child to the parent as it
// was, its cells' lines too.
func TestReplyRoundTrip(t *testing.T) {
	want := replyDoc()
	doc := replyDoc()
	blocks := doc.Blocks
	doc.Blocks = nil
	var buf bytes.Buffer
	require.NoError(t, writeReply(&buf, replyHead{Doc: doc}, blocks))
	got, remote, pageErrs, err := readReply(&buf)
	require.NoError(t, err)
	require.Nil(t, remote)
	require.Empty(t, pageErrs)
	require.Equal(t, want, got)
}

// TestReplyTextsShared: cells of one text decoded from a reply hold it
// once, their one-line lists too, and a list grown for one cell leaves the
// others' as they were.
func TestReplyTextsShared(t *testing.T) {
	doc := replyDoc()
	blocks := doc.Blocks
	doc.Blocks = nil
	var buf bytes.Buffer
	require.NoError(t, writeReply(&buf, replyHead{Doc: doc}, blocks))
	got, _, _, err := readReply(&buf)
	require.NoError(t, err)
	rows := got.Blocks[3].Table.Rows
	a, b := &rows[0].Cells[4], &rows[len(rows)-1].Cells[4] // "" with the line "", in different parts
	require.Equal(t, []string{""}, a.Lines)
	assert.Same(t, &a.Lines[0], &b.Lines[0], "one list for the cells of one text")
	assert.Equal(t, 1, cap(a.Lines))
	a.Lines = append(a.Lines, "more")
	assert.Equal(t, []string{""}, b.Lines)
	x, y := rows[0].Cells[1], rows[1].Cells[1] // "b c", of two lines: the text is shared, not the lines
	assert.Equal(t, unsafe.StringData(x.Text), unsafe.StringData(y.Text))
}
