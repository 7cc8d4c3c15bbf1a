// Command agreements turns published lists of international academic-exchange
// agreements (PDF and HTML) into canonical, traceable records, audits them
// and compares yearly snapshots.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

const usage = `agreements turns published lists of academic-exchange agreements into records.

Usage:
  agreements extract [--format ndjson|json|csv] [--out FILE] [--institution NAME] INPUT...
  agreements tables  [--pages LIST] [--format json|csv] INPUT
  agreements audit   [--format text|json|html] [--strict] INPUT...
  agreements diff    [--format text|json|html] [--exit-code] OLD NEW
  agreements raw     [--pages LIST] INPUT    (what the extractor saw, line by line)
  agreements refresh [--db DSN] [--cache DIR] [--jobs N] [--only NAME...] [--accept NAME...] [--report FILE] SOURCES
  agreements load    [--db DSN] [--source NAME] [--allow-older] [--dry-run] INPUT...   (snapshots into a database)
  agreements history [--db DSN] (--id ID | --partner TEXT) [--format text|json]
  agreements export  [--db DSN] [--as-of DATE] [--format ndjson|json|csv]
  agreements --version

Run 'agreements COMMAND --help' for a command's flags. INPUT may be '-' for stdin.
`

// Exit codes of the command line.
const (
	exitOK    = 0
	exitFail  = 1 // an input could not be read or parsed; a strict check failed
	exitUsage = 2
)

func main() {
	if isParseChild() {
		os.Exit(parseChild(os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// env is what a subcommand may touch: no globals, so tests run it in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "-version", "--version", "version":
		fmt.Fprintf(stdout, "agreements %s (schema agreement/v1)\n", version)
		return exitOK
	case "extract":
		return e.extract(args[1:])
	case "tables":
		return e.tables(args[1:])
	case "raw":
		return e.raw(args[1:])
	case "audit":
		return e.audit(args[1:])
	case "diff":
		return e.diff(args[1:])
	case "load":
		return e.load(args[1:])
	case "history":
		return e.history(args[1:])
	case "export":
		return e.export(args[1:])
	case "refresh":
		return e.refresh(args[1:])
	}
	fmt.Fprintf(stderr, "agreements: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// newFlags returns a flag set that reports to stderr and does not exit.
func (e *env) newFlags(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: agreements %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, allowing flags after positional arguments
// (agreements extract a.pdf --format csv). It returns the exit code to use
// when parsing stops the command (help or bad usage), or -1 to go on.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, int) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
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
