//go:build !parsechild && !front

package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/diff"
	"github.com/agreements/agreements/normalize"
	"github.com/agreements/agreements/output/report"
)

// exitTrouble is diff's exit status when an input could not be read or
// the report not written, distinct from 1, "the snapshots differ".
const exitTrouble = 2

func (e *env) diff(args []string) int {
	fs := e.newFlags("diff", "diff [--format text|json|html] [--out FILE] [--exit-code] [--institution NAME] OLD NEW")
	format := fs.String("format", report.FormatText, "report format: text, json or html")
	exitCode := fs.Bool("exit-code", false, "exit 1 when the snapshots differ (as diff(1): 0 same, 1 different, 2 trouble)")
	inst := fs.String("institution", "", "the home institution's `NAME` for the documents on both sides (overrides what they say; a record file keeps the institution it was made with)")
	out := addOutFlag(fs, "the report")
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
	if code := e.openOut(out, inputs); code >= 0 {
		return exitTrouble
	}
	// A snapshot read only in part would show its missing agreements as
	// removed or added, so any error stops the comparison. Trouble exits
	// 2, as diff(1) does, so that --exit-code's 1 means "they differ".
	// A record file is read as it goes, twice (diff.CompareSnapshots);
	// anything else is read whole.
	var snaps [2]diff.Snapshot
	for i, name := range inputs {
		if kind := recordFile(name); kind != "" {
			snaps[i] = diff.Snapshot{Name: name, Each: func(fn func(agreement.Record) error) error {
				return eachRecord(name, kind, fn)
			}}
			continue
		}
		res, err := e.loadSnapshot(name, normalize.Options{Institution: *inst}, readOpts{})
		if err != nil {
			fmt.Fprintf(e.stderr, "agreements diff: %v\n", err)
			return exitTrouble
		}
		snaps[i] = diff.Records(name, res.Records)
	}
	d, err := diff.CompareSnapshots(snaps[0], snaps[1])
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements diff: %v\n", err)
		return exitTrouble
	}

	var buf bytes.Buffer
	if err := report.Diff(&buf, *format, d); err != nil {
		fmt.Fprintf(e.stderr, "agreements diff: %v\n", err)
		return exitTrouble
	}
	if code := e.writeOut(out, "", func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	}); code >= 0 {
		return exitTrouble
	}
	if *format != report.FormatText {
		// The text report starts with them; in JSON or HTML they could go
		// unseen by someone reading only the counts.
		for _, h := range d.Hints {
			fmt.Fprintf(e.stderr, "agreements diff: note: %s\n", h.Message)
		}
	}
	if *exitCode && !d.Empty() {
		return exitFail
	}
	return exitOK
}
