package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// messages returns what reading b says: the document's error, or its page
// errors, one a line.
func messages(t *testing.T, name string, b []byte) []string {
	t.Helper()
	doc, err := Parse(name, b, Options{})
	if err != nil {
		var pe *parser.Error
		require.ErrorAs(t, err, &pe)
		return []string{err.Error()}
	}
	var out []string
	for _, e := range doc.PageErrors {
		out = append(out, e.Error())
	}
	return out
}

// TestHostileMessages: what each hostile file of fixtures/hostile makes
// the reader say, word for word.
func TestHostileMessages(t *testing.T) {
	missing := func(page, obj int, why string) string {
		return fmt.Sprintf("truncated-30-pages.pdf: page %d: malformed document: the page's object is missing or cannot be read (the file is damaged or cut short): object %d%s", page, obj, why)
	}
	truncated := []string{missing(21, 44, `: a stray word "xref" where a value was expected`)}
	for p := 22; p <= 30; p++ {
		truncated = append(truncated, missing(p, 2*p+2, " is not in the file"))
	}
	tests := []struct {
		file string
		want []string
	}{
		{"cmap-ranges-20000.pdf", nil},
		{"crash-objstm-mutual.pdf", []string{"crash-objstm-mutual.pdf: malformed document: impossible cross-reference section: object stream 20 is said to be stored in object stream 21"}},
		{"crash-objstm-self.pdf", []string{"crash-objstm-self.pdf: malformed document: impossible cross-reference section: object stream 20 is said to be stored in itself"}},
		{"crash-xref-subsection.pdf", nil},
		{"crash-xrefstream-W.pdf", nil},
		{"crash-xrefstream-index.pdf", nil},
		{"crash-xrefstream-size.pdf", nil},
		{"dup-pagetree-cycle.pdf", nil},
		{"flate-bad-checksum.pdf", []string{"flate-bad-checksum.pdf: page 1: malformed document: content stream (object 5) damaged: FlateDecode data fails its checksum; read as it decodes"}},
		{"hang-kids-x20000-ops4M.pdf", []string{"hang-kids-x20000-ops4M.pdf: page 1: malformed document: input too large: more than 4000000 operators; the rest of the page was not read"}},
		{"objstm-pages-300.pdf", nil},
		{"objstm-pages-2500.pdf", nil},
		{"pagetree-doubling-17.pdf", nil},
		{"silent-stream-cap.pdf", []string{"silent-stream-cap.pdf: page 1: malformed document: content stream (object 5) decodes to more than 64 MiB; the rest was not read (input too large)"}},
		{"truncated-30-pages.pdf", truncated},
	}
	files, err := filepath.Glob("../../fixtures/hostile/*.pdf")
	require.NoError(t, err)
	require.Len(t, files, len(tests), "every hostile PDF has its messages here")
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("../../fixtures/hostile", tt.file))
			require.NoError(t, err)
			assert.Equal(t, tt.want, messages(t, tt.file, b))
		})
	}
}

// TestDamagedObjectMessages: an object the library cannot parse is named,
// with what is wrong in it, in place of the library's words.
func TestDamagedObjectMessages(t *testing.T) {
	doc := func(page string) []byte {
		return buildPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R "+page+" >>",
			"<< stream:BT /F1 9 Tf (x) Tj ET")
	}
	tests := []struct{ name, page, want string }{
		{"bad name", "/X /A#zz", "a name holds a # not followed by two hexadecimal digits"},
		{"octal escape", `/X (\777)`, `a string holds an octal escape above \377 (\777)`},
		{"key not a name", "5 /X", "a dictionary holds a key that is not a name (5)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := messages(t, "in.pdf", doc(tt.page))
			assert.Equal(t, []string{"in.pdf: document has no pages that can be read: page 1: object 3: " + tt.want}, got)
		})
	}
}

func TestLibraryText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"malformed PDF: malformed xref table", "the cross-reference table is damaged (an entry is not 'offset generation n' or 'f')"},
		{"malformed PDF: error reading xref stream: flate: corrupt input before offset 12", "the cross-reference stream cannot be decoded: Flate data damaged at byte 12"},
		{"malformed PDF: reading at offset 861: EOF", "the file ends at byte 861, where the reader needed more (the file is cut short, or an offset points past its end)"},
		{"malformed PDF: xref stream missing Size", "the cross-reference stream has no /Size"},
		{"malformed hex string G G  /Type /Pages\n/Kids [3 0 R] >>\nendobj\nxref\n0 3\n" + strings.Repeat("0000000000 65535 f \n", 100),
			"a hexadecimal string <…> holds a character that is not a hexadecimal digit"},
		{"unexpected delimiter `>`", "a stray '>' where a value was expected"},
		{`unexpected keyword "endobj" parsing object`, `a stray word "endobj" where a value was expected`},
		{`unexpected keyword "` + strings.Repeat("e", 300) + `" parsing object`, `a stray word "` + strings.Repeat("e", 186) + "…"},
		{"unexpected non-name key int64(5) parsing dictionary", "a dictionary holds a key that is not a name (5)"},
		{"missing endobj after indirect object definition", "an object is not closed by endobj"},
		{"object nesting exceeds maximum depth 100", "arrays and dictionaries nested more than 100 deep"},
		{"unexpected EOF", "the data ends before its end mark"},
		{"zlib: invalid header", "no zlib header (not Flate data)"},
		{"mismatched begin/end", "a CMap's begin and end do not match"},
		{"something new\x1b[2J", `something new\x1b[2J`},
		{"unexpected non-name key pdf.keyword(\xfa.Type) parsing dictionary", `a dictionary holds a key that is not a name (\xfa.Type)`},
		{"unexpected non-name key string(50%!) parsing dictionary", "a dictionary holds a key that is not a name (50%!)"},
		{"malformed PDF: unknown filter FlatetttDecode", "stream filter FlatetttDecode is not supported (not a standard PDF filter)"},
		{"illegal ascii85 data at input byte 7", "ASCII85 data holds a character that is not base-85 (at byte 7)"},
		{"malformed PDF: reading at offset 120: flate: corrupt input before offset 5", "at byte 120 of the file: Flate data damaged at byte 5"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, libraryText(tt.in), tt.in)
	}
	assert.Equal(t, "damaged data the reader could not follow: an offset or a length points outside the data it belongs to",
		panicText(runtimeError("index out of range [5] with length 3")))
	assert.Equal(t, "damaged data the reader could not follow: a value it needs is missing",
		panicText(runtimeError("invalid memory address or nil pointer dereference")))
}

type runtimeError string

func (e runtimeError) Error() string { return "runtime error: " + string(e) }

// jargon is what no message may say: the library's and the runtime's
// words (Go's marks of values it could not format are badVerb). FuzzParse checks
// every message against it, on its seeds (the hostile files, the shapes of
// seeds_test.go, what campaigns found) in every test run, and on what it
// makes of them when fuzzing.
var jargon = []string{"objptr", "pdf.", "malformed PDF", "runtime error", "bufio", "zlib:", "flate:", "lzw:", "<nil>",
	"interface {}", "int64(", "parsing object", "parsing dictionary", "unexpected EOF", "goroutine", "panic"}

// TestBadVerb checks the mark FuzzParse refuses: Go's, not the file's "%!".
func TestBadVerb(t *testing.T) {
	for _, s := range []string{"%!v(MISSING)", "%!d(string=x)", "%!(EXTRA int=1)", "%!(NOVERB)"} {
		assert.True(t, badVerb.MatchString(s), s)
	}
	for _, s := range []string{"a key that is not a name (0000000000000%!)", "50%! off", "%!)"} {
		assert.False(t, badVerb.MatchString(s), s)
	}
}

// TestPrintableBound: a message quoting the file is cut at maxMessage
// characters as written, escapes included, however its bytes are escaped.
func TestPrintableBound(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("\xcc", 300),
		strings.Repeat("\x01", 300),
		strings.Repeat("a", 300),
		strings.Repeat("東", 300),
		strings.Repeat("a\x00", 150),
	} {
		got := printable(s)
		assert.LessOrEqual(t, utf8.RuneCountInString(got), maxMessage+1, "%q", got)
		assert.True(t, strings.HasSuffix(got, "…"), "%q", got)
		assert.False(t, strings.ContainsFunc(got, unicode.IsControl), "%q", got)
	}
	assert.Equal(t, `a\x01\xcc東`, printable("a\x01\xcc東"))
}
