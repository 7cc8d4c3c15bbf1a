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
// first record has none and the labels' places fit the groups they centre;
// and the labels set at their groups' feet, on any page (footColumn).
func (tr *tableReader) centeredGroups() {
	t := tr.t
	if t.Method != "stream" || tr.body >= len(t.Rows) {
		return
	}
	// (where a table read before set its labels at the head of their
	// groups, this one's do too: the rows over its first label go on
	// with a group above, from the page before)
	centred := !tr.c.tables.labelsHead
	placed := true // (on one page, every row with its box)
	for _, r := range t.Rows[tr.body:] {
		placed = placed && r.Page == t.Rows[tr.body].Page && r.Box() != (parser.Box{})
	}
	for j, f := range tr.cols {
		if f != fRegion && f != fCountry {
			continue
		}
		if rows, ok := tr.centredColumn(j); centred && placed && ok {
			tr.t = &parser.Table{Page: t.Page, Index: t.Index, Method: t.Method, Rows: rows}
			t = tr.t
		} else if rows, ok := tr.footColumn(j); ok {
			tr.t = &parser.Table{Page: t.Page, Index: t.Index, Method: t.Method, Rows: rows}
			t = tr.t
		} else if tr.labelsHeadGroups(j) {
			tr.c.tables.labelsHead = true
		}
	}
}

// footColumn returns the rows with the labels of column j moved up to
// their groups' first rows, and whether they stood at their groups' feet:
// a grouping cell merged over its group's rows and set at the bottom of
// them (as a table that sets its cells at the bottom of their rows sets
// it) names the rows from the label before it down to its own ("" |
// "西北大学" … "中国 China" | "浙江大学" | … "イスラエル Israel" | "テルアビブ
// 大学"). The table sets its cells at the bottom (atBottom), its first
// record has no label, its last one has, and every label stands beside a
// record. A cell broken by a page stands in
// its first part, over rows after it on that page: the rows at the next
// page's head, before its first label, go on with that group. The rows
// a label names say so (fill_down).
func (tr *tableReader) footColumn(j int) ([]parser.Row, bool) {
	if !tr.atBottom {
		return nil, false
	}
	rows := tr.t.Rows
	var records []int // the rows with a partner's cell
	for i := tr.body; i < len(rows); i++ {
		r := rows[i]
		if r.Header || rowBlank(r) || j >= len(r.Cells) {
			continue
		}
		if r.Cells[j].Covered || r.Cells[j].RowSpan > 1 {
			return nil, false // merged cells the extractor saw: each stands over its rows
		}
		label := clean(r.Cells[j].Text) != ""
		if !tr.hasPartnerCell(i) {
			if label {
				return nil, false // a group's row of its own: the groups head their rows
			}
			continue
		}
		records = append(records, i)
	}
	labelled := func(k int) bool { return clean(rows[records[k]].Cells[j].Text) != "" }
	if len(records) < 2 || labelled(0) || !labelled(len(records)-1) {
		return nil, false
	}
	out := slices.Clone(rows)
	first := 0      // the first record of the group the next label names
	goesOn := false // the page before ended with rows after its last label
	for k, i := range records {
		if k > 0 && rows[i].Page != rows[records[k-1]].Page {
			goesOn = !labelled(k - 1)
			first = k
		}
		if !labelled(k) {
			continue
		}
		if goesOn {
			goesOn, first = false, k // (the rows over it go on with the group above)
		}
		if f := records[first]; f != i {
			out[f].Cells = slices.Clone(out[f].Cells)
			out[i].Cells = slices.Clone(out[i].Cells)
			from, to := &out[i].Cells[j], &out[f].Cells[j]
			to.Text = from.Text
			to.SetLines(slices.Clone(from.Lines()))
			from.Text = ""
			from.SetLines(nil)
			if tr.filledUp == nil {
				tr.filledUp = map[int]bool{}
			}
			tr.filledUp[out[f].Row] = true
		}
		first = k + 1
	}
	return out, true
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

// labelsHeadGroups reports a grouping column j whose labels head their
// groups: the table's first record has one, and a label stands over two
// records or more with none (a group of three rows at least, set as a
// reader assumes, its label on its first row).
func (tr *tableReader) labelsHeadGroups(j int) bool {
	rows := tr.t.Rows
	first, run, long := true, -1, false
	for i := tr.body; i < len(rows); i++ {
		r := rows[i]
		if r.Header || rowBlank(r) || j >= len(r.Cells) || !tr.hasPartnerCell(i) {
			continue
		}
		labelled := !r.Cells[j].Covered && clean(r.Cells[j].Text) != ""
		if first && !labelled {
			return false
		}
		first = false
		switch {
		case labelled:
			run = 0
		case run >= 0:
			run++
			long = long || run >= 2
		}
	}
	return long
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
