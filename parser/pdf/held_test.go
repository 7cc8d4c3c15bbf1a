package pdf

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// TestPackRow: a row's cells come back from their packed form as they
// were: covered cells, spans, boxes that do and do not share the row's
// edges and their neighbours', one line, several lines, no lines, an empty
// list of lines, text that is not one of its lines, non-ASCII text.
func TestPackRow(t *testing.T) {
	row := parser.Row{Page: 4, Cells: []parser.Cell{
		parser.Cell{Text: "Kyoto University", ColSpan: 1, RowSpan: 1}.WithLines([]string{"Kyoto University"}).WithBox(parser.Box{X0: 10, Y0: 20, X1: 80.125, Y1: 40}),
		parser.Cell{Text: "a b", ColSpan: 2, RowSpan: 3}.WithLines([]string{"a", "b"}).WithBox(parser.Box{X0: 80.125, Y0: 20, X1: 150, Y1: 97.5}),
		parser.Cell{Covered: true}.WithBox(parser.Box{X0: 150, Y0: 20, X1: 200, Y1: 40}),
		parser.Cell{Text: "x", ColSpan: 1, RowSpan: 1}.WithLines([]string{"y"}).WithBox(parser.Box{X0: 201, Y0: 19.99, X1: 230, Y1: 40.01}),
		parser.Cell{Text: "東北大学", ColSpan: 1, RowSpan: 1}.WithBox(parser.Box{X0: 230, Y0: 20, X1: 260, Y1: 40}),
		parser.Cell{Text: "", ColSpan: 1, RowSpan: 1}.WithLines([]string{}).WithBox(parser.Box{X0: math.Copysign(0, -1), Y0: 20, X1: 300, Y1: 40}),
		parser.Cell{Text: "", ColSpan: 1, RowSpan: 1}.WithLines([]string{""}),
	}}.WithBox(parser.Box{X0: 10, Y0: 20, X1: 300, Y1: 40})
	want := row
	want.Cells = append([]parser.Cell(nil), row.Cells...)
	row.Header = true
	pk := packer{index: map[uint64]int{}}
	pk.offs = append(pk.offs, 0)
	pk.packRow(&row)
	pk.offs = append(pk.offs, int32(len(pk.data)))
	pk.packRow(&row)
	assert.Equal(t, want.Cells, pk.cells(1, nil), "a second row with the same coordinates")
	r, _ := pk.row(1)
	assert.Equal(t, parser.Row{Page: 4, Header: true}.WithBox(row.Box()), r, "the row without its cells")
	got := pk.cells(0, nil)
	assert.Equal(t, want.Cells, got)
	for i := range got {
		assert.Equal(t, want.Cells[i].Lines() == nil, got[i].Lines() == nil, "cell %d: nil lines stay nil", i)
		assert.Equal(t, math.Float64bits(want.Cells[i].Box().X0), math.Float64bits(got[i].Box().X0), "cell %d: the box's bits", i)
	}
}

// TestParseHeld: a document read with its rows held, every row then
// filled, is the document Parse returns; before Fill the held rows have
// no cells, and Release drops them again.
func TestParseHeld(t *testing.T) {
	inputs, _ := filepath.Glob("../../fixtures/*/input.pdf")
	require.NotEmpty(t, inputs)
	synth := synthRuledPDF(t, 5, 20)
	inputs = append(inputs, "")
	held := 0
	for i, in := range inputs {
		b := synth
		if in != "" {
			var err error
			b, err = os.ReadFile(in)
			require.NoError(t, err)
		}
		want, werr := Parse("input.pdf", b, Options{})
		h, err := ParseHeld("input.pdf", b, Options{})
		packs := true
		if i%2 == 1 {
			// Read from a file's bytes, as the parse child reads a file:
			// a document of heldInputBytes or fewer has no rows held.
			h, err = ParseHeldAt("input.pdf", bytes.NewReader(b), int64(len(b)), Options{})
			packs = len(b) > heldInputBytes
		}
		if werr != nil {
			require.Error(t, err, in)
			assert.Equal(t, werr.Error(), err.Error(), in)
			continue
		}
		require.NoError(t, err, in)
		doc := h.Document()
		for _, bl := range doc.Blocks {
			if bl.Table == nil {
				continue
			}
			n := len(bl.Table.Rows)
			for k := range bl.Table.Rows {
				if bl.Table.Rows[k].Cells == nil {
					require.True(t, packs, "a row held of a small file's document read from the file: %s", in)
					held++
				}
			}
			h.Fill(bl.Table, 0, n/2)
			h.Fill(bl.Table, n/2, n)
		}
		assert.Equal(t, string(parser.Dump(want)), string(parser.Dump(doc)), in)
		assert.Equal(t, want, doc, in)
		for _, bl := range doc.Blocks {
			if bl.Table != nil && len(bl.Table.Rows) > heldFrom && packs {
				h.Release(bl.Table, 0, len(bl.Table.Rows))
				assert.Nil(t, bl.Table.Rows[len(bl.Table.Rows)-1].Cells, in)
				assert.NotNil(t, bl.Table.Rows[0].Cells, "the first rows of a page's table are not held")
			}
		}
		// Made again in the memory of the cells released, a table at a
		// time, they are the same.
		for _, bl := range doc.Blocks {
			if bl.Table != nil {
				h.Fill(bl.Table, 0, len(bl.Table.Rows))
				h.Release(bl.Table, 0, len(bl.Table.Rows))
				h.Recycle()
			}
		}
		for _, bl := range doc.Blocks {
			if bl.Table != nil {
				h.Fill(bl.Table, 0, len(bl.Table.Rows))
			}
		}
		assert.Equal(t, want, doc, in)
	}
	assert.Positive(t, held, "some rows were held")

	// A document over heldInputBytes read from a file has its rows held.
	big := synthRuledPDF(t, 130, 40)
	require.Greater(t, len(big), heldInputBytes)
	want, err := Parse("input.pdf", big, Options{})
	require.NoError(t, err)
	h, err := ParseHeldAt("input.pdf", bytes.NewReader(big), int64(len(big)), Options{})
	require.NoError(t, err)
	held = 0
	for _, bl := range h.Document().Blocks {
		if bl.Table != nil {
			for k := range bl.Table.Rows {
				if bl.Table.Rows[k].Cells == nil {
					held++
				}
			}
		}
	}
	assert.Positive(t, held, "rows held of a large file's document")
	h.fillAll()
	assert.Equal(t, want, h.Document())
}

// synthRuledPDF writes a ruled table over pages pages, rows rows a page
// under a header row repeated on each page: some cells wrap over two
// lines, some are empty.
func synthRuledPDF(t *testing.T, pages, rows int) []byte {
	t.Helper()
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", ""}
	font := "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >>"
	cols := []float64{40, 160, 330, 430}
	var kids []string
	n := 0
	for p := 0; p < pages; p++ {
		var c strings.Builder
		top, rowH := 760.0, 24.0
		for i := 0; i <= rows+1; i++ {
			fmt.Fprintf(&c, "%.2f %.2f m %.2f %.2f l S\n", cols[0], top-float64(i)*rowH, cols[len(cols)-1], top-float64(i)*rowH)
		}
		for _, x := range cols {
			fmt.Fprintf(&c, "%.2f %.2f m %.2f %.2f l S\n", x, top, x, top-float64(rows+1)*rowH)
		}
		text := func(x, y float64, s string) {
			fmt.Fprintf(&c, "BT /F1 8 Tf %.2f %.2f Td (%s) Tj ET\n", x+3, y, s)
		}
		for i, h := range []string{"Country", "Partner Institution", "Date"} {
			text(cols[i], top-rowH+8, h)
		}
		for r := 0; r < rows; r++ {
			y := top - float64(r+2)*rowH
			text(cols[0], y+8, []string{"China", "France", "Kenya"}[n%3])
			if n%4 == 1 {
				text(cols[1], y+13, fmt.Sprintf("University of Example %d", n))
				text(cols[1], y+4, "Faculty of Letters")
			} else {
				text(cols[1], y+8, fmt.Sprintf("University of Example %d", n))
			}
			if n%5 != 2 {
				text(cols[2], y+8, fmt.Sprintf("%04d/%02d/01", 1990+n%30, 1+n%12))
			}
			n++
		}
		objs = append(objs, "<< stream:"+c.String())
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s /Contents %d 0 R >>", font, len(objs)))
		kids = append(kids, fmt.Sprintf("%d 0 R", len(objs)))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	return buildPDF(objs...)
}

// TestParseHeldAtShort: a source shorter than it is said to be is an
// error naming the file.
func TestParseHeldAtShort(t *testing.T) {
	b := synthRuledPDF(t, 1, 4)
	_, err := ParseHeldAt("short.pdf", bytes.NewReader(b[:100]), int64(len(b)), Options{})
	var pe *parser.Error
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "short.pdf", pe.File)
	assert.Contains(t, err.Error(), "reading it: 100 of its")
}

// TestInTableArea: the lines left out of the blocks as covered by a table
// are those placeTables drops: a line's middle in an area of its page,
// edges included.
func TestInTableArea(t *testing.T) {
	regions := []tableRegion{{Table: parser.Table{Page: 1}, Areas: []tableArea{
		{Page: 1, Box: parser.Box{X0: 100, Y0: 100, X1: 300, Y1: 200}},
		{Page: 2, Box: parser.Box{X0: 50, Y0: 0, X1: 400, Y1: 80}},
	}}}
	areas := tableAreas(regions)
	var blocks []placed
	for page := 1; page <= 3; page++ {
		for y := 0.0; y <= 260; y += 10 {
			for x := 0.0; x <= 450; x += 25 {
				b := parser.Box{X0: x - 20, Y0: y - 5, X1: x + 20, Y1: y + 5}
				blocks = append(blocks, placed{page: page, y: b.Y0, x: b.X0, box: b, block: parser.Block{Line: (&parser.Line{Page: page}).Placed(b, parser.Style{})}})
			}
		}
	}
	kept := map[*parser.Line]bool{}
	for _, pb := range placeTables(blocks, regions) {
		if pb.block.Line != nil {
			kept[pb.block.Line] = true
		}
	}
	dropped := 0
	for _, pb := range blocks {
		covered := inTableArea(areas[pb.page], pb.block.Line.Box())
		assert.Equal(t, !covered, kept[pb.block.Line], "page %d %v", pb.page, pb.box)
		if covered {
			dropped++
		}
	}
	assert.Positive(t, dropped)
}

// TestCellArenaReset: cells taken, written and reset come back zero when
// taken again, whether the takes before filled a chunk, spilled into the
// next or left a chunk's tail unused; reset zeroes only what was taken.
func TestCellArenaReset(t *testing.T) {
	var a cellArena
	write := func(cs []parser.Cell) {
		for i := range cs {
			cs[i] = parser.Cell{Text: "x", ColSpan: 2, RowSpan: 3, Covered: true}.WithLines([]string{"x"}).WithBox(parser.Box{X0: 1, Y1: 2})
		}
	}
	zero := func(cs []parser.Cell) {
		t.Helper()
		for i := range cs {
			require.Equal(t, parser.Cell{}, cs[i], "cell %d", i)
		}
	}
	for round, sizes := range [][]int{
		{10, arenaChunk - 20, 30},    // the third take does not fit: a second chunk
		{arenaChunk},                 // one whole chunk
		{5},                          // a few cells of the first chunk
		{arenaChunk + 7, 3, 1, 4000}, // a chunk larger than arenaChunk
		{arenaChunk - 1, 1, 2},
	} {
		for _, n := range sizes {
			cs := a.take(n)
			require.Len(t, cs, n, "round %d", round)
			zero(cs)
			write(cs)
		}
		a.reset()
		assert.Equal(t, 0, a.cur)
		for i := range a.chunks {
			zero(a.chunks[i])
			assert.Zero(t, a.used[i], "chunk %d", i)
		}
	}
}

// TestRowCellsInArena: rows whose cells are made in a worker's arena of
// row cells are packed and give their cells back as made; rows kept as
// they are (a page number no held row can name) get arrays of their own,
// which the arena's next page does not overwrite.
func TestRowCellsInArena(t *testing.T) {
	arena := cellArena{chunk: 4}
	page := func(number int, text string) *PageLayout {
		p := &PageLayout{Number: number, rowCells: &arena}
		var rows []parser.Row
		for r := range 3 {
			row := parser.Row{Page: number, Cells: p.rowCellArray(3)}
			for c := range 3 {
				s := fmt.Sprintf("%s %d.%d", text, r, c)
				row.Cells = append(row.Cells, parser.Cell{Text: s, ColSpan: 1, RowSpan: 1}.WithLines([]string{s}))
			}
			require.Len(t, row.Cells, 3)
			rows = append(rows, row)
		}
		p.tables = []pageTable{{table: parser.Table{Page: number, Rows: rows}}}
		return p
	}
	hp := &heldPages{pages: map[int]*packedPage{}}

	kept := page(0, "kept") // not a page number a rowRef holds
	want := slices.Clone(kept.tables[0].table.Rows)
	for k := range want {
		want[k].Cells = slices.Clone(want[k].Cells)
	}
	hp.hold(kept)
	arena.reset()
	packed := page(1, "packed")
	hp.hold(packed)
	arena.reset()
	page(2, "later") // made in the same memory
	assert.Equal(t, want, kept.tables[0].table.Rows, "kept rows keep their cells")
	assert.Nil(t, packed.tables[0].table.Rows, "packed rows are dropped")
	pp := hp.pages[1]
	require.NotNil(t, pp)
	for r := range 3 {
		cells := pp.cells(int32(r), nil)
		require.Len(t, cells, 3)
		for c := range 3 {
			assert.Equal(t, fmt.Sprintf("packed %d.%d", r, c), cells[c].Text)
		}
	}
}

// TestReadingToldPages: Options.Reading is told once, before any page is
// read, how many pages will be: all of them, or those Pages selects.
func TestReadingToldPages(t *testing.T) {
	b := synthRuledPDF(t, 5, 20)
	for _, tt := range []struct {
		pages []int
		want  int
	}{
		{nil, 5},
		{[]int{2}, 1},
		{[]int{1, 3, 5}, 3},
	} {
		var told []int
		opt := Options{Pages: tt.pages, Reading: func(n int) { told = append(told, n) }}
		h, err := ParseHeldAt("input.pdf", bytes.NewReader(b), int64(len(b)), opt)
		require.NoError(t, err)
		assert.Equal(t, []int{tt.want}, told, "%v", tt.pages)
		assert.Equal(t, 5, h.Document().Pages, "the document's pages, whichever are read")
		told = nil
		_, err = Parse("input.pdf", b, opt)
		require.NoError(t, err)
		assert.Equal(t, []int{tt.want}, told, "%v", tt.pages)
	}
}
