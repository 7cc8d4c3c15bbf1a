package pdf

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// A table that sets its cells in the middle of their rows, printed by
// LibreOffice from a page that merges "* Mahidol University" over two
// rows: the second row is two lines tall, so the merged cell's one line
// stands beside its first line, above "GS Medicine", under a row whose
// partner cell is blank. The cell is read as merged over both rows: the
// blank row is Mahidol's, not the partner's above. The other cells of
// the table, each in its row's middle or beside a row of one line, stay.
func TestStreamCellCentredOverTwoRows(t *testing.T) {
	file := "../../fixtures/matrix/m293-lopage-tohoku-both/input.pdf"
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	doc, err := Parse(file, data, Options{})
	require.NoError(t, err)
	var table *parser.Table
	for _, b := range doc.Blocks {
		if b.Table != nil && b.Table.Page == 2 {
			table = b.Table
		}
	}
	require.NotNil(t, table)
	assert.Equal(t, "middle", table.VAlign)
	rows := table.Rows
	at := -1
	for i, r := range rows {
		if len(r.Cells) > 1 && r.Cells[1].Text == "Faculty of Public Health" {
			at = i
		}
	}
	require.Positive(t, at)
	require.Less(t, at+1, len(rows))
	span, under := rows[at].Cells[0], rows[at+1].Cells[0]
	assert.Equal(t, "* Mahidol University", span.Text)
	assert.Equal(t, int32(2), span.RowSpan)
	assert.True(t, under.Covered)
	assert.Equal(t, "Faculty of Medicine, Ramathibodi Hospital", rows[at+1].Cells[1].Text)
	spans := 0
	for _, r := range rows {
		for _, c := range r.Cells {
			if c.RowSpan > 1 {
				spans++
			}
		}
	}
	assert.Equal(t, 1, spans, "cells merged over rows")
	// Above it, the partner's own row of two lines, its one-line cells in
	// the middle, keeps its cells.
	assert.Equal(t, "* Khon Kaen University", rows[at-1].Cells[0].Text)
}
