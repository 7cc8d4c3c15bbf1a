package parser

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestBoxes: a row's and a cell's box read back as set; the zero box is
// held as none; a negative zero is kept; a copy's box is its own.
func TestBoxes(t *testing.T) {
	negZero := math.Copysign(0, -1)
	for _, b := range []Box{{}, {X0: 1, Y0: 2, X1: 3, Y1: 4}, {X0: negZero}, {Y1: negZero}, {X1: math.NaN()}, {Y0: math.Inf(-1)}} {
		var r Row
		var c Cell
		r.SetBox(b)
		c.SetBox(b)
		for _, got := range []Box{r.Box(), c.Box(), Row{}.WithBox(b).Box(), Cell{}.WithBox(b).Box()} {
			for k, v := range []float64{got.X0, got.Y0, got.X1, got.Y1} {
				want := []float64{b.X0, b.Y0, b.X1, b.Y1}[k]
				assert.Equal(t, math.Float64bits(want), math.Float64bits(v), "%v", b)
			}
		}
		isZero := b == (Box{}) && !math.Signbit(b.X0) && !math.Signbit(b.Y1)
		assert.Equal(t, isZero, r.box == nil, "%v", b)
		assert.Equal(t, isZero, c.more == nil, "%v", b)
	}
	r := Row{}.WithBox(Box{X0: 1, X1: 2})
	copied := r
	copied.SetBox(Box{X0: 5, X1: 6})
	assert.Equal(t, Box{X0: 1, X1: 2}, r.Box(), "the row copied from")
	c := Cell{}.WithBox(Box{Y0: 1, Y1: 2})
	other := c.WithBox(Box{Y0: 7, Y1: 8})
	assert.Equal(t, Box{Y0: 1, Y1: 2}, c.Box())
	assert.Equal(t, Box{Y0: 7, Y1: 8}, other.Box())
}
