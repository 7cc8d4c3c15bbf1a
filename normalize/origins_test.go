package normalize

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/agreements/agreements/parser"
)

// TestOrigins: the origin of every covered cell, read as runs of merged
// rows, is the one the grid read cell by cell gives; a grid whose merges
// overlap (as a damaged layout reads) is read cell by cell, the later
// merge winning; each merge is reported once per column it covers, with
// its last row.
func TestOrigins(t *testing.T) {
	tests := []struct {
		name     string
		rows     [][]string
		spans    map[cellRef][2]int // extra (rowspan, colspan) set on cells, as a layout may read them
		wantRuns bool
	}{
		{"rowspans", [][]string{
			{"Region", "Country", "Partner", "Date"},
			{"Asia", "China", "Tsinghua", "2001"},
			{"^", "^", "Peking", "2002"},
			{"^", "Korea", "Seoul", "2003"},
			{"Europe", "France", "Lyon", "2004"},
			{"^", "^", "^", "2005"},
		}, nil, true},
		{"colspans and both", [][]string{
			{"Country", "Partner", "Unit", "Date"},
			{"Asia", "<", "<", "<"},
			{"China", "Tsinghua", "<", "2001"},
			{"^", "^", "^", "2002"},
			{"Kenya", "Nairobi", "Science", "2003"},
		}, nil, true},
		{"a merge longer than the table", [][]string{
			{"Country", "Partner"},
			{"China", "Tsinghua"},
			{"^", "Peking"},
		}, map[cellRef][2]int{{1, 0}: {9, 1}}, true},
		{"overlapping merges", [][]string{
			{"Country", "Partner", "Date"},
			{"China", "Tsinghua", "2001"},
			{"^", "^", "2002"},
			{"^", "^", "2003"},
		}, map[cellRef][2]int{{1, 0}: {3, 2}, {2, 1}: {2, 1}}, false},
		{"short rows", [][]string{
			{"Country", "Partner", "Date"},
			{"China", "Tsinghua", "2001"},
			{"^"},
			{"^", "Peking", "2003"},
		}, map[cellRef][2]int{{1, 0}: {3, 3}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := tbl(tt.rows...)
			for ref, s := range tt.spans {
				tb.Rows[ref.row].Cells[ref.col].RowSpan, tb.Rows[ref.row].Cells[ref.col].ColSpan = int32(s[0]), int16(s[1])
			}
			got, want := readOrigins(tb.Rows), originCells(tb.Rows)
			assert.Equal(t, tt.wantRuns, got.cells == nil, "read as runs")
			lasts, wantLasts := map[cellRef]int{}, map[cellRef]int{}
			for i, r := range tb.Rows {
				for j := range r.Cells {
					o, ok := got.of(i, j)
					w, wok := want.of(i, j)
					assert.Equal(t, wok, ok, "cell %d,%d covered", i, j)
					assert.Equal(t, w, o, "cell %d,%d", i, j)
					if wok {
						wantLasts[w] = max(wantLasts[w], i)
					}
				}
			}
			got.each(func(o cellRef, last int) { lasts[o] = max(lasts[o], last) })
			assert.Equal(t, fmt.Sprint(wantLasts), fmt.Sprint(lasts), "the last row of each merge")
		})
	}
	assert.Equal(t, origins{}, readOrigins([]parser.Row{{Cells: []parser.Cell{{Text: "a"}}}}), "no merges")
}
