//go:build parsechild

// Command agreements-parse is the lean parse child of agreements (see
// child.go): it reads one PDF or HTML input its command hands it and
// replies with the document read. It is not run by hand.
package main

import (
	"fmt"
	"os"

	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/parser/html"
	"github.com/agreements/agreements/parser/pdf"
)

// Exit codes of the child, as the command's.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

func main() {
	if !isParseChild() {
		fmt.Fprintf(os.Stderr, "%s: the parse child of agreements, which starts it; not run by hand\n", leanChildName)
		os.Exit(exitUsage)
	}
	os.Exit(parseChild(os.Stdin, os.Stdout, os.Stderr))
}

// parseDocumentWith reads a PDF or an HTML page; the command hands the
// lean child nothing else (see leanFormat), and anything else it is handed
// back (parser.ErrNotInBuild), to be read or named by the full program.
func parseDocumentWith(name string, b []byte, ro readOpts) (*parser.Document, error) {
	switch parser.Detect(b) {
	case parser.FormatPDF:
		return pdf.Parse(name, b, pdf.Options{Pages: ro.pages, Password: ro.password})
	case parser.FormatHTML:
		return html.Parse(name, b, html.Options{})
	}
	// (The input changed since the command looked at it.) Handed back:
	// the full program reads it, or names what it is.
	return nil, &parser.Error{File: name, Err: fmt.Errorf("%w: the lean parse child reads PDF and HTML", parser.ErrNotInBuild)}
}
