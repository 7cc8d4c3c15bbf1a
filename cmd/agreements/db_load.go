//go:build !parsechild && !front

package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/agreements/agreements/normalize"
	"github.com/agreements/agreements/output"
	"github.com/agreements/agreements/output/report"
	"github.com/agreements/agreements/output/workbook"
	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/store"
)

const dbFlagUsage = "the database: a file path or sqlite:PATH (SQLite), or postgres://USER:PASSWORD@HOST:PORT/DBNAME (PostgreSQL) `DSN`"

// load puts each input into the database as one snapshot.
func (e *env) load(args []string) int {
	fs := e.newFlags("load", "load [--db DSN] [--institution NAME] [--source NAME] [--dates ORDER] [--allow-older] [--dry-run] [--format text|json] INPUT...")
	db := fs.String("db", store.DefaultDSN, dbFlagUsage)
	inst := fs.String("institution", "", "the home institution's `NAME` (overrides what the documents say)")
	source := fs.String("source", "", "the `NAME` of the list, to tell apart several lists of one institution")
	dates := fs.String("dates", "", "how the list writes a/b/YYYY dates: `ORDER` month-first (US) or day-first")
	allowOlder := fs.Bool("allow-older", false, "load a snapshot whose as-of date is before the latest loaded one's")
	dryRun := fs.Bool("dry-run", false, "print what would change and write nothing")
	format := fs.String("format", report.FormatText, "report format: text or json")
	inputs, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(inputs) == 0 {
		fmt.Fprintln(e.stderr, "agreements load: no INPUT given")
		fs.Usage()
		return exitUsage
	}
	if *format != report.FormatText && *format != report.FormatJSON {
		fmt.Fprintf(e.stderr, "agreements load: --format %q: want text or json\n", *format)
		return exitUsage
	}
	opt := normalize.Options{Institution: *inst}
	switch *dates {
	case "":
	case "month-first":
		opt.MonthFirst = true
	case "day-first":
		opt.DayFirst = true
	default:
		fmt.Fprintf(e.stderr, "agreements load: --dates %q: want month-first or day-first\n", *dates)
		return exitUsage
	}

	ctx := context.Background()
	dsn := *db
	if path, ok := store.SQLitePath(dsn); ok && *dryRun {
		// A dry run against a database that does not exist yet compares
		// with an empty one, and leaves no file behind.
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			tmp, err := os.MkdirTemp("", "agreements-dry-run-")
			if err != nil {
				fmt.Fprintf(e.stderr, "agreements load: %v\n", err)
				return exitFail
			}
			defer os.RemoveAll(tmp)
			dsn = "sqlite:" + filepath.Join(tmp, "dry-run.db")
		}
	}
	st, err := store.Open(ctx, dsn)
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements load: %v\n", err)
		return exitFail
	}
	defer st.Close()

	type result struct {
		Input string `json:"input"`
		store.LoadResult
	}
	var (
		results []result
		errs    []error
		text    bytes.Buffer
	)
	for _, name := range inputs {
		in, err := e.readSnapshot(name, opt)
		if err != nil {
			errs = append(errs, fmt.Errorf("%w; not loaded", err))
			continue
		}
		in.HomeInstitution = *inst
		in.SourceName = *source
		in.ToolVersion = version
		res, err := st.LoadSnapshot(ctx, in, store.LoadOptions{DryRun: *dryRun, AllowOlder: *allowOlder})
		if err != nil {
			errs = append(errs, fmt.Errorf("%w; not loaded", err))
			continue
		}
		if !*dryRun {
			res.Diff = nil // the report says what a dry run would change; a load gives the counts
		}
		results = append(results, result{Input: name, LoadResult: res})
		if *format == report.FormatText {
			if err := loadText(&text, name, res); err != nil {
				errs = append(errs, err)
			}
		}
	}
	var err2 error
	if *format == report.FormatJSON {
		if results == nil {
			results = []result{}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err2 = enc.Encode(results)
	} else {
		_, err2 = e.stdout.Write(text.Bytes())
	}
	if err2 != nil {
		errs = append(errs, fmt.Errorf("writing the report: %w", err2))
	}
	if err := errors.Join(errs...); err != nil {
		fmt.Fprintf(e.stderr, "agreements load: %v\n", err)
		return exitFail
	}
	return exitOK
}

// feedName names a snapshot's feed for people.
func feedName(s store.Snapshot) string {
	name := s.HomeInstitution
	if name == "" {
		name = "(no home institution)"
	}
	if s.SourceName != "" {
		name += " / " + s.SourceName
	}
	return name
}

func loadText(w io.Writer, name string, res store.LoadResult) error {
	s := res.Snapshot
	asOf := ""
	if s.AsOf != "" {
		asOf = ", as of " + s.AsOf
	}
	c := res.Counts
	counts := fmt.Sprintf("%d added, %d removed, %d changed, %d renamed, %d reappeared, %d unchanged",
		c.Added, c.Removed, c.Changed, c.Renamed, c.Reappeared, c.Unchanged)
	against := "the first snapshot of its list"
	if res.Previous.ID != 0 {
		against = fmt.Sprintf("against snapshot %d", res.Previous.ID)
	}
	var err error
	switch {
	case res.AlreadyLoaded:
		_, err = fmt.Fprintf(w, "%s: already loaded as snapshot %d (%s%s); nothing changed\n", name, s.ID, feedName(s), asOf)
	case res.DryRun:
		if _, err = fmt.Fprintf(w, "%s: dry run, nothing written: %d records of %s%s, %s: %s\n",
			name, s.RecordCount, feedName(s), asOf, against, counts); err == nil && res.Diff != nil {
			err = report.DiffText(w, res.Diff)
		}
	default:
		_, err = fmt.Fprintf(w, "%s: snapshot %d: %d records of %s%s, %s: %s\n",
			name, s.ID, s.RecordCount, feedName(s), asOf, against, counts)
	}
	return err
}

// readSnapshot reads one input (a document or a record file) as a snapshot
// to load. A document read only in part (a page lost) is an error: its
// missing agreements would be recorded as removed.
func (e *env) readSnapshot(name string, opt normalize.Options) (store.SnapshotInput, error) {
	if kind := recordFile(name); kind != "" {
		return readRecordSnapshot(name, kind)
	}
	b, err := e.readInput(name)
	if err != nil {
		return store.SnapshotInput{}, err
	}
	sum := sha256.Sum256(b)
	in := store.SnapshotInput{File: name, SHA256: hex.EncodeToString(sum[:])}
	format := parser.Detect(b)
	if kind := workbook.SniffRecords(b); kind != "" && (format == parser.FormatUnknown || kind == output.FormatXLSX) {
		recs, err := workbook.ReadRecords(bytes.NewReader(b))
		if err != nil {
			return in, &parser.Error{File: name, Err: fmt.Errorf("%s record file: %w", kind, err)}
		}
		in.Format, in.Records = kind, recs
		return in, nil
	}
	res, err := extractBytes(name, b, opt)
	if err != nil {
		return in, err
	}
	in.Format, in.Records = string(format), res.Records
	return in, nil
}

// readRecordSnapshot reads a record file as it goes, digesting its bytes
// as they are read: memory holds its records, not its text, so a file
// larger than an input document may weigh loads too.
func readRecordSnapshot(name, kind string) (store.SnapshotInput, error) {
	in := store.SnapshotInput{File: name, Format: kind}
	f, err := os.Open(name)
	if err != nil {
		return in, &parser.Error{File: name, Err: unwrapPathError(err)}
	}
	defer f.Close()
	h := sha256.New()
	r := io.TeeReader(f, h)
	recs, err := workbook.ReadRecords(r)
	if err == nil {
		_, err = io.Copy(io.Discard, r) // what the reader left unread, digested too
	}
	if err != nil {
		return in, &parser.Error{File: name, Err: fmt.Errorf("%s record file: %w", kind, unwrapPathError(err))}
	}
	in.SHA256, in.Records = hex.EncodeToString(h.Sum(nil)), recs
	return in, nil
}
