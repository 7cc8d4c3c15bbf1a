package normalize

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// longTable is a table of n agreements that reads rows other than the one
// being read: a region cell spanning every row (its origin far above), a
// country cell spanning each group of ten, a partner cell spanning two
// rows of dates (the second row fills it down), a category column that
// names a unit only in its last row (read from the whole table), and
// partners named unit first.
func longTable(n int) *parser.Table {
	rows := [][]string{{"Region", "Country", "Partner Institution", "Category", "Date of Conclusion"}}
	countries := []string{"France", "Germany", "China", "Kenya"}
	for i := range n {
		region, country := "^", "^"
		if i == 0 {
			region = "Europe"
		}
		if i%10 == 0 {
			country = countries[(i/10)%len(countries)]
		}
		partner, kind := fmt.Sprintf("Faculty of Science, University of Example %d", i/2), "Agr"
		if i%2 == 1 {
			partner = "^"
		}
		if i == n-1 {
			kind = "Graduate School of Engineering"
		}
		rows = append(rows, []string{region, country, partner, kind, fmt.Sprintf("%d.%d.%d", 1990+i%30, 1+i%12, 1+i%28)})
	}
	return tbl(rows...)
}

// TestConsumeReadsTheSame: a document read with Consume gives the records
// and everything else it gives without, its long tables' rows are let go
// as they are read (but for those read again), and its blocks are the
// normaliser's.
func TestConsumeReadsTheSame(t *testing.T) {
	for _, n := range []int{consumeRows - 2, consumeRows, 3 * consumeRows} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			doc := func() *parser.Document {
				return tdoc([]string{"# University-level agreements", "(as of May 1, 2021)"}, longTable(n), tbl(
					[]string{"Country", "Partner Institution", "Date of Conclusion"},
					[]string{"Brazil", "University of Sao Paulo", "2001.2.3"}), longTable(n))
			}
			want, err := Normalize(doc(), Options{Institution: "Tohoku University"})
			require.NoError(t, err)
			require.Equal(t, 2*n+1, len(want.Records))

			d := doc()
			tables := []*parser.Table{d.Blocks[2].Table, d.Blocks[3].Table, d.Blocks[4].Table}
			got, err := Normalize(d, Options{Institution: "Tohoku University", Consume: true})
			require.NoError(t, err)
			assert.Equal(t, want, got)
			assert.Nil(t, d.Blocks, "the blocks are the normaliser's")
			for _, tb := range tables {
				for k, r := range tb.Rows {
					assert.Equal(t, k == len(tb.Rows)-1, r.Cells != nil, "row %d: all but the last row let go", k)
				}
			}
		})
	}
}

// TestRowsFreer: while a long table is read, the rows read are let go but
// for the header, the row above the one being read, the origins of spans
// still to be read (and the rows above them) and the last row; in the rows as read and in the document's, when they
// differ.
func TestRowsFreer(t *testing.T) {
	n := consumeRows + 10
	given := longTable(n)
	c := newContext(tdoc(nil, given), Options{Consume: true})
	read := *given
	read.Rows = slices.Clone(given.Rows) // as when wrapped rows were joined
	tr := &tableReader{c: c, t: &read, body: 1}
	tr.mapOrigins()
	f := tr.rowsFreer(given)
	require.NotNil(t, f)
	at := n / 2
	f.before(at)
	// A merged cell's first row, and the row above it, are kept until the
	// reading has gone past the last row the cell covers: the region's
	// (row 1, to the end), a country's (rows 10m+1 to 10m+10) and a
	// partner's (odd rows k, to k+1).
	merges := [][2]int{{1, n}}
	for k := 1; k <= n; k++ {
		if (k-1)%10 == 0 {
			merges = append(merges, [2]int{k, min(k+9, n)})
		}
		if k%2 == 1 {
			merges = append(merges, [2]int{k, min(k+1, n)})
		}
	}
	for k := range given.Rows {
		// Kept: the header (0), the row above the one being read and
		// those after, and the merges still read.
		kept := k == 0 || k >= at-1
		for _, m := range merges {
			kept = kept || (k == m[0] || k == m[0]-1) && m[1] >= at-1
		}
		assert.Equal(t, kept, read.Rows[k].Cells != nil, "read row %d", k)
		assert.Equal(t, kept, given.Rows[k].Cells != nil, "given row %d", k)
	}
	f.before(n + 1)
	assert.NotNil(t, given.Rows[n].Cells, "the last row")

	short := tbl([]string{"Country", "Partner Institution"}, []string{"France", "Lyon"})
	tr = &tableReader{c: c, t: short, body: 1}
	assert.Nil(t, tr.rowsFreer(short), "a short table is held whole")
}
