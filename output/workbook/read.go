package workbook

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/output"
)

// SniffRecords is output.SniffRecords, and output.FormatXLSX for the
// workbook this tool writes.
func SniffRecords(b []byte) string {
	if output.IsZip(b) {
		if isRecords(b) {
			return output.FormatXLSX
		}
		return ""
	}
	return output.SniffRecords(b)
}

// ReadRecords is output.ReadRecords, and reads the workbook this tool
// writes too (whole: a zip archive is not read as it goes); errors name
// its sheet row.
func ReadRecords(r io.Reader) ([]agreement.Record, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(4); output.IsZip(head) {
		return readXLSX(br)
	}
	return output.ReadRecords(br)
}

// isRecords reports whether b is a workbook whose records sheet
// starts with the CSV header: the xlsx this tool writes.
func isRecords(b []byte) bool {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return false
	}
	defer f.Close()
	rows, err := f.Rows(SheetRecords)
	if err != nil {
		return false
	}
	defer rows.Close()
	if !rows.Next() {
		return false
	}
	head, err := rows.Columns()
	if err != nil || len(head) < len(output.CSVHeader) {
		return false
	}
	for i, h := range output.CSVHeader {
		if head[i] != h {
			return false
		}
	}
	return true
}

// readXLSX reads the records sheet of the workbook this tool writes. Date
// cells read back as ISO 8601 through their yyyy-mm-dd format; errors name
// the sheet row.
func readXLSX(r io.Reader) ([]agreement.Record, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", output.ErrNotRecords, err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetRecords)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", output.ErrNotRecords, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%w: sheet %q is empty", output.ErrNotRecords, SheetRecords)
	}
	t, err := output.NewTableReader(rows[0])
	if err != nil {
		return nil, fmt.Errorf("sheet %q, row 1: %w", SheetRecords, err)
	}
	recs := []agreement.Record{}
	for i, row := range rows[1:] {
		if len(row) == 0 {
			continue
		}
		rec, err := t.Record(row)
		if err != nil {
			return nil, fmt.Errorf("sheet %q, row %d: %w", SheetRecords, i+2, err)
		}
		recs = append(recs, rec)
	}
	return recs, nil
}
