package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// A superscript marker the extractor set on a line of its own, overlapping
// the entry it marks, is read with that entry: below or above it, in a
// list of several entries.
func TestRaisedMarkerLine(t *testing.T) {
	for _, below := range []bool{false, true} {
		doc := pdfDoc(
			lineSpec{text: "♦ 授業料不徴収", style: stNote},
			lineSpec{text: "China", style: stCountry, gap: 10},
			lineSpec{text: "Fudan University (1999)", style: stEntry, bullet: true},
			lineSpec{text: "♦", style: stNote},
			lineSpec{text: "Peking University (2002)", style: stEntry, bullet: true},
			lineSpec{text: "Tongji University (2001)", style: stEntry, bullet: true},
		)
		// Raise the marker over the end of "Peking University": its box
		// overlaps the upper part of the entry's line.
		marker, peking := doc.Blocks[3].Line, doc.Blocks[4].Line
		if below {
			// The extractor put the marker's line after the entry's.
			doc.Blocks[3], doc.Blocks[4] = doc.Blocks[4], doc.Blocks[3]
		}
		editBox(marker, func(b *parser.Box) { b.X0, b.X1 = peking.Box().X0+90, peking.Box().X0+96 })
		editBox(marker, func(b *parser.Box) { b.Y0, b.Y1 = peking.Box().Y0-1, peking.Box().Y0+5 })
		res, err := Normalize(doc, Options{})
		require.NoError(t, err)
		require.Len(t, res.Records, 3)
		for _, r := range res.Records {
			assert.Equal(t, r.Partner == "Peking University", r.FeeWaiver, r.Partner)
		}
		assert.Contains(t, res.Records[1].Repairs, "marker:raised_line")
		assert.Empty(t, res.Unplaced)
	}
}

// A marker line that overlaps no entry stays a line of its own.
func TestMarkerLineApartStaysApart(t *testing.T) {
	doc := pdfDoc(
		lineSpec{text: "♦ 授業料不徴収", style: stNote},
		lineSpec{text: "China", style: stCountry, gap: 10},
		lineSpec{text: "Fudan University (1999)", style: stEntry, bullet: true},
		lineSpec{text: "♦", style: stNote, gap: 20},
		lineSpec{text: "Peking University (2002)", style: stEntry, bullet: true, gap: 20},
	)
	takes, given := raisedMarkers(doc)
	assert.Empty(t, takes)
	assert.Empty(t, given)
}

func TestInsertAt(t *testing.T) {
	assert.Equal(t, "Jagiellonian University* , Faculty of International and Political",
		insertAt("Jagiellonian University , Faculty of International and Political", "*", 0.369))
	assert.Equal(t, "Peking University♦ (平成 14 年)", insertAt("Peking University (平成 14 年)", "♦", 0.61))
	assert.Equal(t, "Fudan University*", insertAt("Fudan University", "*", 0.98))
	// A line whose box starts at a bullet set far from its text: the
	// widths put the marker a word too far; the room before the comma
	// tells where it stood.
	assert.Equal(t, "Masaryk University* , Faculty of Medicine — 部局間協定 School-to-school（GS Medicine） 、May 28,",
		insertAt("Masaryk University , Faculty of Medicine — 部局間協定 School-to-school（GS Medicine） 、May 28,", "*", 0.29))
	assert.Equal(t, "Masaryk University, Faculty* of Medicine", insertAt("Masaryk University, Faculty of Medicine", "*", 0.6))
	assert.Equal(t, "*", insertAt("", "*", 0.5))
}

// A superscript marker raised over the end of an entry whose bullet the
// extractor set on a line of its own: the bullet's line stands between
// the marker's and the entry's, and the marker still reaches the entry,
// its text on the bullet's baseline (a bullet set far from its text,
// or a dash).
func TestRaisedMarkerPastALoneBullet(t *testing.T) {
	for _, bullet := range []string{"•", "–"} {
		doc := pdfDoc(
			lineSpec{text: "♦ 授業料不徴収", style: stNote},
			lineSpec{text: "France", style: stCountry, gap: 10},
			lineSpec{text: "Sorbonne University (1999)", style: stEntry, bullet: true},
			lineSpec{text: "♦", style: stNote},
			lineSpec{text: bullet, style: stEntry, x: 72},
			lineSpec{text: "Université Paris Diderot (2017)", style: stEntry, x: 112},
			lineSpec{text: "University of Lorraine (2018)", style: stEntry, bullet: true},
		)
		marker, dot, entry := doc.Blocks[3].Line, doc.Blocks[4].Line, doc.Blocks[5].Line
		editBox(dot, func(b *parser.Box) { b.X1 = dot.Box().X0 + 4 })
		editBox(entry, func(b *parser.Box) { b.Y0, b.Y1 = dot.Box().Y0, dot.Box().Y1 })
		editBox(marker, func(b *parser.Box) { b.X0, b.X1 = entry.Box().X0+150, entry.Box().X0+156 })
		editBox(marker, func(b *parser.Box) { b.Y0, b.Y1 = entry.Box().Y0-1, entry.Box().Y0+5 })
		res, err := Normalize(doc, Options{})
		require.NoError(t, err)
		require.Len(t, res.Records, 3, bullet)
		for _, r := range res.Records {
			assert.Equal(t, r.Partner == "Université Paris Diderot", r.FeeWaiver, r.Partner)
		}
	}
}
