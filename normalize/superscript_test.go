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

// A superscript marker over an entry whose bullet is set far to the left
// of its text (a list printed with its bullets outside the text's
// margin): the marker reaches the word it stands after, the entry's
// name, and not a word as far into the line as the bullet's room. Set
// near its text, the bullet changes nothing.
func TestRaisedMarkerOverABulletSetFar(t *testing.T) {
	// width is a proportional type's: capitals and digits wider than
	// small letters, a space narrow, a CJK character a full em.
	width := func(s string) float64 {
		w := 0.0
		for _, r := range s {
			switch {
			case isCJK(r):
				w += 10.5
			case r == ' ':
				w += 2.6
			case 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
				w += 6.4
			default:
				w += 5.1
			}
		}
		return w
	}
	const textX = 107.0
	for _, bulletX := range []float64{45, 99} {
		doc := &parser.Document{File: "list.pdf", SHA256: "00", Format: parser.FormatPDF, Pages: 1}
		y := 60.0
		add := func(text, bullet string, x, size float64) *parser.Line {
			l := (&parser.Line{Page: 1, Text: text, Bullet: bullet, Role: parser.RoleText}).Placed(
				parser.Box{X0: x, Y0: y, X1: textX + width(text), Y1: y + size*1.6}, parser.Style{Font: "NotoSansCJKjp-Regular", Size: size})
			if bullet != "" {
				l.Role = parser.RoleItem
				editBox(l, func(b *parser.Box) { b.X0 = bulletX })
			} else {
				editBox(l, func(b *parser.Box) { b.X1 = x + width(text) })
			}
			doc.Blocks = append(doc.Blocks, parser.Block{Line: l})
			y += 15
			return l
		}
		add("* 授業料不徴収 Tuition Exemption", "", textX, 10.5)
		add("デンマーク Denmark", "", 28, 10.5)
		add("Aalborg University , Center for Teleinfrastruktur (CTIF) — 部局間協定 School-to-school（GS", "•", 0, 10.5)
		add("Engineering）、November 26, 2010締結", "", textX, 10.5)
		marker := add("*", "", textX+width("Aalborg University"), 8.7)
		entry := add("Aalborg University — 部局間協定 School-to-school（GS Engineering）、April 13, 2000締結", "•", 0, 10.5)
		add("Technical University of Denmark, Center for Healthy Aging — 部局間協定 School-to-school", "•", 0, 10.5)
		add("（IDAC）、September 26, 2012締結", "", textX, 10.5)
		editBox(marker, func(b *parser.Box) { b.Y0, b.Y1 = entry.Box().Y0, entry.Box().Y0+12 })
		doc.Number()

		res, err := Normalize(doc, Options{})
		require.NoError(t, err)
		require.Len(t, res.Records, 3, bulletX)
		for i, r := range res.Records {
			assert.Equal(t, "Aalborg University", res.Records[min(i, 1)].Partner, bulletX)
			assert.Equal(t, i == 1, r.FeeWaiver, "bullet at %v: record %d (%s)", bulletX, i, r.Partner)
		}
	}
}
