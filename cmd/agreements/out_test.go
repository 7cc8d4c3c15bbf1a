package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	goodHTML = "../../fixtures/html-tohoku-university-table/input.html" // 35 records
	badPage  = "../../fixtures/bad-page/input.pdf"                      // 192 of 250: page 3 cannot be read
	scanned  = "../../parser/pdf/testdata/lists/scanned.pdf"            // images only: no records
)

func lines(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return bytes.Count(b, []byte("\n"))
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// TestOutIncompleteKept: a result with a page or an input not read, or no
// records, does not replace an existing --out unless --partial is given.
func TestOutIncompleteKept(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		inputs []string
		want   int // lines written with --partial
	}{
		{"page not read", []string{"--institution", "Tohoku University"}, []string{badPage}, 192},
		{"image-only PDF", nil, []string{scanned}, 0},
		{"one input of two", nil, []string{goodHTML, scanned}, 35},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "last.ndjson")
			require.NoError(t, os.WriteFile(out, []byte("old\n"), 0o644))
			args := append(append([]string{"extract", "--out", out}, tt.args...), tt.inputs...)
			code, _, stderr := runCmd(t, "", args...)
			assert.Equal(t, exitFail, code)
			assert.Contains(t, stderr, out+" not replaced: the result is incomplete")
			assert.Contains(t, stderr, "left unchanged")
			assert.Equal(t, "old\n", readString(t, out))

			code, _, _ = runCmd(t, "", append([]string{"extract", "--partial", "--out", out}, append(tt.args, tt.inputs...)...)...)
			assert.Equal(t, exitFail, code, "an input not read in full still fails the run")
			assert.Equal(t, tt.want, lines(t, out))
		})
	}

	// No records, without an error: an empty list.
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.html")
	require.NoError(t, os.WriteFile(empty, []byte("<html><body><table><tr><th>Country</th><th>Institution</th></tr></table></body></html>"), 0o644))
	out := filepath.Join(dir, "last.ndjson")
	require.NoError(t, os.WriteFile(out, []byte("old\n"), 0o644))
	code, _, stderr := runCmd(t, "", "extract", "--out", out, empty)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr, "the result is incomplete (no records)")
	assert.Equal(t, "old\n", readString(t, out))

	// Complete: replaced.
	code, _, stderr = runCmd(t, "", "extract", "--out", out, goodHTML)
	assert.Equal(t, exitOK, code, stderr)
	assert.Equal(t, 35, lines(t, out))
}

// TestOutTargets: --out through a symlink, onto devices, a private file,
// a read-only file, and an input.
func TestOutTargets(t *testing.T) {
	dir := t.TempDir()

	// A symlink: its target is written, the link kept.
	target := filepath.Join(dir, "records-2025.ndjson")
	require.NoError(t, os.WriteFile(target, []byte("old\n"), 0o600))
	link := filepath.Join(dir, "latest.ndjson")
	require.NoError(t, os.Symlink(filepath.Base(target), link))
	code, _, stderr := runCmd(t, "", "extract", "--out", link, goodHTML)
	assert.Equal(t, exitOK, code, stderr)
	fi, err := os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink, "the link is still a link")
	assert.Equal(t, 35, lines(t, target))
	fi, err = os.Stat(target)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "0600 stays 0600")

	// Devices are written in place, and stay devices.
	code, _, stderr = runCmd(t, "", "extract", "--out", "/dev/null", goodHTML)
	assert.Equal(t, exitOK, code, stderr)
	fi, err = os.Stat("/dev/null")
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeCharDevice)
	if _, err := os.Stat("/dev/full"); err == nil {
		code, _, stderr = runCmd(t, "", "extract", "--out", "/dev/full", goodHTML)
		assert.Equal(t, exitFail, code)
		assert.Contains(t, stderr, "writing /dev/full: no space left on device")
		fi, err = os.Stat("/dev/full")
		require.NoError(t, err)
		assert.NotZero(t, fi.Mode()&os.ModeCharDevice)
	}

	// A read-only file is refused before anything is read, even by root.
	ro := filepath.Join(dir, "frozen.ndjson")
	require.NoError(t, os.WriteFile(ro, []byte("kept\n"), 0o444))
	code, _, stderr = runCmd(t, "", "extract", "--out", ro, goodHTML)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr, ro+": the file is read-only")
	assert.Equal(t, "kept\n", readString(t, ro))

	// An input is never the output, under any name.
	rec := filepath.Join(dir, "records.ndjson")
	code, _, stderr = runCmd(t, "", "extract", "--out", rec, goodHTML)
	require.Equal(t, exitOK, code, stderr)
	recLink := filepath.Join(dir, "records-link.ndjson")
	require.NoError(t, os.Symlink(rec, recLink))
	for _, args := range [][]string{
		{"audit", "--out", rec, rec},
		{"audit", "--out", recLink, rec},
		{"diff", "--out", rec, rec, recLink},
		{"extract", "--out", recLink, goodHTML, rec},
	} {
		before := readString(t, rec)
		code, _, stderr = runCmd(t, "", args...)
		assert.NotEqual(t, exitOK, code, args)
		assert.Contains(t, stderr, "it is also an input of this command", args)
		assert.Equal(t, before, readString(t, rec), args)
	}
	// Standard input redirected from the output file.
	f, err := os.Open(rec)
	require.NoError(t, err)
	defer f.Close()
	var stdout, errb bytes.Buffer
	before := readString(t, rec)
	code = run([]string{"audit", "--out", rec, "-"}, f, &stdout, &errb)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, errb.String(), "it is also an input of this command, which would be overwritten (-, standard input)")
	assert.Equal(t, before, readString(t, rec))

	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.NotContains(t, e.Name(), ".tmp-", "temporary file left behind")
	}
}

// TestOutEveryCommand: every command that writes takes --out, writes the
// same bytes it prints, and keeps a file it would replace with an
// incomplete result.
func TestOutEveryCommand(t *testing.T) {
	dir := t.TempDir()
	rec := filepath.Join(dir, "records.ndjson")
	code, _, stderr := runCmd(t, "", "extract", "--out", rec, goodHTML)
	require.Equal(t, exitOK, code, stderr)
	for _, args := range [][]string{
		{"tables", goodHTML},
		{"raw", goodHTML},
		{"audit", rec},
		{"audit", "--format", "json", goodHTML},
		{"diff", rec, goodHTML},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, stdout, stderr := runCmd(t, "", args...)
			require.Equal(t, exitOK, code, stderr)
			out := filepath.Join(t.TempDir(), "out")
			code, printed, stderr := runCmd(t, "", append([]string{args[0], "--out", out}, args[1:]...)...)
			require.Equal(t, exitOK, code, stderr)
			assert.Empty(t, printed)
			assert.Equal(t, stdout, readString(t, out))
		})
	}

	// An incomplete result keeps the file.
	for _, args := range [][]string{
		{"tables", badPage},
		{"raw", badPage},
		{"audit", rec, filepath.Join(dir, "missing.ndjson")},
	} {
		t.Run("incomplete "+args[0], func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			require.NoError(t, os.WriteFile(out, []byte("old\n"), 0o644))
			code, _, stderr := runCmd(t, "", append([]string{args[0], "--out", out}, args[1:]...)...)
			assert.Equal(t, exitFail, code)
			assert.Contains(t, stderr, "not replaced: the result is incomplete")
			assert.Equal(t, "old\n", readString(t, out))
			code, _, _ = runCmd(t, "", append([]string{args[0], "--partial", "--out", out}, args[1:]...)...)
			assert.Equal(t, exitFail, code)
			assert.NotEqual(t, "old\n", readString(t, out))
		})
	}
}
