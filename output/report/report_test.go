package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/audit"
	"github.com/agreements/agreements/diff"
)

func rec(country, code, partner, signed string, row int) agreement.Record {
	r := agreement.Record{Schema: agreement.Schema, HomeInstitution: "Tohoku University", Level: agreement.LevelUniversity,
		Country: country, CountryCode: code, Partner: partner, Signed: signed, AsOf: "2024-05-01",
		Flags: []string{}, Repairs: []string{}, Source: agreement.Source{File: "list.html", Format: "html", Row: row}}
	r.ID = agreement.ComputeID(r)
	return r
}

func sampleAudit() *audit.Report {
	recs := []agreement.Record{
		rec("China", "CN", "Peking University", "2001-05-01", 3),
		rec("China", "CN", "Peking University", "2001-05-01", 4),
		rec("Thailand", "TH", "Chiangmai University", "", 6),
		rec("Thailand", "TH", "Chiang Mai University <script>", "2030", 7),
	}
	res := &agreement.Result{Records: recs,
		Declared: []agreement.Declared{{Level: "university", Scope: "country", Name: "China", Count: 3, Unit: "institutions", Text: "China (3)", Row: 2}},
		Unplaced: []agreement.Unplaced{{Row: 9, Text: "Notes: & more", Reason: "text outside any list entry or heading"}}}
	return audit.Run([]audit.Input{{Name: "list.html", Result: res}}, audit.Options{})
}

func sampleDiff() *diff.Result {
	old := []agreement.Record{rec("China", "CN", "Peking University", "2001", 1), rec("Estonia", "EE", "Tallin University", "2010", 2),
		rec("Chile", "CL", "Universidad de Chile", "2011", 3)}
	cur := []agreement.Record{rec("China", "CN", "Peking University", "2002", 1), rec("Estonia", "EE", "Tallinn University", "2010", 2),
		rec("Italy", "IT", "Università Ca' Foscari Venezia", "2020", 3)}
	return diff.Compare("old.html", old, "new.html", cur)
}

func TestAuditFormats(t *testing.T) {
	rep := sampleAudit()
	for _, format := range []string{FormatText, FormatJSON, FormatHTML} {
		t.Run(format, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, Audit(&b, format, rep))
			out := b.String()
			assert.Contains(t, out, "declared_total")
			assert.Contains(t, out, "near_duplicate_partner")
			if format == FormatHTML {
				assert.NotContains(t, out, "<script>", "names are escaped")
				assert.Contains(t, out, "<svg")
				assert.NotContains(t, out, "http://", "no external assets")
				assert.NotContains(t, out, "https://", "no external assets")
			}
		})
	}
	require.Error(t, Audit(&bytes.Buffer{}, "xml", rep))
}

func TestAuditJSONShape(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Audit(&b, FormatJSON, sampleAudit()))
	var got struct {
		Findings []map[string]any `json:"findings"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &got))
	require.NotEmpty(t, got.Findings)
	for _, f := range got.Findings {
		for _, k := range []string{"check", "level", "count", "message", "examples"} {
			assert.Contains(t, f, k)
		}
		if f["check"] == audit.CheckDeclaredTotal {
			assert.Equal(t, 3.0, f["declared"])
			assert.Equal(t, 1.0, f["extracted"])
		}
	}
	assert.Equal(t, audit.CheckDeclaredTotal, got.Findings[0]["check"])
}

func TestDiffFormats(t *testing.T) {
	d := sampleDiff()
	for _, format := range []string{FormatText, FormatJSON, FormatHTML} {
		t.Run(format, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, Diff(&b, format, d))
			out := b.String()
			assert.Contains(t, out, "Tallinn University")
			assert.Contains(t, out, "Università Ca")
		})
	}
}

func TestDiffJSONShape(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Diff(&b, FormatJSON, sampleDiff()))
	var got map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b.Bytes(), &got))
	for _, k := range []string{"added", "removed", "changed", "renamed", "summary"} {
		assert.Contains(t, got, k)
	}
	var changed []struct {
		ID     string                            `json:"id"`
		Fields map[string]struct{ Old, New any } `json:"fields"`
	}
	require.NoError(t, json.Unmarshal(got["changed"], &changed))
	require.Len(t, changed, 1)
	assert.Equal(t, "2001", changed[0].Fields["signed"].Old)
	assert.Equal(t, "2002", changed[0].Fields["signed"].New)
	var renamed []struct{ Old, New agreement.Record }
	require.NoError(t, json.Unmarshal(got["renamed"], &renamed))
	require.Len(t, renamed, 1)
	assert.Equal(t, "Tallin University", renamed[0].Old.Partner)
}

func TestDiffTextNoDifferences(t *testing.T) {
	s := []agreement.Record{rec("China", "CN", "Peking University", "2001", 1)}
	var b bytes.Buffer
	require.NoError(t, DiffText(&b, diff.Compare("a", s, "b", s)))
	assert.True(t, strings.HasSuffix(b.String(), "no differences\n"))
}

func TestDiffHints(t *testing.T) {
	old := []agreement.Record{rec("China", "CN", "Peking University", "2001", 1), rec("China", "CN", "Fudan University", "2003", 2)}
	cur := make([]agreement.Record, len(old))
	for i, r := range old {
		r.HomeInstitution = ""
		r.ID = agreement.ComputeID(r)
		cur[i] = r
	}
	d := diff.Compare("last.ndjson", old, "list.pdf", cur)
	require.Len(t, d.Hints, 1)
	for _, format := range []string{FormatText, FormatJSON, FormatHTML} {
		var b bytes.Buffer
		require.NoError(t, Diff(&b, format, d))
		assert.Contains(t, b.String(), "same partners under another home_institution", format)
	}
	var b bytes.Buffer
	require.NoError(t, DiffText(&b, d))
	lines := strings.Split(b.String(), "\n")
	assert.True(t, strings.HasPrefix(lines[1], "note: 2 of the 2 removed and 2 added agreements"), "the note comes first: %q", lines[1])
}

func TestDiffTextRenameBy(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, DiffText(&b, sampleDiff()))
	assert.Contains(t, b.String(), `"Tallin University" → "Tallinn University"  (near duplicate)`)
}

func TestYearAxisContinuous(t *testing.T) {
	dated, undated := years([]audit.Count{{Key: "(no date)", Count: 2}, {Key: "1931", Count: 1}, {Key: "1933", Count: 4}, {Key: "1998", Count: 3}})
	assert.Equal(t, 2, undated)
	require.Len(t, dated, 1998-1931+1)
	assert.Equal(t, audit.Count{Key: "1931", Count: 1}, dated[0])
	assert.Equal(t, audit.Count{Key: "1932", Count: 0}, dated[1])
	assert.Equal(t, audit.Count{Key: "1933", Count: 4}, dated[2])
	assert.Equal(t, audit.Count{Key: "1998", Count: 3}, dated[len(dated)-1])

	// a span too long for one bar a year is counted by decade
	dated, _ = years([]audit.Count{{Key: "1850", Count: 1}, {Key: "1857", Count: 1}, {Key: "2024", Count: 2}})
	require.Len(t, dated, 18)
	assert.Equal(t, audit.Count{Key: "1850s", Count: 2}, dated[0])
	assert.Equal(t, audit.Count{Key: "1860s", Count: 0}, dated[1])
	assert.Equal(t, audit.Count{Key: "2020s", Count: 2}, dated[17])

	dated, undated = years([]audit.Count{{Key: "(no date)", Count: 2}})
	assert.Empty(t, dated)
	assert.Equal(t, 2, undated)
}

func TestAuditTextFiguresAndInstitutions(t *testing.T) {
	rep := &audit.Report{Figures: "numbers.html",
		Institutions: []audit.InstitutionSummary{{Name: "Tohoku University", Records: 3, Warnings: 1}},
		Findings:     []audit.Finding{{Check: audit.CheckDateMissing, Level: audit.LevelWarning, Count: 1, Message: "m", Institution: "Tohoku University"}},
		Reconciliation: []audit.Reconciliation{{File: "numbers.html", Row: 3, Level: "university", Scope: "section", Unit: "institutions",
			Declared: 103, Extracted: 103, OK: true, Text: "103 universities", From: "figures"}},
		Checks: []audit.CheckStatus{{CheckInfo: audit.CheckInfo{Name: audit.CheckSchema}, Skipped: true}}}
	var b bytes.Buffer
	require.NoError(t, AuditText(&b, rep))
	out := b.String()
	assert.Contains(t, out, "numbers.html: figures page (declared totals only)")
	assert.Contains(t, out, "institution Tohoku University: 3 records: 0 errors, 1 warning, 0 info")
	assert.Contains(t, out, "date_missing [warning] (Tohoku University) count 1")
	assert.Contains(t, out, "ok       numbers.html r3 (figures page): university section (document) institutions: declared 103, extracted 103")
	assert.Contains(t, out, "SKIPPED\n  schema_invalid")
	b.Reset()
	require.NoError(t, AuditHTML(&b, rep))
	assert.Contains(t, b.String(), "(figures page)")
	assert.Contains(t, b.String(), "skipped")
}
