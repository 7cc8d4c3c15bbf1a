//go:build !parsechild && !front

package main

import (
	"io"

	"github.com/agreements/agreements/output"
	"github.com/agreements/agreements/output/workbook"
)

// newRecordWriter returns extract's writer of records in format: any of
// output.Formats, the xlsx workbook too.
func newRecordWriter(w io.Writer, format string, opt output.Options) (output.Writer, error) {
	return workbook.NewWriterOptions(w, format, opt)
}
