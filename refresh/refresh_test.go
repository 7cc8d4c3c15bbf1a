package refresh

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/audit"
	"github.com/agreements/agreements/diff"
	"github.com/agreements/agreements/fetch"
)

func TestGuard(t *testing.T) {
	some := &agreement.Result{Records: make([]agreement.Record, 3)}
	tests := []struct {
		name string
		sr   SourceReport
		res  *agreement.Result
		err  error
		want []string
	}{
		{"clean", SourceReport{MaxRemoved: 0.2}, some, nil, nil},
		{"unreadable", SourceReport{MaxRemoved: 0.2}, nil, errors.New("list.pdf: truncated"),
			[]string{"the document could not be read: list.pdf: truncated"}},
		{"partial", SourceReport{MaxRemoved: 0.2}, some, errors.Join(errors.New("list.pdf: page 3: bad"), errors.New("list.pdf: page 5: bad")),
			[]string{"read in part: list.pdf: page 3: bad (and 1 more)"}},
		{"empty", SourceReport{MaxRemoved: 0.2}, &agreement.Result{}, nil, []string{"no records"}},
		{"audit", SourceReport{MaxRemoved: 0.2, Audit: &AuditSummary{Errors: 2, Findings: []AuditFinding{
			{Check: "declared_total", Level: audit.LevelError}, {Check: "declared_total", Level: audit.LevelError},
			{Check: "mojibake", Level: audit.LevelWarning}}}}, some, nil,
			[]string{"audit: 2 error-level findings (declared_total)"}},
		{"removes too many", SourceReport{MaxRemoved: 0.2, RemovedShare: 0.41, Diff: &diff.Summary{Old: 100, Removed: 41}}, some, nil,
			[]string{"removes 41% of agreements (41 of 100; more than 20%)"}},
		{"removes just the share", SourceReport{MaxRemoved: 0.2, RemovedShare: 0.2, Diff: &diff.Summary{Old: 10, Removed: 2}}, some, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, guard(&tt.sr, tt.res, tt.err))
		})
	}
}

func TestHoldAndLoadedMessages(t *testing.T) {
	sr := &SourceReport{}
	hold(sr, nil, []string{"removes 41% of agreements (41 of 100; more than 20%)", "audit: 1 error-level finding (declared_total)"})
	assert.Equal(t, StatusHeld, sr.Status)
	assert.Equal(t, "held: removes 41% of agreements; audit: 1 error-level finding (declared_total)", sr.Message)

	prev := &Stored{ID: 1}
	assert.Equal(t, "loaded: +2 −3 ~5 renamed 1", loadedMessage(&SourceReport{}, prev, &Loaded{Added: 2, Removed: 3, Changed: 5, Renamed: 1}))
	assert.Equal(t, "loaded: +3 −0 ~0 renamed 0 (1 reappeared)", loadedMessage(&SourceReport{}, prev, &Loaded{Added: 2, Reappeared: 1}))
	assert.Equal(t, "loaded: +250 (first snapshot)", loadedMessage(&SourceReport{}, nil, &Loaded{Added: 250}))
	assert.Equal(t, "loaded (accepted): +0 −16 ~0 renamed 0", loadedMessage(&SourceReport{Accepted: true}, prev, &Loaded{Removed: 16}))
	assert.Equal(t, "loaded: already in the store as snapshot 4", loadedMessage(&SourceReport{}, prev, &Loaded{ID: 4, AlreadyLoaded: true}))

	sr = &SourceReport{Name: "gone"}
	sr.fail("fetch", &fetch.StatusError{URL: "http://127.0.0.1/x.pdf", Status: 404})
	assert.Equal(t, "gone: failed: HTTP 404", sr.Line())
	sr.fail("store", errors.New("database is locked"))
	assert.Equal(t, "gone: failed: database is locked", sr.Line())
}

func TestSetLevel(t *testing.T) {
	assumed := agreement.Record{HomeInstitution: "Example University", Level: "university", Partner: "Seoul National University",
		CountryCode: "KR", Repairs: []string{"date:YYYY.M.D", "level:assumed_university"}}
	assumed.ID = agreement.ComputeID(assumed)
	said := agreement.Record{HomeInstitution: "Example University", Level: "university", Partner: "Korea University", CountryCode: "KR", Repairs: []string{}}
	said.ID = agreement.ComputeID(said)
	recs := []agreement.Record{assumed, said}

	setLevel(recs, "")
	assert.Equal(t, "university", recs[0].Level)

	setLevel(recs, "department")
	assert.Equal(t, "department", recs[0].Level)
	assert.Equal(t, []string{"date:YYYY.M.D", "level:from_sources"}, recs[0].Repairs)
	assert.Equal(t, agreement.ComputeID(recs[0]), recs[0].ID)
	assert.NotEqual(t, assumed.ID, recs[0].ID)
	assert.Equal(t, said, recs[1], "a level the document says is kept")
}

func TestWriteHTML(t *testing.T) {
	rep := &Report{SourcesFile: "sources.toml", Database: "agreements.db", Cache: "cache",
		Summary: Summary{Sources: 2, Loaded: 1, Held: 1},
		Sources: []*SourceReport{
			{Name: "partners", Status: StatusLoaded, Message: "loaded: +2 −0 ~1 renamed 0", Institution: "Example <University>",
				Fetch: &fetch.Response{URL: "http://127.0.0.1/a", FinalURL: "http://127.0.0.1/b", Status: 200, SHA256: strings.Repeat("a", 64),
					CachePath: "cache/bodies/aa/" + strings.Repeat("a", 64) + ".html",
					Redirects: []fetch.Hop{{URL: "http://127.0.0.1/a", Status: 301, Location: "http://127.0.0.1/b"}}},
				Diff: &diff.Summary{Old: 10, New: 12, Added: 2, Changed: 1}, MaxRemoved: 0.2,
				Loaded: &Loaded{ID: 3, Added: 2, Changed: 1}},
			{Name: "halved", Status: StatusHeld, Message: "held: removes 46% of agreements", Reasons: []string{"removes 46% of agreements (16 of 35; more than 20%)"},
				Audit: &AuditSummary{Errors: 1, Findings: []AuditFinding{{Check: "declared_total", Level: audit.LevelError, Count: 16, Message: "the list declares 35"}}}},
		}}
	var buf bytes.Buffer
	require.NoError(t, WriteHTML(&buf, rep, "."))
	page := buf.String()
	assert.True(t, strings.HasPrefix(page, "<!DOCTYPE html>"))
	assert.NotContains(t, page, "<script")
	assert.Contains(t, page, "Example &lt;University&gt;")
	assert.Contains(t, page, `href="cache/bodies/aa/`+strings.Repeat("a", 64)+`.html"`)
	assert.Contains(t, page, "HTTP 301")
	assert.Contains(t, page, "removes 46% of agreements (16 of 35; more than 20%)")
	assert.Contains(t, page, `<span class="badge held">held</span>`)
	assert.Contains(t, page, "Snapshot 3: 2 added")
}
