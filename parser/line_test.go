package parser

import (
	"math"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
)

// TestLinePlace: a line's box and style read back as set, in either order
// or at once; a line of neither holds nothing beside itself (every line of
// an HTML page); a negative zero is kept; a copy's change leaves the line
// copied from as it was.
func TestLinePlace(t *testing.T) {
	assert.Equal(t, uintptr(88), unsafe.Sizeof(Line{}))
	negZero := math.Copysign(0, -1)
	boxes := []Box{{}, {X0: 72, Y0: 100, X1: 110, Y1: 112}, {X0: negZero}}
	styles := []Style{{}, {Font: "F-Bold", Size: 11, Bold: true}, {Italic: true}, {Size: negZero}}
	for _, b := range boxes {
		for _, s := range styles {
			var ways []Line
			l := Line{Text: "China"}
			l.SetBox(b)
			l.SetStyle(s)
			ways = append(ways, l)
			l = Line{Text: "China"}
			l.SetStyle(s)
			l.SetBox(b)
			ways = append(ways, l, Line{Text: "China"}.WithBox(b).WithStyle(s), *(&Line{Text: "China"}).Placed(b, s))
			for _, got := range ways {
				assert.Equal(t, math.Float64bits(b.X0), math.Float64bits(got.Box().X0), "%v %v", b, s)
				assert.Equal(t, b, got.Box(), "%v %v", b, s)
				assert.Equal(t, math.Float64bits(s.Size), math.Float64bits(got.Style().Size), "%v %v", b, s)
				assert.Equal(t, s, got.Style(), "%v %v", b, s)
				zero := b == (Box{}) && !math.Signbit(b.X0) && s == (Style{}) && !math.Signbit(s.Size)
				assert.Equal(t, zero, got.place == nil, "%v %v", b, s)
			}
			copied := ways[0]
			copied.SetBox(Box{X0: 9})
			copied.SetStyle(Style{Font: "other"})
			assert.Equal(t, b, ways[0].Box(), "the line copied from")
			assert.Equal(t, s, ways[0].Style(), "the line copied from")
		}
	}
}
