//go:build parsechild && htmlchild

package main

import (
	"os"

	"github.com/agreements/agreements/parser"
)

// readHeldPDF hands a PDF back: the lean child of HTML pages links no PDF
// reader (see leanChildFor).
func readHeldPDF(name string, _ []byte, _ readOpts) (*parser.Document, heldRows, error) {
	return nil, nil, notInLeanChild(name)
}

// readHeldPDFAt hands a PDF back, as readHeldPDF.
func readHeldPDFAt(name string, _ *os.File, _ int, _ readOpts) (*parser.Document, heldRows, error) {
	return nil, nil, notInLeanChild(name)
}

// The lean child of HTML pages, for what it says of an input it hands back.
const (
	leanSelf  = leanHTMLChildName
	leanReads = "HTML pages"
)
