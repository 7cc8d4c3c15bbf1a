package html

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/parser/parsertest"
)

// update is accepted so that `make golden` can pass -update to every golden
// package; the HTML fixtures' raw.golden files are written by cmd/agreements.
var update = flag.Bool("update", false, "rewrite golden files (raw.golden: see cmd/agreements)")

func fixtureInputs(t testing.TB) []string {
	inputs, err := filepath.Glob("../../fixtures/html-*/input.html")
	require.NoError(t, err)
	require.NotEmpty(t, inputs)
	return inputs
}

// TestGolden checks the raw dump of every HTML fixture against the golden
// file that cmd/agreements' golden test writes (one writer per golden file:
// update it there with -update).
func TestGolden(t *testing.T) {
	for _, in := range fixtureInputs(t) {
		dir := filepath.Dir(in)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			b, err := os.ReadFile(in)
			require.NoError(t, err)
			doc, err := Parse("input.html", b, Options{})
			require.NoError(t, err)
			if *update {
				t.Log("raw.golden is written by cmd/agreements' golden test")
			}
			parsertest.CheckGolden(t, filepath.Join(dir, "raw.golden"), parser.Dump(doc), false)
		})
	}
}

func mustRead(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	require.NoError(tb, err)
	return b
}
