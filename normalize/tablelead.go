package normalize

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/readcheck"
)

// Tables that set their cells at the bottom of their rows, their header
// saying nothing of it (no header cell wraps). A spreadsheet printed as it
// is sets every cell at the foot of its row: a cell that wraps stands its
// first lines above the row's other cells, and a table read a line a row
// has those lines on rows of their own, over the row they belong to
// ("| 中華人民 | | 昭和55年5" over "アジア州 | 共和国 | 西北大学 | 月31日",
// "シンガポール大" over "学 | 大学 | 15 May 1999"). Only the cells tell:
// with the cell under it, a lead's cell reads as what its column holds
// (a date, a country, a region, an institution's name) where the cell
// under it alone does not. A table whose rows so read, more than they
// read as the wrapped ends of the rows above them, has its leads joined
// to the rows under them. Where the extractor saw the table set at the
// bottom (VAlign), one such row is enough, and only such rows are leads:
// its rows are the ones it saw.

// joinRead says how a cell's text reads joined to the piece of it on
// another row.
type joinRead int

const (
	joinNeutral joinRead = iota // both read alike, or neither reads
	joinBetter                  // only joined does it read as its column's
	joinWorse                   // alone it reads, joined it does not
)

// joinedReads says how the text alone, which the column f holds, reads
// against joined, the same text with the piece on another row. A piece
// that is a partner's whole name of its own joins no name: it reads
// better joined to none, and worse joined to another whole name.
func (tr *tableReader) joinedReads(f field, alone, piece, joined string) joinRead {
	alone, _ = splitMarkers(alone)
	joined, _ = splitMarkers(joined)
	if f != fSigned && f != fValid && f != fValidEnd && hyphenBreak(strings.TrimSpace(piece)) && !hyphenBreak(alone) {
		return joinBetter // a word broken over the lines ("Elettra-" / "Sincrotrone")
	}
	if f == fPartner {
		if p, _ := splitMarkers(piece); tr.wholeName(p) {
			if tr.wholeName(alone) {
				return joinWorse
			}
			return joinNeutral
		}
	}
	var a, j bool
	switch f {
	case fSigned, fValid, fValidEnd:
		opt := tr.c.dateOptions()
		_, errA := tr.c.parseDate(alone, opt)
		_, errJ := tr.c.parseDate(joined, opt)
		a, j = errA == nil, errJ == nil || strings.HasSuffix(strings.TrimSpace(piece), ",") && len(tr.c.severalDates(joined, opt)) > 1
		// ("1999," / "11/17/2008": the dates of one cell, a line each)
	case fCountry:
		ga, gj := tr.c.readCountry(alone), tr.c.readCountry(joined)
		if gp := tr.c.readCountry(piece); ga.known && gp.known && gj.known && ga.country.Code != "" &&
			ga.country.Code == gp.country.Code && gj.country.Code == ga.country.Code {
			return joinBetter // one name in two languages ("オランダ" / "Netherlands")
		}
		a, j = ga.known, gj.known
	case fRegion:
		ra, okA := tr.c.readRegion(alone, false)
		rj, okJ := tr.c.readRegion(joined, false)
		if rp, okP := tr.c.readRegion(piece, false); okA && okP && okJ && ra.region == rp.region && rj.region == ra.region {
			return joinBetter // ("ヨーロッパ" / "Europe")
		}
		a, j = okA, okJ
	case fPartner:
		a, j = !bareName(alone) && tr.c.lx.IsInstitution(alone), tr.c.lx.IsInstitution(joined)
	case fType, fLevel:
		// a level's word broken over the lines ("大学間協" / "定")
		_, a = tr.c.lx.IsLevelOnly(alone)
		_, j = tr.c.lx.IsLevelOnly(joined)
		if !j || a {
			return joinNeutral // (a kind of one's own words: nothing tells)
		}
	default:
		return joinNeutral
	}
	switch {
	case !a && j:
		return joinBetter
	case a && !j:
		return joinWorse
	}
	return joinNeutral
}

// leadsRow reports whether the row r can hold the first lines of the
// cells of the row n under it, in a table whose cells are set at the
// bottom: r stands right over n, on its page; every cell r fills, n fills
// too, and n fills more or, like r, no date, unless some cell of r reads
// as its column's only joined to the one under it (better counts them);
// no cell reads worse so (two whole names, one over the other, among
// them); and no other cell of r names a group.
func (tr *tableReader) leadsRow(r, n *parser.Row) (ok bool, better int) {
	if r.Header || n.Header || r.Page != n.Page || r.Box() == (parser.Box{}) || n.Box().Y0-r.Box().Y1 > 0.5*lastLineHeight(r) {
		return false, 0
	}
	if a := tr.anchorColumn(); a >= 0 && a < len(r.Cells) && !r.Cells[a].Covered && (tr.cols[a] == fSigned || tr.cols[a] == fValid || tr.cols[a] == fValidEnd) {
		// (a lead over a row of a whole date holds no whole date of its
		// own: only a date's first lines, "平成2年6月" over "5日", or the
		// first of a cell's dates, a line each, "1999,")
		if t := cellText(r.Cells[a]); t != "" && !strings.HasSuffix(t, ",") && a < len(n.Cells) {
			opt := tr.c.dateOptions()
			if _, err := tr.c.parseDate(t, opt); err == nil {
				if _, err := tr.c.parseDate(cellText(n.Cells[a]), opt); err == nil {
					return false, 0
				}
			}
		}
	}
	filled := 0
	for j := range r.Cells {
		t := cellText(r.Cells[j])
		if r.Cells[j].Covered || t == "" {
			continue
		}
		if j >= len(n.Cells) || j >= len(tr.cols) || n.Cells[j].Covered {
			return false, 0
		}
		below := cellText(n.Cells[j])
		if below == "" {
			return false, 0
		}
		switch tr.joinedReads(tr.cols[j], below, t, joinWrapped([]string{t, below})) {
		case joinBetter:
			better++
		case joinWorse:
			return false, 0
		default:
			if tr.namesGroup(t) {
				return false, 0 // a group's row ("ASIA (8)"), or a group's name of its own
			}
		}
		filled++
	}
	if filled == 0 {
		return false, 0
	}
	if better > 0 {
		return true, better // (every cell of the row may wrap)
	}
	for j := range n.Cells {
		if !n.Cells[j].Covered && cellText(n.Cells[j]) != "" && (j >= len(r.Cells) || r.Cells[j].Covered || cellText(r.Cells[j]) == "") {
			return true, 0
		}
	}
	// n fills no more, but no date either: the first lines of a row's
	// cells that wrap over three lines or more ("ストラスブール" over
	// "第一・第二・第" over "三大学 | 大学 | 23 January 1996").
	a := tr.anchorColumn()
	return a >= 0 && a < len(n.Cells) && (tr.cols[a] == fSigned || tr.cols[a] == fValid || tr.cols[a] == fValidEnd) &&
		!n.Cells[a].Covered && cellText(n.Cells[a]) == "", 0
}

// leads is leadsRow's verdict alone.
func leads(ok bool, _ int) bool { return ok }

// wholeName reports a partner's name that stands by itself: an
// institution's, not cut after a joining word, and more than the word for
// one ("Universität" over "Wien" is cut, bareName).
func (tr *tableReader) wholeName(name string) bool {
	if bareName(name) {
		return false
	}
	return tr.c.endsAsInstitution(name) || tr.c.lx.IsInstitution(name) && !endsWithConnector(name)
}

// bareName reports a name of one word, or of two characters in Japanese
// or Chinese: at most the word for an institution ("University", "大学"),
// no name of its own.
func bareName(name string) bool {
	if hasCJK(name) {
		return utf8.RuneCountInString(strings.TrimSpace(name)) <= 2
	}
	return len(strings.Fields(name)) < 2
}

// goesOnAbove counts the cells of the row r, right under the row p, that
// read as their column's only joined after p's: the wrapped ends of a
// table whose cells are set at the top ("Nanyang Technological" /
// "University", "14 January" / "2010"); -1 when some cell reads worse so.
// r must fill fewer cells than p, each one p fills.
func (tr *tableReader) goesOnAbove(p, r *parser.Row) int {
	if p.Header || r.Header || p.Page != r.Page {
		return 0
	}
	better, filled := 0, 0
	for j := range r.Cells {
		t := cellText(r.Cells[j])
		if r.Cells[j].Covered || t == "" {
			continue
		}
		if j >= len(p.Cells) || j >= len(tr.cols) || p.Cells[j].Covered {
			return 0
		}
		above := cellText(p.Cells[j])
		if above == "" {
			return 0
		}
		switch tr.joinedReads(tr.cols[j], above, t, joinWrapped([]string{above, t})) {
		case joinBetter:
			better++
		case joinWorse:
			return -1
		}
		filled++
	}
	pFilled := 0
	for j := range p.Cells {
		if !p.Cells[j].Covered && cellText(p.Cells[j]) != "" {
			pFilled++
		}
	}
	if filled == 0 || filled >= pFilled {
		return 0
	}
	return better
}

// lastLineHeight is the height of a row's last line: the row's, for a row
// of one line; else its height shared among its cells' most lines.
func lastLineHeight(r *parser.Row) float64 {
	_, most := cellLines(r)
	return r.Box().Height() / float64(max(most, 1))
}

// cellLines returns the fewest and the most lines the row's cells with
// text hold (a cell of one line, its text, counts one); 0, 0 for none.
func cellLines(r *parser.Row) (least, most int) {
	for j := range r.Cells {
		c := &r.Cells[j]
		if c.Covered || cellText(*c) == "" {
			continue
		}
		n := max(c.LineCount(), 1)
		if least == 0 || n < least {
			least = n
		}
		most = max(most, n)
	}
	return least, most
}

// carryLeads joins, in a table whose rows read as set at the bottom (see
// above), each row's leads to it: the rows over it, one after the other,
// each of which leadsRow, the lines that hang under the row above among
// them, where the extractor took them for its wrapped ends (hanging). It
// leaves every other table as it is.
func (tr *tableReader) carryLeads() {
	t := tr.t
	if tr.body+1 >= len(t.Rows) || !tr.mayLead() {
		return
	}
	// The rows that end their records (dated), with lines that hang under
	// them and lead the next row (that row without its own hanging
	// lines): those lines on rows of their own.
	rows := t.Rows[tr.body:]
	tops2 := make([]parser.Row, len(rows))
	lows := make([]*parser.Row, len(rows))
	for i := range rows {
		tops2[i] = rows[i]
		if top, low, ok := hanging(rows[i]); ok {
			tops2[i], lows[i] = top, &low
		}
	}
	split := make([]parser.Row, 0, len(rows)+2)
	for i := range rows {
		if lows[i] != nil && i+1 < len(rows) && tr.dated(&tops2[i]) && tr.hangsApart(&tops2[i], &rows[i], lows[i]) {
			if ok, _ := tr.leadsRow(lows[i], &tops2[i+1]); ok {
				split = append(split, tops2[i], *lows[i])
				continue
			}
		}
		split = append(split, rows[i])
	}
	out := make([]parser.Row, 0, len(t.Rows))
	out = append(out, t.Rows[:tr.body]...)
	var joined []int // the rows (Row) leads were joined to
	leads := 0
	for i := 0; i < len(split); i++ {
		cur, led := split[i], false
		for i+1 < len(split) {
			ok, better := tr.leadsRow(&cur, &split[i+1])
			if !ok || tr.setAtBottom && better == 0 {
				// (rows the extractor set at the bottom are its rows: only
				// a lead that reads as its column's only joined is one)
				break
			}
			cur, led, leads = joinLead(cur, split[i+1]), true, leads+better
			i++
		}
		if led {
			joined = append(joined, cur.Row)
		}
		out = append(out, cur)
	}
	if len(joined) == 0 || !tr.setAtBottom && (leads < 2 || leads <= 2*tr.wrappedEnds(leads)) {
		return
	}
	if tr.wrapJoined == nil {
		tr.wrapJoined = map[int]bool{}
	}
	for _, r := range joined {
		tr.wrapJoined[r] = true
	}
	tr.atBottom = true
	tr.t = &parser.Table{Page: t.Page, Index: t.Index, Method: t.Method, Rows: out}
}

// dated reports a row that fills the column only a record's last row
// fills in a table set at the bottom, the date's (anchorColumn), and so
// ends its record; any row, in a table without one.
func (tr *tableReader) dated(r *parser.Row) bool {
	a := tr.anchorColumn()
	return a < 0 || a < len(r.Cells) && !r.Cells[a].Covered && cellText(r.Cells[a]) != ""
}

// mayLead reports, before any row is copied, whether some row of the
// table may lead the next: one whose cells read as their columns' only
// joined to the next row's, or that has lines hanging under its other
// cells (unequal lines, its record ended). A table without places (an
// HTML page's) has none.
func (tr *tableReader) mayLead() bool {
	rows := tr.t.Rows
	placed := false
	for i := tr.body; i < len(rows) && !placed; i++ {
		placed = rows[i].HasBox()
	}
	if !placed {
		return false
	}
	for i := tr.body; i+1 < len(rows); i++ {
		if ok, better := tr.leadsRow(&rows[i], &rows[i+1]); ok && better > 0 {
			return true
		}
		if least, most := cellLines(&rows[i]); least < most && tr.dated(&rows[i]) {
			return true
		}
	}
	return false
}

// hangsApart reports whether the lines low, under the row top, can be
// read apart from it (whole is the row with them): no cell of the row
// reads as its column's only with them ("平成12" / "年", "ニューサウスウェ
// ールズ大" / "学"), and no partner's name goes on in them ("Universidad
// Nacional de" / "Tucuman", "… of Engineering" / "& Technology").
func (tr *tableReader) hangsApart(top, whole, low *parser.Row) bool {
	for j := range low.Cells {
		l := cellText(low.Cells[j])
		if l == "" || j >= len(tr.cols) {
			continue
		}
		t, w := cellText(top.Cells[j]), cellText(whole.Cells[j])
		if tr.joinedReads(tr.cols[j], t, l, w) == joinBetter {
			return false
		}
		if tr.cols[j] != fPartner {
			continue
		}
		name, _ := splitMarkers(t)
		if endsWithConnector(name) || startsLower(l) || strings.HasPrefix(l, "&") || leadConnectorRe.MatchString(l) ||
			tr.c.endsAsInstitution(w) && !tr.c.endsAsInstitution(name) {
			return false
		}
	}
	return true
}

// hanging splits the row r where some of its cells' last lines stand under
// the foot of every other cell, as the first lines of the next row's
// cells do in a table set at the bottom that the extractor read as set
// at the top ("共和国" / "オースト" beside "州 | ハルツーム大学 | 月7日"):
// r without those lines, and a row of them. Read as set at the top, the
// row's cells stand from its top down: the lines under its foot are those
// past the fewest any of its cells has.
func hanging(r parser.Row) (top, low parser.Row, ok bool) {
	foot, most := cellLines(&r)
	if foot == most {
		return r, r, false // (no cell longer than another, or none)
	}
	top, low = r, r
	top.Cells = append([]parser.Cell(nil), r.Cells...)
	low.Cells = make([]parser.Cell, len(r.Cells))
	for j := range r.Cells {
		c := &r.Cells[j]
		if c.Covered || c.LineCount() <= foot {
			continue
		}
		lines := c.Lines()
		t := &top.Cells[j]
		t.Text = joinWrapped(lines[:foot])
		t.SetLines(append([]string(nil), lines[:foot]...))
		l := &low.Cells[j]
		l.Text = joinWrapped(lines[foot:])
		l.SetLines(append([]string(nil), lines[foot:]...))
		ok = true
	}
	if !ok {
		return r, r, false
	}
	// The two share the row's box by their lines.
	rb := r.Box()
	cut := rb.Y0 + rb.Height()*float64(foot)/float64(most)
	top.SetBox(parser.Box{X0: rb.X0, Y0: rb.Y0, X1: rb.X1, Y1: cut})
	low.SetBox(parser.Box{X0: rb.X0, Y0: cut, X1: rb.X1, Y1: rb.Y1})
	return top, low, true
}

// wrappedEnds counts the table's cells that read as their columns' only
// joined after the row above's (goesOnAbove), up to more than half of
// most: enough to say that the table is not set at the bottom.
func (tr *tableReader) wrappedEnds(most int) int {
	t, tops := tr.t, 0
	for i := tr.body + 1; i < len(t.Rows) && 2*tops < most; i++ {
		if g := tr.goesOnAbove(&t.Rows[i-1], &t.Rows[i]); g > 0 {
			tops += g
		}
	}
	return tops
}

// joinLead is the row n with the lines of its lead r over its cells'.
func joinLead(r, n parser.Row) parser.Row {
	n.Cells = append([]parser.Cell(nil), n.Cells...)
	for j := range r.Cells {
		if r.Cells[j].Covered || cellText(r.Cells[j]) == "" {
			continue
		}
		lines := append(append([]string(nil), linesOf(&r.Cells[j])...), linesOf(&n.Cells[j])...)
		c := &n.Cells[j]
		box := union(r.Cells[j].Box(), c.Box())
		c.Text = joinWrapped(lines)
		c.SetLinesBox(lines, box)
	}
	n.SetBox(union(r.Box(), n.Box()))
	return n
}

// maxDoubts bounds the doubts said one by one; the rest are counted.
const maxDoubts = 10 // (of each kind)

// fillUp reads a blank partner cell of row i in a table that sets its
// cells at the bottom of their rows as the partner of the row below it that
// names one: a cell merged over rows stands at their foot there, and names
// the rows above it down to its own. The rows between stand on the same
// page, each with a cell of its own beside the blank (a row of a group's
// label alone ends the run); a cell the extractor merged is not moved. The
// record says fill_up:partner, and the read is said to be doubtful where a
// partner above could have been meant (fill_doubtful).
func (tr *tableReader) fillUp(rec *Record, vals *fieldVals, pv val, i int, has fieldSet) bool {
	if !tr.atBottom || pv.covered || pv.col < 0 {
		return false
	}
	below, ok := tr.partnerBelow(i, pv.col)
	if !ok {
		return false
	}
	c := tr.c
	o := entryOpts{ownDate: has.has(fSigned), ownUnit: tr.hasColumn(fPartnerUnit), department: tr.departmentRow(vals)}
	text := below.text
	if !tr.hasColumn(fPartnerUnit) {
		text = c.unitOnItsLine(below.lines, text)
	}
	en := c.readEntry(text, o)
	if en.partner == "" {
		return false
	}
	above := tr.partner
	c.applyEntry(rec, en, tr.where(fPartner))
	rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairFillUp, "partner"))
	if above != "" && above != rec.Partner {
		tr.doubt(rec, fmt.Sprintf("blank partner cell read as the row below's (%s), in a table that sets its cells at the bottom of their rows, "+
			"where a cell merged over rows names them at their foot: a blank may also mean the row above's (%s)", rec.Partner, above))
	}
	return true
}

// partnerBelow returns the partner cell (column j) of the first row under
// row i that has one, when the rows from i to it are rows of a merged cell
// set at its foot: on one page, none a header, none merged by the extractor
// in that column, and each holding text beside its blank partner cell
// other than a group's label.
func (tr *tableReader) partnerBelow(i, j int) (val, bool) {
	rows := tr.t.Rows
	for k := i + 1; k < len(rows); k++ {
		r := &rows[k]
		if r.Header || r.Page != rows[i].Page || j >= len(r.Cells) || r.Cells[j].Covered || r.Cells[j].RowSpan > 1 {
			return val{}, false
		}
		if rowBlank(*r) {
			continue
		}
		if tr.labelsGroup(k) {
			return val{}, false // (a group begins: the cell over it is the group's above)
		}
		if v := tr.cell(k, j); clean(v.text) != "" {
			return v, true
		}
		if !tr.holdsRecordText(k) {
			return val{}, false
		}
	}
	return val{}, false
}

// labelsGroup reports a row with a group's label of its own (region,
// country): the labels stand on their groups' first rows by now
// (centeredGroups).
func (tr *tableReader) labelsGroup(k int) bool {
	r := &tr.t.Rows[k]
	for j, f := range tr.cols {
		if (f == fRegion || f == fCountry) && j < len(r.Cells) && !r.Cells[j].Covered && clean(r.Cells[j].Text) != "" {
			return true
		}
	}
	return false
}

// holdsRecordText reports a row with text in a cell that is neither a
// partner's nor a group's label (region, country).
func (tr *tableReader) holdsRecordText(k int) bool {
	r := &tr.t.Rows[k]
	for j, f := range tr.cols {
		if j >= len(r.Cells) || r.Cells[j].Covered || f == fRegion || f == fCountry || f == fPartner || f == fNone || f == fIgnore {
			continue
		}
		if clean(r.Cells[j].Text) != "" {
			return true
		}
	}
	return false
}

// doubt says a doubtful read of a blank cell (fill_doubtful), up to
// maxDoubts lines; the rest are counted.
func (tr *tableReader) doubt(rec *Record, msg string) {
	tr.doubtOf(readcheck.KindFillDoubt, rec, msg)
}

// doubtOf says a doubtful read of the kind, as doubt does (maxDoubts of
// each kind).
func (tr *tableReader) doubtOf(kind string, rec *Record, msg string) {
	c := tr.c
	n := 0
	for _, w := range c.doubts {
		if w.Kind == kind {
			n++
		}
	}
	if n >= maxDoubts {
		if c.doubtsMore == nil {
			c.doubtsMore = map[string]int{}
		}
		c.doubtsMore[kind]++
		return
	}
	c.doubts = append(c.doubts, agreement.Warning{Kind: kind, File: c.doc.File, Page: rec.Source.Page, Row: rec.Source.Row, Message: msg})
}

// doubtFill notes a blank partner's cell of row i (column j) filled with
// the partner above (rec's), in a table that sets its cells at the bottom
// of their rows, the row under it naming a partner: a cell merged over
// rows and set at their foot names the rows above it, and the blank may
// be that one's. The read stands (a blank may as well mean "same as
// above") and is said to be doubtful (fill_doubtful).
func (tr *tableReader) doubtFill(i, j int, rec *Record) {
	rows := tr.t.Rows
	if !tr.atBottom || i+1 >= len(rows) || j >= len(rows[i+1].Cells) || rows[i+1].Header {
		return
	}
	below := cellText(rows[i+1].Cells[j])
	if below == "" || rows[i+1].Cells[j].Covered {
		return
	}
	tr.doubt(rec, fmt.Sprintf("blank partner cell read as the row above's (%s), in a table that sets its cells at the bottom of their rows: "+
		"a cell merged over rows there names the row below's (%s)", rec.Partner, below))
}
