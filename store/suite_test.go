package store

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/diff"
	"github.com/agreements/agreements/output"
)

// pg is the PostgreSQL server the package's tests share, started by the
// first test that needs it and stopped by TestMain.
var (
	pg      *pgServer
	pgErr   error
	pgStart sync.Once
)

func TestMain(m *testing.M) {
	code := m.Run()
	if err := pg.stop(); err != nil {
		fmt.Fprintf(os.Stderr, "store tests: %v\n", err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

// sqliteDSN gives each test a database file of its own.
func sqliteDSN(t testing.TB) string {
	return "sqlite:" + filepath.Join(t.TempDir(), "agreements.db")
}

// postgresDSN gives each test a database of its own on the test server;
// it skips (outside CI, binaries absent) or fails (CI) without one.
func postgresDSN(t testing.TB) string {
	requirePG(t)
	dsn, err := pg.newDatabase(context.Background())
	require.NoError(t, err)
	return dsn
}

func TestSQLite(t *testing.T) { runSuite(t, sqliteDSN) }
func TestPostgres(t *testing.T) {
	requirePG(t)
	runSuite(t, postgresDSN)
}

// requirePG starts the test server if need be; it skips the test (outside
// CI, binaries absent) or fails it (in CI, or when the server would not
// start) without one.
func requirePG(t testing.TB) {
	pgStart.Do(func() { pg, pgErr = startPGServer() })
	require.NoError(t, pgErr, "starting PostgreSQL")
	skip, err := pgUnavailable(pg)
	if skip {
		t.Skipf("PostgreSQL tests skipped: %v", err)
	}
	require.NoError(t, err)
}

// runSuite is the behaviour every engine must show.
func runSuite(t *testing.T, newDSN func(testing.TB) string) {
	tests := []struct {
		name string
		f    func(t *testing.T, dsn string)
	}{
		{"YearlyDiff", testYearlyDiff},
		{"ReloadIsNoOp", testReloadIsNoOp},
		{"OlderRefused", testOlderRefused},
		{"FailedLoadChangesNothing", testFailedLoadChangesNothing},
		{"DryRun", testDryRun},
		{"ConcurrentLoads", testConcurrentLoads},
		{"ConcurrentProcesses", testConcurrentProcesses},
		{"DuplicateIDsGetKeys", testDuplicateIDs},
		{"Reappeared", testReappeared},
		{"History", testHistory},
		{"ExportAsOf", testExportAsOf},
		{"Feeds", testFeeds},
		{"MixedInstitutions", testMixedInstitutions},
		{"ReadmeQueries", testReadmeQueries},
		{"Reopen", testReopen},
		{"NewerSchemaRefused", testNewerSchema},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.f(t, newDSN(t)) })
	}
}

func open(t *testing.T, dsn string) *Store {
	t.Helper()
	st, err := Open(context.Background(), dsn)
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	return st
}

func readRecords(t testing.TB, path string) []agreement.Record {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	recs, err := output.ReadRecords(f)
	require.NoError(t, err)
	return recs
}

func yearly(t testing.TB) (old, cur []agreement.Record) {
	return readRecords(t, "../fixtures/diff-yearly/old.ndjson"), readRecords(t, "../fixtures/diff-yearly/new.ndjson")
}

func input(file string, recs []agreement.Record) SnapshotInput {
	return SnapshotInput{File: file, Format: "ndjson", Records: recs, ToolVersion: "test"}
}

func load(t *testing.T, st *Store, in SnapshotInput) LoadResult {
	t.Helper()
	res, err := st.LoadSnapshot(context.Background(), in, LoadOptions{})
	require.NoError(t, err)
	checkReferences(t, st)
	return res
}

// checkReferences checks the references the schema does not declare as
// foreign keys, and the invariants of the agreements table.
func checkReferences(t *testing.T, st *Store) {
	t.Helper()
	for _, q := range []string{
		`SELECT count(*) FROM agreements a WHERE NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.snapshot_id = a.first_snapshot_id)
			OR NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.snapshot_id = a.last_snapshot_id)
			OR (a.disappeared_in IS NOT NULL AND NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.snapshot_id = a.disappeared_in))`,
		`SELECT count(*) FROM agreement_versions v WHERE NOT EXISTS (SELECT 1 FROM agreements a WHERE a.agreement_id = v.agreement_id)
			OR NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.snapshot_id = v.snapshot_id)`,
		`SELECT count(*) FROM snapshot_records r WHERE NOT EXISTS (SELECT 1 FROM agreements a WHERE a.agreement_id = r.agreement_id)
			OR NOT EXISTS (SELECT 1 FROM snapshots s WHERE s.snapshot_id = r.snapshot_id)`,
		// present agreements are exactly the latest snapshot's records
		`SELECT count(*) FROM agreements a WHERE (a.disappeared_in IS NULL) <> (a.last_snapshot_id =
			(SELECT max(s.snapshot_id) FROM snapshots s WHERE s.home_institution = a.home_institution AND s.source_name = a.source_name))`,
		`SELECT count(*) FROM snapshots s WHERE s.record_count <> (SELECT count(*) FROM snapshot_records r WHERE r.snapshot_id = s.snapshot_id)`,
		`SELECT count(*) FROM agreements a WHERE a.disappeared_in IS NULL AND NOT EXISTS
			(SELECT 1 FROM snapshot_records r WHERE r.snapshot_id = a.last_snapshot_id AND r.agreement_id = a.agreement_id AND r.key = a.key)`,
	} {
		assert.Zero(t, count(t, st, q), q)
	}
}

// count runs a counting query.
func count(t *testing.T, st *Store, q string, args ...any) int {
	t.Helper()
	var n int
	require.NoError(t, inTx(context.Background(), st.eng, false, "", func(tx txn) error {
		_, err := queryRow(context.Background(), tx, q, args, &n)
		return err
	}))
	return n
}

// tableCounts is the number of rows of every table, to tell that nothing
// was written.
func tableCounts(t *testing.T, st *Store) map[string]int {
	out := map[string]int{}
	for _, tb := range []string{"snapshots", "agreements", "agreement_versions", "snapshot_records"} {
		out[tb] = count(t, st, "SELECT count(*) FROM "+tb)
	}
	return out
}

func marshalAll(t testing.TB, recs []agreement.Record) string {
	var b bytes.Buffer
	require.NoError(t, output.WriteAll(&b, output.FormatNDJSON, recs))
	return b.String()
}

func testYearlyDiff(t *testing.T, dsn string) {
	ctx := context.Background()
	st := open(t, dsn)
	old, cur := yearly(t)
	want := diff.Compare("old.ndjson", old, "new.ndjson", cur).Summary

	r1 := load(t, st, input("old.ndjson", old))
	assert.Equal(t, len(old), r1.Counts.Added)
	r2 := load(t, st, input("new.ndjson", cur))
	assert.Equal(t, r1.Snapshot.ID, r2.Previous.ID)
	assert.Greater(t, r2.Snapshot.ID, r1.Snapshot.ID)
	assert.Equal(t, Counts{Added: want.Added, Removed: want.Removed, Changed: want.Changed, Renamed: want.Renamed, Unchanged: want.Unchanged}, r2.Counts)

	byChange := map[string]int{}
	for _, c := range []string{ChangeAdded, ChangeRemoved, ChangeChanged, ChangeRenamed, ChangeReappeared} {
		byChange[c] = count(t, st, "SELECT count(*) FROM agreement_versions WHERE snapshot_id = ? AND change = ?", r2.Snapshot.ID, c)
	}
	assert.Equal(t, map[string]int{ChangeAdded: want.Added, ChangeRemoved: want.Removed, ChangeChanged: want.Changed,
		ChangeRenamed: want.Renamed, ChangeReappeared: 0}, byChange)
	require.NotZero(t, want.Added+want.Removed+want.Changed+want.Renamed, "the fixture has changes")

	// current_agreements is the newer snapshot
	var got []agreement.Record
	require.NoError(t, inTx(ctx, st.eng, false, "", func(tx txn) error {
		return tx.query(ctx, "SELECT "+strings.Join(recordColumns, ", ")+" FROM current_agreements ORDER BY source_page, source_row", nil,
			func(scan func(...any) error) error {
				dest, rec := recordScan()
				if err := scan(dest...); err != nil {
					return err
				}
				got = append(got, rec())
				return nil
			})
	}))
	wantCur := make([]agreement.Record, len(cur))
	for i, r := range cur {
		r.Repairs = []string{} // the one field the view leaves out
		wantCur[i] = r
	}
	sortRecords(wantCur)
	sortRecords(got)
	assert.Equal(t, marshalAll(t, wantCur), marshalAll(t, got))

	// export gives the records as loaded
	exp, err := st.Export(ctx, ExportQuery{})
	require.NoError(t, err)
	assert.Equal(t, marshalAll(t, cur), marshalAll(t, exp))

	snap, recs, ok, err := st.LatestSnapshot(ctx, "Hokuto University", "")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, r2.Snapshot.ID, snap.ID)
	assert.Equal(t, "2024-05-01", snap.AsOf)
	assert.Equal(t, len(cur), snap.RecordCount)
	assert.False(t, snap.LoadedAt.IsZero())
	assert.Equal(t, marshalAll(t, cur), marshalAll(t, recs))
	_, _, ok, err = st.LatestSnapshot(ctx, "Nowhere University", "")
	require.NoError(t, err)
	assert.False(t, ok)
}

func sortRecords(recs []agreement.Record) {
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].ID < recs[j].ID })
}

func testReloadIsNoOp(t *testing.T, dsn string) {
	st := open(t, dsn)
	old, cur := yearly(t)
	r1 := load(t, st, input("old.ndjson", old))
	load(t, st, input("new.ndjson", cur))
	before := tableCounts(t, st)
	r3 := load(t, st, input("old-again.ndjson", old))
	assert.True(t, r3.AlreadyLoaded)
	assert.Equal(t, r1.Snapshot.ID, r3.Snapshot.ID)
	r4 := load(t, st, input("new.ndjson", cur))
	assert.True(t, r4.AlreadyLoaded)
	assert.Equal(t, before, tableCounts(t, st))
}

func testOlderRefused(t *testing.T, dsn string) {
	ctx := context.Background()
	st := open(t, dsn)
	old, cur := yearly(t)
	load(t, st, input("new.ndjson", cur))
	before := tableCounts(t, st)
	_, err := st.LoadSnapshot(ctx, input("old.ndjson", old), LoadOptions{})
	require.ErrorIs(t, err, ErrOlder)
	assert.Contains(t, err.Error(), "old.ndjson")
	assert.Equal(t, before, tableCounts(t, st))
	res, err := st.LoadSnapshot(ctx, input("old.ndjson", old), LoadOptions{AllowOlder: true})
	require.NoError(t, err)
	assert.False(t, res.AlreadyLoaded)
	exp, err := st.Export(ctx, ExportQuery{})
	require.NoError(t, err)
	assert.Equal(t, marshalAll(t, old), marshalAll(t, exp), "the latest loaded is current")
}

// plantFailure makes the database refuse one record (a trigger), so that a
// load fails after it has written part of the snapshot.
func plantFailure(t *testing.T, st *Store, partner string) {
	ctx := context.Background()
	var stmts []string
	switch st.Engine() {
	case EngineSQLite:
		stmts = []string{`CREATE TRIGGER planted BEFORE INSERT ON snapshot_records
WHEN NEW.record LIKE '%` + partner + `%' BEGIN SELECT RAISE(ABORT, 'planted failure'); END`}
	case EnginePostgres:
		stmts = []string{`CREATE FUNCTION planted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN IF NEW.record LIKE '%` + partner + `%' THEN RAISE EXCEPTION 'planted failure'; END IF; RETURN NEW; END $$`,
			`CREATE TRIGGER planted BEFORE INSERT ON snapshot_records FOR EACH ROW EXECUTE FUNCTION planted()`}
	}
	require.NoError(t, inTx(ctx, st.eng, true, "", func(tx txn) error {
		for _, q := range stmts {
			if err := tx.exec(ctx, q); err != nil {
				return err
			}
		}
		return nil
	}))
}

func testFailedLoadChangesNothing(t *testing.T, dsn string) {
	ctx := context.Background()
	st := open(t, dsn)
	old, cur := yearly(t)
	load(t, st, input("old.ndjson", old))
	before := tableCounts(t, st)
	plantFailure(t, st, cur[len(cur)-1].Partner)
	_, err := st.LoadSnapshot(ctx, input("new.ndjson", cur), LoadOptions{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "planted failure")
	assert.Equal(t, before, tableCounts(t, st))
	exp, err := st.Export(ctx, ExportQuery{})
	require.NoError(t, err)
	assert.Equal(t, marshalAll(t, old), marshalAll(t, exp))

	_, err = st.LoadSnapshot(ctx, input("empty.ndjson", nil), LoadOptions{})
	require.ErrorIs(t, err, ErrNoRecords)
}

func testDryRun(t *testing.T, dsn string) {
	ctx := context.Background()
	st := open(t, dsn)
	old, cur := yearly(t)
	load(t, st, input("old.ndjson", old))
	before := tableCounts(t, st)
	res, err := st.LoadSnapshot(ctx, input("new.ndjson", cur), LoadOptions{DryRun: true})
	require.NoError(t, err)
	assert.True(t, res.DryRun)
	assert.Zero(t, res.Snapshot.ID)
	require.NotNil(t, res.Diff)
	assert.Equal(t, diff.Compare("old.ndjson", old, "new.ndjson", cur).Summary, res.Diff.Summary)
	assert.Equal(t, before, tableCounts(t, st))
}

func testConcurrentLoads(t *testing.T, dsn string) {
	ctx := context.Background()
	old, cur := yearly(t)
	other := func(recs []agreement.Record, home string) []agreement.Record {
		out := make([]agreement.Record, len(recs))
		for i, r := range recs {
			r.HomeInstitution = home
			r.ID = agreement.ComputeID(r)
			out[i] = r
		}
		return out
	}
	inputs := []SnapshotInput{
		input("old.ndjson", old),
		input("old.ndjson", old), // the same input twice at once: one loads it
		input("other-old.ndjson", other(old, "Minami University")),
		input("third.ndjson", other(cur, "Kita University")),
	}
	st0 := open(t, dsn) // migrated before the race, as a first Open would be
	_ = st0
	results := make([]LoadResult, len(inputs))
	errs := make([]error, len(inputs))
	var wg sync.WaitGroup
	for i, in := range inputs {
		wg.Go(func() {
			st, err := Open(ctx, dsn) // a store of its own, as another process would have
			if err != nil {
				errs[i] = err
				return
			}
			defer st.Close()
			results[i], errs[i] = st.LoadSnapshot(ctx, in, LoadOptions{})
		})
	}
	wg.Wait()
	for i := range inputs {
		require.NoError(t, errs[i], "load %d", i)
	}
	assert.True(t, results[0].AlreadyLoaded != results[1].AlreadyLoaded, "exactly one of two identical loads writes")
	assert.Equal(t, 3, count(t, st0, "SELECT count(*) FROM snapshots"))
	assert.Equal(t, 2*len(old)+len(cur), count(t, st0, "SELECT count(*) FROM current_agreements"))
	checkReferences(t, st0)

	// concurrent Opens of a new database migrate once
	dsn2 := strings.Replace(dsn, "agreements.db", "fresh.db", 1)
	if !strings.HasPrefix(dsn, "sqlite:") {
		return
	}
	var wg2 sync.WaitGroup
	oerrs := make([]error, 4)
	for i := range oerrs {
		wg2.Go(func() {
			st, err := Open(ctx, dsn2)
			if err == nil {
				st.Close()
			}
			oerrs[i] = err
		})
	}
	wg2.Wait()
	for _, err := range oerrs {
		require.NoError(t, err)
	}
}

func testDuplicateIDs(t *testing.T, dsn string) {
	ctx := context.Background()
	st := open(t, dsn)
	old, _ := yearly(t)
	dup := append([]agreement.Record{}, old...)
	twin := old[0]
	twin.Source.Row = 999
	twin.Signed = "2020-01-01"
	dup = append(dup, twin)
	load(t, st, input("dup.ndjson", dup))
	assert.Equal(t, len(dup), count(t, st, "SELECT count(DISTINCT key) FROM current_agreements"))
	assert.Equal(t, 2, count(t, st, "SELECT count(*) FROM current_agreements WHERE id = ?", old[0].ID))
	assert.Equal(t, 1, count(t, st, "SELECT count(*) FROM current_agreements WHERE key = ? AND signed = ?", agreement.Key(old[0].ID, 2), "2020-01-01"))

	// next year the twin moved up the list: it is still the second occurrence
	next := append([]agreement.Record{}, dup...)
	for i := range next {
		next[i].AsOf = "2099-01-01"
	}
	res, err := st.LoadSnapshot(ctx, input("dup2.ndjson", next), LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, 0, res.Counts.Added+res.Counts.Removed+res.Counts.Changed+res.Counts.Renamed)
}

func testReappeared(t *testing.T, dsn string) {
	ctx := context.Background()
	st := open(t, dsn)
	old, _ := yearly(t)
	dated := func(recs []agreement.Record, asOf string) []agreement.Record {
		out := make([]agreement.Record, len(recs))
		for i, r := range recs {
			r.AsOf = asOf
			out[i] = r
		}
		return out
	}
	load(t, st, input("y1.ndjson", dated(old, "2021")))
	r2 := load(t, st, input("y2.ndjson", dated(old[1:], "2022")))
	assert.Equal(t, 1, r2.Counts.Removed)
	assert.Equal(t, len(old)-1, count(t, st, "SELECT count(*) FROM current_agreements"))
	r3 := load(t, st, input("y3.ndjson", dated(old, "2023")))
	assert.Equal(t, Counts{Reappeared: 1, Unchanged: len(old) - 1}, r3.Counts)
	vs, err := st.History(ctx, HistoryQuery{ID: old[0].ID})
	require.NoError(t, err)
	var changes []string
	for _, v := range vs {
		changes = append(changes, v.Change)
		assert.Equal(t, vs[0].AgreementID, v.AgreementID)
	}
	assert.Equal(t, []string{ChangeAdded, ChangeRemoved, ChangeReappeared}, changes)
	assert.Equal(t, len(old), count(t, st, "SELECT count(*) FROM current_agreements"))
}

func testHistory(t *testing.T, dsn string) {
	ctx := context.Background()
	st := open(t, dsn)
	old, cur := yearly(t)
	load(t, st, input("old.ndjson", old))
	r2 := load(t, st, input("new.ndjson", cur))
	require.NotEmpty(t, r2.Diff.Renamed)
	rn := r2.Diff.Renamed[0]
	for _, q := range []HistoryQuery{{ID: rn.Old.ID}, {ID: rn.New.ID}, {Partner: strings.ToUpper(rn.New.Partner)}} {
		vs, err := st.History(ctx, q)
		require.NoError(t, err)
		require.Len(t, vs, 2, "%+v", q)
		assert.Equal(t, ChangeAdded, vs[0].Change)
		assert.Equal(t, rn.Old.Partner, vs[0].Record.Partner)
		assert.Equal(t, ChangeRenamed, vs[1].Change)
		assert.Equal(t, rn.New.Partner, vs[1].Record.Partner)
		assert.Equal(t, r2.Snapshot.ID, vs[1].SnapshotID)
		assert.Equal(t, "2024-05-01", vs[1].AsOf)
	}
	vs, err := st.History(ctx, HistoryQuery{Partner: "no such partner%_"})
	require.NoError(t, err)
	assert.Empty(t, vs)
	// folded as the audit folds names: case, diacritics, spaces
	vs, err = st.History(ctx, HistoryQuery{Partner: "UNIVERSITAT MUNCHEN"})
	require.NoError(t, err)
	require.NotEmpty(t, vs)
	assert.Equal(t, "Technische Universität München", vs[0].Record.Partner)
	vs, err = st.History(ctx, HistoryQuery{Partner: "chiangmai"})
	require.NoError(t, err)
	assert.Len(t, vs, 2, "Chiangmai University, renamed Chiang Mai University")
	_, err = st.History(ctx, HistoryQuery{Partner: "%_ "})
	require.Error(t, err)
}

func testExportAsOf(t *testing.T, dsn string) {
	ctx := context.Background()
	st := open(t, dsn)
	old, cur := yearly(t)
	load(t, st, input("old.ndjson", old))
	load(t, st, input("new.ndjson", cur))
	for _, tt := range []struct {
		asOf string
		want []agreement.Record
	}{
		{"", cur}, {"2024", cur}, {"2024-05-01", cur}, {"2024-04-30", old}, {"2023-12", old}, {"2023", old}, {"2022", nil},
	} {
		got, err := st.Export(ctx, ExportQuery{AsOf: tt.asOf})
		require.NoError(t, err)
		assert.Equal(t, marshalAll(t, tt.want), marshalAll(t, got), "as of %q", tt.asOf)
	}
	_, err := st.Export(ctx, ExportQuery{AsOf: "last year"})
	require.ErrorIs(t, err, ErrBadDate)
}

func testFeeds(t *testing.T, dsn string) {
	ctx := context.Background()
	st := open(t, dsn)
	old, cur := yearly(t)
	in := input("old.ndjson", old)
	load(t, st, in)
	dept := input("dept.ndjson", cur[:2])
	dept.SourceName = "department"
	r := load(t, st, dept)
	assert.Zero(t, r.Previous.ID, "a feed of its own")
	assert.Equal(t, 0, r.Counts.Removed)
	assert.Equal(t, len(old)+2, count(t, st, "SELECT count(*) FROM current_agreements"))
	snaps, err := st.Snapshots(ctx)
	require.NoError(t, err)
	require.Len(t, snaps, 2)
	assert.Equal(t, "department", snaps[1].SourceName)
}

func testMixedInstitutions(t *testing.T, dsn string) {
	st := open(t, dsn)
	old, _ := yearly(t)
	mixed := append([]agreement.Record{}, old...)
	mixed[1].HomeInstitution = "Somewhere Else"
	_, err := st.LoadSnapshot(context.Background(), input("mixed.ndjson", mixed), LoadOptions{})
	require.ErrorIs(t, err, ErrMixedInstitutions)
	assert.Contains(t, err.Error(), "mixed.ndjson: record 2")
}

// testReadmeQueries runs the README's SQL examples.
func testReadmeQueries(t *testing.T, dsn string) {
	ctx := context.Background()
	st := open(t, dsn)
	old, cur := yearly(t)
	load(t, st, input("old.ndjson", old))
	load(t, st, input("new.ndjson", cur))
	queries := readmeQueries(t)
	require.Len(t, queries, 3)
	var rows [3]int
	for i, q := range queries {
		require.NoError(t, inTx(ctx, st.eng, false, "", func(tx txn) error {
			return tx.query(ctx, q, nil, func(func(...any) error) error { rows[i]++; return nil })
		}), q)
	}
	countries := map[string]bool{}
	for _, r := range cur {
		countries[r.Country] = true
	}
	assert.Equal(t, len(countries), rows[0], "agreements per country now")
	d := diff.Compare("", old, "", cur)
	assert.Equal(t, d.Summary.Added+d.Summary.Removed+d.Summary.Changed+d.Summary.Renamed, rows[1], "what changed since last year")
	fee := 0
	for _, c := range d.Changed {
		if _, ok := c.Fields["fee_waiver"]; ok {
			fee++
		}
	}
	require.NotZero(t, fee, "the fixture has a fee waiver change")
	assert.Equal(t, fee, rows[2], "fee waiver changed")
}

// readmeQueries returns the SQL blocks of the README's Stores section.
func readmeQueries(t *testing.T) []string {
	b, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	s := string(b)
	start := strings.Index(s, "## Stores")
	require.GreaterOrEqual(t, start, 0, "README has a Stores section")
	s = s[start:]
	if end := strings.Index(s[3:], "\n## "); end >= 0 {
		s = s[:end+3]
	}
	var out []string
	for {
		i := strings.Index(s, "```sql\n")
		if i < 0 {
			return out
		}
		s = s[i+len("```sql\n"):]
		j := strings.Index(s, "```")
		out = append(out, strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s[:j]), ";")))
		s = s[j+3:]
	}
}

func testReopen(t *testing.T, dsn string) {
	st := open(t, dsn)
	old, _ := yearly(t)
	load(t, st, input("old.ndjson", old))
	require.NoError(t, st.Close())
	st2 := open(t, dsn)
	assert.Equal(t, SchemaVersion(), count(t, st2, "SELECT max(version) FROM schema_version"))
	assert.Equal(t, 1, count(t, st2, "SELECT count(*) FROM snapshots"))
}

func testNewerSchema(t *testing.T, dsn string) {
	ctx := context.Background()
	st := open(t, dsn)
	require.NoError(t, inTx(ctx, st.eng, true, "", func(tx txn) error {
		return tx.exec(ctx, "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", SchemaVersion()+1, time.Now().UTC())
	}))
	_, err := Open(ctx, dsn)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "newer than this program's")
}

// TestLoadProcess is the child process of testConcurrentProcesses: it
// loads one record file and prints what the load did.
func TestLoadProcess(t *testing.T) {
	dsn, file := os.Getenv("STORE_TEST_CHILD_DSN"), os.Getenv("STORE_TEST_CHILD_FILE")
	if dsn == "" {
		t.Skip("run by testConcurrentProcesses as a process of its own")
	}
	st, err := Open(context.Background(), dsn)
	require.NoError(t, err)
	defer st.Close()
	res, err := st.LoadSnapshot(context.Background(), input(file, readRecords(t, file)), LoadOptions{})
	require.NoError(t, err)
	fmt.Printf("RESULT already=%t snapshot=%d\n", res.AlreadyLoaded, res.Snapshot.ID)
}

// testConcurrentProcesses loads into one database from several processes
// at once (SQLite's file locks are per process: goroutines do not show
// them).
func testConcurrentProcesses(t *testing.T, dsn string) {
	old, cur := yearly(t)
	open(t, dsn) // migrated, as a first Open would have
	dir := t.TempDir()
	write := func(name string, recs []agreement.Record) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(marshalAll(t, recs)), 0o644))
		return path
	}
	other := make([]agreement.Record, len(cur))
	for i, r := range cur {
		r.HomeInstitution = "Minami University"
		r.ID = agreement.ComputeID(r)
		other[i] = r
	}
	files := []string{write("old.ndjson", old), write("old.ndjson", old), write("other.ndjson", other)}
	files[1] = files[0] // the same input twice at once
	outs := make([]string, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Go(func() {
			cmd := exec.Command(os.Args[0], "-test.run=^TestLoadProcess$", "-test.v")
			cmd.Env = append(os.Environ(), "STORE_TEST_CHILD_DSN="+dsn, "STORE_TEST_CHILD_FILE="+f)
			out, err := cmd.CombinedOutput()
			outs[i], errs[i] = string(out), err
		})
	}
	wg.Wait()
	already := 0
	for i := range files {
		require.NoError(t, errs[i], outs[i])
		require.Contains(t, outs[i], "RESULT ", outs[i])
		if strings.Contains(outs[i], "RESULT already=true") {
			already++
		}
	}
	assert.Equal(t, 1, already, "one of two identical loads writes, the other finds it loaded")
	st := open(t, dsn)
	assert.Equal(t, 2, count(t, st, "SELECT count(*) FROM snapshots"))
	assert.Equal(t, len(old)+len(cur), count(t, st, "SELECT count(*) FROM current_agreements"))
	checkReferences(t, st)
}
