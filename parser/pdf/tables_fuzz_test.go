package pdf

import (
	"encoding/binary"
	"math"
	"testing"

	"github.com/agreements/agreements/parser"
)

// fuzzLayout decodes bytes into a page: each 9-byte record is a rule
// (kind 0, 1) or a word (kind ≥ 2) with coordinates on a 600 × 800 page.
func fuzzLayout(b []byte, n int) PageLayout {
	p := PageLayout{Number: n, Width: 600, Height: 800}
	coord := func(v uint16, scale float64) float64 { return float64(v) / 65535 * scale }
	for len(b) >= 9 {
		kind := b[0]
		x := coord(binary.LittleEndian.Uint16(b[1:]), 600)
		y := coord(binary.LittleEndian.Uint16(b[3:]), 800)
		l := coord(binary.LittleEndian.Uint16(b[5:]), 600)
		w := coord(binary.LittleEndian.Uint16(b[7:]), 40)
		b = b[9:]
		switch kind % 4 {
		case 0:
			p.Segments = append(p.Segments, Segment{X0: x, Y0: y, X1: x + l, Y1: y, Width: 0.5})
		case 1:
			p.Segments = append(p.Segments, Segment{X0: x, Y0: y, X1: x, Y1: y + l, Width: 0.5})
		default:
			word := Word{Text: string(rune('a' + kind%26)), Box: parser.Box{X0: x, Y0: y, X1: x + w, Y1: y + 1 + w/4}}
			word.Style.Bold = kind&0x80 != 0
			p.Words = append(p.Words, word)
			p.Lines = append(p.Lines, TextLine{Words: []Word{word}, Box: word.Box})
			p.Glyphs = append(p.Glyphs, Glyph{Text: word.Text, Box: word.Box})
		}
	}
	return p
}

// FuzzFindTables checks that table detection never panics and always
// builds well-formed tables: every row has one cell per column, a span
// covers exactly the cells marked covered, boxes are finite.
func FuzzFindTables(f *testing.F) {
	f.Add([]byte{})
	grid := []byte{}
	for i := range 4 {
		v := uint16(10000 + i*8000)
		grid = append(grid, 0, 0x10, 0x27, byte(v), byte(v>>8), 0x40, 0x9c, 0, 0)
		grid = append(grid, 1, byte(v), byte(v>>8), 0x10, 0x27, 0x40, 0x9c, 0, 0)
		grid = append(grid, 2, byte(v+3000), byte((v+3000)>>8), byte(v+3000), byte((v+3000)>>8), 0, 0, 0x00, 0x40)
	}
	f.Add(grid)
	f.Fuzz(func(t *testing.T, b []byte) {
		half := len(b) / 2
		pages := []PageLayout{fuzzLayout(b[:half], 1), fuzzLayout(b[half:], 2)}
		for _, r := range findTables(pages) {
			tab := r.Table
			if len(tab.Rows) == 0 {
				t.Fatal("table without rows")
			}
			cols := len(tab.Rows[0].Cells)
			for _, row := range tab.Rows {
				if len(row.Cells) != cols {
					t.Fatalf("row with %d cells in a table of %d columns", len(row.Cells), cols)
				}
				for _, c := range row.Cells {
					if c.Covered && (c.Text != "" || c.ColSpan != 0) {
						t.Fatalf("covered cell with text or span: %+v", c)
					}
					if !c.Covered && (c.ColSpan < 1 || c.RowSpan < 1) {
						t.Fatalf("cell without span: %+v", c)
					}
					for _, v := range []float64{c.Box().X0, c.Box().Y0, c.Box().X1, c.Box().Y1} {
						if math.IsNaN(v) || math.IsInf(v, 0) {
							t.Fatalf("cell box %+v", c.Box())
						}
					}
				}
			}
		}
	})
}
