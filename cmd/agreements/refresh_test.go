package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/refresh"
	"github.com/agreements/agreements/store"
)

// yearServer serves fixture lists on 127.0.0.1 as a university's site
// would, one "year" at a time: conditional requests (ETag, and
// Last-Modified where set), a redirect, an index page whose link changes
// name between years, a 404, 500s that recover, a stall, a body over the
// cap, and a PDF said to be HTML.
type yearServer struct {
	srv *httptest.Server

	mu        sync.Mutex
	year      int
	files     map[string]map[int][]byte // path → year → body; year 0 for every year
	types     map[string]string         // Content-Type by path
	modified  map[string]bool           // paths that send Last-Modified, not ETag
	failures  map[string]int            // path → 500s still to answer
	requests  map[string]int
	answers   map[int]int // status → count
	inFlight  int
	most      int
	agents    map[string]bool
	stallDone chan struct{}
}

func newYearServer(t *testing.T) *yearServer {
	s := &yearServer{
		year: 1, files: map[string]map[int][]byte{}, types: map[string]string{}, modified: map[string]bool{},
		failures: map[string]int{}, requests: map[string]int{}, answers: map[int]int{}, agents: map[string]bool{},
		stallDone: make(chan struct{}),
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(func() {
		close(s.stallDone)
		s.srv.Close()
	})
	return s
}

func (s *yearServer) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.inFlight++
	s.most = max(s.most, s.inFlight)
	s.requests[r.URL.Path]++
	s.agents[r.Header.Get("User-Agent")] = true
	year := s.year
	s.mu.Unlock()
	status := http.StatusOK
	defer func() {
		s.mu.Lock()
		s.inFlight--
		s.answers[status]++
		s.mu.Unlock()
	}()

	switch r.URL.Path {
	case "/stall":
		select {
		case <-r.Context().Done():
		case <-s.stallDone:
		}
		return
	case "/huge.pdf":
		body := "%PDF-1.4\n" + strings.Repeat("0", 3<<20)
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		fmt.Fprint(w, body)
		return
	case "/old/nagoya.html":
		status = http.StatusMovedPermanently
		http.Redirect(w, r, "/international/nagoya.html", status)
		return
	}
	s.mu.Lock()
	if s.failures[r.URL.Path] > 0 {
		s.failures[r.URL.Path]--
		s.mu.Unlock()
		status = http.StatusInternalServerError
		http.Error(w, "try again", status)
		return
	}
	body, ok := s.files[r.URL.Path][year]
	if !ok {
		body, ok = s.files[r.URL.Path][0]
	}
	ctype, lastMod := s.types[r.URL.Path], s.modified[r.URL.Path]
	s.mu.Unlock()
	if !ok {
		status = http.StatusNotFound
		http.NotFound(w, r)
		return
	}
	sum := sha256.Sum256(body)
	if lastMod {
		stamp := fmt.Sprintf("Mon, 0%d Jun 2025 10:00:00 GMT", year)
		if r.Header.Get("If-Modified-Since") == stamp {
			status = http.StatusNotModified
			w.WriteHeader(status)
			return
		}
		w.Header().Set("Last-Modified", stamp)
	} else {
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		if r.Header.Get("If-None-Match") == etag {
			status = http.StatusNotModified
			w.WriteHeader(status)
			return
		}
		w.Header().Set("ETag", etag)
	}
	if ctype != "" {
		w.Header().Set("Content-Type", ctype)
	}
	w.Write(body)
}

func (s *yearServer) put(path string, year int, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.files[path] == nil {
		s.files[path] = map[int][]byte{}
	}
	s.files[path][year] = body
}

func (s *yearServer) setYear(y int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.year = y
}

func (s *yearServer) count(status int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.answers[status]
}

func fixture(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("../../fixtures", path))
	require.NoError(t, err)
	return b
}

// edit returns b with each old → new replacement made exactly once.
func edit(t *testing.T, b []byte, pairs ...string) []byte {
	t.Helper()
	s := string(b)
	for i := 0; i < len(pairs); i += 2 {
		require.Equal(t, 1, strings.Count(s, pairs[i]), "%q", pairs[i])
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return []byte(s)
}

func readReport(t *testing.T, path string) *refresh.Report {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var rep refresh.Report
	require.NoError(t, json.Unmarshal(b, &rep))
	return &rep
}

func bySource(rep *refresh.Report) map[string]*refresh.SourceReport {
	m := map[string]*refresh.SourceReport{}
	for _, s := range rep.Sources {
		m[s.Name] = s
	}
	return m
}

// index is the page that links the year's university-level list.
func index(year int) []byte {
	return fmt.Appendf(nil, `<!DOCTYPE html><html><head><title>International</title></head><body>
<ul><li><a href="/en/about/">About</a></li>
<li><a href="../files/agreements_%d.pdf">List of partner universities (%d)</a></li>
<li><a href="/files/guide.pdf">Exchange guide</a></li></ul></body></html>`, 2023+year, 2023+year)
}

// TestRefreshTwoYears refreshes five lists a "year" apart: the store then
// holds for each list the same differences `agreements diff` gives for the
// pair; a third run with nothing changed loads nothing.
func TestRefreshTwoYears(t *testing.T) {
	s := newYearServer(t)
	yearly := map[string][2][]byte{
		// The yearly diff fixture: added, removed, re-dated, re-flagged and renamed agreements.
		"yearly": {fixture(t, "diff-yearly/old.html"), fixture(t, "diff-yearly/new.html")},
		// A PDF whose file name changes every year, found through the index page.
		"tohoku-pdf": {fixture(t, "tohoku-university-libreoffice/input.pdf"), fixture(t, "tohoku-university-chromium/input.pdf")},
		// Shift_JIS behind a redirect: one agreement re-dated.
		"nagoya": {fixture(t, "html-nagoya-sjis/input.html"), edit(t, fixture(t, "html-nagoya-sjis/input.html"), "H26.4.1", "H27.4.1")},
		// A list behind a server that fails twice first (Last-Modified only): one re-dated, one respelled.
		"tohoku-list": {fixture(t, "html-tohoku-university-list/input.html"), edit(t, fixture(t, "html-tohoku-university-list/input.html"),
			"(August 5, 1983)", "(August 5, 1993)", "Shanghai Jiao Tong University", "Shanghai Jiaotong University")},
	}
	s.put("/lists/yearly.html", 1, yearly["yearly"][0])
	s.put("/lists/yearly.html", 2, yearly["yearly"][1])
	s.types["/lists/yearly.html"] = "application/octet-stream" // the bytes decide
	s.put("/intl/index.html", 1, index(1))
	s.put("/intl/index.html", 2, index(2))
	s.put("/files/agreements_2024.pdf", 0, yearly["tohoku-pdf"][0])
	s.put("/files/agreements_2025.pdf", 0, yearly["tohoku-pdf"][1])
	s.types["/files/agreements_2025.pdf"] = "text/html; charset=utf-8" // wrong: the bytes decide
	s.put("/international/nagoya.html", 1, yearly["nagoya"][0])
	s.put("/international/nagoya.html", 2, yearly["nagoya"][1])
	s.put("/tohoku/list.html", 1, yearly["tohoku-list"][0])
	s.put("/tohoku/list.html", 2, yearly["tohoku-list"][1])
	s.modified["/tohoku/list.html"] = true
	s.failures["/tohoku/list.html"] = 2

	dir := t.TempDir()
	src := filepath.Join(dir, "sources.toml")
	require.NoError(t, os.WriteFile(src, fmt.Appendf(nil, `
[[source]]
name = "yearly"
url = "%[1]s/lists/yearly.html"
institution = "Example University"

[[source]]
name = "tohoku-pdf"
url = "%[1]s/intl/index.html"
link = 'agreements_\d{4}\.pdf$'
institution = "Tohoku University"

[[source]]
name = "nagoya"
url = "%[1]s/old/nagoya.html"
institution = "Nagoya University"

[[source]]
name = "tohoku-list"
url = "%[1]s/tohoku/list.html"
institution = "Tohoku University"

[[source]]
name = "osaka"
path = "osaka.html"
institution = "Osaka University"
`, s.srv.URL), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "osaka.html"), fixture(t, "html-bilingual-eucjp/input.html"), 0o644))
	db := filepath.Join(dir, "agreements.db")
	cache := filepath.Join(dir, "cache")
	args := func(report string) []string {
		return []string{"refresh", "--db", db, "--cache", cache, "--jobs", "3", "--retry-wait", "1ms", "--report", filepath.Join(dir, report), src}
	}

	// Year 1: every list is new.
	code, stdout, stderr := runCmd(t, "", args("year1.json")...)
	require.Equal(t, exitOK, code, stderr)
	assert.Empty(t, stdout)
	rep := readReport(t, filepath.Join(dir, "year1.json"))
	assert.Equal(t, refresh.Summary{Sources: 5, Loaded: 5}, rep.Summary)
	want1 := map[string]int{"yearly": 9, "tohoku-pdf": 250, "nagoya": 21, "tohoku-list": 35, "osaka": 9}
	for name, n := range want1 {
		sr := bySource(rep)[name]
		require.NotNil(t, sr, name)
		assert.Equal(t, fmt.Sprintf("loaded: +%d (first snapshot)", n), sr.Message, name)
		assert.Contains(t, stderr, name+": loaded: +", name)
	}
	assert.Equal(t, 3, bySource(rep)["tohoku-list"].Fetch.Attempts, "two 500s, then the list")
	assert.Equal(t, s.srv.URL+"/files/agreements_2024.pdf", bySource(rep)["tohoku-pdf"].Fetch.URL)
	assert.Equal(t, "pdf", bySource(rep)["tohoku-pdf"].Format)
	nagoya := bySource(rep)["nagoya"].Fetch
	require.Len(t, nagoya.Redirects, 1)
	assert.Equal(t, s.srv.URL+"/international/nagoya.html", nagoya.FinalURL)

	// Year 2: each list's changes are loaded, and they are what diff says.
	s.setYear(2)
	code, _, stderr = runCmd(t, "", args("year2.json")...)
	require.Equal(t, exitOK, code, stderr)
	rep = readReport(t, filepath.Join(dir, "year2.json"))
	assert.Equal(t, refresh.Summary{Sources: 5, Loaded: 4, Unchanged: 1}, rep.Summary)
	assert.Equal(t, "unchanged", bySource(rep)["osaka"].Message)
	assert.Equal(t, s.srv.URL+"/files/agreements_2025.pdf", bySource(rep)["tohoku-pdf"].Fetch.URL)
	// Served as text/html and application/octet-stream: the bytes decide.
	assert.Equal(t, "pdf", bySource(rep)["tohoku-pdf"].Format)
	assert.Equal(t, "text/html; charset=utf-8", bySource(rep)["tohoku-pdf"].Fetch.ContentType)
	assert.Equal(t, "html", bySource(rep)["yearly"].Format)
	assert.Equal(t, "application/octet-stream", bySource(rep)["yearly"].Fetch.ContentType)
	for name, pair := range yearly {
		sr := bySource(rep)[name]
		require.NotNil(t, sr.Loaded, name)
		want := diffSummary(t, dir, sr.Institution, pair[0], pair[1])
		assert.Equal(t, want.Added, sr.Loaded.Added+sr.Loaded.Reappeared, name)
		assert.Equal(t, want.Removed, sr.Loaded.Removed, name)
		assert.Equal(t, want.Changed, sr.Loaded.Changed, name)
		assert.Equal(t, want.Renamed, sr.Loaded.Renamed, name)
		assert.Equal(t, fmt.Sprintf("loaded: +%d −%d ~%d renamed %d", want.Added, want.Removed, want.Changed, want.Renamed), sr.Message, name)
		assert.Equal(t, want.Added, sr.Diff.Added, name)
		assert.Equal(t, want.Removed, sr.Diff.Removed, name)
		// And what the store recorded in agreement_versions for the snapshot.
		got := versionCounts(t, db, sr.Loaded.ID)
		assert.Equal(t, want.Added, got["added"]+got["reappeared"], name)
		assert.Equal(t, want.Removed, got["removed"], name)
		assert.Equal(t, want.Changed, got["changed"], name)
		assert.Equal(t, want.Renamed, got["renamed"], name)
	}
	assert.Equal(t, "loaded: +1 −1 ~2 renamed 2", bySource(rep)["yearly"].Message)
	assert.Equal(t, "loaded: +0 −0 ~1 renamed 0", bySource(rep)["nagoya"].Message)
	assert.Equal(t, "loaded: +0 −0 ~1 renamed 1", bySource(rep)["tohoku-list"].Message)

	// The store's current state is the second year's lists.
	st, err := store.Open(context.Background(), db)
	require.NoError(t, err)
	snaps, err := st.Snapshots(context.Background())
	require.NoError(t, err)
	assert.Len(t, snaps, 9) // five, then four new ones
	require.NoError(t, st.Close())

	// A third run with nothing changed loads nothing: 304s and the same bodies.
	before := s.count(http.StatusNotModified)
	code, _, stderr = runCmd(t, "", args("year2-again.html")...)
	require.Equal(t, exitOK, code, stderr)
	for _, name := range []string{"yearly", "tohoku-pdf", "nagoya", "tohoku-list", "osaka"} {
		assert.Contains(t, stderr, name+": unchanged\n")
	}
	assert.Contains(t, stderr, "5 sources: 5 unchanged, 0 loaded, 0 held, 0 failed")
	assert.Equal(t, 5, s.count(http.StatusNotModified)-before, "index, list, nagoya, tohoku-list, yearly answered 304")
	st, err = store.Open(context.Background(), db)
	require.NoError(t, err)
	snaps, err = st.Snapshots(context.Background())
	require.NoError(t, err)
	assert.Len(t, snaps, 9)
	require.NoError(t, st.Close())

	// The HTML report is one page with no scripts, linking the cached bodies.
	page, err := os.ReadFile(filepath.Join(dir, "year2-again.html"))
	require.NoError(t, err)
	assert.NotContains(t, string(page), "<script")
	assert.Contains(t, string(page), `id="src-tohoku-pdf"`)
	assert.Contains(t, string(page), `href="cache/bodies/`)

	// Politeness: one request at a time (every list is on 127.0.0.1), and a User-Agent that says who asks.
	s.mu.Lock()
	assert.Equal(t, 1, s.most)
	for ua := range s.agents {
		assert.Contains(t, ua, "agreements/")
	}
	s.mu.Unlock()
}

// versionCounts counts a snapshot's rows in agreement_versions by kind of change.
func versionCounts(t *testing.T, db string, snapshot int64) map[string]int {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	require.NoError(t, err)
	defer conn.Close()
	rows, err := conn.Query("SELECT change, count(*) FROM agreement_versions WHERE snapshot_id = ? GROUP BY change", snapshot)
	require.NoError(t, err)
	defer rows.Close()
	counts := map[string]int{}
	for rows.Next() {
		var change string
		var n int
		require.NoError(t, rows.Scan(&change, &n))
		counts[change] = n
	}
	require.NoError(t, rows.Err())
	return counts
}

// diffSummary runs `agreements diff` on two bodies.
func diffSummary(t *testing.T, dir, institution string, old, cur []byte) (sum struct{ Added, Removed, Changed, Renamed int }) {
	t.Helper()
	d := t.TempDir()
	oldPath, newPath := filepath.Join(d, "old"), filepath.Join(d, "new")
	require.NoError(t, os.WriteFile(oldPath, old, 0o644))
	require.NoError(t, os.WriteFile(newPath, cur, 0o644))
	code, stdout, stderr := runCmd(t, "", "diff", "--format", "json", "--institution", institution, oldPath, newPath)
	require.Equal(t, exitOK, code, stderr)
	var out struct {
		Summary struct{ Added, Removed, Changed, Renamed int } `json:"summary"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	return out.Summary
}

// TestRefreshGuardAndFailures: a list that lost half its rows is held, and
// its previous snapshot stays current until --accept; a list read in part
// is held; sources that fail (404, a stall, a body over the cap, a bad
// file) do not stop the others; the exit status says so.
func TestRefreshGuardAndFailures(t *testing.T) {
	s := newYearServer(t)
	full := fixture(t, "html-tohoku-university-list/input.html")
	half := halve(t, full)
	s.put("/list.html", 1, full)
	s.put("/list.html", 2, half)
	s.put("/damaged.pdf", 0, fixture(t, "bad-page/input.pdf"))

	dir := t.TempDir()
	src := filepath.Join(dir, "sources.toml")
	require.NoError(t, os.WriteFile(src, fmt.Appendf(nil, `
[[source]]
name = "halved"
url = "%[1]s/list.html"
institution = "Tohoku University"

[[source]]
name = "damaged"
url = "%[1]s/damaged.pdf"
institution = "Tohoku University"

[[source]]
name = "gone"
url = "%[1]s/gone.pdf"
institution = "Tohoku University"

[[source]]
name = "stalled"
url = "%[1]s/stall"
institution = "Tohoku University"

[[source]]
name = "huge"
url = "%[1]s/huge.pdf"
institution = "Tohoku University"

[[source]]
name = "unreadable"
path = "notes.txt"
institution = "Tohoku University"
`, s.srv.URL), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a list\n"), 0o644))
	db := filepath.Join(dir, "agreements.db")
	base := []string{"refresh", "--db", db, "--cache", filepath.Join(dir, "cache"), "--jobs", "4",
		"--timeout", "1s", "--tries", "2", "--retry-wait", "1ms", "--max-size", "2000000"}

	code, _, stderr := runCmd(t, "", append(base, "--report", filepath.Join(dir, "r1.json"), src)...)
	assert.Equal(t, exitFail, code)
	rep := readReport(t, filepath.Join(dir, "r1.json"))
	got := bySource(rep)
	assert.Equal(t, "loaded: +35 (first snapshot)", got["halved"].Message)
	assert.Equal(t, refresh.StatusHeld, got["damaged"].Status)
	assert.Contains(t, got["damaged"].Message, "held: read in part: "+s.srv.URL+"/damaged.pdf: page 3: ")
	assert.NotEmpty(t, got["damaged"].ReadErrors)
	assert.Equal(t, "failed: HTTP 404", got["gone"].Message)
	assert.Equal(t, 1, got["gone"].Fetch.Attempts, "no retry on a 4xx")
	assert.Contains(t, got["stalled"].Message, "failed: "+s.srv.URL+"/stall: no complete answer within 1s")
	assert.Equal(t, 2, got["stalled"].Fetch.Attempts)
	assert.Contains(t, got["huge"].Message, "body too large")
	assert.Equal(t, refresh.StatusHeld, got["unreadable"].Status)
	assert.Contains(t, got["unreadable"].Message, "held: the document could not be read")
	assert.Equal(t, refresh.Summary{Sources: 6, Loaded: 1, Held: 2, Failed: 3}, rep.Summary)
	for _, name := range []string{"halved", "damaged", "gone", "stalled", "huge", "unreadable"} {
		assert.Contains(t, "\n"+stderr, "\n"+name+": ", name)
	}
	// The held body is in the cache.
	_, err := os.Stat(got["damaged"].Fetch.CachePath)
	assert.NoError(t, err)

	// Year 2: the list lost half its rows: held, the first year stays current.
	s.setYear(2)
	code, stderr2 := refreshOnly(t, base, src, "halved", filepath.Join(dir, "r2.json"))
	assert.Equal(t, exitFail, code, stderr2)
	sr := bySource(readReport(t, filepath.Join(dir, "r2.json")))["halved"]
	assert.Equal(t, refresh.StatusHeld, sr.Status)
	assert.Contains(t, stderr2, "halved: held: removes 46% of agreements; audit: 1 error-level finding (declared_total)")
	assert.Contains(t, sr.Reasons, "removes 46% of agreements (16 of 35; more than 20%)")
	assert.Equal(t, 35, latestCount(t, db, "halved"))

	// Held again on the next run, even though the server now answers 304.
	code, stderr2 = refreshOnly(t, base, src, "halved", "")
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr2, "halved: held: removes 46% of agreements; audit: 1 error-level finding (declared_total)")
	assert.Equal(t, 35, latestCount(t, db, "halved"))

	// A person looked: --accept loads it.
	code, stderr2 = refreshOnly(t, append(base, "--accept", "halved"), src, "halved", "")
	assert.Equal(t, exitOK, code, stderr2)
	assert.Contains(t, stderr2, "halved: loaded (accepted): +0 −16 ~0 renamed 0")
	assert.Equal(t, 19, latestCount(t, db, "halved"))

	// Then it is the current snapshot: unchanged.
	code, stderr2 = refreshOnly(t, base, src, "halved", "")
	assert.Equal(t, exitOK, code, stderr2)
	assert.Contains(t, stderr2, "halved: unchanged")
}

func refreshOnly(t *testing.T, base []string, src, name, report string) (int, string) {
	t.Helper()
	args := append(append([]string{}, base...), "--only", name)
	if report != "" {
		args = append(args, "--report", report)
	}
	code, _, stderr := runCmd(t, "", append(args, src)...)
	return code, stderr
}

func latestCount(t *testing.T, db, source string) int {
	t.Helper()
	st, err := store.Open(context.Background(), db)
	require.NoError(t, err)
	defer st.Close()
	_, recs, ok, err := st.LatestSnapshot(context.Background(), "Tohoku University", source)
	require.NoError(t, err)
	require.True(t, ok)
	return len(recs)
}

// halve drops every other list item from the page.
func halve(t *testing.T, b []byte) []byte {
	t.Helper()
	lines := strings.Split(string(b), "\n")
	var out []string
	n := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "<li>* ") {
			n++
			if n%2 == 0 {
				continue
			}
		}
		out = append(out, l)
	}
	require.Greater(t, n, 30)
	return []byte(strings.Join(out, "\n"))
}

func TestRefreshUsage(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "s.toml")
	require.NoError(t, os.WriteFile(src, []byte("[[source]]\nname = \"a\"\npath = \"a.html\"\n"), 0o644))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no sources", []string{"refresh"}, "want one SOURCES file"},
		{"bad file", []string{"refresh", filepath.Join(dir, "missing.toml")}, "missing.toml: no such file"},
		{"unknown only", []string{"refresh", "--only", "b", src}, "--only: " + src + ": no source named b"},
		{"unknown accept", []string{"refresh", "--accept", "c", src}, "--accept: " + src + ": no source named c"},
		{"jobs", []string{"refresh", "--jobs", "0", src}, "must be positive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, "", tt.args...)
			assert.Equal(t, exitUsage, code)
			assert.Contains(t, stderr, tt.want)
		})
	}
	code, stdout, _ := runCmd(t, "", "refresh", "--help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "Usage: agreements refresh") // help asked for goes to stdout
}

// TestRefreshProtectedPDF: the sources file's password opens a protected
// list; a wrong one holds it, naming why.
func TestRefreshProtectedPDF(t *testing.T) {
	s := newYearServer(t)
	conf := &model.Configuration{
		Reader15: true, ValidationMode: model.ValidationRelaxed, Eol: types.EolLF,
		Limits: model.DefaultResourceLimits(), UserPW: "open-sesame", OwnerPW: "owner",
		EncryptUsingAES: true, EncryptKeyLength: 256, Permissions: model.PermissionsPrint,
	}
	var locked bytes.Buffer
	require.NoError(t, api.Encrypt(bytes.NewReader(fixture(t, "tohoku-university-libreoffice/input.pdf")), &locked, conf))
	s.put("/protected.pdf", 0, locked.Bytes())
	s.put("/plain.pdf", 0, fixture(t, "tohoku-university-chromium/input.pdf"))

	dir := t.TempDir()
	src := filepath.Join(dir, "sources.toml")
	require.NoError(t, os.WriteFile(src, fmt.Appendf(nil, `
[[source]]
name = "right"
url = "%[1]s/protected.pdf"
institution = "Tohoku University"
password = "open-sesame"

[[source]]
name = "wrong"
url = "%[1]s/protected.pdf"
institution = "Tohoku University"
password = "guess"

[[source]]
name = "no-longer-protected"
url = "%[1]s/plain.pdf"
institution = "Tohoku University"
password = "open-sesame"
`, s.srv.URL), 0o644))
	code, _, stderr := runCmd(t, "", "refresh", "--db", filepath.Join(dir, "a.db"), "--cache", filepath.Join(dir, "cache"), src)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, stderr, "right: loaded: +250 (first snapshot)")
	assert.Contains(t, stderr, "no-longer-protected: loaded: +250 (first snapshot)")
	assert.Contains(t, stderr, "wrong: held: the document could not be read: "+s.srv.URL+"/protected.pdf: opening the protected PDF")
}

// BenchmarkRefreshFourLists refreshes four fixture lists (two PDFs, two
// HTML pages) served on 127.0.0.1 into a new SQLite store: the cold run
// of a yearly refresh, then the warm one (304s, nothing loaded).
func BenchmarkRefreshFourLists(b *testing.B) {
	files := map[string]string{
		"/univ.pdf":    "tohoku-university-chromium/input.pdf",
		"/dept.pdf":    "ja-department-chromium/input.pdf",
		"/nagoya.html": "html-nagoya-sjis/input.html",
		"/table.html":  "html-tohoku-university-table/input.html",
	}
	mux := http.NewServeMux()
	var conf strings.Builder
	for path, fx := range files {
		body, err := os.ReadFile(filepath.Join("../../fixtures", fx))
		require.NoError(b, err)
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			sum := sha256.Sum256(body)
			etag := `"` + hex.EncodeToString(sum[:8]) + `"`
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Write(body)
		})
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for path := range files {
		fmt.Fprintf(&conf, "[[source]]\nname = %q\nurl = %q\ninstitution = \"Tohoku University\"\n\n", strings.Trim(path, "/"), srv.URL+path)
	}
	dir := b.TempDir()
	src := filepath.Join(dir, "sources.toml")
	require.NoError(b, os.WriteFile(src, []byte(conf.String()), 0o644))

	for _, warm := range []bool{false, true} {
		name := "cold"
		if warm {
			name = "warm"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n++
				runDir := filepath.Join(dir, fmt.Sprintf("%s%d", name, n))
				require.NoError(b, os.MkdirAll(runDir, 0o755))
				args := []string{"refresh", "--db", filepath.Join(runDir, "a.db"), "--cache", filepath.Join(runDir, "cache"), src}
				if warm {
					b.StopTimer()
					var stderr bytes.Buffer
					require.Equal(b, exitOK, run(args, strings.NewReader(""), io.Discard, &stderr), stderr.String())
					b.StartTimer()
				}
				var stdout, stderr bytes.Buffer
				code := run(args, strings.NewReader(""), &stdout, &stderr)
				require.Equal(b, exitOK, code, stderr.String())
			}
		})
	}
}
