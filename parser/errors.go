package parser

import (
	"errors"
	"fmt"
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
	switch {
	case e.Page > 0 && e.Row > 0:
		return fmt.Sprintf("%s: page %d, row %d: %v", e.File, e.Page, e.Row, e.Err)
	case e.Page > 0:
		return fmt.Sprintf("%s: page %d: %v", e.File, e.Page, e.Err)
	case e.Row > 0:
		return fmt.Sprintf("%s: row %d: %v", e.File, e.Row, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }
