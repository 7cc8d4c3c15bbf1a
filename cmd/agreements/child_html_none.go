//go:build parsechild && !htmlchild

package main

import "github.com/agreements/agreements/parser"

// readHeldHTML hands an HTML page back: the lean child of PDFs links no
// HTML reader (see leanChildFor).
func readHeldHTML(name string, _ []byte, _ func(lo, hi int)) (*parser.Document, heldRows, error) {
	return nil, nil, notInLeanChild(name)
}

// The lean child of PDFs, for what it says of an input it hands back.
const (
	leanSelf  = leanChildName
	leanReads = "PDFs"
)
