package pdf

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/agreements/agreements/parser"
)

// A table that sets its cells in the middle of their rows, a partner's
// cell merged over two rows standing right between them, of one line or
// of two, which the extractor read as a row of its own (LibreOffice's
// print of Nagoya's list: rows 35.2 pt apart, lines 15.2, boxes 13.7):
// it is the first row's cell, spanning both, the row between gone. A
// row not right between them, or a rule between the two rows, or a
// partner in either row, keeps it a row.
func TestMergeBetweenTwoRows(t *testing.T) {
	xs := []float64{58.8, 224, 438, 477, 562.3}
	mk := func(y0, y1 float64, texts ...string) parser.Row {
		var r parser.Row
		for c, s := range texts {
			cell := parser.Cell{Text: s, ColSpan: 1, RowSpan: 1}
			cell.SetLinesBox(strings.Split(s, "\n"), parser.Box{X0: xs[c], Y0: y0, X1: xs[c+1], Y1: y1})
			r.Cells = append(r.Cells, cell)
		}
		r.SetBox(parser.Box{X0: xs[0], Y0: y0, X1: xs[4], Y1: y1})
		return r
	}
	for _, merged := range []struct {
		y0, y1 float64
		name   string
	}{{406.6, 420.3, "Chinese Academy of Sciences"}, {399, 427.9, "Chinese Academy of\nSciences"}} { // one line, two
		rows := func(mid parser.Row) []parser.Row {
			return []parser.Row{
				mk(346.2, 375.1, "Beijing University of Technology", "", "Engg", "S61"),
				mk(381.4, 410.3, "", "Purple Mountain Observatory", "Sci", "S63"),
				mid,
				mk(416.6, 445.5, "", "National Astronomical Observatories", "Sci", "H4"),
				mk(451.8, 480.7, "China University of Political Science and Law", "", "Law", "H6"),
			}
		}
		name := merged.name
		got, bold := mergeBetween(rows(mk(merged.y0, merged.y1, name, "", "", "")), make([]bool, 5), nil)
		assert.Equal(t, [][]string{
			{"Beijing University of Technology", "", "Engg", "S61"},
			{"<1x2>" + name, "Purple Mountain Observatory", "Sci", "S63"},
			{"^", "National Astronomical Observatories", "Sci", "H4"},
			{"China University of Political Science and Law", "", "Law", "H6"},
		}, texts(parser.Table{Rows: got}), merged)
		assert.Len(t, bold, 4)

		// A row nearer the first row than the second's middle stays.
		got, _ = mergeBetween(rows(mk(merged.y0-8, merged.y1-8, name, "", "", "")), nil, nil)
		assert.Len(t, got, 5, "not right between")
		// A rule between the two rows across the column keeps it.
		got, _ = mergeBetween(rows(mk(merged.y0, merged.y1, name, "", "", "")), nil, []rule{{at: 413, lo: 50, hi: 570}})
		assert.Len(t, got, 5, "ruled apart")
		// A row of two cells is a row.
		got, _ = mergeBetween(rows(mk(merged.y0, merged.y1, name, "", "Sci", "")), nil, nil)
		assert.Len(t, got, 5, "two cells")
		assert.Equal(t, name, texts(parser.Table{Rows: got})[2][0])
	}
}
