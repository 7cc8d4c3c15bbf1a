package html

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

const japaneseText = "<html><body><h2>アジア</h2><h3>中国</h3><ul><li>北京大学（平成26年4月1日）</li><li>清華大学 ※1</li></ul><p>※1 派遣のみ、受入れはありません。</p></body></html>"

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

func TestDecode(t *testing.T) {
	sjis := encode(t, japanese.ShiftJIS, japaneseText)
	euc := encode(t, japanese.EUCJP, japaneseText)
	metaSJIS := encode(t, japanese.ShiftJIS, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head>`+japaneseText[6:])
	metaEUC := encode(t, japanese.EUCJP, `<meta charset="x-euc-jp">`+japaneseText)
	utf8WithSJISMeta := []byte(`<meta charset="shift_jis">` + japaneseText)
	jis := encode(t, japanese.ISO2022JP, japaneseText)
	metaJIS := encode(t, japanese.ISO2022JP, `<meta charset="iso-2022-jp">`+japaneseText)
	tests := []struct {
		name     string
		in       []byte
		wantName string
		wantBy   string
		contains string
	}{
		{"utf-8 without BOM", []byte(japaneseText), CharsetUTF8, ByUTF8, "北京大学"},
		{"utf-8 with BOM", append([]byte("\xef\xbb\xbf"), japaneseText...), CharsetUTF8, ByBOM, "北京大学"},
		{"utf-16le with BOM", encode(t, encodingUTF16LEBOM(), japaneseText), CharsetUTF16LE, ByBOM, "北京大学"},
		{"shift_jis undeclared", sjis, CharsetShiftJIS, ByScoring, "清華大学"},
		{"euc-jp undeclared", euc, CharsetEUCJP, ByScoring, "清華大学"},
		{"shift_jis declared by http-equiv", metaSJIS, CharsetShiftJIS, ByMeta, "派遣のみ"},
		{"euc-jp declared by meta charset", metaEUC, CharsetEUCJP, ByMeta, "派遣のみ"},
		{"utf-8 bytes under a shift_jis declaration", utf8WithSJISMeta, CharsetUTF8, ByUTF8, "派遣のみ"},
		{"iso-2022-jp undeclared", jis, CharsetISO2022JP, ByScoring, "清華大学"},
		{"iso-2022-jp declared", metaJIS, "iso-2022-jp", ByMeta, "派遣のみ"},
		{"ascii with an escape", []byte("<p>Peking University \x1b$B</p>"), CharsetUTF8, ByUTF8, "Peking"},
		{"ascii", []byte("<p>Peking University</p>"), CharsetUTF8, ByUTF8, "Peking"},
		{"latin-1 undeclared", []byte("<p>Universit\xe4t Wien</p>"), CharsetWindows1252, ByFallback, "Universität Wien"},
		{"latin-1 declared", []byte("<meta charset=iso-8859-1><p>Universit\xe4t Wien</p>"), CharsetWindows1252, ByMeta, "Universität Wien"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, name, by, err := Decode(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.wantName, name)
			assert.Equal(t, tt.wantBy, by)
			assert.Contains(t, string(out), tt.contains)
		})
	}
}

func TestDecodeShortJapanese(t *testing.T) {
	// A page with only a few Japanese words still tells the two apart.
	for _, enc := range []struct {
		name string
		enc  encoding.Encoding
	}{{CharsetShiftJIS, japanese.ShiftJIS}, {CharsetEUCJP, japanese.EUCJP}} {
		t.Run(enc.name, func(t *testing.T) {
			in := encode(t, enc.enc, "<table><tr><td>国名</td><td>大学名</td></tr><tr><td>韓国</td><td>ソウル大学校</td></tr></table>")
			out, name, _, err := Decode(in)
			require.NoError(t, err)
			assert.Equal(t, enc.name, name)
			assert.Contains(t, string(out), "ソウル大学校")
		})
	}
}

func TestParseShiftJISPage(t *testing.T) {
	doc, err := Parse("sjis.html", encode(t, japanese.ShiftJIS, japaneseText), Options{})
	require.NoError(t, err)
	assert.Equal(t, []string{"html:charset_detected:shift_jis"}, doc.Repairs)
	require.Len(t, doc.Blocks, 5)
	assert.Equal(t, "北京大学（平成26年4月1日）", doc.Blocks[2].Line.Text)
}

func encodingUTF16LEBOM() encoding.Encoding {
	return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
}
