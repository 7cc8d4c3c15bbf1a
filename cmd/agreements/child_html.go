//go:build !front && (!parsechild || htmlchild)

package main

import (
	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/parser/html"
)

// readHeldHTML reads the HTML page b; release, when not nil, is told of
// the parts of b the reader has passed (html.Options.Release).
func readHeldHTML(name string, b []byte, release func(lo, hi int)) (*parser.Document, heldRows, error) {
	h, err := html.ParseHeld(name, b, html.Options{Release: release})
	if err != nil {
		return nil, nil, err
	}
	return h.Document(), h, nil
}
