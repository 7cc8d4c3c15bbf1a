package main

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNamesQuoted: a file name with a control character in it (a newline,
// an escape sequence, a carriage return) is printed quoted, its controls
// escaped, in every message that names it: an input's error, a warning
// about its read, --out's errors. Other names are printed as given.
func TestNamesQuoted(t *testing.T) {
	dir := t.TempDir()
	copyTo := func(from, name string) string {
		b, err := os.ReadFile(from)
		require.NoError(t, err)
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, b, 0o644))
		return path
	}
	bad := copyTo("../../fixtures/hostile/crash-objstm-self.pdf", "bad\x1b[31m.pdf")
	warned := copyTo("../../fixtures/hostile/crash-xrefstream-W.pdf", "list\nforged: line.pdf")
	checksum := copyTo("../../fixtures/hostile/flate-bad-checksum.pdf", "page\r.pdf")
	plain := copyTo("../../fixtures/hostile/crash-objstm-self.pdf", "plain name (2024).pdf")
	tests := []struct {
		name string
		args []string
		want []string // lines stderr must hold
	}{
		{"input error", []string{"extract", bad},
			[]string{"agreements extract: " + strconv.Quote(bad) + ": malformed document: impossible cross-reference section: object stream 20 is said to be stored in itself"}},
		{"warning", []string{"extract", warned},
			[]string{"agreements extract: warning: " + strconv.Quote(warned) + ": no agreement list found"}},
		{"page error", []string{"extract", checksum},
			[]string{"agreements extract: " + strconv.Quote(checksum) + ": page 1: malformed document: content stream (object 5) damaged: FlateDecode data fails its checksum"}},
		{"missing input", []string{"extract", filepath.Join(dir, "no\nsuch.pdf")},
			[]string{"agreements extract: " + strconv.Quote(filepath.Join(dir, "no\nsuch.pdf")) + ": no such file or directory"}},
		{"--out in a missing directory", []string{"extract", "--out", filepath.Join(dir, "no\ndir", "out.ndjson"), warned},
			[]string{"agreements extract: --out " + strconv.Quote(filepath.Join(dir, "no\ndir", "out.ndjson")) + ": no such file or directory"}},
		{"plain name", []string{"extract", plain},
			[]string{"agreements extract: " + plain + ": malformed document"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, stderr := runCmd(t, "", tt.args...)
			for _, w := range tt.want {
				assert.Contains(t, stderr, w)
			}
			for _, line := range strings.Split(strings.TrimSuffix(stderr, "\n"), "\n") {
				assert.True(t, strings.HasPrefix(line, "agreements "), "every line is the tool's: %q", line)
				assert.NotContains(t, line, "\x1b")
				assert.NotContains(t, line, "\r")
			}
		})
	}
}

// TestChildDeathMessages: a reader that dies is described by what ended
// it; a runtime error is named as a bug to report, its first line kept.
func TestChildDeathMessages(t *testing.T) {
	lim := parseLimits{Memory: 1 << 30}
	tests := []struct{ stderr, want string }{
		{"fatal error: runtime: out of memory\n\ngoroutine 1 [running]:\n", "reading it needed more than the 1024 MiB of memory allowed for its size; stopped"},
		{"runtime: goroutine stack exceeds 67108864-byte limit\nfatal error: stack overflow\n", "its structure nests too deeply to be read"},
		{"panic: runtime error: index out of range [3] with length 3\n\ngoroutine 7 [running]:\nmain.f()\n", "the reader failed on it, a bug to report with the file (panic: runtime error: index out of range [3] with length 3)"},
	}
	for _, tt := range tests {
		err := childDeath(errors.New("exit status 2"), tt.stderr, lim)
		assert.Contains(t, err.Error(), tt.want)
		assert.NotContains(t, err.Error(), "goroutine")
	}
}

// TestReportNamesQuoted: the text reports of audit and diff print a file
// name with a control character quoted: it cannot start a line of its own.
func TestReportNamesQuoted(t *testing.T) {
	dir := t.TempDir()
	rec, err := os.ReadFile("../../fixtures/tohoku-university-libreoffice/records.golden.ndjson")
	require.NoError(t, err)
	name := filepath.Join(dir, "last\nyear.ndjson")
	require.NoError(t, os.WriteFile(name, rec, 0o644))
	_, stdout, _ := runCmd(t, "", "audit", name)
	assert.Contains(t, stdout, "  "+strconv.Quote(name)+": ")
	_, stdout, _ = runCmd(t, "", "diff", name, name)
	assert.Contains(t, stdout, "diff "+strconv.Quote(name)+" → "+strconv.Quote(name)+": ")
}
