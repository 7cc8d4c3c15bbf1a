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

// clippedListDoc is a table of agreements whose last row on page 1 is cut
// at the page's foot (only its first line shows) and printed whole at the
// top of page 2, no header repeated there, as a row of the table (the
// extractor reads a last row alone at a page's top as the table's row). A
// copyright line closes page 2. Without clipped, page 1 ends with the row
// before, and the row on page 2 is the table's last row alone.
func clippedListDoc(clipped bool) *parser.Document {
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
	t.Rows = append(t.Rows, gridRow(2, 51.8, false, "Yamaguchi University\n(Agreement on Academic\nCooperation and Exchange)", "The Faculty of Agriculture", "School of Science"))
	d.Blocks = append(d.Blocks, parser.Block{Line: (&parser.Line{Page: 2, Text: "Copyright Mae Fah Luang University. All rights reserved.",
		Role: parser.RoleText}).Placed(parser.Box{X0: 135.8, Y0: 90.9, X1: 329.2, Y1: 101.8}, stCell)})
	d.Number()
	return d
}

// A row cut at the foot of a page and printed again whole at the top of
// the next, no header repeated there, is read once.
func TestTableRowPrintedAgainAfterPageBreak(t *testing.T) {
	want := []rec{
		{Country: "JP", Partner: "Kagoshima University", PartnerUnit: "Faculty of Agriculture", HomeUnit: "School of Agro-Industry", Type: "Agreement on Academic Exchange Programme for Students"},
		{Country: "JP", Partner: "Yamaguchi University", PartnerUnit: "The Faculty of Agriculture", HomeUnit: "School of Science", Type: "Addendum fo the Exchange of Students"},
		{Country: "JP", Partner: "Yamaguchi University", PartnerUnit: "The Faculty of Agriculture", HomeUnit: "School of Science", Type: "Agreement on Academic Cooperation and Exchange"},
	}
	for _, clipped := range []bool{true, false} {
		name := map[bool]string{false: "last row alone", true: "clipped copy on page 1"}[clipped]
		res, err := Normalize(clippedListDoc(clipped), Options{Institution: "Mae Fah Luang University"})
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
		assert.Empty(t, res.Unplaced, name)
	}
}

func cellTexts(r parser.Row) []string {
	var s []string
	for _, c := range r.Cells {
		s = append(s, c.Text)
	}
	return s
}
