package pdf

import (
	"bytes"
	"compress/lzw"
	"compress/zlib"
	"encoding/ascii85"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	lpdf "github.com/ledongthuc/pdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	tifflzw "golang.org/x/image/tiff/lzw"

	"github.com/agreements/agreements/parser"
)

// lzwEncode writes PDF LZW: 8-bit literals, codes of 9 to 12 bits most
// significant bit first, a clear code first and before the table fills,
// the end-of-data code last. early widens the codes one code early
// (/EarlyChange 1, the default).
func lzwEncode(data []byte, early bool) []byte {
	var out []byte
	var acc uint32
	var nbits uint
	width := uint(9)
	emit := func(code int) {
		acc = acc<<width | uint32(code)
		nbits += width
		for nbits >= 8 {
			out = append(out, byte(acc>>(nbits-8)))
			nbits -= 8
		}
	}
	adjust := 0
	if early {
		adjust = 1
	}
	table := map[string]int{}
	hi := 257 // the last code given
	inc := func() {
		hi++
		if hi == 1<<width-adjust && width < 12 {
			width++
		}
	}
	reset := func() {
		emit(256)
		clear(table)
		hi, width = 257, 9
	}
	reset()
	code := func(s string) int {
		if len(s) == 1 {
			return int(s[0])
		}
		return table[s]
	}
	w := ""
	for _, c := range data {
		wc := w + string([]byte{c})
		if _, ok := table[wc]; ok || len(wc) == 1 {
			w = wc
			continue
		}
		emit(code(w))
		inc()
		table[wc] = hi
		w = string([]byte{c})
		if hi >= 4000 {
			emit(code(w))
			w = ""
			reset()
		}
	}
	if w != "" {
		emit(code(w))
		inc()
	}
	emit(257)
	if nbits > 0 {
		out = append(out, byte(acc<<(8-nbits)))
	}
	return out
}

func runLengthEncode(data []byte) []byte {
	var out []byte
	for i := 0; i < len(data); {
		j := i + 1
		for j < len(data) && data[j] == data[i] && j-i < 128 {
			j++
		}
		if j-i >= 3 {
			out = append(out, byte(257-(j-i)), data[i])
			i = j
			continue
		}
		j = i
		for j < len(data) && j-i < 128 && (j+2 >= len(data) || data[j] != data[j+1] || data[j] != data[j+2]) {
			j++
		}
		out = append(out, byte(j-i-1))
		out = append(out, data[i:j]...)
		i = j
	}
	return append(out, 128)
}

func asciiHexEncode(data []byte) []byte {
	s := hex.EncodeToString(data)
	var b strings.Builder
	for i := 0; i < len(s); i += 64 {
		b.WriteString(s[i:min(len(s), i+64)])
		b.WriteString("\n")
	}
	b.WriteString(">")
	return []byte(b.String())
}

func ascii85Encode(data []byte) []byte {
	out := make([]byte, ascii85.MaxEncodedLen(len(data)))
	n := ascii85.Encode(out, data)
	return append(out[:n], "~>"...)
}

func zlibEncode(data []byte) []byte {
	return []byte(deflate(string(data)))
}

// pngPredict writes rows of cols bytes each behind a PNG filter byte,
// the filters taken in turn (None, Sub, Up, Average, Paeth).
func pngPredict(data []byte, cols, bpp int) []byte {
	var out []byte
	prev := make([]byte, cols)
	for r := 0; len(data) > 0; r++ {
		cur := make([]byte, cols)
		copy(cur, data)
		data = data[min(len(data), cols):]
		kind := byte(r % 5)
		out = append(out, kind)
		for i := range cur {
			var a, c byte
			if i >= bpp {
				a, c = cur[i-bpp], prev[i-bpp]
			}
			switch kind {
			case 0:
				out = append(out, cur[i])
			case 1:
				out = append(out, cur[i]-a)
			case 2:
				out = append(out, cur[i]-prev[i])
			case 3:
				out = append(out, cur[i]-byte((int(a)+int(prev[i]))/2))
			case 4:
				out = append(out, cur[i]-paeth(a, prev[i], c))
			}
		}
		prev = cur
	}
	return out
}

// tiffPredict writes data as TIFF predictor 2 (each byte less the one bpp
// before it in its row) in rows of cols bytes.
func tiffPredict(data []byte, cols, bpp int) []byte {
	out := bytes.Clone(data)
	for r := 0; r < len(data); r += cols {
		for i := min(len(data), r+cols) - 1; i >= r+bpp; i-- {
			out[i] = data[i] - data[i-bpp]
		}
	}
	return out
}

// TestLZWEncoder checks the test's encoder against the two decoders: Go's
// (plain LZW) and TIFF's (codes widened one code early).
func TestLZWEncoder(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	data := make([]byte, 200_000)
	for i := range data {
		data[i] = byte('a' + rnd.IntN(3)) // repetitive, so the table fills and clears
	}
	binary := make([]byte, 50_000)
	for i := range binary {
		binary[i] = byte(rnd.IntN(256))
	}
	for _, data := range [][]byte{data, binary} {
		got, err := io.ReadAll(lzw.NewReader(bytes.NewReader(lzwEncode(data, false)), lzw.MSB, 8))
		require.NoError(t, err)
		require.Equal(t, data, got)
		got, err = io.ReadAll(tifflzw.NewReader(bytes.NewReader(lzwEncode(data, true)), tifflzw.MSB, 8))
		require.NoError(t, err)
		require.Equal(t, data, got)
	}
}

// TestDecodeFilter checks each decoder on the examples of the PDF
// specification and on edge cases.
func TestDecodeFilter(t *testing.T) {
	tests := []struct {
		name, filter, in, want string
	}{
		// ISO 32000-1, 7.4.4.2: "-----A---B" with /EarlyChange 1.
		{"LZW example of the specification", "LZWDecode", "\x80\x0b\x60\x50\x22\x0c\x0c\x85\x01", "-----A---B"},
		{"hex", "ASCIIHexDecode", "48 65\n6c6C 6f>", "Hello"},
		{"hex, odd last digit", "ASCIIHexDecode", "4142 4>", "AB@"},
		{"hex without its end mark", "ASCIIHexDecode", "414", "A@"},
		{"hex, text after the end mark", "ASCIIHexDecode", "41>42", "A"},
		{"hex, abbreviated name", "AHx", "41>", "A"},
		{"ASCII85 with its marks", "ASCII85Decode", "<~87cURDZ~>", "Hello"},
		{"ASCII85, z for four zeros", "ASCII85Decode", "z~>", "\x00\x00\x00\x00"},
		{"run length", "RunLengthDecode", "\x02abc\xfdx\x80", "abcxxxx"},
		{"run length, no end byte", "RunLengthDecode", "\x00a\xffb", "abb"},
		{"run length, text after the end byte", "RunLengthDecode", "\x00a\x80\x00b", "a"},
		{"flate", "FlateDecode", deflate("plain"), "plain"},
		{"identity crypt filter", "Crypt", "as is", "as is"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := decodeFilter(strings.NewReader(tt.in), tt.filter, valueParams{})
			require.NoError(t, err)
			got, err := io.ReadAll(r)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(got))
		})
	}
	bad := []struct{ name, filter, in, want string }{
		{"hex, not a digit", "ASCIIHexDecode", "41 4x>", `'x' is not a hexadecimal digit`},
		{"run length cut in a literal", "RunLengthDecode", "\x05ab", "unexpected EOF"},
		{"LZW cut short", "LZWDecode", "\x80\x0b\x60", "EOF"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			r, err := decodeFilter(strings.NewReader(tt.in), tt.filter, valueParams{})
			require.NoError(t, err)
			_, err = io.ReadAll(r)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	for _, name := range []string{"DCTDecode", "JBIG2Decode", "NoSuchDecode"} {
		_, err := decodeFilter(strings.NewReader(""), name, valueParams{})
		require.ErrorIs(t, err, errFilter, name)
		assert.Contains(t, err.Error(), name)
	}
}

// filteredPage is a one-page document whose content stream is stored with
// the given /Filter and /DecodeParms entries (text of the stream's
// dictionary) and data.
func filteredPage(dict string, data []byte) []byte {
	helv := "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >>"
	return buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources "+helv+" >>",
		"<< "+dict+" stream:"+string(data),
	)
}

func pageText(t *testing.T, b []byte) (string, []error) {
	t.Helper()
	doc, err := Parse("filtered.pdf", b, Options{})
	require.NoError(t, err)
	return docText(doc), doc.PageErrors
}

// TestStreamFilters: a page whose content stream is stored with any of
// the standard filters, alone or in a chain, with predictors, reads as the
// unfiltered page does, with no page error.
func TestStreamFilters(t *testing.T) {
	var content strings.Builder
	content.WriteString("BT /F1 9 Tf 20 180 Td 11 TL ")
	for i := range 12 {
		fmt.Fprintf(&content, "(Partner %d University, Exchange agreement 20%02d) ' ", i, i)
	}
	content.WriteString("ET")
	raw := []byte(content.String())
	want, errs := pageText(t, filteredPage("", raw))
	require.Empty(t, errs)
	require.Contains(t, want, "Partner 11 University")

	tests := []struct {
		name, dict string
		data       []byte
	}{
		{"ASCIIHexDecode", "/Filter /ASCIIHexDecode", asciiHexEncode(raw)},
		{"ASCII85Decode", "/Filter /ASCII85Decode", ascii85Encode(raw)},
		{"LZWDecode", "/Filter /LZWDecode", lzwEncode(raw, true)},
		{"LZWDecode, EarlyChange 1 stated", "/Filter /LZWDecode /DecodeParms << /EarlyChange 1 >>", lzwEncode(raw, true)},
		{"LZWDecode, EarlyChange 0", "/Filter /LZWDecode /DecodeParms << /EarlyChange 0 >>", lzwEncode(raw, false)},
		{"RunLengthDecode", "/Filter /RunLengthDecode", runLengthEncode(raw)},
		{"FlateDecode", "/Filter /FlateDecode", zlibEncode(raw)},
		{"FlateDecode, PNG predictors", "/Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns 7 >>", zlibEncode(pngPredict(raw, 7, 1))},
		{"FlateDecode, PNG predictors, 3 colours", "/Filter /FlateDecode /DecodeParms << /Predictor 11 /Colors 3 /Columns 5 >>", zlibEncode(pngPredict(raw, 15, 3))},
		{"FlateDecode, TIFF predictor", "/Filter /FlateDecode /DecodeParms << /Predictor 2 /Colors 2 /Columns 9 >>", zlibEncode(tiffPredict(raw, 18, 2))},
		{"LZWDecode, PNG predictors", "/Filter /LZWDecode /DecodeParms << /Predictor 12 /Columns 16 >>", lzwEncode(pngPredict(raw, 16, 1), true)},
		{"chain ASCIIHex, Flate", "/Filter [/ASCIIHexDecode /FlateDecode]", asciiHexEncode(zlibEncode(raw))},
		{"chain ASCII85, LZW", "/Filter [/ASCII85Decode /LZWDecode] /DecodeParms [null << /EarlyChange 0 >>]", ascii85Encode(lzwEncode(raw, false))},
		{"chain ASCII85, Flate with a predictor", "/Filter [/ASCII85Decode /FlateDecode] /DecodeParms [null << /Predictor 12 /Columns 10 >>]", ascii85Encode(zlibEncode(pngPredict(raw, 10, 1)))},
		{"chain ASCII85, RunLength", "/Filter [/A85 /RL]", ascii85Encode(runLengthEncode(raw))},
		{"chain ASCIIHex, RunLength, LZW", "/Filter [/ASCIIHexDecode /RunLengthDecode /LZWDecode]", asciiHexEncode(runLengthEncode(lzwEncode(raw, true)))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := pageText(t, filteredPage(tt.dict, tt.data))
			require.Empty(t, errs)
			assert.Equal(t, want, got)
		})
	}
}

// TestStreamFilterErrors: what cannot be decoded is said, naming the
// filter; a filter no content stream can use is not called damage.
func TestStreamFilterErrors(t *testing.T) {
	raw := []byte("BT /F1 9 Tf 20 100 Td (Exchange partners) Tj ET")
	bad := bytes.Clone(zlibEncode(raw))
	bad[len(bad)-1] ^= 0xff // the Adler-32 checksum
	tests := []struct {
		name, dict string
		data       []byte
		text       string // text still read ("" for none)
		err        string
		damaged    bool
	}{
		{"image filter", "/Filter /DCTDecode", raw, "", "content stream (object 4) not read: stream filter DCTDecode is not supported (it compresses images, which hold no text)", false},
		{"unknown filter in a chain", "/Filter [/ASCIIHexDecode /Foo]", asciiHexEncode(raw), "", "content stream (object 4) not read: stream filter Foo is not supported (not a standard PDF filter)", false},
		{"unknown filter named with a control byte", "/Filter /#01Foo#0A", raw, "", `content stream (object 4) not read: stream filter \x01Foo\n is not supported (not a standard PDF filter)`, false},
		{"hex with a stray letter", "/Filter /ASCIIHexDecode", []byte("42 54 2q>"), "", `ASCIIHexDecode data cut short after 2 bytes: ASCIIHexDecode: 'q' is not a hexadecimal digit`, true},
		{"LZW cut short", "/Filter /LZWDecode", lzwEncode(raw, true)[:30], "", "LZWDecode data cut short", true},
		{"Flate checksum wrong behind ASCIIHex", "/Filter [/AHx /Fl]", asciiHexEncode(bad), "Exchange partners", "AHx+Fl data fails its checksum", true},
		{"unknown predictor", "/Filter /FlateDecode /DecodeParms << /Predictor 7 >>", zlibEncode(raw), "", "content stream (object 4) not read: predictor 7 is not supported", false},
		{"huge predictor row", "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 9999999999 >>", zlibEncode(raw), "", "predictor: /Columns 9999999999", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := pageText(t, filteredPage(tt.dict, tt.data))
			if tt.text != "" {
				assert.Contains(t, got, tt.text)
			}
			require.Len(t, errs, 1)
			var pe *parser.Error
			require.ErrorAs(t, errs[0], &pe)
			assert.Equal(t, 1, pe.Page)
			assert.Contains(t, errs[0].Error(), tt.err)
			assert.Equal(t, tt.damaged, strings.Contains(errs[0].Error(), "damaged"), errs[0].Error())
		})
	}
}

// TestFixtureFilters: a real document whose Flate streams (content,
// fonts, CMaps) are stored with other filters reads the same.
func TestFixtureFilters(t *testing.T) {
	encoders := []struct {
		name, filter string
		enc          func([]byte) []byte
	}{
		{"LZW", "/LZWDecode", func(b []byte) []byte { return lzwEncode(b, true) }},
		{"ASCIIHex", "/ASCIIHexDecode", asciiHexEncode},
		{"RunLength", "/RunLengthDecode", runLengthEncode},
		{"ASCII85 and LZW", "[/ASCII85Decode /LZWDecode] /DecodeParms [null << /EarlyChange 0 >>]", func(b []byte) []byte { return ascii85Encode(lzwEncode(b, false)) }},
	}
	for _, fixture := range []string{"tohoku-university-libreoffice", "tohoku-university-chromium"} {
		b, err := os.ReadFile(filepath.Join("../../fixtures", fixture, "input.pdf"))
		require.NoError(t, err)
		orig, err := Parse("input.pdf", b, Options{})
		require.NoError(t, err)
		require.Empty(t, orig.PageErrors)
		want := parser.Dump(orig)
		for _, e := range encoders {
			t.Run(fixture+"/"+e.name, func(t *testing.T) {
				nb, n := refilter(t, b, e.filter, e.enc)
				require.Positive(t, n)
				doc, err := Parse("input.pdf", nb, Options{})
				require.NoError(t, err)
				require.Empty(t, doc.PageErrors)
				assert.Empty(t, doc.Repairs)
				assert.Equal(t, string(want), string(parser.Dump(doc)))
			})
		}
	}
}

var (
	objAt     = regexp.MustCompile(`(?m)^(\d+) (\d+) obj\b`)
	lengthKey = regexp.MustCompile(`/Length (\d+)(?: (\d+) R)?`)
	trailerRe = regexp.MustCompile(`(?s)trailer\s*<<(.*?)>>\s*startxref`)
)

// refilter writes a PDF of classic cross-reference table again with each
// FlateDecode stream that has no /DecodeParms decoded and stored with
// filter (enc encodes), and a new cross-reference table; it returns the
// file and how many streams it changed.
func refilter(t *testing.T, b []byte, filter string, enc func([]byte) []byte) ([]byte, int) {
	t.Helper()
	locs := objAt.FindAllSubmatchIndex(b, -1)
	bodies := map[int][]byte{}
	order := []int{}
	for i, m := range locs {
		id, _ := strconv.Atoi(string(b[m[2]:m[3]]))
		end := len(b)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		body := b[m[0]:end]
		if e := bytes.LastIndex(body, []byte("endobj")); e >= 0 {
			body = body[:e+len("endobj")]
		}
		if _, dup := bodies[id]; !dup {
			order = append(order, id)
		}
		bodies[id] = body
	}
	indirect := func(id int) int {
		body := bodies[id]
		_, rest, _ := bytes.Cut(body, []byte("obj"))
		rest, _, _ = bytes.Cut(rest, []byte("endobj"))
		n, err := strconv.Atoi(string(bytes.TrimSpace(rest)))
		require.NoError(t, err)
		return n
	}
	changed := 0
	var out bytes.Buffer
	out.Write(b[:locs[0][0]])
	offs := map[int]int{}
	for _, id := range order {
		body := bodies[id]
		offs[id] = out.Len()
		s := bytes.Index(body, []byte("stream"))
		if s < 0 || !bytes.Contains(body[:s], []byte("/Filter/FlateDecode")) && !bytes.Contains(body[:s], []byte("/Filter /FlateDecode")) ||
			bytes.Contains(body[:s], []byte("/DecodeParms")) {
			out.Write(body)
			out.WriteString("\n")
			continue
		}
		dict := body[:s]
		lm := lengthKey.FindSubmatch(dict)
		require.NotNil(t, lm, "object %d", id)
		n, _ := strconv.Atoi(string(lm[1]))
		if len(lm[2]) > 0 {
			n = indirect(n)
		}
		start := s + len("stream")
		if body[start] == '\r' {
			start++
		}
		start++ // \n
		data, err := io.ReadAll(mustZlib(t, body[start:start+n]))
		require.NoError(t, err, "object %d", id)
		ndata := enc(data)
		ndict := lengthKey.ReplaceAll(dict, []byte("/Length "+strconv.Itoa(len(ndata))))
		ndict = bytes.Replace(ndict, []byte("/Filter/FlateDecode"), []byte("/Filter /FlateDecode"), 1)
		ndict = bytes.Replace(ndict, []byte("/Filter /FlateDecode"), []byte("/Filter "+filter), 1)
		out.Write(ndict)
		out.WriteString("stream\n")
		out.Write(ndata)
		out.WriteString("\nendstream\nendobj\n")
		changed++
	}
	tm := trailerRe.FindAllSubmatch(b, -1)
	require.NotEmpty(t, tm)
	trailer := regexp.MustCompile(`/(Prev|XRefStm) \d+`).ReplaceAll(tm[len(tm)-1][1], nil)
	maxID := 0
	for id := range offs {
		maxID = max(maxID, id)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", maxID+1)
	for id := 1; id <= maxID; id++ {
		if off, ok := offs[id]; ok {
			fmt.Fprintf(&out, "%010d 00000 n \n", off)
		} else {
			out.WriteString("0000000000 65535 f \n")
		}
	}
	fmt.Fprintf(&out, "trailer\n<<%s>>\nstartxref\n%d\n%%%%EOF\n", trailer, xref)
	return out.Bytes(), changed
}

func mustZlib(t *testing.T, b []byte) io.Reader {
	t.Helper()
	z, err := zlib.NewReader(bytes.NewReader(b))
	require.NoError(t, err)
	return z
}

// TestRawStreamDecrypts: the raw bytes of an encrypted document's streams,
// decrypted here (RC4, AES-128) and decoded here, are what the library
// reads.
func TestRawStreamDecrypts(t *testing.T) {
	for _, tt := range []struct{ file, password string }{
		{"encrypted-empty-password", ""}, // RC4, 128 bits
		{"bad-encrypted", "secret"},      // AES-128
		{"tohoku-university-libreoffice", ""},
	} {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("../../fixtures", tt.file, "input.pdf"))
			require.NoError(t, err)
			d, err := openDocument(tt.file, b, tt.password)
			require.NoError(t, err)
			n := 0
			for _, p := range d.pages {
				v := p.v.Key("Contents")
				require.Equal(t, lpdf.Stream, v.Kind())
				want, err := io.ReadAll(v.Reader())
				require.NoError(t, err)
				raw, ok := rawOf(v)
				require.True(t, ok)
				data, err := raw.bytes()
				require.NoError(t, err)
				r, err := decodeChain(bytes.NewReader(data), v.Key("Filter"), v.Key("DecodeParms"))
				require.NoError(t, err)
				got, err := io.ReadAll(r)
				require.NoError(t, err)
				// The library leaves AES's padding at the end.
				require.Equal(t, string(bytes.TrimRight(want, "\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10")), string(got))
				n++
			}
			require.Positive(t, n)
		})
	}
}

// TestRC4FortyBits: a file encrypted with 40-bit RC4 reads as the same
// file unencrypted, its title too. The library takes the whole digest as
// each object's RC4 key where PDF takes n+5 bytes of it, and decrypts such
// a file's streams and strings into noise.
func TestRC4FortyBits(t *testing.T) {
	plain, err := os.ReadFile("testdata/chromium-ja-table.pdf")
	require.NoError(t, err)
	enc, err := os.ReadFile("testdata/broken/rc4-40-empty-password.pdf")
	require.NoError(t, err)
	want, err := Parse("in.pdf", plain, Options{})
	require.NoError(t, err)
	got, err := Parse("in.pdf", enc, Options{})
	require.NoError(t, err)
	assert.Empty(t, got.PageErrors)
	assert.NotEmpty(t, want.Title)
	assert.Equal(t, string(parser.Dump(want)), string(parser.Dump(got)))
}

// TestLZWInXrefAndObjectStreams: cross-reference streams and object
// streams stored with LZW (alone, with EarlyChange 0, in a chain, with the
// PNG predictor a cross-reference stream's rows often have) are read as
// written, not repaired or rebuilt.
func TestLZWInXrefAndObjectStreams(t *testing.T) {
	helv := "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >>"
	text := "BT /F1 9 Tf 20 150 Td (Exchange partners) Tj 0 -12 Td (Peking University \\(1999.11.10\\)) Tj ET"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources 6 0 R >>",
		"<< /Filter /LZWDecode stream:" + string(lzwEncode([]byte(text), true)),
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 7 0 R /Resources 6 0 R >>",
		helv,
		"<< stream:BT /F1 9 Tf 20 100 Td (Seoul National University \\(2004.3.1\\)) Tj ET",
	}
	lzw1 := func(b []byte) []byte { return lzwEncode(b, true) }
	tests := []struct {
		name string
		opt  xrefStreamOpts
	}{
		{"xref stream LZW", xrefStreamOpts{filter: "/Filter /LZWDecode", encode: lzw1}},
		{"xref stream LZW, PNG predictor", xrefStreamOpts{filter: "/Filter /LZWDecode", encode: lzw1, predictor: true}},
		{"xref and object streams LZW", xrefStreamOpts{objStm: true, filter: "/Filter /LZWDecode", encode: lzw1}},
		{"xref and object streams LZW, PNG predictor", xrefStreamOpts{objStm: true, filter: "/Filter /LZWDecode", encode: lzw1, predictor: true}},
		{"xref and object streams LZW, EarlyChange 0", xrefStreamOpts{objStm: true, filter: "/Filter /LZWDecode /DecodeParms << /EarlyChange 0 >>",
			encode: func(b []byte) []byte { return lzwEncode(b, false) }}},
		{"xref and object streams ASCII85 and LZW", xrefStreamOpts{objStm: true, filter: "/Filter [/ASCII85Decode /LZWDecode]",
			encode: func(b []byte) []byte { return ascii85Encode(lzwEncode(b, true)) }}},
		{"xref and object streams ASCIIHex and RunLength", xrefStreamOpts{objStm: true, filter: "/Filter [/AHx /RL]",
			encode: func(b []byte) []byte { return asciiHexEncode(runLengthEncode(b)) }}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := buildXrefStreamPDF(objs, tt.opt)
			require.Contains(t, string(b), "/Type /XRef")
			if tt.opt.objStm {
				require.Contains(t, string(b), "/Type /ObjStm")
			}
			doc, err := Parse("lzw.pdf", b, Options{})
			require.NoError(t, err)
			assert.Empty(t, doc.PageErrors)
			assert.Empty(t, doc.Repairs, "read as written, not repaired")
			assert.Equal(t, 2, doc.Pages)
			got := docText(doc)
			assert.Contains(t, got, "Peking University (1999.11.10)")
			assert.Contains(t, got, "Seoul National University (2004.3.1)")
		})
	}
	// What the library decodes itself is left as written.
	for _, o := range []xrefStreamOpts{{}, {objStm: true}, {objStm: true, flate: true, predictor: true}} {
		b := buildXrefStreamPDF(objs, o)
		nb, changed := decodeStructStreams(b)
		assert.False(t, changed, "%+v", o)
		assert.Equal(t, b, nb)
	}
}

// TestInflateAsLibrary: a FlateDecode stream read through a kept inflater
// gives the bytes and the error the library's own reader gives, whole,
// damaged or cut short, and an inflater used on a damaged stream reads the
// next one as a new one would.
func TestInflateAsLibrary(t *testing.T) {
	raw := []byte(strings.Repeat("BT /F1 9 Tf 20 100 Td (Exchange partners) Tj ET\n", 400))
	good := zlibEncode(raw)
	badSum := bytes.Clone(good)
	badSum[len(badSum)-1] ^= 0xff
	badBlock := bytes.Clone(good)
	badBlock[len(badBlock)/2] ^= 0x5a
	cases := map[string][]byte{
		"whole":           good,
		"checksum wrong":  badSum,
		"damaged block":   badBlock,
		"cut in the data": good[:len(good)/3],
		"cut in checksum": good[:len(good)-2],
		"header only":     good[:2],
		"one byte":        good[:1],
		"bad header":      []byte("not zlib at all"),
	}
	type result struct {
		data []byte
		err  string
	}
	read := func(open func() io.ReadCloser) (r result) {
		defer func() {
			if p := recover(); p != nil {
				r.err = fmt.Sprint("panic: ", p)
			}
		}()
		rc := open()
		defer rc.Close()
		data, err := io.ReadAll(rc)
		r.data = data
		if err != nil {
			r.err = err.Error()
		}
		return r
	}
	sb := &streamBuf{} // one inflater for every stream
	for round := range 2 {
		for name, data := range cases {
			d, err := openDocument("flate.pdf", filteredPage("/Filter /FlateDecode", data), "")
			require.NoError(t, err, name)
			v := d.pages[0].v.Key("Contents")
			rs, ok := rawOf(v)
			require.True(t, ok, name)
			want := read(v.Reader)
			got := read(func() io.ReadCloser { return sb.inflate(rs) })
			assert.Equal(t, want, got, "%s (round %d)", name, round+1)
		}
	}
}
