package pdf

import (
	"bufio"
	"bytes"
	"compress/lzw"
	"compress/zlib"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"encoding/ascii85"
	"errors"
	"fmt"
	"io"
	"reflect"
	"unicode/utf16"
	"unsafe"

	lpdf "github.com/ledongthuc/pdf"
	tifflzw "golang.org/x/image/tiff/lzw"
)

// The PDF library decodes two of the standard stream filters, FlateDecode
// (with no predictor but PNG Up) and ASCII85Decode (without parameters),
// and panics on the others. A stream whose filters the library does not
// decode is decoded here from its raw bytes: ASCIIHexDecode,
// ASCII85Decode, LZWDecode (with /EarlyChange), FlateDecode,
// RunLengthDecode and the identity Crypt filter, in any chain, with the
// TIFF and PNG predictors of /DecodeParms.

// errFilter marks what no decoder here knows: the image filters
// (DCTDecode, JPXDecode, CCITTFaxDecode, JBIG2Decode), which no content
// stream, form or font uses, names PDF does not define, unknown
// predictors.
var errFilter = errors.New("not supported")

// streamReader returns a reader of a stream's decoded data: the library's
// when it decodes the stream's filters, else one built here. sb, when not
// nil, lends its inflater to an unencrypted FlateDecode stream.
func streamReader(v lpdf.Value, sb *streamBuf) io.ReadCloser {
	raw, ok := rawOf(v)
	if !ok || libraryDecodes(v) && !raw.shortKey() && !raw.fixed {
		if ok && raw.key == nil && raw.n > 0 && onlyFlate(v) {
			return sb.inflate(raw)
		}
		return v.Reader()
	}
	data, err := raw.bytes()
	if err != nil {
		return io.NopCloser(errReader{err})
	}
	r, err := decodeChain(bytes.NewReader(data), v.Key("Filter"), v.Key("DecodeParms"))
	if err != nil {
		return io.NopCloser(errReader{err})
	}
	return readerOf(r, raw.fixed)
}

// onlyFlate reports whether a stream's one filter is FlateDecode, with no
// /DecodeParms.
func onlyFlate(v lpdf.Value) bool {
	f := v.Key("Filter")
	return f.Kind() == lpdf.Name && f.Name() == "FlateDecode" && v.Key("DecodeParms").Kind() == lpdf.Null
}

// inflater is a zlib reader with the buffered reader under it, both kept
// for the next stream: a reader's window is 32 KiB, and a document
// inflates a stream for every page, font and form. It holds no data
// between streams (Reset starts each one afresh).
type inflater struct {
	br *bufio.Reader
	zr io.ReadCloser // a zlib reader; nil before the first stream
	sb *streamBuf    // the holder it goes back to when closed; nil when none
}

// inflate reads an unencrypted FlateDecode stream as the library does (a
// zlib reader over a 4 KiB buffered reader over the stream's bytes, the
// same bytes read in the same steps), with the inflater sb keeps from an
// earlier stream (a new one when sb is nil or its inflater is being
// read). A header the zlib reader refuses panics with its error, as the
// library does.
func (sb *streamBuf) inflate(raw rawStream) io.ReadCloser {
	var in *inflater
	switch {
	case sb == nil || sb.inflating:
		in = &inflater{br: bufio.NewReaderSize(nil, 4096)}
	case sb.inf == nil:
		sb.inf = &inflater{br: bufio.NewReaderSize(nil, 4096), sb: sb}
		in = sb.inf
	default:
		in = sb.inf
	}
	if in.sb != nil {
		in.sb.inflating = true
	}
	in.br.Reset(io.NewSectionReader(raw.src, raw.off, raw.n))
	var err error
	if in.zr == nil {
		in.zr, err = zlib.NewReader(in.br)
	} else {
		err = in.zr.(zlib.Resetter).Reset(in.br, nil)
	}
	if err != nil {
		in.release()
		panic(err)
	}
	return in
}

func (in *inflater) Read(p []byte) (int, error) { return in.zr.Read(p) }

// Close gives the inflater back for another stream; it is not to be read
// after.
func (in *inflater) Close() error {
	in.release()
	return nil
}

func (in *inflater) release() {
	in.br.Reset(nil)
	if in.sb != nil {
		in.sb.inflating = false
	}
}

// libraryDecodes reports whether the library decodes v's filters as it
// should: FlateDecode and ASCII85Decode with no /DecodeParms.
func libraryDecodes(v lpdf.Value) bool {
	f := v.Key("Filter")
	switch f.Kind() {
	case lpdf.Null:
		return true
	case lpdf.Name:
		return libraryFilter(f.Name()) && v.Key("DecodeParms").Kind() == lpdf.Null
	case lpdf.Array:
		for i := range f.Len() {
			if !libraryFilter(f.Index(i).Name()) {
				return false
			}
		}
		return v.Key("DecodeParms").Kind() == lpdf.Null
	}
	return false
}

func libraryFilter(name string) bool { return name == "FlateDecode" || name == "ASCII85Decode" }

// maxFilters bounds a chain of filters; real files use one or two.
const maxFilters = 16

// decodeChain applies a stream's filters, in order, to its raw data.
func decodeChain(r io.Reader, filter, parms lpdf.Value) (io.Reader, error) {
	switch filter.Kind() {
	case lpdf.Null:
		return r, nil
	case lpdf.Name:
		p := parms
		if p.Kind() == lpdf.Array && p.Len() > 0 {
			p = p.Index(0)
		}
		return decodeFilter(r, filter.Name(), valueParams{p})
	case lpdf.Array:
		if filter.Len() > maxFilters {
			return nil, fmt.Errorf("%d filters in a chain, more than the %d a stream may have", filter.Len(), maxFilters)
		}
		for i := range filter.Len() {
			name := filter.Index(i)
			if name.Kind() != lpdf.Name {
				return nil, fmt.Errorf("filter %d of %d is not a name", i+1, filter.Len())
			}
			var p lpdf.Value
			switch parms.Kind() {
			case lpdf.Array:
				p = parms.Index(i)
			case lpdf.Dict:
				if i == 0 {
					p = parms
				}
			}
			var err error
			if r, err = decodeFilter(r, name.Name(), valueParams{p}); err != nil {
				return nil, err
			}
		}
		return r, nil
	}
	return nil, errors.New("/Filter is neither a name nor an array of names")
}

// filterParams is what a filter reads of its /DecodeParms: an integer or
// a name, by key.
type filterParams interface {
	integer(key string) (int64, bool)
	name(key string) (string, bool)
}

// valueParams are the /DecodeParms of a stream the library read.
type valueParams struct{ v lpdf.Value }

func (p valueParams) integer(key string) (int64, bool) {
	v := p.v.Key(key)
	return v.Int64(), v.Kind() == lpdf.Integer
}

func (p valueParams) name(key string) (string, bool) {
	v := p.v.Key(key)
	return v.Name(), v.Kind() == lpdf.Name
}

// decodeFilter applies one filter; names may be the abbreviations of
// inline images.
func decodeFilter(r io.Reader, name string, parms filterParams) (io.Reader, error) {
	switch name {
	case "ASCIIHexDecode", "AHx":
		return &asciiHexReader{r: bufio.NewReader(r)}, nil
	case "ASCII85Decode", "A85":
		return ascii85.NewDecoder(&ascii85Body{r: bufio.NewReader(r)}), nil
	case "LZWDecode", "LZW":
		// EarlyChange 1, the default, widens the codes one code early,
		// as TIFF does; 0 is plain LZW.
		var d io.Reader
		if e, ok := parms.integer("EarlyChange"); ok && e == 0 {
			d = lzw.NewReader(r, lzw.MSB, 8)
		} else {
			d = tifflzw.NewReader(r, tifflzw.MSB, 8)
		}
		return predict(d, parms)
	case "FlateDecode", "Fl":
		z, err := zlib.NewReader(r)
		if err != nil {
			return nil, err
		}
		return predict(z, parms)
	case "RunLengthDecode", "RL":
		return &runLengthReader{r: bufio.NewReader(r)}, nil
	case "Crypt":
		if n, ok := parms.name("Name"); ok && n != "Identity" {
			return nil, &unsupported{"crypt filter " + printable(n), ""}
		}
		return r, nil
	}
	return nil, filterError(name)
}

// unsupported names what no decoder here knows: a filter, a crypt filter,
// a predictor.
type unsupported struct{ what, why string }

func (e *unsupported) Error() string {
	if e.why == "" {
		return e.what + " is not supported"
	}
	return e.what + " is not supported (" + e.why + ")"
}

func (e *unsupported) Unwrap() error { return errFilter }

// filterError says why a filter is not decoded.
func filterError(name string) error {
	switch name {
	case "DCTDecode", "DCT", "JPXDecode", "CCITTFaxDecode", "CCF", "JBIG2Decode":
		return &unsupported{"stream filter " + name, "it compresses images, which hold no text"}
	}
	return &unsupported{"stream filter " + printable(name), "not a standard PDF filter"}
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// asciiHexReader decodes ASCIIHexDecode: pairs of hexadecimal digits,
// white space between them ignored, ending at '>' (a last lone digit is
// followed by an implied 0).
type asciiHexReader struct {
	r    *bufio.Reader
	done bool
}

func (h *asciiHexReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) && !h.done {
		var d [2]byte
		k := 0
		for k < 2 {
			c, err := h.r.ReadByte()
			if err == io.EOF {
				// No '>': the data ends with the stream.
				h.done = true
				break
			}
			if err != nil {
				return n, err
			}
			switch {
			case c == '>':
				h.done = true
			case isPDFSpace(c):
				continue
			case hexVal(c) < 0:
				return n, fmt.Errorf("ASCIIHexDecode: %q is not a hexadecimal digit", c)
			default:
				d[k] = byte(hexVal(c))
				k++
				continue
			}
			break
		}
		if k == 0 {
			break
		}
		p[n] = d[0]<<4 | d[1]
		n++
	}
	if n == 0 && h.done {
		return 0, io.EOF
	}
	return n, nil
}

func hexVal(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

// ascii85Body passes the ASCII85 characters of a stream to the decoder:
// without a leading "<~", up to the closing "~>".
type ascii85Body struct {
	r       *bufio.Reader
	started bool
	done    bool
}

func (a *ascii85Body) Read(p []byte) (int, error) {
	if !a.started {
		a.started = true
		if b, err := a.r.Peek(2); err == nil && string(b) == "<~" {
			_, _ = a.r.Discard(2)
		}
	}
	n := 0
	for n < len(p) && !a.done {
		c, err := a.r.ReadByte()
		if err != nil {
			if err == io.EOF {
				a.done = true
				break
			}
			return n, err
		}
		if c == '~' {
			a.done = true
			break
		}
		p[n] = c
		n++
	}
	if n == 0 && a.done {
		return 0, io.EOF
	}
	return n, nil
}

// runLengthReader decodes RunLengthDecode: a length byte n, then n+1
// bytes to copy (n < 128) or one byte to repeat 257-n times (n > 128);
// 128 ends the data.
type runLengthReader struct {
	r      *bufio.Reader
	copyN  int  // bytes still to copy
	repeat int  // times still to write rep
	rep    byte // the byte repeated
	done   bool
}

func (rl *runLengthReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		switch {
		case rl.copyN > 0:
			k, err := rl.r.Read(p[n:min(len(p), n+rl.copyN)])
			n += k
			rl.copyN -= k
			if err != nil {
				if err == io.EOF {
					err = io.ErrUnexpectedEOF
				}
				return n, err
			}
			continue
		case rl.repeat > 0:
			k := min(len(p)-n, rl.repeat)
			for i := range k {
				p[n+i] = rl.rep
			}
			n += k
			rl.repeat -= k
			continue
		case rl.done:
			if n == 0 {
				return 0, io.EOF
			}
			return n, nil
		}
		c, err := rl.r.ReadByte()
		if err == io.EOF {
			rl.done = true // no end-of-data byte: the data ends with the stream
			continue
		}
		if err != nil {
			return n, err
		}
		switch {
		case c < 128:
			rl.copyN = int(c) + 1
		case c == 128:
			rl.done = true
		default:
			b, err := rl.r.ReadByte()
			if err != nil {
				if err == io.EOF {
					err = io.ErrUnexpectedEOF
				}
				return n, err
			}
			rl.rep, rl.repeat = b, 257-int(c)
		}
	}
	return n, nil
}

// maxPredictorRow bounds the row a predictor keeps (two of them): the
// /Columns of a hostile stream may state billions.
const maxPredictorRow = 1 << 20

// predict undoes the predictor /DecodeParms name for LZWDecode and
// FlateDecode: 1 none, 2 TIFF, 10 to 15 PNG (each row says its own).
func predict(r io.Reader, parms filterParams) (io.Reader, error) {
	param := func(key string, def int64) int64 {
		if v, ok := parms.integer(key); ok {
			return v
		}
		return def
	}
	pred := param("Predictor", 1)
	if pred == 1 {
		return r, nil
	}
	colors, bpc, columns := param("Colors", 1), param("BitsPerComponent", 8), param("Columns", 1)
	switch {
	case colors < 1 || colors > 32:
		return nil, fmt.Errorf("predictor: /Colors %d", colors)
	case bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8 && bpc != 16:
		return nil, fmt.Errorf("predictor: /BitsPerComponent %d", bpc)
	case columns < 1 || colors*bpc*columns > 8*maxPredictorRow:
		return nil, fmt.Errorf("predictor: /Columns %d", columns)
	}
	row := int((colors*bpc*columns + 7) / 8)
	bpp := int(max(1, colors*bpc/8))
	switch {
	case pred == 2:
		if bpc != 8 {
			return nil, &unsupported{fmt.Sprintf("predictor 2 with %d bits per component", bpc), ""}
		}
		return &predictReader{r: r, cur: make([]byte, row), bpp: bpp, tiff: true}, nil
	case pred >= 10 && pred <= 15:
		return &predictReader{r: r, cur: make([]byte, row+1), prev: make([]byte, row+1), bpp: bpp}, nil
	}
	return nil, &unsupported{fmt.Sprintf("predictor %d", pred), ""}
}

// predictReader undoes a predictor row by row.
type predictReader struct {
	r         io.Reader
	cur, prev []byte // PNG rows start with their filter type byte
	bpp       int
	tiff      bool
	pend      []byte // decoded bytes not yet read
	err       error  // what ends the data, once pend is read
}

func (pr *predictReader) Read(p []byte) (int, error) {
	if len(pr.pend) == 0 {
		if pr.err != nil {
			return 0, pr.err
		}
		pr.err = pr.next()
		if len(pr.pend) == 0 {
			return 0, pr.err
		}
	}
	n := copy(p, pr.pend)
	pr.pend = pr.pend[n:]
	return n, nil
}

// next decodes the next row into pend. A short last row is kept.
func (pr *predictReader) next() error {
	pr.pend = nil
	if !pr.tiff {
		pr.cur, pr.prev = pr.prev, pr.cur
	}
	n, err := io.ReadFull(pr.r, pr.cur)
	if err == io.ErrUnexpectedEOF {
		err = io.EOF
	}
	if n == 0 {
		return err
	}
	row := pr.cur[:n]
	if pr.tiff {
		for i := pr.bpp; i < n; i++ {
			row[i] += row[i-pr.bpp]
		}
		pr.pend = row
		return err
	}
	if e := unfilterPNG(row[0], row[1:], pr.prev[1:n], pr.bpp); e != nil {
		return e
	}
	pr.pend = row[1:]
	return err
}

// unfilterPNG undoes one row's PNG filter in place; prev is the row above
// (zeros above the first).
func unfilterPNG(kind byte, cur, prev []byte, bpp int) error {
	switch kind {
	case 0:
	case 1:
		for i := bpp; i < len(cur); i++ {
			cur[i] += cur[i-bpp]
		}
	case 2:
		for i := range cur {
			cur[i] += prev[i]
		}
	case 3:
		for i := range cur {
			var left byte
			if i >= bpp {
				left = cur[i-bpp]
			}
			cur[i] += byte((int(left) + int(prev[i])) / 2)
		}
	case 4:
		for i := range cur {
			var a, c byte
			if i >= bpp {
				a, c = cur[i-bpp], prev[i-bpp]
			}
			cur[i] += paeth(a, prev[i], c)
		}
	default:
		return fmt.Errorf("PNG predictor: row filter %d is not one of 0 to 4", kind)
	}
	return nil
}

// rawStream is where a stream's raw (encoded, maybe encrypted) bytes are.
type rawStream struct {
	src     io.ReaderAt
	off, n  int64
	id      uint32
	gen     uint16
	key     []byte
	withAES bool
	fixed   bool // its /Length was wrong: n is its real length (streamlen.go)
}

// rawOf finds a stream's raw bytes. The library keeps the stream's offset,
// its file and its decryption key in unexported fields and has no way to
// read a stream without its filters; reflection reads them. ok is false
// when the fields are not what this code expects (another version of the
// library): the library's own reader is used then.
func rawOf(v lpdf.Value) (raw rawStream, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	rv := reflect.ValueOf(&v).Elem()
	data, r := rv.FieldByName("data"), rv.FieldByName("r")
	if data.Kind() != reflect.Interface || data.IsNil() || r.Kind() != reflect.Pointer || r.IsNil() {
		return raw, false
	}
	s := data.Elem()
	if s.Kind() != reflect.Struct {
		return raw, false
	}
	off, ptr := s.FieldByName("offset"), s.FieldByName("ptr")
	if off.Kind() != reflect.Int64 || ptr.Kind() != reflect.Struct {
		return raw, false
	}
	id, gen := ptr.FieldByName("id"), ptr.FieldByName("gen")
	if id.Kind() != reflect.Uint32 || gen.Kind() != reflect.Uint16 {
		return raw, false
	}
	f := r.Elem().FieldByName("f")
	if f.Kind() != reflect.Interface {
		return raw, false
	}
	src, ok := reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface().(io.ReaderAt)
	if !ok {
		return raw, false
	}
	key, withAES, ok := readerKey(r)
	if !ok {
		return raw, false
	}
	raw = rawStream{src: src, off: off.Int(), id: uint32(id.Uint()), gen: uint16(gen.Uint()), key: key, withAES: withAES}
	raw.n, raw.fixed = lengthOf(src, raw.off, v.Key("Length"))
	return raw, true
}

// readerKey reads the file's decryption key (nil when the file is not
// encrypted) and whether it is for AES from the library's reader r.
func readerKey(r reflect.Value) (key []byte, withAES, ok bool) {
	if r.Kind() != reflect.Pointer || r.IsNil() {
		return nil, false, false
	}
	k, a := r.Elem().FieldByName("key"), r.Elem().FieldByName("useAES")
	if k.Kind() != reflect.Slice || a.Kind() != reflect.Bool {
		return nil, false, false
	}
	if k.Len() > 0 {
		key = bytes.Clone(k.Bytes())
	}
	return key, a.Bool(), true
}

// cryptObjectKey is the key of object id gen's strings and streams: the
// digest of the file's key and the object's number (PDF 32000-1, 7.6.2,
// algorithm 1), whole; RC4 takes its first n+5 bytes.
func cryptObjectKey(key []byte, id uint32, gen uint16, withAES bool) []byte {
	h := md5.New()
	h.Write(key)
	h.Write([]byte{byte(id), byte(id >> 8), byte(id >> 16), byte(gen), byte(gen >> 8)})
	if withAES {
		h.Write([]byte("sAlT"))
	}
	return h.Sum(nil)
}

// fixedText is a string value's text. In a file whose key is short
// (shortKey) the library decrypted the string with the whole digest as
// RC4's key: that is undone, and the string decrypted with the right one.
func fixedText(v lpdf.Value) (text string) {
	defer func() {
		if recover() != nil {
			text = v.Text()
		}
	}()
	if v.Kind() != lpdf.String {
		return v.Text()
	}
	rv := reflect.ValueOf(v)
	key, withAES, ok := readerKey(rv.FieldByName("r"))
	ptr := rv.FieldByName("ptr")
	if !ok || withAES || len(key) == 0 || len(key) >= 11 || ptr.Kind() != reflect.Struct || ptr.NumField() != 2 {
		return v.Text()
	}
	id, gen := ptr.Field(0), ptr.Field(1)
	if id.Kind() != reflect.Uint32 || gen.Kind() != reflect.Uint16 {
		return v.Text()
	}
	full := cryptObjectKey(key, uint32(id.Uint()), uint16(gen.Uint()), false)
	b := []byte(v.RawString())
	for _, k := range [][]byte{full, full[:len(key)+5]} {
		c, err := rc4.NewCipher(k)
		if err != nil {
			return v.Text()
		}
		c.XORKeyStream(b, b)
	}
	return pdfText(b)
}

// pdfText decodes a text string: UTF-16BE or UTF-8 after their byte order
// marks, else PDFDocEncoding, which agrees with Latin-1 on the letters a
// title uses.
func pdfText(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	case bytes.HasPrefix(b, []byte{0xef, 0xbb, 0xbf}):
		return string(b[3:])
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

// shortKey reports whether the file's key is shorter than 11 bytes (RC4
// of 40 to 80 bits): the object's key is then n+5 bytes of the digest, not
// the whole digest the library uses, and the library's decryption of the
// file's streams gives noise.
func (s rawStream) shortKey() bool { return len(s.key) > 0 && len(s.key) < 11 }

// bytes reads the raw bytes, decrypted as PDF says (RC4 or AES-128 with
// the object's key).
func (s rawStream) bytes() ([]byte, error) {
	if s.off < 0 {
		return nil, errors.New("the stream's data is not in the file")
	}
	n := s.n
	if end, ok := sizeOf(s.src); ok {
		n = max(0, min(n, end-s.off))
	}
	b := make([]byte, n)
	k, err := s.src.ReadAt(b, s.off)
	b = b[:k]
	if err != nil && err != io.EOF {
		return nil, err
	}
	if s.key == nil || len(b) == 0 {
		return b, nil
	}
	key := cryptObjectKey(s.key, s.id, s.gen, s.withAES)
	if !s.withAES {
		c, err := rc4.NewCipher(key[:min(16, len(s.key)+5)])
		if err != nil {
			return nil, err
		}
		c.XORKeyStream(b, b)
		return b, nil
	}
	if len(b) == aes.BlockSize {
		return nil, nil // its IV, and nothing
	}
	if len(b) < 2*aes.BlockSize || len(b)%aes.BlockSize != 0 {
		return nil, fmt.Errorf("AES-encrypted data of %d bytes, not whole blocks after its IV", len(b))
	}
	c, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := b[aes.BlockSize:]
	cipher.NewCBCDecrypter(c, b[:aes.BlockSize]).CryptBlocks(out, out)
	if pad := int(out[len(out)-1]); pad >= 1 && pad <= aes.BlockSize {
		out = out[:len(out)-pad]
	}
	return out, nil
}

// sizeOf returns the size of a reader that knows it (the library reads
// from a *bytes.Reader).
func sizeOf(r io.ReaderAt) (int64, bool) {
	if s, ok := r.(interface{ Size() int64 }); ok {
		return s.Size(), true
	}
	return 0, false
}
