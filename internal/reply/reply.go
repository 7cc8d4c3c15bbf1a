// Package reply is the encoding of a parse child's reply: the document it
// parsed (parser.Document, its blocks, tables, rows, cells, lines, styles
// and boxes), its error and its page errors, as the child writes them to
// the command that started it and the command reads them.
//
// The reply is a stream of frames: a head (the document without its
// blocks, the errors, how many blocks follow), then parts of about
// PartUnits lines and table rows each, a long table in several parts, up
// to one marked as the last, so that neither process holds the whole
// document encoded at once and the reader decodes it as it arrives. A
// long table's block says how many of its rows follow in later parts, so
// that the reader makes room for them all at once rather than growing its
// rows part by part.
//
// A frame is its length (an unsigned varint) then its bytes: the
// structure (varints, flags, string and number references), then the bytes
// of the texts it brings, one run. Every string and every number of a
// reply is written once: a text of up to sharedText bytes, or a number,
// met again is a reference to where it was first written (a per-reply
// table), so that a region, a country, a unit, a date of several
// agreements, a column's edge cross once and are held once by the reader.
// A cell whose one line is its text says so rather than sending the line,
// and a row or cell without a box (an HTML table's) rather than sending
// four zeros.
//
// Reading is bounded: every count and length is checked against what is
// left of its frame, a frame's bytes are read as they arrive (a frame
// that claims more than it brings costs no more than what it brings), the
// room made for a table's announced rows is at most eight times the rows
// that came, and any damage is an error, never a panic.
package reply

import (
	"errors"

	"github.com/agreements/agreements/parser"
)

// PartUnits is about how many lines and table rows one part carries.
const PartUnits = 512

// Head is what a reply says before the document's blocks.
type Head struct {
	Doc      *parser.Document // without its Blocks, which follow in parts; nil when the parse failed
	Err      *Error
	PageErrs []*Error
	Blocks   int // how many blocks the parts carry (set by Write)
}

// Held gives table rows held packed their cells while they are written
// (see pdf.Held).
type Held interface {
	Fill(t *parser.Table, i, j int)
	Release(t *parser.Table, i, j int)
	Recycle()
}

// HeldRows is a Held that holds the rows of some of the document's
// tables too (see html.Held): such a table has no Rows of its own, and
// its rows are made, with their cells, as they are written.
type HeldRows interface {
	Held
	// RowCount is how many rows t has, and whether they are held (false:
	// they are t.Rows).
	RowCount(t *parser.Table) (int, bool)
	// Rows makes rows [i, j) of t, with their cells, in memory that
	// Recycle makes free again once they are written.
	Rows(t *parser.Table, i, j int) []parser.Row
}

// Error is an error as it crosses the process boundary: its *parser.Error
// position, its message and the sentinels it wraps.
type Error struct {
	Positioned bool // a *parser.Error: File, Page, Row set
	File       string
	Page, Row  int
	Msg        string // the message of the wrapped error (of the whole error when not Positioned)
	Sentinels  []int  // indexes into sentinels
}

// sentinels are the errors whose identity survives the crossing.
var sentinels = []error{
	parser.ErrEmpty, parser.ErrUnknownFormat, parser.ErrMalformed, parser.ErrEncrypted,
	parser.ErrNoPages, parser.ErrNoContent, parser.ErrTooLarge, parser.ErrPageRange,
}

// ToWire returns err as it crosses; nil for nil.
func ToWire(err error) *Error {
	if err == nil {
		return nil
	}
	w := &Error{Msg: err.Error()}
	var pe *parser.Error
	if errors.As(err, &pe) && pe.Err != nil {
		w.Positioned, w.File, w.Page, w.Row, w.Msg = true, pe.File, pe.Page, pe.Row, pe.Err.Error()
	}
	for i, s := range sentinels {
		if errors.Is(err, s) {
			w.Sentinels = append(w.Sentinels, i)
		}
	}
	return w
}

// ToError returns the error w stands for: a *parser.Error when it is
// positioned, wrapping an error of its message that errors.Is finds its
// sentinels in.
func (w *Error) ToError() error {
	if w == nil {
		return nil
	}
	inner := &remoteError{msg: w.Msg}
	for _, i := range w.Sentinels {
		if i >= 0 && i < len(sentinels) {
			inner.is = append(inner.is, sentinels[i])
		}
	}
	if w.Positioned {
		return &parser.Error{File: w.File, Page: w.Page, Row: w.Row, Err: inner}
	}
	return inner
}

// remoteError is an error made in the child: its message, and the
// sentinels errors.Is finds in it.
type remoteError struct {
	msg string
	is  []error
}

func (e *remoteError) Error() string   { return e.msg }
func (e *remoteError) Unwrap() []error { return e.is }
