package main

import (
	"bytes"
	"fmt"
	"testing"

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
	require.NoError(t, writeReply(&buf, replyHead{Doc: doc}, blocks, nil))
	got, remote, pageErrs, err := readReply(&buf)
	require.NoError(t, err)
	require.Nil(t, remote)
	require.Empty(t, pageErrs)
	require.Equal(t, want, got)
}

// TestReplyHeldRows: a document whose table rows the child holds packed
// (a table over many pages, crossing in several parts, and a list of a
// table a page) comes back as the same document read in this process.
func TestReplyHeldRows(t *testing.T) {
	for name, data := range map[string][]byte{"table.pdf": synthTablePDF(40, 30), "list.pdf": synthListPDF(12, 40)} {
		want, err := parseDocument(name, data, nil)
		require.NoError(t, err, name)
		got, err := parseIsolated(name, data, nil)
		require.NoError(t, err, name)
		require.Equal(t, string(parser.Dump(want)), string(parser.Dump(got)), name)
		require.Equal(t, want, got, name)
	}
}
