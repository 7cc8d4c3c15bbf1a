//go:build !parsechild

// Command agreements turns published lists of international academic-exchange
// agreements (PDF and HTML) into canonical, traceable records, audits them
// and compares yearly snapshots.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/output"
)

// version may be set at build time with -ldflags "-X main.version=...";
// otherwise it is read from the build information Go records (the module
// version, the VCS revision and time, and whether the tree was modified).
var version = ""

// versionString is what --version prints after the name: the version,
// then in parentheses the VCS revision and time (when the build recorded
// them), the Go version and the record schema.
func versionString() string {
	v, info := version, []string{}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v == "" {
			v = bi.Main.Version
		}
		var rev, when string
		modified := false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
		if rev != "" {
			if modified {
				rev += ", modified"
			}
			info = append(info, "revision "+rev)
		}
		if when != "" {
			info = append(info, when)
		}
		info = append(info, bi.GoVersion)
	}
	if v == "" {
		v = "(devel)"
	}
	return v + " (" + strings.Join(append(info, "schema "+agreement.Schema), ", ") + ")"
}

const usage = `agreements turns published lists of academic-exchange agreements into records.

Usage:
  agreements extract [--format ndjson|json|csv] [--out FILE] [--institution NAME] INPUT...
  agreements tables  [--pages LIST] [--format json|csv] [--out FILE] INPUT
  agreements audit   [--format text|json|html] [--out FILE] [--strict] INPUT...
  agreements diff    [--format text|json|html] [--out FILE] [--exit-code] OLD NEW
  agreements raw     [--pages LIST] [--out FILE] INPUT    (what the extractor saw, line by line)
  agreements refresh [--db DSN] [--cache DIR] [--jobs N] [--only NAME...] [--accept NAME...] [--report FILE] SOURCES
  agreements load    [--db DSN] [--source NAME] [--allow-older] [--dry-run] INPUT...   (snapshots into a database)
  agreements history [--db DSN] (--id ID | --partner TEXT) [--format text|json]
  agreements export  [--db DSN] [--as-of DATE] [--format ndjson|json|csv] [--out FILE]
  agreements --version

Run 'agreements COMMAND --help' for a command's flags. INPUT may be '-' for stdin.
--out FILE is replaced only by a complete result; --partial allows an incomplete one.
`

// Exit codes of the command line.
const (
	exitOK    = 0
	exitFail  = 1 // an input could not be read or parsed; a strict check failed
	exitUsage = 2
)

// env is what a subcommand may touch: no globals, so tests run it in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	temps  *output.Temps // temporary files being written, removed on an interrupt
	// exits are the parse children whose replies were read whole and
	// whose ends are waited for while the command goes on: the command
	// ends after them (no child outlives it, and their time is its).
	exits *sync.WaitGroup
}

// isCommand reports whether name is one of the commands of the command
// line (what the usage lists), whichever executable serves it.
func isCommand(name string) bool {
	switch name {
	case "extract", "tables", "raw", "audit", "diff", "load", "history", "export", "refresh":
		return true
	}
	return false
}

// frontCommand returns the commands the front serves (see frontServes in
// main_front.go), which the full program serves too, or nil.
func (e *env) frontCommand(name string) func([]string) int {
	switch name {
	case "extract":
		return e.extract
	case "tables":
		return e.tables
	case "raw":
		return e.raw
	}
	return nil
}

// runCommands runs the command line: the usage, --help and --version
// here, a command through command (nil for a name that is no command of
// this executable).
func runCommands(args []string, stdin io.Reader, stdout, stderr io.Writer, command func(e *env, name string) func([]string) int) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, temps: output.NewTemps(nil), exits: &sync.WaitGroup{}}
	defer e.exits.Wait()
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "-version", "--version", "version":
		fmt.Fprintf(stdout, "agreements %s\n", versionString())
		return exitOK
	}
	if cmd := command(e, args[0]); cmd != nil {
		return cmd(args[1:])
	}
	fmt.Fprintf(stderr, "agreements: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// newFlags returns a flag set that does not exit. Asked for with -h or
// --help, its usage goes to stdout (so `agreements extract --help | less`
// shows it); after a usage error, to stderr with the error.
func (e *env) newFlags(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(&flagOutput{stdout: e.stdout, stderr: e.stderr})
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: agreements %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// flagOutput is a flag set's output: while flags are parsed it holds what
// the flag package writes until parseFlags knows whether help was asked
// for (stdout) or the flags were wrong (stderr); otherwise it writes to
// stderr.
type flagOutput struct {
	stdout, stderr io.Writer
	parsing        bool
	held           bytes.Buffer
}

func (o *flagOutput) Write(p []byte) (int, error) {
	if o.parsing {
		return o.held.Write(p)
	}
	return o.stderr.Write(p)
}

// release ends a parse, writing what was held to stdout for help, else to
// stderr.
func (o *flagOutput) release(help bool) {
	o.parsing = false
	w := o.stderr
	if help {
		w = o.stdout
	}
	_, _ = w.Write(o.held.Bytes())
	o.held.Reset()
}

// parseFlags parses args, allowing flags after positional arguments
// (agreements extract a.pdf --format csv). It returns the exit code to use
// when parsing stops the command (help or bad usage), or -1 to go on.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, int) {
	var pos []string
	out, _ := fs.Output().(*flagOutput)
	for {
		if out != nil {
			out.parsing = true
		}
		err := fs.Parse(args)
		if out != nil {
			out.release(errors.Is(err, flag.ErrHelp))
		}
		if err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK
			}
			return nil, exitUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, -1
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), -1
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
