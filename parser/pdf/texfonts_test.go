package pdf

import (
	"cmp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// TeX's bitmap fonts (Type 3, as pdfTeX writes them without Type 1
// fonts at hand) name their glyphs by their codes ("a65"): the code is
// the character in the font's TeX encoding, not the dingbat the glyph
// list names "a65" (which the Dingbats font keeps).
func TestNumericGlyphNames(t *testing.T) {
	for name, want := range map[string]string{
		"a65": "A", "a97": "a", "a48": "0", "a39": "'", "a245": "õ", "g65": "A", "cd97": "a",
		"a28": "fi", "a12": "fi", "a127": "-", "a255": "ß",
	} {
		got, ok := numericName(name)
		assert.True(t, ok, name)
		assert.Equal(t, want, got, name)
	}
	for _, name := range []string{"a136", "a5"} {
		got, ok := numericName(name)
		assert.True(t, ok, name)
		assert.Empty(t, got, "%s: the TeX encodings disagree on the code: no character", name)
	}
	for _, name := range []string{"A", "Aacute", "uni0041", "abc12", "a1234", "a+5", "12"} {
		_, ok := numericName(name)
		assert.False(t, ok, name)
	}
	assert.Equal(t, "❆", textForName("a65"), "the Dingbats' glyph keeps its name's character")
}

// A glyph its font names no character for, alone before a line's text
// (a TeX bitmap font's bullet), is the line's bullet, as a symbol font's
// private-use bullet is.
func TestUnnamedGlyphIsABullet(t *testing.T) {
	assert.Equal(t, glyphMarker, markerKind("\ufffd"))
	for name, first := range map[string]string{"unnamed": "\ufffd", "private use": "\uf0b7"} {
		l := TextLine{Words: []Word{tw(first, 72, 100), tw("Royal", 85, 100), tw("University", 115, 100)}}
		line := makeBlockLine(1, l)
		assert.Equal(t, "•", line.Bullet, name)
		assert.Equal(t, parser.RoleItem, line.Role, name)
		assert.Equal(t, "Royal University", line.Text, name)
	}
}

// A table ruled under its header with padding around the rule (LaTeX's
// booktabs), set in a font whose boxes are tight: the gap between the
// header and the first row, wider than the rows', holds the rule, and
// the header is the table's. A symbol in a math font whose box stands far
// taller than the text's (♦) leaves the row's place the text's: the row
// under it, of fewer cells, is a row of its own.
func TestBooktabsHeaderAndTallSymbol(t *testing.T) {
	for name, tall := range map[string]float64{"diamond": 3.0, "star": 4.0} {
		var ws []Word
		row := func(y float64, cells ...string) {
			for k, c := range cells {
				if c == "" {
					continue
				}
				x := []float64{60, 200, 440, 520}[k]
				for _, w := range words(c, x, y) {
					w.Box.Y1 = y + 7.2
					if c == "♦" {
						w.Box.Y0, w.Box.Y1 = y-1.5, y+7.2+tall-1.5
					}
					ws = append(ws, w)
				}
			}
		}
		row(133, "Area", "University / Institution", "Year", "Exemption")
		y := 149.9
		for _, r := range [][]string{
			{"Asia", "Royal University of Phnom Penh", "2010", ""},
			{"", "Northeastern University", "2001", ""},
			{"", "Peking University", "2002", "♦"},
			{"", "Harbin Institute of Technology", "2002", ""},
			{"", "Dailian University of Technology", "2016", ""},
			{"", "Tongji University", "2001", ""},
			{"", "Fudan University", "1999", ""},
			{"", "Zhejiang University", "2000", ""},
			{"", "Jilin University", "1985", ""},
			{"", "Nanjing University", "1982", ""},
			{"", "Tsinghua University", "1989", ""},
		} {
			row(y, r...)
			y += 11.95
		}
		segs := []Segment{hrule(56, 570, 126.7), hrule(56, 570, 143.8), hrule(56, 570, y)}
		p := page(1, ws, segs)
		tabs := pageTables(&p)
		require.Len(t, tabs, 1, name)
		got := texts(tabs[0].table)
		require.Len(t, got, 12, name)
		assert.Equal(t, []string{"Area", "University / Institution", "Year", "Exemption"}, got[0], name)
		assert.Equal(t, []string{"", "Peking University", "2002", "♦"}, got[3], name)
		assert.Equal(t, []string{"", "Harbin Institute of Technology", "2002", ""}, got[4], name)
	}
}

// TeX's default fonts (OT1) have no accented letters: an accent is a
// glyph of its own set over the letter ("Universit" "¨" "a" "t"), which
// reads "Universit¨ at" unless the accent is put on the letter it stands
// over: "ä", "É" (the accent set before its letter), "í" (over a dotless
// ı). An accent over no letter (a backquote between words) stays.
func TestAccentsComposedOntoTheirLetters(t *testing.T) {
	type g struct {
		text   string
		u0, u1 float64
	}
	for name, c := range map[string]struct {
		glyphs []g
		want   string
	}{
		"dieresis after": {[]g{{"t", 0, 4}, {"¨", 4.6, 9.6}, {"a", 4, 9}, {"t", 9, 13}}, "tät"},
		"acute before":   {[]g{{"´", 1.5, 6.5}, {"E", 0, 6.8}, {"c", 6.8, 11}}, "Éc"},
		"dotless i":      {[]g{{"d", 0, 5.5}, {"ı", 5.5, 8.3}, {"´", 5.2, 10.2}, {"a", 8.3, 13.3}}, "día"},
		"ring":           {[]g{{"m", 0, 8.3}, {"e", 8.3, 12.7}, {"a", 12.7, 17.7}, {"˚", 12.7, 20.2}}, "meå"},
		"no letter":      {[]g{{"a", 0, 5}, {"`", 12, 15}, {"b", 20, 25}}, "a`b"},
	} {
		var gx []glyphx
		var gs []fglyph
		for k, x := range c.glyphs {
			gx = append(gx, glyphx{Glyph: Glyph{Text: x.text}})
			gs = append(gs, fglyph{u0: x.u0, u1: x.u1, i: int32(k)})
		}
		slices.SortStableFunc(gs, func(a, b fglyph) int { return cmp.Compare(a.u0, b.u0) })
		var got strings.Builder
		for _, f := range composeAccents(gs, gx) {
			got.WriteString(gx[f.i].Text)
		}
		assert.Equal(t, c.want, got.String(), name)
	}
}

// TeX's companion font of symbols (TS1: \dag, \textbullet), named by
// codes as the text fonts are, holds no letter: its codes read as TS1's
// symbols ("a132" †, "a136" •). A text font's codes there stay unread:
// T1 sets accented letters where TS1 sets symbols.
func TestTS1SymbolsOfAFontOfSymbolsOnly(t *testing.T) {
	var symbols, text [256]string
	copy(symbols[:], standardEncoding[:]) // (a base encoding's names are no glyph of the font's)
	copy(text[:], standardEncoding[:])
	symbols[132], symbols[136] = "a132", "a136"
	text[65], text[97], text[132] = "a65", "a97", "a132"
	assert.True(t, symbolsOnly(&symbols))
	assert.False(t, symbolsOnly(&text))
	assert.Equal(t, "†", ts1Symbols[132])
	assert.Equal(t, "•", ts1Symbols[136])
}
