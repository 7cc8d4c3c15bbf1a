//go:build front && !parsechild

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/agreements/agreements/output"
)

// The front: the executable make build writes as bin/agreements. It serves
// the usage, --help, --version, extract to NDJSON, JSON or CSV, tables and
// raw, of any input (each is parsed in a parse child: the lean one, or the
// full program for what the lean one does not read), and links neither the
// workbook library nor the stores', the fetcher's, the audit's and the
// reports' libraries that the full program initialises at every start. For
// anything else (another command, extract --format xlsx) it replaces
// itself with the full program beside it (fullProgram), with the same
// arguments and environment, before reading anything: what the user sees
// is the full program's, byte for byte.

func main() {
	args := os.Args[1:]
	if isParseChild() || !frontServes(args) {
		os.Exit(execFull(args, os.Stderr))
	}
	if len(args) > 0 && isCommand(args[0]) {
		// extract parses what the lean child does not read (an xlsx
		// workbook, a file of another format) in the full program.
		if self, err := os.Executable(); err == nil {
			if _, err := os.Stat(fullProgram(self)); errors.Is(err, fs.ErrNotExist) {
				os.Exit(fullMissing(os.Stderr, fullProgram(self), self))
			}
		}
	}
	quietStart(args)
	os.Exit(runCommands(args, os.Stdin, os.Stdout, os.Stderr, (*env).frontCommand))
}

// frontServes reports whether the front serves the command line args:
// anything that is no command (the usage, --help, --version, an unknown
// command), tables and raw, and extract to any format but xlsx. The flags
// of extract are parsed as extract parses them, their messages dropped (a
// usage error or --help is served, and said, by extract itself).
func frontServes(args []string) bool {
	if len(args) == 0 || !isCommand(args[0]) {
		return true
	}
	e := &env{stdin: bytes.NewReader(nil), stdout: io.Discard, stderr: io.Discard}
	switch {
	case e.frontCommand(args[0]) == nil:
		return false
	case args[0] != "extract":
		return true
	}
	fs, flags := e.extractFlags()
	if _, code := parseFlags(fs, args[1:]); code >= 0 {
		return true
	}
	return *flags.format != output.FormatXLSX
}

// execFull replaces the front with the full program, with the same
// arguments and environment and the front's build stamp (see fromFront).
// It returns only when the full program could not be started: then it
// says why, naming the executable, and returns the exit code.
func execFull(args []string, stderr io.Writer) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "agreements: finding the full program (%s) beside this executable: %v\n", fullProgramName, err)
		return exitFail
	}
	exe := fullProgram(self)
	argv := append([]string{os.Args[0]}, args...)
	err = syscall.Exec(exe, argv, append(os.Environ(), frontStampEnv+"="+buildStamp))
	if errors.Is(err, fs.ErrNotExist) {
		return fullMissing(stderr, exe, self)
	}
	fmt.Fprintf(stderr, "agreements: starting the full program %s: %v\n", exe, err)
	return exitFail
}

// fullMissing says that the full program exe is not beside the front
// self, and returns the exit code.
func fullMissing(stderr io.Writer, exe, self string) int {
	fmt.Fprintf(stderr, "agreements: %s is missing: it runs what %s does not serve itself "+
		"(every command but extract, tables and raw, extract --format xlsx, and the reading of what the lean parse child does not read); "+
		"make build writes agreements, %s, %s and %s into one directory, to be installed together\n",
		exe, self, fullProgramName, leanChildName, leanHTMLChildName)
	return exitFail
}
