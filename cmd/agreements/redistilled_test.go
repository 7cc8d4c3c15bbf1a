package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/output"
	"github.com/stretchr/testify/require"
)

// TestRedistilledDocuments reads fixture documents written again by the
// tools that rewrite PDFs on their way to a web site (fixtures/redistilled,
// made by fixtures/gen/redistilled.sh): Ghostscript's pdfwrite, qpdf's
// object streams, mutool clean. A rewrite that keeps the text must give
// the source's records, field for field; one that damaged the text must
// say so with the warning its expect file names.
func TestRedistilledDocuments(t *testing.T) {
	dirs, err := filepath.Glob("../../fixtures/redistilled/*/input.pdf")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(dirs), 6, "no documents: run fixtures/gen/redistilled.sh")
	for _, in := range dirs {
		dir := filepath.Dir(in)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			src := filepath.Join("../../fixtures", readTrimmed(t, filepath.Join(dir, "source")))
			args := fixtureArgs(t, src)
			srcIn := filepath.Join(src, "input.pdf")
			want, _ := extractRecords(t, args, srcIn)
			got, stderr := extractRecords(t, args, in)
			expect := readTrimmed(t, filepath.Join(dir, "expect"))
			if said, loud := strings.CutPrefix(expect, "loud "); loud {
				require.Contains(t, stderr, said, "the damage is said:\n%s", stderr)
				return
			}
			require.Equal(t, "same", expect)
			require.NotEmpty(t, want)
			require.Equal(t, len(want), len(got), "records of %s and of its rewrite\n%s", srcIn, stderr)
			for i := range want {
				require.Equal(t, withoutFile(want[i]), withoutFile(got[i]), "record %d", i+1)
			}
		})
	}
}

func readTrimmed(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return strings.TrimSpace(string(b))
}

// fixtureArgs are the extra arguments a fixture directory's document is
// read with: its args file, or its manifest's args.
func fixtureArgs(t *testing.T, dir string) []string {
	t.Helper()
	if b, err := os.ReadFile(filepath.Join(dir, "args")); err == nil {
		return splitArgs(string(b))
	}
	var m struct {
		Args []string `json:"args"`
	}
	if b, err := os.ReadFile(filepath.Join(dir, "manifest.json")); err == nil {
		require.NoError(t, json.Unmarshal(b, &m))
	}
	return m.Args
}

// extractRecords runs extract on in; a run that fails gives no records.
func extractRecords(t *testing.T, args []string, in string) ([]agreement.Record, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	run(append(append([]string{"extract"}, args...), in), strings.NewReader(""), &stdout, &stderr)
	if len(bytes.TrimSpace(stdout.Bytes())) == 0 {
		return nil, stderr.String()
	}
	recs, err := output.ReadRecords(&stdout)
	require.NoError(t, err)
	return recs, stderr.String()
}

// withoutFile is a record without what names its file: its id, the file's
// name and its digest.
func withoutFile(r agreement.Record) agreement.Record {
	r.ID = ""
	r.Source.File, r.Source.SHA256 = "", ""
	return r
}
