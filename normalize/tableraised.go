package normalize

import (
	"slices"
	"strings"

	"github.com/agreements/agreements/parser"
)

// Markers set raised (a superscript "*" before a name) stand, in a page's
// text, on a line of their own just above the name's line: inside a cell,
// a line of the cell between two of its lines; in a table without rules, a
// row of its own just above the row it marks. Either way the marker is
// the name's, as if it stood before it.

// markersOnly reports a text made of markers alone ("*", "※1").
func markersOnly(s string) bool {
	rest, ms := splitMarkers(s)
	return rest == "" && len(ms) > 0
}

// raisedMarkerLines returns a cell's lines with the lines that are markers
// alone, but the first, moved to the front: "State University" / "*" /
// "of New York" reads "* State University of New York".
func raisedMarkerLines(lines []string) []string {
	var marks, rest []string
	for k, l := range lines {
		if k > 0 && markersOnly(clean(l)) {
			marks = append(marks, l)
			continue
		}
		rest = append(rest, l)
	}
	if marks == nil || len(rest) == 0 {
		return lines
	}
	return append(marks, rest...)
}

// raisedMarkerRows moves the rows of a stream table that hold markers alone
// and stand right above the next row (less than a line apart) into that
// row's partner cell (the cell its span starts in, when the partner's is
// covered).
func (tr *tableReader) raisedMarkerRows() {
	t := tr.t
	partner := slices.Index(tr.cols, fPartner)
	if t.Method != "stream" || partner < 0 {
		return
	}
	out := make([]parser.Row, 0, len(t.Rows))
	changed := false
	suffixed := tr.markersAfterNames(partner)
	rows := slices.Clone(t.Rows)
	t = &parser.Table{Page: t.Page, Index: t.Index, Method: t.Method, Rows: rows}
	for i := 0; i < len(t.Rows); i++ {
		r := t.Rows[i]
		if i >= tr.body && i+1 < len(t.Rows) && !suffixed {
			if marks, rest, ok := trailingMarkerLine(r); ok && t.Rows[i+1].Page == r.Page && t.Rows[i+1].Box().Y0 < r.Box().Y1+r.Box().Height() {
				// "University of Toronto" / "*" over the next row's
				// "University of Victoria": the marker is the next row's.
				r = rest
				t.Rows[i] = r
				t.Rows[i+1] = withPartnerMarks(t.Rows[i+1], partner, marks)
				changed = true
			}
		}
		marks := markerRowText(r)
		if i < tr.body || marks == "" || i+1 >= len(t.Rows) {
			out = append(out, r)
			continue
		}
		next := t.Rows[i+1]
		if next.Page != r.Page || r.Box() == (parser.Box{}) || next.Box().Y0-r.Box().Y0 > r.Box().Height()+next.Box().Height()/2 || partner >= len(next.Cells) {
			out = append(out, r)
			continue
		}
		t.Rows[i+1] = withPartnerMarks(next, partner, marks)
		changed = true
	}
	if changed {
		tr.t = &parser.Table{Page: t.Page, Index: t.Index, Method: t.Method, Rows: out}
	}
}

// markersAfterNames reports a table whose partner cells carry their
// markers after the names ("Hanyang University *") more often than before
// them: a marker alone on a cell's last line is then the name's, wrapped
// ("… Hanyang University" / "*"), not one raised above the next row's.
func (tr *tableReader) markersAfterNames(partner int) bool {
	before, after := 0, 0
	for i := tr.body; i < len(tr.t.Rows); i++ {
		r := &tr.t.Rows[i]
		if r.Header || partner >= len(r.Cells) || r.Cells[partner].Covered {
			continue
		}
		c := &r.Cells[partner]
		if n := c.LineCount(); n >= 2 && markersOnly(clean(c.Lines()[n-1])) {
			continue // (a marker on a line of its own says nothing of the side)
		}
		fields := strings.Fields(c.Text)
		if len(fields) < 2 {
			continue
		}
		if markersOnly(fields[0]) {
			before++
		}
		if last := fields[len(fields)-1]; markersOnly(last) && !markersOnly(fields[len(fields)-2]) {
			after++
		}
	}
	return after > before
}

// withPartnerMarks returns the row with marks before its partner cell's
// text (the cell the partner's span starts in, when it is covered).
func withPartnerMarks(r parser.Row, partner int, marks string) parser.Row {
	j := partner
	for j > 0 && r.Cells[j].Covered {
		j--
	}
	r.Cells = slices.Clone(r.Cells)
	c := &r.Cells[j]
	lines := append([]string{marks}, c.Lines()...) // (before the text changes: a cell of one line gives its text)
	c.Text = strings.TrimSpace(marks + " " + c.Text)
	c.SetLines(lines)
	return r
}

// trailingMarkerLine returns the markers of the last line of a row's cells
// when that line is markers alone under the cell's text (a marker raised
// above the next row's line, taken into this row), and the row without
// them.
func trailingMarkerLine(r parser.Row) (string, parser.Row, bool) {
	var marks []string
	for j := range r.Cells {
		c := &r.Cells[j]
		n := c.LineCount()
		if c.Covered || n < 2 {
			continue
		}
		lines := c.Lines()
		if !markersOnly(clean(lines[n-1])) {
			continue
		}
		marks = append(marks, clean(lines[n-1]))
		if len(marks) == 1 {
			r.Cells = slices.Clone(r.Cells)
		}
		r.Cells[j].Text = strings.Join(lines[:n-1], " ")
		r.Cells[j].SetLines(lines[:n-1])
	}
	return strings.Join(marks, " "), r, len(marks) > 0
}

// markerRowText returns the markers of a row that holds markers alone, ""
// for any other row.
func markerRowText(r parser.Row) string {
	var marks []string
	for _, c := range r.Cells {
		t := clean(c.Text)
		if c.Covered || t == "" {
			continue
		}
		if !markersOnly(t) {
			return ""
		}
		marks = append(marks, t)
	}
	return strings.Join(marks, " ")
}
