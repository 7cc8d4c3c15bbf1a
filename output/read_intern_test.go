package output

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadSharesLists: records read from a file share their equal lists
// of repairs, each list without room to grow, so appending to one record's
// list leaves the others' as read; empty lists stay as read.
func TestReadSharesLists(t *testing.T) {
	line := func(id, repairs string) string {
		return `{"schema":"agreement/v1","id":"` + id + `","partner":"P","flags":[],"repairs":` + repairs + "}\n"
	}
	in := line("0000000000000001", `["date:YYYY.M.D","fill_down:partner"]`) +
		line("0000000000000002", `["date:YYYY.M.D","fill_down:partner"]`) +
		line("0000000000000003", `["date:YYYY.M.D"]`) +
		line("0000000000000004", `null`) +
		line("0000000000000005", `[]`) +
		line("0000000000000006", `["a\u0000b"]`)
	recs, err := ReadRecords(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, recs, 6)
	assert.Same(t, &recs[0].Repairs[0], &recs[1].Repairs[0])
	assert.Equal(t, len(recs[0].Repairs), cap(recs[0].Repairs))
	recs[0].Repairs = append(recs[0].Repairs, "x")
	assert.Equal(t, []string{"date:YYYY.M.D", "fill_down:partner"}, recs[1].Repairs)
	assert.Equal(t, []string{"date:YYYY.M.D"}, recs[2].Repairs)
	assert.Empty(t, recs[3].Repairs)
	assert.NotNil(t, recs[4].Repairs)
	assert.Empty(t, recs[4].Repairs)
	assert.Equal(t, []string{"a\x00b"}, recs[5].Repairs)
}
