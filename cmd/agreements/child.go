package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/parser/html"
	"github.com/agreements/agreements/parser/pdf"
)

// The parse child (see isolate.go) is either this program started again
// or, when it stands next to this program's executable, the lean parse
// child: this package built with the parsechild build tag (make build
// writes it as bin/agreements-parse), which links only the PDF and HTML
// readers and the child's code below and in isolate.go, and starts in
// less than half the CPU time. The command hands it PDF and HTML inputs
// only; anything else (an xlsx workbook, whose reader the lean child does
// not link, or a file of no format read) goes to the program itself.

// leanChildName is the lean parse child's executable, in the directory of
// the command's.
const leanChildName = "agreements-parse"

// leanChildEnv, when set, names the lean parse child's executable instead
// (tests point it at one they built).
const leanChildEnv = "AGREEMENTS_PARSE_EXE"

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

// childStampOK reports whether the command that started this child was
// built from the same source (the same build stamp).
func childStampOK() bool { return os.Getenv(stampEnv) == buildStamp }

// leanFormat reports whether the lean parse child reads the input: PDF
// and HTML.
func leanFormat(b []byte) bool {
	f := parser.Detect(b)
	return f == parser.FormatPDF || f == parser.FormatHTML
}

// leanChild returns the lean parse child's executable for the command
// whose executable is self, or "" when there is none to use: the one
// leanChildEnv names, else leanChildName next to self when the command has
// a build stamp; either only when it is a regular executable file.
func leanChild(self string) string {
	exe := os.Getenv(leanChildEnv)
	if exe == "" {
		if buildStamp == "" {
			return ""
		}
		exe = filepath.Join(filepath.Dir(self), leanChildName)
	}
	fi, err := os.Stat(exe)
	if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm()&0o111 == 0 {
		return ""
	}
	return exe
}

// readOpts are what the command line says about reading documents: the
// pages (PDF) or sheets (xlsx) to read, nil for all, and the password of
// a protected PDF.
type readOpts struct {
	pages    []int
	password string
}

// parseHeldWith is parseDocumentWith for the parse child: a PDF's table
// rows past the first few of each page, and an HTML page's table cells,
// come back held packed, with held to give them their cells as they are
// written (nil for other formats).
func parseHeldWith(name string, b []byte, ro readOpts) (*parser.Document, heldRows, error) {
	switch parser.Detect(b) {
	case parser.FormatHTML:
		h, err := html.ParseHeld(name, b, html.Options{})
		if err != nil {
			return nil, nil, err
		}
		return h.Document(), h, nil
	case parser.FormatPDF:
	default:
		doc, err := parseDocumentWith(name, b, ro)
		return doc, nil, err
	}
	h, err := pdf.ParseHeld(name, b, pdf.Options{Pages: ro.pages, Password: ro.password})
	if err != nil {
		return nil, nil, err
	}
	return h.Document(), h, nil
}

// parseHeldFile is parseHeldWith on the size bytes of the file f: a PDF
// is read from the file as its pages are (pdf.ParseHeldAt), anything else
// is read whole first.
func parseHeldFile(name string, f *os.File, size int, ro readOpts) (*parser.Document, heldRows, error) {
	readErr := func(n int, err error) error {
		return &parser.Error{File: name, Err: fmt.Errorf("reading it: %d of its %d bytes: %w", n, size, err)}
	}
	head := make([]byte, min(size, 1024)) // what Detect finds a PDF by
	if n, err := f.ReadAt(head, 0); n < len(head) {
		return nil, nil, readErr(n, err)
	}
	if parser.Detect(head) == parser.FormatPDF {
		// The pages are read from the file as they come: a file written
		// over while it is read would give pages of another document.
		before, err := f.Stat()
		if err != nil {
			return nil, nil, &parser.Error{File: name, Err: fmt.Errorf("reading it: %w", err)}
		}
		h, err := pdf.ParseHeldAt(name, f, int64(size), pdf.Options{Pages: ro.pages, Password: ro.password})
		if err != nil {
			return nil, nil, err
		}
		if after, err := f.Stat(); err != nil || after.Size() != before.Size() || !after.ModTime().Equal(before.ModTime()) {
			return nil, nil, &parser.Error{File: name, Err: errors.New("the file changed while it was read; read it again once it is written")}
		}
		return h.Document(), h, nil
	}
	b := make([]byte, size)
	if n, err := f.ReadAt(b, 0); n < len(b) {
		return nil, nil, readErr(n, err)
	}
	return parseHeldWith(name, b, ro)
}
