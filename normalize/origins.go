package normalize

import (
	"sort"

	"github.com/agreements/agreements/parser"
)

// origins says, for every cell a merged cell covers, the cell the merge
// starts in. A table's merges are held as runs, one per column a merge
// covers: rows [from, to) of the column are covered from the origin. The
// runs of a column come in row order and, in a well-formed grid, never
// overlap; when merges do overlap (a grid read from a damaged layout),
// the cells are held one by one instead, the later merge winning, as the
// grid was read.
type origins struct {
	runs  [][]originRun       // by column, in row order
	cells map[cellRef]cellRef // when merges overlap: every covered cell
}

// originRun is the rows [from, to) of one column that the cell at (row,
// col) covers.
type originRun struct{ from, to, row, col int32 }

// mapOrigins records, for every cell a rowspan covers, the cell the span
// starts in.
func (tr *tableReader) mapOrigins() {
	tr.origin = readOrigins(tr.t.Rows)
}

// readOrigins reads the merges of rows.
func readOrigins(rows []parser.Row) origins {
	width := 0
	for _, r := range rows {
		width = max(width, len(r.Cells))
	}
	var o origins
	for i, r := range rows {
		for j, cell := range r.Cells {
			if cell.Covered || (cell.RowSpan <= 1 && cell.ColSpan <= 1) {
				continue
			}
			end := min(i+int(max(cell.RowSpan, 1)), len(rows))
			for x := j; x < j+int(max(cell.ColSpan, 1)) && x < width; x++ {
				from := i
				if x == j {
					from = i + 1
				}
				if from >= end {
					continue
				}
				if o.runs == nil {
					o.runs = make([][]originRun, width)
				}
				col := o.runs[x]
				if n := len(col); n > 0 && int(col[n-1].to) > from {
					return originCells(rows) // merges overlap
				}
				o.runs[x] = append(col, originRun{from: int32(from), to: int32(end), row: int32(i), col: int32(j)})
			}
		}
	}
	return o
}

// originCells reads the merges of rows cell by cell.
func originCells(rows []parser.Row) origins {
	o := origins{cells: map[cellRef]cellRef{}}
	for i, r := range rows {
		for j, cell := range r.Cells {
			if cell.Covered || (cell.RowSpan <= 1 && cell.ColSpan <= 1) {
				continue
			}
			for y := i; y < i+int(max(cell.RowSpan, 1)) && y < len(rows); y++ {
				for x := j; x < j+int(max(cell.ColSpan, 1)) && x < len(rows[y].Cells); x++ {
					if y != i || x != j {
						o.cells[cellRef{y, x}] = cellRef{i, j}
					}
				}
			}
		}
	}
	return o
}

// of returns the origin of the cell at row i, column j, when a merge
// covers it. (Asked only of cells the row has.)
func (o *origins) of(i, j int) (cellRef, bool) {
	if o.cells != nil {
		ref, ok := o.cells[cellRef{i, j}]
		return ref, ok
	}
	if j < 0 || j >= len(o.runs) {
		return cellRef{}, false
	}
	col := o.runs[j]
	k := sort.Search(len(col), func(k int) bool { return int(col[k].from) > i }) - 1
	if k < 0 || i >= int(col[k].to) {
		return cellRef{}, false
	}
	return cellRef{int(col[k].row), int(col[k].col)}, true
}

// each calls f with the origin of every merge and the last row it covers.
func (o *origins) each(f func(origin cellRef, last int)) {
	if o.cells != nil {
		for y, ref := range o.cells {
			f(ref, y.row)
		}
		return
	}
	for _, col := range o.runs {
		for _, r := range col {
			f(cellRef{int(r.row), int(r.col)}, int(r.to)-1)
		}
	}
}
