package pdf

import (
	"os"
	"strings"
	"testing"

	"github.com/agreements/agreements/parser"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReportWriterColumns reads a list a report writer (PDFKit) drew line
// by line at set columns, no rules, sections, areas and countries in
// lines of their own: the header's cell over a column the first rows
// leave empty ("相手部局", no partner's unit at university level) is a
// column of the table's, not a reason to leave the header out; a
// section's heading set larger than the rows is a row of its own, not a
// wrapped line of the row above it.
func TestReportWriterColumns(t *testing.T) {
	const file = "../../fixtures/node/n04-pdfkit-tohoku-ja-columns/input.pdf"
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	doc, err := Parse(file, b, Options{})
	require.NoError(t, err)
	var tables []*parser.Table
	for _, bl := range doc.Blocks {
		if bl.Table != nil {
			tables = append(tables, bl.Table)
		}
	}
	require.NotEmpty(t, tables)
	head := tables[0].Rows[0]
	var texts []string
	for _, c := range head.Cells {
		texts = append(texts, c.Text)
	}
	assert.Equal(t, []string{"相手機関名", "相手部局", "協定種別", "本学部局", "締結年月日"}, texts)
	found := false
	for _, tb := range tables {
		for _, r := range tb.Rows {
			for _, c := range r.Cells {
				if c.Text == "部局間協定校" {
					found = true
				}
				assert.NotContains(t, c.Text, "（ANSTO）\n部局間協定校", "the section's heading joined to the row above")
			}
		}
	}
	assert.True(t, found, "the section's heading a cell of its own")
}

// TestPlainRowUnderBoldHeader: a line of plain cells right under a bold
// header's line of cells, as close as a cell's wrapped line (cells set in
// the middle of their rows), is the first row, not more of the header
// (Kyoto's list printed with its header said again on the second page).
func TestPlainRowUnderBoldHeader(t *testing.T) {
	const file = "../../fixtures/matrix/m374-middle-kyoto-2004/input.pdf"
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	doc, err := Parse(file, b, Options{})
	require.NoError(t, err)
	checked := false
	for _, bl := range doc.Blocks {
		if bl.Table == nil {
			continue
		}
		for _, r := range bl.Table.Rows {
			for _, c := range r.Cells {
				if strings.Contains(c.Text, "Partner") {
					assert.NotContains(t, c.Text, "大学", "a partner's name in the header's cell")
					checked = true
				}
			}
		}
	}
	assert.True(t, checked, "a header cell naming the partner's column")
}
