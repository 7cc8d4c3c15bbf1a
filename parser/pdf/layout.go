package pdf

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/agreements/agreements/parser"
)

// Glyph is one drawn character (or ligature) on a page, in a top-left page
// space after rotation and CropBox: X grows rightwards, Y downwards, points.
type Glyph struct {
	Text   string     // the Unicode text the glyph stands for (usually one rune; a span's whole /ActualText)
	Box    parser.Box // from the baseline-descent to the ascent, advance-wide
	Font   string     // base font name, subset prefix removed
	Size   float64    // effective font size in points (text matrix and CTM applied)
	Bold   bool
	Italic bool
	// Dir, Render and Seq are as small as their values: a page holds
	// thousands of glyphs, copied on their way to lines (80 bytes a glyph).
	Dir    int8  // writing direction on the page: 0 left to right, 1 top to bottom, 2 right to left, 3 bottom to top
	Render int8  // text rendering mode, 0 to 7 (3 = invisible); a mode out of int8's range is held at its nearest end
	Seq    int32 // order in the content stream (fewer than maxGlyphsPage)
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
	// Glued is set when the word follows the previous word of its line
	// with no space between them: it starts only where the font size
	// changes (small capitals), and text joins it to that word.
	Glued bool
}

// TextLine is a run of words on one baseline, left to right.
type TextLine struct {
	Words []Word
	Box   parser.Box
	Style parser.Style // the dominant style (by glyph count)

	// marker is the list marker (bullet or sequence number) that stood
	// apart on the line's baseline and was joined to it as its first word
	// (joinListMarkers); "" when none.
	marker string
	// justified says the line was joined from pieces that the stretched
	// word gaps of justified text set apart (joinJustified): its gaps are
	// word gaps, however wide.
	justified bool
}

// Text joins the line's words with single spaces, a glued word with none.
// The text is made once at its length, not made again for each word added
// to it.
func (l TextLine) Text() string {
	switch len(l.Words) {
	case 0:
		return ""
	case 1:
		return l.Words[0].Text
	}
	n := 0
	for i, w := range l.Words {
		if i > 0 && !w.Glued {
			n++
		}
		n += len(w.Text)
	}
	var b strings.Builder
	b.Grow(n)
	for i, w := range l.Words {
		if i > 0 && !w.Glued {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
	}
	return b.String()
}

// mergeGlued returns words with every glued word joined to the word before
// it (texts concatenated, boxes united, the longer text's style kept): the
// words as they read. Without glued words it returns words itself.
func mergeGlued(words []Word) []Word {
	if !slices.ContainsFunc(words, func(w Word) bool { return w.Glued }) {
		return words
	}
	out := make([]Word, 0, len(words))
	n := 0 // runes of the style-giving piece of out's last word
	for _, w := range words {
		k := utf8.RuneCountInString(w.Text)
		if !w.Glued || len(out) == 0 {
			w.Glued = false
			out = append(out, w)
			n = k
			continue
		}
		last := &out[len(out)-1]
		last.Text += w.Text
		last.Box = union(last.Box, w.Box)
		if k > n {
			last.Style, n = w.Style, k
		}
	}
	return out
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
	Images        int    // image XObjects and inline images drawn on the page

	// tables are the page's tables, when found as the page was read (so
	// that its glyphs need not be kept); tablesFound says they were.
	tables      []pageTable
	tablesFound bool
	// rules are the page's rules while pageTables runs (pageRuleMemo).
	rules pageRuleMemo
	// view is the page's glyphs while it is reduced (glyphView).
	view glyphView
	// rowCells, while the page is reduced and when its tables' rows are
	// packed before the worker reads its next page (heldPages.hold), is
	// the worker's arena the rows' cells are made in (rowCellArray); nil,
	// they are arrays of their own.
	rowCells *cellArena

	// hrules are the page's horizontal segments (rules and the edges of
	// shaded bands), kept for markRuled when the rulings are dropped.
	hrules     []Segment
	hrulesKept bool

	// flows are the areas that table detection found to be text set in
	// columns (flowColumns): read column by column even where the
	// columns' lines share baselines.
	flows []flowArea

	// hasText says the page had text lines as read, before any were
	// dropped as covered by a table.
	hasText bool
}
