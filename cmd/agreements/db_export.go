//go:build !parsechild && !front

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/agreements/agreements/output"
	"github.com/agreements/agreements/output/workbook"
	"github.com/agreements/agreements/store"
)

// export writes the current (or a past) state of the database as records.
func (e *env) export(args []string) int {
	fs := e.newFlags("export", "export [--db DSN] [--as-of DATE] [--format ndjson|json|csv] [--out FILE [--partial]]")
	db := fs.String("db", store.DefaultDSN, dbFlagUsage)
	asOf := fs.String("as-of", "", "export each list as of `DATE` (YYYY, YYYY-MM or YYYY-MM-DD) instead of its latest snapshot")
	format := fs.String("format", output.FormatNDJSON, "output format: ndjson, json or csv")
	out := addOutFlags(fs, "the records")
	rest, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintln(e.stderr, "agreements export: takes no INPUT")
		fs.Usage()
		return exitUsage
	}
	if _, err := workbook.NewWriterOptions(&bytes.Buffer{}, *format, output.Options{}); err != nil {
		fmt.Fprintf(e.stderr, "agreements export: %v\n", err)
		return exitUsage
	}
	if code := e.openOut(out, nil); code >= 0 {
		return code
	}
	ctx := context.Background()
	st, err := openExisting(ctx, *db)
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements export: %v\n", err)
		return exitFail
	}
	defer st.Close()
	recs, err := st.Export(ctx, store.ExportQuery{AsOf: *asOf})
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements export: %v\n", err)
		return exitFail
	}
	// An empty export (an empty database, a date before the first
	// snapshot) does not replace a file of records.
	if code := e.writeOut(out, incomplete(0, len(recs)), func(w io.Writer) error {
		return workbook.WriteAll(w, *format, recs)
	}); code >= 0 {
		return code
	}
	return exitOK
}
