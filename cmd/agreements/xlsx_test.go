package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/output"
)

// TestXLSXAgainstTranscription checks every record of both renderings of
// the Tohoku workbook (written by excelize, and saved again by LibreOffice
// Calc) against the transcriptions: the university list on the first
// sheet, the department table on the second.
func TestXLSXAgainstTranscription(t *testing.T) {
	univ := readTSV(t, "../../fixtures/data/tohoku-university.tsv")
	dept := readTSV(t, "../../fixtures/data/tohoku-department.tsv")
	var renderings [][]agreement.Record
	for _, c := range []string{"xlsx-tohoku-excelize", "xlsx-tohoku-libreoffice"} {
		t.Run(c, func(t *testing.T) {
			recs := extractFixture(t, "../../fixtures/"+c)
			require.Len(t, recs, len(univ)+len(dept))
			for i, w := range univ {
				r := recs[i]
				where := fmt.Sprintf("entry %d (%s)", i+1, w["name"])
				assert.Equal(t, w["name"], r.Partner, where)
				assert.Equal(t, w["marker"] == "*", r.FeeWaiver, where)
				assert.Equal(t, isoOfDotted(w["date"]), r.Signed, where) // a date cell, or none
				assert.Equal(t, agreement.LevelUniversity, r.Level, where)
				assert.Equal(t, 1, r.Source.Page, where)
			}
			for i, w := range dept {
				r := recs[len(univ)+i]
				where := fmt.Sprintf("row %d (%s / %s / %s)", i+1, w["partner"], w["partner_unit"], w["home_unit"])
				assert.Equal(t, w["partner"], r.Partner, where)
				assert.Equal(t, w["partner_unit"], r.PartnerUnit, where)
				assert.Equal(t, w["home_unit"], r.HomeUnit, where)
				assert.Equal(t, strings.ReplaceAll(w["year"], "/", "-"), r.Signed, where)
				assert.Equal(t, w["marker_home"] != "" || w["marker_unit"] != "" || w["marker_after_home"] != "", r.FeeWaiver, where)
				assert.Equal(t, agreement.LevelDepartment, r.Level, where)
				assert.Equal(t, "2021-05-01", r.AsOf, where)
				assert.Equal(t, 2, r.Source.Page, where)
			}
			renderings = append(renderings, recs)
		})
	}
	require.Len(t, renderings, 2)
	assert.Equal(t, comparable(renderings[0]), comparable(renderings[1]), "both producers' workbooks give the same records")
}

// TestRecordFilesReadBack: what extract writes in every format is read back
// by audit and diff as a record file, and a snapshot compared with itself
// in another format shows no difference.
func TestRecordFilesReadBack(t *testing.T) {
	dir := t.TempDir()
	in := "../../fixtures/html-tohoku-university-table/input.html"
	for _, format := range []string{"ndjson", "json", "csv", "xlsx"} {
		out := filepath.Join(dir, "records."+format)
		var stdout, stderr bytes.Buffer
		code := run([]string{"extract", "--institution", "Tohoku University", "--format", format, "--out", out, in},
			strings.NewReader(""), &stdout, &stderr)
		require.Equal(t, exitOK, code, stderr.String())
	}
	bom := filepath.Join(dir, "bom.csv")
	var stdout, stderr bytes.Buffer
	code := run([]string{"extract", "--institution", "Tohoku University", "--format", "csv", "--bom", "--out", bom, in},
		strings.NewReader(""), &stdout, &stderr)
	require.Equal(t, exitOK, code, stderr.String())
	b, err := os.ReadFile(bom)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(b, []byte("\xef\xbb\xbfschema,id,")), "a byte order mark first")
	assert.Equal(t, bytes.Count(b, []byte("\n")), bytes.Count(b, []byte("\r\n")), "CRLF line ends")

	base := filepath.Join(dir, "records.ndjson")
	for _, other := range []string{"records.json", "records.csv", "records.xlsx", "bom.csv"} {
		t.Run(other, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run([]string{"diff", "--exit-code", "--format", "json", base, filepath.Join(dir, other)},
				strings.NewReader(""), &stdout, &stderr)
			assert.Equal(t, exitOK, code, "no difference: %s%s", stderr.String(), stdout.String())

			stdout.Reset()
			stderr.Reset()
			code = run([]string{"audit", "--format", "json", filepath.Join(dir, other)}, strings.NewReader(""), &stdout, &stderr)
			assert.Equal(t, exitOK, code, stderr.String())
			assert.Contains(t, stdout.String(), `"records"`)
		})
	}
	recs, err := os.ReadFile(base)
	require.NoError(t, err)
	got, err := output.ReadRecords(bytes.NewReader(recs))
	require.NoError(t, err)
	assert.NotEmpty(t, got)
}

// TestUnreadInputsNamed: an input the tool does not read is named, with
// what is read.
func TestUnreadInputsNamed(t *testing.T) {
	dir := t.TempDir()
	png := filepath.Join(dir, "scan.png")
	require.NoError(t, os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"), 0o644))
	for _, cmd := range [][]string{{"extract", png}, {"audit", png}, {"diff", png, png}} {
		var stdout, stderr bytes.Buffer
		code := run(cmd, strings.NewReader(""), &stdout, &stderr)
		assert.NotEqual(t, exitOK, code, cmd[0])
		assert.Contains(t, stderr.String(), "scan.png: not a document this tool reads: it is an image (.png)", cmd[0])
		assert.Contains(t, stderr.String(), "PDF, HTML and xlsx", cmd[0])
	}
}

// TestExtractRecordFile: extract reads documents; a record file given to
// it is named as one, with the commands that read it.
func TestExtractRecordFile(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"extract", "../../fixtures/diff-yearly/old.ndjson"}, strings.NewReader(""), &stdout, &stderr)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr.String(), "old.ndjson: not a document this tool reads: it is a record file (ndjson), which audit, diff and load read")
}

// TestPagesOnExtractAndAudit: --pages selects PDF pages and workbook
// sheets on extract and audit, with N-end and all; a page beyond the
// document is named as out of range.
func TestPagesOnExtractAndAudit(t *testing.T) {
	pdf := "../../fixtures/tohoku-department-libreoffice/input.pdf"
	book := "../../fixtures/xlsx-tohoku-excelize/input.xlsx"
	extract := func(args ...string) (int, []agreement.Record, string) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"extract"}, args...), strings.NewReader(""), &stdout, &stderr)
		var recs []agreement.Record
		if stdout.Len() > 0 {
			var err error
			recs, err = output.ReadRecords(&stdout)
			require.NoError(t, err)
		}
		return code, recs, stderr.String()
	}
	_, all, _ := extract(pdf)
	_, tail, _ := extract("--pages", "12-end", pdf)
	require.NotEmpty(t, tail)
	want := 0
	for _, r := range all {
		if r.Source.Page >= 12 {
			want++
		}
	}
	// Only pages 12 and 13 are read (a row continued from page 11 starts
	// there, and the legend on page 1 is not seen).
	assert.InDelta(t, want, len(tail), 1, "the records of pages 12 and 13")
	for _, r := range tail {
		assert.GreaterOrEqual(t, r.Source.Page, 12)
	}
	_, every, _ := extract("--pages", "all", pdf)
	assert.Len(t, every, len(all))

	_, dept, _ := extract("--pages", "2", book)
	assert.Len(t, dept, 474, "the department sheet")

	code, _, stderr := extract("--pages", "14-end", pdf)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr, "page out of range: pages 14-end asked for, the document has 13")
	code, _, stderr = extract("--pages", "3", book)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr, "page out of range: sheets 3 asked for, the workbook has 2")

	var stdout, errOut bytes.Buffer
	code = run([]string{"audit", "--format", "json", "--pages", "1", book}, strings.NewReader(""), &stdout, &errOut)
	assert.Equal(t, exitOK, code, errOut.String())
	assert.Contains(t, stdout.String(), `"records": 250`)
}
