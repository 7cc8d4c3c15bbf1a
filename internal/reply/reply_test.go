package reply

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// fullLine is a line with every field set.
func fullLine(page int) parser.Line {
	return parser.Line{Page: page, Row: 7, Text: "Peking University", Bullet: "•", Role: parser.RoleItem, Level: 2,
		RuledAbove: true,
	}.WithBox(parser.Box{X0: 1.5, Y0: 2.25, X1: 300.125, Y1: 12}).WithStyle(parser.Style{Font: "LiberationSans-Bold", Size: 10.5, Bold: true, Italic: true})
}

// fullDoc is a document with every field of parser's model set, and a
// reply head with every field of its errors set.
func fullDoc() (Head, []parser.Block) {
	line := fullLine(1)
	table := &parser.Table{Page: 2, Index: 1, Method: "lattice", VAlign: "bottom", TextRights: []float64{5.5, 7.25}, Rows: []parser.Row{parser.Row{
		Page: 2, Row: 8, Header: true,
		Cells: []parser.Cell{parser.Cell{Text: "a b", ColSpan: 2, RowSpan: 3, Covered: true}.
			WithLinesSpansBox([]string{"a", "b"}, []parser.LineSpan{{X0: 4.5, X1: 5.5}, {X0: 4.25, X1: 5}}, parser.Box{X0: 4, Y0: 5, X1: 6, Y1: 7})},
	}.WithBox(parser.Box{X0: -1, Y0: math.Inf(1), X1: 3.5, Y1: 1e300})}}
	doc := &parser.Document{File: "list.pdf", SHA256: "abc123", Format: parser.FormatPDF, Title: "学術交流協定校一覧",
		Pages: 3, Repairs: []string{"pdf:rebuilt_xref"}, Furniture: []parser.Line{fullLine(3)}, ImageOnlyPages: []int{3}}
	werr := &Error{Positioned: true, File: "list.pdf", Page: 3, Row: 4, Msg: "bad", Sentinels: []int{2, 6}}
	return Head{Doc: doc, Err: werr, PageErrs: []*Error{werr}, Blocks: 1}, []parser.Block{{Line: &line, Table: table}}
}

// notCarried are the fields that do not cross as fields: the document's
// blocks cross as blocks, its page errors as Head.PageErrs; a cell's room
// for the span of its one line is its spans' (crossed as spans, checked
// by the cells of one line in TestCells).
var notCarried = map[string]bool{"Document.PageErrors": true, "cellMore.one": true}

// requireAllSet fails when a field of v, or of what it holds, is zero: a
// field added to the model must be set in fullDoc, and so be checked to
// cross.
func requireAllSet(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	switch v.Kind() {
	case reflect.Pointer:
		require.False(t, v.IsNil(), "%s is nil", path)
		requireAllSet(t, v.Elem(), path)
	case reflect.Slice:
		require.NotZero(t, v.Len(), "%s is empty", path)
		for i := range v.Len() {
			requireAllSet(t, v.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if notCarried[v.Type().Name()+"."+f.Name] {
				continue
			}
			require.False(t, v.Field(i).IsZero(), "%s.%s is not set: set it here, and carry it in Write and Read", path, f.Name)
			requireAllSet(t, v.Field(i), path+"."+f.Name)
		}
	}
}

// TestEveryField: a document with every field of the model set crosses
// as it was.
func TestEveryField(t *testing.T) {
	head, blocks := fullDoc()
	doc := *head.Doc
	doc.Blocks = blocks
	requireAllSet(t, reflect.ValueOf(&doc), "Document")
	requireAllSet(t, reflect.ValueOf(head.Err), "Error")

	var buf bytes.Buffer
	require.NoError(t, Write(&buf, head, blocks, nil))
	got, remote, pageErrs, err := Read(&buf)
	require.NoError(t, err)
	require.Equal(t, &doc, got)
	assert.Equal(t, head.Err, remote)
	assert.Equal(t, head.PageErrs, pageErrs)
}

// TestCells: cells of every shape of lines (nil, none, one that is the
// text, one that is not, several), repeated texts and numbers, cross as
// they were; the cells of one text share it and its one-line list.
func TestCells(t *testing.T) {
	var rows []parser.Row
	for r := range 3 * PartUnits {
		rows = append(rows, parser.Row{Page: 1, Row: r + 1, Cells: []parser.Cell{
			parser.Cell{Text: fmt.Sprint("a", r%7), ColSpan: 1, RowSpan: 1}.WithLinesSpansBox([]string{fmt.Sprint("a", r%7)}, []parser.LineSpan{{X0: 11, X1: 20}}, parser.Box{X0: 10, Y0: float64(r), X1: 50, Y1: float64(r + 1)}),
			parser.Cell{Text: "b c", ColSpan: 1, RowSpan: 1}.WithLines([]string{"b", "c"}),
			parser.Cell{Text: "x", ColSpan: 1, RowSpan: 1}.WithLines([]string{"y"}),
			parser.Cell{Text: "t", ColSpan: 1, RowSpan: 1}.WithBox(parser.Box{X0: math.Copysign(0, -1), Y0: -7.25, X1: math.Inf(-1)}),
			parser.Cell{Text: "e", ColSpan: 1, RowSpan: 1}.WithLines([]string{}),
			parser.Cell{Text: "", ColSpan: 1, RowSpan: 1}.WithLines([]string{""}),
			parser.Cell{Text: string(bytes.Repeat([]byte("long "), 30)) + fmt.Sprint(r)}.WithLines([]string{string(bytes.Repeat([]byte("long "), 30)) + fmt.Sprint(r)}),
			{Covered: true},
		}}.WithBox(parser.Box{X0: 10, Y0: float64(r), X1: 500, Y1: float64(r + 1)}))
	}
	mk := func() []parser.Block {
		return []parser.Block{{Table: &parser.Table{Page: 1, Method: "stream", Rows: rows}}}
	}
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, Head{Doc: &parser.Document{File: "in.pdf"}}, mk(), nil))
	got, _, _, err := Read(&buf)
	require.NoError(t, err)
	require.Equal(t, &parser.Document{File: "in.pdf", Blocks: mk()}, got)
	rs := got.Blocks[0].Table.Rows
	a, b := &rs[0].Cells[0], &rs[7*PartUnits/4].Cells[0] // "a0", in different parts
	require.Equal(t, a.Text, b.Text)
	assert.Same(t, unsafe.StringData(a.Text), unsafe.StringData(b.Text), "one text for the cells of one text")
	al := a.Lines()
	assert.Same(t, &a.Text, &al[0], "a cell of one line holds no list")
	assert.Equal(t, 1, cap(al))
	al = append(al, "more")
	assert.Equal(t, []string{"a0", "more"}, al)
	assert.Equal(t, []string{"a0"}, a.Lines())
	assert.Equal(t, []string{"a0"}, b.Lines())
	e1 := &rs[len(rs)-1].Cells[5]
	assert.Equal(t, []string{""}, e1.Lines(), "one line, empty")
	x, y := rs[0].Cells[1], rs[1].Cells[1] // "b c", of two lines: the text is shared, not the lines
	assert.Same(t, unsafe.StringData(x.Text), unsafe.StringData(y.Text))
	assert.NotNil(t, rs[0].Cells[4].Lines(), "no lines, not nil")
	assert.Nil(t, rs[0].Cells[3].Lines(), "nil lines stay nil")
}

// TestRowsOnNewTable: rows that go on a table that came in their part are
// not taken for the rows of the table before it, whose room they would
// fit in.
func TestRowsOnNewTable(t *testing.T) {
	rows := func(n, from int) []parser.Row {
		var rs []parser.Row
		for r := range n {
			rs = append(rs, parser.Row{Page: 1, Row: from + r, Cells: []parser.Cell{{Text: fmt.Sprint("r", from+r), ColSpan: 1, RowSpan: 1}}})
		}
		return rs
	}
	var buf bytes.Buffer
	e, err := newEncoder(&buf)
	require.NoError(t, err)
	first := &parser.Table{Page: 1, Rows: rows(3*PartUnits, 1)}
	second := &parser.Table{Page: 2, Rows: rows(2, 5000)}
	e.writeHead(&Head{Doc: &parser.Document{File: "in.pdf"}, Blocks: 2})
	require.NoError(t, e.flush(nil))
	e.more = 2 * PartUnits
	require.NoError(t, e.part([]parser.Block{{Table: &parser.Table{Page: 1, Rows: first.Rows[:PartUnits]}}}, nil, false))
	e.more = 0
	require.NoError(t, e.part(nil, first.Rows[PartUnits:2*PartUnits], false))
	require.NoError(t, e.part(nil, first.Rows[2*PartUnits:], false))
	e.more = 1
	require.NoError(t, e.part([]parser.Block{{Table: &parser.Table{Page: 2, Rows: second.Rows[:1]}}}, second.Rows[1:], true))
	got, _, _, err := Read(&buf)
	require.NoError(t, err)
	require.Len(t, got.Blocks, 2)
	assert.Equal(t, first.Rows, got.Blocks[0].Table.Rows)
	assert.Equal(t, second.Rows, got.Blocks[1].Table.Rows)
	t1 := got.Blocks[0].Table.Rows
	for _, r := range t1[len(t1):cap(t1)] {
		assert.Nil(t, r.Cells, "no rows of the second table held in the first's room")
	}
}

// TestLongTables: long tables back to back, each in several parts, and a
// short one between them, cross as they were, each long one's rows in one
// slice of their number.
func TestLongTables(t *testing.T) {
	table := func(page, n int) *parser.Table {
		tb := &parser.Table{Page: page, Method: "stream"}
		for r := range n {
			tb.Rows = append(tb.Rows, parser.Row{Page: page, Row: r + 1, Cells: []parser.Cell{{Text: fmt.Sprint("p", page, "r", r), ColSpan: 1, RowSpan: 1}}})
		}
		return tb
	}
	line := fullLine(2)
	blocks := []parser.Block{{Table: table(1, 3*PartUnits+5)}, {Table: table(2, PartUnits)}, {Line: &line}, {Table: table(3, 2*PartUnits+1)}, {Table: table(4, 20*PartUnits+3)}}
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, Head{Doc: &parser.Document{File: "in.pdf"}}, blocks, nil))
	got, _, _, err := Read(&buf)
	require.NoError(t, err)
	require.Equal(t, &parser.Document{File: "in.pdf", Blocks: blocks}, got)
	for _, i := range []int{0, 3, 4} {
		rs := got.Blocks[i].Table.Rows
		assert.Equal(t, len(rs), cap(rs), "table %d", i)
	}
}

// TestAnnouncedRows: a table whose later parts bring more rows than it
// announced, or fewer, or rows when it announced none, is damage; room is
// made for no more rows than eight times those that came.
func TestAnnouncedRows(t *testing.T) {
	rows := func(n int) []parser.Row {
		rs := make([]parser.Row, n)
		for i := range rs {
			rs[i] = parser.Row{Row: i + 1, Cells: []parser.Cell{{Text: "x", ColSpan: 1, RowSpan: 1}}}
		}
		return rs
	}
	encode := func(announced, first, later int) []byte {
		var buf bytes.Buffer
		e, err := newEncoder(&buf)
		require.NoError(t, err)
		e.writeHead(&Head{Doc: &parser.Document{File: "in.pdf"}, Blocks: 1})
		require.NoError(t, e.flush(nil))
		e.more = announced
		require.NoError(t, e.part([]parser.Block{{Table: &parser.Table{Rows: rows(first)}}}, nil, later == 0))
		e.more = 0
		if later > 0 {
			require.NoError(t, e.part(nil, rows(later), true))
		}
		return buf.Bytes()
	}
	got, _, _, err := Read(bytes.NewReader(encode(3, 2, 3)))
	require.NoError(t, err)
	assert.Equal(t, append(rows(2), rows(3)...), got.Blocks[0].Table.Rows)
	for name, b := range map[string][]byte{
		"more":          encode(3, 2, 4),
		"fewer":         encode(3, 2, 2),
		"none came":     encode(3, 2, 0),
		"none said":     encode(0, 2, 1),
		"a huge number": encode(1<<30, 2, 1),
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, _, _, err := Read(bytes.NewReader(b))
		runtime.ReadMemStats(&after)
		assert.Error(t, err, name)
		assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(1<<20), name)
	}
}

// reply returns a reply of a small document of every shape.
func reply(t testing.TB) []byte {
	head, blocks := fullDoc()
	blocks = append(blocks, parser.Block{Table: &parser.Table{Page: 1, Rows: []parser.Row{
		{Cells: []parser.Cell{parser.Cell{Text: "Peking University"}.WithLines([]string{"Peking University"}), parser.Cell{Text: "e"}.WithLines([]string{})}},
		{Cells: []parser.Cell{parser.Cell{Text: "Peking University"}.WithLines([]string{"Peking University"}), parser.Cell{Text: ""}.WithLines([]string{""})}},
	}}})
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, head, blocks, nil))
	return buf.Bytes()
}

// TestDamaged: a reply cut short anywhere is an error; one with any byte
// changed is an error or a document, never a panic.
func TestDamaged(t *testing.T) {
	b := reply(t)
	for n := range len(b) {
		_, _, _, err := Read(bytes.NewReader(b[:n]))
		require.Error(t, err, "cut at %d of %d", n, len(b))
	}
	for i := range b {
		for _, x := range []byte{0x01, 0x80, 0xff} {
			c := bytes.Clone(b)
			c[i] ^= x
			_, _, _, _ = Read(bytes.NewReader(c))
		}
	}
	_, _, _, err := Read(bytes.NewReader(append(bytes.Clone(b), 0)))
	require.NoError(t, err, "what follows the reply is not read")
}

// TestHugeClaims: counts and lengths that claim more than the reply
// brings are errors, with no room made for what they claim.
func TestHugeClaims(t *testing.T) {
	uv := func(b []byte, vs ...uint64) []byte {
		for _, v := range vs {
			b = binary.AppendUvarint(b, v)
		}
		return b
	}
	tests := map[string][]byte{
		"frame":         uv([]byte(magic), 1<<29, 1<<29),
		"frame too big": uv([]byte(magic), 1<<40, 0),
		"blocks":        append(uv([]byte(magic), 5, 0), headDoc, 0xff, 0xff, 0xff, 0x0f, 0),
		"page errors":   append(uv([]byte(magic), 4, 0), 0, 0, 0xff, 0x7f),
		"cells":         append(uv(append(uv([]byte(magic), 7, 0), headDoc, 1, 0, 0, 0, 0, 0, 0), 8, 0), 1<<6, 0, 0, 0, 0, 0, 0, 0),
	}
	for name, b := range tests {
		_, _, _, err := Read(bytes.NewReader(b))
		assert.Error(t, err, name)
	}
	_, _, _, err := Read(bytes.NewReader([]byte("not a reply")))
	assert.Error(t, err)
	assert.False(t, errors.Is(err, nil))
}

func FuzzRead(f *testing.F) {
	f.Add(reply(f))
	f.Add([]byte(magic))
	f.Add([]byte("not a reply"))
	var buf bytes.Buffer
	require.NoError(f, Write(&buf, Head{Err: ToWire(parser.ErrEncrypted)}, nil, nil))
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, remote, pageErrs, err := Read(bytes.NewReader(b))
		if err != nil {
			require.Nil(t, doc)
			return
		}
		_ = remote.ToError()
		for _, pe := range pageErrs {
			_ = pe.ToError()
		}
		if doc != nil {
			_ = parser.Dump(doc)
		}
	})
}

// TestNumbers: whole numbers of one byte and of several, of either sign,
// read as they were written.
func TestNumbers(t *testing.T) {
	var vs []int
	for v := -300; v <= 300; v++ {
		vs = append(vs, v)
	}
	vs = append(vs, math.MaxInt64, math.MinInt64, 1<<40, -(1 << 40))
	var meta []byte
	for _, v := range vs {
		meta = binary.AppendVarint(meta, int64(v))
		meta = binary.AppendUvarint(meta, uint64(v))
	}
	d := &decoder{meta: meta}
	for _, v := range vs {
		require.Equal(t, v, d.int())
		require.Equal(t, uint64(v), d.uint())
	}
	require.NoError(t, d.done())
	d.int()
	require.Error(t, d.err, "past the end")
}

// TestTextsAhead: the room made for shared texts is two a table row and
// one a line, at most sharedTexts; a reply of more distinct texts than
// that, in one long table, reads back as written.
func TestTextsAhead(t *testing.T) {
	table := func(n int) *parser.Table {
		tb := &parser.Table{Page: 1}
		for r := range n {
			tb.Rows = append(tb.Rows, parser.Row{Page: 1, Row: r + 1, Cells: []parser.Cell{
				{Text: fmt.Sprint("Partner ", r), ColSpan: 1, RowSpan: 1},
				{Text: fmt.Sprint(1980+r%40, "/", 1+r%12, "/", 1+r%28), ColSpan: 1, RowSpan: 1},
			}})
		}
		return tb
	}
	line := fullLine(1)
	assert.Equal(t, 0, textsAhead(nil, nil))
	assert.Equal(t, 1, textsAhead([]parser.Block{{Line: &line}}, nil))
	assert.Equal(t, 2*30+1, textsAhead([]parser.Block{{Line: &line}, {Table: table(30)}}, nil))
	long := []parser.Block{{Line: &line}, {Table: table(sharedTexts)}}
	assert.Equal(t, sharedTexts, textsAhead(long, nil))

	var buf bytes.Buffer
	require.NoError(t, Write(&buf, Head{Doc: &parser.Document{File: "in.html"}}, long, nil))
	got, _, _, err := Read(&buf)
	require.NoError(t, err)
	require.Equal(t, &parser.Document{File: "in.html", Blocks: long}, got)
}
