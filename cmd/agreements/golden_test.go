package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser/parsertest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// checkGolden compares got with the golden file at path, or rewrites it
// with -update. On a mismatch it leaves got beside it as path.got.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	parsertest.CheckGolden(t, path, got, *update)
}

// fixtureCase is one fixtures/<case>/ directory with an input document.
type fixtureCase struct {
	name, dir, input string
	args             []string
}

func fixtureCases(t *testing.T) []fixtureCase {
	t.Helper()
	var cases []fixtureCase
	for _, pattern := range []string{"../../fixtures/*/input.pdf", "../../fixtures/*/input.html", "../../fixtures/*/input.xlsx"} {
		matches, err := filepath.Glob(pattern)
		require.NoError(t, err)
		for _, in := range matches {
			dir := filepath.Dir(in)
			c := fixtureCase{name: filepath.Base(dir), dir: dir, input: filepath.Base(in)}
			if b, err := os.ReadFile(filepath.Join(dir, "args")); err == nil {
				c.args = splitArgs(string(b))
			}
			cases = append(cases, c)
		}
	}
	require.NotEmpty(t, cases)
	return cases
}

// TestGolden runs `agreements extract` on every fixture, from inside the
// fixture's directory so source.file is the bare input name, and pins the
// records (and the error output of cases that are meant to fail) and the raw
// dump of what the extractor saw.
func TestGolden(t *testing.T) {
	for _, c := range fixtureCases(t) {
		t.Run(c.name, func(t *testing.T) {
			t.Chdir(c.dir)
			var stdout, stderr bytes.Buffer
			args := append([]string{"extract"}, c.args...)
			args = append(args, c.input)
			code := run(args, strings.NewReader(""), &stdout, &stderr)
			checkGolden(t, "records.golden.ndjson", stdout.Bytes())

			// The raw dump: what the extractor saw, before normalisation.
			var raw, rawErr bytes.Buffer
			rawCode := run([]string{"raw", c.input}, strings.NewReader(""), &raw, &rawErr)
			if raw.Len() > 0 || code == 0 {
				checkGolden(t, "raw.golden", raw.Bytes())
			} else {
				// A document that could not be read has no dump, and no
				// golden file may pretend otherwise.
				_, err := os.Stat("raw.golden")
				assert.True(t, os.IsNotExist(err), "raw.golden exists but raw printed nothing: %s", rawErr.String())
			}
			assert.Equal(t, code, rawCode, "raw and extract agree on failure: %s", rawErr.String())
			if code != 0 || stderr.Len() > 0 {
				checkGolden(t, "stderr.golden", stderr.Bytes())
			} else if _, err := os.Stat("stderr.golden"); err == nil {
				t.Errorf("exit %d with no error output, but stderr.golden expects a failure", code)
			}
		})
	}
}
