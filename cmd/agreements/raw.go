package main

import (
	"errors"
	"fmt"

	"github.com/agreements/agreements/parser"
)

// raw prints the raw document dump: every text line with its page, row,
// role, position and style, and every table row, before normalisation.
// Rows are numbered as records' source.row counts them.
func (e *env) raw(args []string) int {
	fs := e.newFlags("raw", "raw [--pages LIST] INPUT")
	pagesFlag := fs.String("pages", "", pagesHelp)
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
	if _, err := e.stdout.Write(parser.Dump(doc)); err != nil {
		fmt.Fprintf(e.stderr, "agreements raw: %v\n", err)
		return exitFail
	}
	if err := errors.Join(doc.PageErrors...); err != nil {
		fmt.Fprintf(e.stderr, "agreements raw: %v\n", err)
		return exitFail
	}
	return exitOK
}
