package output

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/agreements/agreements/agreement"
)

// tableReader turns rows of the CSV columns (CSVHeader, by name: a column
// added in a spreadsheet is ignored, their order may change) into records.
type tableReader struct {
	col map[string]int
}

func newTableReader(header []string) (*tableReader, error) {
	t := &tableReader{col: map[string]int{}}
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if _, dup := t.col[h]; !dup {
			t.col[h] = i
		}
	}
	var missing []string
	for _, h := range CSVHeader {
		if _, ok := t.col[h]; !ok {
			missing = append(missing, h)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%w: header lacks %s", ErrNotRecords, strings.Join(missing, ", "))
	}
	return t, nil
}

func (t *tableReader) record(row []string) (agreement.Record, error) {
	var r agreement.Record
	for _, f := range agreement.Fields() {
		v := ""
		if i := t.col[f.Name]; i < len(row) {
			v = row[i]
		}
		if err := f.Set(&r, v); err != nil {
			return r, err
		}
	}
	return r, check(&r)
}

// readCSV reads the CSV this tool writes (with or without a byte order
// mark, LF or CRLF), one row at a time, calling fn with each record.
// Errors name the 1-based line.
func readCSV(r io.Reader, fn func(agreement.Record) error) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%w: empty", ErrNotRecords)
		}
		return csvError(err)
	}
	t, err := newTableReader(header)
	if err != nil {
		return &RecordError{Line: 1, Err: err}
	}
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return csvError(err)
		}
		if len(row) == 1 && strings.TrimSpace(row[0]) == "" {
			continue
		}
		line, _ := cr.FieldPos(0)
		rec, err := t.record(row)
		if err != nil {
			return &RecordError{Line: line, Err: err}
		}
		if err := fn(rec); err != nil {
			return err
		}
	}
}

// csvError says what a CSV reading error means, with its line.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &RecordError{Line: pe.Line, Err: fmt.Errorf("%w: not CSV as this tool writes it (column %d: %v)", ErrNotRecords, pe.Column, pe.Err)}
	}
	return fmt.Errorf("%w: %v", ErrNotRecords, err)
}

// isRecordsWorkbook reports whether b is a workbook whose records sheet
// starts with the CSV header: the xlsx this tool writes.
func isRecordsWorkbook(b []byte) bool {
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
	if err != nil || len(head) < len(CSVHeader) {
		return false
	}
	for i, h := range CSVHeader {
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
		return nil, fmt.Errorf("%w: %v", ErrNotRecords, err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetRecords)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotRecords, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%w: sheet %q is empty", ErrNotRecords, SheetRecords)
	}
	t, err := newTableReader(rows[0])
	if err != nil {
		return nil, fmt.Errorf("sheet %q, row 1: %w", SheetRecords, err)
	}
	recs := []agreement.Record{}
	for i, row := range rows[1:] {
		if len(row) == 0 {
			continue
		}
		rec, err := t.record(row)
		if err != nil {
			return nil, fmt.Errorf("sheet %q, row %d: %w", SheetRecords, i+2, err)
		}
		recs = append(recs, rec)
	}
	return recs, nil
}
