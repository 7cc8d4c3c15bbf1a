package pdf

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/parser"
)

// placed is a block with the position it sorts by.
type placed struct {
	page  int
	y, x  float64
	box   parser.Box // the block's extent on its page (a table's first area)
	block parser.Block
}

type lineRef struct{ page, line int }

// marginBand is the share of the page height at the top and at the bottom
// where running headers, footers and page numbers live.
const marginBand = 0.08

func inMargin(p *PageLayout, b parser.Box, lineBand float64) bool {
	mid := (b.Y0 + b.Y1) / 2
	return mid < lineBand*p.Height || mid > (1-lineBand)*p.Height
}

// findFurniture marks page numbers and running headers and footers: lines
// in the top or bottom margin lineBand that are a page number, or whose text
// (its runs of digits ignored) recurs at about the same height on most pages. A line
// in the result is furniture; its value says it is a running header or
// footer (true) rather than a page number (false).
func findFurniture(pages []PageLayout) map[lineRef]bool {
	out := map[lineRef]bool{}
	type occ struct {
		ref lineRef
		y   float64
	}
	seen := map[string][]occ{}
	var bare []bareNumber // lines of a number alone: page numbers when they count the pages
	for i := range pages {
		p := &pages[i]
		for j, l := range p.Lines {
			text := strings.TrimSpace(l.Text())
			if !inMargin(p, l.Box, marginBand+0.02) {
				continue
			}
			if isPageNumber(text) {
				if n, err := strconv.Atoi(text); err == nil {
					bare = append(bare, bareNumber{lineRef{i, j}, n})
					continue
				}
				out[lineRef{i, j}] = false
				continue
			}
			if !inMargin(p, l.Box, marginBand) {
				continue
			}
			key := replaceDigitRuns(text)
			seen[key] = append(seen[key], occ{lineRef{i, j}, l.Box.Y0})
		}
	}
	for _, b := range bare {
		if b.countsPages(bare) || !runsOnText(&pages[b.ref.page], b.ref.line) {
			out[b.ref] = false
		}
	}
	if len(pages) < 2 {
		return out
	}
	need := max(2, (len(pages)+1)/2)
	for _, occs := range seen {
		if len(occs) < need {
			continue
		}
		// Most occurrences at the same height (within 4 pt).
		ys := make([]float64, len(occs))
		for k, o := range occs {
			ys[k] = o.y
		}
		slices.Sort(ys)
		med := ys[len(ys)/2]
		pagesAt := map[int]bool{}
		for _, o := range occs {
			if math.Abs(o.y-med) <= 4 {
				pagesAt[o.ref.page] = true
			}
		}
		if len(pagesAt) < need {
			continue
		}
		for _, o := range occs {
			if math.Abs(o.y-med) <= 4 {
				out[o.ref] = true
			}
		}
	}
	return out
}

// bareNumber is a line in a page's margin that holds a number alone, and
// the number.
type bareNumber struct {
	ref lineRef
	n   int
}

// countsPages reports a number alone in a margin that numbers its page:
// the page's own number in the file, or a number that goes up by one a
// page with another such line's on another page (a document whose pages
// are numbered from another first number). Another number alone is a
// page's number but where the text runs on into it (runsOnText).
func (b bareNumber) countsPages(all []bareNumber) bool {
	if b.n == b.ref.page+1 {
		return true
	}
	for _, o := range all {
		if o.ref.page != b.ref.page && o.n-b.n == o.ref.page-b.ref.page {
			return true
		}
	}
	return false
}

// runsOnText reports line j of a page set as the text's next line is: no
// further under the line above it than half its height, or over the line
// below it at the page's head. A year a page's foot broke off a date
// ("concluded Sep. 26," / "2012") is; a page's number, set apart, is not.
func runsOnText(p *PageLayout, j int) bool {
	b := p.Lines[j].Box
	h := b.Y1 - b.Y0
	for k, l := range p.Lines {
		if k == j || l.Box.X1 <= b.X0-h || l.Box.X0 >= b.X1+h {
			continue // (beside it, not over or under it)
		}
		if gap := b.Y0 - l.Box.Y1; gap > -0.3*h && gap < 0.5*h {
			return true
		}
		if gap := l.Box.Y0 - b.Y1; gap > -0.3*h && gap < 0.5*h {
			return true
		}
	}
	return false
}

// runningKey is what a running header or footer line is known by: its
// text with every run of digits alike ("Page 3 of 9" = "Page 4 of 9").
func runningKey(text string) string {
	return replaceDigitRuns(singleSpaced(text))
}

// furnitureLines returns the distinct running headers and footers among
// the lines furniture marks, each once (its first occurrence, pages and
// lines in reading order), with header set for those in the upper half
// of their page.
func furnitureLines(pages []PageLayout, furniture map[lineRef]bool) (lines []*parser.Line, header []bool) {
	seen := map[string]bool{}
	for i := range pages {
		p := &pages[i]
		for j, l := range p.Lines {
			if !furniture[lineRef{i, j}] {
				continue
			}
			// The whole text: a leading "*" is a legend's marker here.
			line := makeBlockLine(p.Number, l)
			line.Text, line.Bullet, line.Role = singleSpaced(l.Text()), "", parser.RoleText
			key := runningKey(line.Text)
			if seen[key] || line.Text == "" {
				continue
			}
			seen[key] = true
			lines = append(lines, line)
			header = append(header, (l.Box.Y0+l.Box.Y1)/2 < p.Height/2)
		}
	}
	return lines, header
}

// furnitureRows gives each furniture line the Row of the block next to it
// on its page: the page's first block for a header, its last for a
// footer (0 when the page has no block).
func furnitureRows(doc *parser.Document, lines []*parser.Line, header []bool) {
	first, last := map[int]int{}, map[int]int{}
	note := func(page, row int) {
		if _, ok := first[page]; !ok {
			first[page] = row
		}
		last[page] = row
	}
	for _, b := range doc.Blocks {
		if b.Line != nil {
			note(b.Line.Page, b.Line.Row)
		}
		if b.Table != nil {
			for _, r := range b.Table.Rows {
				note(r.Page, r.Row)
			}
		}
	}
	for k, l := range lines {
		if header[k] {
			l.Row = first[l.Page]
		} else {
			l.Row = last[l.Page]
		}
		doc.Furniture = append(doc.Furniture, *l)
	}
}

// bulletRunes may start a list item even when no gap follows them;
// gapBullets only when they stand apart from the text.
const (
	bulletRunes = "•◦▪‣●○■□◆◇►▶➢➤❖✓✔❑◻・⁃∙"
	gapBullets  = "-–—*·※+>"
)

// markRuled sets RuledAbove on the lines (blocks in reading order) that a
// horizontal rule or the edge of a shaded band separates from the line
// before them on their page: it lies between the two lines' middles and
// reaches past both lines' text on either side (a table's rule, not an
// underline).
func markRuled(blocks []placed, pages []PageLayout) {
	segs := map[int][]Segment{}
	for i := range pages {
		if pages[i].hrulesKept {
			segs[pages[i].Number] = pages[i].hrules
		} else {
			segs[pages[i].Number] = horizontalSegments(pages[i].Segments)
		}
	}
	var prev *placed
	for i := range blocks {
		b := &blocks[i]
		if b.block.Line == nil {
			prev = nil
			continue
		}
		if prev != nil && prev.page == b.page {
			b.block.Line.RuledAbove = ruledApart(segs[b.page], prev.box, b.box)
		}
		prev = b
	}
}

// horizontalSegments returns the horizontal ones of segs, in an array
// made once for them (nil when there are none), not doubled as they are
// found.
func horizontalSegments(segs []Segment) []Segment {
	n := 0
	for _, s := range segs {
		if s.Horizontal() {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Segment, 0, n)
	for _, s := range segs {
		if s.Horizontal() {
			out = append(out, s)
		}
	}
	return out
}

// ruledApart reports a horizontal segment between the middles of boxes a
// and b (a above b) that runs a point or more past both on either side.
func ruledApart(segs []Segment, a, b parser.Box) bool {
	top, bot := (a.Y0+a.Y1)/2, (b.Y0+b.Y1)/2
	if bot <= top {
		return false
	}
	x0, x1 := min(a.X0, b.X0), max(a.X1, b.X1)
	for _, s := range segs {
		if s.Horizontal() && s.Y0 > top && s.Y0 < bot && s.X0 <= x0-1 && s.X1 >= x1+1 {
			return true
		}
	}
	return false
}

// makeBlockLine turns a text line into a document line, taking a leading
// bullet off its text. Glued words are read as part of the word before them.
func makeBlockLine(page int, l TextLine) *parser.Line {
	words := mergeGlued(l.Words)
	bullet := ""
	if l.marker != "" && len(words) > 1 {
		bullet = l.marker
		if r, _ := utf8.DecodeRuneInString(bullet); r >= 0xE000 && r <= 0xF8FF || r == utf8.RuneError {
			bullet = "•" // a symbol font's private-use bullet (OpenSymbol, Wingdings), or a glyph no font names
		}
		words = words[1:]
	} else if len(words) > 0 {
		first := words[0].Text
		r, n := utf8.DecodeRuneInString(first)
		switch {
		case n == len(first) && (r >= 0xE000 && r <= 0xF8FF || r == utf8.RuneError) && len(words) > 1:
			// a symbol font's private-use bullet (OpenSymbol, Wingdings),
			// or a glyph its font names no character for (a TeX bitmap
			// font's bullet), a word of its own before the text
			bullet = "•"
		case n == len(first) && len(words) > 1 && strings.ContainsRune(bulletRunes+gapBullets, r):
			bullet = first
		case n < len(first) && strings.ContainsRune(bulletRunes, r):
			bullet = string(r)
			words = append([]Word{{Text: first[n:], Box: words[0].Box, Style: words[0].Style}}, words[1:]...)
			words[0].Text = strings.TrimLeftFunc(words[0].Text, unicode.IsSpace)
		}
		if bullet != "" && n == len(first) {
			words = words[1:]
		}
	}
	parts := make([]string, 0, len(words))
	for _, w := range words {
		if t := singleSpaced(w.Text); t != "" {
			parts = append(parts, t)
		}
	}
	line := (&parser.Line{
		Page:   page,
		Text:   strings.Join(parts, " "),
		Bullet: bullet,
		Role:   parser.RoleText,
	}).Placed(l.Box, l.Style)
	if bullet != "" {
		line.Role = parser.RoleItem
	}
	return line
}

// markBullet returns the bullet for a line that starts after a small
// filled shape on its baseline band (a browser's list marker), with no
// other text between them (an item's padding may set the text well to the
// right of its marker), or "".
func markBullet(p *PageLayout, l TextLine) string {
	em := max(l.Style.Size, 4)
	mid := (l.Box.Y0 + l.Box.Y1) / 2
	for _, m := range p.Marks {
		cy := (m.Box.Y0 + m.Box.Y1) / 2
		if cy < l.Box.Y0 || cy > l.Box.Y1 || m.Box.X1 > l.Box.X0+0.5 || l.Box.X0-m.Box.X1 > maxMarkerGapEm*em || m.Box.Height() > 0.8*em {
			continue
		}
		if abs(cy-mid) > 0.6*em && abs(cy-mid) > 0.3*l.Box.Height() {
			continue // the mark of the line above, whose tall box reaches down over this one's
		}
		between := false
		for _, o := range p.Lines {
			if o.Box.X0 < l.Box.X0-0.5 && o.Box.X1 > m.Box.X1 && mid >= o.Box.Y0 && mid <= o.Box.Y1 {
				between = true
				break
			}
		}
		if between {
			continue
		}
		if m.Shape == "square" {
			return "▪"
		}
		return "•"
	}
	return ""
}

// placeTables replaces the lines that tables cover with the tables, each at
// the position of its first area.
func placeTables(blocks []placed, tables []tableRegion) []placed {
	if len(tables) == 0 {
		return blocks
	}
	// The areas by page: a table stitched over hundreds of pages has as
	// many areas, and every line would otherwise be checked against all.
	areas := map[int][]parser.Box{}
	for _, t := range tables {
		for _, a := range t.Areas {
			areas[a.Page] = append(areas[a.Page], a.Box)
		}
	}
	covered := func(pb placed) bool {
		if pb.block.Line == nil {
			return false
		}
		b := pb.block.Line.Box()
		mx, my := (b.X0+b.X1)/2, (b.Y0+b.Y1)/2
		for _, a := range areas[pb.page] {
			if mx >= a.X0 && mx <= a.X1 && my >= a.Y0 && my <= a.Y1 {
				return true
			}
		}
		return false
	}
	out := blocks[:0:0]
	for _, pb := range blocks {
		if !covered(pb) {
			out = append(out, pb)
		}
	}
	for i := range tables {
		t := &tables[i]
		pb := placed{page: t.Table.Page, block: parser.Block{Table: &t.Table}}
		if len(t.Areas) > 0 {
			pb.page, pb.y, pb.x, pb.box = t.Areas[0].Page, t.Areas[0].Box.Y0, t.Areas[0].Box.X0, t.Areas[0].Box
		}
		out = append(out, pb)
	}
	slices.SortStableFunc(out, func(a, b placed) int {
		switch {
		case a.page != b.page:
			return a.page - b.page
		case a.y < b.y-1:
			return -1
		case a.y > b.y+1:
			return 1
		case a.x < b.x:
			return -1
		case a.x > b.x:
			return 1
		}
		return 0
	})
	return out
}
