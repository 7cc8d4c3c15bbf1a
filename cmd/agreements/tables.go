//go:build !parsechild

package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/agreements/agreements/parser"
)

// rawTable is the contract's JSON shape of one raw table.
type rawTable struct {
	Page  int        `json:"page"`
	Index int        `json:"index"`
	Rows  [][]string `json:"rows"`
}

func (e *env) tables(args []string) int {
	fs := e.newFlags("tables", "tables [--pages LIST] [--format json|csv] [--out FILE [--partial]] INPUT")
	pagesFlag := fs.String("pages", "", pagesHelp)
	format := fs.String("format", "json", "output format: json or csv")
	out := addOutFlags(fs, "the tables")
	inputs, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(inputs) != 1 {
		fmt.Fprintln(e.stderr, "agreements tables: want exactly one INPUT")
		fs.Usage()
		return exitUsage
	}
	if *format != "json" && *format != "csv" {
		fmt.Fprintf(e.stderr, "agreements tables: unknown format %q (want json or csv)\n", *format)
		return exitUsage
	}
	pages, err := parsePages(*pagesFlag)
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements tables: --pages: %v\n", err)
		return exitUsage
	}
	if code := e.openOut(out, inputs); code >= 0 {
		return code
	}
	name := inputs[0]
	b, err := e.readInput(name)
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements tables: %v\n", err)
		return exitFail
	}
	doc, err := parseIsolated(name, b, pages)
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements tables: %v\n", err)
		return exitFail
	}
	tabs := rawTables(doc, pages)
	pageErr := errors.Join(doc.PageErrors...)
	if pageErr != nil {
		fmt.Fprintf(e.stderr, "agreements tables: %v\n", pageErr)
	}
	why := ""
	switch {
	case pageErr != nil:
		why = fmt.Sprintf("%d %s could not be read", len(doc.PageErrors), plural(len(doc.PageErrors), "page", "pages"))
	case len(tabs) == 0:
		why = "no tables"
	}
	if code := e.writeOut(out, why, func(w io.Writer) error {
		if *format == "csv" {
			return writeTablesCSV(w, tabs)
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(tabs)
	}); code >= 0 {
		return code
	}
	if pageErr != nil {
		return exitFail
	}
	return exitOK
}

// rawTables flattens the document's tables into the contract's shape, keeping
// only rows on the selected pages. A table that runs over several pages is
// reported once, on the page of its first selected row.
func rawTables(doc *parser.Document, pages []int) []rawTable {
	want := map[int]bool{}
	for _, p := range pages {
		want[p] = true
	}
	out := []rawTable{}
	perPage := map[int]int{}
	for _, blk := range doc.Blocks {
		t := blk.Table
		if t == nil {
			continue
		}
		rt := rawTable{Rows: [][]string{}}
		for _, r := range t.Rows {
			if len(want) > 0 && !want[r.Page] {
				continue
			}
			if len(rt.Rows) == 0 {
				rt.Page = r.Page
			}
			cells := make([]string, len(r.Cells))
			for i, c := range r.Cells {
				if !c.Covered {
					cells[i] = c.Text
				}
			}
			rt.Rows = append(rt.Rows, cells)
		}
		if len(rt.Rows) == 0 {
			continue
		}
		rt.Index = perPage[rt.Page]
		perPage[rt.Page]++
		out = append(out, rt)
	}
	return out
}

func writeTablesCSV(w io.Writer, tabs []rawTable) error {
	for i, t := range tabs {
		if i > 0 {
			if _, err := io.WriteString(w, "\r\n"); err != nil {
				return err
			}
		}
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		if err := cw.WriteAll(t.Rows); err != nil {
			return err
		}
	}
	return nil
}
