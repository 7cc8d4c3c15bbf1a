// Package output writes canonical records as NDJSON, JSON or CSV, reads
// record files back (NDJSON, JSON, the CSV it writes), and writes files
// atomically. The xlsx workbook, written and read through a library of its
// own, is package output/workbook's: a program that writes no workbook
// does not link it.
package output

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"

	"github.com/agreements/agreements/agreement"
)

// Formats the record writers support.
const (
	FormatNDJSON = "ndjson"
	FormatJSON   = "json"
	FormatCSV    = "csv"
	FormatXLSX   = "xlsx"
)

// ErrWorkbook is the error of NewWriterOptions for FormatXLSX: the
// workbook is written by package output/workbook.
var ErrWorkbook = errors.New("xlsx is written by package output/workbook")

// Formats lists the record formats, for messages.
const Formats = "ndjson, json, csv or xlsx"

// Options tune a writer.
type Options struct {
	// BOM starts CSV with a UTF-8 byte order mark, so that spreadsheet
	// programs that otherwise guess a legacy code page (Excel in a Japanese
	// locale reads Shift_JIS) read it as UTF-8.
	BOM bool
}

// Writer writes records in one format. Writes are buffered: Close finishes
// the output (the JSON array's closing bracket) and writes what is left; it
// does not close the underlying writer.
type Writer interface {
	Write(r agreement.Record) error
	Close() error
}

// NewWriter returns a record writer for format.
func NewWriter(w io.Writer, format string) (Writer, error) {
	return NewWriterOptions(w, format, Options{})
}

// NewWriterOptions returns a record writer for format, tuned by opt.
func NewWriterOptions(w io.Writer, format string, opt Options) (Writer, error) {
	if opt.BOM && format != FormatCSV {
		return nil, fmt.Errorf("a byte order mark is for csv, not %s", format)
	}
	switch format {
	case FormatNDJSON:
		return &ndjsonWriter{w: bufio.NewWriterSize(w, writeBuffer)}, nil
	case FormatJSON:
		return &jsonWriter{w: bufio.NewWriterSize(w, writeBuffer)}, nil
	case FormatCSV:
		cw := csv.NewWriter(w)
		cw.UseCRLF = true // RFC 4180, as every CSV the command writes
		return &csvWriter{out: w, w: cw, bom: opt.BOM}, nil
	case FormatXLSX:
		return nil, ErrWorkbook
	}
	return nil, fmt.Errorf("unknown output format %q (want %s)", format, Formats)
}

// WriteAll writes records to w in format.
func WriteAll(w io.Writer, format string, records []agreement.Record) error {
	return WriteAllOptions(w, format, Options{}, records)
}

// WriteAllOptions writes records to w in format, tuned by opt.
func WriteAllOptions(w io.Writer, format string, opt Options, records []agreement.Record) error {
	rw, err := NewWriterOptions(w, format, opt)
	if err != nil {
		return err
	}
	for _, r := range records {
		if err := rw.Write(r); err != nil {
			return err
		}
	}
	return rw.Close()
}

// writeBuffer is how much the NDJSON and JSON writers gather before they
// write: records are written many to a system call, not one each. Close
// writes what is left.
const writeBuffer = 64 << 10

// Marshal encodes one record as the canonical single-line JSON: field order
// of the contract, no HTML escaping, empty arrays as [].
func Marshal(r agreement.Record) ([]byte, error) {
	var e encoder
	b, err := e.marshal(r)
	if err != nil {
		return nil, err
	}
	return bytes.Clone(b), nil
}

// encoder encodes records as Marshal does, reusing its buffer: what
// marshal returns is valid until the next call.
type encoder struct {
	buf []byte
}

func (e *encoder) marshal(r agreement.Record) ([]byte, error) {
	e.buf = appendRecord(e.buf[:0], &r)
	return e.buf, nil
}

type ndjsonWriter struct {
	w    *bufio.Writer
	buf  []byte
	runs recordRuns
}

// Write encodes r (and the line end) with appendInto.
func (n *ndjsonWriter) Write(r agreement.Record) error {
	var err error
	n.buf, err = appendInto(n.w, n.buf, &n.runs, &r, "", "\n")
	return err
}

// inPlace is the free room in a writer's buffer from which a record is
// encoded in it: a record is about 600 bytes.
const inPlace = 4 << 10

// appendInto writes before, r encoded and after to w. With room enough
// (inPlace) free in w's buffer, r is encoded there (bufio.Writer's
// AvailableBuffer), so that it is not copied again; nearer its end, in
// buf, whose grown self it returns, so that the buffer's tail does not
// make a new one for each record.
func appendInto(w *bufio.Writer, buf []byte, runs *recordRuns, r *agreement.Record, before, after string) ([]byte, error) {
	own := w.Available() < inPlace
	b := buf[:0]
	if !own {
		b = w.AvailableBuffer()
	}
	b = append(b, before...)
	b = append(runs.appendRecord(b, r), after...)
	_, err := w.Write(b)
	if own {
		buf = b // (buf, grown perhaps; never the writer's buffer)
	}
	return buf, err
}

func (n *ndjsonWriter) Close() error { return n.w.Flush() }

type jsonWriter struct {
	w     *bufio.Writer
	buf   []byte
	count int
	runs  recordRuns
}

func (j *jsonWriter) Write(r agreement.Record) error {
	sep := ",\n  "
	if j.count == 0 {
		sep = "[\n  "
	}
	j.count++
	var err error
	j.buf, err = appendInto(j.w, j.buf, &j.runs, &r, sep, "")
	return err
}

func (j *jsonWriter) Close() error {
	end := "\n]\n"
	if j.count == 0 {
		end = "[]\n"
	}
	j.w.WriteString(end)
	return j.w.Flush()
}

// CSVHeader is the CSV column order: the record's fields, with source
// flattened into source_* columns and the arrays joined with ";".
var CSVHeader = agreement.FieldNames(false)

type csvWriter struct {
	out    io.Writer
	w      *csv.Writer
	bom    bool
	header bool
	row    []string
}

func (c *csvWriter) writeHeader() error {
	if c.header {
		return nil
	}
	c.header = true
	if c.bom {
		if _, err := io.WriteString(c.out, "\ufeff"); err != nil {
			return err
		}
	}
	return c.w.Write(CSVHeader)
}

func (c *csvWriter) Write(r agreement.Record) error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	c.row = appendCSVRow(c.row[:0], &r) // (csv.Writer.Write does not keep the row)
	return c.w.Write(c.row)
}

func (c *csvWriter) Close() error {
	if err := c.writeHeader(); err != nil {
		return err
	}
	c.w.Flush()
	return c.w.Error()
}

// appendCSVRow appends the CSV cells of r to row.
func appendCSVRow(row []string, r *agreement.Record) []string {
	for _, f := range agreement.Fields() {
		row = append(row, f.Get(r))
	}
	return row
}
