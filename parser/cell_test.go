package parser

import (
	"math"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCellSize: a cell without a box and of one line, or none, holds
// nothing beside itself, and takes 32 bytes.
func TestCellSize(t *testing.T) {
	assert.Equal(t, uintptr(32), unsafe.Sizeof(Cell{}))
	c := Cell{Text: "Kyoto University"}
	c.SetOneLine()
	assert.Nil(t, c.more)
	c.SetLines([]string{"Kyoto University"})
	assert.Nil(t, c.more, "the one line Text, given as a list")
	c.SetLines(nil)
	assert.Nil(t, c.more)
}

// TestCellLines: every form of a cell's lines reads back as set, with and
// without a box, whichever is set first, and a copy's change leaves the
// cell copied from as it was.
func TestCellLines(t *testing.T) {
	negZero := Box{X0: math.Copysign(0, -1)}
	boxes := []Box{{}, {X0: 1, Y0: 2, X1: 3, Y1: 4}, negZero}
	forms := []struct {
		name  string
		text  string
		lines []string
	}{
		{"nil", "", nil},
		{"nil with a text", "a", nil},
		{"empty", "e", []string{}},
		{"one line, the text", "Peking University", []string{"Peking University"}},
		{"one line, empty", "", []string{""}},
		{"one line, not the text", "x", []string{"y"}},
		{"two lines", "a b", []string{"a", "b"}},
	}
	for _, f := range forms {
		for _, b := range boxes {
			for _, boxFirst := range []bool{false, true} {
				c := Cell{Text: f.text, ColSpan: 1, RowSpan: 1}
				if boxFirst {
					c.SetBox(b)
					c.SetLines(f.lines)
				} else {
					c.SetLines(f.lines)
					c.SetBox(b)
				}
				atOnce := Cell{Text: f.text, ColSpan: 1, RowSpan: 1}
				atOnce.SetLinesBox(f.lines, b)
				for _, got := range []Cell{c, atOnce, Cell{Text: f.text, ColSpan: 1, RowSpan: 1}.WithLines(f.lines).WithBox(b)} {
					assert.Equal(t, f.lines, got.Lines(), "%s %v", f.name, b)
					assert.Equal(t, f.lines == nil, got.Lines() == nil, "%s %v: nil stays nil", f.name, b)
					assert.Equal(t, len(f.lines), got.LineCount(), "%s %v", f.name, b)
					assert.Equal(t, math.Float64bits(b.X0), math.Float64bits(got.Box().X0), "%s %v: the box's bits", f.name, b)
					assert.Equal(t, b != (Box{}) || math.Signbit(b.X0), got.HasBox(), "%s %v", f.name, b)
				}
				copied := c
				copied.Text = "changed"
				copied.SetLines([]string{"changed", "too"})
				copied.SetBox(Box{X0: 9})
				assert.Equal(t, f.lines, c.Lines(), "%s %v: the cell copied from", f.name, b)
				assert.Equal(t, math.Float64bits(b.X0), math.Float64bits(c.Box().X0), "%s %v: the cell copied from", f.name, b)
			}
		}
	}
}

// TestCellLinesOfAnother: lines of one line read from one cell and given
// to another are the other's own: a later change to the first's text
// does not reach them.
func TestCellLinesOfAnother(t *testing.T) {
	from := Cell{Text: "Tohoku University"}
	from.SetOneLine()
	to := Cell{Text: "Tohoku"}
	to.SetLines(from.Lines())
	from.Text = ""
	require.Equal(t, []string{"Tohoku University"}, to.Lines())
	to.SetBox(Box{X1: 1})
	assert.Equal(t, []string{"Tohoku University"}, to.Lines(), "the lines stay with a box set")
	to.SetBox(Box{})
	assert.Equal(t, []string{"Tohoku University"}, to.Lines(), "and with the box taken off")
	assert.False(t, to.HasBox())
}
