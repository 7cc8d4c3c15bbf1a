package normalize

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/internal/lazyre"
	"github.com/agreements/agreements/parser"
)

// Unruled tables whose narrow columns wrap. A table found by its text's
// alignment alone (a stream table) has a row for each line of the page
// wherever the lines are spaced alike, so a record whose cells wrap stands
// on several rows: the first with its date (or the first part of it), the
// others with the rest of its cells and no date of their own ("Foreign |
// GS | 14 January" / "Trade | Economics | 2010" / "University, | and |" /
// "Faculty of International Economics | Management |"). Such rows are
// joined into the row they go on before the table is read, when the table
// shows that its rows wrap: most of the rows without a date of their own
// carry on a cell above as only a wrapped line does.

// leadConnectorRe matches the start of a text that goes on a line above:
// a word that joins ("of Technology", "and Management").
var leadConnectorRe = lazyre.New(`^(?:of|and|for|the|in|at|de|du|des|der|für|und|di|da|y|e|&)\b`)

// joinWrappedRows merges the rows of a stream table that carry on the row
// above into it (see above). Tables with rules or markup have their rows
// already. Without a date column, the kind's, level's or home unit's
// column tells a record's first row (anchorColumn); a table with none of
// them is left as it is.
func (tr *tableReader) joinWrappedRows() {
	t := tr.t
	if t.Method != "stream" {
		return
	}
	date := tr.anchorColumn()
	if date < 0 {
		return
	}
	goesOn := make([]bool, len(t.Rows))
	cands, cues := 0, 0
	var acc []string   // the cells of the record being read, its rows so far joined
	var covered []bool // the cells its first row's spans cover
	for i := tr.body; i < len(t.Rows); i++ {
		r := t.Rows[i]
		if r.Header || rowBlank(r) || tr.repeatedHeader(&r) || tr.asOfRow(r) {
			continue // a page's head inside the table: the record goes on after it
		}
		if tr.groupLike(i) {
			acc = nil
			continue
		}
		texts := make([]string, len(r.Cells))
		for j, cell := range r.Cells {
			texts[j] = cellText(cell)
		}
		if acc != nil && len(acc) == len(texts) && plainRow(r) && !fillsCovered(texts, covered) && tr.rowGoesOn(acc, texts, date) {
			goesOn[i] = true
			cands++
			if tr.wrapCue(acc, texts, date) {
				cues++
			}
			for j := range acc {
				acc[j] = joinWrapped([]string{acc[j], texts[j]})
			}
			continue
		}
		acc, covered = texts, coveredCells(r)
		if r.Cells[date].Covered {
			acc = nil // (a record's first row has its own date cell)
		}
	}
	if cands == 0 || 2*cues < cands {
		return
	}
	rows := make([]parser.Row, 0, len(t.Rows)-cands)
	last := -1 // the row in rows the next row that goes on joins
	for i, r := range t.Rows {
		if !goesOn[i] {
			r.Cells = append([]parser.Cell(nil), r.Cells...)
			rows = append(rows, r)
			if i >= tr.body && !r.Header && !rowBlank(r) && !tr.repeatedHeader(&r) && !tr.asOfRow(r) {
				last = len(rows) - 1
			}
			continue
		}
		above := &rows[last]
		if tr.wrapJoined == nil {
			tr.wrapJoined = map[int]bool{}
		}
		tr.wrapJoined[above.Row] = true
		above.SetBox(union(above.Box(), r.Box()))
		for j, cell := range r.Cells {
			a := &above.Cells[j]
			a.SetBox(union(a.Box(), cell.Box()))
			text := cellText(cell)
			if text == "" {
				continue
			}
			joined := joinWrapped([]string{cellText(*a), text})
			var lines []string // (made before the text changes: a cell of one line gives its text)
			switch {
			case j == date:
				// One date in two pieces ("14 January" / "2010"): one line.
				lines = []string{joined}
			case a.LineCount() == 0 && a.Text != "":
				lines = append([]string{a.Text}, linesOf(&cell)...)
			default:
				lines = append(append([]string(nil), a.Lines()...), linesOf(&cell)...)
			}
			a.Text = joined
			a.SetLines(lines)
		}
	}
	tr.t = &parser.Table{Page: t.Page, Index: t.Index, Method: t.Method, Rows: rows}
}

// anchorColumn returns the column whose cell only a record's first row
// fills: the date's, else the term's, the kind's, the level's or the home
// unit's (a list without dates), among the columns that hold text; -1 for
// none. It is found once a table, as every pair of rows asks it
// (leadsRow): the rows' joins keep what a column holds.
func (tr *tableReader) anchorColumn() int {
	if tr.anchorFound {
		return tr.anchor
	}
	tr.anchor = -1
	for _, want := range []field{fSigned, fValid, fValidEnd, fType, fLevel, fHomeUnit} {
		for j, f := range tr.cols {
			if f == want && tr.columnHolds(j) {
				tr.anchor = j
				break
			}
		}
		if tr.anchor >= 0 {
			break
		}
	}
	tr.anchorFound = tr.cols != nil
	return tr.anchor
}

// columnHolds reports a column that holds text in a body row: a column
// empty in every row (a header's word the extractor set apart over none
// of the cells, "有効期限 Until" | "Valid") tells no record's first row.
func (tr *tableReader) columnHolds(j int) bool {
	for _, r := range tr.t.Rows[min(tr.body, len(tr.t.Rows)):] {
		if j < len(r.Cells) && !r.Cells[j].Covered && clean(cellText(r.Cells[j])) != "" {
			return true
		}
	}
	return false
}

// rowGoesOn reports whether a row with the cells texts can carry on the
// record whose cells (its rows so far joined) are acc: no date of its own,
// or the rest of a date the record's cell leaves unfinished; no region or
// country of its own, or the rest of one the record's cell leaves
// unfinished ("アラブ首長国" / "連邦", "International" / "Organization",
// "Guinea" / "Bissau"), or its name in the other language ("アルゼンチン" /
// "Argentina").
func (tr *tableReader) rowGoesOn(acc, texts []string, date int) bool {
	if d := texts[date]; d != "" {
		if tr.cols[date] == fSigned && !tr.dateCompleted(acc[date], d) {
			return false
		}
		if tr.cols[date] != fSigned && !(endsWithConnector(acc[date]) || hyphenBreak(acc[date]) || tr.dateCompleted(acc[date], d)) {
			return false // a kind, term or unit of its own, not the rest of one ("School-to-" / "school")
		}
	}
	for j, f := range tr.cols {
		if j >= len(texts) || texts[j] == "" || (f != fRegion && f != fCountry) {
			continue
		}
		if acc[j] == "" {
			return false
		}
		if tr.namesGroup(texts[j]) || tr.namesGroup(acc[j]) {
			// A group's name in the other language on the next line
			// ("アルゼンチン" / "Argentina", "オセアニア" / "Oceania") goes
			// on; another group's not.
			joined := joinWrapped([]string{acc[j], texts[j]})
			// So does the rest of a longer name, which names no group by
			// itself ("International" / "Organization", "Guinea" /
			// "Bissau").
			rest := !tr.namesGroup(texts[j])
			if f == fRegion {
				a, okA := tr.c.readRegion(acc[j], false)
				b, okB := tr.c.readRegion(joined, false)
				if !okB || okA && a.region != b.region && !rest {
					return false
				}
				continue
			}
			a, b := tr.c.readCountry(acc[j]), tr.c.readCountry(joined)
			if !b.known || a.known && a.country != b.country && !rest {
				return false
			}
		}
	}
	return true
}

// dateCompleted reports a date cell that does not read as a date but
// goes on in the text of the next row's cell: with it, it reads as one
// ("14 January" / "2010"), or both are pieces of a date still to be
// finished ("30" / "November" / "2017").
func (tr *tableReader) dateCompleted(above, text string) bool {
	opt := tr.c.dateOptions()
	if strings.HasSuffix(above, ",") && len(tr.c.severalDates(joinWrapped([]string{above, text}), opt)) > 1 {
		return true // "1999," / "11/17/2008": the dates of one cell, a line each
	}
	if _, err := ParseDate(above, opt); above == "" || err == nil || !dateFragment(above) {
		return false
	}
	joined := joinWrapped([]string{above, text})
	if _, err := ParseDate(joined, opt); err == nil {
		return true
	}
	return dateFragment(joined)
}

// dateFragment reports a text made only of what dates are written with:
// numbers, month names, the signs between them ("30", "14 January",
// "2019年12").
func dateFragment(s string) bool {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(".,/-年月日", r)
	})
	if len(f) == 0 || len(f) > 3 {
		return false
	}
	for _, w := range f {
		if _, err := strconv.Atoi(w); err == nil && len(w) <= 4 {
			continue
		}
		lw := strings.ToLower(w)
		if _, ok := monthNames[lw]; ok {
			continue
		}
		if _, ok := monthAbbrevs[lw]; ok {
			continue
		}
		return false
	}
	return true
}

// wrapCue reports a row that carries on a cell of the record above as only
// a wrapped line does: the cell above ends in a word or sign that joins
// ("Institute of", "University,", "School-to-"), or the row's cell starts
// with one or in lower case, or it finishes the date.
func (tr *tableReader) wrapCue(acc, texts []string, date int) bool {
	for j, text := range texts {
		above := acc[j]
		if text == "" || above == "" {
			continue
		}
		if j == date && tr.cols[j] == fSigned {
			if tr.dateCompleted(above, text) {
				return true
			}
			continue
		}
		if endsWithConnector(above) || hyphenBreak(above) || startsLower(text) || leadConnectorRe.MatchString(text) {
			return true
		}
		if cjkBreak(above, text) && (tr.cols[j] == fPartner && !tr.c.endsAsInstitution(above) && tr.c.endsAsInstitution(joinWrapped([]string{above, text})) ||
			!tr.c.endsAsInstitution(text)) {
			// "ニューサウスウェ" / "ールズ大学": a name a narrow column
			// broke; "全南大学校" / "歯学部", "東北アジア研究セン" / "ター":
			// the rest of a cell, not an institution of its own
			return true
		}
	}
	return false
}

// cjkBreak reports two lines that a line break parts inside CJK text:
// the first ends, the second starts, with a CJK character.
func cjkBreak(above, text string) bool {
	a, _ := utf8.DecodeLastRuneInString(above)
	b, _ := utf8.DecodeRuneInString(text)
	return isCJK(a) && isCJK(b)
}

// asOfRow reports a row that is only the list's "as of" date, a running
// head a page break set inside the table ("(as" | "of 2021.5.1)").
func (tr *tableReader) asOfRow(r parser.Row) bool {
	joined, ok := joinedCellsWithin(r, 40)
	if !ok {
		return false
	}
	_, ok = tr.c.parseAsOf(joined)
	return ok && !tr.c.lx.IsInstitution(joined)
}

// groupLike reports a row that names a region or a country alone: a group
// row, which no record goes on.
func (tr *tableReader) groupLike(i int) bool {
	text, ok := tr.soleText(i)
	if !ok {
		return false
	}
	text, _ = splitMarkers(text)
	return tr.namesGroup(text)
}

// namesGroup reports a text that names a region or a country by itself.
func (tr *tableReader) namesGroup(text string) bool {
	if _, ok := tr.c.readRegion(text, false); ok {
		return true
	}
	return tr.c.readCountry(text).known
}

// coveredCells reports the cells of a row that a span from the left
// covers.
func coveredCells(r parser.Row) []bool {
	out := make([]bool, len(r.Cells))
	for j, c := range r.Cells {
		out[j] = c.Covered
	}
	return out
}

// fillsCovered reports texts in a cell the record's first row covers.
func fillsCovered(texts []string, covered []bool) bool {
	for j, t := range texts {
		if t != "" && j < len(covered) && covered[j] {
			return true
		}
	}
	return false
}

// plainRow reports a row of cells of their own: no cell spans columns or
// rows, or is covered by one that does.
func plainRow(r parser.Row) bool {
	for _, c := range r.Cells {
		if c.Covered || c.ColSpan > 1 || c.RowSpan > 1 {
			return false
		}
	}
	return true
}

// linesOf is a cell's lines as laid out: its text when it has one line.
func linesOf(c *parser.Cell) []string {
	if c.LineCount() > 0 {
		return c.Lines()
	}
	if t := strings.TrimSpace(c.Text); t != "" {
		return []string{t}
	}
	return nil
}

// union is the box around two boxes; an empty box (a row without
// positions) adds nothing.
func union(a, b parser.Box) parser.Box {
	if a == (parser.Box{}) {
		return b
	}
	if b == (parser.Box{}) {
		return a
	}
	return parser.Box{X0: min(a.X0, b.X0), Y0: min(a.Y0, b.Y0), X1: max(a.X1, b.X1), Y1: max(a.Y1, b.Y1)}
}
