package pdf

import (
	"math"
	"slices"

	"github.com/agreements/agreements/parser"
)

// tableArea is a part of a page that a table covers: the text lines whose
// middle lies inside it are replaced by the table.
type tableArea struct {
	Page int // 1-based
	Box  parser.Box
}

// tableRegion is one logical table (possibly continued over several pages)
// with the page areas it covers.
type tableRegion struct {
	Table parser.Table
	Areas []tableArea
}

// Stitching limits: a table continues on the next page when it ends in the
// lower part of its page, the next page's first table starts in the upper
// part, and few lines of text stand between them and the page edges.
const (
	stitchLinesBelow = 3    // text lines allowed below the table's end
	stitchLinesAbove = 8    // text lines allowed above the continuation
	stitchColTol     = 0.03 // column boundaries may move by this share of the page width
)

// findTables finds the tables on the pages: per page ruled and
// whitespace-aligned tables, then tables that continue over a page break
// stitched into one, with a header row repeated on the later page dropped.
func findTables(pages []PageLayout) []tableRegion { return findTablesAmid(pages, nil) }

// findTablesAmid is findTables on pages whose furniture (running heads and
// footers, page numbers: findFurniture) is known: no table's row.
func findTablesAmid(pages []PageLayout, furniture map[lineRef]bool) []tableRegion {
	per := make([][]pageTable, len(pages))
	for i := range pages {
		if pages[i].tablesFound {
			per[i] = pages[i].tables
		} else {
			per[i] = pageTables(&pages[i])
		}
	}
	return stitch(pages, per, furniture)
}

// keepTables finds a page's tables as soon as the page is read and drops
// what only table detection needs (glyphs, flat words, rulings) and the
// lines the tables replace: a document's glyphs are never all in memory
// at once, and what stays of a page is about the size of its text. words
// is the array of table words the worker's pages are found in.
func keepTables(p *PageLayout, words *twordBuf) {
	p.tables, p.tablesFound = words.pageTables(p), true
	dropGlyphs(p)
	p.hrules, p.hrulesKept = horizontalSegments(p.Segments), true
	p.Segments = nil // only table detection reads the rulings (and markRuled the horizontal ones)
	dropCoveredLines(p)
}

// dropCoveredLines drops the lines that the page's tables will replace
// (placeTables drops the lines whose middle lies in a table's area, and
// each page table is one such area), except those in the margin bands,
// which furniture detection counts across pages.
func dropCoveredLines(p *PageLayout) {
	if len(p.tables) == 0 {
		return
	}
	covered := func(l *TextLine) bool {
		if inMargin(p, l.Box, marginBand+0.02) {
			return false
		}
		mx, my := (l.Box.X0+l.Box.X1)/2, (l.Box.Y0+l.Box.Y1)/2
		for i := range p.tables {
			a := p.tables[i].region
			if mx >= a.X0 && mx <= a.X1 && my >= a.Y0 && my <= a.Y1 {
				return true
			}
		}
		return false
	}
	keep := make([]bool, len(p.Lines))
	n := 0
	for i := range p.Lines {
		if keep[i] = !covered(&p.Lines[i]); keep[i] {
			n++
		}
	}
	if n == len(p.Lines) {
		return
	}
	kept := make([]TextLine, 0, n) // a new array: the old one is freed
	for i := range p.Lines {
		if keep[i] {
			kept = append(kept, p.Lines[i])
		}
	}
	p.Lines = kept
}

// dropGlyphs drops a page's glyphs and flat words; its lines stay.
func dropGlyphs(p *PageLayout) {
	p.Glyphs, p.Words = nil, nil
}

func stitch(pages []PageLayout, per [][]pageTable, furniture map[lineRef]bool) []tableRegion {
	var out []tableRegion
	open := -1       // index in out of the table that may continue
	var ot openTable // what its part on its page tells of its columns and rows
	openFirst := 0   // rows of out[open] that belong to its first page
	// goOn adds to the open table the rows under its part on the page
	// before page i, as the table goes on on page i.
	goOn := func(i int) {
		if rows, area := footRows(&pages[i-1], &ot, furnitureOf(furniture, i-1)); len(rows) > 0 {
			r := &out[open]
			r.Table.Rows = append(r.Table.Rows, rows...)
			r.Areas = append(r.Areas, tableArea{Page: pages[i-1].Number, Box: area})
		}
	}
	for i := range pages {
		p := &pages[i]
		// within maps the columns of a stream table with fewer columns
		// than the open one to the open table's (columnsWithin).
		within := func(pt *pageTable) []int {
			if ot.method != "stream" || pt.table.Method != "stream" {
				return nil
			}
			return columnsWithin(ot.starts, pt.starts, pt.table.TextRights, pt.table.Rows, max(stitchColTol*p.Width/3, 3))
		}
		continues := func(pt *pageTable) bool {
			return open >= 0 && i > 0 && pages[i-1].Number+1 == p.Number &&
				ot.method == pt.table.Method && (sameColumns(ot.cols, pt.cols, p.Width) || sameStarts(ot.starts, pt.starts, p.Width) || within(pt) != nil) &&
				linesOutside(p, pt.region, true) <= stitchLinesAbove && !headingRightAbove(p, pt.region)
		}
		if open >= 0 && i > 0 && pages[i-1].Number+1 == p.Number && (len(per[i]) == 0 || !continues(&per[i][0])) {
			limit := math.Inf(1)
			if len(per[i]) > 0 {
				limit = per[i][0].region.Y0
			}
			if rows, area := tailRows(p, &ot, limit, furnitureOf(furniture, i)); len(rows) > 0 {
				goOn(i)
				r := &out[open]
				if n := repeatedRows(r.Table.Rows[:openFirst], rows); n > 0 {
					for j := range n {
						r.Table.Rows[j].Header = true
					}
					rows = rows[n:] // a header said again, as for a table found there
				}
				r.Table.Rows = append(r.Table.Rows, rows...)
				r.Areas = append(r.Areas, tableArea{Page: p.Number, Box: area})
			}
			open = -1
		}
		for k := range per[i] {
			pt := &per[i][k]
			last := k == len(per[i])-1
			cont := k == 0 && continues(pt)
			var mapped []int // the open table's column of each of pt's, when pt has fewer
			if cont && !sameColumns(ot.cols, pt.cols, p.Width) && !sameStarts(ot.starts, pt.starts, p.Width) {
				mapped = within(pt)
			}
			if cont {
				goOn(i)
				r := &out[open]
				rows := pt.table.Rows
				rights := pt.table.TextRights
				if mapped != nil {
					rows, rights = spreadColumns(rows, rights, mapped, ot.cols)
				}
				if n := repeatedRows(r.Table.Rows[:openFirst], rows); n > 0 {
					for j := range n {
						r.Table.Rows[j].Header = true
					}
					rows = rows[n:]
				}
				r.Table.Rows = append(r.Table.Rows, rows...)
				switch v := pt.table.VAlign; {
				case r.Table.VAlign == "":
					r.Table.VAlign = v // (a page's rows may not tell)
				case v != "" && v != r.Table.VAlign:
					r.Table.VAlign = "" // two pages that disagree tell nothing
				}
				r.Table.TextRights = furthestRights(r.Table.TextRights, rights)
				r.Areas = append(r.Areas, tableArea{Page: p.Number, Box: pt.region})
			} else {
				out = append(out, tableRegion{Table: pt.table, Areas: []tableArea{{Page: p.Number, Box: pt.region}}})
				openFirst = len(pt.table.Rows)
			}
			open = -1
			if last && linesOutside(p, pt.region, false) <= stitchLinesBelow && !headingBelow(p, pt.region) {
				open = len(out) - 1
				next := openTableOf(pt)
				if mapped != nil {
					next.cols, next.starts = ot.cols, ot.starts // (the table's columns, those this page left empty too)
				}
				ot = next
			}
		}
		if len(per[i]) == 0 {
			open = -1
		}
	}
	perPage := map[int]int{}
	for i := range out {
		t := &out[i].Table
		t.Index = perPage[t.Page]
		perPage[t.Page]++
	}
	return out
}

// furnitureOf reports the furniture lines of the page at index i of the
// pages, by index.
func furnitureOf(furniture map[lineRef]bool, i int) func(j int) bool {
	return func(j int) bool {
		_, ok := furniture[lineRef{i, j}]
		return ok
	}
}

// columnsWithin maps the columns of a stream table that has fewer columns
// than the open table before it (open: where the open table's columns'
// text starts) to the open table's: each column's text (from where it
// starts, starts, to where it ends, rights) in one of the open table's
// columns, from where its text starts, to tol, to short of where the
// next one's starts, a column each, in order. A page whose rows leave a
// column empty (no tuition waiver's mark on that page) has no column
// there. nil when they do not map so, or when a cell of rows spans
// columns.
func columnsWithin(open, starts, rights []float64, rows []parser.Row, tol float64) []int {
	n := len(open)
	if len(starts) < 2 || len(starts) >= n || len(rights) != len(starts) {
		return nil
	}
	for _, r := range rows {
		if len(r.Cells) != len(starts) {
			return nil
		}
		for _, c := range r.Cells {
			if c.ColSpan > 1 {
				return nil
			}
		}
	}
	out := make([]int, len(starts))
	k := 0
	for j := range starts {
		in := func(k int) bool {
			return starts[j] >= open[k]-tol && (k+1 == n || rights[j] < open[k+1])
		}
		for k < n && !in(k) {
			k++
		}
		if k == n || k+1 < n && starts[j] >= open[k+1]-tol {
			return nil
		}
		out[j] = k
		k++
	}
	return out
}

// spreadColumns returns the rows with their cells set in the open
// table's columns (mapped: the column of each of theirs; cols: its
// boundaries), an empty cell in each column they leave out, and where
// each column's text ends, in the same columns.
func spreadColumns(rows []parser.Row, rights []float64, mapped []int, cols []float64) ([]parser.Row, []float64) {
	n := len(cols) - 1
	out := make([]parser.Row, len(rows))
	for i, r := range rows {
		cells := make([]parser.Cell, n)
		b := r.Box()
		for k := range cells {
			cells[k] = parser.Cell{ColSpan: 1, RowSpan: 1}
			cells[k].SetBox(parser.Box{X0: cols[k], Y0: b.Y0, X1: cols[k+1], Y1: b.Y1})
		}
		for j, c := range r.Cells {
			cells[mapped[j]] = c
		}
		r.Cells = cells
		out[i] = r
	}
	spread := make([]float64, n)
	for j, x := range rights {
		spread[mapped[j]] = x
	}
	return out, spread
}

// sameColumns reports whether two tables have the same column structure.
func sameColumns(a, b []float64, width float64) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	tol := max(stitchColTol*width, 3)
	for i := range a {
		if abs(a[i]-b[i]) > tol {
			return false
		}
	}
	return true
}

// sameStarts reports whether two stream tables' columns start at the same
// places: the boundaries between their columns move from page to page
// with the length of the texts in them, the columns' left edges do not.
func sameStarts(a, b []float64, width float64) bool {
	if len(a) < 2 || len(a) != len(b) {
		return false
	}
	tol := max(stitchColTol*width/3, 3)
	for i := 1; i < len(a); i++ {
		if abs(a[i]-b[i]) > tol {
			return false
		}
	}
	return true
}

// headingBelow reports whether a bold line stands under a region on its
// page (out of the bottom margin band, or right under a table that
// reaches into the band, out of its outer half, as headingRightAbove
// reads the top): a group's heading, whose own table starts on the next
// page, and the region's table does not go on there.
func headingBelow(p *PageLayout, region parser.Box) bool {
	for _, l := range p.Lines {
		// (below the table: the line's top, or, a font's tall line box
		// reaching up over the table's last row, its middle)
		if !(l.Box.Y0 >= region.Y1 || (l.Box.Y0+l.Box.Y1)/2 >= region.Y1) || !l.Style.Bold {
			continue
		}
		if !inMargin(p, l.Box, marginBand) {
			return true
		}
		h := l.Box.Y1 - l.Box.Y0
		if l.Box.Y0-region.Y1 < 1.5*h && !inMargin(p, l.Box, marginBand/2) && l.Box.X0 < region.X1 && l.Box.X1 > region.X0 {
			return true
		}
	}
	return false
}

// headingRightAbove reports a bold line standing right above a region, as
// a group's heading stands over its own table at the top of a page: the
// table before the page break does not go on there.
func headingRightAbove(p *PageLayout, region parser.Box) bool {
	for _, l := range p.Lines {
		h := l.Box.Y1 - l.Box.Y0
		if l.Style.Bold && l.Box.Y1 <= region.Y0+1 && region.Y0-l.Box.Y1 < 1.5*h && !inMargin(p, l.Box, marginBand/2) &&
			l.Box.X0 < region.X1 && l.Box.X1 > region.X0 {
			return true
		}
	}
	return false
}

// linesOutside counts the visual lines of text above (or below) a region,
// leaving out the page's top and bottom margin bands where running heads
// and page numbers live.
func linesOutside(p *PageLayout, region parser.Box, above bool) int {
	var ys []float64
	for _, l := range p.Lines {
		if inMargin(p, l.Box, marginBand) {
			continue
		}
		mid := (l.Box.Y0 + l.Box.Y1) / 2
		if (above && mid < region.Y0) || (!above && mid > region.Y1) {
			ys = append(ys, mid)
		}
	}
	slices.Sort(ys)
	n := 0
	for i, y := range ys {
		if i == 0 || y-ys[i-1] > 2 {
			n++
		}
	}
	return n
}

// repeatedRows returns how many leading rows of next repeat the leading
// rows of first (a header printed again after a page break).
func repeatedRows(first, next []parser.Row) int {
	n := 0
	for n < len(first) && n < len(next) && n < 3 && sameRowText(first[n], next[n]) {
		n++
	}
	if n == len(first) {
		return 0 // the whole first part repeats: not a header
	}
	return n
}

func sameRowText(a, b parser.Row) bool {
	if len(a.Cells) != len(b.Cells) {
		return false
	}
	any := false
	for i := range a.Cells {
		ta := singleSpaced(a.Cells[i].Text)
		tb := singleSpaced(b.Cells[i].Text)
		if ta != tb {
			return false
		}
		any = any || ta != ""
	}
	return any
}

// furthestRights are where a table's columns' text ends, column by column,
// as two pages of it tell: the furthest of each; nil when the pages' tables
// have columns that do not pair.
func furthestRights(a, b []float64) []float64 {
	if len(a) != len(b) {
		return nil
	}
	out := make([]float64, len(a))
	for i := range a {
		out[i] = max(a[i], b[i])
	}
	return out
}
