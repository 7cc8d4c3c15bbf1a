package html

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/normalize"
)

// records normalises one fixture.
func records(t *testing.T, dir string) []agreement.Record {
	t.Helper()
	b, err := os.ReadFile("../../fixtures/" + dir + "/input.html")
	require.NoError(t, err)
	doc, err := Parse("input.html", b, Options{})
	require.NoError(t, err)
	res, err := normalize.Normalize(doc, normalize.Options{Institution: "Tohoku University"})
	require.NoError(t, err)
	require.Empty(t, res.Unplaced)
	return res.Records
}

// TestTableAndListAgree checks that the same list published as a table
// with merged region and country cells and as lists under region and
// country headings gives the same records. Provenance aside: the source
// differs, and so do the fill_down repairs that say a value came from a
// merged cell.
func TestTableAndListAgree(t *testing.T) {
	table := records(t, "html-tohoku-university-table")
	list := records(t, "html-tohoku-university-list")
	require.NotEmpty(t, list)
	strip := func(rs []agreement.Record) []agreement.Record {
		out := make([]agreement.Record, len(rs))
		for i, r := range rs {
			r.Source = agreement.Source{}
			var repairs []string
			for _, x := range r.Repairs {
				if !strings.HasPrefix(x, "fill_down:") {
					repairs = append(repairs, x)
				}
			}
			r.Repairs = repairs
			out[i] = r
		}
		return out
	}
	assert.Equal(t, strip(list), strip(table))
}
