package pdf

import "github.com/agreements/agreements/parser"

// Glyph is one drawn character (or ligature) on a page, in a top-left page
// space after rotation and CropBox: X grows rightwards, Y downwards, points.
type Glyph struct {
	Text   string     // the Unicode text the glyph stands for (usually one rune; a span's whole /ActualText)
	Box    parser.Box // from the baseline-descent to the ascent, advance-wide
	Font   string     // base font name, subset prefix removed
	Size   float64    // effective font size in points (text matrix and CTM applied)
	Bold   bool
	Italic bool
	Render int // text rendering mode (3 = invisible)
	Seq    int // order in the content stream
	Dir    int // writing direction on the page: 0 left to right, 1 top to bottom, 2 right to left, 3 bottom to top
}

// Segment is a ruling: a horizontal or vertical line, from a stroked path or
// a thin filled rectangle, with the CTM applied.
type Segment struct {
	X0, Y0, X1, Y1 float64 // X0 ≤ X1, Y0 ≤ Y1; a horizontal segment has Y0 == Y1
	Width          float64 // stroke width or rectangle thickness
}

// Horizontal reports whether the segment runs left to right.
func (s Segment) Horizontal() bool { return s.Y1-s.Y0 <= s.X1-s.X0 }

// Mark is a small filled shape drawn as a path, the way browsers draw list
// bullets ("disc" for a round one, "square" for a square one).
type Mark struct {
	Box   parser.Box
	Shape string
}

// Word is a run of glyphs with no gap wider than the word-space threshold.
type Word struct {
	Text  string
	Box   parser.Box
	Style parser.Style
}

// TextLine is a run of words on one baseline, left to right.
type TextLine struct {
	Words []Word
	Box   parser.Box
	Style parser.Style // the dominant style (by glyph count)
}

// Text joins the line's words with single spaces.
func (l TextLine) Text() string {
	s := ""
	for i, w := range l.Words {
		if i > 0 {
			s += " "
		}
		s += w.Text
	}
	return s
}

// PageLayout is everything the text layer reads off one page.
type PageLayout struct {
	Number        int     // 1-based
	Width, Height float64 // of the visible page (CropBox, after rotation)
	Glyphs        []Glyph
	Words         []Word
	Lines         []TextLine
	Segments      []Segment
	Marks         []Mark // small filled shapes (list bullets drawn as paths)

	// tables are the page's tables, when found as the page was read (so
	// that its glyphs need not be kept); tablesFound says they were.
	tables      []pageTable
	tablesFound bool
}
