package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	lpdf "github.com/ledongthuc/pdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lengthObj is a stream object's text whose dictionary holds dict and, when
// length is not empty, "/Length length".
func lengthObj(dict, length, data string) string {
	if length != "" {
		dict += " /Length " + length
	}
	return "<< " + dict + " >>\nstream\n" + data + "\nendstream"
}

// The ways a stream's /Length is wrong, as text for a stream of n bytes
// (ok: the length is right, and nothing is repaired).
var lengthDamages = []struct {
	name   string
	length func(n int) string
	ok     bool
}{
	{"right", strconv.Itoa, true},
	{"right, indirect", func(int) string { return "9 0 R" }, true},
	{"too long", func(n int) string { return strconv.Itoa(n + 40) }, false},
	{"too long, past the file's end", func(n int) string { return strconv.Itoa(n + 100000) }, false},
	{"too short", func(n int) string { return strconv.Itoa(n - 7) }, false},
	{"zero", func(int) string { return "0" }, false},
	{"negative", func(n int) string { return strconv.Itoa(-n) }, false},
	{"indirect, naming a dictionary", func(int) string { return "1 0 R" }, false},
	{"indirect, naming a missing object", func(int) string { return "40 0 R" }, false},
	{"a name", func(int) string { return "/Auto" }, false},
	{"missing", func(int) string { return "" }, false},
}

// lengthDocs are documents whose one damaged stream is of each kind: the
// page's content stream (plain and compressed, alone and in a /Contents
// array), a form XObject, the ToUnicode CMap of the page's font and a
// Type 1 font program. objs gives the document's objects for the damaged
// stream's /Length; n is its right length.
func lengthDocs() []lengthDoc {
	helv := "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >>"
	text := "BT /F1 12 Tf 20 150 Td (Exchange partners) Tj 0 -14 Td (Peking University \\(1999.11.10\\)) Tj ET"
	page := func(contents, res string) []string {
		return []string{
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents " + contents + " /Resources " + res + " >>",
		}
	}
	// Objects 4 to 8 are the document's own; object 9 is the stream's
	// length, for a length given by reference.
	content := func(dict, data string) func(length string) []string {
		return func(length string) []string {
			objs := page("4 0 R", helv)
			objs = append(objs, lengthObj(dict, length, data), "null", "null", "null", "null", strconv.Itoa(len(data)))
			return objs
		}
	}
	contentArray := func(length string) []string {
		first := "BT /F1 12 Tf 20 150 Td (Exchange partners) Tj ET"
		objs := page("[4 0 R 5 0 R]", helv)
		objs = append(objs, "<< stream:"+first, lengthObj("", length, text), "null", "null", "null", strconv.Itoa(len(text)))
		return objs
	}
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange " +
		"2 beginbfchar <0001> <0041> <0002> <00660069> endbfchar 1 beginbfrange <0003> <0005> <0061> endbfrange endcmap end end"
	toUnicode := func(length string) []string {
		objs := page("4 0 R", "<< /Font << /F1 5 0 R >> >>")
		return append(objs,
			"<< stream:BT /F1 11 Tf 1 0 0 1 20 80 Tm <0001000200030004> Tj [<0005> 120 <0001>] TJ ET",
			"<< /Type /Font /Subtype /Type0 /BaseFont /NotoSansCJKjp-Regular /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoSansCJKjp-Regular /DW 1000 /W [1 [500 600] 3 5 550] >>] /ToUnicode 6 0 R >>",
			lengthObj("", length, cmap), "null", "null", strconv.Itoa(len(cmap)))
	}
	form := func(length string) []string {
		objs := page("4 0 R", "<< /XObject << /X1 5 0 R >> >>")
		return append(objs, "<< stream:/X1 Do",
			lengthObj("/Type /XObject /Subtype /Form /BBox [0 0 300 200] /Resources "+helv, length, text),
			"null", "null", "null", strconv.Itoa(len(text)))
	}
	// A Type 1 font whose program's encoding maps A and B to X and Y.
	program := "%!PS-AdobeFont-1.0: Custom 001.000\n/FontName /Custom def\n/Encoding 256 array\ndup 65 /X put\ndup 66 /Y put\nreadonly def\ncurrentfile eexec\n"
	fontProgram := func(length string) []string {
		objs := page("4 0 R", "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Custom /FirstChar 65 /LastChar 66 /Widths [600 600] "+
			"/FontDescriptor << /Type /FontDescriptor /FontName /Custom /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile 5 0 R >> >> >> >>")
		return append(objs, "<< stream:BT /F1 12 Tf 20 150 Td (ABBA) Tj ET",
			lengthObj(fmt.Sprintf("/Length1 %d /Length2 0 /Length3 0", len(program)), length, program),
			"null", "null", "null", strconv.Itoa(len(program)))
	}
	return []lengthDoc{
		{"content stream", content("", text), len(text)},
		{"compressed content stream", content("/Filter /FlateDecode", deflate(text)), len(deflate(text))},
		{"content stream in an array", contentArray, len(text)},
		{"form XObject", form, len(text)},
		{"ToUnicode CMap", toUnicode, len(cmap)},
		{"Type 1 font program", fontProgram, len(program)},
	}
}

type lengthDoc struct {
	name string
	objs func(length string) []string
	n    int // the damaged stream's length
}

// TestStreamLength: a stream whose /Length is wrong, directly or through
// a reference to an object that is no number, reads as the same stream
// with its length right, and the document says the repair; a stream whose
// length is right is no repair. Built on each kind of stream of
// lengthDocs.
func TestStreamLength(t *testing.T) {
	docs := lengthDocs()
	for _, d := range docs {
		want, err := Parse("in.pdf", buildPDF(d.objs(strconv.Itoa(d.n))...), Options{})
		require.NoError(t, err, d.name)
		require.Empty(t, want.PageErrors, d.name)
		require.Empty(t, want.Repairs, d.name)
		require.NotEmpty(t, docText(want), d.name)
		if d.name == "Type 1 font program" {
			require.Equal(t, "XYYX\n", docText(want), "the program's encoding")
		}
		for _, dm := range lengthDamages {
			t.Run(d.name+"/"+dm.name, func(t *testing.T) {
				got, err := Parse("in.pdf", buildPDF(d.objs(dm.length(d.n))...), Options{})
				require.NoError(t, err)
				assert.Empty(t, got.PageErrors)
				assert.Equal(t, docText(want), docText(got))
				if dm.ok {
					assert.Empty(t, got.Repairs)
				} else {
					assert.Equal(t, []string{repairStreamLength}, got.Repairs)
				}
			})
		}
	}
}

// TestStreamLengthRewritten: a file the PDF library cannot read as it is
// goes through pdfcpu's rewrite, which reads a stream's bytes as its
// /Length says; a wrong length is mended before the rewrite is written,
// so the rewritten file reads as the undamaged one, and the rewrite says
// it mended a length only when one was wrong (pdfcpu reads a length past
// the file's end, none, or one that is no number, to the "endstream"
// itself). Each kind of stream of lengthDocs, with each wrong length.
func TestStreamLengthRewritten(t *testing.T) {
	for _, d := range lengthDocs() {
		want, err := Parse("in.pdf", buildPDF(d.objs(strconv.Itoa(d.n))...), Options{})
		require.NoError(t, err, d.name)
		for _, dm := range lengthDamages {
			t.Run(d.name+"/"+dm.name, func(t *testing.T) {
				out, mended, err := rewrite(buildPDF(d.objs(dm.length(d.n))...), "")
				if dm.name == "indirect, naming a dictionary" {
					// pdfcpu refuses it: the rewrite fails, and the file
					// with it, with an error that says why.
					require.ErrorContains(t, err, "stream length")
					return
				}
				require.NoError(t, err)
				got, err := Parse("in.pdf", out, Options{})
				require.NoError(t, err)
				assert.Empty(t, got.PageErrors)
				assert.Equal(t, docText(want), docText(got))
				if dm.ok {
					assert.False(t, mended)
				}
				if dm.name == "too long" || dm.name == "too short" {
					assert.True(t, mended, "a length that is a number and wrong is mended")
				}
			})
		}
	}
}

// TestStreamLengthObjectStreams: in a file whose pages stand in object
// streams, a content stream whose /Length is too short reads whole, and
// every record says the repair, both when the library refuses the file
// (its later offsets moved: the last-resort rewrite) and when it reads it
// but the file is rewritten for speed (thousands of objects in object
// streams).
func TestStreamLengthObjectStreams(t *testing.T) {
	for _, file := range []string{"objstm-pages-300.pdf", "objstm-pages-2500.pdf"} {
		t.Run(file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("../../fixtures/hostile", file))
			require.NoError(t, err)
			want, err := Parse(file, b, Options{})
			require.NoError(t, err)
			m := regexp.MustCompile(`/Length (\d+) >>\nstream\nBT`).FindSubmatchIndex(b)
			require.NotNil(t, m, "the shared content stream's direct length")
			n, err := strconv.Atoi(string(b[m[2]:m[3]]))
			require.NoError(t, err)
			damaged := bytes.Join([][]byte{b[:m[2]], []byte(strconv.Itoa(n / 2)), b[m[3]:]}, nil)
			got, err := Parse(file, damaged, Options{})
			require.NoError(t, err)
			assert.Contains(t, got.Repairs, repairStreamLength)
			assert.Equal(t, docText(want), docText(got))
		})
	}
}

// TestStreamLengthEncrypted: in an encrypted document (RC4, AES-128), a
// content stream whose /Length is too short or too long is decrypted from
// its real bytes and reads as the undamaged document does.
func TestStreamLengthEncrypted(t *testing.T) {
	for _, tt := range []struct{ file, password string }{
		{"encrypted-empty-password", ""}, // RC4, 128 bits
		{"bad-encrypted", "secret"},      // AES-128
	} {
		b, err := os.ReadFile(filepath.Join("../../fixtures", tt.file, "input.pdf"))
		require.NoError(t, err)
		want, err := Parse(tt.file, b, Options{Password: tt.password})
		require.NoError(t, err)
		require.Empty(t, want.Repairs)
		// The first page's content stream, its length's first digit
		// changed: the offsets after it stay right.
		contents := regexp.MustCompile(`/Contents (\d+) 0 R`).FindSubmatch(b)
		require.NotNil(t, contents)
		obj := bytes.Index(b, []byte("\n"+string(contents[1])+" 0 obj"))
		require.Positive(t, obj)
		at := obj + bytes.Index(b[obj:], []byte("/Length ")) + len("/Length ")
		require.True(t, b[at] >= '2' && b[at] <= '8', "a length starting 2 to 8: %q", b[at:at+8])
		for _, first := range []byte{'1', '9'} {
			t.Run(fmt.Sprintf("%s/length %c%s", tt.file, first, b[at+1:at+4]), func(t *testing.T) {
				damaged := bytes.Clone(b)
				damaged[at] = first
				got, err := Parse(tt.file, damaged, Options{Password: tt.password})
				require.NoError(t, err)
				assert.Equal(t, []string{repairStreamLength}, got.Repairs)
				assert.Equal(t, len(want.PageErrors), len(got.PageErrors))
				assert.Equal(t, docText(want), docText(got))
			})
		}
	}
}

// TestLengthOf: the length a stream is read with, from its /Length,
// and whether that is a repair. A length that ends the data in the white
// space before "endstream", however much there is, is right.
func TestLengthOf(t *testing.T) {
	data := "BT ET" + strings.Repeat("\r\n", 100) + "endstream\nendobj"
	src := bytes.NewReader([]byte("stream\n" + data))
	b := buildPDF("<< /Type /Catalog /Right 5 /IntoSpace 7 /Short 3 /Dict 1 0 R /Name /Auto >>")
	r, err := lpdf.NewReader(bytes.NewReader(b), int64(len(b)))
	require.NoError(t, err)
	for _, tt := range []struct {
		key   string
		n     int64
		fixed bool
	}{
		{"Right", 5, false},
		{"IntoSpace", 7, false},
		{"Short", 203, true},
		{"Dict", 203, true},
		{"Name", 203, true},
		{"Missing", 203, true},
	} {
		t.Run(tt.key, func(t *testing.T) {
			n, fixed := lengthOf(src, int64(len("stream\n")), r.Trailer().Key("Root").Key(tt.key))
			assert.Equal(t, tt.n, n)
			assert.Equal(t, tt.fixed, fixed)
		})
	}
}

// TestStreamEnd: where a stream whose length is wrong ends: at the first
// "endstream" after its data starts, the end-of-line before it not
// counted; nowhere when the next object starts first.
func TestStreamEnd(t *testing.T) {
	long := strings.Repeat("q 1 0 0 1 0 0 cm Q\n", 4000) // past one chunk of the search
	tests := []struct {
		name, data string
		n          int64
		ok         bool
	}{
		{"LF", "BT ET\nendstream\nendobj", 5, true},
		{"CR LF", "BT ET\r\nendstream\r\nendobj", 5, true},
		{"CR", "BT ET\rendstream\rendobj", 5, true},
		{"no end-of-line", "BT ETendstream", 5, true},
		{"two end-of-lines, one counted", "BT ET\n\nendstream", 6, true},
		{"empty", "endstream", 0, true},
		{"white space after the data", "BT ET" + strings.Repeat(" ", 100) + "\nendstream", 105, true},
		{"empty, end-of-line", "\nendstream", 0, true},
		{"long", long + "\nendstream", int64(len(long)), true},
		{"long, endstream across chunks", long[:64<<10-4] + "endstream", 64<<10 - 4, true},
		{"long, endstream in the second chunk", long[:64<<10+3] + "\r\nendstream", 64<<10 + 3, true},
		{"endobj first", "BT ET\nendobj\n5 0 obj\n<< /Length 3 >>\nstream\nabc\nendstream", 0, false},
		{"next object first", "BT ET\n5 0 obj\n<< /Length 3 >>\nstream\nabc\nendstream", 0, false},
		{"next object first, far", long + "12 0 obj\n<< /Length 3 >>\nstream\nabc\nendstream", 0, false},
		{"obj in the data is no object", "(3 objects) Tj /obj1 Do\nendstream", 23, true},
		{"no endstream", "BT ET\n", 0, false},
		{"cut in endstream", "BT ET\nendstr", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := bytes.NewReader([]byte("stream\n" + tt.data))
			n, ok := streamEnd(src, int64(len("stream\n")))
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.n, n)
		})
	}
}

// BenchmarkLengthOf: what checking a stream's length costs, for a length
// that is right (one small read) and for one that is wrong (a search for
// the stream's end through 64 KiB).
func BenchmarkLengthOf(b *testing.B) {
	data := strings.Repeat("q 1 0 0 1 0 0 cm Q\n", 64<<10/19)
	src := bytes.NewReader([]byte("stream\n" + data + "\nendstream\nendobj\n"))
	pdf := buildPDF(fmt.Sprintf("<< /Type /Catalog /Right %d /Wrong %d >>", len(data), len(data)+100))
	r, err := lpdf.NewReader(bytes.NewReader(pdf), int64(len(pdf)))
	require.NoError(b, err)
	for _, key := range []string{"Right", "Wrong"} {
		length := r.Trailer().Key("Root").Key(key)
		b.Run(key, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if n, _ := lengthOf(src, int64(len("stream\n")), length); n != int64(len(data)) {
					b.Fatalf("length %d, not %d", n, len(data))
				}
			}
		})
	}
}
