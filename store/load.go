package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/diff"
	"github.com/agreements/agreements/output"
)

// ErrNoRecords: a snapshot must hold at least one record (an input that
// gave none is more likely a reading failure than an empty list).
var ErrNoRecords = errors.New("no records to load")

// Kinds of change recorded in agreement_versions.change.
const (
	ChangeAdded      = "added"
	ChangeChanged    = "changed"
	ChangeRenamed    = "renamed"
	ChangeRemoved    = "removed"
	ChangeReappeared = "reappeared"
)

const snapshotColumns = "snapshot_id, home_institution, source_name, source_file, sha256, format, as_of, loaded_at, record_count, tool_version"

// feedLock names a feed for the PostgreSQL advisory lock.
func feedLock(home, source string) string { return "agreements:feed:" + home + "\x1f" + source }

// snapshotFacts fills in what the input leaves to the records: home
// institution, sha256, as-of date.
func snapshotFacts(in SnapshotInput) (Snapshot, error) {
	if len(in.Records) == 0 {
		return Snapshot{}, fmt.Errorf("%s: %w", in.File, ErrNoRecords)
	}
	home := in.HomeInstitution
	if home == "" {
		home = in.Records[0].HomeInstitution
	}
	asOf := in.AsOf
	sha := in.SHA256
	uniformSHA := in.Records[0].Source.SHA256
	for i := range in.Records {
		r := &in.Records[i]
		if r.HomeInstitution != home {
			return Snapshot{}, fmt.Errorf("%s: record %d (page %d, row %d): home institution %q, not %q: %w",
				in.File, i+1, r.Source.Page, r.Source.Row, r.HomeInstitution, home, ErrMixedInstitutions)
		}
		if in.AsOf == "" && r.AsOf > asOf {
			asOf = r.AsOf
		}
		if r.Source.SHA256 != uniformSHA {
			uniformSHA = ""
		}
	}
	if sha == "" {
		sha = uniformSHA
	}
	if sha == "" {
		h := sha256.New()
		for _, r := range in.Records {
			b, err := output.Marshal(r)
			if err != nil {
				return Snapshot{}, fmt.Errorf("%s: %w", in.File, err)
			}
			h.Write(b)
			h.Write([]byte{'\n'})
		}
		sha = hex.EncodeToString(h.Sum(nil))
	}
	return Snapshot{
		HomeInstitution: home,
		SourceName:      in.SourceName,
		SourceFile:      in.File,
		SHA256:          sha,
		Format:          in.Format,
		AsOf:            asOf,
		LoadedAt:        time.Now().UTC().Truncate(time.Microsecond),
		RecordCount:     len(in.Records),
		ToolVersion:     in.ToolVersion,
	}, nil
}

// olderThan reports whether date a is before date b, compared at the
// precision both have ("2023" is not before "2023-05-01"); an empty date is
// never older.
func olderThan(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	n := min(len(a), len(b))
	return a[:n] < b[:n]
}

func loadSnapshot(ctx context.Context, eng engine, in SnapshotInput, opt LoadOptions) (LoadResult, error) {
	snap, err := snapshotFacts(in)
	if err != nil {
		return LoadResult{}, err
	}
	res := LoadResult{Snapshot: snap, DryRun: opt.DryRun}
	err = inTx(ctx, eng, !opt.DryRun, feedLock(snap.HomeInstitution, snap.SourceName), func(tx txn) error {
		var existing Snapshot
		ok, err := queryRow(ctx, tx, "SELECT "+snapshotColumns+" FROM snapshots WHERE home_institution = ? AND source_name = ? AND sha256 = ?",
			[]any{snap.HomeInstitution, snap.SourceName, snap.SHA256}, scanFields(&existing)...)
		if err != nil {
			return err
		}
		if ok {
			res.AlreadyLoaded = true
			res.Snapshot = existing
			return nil
		}
		prev, prevRecs, hasPrev, err := latestIn(ctx, tx, snap.HomeInstitution, snap.SourceName)
		if err != nil {
			return err
		}
		if hasPrev {
			res.Previous = prev.Snapshot
			if !opt.AllowOlder && olderThan(snap.AsOf, prev.AsOf) {
				return fmt.Errorf("%s: as of %s, before snapshot %d (%s, as of %s): %w",
					in.File, snap.AsOf, prev.ID, prev.SourceFile, prev.AsOf, ErrOlder)
			}
		}
		p, err := makePlan(ctx, tx, snap, prev, prevRecs, in.Records)
		if err != nil {
			return err
		}
		res.Diff = p.diff
		res.Counts = p.counts
		if opt.DryRun {
			return nil
		}
		id, err := p.write(ctx, tx, snap)
		res.Snapshot.ID = id
		return err
	})
	if err != nil {
		return LoadResult{}, err
	}
	return res, nil
}

// scanFields returns the destinations of a Snapshot's columns.
func scanFields(s *Snapshot) []any {
	return []any{&s.ID, &s.HomeInstitution, &s.SourceName, &s.SourceFile, &s.SHA256, &s.Format, &s.AsOf, &s.LoadedAt, &s.RecordCount, &s.ToolVersion}
}

// storedSnapshot is a snapshot with the agreement and key of each of its
// records, position for position.
type storedSnapshot struct {
	Snapshot
	agreementIDs []int64
	keys         []string
}

// latestIn returns a feed's latest snapshot and its records.
func latestIn(ctx context.Context, tx txn, home, source string) (storedSnapshot, []agreement.Record, bool, error) {
	var s storedSnapshot
	ok, err := queryRow(ctx, tx, "SELECT "+snapshotColumns+" FROM snapshots WHERE home_institution = ? AND source_name = ? ORDER BY snapshot_id DESC LIMIT 1",
		[]any{home, source}, scanFields(&s.Snapshot)...)
	if err != nil || !ok {
		return s, nil, false, err
	}
	recs, err := snapshotRecords(ctx, tx, &s)
	return s, recs, true, err
}

// snapshotRecords reads the records of snapshot s.ID in document order,
// filling s's agreement ids and keys.
func snapshotRecords(ctx context.Context, tx txn, s *storedSnapshot) ([]agreement.Record, error) {
	recs := make([]agreement.Record, 0, s.RecordCount)
	s.agreementIDs = make([]int64, 0, s.RecordCount)
	s.keys = make([]string, 0, s.RecordCount)
	err := tx.query(ctx, "SELECT agreement_id, key, record FROM snapshot_records WHERE snapshot_id = ? ORDER BY position",
		[]any{s.ID}, func(scan func(...any) error) error {
			var (
				aid  int64
				key  string
				text string
				r    agreement.Record
			)
			if err := scan(&aid, &key, &text); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(text), &r); err != nil {
				return fmt.Errorf("snapshot %d, record %d: %w", s.ID, len(recs)+1, err)
			}
			if r.Flags == nil {
				r.Flags = []string{}
			}
			if r.Repairs == nil {
				r.Repairs = []string{}
			}
			recs = append(recs, r)
			s.agreementIDs = append(s.agreementIDs, aid)
			s.keys = append(s.keys, key)
			return nil
		})
	return recs, err
}

// plan is what one load writes.
type plan struct {
	diff   *diff.Result
	counts Counts
	recs   []agreement.Record
	keys   []string
	change []string // per new record: its change, "" when unchanged
	agrID  []int64  // per new record: its agreement, 0 when new
	// removed old records, with their agreements and keys
	removed     []agreement.Record
	removedID   []int64
	removedKeys []string
}

type sourceKey struct {
	id, file  string
	page, row int
}

func srcKey(r *agreement.Record) sourceKey {
	return sourceKey{r.ID, r.Source.File, r.Source.Page, r.Source.Row}
}

// indexBySource maps each record's (id, source) to its indices, in key
// order, so that the records the diff reports can be found again.
func indexBySource(recs []agreement.Record, order []int) map[sourceKey][]int {
	m := make(map[sourceKey][]int, len(recs))
	for _, i := range order {
		k := srcKey(&recs[i])
		m[k] = append(m[k], i)
	}
	return m
}

func take(m map[sourceKey][]int, k sourceKey) (int, bool) {
	q := m[k]
	if len(q) == 0 {
		return 0, false
	}
	m[k] = q[1:]
	return q[0], true
}

// makePlan compares the new records with the previous snapshot's. Records
// are matched by key (agreement.Keys), which is the diff's own matching
// (the k-th occurrence of an id with the k-th) once both sides are in key
// order; the diff says which matched records changed and which removed and
// added ones are renames. An added record whose key belongs to an
// agreement that disappeared earlier has reappeared.
func makePlan(ctx context.Context, tx txn, snap Snapshot, prev storedSnapshot, old, recs []agreement.Record) (*plan, error) {
	keys := agreement.Keys(recs)
	order := agreement.KeyOrder(recs)
	oldOrder := agreement.KeyOrder(old)
	d := diff.Compare(prev.SourceFile, inOrder(old, oldOrder), snap.SourceFile, inOrder(recs, order))

	p := &plan{diff: d, recs: recs, keys: keys,
		change: make([]string, len(recs)), agrID: make([]int64, len(recs))}
	oldByKey := make(map[string]int, len(old))
	for j, k := range prev.keys {
		oldByKey[k] = j
	}
	oldUsed := make([]bool, len(old))
	newUsed := make([]bool, len(recs))
	for i, k := range keys {
		if j, ok := oldByKey[k]; ok {
			p.agrID[i] = prev.agreementIDs[j]
			oldUsed[j], newUsed[i] = true, true
		}
	}
	oldIdx := indexBySource(old, oldOrder)
	newIdx := indexBySource(recs, order)
	for _, c := range d.Changed {
		i, ok := take(newIdx, sourceKey{c.ID, c.New.File, c.New.Page, c.New.Row})
		if !ok || !newUsed[i] {
			return nil, fmt.Errorf("changed agreement %s (row %d) not found among the matched records", c.ID, c.New.Row)
		}
		p.change[i] = ChangeChanged
	}
	for _, rn := range d.Renamed {
		j, ok1 := take(oldIdx, srcKey(&rn.Old))
		i, ok2 := take(newIdx, srcKey(&rn.New))
		if !ok1 || !ok2 || oldUsed[j] || newUsed[i] {
			return nil, fmt.Errorf("renamed agreement %s → %s not found among the unmatched records", rn.Old.ID, rn.New.ID)
		}
		p.change[i] = ChangeRenamed
		p.agrID[i] = prev.agreementIDs[j]
		oldUsed[j], newUsed[i] = true, true
	}
	var added []int
	for i := range recs {
		if !newUsed[i] {
			added = append(added, i)
		}
	}
	if len(added) > 0 {
		gone, err := disappeared(ctx, tx, snap.HomeInstitution, snap.SourceName)
		if err != nil {
			return nil, err
		}
		for _, i := range added {
			if id, ok := gone[keys[i]]; ok {
				p.change[i] = ChangeReappeared
				p.agrID[i] = id
				p.counts.Reappeared++
			} else {
				p.change[i] = ChangeAdded
				p.counts.Added++
			}
		}
	}
	for _, j := range oldOrder {
		if !oldUsed[j] {
			p.removed = append(p.removed, old[j])
			p.removedID = append(p.removedID, prev.agreementIDs[j])
			p.removedKeys = append(p.removedKeys, prev.keys[j])
		}
	}
	p.counts.Removed = len(p.removed)
	p.counts.Changed = len(d.Changed)
	p.counts.Renamed = len(d.Renamed)
	p.counts.Unchanged = len(recs) - p.counts.Added - p.counts.Reappeared - p.counts.Changed - p.counts.Renamed
	if p.counts.Added+p.counts.Reappeared != len(d.Added) || p.counts.Removed != len(d.Removed) {
		return nil, fmt.Errorf("key matching and diff disagree: %d+%d added and %d removed by key, %d and %d by the diff",
			p.counts.Added, p.counts.Reappeared, p.counts.Removed, len(d.Added), len(d.Removed))
	}
	return p, nil
}

// inOrder returns recs in the given order; recs itself when they are in it
// already (records as extract writes them are in document order).
func inOrder(recs []agreement.Record, order []int) []agreement.Record {
	sorted := true
	for i, j := range order {
		if i != j {
			sorted = false
			break
		}
	}
	if sorted {
		return recs
	}
	out := make([]agreement.Record, len(order))
	for i, j := range order {
		out[i] = recs[j]
	}
	return out
}

// disappeared maps the keys of a feed's agreements that are not in its
// latest snapshot to their agreement (the latest to disappear, when
// several share a key).
func disappeared(ctx context.Context, tx txn, home, source string) (map[string]int64, error) {
	m := map[string]int64{}
	err := tx.query(ctx, "SELECT agreement_id, key FROM agreements WHERE home_institution = ? AND source_name = ? AND disappeared_in IS NOT NULL ORDER BY disappeared_in, agreement_id",
		[]any{home, source}, func(scan func(...any) error) error {
			var (
				id  int64
				key string
			)
			if err := scan(&id, &key); err != nil {
				return err
			}
			m[key] = id
			return nil
		})
	return m, err
}

// recordValues are a record's values for recordColumns.
func recordValues(r *agreement.Record) []any {
	return []any{
		r.ID, r.HomeInstitution, r.Level, r.Region, r.Country, r.CountryCode, r.Partner, r.PartnerUnit,
		r.HomeUnit, r.Signed, r.FeeWaiver, r.AgreementType, r.ValidUntil, strings.Join(r.Flags, ";"), r.PartnerAlt, r.AsOf,
		r.Source.File, r.Source.SHA256, r.Source.Format, r.Source.Page, r.Source.Row,
	}
}

func row(head []any, r *agreement.Record, tail ...any) []any {
	out := make([]any, 0, len(head)+len(recordColumns)+len(tail))
	out = append(out, head...)
	out = append(out, recordValues(r)...)
	return append(out, tail...)
}

func cols(head []string, tail ...string) []string {
	out := append(append(append([]string{}, head...), recordColumns...), tail...)
	return out
}

// write writes the plan as snapshot snap; it returns the new snapshot's id.
func (p *plan) write(ctx context.Context, tx txn, snap Snapshot) (int64, error) {
	var sid int64
	if _, err := queryRow(ctx, tx, `INSERT INTO snapshots (home_institution, source_name, source_file, sha256, format, as_of, loaded_at, record_count, tool_version)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING snapshot_id`,
		[]any{snap.HomeInstitution, snap.SourceName, snap.SourceFile, snap.SHA256, snap.Format, snap.AsOf, snap.LoadedAt, snap.RecordCount, snap.ToolVersion},
		&sid); err != nil {
		return 0, fmt.Errorf("snapshot: %w", err)
	}

	// new agreements
	var fresh, present, changed []int
	for i, c := range p.change {
		switch c {
		case ChangeAdded:
			fresh = append(fresh, i)
		default:
			present = append(present, i)
		}
		if c != "" {
			changed = append(changed, i)
		}
	}
	ids, err := tx.allocIDs(ctx, len(fresh))
	if err != nil {
		return 0, err
	}
	for n, i := range fresh {
		p.agrID[i] = ids[n]
	}
	if err := tx.copyRows(ctx, "agreements", cols([]string{"agreement_id", "source_name", "key"}, "first_snapshot_id", "last_snapshot_id"),
		len(fresh), func(n int) ([]any, error) {
			i := fresh[n]
			return row([]any{p.agrID[i], snap.SourceName, p.keys[i]}, &p.recs[i], sid, sid), nil
		}); err != nil {
		return 0, err
	}

	// agreements still (or again) present: current values, last seen now
	if len(present) > 0 {
		stage := []string{"agreement_id BIGINT NOT NULL", "key TEXT NOT NULL", strings.TrimSpace(recordColumnsDDL)}
		if err := tx.tempTable(ctx, "load_present", stage); err != nil {
			return 0, err
		}
		if err := tx.copyRows(ctx, "load_present", cols([]string{"agreement_id", "key"}), len(present), func(n int) ([]any, error) {
			i := present[n]
			return row([]any{p.agrID[i], p.keys[i]}, &p.recs[i]), nil
		}); err != nil {
			return 0, err
		}
		set := make([]string, 0, len(recordColumns)+1)
		for _, c := range append([]string{"key"}, recordColumns...) {
			set = append(set, c+" = u."+c)
		}
		if err := tx.exec(ctx, "UPDATE agreements SET "+strings.Join(set, ", ")+", last_snapshot_id = ?, disappeared_in = NULL FROM load_present AS u WHERE agreements.agreement_id = u.agreement_id", sid); err != nil {
			return 0, fmt.Errorf("agreements: %w", err)
		}
	}
	if len(p.removed) > 0 {
		if err := tx.exec(ctx, "UPDATE agreements SET disappeared_in = ? WHERE home_institution = ? AND source_name = ? AND disappeared_in IS NULL AND last_snapshot_id <> ?",
			sid, snap.HomeInstitution, snap.SourceName, sid); err != nil {
			return 0, fmt.Errorf("agreements: %w", err)
		}
	}

	// versions
	if err := tx.copyRows(ctx, "agreement_versions", cols([]string{"agreement_id", "snapshot_id", "change", "key"}),
		len(changed)+len(p.removed), func(n int) ([]any, error) {
			if n < len(changed) {
				i := changed[n]
				return row([]any{p.agrID[i], sid, p.change[i], p.keys[i]}, &p.recs[i]), nil
			}
			n -= len(changed)
			return row([]any{p.removedID[n], sid, ChangeRemoved, p.removedKeys[n]}, &p.removed[n]), nil
		}); err != nil {
		return 0, err
	}

	// the snapshot's records as given
	if err := tx.copyRows(ctx, "snapshot_records", []string{"snapshot_id", "position", "agreement_id", "key", "record"},
		len(p.recs), func(i int) ([]any, error) {
			b, err := output.Marshal(p.recs[i])
			if err != nil {
				return nil, fmt.Errorf("record %d: %w", i+1, err)
			}
			return []any{sid, i, p.agrID[i], p.keys[i], string(b)}, nil
		}); err != nil {
		return 0, err
	}
	return sid, nil
}
