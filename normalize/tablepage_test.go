package normalize

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// The columns of the tables below start here; the last ends at colEnd.
var (
	colStarts = []float64{138, 242, 345}
	colEnd    = 448.0
	stCell    = parser.Style{Font: "NotoSansCJKjp-Regular", Size: 7.5}
)

// gridRow lays a row of cells out at y on page, each cell as wide as its
// column and as tall as its lines (11 pt a line).
func gridRow(page int, y float64, header bool, cells ...string) parser.Row {
	r := parser.Row{Page: page, Header: header}
	lines := 1
	for _, s := range cells {
		lines = max(lines, len(strings.Split(s, "\n")))
	}
	y1 := y + 11*float64(lines)
	for j, s := range cells {
		x1 := colEnd
		if j+1 < len(colStarts) {
			x1 = colStarts[j+1]
		}
		r.Cells = append(r.Cells, parser.Cell{Text: strings.ReplaceAll(s, "\n", " "),
			ColSpan: 1, RowSpan: 1}.WithLines(strings.Split(s, "\n")).WithBox(parser.Box{X0: colStarts[j], Y0: y, X1: x1, Y1: y1}))
	}
	r.SetBox(parser.Box{X0: colStarts[0], Y0: y, X1: colEnd, Y1: y1})
	return r
}

// cellLine is one line of text set in a column at y on page, as an
// extractor reports a line it did not take for part of a table.
func cellLine(page, col int, y float64, text string) parser.Block {
	x := colStarts[col] + 0.1
	return parser.Block{Line: (&parser.Line{Page: page, Text: text, Role: parser.RoleText}).Placed(parser.Box{X0: x, Y0: y, X1: x + 3.4*float64(len(text)), Y1: y + 10.8}, stCell)}
}

// clippedListDoc is a table of agreements whose last row on page 1 is cut
// at the page's foot (only its first line shows) and printed whole at the
// top of page 2, no header repeated there: as a row of the table
// (asLines false), or as the lines of a page the extractor saw no table
// on. A copyright line closes page 2. Without clipped, page 1 ends with
// the row before, and the row on page 2 is the table's last row alone.
func clippedListDoc(asLines, clipped bool) *parser.Document {
	d := &parser.Document{File: "list.pdf", SHA256: "00", Format: parser.FormatPDF, Pages: 2}
	d.Blocks = append(d.Blocks, parser.Block{Line: (&parser.Line{Page: 1, Text: "日本", Role: parser.RoleText}).Placed(parser.Box{X0: 135.8, Y0: 452.7, X1: 150.7, Y1: 463.5}, parser.Style{Font: "NotoSansCJKjp-Bold", Size: 7.5, Bold: true})})
	t := &parser.Table{Page: 1, Method: "lattice", Rows: []parser.Row{
		gridRow(1, 468, true, "相手機関名", "相手部局", "本学部局"),
		gridRow(1, 483, false, "Kagoshima University\n(Agreement on Academic\nExchange Programme for\nStudents)", "Faculty of Agriculture", "School of Agro-Industry"),
		gridRow(1, 531, false, "Yamaguchi University\n(Addendum fo the Exchange\nof Students)", "The Faculty of Agriculture", "School of Science"),
	}}
	if clipped {
		t.Rows = append(t.Rows, gridRow(1, 779, false, "Yamaguchi University", "The Faculty of Agriculture", "School of Science"))
	}
	d.Blocks = append(d.Blocks, parser.Block{Table: t})
	if asLines {
		d.Blocks = append(d.Blocks,
			cellLine(2, 0, 51.8, "Yamaguchi University"),
			cellLine(2, 1, 51.8, "The Faculty of Agriculture"),
			cellLine(2, 2, 51.8, "School of Science"),
			cellLine(2, 0, 63.3, "(Agreement on Academic"),
			cellLine(2, 0, 74.8, "Cooperation and Exchange)"))
	} else {
		t.Rows = append(t.Rows, gridRow(2, 51.8, false, "Yamaguchi University\n(Agreement on Academic\nCooperation and Exchange)", "The Faculty of Agriculture", "School of Science"))
	}
	d.Blocks = append(d.Blocks, parser.Block{Line: (&parser.Line{Page: 2, Text: "Copyright Mae Fah Luang University. All rights reserved.",
		Role: parser.RoleText}).Placed(parser.Box{X0: 135.8, Y0: 90.9, X1: 329.2, Y1: 101.8}, stCell)})
	d.Number()
	return d
}

// A row cut at the foot of a page and printed again whole at the top of
// the next, no header repeated there, is read once, whether the extractor
// found the whole copy as a row of the table or as lines that line up with
// the table's columns; and a last row alone at the top of a page, as lines
// in those columns, is the table's row.
func TestTableRowPrintedAgainAfterPageBreak(t *testing.T) {
	want := []rec{
		{Country: "JP", Partner: "Kagoshima University", PartnerUnit: "Faculty of Agriculture", HomeUnit: "School of Agro-Industry", Type: "Agreement on Academic Exchange Programme for Students"},
		{Country: "JP", Partner: "Yamaguchi University", PartnerUnit: "The Faculty of Agriculture", HomeUnit: "School of Science", Type: "Addendum fo the Exchange of Students"},
		{Country: "JP", Partner: "Yamaguchi University", PartnerUnit: "The Faculty of Agriculture", HomeUnit: "School of Science", Type: "Agreement on Academic Cooperation and Exchange"},
	}
	for _, asLines := range []bool{false, true} {
		for _, clipped := range []bool{true, false} {
			name := map[bool]string{false: "as a row", true: "as lines"}[asLines] + map[bool]string{false: "", true: ", clipped copy on page 1"}[clipped]
			res, err := Normalize(clippedListDoc(asLines, clipped), Options{Institution: "Mae Fah Luang University"})
			require.NoError(t, err, name)
			got := make([]rec, len(res.Records))
			for i, r := range res.Records {
				got[i] = rec{Country: r.CountryCode, Partner: r.Partner, PartnerUnit: r.PartnerUnit, HomeUnit: r.HomeUnit, Type: r.AgreementType}
			}
			assert.Equal(t, want, got, name)
			require.Len(t, res.Records, 3, name)
			last := res.Records[2]
			assert.Equal(t, 2, last.Source.Page, name)
			if clipped {
				assert.Contains(t, last.Repairs, "joined_split_row:clipped_copy_dropped", name)
			} else {
				assert.NotContains(t, last.Repairs, "joined_split_row:clipped_copy_dropped", name)
			}
			if asLines {
				assert.Contains(t, last.Repairs, "joined_split_row:page_top_lines", name)
			} else {
				assert.NotContains(t, last.Repairs, "joined_split_row:page_top_lines", name)
			}
			assert.Empty(t, res.Unplaced, name)
		}
	}
}

// Lines at the top of the page after a table stay lines when they do not
// line up with its columns: a heading alone, a line across two columns, a
// first line with text in one column only, lines on a page further on.
func TestPageTopLinesNotInColumns(t *testing.T) {
	base := clippedListDoc(false, false)
	table := base.Blocks[1]
	heading := parser.Block{Line: (&parser.Line{Page: 2, Text: "ラオス", Role: parser.RoleText}).Placed(parser.Box{X0: 135.8, Y0: 51.8, X1: 158.2, Y1: 62.6}, parser.Style{Font: "NotoSansCJKjp-Bold", Size: 7.5, Bold: true})}
	across := cellLine(2, 0, 51.8, "Yamaguchi University The Faculty of Agriculture")
	editBox(across.Line, func(b *parser.Box) { b.X1 = colStarts[1] + 20 })
	for name, lines := range map[string][]parser.Block{
		"heading":         {heading, cellLine(2, 0, 66, "Ministry of Science"), cellLine(2, 1, 66, "Department of Planning")},
		"across columns":  {across, cellLine(2, 2, 51.8, "School of Science")},
		"one column":      {cellLine(2, 0, 51.8, "Yamaguchi University"), cellLine(2, 0, 63.3, "(Agreement on Academic")},
		"page further on": {cellLine(3, 0, 51.8, "Yamaguchi University"), cellLine(3, 1, 51.8, "The Faculty of Agriculture")},
	} {
		d := &parser.Document{File: "list.pdf", SHA256: "00", Format: parser.FormatPDF, Pages: 3}
		tb := *table.Table
		tb.Rows = tb.Rows[:len(tb.Rows)-1] // page 1's rows only
		d.Blocks = append([]parser.Block{base.Blocks[0], {Table: &tb}}, lines...)
		d.Number()
		got, read := pageTopRows(d)
		assert.Same(t, d, got, name)
		assert.Empty(t, read, name)
	}
}

// Two rows at the top of the next page, each its first line in every
// column and a wrapped line under it, are read as two rows; the lines
// after a gap wider than a row's are not.
func TestPageTopLinesTwoRows(t *testing.T) {
	d := clippedListDoc(true, false)
	n := len(d.Blocks)
	blocks := append([]parser.Block{}, d.Blocks[:n-1]...)
	blocks = append(blocks,
		cellLine(2, 0, 89.9, "Shinshu University"),
		cellLine(2, 1, 89.9, "Graduate School of"),
		cellLine(2, 2, 89.9, "School of Agro-Industry"),
		cellLine(2, 1, 101.4, "Agriculture"),
		cellLine(2, 0, 140, "Printed 2023"),
		cellLine(2, 2, 140, "page 2"),
	)
	d.Blocks = blocks
	d.Number()
	got, read := pageTopRows(d)
	require.NotSame(t, d, got)
	require.Len(t, got.Blocks, 4) // the title, the table, the two lines after the gap
	tb := got.Blocks[1].Table
	require.Len(t, tb.Rows, 5)
	assert.Equal(t, []string{"Yamaguchi University (Agreement on Academic Cooperation and Exchange)", "The Faculty of Agriculture", "School of Science"}, cellTexts(tb.Rows[3]))
	assert.Equal(t, []string{"Shinshu University", "Graduate School of Agriculture", "School of Agro-Industry"}, cellTexts(tb.Rows[4]))
	assert.Equal(t, map[int]bool{tb.Rows[3].Row: true, tb.Rows[4].Row: true}, read)
	assert.Len(t, d.Blocks[1].Table.Rows, 3, "the document given is left as it is")
}

func cellTexts(r parser.Row) []string {
	var s []string
	for _, c := range r.Cells {
		s = append(s, c.Text)
	}
	return s
}
