package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestStyleFromTeXNames: TeX's fonts say bold and italic in their names'
// series and shape letters; other names that merely start alike do not.
func TestStyleFromTeXNames(t *testing.T) {
	for name, want := range map[string][2]bool{
		"CMBX10": {true, false}, "CMBX12": {true, false}, "CMSSBX10": {true, false}, "ECBX1000": {true, false},
		"SFBX1200": {true, false}, "CMB10": {true, false}, "CMBXTI10": {true, true}, "CMTI10": {false, true},
		"CMR10": {false, false}, "CMSS10": {false, false}, "CMBRIGHT": {false, false}, "LiberationSans": {false, false},
		"LiberationSans-Bold": {true, false}, "TCRM1000": {false, false},
	} {
		b, i := styleFromName(name)
		assert.Equal(t, want, [2]bool{b, i}, name)
	}
}

// TestZapfDingbatsGlyphs: ZapfDingbats' shapes read as the Adobe glyph
// list maps their names, code by code: the triangles, the diamond and the
// ornamental brackets among them.
func TestZapfDingbatsGlyphs(t *testing.T) {
	for code, want := range map[byte]string{
		0x6C: "●", 0x6E: "■", 0x70: "❐", 0x71: "❑", 0x72: "❒", 0x73: "▲", 0x74: "▼", 0x75: "◆", 0x76: "❖",
		0x77: "◗", 0x80: "❨", 0x86: "❮", 0x8D: "❵", 0xA8: "♣", 0xA9: "♦", 0xAA: "♥", 0xAB: "♠",
	} {
		assert.Equal(t, want, textForName(zapfDingbatsEncoding[code]), "code %#x (%s)", code, zapfDingbatsEncoding[code])
	}
}
