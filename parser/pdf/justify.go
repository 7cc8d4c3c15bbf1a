package pdf

import (
	"math"
	"slices"

	"github.com/agreements/agreements/parser"
)

// Justified text in a narrow column stretches its word gaps, sometimes
// past the gap that parts two columns (lineGapEm): a line of it comes as
// two lines on one baseline. They are one when lines close above or
// below fill the column from the first piece's start to the second's end
// (justified lines ending where the second piece ends), crossing the gap.
const (
	justifyReachH = 6   // line heights above and below where the column's lines are looked for
	justifyGapEm  = 4   // a wider gap is no word gap, however justified
	justifyEdge   = 0.5 // points: justified lines end this close together
	justifyIndent = 2.0 // ems: a column's lines may start this far from the first piece
	justifyLines  = 2   // lines of the column that cross the gap
)

// joinJustified joins the pieces of justified lines (see above). Lines come
// sorted by baseline, then left to right.
func joinJustified(p *PageLayout) {
	ls := p.Lines
	if len(ls) < 3 {
		return
	}
	var out []TextLine   // made at the first join: most pages have none
	var boxes *lineBoxes // the lines' boxes, made at the first piece: most pages have none
	for i := 0; i < len(ls); i++ {
		cur := ls[i]
		// The pieces on cur's baseline, each close to the one before.
		j := i
		for j+1 < len(ls) && sameBand(cur, ls[j+1]) && ls[j+1].Box.X0 > ls[j].Box.X1 && ls[j+1].Box.X0-ls[j].Box.X1 <= justifyGapEm*max(cur.Style.Size, 1) {
			j++
		}
		// The furthest piece that ends where the column's lines do.
		if j > i && boxes == nil {
			boxes = newLineBoxes(ls)
		}
		for ; j > i && !justifiedGap(boxes, &cur, &ls[j]); j-- {
		}
		if j > i && out == nil {
			out = make([]TextLine, i, len(ls)-1)
			copy(out, ls[:i])
		}
		for k := i + 1; k <= j; k++ {
			cur.Words = append(cur.Words[:len(cur.Words):len(cur.Words)], ls[k].Words...)
			cur.Box = union(cur.Box, ls[k].Box)
			cur.justified = true
		}
		i = j
		if out != nil {
			out = append(out, cur)
		}
	}
	if out != nil {
		p.Lines = out
	}
}

// sameBand reports whether two lines stand on one baseline.
func sameBand(a, b TextLine) bool {
	h := min(a.Box.Height(), b.Box.Height())
	return abs(a.Box.Y1-b.Box.Y1) <= 0.2*h && abs(a.Box.Y0-b.Box.Y0) <= 0.2*h
}

// justifiedGap reports whether the gaps between a and b, on one baseline,
// are justified word gaps: a and b set in one size, and lines of the same
// column close by that start near a's start, end where b ends and cross
// the gap.
// boxes are the boxes of the page's lines.
func justifiedGap(lb *lineBoxes, a, b *TextLine) bool {
	em := max(a.Style.Size, 1)
	if b.Box.X0 <= a.Box.X1 || abs(a.Style.Size-b.Style.Size) > 0.5 {
		return false
	}
	h := a.Box.Height()
	start := a.Box.X0
	if a.marker != "" && len(a.Words) > 1 {
		start = a.Words[1].Box.X0 // a list item's text: its wrapped lines start there, not at its bullet
	}
	n := 0
	boxes := lb.near(a.Box.Y1, justifyReachH*h)
	for k := range boxes {
		o := &boxes[k]
		if abs(o.Y1-a.Box.Y1) <= 0.5*h || abs(o.Y1-a.Box.Y1) > justifyReachH*h {
			continue
		}
		if abs(o.X1-b.Box.X1) <= justifyEdge && abs(o.X0-start) <= justifyIndent*em && o.X0 < a.Box.X1 {
			if n++; n >= justifyLines {
				return true
			}
		}
	}
	return false
}

// lineBoxes are the boxes of a page's lines, with their sort keys
// (lineKey) when the lines are in their order: the boxes whose bottom
// edge lies near a height are then found in a range of them, not looked
// for among all.
type lineBoxes struct {
	boxes  []parser.Box
	keys   []float64 // nil when the lines are not in key order
	maxMid float64   // the largest half height of a box: its middle lies this far above its bottom at most
}

func newLineBoxes(ls []TextLine) *lineBoxes {
	lb := &lineBoxes{boxes: make([]parser.Box, len(ls)), keys: make([]float64, len(ls))}
	for k := range ls {
		b := ls[k].Box
		lb.boxes[k] = b
		lb.keys[k] = lineKey(ls[k])
		lb.maxMid = max(lb.maxMid, (b.Y1-b.Y0)/2)
		if k > 0 && lb.keys[k] < lb.keys[k-1] || math.IsNaN(lb.keys[k]) || math.IsNaN(lb.maxMid) {
			lb.keys = nil // out of order (a list marker joined to its line may move it): all are read
			break
		}
	}
	for k := range ls {
		lb.boxes[k] = ls[k].Box
	}
	return lb
}

// near returns the boxes among which lie all those whose bottom edge is
// within reach of y: a run of them bounded by their keys (widened by one
// on each side, for rounding), or all.
func (lb *lineBoxes) near(y, reach float64) []parser.Box {
	if lb.keys == nil || math.IsNaN(y) || math.IsNaN(reach) || math.IsInf(reach, 0) {
		return lb.boxes
	}
	// A box's middle lies between its bottom less maxMid and its bottom.
	lo := math.Round((y-reach-lb.maxMid)/2) - 1
	hi := math.Round((y+reach)/2) + 1
	from, _ := slices.BinarySearch(lb.keys, lo)
	to, found := slices.BinarySearch(lb.keys, hi)
	for found && to < len(lb.keys) && lb.keys[to] == hi {
		to++
	}
	return lb.boxes[from:to]
}
