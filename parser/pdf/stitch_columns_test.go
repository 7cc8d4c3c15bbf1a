package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/agreements/agreements/parser"
)

// rowOf is a row of one-line cells.
func rowOf(texts ...string) parser.Row {
	r := parser.Row{Page: 2}
	for _, t := range texts {
		r.Cells = append(r.Cells, parser.Cell{Text: t, ColSpan: 1, RowSpan: 1})
	}
	return r
}

// TestColumnsWithin: a page of a table without rules whose rows leave a
// column empty has one column fewer; its columns are the open table's
// where their text starts and ends inside the open table's columns.
func TestColumnsWithin(t *testing.T) {
	// The open table: Country | Partner | University-level | Department-level | Tuition | Date,
	// where each column's text starts (its heading's left, over centred marks).
	open := []float64{46, 90, 420, 490, 560, 640}
	rows := []parser.Row{rowOf("China", "Peking University", "✓", "May 1, 2001")}
	t.Run("a column of marks left empty", func(t *testing.T) {
		// (the department-level column's marks, then the date: no
		// university-level mark, no waiver on this page)
		got := columnsWithin(open, []float64{46, 90, 512, 640}, []float64{80, 300, 519, 700}, rows, 8)
		assert.Equal(t, []int{0, 1, 3, 5}, got)
	})
	t.Run("text past the next column's start", func(t *testing.T) {
		assert.Nil(t, columnsWithin(open, []float64{46, 90, 512, 640}, []float64{80, 300, 565, 700}, rows, 8))
	})
	t.Run("a column that starts between two", func(t *testing.T) {
		assert.Nil(t, columnsWithin(open, []float64{46, 90, 300, 640}, []float64{80, 250, 330, 700}, rows, 8))
	})
	t.Run("as many columns", func(t *testing.T) {
		assert.Nil(t, columnsWithin(open, open, []float64{80, 300, 430, 500, 570, 700}, append(rows, rowOf("a", "b", "c", "d", "e", "f")), 8))
	})
	t.Run("a cell over two columns", func(t *testing.T) {
		r := rowOf("China", "Peking University", "✓", "May 1, 2001")
		r.Cells[1].ColSpan = 2
		assert.Nil(t, columnsWithin(open, []float64{46, 90, 512, 640}, []float64{80, 300, 519, 700}, []parser.Row{r}, 8))
	})
}

// TestSpreadColumns: the rows' cells go to the open table's columns, an
// empty cell in each other.
func TestSpreadColumns(t *testing.T) {
	cols := []float64{40, 85, 410, 480, 550, 630, 800}
	rows, rights := spreadColumns([]parser.Row{rowOf("China", "Peking University", "✓", "May 1, 2001")},
		[]float64{80, 300, 519, 700}, []int{0, 1, 3, 5}, cols)
	var texts []string
	for _, c := range rows[0].Cells {
		texts = append(texts, c.Text)
	}
	assert.Equal(t, []string{"China", "Peking University", "", "✓", "", "May 1, 2001"}, texts)
	assert.Equal(t, []float64{80, 300, 0, 519, 0, 700}, rights)
	assert.Equal(t, parser.Box{X0: 410, X1: 480}, rows[0].Cells[2].Box())
}
