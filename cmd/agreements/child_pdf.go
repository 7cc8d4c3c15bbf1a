//go:build !front && !(parsechild && htmlchild)

package main

import (
	"os"

	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/parser/pdf"
)

// readHeldPDF reads the PDF b (see parseHeldWith).
func readHeldPDF(name string, b []byte, ro readOpts) (*parser.Document, heldRows, error) {
	h, err := pdf.ParseHeld(name, b, pdf.Options{Pages: ro.pages, Password: ro.password, Reading: ro.reading})
	if err != nil {
		return nil, nil, err
	}
	return h.Document(), h, nil
}

// readHeldPDFAt reads the PDF of size bytes in f, its pages from the file
// as they come (see parseHeldFile).
func readHeldPDFAt(name string, f *os.File, size int, ro readOpts) (*parser.Document, heldRows, error) {
	h, err := pdf.ParseHeldAt(name, f, int64(size), pdf.Options{Pages: ro.pages, Password: ro.password, Reading: ro.reading})
	if err != nil {
		return nil, nil, err
	}
	return h.Document(), h, nil
}
