package normalize

import (
	"github.com/agreements/agreements/parser"
)

// Options tune normalisation.
type Options struct {
	// Institution is the home institution's name; it overrides what the
	// document says.
	Institution string
}

// Normalize turns one raw document into canonical records.
func Normalize(doc *parser.Document, opt Options) (*Result, error) {
	res := &Result{}
	return res, nil
}
