package normalize

import (
	"slices"

	"github.com/agreements/agreements/parser"
)

// A grouping cell merged over its group's rows is printed, by some
// typesetters, in the middle of the rows it spans, not on the first: in a
// table without rules, the region or country then stands on a row half way
// down its group, the rows above it with none ("" | "Kagoshima University"
// … "Japan" | "Juntendo University" … "Laos" | …). Such a label spans the
// rows from where the group before it ends to as far below its middle as
// that is above it; it is moved up to the first of them, so the rows below
// fill it down as they would from a merged cell.

// centeredGroups moves the centred labels of the grouping columns of a
// stream table on one page up to their groups' first rows, when the table's
// first record has none and the labels' places fit the groups they centre.
func (tr *tableReader) centeredGroups() {
	t := tr.t
	if t.Method != "stream" || tr.body >= len(t.Rows) {
		return
	}
	for _, r := range t.Rows[tr.body:] {
		if r.Page != t.Rows[tr.body].Page || r.Box() == (parser.Box{}) {
			return
		}
	}
	for j, f := range tr.cols {
		if f != fRegion && f != fCountry {
			continue
		}
		if rows, ok := tr.centredColumn(j); ok {
			tr.t = &parser.Table{Page: t.Page, Index: t.Index, Method: t.Method, Rows: rows}
			t = tr.t
		}
	}
}

// centredColumn returns the rows with the labels of column j moved up to
// their groups' first rows, and whether they were centred.
func (tr *tableReader) centredColumn(j int) ([]parser.Row, bool) {
	rows := tr.t.Rows
	var body, labels []int
	var heights []float64
	firstRecord, firstLabel := -1, -1
	for i := tr.body; i < len(rows); i++ {
		r := rows[i]
		if r.Header || rowBlank(r) || j >= len(r.Cells) || !plainRow(r) {
			continue
		}
		body = append(body, i)
		lines := 1
		for k := range r.Cells {
			lines = max(lines, r.Cells[k].LineCount())
		}
		if lines == 1 {
			heights = append(heights, r.Box().Height())
		}
		if clean(r.Cells[j].Text) != "" {
			if r.Cells[j].LineCount() > 1 {
				return nil, false
			}
			labels = append(labels, i)
			if firstLabel < 0 {
				firstLabel = i
			}
		} else if firstRecord < 0 && tr.hasPartnerCell(i) {
			firstRecord = i
		}
	}
	if len(labels) == 0 || firstRecord < 0 || firstRecord > firstLabel || len(heights) == 0 {
		return nil, false
	}
	slices.Sort(heights)
	lineH := heights[len(heights)/2]
	out := slices.Clone(rows)
	start := rows[body[0]].Box().Y0
	k := 0 // the next body row not yet in a group
	for _, li := range labels {
		centre := rows[li].Box().Y0 + lineH/2
		end := 2*centre - start
		first, last := -1, -1
		for ; k < len(body); k++ {
			r := rows[body[k]]
			if (r.Box().Y0+min(r.Box().Y1, r.Box().Y0+lineH))/2 > end || body[k] > li && slices.Contains(labels, body[k]) {
				break // (the middle of the row's first line below the group's end, or the next group's label)
			}
			if first < 0 {
				first = body[k]
			}
			last = body[k]
		}
		if first < 0 || li < first || li > last {
			return nil, false // the label does not stand inside the rows it would centre
		}
		if first != li {
			if clean(out[first].Cells[j].Text) != "" {
				return nil, false
			}
			out[first].Cells = slices.Clone(out[first].Cells)
			out[li].Cells = slices.Clone(out[li].Cells)
			from, to := &out[li].Cells[j], &out[first].Cells[j]
			to.Text = from.Text
			to.SetLines(from.Lines())
			from.Text = ""
			from.SetLines(nil)
		}
		start = rows[last].Box().Y1
	}
	if k < len(body) {
		return nil, false // rows below the last group's
	}
	return out, true
}

// hasPartnerCell reports a row with text in a partner's column.
func (tr *tableReader) hasPartnerCell(i int) bool {
	r := tr.t.Rows[i]
	for j, f := range tr.cols {
		if f == fPartner && j < len(r.Cells) && clean(r.Cells[j].Text) != "" {
			return true
		}
	}
	return false
}
