package normalize

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/parser"
)

// Markers set as superscripts sit above the baseline of the line they mark,
// and an extractor that builds lines by baseline can set them on a line of
// their own ("♦" above "– Peking University (平成 14 年)"). Such a line is
// given back to the line it overlaps, so the marker reaches the entry.

// raisedMarkers finds the lines of doc that hold only markers and overlap
// another line of the same page: it returns, by block index, the text of
// each line that takes markers, with the markers put in where they stood,
// and the marker lines given away.
func raisedMarkers(doc *parser.Document) (takes map[int]string, given map[int]bool) {
	var widths map[parser.Style]float64 // made at the first marker line: most documents have none
	for i := range doc.Blocks {
		l := doc.Blocks[i].Line
		if l == nil || l.Box() == (parser.Box{}) || !mayBeMarker(l.Bullet) || !mayBeMarker(l.Text) || !isMarker(clean(l.Bullet+" "+l.Text)) {
			continue
		}
		best, bestOverlap := -1, 0.0
		near := []int{i - 1, i + 1}
		if n := i + 1; n < len(doc.Blocks) && doc.Blocks[n].Line != nil && bulletOnly(doc.Blocks[n].Line) {
			near = append(near, i+2) // past a bullet read on a line of its own, its text
		}
		for _, j := range near {
			if j < 0 || j >= len(doc.Blocks) || doc.Blocks[j].Line == nil {
				continue
			}
			o := doc.Blocks[j].Line
			if o.Page != l.Page || isMarker(clean(o.Bullet+" "+o.Text)) {
				continue
			}
			if o.Box().X1 <= o.Box().X0 || l.Box().X0 < o.Box().X0 || l.Box().X0 > o.Box().X1+l.Box().X1-l.Box().X0 {
				continue // not over the line's text
			}
			h := l.Box().Y1 - l.Box().Y0
			overlap := min(l.Box().Y1, o.Box().Y1) - max(l.Box().Y0, o.Box().Y0)
			if h > 0 && overlap/h >= 0.3 && overlap > bestOverlap {
				best, bestOverlap = j, overlap
			}
		}
		if best < 0 {
			continue
		}
		if takes == nil {
			takes, given = map[int]string{}, map[int]bool{}
		}
		o := doc.Blocks[best].Line
		text := takes[best]
		if text == "" {
			text = clean(o.Text)
		}
		left := o.Box().X0
		if o.Bullet != "" {
			// The box starts at the bullet, which may be set far from
			// the text: the text starts as far before its end as its
			// length takes in lines of its type.
			if widths == nil {
				widths = pointsPerUnit(doc)
			}
			// (A bullet set near is left in: a length guessed in units
			// is no nearer than a few of them.)
			if w := widths[o.Style()]; w > 0 {
				if start := o.Box().X1 - w*textUnits(o.Text); start > left+8*w {
					left = min(start, o.Box().X1-1)
				}
			}
		}
		takes[best] = insertAt(text, clean(l.Bullet+" "+l.Text), max(0, (l.Box().X0-left)/(o.Box().X1-left)))
		given[i] = true
	}
	return takes, given
}

// pointsPerUnit returns, by style, the width in points a unit of text
// takes (textUnits: a CJK character two, any other one), the median over
// the lines of that style without a bullet: where the text of a bulleted
// line starts is told by its end and its length, the bullet being set
// anywhere before it.
func pointsPerUnit(doc *parser.Document) map[parser.Style]float64 {
	seen := map[parser.Style][]float64{}
	for i := range doc.Blocks {
		l := doc.Blocks[i].Line
		if l == nil || l.Bullet != "" || l.Box() == (parser.Box{}) {
			continue
		}
		if n := textUnits(l.Text); n >= 10 {
			seen[l.Style()] = append(seen[l.Style()], (l.Box().X1-l.Box().X0)/n)
		}
	}
	out := make(map[parser.Style]float64, len(seen))
	for st, ws := range seen {
		slices.Sort(ws)
		out[st] = ws[len(ws)/2]
	}
	return out
}

// textUnits is the width of text in units: a CJK character two, any
// other one.
func textUnits(text string) float64 {
	n := 0.0
	for _, r := range text {
		if isCJK(r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// mayBeMarker reports whether s has only runes that a text isMarker holds
// after clean can be made of: marker symbols, digits and white space.
// clean makes none of these out of other runes, so a text with any other
// rune is no marker, and is not cleaned to find that out.
func mayBeMarker(s string) bool {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if !('0' <= r && r <= '9') && !unicode.IsSpace(r) && !strings.ContainsRune(markerSymbols, r) {
				return false
			}
		case '０' <= r && r <= '９', unicode.IsSpace(r), r != utf8.RuneError && strings.ContainsRune(markerSymbols, r):
		default:
			return false
		}
	}
	return true
}

// insertAt puts marker into text at the word boundary nearest to the
// fraction at of the text's width, CJK characters counted twice as wide as
// others, a boundary before a space and a comma (the room the marker left)
// counted an eighth of the width nearer: "Jagiellonian University , Faculty of …"
// with a marker over "University" gives "Jagiellonian University* ,
// Faculty of …".
func insertAt(text, marker string, at float64) string {
	runes := []rune(text)
	width := make([]float64, len(runes)+1) // width before rune k
	for k, r := range runes {
		w := 1.0
		if isCJK(r) {
			w = 2
		}
		width[k+1] = width[k] + w
	}
	if width[len(runes)] == 0 {
		return marker
	}
	target := at * width[len(runes)]
	best, bestDist := len(runes), -1.0
	for k := 1; k <= len(runes); k++ {
		if k < len(runes) && runes[k] != ' ' && runes[k] != '(' && runes[k] != '（' && runes[k] != ',' && runes[k] != '、' {
			continue // not the end of a word
		}
		if runes[k-1] == ' ' {
			continue
		}
		d := math.Abs(width[k] - target)
		if k+1 < len(runes) && runes[k] == ' ' && (runes[k+1] == ',' || runes[k+1] == '、') {
			// "University , Faculty": the space before the comma is the
			// room the marker left; the width counted is only a guess
			// (proportional letters, a bullet set far from its text).
			d = max(0, d-0.12*width[len(runes)])
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = k, d
		}
	}
	return string(runes[:best]) + marker + string(runes[best:])
}

// bulletOnly reports a line that is only a bullet, drawn apart from its
// text on the same baseline.
func bulletOnly(l *parser.Line) bool {
	t := clean(l.Bullet + " " + l.Text)
	return t != "" && strings.Trim(t, bulletRunes+" ") == ""
}
