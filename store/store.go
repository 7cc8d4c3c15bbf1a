// Package store keeps yearly snapshots of agreement lists in a database
// (SQLite by default, PostgreSQL for shared feeds) with the history of
// every agreement across them.
//
// A snapshot is one list as published at one time: the records of one
// input, all of one home institution. Snapshots belong to a feed, the pair
// (home institution, source name); the source name tells apart the several
// lists one institution publishes (a university-level and a department-level
// list, say) and is "" by default. Each load compares the new snapshot with
// the feed's latest one by key (agreement.Keys) and renames (diff.Compare),
// and records what changed in agreement_versions, in one transaction.
//
//	st, err := store.Open(ctx, "sqlite:agreements.db") // or "postgres://…"
//	if err != nil { … }
//	defer st.Close()
//	res, err := st.LoadSnapshot(ctx, store.SnapshotInput{File: "list.pdf", Format: "pdf", Records: recs}, store.LoadOptions{})
//
// The schema is created and migrated by Open (see README, "Stores").
package store

import (
	"context"
	"errors"
	"time"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/diff"
)

// Errors a load can return; check with errors.Is.
var (
	// ErrOlder: the snapshot's as-of date is before the feed's latest
	// snapshot's, and LoadOptions.AllowOlder is not set.
	ErrOlder = errors.New("snapshot is older than the latest loaded one")
	// ErrMixedInstitutions: the records of one snapshot name more than
	// one home institution.
	ErrMixedInstitutions = errors.New("records of more than one home institution in one snapshot")
	// ErrBadDSN: the DSN names no engine this package knows.
	ErrBadDSN = errors.New("bad database DSN")
)

// DefaultDSN is the database used when none is given: an SQLite file in the
// working directory.
const DefaultDSN = "agreements.db"

// Store is an open database. It is safe for concurrent use, and several
// processes may load into one database at once (SQLite: WAL and a busy
// timeout; PostgreSQL: an advisory lock per feed).
type Store struct {
	eng engine
}

// Engine names.
const (
	EngineSQLite   = "sqlite"
	EnginePostgres = "postgres"
)

// Open opens (creating and migrating as needed) the database a DSN names:
// a file path or "sqlite:PATH" for SQLite, "postgres://…" or
// "postgresql://…" for PostgreSQL (13 or later).
func Open(ctx context.Context, dsn string) (*Store, error) {
	eng, err := openEngine(ctx, dsn)
	if err != nil {
		return nil, err
	}
	if err := migrate(ctx, eng); err != nil {
		eng.close()
		return nil, err
	}
	return &Store{eng: eng}, nil
}

// Engine returns EngineSQLite or EnginePostgres.
func (s *Store) Engine() string { return s.eng.name() }

// Close closes the database.
func (s *Store) Close() error { return s.eng.close() }

// SnapshotInput is one snapshot to load.
type SnapshotInput struct {
	// HomeInstitution of the snapshot; "" takes it from the records
	// (which must then all name the same one).
	HomeInstitution string
	// SourceName tells apart several lists of one institution; "" by default.
	SourceName string
	// File is the input as given (a path, a URL); Format its format
	// ("pdf", "html", "ndjson", "json", "csv").
	File   string
	Format string
	// SHA256 of the input's bytes (hex); "" takes the records' source
	// sha256 when they share one, else a hash of the records.
	SHA256 string
	// AsOf is the list's as-of date; "" takes the latest of the records'.
	AsOf string
	// ToolVersion is recorded with the snapshot.
	ToolVersion string
	// Records in document order.
	Records []agreement.Record
}

// LoadOptions change how a snapshot is loaded.
type LoadOptions struct {
	// DryRun computes what would change and writes nothing.
	DryRun bool
	// AllowOlder loads a snapshot whose as-of date is before the feed's
	// latest; it is compared with the latest snapshot like any other.
	AllowOlder bool
}

// Snapshot describes one loaded snapshot.
type Snapshot struct {
	ID              int64     `json:"snapshot_id"`
	HomeInstitution string    `json:"home_institution"`
	SourceName      string    `json:"source_name"`
	SourceFile      string    `json:"source_file"`
	SHA256          string    `json:"sha256"`
	Format          string    `json:"format"`
	AsOf            string    `json:"as_of"`
	LoadedAt        time.Time `json:"loaded_at"`
	RecordCount     int       `json:"record_count"`
	ToolVersion     string    `json:"tool_version"`
}

// Counts are the changes a load made (or would make), by kind.
type Counts struct {
	Added      int `json:"added"`
	Removed    int `json:"removed"`
	Changed    int `json:"changed"`
	Renamed    int `json:"renamed"`
	Reappeared int `json:"reappeared"`
	Unchanged  int `json:"unchanged"`
}

// LoadResult says what a load did.
type LoadResult struct {
	// Snapshot is the new snapshot (ID 0 on a dry run), or, when the input
	// was already loaded, the snapshot that holds it.
	Snapshot Snapshot `json:"snapshot"`
	// AlreadyLoaded: the feed already has a snapshot with this SHA256;
	// nothing was written.
	AlreadyLoaded bool `json:"already_loaded"`
	// DryRun: nothing was written.
	DryRun bool `json:"dry_run"`
	// Previous is the feed's latest snapshot before this load (ID 0 when
	// there was none).
	Previous Snapshot `json:"previous"`
	// Counts of the changes; Diff is the comparison with the previous
	// snapshot (nil when already loaded).
	Counts Counts       `json:"counts"`
	Diff   *diff.Result `json:"diff,omitempty"`
}

// LoadSnapshot loads one snapshot in one transaction: either all of it is
// written or nothing. Loading a snapshot whose SHA256 the feed already has
// is a no-op (AlreadyLoaded). A snapshot older than the feed's latest is
// refused with ErrOlder unless opt.AllowOlder.
func (s *Store) LoadSnapshot(ctx context.Context, in SnapshotInput, opt LoadOptions) (LoadResult, error) {
	return loadSnapshot(ctx, s.eng, in, opt)
}

// LatestSnapshot returns a feed's latest snapshot and its records as they
// were loaded (source and repairs included, in document order); ok is
// false when the feed has no snapshot.
func (s *Store) LatestSnapshot(ctx context.Context, homeInstitution, sourceName string) (snap Snapshot, recs []agreement.Record, ok bool, err error) {
	return latestSnapshot(ctx, s.eng, homeInstitution, sourceName)
}

// Snapshots lists every snapshot, oldest first.
func (s *Store) Snapshots(ctx context.Context) ([]Snapshot, error) {
	return listSnapshots(ctx, s.eng)
}

// Version is one row of an agreement's history: its field values in a
// snapshot where they changed.
type Version struct {
	AgreementID int64            `json:"agreement_id"`
	Key         string           `json:"key"`
	SnapshotID  int64            `json:"snapshot_id"`
	AsOf        string           `json:"as_of"`
	SourceFile  string           `json:"source_file"`
	Change      string           `json:"change"` // added, changed, renamed, removed, reappeared
	Record      agreement.Record `json:"record"`
}

// HistoryQuery selects agreements for History: by id or key (any the
// agreement ever had), or by a partner name: a substring of any partner or
// partner_alt the agreement ever had, both folded as the audit folds names
// (case, diacritics, width, spaces and punctuation ignored).
type HistoryQuery struct {
	ID      string
	Partner string
}

// History returns the versions of the agreements a query selects, by
// agreement, oldest first.
func (s *Store) History(ctx context.Context, q HistoryQuery) ([]Version, error) {
	return history(ctx, s.eng, q)
}

// ExportQuery selects the state to export.
type ExportQuery struct {
	// AsOf "" exports every feed's latest snapshot; a date (YYYY, YYYY-MM
	// or YYYY-MM-DD) exports each feed's latest snapshot as of that date.
	AsOf string
}

// Export returns the records of the selected snapshots as they were loaded
// (byte-identical to extract when written with output's writers), feed by
// feed in the order feeds were first loaded, each in document order.
func (s *Store) Export(ctx context.Context, q ExportQuery) ([]agreement.Record, error) {
	return export(ctx, s.eng, q)
}
