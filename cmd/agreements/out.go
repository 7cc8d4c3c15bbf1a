//go:build !parsechild

package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/agreements/agreements/output"
	"github.com/agreements/agreements/parser"
)

// outFlags are the flags of a command that writes its result: --out and
// --partial. Every command writes a file through them, so the rules are
// the same everywhere (README, "Output files").
type outFlags struct {
	cmd     string
	out     *string
	partial *bool
	target  *output.Target // nil: stdout
}

// addOutFlags registers --out and --partial on fs.
func addOutFlags(fs *flag.FlagSet, what string) *outFlags {
	return &outFlags{
		cmd:     fs.Name(),
		out:     fs.String("out", "", "write "+what+" to `FILE` instead of stdout (replaced only by a complete result, in one step)"),
		partial: fs.Bool("partial", false, "with --out: replace the file even with an incomplete result (an input or page not read, no records)"),
	}
}

// addOutFlag registers --out alone, for a command whose result is
// complete or not written at all (diff stops at any error).
func addOutFlag(fs *flag.FlagSet, what string) *outFlags {
	return &outFlags{
		cmd:     fs.Name(),
		out:     fs.String("out", "", "write "+what+" to `FILE` instead of stdout (replaced in one step)"),
		partial: new(bool),
	}
}

// toFile reports whether --out names a file (not stdout).
func (o *outFlags) toFile() bool { return *o.out != "" && *o.out != "-" }

// openOut checks --out before anything is read: it must not be a read-only
// file, a directory, nor one of inputs (also stdin's file when "-" is an
// input). It returns -1 to go on, else the exit code.
func (e *env) openOut(o *outFlags, inputs []string) int {
	if !o.toFile() {
		return -1
	}
	t, err := output.OpenTarget(*o.out, inputs)
	if err == nil {
		if f, ok := e.stdin.(*os.File); ok && slices.Contains(inputs, "-") {
			if fi, serr := f.Stat(); serr == nil && fi.Mode().IsRegular() && t.SameFile(fi) {
				err = fmt.Errorf("%s: %w (-, standard input)", parser.QuoteName(*o.out), output.ErrIsInput)
			}
		}
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements %s: --out %s\n", o.cmd, quotedIn(err, *o.out))
		return exitFail
	}
	o.target = t
	return -1
}

// writeOut writes the result with write, to --out or stdout. incomplete
// says why the result is incomplete ("" when it is not): then an existing
// file is not replaced, unless --partial is given. It returns -1 when the
// result was written, else the exit code.
func (e *env) writeOut(o *outFlags, incomplete string, write func(w io.Writer) error) int {
	if o.target == nil {
		if err := write(e.stdout); err != nil {
			fmt.Fprintf(e.stderr, "agreements %s: writing: %v\n", o.cmd, err)
			return exitFail
		}
		return -1
	}
	if e.keepOld(o, incomplete) {
		return exitFail
	}
	err := o.target.Write(e.temps, func(f *os.File) error { return write(f) })
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements %s: %s\n", o.cmd, quotedIn(err, *o.out))
		return exitFail
	}
	return -1
}

// keepOld reports, and says on stderr, that an existing --out file is not
// to be replaced by an incomplete result (incomplete says why; "" when it
// is complete), unless --partial is given.
func (e *env) keepOld(o *outFlags, incomplete string) bool {
	if incomplete == "" || !o.target.Replaces() || *o.partial {
		return false
	}
	fmt.Fprintf(e.stderr, "agreements %s: %s not replaced: the result is incomplete (%s); the old file is left unchanged (--partial replaces it anyway)\n",
		o.cmd, parser.QuoteName(*o.out), incomplete)
	return true
}

// commitOut ends writing --out through p, its temporary file, as writeOut
// would have written it whole: not replaced when the result is incomplete
// (then p is removed), the error of making the temporary file (perr) said
// here, where writeOut says it, and werr the error of writing it. It
// returns -1 when the result was written, else the exit code.
func (e *env) commitOut(o *outFlags, incomplete string, p *output.Pending, perr, werr error) int {
	if e.keepOld(o, incomplete) {
		if p != nil {
			p.Abort()
		}
		return exitFail
	}
	err := perr
	if err == nil {
		err = p.Commit(werr)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements %s: %s\n", o.cmd, quotedIn(err, *o.out))
		return exitFail
	}
	return -1
}
