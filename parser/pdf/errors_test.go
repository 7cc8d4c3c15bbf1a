package pdf

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

func TestParseErrors(t *testing.T) {
	good, err := os.ReadFile("testdata/chromium-ja-table.pdf")
	require.NoError(t, err)
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, parser.ErrEmpty},
		{"not a pdf", []byte("<html><body>hello</body></html>"), parser.ErrMalformed},
		{"header only", []byte("%PDF-1.4\n%%EOF\n"), parser.ErrMalformed},
		{"truncated", good[:len(good)/2], parser.ErrMalformed},
		{"no pages", []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n110\n%%EOF\n"), parser.ErrNoPages},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("in.pdf", tt.in, Options{})
			var pe *parser.Error
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "in.pdf", pe.File)
			assert.ErrorIs(t, err, tt.want)
		})
	}
}

func TestParsePages(t *testing.T) {
	b, err := os.ReadFile("testdata/chromium-ja-table.pdf")
	require.NoError(t, err)
	doc, err := Parse("ja.pdf", b, Options{Pages: []int{1}})
	require.NoError(t, err)
	assert.Equal(t, parser.FormatPDF, doc.Format)
	assert.Equal(t, "学術交流協定一覧", doc.Title)
	assert.Equal(t, parser.Digest(b), doc.SHA256)
	require.NotEmpty(t, doc.Blocks)
	_, err = Parse("ja.pdf", b, Options{Pages: []int{7}})
	require.ErrorIs(t, err, parser.ErrNoPages)
}

func TestRepairLeadingBytes(t *testing.T) {
	b, err := os.ReadFile("testdata/chromium-ja-table.pdf")
	require.NoError(t, err)
	doc, err := Parse("junk.pdf", append([]byte("garbage before the header\n"), b...), Options{})
	require.NoError(t, err)
	assert.Contains(t, doc.Repairs, "pdf:stripped_leading_bytes")
}

func TestRepairs(t *testing.T) {
	b, err := os.ReadFile("testdata/chromium-ja-table.pdf")
	require.NoError(t, err)
	pdf20 := bytes.Clone(b)
	copy(pdf20[5:8], "2.0")
	brokenXref := bytes.Clone(b)
	i := bytes.LastIndex(brokenXref, []byte("startxref"))
	require.Positive(t, i)
	brokenXref = append(brokenXref[:i:i], []byte("startxref\n12\n%%EOF\n")...)
	prevCycle, err := os.ReadFile("testdata/broken/xref-prev-cycle.pdf")
	require.NoError(t, err)
	tests := []struct {
		name   string
		in     []byte
		repair string
	}{
		{"pdf 2.0 header", pdf20, "pdf:rewrote_header"},
		{"junk after eof", append(bytes.Clone(b), []byte("\nsome trailing junk\x00\x01")...), "pdf:truncated_after_eof"},
		{"broken xref", brokenXref, "pdf:rebuilt_xref"},
		{"xref /Prev cycle", prevCycle, "pdf:rebuilt_xref"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("in.pdf", tt.in, Options{})
			require.NoError(t, err)
			assert.Contains(t, doc.Repairs, tt.repair)
			assert.NotEmpty(t, doc.Blocks)
		})
	}
}

func TestDropExtendsCycles(t *testing.T) {
	in := []byte("%PDF-1.5\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Extends 6 0 R /Length 9 >>\nstream\n1 0 <<>>\nendstream\nendobj\n" +
		"6 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Extends 5 0 R /Length 9 >>\nstream\n2 0 <<>>\nendstream\nendobj\n" +
		"7 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Extends 5 0 R /Length 9 >>\nstream\n3 0 <<>>\nendstream\nendobj\n")
	out, ok := dropExtendsCycles(in)
	require.True(t, ok)
	require.Len(t, out, len(in), "offsets must not move")
	assert.Equal(t, 1, bytes.Count(out, []byte("/Extends")), "only the chain off the cycle keeps its /Extends")
	assert.Contains(t, string(out), "/Extends 5 0 R /Length 9 >>\nstream\n3 0")
	_, ok = dropExtendsCycles(out)
	assert.False(t, ok)
}
