package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/agreements/agreements/parser"
)

func TestOrderColumnsKeepsAWrappedLastLine(t *testing.T) {
	// Two columns of entries; the left one ends a line lower than the
	// right with the wrapped end of its last entry, indented; a closing
	// line across the page follows.
	var items []placed
	add := func(text string, x0, x1, y float64) {
		line := &parser.Line{Text: text}
		items = append(items, placed{page: 1, y: y, x: x0, box: parser.Box{X0: x0, Y0: y, X1: x1, Y1: y + 10}, block: parser.Block{Line: line}})
	}
	for i := range 6 {
		y := 100 + 14*float64(i)
		add("left", 50, 250, y)
		add("right", 300, 500, y+6)
	}
	add("left end", 60, 200, 100+14*6)
	add("closing", 50, 500, 100+14*7)
	// Sorted top to bottom, as orderColumns wants them.
	out := orderColumns(items, nil)
	var texts []string
	for _, it := range out {
		texts = append(texts, it.block.Line.Text)
	}
	assert.Equal(t, []string{"left", "left", "left", "left", "left", "left", "left end", "right", "right", "right", "right", "right", "right", "closing"}, texts)
}
