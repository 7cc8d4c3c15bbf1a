package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/agreements/agreements/agreement"
)

// ErrNotRecords is returned when bytes are neither NDJSON nor a JSON array of
// records.
var ErrNotRecords = errors.New("not a record file (NDJSON or JSON array of agreement records)")

// LooksLikeRecords reports whether b starts like a record file: a JSON
// object or array.
func LooksLikeRecords(b []byte) bool {
	s := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(s) > 0 && (s[0] == '{' || s[0] == '[')
}

// ReadRecords reads a record file: NDJSON (one record a line) or a JSON
// array. Errors name the 1-based line (NDJSON) of the bad record.
func ReadRecords(r io.Reader) ([]agreement.Record, error) {
	br := bufio.NewReader(r)
	first, err := firstNonSpace(br)
	if err != nil {
		return nil, err
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
