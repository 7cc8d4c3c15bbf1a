//go:build !parsechild

package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/agreements/agreements/parser"
)

// raw prints the raw document dump: every text line with its page, row,
// role, position and style, and every table row, before normalisation.
// Rows are numbered as records' source.row counts them.
func (e *env) raw(args []string) int {
	fs := e.newFlags("raw", "raw [--pages LIST] [--out FILE [--partial]] INPUT")
	pagesFlag := fs.String("pages", "", pagesHelp)
	out := addOutFlags(fs, "the dump")
	inputs, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(inputs) != 1 {
		fmt.Fprintln(e.stderr, "agreements raw: want exactly one INPUT")
		fs.Usage()
		return exitUsage
	}
	pages, err := parsePages(*pagesFlag)
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements raw: --pages: %v\n", err)
		return exitUsage
	}
	if code := e.openOut(out, inputs); code >= 0 {
		return code
	}
	b, err := e.readInput(inputs[0])
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements raw: %v\n", err)
		return exitFail
	}
	doc, err := parseIsolated(inputs[0], b, pages)
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements raw: %v\n", err)
		return exitFail
	}
	pageErr := errors.Join(doc.PageErrors...)
	if pageErr != nil {
		fmt.Fprintf(e.stderr, "agreements raw: %v\n", pageErr)
	}
	why := ""
	if pageErr != nil {
		why = fmt.Sprintf("%d %s could not be read", len(doc.PageErrors), plural(len(doc.PageErrors), "page", "pages"))
	}
	if code := e.writeOut(out, why, func(w io.Writer) error {
		_, err := w.Write(parser.Dump(doc))
		return err
	}); code >= 0 {
		return code
	}
	if pageErr != nil {
		return exitFail
	}
	return exitOK
}
