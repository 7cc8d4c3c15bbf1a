//go:build !parsechild && !front

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/diff"
	"github.com/agreements/agreements/output/report"
	"github.com/agreements/agreements/store"
)

// openExisting opens a database for reading; an SQLite file that does not
// exist is an error rather than a new empty database.
func openExisting(ctx context.Context, dsn string) (*store.Store, error) {
	if path, ok := store.SQLitePath(dsn); ok {
		if _, err := os.Stat(path); err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("%s: no database (agreements load creates it)", agreement.QuoteName(path))
			}
			return nil, err
		}
	}
	return store.Open(ctx, dsn)
}

// history prints one agreement's versions across snapshots.
func (e *env) history(args []string) int {
	fs := e.newFlags("history", "history [--db DSN] (--id ID | --partner TEXT) [--format text|json]")
	db := fs.String("db", store.DefaultDSN, dbFlagUsage)
	id := fs.String("id", "", "the agreement's `ID` or key")
	partner := fs.String("partner", "", "agreements whose partner (or other-language name), in any snapshot, contains `TEXT` (case, accents, spaces and punctuation ignored)")
	format := fs.String("format", report.FormatText, "output format: text or json")
	rest, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(rest) > 0 || (*id == "") == (*partner == "") {
		fmt.Fprintln(e.stderr, "agreements history: give one of --id and --partner, and no INPUT")
		fs.Usage()
		return exitUsage
	}
	if *format != report.FormatText && *format != report.FormatJSON {
		fmt.Fprintf(e.stderr, "agreements history: --format %q: want text or json\n", *format)
		return exitUsage
	}
	ctx := context.Background()
	st, err := openExisting(ctx, *db)
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements history: %v\n", err)
		return exitFail
	}
	defer st.Close()
	vs, err := st.History(ctx, store.HistoryQuery{ID: *id, Partner: *partner})
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements history: %v\n", err)
		return exitFail
	}
	if len(vs) == 0 {
		fmt.Fprintf(e.stderr, "agreements history: no agreement matches %s\n", map[bool]string{true: "--id " + *id, false: "--partner " + *partner}[*id != ""])
		return exitFail
	}
	var buf bytes.Buffer
	if *format == report.FormatJSON {
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(vs)
	} else {
		err = historyText(&buf, vs)
	}
	if err == nil {
		_, err = e.stdout.Write(buf.Bytes())
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements history: %v\n", err)
		return exitFail
	}
	return exitOK
}

// historyText writes versions (grouped by agreement, oldest first): a
// heading per agreement, a line per version with the fields that changed.
func historyText(w io.Writer, vs []store.Version) error {
	var b strings.Builder
	for i, v := range vs {
		r := v.Record
		first := i == 0 || vs[i-1].AgreementID != v.AgreementID
		if first {
			if i > 0 {
				b.WriteString("\n")
			}
			last := v
			for _, x := range vs[i:] {
				if x.AgreementID != v.AgreementID {
					break
				}
				last = x
			}
			lr := last.Record
			fmt.Fprintf(&b, "agreement %d: %s (%s, %s)", v.AgreementID, lr.Partner, orNone(lr.Country), lr.Level)
			if lr.PartnerUnit != "" {
				fmt.Fprintf(&b, ", partner unit %s", lr.PartnerUnit)
			}
			if lr.HomeUnit != "" {
				fmt.Fprintf(&b, ", home unit %s", lr.HomeUnit)
			}
			fmt.Fprintf(&b, "; key %s\n", last.Key)
		}
		asOf := v.AsOf
		if asOf == "" {
			asOf = "-"
		}
		fmt.Fprintf(&b, "  snapshot %d  as of %-10s  %-10s  %s", v.SnapshotID, asOf, v.Change, v.SourceFile)
		if !first && v.Change != store.ChangeRemoved {
			for _, f := range fieldChanges(&vs[i-1].Record, &r) {
				fmt.Fprintf(&b, "\n      %s", f)
			}
		} else if v.Change == store.ChangeAdded {
			fmt.Fprintf(&b, "  (signed %s, fee waiver %t)", orNone(r.Signed), r.FeeWaiver)
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// fieldChanges lists the compared fields (those diff compares) that differ
// between two versions, as "field: old → new".
func fieldChanges(o, n *agreement.Record) []string {
	om, nm := recordMap(o), recordMap(n)
	var out []string
	for _, f := range diff.Fields() {
		if f == "as_of" {
			continue
		}
		if !reflect.DeepEqual(om[f], nm[f]) {
			out = append(out, fmt.Sprintf("%s: %s → %s", f, showValue(om[f]), showValue(nm[f])))
		}
	}
	return out
}

func recordMap(r *agreement.Record) map[string]any {
	b, _ := json.Marshal(r)
	m := map[string]any{}
	_ = json.Unmarshal(b, &m)
	return m
}

func showValue(v any) string {
	switch x := v.(type) {
	case string:
		return orNone(x)
	case []any:
		parts := make([]string, len(x))
		for i, p := range x {
			parts[i] = fmt.Sprint(p)
		}
		return "[" + strings.Join(parts, " ") + "]"
	}
	return fmt.Sprint(v)
}
