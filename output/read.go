package output

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/agreements/agreements/agreement"
)

// ErrNotRecords is returned when bytes are not a record file.
var ErrNotRecords = errors.New("not a record file (NDJSON, JSON array, or the CSV or xlsx this tool writes)")

// LooksLikeRecords reports whether b starts like a record file: a JSON
// object or array, the CSV header this tool writes, or a workbook whose
// first sheet is the records sheet this tool writes.
func LooksLikeRecords(b []byte) bool {
	return SniffRecords(b) != ""
}

// SniffRecords returns the format of a record file (FormatNDJSON for any
// JSON object stream, FormatJSON, FormatCSV, FormatXLSX), or "" when b is
// not one.
func SniffRecords(b []byte) string {
	if isZip(b) {
		if isRecordsWorkbook(b) {
			return FormatXLSX
		}
		return ""
	}
	s := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case len(s) == 0:
		return ""
	case s[0] == '{':
		return FormatNDJSON
	case s[0] == '[':
		return FormatJSON
	case isCSVHeader(s):
		return FormatCSV
	}
	return ""
}

// isCSVHeader reports whether the first line of s is a CSV header naming
// every column this tool writes (in any order, other columns allowed: a
// spreadsheet may have added one).
func isCSVHeader(s []byte) bool {
	line, _, _ := bytes.Cut(s, []byte("\n"))
	if !bytes.Contains(line, []byte("schema")) || !bytes.Contains(line, []byte("source_sha256")) {
		return false
	}
	head, err := csv.NewReader(bytes.NewReader(line)).Read()
	if err != nil {
		return false
	}
	_, err = newTableReader(head)
	return err == nil
}

func isZip(b []byte) bool { return bytes.HasPrefix(b, []byte("PK\x03\x04")) }

// ReadRecords reads a record file: NDJSON (one record a line), a JSON
// array, or the CSV or xlsx workbook this tool writes. Errors name the
// 1-based line (NDJSON, CSV) or sheet row (xlsx) of the bad record.
func ReadRecords(r io.Reader) ([]agreement.Record, error) {
	br := bufio.NewReader(r)
	if head, _ := br.Peek(4); isZip(head) {
		return readXLSX(br)
	}
	first, err := firstNonSpace(br)
	if err != nil {
		return nil, err
	}
	if first != '{' && first != '[' {
		return readCSV(br)
	}
	if first == '[' {
		var recs []agreement.Record
		dec := json.NewDecoder(br)
		if err := dec.Decode(&recs); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotRecords, err)
		}
		for i := range recs {
			if err := check(&recs[i]); err != nil {
				return nil, fmt.Errorf("record %d: %w", i+1, err)
			}
		}
		return recs, nil
	}
	var recs []agreement.Record
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var rec agreement.Record
		if err := json.Unmarshal(b, &rec); err != nil {
			return nil, fmt.Errorf("line %d: %w: %v", line, ErrNotRecords, err)
		}
		if err := check(&rec); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		recs = append(recs, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	return recs, nil
}

func check(r *agreement.Record) error {
	if r.Schema != agreement.Schema {
		return fmt.Errorf("%w: schema %q, want %q", ErrNotRecords, r.Schema, agreement.Schema)
	}
	if r.Flags == nil {
		r.Flags = []string{}
	}
	if r.Repairs == nil {
		r.Repairs = []string{}
	}
	return nil
}

func firstNonSpace(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.ReadByte()
		if err != nil {
			if err == io.EOF {
				return 0, fmt.Errorf("%w: empty", ErrNotRecords)
			}
			return 0, err
		}
		switch b {
		case ' ', '\t', '\r', '\n', 0xef, 0xbb, 0xbf:
			continue
		}
		return b, br.UnreadByte()
	}
}
