package normalize

import (
	"math"
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
		takes[best] = insertAt(text, clean(l.Bullet+" "+l.Text), (l.Box().X0-o.Box().X0)/(o.Box().X1-o.Box().X0))
		given[i] = true
	}
	return takes, given
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
