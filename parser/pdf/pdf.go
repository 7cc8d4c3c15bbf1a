// Package pdf extracts the raw model from PDF documents. It is the only
// package that imports github.com/ledongthuc/pdf.
package pdf

import (
	"fmt"

	"github.com/agreements/agreements/parser"
)

// Options tune the PDF extractor.
type Options struct {
	// Pages restricts extraction to these 1-based pages; nil means all.
	Pages []int
}

// Parse reads a PDF document.
func Parse(name string, b []byte, opt Options) (*parser.Document, error) {
	return nil, &parser.Error{File: name, Err: fmt.Errorf("%w: PDF reading not built yet", parser.ErrMalformed)}
}
