package html

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html/atom"
)

// TestGridLarge: tables of each shape the layout reads differently (rows
// all as wide, with the table's cells' blocks taken as its grid; a first
// row narrower than the rest; ragged rows; a footer written first; blank
// rows; spans), built two ways: a few rows, read whole from the tree, and
// thousands, read in segments from their tokens across many blocks of
// cells. Both read as the rows they repeat.
func TestGridLarge(t *testing.T) {
	tests := []struct {
		name string
		head string // written before the rows
		row  func(i int) (html string, want []string)
		foot string   // written after the rows, before the table's end
		last []string // what head and foot read as, after the rows
	}{
		{name: "every row three wide", row: func(i int) (string, []string) {
			return fmt.Sprintf("<tr><td>Country %d<td>University %d<td>2001/%d\n", i, i, i%12+1),
				[]string{fmt.Sprintf("Country %d|University %d|2001/%d", i, i, i%12+1)}
		}},
		{name: "every row seven wide", row: func(i int) (string, []string) {
			var b, w strings.Builder
			b.WriteString("<tr>")
			for x := range 7 {
				fmt.Fprintf(&b, "<td>c%d.%d", i, x)
				if x > 0 {
					w.WriteString("|")
				}
				fmt.Fprintf(&w, "c%d.%d", i, x)
			}
			return b.String() + "\n", []string{w.String()}
		}},
		{name: "a narrower first row", head: "<tr><td>Partner<td>Year\n", row: func(i int) (string, []string) {
			return fmt.Sprintf("<tr><td>a%d<td>b%d<td>c%d\n", i, i, i), []string{fmt.Sprintf("a%d|b%d|c%d", i, i, i)}
		}},
		{name: "ragged rows", row: func(i int) (string, []string) {
			if i%3 == 1 {
				return fmt.Sprintf("<tr><td>a%d<td>b%d\n", i, i), []string{fmt.Sprintf("a%d|b%d|", i, i)}
			}
			return fmt.Sprintf("<tr><td>a%d<td>b%d<td>c%d\n", i, i, i), []string{fmt.Sprintf("a%d|b%d|c%d", i, i, i)}
		}},
		{name: "a footer written first", head: "<tfoot><tr><td>total<td>all<td>rows</tfoot><tbody>\n", row: func(i int) (string, []string) {
			return fmt.Sprintf("<tr><td>a%d<td>b%d<td>c%d\n", i, i, i), []string{fmt.Sprintf("a%d|b%d|c%d", i, i, i)}
		}, last: []string{"total|all|rows"}},
		{name: "blank rows", row: func(i int) (string, []string) {
			if i%5 == 2 {
				return "<tr><td><td> <td>\n", nil
			}
			return fmt.Sprintf("<tr><td>a%d<td>b%d<td>c%d\n", i, i, i), []string{fmt.Sprintf("a%d|b%d|c%d", i, i, i)}
		}},
		{name: "row spans", row: func(i int) (string, []string) {
			if i%2 == 0 {
				return fmt.Sprintf("<tr><td rowspan=2>r%d<td>a%d<td>b%d\n", i, i, i), []string{fmt.Sprintf("<1x2>r%d|a%d|b%d", i, i, i)}
			}
			return fmt.Sprintf("<tr><td>a%d<td>b%d\n", i, i), []string{fmt.Sprintf("^|a%d|b%d", i, i)}
		}},
		{name: "a header row", head: "<tr><th>Country<th>Partner<th>Date\n", row: func(i int) (string, []string) {
			return fmt.Sprintf("<tr><td>a%d<td>b%d<td>c%d\n", i, i, i), []string{fmt.Sprintf("a%d|b%d|c%d", i, i, i)}
		}},
	}
	for _, tt := range tests {
		for _, size := range []struct {
			name string
			rows int
		}{{"few", 6}, {"many", 30000}} {
			t.Run(tt.name+"/"+size.name, func(t *testing.T) {
				var page strings.Builder
				var want []string
				page.WriteString("<!DOCTYPE html><html><body><h1>Partners</h1><table>\n" + tt.head)
				switch {
				case strings.HasPrefix(tt.head, "<tr><th>"):
					want = append(want, "H:Country|Partner|Date")
				case strings.HasPrefix(tt.head, "<tr><td>"):
					want = append(want, "H:Partner|Year|") // heading words: a header
				}
				for i := range size.rows {
					h, w := tt.row(i)
					page.WriteString(h)
					want = append(want, w...)
				}
				page.WriteString(tt.foot + "</table><p>End of the list.</p></body></html>\n")
				want = append(want, tt.last...)
				if size.rows > 100 {
					assert.Greater(t, page.Len(), segmentBytes, "read in segments")
				}
				got := gridOf(t, page.String())
				assert.Equal(t, len(want), len(got))
				for i := range min(len(want), len(got)) {
					if !assert.Equal(t, want[i], got[i], "row %d", i) {
						break
					}
				}
			})
		}
	}
}

// TestLayoutTakesBlocks: a table without spans whose rows are all as wide
// is laid out on the blocks its cells were read into, without a grid of
// its own; one with a narrower first row gets a grid of its own.
func TestLayoutTakesBlocks(t *testing.T) {
	for _, tt := range []struct {
		name  string
		first int // cells of the first row
		taken bool
	}{{"rows all as wide", 3, true}, {"a narrower first row", 2, false}} {
		t.Run(tt.name, func(t *testing.T) {
			w := newWalker(site{})
			s := &w.tab
			s.groups = append(s.groups, rowGroup{section: atom.Tbody})
			for i := range 5000 {
				row := htmlRow{section: atom.Tbody, lo: int32(s.cells.n)}
				n := 3
				if i == 0 {
					n = tt.first
				}
				for x := range n {
					w.cell.writeText(fmt.Sprintf("r%d c%d", i, x))
					s.cells.add(htmlCell{text: w.takeCell(&w.cell), rowSpan: 1, colSpan: 1})
				}
				row.hi = int32(s.cells.n)
				s.addRow(0, row)
			}
			first := &s.cells.blocks[0][0]
			_, table, err := w.layout(0)
			require.NoError(t, err)
			p := w.packed[table]
			require.NotNil(t, p)
			assert.Equal(t, tt.taken, &p.grid.row(0)[0] == first)
			assert.Len(t, p.header, 5000)
			assert.Equal(t, "r4999 c2", w.texts.text(p.grid.row(4999)[2].text))
		})
	}
}
