package pdf

import (
	"cmp"
	"math"
	"slices"

	"github.com/agreements/agreements/parser"
)

// rule is a ruling line after snapping: at coordinate at (y for a
// horizontal rule, x for a vertical one), from lo to hi along it.
type rule struct {
	at, lo, hi float64
	virtual    bool // inferred from white space, not drawn
}

// mergeRules snaps rules whose coordinates are within snapTol to one line
// and joins collinear pieces that overlap or leave a gap up to joinTol.
func mergeRules(rs []rule) []rule {
	if len(rs) == 0 {
		return nil
	}
	slices.SortFunc(rs, func(a, b rule) int { return cmp.Compare(a.at, b.at) })
	out := make([]rule, 0, len(rs))
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && rs[j].at-rs[j-1].at <= snapTol && rs[j].at-rs[i].at <= 2*snapTol {
			j++
		}
		// The group is sorted where it lies: rs is mergeRules' own, and
		// the groups after it start past it.
		group := rs[i:j]
		sum, wsum := 0.0, 0.0
		for _, r := range group {
			l := max(r.hi-r.lo, 0.1)
			sum += r.at * l
			wsum += l
		}
		at := sum / wsum
		slices.SortFunc(group, func(a, b rule) int { return cmp.Compare(a.lo, b.lo) })
		cur := rule{at: at, lo: group[0].lo, hi: group[0].hi}
		for _, r := range group[1:] {
			// Two long rules on one line that overlap and each run on
			// past the other (the frames of two tables side by side, one
			// running into the other's column) stay two.
			apart := cur.hi-r.lo > 2*joinTol && r.lo-cur.lo > 2*joinTol && r.hi-cur.hi > 2*joinTol
			if r.lo <= cur.hi+joinTol && !apart {
				cur.hi = max(cur.hi, r.hi)
				continue
			}
			out = append(out, cur)
			cur = rule{at: at, lo: r.lo, hi: r.hi}
		}
		out = append(out, cur)
		i = j
	}
	return out
}

// pageRules splits a page's segments into merged horizontal and vertical
// rules. The edges of filled backgrounds (shaded cells, zebra stripes) are
// not rules: shading marks rows or headers, not a grid.
func pageRules(p *PageLayout) (hs, vs []rule) {
	if p.rules.made && len(p.rules.of) == len(p.Segments) && (len(p.Segments) == 0 || &p.rules.of[0] == &p.Segments[0]) {
		return p.rules.hs, p.rules.vs
	}
	nh, nv := 0, 0
	for _, s := range p.Segments {
		switch {
		case s.Width == 0:
		case s.Horizontal():
			if s.X1-s.X0 >= 1 {
				nh++
			}
		case s.Y1-s.Y0 >= 1:
			nv++
		}
	}
	if nh > 0 {
		hs = make([]rule, 0, nh)
	}
	if nv > 0 {
		vs = make([]rule, 0, nv)
	}
	for _, s := range p.Segments {
		if s.Width == 0 {
			continue // an edge of a filled background, not a rule
		}
		if s.Horizontal() {
			if s.X1-s.X0 >= 1 {
				hs = append(hs, rule{at: (s.Y0 + s.Y1) / 2, lo: s.X0, hi: s.X1})
			}
		} else if s.Y1-s.Y0 >= 1 {
			vs = append(vs, rule{at: (s.X0 + s.X1) / 2, lo: s.Y0, hi: s.Y1})
		}
	}
	hs, vs = mergeRules(hs), mergeRules(vs)
	if p.rules.keep {
		p.rules = pageRuleMemo{keep: true, made: true, of: p.Segments, hs: hs, vs: vs}
	}
	return hs, vs
}

// pageRuleMemo holds a page's rules (pageRules) while its tables are
// found (pageTables): the ruled tables, the columns and each run of the
// unruled tables read them, made once. of is the segments they were made
// of: other segments are rules made anew. The rules are read, never
// written.
type pageRuleMemo struct {
	keep, made bool
	of         []Segment
	hs, vs     []rule
}

// crosses reports whether horizontal rule h and vertical rule v touch.
func crosses(h, v rule) bool {
	return v.at >= h.lo-joinTol && v.at <= h.hi+joinTol && h.at >= v.lo-joinTol && h.at <= v.hi+joinTol
}

// clusterCoords sorts coordinates and replaces runs closer than minCell by
// their mean.
func clusterCoords(xs []float64) []float64 {
	slices.Sort(xs)
	var out []float64
	for i := 0; i < len(xs); {
		j, sum := i, 0.0
		for j < len(xs) && xs[j]-xs[i] < minCell {
			sum += xs[j]
			j++
		}
		out = append(out, sum/float64(j-i))
		i = j
	}
	return out
}

// byCoord returns, per boundary, the rules that lie on it (within snapTol).
func byCoord(rs []rule, bounds []float64) [][]rule {
	out := make([][]rule, len(bounds))
	for _, r := range rs {
		i, _ := slices.BinarySearch(bounds, r.at-snapTol)
		for ; i < len(bounds) && bounds[i] <= r.at+snapTol; i++ {
			out[i] = append(out[i], r)
		}
	}
	return out
}

// drawn reports whether a drawn (not virtual) rule among rs runs through
// coordinate y.
func drawn(rs []rule, y float64) bool {
	for _, r := range rs {
		if !r.virtual && r.lo <= y && y <= r.hi {
			return true
		}
	}
	return false
}

// coverages returns, for each interval [bounds[k], bounds[k+1]], the
// length of it that the rules rs cover (rules on one line are disjoint
// after joining, so the cost is about one step per rule and interval).
func coverages(rs []rule, bounds []float64) []float64 {
	out := make([]float64, max(len(bounds)-1, 0))
	for _, r := range rs {
		k := max(searchCell(bounds, r.lo), 0)
		for ; k < len(out) && bounds[k] < r.hi; k++ {
			if lo, hi := max(r.lo, bounds[k]), min(r.hi, bounds[k+1]); hi > lo {
				out[k] += hi - lo
			}
		}
	}
	return out
}

// latticeTables finds ruled tables: connected components of rules that
// form a grid of at least two cells. Words whose centre falls in a table are
// marked used.
func latticeTables(p *PageLayout, s *wordSet) []pageTable {
	hs, vs := pageRules(p)
	if len(hs) == 0 || len(vs) == 0 || len(hs) > maxRules || len(vs) > maxRules {
		return nil // no grid, or hatching and charts rather than tables
	}
	// Connected components over horizontal (0..len(hs)-1) and vertical
	// (len(hs)..) rules.
	parent := make([]int, len(hs)+len(vs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// Rules that meet where one of them ends (a frame's corner, a column
	// rule under a row rule) are of one grid; rules that cross each other
	// through (a row rule across the column rules) join a grid unless both
	// are of grids of their own by their joints: a table set in one page
	// column that runs on into the other crosses the rules of the other
	// column's table without being one with it.
	// A rule that ends on a corner (where a rule of the other direction
	// ends too) joins that one, not one passing through the corner.
	endsAt := func(r rule, at float64) bool { return abs(r.lo-at) <= joinTol || abs(r.hi-at) <= joinTol }
	corner := func(others []rule, at, end float64) bool {
		for _, o := range others {
			if abs(o.at-end) <= joinTol && endsAt(o, at) {
				return true
			}
		}
		return false
	}
	joint := func(h, v rule) bool {
		hEnds, vEnds := endsAt(h, v.at), endsAt(v, h.at)
		switch {
		case hEnds && vEnds:
			return true
		case hEnds:
			return !corner(vs, h.at, v.at) // h ends on v: no other v ends there too
		case vEnds:
			return !corner(hs, v.at, h.at)
		}
		return false
	}
	union := func(a, b int) {
		if a, b = find(a), find(b); a != b {
			parent[a] = b
		}
	}
	for i, h := range hs {
		for j, v := range vs {
			if crosses(h, v) && joint(h, v) {
				union(i, len(hs)+j)
			}
		}
	}
	// A grid by its joints: two horizontal and two vertical rules or more.
	nh, nv := map[int]int{}, map[int]int{}
	for i := range parent {
		if i < len(hs) {
			nh[find(i)]++
		} else {
			nv[find(i)]++
		}
	}
	grids := map[int]int{} // by root: the grids by joints it holds
	for r, n := range nh {
		if n >= 2 && nv[r] >= 2 {
			grids[r] = 1
		}
	}
	for i, h := range hs {
		for j, v := range vs {
			if !crosses(h, v) || joint(h, v) {
				continue
			}
			a, b := find(i), find(len(hs)+j)
			if a == b || grids[a] > 0 && grids[b] > 0 {
				continue
			}
			parent[a] = b
			grids[b] += grids[a]
		}
	}
	comps := map[int][2][]rule{}
	var roots []int
	for i := range parent {
		r := find(i)
		c, seen := comps[r]
		if !seen {
			roots = append(roots, r)
		}
		if i < len(hs) {
			c[0] = append(c[0], hs[i])
		} else {
			c[1] = append(c[1], vs[i-len(hs)])
		}
		comps[r] = c
	}
	// Where grids overlap (a table running on into the next page
	// column's), a word goes to the grid that holds it whole, and of
	// those to the one where it starts closest after a column rule.
	boxes := make([]parser.Box, len(roots))
	for k, r := range roots {
		boxes[k] = rulesBox(comps[r][0], comps[r][1])
	}
	inset := func(k int, w parser.Box) float64 {
		d := w.X0 - boxes[k].X0
		for _, v := range comps[roots[k]][1] {
			if v.at <= w.X0+1 && v.lo <= w.Y1 && v.hi >= w.Y0 {
				d = min(d, max(w.X0-v.at, 0))
			}
		}
		return d
	}
	owner := func(w *tword) int {
		best, bestInset := -1, math.Inf(1)
		n := 0
		for k, b := range boxes {
			if w.cx < b.X0 || w.cx > b.X1 || w.cy < b.Y0 || w.cy > b.Y1 {
				continue
			}
			n++
			if !holds(b, w.Box) {
				continue
			}
			if d := inset(k, w.Box); d < bestInset {
				best, bestInset = k, d
			}
		}
		if n < 2 {
			return -1 // in one grid's region at most: that grid's
		}
		return best
	}
	var out []pageTable
	for k, r := range roots {
		c := comps[r]
		c[0], c[1] = withFilledHead(p.Segments, c[0], c[1])
		mine := func(w *tword) bool {
			o := owner(w)
			return o < 0 || o == k
		}
		if t, ok := gridTable(p, c[0], c[1], s, mine); ok {
			out = append(out, t)
		}
	}
	return out
}

// withFilledHead returns a grid's rules (hs, vs) with the rules of a head
// drawn as filled cells right over it and stroked nowhere (a web
// library's table: the header's cells filled in a colour, the body's
// ruled): the band's top, and the grid's column rules drawn on up through
// it where its filled cells part (everywhere, for one band filled across). The band must stand on the grid's top
// rule, across the grid's width, no taller than four of its rows are on
// the average. Filled cells elsewhere (zebra stripes, a shaded header
// with no grid under it) give no rules.
func withFilledHead(segs []Segment, hs, vs []rule) ([]rule, []rule) {
	if len(hs) < 2 || len(vs) < 2 {
		return hs, vs
	}
	box := rulesBox(hs, vs)
	rows := 0
	for _, h := range hs {
		if h.hi-h.lo >= 0.5*box.Width() {
			rows++
		}
	}
	maxBand := 4 * box.Height() / float64(max(rows-1, 1))
	tol := joinTol
	// The band: filled cells whose foot is the grid's top, their tops one
	// height over it.
	top, lo, hi := math.Inf(1), math.Inf(1), math.Inf(-1)
	var parts []float64 // where filled cells' sides stand
	for _, s := range segs {
		if s.Width != 0 || s.Horizontal() || abs(s.Y1-box.Y0) > tol || s.Y1-s.Y0 > maxBand || s.Y1-s.Y0 < 1 {
			continue
		}
		if s.X0 < box.X0-tol || s.X0 > box.X1+tol {
			continue
		}
		if !math.IsInf(top, 1) && abs(s.Y0-top) > tol {
			return hs, vs // cells of two heights: no band of one row
		}
		top = min(top, s.Y0)
		lo, hi = min(lo, s.X0), max(hi, s.X0)
		parts = append(parts, s.X0)
	}
	if math.IsInf(top, 1) || lo > box.X0+tol || hi < box.X1-tol {
		return hs, vs // no band across the grid's width
	}
	for _, h := range hs {
		if abs(h.at-top) <= tol {
			return hs, vs // ruled already
		}
	}
	hs = append(slices.Clone(hs), rule{at: top, lo: box.X0, hi: box.X1})
	vs = slices.Clone(vs)
	// One band filled across the grid (its two sides only) parts its
	// cells where the grid's columns part; cells filled one by one part
	// where their sides stand.
	oneBand := len(parts) <= 2
	for i, v := range vs {
		if abs(v.lo-box.Y0) > tol {
			continue
		}
		if oneBand || slices.ContainsFunc(parts, func(x float64) bool { return abs(x-v.at) <= tol }) {
			vs[i].lo = top
		}
	}
	slices.SortFunc(hs, func(a, b rule) int { return cmp.Compare(a.at, b.at) })
	return hs, vs
}

// rulesBox is the extent of a component of rules.
func rulesBox(hs, vs []rule) parser.Box {
	b := parser.Box{X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}
	for _, h := range hs {
		b.X0, b.X1 = min(b.X0, h.lo), max(b.X1, h.hi)
		b.Y0, b.Y1 = min(b.Y0, h.at), max(b.Y1, h.at)
	}
	for _, v := range vs {
		b.X0, b.X1 = min(b.X0, v.at), max(b.X1, v.at)
		b.Y0, b.Y1 = min(b.Y0, v.lo), max(b.Y1, v.hi)
	}
	return b
}

// holds reports whether a word's box lies inside box (to a point).
func holds(box, w parser.Box) bool {
	return w.X0 >= box.X0-1 && w.X1 <= box.X1+1 && w.Y0 >= box.Y0-1 && w.Y1 <= box.Y1+1
}

// grid is the cell structure of one component of rules.
type grid struct {
	xs, ys []float64   // column and row boundaries
	vb     [][]rule    // the rules on each column boundary
	vcov   [][]float64 // per column boundary and row: the length its rules cover
	hcov   [][]float64 // per row boundary and column: the length its rules cover
	origin []int       // grid cell (r*nc+c) → the grid cell its span starts at
	span   []span      // by origin grid cell
}

type span struct{ r0, c0, r1, c1 int }

func (g *grid) nc() int { return len(g.xs) - 1 }
func (g *grid) nr() int { return len(g.ys) - 1 }

func (g *grid) region() parser.Box {
	return parser.Box{X0: g.xs[0], Y0: g.ys[0], X1: g.xs[len(g.xs)-1], Y1: g.ys[len(g.ys)-1]}
}

// cellAt returns the grid cell holding a point inside the region.
func (g *grid) cellAt(x, y float64) int {
	c := min(max(searchCell(g.xs, x), 0), g.nc()-1)
	r := min(max(searchCell(g.ys, y), 0), g.nr()-1)
	return r*g.nc() + c
}

// buildGrid lays a grid over a component of rules. The grid's outer frame
// is the extent of the rules, so a grid drawn without a frame still has its
// outer rows and columns. Cells are merged across inner rulings that are
// missing over more than half of the cell's side.
func buildGrid(hs, vs []rule) (grid, bool) {
	if len(hs) == 0 || len(vs) == 0 {
		return grid{}, false
	}
	x0, x1 := vs[0].at, vs[0].at
	y0, y1 := hs[0].at, hs[0].at
	var xs, ys []float64
	for _, h := range hs {
		x0, x1 = min(x0, h.lo), max(x1, h.hi)
		ys = append(ys, h.at)
	}
	for _, v := range vs {
		y0, y1 = min(y0, v.lo), max(y1, v.hi)
		xs = append(xs, v.at)
	}
	g := grid{xs: clusterCoords(append(xs, x0, x1)), ys: clusterCoords(append(ys, y0, y1))}
	nc, nr := g.nc(), g.nr()
	if nc < 1 || nr < 1 || nc*nr < 2 {
		return grid{}, false
	}
	if nr*nc > maxGridCells {
		return grid{}, false
	}
	xs, ys = g.xs, g.ys
	g.vb = byCoord(vs, xs)
	g.vcov = make([][]float64, len(xs))
	for c, rs := range g.vb {
		g.vcov[c] = coverages(rs, ys)
	}
	g.hcov = make([][]float64, len(ys))
	for r, rs := range byCoord(hs, ys) {
		g.hcov[r] = coverages(rs, xs)
	}
	parent := make([]int, nr*nc)
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	join := func(a, b int) {
		if ra, rb := find(a), find(b); ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	for r := range nr {
		a, b := ys[r], ys[r+1]
		for c := 1; c < nc; c++ {
			if g.vcov[c][r] < 0.5*(b-a) {
				join(r*nc+c-1, r*nc+c)
			}
		}
	}
	for c := range nc {
		a, b := xs[c], xs[c+1]
		for r := 1; r < nr; r++ {
			if g.hcov[r][c] < 0.5*(b-a) {
				join((r-1)*nc+c, r*nc+c)
			}
		}
	}
	// Each group's bounding rectangle becomes one cell, whose origin is its
	// top-left grid cell.
	g.span = make([]span, nr*nc)
	seen := make([]bool, nr*nc)
	for i := range parent {
		o, r, c := find(i), i/nc, i%nc
		s := &g.span[o]
		if !seen[o] {
			seen[o] = true
			*s = span{r, c, r, c}
			continue
		}
		s.r0, s.c0, s.r1, s.c1 = min(s.r0, r), min(s.c0, c), max(s.r1, r), max(s.c1, c)
	}
	g.origin = make([]int, nr*nc)
	for i := range g.origin {
		g.origin[i] = -1
	}
	groups := 0
	for o := range g.span {
		if !seen[o] {
			continue
		}
		groups++
		s := g.span[o]
		o = s.r0*nc + s.c0
		g.span[o] = s
		for r := s.r0; r <= s.r1; r++ {
			for c := s.c0; c <= s.c1; c++ {
				if g.origin[r*nc+c] < 0 {
					g.origin[r*nc+c] = o
				}
			}
		}
	}
	for i, o := range g.origin {
		if o < 0 {
			g.origin[i] = i
			g.span[i] = span{i / nc, i % nc, i / nc, i % nc}
		}
	}
	return g, groups >= 2
}

// Unruled parts of a ruled table: when at least this many lines of a grid
// split into chunks at places where no column rule runs, the grid's rows
// hold a table set in white space (a frame and a few rules around it, or
// rows ruled without column rules).
const minUnruledLines = 4

// unruledRules returns virtual rules for the unruled parts of a grid: a
// vertical rule in every column gap that no chunk crosses, in the grid rows
// whose lines split there without a rule; and, in grid rows that hold
// several such lines, a horizontal rule between lines (wrapped lines, set
// tighter than the rows, kept together).
func unruledRules(g *grid, ws []tword, idx []int) (hs, vs []rule) {
	nr := g.nr()
	rowWords := make([][]int, nr)
	for _, i := range idx {
		r := min(max(searchCell(g.ys, ws[i].cy), 0), nr-1)
		rowWords[r] = append(rowWords[r], i)
	}
	ruled := func(r int, a, b float64) bool {
		top, bot := g.ys[r], g.ys[r+1]
		c, _ := slices.BinarySearch(g.xs, a-snapTol)
		for ; c < len(g.xs) && g.xs[c] <= b+snapTol; c++ {
			if g.vcov[c][r] >= 0.5*(bot-top) {
				return true
			}
		}
		return false
	}
	rowLines := make([][]sline, nr)
	var pool []*sline
	inPool := make([]int, nr) // lines of the row in the pool
	for r, wi := range rowWords {
		if len(wi) < 2 {
			continue
		}
		rowLines[r] = makeSlines(ws, wi)
		for k := range rowLines[r] {
			l := &rowLines[r][k]
			for c := 1; c < len(l.chunks); c++ {
				_, a := l.chunkBox(ws, c-1)
				b, _ := l.chunkBox(ws, c)
				if !ruled(r, a, b) {
					pool = append(pool, l)
					inPool[r]++
					break
				}
			}
		}
	}
	// A grid row holds stacked records when it has three or more lines and
	// nearly every non-empty cell (three at least) has text on every one of
	// them: rows drawn without rules between them (a rule every five rows,
	// say). Wrapped cells differ in their numbers of lines.
	stacked := make([]bool, nr)
	for r, lines := range rowLines {
		if len(lines) < 3 {
			continue
		}
		perCell := map[int]map[int]bool{}
		for k := range lines {
			for _, i := range lines[k].words {
				o := g.origin[g.cellAt(ws[i].cx, ws[i].cy)]
				if perCell[o] == nil {
					perCell[o] = map[int]bool{}
				}
				perCell[o][k] = true
			}
		}
		full := 0
		for _, ks := range perCell {
			if len(ks) == len(lines) {
				full++
			}
		}
		stacked[r] = full >= 3 && 5*full >= 4*len(perCell)
	}
	var ivs []interval
	if len(pool) >= minUnruledLines {
		ivs = columnIntervals(ws, pool)
	}
	// A column gap is as wide as a chunk gap: the gaps of a paragraph
	// justified in its cell part its lines at different places, and the
	// band none of its words cross is narrower.
	var hs0 []float64
	for _, l := range pool {
		hs0 = append(hs0, l.h)
	}
	minGap := chunkGapH * median(hs0)
	x0, x1 := g.xs[0], g.xs[len(g.xs)-1]
	justified := make([]bool, len(ivs))
	for k := 1; k < len(ivs); k++ {
		justified[k] = justifiedGaps(ws, pool, ivs[k-1].hi, ivs[k])
	}
	// The lines that split where a column would part them, not only in
	// justified text.
	splitLines := make([]int, nr)
	for r, lines := range rowLines {
		if inPool[r] == 0 {
			continue
		}
		for k := range lines {
			if splitsUnruled(ws, &lines[k], ivs, justified, func(a, b float64) bool { return ruled(r, a, b) }) {
				splitLines[r]++
			}
		}
	}
	for r := range nr {
		cut := false
		if splitLines[r] > 0 && len(ivs) > 0 {
			for k := 1; k < len(ivs); k++ {
				a, b := freeBand(ws, pool, ivs[k-1].hi, ivs[k].lo)
				if b-a >= minGap && !ruled(r, a, b) && !justified[k] {
					vs = append(vs, rule{at: (a + b) / 2, lo: g.ys[r], hi: g.ys[r+1], virtual: true})
					cut = true
				}
			}
		}
		if !stacked[r] && (splitLines[r] < 3 || !cut) {
			continue
		}
		lines := rowLines[r]
		tight := tightPitch(lines)
		for k := 1; k < len(lines); k++ {
			if !tight(k) {
				y := (lines[k-1].box.Y1 + lines[k].box.Y0) / 2
				hs = append(hs, rule{at: y, lo: x0, hi: x1, virtual: true})
			}
		}
	}
	return hs, vs
}

// freeBand narrows the band between two column intervals to what no
// chunk of the lines reaches into: a chunk of a line with another number
// of chunks may stand partly in it. A chunk across the whole band (a
// cell over two columns) leaves it as it is.
func freeBand(ws []tword, lines []*sline, a, b float64) (float64, float64) {
	a0, b0 := a, b
	for _, l := range lines {
		for q := range l.chunks {
			x0, x1 := l.chunkBox(ws, q)
			switch {
			case x1 <= a || x0 >= b || (x0 <= a0 && x1 >= b0):
			case x0 <= a:
				a = x1
			case x1 >= b:
				b = x0
			case x0-a >= b-x1:
				b = x0
			default:
				a = x1
			}
		}
	}
	return a, b
}

// splitsUnruled reports a line with a gap between its chunks that no rule
// runs through and that is not the gap of justified text.
func splitsUnruled(ws []tword, l *sline, ivs []interval, justified []bool, ruled func(a, b float64) bool) bool {
	for c := 1; c < len(l.chunks); c++ {
		_, a := l.chunkBox(ws, c-1)
		b, _ := l.chunkBox(ws, c)
		if ruled(a, b) {
			continue
		}
		inJustified := false
		for k := 1; k < len(ivs); k++ {
			if justified[k] && ivs[k-1].hi >= a-0.5 && ivs[k].lo <= b+0.5 {
				inJustified = true
				break
			}
		}
		if !inJustified {
			return true
		}
	}
	return false
}

// justifiedGaps reports a gap, from a to the interval after it, that the
// lines split at only as justified text in a narrow cell does: the text
// after it ends at one place on (nearly) every line, the cell's right edge,
// and starts at different places ("Department      of" / "Accounting
// and", "Apr.      16," / "Jan.       5,"), where a column's text starts
// at one place.
func justifiedGaps(ws []tword, lines []*sline, a float64, after interval) bool {
	var starts, ends []float64 // of the text right after the gap
	for _, l := range lines {
		for c := 1; c < len(l.chunks); c++ {
			_, pe := l.chunkBox(ws, c-1)
			s, e := l.chunkBox(ws, c)
			if pe > a+0.5 || s <= a {
				continue
			}
			if s <= after.hi {
				if ch := l.chunks[c]; ch[1]-ch[0] == 1 && isPlainNumber(ws[l.words[ch[0]]].Text) {
					return false // a column of numbers set flush right ("5", "12", "123")
				}
				starts, ends = append(starts, s), append(ends, e)
			}
			break
		}
	}
	n := len(ends)
	if n < 2 {
		return false
	}
	// The most lines that end at one place, and where they start.
	best, lo, hi := 0, 0.0, 0.0
	for _, e := range ends {
		k, l, h := 0, math.Inf(1), math.Inf(-1)
		for j, o := range ends {
			if abs(o-e) <= 0.5 {
				k++
				l, h = min(l, starts[j]), max(h, starts[j])
			}
		}
		if k > best {
			best, lo, hi = k, l, h
		}
	}
	return best >= 2 && 4*best >= 3*n && hi-lo > 1.5
}

// isPlainNumber reports whether s is a number alone: a count or an
// amount, not a day of a date with its comma after it ("16,"). It is the
// expression ^[0-9]+(?:[,.][0-9]+)*$ (held to it in the tests), scanned:
// runs of ASCII digits, each after the first set apart by one comma or
// full stop.
func isPlainNumber(s string) bool {
	digits := false // the run since the last separator holds a digit
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits = true
		case (c == ',' || c == '.') && digits:
			digits = false
		default:
			return false
		}
	}
	return digits
}

// gridTable builds the table of one component of rules, of the words
// mine gives it where its region overlaps another grid's.
func gridTable(p *PageLayout, hs, vs []rule, s *wordSet, mine func(w *tword) bool) (pageTable, bool) {
	g, ok := buildGrid(hs, vs)
	if !ok {
		return pageTable{}, false
	}
	region := g.region()
	var idx []int
	for i := range s.ws {
		w := &s.ws[i]
		if !s.used[i] && w.cx >= region.X0 && w.cx <= region.X1 && w.cy >= region.Y0 && w.cy <= region.Y1 && mine(w) {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return pageTable{}, false
	}
	if vh, vv := unruledRules(&g, s.ws, idx); len(vh)+len(vv) > 0 {
		if g2, ok := buildGrid(append(slices.Clone(hs), vh...), append(slices.Clone(vs), vv...)); ok {
			g = g2
		}
	}
	nc, nr := g.nc(), g.nr()
	xs, ys := g.xs, g.ys

	// Words that run over a drawn cell border are cut there.
	for _, i := range idx {
		w := s.ws[i]
		r := g.cellAt(w.cx, w.cy) / nc
		var cuts []float64
		for c := 1; c < nc; c++ {
			if xs[c] > w.Box.X0+1 && xs[c] < w.Box.X1-1 && g.origin[r*nc+c-1] != g.origin[r*nc+c] && drawn(g.vb[c], w.cy) {
				cuts = append(cuts, xs[c])
			}
		}
		if len(cuts) > 0 {
			idx = append(idx, s.split(p, i, cuts)...)
		}
	}
	ws := s.ws

	// Words to cells by their centre.
	cellWords := wordsByCell(idx, nr*nc, func(i int) int { return g.origin[g.cellAt(ws[i].cx, ws[i].cy)] })
	for _, i := range idx {
		s.used[i] = true
	}

	t := pageTable{region: region, cols: xs}
	t.table = parser.Table{Page: p.Number, Method: "lattice"}
	var lbuf lineBuf // the cells' visual lines, cell after cell
	rights := make([]float64, nc)
	t.table.TextRights = rights
	for r := range nr {
		row := parser.Row{Page: p.Number, Cells: p.rowCellArray(nc)}
		row.SetBox(parser.Box{X0: xs[0], Y0: ys[r], X1: xs[nc], Y1: ys[r+1]})
		nbold, nwords := 0, 0
		empty := true
		for c := range nc {
			i := r*nc + c
			if o := g.origin[i]; o != i {
				covered := parser.Cell{Covered: true}
				covered.SetBox(parser.Box{X0: xs[c], Y0: ys[r], X1: xs[c+1], Y1: ys[r+1]})
				row.Cells = append(row.Cells, covered)
				empty = false
				continue
			}
			s := g.span[i]
			cell := parser.Cell{ColSpan: int16(min(s.c1-s.c0+1, parser.MaxColSpan)), RowSpan: int32(s.r1 - s.r0 + 1)}
			var lines []string
			var spans []parser.LineSpan
			cell.Text, lines, spans = cellTextSpans(ws, cellWords[i], &lbuf, true)
			cell.SetLinesSpansBox(lines, spans, parser.Box{X0: xs[s.c0], Y0: ys[s.r0], X1: xs[s.c1+1], Y1: ys[s.r1+1]})
			if s.c0 == s.c1 {
				rights[c] = furthestRight(rights[c], spans)
			}
			if cell.Text != "" || cell.RowSpan > 1 {
				empty = false
			}
			for _, wi := range cellWords[i] {
				nwords++
				if ws[wi].Style.Bold {
					nbold++
				}
			}
			row.Cells = append(row.Cells, cell)
		}
		if empty {
			continue // a blank grid row (a double ruling, a spacer)
		}
		t.table.Rows = append(t.table.Rows, row)
		t.bold = append(t.bold, nwords > 0 && nbold == nwords)
	}
	if len(t.table.Rows) == 0 {
		return pageTable{}, false
	}
	return t, true
}

// wordsByCell returns the words idx of each of n cells, cellOf giving a
// word's, in the order idx gives them: each cell's a capped run of one
// array (an append to one cannot write into the next), made once for all
// the words, not an array of each cell's grown word by word.
func wordsByCell(idx []int, n int, cellOf func(i int) int) [][]int {
	at := make([]int, len(idx))
	end := make([]int, n+1) // counts, then each cell's start in flat
	for k, i := range idx {
		at[k] = cellOf(i)
		end[at[k]+1]++
	}
	for c := 1; c <= n; c++ {
		end[c] += end[c-1]
	}
	flat := make([]int, len(idx))
	cells := make([][]int, n)
	for c := range cells {
		cells[c] = flat[end[c]:end[c]:end[c+1]]
	}
	for k, i := range idx {
		cells[at[k]] = append(cells[at[k]], i)
	}
	return cells
}

// searchCell returns the index i with bounds[i] ≤ x < bounds[i+1].
func searchCell(bounds []float64, x float64) int {
	i, _ := slices.BinarySearch(bounds, x)
	return i - 1
}
