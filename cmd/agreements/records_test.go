package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRecordFileRefused: audit and diff refuse a record file with text
// that is not a record, naming the file and the line, in plain words.
func TestRecordFileRefused(t *testing.T) {
	dir := t.TempDir()
	rec := filepath.Join(dir, "records.ndjson")
	code, _, stderr := runCmd(t, "", "extract", "--out", rec, goodHTML)
	require.Equal(t, exitOK, code, stderr)
	good := readString(t, rec)
	first := strings.SplitAfter(good, "\n")[0]
	arr := filepath.Join(dir, "records.json")
	code, _, stderr = runCmd(t, "", "extract", "--format", "json", "--out", arr, goodHTML)
	require.Equal(t, exitOK, code, stderr)
	array := readString(t, arr)

	tests := []struct{ name, content, want string }{
		{"trailing garbage", good + "garbage\n", ": ndjson record file: line 36: not a record file"},
		{"garbage after a JSON array", array + "garbage\n", ": json record file: line 38: not a record file (NDJSON, JSON array, or the CSV or xlsx this tool writes): text after the end of the JSON array"},
		{"not a record", good + "[1, 2]\n", ": ndjson record file: line 36: not a record file (NDJSON, JSON array, or the CSV or xlsx this tool writes): an array, where a record (a JSON object) belongs"},
		{"no id", strings.Replace(first, `"id":"`, `"old_id":"`, 1) + good, ": ndjson record file: line 1: not a record file (NDJSON, JSON array, or the CSV or xlsx this tool writes): a record without id"},
		{"no partner", good + strings.Replace(first, `"partner":"`, `"partner_was":"`, 1), ": ndjson record file: line 36: not a record file (NDJSON, JSON array, or the CSV or xlsx this tool writes): a record without partner"},
		{"a long line", good + `{"schema":"agreement/v1","partner":"` + strings.Repeat("x", 20<<20) + "\"}\n", ": ndjson record file: line 36: not a record file (NDJSON, JSON array, or the CSV or xlsx this tool writes): a record of more than 16 MiB"},
	}
	// A record file and a document on standard input read as from a file.
	code, stdout, stderr := runCmd(t, good, "audit", "--format", "json", "-")
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, `"records": 35`)
	html, err := os.ReadFile(goodHTML)
	require.NoError(t, err)
	code, stdout, stderr = runCmd(t, string(html), "audit", "--format", "json", "-")
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, `"records": 35`)

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bad := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".ndjson")
			require.NoError(t, os.WriteFile(bad, []byte(tt.content), 0o644))
			code, _, stderr := runCmd(t, "", "audit", bad)
			assert.Equal(t, exitFail, code)
			assert.Contains(t, stderr, bad+tt.want)
			assert.NotContains(t, stderr, "bufio")
			code, _, stderr = runCmd(t, "", "diff", rec, bad)
			assert.Equal(t, exitTrouble, code)
			assert.Contains(t, stderr, bad+tt.want)
			code, _, stderr = runCmd(t, tt.content, "audit", "-")
			assert.Equal(t, exitFail, code)
			assert.Contains(t, stderr, "-"+tt.want, "standard input")
		})
	}
}

// TestRecordLines: room is made ahead for the records of a file of one
// record a line (its lines counted), not for other layouts.
func TestRecordLines(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name, content string
		want          int
	}{
		{"ndjson", "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\"}\n", 4},
		{"ndjson without a last newline", "{\"id\":\"a\"}\n{\"id\":\"b\"}", 2},
		{"indented objects", "{\n  \"id\": \"a\"\n}\n", 0},
		{"one line only", "{\"id\":\"a\"}", 0},
	} {
		name := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-"))
		require.NoError(t, os.WriteFile(name, []byte(c.content), 0o644))
		f, err := os.Open(name)
		require.NoError(t, err)
		head := make([]byte, 5)
		_, err = f.Read(head) // the offset moved: recordLines counts from the start whatever it
		require.NoError(t, err)
		assert.Equal(t, c.want, recordLines(f, int64(len(c.content)), "ndjson", []byte(c.content)), c.name)
		f.Close()
	}
}
