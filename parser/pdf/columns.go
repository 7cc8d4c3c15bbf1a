package pdf

import (
	"math"
	"slices"
	"strings"

	"github.com/agreements/agreements/parser"
)

// Pages set in two (or more) columns are read column by column: the
// blocks left of a gutter, top to bottom, then those right of it. A
// gutter is an upright band of the page that no block crosses but a few
// (a title or a closing line across the page), with blocks on both sides;
// the zone it divides is the stretch of the page where both columns have
// text. Blocks above and below the zone, and those across it, keep their
// place. Each column is read the same way in turn (three columns are a
// gutter within a column).

// Column limits.
const (
	minGutter      = 6.0 // points: a narrower band is a word or cell gap
	minColumnItems = 3   // blocks each side of a gutter needs
	maxCrossShare  = 0.1 // share of the blocks that may cross a gutter
	maxCross       = 4   // and at most this many (titles, closing lines, tables across)
	maxColumnDepth = 3   // gutters within columns
)

// orderColumns puts each page's blocks in column order. Blocks come sorted
// by page, then top to bottom.
// flows holds, by page, the areas known to be text in columns.
//
// A page too short to show its columns by itself (a list's last few
// lines, which a browser balances over two columns: a heading in the
// first, its entries in the second) whose blocks all stand on either side
// of the gutter of the page before is read in those columns.
func orderColumns(blocks []placed, flows map[int][]flowArea) []placed {
	out := make([]placed, 0, len(blocks))
	prevPage := -1
	var gutter [2]float64 // the page before's, when it was read in columns
	gutterOK := false
	for start := 0; start < len(blocks); {
		end := start + 1
		for end < len(blocks) && blocks[end].page == blocks[start].page {
			end++
		}
		items, page := blocks[start:end], blocks[start].page
		from := len(out)
		// (a page too short to show its columns has fewer blocks than
		// findGutter asks of two columns)
		if gutterOK && page == prevPage+1 && len(items) < 2*minColumnItems {
			if cols, split := splitAt(items, gutter[0], gutter[1]); split {
				out = append(out, cols...)
				gutterOK, prevPage = false, page
				start = end
				continue
			}
		}
		out = append(out, orderRegion(items, flows[page], 0)...)
		// The gutter a page was read across (its order is not its blocks'
		// top to bottom; a list's labels beside their entries are read
		// row by row, and set no columns for the next page).
		gutterOK, prevPage = false, page
		if reordered(items, out[from:]) {
			lo, hi, ok := findGutter(items, minColumnItems, minGutter)
			gutter, gutterOK = [2]float64{lo, hi}, ok
		}
		start = end
	}
	return out
}

// reordered reports whether ordered holds the blocks of items in another
// order than theirs.
func reordered(items, ordered []placed) bool {
	if len(items) != len(ordered) {
		return true
	}
	for i := range items {
		if items[i].box != ordered[i].box || items[i].y != ordered[i].y {
			return true
		}
	}
	return false
}

// gutterSide tells where a block stands against the gutter from lo to
// hi: -1 wholly left of it, 1 wholly right, 0 across it.
func gutterSide(b parser.Box, lo, hi float64) int {
	switch {
	case b.X1 <= lo+0.5:
		return -1
	case b.X0 >= hi-0.5:
		return 1
	}
	return 0
}

// splitAt returns the blocks of the left column, then those of the right
// (each top to bottom, as they come), when every block stands wholly on
// one side of the gutter from lo to hi, both sides have one, and the left
// column's first stands beside the right's.
func splitAt(items []placed, lo, hi float64) ([]placed, bool) {
	var left, right []placed
	for _, it := range items {
		switch gutterSide(it.box, lo, hi) {
		case -1:
			left = append(left, it)
		case 1:
			right = append(right, it)
		default:
			return nil, false
		}
	}
	if len(left) == 0 || len(right) == 0 || left[0].box.Y0 >= right[0].box.Y1 {
		return nil, false // (the columns side by side from their first lines: a closing line under one is read after both)
	}
	return append(left, right...), true
}

// orderRegion orders the blocks of one region (sorted top to bottom).
func orderRegion(items []placed, flows []flowArea, depth int) []placed {
	// On a page that table detection found set in columns, a column may
	// hold a single block (one table).
	minItems := minColumnItems
	if len(flows) > 0 {
		minItems = 1
	}
	if depth >= maxColumnDepth || len(items) < 2*minItems {
		return items
	}
	// Where table detection found the page in columns by its tables,
	// the gutter is looked for among the blocks in those areas (titles
	// above the columns cross it), and may be narrower: a ruled table's
	// frame may reach into it.
	tabled := tableFlows(flows)
	cand, gutter := items, minGutter
	if len(tabled) > 0 && depth == 0 {
		cand, gutter = inFlows(items, tabled), joinTol
	}
	lo, hi, ok := findGutter(cand, minItems, gutter)
	if !ok && len(flows) > 0 {
		// On a page known to be set in columns, one block may cross
		// the gutter however few the blocks are (a line of links over
		// both columns, each column a table).
		lo, hi, ok = findGutterCrossed(cand, minItems, gutter, 1)
	}
	if !ok && depth == 0 {
		// Tables that overlap at the gutter: a block ends at the left
		// column's right edge at the furthest, or starts at the right
		// column's left edge at the nearest.
		for _, f := range flows {
			if f.byTables && f.overlap.hi > f.overlap.lo {
				lo, hi, ok = f.overlap.hi, f.overlap.lo, true
				break
			}
		}
	}
	if !ok {
		return items
	}
	var left, right, cross []int
	for i, it := range items {
		switch gutterSide(it.box, lo, hi) {
		case -1:
			left = append(left, i)
		case 1:
			right = append(right, i)
		default:
			cross = append(cross, i)
		}
	}
	// The zone: where both columns have text, each column's run extended
	// upwards over the lines above it at its own pitch (a column that
	// starts a little higher).
	top := math.Max(items[left[0]].box.Y0, items[right[0]].box.Y0)
	bot := math.Min(items[left[len(left)-1]].box.Y1, items[right[len(right)-1]].box.Y1)
	if top >= bot {
		return items
	}
	zone := make([]bool, len(items))
	byTables := len(tabled) > 0 && depth == 0
	for k, side := range [][]int{left, right} {
		if byTables {
			break // the zone is the tables' area (below)
		}
		other := [][]int{right, left}[k]
		first, last := -1, -1
		for k, i := range side {
			mid := (items[i].box.Y0 + items[i].box.Y1) / 2
			if mid >= top && mid <= bot {
				if first < 0 {
					first = k
				}
				last = k
			}
		}
		if first < 0 {
			return items
		}
		// Below the zone, a column runs on when two or more lines follow
		// at its pitch (one column longer than the other), or one line
		// indented from the column's edge (the wrapped end of its last
		// entry) or a bold line beside the other column's last block (a
		// heading of the table at the top of the next column); a single
		// line at the edge under both columns closes the page.
		pitch := sidePitch(items, side)
		for first > 0 && items[side[first]].box.Y0-items[side[first-1]].box.Y0 <= 1.5*pitch {
			first--
		}
		more := last
		for more < len(side)-1 && items[side[more+1]].box.Y0-items[side[more]].box.Y0 <= 1.5*pitch {
			more++
		}
		l := items[side[more]].block.Line
		beside := l != nil && l.Style().Bold && items[side[more]].box.Y0 < items[other[len(other)-1]].box.Y1
		if more-last >= 2 || (more-last == 1 && (indented(items, side, side[more]) || beside)) {
			last = more
		}
		for _, i := range side[first : last+1] {
			zone[i] = true
		}
	}
	// Where the tables told the columns, the zone is their area:
	// per-group tables down a column stand further apart than its pitch.
	// A heading left at the foot of the left column, under its last
	// table, heads the table at the top of the next column: it is read
	// with the left column, before that.
	if byTables {
		for _, i := range append(slices.Clone(left), right...) {
			if len(inFlows(items[i:i+1], tabled)) == 1 {
				zone[i] = true
			}
		}
		for k := len(left) - 1; k >= 0 && !zone[left[k]]; k-- {
			if l := items[left[k]].block.Line; l == nil || !l.Style().Bold || items[left[k]].box.Y0 < items[right[len(right)-1]].box.Y1 {
				break
			}
			zone[left[k]] = true
		}
	}
	// A block across the gutter inside the zone splits it into bands,
	// each read column by column.
	for _, i := range cross {
		mid := (items[i].box.Y0 + items[i].box.Y1) / 2
		if mid > top && mid < bot {
			zone[i] = true
		}
	}
	// Rows, not columns: most blocks on the right share a baseline with
	// one on the left (a table the detectors did not take), unless table
	// detection found this to be text in columns, or a column is a list.
	if rowAligned(items, left, right, zone) && !inFlow(items, zone, flows) && !listColumns(items, left, right, zone) {
		return items
	}
	var zl, zr []placed
	n := 0
	for _, i := range left {
		if zone[i] {
			n++
		}
	}
	if n < minItems || len(right) < minItems {
		return items
	}
	out := make([]placed, 0, len(items))
	flush := func() {
		out = append(out, orderRegion(zl, flows, depth+1)...)
		out = append(out, orderRegion(zr, flows, depth+1)...)
		zl, zr = zl[:0:0], zr[:0:0]
	}
	for i, it := range items {
		switch {
		case !zone[i]:
			flush()
			out = append(out, it)
		case it.box.X1 <= lo+0.5:
			zl = append(zl, it)
		case it.box.X0 >= hi-0.5:
			zr = append(zr, it)
		default:
			flush()
			out = append(out, it)
		}
	}
	flush()
	return out
}

// flowArea is an area of a page that table detection found to be set in
// columns: text (a two-column run, or the page's text), or tables side by
// side (byTables: ruled tables, tables under a header repeated, or tables
// ruled by themselves in each column).
type flowArea struct {
	box      parser.Box
	byTables bool
	// overlap, when the two columns' tables overlap (a table running on
	// into the other column): the band both reach into, from the right
	// column's left edge to the left column's right edge.
	overlap interval
}

// tableFlows returns the areas of flows found by their tables (byTables).
func tableFlows(flows []flowArea) []parser.Box {
	var out []parser.Box
	for _, f := range flows {
		if f.byTables {
			out = append(out, f.box)
		}
	}
	return out
}

// inFlows returns the items whose middles lie in one of the areas.
func inFlows(items []placed, flows []parser.Box) []placed {
	var out []placed
	for _, it := range items {
		mx, my := (it.box.X0+it.box.X1)/2, (it.box.Y0+it.box.Y1)/2
		for _, f := range flows {
			if mx >= f.X0 && mx <= f.X1 && my >= f.Y0 && my <= f.Y1 {
				out = append(out, it)
				break
			}
		}
	}
	return out
}

// indented reports whether block i starts to the right of the leftmost
// start of the column's blocks, by more than half its height.
func indented(items []placed, side []int, i int) bool {
	x0 := math.Inf(1)
	for _, k := range side {
		x0 = math.Min(x0, items[k].box.X0)
	}
	return items[i].box.X0 > x0+0.5*items[i].box.Height()
}

// sidePitch is the median distance between the tops of consecutive blocks
// of one column.
func sidePitch(items []placed, side []int) float64 {
	if len(side) < 2 {
		return 0
	}
	ds := make([]float64, 0, len(side)-1)
	for k := 1; k < len(side); k++ {
		ds = append(ds, items[side[k]].box.Y0-items[side[k-1]].box.Y0)
	}
	return median(ds)
}

// findGutter finds an upright band, at least minWidth wide, that at
// most maxCrossShare of the blocks cross, with minItems blocks
// wholly on each side of it: of those that the fewest blocks cross, the
// widest.
func findGutter(items []placed, minItems int, minWidth float64) (lo, hi float64, ok bool) {
	return findGutterCrossed(items, minItems, minWidth, 0)
}

// findGutterCrossed is findGutter where up to crossed blocks may cross the
// band whatever their share.
func findGutterCrossed(items []placed, minItems int, minWidth float64, crossed int) (lo, hi float64, ok bool) {
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, it := range items {
		x0, x1 = math.Min(x0, it.box.X0), math.Max(x1, it.box.X1)
	}
	if x1-x0 < 4*minGutter || x1-x0 > 1e5 {
		return 0, 0, false
	}
	n := int(math.Ceil(x1 - x0))
	cover := make([]int, n+1)
	for _, it := range items {
		a := int(math.Floor(it.box.X0 - x0))
		b := int(math.Ceil(it.box.X1 - x0))
		for k := max(a, 0); k < min(b, n+1); k++ {
			cover[k]++
		}
	}
	// The fewest crossings first: a band that only a title crosses beats
	// a wider one that some long lines of a column cross too.
	allowed := max(min(int(maxCrossShare*float64(len(items))), maxCross), crossed)
	for t := 0; t <= allowed && !ok; t++ {
		best := 0.0
		for k := 0; k < len(cover); {
			if cover[k] > t {
				k++
				continue
			}
			j := k
			for j < len(cover) && cover[j] <= t {
				j++
			}
			glo, ghi := x0+float64(k), x0+float64(j)
			if ghi-glo >= minWidth && ghi-glo > best && k > 0 && j < len(cover) {
				l, r, c := 0, 0, 0
				for _, it := range items {
					switch {
					case it.box.X1 <= glo+0.5:
						l++
					case it.box.X0 >= ghi-0.5:
						r++
					default:
						c++
					}
				}
				if l >= minItems && r >= minItems && c <= t {
					lo, hi, ok, best = glo, ghi, true, ghi-glo
				}
			}
			k = j
		}
	}
	return lo, hi, ok
}

// rowAligned reports whether most blocks of the zone's right column stand
// on the baseline of a block of its left column.
func rowAligned(items []placed, left, right []int, zone []bool) bool {
	n, aligned := 0, 0
	for _, r := range right {
		if !zone[r] {
			continue
		}
		n++
		rb := items[r].box
		rm := (rb.Y0 + rb.Y1) / 2
		for _, l := range left {
			lb := items[l].box
			if zone[l] && math.Abs((lb.Y0+lb.Y1)/2-rm) <= 0.2*math.Min(rb.Height(), lb.Height()) {
				aligned++
				break
			}
		}
	}
	return 2*aligned > n
}

// listColumns reports whether a column of the zone is mostly list items,
// bulleted or numbered ("1. …", "12. …"): lists set in columns, whose
// items read down each column.
func listColumns(items []placed, left, right []int, zone []bool) bool {
	for k, side := range [][]int{left, right} {
		other := [][]int{right, left}[k]
		n, it, num := 0, 0, 0
		var numberedLines []int
		for _, i := range side {
			if !zone[i] {
				continue
			}
			n++
			l := items[i].block.Line
			switch {
			case l == nil:
			case l.Role == parser.RoleItem:
				it++
			case numbered(l.Text):
				num++
				numberedLines = append(numberedLines, i)
			}
		}
		if 2*it > n {
			return true
		}
		// Numbered lines beside which the other column's lines stand
		// level, row by row, are the rows of a table ("1. Peking
		// University" … "2001.4.1"), not a list.
		if 2*(it+num) > n && !rowAligned(items, numberedLines, other, zone) {
			return true
		}
	}
	return false
}

// numbered reports a line that opens with a list item's number standing
// apart from its text ("1. The Mongolian Academy of Sciences").
func numbered(text string) bool {
	first, rest, ok := strings.Cut(strings.TrimSpace(text), " ")
	return ok && strings.TrimSpace(rest) != "" && markerKind(first) == seqMarker
}

// inFlow reports whether the middles of most of the zone's blocks lie in
// one area known to be text in columns.
func inFlow(items []placed, zone []bool, flows []flowArea) bool {
	for _, fa := range flows {
		f := fa.box
		n, in := 0, 0
		for i, it := range items {
			if !zone[i] {
				continue
			}
			n++
			mx, my := (it.box.X0+it.box.X1)/2, (it.box.Y0+it.box.Y1)/2
			if mx >= f.X0 && mx <= f.X1 && my >= f.Y0 && my <= f.Y1 {
				in++
			}
		}
		if n > 0 && 5*in >= 4*n {
			return true
		}
	}
	return false
}

// textColumns is a page's free text split at the gutter of a page set in
// two columns, so that table detection reads each column by itself: a
// table in one column is not cut at the other column's rows, and lines of
// the two columns are not read as one row.
type textColumns struct {
	left, right, rest []int      // words wholly left of the gutter, right of it, across it
	gutter            interval   // the gutter's x extent
	zone              parser.Box // where the two columns' words stand
	overlapped        bool       // the gutter is a band both columns' tables reach into
}

// splitTextColumns finds the gutter of a page set in two columns among
// the words idx: an upright band, at least minGutter wide, that few
// words cross, with text on both sides whose lines do not line up. The
// band is compared with its neighbours: the text between it and the
// bands next to it (a table's column on each side, or a column of text)
// stands on different baselines on its two sides more often than on the
// same one. Rows of one table line up across their column gaps; columns
// of text set apart run on by themselves, at their own line spacing and
// from their own tops. Each side's own lines must not overlap one
// another. Of the bands that pass, the one whose sides disagree most is
// the gutter.
func splitTextColumns(ws []tword, idx []int) (textColumns, bool) {
	if len(idx) < 4*minColumnItems {
		return textColumns{}, false
	}
	hs := make([]float64, len(idx))
	for k, i := range idx {
		hs[k] = ws[i].h
	}
	h := medianOwned(hs)
	// Text of the body size: superscript markers and small print stand
	// off the baselines of the text beside them.
	body := make([]int, 0, len(idx))
	x0, x1 := math.Inf(1), math.Inf(-1)
	for _, i := range idx {
		x0, x1 = math.Min(x0, ws[i].Box.X0), math.Max(x1, ws[i].Box.X1)
		if ws[i].h >= 0.75*h && ws[i].h <= 1.5*h {
			body = append(body, i)
		}
	}
	if x1-x0 < 8*minGutter || x1-x0 > 1e5 {
		return textColumns{}, false
	}
	n := int(math.Ceil(x1 - x0))
	cover := make([]int, n+1)
	for _, i := range idx {
		a := int(math.Floor(ws[i].Box.X0 - x0))
		b := int(math.Ceil(ws[i].Box.X1 - x0))
		for k := max(a, 0); k < min(b, n+1); k++ {
			cover[k]++
		}
	}
	// The bands few words cross (a title over both columns may).
	allowed := min(len(idx)/20, maxCross)
	var bands []interval
	for k := 0; k < len(cover); {
		if cover[k] > allowed {
			k++
			continue
		}
		j := k
		for j < len(cover) && cover[j] <= allowed {
			j++
		}
		lo, hi := x0+float64(k), x0+float64(j)
		k = j
		if hi-lo >= max(minGutter, chunkGapH*h) && lo > x0 && hi < x1 {
			bands = append(bands, interval{lo: lo, hi: hi})
		}
	}
	var best textColumns
	bestOff, bestSelf := 0, 0
	var bl, br []int // each band's words, in arrays the bands share (baselines copies them)
	if len(bands) > 0 {
		bl, br = make([]int, 0, len(body)), make([]int, 0, len(body))
	}
	// Each band's lines and their extents are made in the arrays of the
	// band before: they are read before the next band is looked at.
	var lbuf, rbuf lineBuf
	var extents []lineExtent
	for _, band := range bands {
		bl, br = bl[:0], br[:0]
		for _, i := range body {
			switch {
			case ws[i].Box.X1 <= band.lo+0.5:
				bl = append(bl, i)
			case ws[i].Box.X0 >= band.hi-0.5:
				br = append(br, i)
			}
		}
		ll, rl := baselinesIn(ws, bl, &lbuf), baselinesIn(ws, br, &rbuf)
		if len(ll) < minColumnItems || len(rl) < minColumnItems {
			continue
		}
		var aligned, off int
		aligned, off, extents = crossAlignment(ws, ll, rl, extents)
		if off < minColumnItems || off <= aligned {
			continue
		}
		self := selfOverlaps(ws, ll) + selfOverlaps(ws, rl)
		if self > max(1, (len(ll)+len(rl))/20) {
			continue
		}
		if bestOff > 0 && (self > bestSelf || (self == bestSelf && off <= bestOff)) {
			continue
		}
		tc := textColumns{gutter: band}
		tc.partition(ws, idx)
		tc.zone = union(wordsBox(ws, tc.left), wordsBox(ws, tc.right))
		best, bestOff, bestSelf = tc, off, self
	}
	return best, bestOff > 0
}

// partition sorts the words idx to the left of the gutter, to its right
// and across it. A word that reaches into the band from one side (a few
// words may) goes with that side, not with the words across it: left
// there, it would be lost under the side's table.
func (tc *textColumns) partition(ws []tword, idx []int) {
	tc.left, tc.right, tc.rest = nil, nil, nil
	mid := (tc.gutter.lo + tc.gutter.hi) / 2
	for _, i := range idx {
		b := ws[i].Box
		switch {
		case b.X0 < tc.gutter.lo-0.5 && b.X1 > tc.gutter.hi+0.5:
			tc.rest = append(tc.rest, i)
		case (b.X0+b.X1)/2 < mid:
			tc.left = append(tc.left, i)
		default:
			tc.right = append(tc.right, i)
		}
	}
}

// lineBand is the vertical extent and middle of a visual line. Its
// height is its words' boxes', but no more than its type size and a
// fifth, about the same middle: some fonts' boxes (Japanese fonts' ascent
// and descent) stand taller than the lines are set apart.
func lineBand(ws []tword, l []int) (y0, y1, mid float64, h float64) {
	b := wordsBox(ws, l)
	var buf [16]float64
	hs := buf[:0]
	for _, i := range l {
		hs = append(hs, ws[i].h)
	}
	mid, h = (b.Y0+b.Y1)/2, median(hs)
	if s := 1.2 * lineSize(ws, l); s < h {
		h = s
		return max(b.Y0, mid-h/2), min(b.Y1, mid+h/2), mid, h
	}
	return b.Y0, b.Y1, mid, h
}

// selfOverlaps counts the consecutive lines of one side that stand
// closer than seven tenths of a line: lines of one column of text or one
// table are set at least about a line apart, those of two columns read
// as one stand at any distance.
func selfOverlaps(ws []tword, lines [][]int) int {
	n := 0
	for k := 1; k < len(lines); k++ {
		_, _, a, ha := lineBand(ws, lines[k-1])
		_, _, b, hb := lineBand(ws, lines[k])
		if b-a < 0.7*min(ha, hb) {
			n++
		}
	}
	return n
}

// lineSize is the median type size of a line's words; +Inf when none
// says its size.
func lineSize(ws []tword, l []int) float64 {
	var buf [16]float64
	ss := buf[:0]
	for _, i := range l {
		if ws[i].Style.Size > 0 {
			ss = append(ss, ws[i].Style.Size)
		}
	}
	if len(ss) == 0 {
		return math.Inf(1)
	}
	return median(ss)
}

// lineExtent is a visual line's lineBand.
type lineExtent struct{ y0, y1, mid, h float64 }

// crossAlignment counts the pairs of a left and a right line that overlap
// in height: aligned when their middles are within a fifth of a line, or
// when one of them, a line alone on its side, stands half way between the
// other and a line next to it set as close as a wrapped cell's (a table's
// cells set in the middle of their rows: a one-line cell between the lines
// of a wrapped one beside it); off otherwise. The lines' extents are found
// in the array buf, returned for the next call.
func crossAlignment(ws []tword, left, right [][]int, buf []lineExtent) (aligned, off int, _ []lineExtent) {
	buf = slices.Grow(buf[:0], len(left)+len(right))
	for _, l := range left {
		var e lineExtent
		e.y0, e.y1, e.mid, e.h = lineBand(ws, l)
		buf = append(buf, e)
	}
	for _, l := range right {
		var e lineExtent
		e.y0, e.y1, e.mid, e.h = lineBand(ws, l)
		buf = append(buf, e)
	}
	lb, rb := buf[:len(left)], buf[len(left):]
	j := 0
	for i, a := range lb {
		for j < len(rb) && rb[j].y1 < a.y0 {
			j++
		}
		for k := j; k < len(rb) && rb[k].y0 < a.y1; k++ {
			b := rb[k]
			if min(a.y1, b.y1)-max(a.y0, b.y0) < 0.2*min(a.h, b.h) {
				continue
			}
			if abs(a.mid-b.mid) <= 0.2*min(a.h, b.h) || centredPair(lb, i, rb, k) || centredPair(rb, k, lb, i) {
				aligned++
			} else {
				off++
			}
		}
	}
	return aligned, off, buf
}

// centredPair reports line i of one side, alone there (no line of its
// side a line's pitch from it: a cell's one line, not a line of running
// text), half way between line k of the other side and the line above or
// under it, the two set as close as a wrapped cell's lines.
func centredPair(one []lineExtent, i int, other []lineExtent, k int) bool {
	m := one[i]
	for _, n := range [2]int{i - 1, i + 1} {
		if n >= 0 && n < len(one) {
			if d := abs(one[n].mid - m.mid); d >= 0.8*m.h && d <= 1.3*m.h {
				return false
			}
		}
	}
	between := func(b, c lineExtent) bool {
		return b.mid < m.mid && m.mid < c.mid && c.mid-b.mid <= 1.3*max(b.h, c.h) && abs(m.mid-(b.mid+c.mid)/2) <= 0.2*m.h
	}
	return k+1 < len(other) && between(other[k], other[k+1]) || k > 0 && between(other[k-1], other[k])
}

// side orders a table region on a page in two columns: 0 above the
// columns or across the gutter, 1 in the left column, 2 in the right, 3
// below the columns.
func (tc textColumns) side(b parser.Box) int {
	mid := (b.Y0 + b.Y1) / 2
	switch {
	case mid < tc.zone.Y0:
		return 0
	case mid > tc.zone.Y1:
		return 3
	case b.X0 < tc.gutter.lo && b.X1 > tc.gutter.hi:
		return 0
	case (b.X0+b.X1)/2 < (tc.gutter.lo+tc.gutter.hi)/2:
		return 1 // a ruled table's frame may reach into the gutter
	}
	return 2
}
