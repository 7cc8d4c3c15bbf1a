package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	yearlyOld = "../../fixtures/diff-yearly/old.html"
	yearlyNew = "../../fixtures/diff-yearly/new.html"
)

func TestDBCommandsUsage(t *testing.T) {
	for _, sub := range []string{"load", "history", "export"} {
		code, stdout, _ := runCmd(t, "", sub, "--help")
		assert.Equal(t, exitOK, code, sub)
		assert.Contains(t, stdout, "Usage: agreements "+sub, sub) // help asked for goes to stdout
		code, _, _ = runCmd(t, "", sub, "--no-such-flag")
		assert.Equal(t, exitUsage, code, sub)
	}
	code, _, _ := runCmd(t, "", "load")
	assert.Equal(t, exitUsage, code, "load without INPUT")
	code, _, _ = runCmd(t, "", "history")
	assert.Equal(t, exitUsage, code, "history without --id or --partner")
	code, _, _ = runCmd(t, "", "export", "--format", "yaml")
	assert.Equal(t, exitUsage, code)
	code, _, stderr := runCmd(t, "", "load", "--db", "mysql://x", yearlyOld)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr, "bad database DSN")
}

// TestExportIsExtract: a snapshot loaded from a document exports
// byte-identical to extract, in every record format.
func TestExportIsExtract(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	in := "../../fixtures/tohoku-university-libreoffice/input.pdf"
	inst := []string{"--institution", "Tohoku University"}
	code, _, stderr := runCmd(t, "", append(append([]string{"load", "--db", db}, inst...), in)...)
	require.Equal(t, exitOK, code, stderr)
	for _, format := range []string{"ndjson", "json", "csv"} {
		code, want, stderr := runCmd(t, "", append(append([]string{"extract", "--format", format}, inst...), in)...)
		require.Equal(t, exitOK, code, stderr)
		code, got, stderr := runCmd(t, "", "export", "--db", db, "--format", format)
		require.Equal(t, exitOK, code, stderr)
		assert.Equal(t, want, got, format)
	}
	out := filepath.Join(t.TempDir(), "out.ndjson")
	code, _, stderr = runCmd(t, "", "export", "--db", db, "--out", out)
	require.Equal(t, exitOK, code, stderr)
	_, want, _ := runCmd(t, "", append(append([]string{"extract"}, inst...), in)...)
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, want, string(got))
}

func TestLoadYearly(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")

	// a dry run on a database that does not exist writes nothing
	code, stdout, stderr := runCmd(t, "", "load", "--db", db, "--dry-run", yearlyOld)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "dry run, nothing written: 9 records of Hokuto University, as of 2023-05-01, the first snapshot of its list: 9 added")
	assert.NoFileExists(t, db)

	// an unreadable input changes nothing; the other is loaded
	bad := filepath.Join(t.TempDir(), "bad.pdf")
	require.NoError(t, os.WriteFile(bad, []byte("%PDF-1.4\nnot really"), 0o644))
	code, stdout, stderr = runCmd(t, "", "load", "--db", db, bad, yearlyOld)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr, "bad.pdf")
	assert.Contains(t, stderr, "not loaded")
	assert.Contains(t, stdout, "old.html: snapshot 1: 9 records")

	code, stdout, stderr = runCmd(t, "", "load", "--db", db, "--dry-run", yearlyNew)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "against snapshot 1: 1 added, 1 removed, 2 changed, 2 renamed, 0 reappeared, 4 unchanged")
	assert.Contains(t, stdout, "RENAMED (2)")

	code, stdout, stderr = runCmd(t, "", "load", "--db", db, yearlyNew, yearlyOld)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "new.html: snapshot 2: 9 records of Hokuto University, as of 2024-05-01, against snapshot 1: 1 added, 1 removed, 2 changed, 2 renamed, 0 reappeared, 4 unchanged")
	assert.Contains(t, stdout, "old.html: already loaded as snapshot 1")

	// an older list is refused, unless allowed
	old := filepath.Join(t.TempDir(), "old-copy.ndjson")
	code, recs, _ := runCmd(t, "", "extract", yearlyOld)
	require.Equal(t, exitOK, code)
	require.NoError(t, os.WriteFile(old, []byte(recs), 0o644))
	code, _, stderr = runCmd(t, "", "load", "--db", db, old)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr, "older than the latest loaded one")

	// history, by partner and by id, in text and JSON
	code, stdout, stderr = runCmd(t, "", "history", "--db", db, "--partner", "TALLIN")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "renamed")
	assert.Contains(t, stdout, "partner: Tallin University of Technology → Tallinn University of Technology")
	code, stdout, stderr = runCmd(t, "", "history", "--db", db, "--id", "c0c95b4dcf39a27b", "--format", "json")
	require.Equal(t, exitOK, code, stderr)
	var vs []struct {
		Change string `json:"change"`
		Record struct {
			Signed string `json:"signed"`
		} `json:"record"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &vs))
	require.Len(t, vs, 2)
	assert.Equal(t, "changed", vs[1].Change)
	assert.Equal(t, "2018-11-20", vs[1].Record.Signed)
	code, _, stderr = runCmd(t, "", "history", "--db", db, "--id", "0000000000000000")
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr, "no agreement matches")

	// export as of last year gives last year's list
	_, want, _ := runCmd(t, "", "extract", yearlyOld)
	code, got, stderr := runCmd(t, "", "export", "--db", db, "--as-of", "2023")
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, want, got)

	// json report
	code, stdout, stderr = runCmd(t, "", "load", "--db", db, "--format", "json", yearlyNew)
	require.Equal(t, exitOK, code, stderr)
	assert.True(t, strings.HasPrefix(stdout, "["), stdout)
	assert.Contains(t, stdout, `"already_loaded": true`)
	code, stdout, stderr = runCmd(t, "", "load", "--db", db, "--format", "json", "--dry-run", "--allow-older", old)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, `"dry_run": true`)
	assert.Contains(t, stdout, `"renamed": [`, "a dry run's report has the diff")
}

// TestLoadRecordFiles: the record files the tool writes load like the
// document they were extracted from (and are the same snapshot's content).
func TestLoadRecordFiles(t *testing.T) {
	dir := t.TempDir()
	_, want, _ := runCmd(t, "", "extract", yearlyOld)
	for _, format := range []string{"ndjson", "json", "csv"} {
		db := filepath.Join(dir, format+".db")
		file := filepath.Join(dir, "old."+format)
		code, _, stderr := runCmd(t, "", "extract", "--format", format, "--out", file, yearlyOld)
		require.Equal(t, exitOK, code, stderr)
		code, stdout, stderr := runCmd(t, "", "load", "--db", "sqlite:"+db, file)
		require.Equal(t, exitOK, code, stderr)
		assert.Contains(t, stdout, "snapshot 1: 9 records of Hokuto University", format)
		code, got, stderr := runCmd(t, "", "export", "--db", db)
		require.Equal(t, exitOK, code, stderr)
		assert.Equal(t, want, got, format)
	}
}

// TestLoadRefusesPartlyReadDocument: a document with a page that could not
// be read is not loaded (its missing agreements would show as removed).
func TestLoadRefusesPartlyReadDocument(t *testing.T) {
	db := filepath.Join(t.TempDir(), "a.db")
	code, stdout, stderr := runCmd(t, "", "load", "--db", db, "--institution", "Tohoku University", "../../fixtures/bad-page/input.pdf")
	assert.Equal(t, exitFail, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "page 3")
	assert.Contains(t, stderr, "not loaded")
	code, got, stderr := runCmd(t, "", "export", "--db", db)
	require.Equal(t, exitOK, code, stderr)
	assert.Empty(t, got)
}

func TestReadCommandsNeedADatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	for _, args := range [][]string{{"export", "--db", db}, {"history", "--db", db, "--id", "x"}} {
		code, _, stderr := runCmd(t, "", args...)
		assert.Equal(t, exitFail, code)
		assert.Contains(t, stderr, "no database")
		assert.NoFileExists(t, db)
	}
}

// TestLoadRecordFileAsItGoes: a record file is read as it goes, its
// digest that of its bytes, and a line that is not a record is refused
// with the file and the line, nothing loaded.
func TestLoadRecordFileAsItGoes(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "old.ndjson")
	code, _, stderr := runCmd(t, "", "extract", "--out", file, yearlyOld)
	require.Equal(t, exitOK, code, stderr)
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	sum := sha256.Sum256(b)
	db := filepath.Join(dir, "a.db")
	code, stdout, stderr := runCmd(t, "", "load", "--db", db, "--format", "json", file)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, `"sha256": "`+hex.EncodeToString(sum[:])+`"`)

	bad := filepath.Join(dir, "bad.ndjson")
	lines := strings.SplitAfter(string(b), "\n")
	require.NoError(t, os.WriteFile(bad, []byte(strings.Join(lines[:3], "")+"[1]\n"+strings.Join(lines[3:], "")), 0o644))
	db2 := filepath.Join(dir, "b.db")
	code, stdout, stderr = runCmd(t, "", "load", "--db", db2, bad)
	assert.Equal(t, exitFail, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, bad+": ndjson record file: line 4: not a record file")
	assert.Contains(t, stderr, "not loaded")
}
