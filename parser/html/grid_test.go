package html

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// gridOf parses a page with one table and renders its grid as rows of
// cells: text, "^" for a covered cell, "<CxR>text" for a span origin, and
// "H:" before a header row.
func gridOf(t *testing.T, page string) []string {
	t.Helper()
	doc, err := Parse("t.html", []byte(page), Options{})
	require.NoError(t, err)
	var tables []*parser.Table
	for _, b := range doc.Blocks {
		if b.Table != nil {
			tables = append(tables, b.Table)
		}
	}
	require.Len(t, tables, 1)
	var out []string
	for _, r := range tables[0].Rows {
		var cells []string
		for _, c := range r.Cells {
			switch {
			case c.Covered:
				cells = append(cells, "^")
			case c.ColSpan > 1 || c.RowSpan > 1:
				cells = append(cells, "<"+strconv.Itoa(int(c.ColSpan))+"x"+strconv.Itoa(int(c.RowSpan))+">"+strings.Join(c.Lines(), "/"))
			default:
				cells = append(cells, strings.Join(c.Lines(), "/"))
			}
		}
		s := strings.Join(cells, "|")
		if r.Header {
			s = "H:" + s
		}
		out = append(out, s)
	}
	return out
}

func TestGrid(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{
			name: "rowspan region and country",
			in: `<table><tr><th>Area<th>Country<th>Partner<th>Year
				<tr><td rowspan=3>Asia<td rowspan=2>China<td>Fudan University<td>2001
				<tr><td>Peking University<td>1999
				<tr><td>India<td>IIT Bombay<td>2000</table>`,
			want: []string{
				"H:Area|Country|Partner|Year",
				"<1x3>Asia|<1x2>China|Fudan University|2001",
				"^|^|Peking University|1999",
				"^|India|IIT Bombay|2000",
			},
		},
		{
			name: "colspan header over partner and unit",
			in: `<table><thead><tr><th>Country<th colspan=2>Partner Institution<th>Department at Tohoku</thead>
				<tr><td>China<td>Beijing Hospital<td><td>GS Medicine</table>`,
			want: []string{
				"H:Country|<2x1>Partner Institution|^|Department at Tohoku",
				"China|Beijing Hospital||GS Medicine",
			},
		},
		{
			name: "ragged rows are padded",
			in:   `<table><tr><td>a<td>b<td>c<tr><td>d<tr><td>e<td>f</table>`,
			want: []string{"a|b|c", "d||", "e|f|"},
		},
		{
			name: "colspan beyond the table's width",
			in:   `<table><tr><td>a<td>b<td>c<tr><td colspan=40>Asia<tr><td>d<td colspan=9>e</table>`,
			want: []string{"a|b|c", "<3x1>Asia|^|^", "d|<2x1>e|^"},
		},
		{
			name: "rowspan zero reaches the end of its group and not beyond",
			in: `<table><tbody><tr><td rowspan=0>Asia<td>a<tr><td>b</tbody>
				<tbody><tr><td>Europe<td>c</tbody></table>`,
			want: []string{"<1x2>Asia|a", "^|b", "Europe|c"},
		},
		{
			name: "rowspan beyond the last row is cut",
			in:   `<table><tr><td rowspan=50>Asia<td>a<tr><td>b</table>`,
			want: []string{"<1x2>Asia|a", "^|b"},
		},
		{
			name: "a cell skips columns spans from above hold",
			in: `<table><tr><td>x<td rowspan=2>y<td>z
				<tr><td>p<td>q<td>r</table>`,
			want: []string{"x|<1x2>y|z|", "p|^|q|r"},
		},
		{
			name: "first row of td that reads like headings",
			in:   `<table><tr><td>国・地域<td>大学名<td>締結日<tr><td>中国<td>北京大学<td>2014.4.1</table>`,
			want: []string{"H:国・地域|大学名|締結日", "中国|北京大学|2014.4.1"},
		},
		{
			name: "first row of td with data is not a header",
			in:   `<table><tr><td>China<td>Peking University<td>1999.11.10<tr><td>India<td>IIT<td>2000</table>`,
			want: []string{"China|Peking University|1999.11.10", "India|IIT|2000"},
		},
		{
			name: "a th group row is not a header; a repeated header is",
			in: `<table><tr><th>Country<th>Partner<tr><th colspan=2>Asia<tr><td>China<td>Fudan
				<tr><th>Country<th>Partner<tr><td>India<td>IIT</table>`,
			want: []string{"H:Country|Partner", "<2x1>Asia|^", "China|Fudan", "H:Country|Partner", "India|IIT"},
		},
		{
			name: "tfoot shows last",
			in:   `<table><tfoot><tr><td>Total<td>2</tfoot><tr><td>China<td>Fudan<tr><td>India<td>IIT</table>`,
			want: []string{"China|Fudan", "India|IIT", "Total|2"},
		},
		{
			name: "spacer rows are dropped",
			in:   `<table><tr><td>a<td>b<tr><td>&nbsp;<td> <tr><td>c<td>d</table>`,
			want: []string{"a|b", "c|d"},
		},
		{
			name: "cell lines from br and blocks, link suffixes removed",
			in: `<table><tr><td>Beijing<br>Hospital<td><p>School of History</p><p>Faculty of Education</p>
				<td><a href="x">Fudan University</a>(外部サイト)<td>Report (PDF: 1.2MB)</table>`,
			want: []string{"Beijing/Hospital|School of History/Faculty of Education|Fudan University|Report"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, gridOf(t, tt.in))
		})
	}
}

func TestNestedTables(t *testing.T) {
	page := `<table class="layout"><tr><td><h2>Asia</h2>
		<table><tr><th>Country<th>Partner<tr><td>China<td>Fudan</table>
		<p>Note</p></td><td><table><tr><td>x<td>y</table></td></tr></table>`
	doc, err := Parse("t.html", []byte(page), Options{})
	require.NoError(t, err)
	var kinds []string
	for _, b := range doc.Blocks {
		if b.Line != nil {
			kinds = append(kinds, string(b.Line.Role)+":"+b.Line.Text)
		} else {
			kinds = append(kinds, "table:"+strconv.Itoa(b.Table.Index)+":"+strconv.Itoa(len(b.Table.Rows)))
		}
	}
	assert.Equal(t, []string{"heading:Asia", "table:0:2", "text:Note", "table:1:1"}, kinds)
}

func TestCellText(t *testing.T) {
	rows := gridOf(t, "<table><tr><td>  Technische\n Universität&nbsp;Wien <br/> ウィーン工科大学\u3000</td><td>Austria</td></tr></table>")
	assert.Equal(t, []string{"Technische Universität Wien/ウィーン工科大学|Austria"}, rows)

	doc, err := Parse("t.html", []byte("<table><tr><td>A<br>B</td><td>C</td></tr></table>"), Options{})
	require.NoError(t, err)
	c := doc.Blocks[0].Table.Rows[0].Cells[0]
	assert.Equal(t, "A B", c.Text)
	assert.Equal(t, []string{"A", "B"}, c.Lines())
}

func TestGridTooSparse(t *testing.T) {
	var b strings.Builder
	b.WriteString("<table><tr>")
	for range 100 {
		b.WriteString("<td>x")
	}
	for range 20000 {
		b.WriteString("<tr><td>y")
	}
	b.WriteString("</table>")
	_, err := Parse("t.html", []byte(b.String()), Options{})
	var pe *parser.Error
	require.ErrorAs(t, err, &pe)
	require.ErrorIs(t, err, parser.ErrTooLarge)
}
