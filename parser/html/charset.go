package html

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"

	"github.com/agreements/agreements/internal/lazyre"
)

// Charset names as Decode reports them.
const (
	CharsetUTF8        = "utf-8"
	CharsetUTF16LE     = "utf-16le"
	CharsetUTF16BE     = "utf-16be"
	CharsetShiftJIS    = "shift_jis"
	CharsetEUCJP       = "euc-jp"
	CharsetWindows1252 = "windows-1252"
	CharsetISO2022JP   = "iso-2022-jp"
)

// How Decode decided on a charset.
const (
	ByBOM      = "bom"
	ByMeta     = "meta"
	ByUTF8     = "utf8"
	ByScoring  = "scoring"
	ByFallback = "fallback"
	// ByMostlyUTF8: UTF-8 with a few invalid bytes, each run of them
	// replaced by U+FFFD.
	ByMostlyUTF8 = "mostly_utf8"
)

// prescanLimit is how far into the document Decode looks for a <meta>
// declaration. The HTML standard says 1024 bytes; Japanese pages often put a
// long comment or script first, so we look further.
const prescanLimit = 16 << 10

// scoreLimit bounds the bytes decoded twice to tell Shift_JIS from EUC-JP.
const scoreLimit = 1 << 20

// metaCharsetRe finds a charset declaration in <meta charset> or
// <meta http-equiv="Content-Type" content="text/html; charset=...">.
var metaCharsetRe = lazyre.New(`(?is)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// extraLabels are labels seen on Japanese pages that the WHATWG table does
// not list.
var extraLabels = map[string]string{
	"cp932":      CharsetShiftJIS,
	"ms932":      CharsetShiftJIS,
	"ms_kanji":   CharsetShiftJIS,
	"shift-jis":  CharsetShiftJIS,
	"x-ms-cp932": CharsetShiftJIS,
	"eucjp":      CharsetEUCJP,
	"euc_jp":     CharsetEUCJP,
	"ujis":       CharsetEUCJP,
}

// Decode converts an HTML document to UTF-8. It decides the charset in this
// order: a byte order mark; a <meta> declaration; ISO-2022-JP's escapes in
// seven-bit bytes; valid UTF-8; else
// Shift_JIS or EUC-JP, whichever decodes with fewer invalid sequences and
// more common kana and kanji; else windows-1252. It returns the UTF-8 bytes
// (BOM removed), the charset's name and how it was decided.
func Decode(b []byte) (out []byte, name, by string, err error) {
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		return b[3:], CharsetUTF8, ByBOM, nil
	case bytes.HasPrefix(b, []byte("\xff\xfe")):
		out, err = decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), b)
		return out, CharsetUTF16LE, ByBOM, err
	case bytes.HasPrefix(b, []byte("\xfe\xff")):
		out, err = decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), b)
		return out, CharsetUTF16BE, ByBOM, err
	}
	valid := utf8.Valid(b)
	if label, ok := declaredCharset(b); ok {
		enc, n := lookupLabel(label)
		switch {
		case enc == nil:
			// An unknown label: detect as if nothing were declared.
		case n == CharsetUTF8 || n == "utf-16le" || n == "utf-16be":
			// A page that reached us as bytes cannot be UTF-16 without a
			// BOM; the standard reads such a declaration as UTF-8.
			if valid {
				return b, CharsetUTF8, ByMeta, nil
			}
			if mostlyUTF8(b) {
				return bytes.ToValidUTF8(b, []byte("\uFFFD")), CharsetUTF8, ByMostlyUTF8, nil
			}
		case valid && hasNonASCII(b) && n != CharsetWindows1252:
			// A legacy declaration on bytes that are valid UTF-8 (a page
			// converted by its server without updating the <meta>): keep
			// whichever reading looks more like text.
			dec, err := decodeWith(enc, sample(b))
			if err == nil && score(dec) > score(sample(b)) {
				out, err = decodeWith(enc, b)
				return out, n, ByMeta, err
			}
			return b, CharsetUTF8, ByUTF8, nil
		default:
			out, err = decodeWith(enc, b)
			return out, n, ByMeta, err
		}
	}
	if valid && iso2022JP(b) {
		// Seven-bit bytes with ISO-2022-JP's escapes into JIS X 0208
		// (ESC $ B) and back (ESC ( B): mail-era Japanese pages that
		// declare nothing.
		out, err = decodeWith(japanese.ISO2022JP, b)
		return out, CharsetISO2022JP, ByScoring, err
	}
	if valid {
		return b, CharsetUTF8, ByUTF8, nil
	}
	if mostlyUTF8(b) {
		return bytes.ToValidUTF8(b, []byte("\uFFFD")), CharsetUTF8, ByMostlyUTF8, nil
	}
	s := sample(b)
	sj, errSJ := decodeWith(japanese.ShiftJIS, s)
	eu, errEU := decodeWith(japanese.EUCJP, s)
	scoreSJ, scoreEU := score(sj), score(eu)
	var enc encoding.Encoding
	switch {
	case errSJ == nil && scoreSJ > 0 && scoreSJ >= scoreEU:
		enc, name, by = japanese.ShiftJIS, CharsetShiftJIS, ByScoring
	case errEU == nil && scoreEU > 0:
		enc, name, by = japanese.EUCJP, CharsetEUCJP, ByScoring
	default:
		enc, name, by = charmap.Windows1252, CharsetWindows1252, ByFallback
	}
	out, err = decodeWith(enc, b)
	return out, name, by, err
}

// iso2022JP reports seven-bit bytes that switch into JIS X 0208 (ESC $ B
// or ESC $ @) and back to ASCII or JIS X 0201 (ESC ( B, ESC ( J): text in
// ISO-2022-JP, which is also valid UTF-8.
func iso2022JP(b []byte) bool {
	if !bytes.Contains(b, []byte("\x1b$B")) && !bytes.Contains(b, []byte("\x1b$@")) {
		return false
	}
	if !bytes.Contains(b, []byte("\x1b(B")) && !bytes.Contains(b, []byte("\x1b(J")) {
		return false
	}
	return !hasNonASCII(b)
}

// declaredCharset finds the label of the first <meta> charset declaration.
func declaredCharset(b []byte) (string, bool) {
	if len(b) > prescanLimit {
		b = b[:prescanLimit]
	}
	m := metaCharsetRe.FindSubmatch(b)
	if m == nil {
		return "", false
	}
	return strings.ToLower(string(m[1])), true
}

// lookupLabel maps a charset label to an encoding and its canonical name.
func lookupLabel(label string) (encoding.Encoding, string) {
	if n, ok := extraLabels[label]; ok {
		label = n
	}
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil, ""
	}
	name = strings.ToLower(name)
	switch name {
	case "shift_jis":
		return japanese.ShiftJIS, CharsetShiftJIS
	case "euc-jp":
		return japanese.EUCJP, CharsetEUCJP
	}
	return enc, name
}

func decodeWith(enc encoding.Encoding, b []byte) ([]byte, error) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return nil, fmt.Errorf("decoding: %w", err)
	}
	return out, nil
}

func sample(b []byte) []byte {
	if len(b) > scoreLimit {
		return b[:scoreLimit]
	}
	return b
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// score rates how much decoded bytes look like Japanese text: common kana
// and kanji count for it (kanji only next to kana: Latin-1 letters read as
// Shift_JIS pair up into rare kanji); replacement characters, half-width
// katakana (what EUC-JP read as Shift_JIS turns into), private-use
// characters and C1 controls count against it.
func score(b []byte) int {
	kana, kanji, bad := 0, 0, 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		switch {
		case r < 0x80:
		case r == utf8.RuneError:
			bad += 20
		case r >= 0x3041 && r <= 0x3096: // hiragana
			kana += 3
		case r >= 0x30a1 && r <= 0x30fa, r == 0x30fc: // katakana, prolonged sound mark
			kana += 2
		case r >= 0x4e00 && r <= 0x9fff: // common CJK ideographs
			kanji++
		case r >= 0x3000 && r <= 0x303f, r >= 0xff01 && r <= 0xff5e: // CJK punctuation, full-width forms
			kanji++
		case r >= 0xff61 && r <= 0xff9f: // half-width katakana
			bad += 2
		case r >= 0xe000 && r <= 0xf8ff: // private use
			bad += 5
		case r >= 0x80 && r <= 0x9f: // C1 controls
			bad += 5
		}
	}
	if kana == 0 {
		kanji = 0
	}
	return kana + kanji - bad
}

// mostlyUTF8 reports bytes that are UTF-8 but for a few invalid ones: at
// least ten valid multi-byte characters for every invalid byte. Text in a
// legacy encoding read as UTF-8 is nearly all invalid bytes.
func mostlyUTF8(b []byte) bool {
	multi, bad := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			bad++
		} else {
			multi++
		}
		i += n
	}
	return bad > 0 && multi >= 10*bad
}
