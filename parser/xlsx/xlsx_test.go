package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/parser/parsertest"
)

func fixtureInputs(t testing.TB) []string {
	inputs, err := filepath.Glob("../../fixtures/xlsx-*/input.xlsx")
	require.NoError(t, err)
	require.NotEmpty(t, inputs)
	return inputs
}

// TestGolden pins the raw dump of every xlsx fixture.
func TestGolden(t *testing.T) {
	for _, in := range fixtureInputs(t) {
		dir := filepath.Dir(in)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			b, err := os.ReadFile(in)
			require.NoError(t, err)
			doc, err := Parse("input.xlsx", b, Options{})
			require.NoError(t, err)
			// cmd/agreements' golden test writes raw.golden (one writer per
			// golden file); this one only checks it.
			parsertest.CheckGolden(t, filepath.Join(dir, "raw.golden"), parser.Dump(doc), false)
		})
	}
}

func TestConformance(t *testing.T) {
	parsertest.Run(t, func(name string, b []byte) (*parser.Document, error) {
		return Parse(name, b, Options{})
	}, fixtureInputs(t)[0], parser.FormatXLSX)
}

// book builds a workbook in memory: build gets the file with its first
// sheet named "List".
func book(t *testing.T, build func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	require.NoError(t, f.SetSheetName("Sheet1", "List"))
	build(f)
	var b bytes.Buffer
	require.NoError(t, f.Write(&b))
	return b.Bytes()
}

func style(t *testing.T, f *excelize.File, s *excelize.Style) int {
	t.Helper()
	id, err := f.NewStyle(s)
	require.NoError(t, err)
	return id
}

func TestShapes(t *testing.T) {
	b := book(t, func(f *excelize.File) {
		bold := style(t, f, &excelize.Style{Font: &excelize.Font{Bold: true}})
		iso := style(t, f, &excelize.Style{NumFmt: 14})
		era := "[$-ja-JP]ggge\"年\"m\"月\"d\"日\""
		jp := style(t, f, &excelize.Style{CustomNumFmt: &era})
		month := "yyyy\"年\"m\"月\""
		ym := style(t, f, &excelize.Style{CustomNumFmt: &month})
		clock := style(t, f, &excelize.Style{NumFmt: 20})
		set := func(sheet, ref string, v any, st int) {
			require.NoError(t, f.SetCellValue(sheet, ref, v))
			if st != 0 {
				require.NoError(t, f.SetCellStyle(sheet, ref, ref, st))
			}
		}
		set("List", "A1", "University Level Agreements", bold)
		set("List", "A2", "(as of May 1, 2021)", 0)
		set("List", "A4", "Country", 0)
		set("List", "B4", "Partner", 0)
		set("List", "C4", "Date", 0)
		set("List", "A5", "China", 0)
		require.NoError(t, f.MergeCell("List", "A5", "A7"))
		set("List", "B5", "Peking University\nBeijing", 0)
		set("List", "C5", time.Date(1999, 11, 10, 0, 0, 0, 0, time.UTC), iso)
		set("List", "B6", "Fudan University", 0)
		set("List", "C6", time.Date(2001, 4, 19, 0, 0, 0, 0, time.UTC), jp)
		set("List", "B7", "Tsinghua University", 0)
		set("List", "C7", time.Date(1998, 8, 1, 0, 0, 0, 0, time.UTC), ym)
		set("List", "A8", "Korea", 0)
		set("List", "B8", "KAIST", 0)
		set("List", "C8", 0.5, clock) // a time of day is not a date
		set("List", "A9", "* waives fees", 0)
		_, err := f.NewSheet("Department")
		require.NoError(t, err)
		set("Department", "A1", "Partner", 0)
		set("Department", "B1", "Unit", 0)
		set("Department", "A2", "Seoul National University", 0)
		require.NoError(t, f.MergeCell("Department", "A2", "B2"))
		set("Department", "A3", "KAIST", 0)
		set("Department", "B3", "College of Engineering", 0)
		set("Department", "A4", "Total: 2", 0) // a closing line, not a row
		require.NoError(t, f.MergeCell("Department", "A4", "B4"))
	})
	doc, err := Parse("list.xlsx", b, Options{})
	require.NoError(t, err)
	assert.Equal(t, parser.FormatXLSX, doc.Format)
	assert.Equal(t, 2, doc.Pages)
	want := `document format=xlsx pages=2 title=""
L 1 p1 heading {bold} "University Level Agreements"
L 2 p1 text {Calibri 11.0} "(as of May 1, 2021)"
T p1 #0 xlsx rows=5
  R 3 p1 | "Country" | "Partner" | "Date" |
  R 4 p1 | <1x3>"China" | "Peking University\nBeijing" | "1999-11-10" |
  R 5 p1 | ^ | "Fudan University" | "2001-04-19" |
  R 6 p1 | ^ | "Tsinghua University" | "1998-08" |
  R 7 p1 | "Korea" | "KAIST" | "12:00" |
L 8 p1 text {Calibri 11.0} "* waives fees"
T p2 #0 xlsx rows=3
  R 9 p2 | "Partner" | "Unit" |
  R 10 p2 | <2x1>"Seoul National University" | ^ |
  R 11 p2 | "KAIST" | "College of Engineering" |
L 12 p2 text {Calibri 11.0} "Total: 2"
`
	assert.Equal(t, want, string(parser.Dump(doc)))
	cell := doc.Blocks[2].Table.Rows[1].Cells[1]
	assert.Equal(t, []string{"Peking University", "Beijing"}, cell.Lines())
	assert.Equal(t, "Peking University Beijing", cell.Text)
}

func TestErrors(t *testing.T) {
	empty := book(t, func(*excelize.File) {})
	_, err := Parse("empty.xlsx", empty, Options{})
	require.ErrorIs(t, err, parser.ErrNoContent)

	var enc bytes.Buffer
	f := excelize.NewFile()
	require.NoError(t, f.SetCellValue("Sheet1", "A1", "x"))
	require.NoError(t, f.Write(&enc, excelize.Options{Password: "secret"}))
	require.NoError(t, f.Close())
	_, err = Parse("locked.xlsx", enc.Bytes(), Options{})
	require.ErrorIs(t, err, parser.ErrEncrypted)
	var pe *parser.Error
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "locked.xlsx", pe.File)

	_, err = Parse("junk.xlsx", []byte("PK\x03\x04junk"), Options{})
	require.ErrorIs(t, err, parser.ErrMalformed)
}

func TestDatePrecision(t *testing.T) {
	tests := []struct {
		id     int
		custom string
		want   precision
	}{
		{14, "", precisionDay},
		{17, "", precisionMonth},
		{20, "", precisionNone},
		{31, "", precisionDay},
		{55, "", precisionMonth},
		{0, "", precisionNone},
		{164, "yyyy/mm/dd", precisionDay},
		{164, "yyyy.m.d", precisionDay},
		{164, `yyyy"年"m"月"`, precisionMonth},
		{164, "yyyy", precisionYear},
		{164, `[$-ja-JP]ggge"年"m"月"d"日"`, precisionDay},
		{164, "h:mm", precisionNone},
		{164, "mm:ss", precisionNone},
		{164, "h:mm AM/PM", precisionNone},
		{164, "yyyy-mm-dd hh:mm", precisionDay},
		{164, "#,##0", precisionNone},
		{164, `0.00 "days"`, precisionNone},
		{164, "0.00E+00", precisionNone},
		{164, "General", precisionNone},
		{164, "@", precisionNone},
		{164, "[Red]#,##0;[Blue]-#,##0", precisionNone},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, datePrecision(tt.id, tt.custom), "%d %q", tt.id, tt.custom)
	}
}

// A hidden sheet (the lookup values of a drop-down, say) is skipped and
// said so; a chart sheet has nothing to read and is no error.
func TestHiddenAndChartSheets(t *testing.T) {
	f := excelize.NewFile()
	for i, row := range [][]any{{"Partner", "Year"}, {"A University", 2001}, {"B University", 2002}} {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		require.NoError(t, err)
		require.NoError(t, f.SetSheetRow("Sheet1", cell, &row))
	}
	_, err := f.NewSheet("Lookup")
	require.NoError(t, err)
	require.NoError(t, f.SetCellValue("Lookup", "A1", "China"))
	require.NoError(t, f.SetSheetVisible("Lookup", false))
	require.NoError(t, f.AddChartSheet("Chart", &excelize.Chart{Type: excelize.Col,
		Series: []excelize.ChartSeries{{Name: "Sheet1!$A$1", Categories: "Sheet1!$A$2:$A$3", Values: "Sheet1!$B$2:$B$3"}}}))
	var b bytes.Buffer
	require.NoError(t, f.Write(&b))
	require.NoError(t, f.Close())

	doc, err := Parse("book.xlsx", b.Bytes(), Options{})
	require.NoError(t, err)
	assert.Empty(t, doc.PageErrors)
	assert.Equal(t, 3, doc.Pages)
	assert.Equal(t, []string{"xlsx:hidden_sheet_skipped:Lookup"}, doc.Repairs)
	require.Len(t, doc.Blocks, 1)
	assert.Len(t, doc.Blocks[0].Table.Rows, 3)
}

// A sheet grouped by rows of their own between blank rows: the group
// heading above a block is a line, each block a table numbered on its page.
func TestGroupedBlocks(t *testing.T) {
	b := book(t, func(f *excelize.File) {
		for i, r := range [][]any{
			{"Partner Institution", "Date of Agreement"},
			{"China"},
			{"Peking University", "1999.11.10"},
			{},
			{"Korea"},
			{"KAIST", "2003.5.1"},
			{"Seoul National University", "1998.7.8"},
		} {
			cell, err := excelize.CoordinatesToCellName(1, i+1)
			require.NoError(t, err)
			require.NoError(t, f.SetSheetRow("List", cell, &r))
		}
	})
	doc, err := Parse("grouped.xlsx", b, Options{})
	require.NoError(t, err)
	assert.Equal(t, `document format=xlsx pages=1 title=""
T p1 #0 xlsx rows=3
  R 1 p1 | "Partner Institution" | "Date of Agreement" |
  R 2 p1 | "China" | "" |
  R 3 p1 | "Peking University" | "1999.11.10" |
L 4 p1 text {Calibri 11.0} "Korea"
T p1 #1 xlsx rows=2
  R 5 p1 | "KAIST" | "2003.5.1" |
  R 6 p1 | "Seoul National University" | "1998.7.8" |
`, string(parser.Dump(doc)))
}
