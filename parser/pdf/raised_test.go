package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// raisedMark is a marker set as a superscript right after x: smaller than
// the text and raised above its baseline (the text layer puts it on a
// baseline of its own).
func raisedMark(x, y float64) Word {
	return Word{Text: "*", Box: parser.Box{X0: x, Y0: y - 2, X1: x + 3.5, Y1: y + 4.3}}
}

// bulletedWithRaisedMarks lays out list items "• Name* (date)", the
// bullet near its text or far from it, each with its marker raised
// between the name and the date.
func bulletedWithRaisedMarks(textX float64, items [][2]string) []Word {
	var ws []Word
	y := 100.0
	for _, it := range items {
		ws = append(ws, tw("•", 50, y))
		name := words(it[0], textX, y)
		ws = append(ws, name...)
		end := name[len(name)-1].Box.X1
		ws = append(ws, raisedMark(end+1.5, y))
		ws = append(ws, words(it[1], end+1.5+3.5+3, y)...)
		y += 16
	}
	return ws
}

// A marker set as a superscript between an entry's name and its date
// leaves a gap wider than a word gap on the entry's baseline; with the
// marker in it, it is no gap between cells: a bulleted list so marked is
// a list, not a table of bullet, name and date.
func TestRaisedMarkerPartsNoCells(t *testing.T) {
	items := [][2]string{
		{"Seoul National University", "(Jul. 8, 1998)"},
		{"Pukyong National University", "(Aug. 21, 2000)"},
		{"Korea University", "(Mar. 31, 2004)"},
		{"Yonsei University", "(May 29, 2007)"},
		{"Sogang University", "(Feb. 2, 2007)"},
	}
	for name, x := range map[string]float64{"bullet near": 58, "bullet far": 90} {
		t.Run(name, func(t *testing.T) {
			p := page(1, bulletedWithRaisedMarks(x, items), nil)
			assert.Empty(t, pageTables(&p))
		})
	}
}

// A raised marker at the end of a cell does not join the cell to the
// next one: a table's columns stay apart, and the marker stays at the end
// of the cell it marks.
func TestRaisedMarkerAtCellEndKeepsColumns(t *testing.T) {
	var ws []Word
	y := 100.0
	for _, r := range [][2]string{{"Seoul National University", "1998"}, {"Pukyong National University", "2000"}, {"Korea University", "2004"}, {"Yonsei University", "2007"}} {
		name := words(r[0], 50, y)
		ws = append(ws, name...)
		ws = append(ws, raisedMark(name[len(name)-1].Box.X1+1, y))
		ws = append(ws, words(r[1], 300, y)...)
		y += 16
	}
	p := page(1, ws, nil)
	tabs := pageTables(&p)
	require.Len(t, tabs, 1)
	row := texts(tabs[0].table)[0]
	assert.Equal(t, "Seoul National University *", row[0])
	assert.Equal(t, "1998", row[len(row)-1])
}

// A marker set as a superscript at the end of a cell's wrapped name stands
// on a baseline of its own between the name's lines; the cell's text puts
// it back at the end of the line it marks, in a ruled table as in one set
// in white space.
func TestRaisedMarkerInAWrappedCell(t *testing.T) {
	cells := func() []Word {
		var ws []Word
		ws = append(ws, words("Partner", 50, 90)...)
		ws = append(ws, words("Year", 250, 90)...)
		y := 110.0
		for _, r := range [][2]string{{"Masaryk University", "2008"}, {"Mahdakh Burtgel", "2015"}, {"Seoul University", "1998"}, {"Korea University", "2004"}} {
			ws = append(ws, words(r[0], 50, y)...)
			ws = append(ws, words(r[1], 250, y)...)
			if r[0] == "Mahdakh Burtgel" {
				next := words("University", 50, y+11)
				ws = append(ws, next...)
				ws = append(ws, raisedMark(next[0].Box.X1+1, y+11))
				y += 11
			}
			y += 16
		}
		return ws
	}
	want := []string{"Mahdakh Burtgel University *", "2015"}
	t.Run("ruled", func(t *testing.T) {
		ys := []float64{85, 105, 121, 148, 164, 180}
		p := page(1, cells(), gridRules([]float64{45, 240, 300}, ys))
		tabs := pageTables(&p)
		require.Len(t, tabs, 1)
		assert.Equal(t, want, texts(tabs[0].table)[2])
	})
	t.Run("white space", func(t *testing.T) {
		p := page(1, cells(), nil)
		tabs := pageTables(&p)
		require.Len(t, tabs, 1)
		rows := texts(tabs[0].table)
		require.GreaterOrEqual(t, len(rows), 3)
		assert.Equal(t, want, rows[2])
	})
}

// A justified line whose stretched gaps are all of one width but for the
// one a superscript marker stands in, right after the word before it: with
// the marker's width taken off that gap the gaps are equal, and the line
// is justified text, one run of words (the marker after the first word,
// or after the second).
func TestJustifiedLineWithARaisedMarker(t *testing.T) {
	for name, after := range map[string]int{"after the first word": 0, "after the second word": 1} {
		t.Run(name, func(t *testing.T) {
			texts := []string{"Haute", "Bretagne", "Rennes", "(3"}
			var ws []Word
			x, gap := 184.0, 12.0
			var mark Word
			for k, s := range texts {
				w := tw(s, x, 500)
				ws = append(ws, w)
				x = w.Box.X1 + gap
				if k == after {
					mark = raisedMark(w.Box.X1, 500)
					x += mark.Box.X1 - mark.Box.X0
				}
			}
			line := TextLine{Words: ws, Box: parser.Box{X0: ws[0].Box.X0, Y0: 500, X1: ws[len(ws)-1].Box.X1, Y1: 510}, Style: parser.Style{Size: 10}}
			p := PageLayout{Number: 1, Lines: []TextLine{
				{Words: []Word{mark}, Box: mark.Box, Style: parser.Style{Size: 7}},
				line,
			}}
			words := pageWords(&p)
			for _, w := range words {
				if w.Text != "*" {
					assert.True(t, w.justified, w.Text)
				}
			}
		})
	}
}

// A table whose rows are set solid (a line's pitch apart, as tbl sets
// them), a marker raised at the end of some names: the marker, on a
// baseline of its own between two rows, is the end of the name it marks,
// not a row of its own. From words laid out and from a PDF (the marker
// set smaller, with a text rise).
func TestRaisedMarkerBetweenRowsSetSolid(t *testing.T) {
	rows := [][3]string{{"McGill", "IMRAM", "1998"}, {"Polytechnique", "GS", "2017"}, {"Toronto", "IFS", "1994"}, {"Victoria", "IMR", "2009"}, {"Alberta", "RIEC", "2011"}}
	marked := map[string]bool{"Polytechnique": true, "Victoria": true}
	xs := []float64{50, 200, 300}
	var ws []Word
	var c strings.Builder
	y := 100.0
	for _, h := range []string{"Partner", "Unit", "Year"} {
		ws = append(ws, tw(h, xs[len(ws)], y))
		fmt.Fprintf(&c, "BT /F1 10 Tf %.2f %.2f Td (%s) Tj ET\n", xs[len(ws)-1], 800-y-8, h)
	}
	for _, r := range rows {
		y += 12
		for k, s := range r {
			w := tw(s, xs[k], y)
			ws = append(ws, w)
			fmt.Fprintf(&c, "BT /F1 10 Tf %.2f %.2f Td (%s) Tj ET\n", xs[k], 800-y-8, s)
			if k == 0 && marked[s] {
				ws = append(ws, raisedMark(w.Box.X1+1, y))
				fmt.Fprintf(&c, "BT /F1 6 Tf %.2f %.2f Td 4 Ts (*) Tj 0 Ts ET\n", xs[0]+6*float64(len(s))+1, 800-y-8)
			}
		}
	}
	want := [][]string{{"Partner", "Unit", "Year"}, {"McGill", "IMRAM", "1998"}, {"Polytechnique *", "GS", "2017"}, {"Toronto", "IFS", "1994"}, {"Victoria *", "IMR", "2009"}, {"Alberta", "RIEC", "2011"}}
	t.Run("words", func(t *testing.T) {
		p := page(1, ws, nil)
		tabs := pageTables(&p)
		require.Len(t, tabs, 1)
		assert.Equal(t, want, texts(tabs[0].table))
	})
	t.Run("pdf", func(t *testing.T) {
		b := buildPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 800 800] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >> >> >> >>",
			"<< stream:"+c.String())
		doc, err := Parse("raised.pdf", b, Options{})
		require.NoError(t, err)
		var tabs []parser.Table
		for _, bl := range doc.Blocks {
			if bl.Table != nil {
				tabs = append(tabs, *bl.Table)
			}
		}
		require.Len(t, tabs, 1)
		assert.Equal(t, want, texts(tabs[0]))
	})
}
