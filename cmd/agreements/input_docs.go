//go:build !parsechild && !front

package main

import (
	"bytes"
	"fmt"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/normalize"
	"github.com/agreements/agreements/output"
	"github.com/agreements/agreements/output/workbook"
	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/parser/html"
	"github.com/agreements/agreements/parser/kind"
	"github.com/agreements/agreements/parser/pdf"
	"github.com/agreements/agreements/parser/xlsx"
)

// parseDocument sniffs the format of b and runs the matching extractor.
func parseDocument(name string, b []byte, pages []int) (*parser.Document, error) {
	return parseDocumentWith(name, b, readOpts{pages: pages})
}

// parseDocumentWith is parseDocument with a password for protected PDFs.
func parseDocumentWith(name string, b []byte, ro readOpts) (*parser.Document, error) {
	pages := ro.pages
	switch parser.Detect(b) {
	case parser.FormatPDF:
		return pdf.Parse(name, b, pdf.Options{Pages: pages, Password: ro.password})
	case parser.FormatHTML:
		return html.Parse(name, b, html.Options{})
	case parser.FormatXLSX:
		return xlsx.Parse(name, b, xlsx.Options{Sheets: pages})
	}
	what := kind.Of(b)
	if rec := workbook.SniffRecords(b); rec != "" {
		what = "a record file (" + rec + "), which audit, diff and load read"
	}
	return nil, &parser.Error{File: name, Err: fmt.Errorf("%w: it is %s; documents are read from PDF, HTML and xlsx",
		parser.ErrUnknownFormat, what)}
}

// loadRecordsPages reads an input that is either a document (extracted
// and normalised, only the given pages, nil: all) or a record file
// (NDJSON, JSON, or the CSV or xlsx workbook this tool writes), read
// whole. The Result of a record file has only Records, as they were
// written: their home institution is the one they were made with.
func (e *env) loadRecordsPages(name string, opt normalize.Options, ro readOpts) (*agreement.Result, error) {
	b, err := e.readInput(name)
	if err != nil {
		return nil, err
	}
	format := parser.Detect(b)
	if kind := workbook.SniffRecords(b); kind != "" && (format == parser.FormatUnknown || kind == output.FormatXLSX) {
		recs, err := workbook.ReadRecords(bytes.NewReader(b))
		if err != nil {
			return nil, &parser.Error{File: name, Err: fmt.Errorf("%s record file: %w", kind, err)}
		}
		return &agreement.Result{Records: recs}, nil
	}
	if format == parser.FormatUnknown {
		return nil, &parser.Error{File: name, Err: fmt.Errorf("%w: it is %s; read are PDF, HTML and xlsx documents, "+
			"and record files: NDJSON, JSON, and the CSV and xlsx this tool writes", parser.ErrUnknownFormat, kind.Of(b))}
	}
	return extractPages(name, b, opt, ro)
}
