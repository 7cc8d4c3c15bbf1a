package normalize

import (
	"fmt"
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
			first := d.Blocks[2].Table
			got, err := Normalize(d, Options{Institution: "Tohoku University", Consume: true})
			require.NoError(t, err)
			assert.Equal(t, want, got)
			assert.Nil(t, d.Blocks, "the blocks are the normaliser's")
			let := 0
			for _, r := range first.Rows {
				if r.Cells == nil {
					let++
				}
			}
			if n < consumeRows {
				assert.Zero(t, let, "a short table is held whole")
				return
			}
			// Let go: the rows whose partner cell is covered (the even ones:
			// the odd ones start the partner's span), up to the two last.
			assert.Equal(t, (n-2)/2, let)
			for k, r := range first.Rows {
				if r.Cells == nil {
					assert.True(t, k > 1 && k%2 == 0 && k < n-1, "row %d let go", k)
				}
			}
		})
	}
}
