package store

import (
	"context"
	"fmt"
	"strings"
)

// engine is what the load, query and migration code needs from a database:
// write transactions, and the few statements that differ between SQLite and
// PostgreSQL. SQL is written once, with ? placeholders.
type engine interface {
	name() string
	close() error
	// begin starts a transaction. A write transaction with a lock name
	// excludes other writers of that name (PostgreSQL: an advisory lock;
	// SQLite: every write transaction excludes every other).
	begin(ctx context.Context, write bool, lock string) (txn, error)
	// schema returns the DDL of migration v (1-based) in this engine's
	// dialect.
	schema(v int) []string
}

// txn is one transaction.
type txn interface {
	exec(ctx context.Context, q string, args ...any) error
	// query runs q and calls each for every row, with a scan function.
	query(ctx context.Context, q string, args []any, each func(scan func(dest ...any) error) error) error
	// copyRows inserts n rows into table (batched inserts in SQLite, COPY
	// in PostgreSQL); row(i) gives the i-th, so that no more than a batch
	// of rows is held at once.
	copyRows(ctx context.Context, table string, cols []string, n int, row func(i int) ([]any, error)) error
	// allocIDs reserves n new agreement ids.
	allocIDs(ctx context.Context, n int) ([]int64, error)
	// tempTable creates (or empties) a temporary table dropped at the end
	// of the transaction; cols are "name TYPE" pairs in the portable types
	// this package uses (TEXT, BIGINT, INTEGER, BOOLEAN).
	tempTable(ctx context.Context, name string, cols []string) error
	commit(ctx context.Context) error
	rollback(ctx context.Context) error
}

// queryRow runs q and scans its first row into dest; ok is false when q
// returns no row.
func queryRow(ctx context.Context, tx txn, q string, args []any, dest ...any) (ok bool, err error) {
	err = tx.query(ctx, q, args, func(scan func(...any) error) error {
		if ok {
			return nil
		}
		ok = true
		return scan(dest...)
	})
	return ok, err
}

// openEngine opens the database a DSN names.
func openEngine(ctx context.Context, dsn string) (engine, error) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return openPostgres(ctx, dsn)
	case strings.HasPrefix(dsn, "sqlite:"):
		return openSQLite(ctx, strings.TrimPrefix(dsn, "sqlite:"))
	case dsn == "":
		return nil, fmt.Errorf("%w: empty", ErrBadDSN)
	case strings.Contains(dsn, "dbname=") || strings.Contains(dsn, "host="):
		return nil, fmt.Errorf("%w: %q: write a PostgreSQL DSN as a URL, postgres://USER@HOST:PORT/DBNAME", ErrBadDSN, redactKV(dsn))
	case strings.Contains(dsn, "://"):
		return nil, fmt.Errorf("%w: %q: want a file path, sqlite:PATH or postgres://…", ErrBadDSN, redact(dsn))
	}
	return openSQLite(ctx, dsn)
}

// redact hides the password of a URL-shaped DSN, for messages.
func redact(dsn string) string {
	at := strings.LastIndex(dsn, "@")
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return dsn
	}
	user := dsn[scheme+3 : at]
	if i := strings.Index(user, ":"); i >= 0 {
		return dsn[:scheme+3] + user[:i] + ":xxxxx" + dsn[at:]
	}
	return dsn
}

// redactKV hides the password of a key=value DSN, for messages.
func redactKV(dsn string) string {
	f := strings.Fields(dsn)
	for i, kv := range f {
		if strings.HasPrefix(kv, "password=") {
			f[i] = "password=xxxxx"
		}
	}
	return strings.Join(f, " ")
}

// inTx runs f in a transaction, committing when it returns nil and rolling
// back otherwise.
func inTx(ctx context.Context, eng engine, write bool, lock string, f func(tx txn) error) error {
	tx, err := eng.begin(ctx, write, lock)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		_ = tx.rollback(ctx)
		return err
	}
	return tx.commit(ctx)
}

// SQLitePath returns the file an SQLite DSN names; ok is false for a
// PostgreSQL DSN.
func SQLitePath(dsn string) (path string, ok bool) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return "", false
	}
	return strings.TrimPrefix(dsn, "sqlite:"), true
}
