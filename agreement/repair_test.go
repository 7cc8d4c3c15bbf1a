package agreement_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
)

// repairTable is the README's table of repairs.
func repairTable(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	s := string(b)
	i := strings.Index(s, "### Repairs")
	require.GreaterOrEqual(t, i, 0, "README has a Repairs section")
	s = s[i+len("### Repairs"):]
	if j := strings.Index(s, "\n#"); j >= 0 {
		s = s[:j]
	}
	return s
}

// Every kind of repair is in the README's table, so users can look up what
// a record's repair means.
func TestEveryRepairKindIsDocumented(t *testing.T) {
	table := repairTable(t)
	for _, k := range agreement.RepairKinds() {
		assert.True(t, strings.Contains(table, "`"+string(k)+":") || strings.Contains(table, "`"+string(k)+"`"),
			"repair kind %q is not in the README's table of repairs", k)
	}
}

// Every repair in every golden record file is of a declared kind.
func TestGoldenRepairsAreDeclared(t *testing.T) {
	files, err := filepath.Glob("../fixtures/*/records.golden.ndjson")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		fh, err := os.Open(f)
		require.NoError(t, err)
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var r agreement.Record
			require.NoError(t, json.Unmarshal(sc.Bytes(), &r), f)
			for _, rep := range r.Repairs {
				k := agreement.ParseRepair(rep).Kind
				assert.True(t, slices.Contains(agreement.RepairKinds(), k), "%s: repair %q is of no declared kind", f, rep)
			}
		}
		require.NoError(t, sc.Err())
		fh.Close()
	}
}

func TestRepairString(t *testing.T) {
	assert.Equal(t, "fill_down:partner", agreement.R(agreement.RepairFillDown, "partner"))
	assert.Equal(t, "joined_split_row", agreement.Repair{Kind: agreement.RepairSplitRow}.String())
	assert.Equal(t, agreement.Repair{Kind: agreement.RepairDate, Detail: "era:H.Y.M.D"}, agreement.ParseRepair("date:era:H.Y.M.D"))
}
