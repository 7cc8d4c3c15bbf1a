// Package refresh runs the yearly refresh of a sources file: for each
// list, fetch it, extract its records, audit them, compare them with the
// list's last snapshot in the store and load them, unless the guard holds
// the new snapshot back for a person to look at.
//
// The guard loses nothing: a snapshot is held (its body kept in the cache,
// nothing loaded) when the document could not be read, or only in part;
// when it gave no records; when the audit has an error-level finding; or
// when it would remove more than the source's share (20% by default) of
// the previous snapshot's agreements. Options.Accept loads a held snapshot
// after a person has looked. A body the store already has as the list's
// latest snapshot (the same SHA-256, or a 304) loads nothing.
package refresh

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/audit"
	"github.com/agreements/agreements/diff"
	"github.com/agreements/agreements/fetch"
	"github.com/agreements/agreements/normalize"
	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/sources"
)

// Store keeps snapshots per feed: a home institution and a source name.
type Store interface {
	// Latest returns the feed's latest snapshot, or nil when it has none.
	Latest(ctx context.Context, institution, source string) (*Stored, error)
	// Load loads a snapshot as the feed's latest.
	Load(ctx context.Context, snap Snapshot) (*Loaded, error)
}

// Stored is a snapshot the store holds.
type Stored struct {
	ID      int64
	File    string
	SHA256  string
	AsOf    string
	Records []agreement.Record
}

// Snapshot is a snapshot to load.
type Snapshot struct {
	Institution string
	Source      string
	File        string
	Format      string
	SHA256      string
	ToolVersion string
	Records     []agreement.Record
}

// Loaded is what a load did.
type Loaded struct {
	ID            int64 `json:"snapshot_id"`
	AlreadyLoaded bool  `json:"already_loaded"`
	Added         int   `json:"added"`
	Removed       int   `json:"removed"`
	Changed       int   `json:"changed"`
	Renamed       int   `json:"renamed"`
	Reappeared    int   `json:"reappeared"`
}

// Extractor turns a document's bytes into records; a document read in
// part returns its records and the errors of the pages it lost.
type Extractor func(name string, b []byte, opt normalize.Options) (*agreement.Result, error)

// Options of a run.
type Options struct {
	Client      *fetch.Client
	Store       Store
	Extract     Extractor
	Jobs        int             // sources run at once (default 1)
	Accept      map[string]bool // sources whose held snapshot a person accepted
	ToolVersion string
	// Done is called as each source finishes, one call at a time.
	Done func(*SourceReport)
}

// Status of a source after a run.
type Status string

// Statuses.
const (
	StatusUnchanged Status = "unchanged"
	StatusLoaded    Status = "loaded"
	StatusHeld      Status = "held"
	StatusFailed    Status = "failed"
)

// SourceReport is what happened to one source.
type SourceReport struct {
	Name        string   `json:"name"`
	Location    string   `json:"location"` // the url or path of the sources file
	Institution string   `json:"institution"`
	Status      Status   `json:"status"`
	Message     string   `json:"message"`           // the report line, without the name
	Stage       string   `json:"stage,omitempty"`   // where a failure happened: fetch, read, store
	Reasons     []string `json:"reasons,omitempty"` // why a snapshot was held (or held and accepted)
	Accepted    bool     `json:"accepted,omitempty"`

	Index  *fetch.Response `json:"index,omitempty"` // the index page a link was picked on
	Fetch  *fetch.Response `json:"fetch,omitempty"`
	File   string          `json:"file,omitempty"` // the document, as its records name it
	Format string          `json:"format,omitempty"`

	Records    int      `json:"records"`
	ReadErrors []string `json:"read_errors,omitempty"`

	Audit    *AuditSummary `json:"audit,omitempty"`
	Diff     *diff.Summary `json:"diff,omitempty"`
	Previous *Previous     `json:"previous,omitempty"`
	// RemovedShare is the share of the previous snapshot's agreements the
	// new one removes; MaxRemoved the source's threshold.
	RemovedShare float64 `json:"removed_share"`
	MaxRemoved   float64 `json:"max_removed"`
	Loaded       *Loaded `json:"loaded,omitempty"`

	Seconds float64 `json:"seconds"`
}

// Previous is the list's last snapshot in the store before the run.
type Previous struct {
	ID      int64  `json:"snapshot_id"`
	File    string `json:"file"`
	SHA256  string `json:"sha256"`
	AsOf    string `json:"as_of"`
	Records int    `json:"records"`
}

// AuditSummary is the audit of a new snapshot, in short.
type AuditSummary struct {
	Errors   int            `json:"errors"`
	Warnings int            `json:"warnings"`
	Infos    int            `json:"infos"`
	Findings []AuditFinding `json:"findings"`
}

// AuditFinding is one finding, without its examples.
type AuditFinding struct {
	Check   string      `json:"check"`
	Level   audit.Level `json:"level"`
	Count   int         `json:"count"`
	Message string      `json:"message"`
}

// Summary counts the sources by status.
type Summary struct {
	Sources   int `json:"sources"`
	Unchanged int `json:"unchanged"`
	Loaded    int `json:"loaded"`
	Held      int `json:"held"`
	Failed    int `json:"failed"`
}

// Report is a whole run.
type Report struct {
	SourcesFile string          `json:"sources_file"`
	Database    string          `json:"database"`
	Cache       string          `json:"cache"`
	Started     time.Time       `json:"started"`
	Seconds     float64         `json:"seconds"`
	Summary     Summary         `json:"summary"`
	Sources     []*SourceReport `json:"sources"`
}

// OK reports whether every source was unchanged or loaded.
func (r *Report) OK() bool { return r.Summary.Held == 0 && r.Summary.Failed == 0 }

// Line is the source's report line: "partners: loaded: +2 −3 ~5 renamed 1".
func (s *SourceReport) Line() string { return s.Name + ": " + s.Message }

// Run refreshes srcs, up to opt.Jobs at a time. One source failing never
// stops the others.
func Run(ctx context.Context, srcs []*sources.Source, opt Options) *Report {
	if opt.Jobs < 1 {
		opt.Jobs = 1
	}
	rep := &Report{Started: time.Now().UTC().Truncate(time.Second), Sources: make([]*SourceReport, len(srcs))}
	start := time.Now()
	var wg sync.WaitGroup
	var mu sync.Mutex
	sem := make(chan struct{}, opt.Jobs)
	for i, src := range srcs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			sr := refreshOne(ctx, src, &opt)
			mu.Lock()
			defer mu.Unlock()
			rep.Sources[i] = sr
			if opt.Done != nil {
				opt.Done(sr)
			}
		}()
	}
	wg.Wait()
	rep.Seconds = time.Since(start).Seconds()
	rep.Summary.Sources = len(srcs)
	for _, s := range rep.Sources {
		switch s.Status {
		case StatusUnchanged:
			rep.Summary.Unchanged++
		case StatusLoaded:
			rep.Summary.Loaded++
		case StatusHeld:
			rep.Summary.Held++
		default:
			rep.Summary.Failed++
		}
	}
	return rep
}

func refreshOne(ctx context.Context, src *sources.Source, opt *Options) *SourceReport {
	start := time.Now()
	sr := &SourceReport{Name: src.Name, Location: src.Location(), Institution: src.Institution, MaxRemoved: src.Threshold()}
	refreshSource(ctx, src, opt, sr)
	sr.Seconds = time.Since(start).Seconds()
	return sr
}

func (sr *SourceReport) fail(stage string, err error) {
	sr.Status = StatusFailed
	sr.Stage = stage
	var se *fetch.StatusError
	if errors.As(err, &se) {
		sr.Message = fmt.Sprintf("failed: HTTP %d", se.Status)
		sr.Reasons = []string{err.Error()}
		return
	}
	sr.Message = "failed: " + err.Error()
}

func refreshSource(ctx context.Context, src *sources.Source, opt *Options, sr *SourceReport) {
	resp, err := get(ctx, src, opt.Client, sr)
	if err != nil {
		sr.fail("fetch", err)
		return
	}
	sr.File = resp.FinalURL
	if src.Path != "" {
		sr.File = src.Path
	}
	sr.Format = string(parser.Detect(resp.Body))

	inst := src.Institution
	var prev *Stored
	lookup := func() bool {
		prev, err = opt.Store.Latest(ctx, inst, src.Name)
		if err != nil {
			sr.fail("store", err)
			return false
		}
		if prev != nil {
			sr.Previous = &Previous{ID: prev.ID, File: prev.File, SHA256: prev.SHA256, AsOf: prev.AsOf, Records: len(prev.Records)}
		}
		return true
	}
	unchanged := func() bool {
		if prev == nil || prev.SHA256 != resp.SHA256 {
			return false
		}
		sr.Status = StatusUnchanged
		sr.Message = "unchanged"
		sr.Records = len(prev.Records)
		return true
	}
	if inst != "" {
		if !lookup() || unchanged() {
			return
		}
	}

	body := resp.Body
	// A list that dropped its password is read as it is.
	if src.Password != "" && parser.Detect(body) == parser.FormatPDF && bytes.Contains(body, []byte("/Encrypt")) {
		if body, err = Decrypt(sr.File, body, src.Password); err != nil {
			sr.ReadErrors = []string{err.Error()}
			hold(sr, nil, []string{"the document could not be read: " + err.Error()})
			return
		}
	}
	res, rerr := opt.Extract(sr.File, body, normalize.Options{
		Institution: inst,
		MonthFirst:  src.Dates == "month-first",
		DayFirst:    src.Dates == "day-first",
	})
	if res != nil {
		setLevel(res.Records, src.Level)
		sr.Records = len(res.Records)
	}
	if rerr != nil {
		sr.ReadErrors = errorLines(rerr)
	}
	if inst == "" && res != nil && len(res.Records) > 0 {
		inst = res.Records[0].HomeInstitution
		sr.Institution = inst
		if !lookup() || unchanged() {
			return
		}
	}

	rep := audit.Run([]audit.Input{{Name: sr.File, Result: res, Err: rerr}}, audit.Options{})
	sr.Audit = summarizeAudit(rep)

	var d *diff.Result
	if prev != nil && res != nil {
		d = diff.Compare(prev.File, prev.Records, sr.File, res.Records)
		sr.Diff = &d.Summary
		if d.Summary.Old > 0 {
			sr.RemovedShare = float64(d.Summary.Removed) / float64(d.Summary.Old)
		}
	}

	reasons := guard(sr, res, rerr)
	if len(reasons) > 0 {
		// Nothing can be loaded from a document that gave no records (the
		// store keeps none but real snapshots), accepted or not.
		if res == nil || len(res.Records) == 0 || !opt.Accept[src.Name] {
			hold(sr, res, reasons)
			return
		}
		sr.Accepted = true
		sr.Reasons = reasons
	}

	loaded, err := opt.Store.Load(ctx, Snapshot{
		Institution: inst,
		Source:      src.Name,
		File:        sr.File,
		Format:      sr.Format,
		SHA256:      resp.SHA256,
		ToolVersion: opt.ToolVersion,
		Records:     res.Records,
	})
	if err != nil {
		sr.fail("store", err)
		return
	}
	sr.Loaded = loaded
	sr.Status = StatusLoaded
	sr.Message = loadedMessage(sr, prev, loaded)
}

// get fetches the source's document: from disk, from its url, or through
// the link on its index page.
func get(ctx context.Context, src *sources.Source, c *fetch.Client, sr *SourceReport) (*fetch.Response, error) {
	if src.Path != "" {
		resp, err := c.ReadFile(src.Path)
		sr.Fetch = resp
		return resp, err
	}
	resp, err := c.Get(ctx, src.URL)
	if re := src.LinkPattern(); re != nil && err == nil {
		sr.Index = resp
		target, lerr := fetch.FindLink(resp.FinalURL, resp.Body, resp.ContentType, re)
		if lerr != nil {
			return nil, lerr
		}
		resp, err = c.Get(ctx, target)
	}
	sr.Fetch = resp
	return resp, err
}

// guard returns why the new snapshot must not be loaded without a person
// looking; none when it may be.
func guard(sr *SourceReport, res *agreement.Result, rerr error) []string {
	var reasons []string
	switch {
	case res == nil:
		reasons = append(reasons, "the document could not be read: "+firstLine(rerr))
	case rerr != nil:
		reasons = append(reasons, "read in part: "+firstLine(rerr))
	}
	if res != nil && len(res.Records) == 0 {
		reasons = append(reasons, "no records")
	}
	if sr.Diff != nil && sr.RemovedShare > sr.MaxRemoved {
		reasons = append(reasons, fmt.Sprintf("removes %s of agreements (%d of %d; more than %s)",
			percent(sr.RemovedShare), sr.Diff.Removed, sr.Diff.Old, percent(sr.MaxRemoved)))
	}
	if res != nil && sr.Audit != nil && sr.Audit.Errors > 0 {
		var checks []string
		seen := map[string]bool{}
		for _, f := range sr.Audit.Findings {
			if f.Level == audit.LevelError && !seen[f.Check] {
				seen[f.Check] = true
				checks = append(checks, f.Check)
			}
		}
		reasons = append(reasons, fmt.Sprintf("audit: %d error-level finding%s (%s)", sr.Audit.Errors, plural(sr.Audit.Errors), strings.Join(checks, ", ")))
	}
	return reasons
}

func hold(sr *SourceReport, res *agreement.Result, reasons []string) {
	sr.Status = StatusHeld
	sr.Reasons = reasons
	short := make([]string, len(reasons))
	for i, r := range reasons {
		// "removes 41% of agreements (…)" → "removes 41% of agreements"
		if j := strings.Index(r, " ("); j > 0 && strings.HasPrefix(r, "removes ") {
			r = r[:j]
		}
		short[i] = r
	}
	sr.Message = "held: " + strings.Join(short, "; ")
	_ = res
}

func loadedMessage(sr *SourceReport, prev *Stored, l *Loaded) string {
	var b strings.Builder
	b.WriteString("loaded")
	if sr.Accepted {
		b.WriteString(" (accepted)")
	}
	switch {
	case l.AlreadyLoaded:
		fmt.Fprintf(&b, ": already in the store as snapshot %d", l.ID)
		return b.String()
	case prev == nil:
		fmt.Fprintf(&b, ": +%d (first snapshot)", l.Added)
		return b.String()
	}
	// As in diff, an agreement that reappeared is among the added.
	fmt.Fprintf(&b, ": +%d −%d ~%d renamed %d", l.Added+l.Reappeared, l.Removed, l.Changed, l.Renamed)
	if l.Reappeared > 0 {
		fmt.Fprintf(&b, " (%d reappeared)", l.Reappeared)
	}
	return b.String()
}

// setLevel gives records whose level the normaliser assumed the level the
// sources file says, with the repair level:from_sources, and their id anew.
func setLevel(recs []agreement.Record, level string) {
	if level == "" {
		return
	}
	for i := range recs {
		r := &recs[i]
		for j, rep := range r.Repairs {
			if rep != "level:assumed_university" && rep != "level:assumed_department" {
				continue
			}
			r.Level = level
			r.Repairs[j] = "level:from_sources"
			r.ID = agreement.ComputeID(*r)
			break
		}
	}
}

func summarizeAudit(rep *audit.Report) *AuditSummary {
	s := &AuditSummary{Errors: rep.Summary.Errors, Warnings: rep.Summary.Warnings, Infos: rep.Summary.Infos, Findings: []AuditFinding{}}
	for _, f := range rep.Findings {
		s.Findings = append(s.Findings, AuditFinding{Check: f.Check, Level: f.Level, Count: f.Count, Message: f.Message})
	}
	return s
}

// errorLines splits joined errors into one line each.
func errorLines(err error) []string {
	var lines []string
	for _, l := range strings.Split(err.Error(), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

func firstLine(err error) string {
	if err == nil {
		return ""
	}
	s := err.Error()
	n := strings.Count(s, "\n")
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = fmt.Sprintf("%s (and %d more)", s[:i], n)
	}
	return s
}

func percent(f float64) string {
	return fmt.Sprintf("%.0f%%", f*100)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
