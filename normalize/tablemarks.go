package normalize

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/readcheck"
)

// Many lists tick what each partner has in columns of marks: a column a
// kind ("学術交流協定" | "学生交流覚書", "Student Exchange") or a level
// ("University-level" | "Faculty-level", "大学間" | "部局間"), "○" or "✓" in
// the rows it applies to. The mark is no text of the record's: the header
// over it is the value it gives its row.

// markColumn is what a mark in a column of marks gives its row: a level,
// or a kind of agreement (the header, as the list names it).
type markColumn struct {
	level string
	kind  string
}

// markColumns finds the columns of marks among the columns of a table
// whose body rows are body: a column whose cells hold nothing but marks
// saying yes ("○", "✓", "Yes"), marks saying no ("×", "―") and blanks,
// one yes at least, and whose header names a level or a kind of
// agreement. Its marks give their rows that level or kind (markOf; the
// column is no field's). A column of marks under another header that a
// field's words would take (a unit's "Faculty-level" as the home unit, a
// second partner column) names no field: its marks are no part of the
// text beside them, and the records say they go without it.
func (tr *tableReader) markColumns(texts []string, header, body []parser.Row) {
	lx := tr.c.lx
	for j, f := range tr.cols {
		if f == fFlag || f == fIgnore || j >= len(texts) || !tr.onlyMarks(j, body) {
			continue
		}
		h := ownHeader(header, j)
		if h == "" {
			h = joinWrapped(strings.Fields(clean(texts[j])))
		}
		var m markColumn
		if fl := tr.c.flagColumn(h); fl != "" {
			tr.cols[j], tr.flagOf[j] = fFlag, fl // ("Double Degree" under "Type of Agreement")
			continue
		}
		if lx.IsKind(h) {
			m.kind = h // (before the level: "General Agreement" is a kind here)
		} else if lv, ok := lx.Level(h); ok {
			m.level = lv
		}
		switch {
		case m != markColumn{}:
			if tr.markOf == nil {
				tr.markOf = map[int]markColumn{}
			}
			tr.markOf[j], tr.cols[j] = m, fIgnore
		case f != fNone && f != fNotes && h != "":
			tr.cols[j] = fNone
		}
	}
}

// ownHeader is the text of the header's cells over column j alone: a
// cell that spans it and the columns beside it titles a group of columns
// ("Type of Agreement" over "General Agreement" | "Student Exchange"),
// whose own headers are the cells under it. "" when the header has no
// cell of the column's own.
func ownHeader(header []parser.Row, j int) string {
	var own []string
	for _, r := range header {
		if j >= len(r.Cells) || r.Cells[j].Covered || r.Cells[j].ColSpan > 1 {
			continue // (a span's cell, from above or from the left, or one over several columns)
		}
		if t := cellText(r.Cells[j]); t != "" {
			own = append(own, t)
		}
	}
	return joinWrapped(own)
}

// onlyMarks reports a column j whose body cells hold marks and blanks
// only, one mark saying yes at least.
func (tr *tableReader) onlyMarks(j int, body []parser.Row) bool {
	lx := tr.c.lx
	yes := 0
	for _, r := range body {
		if r.Header || j >= len(r.Cells) || r.Cells[j].Covered {
			continue
		}
		for w := range strings.FieldsSeq(clean(r.Cells[j].Text)) {
			switch {
			case lx.IsAffirmative(w):
				yes++
			case !lx.IsNegative(w):
				return false
			}
		}
	}
	return yes > 0
}

// rowMarks gives rec the kinds the mark columns mark in row i (its line
// part of a cell of several lines, as the flags), and returns the level
// they mark, "" for none. A row marked in the columns of two levels holds
// two agreements in one row: its record keeps the level it has, and
// says so (marked_twice).
func (tr *tableReader) rowMarks(rec *Record, i, part int) string {
	if len(tr.markOf) == 0 {
		return ""
	}
	var kinds, levels []string
	for _, j := range slices.Sorted(maps.Keys(tr.markOf)) {
		if !tr.marked(tr.partText(i, j, part)) {
			continue
		}
		m := tr.markOf[j]
		if m.kind != "" && !slices.Contains(kinds, m.kind) {
			kinds = append(kinds, m.kind)
		}
		if m.level != "" && !slices.Contains(levels, m.level) {
			levels = append(levels, m.level)
		}
	}
	if len(kinds) > 0 {
		k := strings.Join(kinds, " / ")
		if rec.AgreementType != "" {
			k = rec.AgreementType + " / " + k
		}
		rec.AgreementType = k
		rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairMarkColumn, "agreement_type"))
	}
	switch len(levels) {
	case 0:
		return ""
	case 1:
		rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairMarkColumn, "level"))
		return levels[0]
	}
	tr.doubtOf(readcheck.KindMarkedTwice, rec, fmt.Sprintf("the row of %q is marked in the columns of %s: two agreements, read as one record", rec.Partner, strings.Join(levels, " and ")))
	return ""
}

// partText is the text of row i's cell in column j, or its line part
// when the row holds several agreements one a line and the cell has a
// line for each (part -1: the whole cell).
func (tr *tableReader) partText(i, j, part int) string {
	v := tr.cell(i, j)
	if part >= 0 && part < len(v.lines) && len(v.lines) == tr.parts {
		return v.lines[part]
	}
	return v.text
}

// marked reports a cell of a mark column that holds a mark saying yes.
func (tr *tableReader) marked(text string) bool {
	for w := range strings.FieldsSeq(clean(text)) {
		if tr.c.lx.IsAffirmative(w) {
			return true
		}
	}
	return false
}
