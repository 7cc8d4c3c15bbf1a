package parser

import (
	"errors"
	"fmt"

	"github.com/agreements/agreements/agreement"
)

// Sentinel errors, checked with errors.Is.
var (
	ErrEmpty         = errors.New("empty input")
	ErrUnknownFormat = errors.New("not a document this tool reads")
	ErrMalformed     = errors.New("malformed document")
	ErrEncrypted     = errors.New("encrypted document")
	ErrNoPages       = errors.New("document has no pages")
	ErrPageRange     = errors.New("page out of range")
	ErrNoContent     = errors.New("no agreement list or table found")
	ErrTooLarge      = errors.New("input too large")
	// ErrNotInBuild is an input that needs a reader this build leaves
	// out (the lean parse child: pdfcpu's rewrite); the program that has
	// it reads the input again.
	ErrNotInBuild = errors.New("needs a reader this build leaves out")
)

// Error is a positioned extraction error. Page and Row are 1-based; 0 means
// not applicable or not known.
type Error struct {
	File string
	Page int
	Row  int
	Err  error
}

func (e *Error) Error() string {
	file := QuoteName(e.File)
	switch {
	case e.Page > 0 && e.Row > 0:
		return fmt.Sprintf("%s: page %d, row %d: %v", file, e.Page, e.Row, e.Err)
	case e.Page > 0:
		return fmt.Sprintf("%s: page %d: %v", file, e.Page, e.Err)
	case e.Row > 0:
		return fmt.Sprintf("%s: row %d: %v", file, e.Row, e.Err)
	}
	return fmt.Sprintf("%s: %v", file, e.Err)
}

// QuoteName returns a file name as messages print it: as given, or quoted
// with its control characters escaped when it has any.
func QuoteName(name string) string { return agreement.QuoteName(name) }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }
