package normalize

import (
	"slices"

	"github.com/agreements/agreements/parser"
)

// groupsOutOfCells gives back the group rows of a table without rules
// that the extractor read as the last line of the first cell of the row
// above: a group's row ("ブラジル（1）", "CHINA (21)") stands at the table's
// left edge, in the first column, as close under the row above as that
// row's wrapped lines, so it reads as more of the row ("Universidad
// Nacional de" / "Tucuman" / "ブラジル（1）", "相手機関名" / "アルゼンチン（1）"
// under the header). A last line that names a country or a region with
// its count, or a country in two languages, under lines that do not, is
// made a row of its own again (a region's and a country's, one after the
// other, two rows).
func (tr *tableReader) groupsOutOfCells() {
	t := tr.t
	if t.Method != "stream" {
		return
	}
	var out []parser.Row
	changed := false
	for i, r := range t.Rows {
		if len(r.Cells) < 2 || r.Cells[0].Covered {
			if changed {
				out = append(out, r)
			}
			continue
		}
		lines := r.Cells[0].Lines()
		n := len(lines)
		k := n // the cell's own lines, before the groups' ("ASIA (24)" / "BANGLADESH (2)")
		for k > 1 && tr.countedGroup(clean(lines[k-1])) {
			k--
		}
		if k == n || tr.countedGroup(clean(lines[0])) {
			if changed {
				out = append(out, r)
			}
			continue
		}
		if !changed {
			out = append(make([]parser.Row, 0, len(t.Rows)+4), t.Rows[:i]...)
			changed = true
		}
		above := r
		above.Cells = slices.Clone(r.Cells)
		above.Cells[0].Text = joinWrapped(lines[:k])
		above.Cells[0].SetLines(lines[:k])
		out = append(out, above)
		for _, l := range lines[k:] {
			group := parser.Row{Page: r.Page, Row: r.Row, Cells: make([]parser.Cell, len(r.Cells))}
			for j := range group.Cells {
				group.Cells[j] = parser.Cell{ColSpan: 1, RowSpan: 1}
			}
			group.Cells[0].Text = clean(l)
			group.Cells[0].SetLines([]string{l})
			out = append(out, group)
		}
	}
	if changed {
		tr.t = &parser.Table{Page: t.Page, Index: t.Index, Method: t.Method, Rows: out}
	}
}

// countedGroup reports a text that names a country or a region with a
// count after it ("ブラジル（1）", "CHINA (21)", "Asia (63)"), or a country
// in two languages ("ブラジル Brazil"): a group's name, not the end of a
// partner's ("National University of" / "Singapore").
func (tr *tableReader) countedGroup(text string) bool {
	name, _, hasCount := groupText(text)
	if name == "" {
		return false
	}
	if !hasCount {
		latin, other := SplitBilingual(name)
		if latin == "" || other == "" {
			return false
		}
		a, _, _, okA := LookupCountry(latin)
		b, _, _, okB := LookupCountry(other)
		return okA && okB && a.Code != "" && a.Code == b.Code
	}
	if _, ok := tr.c.readRegion(text, false); ok {
		return true // ("アフリカ州（1）": a region with the word for one)
	}
	return tr.c.readCountry(text).known
}
