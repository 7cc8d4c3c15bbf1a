//go:build !front

package main

import (
	"fmt"
	"io"
	"os"

	"github.com/agreements/agreements/internal/filemap"
	"github.com/agreements/agreements/parser"
)

// front reports whether this is the front (see child.go): it is not.
const front = false

// parseHeldWith is parseDocumentWith for the parse child: a PDF's table
// rows past the first few of each page, and an HTML page's table cells,
// come back held packed, with held to give them their cells as they are
// written (nil for other formats).
func parseHeldWith(name string, b []byte, ro readOpts) (*parser.Document, heldRows, error) {
	switch parser.Detect(b) {
	case parser.FormatHTML:
		return readHeldHTML(name, b, nil)
	case parser.FormatPDF:
		return readHeldPDF(name, b, ro)
	}
	doc, err := parseDocumentWith(name, b, ro)
	return doc, nil, err
}

// parseHeldFile is parseHeldWith on the size bytes of the file f: a PDF
// is read from the file as its pages are (pdf.ParseHeldAt), an HTML page
// from the file mapped into memory (internal/filemap), its pages of memory
// let go behind the reader as it passes them, anything else is read whole
// first. done lets go of what the document was read from, once the reply
// is written (nil with an error).
func parseHeldFile(name string, f *os.File, size int, ro readOpts) (doc *parser.Document, held heldRows, done func(), err error) {
	readErr := func(n int, err error) error {
		return &parser.Error{File: name, Err: fmt.Errorf("reading it: %d of its %d bytes: %w", n, size, err)}
	}
	head := make([]byte, min(size, 1024)) // what Detect finds a PDF by
	if n, err := f.ReadAt(head, 0); n < len(head) {
		return nil, nil, nil, readErr(n, err)
	}
	// The pages of a PDF are read from the file as they come, and an HTML
	// page's bytes are the file's: a file written over while it is read
	// would give pages of another document.
	before, err := f.Stat()
	if err != nil {
		return nil, nil, nil, &parser.Error{File: name, Err: fmt.Errorf("reading it: %w", err)}
	}
	unchanged := func() error {
		if after, err := f.Stat(); err != nil || after.Size() != before.Size() || !after.ModTime().Equal(before.ModTime()) {
			return &parser.Error{File: name, Err: errChanged}
		}
		return nil
	}
	nothing := func() {}
	if parser.Detect(head) == parser.FormatPDF {
		doc, held, err := readHeldPDFAt(name, f, size, ro)
		if err != nil {
			return nil, nil, nil, err
		}
		if err := unchanged(); err != nil {
			return nil, nil, nil, err
		}
		return doc, held, nothing, nil
	}
	if before.Size() < int64(size) {
		// (Mapped, the bytes past its end could not be read.)
		return nil, nil, nil, readErr(int(before.Size()), io.EOF)
	}
	m, err := filemap.Open(f, size)
	if err != nil {
		return nil, nil, nil, &parser.Error{File: name, Err: fmt.Errorf("reading it: %w", err)}
	}
	b := m.Bytes()
	if parser.Detect(b) != parser.FormatHTML {
		// Not a page after all (the file changed since the command looked
		// at it): read as anything else, from a copy.
		b = append([]byte(nil), b...)
		m.Close()
		if err := unchanged(); err != nil {
			return nil, nil, nil, err
		}
		doc, held, err := parseHeldWith(name, b, ro)
		return doc, held, nothing, err
	}
	doc, held, err = readHeldHTML(name, b, m.Release)
	if err == nil {
		err = unchanged()
	}
	if err != nil {
		m.Close()
		return nil, nil, nil, err
	}
	return doc, held, func() { m.Close() }, nil
}
