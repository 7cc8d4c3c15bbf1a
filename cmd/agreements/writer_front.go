//go:build front && !parsechild

package main

import (
	"io"

	"github.com/agreements/agreements/output"
)

// newRecordWriter returns extract's writer of records in format: the
// front writes no xlsx workbook (the full program does, see frontServes),
// and links no workbook library.
func newRecordWriter(w io.Writer, format string, opt output.Options) (output.Writer, error) {
	return output.NewWriterOptions(w, format, opt)
}
