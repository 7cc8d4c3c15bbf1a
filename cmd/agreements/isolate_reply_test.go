package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
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
			parser.Cell{Text: fmt.Sprint("a", r), ColSpan: 1, RowSpan: 1}.WithLines([]string{fmt.Sprint("a", r)}),
			parser.Cell{Text: "b c", ColSpan: 1, RowSpan: 1}.WithLines([]string{"b", "c"}),
			parser.Cell{Text: "x", ColSpan: 1, RowSpan: 1}.WithLines([]string{"y"}),
			{Text: "t", ColSpan: 1, RowSpan: 1},
			parser.Cell{Text: "", ColSpan: 1, RowSpan: 1}.WithLines([]string{""}),
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

// TestReplyTextsShared: cells of one text decoded from a reply hold it
// once, their one-line lists too, and a list grown for one cell leaves the
// others' as they were.
func TestReplyTextsShared(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, writeReplyOf(&buf, replyDoc()))
	got, _, _, err := readReply(&buf)
	require.NoError(t, err)
	rows := got.Blocks[3].Table.Rows
	a, b := &rows[0].Cells[4], &rows[len(rows)-1].Cells[4] // "" with the line "", in different parts
	require.Equal(t, []string{""}, a.Lines())
	al := a.Lines()
	assert.Equal(t, 1, cap(al))
	al = append(al, "more")
	assert.Equal(t, []string{"", "more"}, al)
	assert.Equal(t, []string{""}, a.Lines())
	assert.Equal(t, []string{""}, b.Lines())
	x, y := rows[0].Cells[1], rows[1].Cells[1] // "b c", of two lines: the text is shared, not the lines
	assert.Equal(t, unsafe.StringData(x.Text), unsafe.StringData(y.Text))
}

// TestReplyLongTable: the rows of a table long enough to be decoded in the
// room left after the rows before them cross as they were, and rows that
// go on a table that came in their part are not taken for the rows of the
// table before it.
func TestReplyLongTable(t *testing.T) {
	rows := func(n, from int) []parser.Row {
		var rs []parser.Row
		for r := range n {
			rs = append(rs, parser.Row{Page: 1, Row: from + r, Cells: []parser.Cell{{Text: fmt.Sprint("r", from+r), ColSpan: 1, RowSpan: 1}}})
		}
		return rs
	}
	long := func() *parser.Document {
		return &parser.Document{File: "in.pdf", Blocks: []parser.Block{{Table: &parser.Table{Page: 1, Method: "stream", Rows: rows(8*partUnits+5, 1)}}}}
	}
	var buf bytes.Buffer
	require.NoError(t, writeReplyOf(&buf, long()))
	got, _, _, err := readReply(&buf)
	require.NoError(t, err)
	require.Equal(t, long(), got)
}

// TestReplyFixtures: the document of every fixture and every rendering of
// the layout matrix, read as the parse child reads it (a PDF's rows held
// packed and given their cells a part at a time), crosses as it is read in
// this process.
func TestReplyFixtures(t *testing.T) {
	var inputs []string
	for _, g := range []string{"../../fixtures/*/input.*", "../../fixtures/matrix/*/input.*"} {
		m, err := filepath.Glob(g)
		require.NoError(t, err)
		inputs = append(inputs, m...)
	}
	require.Greater(t, len(inputs), 100)
	for _, in := range inputs {
		data, err := os.ReadFile(in)
		require.NoError(t, err)
		name := filepath.Base(filepath.Dir(in)) + "/" + filepath.Base(in)
		want, err := parseDocument(name, data, nil)
		if err != nil {
			continue // a fixture that fails to read: its error crosses as TestReplyErrors checks
		}
		doc, held, err := parseHeldWith(name, data, readOpts{})
		require.NoError(t, err, name)
		var buf bytes.Buffer
		head := replyHead{Doc: doc}
		for _, pe := range doc.PageErrors {
			head.PageErrs = append(head.PageErrs, toWire(pe))
		}
		doc.PageErrors = nil
		blocks := doc.Blocks
		doc.Blocks = nil
		require.NoError(t, writeReply(&buf, head, blocks, held), name)
		got, remote, pageErrs, err := readReply(&buf)
		require.NoError(t, err, name)
		require.Nil(t, remote, name)
		for _, w := range pageErrs {
			got.PageErrors = append(got.PageErrors, w.ToError())
		}
		require.Equal(t, len(want.PageErrors), len(got.PageErrors), name)
		for i := range want.PageErrors {
			assert.Equal(t, want.PageErrors[i].Error(), got.PageErrors[i].Error(), name)
		}
		want.PageErrors, got.PageErrors = nil, nil
		require.Equal(t, want, got, name)
	}
}

// TestReplyErrors: an error and page errors cross with their messages,
// positions and sentinels.
func TestReplyErrors(t *testing.T) {
	pe := &parser.Error{File: "in.pdf", Page: 3, Err: fmt.Errorf("%w: bad page", parser.ErrMalformed)}
	var buf bytes.Buffer
	require.NoError(t, writeReply(&buf, replyHead{Err: toWire(parser.ErrEncrypted), PageErrs: []*wireError{toWire(pe)}}, nil, nil))
	doc, remote, pageErrs, err := readReply(&buf)
	require.NoError(t, err)
	assert.Nil(t, doc)
	require.NotNil(t, remote)
	assert.ErrorIs(t, remote.ToError(), parser.ErrEncrypted)
	assert.Equal(t, parser.ErrEncrypted.Error(), remote.ToError().Error())
	require.Len(t, pageErrs, 1)
	got := pageErrs[0].ToError()
	assert.Equal(t, pe.Error(), got.Error())
	assert.ErrorIs(t, got, parser.ErrMalformed)
	var gotPE *parser.Error
	require.ErrorAs(t, got, &gotPE)
	assert.Equal(t, 3, gotPE.Page)
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

// TestParseInChildFromFile: a PDF named by a file that holds the bytes
// read is read by the child from the file, with the same result; a file
// that no longer holds them, a named pipe or a page that is not a PDF
// cross in the stream.
func TestParseInChildFromFile(t *testing.T) {
	dir := t.TempDir()
	data := synthTablePDF(110, 30)
	require.Greater(t, len(data), quietInput, "a child that collects under its soft memory limit")
	path := filepath.Join(dir, "table.pdf")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	f := sameFile(path, data)
	require.NotNil(t, f, "the file holds the bytes: the child reads it")
	require.NoError(t, f.Close())
	want, err := parseDocument(path, data, nil)
	require.NoError(t, err)
	got, err := parseIsolated(path, data, nil)
	require.NoError(t, err)
	require.Equal(t, want, got)

	// The file changed since it was read: the bytes read are parsed.
	other := synthTablePDF(3, 30)
	assert.Nil(t, sameFile(path, other), "another size")
	changed := bytes.Clone(data)
	changed[len(changed)/2] ^= 1
	assert.Nil(t, sameFile(path, changed), "the same size, another byte")
	want, err = parseDocument(path, other, nil)
	require.NoError(t, err)
	got, err = parseIsolated(path, other, nil)
	require.NoError(t, err)
	require.Equal(t, want, got)

	fifo := filepath.Join(dir, "fifo.pdf")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	assert.Nil(t, sameFile(fifo, data), "a named pipe is not opened")
	page := filepath.Join(dir, "page.html")
	html := synthHTML(4 << 10)
	require.NoError(t, os.WriteFile(page, html, 0o644))
	assert.Nil(t, sameFile(page, html), "only a PDF is read from its file")
	assert.Nil(t, sameFile("-", data))
}

// TestReplyHeldHTML: the reply of an HTML page whose tables the child
// holds packed (html.ParseHeld: rows made as they are written) is byte
// for byte the reply of the page read whole, for the fixtures' pages and
// a page of one long table, and reads back as the same document.
func TestReplyHeldHTML(t *testing.T) {
	pages := map[string][]byte{"page.html": synthHTML(2 << 20)}
	inputs, _ := filepath.Glob("../../fixtures/*/input.html")
	require.NotEmpty(t, inputs)
	for _, in := range inputs {
		b, err := os.ReadFile(in)
		require.NoError(t, err)
		pages[in] = b
	}
	for name, data := range pages {
		want, err := parseDocument(name, data, nil)
		require.NoError(t, err, name)
		wantDump := string(parser.Dump(want))
		var whole bytes.Buffer
		require.NoError(t, writeReplyOf(&whole, want), name)
		doc, held, err := parseHeldWith(name, data, readOpts{})
		require.NoError(t, err, name)
		require.NotNil(t, held, name)
		blocks := doc.Blocks
		doc.Blocks = nil
		var got bytes.Buffer
		require.NoError(t, writeReply(&got, replyHead{Doc: doc}, blocks, held), name)
		require.Equal(t, whole.Bytes(), got.Bytes(), name)
		back, _, _, err := readReply(&got)
		require.NoError(t, err, name)
		require.Equal(t, wantDump, string(parser.Dump(back)), name)
	}
}
