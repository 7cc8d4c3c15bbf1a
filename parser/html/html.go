// Package html extracts the raw model from HTML documents. It is the only
// package that imports github.com/PuerkitoBio/goquery.
package html

import (
	"fmt"

	"github.com/agreements/agreements/parser"
)

// Options tune the HTML extractor.
type Options struct{}

// Parse reads an HTML document.
func Parse(name string, b []byte, opt Options) (*parser.Document, error) {
	return nil, &parser.Error{File: name, Err: fmt.Errorf("%w: HTML reading not built yet", parser.ErrMalformed)}
}
