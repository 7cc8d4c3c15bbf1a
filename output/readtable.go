package output

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/agreements/agreements/agreement"
)

// TableReader turns rows of the CSV columns (CSVHeader, by name: a column
// added in a spreadsheet is ignored, their order may change) into records.
type TableReader struct {
	col map[string]int
}

func NewTableReader(header []string) (*TableReader, error) {
	t := &TableReader{col: map[string]int{}}
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

func (t *TableReader) Record(row []string) (agreement.Record, error) {
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
	t, err := NewTableReader(header)
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
		rec, err := t.Record(row)
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
