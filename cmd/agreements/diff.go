package main

import (
	"bytes"
	"fmt"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/diff"
	"github.com/agreements/agreements/normalize"
	"github.com/agreements/agreements/output/report"
)

func (e *env) diff(args []string) int {
	fs := e.newFlags("diff", "diff [--format text|json|html] [--exit-code] [--institution NAME] OLD NEW")
	format := fs.String("format", report.FormatText, "report format: text, json or html")
	exitCode := fs.Bool("exit-code", false, "exit 1 when the snapshots differ (like git diff)")
	inst := fs.String("institution", "", "the home institution's `NAME` (overrides what the documents say)")
	inputs, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(inputs) != 2 {
		fmt.Fprintln(e.stderr, "agreements diff: want OLD and NEW")
		fs.Usage()
		return exitUsage
	}
	if err := report.CheckFormat(*format); err != nil {
		fmt.Fprintf(e.stderr, "agreements diff: %v\n", err)
		return exitUsage
	}
	// A snapshot read only in part would show its missing agreements as
	// removed or added, so any error stops the comparison.
	var snaps [2]*agreement.Result
	for i, name := range inputs {
		res, err := e.loadRecords(name, normalize.Options{Institution: *inst})
		if err != nil {
			fmt.Fprintf(e.stderr, "agreements diff: %v\n", err)
			return exitFail
		}
		snaps[i] = res
	}
	d := diff.Compare(inputs[0], snaps[0].Records, inputs[1], snaps[1].Records)

	var buf bytes.Buffer
	if err := report.Diff(&buf, *format, d); err != nil {
		fmt.Fprintf(e.stderr, "agreements diff: %v\n", err)
		return exitFail
	}
	if _, err := e.stdout.Write(buf.Bytes()); err != nil {
		fmt.Fprintf(e.stderr, "agreements diff: writing report: %v\n", err)
		return exitFail
	}
	if *exitCode && !d.Empty() {
		return exitFail
	}
	return exitOK
}
