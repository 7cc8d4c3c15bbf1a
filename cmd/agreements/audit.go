//go:build !parsechild && !front

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/agreements/agreements/audit"
	"github.com/agreements/agreements/normalize"
	"github.com/agreements/agreements/output/report"
	"github.com/agreements/agreements/parser"
)

func (e *env) audit(args []string) int {
	fs := e.newFlags("audit", "audit [--format text|json|html] [--out FILE [--partial]] [--strict] [--institution NAME] [--pages LIST] [--password PASSWORD] [--examples N] [--checks LIST] [--skip LIST] [--declared FIGURES] INPUT...")
	format := fs.String("format", report.FormatText, "report format: text, json or html")
	strict := fs.Bool("strict", false, "exit 1 when any error-level check fails")
	inst := fs.String("institution", "", "the home institution's `NAME` (overrides what the documents say)")
	examples := fs.Int("examples", audit.DefaultMaxExamples, "examples to keep per finding (`N`)")
	pagesFlag := fs.String("pages", "", pagesHelp)
	password := fs.String("password", "", "the user `PASSWORD` of a protected PDF (the empty one is tried first)")
	checks := fs.String("checks", "", "run only these checks (`LIST`, comma-separated names)")
	skip := fs.String("skip", "", "do not run these checks (`LIST`, comma-separated names)")
	declaredFlag := fs.String("declared", "", "reconcile the inputs with the totals of a figures page or a TOML figures file (`FIGURES`)")
	out := addOutFlags(fs, "the report")
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

	if code := e.openOut(out, append(inputs[:len(inputs):len(inputs)], *declaredFlag)); code >= 0 {
		return code
	}

	opt := audit.Options{MaxExamples: *examples, Only: checkList(*checks), Skip: checkList(*skip)}
	for _, l := range []struct{ flag, v string }{{"--checks", *checks}, {"--skip", *skip}} {
		if err := audit.CheckNames(checkList(l.v)); err != nil {
			fmt.Fprintf(e.stderr, "agreements audit: %s: %v\n", l.flag, err)
			return exitUsage
		}
	}
	if *declaredFlag != "" {
		f, err := e.readFigures(*declaredFlag, normalize.Options{Institution: *inst}, readOpts{password: *password})
		if err != nil {
			fmt.Fprintf(e.stderr, "agreements audit: --declared: %v\n", err)
			return exitFail
		}
		opt.Figures = f
	}

	defer limitAuditMemory(inputs)()
	var ins []audit.Input
	failed := false
	for _, name := range inputs {
		res, err := e.loadSnapshot(name, normalize.Options{Institution: *inst}, readOpts{pages: pages, password: *password})
		if err != nil {
			fmt.Fprintf(e.stderr, "agreements audit: %v\n", err)
			failed = true
		}
		ins = append(ins, audit.Input{Name: name, Result: res, Err: err})
	}
	rep := audit.Run(ins, opt)

	// Render to memory first, so a failed render never leaves half a report.
	var buf bytes.Buffer
	if err := report.Audit(&buf, *format, rep); err != nil {
		fmt.Fprintf(e.stderr, "agreements audit: %v\n", err)
		return exitFail
	}
	why := ""
	if failed {
		why = "an input could not be read, named above"
	}
	if code := e.writeOut(out, why, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	}); code >= 0 {
		return code
	}
	if failed || (*strict && rep.Failed(audit.LevelError)) {
		return exitFail
	}
	return exitOK
}

// checkList splits a comma-separated list of check names.
func checkList(s string) []string {
	var out []string
	for _, c := range strings.Split(s, ",") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// readFigures reads the totals of --declared: a document (PDF, HTML,
// xlsx), of which only the totals it states are taken, or a TOML figures
// file.
func (e *env) readFigures(name string, opt normalize.Options, ro readOpts) (*audit.Figures, error) {
	b, err := e.readInput(name)
	if err != nil {
		return nil, err
	}
	if parser.Detect(b) == parser.FormatUnknown {
		return audit.ReadFigures(name, b)
	}
	res, err := extractPages(name, b, opt, ro)
	if err != nil {
		return nil, err
	}
	if len(res.Declared) == 0 {
		return nil, fmt.Errorf("%s: no declared total found in the document (a figures file in TOML can state them)", parser.QuoteName(name))
	}
	return &audit.Figures{Name: name, Declared: res.Declared}, nil
}

// limitAuditMemory sets the collector's soft memory limit for an audit of
// record files (of which it holds the records for the whole run, about
// 0.7 times their size) to their size and 256 MiB, unless GOMEMLIMIT or a lower limit (the
// quiet start of small inputs) says otherwise: the heap is collected
// before it reaches twice what is live, as it would grow to without a
// limit. It returns what puts the limit back.
func limitAuditMemory(inputs []string) func() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return func() {}
	}
	var size int64
	for _, name := range inputs {
		if recordFile(name) == "" {
			continue
		}
		if fi, err := os.Stat(name); err == nil {
			size += fi.Size()
		}
	}
	if size == 0 {
		return func() {}
	}
	limit := size + 256<<20
	old := debug.SetMemoryLimit(-1)
	if limit >= old {
		return func() {} // a lower limit set already (a quiet start: small inputs)
	}
	debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(old) }
}
