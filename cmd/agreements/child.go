package main

import (
	"os"
	"path/filepath"

	"github.com/agreements/agreements/parser"
)

// The parse child (see isolate.go) is either this program started again
// or, when one stands next to this program's executable, a lean parse
// child: this package built with the parsechild build tag, which links
// only one reader and the child's code below and in isolate.go, and
// starts in less than half the CPU time. make build writes two:
// bin/agreements-parse reads PDFs, bin/agreements-parse-html (build tag
// htmlchild as well) HTML pages. Each starts without the other's reader:
// the HTML reader's tables alone (its entities, the encodings' names)
// took a fifth of the PDF child's start. The command hands each only
// inputs of its format; anything else (an xlsx workbook, a file of no
// format read) goes to the program itself.

// The lean parse children's executables, in the directory of the
// command's: one for PDFs, one for HTML pages.
const (
	leanChildName     = "agreements-parse"
	leanHTMLChildName = "agreements-parse-html"
)

// leanChildEnv and leanHTMLChildEnv, when set, name the lean parse
// children's executables instead (tests point them at ones they built).
const (
	leanChildEnv     = "AGREEMENTS_PARSE_EXE"
	leanHTMLChildEnv = "AGREEMENTS_PARSE_HTML_EXE"
)

// buildStamp identifies the source a build was made from: make build
// sets the same one in the command and its lean child (-ldflags
// -X main.buildStamp=...), a hash of the module's Go files, go.mod and
// go.sum. A command built without one uses no lean child next to it (it
// could be of another source); see childStampOK.
var buildStamp = ""

// stampEnv carries the command's build stamp to the child it starts.
const stampEnv = "AGREEMENTS_PARSE_STAMP"

// exitMismatch is the exit code of a parse child whose build stamp is not
// the command's: it has read nothing, and the command parses the input in
// a child of its own executable instead.
const exitMismatch = 3

// exitNotInBuild is the exit code of a parse child that read the input
// and found it needs a reader its build leaves out (parser.ErrNotInBuild:
// the lean child links no pdfcpu): it writes no reply, and the command
// reads the input again in a child of the full program.
const exitNotInBuild = 4

// childStampOK reports whether the command that started this child was
// built from the same source (the same build stamp).
func childStampOK() bool { return os.Getenv(stampEnv) == buildStamp }

// leanFormat reports whether a lean parse child reads the input: PDF and
// HTML.
func leanFormat(b []byte) bool {
	f := parser.Detect(b)
	return f == parser.FormatPDF || f == parser.FormatHTML
}

// leanChild returns the executable of the lean parse child that reads
// inputs of the given format for the command whose executable is self,
// or "" when there is none to use: the one leanChildEnv (PDF) or
// leanHTMLChildEnv (HTML) names, else leanChildName or leanHTMLChildName
// next to self when the command has a build stamp; either only when it is
// a regular executable file.
func leanChild(self string, format parser.Format) string {
	env, name := leanChildEnv, leanChildName
	switch format {
	case parser.FormatPDF:
	case parser.FormatHTML:
		env, name = leanHTMLChildEnv, leanHTMLChildName
	default:
		return ""
	}
	exe := os.Getenv(env)
	if exe == "" {
		if buildStamp == "" {
			return ""
		}
		exe = filepath.Join(filepath.Dir(self), name)
	}
	fi, err := os.Stat(exe)
	if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm()&0o111 == 0 {
		return ""
	}
	return exe
}

// readOpts are what the command line says about reading documents: the
// pages (PDF) or sheets (xlsx) to read, nil for all, and the password of
// a protected PDF; and, for the command's side only, whether the input is
// the only one the process reads at the time (alone: see
// collectAroundRead).
type readOpts struct {
	pages    []int
	password string
	alone    bool
	// reading, when not nil, is told how many pages of a PDF are about to
	// be read (pdf.Options.Reading; the child's side only).
	reading func(pages int)
}

// The front (main_front.go) is this package built with the front build
// tag: make build writes it as bin/agreements, the command a user starts,
// and the full program, every command, beside it as fullProgramName. The
// front serves extract to NDJSON, JSON and CSV, tables and raw without
// linking the libraries of the other commands, and replaces itself with
// the full program for the rest.

// fullProgramName is the full program's executable, in the directory of
// the front's.
const fullProgramName = "agreements-all"

// fullProgramEnv, when set, names the full program's executable instead
// (tests point it at one they built).
const fullProgramEnv = "AGREEMENTS_ALL_EXE"

// frontStampEnv carries the front's build stamp to the full program it
// replaces itself with (see fromFront).
const frontStampEnv = "AGREEMENTS_FRONT_STAMP"

// fullProgram returns the full program's executable for the front whose
// executable is self: the one fullProgramEnv names, else fullProgramName
// beside self.
func fullProgram(self string) string {
	if exe := os.Getenv(fullProgramEnv); exe != "" {
		return exe
	}
	return filepath.Join(filepath.Dir(self), fullProgramName)
}

// selfReader returns the executable that parses, as a parse child, what
// the lean child does not (or when there is none to use): this program's
// own self, or for the front, which reads no document itself, the full
// program.
func selfReader(self string) string {
	if front {
		return fullProgram(self)
	}
	return self
}
