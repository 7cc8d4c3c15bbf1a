//go:build front

package main

import (
	"errors"
	"os"

	"github.com/agreements/agreements/parser"
)

// front reports whether this is the front (see child.go): it is.
const front = true

// errFrontReads is the error of a document read by the front itself,
// which never happens: the front hands every document to a parse child
// (selfReader), and is itself never one (main replaces it with the full
// program when started as one).
var errFrontReads = errors.New("the front reads no document itself; its parse child does")

// parseHeldWith is the parse child's reading of an input: the front is
// never a parse child (see errFrontReads).
func parseHeldWith(name string, _ []byte, _ readOpts) (*parser.Document, heldRows, error) {
	return nil, nil, &parser.Error{File: name, Err: errFrontReads}
}

// parseHeldFile is the parse child's reading of an input file: the front
// is never a parse child (see errFrontReads).
func parseHeldFile(name string, _ *os.File, _ int, _ readOpts) (*parser.Document, heldRows, func(), error) {
	return nil, nil, nil, &parser.Error{File: name, Err: errFrontReads}
}
