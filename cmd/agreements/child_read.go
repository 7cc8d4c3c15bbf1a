//go:build !front

package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/parser/html"
	"github.com/agreements/agreements/parser/pdf"
)

// front reports whether this is the front (see child.go): it is not.
const front = false

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
