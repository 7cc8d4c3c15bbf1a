package pdf

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	lpdf "github.com/ledongthuc/pdf"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
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
	require.ErrorIs(t, err, parser.ErrPageRange)
	assert.Contains(t, err.Error(), "ja.pdf: page out of range: pages 7 asked for, the document has 1")
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

// xrefDamages are the ways a file's cross-reference section is lost or
// points wrong; do returns nil when the file has no such section (no
// classic table, for "table lost").
var xrefDamages = []struct {
	name string
	do   func([]byte) []byte
}{
	{"startxref 0", func(b []byte) []byte {
		i := bytes.LastIndex(b, []byte("startxref"))
		return append(b[:i:i], []byte("startxref\n0\n%%EOF\n")...)
	}},
	{"offsets shifted", func(b []byte) []byte {
		i := bytes.IndexByte(b, '\n')
		return slices.Concat(b[:i+1], []byte("% a line a tool added\n"), b[i+1:])
	}},
	{"table lost", func(b []byte) []byte {
		i, j := bytes.LastIndex(b, []byte("\nxref")), bytes.LastIndex(b, []byte("trailer"))
		if i < 0 || j < i {
			return nil
		}
		return append(b[:i+1:i+1], b[j:]...)
	}},
}

// TestRebuiltXrefEncrypted: an encrypted file whose cross-reference
// table is lost or points nowhere is read with a table rebuilt from its
// objects, and its trailer keeps the encryption dictionary and the file
// identifier the key is made from: every page reads as in the undamaged
// file (RC4 of 40 and 128 bits, AES-128 with a password), its identifier
// hexadecimal or a literal string.
func TestRebuiltXrefEncrypted(t *testing.T) {
	files := []struct{ path, password string }{
		{"../../fixtures/encrypted-empty-password/input.pdf", ""},
		{"../../fixtures/bad-encrypted/input.pdf", "secret"},
		{"testdata/broken/rc4-40-empty-password.pdf", ""},
	}
	for _, f := range files {
		b, err := os.ReadFile(f.path)
		require.NoError(t, err)
		want, err := Parse(f.path, b, Options{Password: f.password})
		require.NoError(t, err)
		require.NotEmpty(t, docText(want))
		require.Contains(t, string(b), "/Encrypt")
		literal := regexp.MustCompile(`/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]`)
		ids := []struct {
			name string
			b    []byte
		}{{"hexadecimal identifier", b}}
		if m := literal.FindSubmatchIndex(b); m != nil {
			// The same identifier as literal strings, octal escapes for
			// every byte: the same length of file before the table is
			// not needed, as the table is rebuilt.
			lit := func(hexText []byte) string {
				raw, err := hex.DecodeString(string(hexText))
				require.NoError(t, err)
				var s strings.Builder
				for _, c := range raw {
					fmt.Fprintf(&s, "\\%03o", c)
				}
				return "(" + s.String() + ")"
			}
			id := "/ID [" + lit(b[m[2]:m[3]]) + " " + lit(b[m[4]:m[5]]) + "]"
			ids = append(ids, struct {
				name string
				b    []byte
			}{"literal identifier", bytes.Join([][]byte{b[:m[0]], []byte(id), b[m[1]:]}, nil)})
		}
		for _, id := range ids {
			for _, d := range xrefDamages {
				damaged := d.do(bytes.Clone(id.b))
				if damaged == nil {
					continue
				}
				t.Run(filepath.Base(filepath.Dir(f.path))+"/"+filepath.Base(f.path)+"/"+id.name+"/"+d.name, func(t *testing.T) {
					got, err := Parse(f.path, damaged, Options{Password: f.password})
					require.NoError(t, err)
					assert.Contains(t, got.Repairs, "pdf:rebuilt_xref")
					assert.Empty(t, got.PageErrors)
					assert.Equal(t, docText(want), docText(got))
				})
			}
		}
	}
}

// withObjectStreams returns b written again by pdfcpu with its objects in
// object streams and a cross-reference stream, as Word and Acrobat write.
func withObjectStreams(t *testing.T, b []byte) []byte {
	t.Helper()
	conf := rewriteConfig("")
	conf.WriteObjectStream, conf.WriteXRefStream = true, true
	ctx, err := pdfcpu.Read(bytes.NewReader(b), conf)
	require.NoError(t, err)
	var out bytes.Buffer
	w := bufio.NewWriter(&out)
	ctx.Write.Writer = w
	require.NoError(t, pdfcpu.WriteContext(ctx))
	require.NoError(t, w.Flush())
	require.Contains(t, out.String(), "/ObjStm")
	return out.Bytes()
}

// TestRebuiltXrefObjectStreams: a file whose objects stand in object
// streams, its cross-reference stream lost or its offsets wrong, is read
// with a cross-reference stream rebuilt from the objects and the object
// streams' own lists, as the undamaged file reads, without the last-resort
// rewrite. An object an update gives again after the object stream that
// held it is read from the update. Built two ways: a document written
// with object streams by pdfcpu, and one written by the hostile-file
// generator (300 pages in one object stream).
func TestRebuiltXrefObjectStreams(t *testing.T) {
	hostile, err := os.ReadFile("../../fixtures/hostile/objstm-pages-300.pdf")
	require.NoError(t, err)
	docs := map[string][]byte{"hostile-objstm-300": hostile}
	for i, b := range smallPDFs()[:3] {
		docs[fmt.Sprintf("pdfcpu-%d", i)] = withObjectStreams(t, b)
	}
	for name, b := range docs {
		want, err := Parse(name, b, Options{})
		require.NoError(t, err)
		require.Empty(t, want.Repairs)
		require.NotEmpty(t, docText(want))
		for _, d := range xrefDamages {
			damaged := d.do(bytes.Clone(b))
			if damaged == nil {
				continue
			}
			t.Run(name+"/"+d.name, func(t *testing.T) {
				got, err := Parse(name, damaged, Options{})
				require.NoError(t, err)
				assert.Equal(t, []string{"pdf:rebuilt_xref"}, got.Repairs)
				assert.Empty(t, got.PageErrors)
				assert.Equal(t, docText(want), docText(got))
			})
		}
	}
	t.Run("an update's object wins", func(t *testing.T) {
		b := docs["pdfcpu-0"]
		// The page object, which stands in an object stream, given again
		// in an update with new content.
		want, err := Parse("in.pdf", buildPDF(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >> >>",
			"<< stream:BT /F1 12 Tf 20 150 Td (Updated page) Tj ET"), Options{})
		require.NoError(t, err)
		r, err := lpdf.NewReader(bytes.NewReader(b), int64(len(b)))
		require.NoError(t, err)
		pageID, ok := objectID(r.Page(1).V)
		require.True(t, ok, "the page's number")
		page := []string{"", strconv.Itoa(int(pageID))}
		objs := regexp.MustCompile(`/Size (\d+)`).FindSubmatch(b)
		require.NotNil(t, objs)
		content := string(objs[1])
		text := "BT /F1 12 Tf 20 150 Td (Updated page) Tj ET"
		update := fmt.Sprintf("\n%s 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n"+
			"%s 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents %s 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >> >>\nendobj\n",
			content, len(text), text, page[1], content)
		damaged := slices.Concat(b, []byte(update), []byte("startxref\n0\n%%EOF\n"))
		got, err := Parse("in.pdf", damaged, Options{})
		require.NoError(t, err)
		assert.Equal(t, []string{"pdf:rebuilt_xref"}, got.Repairs)
		assert.Equal(t, docText(want), docText(got))
	})
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

// TestDamagedPageStream: a page whose content stream cannot be decoded is
// that page's error, never a silently empty page; a stream that decodes in
// part gives its text and the error.
func TestDamagedPageStream(t *testing.T) {
	helv := "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> /XObject << /X1 6 0 R >> >>"
	good := "BT /F1 12 Tf 20 150 Td (first page) Tj ET"
	text := "BT /F1 12 Tf 20 150 Td (readable part) Tj ET\n" + strings.Repeat("BT /F1 12 Tf 20 100 Td (filler) Tj ET\n", 400)
	full := deflate(text)
	badChecksum := []byte(full)
	badChecksum[len(badChecksum)-1] ^= 0xff
	doc := func(contents, page2 string) []byte {
		return buildPDF(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 7 0 R /Resources "+helv+" >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] "+contents+" /Resources "+helv+" >>",
			page2,
			"<< /Type /XObject /Subtype /Form /BBox [0 0 300 200] /Filter /FlateDecode stream:not zlib at all",
			"<< stream:"+good,
		)
	}
	tests := []struct {
		name     string
		contents string // page 2's /Contents entry
		page2    string // object 5
		wantErr  string // "" when page 2 reads cleanly
		wantText string // text page 2 still gives
	}{
		{"flate over plain bytes", "/Contents 5 0 R", "<< /Filter /FlateDecode stream:" + text, "FlateDecode data cannot be decoded", ""},
		{"unknown filter", "/Contents 5 0 R", "<< /Filter /JBIG3Decode stream:" + text, "stream filter JBIG3Decode is not supported", ""},
		{"truncated flate", "/Contents 5 0 R", "<< /Filter /FlateDecode stream:" + full[:len(full)/2], "FlateDecode data cut short after", "readable part"},
		{"bad checksum only", "/Contents 5 0 R", "<< /Filter /FlateDecode stream:" + string(badChecksum), "FlateDecode data fails its checksum", "readable part"},
		{"missing object", "/Contents 40 0 R", "<< >>", "the object it names is missing", ""},
		{"array with a missing part", "/Contents [5 0 R 40 0 R]", "<< stream:" + text, "part 2 of 2: the object it names is missing", "readable part"},
		{"no contents", "", "<< >>", "", ""},
		{"damaged form", "/Contents 5 0 R", "<< stream:" + text + " /X1 Do", "form XObject /X1 damaged", "readable part"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("in.pdf", doc(tt.contents, tt.page2), Options{})
			require.NoError(t, err)
			var all strings.Builder
			for _, b := range d.Blocks {
				if b.Line != nil {
					all.WriteString(b.Line.Text + "\n")
				}
			}
			assert.Contains(t, all.String(), "first page", "the other page still reads")
			if tt.wantText != "" {
				assert.Contains(t, all.String(), tt.wantText)
			}
			if tt.wantErr == "" {
				assert.Empty(t, d.PageErrors)
				return
			}
			require.Len(t, d.PageErrors, 1)
			var pe *parser.Error
			require.ErrorAs(t, d.PageErrors[0], &pe)
			assert.Equal(t, 2, pe.Page)
			assert.Equal(t, "in.pdf", pe.File)
			assert.ErrorIs(t, pe, parser.ErrMalformed)
			assert.Contains(t, pe.Error(), tt.wantErr)
		})
	}
}

// TestOpenErrorMessages: a file the reader refuses is described in terms of
// the file (cut short, protected), not of the library's internals.
func TestOpenErrorMessages(t *testing.T) {
	good, err := os.ReadFile("testdata/chromium-ja-table.pdf")
	require.NoError(t, err)
	enc, err := os.ReadFile("../../fixtures/bad-encrypted/input.pdf")
	require.NoError(t, err)
	tests := []struct {
		name string
		in   []byte
		want error
		msg  string
	}{
		{"cut short", good[:len(good)/3], parser.ErrMalformed, "truncated or damaged PDF (no cross-reference table or %%EOF)"},
		{"user password", enc, parser.ErrEncrypted, "a password is needed to open it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("in.pdf", tt.in, Options{})
			require.ErrorIs(t, err, tt.want)
			assert.Equal(t, "in.pdf: "+tt.want.Error()+": "+tt.msg, err.Error())
		})
	}
}

// TestRewrite: a file the PDF library refuses after the byte-level repairs
// is rewritten by pdfcpu and read, with the repair "pdf:rewritten"; a file
// cut short or one that needs a password is not.
func TestRewrite(t *testing.T) {
	plain, err := os.ReadFile("testdata/chromium-ja-table.pdf")
	require.NoError(t, err)
	want, err := Parse("in.pdf", plain, Options{})
	require.NoError(t, err)

	t.Run("AES-256, empty user password", func(t *testing.T) {
		b, err := os.ReadFile("testdata/broken/aes256-empty-password.pdf")
		require.NoError(t, err)
		doc, err := Parse("in.pdf", b, Options{})
		require.NoError(t, err)
		assert.Equal(t, []string{"pdf:rewritten"}, doc.Repairs)
		assert.Empty(t, doc.PageErrors)
		assert.Equal(t, want.Title, doc.Title)
		assert.Equal(t, want.Blocks, doc.Blocks)
	})
	t.Run("AES-256, user password", func(t *testing.T) {
		b, err := os.ReadFile("testdata/broken/aes256-password.pdf")
		require.NoError(t, err)
		_, err = Parse("in.pdf", b, Options{})
		require.ErrorIs(t, err, parser.ErrEncrypted)
		assert.EqualError(t, err, "in.pdf: encrypted document: a password is needed to open it")
	})
	t.Run("cut short", func(t *testing.T) {
		page := "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>"
		b := buildPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page,
			"<< stream:BT /F1 12 Tf 20 150 Td (partner) Tj ET")
		cut := b[:bytes.Index(b, []byte("xref"))]
		doc, err := Parse("in.pdf", cut, Options{})
		if err == nil {
			assert.NotContains(t, doc.Repairs, "pdf:rewritten", "the scan may rebuild it; the rewrite must not")
			return
		}
		require.ErrorIs(t, err, parser.ErrMalformed)
	})
	t.Run("not a PDF past its header", func(t *testing.T) {
		_, err := Parse("in.pdf", []byte("%PDF-1.4\nnothing here\n%%EOF\n"), Options{})
		require.ErrorIs(t, err, parser.ErrMalformed)
	})
}

// A font whose ToUnicode map fails its checksum still reads (through the
// bytes that decode, or the font's encoding), and the document says so in
// its repairs, which every record carries.
func TestDamagedFontMapIsARepair(t *testing.T) {
	cmap := "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def " +
		"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <20> <7E> <0020> endbfrange endcmap end end"
	bad := []byte(deflate(cmap))
	bad[len(bad)-1] ^= 0xff // the Adler-32 checksum
	for _, tt := range []struct {
		name   string
		stream string
		repair bool
	}{
		{"good map", "<< /Filter /FlateDecode stream:" + deflate(cmap), false},
		{"map failing its checksum", "<< /Filter /FlateDecode stream:" + string(bad), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := buildPDF(
				"<< /Type /Catalog /Pages 2 0 R >>",
				"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
				"<< stream:BT /F1 12 Tf 20 100 Td (Peking University) Tj ET",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
				tt.stream,
			)
			d, err := Parse("in.pdf", b, Options{})
			require.NoError(t, err)
			assert.Empty(t, d.PageErrors)
			var all strings.Builder
			for _, bl := range d.Blocks {
				if bl.Line != nil {
					all.WriteString(bl.Line.Text)
				}
			}
			assert.Contains(t, all.String(), "Peking University")
			if tt.repair {
				assert.Contains(t, d.Repairs, "pdf:font_damaged:tounicode")
			} else {
				assert.Empty(t, d.Repairs)
			}
		})
	}
}
