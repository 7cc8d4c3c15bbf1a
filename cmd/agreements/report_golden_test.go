package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestReportGolden runs `agreements audit` and `agreements diff` on the
// fixtures/audit-* and fixtures/diff-* cases, from inside the fixture's
// directory so file names in the reports are bare, and pins the reports
// and exit codes.
func TestReportGolden(t *testing.T) {
	tests := []struct {
		dir, golden string
		args        []string
		code        int
	}{
		{"diff-yearly", "diff.golden.txt", []string{"diff", "old.ndjson", "new.ndjson"}, exitOK},
		{"diff-yearly", "diff.golden.json", []string{"diff", "--format", "json", "old.ndjson", "new.ndjson"}, exitOK},
		{"diff-yearly", "diff-html.golden.txt", []string{"diff", "--institution", "Hokuto University", "old.html", "new.html"}, exitOK},
		{"diff-yearly", "diff-html.golden.json", []string{"diff", "--format", "json", "--institution", "Hokuto University", "old.html", "new.html"}, exitOK},
		{"audit-planted", "audit.golden.txt", []string{"audit", "list.ndjson", "empty.json"}, exitOK},
		{"audit-planted", "audit.golden.json", []string{"audit", "--format", "json", "list.ndjson", "empty.json"}, exitOK},
		{"audit-planted", "audit-html.golden.txt", []string{"audit", "--institution", "Hokuto University", "list.html"}, exitOK},
		{"audit-planted", "audit-html.golden.json", []string{"audit", "--format", "json", "--institution", "Hokuto University", "list.html"}, exitOK},
	}
	for _, tt := range tests {
		t.Run(tt.dir+"/"+tt.golden, func(t *testing.T) {
			t.Chdir(filepath.Join("..", "..", "fixtures", tt.dir))
			var stdout, stderr bytes.Buffer
			code := run(tt.args, strings.NewReader(""), &stdout, &stderr)
			assert.Equal(t, tt.code, code, "stderr: %s", stderr.String())
			assert.Empty(t, stderr.String())
			checkGolden(t, tt.golden, stdout.Bytes())
		})
	}
}

// TestReportExitCodes pins --strict, --exit-code and the usage errors.
func TestReportExitCodes(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"audit strict with errors", []string{"audit", "--strict", "list.ndjson", "empty.json"}, exitFail, ""},
		{"audit strict, warnings only", []string{"audit", "--strict", "list.ndjson"}, exitOK, ""},
		{"audit unreadable input", []string{"audit", "list.ndjson", "missing.ndjson"}, exitFail, "missing.ndjson"},
		{"audit no input", []string{"audit"}, exitUsage, "no INPUT"},
		{"audit bad format", []string{"audit", "--format", "xml", "list.ndjson"}, exitUsage, "unknown report format"},
		{"diff exit-code, differences", []string{"diff", "--exit-code", "../diff-yearly/old.ndjson", "../diff-yearly/new.ndjson"}, exitFail, ""},
		{"diff exit-code, none", []string{"diff", "--exit-code", "list.ndjson", "list.ndjson"}, exitOK, ""},
		{"diff without exit-code", []string{"diff", "../diff-yearly/old.ndjson", "../diff-yearly/new.ndjson"}, exitOK, ""},
		{"diff one input", []string{"diff", "list.ndjson"}, exitUsage, "want OLD and NEW"},
		{"diff unreadable", []string{"diff", "list.ndjson", "missing.ndjson"}, exitTrouble, "missing.ndjson"},
		{"diff exit-code, unreadable", []string{"diff", "--exit-code", "list.ndjson", "missing.ndjson"}, exitTrouble, "missing.ndjson"},
		{"diff bad format", []string{"diff", "--format", "csv", "list.ndjson", "list.ndjson"}, exitUsage, "unknown report format"},
	}
	t.Chdir(filepath.Join("..", "..", "fixtures", "audit-planted"))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, strings.NewReader(""), &stdout, &stderr)
			assert.Equal(t, tt.code, code, "stderr: %s", stderr.String())
			if tt.stderr == "" {
				assert.Empty(t, stderr.String())
			} else {
				assert.Contains(t, stderr.String(), tt.stderr)
			}
		})
	}
}
