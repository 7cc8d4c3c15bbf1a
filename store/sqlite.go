package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// sqliteBusyTimeout is how long (ms) a writer waits for another process's
// write transaction before giving up.
const sqliteBusyTimeout = 120000

// sqliteEngine is an SQLite database file, through modernc.org/sqlite (no
// cgo): WAL journal, a busy timeout, and write transactions that take the
// write lock when they begin (BEGIN IMMEDIATE), so two loads never
// deadlock upgrading a read lock.
type sqliteEngine struct {
	db   *sql.DB
	path string
}

func openSQLite(ctx context.Context, path string) (engine, error) {
	if path == "" {
		return nil, fmt.Errorf("%w: sqlite: no file path", ErrBadDSN)
	}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", sqliteBusyTimeout))
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "cache_size(-65536)") // 64 MiB: a large load is not spilled to the WAL page by page
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Set("_txlock", "immediate")
	q.Set("_time_format", "sqlite")
	db, err := sql.Open("sqlite", "file:"+escapeSQLitePath(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := pingSQLite(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &sqliteEngine{db: db, path: path}, nil
}

// pingSQLite opens db's first connection. Setting the journal mode of a
// new database file takes its lock without waiting for it (SQLite does
// not call the busy handler there): when several processes open a new
// file at once, all but one find it busy. The connection is tried again
// then, for as long as the busy timeout.
func pingSQLite(ctx context.Context, db *sql.DB) error {
	deadline := time.Now().Add(sqliteBusyTimeout * time.Millisecond)
	wait := 5 * time.Millisecond
	for {
		err := db.PingContext(ctx)
		var se *sqlite.Error
		if err == nil || !errors.As(err, &se) || se.Code()&0xff != sqlite3.SQLITE_BUSY || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
		wait = min(2*wait, 200*time.Millisecond)
	}
}

// escapeSQLitePath makes a file path safe inside a file: URI.
func escapeSQLitePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}

func (e *sqliteEngine) name() string { return EngineSQLite }
func (e *sqliteEngine) close() error { return e.db.Close() }

func (e *sqliteEngine) begin(ctx context.Context, write bool, _ string) (txn, error) {
	tx, err := e.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: !write})
	if err != nil {
		return nil, fmt.Errorf("%s: begin: %w", e.path, err)
	}
	return &sqlTxn{tx: tx, where: e.path}, nil
}

func (e *sqliteEngine) schema(v int) []string {
	return dialectSchema(v, map[string]string{
		"{{ID}}":        "INTEGER PRIMARY KEY",
		"{{TIMESTAMP}}": "TIMESTAMP",
	})
}

// sqlTxn is an SQLite transaction.
type sqlTxn struct {
	tx    *sql.Tx
	where string
}

func (t *sqlTxn) exec(ctx context.Context, q string, args ...any) error {
	if _, err := t.tx.ExecContext(ctx, q, args...); err != nil {
		return fmt.Errorf("%s: %w", t.where, err)
	}
	return nil
}

func (t *sqlTxn) query(ctx context.Context, q string, args []any, each func(scan func(...any) error) error) error {
	rows, err := t.tx.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", t.where, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := each(rows.Scan); err != nil {
			return fmt.Errorf("%s: %w", t.where, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: %w", t.where, err)
	}
	return rows.Close()
}

// sqliteMaxVars stays under SQLite's limit on the parameters of one
// statement (32766).
const sqliteMaxVars = 32000

func (t *sqlTxn) copyRows(ctx context.Context, table string, cols []string, n int, row func(int) ([]any, error)) error {
	if n == 0 {
		return nil
	}
	batch := min(500, sqliteMaxVars/len(cols))
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",") + ")"
	stmtFor := func(n int) string {
		return "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES " +
			strings.TrimSuffix(strings.Repeat(one+",", n), ",")
	}
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	args := make([]any, 0, batch*len(cols))
	for start := 0; start < n; start += batch {
		end := min(start+batch, n)
		args = args[:0]
		for i := start; i < end; i++ {
			r, err := row(i)
			if err != nil {
				return err
			}
			args = append(args, r...)
		}
		var err error
		if end-start == batch {
			if full == nil {
				if full, err = t.tx.PrepareContext(ctx, stmtFor(batch)); err != nil {
					return fmt.Errorf("%s: %s: %w", t.where, table, err)
				}
			}
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = t.tx.ExecContext(ctx, stmtFor(end-start), args...)
		}
		if err != nil {
			return fmt.Errorf("%s: insert into %s: %w", t.where, table, err)
		}
	}
	return nil
}

func (t *sqlTxn) allocIDs(ctx context.Context, n int) ([]int64, error) {
	var last int64
	if _, err := queryRow(ctx, t, "SELECT coalesce(max(agreement_id), 0) FROM agreements", nil, &last); err != nil {
		return nil, err
	}
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = last + 1 + int64(i)
	}
	return ids, nil
}

func (t *sqlTxn) tempTable(ctx context.Context, name string, cols []string) error {
	if err := t.exec(ctx, "DROP TABLE IF EXISTS temp."+name); err != nil {
		return err
	}
	return t.exec(ctx, "CREATE TEMP TABLE "+name+" ("+strings.Join(cols, ", ")+")")
}

func (t *sqlTxn) commit(context.Context) error {
	if err := t.tx.Commit(); err != nil {
		return fmt.Errorf("%s: commit: %w", t.where, err)
	}
	return nil
}

func (t *sqlTxn) rollback(context.Context) error { return t.tx.Rollback() }
