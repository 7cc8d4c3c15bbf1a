package pdf

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// TestHostile reads the hostile files of fixtures/hostile (see its
// README): each made the process die, hang, or read wrong without a word.
// Each must now give a named error, or a read whose repairs and page
// errors say what was skipped.
func TestHostile(t *testing.T) {
	const peking = "Peking University (1999.11.10)"
	tests := []struct {
		file    string
		err     string   // the document's error; "" when it reads
		repairs []string // repairs the document must name
		pages   int      // pages the document has (0: not checked)
		pageErr string   // a page error must say this; "" when none may be
		text    string   // text the document must give
	}{
		{file: "crash-objstm-self.pdf", err: "object stream 20 is said to be stored in itself"},
		{file: "crash-objstm-mutual.pdf", err: "object stream 20 is said to be stored in object stream 21"},
		{file: "crash-xrefstream-size.pdf", repairs: []string{"pdf:rebuilt_xref"}, pages: 1, text: peking},
		{file: "crash-xrefstream-W.pdf", repairs: []string{"pdf:rebuilt_xref"}, pages: 1, text: peking},
		{file: "crash-xrefstream-index.pdf", repairs: []string{"pdf:rebuilt_xref"}, pages: 1, text: peking},
		{file: "crash-xref-subsection.pdf", repairs: []string{"pdf:rebuilt_xref"}, pages: 1, text: peking},
		{file: "hang-kids-x20000-ops4M.pdf", repairs: []string{"pdf:skipped_repeated_page_tree_entries"}, pages: 1,
			pageErr: "more than 4000000 operators", text: peking},
		{file: "dup-pagetree-cycle.pdf", repairs: []string{"pdf:skipped_repeated_page_tree_entries"}, pages: 1, text: peking},
		{file: "pagetree-doubling-17.pdf", repairs: []string{"pdf:skipped_repeated_page_tree_entries"}, pages: 1, text: peking},
		{file: "silent-stream-cap.pdf", pages: 1, pageErr: "decodes to more than 64 MiB; the rest was not read"},
		{file: "flate-bad-checksum.pdf", pages: 1, pageErr: "FlateDecode data fails its checksum", text: peking},
		{file: "truncated-30-pages.pdf", repairs: []string{"pdf:rebuilt_xref"}, pages: 30,
			pageErr: "page 30: malformed document: the page's object is missing or cannot be read", text: "Peking University 1 (1999.11.10)"},
		{file: "objstm-pages-300.pdf", pages: 300, text: peking},
		{file: "objstm-pages-2500.pdf", pages: 2500, text: peking},
		{file: "cmap-ranges-20000.pdf", pages: 1, text: "CHINA CHINA"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("../../fixtures/hostile", tt.file))
			require.NoError(t, err)
			doc, err := Parse(tt.file, b, Options{})
			if tt.err != "" {
				var pe *parser.Error
				require.ErrorAs(t, err, &pe)
				assert.Equal(t, tt.file, pe.File)
				assert.ErrorIs(t, err, parser.ErrMalformed)
				assert.Contains(t, err.Error(), tt.err)
				return
			}
			require.NoError(t, err)
			for _, r := range tt.repairs {
				assert.Contains(t, doc.Repairs, r)
			}
			if tt.pages > 0 {
				assert.Equal(t, tt.pages, doc.Pages)
			}
			errs := errors.Join(doc.PageErrors...)
			if tt.pageErr == "" {
				assert.NoError(t, errs)
			} else {
				require.Error(t, errs)
				assert.Contains(t, errs.Error(), tt.pageErr)
				for _, e := range doc.PageErrors {
					var pe *parser.Error
					require.ErrorAs(t, e, &pe)
					assert.Positive(t, pe.Page)
				}
			}
			if tt.text != "" {
				assert.Contains(t, docText(doc), tt.text)
			}
		})
	}
}

func docText(doc *parser.Document) string {
	var s strings.Builder
	for _, b := range doc.Blocks {
		if b.Line != nil {
			s.WriteString(b.Line.Text + "\n")
		}
		if b.Table != nil {
			for _, r := range b.Table.Rows {
				for _, c := range r.Cells {
					s.WriteString(c.Text + "\n")
				}
			}
		}
	}
	return s.String()
}

// TestCheckXrefBounds: sections that state more than the file can hold are
// refused before the library allocates for them.
func TestCheckXrefBounds(t *testing.T) {
	good := buildPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>")
	_, err := checkXref(good)
	require.NoError(t, err)
	tests := []struct{ name, from, to, want string }{
		{"subsection far out", "xref\n0 3\n", "xref\n2000000000 3\n", "lists objects 2000000000"},
		{"negative start", "xref\n0 3\n", "xref\n-5 3\n", "lists objects -5"},
		{"more entries than bytes", "xref\n0 3\n", "xref\n0 900\n", "states 900 entries where the file has room for"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := []byte(strings.Replace(string(good), tt.from, tt.to, 1))
			_, err := checkXref(b)
			require.ErrorIs(t, err, errXref)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func BenchmarkHostileObjStmPages(b *testing.B) {
	in, err := os.ReadFile("../../fixtures/hostile/objstm-pages-2500.pdf")
	require.NoError(b, err)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("in.pdf", in, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestPanicText(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{"unexpected value type pdf.objptr in resolve", "an object holds only a reference to another object"},
		{"cannot find object in stream", "an object the cross-reference table places in an object stream is not there"},
		{errors.New("loading {12 0}: found {13 0}"), "object 12 is not at the offset the cross-reference table gives (object 13 is)"},
		{"unknown filter LZWDecode", "stream filter LZWDecode is not supported"},
		{"something else", "something else"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, panicText(tt.in))
	}
}
