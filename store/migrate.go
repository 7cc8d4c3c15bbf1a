package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// recordColumns are the columns agreements and agreement_versions give a
// record's fields, in the contract's order (source flattened).
var recordColumns = []string{
	"id", "home_institution", "level", "region", "country", "country_code", "partner", "partner_unit",
	"home_unit", "signed", "fee_waiver", "agreement_type", "valid_until", "flags", "partner_alt", "as_of",
	"source_file", "source_sha256", "source_format", "source_page", "source_row",
}

// recordColumnsDDL declares recordColumns.
const recordColumnsDDL = `
	id               TEXT NOT NULL,
	home_institution TEXT NOT NULL,
	level            TEXT NOT NULL,
	region           TEXT NOT NULL,
	country          TEXT NOT NULL,
	country_code     TEXT NOT NULL,
	partner          TEXT NOT NULL,
	partner_unit     TEXT NOT NULL,
	home_unit        TEXT NOT NULL,
	signed           TEXT NOT NULL,
	fee_waiver       BOOLEAN NOT NULL,
	agreement_type   TEXT NOT NULL,
	valid_until      TEXT NOT NULL,
	flags            TEXT NOT NULL,
	partner_alt      TEXT NOT NULL,
	as_of            TEXT NOT NULL,
	source_file      TEXT NOT NULL,
	source_sha256    TEXT NOT NULL,
	source_format    TEXT NOT NULL,
	source_page      INTEGER NOT NULL,
	source_row       INTEGER NOT NULL`

// migrations are the schema's versions, in order; each is applied once, in
// a transaction, and recorded in schema_version. {{ID}} and {{TIMESTAMP}}
// are the engine's spelling of an integer key that grows and of a time.
// Never edit a migration that has been released: add one.
//
// The references between tables (agreement_id, the *snapshot_id columns)
// are not declared as foreign keys: PostgreSQL checks a foreign key row by
// row, which doubled the time of a 100,000-record load. This package is
// their only writer, and the behaviour suite checks them after every load.
var migrations = [][]string{
	1: {
		`CREATE TABLE snapshots (
	snapshot_id      {{ID}},
	home_institution TEXT NOT NULL,
	source_name      TEXT NOT NULL,
	source_file      TEXT NOT NULL,
	sha256           TEXT NOT NULL,
	format           TEXT NOT NULL,
	as_of            TEXT NOT NULL,
	loaded_at        {{TIMESTAMP}} NOT NULL,
	record_count     INTEGER NOT NULL,
	tool_version     TEXT NOT NULL,
	UNIQUE (home_institution, source_name, sha256)
)`,
		`CREATE INDEX snapshots_feed ON snapshots (home_institution, source_name, snapshot_id)`,
		`CREATE TABLE agreements (
	agreement_id      {{ID}},
	source_name       TEXT NOT NULL,
	key               TEXT NOT NULL,` + recordColumnsDDL + `,
	first_snapshot_id BIGINT NOT NULL,
	last_snapshot_id  BIGINT NOT NULL,
	disappeared_in    BIGINT
)`,
		`CREATE UNIQUE INDEX agreements_present_key ON agreements (home_institution, source_name, key) WHERE disappeared_in IS NULL`,
		`CREATE INDEX agreements_last ON agreements (last_snapshot_id)`,
		`CREATE TABLE agreement_versions (
	agreement_id BIGINT NOT NULL,
	snapshot_id  BIGINT NOT NULL,
	change       TEXT NOT NULL CHECK (change IN ('added', 'changed', 'renamed', 'removed', 'reappeared')),
	key          TEXT NOT NULL,` + recordColumnsDDL + `,
	PRIMARY KEY (agreement_id, snapshot_id)
)`,
		`CREATE INDEX agreement_versions_snapshot ON agreement_versions (snapshot_id)`,
		`CREATE INDEX agreement_versions_id ON agreement_versions (id)`,
		`CREATE TABLE snapshot_records (
	snapshot_id  BIGINT NOT NULL,
	position     INTEGER NOT NULL,
	agreement_id BIGINT NOT NULL,
	key          TEXT NOT NULL,
	record       TEXT NOT NULL,
	PRIMARY KEY (snapshot_id, position)
)`,
		`CREATE VIEW current_agreements AS
SELECT a.agreement_id, a.key, ` + prefixed("a.", recordColumns) + `,
	a.source_name, a.first_snapshot_id, a.last_snapshot_id AS snapshot_id
FROM agreements a
WHERE a.disappeared_in IS NULL
	AND a.last_snapshot_id = (SELECT max(s.snapshot_id) FROM snapshots s
		WHERE s.home_institution = a.home_institution AND s.source_name = a.source_name)`,
		`CREATE VIEW agreement_history AS
SELECT v.agreement_id, v.key, v.snapshot_id, s.as_of AS snapshot_as_of, s.loaded_at,
	s.source_file AS snapshot_file, s.source_name, v.change, ` + prefixed("v.", recordColumns) + `
FROM agreement_versions v
JOIN snapshots s ON s.snapshot_id = v.snapshot_id`,
	},
}

// SchemaVersion is the schema version this package migrates to.
func SchemaVersion() int { return len(migrations) - 1 }

func prefixed(p string, cols []string) string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = p + c
	}
	return strings.Join(out, ", ")
}

// dialectSchema returns migration v with the engine's spellings.
func dialectSchema(v int, spell map[string]string) []string {
	out := make([]string, len(migrations[v]))
	for i, q := range migrations[v] {
		for k, s := range spell {
			q = strings.ReplaceAll(q, k, s)
		}
		out[i] = q
	}
	return out
}

// migrate brings the schema up to SchemaVersion, one transaction per
// version. Concurrent Opens wait for each other (the migration lock).
func migrate(ctx context.Context, eng engine) error {
	// Most opens find the schema current: a read transaction says so
	// without waiting for a load that holds the write lock.
	var cur int
	if err := inTx(ctx, eng, false, "", func(tx txn) error {
		_, err := queryRow(ctx, tx, "SELECT coalesce(max(version), 0) FROM schema_version", nil, &cur)
		return err
	}); err == nil && cur == SchemaVersion() {
		return nil
	}
	ts := map[string]string{EngineSQLite: "TIMESTAMP", EnginePostgres: "TIMESTAMPTZ"}[eng.name()]
	for {
		done := false
		err := inTx(ctx, eng, true, "agreements:schema", func(tx txn) error {
			if err := tx.exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
	version    INTEGER PRIMARY KEY,
	applied_at `+ts+` NOT NULL
)`); err != nil {
				return fmt.Errorf("schema_version: %w", err)
			}
			var cur int
			if _, err := queryRow(ctx, tx, "SELECT coalesce(max(version), 0) FROM schema_version", nil, &cur); err != nil {
				return fmt.Errorf("schema_version: %w", err)
			}
			if cur > SchemaVersion() {
				return fmt.Errorf("the database's schema is version %d, newer than this program's (%d)", cur, SchemaVersion())
			}
			if cur == SchemaVersion() {
				done = true
				return nil
			}
			v := cur + 1
			for _, q := range eng.schema(v) {
				if err := tx.exec(ctx, q); err != nil {
					return fmt.Errorf("migration %d: %w", v, err)
				}
			}
			return tx.exec(ctx, "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)", v, time.Now().UTC())
		})
		if err != nil || done {
			return err
		}
	}
}
