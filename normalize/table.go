package normalize

import "github.com/agreements/agreements/parser"

// table turns the rows of one raw table into records.
func (c *docContext) table(t *parser.Table) {
	for _, r := range t.Rows {
		if r.Header {
			continue
		}
		var cells []string
		for _, cell := range r.Cells {
			cells = append(cells, cell.Text)
		}
		c.unplaced(r.Page, r.Row, joinCells(cells), "table rows are not interpreted yet")
	}
}

func joinCells(cells []string) string {
	s := ""
	for i, x := range cells {
		if i > 0 {
			s += " | "
		}
		s += x
	}
	return s
}
