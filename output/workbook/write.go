// Package workbook writes records as an xlsx workbook and reads back the
// one it writes, on github.com/xuri/excelize; the other record formats are
// package output's, and the functions here that take a format hand them
// to it. A program that writes and reads no workbook imports output alone
// and links no workbook library.
package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/output"
)

// Sheet names of the xlsx output.
const (
	SheetRecords = "records"
	SheetRepairs = "repairs"
)

// RepairsHeader is the column order of the repairs sheet: one row per
// repair of a record, with what finds the record again.
var RepairsHeader = []string{"id", "partner", "source_file", "source_page", "source_row", "repair", "kind", "detail"}

// dateLayout is the one precision a date cell can hold without inventing a
// day or a month; dates known only to the month or the year stay text.
const dateLayout = "2006-01-02"

// NewWriterOptions returns a record writer for format, tuned by opt: the
// workbook for output.FormatXLSX, else output's writer of the format.
func NewWriterOptions(w io.Writer, format string, opt output.Options) (output.Writer, error) {
	rw, err := output.NewWriterOptions(w, format, opt)
	if errors.Is(err, output.ErrWorkbook) {
		return &xlsxWriter{w: w}, nil
	}
	return rw, err
}

// WriteAll writes records to w in format (any of output.Formats).
func WriteAll(w io.Writer, format string, records []agreement.Record) error {
	rw, err := NewWriterOptions(w, format, output.Options{})
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

// xlsxWriter collects records and writes the workbook on Close: a zip
// archive cannot be streamed record by record.
type xlsxWriter struct {
	w       io.Writer
	records []agreement.Record
}

func (x *xlsxWriter) Write(r agreement.Record) error {
	x.records = append(x.records, r)
	return nil
}

func (x *xlsxWriter) Close() error {
	f, err := WorkbookOf(x.records)
	if err != nil {
		return err
	}
	defer f.Close()
	return WriteWorkbook(x.w, f)
}

// WriteWorkbook writes a workbook to w, the same workbook always as the
// same bytes. excelize writes the sheets made with a stream writer in the
// order it ranges over them (a map's: either sheet may come first) and
// the other parts in its own order; the archive is written here again,
// its entries unchanged (compressed data, sizes, checksums, their fixed
// time) and in the order of their names ([Content_Types].xml first, as
// Excel writes it).
func WriteWorkbook(w io.Writer, f *excelize.File) error {
	buf, err := f.WriteToBuffer()
	if err != nil {
		return fmt.Errorf("writing xlsx: %w", err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return fmt.Errorf("writing xlsx: reading the archive made: %w", err)
	}
	entries := slices.Clone(zr.File)
	slices.SortFunc(entries, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	zw := zip.NewWriter(w)
	for _, e := range entries {
		if err := zw.Copy(e); err != nil {
			return fmt.Errorf("writing xlsx: %s: %w", e.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("writing xlsx: %w", err)
	}
	return nil
}

// WorkbookOf builds the xlsx workbook of records: a sheet "records" with
// the CSV columns (ids and every name as text, dates known to the day as
// date cells, fee_waiver as a boolean, page and row as numbers), its header
// frozen and filtered; and a sheet "repairs" with one row per repair.
func WorkbookOf(records []agreement.Record) (*excelize.File, error) {
	f := excelize.NewFile()
	fail := func(err error) (*excelize.File, error) {
		_ = f.Close()
		return nil, fmt.Errorf("building xlsx: %w", err)
	}
	if err := f.SetSheetName("Sheet1", SheetRecords); err != nil {
		return fail(err)
	}
	if _, err := f.NewSheet(SheetRepairs); err != nil {
		return fail(err)
	}
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fail(err)
	}
	dateFmt := "yyyy-mm-dd"
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	if err != nil {
		return fail(err)
	}
	if err := writeSheet(f, SheetRecords, output.CSVHeader, header, len(records), func(i int) []any {
		return xlsxRow(records[i], date)
	}); err != nil {
		return fail(err)
	}
	var repairs [][]any
	for _, r := range records {
		for _, rep := range r.Repairs {
			kind, detail, _ := strings.Cut(rep, ":")
			repairs = append(repairs, []any{r.ID, r.Partner, r.Source.File, r.Source.Page, r.Source.Row, rep, kind, detail})
		}
	}
	if err := writeSheet(f, SheetRepairs, RepairsHeader, header, len(repairs), func(i int) []any {
		return repairs[i]
	}); err != nil {
		return fail(err)
	}
	f.SetActiveSheet(0)
	return f, nil
}

// writeSheet streams a header and n rows into sheet, freezes the header and
// puts an autofilter over the whole range.
func writeSheet(f *excelize.File, sheet string, head []string, headStyle, n int, row func(int) []any) error {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	cells := make([]any, len(head))
	for i, h := range head {
		cells[i] = excelize.Cell{StyleID: headStyle, Value: h}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		ref, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(ref, row(i)); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(len(head), n+1)
	if err != nil {
		return err
	}
	return f.AutoFilter(sheet, "A1:"+last, nil)
}

// xlsxRow is a record's row on the records sheet, in output.CSVHeader order.
// Strings are written as text cells, so an id of digits stays text.
func xlsxRow(r agreement.Record, dateStyle int) []any {
	d := func(s string) any {
		if t, err := time.Parse(dateLayout, s); err == nil {
			return excelize.Cell{StyleID: dateStyle, Value: t}
		}
		return s
	}
	return []any{
		r.Schema, r.ID, r.HomeInstitution, r.Level, r.Region, r.Country, r.CountryCode,
		r.Partner, r.PartnerUnit, r.HomeUnit, d(r.Signed), r.FeeWaiver, r.AgreementType,
		d(r.ValidUntil), strings.Join(r.Flags, ";"), r.PartnerAlt, d(r.AsOf),
		r.Source.File, r.Source.SHA256, r.Source.Format, r.Source.Page, r.Source.Row,
		strings.Join(r.Repairs, ";"),
	}
}
