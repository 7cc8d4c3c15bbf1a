package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/internal/lazyre"
	"github.com/agreements/agreements/names"
)

// ErrBadDate: an as-of date that is not YYYY, YYYY-MM or YYYY-MM-DD.
var ErrBadDate = errors.New("bad date (want YYYY, YYYY-MM or YYYY-MM-DD)")

var dateRE = lazyre.New(`^\d{4}(-\d{2}(-\d{2})?)?$`)

func latestSnapshot(ctx context.Context, eng engine, home, source string) (snap Snapshot, recs []agreement.Record, ok bool, err error) {
	err = inTx(ctx, eng, false, "", func(tx txn) error {
		var s storedSnapshot
		s, recs, ok, err = latestIn(ctx, tx, home, source)
		snap = s.Snapshot
		return err
	})
	return snap, recs, ok, err
}

func listSnapshots(ctx context.Context, eng engine) ([]Snapshot, error) {
	var out []Snapshot
	err := inTx(ctx, eng, false, "", func(tx txn) error {
		out = nil
		return snapshotsIn(ctx, tx, func(s Snapshot) { out = append(out, s) })
	})
	return out, err
}

func snapshotsIn(ctx context.Context, tx txn, each func(Snapshot)) error {
	return tx.query(ctx, "SELECT "+snapshotColumns+" FROM snapshots ORDER BY snapshot_id", nil,
		func(scan func(...any) error) error {
			var s Snapshot
			if err := scan(scanFields(&s)...); err != nil {
				return err
			}
			each(s)
			return nil
		})
}

// recordScan returns destinations for recordColumns and a function that
// builds the record once they are scanned.
func recordScan() ([]any, func() agreement.Record) {
	var (
		r     agreement.Record
		flags string
	)
	dest := []any{
		&r.ID, &r.HomeInstitution, &r.Level, &r.Region, &r.Country, &r.CountryCode, &r.Partner, &r.PartnerUnit,
		&r.HomeUnit, &r.Signed, &r.FeeWaiver, &r.AgreementType, &r.ValidUntil, &flags, &r.PartnerAlt, &r.AsOf,
		&r.Source.File, &r.Source.SHA256, &r.Source.Format, &r.Source.Page, &r.Source.Row,
	}
	return dest, func() agreement.Record {
		out := r
		out.Schema = agreement.Schema
		out.Flags = []string{}
		if flags != "" {
			out.Flags = strings.Split(flags, ";")
		}
		out.Repairs = []string{}
		return out
	}
}

func history(ctx context.Context, eng engine, q HistoryQuery) ([]Version, error) {
	var (
		where string
		args  []any
		match func(r *agreement.Record) bool
	)
	switch {
	case q.ID != "":
		where = "WHERE v.agreement_id IN (SELECT v2.agreement_id FROM agreement_versions v2 WHERE v2.id = ? OR v2.key = ?)"
		args = []any{q.ID, q.ID}
	case q.Partner != "":
		// matched here rather than with LIKE, which folds only ASCII case
		// in SQLite: names folded as the audit folds them (case,
		// diacritics, width, punctuation and spaces)
		want := names.Fold(q.Partner)
		if want == "" {
			return nil, fmt.Errorf("history: partner %q has no letters or digits", q.Partner)
		}
		match = func(r *agreement.Record) bool {
			return strings.Contains(names.Fold(r.Partner), want) || strings.Contains(names.Fold(r.PartnerAlt), want)
		}
	default:
		return nil, errors.New("history: give an id or a partner")
	}
	var out []Version
	err := inTx(ctx, eng, false, "", func(tx txn) error {
		out = nil
		var (
			cur     []Version // the versions of one agreement
			matched bool
		)
		flush := func() {
			if match == nil || matched {
				out = append(out, cur...)
			}
			cur, matched = nil, false
		}
		err := tx.query(ctx, `SELECT v.agreement_id, v.key, v.snapshot_id, s.as_of, s.source_file, v.change, `+prefixed("v.", recordColumns)+`
FROM agreement_versions v JOIN snapshots s ON s.snapshot_id = v.snapshot_id `+where+`
ORDER BY v.agreement_id, v.snapshot_id`, args, func(scan func(...any) error) error {
			var v Version
			dest, rec := recordScan()
			if err := scan(append([]any{&v.AgreementID, &v.Key, &v.SnapshotID, &v.AsOf, &v.SourceFile, &v.Change}, dest...)...); err != nil {
				return err
			}
			v.Record = rec()
			if len(cur) > 0 && cur[0].AgreementID != v.AgreementID {
				flush()
			}
			cur = append(cur, v)
			if match != nil && !matched {
				matched = match(&v.Record)
			}
			return nil
		})
		flush()
		return err
	})
	return out, err
}

// asOfNoLater reports whether a snapshot's date is not after date, at the
// precision both have.
func asOfNoLater(snapDate, date string) bool {
	n := min(len(snapDate), len(date))
	return snapDate[:n] <= date[:n]
}

func export(ctx context.Context, eng engine, q ExportQuery) ([]agreement.Record, error) {
	if q.AsOf != "" && !dateRE.MatchString(q.AsOf) {
		return nil, fmt.Errorf("--as-of %q: %w", q.AsOf, ErrBadDate)
	}
	var out []agreement.Record
	err := inTx(ctx, eng, false, "", func(tx txn) error {
		out = nil
		type feed struct{ home, source string }
		var feeds []feed
		chosen := map[feed]Snapshot{}
		err := snapshotsIn(ctx, tx, func(s Snapshot) {
			f := feed{s.HomeInstitution, s.SourceName}
			cur, seen := chosen[f]
			if !seen {
				feeds = append(feeds, f)
			}
			if q.AsOf == "" {
				chosen[f] = s
				return
			}
			date := s.AsOf
			if date == "" {
				date = s.LoadedAt.UTC().Format("2006-01-02")
			}
			if !asOfNoLater(date, q.AsOf) {
				if !seen {
					chosen[f] = Snapshot{}
				}
				return
			}
			if cur.ID == 0 || !olderThan(s.AsOf, cur.AsOf) {
				chosen[f] = s
			}
		})
		if err != nil {
			return err
		}
		for _, f := range feeds {
			s := storedSnapshot{Snapshot: chosen[f]}
			if s.ID == 0 {
				continue
			}
			recs, err := snapshotRecords(ctx, tx, &s)
			if err != nil {
				return err
			}
			out = append(out, recs...)
		}
		return nil
	})
	return out, err
}
