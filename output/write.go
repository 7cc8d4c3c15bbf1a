// Package output writes canonical records as NDJSON, JSON or CSV, reads
// record files back, and writes files atomically.
package output

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/agreements/agreements/agreement"
)

// Formats the record writers support.
const (
	FormatNDJSON = "ndjson"
	FormatJSON   = "json"
	FormatCSV    = "csv"
)

// Writer writes records in one format. Close finishes the output (the JSON
// array's closing bracket); it does not close the underlying writer.
type Writer interface {
	Write(r agreement.Record) error
	Close() error
}

// NewWriter returns a record writer for format.
func NewWriter(w io.Writer, format string) (Writer, error) {
	switch format {
	case FormatNDJSON:
		return &ndjsonWriter{w: w}, nil
	case FormatJSON:
		return &jsonWriter{w: w}, nil
	case FormatCSV:
		return &csvWriter{w: csv.NewWriter(w)}, nil
	}
	return nil, fmt.Errorf("unknown output format %q (want ndjson, json or csv)", format)
}

// WriteAll writes records to w in format.
func WriteAll(w io.Writer, format string, records []agreement.Record) error {
	rw, err := NewWriter(w, format)
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

// Marshal encodes one record as the canonical single-line JSON: field order
// of the contract, no HTML escaping, empty arrays as [].
func Marshal(r agreement.Record) ([]byte, error) {
	if r.Flags == nil {
		r.Flags = []string{}
	}
	if r.Repairs == nil {
		r.Repairs = []string{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

type ndjsonWriter struct{ w io.Writer }

func (n *ndjsonWriter) Write(r agreement.Record) error {
	b, err := Marshal(r)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = n.w.Write(b)
	return err
}

func (n *ndjsonWriter) Close() error { return nil }

type jsonWriter struct {
	w     io.Writer
	count int
}

func (j *jsonWriter) Write(r agreement.Record) error {
	b, err := Marshal(r)
	if err != nil {
		return err
	}
	sep := ",\n"
	if j.count == 0 {
		sep = "[\n"
	}
	j.count++
	_, err = io.WriteString(j.w, sep+"  "+string(b))
	return err
}

func (j *jsonWriter) Close() error {
	end := "\n]\n"
	if j.count == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(j.w, end)
	return err
}

// CSVHeader is the CSV column order: the record's fields, with source
// flattened into source_* columns and the arrays joined with ";".
var CSVHeader = []string{
	"schema", "id", "home_institution", "level", "region", "country", "country_code",
	"partner", "partner_unit", "home_unit", "signed", "fee_waiver", "agreement_type",
	"valid_until", "flags", "partner_alt", "as_of",
	"source_file", "source_sha256", "source_format", "source_page", "source_row", "repairs",
}

type csvWriter struct {
	w      *csv.Writer
	header bool
}

func (c *csvWriter) Write(r agreement.Record) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(CSVHeader); err != nil {
			return err
		}
	}
	return c.w.Write(csvRow(r))
}

func (c *csvWriter) Close() error {
	if !c.header {
		c.header = true
		if err := c.w.Write(CSVHeader); err != nil {
			return err
		}
	}
	c.w.Flush()
	return c.w.Error()
}

func csvRow(r agreement.Record) []string {
	return []string{
		r.Schema, r.ID, r.HomeInstitution, r.Level, r.Region, r.Country, r.CountryCode,
		r.Partner, r.PartnerUnit, r.HomeUnit, r.Signed, strconv.FormatBool(r.FeeWaiver), r.AgreementType,
		r.ValidUntil, strings.Join(r.Flags, ";"), r.PartnerAlt, r.AsOf,
		r.Source.File, r.Source.SHA256, r.Source.Format, strconv.Itoa(r.Source.Page), strconv.Itoa(r.Source.Row),
		strings.Join(r.Repairs, ";"),
	}
}
