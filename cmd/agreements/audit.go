package main

import (
	"bytes"
	"fmt"

	"github.com/agreements/agreements/audit"
	"github.com/agreements/agreements/normalize"
	"github.com/agreements/agreements/output/report"
)

func (e *env) audit(args []string) int {
	fs := e.newFlags("audit", "audit [--format text|json|html] [--strict] [--institution NAME] [--pages LIST] [--password PASSWORD] [--examples N] INPUT...")
	format := fs.String("format", report.FormatText, "report format: text, json or html")
	strict := fs.Bool("strict", false, "exit 1 when any error-level check fails")
	inst := fs.String("institution", "", "the home institution's `NAME` (overrides what the documents say)")
	examples := fs.Int("examples", audit.DefaultMaxExamples, "examples to keep per finding (`N`)")
	pagesFlag := fs.String("pages", "", pagesHelp)
	password := fs.String("password", "", "the user `PASSWORD` of a protected PDF (the empty one is tried first)")
	inputs, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	pages, err := parsePages(*pagesFlag)
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements audit: --pages: %v\n", err)
		return exitUsage
	}
	if len(inputs) == 0 {
		fmt.Fprintln(e.stderr, "agreements audit: no INPUT given")
		fs.Usage()
		return exitUsage
	}
	if err := report.CheckFormat(*format); err != nil {
		fmt.Fprintf(e.stderr, "agreements audit: %v\n", err)
		return exitUsage
	}
	if *examples < 1 {
		fmt.Fprintln(e.stderr, "agreements audit: --examples must be at least 1")
		return exitUsage
	}

	var ins []audit.Input
	failed := false
	for _, name := range inputs {
		res, err := e.loadRecordsPages(name, normalize.Options{Institution: *inst}, readOpts{pages: pages, password: *password})
		if err != nil {
			fmt.Fprintf(e.stderr, "agreements audit: %v\n", err)
			failed = true
		}
		ins = append(ins, audit.Input{Name: name, Result: res, Err: err})
	}
	rep := audit.Run(ins, audit.Options{MaxExamples: *examples})

	// Render to memory first, so a failed render never leaves half a report.
	var buf bytes.Buffer
	if err := report.Audit(&buf, *format, rep); err != nil {
		fmt.Fprintf(e.stderr, "agreements audit: %v\n", err)
		return exitFail
	}
	if _, err := e.stdout.Write(buf.Bytes()); err != nil {
		fmt.Fprintf(e.stderr, "agreements audit: writing report: %v\n", err)
		return exitFail
	}
	if failed || (*strict && rep.Failed(audit.LevelError)) {
		return exitFail
	}
	return exitOK
}
