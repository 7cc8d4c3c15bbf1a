package normalize

import (
	"math"
	"slices"
	"strings"

	"github.com/agreements/agreements/parser"
)

// A table's rows after a page break, read as lines. A table that goes on
// over a page is found again on the next page when several rows stand
// there; a last row alone at the top of the next page (no header repeated
// above it) is too little for the extractor to see a table, and reaches
// the normaliser as lines: "Yamaguchi University" | "The Faculty of
// Agriculture" | "School of Science", then "(Agreement on Academic" and
// "Cooperation and Exchange)" under the first. Such lines are read as the
// table's next rows when they line up with its columns: each line starts
// in one column and ends before the next, a row's first line sets text in
// two columns at least, at one height, and its other lines stand right
// under it as a cell's wrapped lines do. A row cut at the foot of the page
// before and printed again whole there is then read once, as when both
// copies are table rows (clippedAtPageEnd).

// pageTopRows gives the document with the lines that open a page right
// after a table on the page before, and line up with its columns, read as
// that table's last rows (see above), and the ordinals of the rows so
// read. The document given is left as it is; without such lines it is
// returned itself.
func pageTopRows(doc *parser.Document) (*parser.Document, map[int]bool) {
	var blocks []parser.Block
	var read map[int]bool
	for i := 0; i < len(doc.Blocks); i++ {
		b := doc.Blocks[i]
		if b.Table == nil {
			if blocks != nil {
				blocks = append(blocks, b)
			}
			continue
		}
		rows, next := linesGoingOn(doc.Blocks, i)
		if len(rows) == 0 {
			if blocks != nil {
				blocks = append(blocks, b)
			}
			continue
		}
		if blocks == nil {
			blocks = slices.Clone(doc.Blocks[:i])
			read = map[int]bool{}
		}
		t := *b.Table
		t.Rows = append(slices.Clip(t.Rows), rows...)
		for _, r := range rows {
			read[r.Row] = true
		}
		blocks = append(blocks, parser.Block{Table: &t})
		i = next - 1
	}
	if blocks == nil {
		return doc, nil
	}
	d := *doc
	d.Blocks = blocks
	return &d, read
}

// lineBand is the lines of a page that stand at one height, in the
// columns they start in.
type lineBand struct {
	lines []*parser.Line
	cols  []int
}

// linesGoingOn reads the lines after the table at blocks[i] as its next
// rows (see above): the rows, and the index of the first block after
// them.
func linesGoingOn(blocks []parser.Block, i int) ([]parser.Row, int) {
	t := blocks[i].Table
	if len(t.Rows) == 0 {
		return nil, i + 1
	}
	last := t.Rows[len(t.Rows)-1]
	starts := columnStarts(t)
	if last.Page == 0 || starts == nil {
		return nil, i + 1
	}
	var rows []parser.Row
	var cur [][]*parser.Line // the lines of the row being read, by column
	var bottom float64       // the foot of its last line
	k := i + 1
	for k < len(blocks) {
		band, next := bandAt(blocks, k, last.Page+1, starts)
		if band == nil {
			break
		}
		first := band.lines[0]
		h := first.Box().Height()
		gap := first.Box().Y0 - bottom
		switch {
		case cur != nil && gap <= h/4:
			// A cell's wrapped lines.
		case len(band.lines) >= 2 && (cur == nil || gap < h):
			if cur != nil {
				rows = append(rows, pageTopRow(cur, starts))
			}
			cur = make([][]*parser.Line, len(starts))
		default:
			next = -1
		}
		if next < 0 {
			break
		}
		for n, l := range band.lines {
			cur[band.cols[n]] = append(cur[band.cols[n]], l)
			bottom = max(bottom, l.Box().Y1)
		}
		k = next
	}
	if cur != nil {
		rows = append(rows, pageTopRow(cur, starts))
	}
	return rows, k
}

// bandAt reads the lines from blocks[k] on that stand at its height, on
// the given page, each in a column of its own that it fits (starts at or
// after the column's start, ends before the next column's): nil when they
// do not.
func bandAt(blocks []parser.Block, k, page int, starts []float64) (*lineBand, int) {
	first := blocks[k].Line
	if first == nil || first.Page != page || first.Box() == (parser.Box{}) || first.Bullet != "" {
		return nil, k
	}
	band := &lineBand{}
	h := first.Box().Height()
	for ; k < len(blocks); k++ {
		l := blocks[k].Line
		if l == nil || l.Page != page || math.Abs(l.Box().Y0-first.Box().Y0) > h/2 {
			break
		}
		j := columnOf(l.Box(), starts)
		if j < 0 || slices.Contains(band.cols, j) || l.Bullet != "" {
			return nil, k
		}
		band.lines = append(band.lines, l)
		band.cols = append(band.cols, j)
	}
	return band, k
}

// columnStarts gives where each column of a table starts, as the left
// edges of its cells show (the leftmost cell of a column not spanning
// others); nil when a column has none, or the table no positions.
func columnStarts(t *parser.Table) []float64 {
	width := 0
	for _, r := range t.Rows {
		width = max(width, len(r.Cells))
	}
	starts := make([]float64, width)
	for j := range starts {
		starts[j] = math.Inf(1)
	}
	for _, r := range t.Rows {
		if len(r.Cells) != width {
			continue
		}
		for j, c := range r.Cells {
			if !c.Covered && c.ColSpan <= 1 && c.Box() != (parser.Box{}) {
				starts[j] = min(starts[j], c.Box().X0)
			}
		}
	}
	for j, s := range starts {
		if math.IsInf(s, 1) || j > 0 && s <= starts[j-1] {
			return nil
		}
	}
	return starts
}

// columnOf gives the column a line's box fits in, -1 for none: it starts
// at the column's start or after it (a point's slack) and ends before the
// next column starts.
func columnOf(b parser.Box, starts []float64) int {
	const slack = 1.0
	for j := len(starts) - 1; j >= 0; j-- {
		if b.X0 < starts[j]-slack {
			continue
		}
		if j+1 < len(starts) && b.X1 > starts[j+1]+slack {
			return -1
		}
		return j
	}
	return -1
}

// pageTopRow makes a table row of the lines read in its columns.
func pageTopRow(cols [][]*parser.Line, starts []float64) parser.Row {
	var r parser.Row
	for _, lines := range cols {
		for _, l := range lines {
			if r.Page == 0 || l.Row < r.Row {
				r.Page, r.Row = l.Page, l.Row
			}
			r.SetBox(union(r.Box(), l.Box()))
		}
	}
	for j, lines := range cols {
		c := parser.Cell{ColSpan: 1, RowSpan: 1}
		box := parser.Box{X0: starts[j], Y0: r.Box().Y0, X1: r.Box().X1, Y1: r.Box().Y1}
		if j+1 < len(starts) {
			box.X1 = starts[j+1]
		}
		var texts []string
		for _, l := range lines {
			texts = append(texts, l.Text)
		}
		c.Text = strings.Join(texts, " ")
		c.SetLinesBox(texts, box)
		r.Cells = append(r.Cells, c)
	}
	return r
}
