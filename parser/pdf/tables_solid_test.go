package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// solidWord is a word of Japanese type of the given size in a box tall
// times that size (LibreOffice writes Noto Sans CJK's at 1.3, Chromium
// at 2.6), each character an em wide, a digit half an em.
func solidWord(text string, x, y, size, tall float64) Word {
	w := 0.0
	for _, r := range text {
		if r < 0x80 {
			w += size / 2
		} else {
			w += size
		}
	}
	word := Word{Text: text, Box: parser.Box{X0: x, Y0: y, X1: x + w, Y1: y + tall*size}}
	word.Style.Size = size
	return word
}

// Cells of Japanese text set close by a narrow padding, 0.6 em apart (a
// kind, a blank unit's dash, a year: "大学間協定" | "―" | "2010 年"), stand
// apart as the table's columns, under a title and group rows, in boxes
// of either height; a half-width
// space in Japanese text (half an em) parts no cells, nor does a Latin
// word gap as wide as the cells' padding.
func TestStreamCellsOfSolidTypeSetClose(t *testing.T) {
	for _, tall := range []float64{1.3, 2.6} {
		const size = 10.5
		gap := 0.6 * size
		pitch := (tall + 0.6) * size
		cell := func(ws []Word, y, x float64, texts ...string) ([]Word, float64) {
			for k, s := range texts {
				if k > 0 {
					x += size / 4 // the space inside a cell: a Latin one
				}
				w := solidWord(s, x, y, size, tall)
				ws = append(ws, w)
				x = w.Box.X1
			}
			return ws, x
		}
		var ws []Word
		y := 70.0
		// Columns: the partner's, then three set close: the kind's
		// widest cell and the unit's header end 0.6 em before the next
		// column's start.
		xs := []float64{58, 300, 300 + 5*size + gap, 300 + 9*size + 2*gap}
		row := func(partner []string, kind, unit string, date ...string) {
			ws, _ = cell(ws, y, xs[0], partner...)
			ws, _ = cell(ws, y, xs[1], kind)
			ws, _ = cell(ws, y, xs[2], unit)
			ws, _ = cell(ws, y, xs[3], date...)
			y += pitch
		}
		group := func(name string) {
			ws, _ = cell(ws, y, xs[0], name)
			y += pitch
		}
		group("大学間学術交流協定")
		row([]string{"相手機関名"}, "協定種別", "本学部局", "締結年月日")
		group("アジア（25）")
		group("カンボジア（3）")
		row([]string{"Royal", "University", "of", "Phnom", "Penh"}, "大学間協定", "―", "2010", "年")
		row([]string{"Royal", "University", "of", "Agriculture"}, "大学間協定", "―", "2012", "年")
		row([]string{"Nanjing", "University"}, "大学間協定", "―", "1982", "年")
		row([]string{"Jilin", "University"}, "大学間協定", "―", "1985", "年")
		p := page(1, ws, nil)
		tabs := pageTables(&p)
		require.Len(t, tabs, 1, "boxes %.1f times the type", tall)
		assert.Equal(t, [][]string{
			{"大学間学術交流協定", "", "", ""},
			{"相手機関名", "協定種別", "本学部局", "締結年月日"},
			{"アジア（25）", "", "", ""},
			{"カンボジア（3）", "", "", ""},
			{"Royal University of Phnom Penh", "大学間協定", "―", "2010 年"},
			{"Royal University of Agriculture", "大学間協定", "―", "2012 年"},
			{"Nanjing University", "大学間協定", "―", "1982 年"},
			{"Jilin University", "大学間協定", "―", "1985 年"},
		}, texts(tabs[0].table), "boxes %.1f times the type", tall)
	}
}

// The gap that parts chunks between characters set solid is narrower
// than between Latin words, and wider than a half-width space.
func TestSolidGapPartsChunks(t *testing.T) {
	for _, tall := range []float64{1.3, 2.6} {
		const size = 10.5
		chunks := func(gap float64, a, b string) int {
			wa := solidWord(a, 100, 50, size, tall)
			wb := solidWord(b, wa.Box.X1+gap*size, 50, size, tall)
			ws := []tword{newTword(wa), newTword(wb)}
			ls := makeSlines(ws, []int{0, 1})
			require.Len(t, ls, 1)
			return len(ls[0].chunks)
		}
		assert.Equal(t, 2, chunks(0.6, "大学間協定", "―"), "cells of solid type 0.6 em apart")
		assert.Equal(t, 2, chunks(0.6, "協定種別", "本学部局"))
		assert.Equal(t, 1, chunks(0.5, "協定種別", "本学部局"), "a half-width space")
		assert.Equal(t, 1, chunks(0.6, "University", "of"), "a Latin word gap")
		assert.Equal(t, 1, chunks(0.6, "大学", "Tokyo"), "solid on one side only")
		assert.Equal(t, 2, chunks(1.0, "協定", "本学"), "a full-width gap")
	}
}
