package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/audit"
)

// auditJSON runs audit --format json with args in fixtures/dir.
func auditJSON(t *testing.T, dir string, args ...string) (*audit.Report, int, string) {
	t.Helper()
	t.Chdir(filepath.Join("..", "..", "fixtures", dir))
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"audit", "--format", "json"}, args...), strings.NewReader(""), &stdout, &stderr)
	var rep audit.Report
	if code != exitUsage && stdout.Len() > 0 {
		require.NoError(t, json.Unmarshal(stdout.Bytes(), &rep), stdout.String())
	}
	return &rep, code, stderr.String()
}

type reconciled struct {
	Level, Unit         string
	Declared, Extracted int
	OK                  bool
}

func figuresRecon(rep *audit.Report) []reconciled {
	var out []reconciled
	for _, r := range rep.Reconciliation {
		if r.From == "figures" {
			out = append(out, reconciled{r.Level, r.Unit, r.Declared, r.Extracted, r.OK})
		}
	}
	return out
}

// TestAuditDeclaredFigures reconciles the list of fixtures/audit-declared-*
// with the totals of a separate figures page (class A12): the English
// "Global Exchange in Numbers" page, the Japanese figures, and a TOML
// figures file; each list matches its figures, and a shorter list does not.
func TestAuditDeclaredFigures(t *testing.T) {
	tests := []struct {
		name, dir, figures, list string
		want                     []reconciled
	}{
		{"en match", "audit-declared-en", "figures.html", "list.html", []reconciled{
			{"university", "institutions", 103, 103, true}, {"university", "countries", 27, 27, true},
			{"department", "institutions", 146, 146, true}, {"department", "countries", 35, 35, true}}},
		{"en mismatch", "audit-declared-en", "figures.html", "list-short.html", []reconciled{
			{"university", "institutions", 103, 100, false}, {"university", "countries", 27, 27, true},
			{"department", "institutions", 146, 146, true}, {"department", "countries", 35, 34, false}}},
		{"en figures file", "audit-declared-en", "figures.toml", "list-short.html", []reconciled{
			{"university", "institutions", 103, 100, false}, {"university", "countries", 27, 27, true},
			{"department", "institutions", 146, 146, true}, {"department", "countries", 35, 34, false}}},
		{"ja match", "audit-declared-ja", "figures.html", "list.html", []reconciled{
			{"university", "institutions", 109, 109, true}, {"university", "countries", 30, 30, true},
			{"department", "institutions", 118, 118, true}, {"department", "countries", 40, 40, true}}},
		{"ja figure lines", "audit-declared-ja", "figures-lines.html", "list.html", []reconciled{
			{"university", "institutions", 109, 109, true}, {"university", "countries", 30, 30, true},
			{"department", "institutions", 118, 118, true}, {"department", "countries", 40, 40, true}}},
		{"ja mismatch", "audit-declared-ja", "figures.html", "list-short.html", []reconciled{
			{"university", "institutions", 109, 109, true}, {"university", "countries", 30, 30, true},
			{"department", "institutions", 118, 117, false}, {"department", "countries", 40, 40, true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, code, stderr := auditJSON(t, tt.dir, "--strict", "--declared", tt.figures, tt.list)
			assert.Empty(t, stderr)
			assert.Equal(t, tt.want, figuresRecon(rep))
			assert.Equal(t, tt.figures, rep.Figures)
			for _, r := range rep.Reconciliation {
				assert.Equal(t, tt.figures, r.File, "a figure's file is the figures page")
			}
			match := true
			for _, r := range tt.want {
				match = match && r.OK
			}
			assert.Equal(t, match, rep.Passed)
			if match {
				assert.Equal(t, exitOK, code)
			} else {
				assert.Equal(t, exitFail, code)
			}
		})
	}
}

func TestAuditDeclaredGolden(t *testing.T) {
	for _, tt := range []struct {
		dir, golden string
		args        []string
	}{
		{"audit-declared-en", "audit.golden.txt", []string{"audit", "--checks", "declared_total", "--declared", "figures.html", "list-short.html"}},
		{"audit-declared-ja", "audit.golden.txt", []string{"audit", "--checks", "declared_total", "--declared", "figures.html", "list-short.html"}},
	} {
		t.Run(tt.dir, func(t *testing.T) {
			t.Chdir(filepath.Join("..", "..", "fixtures", tt.dir))
			var stdout, stderr bytes.Buffer
			code := run(tt.args, strings.NewReader(""), &stdout, &stderr)
			assert.Equal(t, exitOK, code, stderr.String())
			checkGolden(t, tt.golden, stdout.Bytes())
		})
	}
}

func TestAuditDeclaredErrors(t *testing.T) {
	_, code, stderr := auditJSON(t, "audit-declared-en", "--declared", "list.html", "list.html")
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr, "--declared: list.html: no declared total found in the document")

	_, code, stderr = auditJSON(t, "audit-declared-en", "--declared", "lists.py", "list.html")
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr, "--declared: lists.py: figures file:")

	_, code, stderr = auditJSON(t, "audit-declared-en", "--declared", "missing.toml", "list.html")
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr, "missing.toml")
}

func TestAuditChecksFlags(t *testing.T) {
	rep, code, _ := auditJSON(t, "audit-planted", "--checks", "duplicate_id,count_in_name", "list.ndjson")
	assert.Equal(t, exitOK, code)
	var checks []string
	for _, f := range rep.Findings {
		checks = append(checks, f.Check)
	}
	assert.Equal(t, []string{"duplicate_id", "count_in_name"}, checks)

	rep, _, _ = auditJSON(t, "audit-planted", "--skip", "duplicate_id", "list.ndjson")
	for _, f := range rep.Findings {
		assert.NotEqual(t, "duplicate_id", f.Check)
	}
	for _, c := range rep.Checks {
		assert.Equal(t, c.Name == "duplicate_id", c.Skipped, c.Name)
	}

	_, code, stderr := auditJSON(t, "audit-planted", "--checks", "duplicates", "list.ndjson")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "--checks: unknown check duplicates")

	rep, _, _ = auditJSON(t, "audit-planted", "list.ndjson")
	assert.True(t, rep.Passed)
	rep, _, _ = auditJSON(t, "audit-planted", "list.ndjson", "empty.json")
	assert.False(t, rep.Passed)
}
