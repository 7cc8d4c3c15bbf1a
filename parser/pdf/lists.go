package pdf

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Lists whose text is set well to the right of the bullet (a list style's
// tab stop, a browser's item padding) come out of the text layer as two
// lines on one baseline: the marker alone, then the text. A marker and its
// text are one list item, never two cells of a table.

// maxMarkerGapEm is how far (in em of the marker's line) an item's text
// may stand to the right of its marker.
const maxMarkerGapEm = 15

// Marker kinds: a bullet glyph marks an item wherever it stands; a
// sequence number ("1.", "a)", "(iv)") only in a column of them.
const (
	notMarker = iota
	glyphMarker
	seqMarker
)

// maxSeqMarker is the longest text isSeqMarker takes, in bytes: a
// full-width bracket, three full-width digits and a full-width bracket.
const maxSeqMarker = 15

// maybeSeqMarker reports whether text can be a sequence marker at all: no
// longer than its longest match, and ending in a closing mark (ASCII or
// full width) or a single character (a circled number).
func maybeSeqMarker(text string) bool {
	if text == "" || len(text) > maxSeqMarker {
		return false
	}
	switch {
	case strings.HasSuffix(text, "."), strings.HasSuffix(text, ")"), strings.HasSuffix(text, "．"), strings.HasSuffix(text, "）"):
		return true
	}
	return utf8.RuneCountInString(text) == 1
}

// markerKind classifies a word that stands alone before its text.
func markerKind(text string) int {
	r, n := utf8.DecodeRuneInString(text)
	if n > 0 && n == len(text) {
		switch {
		case strings.ContainsRune(bulletRunes+gapBullets, r),
			r >= 0xE000 && r <= 0xF8FF, // a symbol font's private-use bullet
			r >= 0x25A0 && r <= 0x25FF, // geometric shapes ■ □ ▪ ● ○ ◆ ▶
			r >= 0x2700 && r <= 0x27BF, // dingbats ✓ ➢ ❖
			r >= 0x2190 && r <= 0x21FF, // arrows → ⇒
			r == 0x2022, r == 0x2023, r == 0x2043, r == 0x2219, r == 0xFF65, r == 0xFF0A,
			r == utf8.RuneError: // a glyph its font names no character for, alone before a text: a bullet drawn in a font of its own
			return glyphMarker
		}
	}
	if maybeSeqMarker(text) && isSeqMarker(text) {
		return seqMarker
	}
	return notMarker
}

// markerPair is a marker line and the text line it introduces.
type markerPair struct {
	marker, text int // indices into the page's lines
	kind         int
}

// joinListMarkers joins each list marker that stands alone on its baseline
// to the text to its right: a bullet always, sequence numbers when two or
// more of them stand in one column with their texts aligned. The joined
// line keeps the marker as its first word and records it (TextLine.marker).
func joinListMarkers(p *PageLayout) {
	var pairs []markerPair
	for i := range p.Lines {
		l := &p.Lines[i]
		words := mergeGlued(l.Words)
		if len(words) != 1 {
			continue
		}
		kind := markerKind(strings.TrimSpace(words[0].Text))
		if kind == notMarker {
			continue
		}
		if j := markedText(p, i); j >= 0 {
			pairs = append(pairs, markerPair{i, j, kind})
		}
	}
	if len(pairs) == 0 {
		return
	}
	// Sequence numbers count only in a column: two or more whose texts
	// start at the same x.
	keep := pairs[:0]
	for _, a := range pairs {
		if a.kind == seqMarker {
			n := 0
			for _, b := range pairs {
				if b.kind == seqMarker && math.Abs(p.Lines[a.text].Box.X0-p.Lines[b.text].Box.X0) <= 2 {
					n++
				}
			}
			if n < 2 {
				continue
			}
		}
		keep = append(keep, a)
	}
	if len(keep) == 0 {
		return
	}
	drop := make([]bool, len(p.Lines))
	for _, pr := range keep {
		if drop[pr.marker] || drop[pr.text] {
			continue
		}
		m, t := &p.Lines[pr.marker], &p.Lines[pr.text]
		joined := TextLine{
			Words:  append(slices.Clone(m.Words), t.Words...),
			Box:    union(m.Box, t.Box),
			Style:  t.Style,
			marker: strings.TrimSpace(mergeGlued(m.Words)[0].Text),
		}
		*m = joined
		drop[pr.text] = true
	}
	out := p.Lines[:0]
	for i := range p.Lines {
		if !drop[i] {
			out = append(out, p.Lines[i])
		}
	}
	clear(p.Lines[len(out):])
	p.Lines = out
}

// markedText returns the line that marker line i introduces: the nearest
// line starting to its right on its baseline, within maxMarkerGapEm, and
// closer to the marker than any text to the marker's left (a mark in a
// table's column has its row's text close on both sides); -1 when none.
func markedText(p *PageLayout, i int) int {
	m := p.Lines[i].Box
	em := math.Max(p.Lines[i].Style.Size, 4)
	mid := (m.Y0 + m.Y1) / 2
	best, gap, left := -1, math.Inf(1), math.Inf(1)
	for j := range p.Lines {
		if j == i {
			continue
		}
		b := p.Lines[j].Box
		if mid < b.Y0 || mid > b.Y1 {
			continue
		}
		bm := (b.Y0 + b.Y1) / 2
		if bm < m.Y0 || bm > m.Y1 {
			continue
		}
		switch {
		case b.X0 >= m.X1-0.5:
			if g := b.X0 - m.X1; g < gap {
				best, gap = j, g
			}
		case b.X1 <= m.X0+0.5:
			left = min(left, m.X0-b.X1)
		default:
			return -1 // overlapping text: not a marker standing apart
		}
	}
	if best < 0 || gap > maxMarkerGapEm*em || gap >= left {
		return -1
	}
	for _, sg := range p.Segments {
		// A ruling between them: two cells of a ruled table.
		if !sg.Horizontal() && sg.X0 >= m.X1-0.5 && sg.X0 <= p.Lines[best].Box.X0+0.5 && sg.Y0 <= mid && sg.Y1 >= mid {
			return -1
		}
	}
	if w := mergeGlued(p.Lines[best].Words); len(w) == 1 && markerKind(strings.TrimSpace(w[0].Text)) != notMarker {
		return -1 // a row of marks (a table's tick columns), not an item
	}
	return best
}
