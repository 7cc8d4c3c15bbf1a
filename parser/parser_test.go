package parser

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Format
	}{
		{"pdf", "%PDF-1.7\n...", FormatPDF},
		{"pdf after junk", "garbage\r\n%PDF-1.4\n", FormatPDF},
		{"html doctype", "<!DOCTYPE html><html>", FormatHTML},
		{"html bom", "\xef\xbb\xbf  <html lang=ja>", FormatHTML},
		{"html fragment", "<table><tr><td>x</td></tr></table>", FormatHTML},
		{"html utf16 bom", "\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00", FormatHTML},
		{"ndjson", `{"schema":"agreement/v1"}`, FormatUnknown},
		{"text", "Peking University (1999.11.10)", FormatUnknown},
		{"xml not html", "<?xml version='1.0'?><root/>", FormatUnknown},
		{"empty", "", FormatUnknown},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Detect([]byte(tt.in)), tt.name)
	}
}

func TestError(t *testing.T) {
	e := &Error{File: "a.pdf", Page: 3, Err: fmt.Errorf("%w: bad xref", ErrMalformed)}
	assert.Equal(t, "a.pdf: page 3: malformed document: bad xref", e.Error())
	assert.True(t, errors.Is(e, ErrMalformed))
	assert.Equal(t, "a.pdf: page 3, row 7: x", (&Error{File: "a.pdf", Page: 3, Row: 7, Err: errors.New("x")}).Error())
	assert.Equal(t, "a.html: row 7: x", (&Error{File: "a.html", Row: 7, Err: errors.New("x")}).Error())
	assert.Equal(t, "a.html: x", (&Error{File: "a.html", Err: errors.New("x")}).Error())
	var pe *Error
	assert.True(t, errors.As(fmt.Errorf("wrapped: %w", e), &pe))
	assert.Equal(t, 3, pe.Page)
}

func TestNumberAndDump(t *testing.T) {
	d := &Document{Format: FormatPDF, Pages: 1, Title: "T", Blocks: []Block{
		{Line: (&Line{Page: 1, Text: "China", Role: RoleText}).Placed(Box{72, 100, 110, 112}, Style{Font: "F-Bold", Size: 11, Bold: true})},
		{Table: &Table{Page: 1, Method: "lattice", Rows: []Row{
			{Page: 1, Header: true, Cells: []Cell{Cell{Text: "Partner", ColSpan: 2, RowSpan: 1}.WithLines([]string{"Partner"}), {Covered: true}}},
			{Page: 1, Cells: []Cell{Cell{Text: "A B", ColSpan: 1, RowSpan: 1}.WithLines([]string{"A", "B"}), {Text: "", ColSpan: 1, RowSpan: 1}}},
		}}},
		{Line: &Line{Page: 1, Text: "Peking University", Role: RoleItem, Bullet: "•"}},
	}}
	d.Number()
	assert.Equal(t, 1, d.Blocks[0].Line.Row)
	assert.Equal(t, 2, d.Blocks[1].Table.Rows[0].Row)
	assert.Equal(t, 3, d.Blocks[1].Table.Rows[1].Row)
	assert.Equal(t, 4, d.Blocks[2].Line.Row)
	want := `document format=pdf pages=1 title="T"
L 1 p1 text [72.0 100.0 110.0 112.0] {F-Bold 11.0 bold} "China"
T p1 #0 lattice rows=2
  H 2 p1 | <2x1>"Partner" | ^ |
  R 3 p1 | "A\nB" | "" |
L 4 p1 item bullet="•" "Peking University"
`
	assert.Equal(t, want, string(Dump(d)))
}

func TestErrorQuotesName(t *testing.T) {
	e := &Error{File: "list\n.pdf\x1b[2J", Page: 2, Err: ErrMalformed}
	assert.Equal(t, `"list\n.pdf\x1b[2J": page 2: malformed document`, e.Error())
	e = &Error{File: "名古屋 list.pdf", Err: ErrEmpty}
	assert.Equal(t, "名古屋 list.pdf: empty input", e.Error())
	assert.Equal(t, `"a\xffb"`, QuoteName("a\xffb"))
}
