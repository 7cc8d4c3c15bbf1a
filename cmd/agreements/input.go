//go:build !parsechild

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/normalize"
	"github.com/agreements/agreements/parser"
)

// maxInput bounds what one input may weigh, so a runaway input cannot
// exhaust memory.
const maxInput = 512 << 20

// readInput reads a named input, or stdin for "-".
func (e *env) readInput(name string) ([]byte, error) {
	var r io.Reader
	size := int64(-1)
	if name == "-" {
		r = e.stdin
	} else {
		f, n, err := openInput(name, fifoWait)
		if err != nil {
			return nil, &parser.Error{File: name, Err: unwrapPathError(err)}
		}
		defer f.Close()
		r, size = f, n
	}
	b, err := readBounded(r, size, maxInput)
	if err != nil {
		return nil, &parser.Error{File: name, Err: unwrapPathError(err)}
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, &parser.Error{File: name, Err: parser.ErrEmpty}
	}
	return b, nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// extractFile reads, parses and normalises one document. A document whose
// pages partly failed still returns its records, with the page errors.
func (e *env) extractFile(name string, opt normalize.Options) (*agreement.Result, error) {
	return e.extractFilePages(name, opt, readOpts{})
}

// extractFilePages is extractFile reading only the given pages (nil: all).
// A PDF or an HTML page in a regular file is not read here: the parse child
// reads it from the file, handed over open (see handedFile).
func (e *env) extractFilePages(name string, opt normalize.Options, ro readOpts) (*agreement.Result, error) {
	if f, size, format := handedFile(name); f != nil {
		collected := collectAroundRead(ro.alone)
		doc, err := parseInChild(parseRequest{Name: name, Pages: ro.pages, Password: ro.password, file: f, Size: size, format: format, exits: e.exits}, limitsFor(size))
		f.Close()
		defer collected()()
		return normalizeRead(name, doc, err, opt)
	}
	b, err := e.readInput(name)
	if err != nil {
		return nil, err
	}
	return extractPages(name, b, opt, ro)
}

// handedFile opens the named input when it is a regular file of at most
// maxInput bytes that is a PDF or an HTML page by its first bytes (a
// "%PDF-" header in the first KiB; markup at the start of the first
// handedHead bytes, which parser.Detect then finds in the whole file too),
// and returns it, its size and its format; nil otherwise, when the input is read whole
// as any other (readInput says what is wrong with it, if anything). The
// command then reads only those first bytes: the parse child reads a PDF's
// pages from the file, as it would from a file the command had read whole
// and found unchanged (sameFile), and an HTML page from the file mapped
// into memory (parseHeldFile), without the
// command reading it and holding it (a 50 MB page: 50 MB of the command's
// memory while the child reads it) and writing it down a pipe.
func handedFile(name string) (*os.File, int, parser.Format) {
	if name == "-" {
		return nil, 0, ""
	}
	fi, err := os.Stat(name)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() == 0 || fi.Size() > maxInput {
		return nil, 0, "" // not opened: a named pipe would wait for a writer
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, 0, ""
	}
	fi, err = f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() == 0 || fi.Size() > maxInput {
		f.Close()
		return nil, 0, ""
	}
	head := make([]byte, min(fi.Size(), handedHead))
	n, _ := f.ReadAt(head, 0)
	format := parser.Detect(head)
	if n < len(head) || format != parser.FormatPDF && format != parser.FormatHTML {
		f.Close()
		return nil, 0, ""
	}
	return f, int(fi.Size()), format
}

// handedHead is how much of a file handedFile reads to tell its format:
// parser.Detect looks at the first 4 KiB of markup after white space.
const handedHead = 8 << 10

// extractBytes parses and normalises the bytes of one document.
func extractBytes(name string, b []byte, opt normalize.Options) (*agreement.Result, error) {
	return extractPages(name, b, opt, readOpts{})
}

// extractPages parses and normalises the given pages (nil: all) of one
// document: PDF pages, workbook sheets; an HTML page is read whole. The
// document is made and dropped here, after its records: the normaliser
// consumes it (normalize.Options.Consume), whichever command reads it
// (extract, audit and its --declared figures, diff, load, refresh), and
// only its page errors are read after.
func extractPages(name string, b []byte, opt normalize.Options, ro readOpts) (*agreement.Result, error) {
	collected := collectAroundRead(ro.alone)
	doc, err := parseIsolatedWith(name, b, ro)
	b = nil // (handed to the child: let go before the collection)
	defer collected()()
	return normalizeRead(name, doc, err, opt)
}

// normalizeRead normalises the document read of the input name (err: it
// could not be read), consuming it.
func normalizeRead(name string, doc *parser.Document, err error, opt normalize.Options) (*agreement.Result, error) {
	if err != nil {
		return nil, err
	}
	opt.Consume = true
	res, err := normalizeGuarded(doc, opt)
	if err != nil {
		return nil, &parser.Error{File: name, Err: err}
	}
	return res, errors.Join(doc.PageErrors...)
}

// normalizeGuarded normalises a parsed document in this process; a panic
// of the normaliser becomes an error for this input alone, so the other
// inputs of the run are still read and written.
func normalizeGuarded(doc *parser.Document, opt normalize.Options) (*agreement.Result, error) {
	return guarded(func() (*agreement.Result, error) { return normalize.Normalize(doc, opt) })
}

// guarded runs read, turning a panic into an error.
func guarded(read func() (*agreement.Result, error)) (res *agreement.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("reading the records of the document failed, a bug to report with the file (%v)", r)
		}
	}()
	return read()
}
