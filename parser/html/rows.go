package html

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A segment that lies wholly between the rows of a table (cut between
// rows at both ends) is read from its tokens when its rows are plain: rows
// of td and th cells holding text, line breaks, images and inline markup
// that nests (a, span, b, i and the like). The tree builder would give
// such rows the tree the tokens say, so the cells read the same; building
// the tree is most of the cost of reading a table. Anything else in the
// segment (a block in a cell, a row group's tag, a stray end tag) sends it
// to the tree builder, the rows read from it dropped.

// readRows reads the rows of segment b, which continues the row group of
// the table being read, from its tokens. It reports false, having read
// nothing, when the segment holds anything but plain rows.
func (w *walker) readRows(b []byte) bool {
	s := &w.tab
	g := len(s.groups) - 1
	if !w.pending || g < 0 || s.groups[g].hi != len(s.rows) {
		return false
	}
	rows, cells := len(s.rows), s.cells.n
	if !w.tokenRows(b, g) {
		s.rows = s.rows[:rows]
		s.cells.truncate(cells)
		s.groups[g].hi = rows
		w.cell.raw = w.cell.raw[:0]
		return false
	}
	return true
}

// tokenRows adds the rows of b to group g; see readRows. The tokens are
// read by a scanner: whatever it does not read sends the segment to the
// tree builder too.
func (w *walker) tokenRows(b []byte, g int) bool {
	s := &w.tab
	z := &w.scan
	*z = scanner{b: b, attrs: z.attrs[:0]}
	inRow := false
	var row htmlRow
	var cellTag atom.Atom // the open cell's, 0 when none
	var cell htmlCell
	var inline []atom.Atom // inline elements open in the cell
	endCell := func() {
		if cellTag == 0 {
			return
		}
		cell.text = w.takeCell(&w.cell)
		cellTag, inline = 0, inline[:0]
		if s.full(int(row.lo)) {
			return
		}
		if !cell.th {
			row.allTH = false
		}
		s.cells.add(cell)
	}
	endRow := func() {
		endCell()
		if !inRow {
			return
		}
		row.hi = int32(s.cells.n)
		if row.hi == row.lo {
			row.allTH = false
		}
		s.addRow(g, row)
		inRow = false
	}
	for {
		tt, ok := z.next()
		if !ok {
			return false
		}
		switch tt {
		case html.ErrorToken:
			endRow()
			return true
		case html.CommentToken:
		case html.TextToken:
			text := z.raw()
			switch {
			case cellTag != 0:
				if bytes.IndexByte(text, '&') >= 0 {
					w.cell.writeBytes([]byte(html.UnescapeString(string(text))))
				} else {
					w.cell.writeBytes(text)
				}
			case !blankText(text):
				return false // moved before the table by the tree builder
			}
		case html.StartTagToken:
			a := z.tagAtom()
			switch {
			case a == atom.Tr:
				endRow()
				inRow, row = true, htmlRow{section: s.groups[g].section, allTH: true, lo: int32(s.cells.n)}
			case a == atom.Td || a == atom.Th:
				if !inRow {
					return false
				}
				endCell()
				cellTag = a
				if cell, ok = w.scannedCellAttrs(a); !ok {
					return false
				}
			case cellTag == 0:
				return false
			case a == atom.Br:
				w.cell.lineBreak()
			case a == atom.Img:
			case plainInline(a):
				inline = append(inline, a)
			default:
				return false
			}
		case html.EndTagToken:
			a := z.tagAtom()
			switch {
			case a == atom.Tr:
				if !inRow {
					return false
				}
				endRow()
			case a == atom.Td || a == atom.Th:
				if a != cellTag {
					return false
				}
				endCell()
			case cellTag == 0:
				return false
			case a == atom.Br:
				w.cell.lineBreak() // read as <br>
			case plainInline(a) && len(inline) > 0 && inline[len(inline)-1] == a:
				inline = inline[:len(inline)-1]
			default:
				return false
			}
		}
	}
}

// scannedCellAttrs reads the spans and scope of the td or th start tag the
// scanner read, as the walk reads them from the tree (spanAttr, rowHeader:
// the first of each attribute counts). It reports false on a value it
// would have to unescape.
func (w *walker) scannedCellAttrs(a atom.Atom) (htmlCell, bool) {
	c := htmlCell{colSpan: 1, rowSpan: 1, th: a == atom.Th}
	var seenCol, seenRow, seenScope bool
	for k := 0; ; {
		key, v, next, ok := w.scan.attr(k, w.key[:0])
		if !ok {
			return c, true
		}
		k, w.key = next, key
		switch {
		case !seenCol && string(key) == "colspan":
			seenCol = true
			c.colSpan = uint8(min(spanValue(string(v), "colspan", 1), maxColSpan))
		case !seenRow && string(key) == "rowspan":
			seenRow = true
			c.rowSpan = int32(spanValue(string(v), "rowspan", 1))
		case !seenScope && string(key) == "scope":
			seenScope = true
			if sc := strings.ToLower(strings.TrimSpace(string(v))); sc == "row" || sc == "rowgroup" {
				c.th = false
			}
		default:
			continue
		}
		if bytes.IndexByte(v, '&') >= 0 {
			return c, false
		}
	}
}

// plainInline reports inline elements whose tags, nested, give the tree
// the tokens say and add nothing to a cell's text.
func plainInline(a atom.Atom) bool {
	switch a {
	case atom.A, atom.Span, atom.B, atom.I, atom.U, atom.Em, atom.Strong, atom.Small, atom.Font, atom.Sup, atom.Sub:
		return true
	}
	return false
}
