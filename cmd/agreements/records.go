//go:build !parsechild && !front

package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/normalize"
	"github.com/agreements/agreements/output"
	"github.com/agreements/agreements/parser"
)

// sniffSize is how much of an input is looked at to tell a record file
// from a document.
const sniffSize = 64 << 10

// loadSnapshot is loadRecordsPages reading a record file as it goes: a
// regular file or standard input that starts like NDJSON, a JSON array or
// the CSV this tool writes is decoded one record at a time, whatever its
// size, so memory holds its records and not its text. Anything else (a
// document, an xlsx workbook, a pipe) is read as loadRecordsPages reads it.
func (e *env) loadSnapshot(name string, opt normalize.Options, ro readOpts) (*agreement.Result, error) {
	if name == "-" {
		br := bufio.NewReaderSize(e.stdin, sniffSize)
		head, err := br.Peek(sniffSize)
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
			return nil, &parser.Error{File: name, Err: err}
		}
		if kind := streamable(head); kind != "" {
			return readRecordFile(name, kind, br, 0)
		}
		// Read on from what was looked at.
		e2 := *e
		e2.stdin = br
		return e2.loadRecordsPages(name, opt, ro)
	}
	fi, err := os.Stat(name)
	if err != nil || !fi.Mode().IsRegular() {
		return e.loadRecordsPages(name, opt, ro)
	}
	f, err := os.Open(name)
	if err != nil {
		return e.loadRecordsPages(name, opt, ro)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, &parser.Error{File: name, Err: unwrapPathError(err)}
	}
	kind := streamable(head)
	if kind == "" {
		f.Close()
		return e.loadRecordsPages(name, opt, ro)
	}
	return readRecordFile(name, kind, br, recordLines(f, fi.Size(), kind, head))
}

// recordLines returns the number of lines of a record file of one record
// a line (NDJSON whose first line is a whole record), counted without
// moving f's offset, for the room to make for its records; 0 for other
// files.
func recordLines(f *os.File, size int64, kind string, head []byte) int {
	first, _, ok := bytes.Cut(head, []byte("\n"))
	first = bytes.TrimSpace(first)
	if kind != output.FormatNDJSON || !ok || !bytes.HasPrefix(first, []byte("{")) || !bytes.HasSuffix(first, []byte("}")) {
		return 0
	}
	n := 0
	buf := make([]byte, 1<<20)
	r := io.NewSectionReader(f, 0, size)
	for {
		k, err := r.Read(buf)
		n += bytes.Count(buf[:k], []byte("\n"))
		if err != nil {
			return n + 1
		}
	}
}

// streamable returns the format of a record file that starts with head
// and can be read as it goes (not a workbook), or "".
func streamable(head []byte) string {
	kind := output.SniffRecords(head)
	if kind == "" || kind == output.FormatXLSX || parser.Detect(head) != parser.FormatUnknown {
		return ""
	}
	return kind
}

// readRecordFile reads the records of a record file of the given kind.
// lines is the room to make for its records (0 for none).
func readRecordFile(name, kind string, r io.Reader, lines int) (*agreement.Result, error) {
	recs, err := output.ReadRecordsSized(r, lines)
	if err != nil {
		return nil, &parser.Error{File: name, Err: fmt.Errorf("%s record file: %w", kind, unwrapPathError(err))}
	}
	return &agreement.Result{Records: recs}, nil
}

// recordFile returns the format of name when it is a regular file that
// starts like a record file read as it goes, or "".
func recordFile(name string) string {
	if name == "-" {
		return ""
	}
	fi, err := os.Stat(name)
	if err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	f, err := os.Open(name)
	if err != nil {
		return ""
	}
	defer f.Close()
	head, err := bufio.NewReaderSize(f, sniffSize).Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return ""
	}
	return streamable(head)
}

// eachRecord reads the record file name of the given kind from its
// start, calling fn with each record; fn's error is returned as it is,
// the file's named as readRecordFile names it.
func eachRecord(name, kind string, fn func(agreement.Record) error) error {
	f, err := os.Open(name)
	if err != nil {
		return &parser.Error{File: name, Err: unwrapPathError(err)}
	}
	defer f.Close()
	var fnErr error
	err = output.EachRecord(f, func(r agreement.Record) error {
		fnErr = fn(r)
		return fnErr
	})
	switch {
	case err == nil:
		return nil
	case fnErr != nil && errors.Is(err, fnErr):
		return fnErr
	}
	return &parser.Error{File: name, Err: fmt.Errorf("%s record file: %w", kind, unwrapPathError(err))}
}
