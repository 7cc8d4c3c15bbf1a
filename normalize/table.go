package normalize

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/agreements/agreements/internal/lazyre"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/normalize/lexicon"
	"github.com/agreements/agreements/parser"
)

// Tables: one agreement a row, columns found by their header text (never
// by position), grouping columns (area, country, partner) that leave a cell
// blank or merged for "same as above", markers that drift between columns,
// and rows that a page break or a narrow column split in two. HTML and PDF
// tables of the same list give the same records.

// field is what a table column holds, as the lexicon names it.
type field = lexicon.Field

// The fields of columns.
const (
	fNone        = lexicon.None
	fRegion      = lexicon.Region
	fCountry     = lexicon.Country
	fPartner     = lexicon.Partner
	fPartnerUnit = lexicon.PartnerUnit
	fHomeUnit    = lexicon.HomeUnit
	fUnit        = lexicon.Unit
	fSigned      = lexicon.Signed
	fValid       = lexicon.Validity
	fValidEnd    = lexicon.ValidUntil // a column of end dates: a lone date in it is valid_until
	fType        = lexicon.Type
	fLevel       = lexicon.Level
	fNotes       = lexicon.Notes
	fIgnore      = lexicon.Ignore
	fFlag        = lexicon.FlagColumn // a column whose header names a flag; a mark in a cell sets it
)

// headerField maps a column header to the field it holds.
func (c *docContext) headerField(text string) field {
	if f, ok := c.headerMemo[text]; ok {
		return f // body cells repeat: the repeated-header check asks often
	}
	f, _ := c.lx.Header(text)
	remember(&c.headerMemo, strings.Clone(text), f)
	return f
}

// tableMemo is what the tables read so far established: the last column
// mapping (for a table that continues without its header) and the declared
// country counts already taken.
type tableMemo struct {
	cols         []field
	flagOf       map[int]string     // the flags the flag columns of that table set
	markOf       map[int]markColumn // what the mark columns of that table say
	heads        []string           // the texts of that table's header cells, by column
	last         int                // index in the records of that table's last record, -1 for none
	lastRow      parser.Row         // that table's last row
	linesBetween int                // lines read since that table
	// labelsHead says a table read before set the labels of a grouping
	// column at the head of their groups (labelsHeadGroups): the
	// document's tables set them alike, not in their groups' middle.
	labelsHead bool
	declared   map[string]bool
}

// cellRef is a grid position.
type cellRef struct{ row, col int }

// tableReader reads the body of one table.
type tableReader struct {
	c    *docContext
	t    *parser.Table
	cols []field
	body int // index of the first row after the header

	level       string
	levelRepair string
	colsRepair  string
	usual       field // the column markers usually stand in
	origin      origins
	flagOf      map[int]string     // the flag a flag column (fFlag) sets
	markOf      map[int]markColumn // what a mark in a column of marks says (markColumns)
	heads       []string           // the texts of the header's cells, by column (those of the table before when its columns go on)
	// unread counts, by column, the records beside text in a column no
	// header names (fNone): text the records go without.
	unread map[int]*agreement.UnreadColumn

	// Grouping state: what a blank or merged grouping cell stands for.
	region, regionWritten string
	regionRepairs         []string
	country               Country
	countrySet, intl      bool
	countryRepairs        []string
	partner, partnerAlt   string
	partnerMarkers        []string // the markers the partner cell above carried, for the rows that fill it down
	partnerText           string   // the partner cell above as read, and how (dateGoesOn)
	partnerOpts           entryOpts
	partnerFrom           int          // the first record made of the partner cell above
	prev                  int          // the last record of this table (c.rec), -1 for none
	lastBody              bodyRow      // the body row read last (brokenByPage)
	otherLevel            bool         // a record of this table released while it is read has a level other than the table's
	repeatedRow           bool         // the row before the next record was a clipped copy of it, dropped
	catUnits              *bool        // the category column names units (categoriesNameUnits), once known
	parts                 int          // the agreements a line of the row being read holds (oneAgreementALine)
	unpaired              bool         // the row being read has a date a line that its other cells do not pair with
	sharedWrap            bool         // and a cell beside its agreements one a line that reads as one text wrapped, every one's
	partnersALine         bool         // the row being read names several partners one a line (onePartnerALine)
	severalDoubt          bool         // the row being read names an institution a line, one by its own name, read as one (onePartnerALine)
	listCols              map[int]bool // the columns whose cells list partners one a line, once looked at (listColumn)
	anchor                int          // the column that tells a record's first row (anchorColumn), once anchorFound
	anchorFound           bool
	headerTexts           map[string]bool         // the texts of the header's cells (isHeaderText)
	headerWords           map[int]map[string]bool // the words of each column's header cells (headerWordsOf)
	headerCells           map[columnText]bool     // the one-line cells read by headerCell, and what it said
	headerDigit           int8                    // whether a header cell has a digit (headerHasDigit): 0 not yet told, 1 no, 2 yes
	spanned               []bool                  // the columns a header cell covers from the left (headerTexts)
	vals                  *fieldVals              // the cells of the row being read, by field (rowVals), made once a table
	// unitInSigned says the date column's header names the home unit too
	// ("締結母体(明記のない場合は大学) 締結年月日") and no other column does:
	// its cells may hold the unit above the date (unitOutOfSigned).
	unitInSigned bool
	// wrapJoined holds the rows (by ordinal) that joinWrappedRows joined
	// the rows under them to: their records say joined_split_row.
	wrapJoined map[int]bool
	// legendCut holds the rows (by ordinal) legendsOffRows took a legend
	// off: their records say split_cell:legend_under_table.
	legendCut map[int]bool
	// setAtBottom says the extractor saw the table set its cells at the
	// bottom of their rows (VAlign).
	setAtBottom bool
	// atBottom says the table sets its cells at the bottom of their rows:
	// its header (cellsAtBottom), its rows' leads (carryLeads) or its
	// cells' places (the extractor's VAlign) say so.
	atBottom bool
	// filledUp are the rows (Row) a grouping label was moved up to from
	// the foot of its group (footColumn): their group was filled.
	filledUp map[int]bool
	// cellsAtBottom says the header sets its cells at the bottom of its
	// row (headerLineAbove): body rows may too (leadsRow).
	cellsAtBottom bool
}

// forgetGroups drops what blank grouping cells stand for.
func (tr *tableReader) forgetGroups() {
	tr.region, tr.regionWritten, tr.regionRepairs = "", "", nil
	tr.country, tr.countrySet, tr.intl, tr.countryRepairs = Country{}, false, false, nil
	tr.partner, tr.partnerAlt = "", ""
	tr.prev = -1
}

// val is one field's cell in a row.
type val struct {
	text    string
	lines   []string // the cell's lines as laid out
	covered bool     // merged with the cell above: the same value
	col     int
	split   bool // read out of the cell of another field (unitOutOfSigned)
}

// table turns the rows of one raw table into records.
func (c *docContext) table(t *parser.Table) {
	if len(t.Rows) == 0 {
		return
	}
	given := t // the rows as the document holds them (tr.t may become a copy, its wrapped rows joined)
	if c.tables == nil {
		c.tables = &tableMemo{declared: map[string]bool{}, last: -1}
	}
	tr := &tableReader{c: c, t: t, prev: -1, setAtBottom: t.VAlign == "bottom"}
	minMarked := 2
	if c.list != nil && c.list.entry != nil {
		minMarked = 1 // (a list being read goes on in the table: one bullet says so)
	}
	if lines, ok := listInTable(t, minMarked); ok && !tr.hasHeader() {
		// A column of bullets or list numbers beside the text: a list set
		// with its text far from its bullets, not a table. Its lines are
		// read as the list's: the first, without a bullet, may be the
		// wrapped end of the entry above the table, and the last entry may
		// go on after it.
		for i := range lines {
			c.line(&lines[i], -1)
		}
		return
	}
	c.flushList()
	tr.groupsOutOfCells()
	t = tr.t
	if k := tr.stackedAt(); k > 0 {
		// Two tables set one under the other, read as one: each is read
		// with its own header.
		top, rest := *t, *t
		top.Rows, rest.Rows = t.Rows[:k], t.Rows[k:]
		c.table(&top)
		c.table(&rest)
		return
	}
	if !tr.mapColumns() {
		for _, r := range t.Rows {
			if r.Header {
				continue
			}
			if text := rowText(r); text != "" {
				c.unplaced(r.Page, r.Row, text, agreement.UnplacedNoHeader, "table without a header row that names its columns")
			}
		}
		return
	}
	c.tables.cols, c.tables.flagOf, c.tables.markOf, c.tables.heads = tr.cols, tr.flagOf, tr.markOf, tr.heads
	tr.raisedMarkerRows()
	tr.carryDown()
	tr.atBottom = tr.atBottom || tr.cellsAtBottom || tr.setAtBottom
	tr.joinWrappedRows()
	tr.groupColumnsFromCells(tr.t.Rows[tr.body:]) // (names a narrow column broke over rows read whole)
	tr.centeredGroups()
	t = tr.t
	tr.mapOrigins()
	declStart, recStart := len(c.res.Declared), c.made()
	tr.legendsOffRows()
	tr.readLegendRows()
	tr.findUsualMarkerPlace()
	tr.setLevel()
	free := tr.rowsFreer(given)
	c.released = func(i int, r *Record) { tr.otherLevel = tr.otherLevel || i >= recStart && r.Level != tr.level }
	for i := range tr.body {
		tr.groupsInHeader(&t.Rows[i]) // ("Europe" / "Poland" / "Partner Institution")
	}
	for i := tr.body; i < len(t.Rows); i++ {
		free.before(i)
		r := &t.Rows[i]
		if c.lostBefore(r.Page) {
			// The rows that said which group this one belongs to are on a
			// page that could not be read: fill nothing down across it.
			tr.forgetGroups()
			c.forgetGroups()
		}
		if head, ok := tr.headerOverRest(r); ok {
			// The header said again at a page's head, the rest of the
			// page before's last row under it in its cells: the header
			// is read as one, the rest as a row of its own.
			tr.groupsInHeader(&head)
		}
		if r.Header && !tr.namesGroupOnly(r) || tr.repeatedHeader(r) {
			tr.groupsInHeader(r)
			continue
		}
		if tr.clippedAtPageEnd(i) {
			// The row is printed again, whole, at the top of the next
			// page: read it there.
			tr.repeatedRow = true
			continue
		}
		if tr.tailPrintedAgain(i) {
			// The lines the page's foot cut off the row before, printed
			// again at this page's head: read with it already.
			if tr.prev >= c.base && tr.prev < c.made() {
				rec := c.rec(tr.prev)
				rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairSplitRow, "clipped_copy_dropped"))
			}
			continue
		}
		tr.row(i)
		c.release(tr.heldFrom())
	}
	c.released = nil
	tr.reportUnread()
	tr.handOverGroups()
	tr.settleDeclaredLevels(declStart, recStart)
	c.tables.last, c.tables.lastRow, c.tables.linesBetween = tr.prev, t.Rows[len(t.Rows)-1], 0
}

// settleDeclaredLevels takes the level off the counts the table's group
// rows declared when its rows say levels of their own other than the
// table's: a group's count then counts its rows of every level.
func (tr *tableReader) settleDeclaredLevels(declStart, recStart int) {
	c := tr.c
	other := tr.otherLevel // (of the records of the table released while it was read)
	for i := max(recStart, c.base); i < c.made(); i++ {
		other = other || c.rec(i).Level != tr.level
	}
	if !other {
		return
	}
	for i := declStart; i < len(c.res.Declared); i++ {
		if d := &c.res.Declared[i]; d.Scope == "region" || d.Scope == "country" {
			d.Level = ""
		}
	}
}

// handOverGroups leaves the group the table ended in to the document: the
// rows that go on after it, as lines or in a table of their own (a last row
// alone on a page), belong to it as they would to a heading's.
func (tr *tableReader) handOverGroups() {
	c := tr.c
	if tr.regionWritten != "" {
		c.region, c.rRepair = tr.region, tr.regionRepairs
	}
	if tr.countrySet || tr.intl {
		c.country, c.intl, c.cRepair = tr.country, tr.intl, tr.countryRepairs
	}
}

// clippedAtPageEnd reports the last row of a page that a producer cut at
// the page's foot and printed again, whole, as the first body row of the
// next page: each of its cells is the start of the same cell there, one at
// least shorter.
func (tr *tableReader) clippedAtPageEnd(i int) bool {
	rows := tr.t.Rows
	j := i + 1
	for j < len(rows) && rows[j].Header && !tr.namesGroupOnly(&rows[j]) {
		j++ // a header repeated on the next page
	}
	if j >= len(rows) || rows[j].Page != rows[i].Page+1 || len(rows[j].Cells) != len(rows[i].Cells) {
		return false
	}
	shorter := false
	for k, cell := range rows[i].Cells {
		a, b := clean(cell.Text), clean(rows[j].Cells[k].Text)
		if !strings.HasPrefix(b, a) {
			return false
		}
		shorter = shorter || len(a) < len(b)
	}
	return shorter && !rowBlank(rows[i])
}

// tailPrintedAgain reports the first body row of a page that holds
// nothing but the last lines of the cells of the page before's last row,
// one cell at least ("部局間協" / "定" and "September 2," / "2002" there,
// "定" | "2002" here): a producer printed the row whole at the page's
// foot and again, cut, what fell past it at the next page's head.
func (tr *tableReader) tailPrintedAgain(i int) bool {
	rows := tr.t.Rows
	k := i - 1
	for k >= tr.body && rows[k].Header && !tr.namesGroupOnly(&rows[k]) {
		k-- // (a header repeated on this page)
	}
	if k < tr.body || rows[i].Page != rows[k].Page+1 || len(rows[i].Cells) != len(rows[k].Cells) {
		return false
	}
	any := false
	for j := range rows[i].Cells {
		cell := &rows[i].Cells[j]
		text := clean(cell.Text)
		if text == "" || cell.Covered {
			continue
		}
		lines := rows[k].Cells[j].Lines()
		found := false
		for m := 1; m < len(lines) && !found; m++ {
			found = clean(strings.Join(lines[len(lines)-m:], " ")) == text || joinWrapped(lines[len(lines)-m:]) == text
		}
		if !found {
			return false
		}
		any = true
	}
	return any
}

// rightUnder reports a row that stands right under another, as its next
// line would: a title set apart above a table ("工学研究科") groups the
// table's rows instead. Rows without positions (HTML) never do.
func rightUnder(r, above parser.Row) bool {
	return r.Box() != (parser.Box{}) && r.Page == above.Page && r.Box().Y0-above.Box().Y1 <= above.Box().Height()/2
}

// unitGoesOn reads a text that opens a table as the partner's unit of the
// last record of the table before it, when that record has none and the
// table had no unit column: "国立台湾師範大学♦" / (next table) "教育学院", a
// row broken by the extractor where its cell's second line starts.
func (c *docContext) unitGoesOn(text string, r parser.Row) bool {
	m := c.tables
	if m == nil || m.last < 0 || m.last >= c.made() || slices.Contains(m.cols, fPartnerUnit) {
		return false
	}
	if !rightUnder(r, m.lastRow) {
		return false
	}
	prev := c.rec(m.last)
	text = clean(text)
	if prev.PartnerUnit != "" || !c.isUnit(text) || c.namesAGroup(text) {
		return false
	}
	c.unitGoesUp(prev, text, "")
	prev.Repairs = append(prev.Repairs, string(agreement.RepairSplitRow))
	return true
}

// unitGoesUp gives the record above a partner's unit that its cell's next
// line set on a row of its own ("国立台湾師範大学♦" / "教育学院").
func (c *docContext) unitGoesUp(prev *Record, text, where string) {
	text, markers := splitMarkers(text)
	prev.PartnerUnit = text
	c.applyMarkers(prev, markers, where)
	prev.Repairs = append(prev.Repairs, agreement.R(agreement.RepairSplitCell, "partner_unit"))
}

// namesGroupOnly reports a row whose one text names a region or a country:
// a group row, even where the extractor took it for a header (the first
// row of a page, where a repeated header would stand).
func (tr *tableReader) namesGroupOnly(r *parser.Row) bool {
	text := ""
	for _, cell := range r.Cells {
		if t := clean(cell.Text); t != "" {
			if text != "" {
				return false
			}
			text = t
		}
	}
	if text == "" {
		return false
	}
	if _, ok := tr.c.readRegion(text, true); ok {
		return true
	}
	if _, _, ok := tr.c.regionThenCountry(text); ok {
		return true
	}
	return tr.c.readCountry(text).known
}

// mapColumns reads the header rows at the top of the table (rows marked
// Header, else a first row whose texts name fields) and maps each column
// to a field; without a header it takes the previous table's mapping when
// the widths agree.
func (tr *tableReader) mapColumns() bool {
	rows := tr.t.Rows
	width := 0
	for _, r := range rows {
		width = max(width, len(r.Cells))
	}
	top := tr.titleRows()
	n := top
	for n < len(rows) && rows[n].Header {
		n++
	}
	if n == top && n < len(rows) && tr.c.headerLike(rows[n]) {
		n++
	} else if n == top && n+1 < len(rows) && tr.c.headerLike(rows[n+1]) {
		if ok, _ := tr.headerLineAbove(rows[n], rows[n+1]); ok {
			n += 2 // ("Type of" / "Partner Institution | Agreement": a header set at the bottom of its rows, over two)
		}
	}
	if n > top && n < len(rows) && tr.headerGoesOn(rows[n-1], rows[n]) {
		n++ // "締結年月日 Date of" / "Agreement": a header wrapped onto a row
	}
	if n > top {
		n = tr.headerRowsGoOn(top, n, width)
		if n-top >= 2 {
			ok, wrapped := tr.headerLineAbove(rows[top], rows[top+1])
			tr.cellsAtBottom = ok && wrapped // (the header's first row holds the first lines of its second's cells)
		}
		for top > 0 {
			ok, wrapped := tr.headerLineAbove(rows[top-1], rows[top])
			if !ok {
				break
			}
			top-- // ("Date of" / "Area … Agreement …": a header cell set at the bottom of its row)
			tr.cellsAtBottom = tr.cellsAtBottom || wrapped
		}
	} else if k := tr.headerRowsGoOn(top, top, width); k-top >= 2 {
		// A header whose first line stayed at the foot of the page
		// before: its next lines name the columns by themselves.
		if texts, _, _ := headerTexts(rows[top:k], width); tr.c.namesColumns(texts) {
			n = k
		}
	}
	if n == top && top > 0 {
		n = 0 // title rows but no header below them
	}
	if n == 0 {
		if m := tr.c.tables.cols; m != nil && len(m) == width {
			tr.cols, tr.flagOf, tr.markOf, tr.heads = m, tr.c.tables.flagOf, tr.c.tables.markOf, tr.c.tables.heads
			// The table goes on the previous one: its first row may be
			// the rest of the last row there.
			if last := tr.c.tables.last; last >= 0 && last < tr.c.made() && rightUnder(rows[0], tr.c.tables.lastRow) {
				tr.prev, tr.partner, tr.partnerAlt = last, tr.c.rec(last).Partner, tr.c.rec(last).PartnerAlt
			}
			tr.colsRepair = string(agreement.RepairColumnsPrevious)
			return true
		}
		return false
	}
	tr.body = n
	entries := false // under a partner column's name among the title rows
	for k, r := range rows[:top] {
		if sole, ok := tr.soleText(k); ok && k == 0 && tr.c.unitGoesOn(sole, r) {
			continue // the last row of the table before went on here
		}
		text := clean(joinedCells(r))
		switch {
		case tr.c.columnName(text) && tr.c.headerField(text) == fPartner:
			entries = true // a table of one column above this one's title: its header
			continue
		case entries && tr.c.namesUniversity(text) && !tr.c.namesAGroup(text):
			// ("Partner Institution" / "University of Mauritius"): its rows.
			tr.c.line((&parser.Line{Page: r.Page, Row: r.Row, Text: text, Role: parser.RoleItem}).Placed(r.Box(), parser.Style{}), -1)
			continue
		}
		entries = false
		tr.c.flushList()
		tr.c.titleLine(text, r.Page, r.Row)
	}
	tr.c.flushList()
	tr.joinStrayHeaderWords(top, n)
	rows = tr.t.Rows
	texts, spanned, below := headerTexts(rows[top:n], width)
	tr.spanned, tr.heads = spanned, texts
	tr.fieldsOf(texts, spanned, below)
	tr.partnerSubHeaded(rows[top:n])
	tr.groupColumnsFromCells(rows[n:])
	tr.markColumns(texts, rows[top:n], rows[n:])
	has := map[field]bool{}
	for _, f := range tr.cols {
		has[f] = true
	}
	for j, f := range tr.cols {
		if f == fSigned && j < len(texts) && !has[fHomeUnit] && tr.c.lx.Mentions(texts[j], lexicon.HomeUnit) {
			tr.unitInSigned = true
		}
	}
	tr.goesOnAfterBreak()
	return has[fPartner]
}

// groupColumnsFromCells maps a column whose header names no field to the
// country's (then the region's) where no column is the country's (the
// region's), when four in five of its cells that hold text, two at least,
// name a country (a region): a header broken over rows so that no part of
// it names the field ("国・地" / "域"), or a column the list left
// unheaded. The records say so (column_from_cells).
func (tr *tableReader) groupColumnsFromCells(body []parser.Row) {
	for _, want := range []field{fCountry, fRegion} {
		if slices.Contains(tr.cols, want) {
			continue
		}
		for j, f := range tr.cols {
			if f != fNone {
				continue
			}
			n, named, misses := 0, 0, 0
			for _, r := range body {
				if j >= len(r.Cells) || r.Cells[j].Covered || r.Header {
					continue
				}
				t, _ := splitMarkers(clean(r.Cells[j].Text))
				if t == "" {
					continue
				}
				n++
				if _, ok := tr.c.readRegion(t, false); want == fRegion && ok || want == fCountry && tr.c.readCountry(t).known {
					named++
				} else if misses++; misses > len(body)/5 {
					break // (four in five can no longer name one)
				}
			}
			if n >= 2 && 5*named >= 4*n {
				tr.cols[j] = want
				tr.colsRepair = agreement.R(agreement.RepairColumnsCells, want.String())
				break
			}
		}
	}
}

// strayWordRe matches a header cell that is one joining word alone
// (scanned by isStrayWord, rescan.go).
var strayWordRe = lazyre.New(`(?i)^(?:at|of|and|for|the|in|de|du|des)$`)

// joinStrayHeaderWords gives back to the column before it a column whose
// header starts with one joining word that a table without rules set apart
// ("Department" | "at" over "Tohoku University" | "", "Date" | "of" over
// "25" | "January" / "2000" | ""): the header reads "Department at Tohoku
// University", the home unit's, not "Department Tohoku University", a
// partner's unit's, and the cells under it, line by line, go on the cells
// before them ("25 January" / "2000").
func (tr *tableReader) joinStrayHeaderWords(top, n int) {
	rows := tr.t.Rows
	width := 0
	for _, r := range rows {
		width = max(width, len(r.Cells))
	}
	changed := false
	for j := 1; j < width; j++ {
		words, ok := 0, true
		for i := top; i < n && ok; i++ {
			r := rows[i]
			if j >= len(r.Cells) || clean(r.Cells[j].Text) == "" {
				continue
			}
			if words > 0 && !r.Cells[j].Covered {
				continue // (the header's next rows: carried along)
			}
			ok = !r.Cells[j].Covered && !r.Cells[j-1].Covered && isStrayWord(clean(r.Cells[j].Text))
			words++
		}
		if !ok || words == 0 {
			continue
		}
		if !changed {
			rows, changed = slices.Clone(rows), true
		}
		for i := top; i < len(rows); i++ {
			r := rows[i]
			if j >= len(r.Cells) || r.Cells[j].Covered || r.Cells[j-1].Covered || clean(r.Cells[j].Text) == "" {
				continue
			}
			rows[i].Cells = slices.Clone(r.Cells)
			prev, cur := &rows[i].Cells[j-1], &rows[i].Cells[j]
			a, b := linesOf(prev), linesOf(cur)
			lines := make([]string, max(len(a), len(b)))
			for k := range lines {
				var parts []string
				if k < len(a) {
					parts = append(parts, a[k])
				}
				if k < len(b) {
					parts = append(parts, b[k])
				}
				lines[k] = strings.Join(parts, " ")
			}
			prev.Text = strings.Join(lines, " ")
			prev.SetLines(lines)
			cur.Text = ""
			cur.SetLines(nil)
		}
	}
	if changed {
		tr.t = &parser.Table{Page: tr.t.Page, Index: tr.t.Index, Method: tr.t.Method, Rows: rows}
	}
}

// headerTexts joins the texts of the header rows column by column. A
// column is spanned when a header cell covers it from the left, and below
// when its first row leaves it blank (a sub-header under a header that
// spans it and the column before: "相手機関名 Partner Institution" over
// "機関 Institution" | "部局 Department").
func headerTexts(rows []parser.Row, width int) (texts []string, spanned, below []bool) {
	texts = make([]string, width)
	spanned = make([]bool, width)
	below = make([]bool, width)
	for k, r := range rows {
		last := ""
		for j, cell := range r.Cells {
			switch {
			case cell.Covered && j > 0 && cellCoveredFromLeft(r, j):
				texts[j] = strings.TrimSpace(texts[j] + " " + last)
				spanned[j] = true
			case !cell.Covered:
				if k > 0 && texts[j] == "" && clean(cell.Text) != "" {
					below[j] = true
				}
				texts[j] = joinWrapped([]string{texts[j], cell.Text}) // ("有効期" / "限": one word)
				last = cell.Text
			}
		}
	}
	return texts, spanned, below
}

// headerLineAbove reports a row right above a header row h (their lines
// touching, as a cell's lines do) that holds the
// first lines of its cells, as a header whose cells are set at the bottom
// of its row leaves them ("Date of" over "Area | … | Agreement"): each of
// its texts is short and stands over a text of h that it goes on (ending
// in a joining word, or naming with it, in header words alone, another
// field than h's text alone: a title over the header is none)
// or heads (a header over its sub-header: "Partner Institution" over
// "Institution"); wrapped when a text goes on below, the header's cells
// set at the bottom of its row.
func (tr *tableReader) headerLineAbove(r, h parser.Row) (ok, wrapped bool) {
	if r.Page != h.Page || r.Box() == (parser.Box{}) || h.Box().Y0-r.Box().Y1 > 0.25*r.Box().Height() {
		return false, false // (rows without positions, HTML's, never are)
	}
	n, subs := 0, 0
	blankOver := false // a blank over a text of h: the header is set at the bottom of its rows
	for j, cell := range r.Cells {
		blankOver = blankOver || !cell.Covered && cellText(cell) == "" && j < len(h.Cells) && !h.Cells[j].Covered && cellText(h.Cells[j]) != ""
	}
	for j, cell := range r.Cells {
		t := cellText(cell)
		if cell.Covered || t == "" {
			continue
		}
		if j >= len(h.Cells) || h.Cells[j].Covered || cell.ColSpan > 1 || utf8.RuneCountInString(t) > 30 || strings.ContainsAny(t, "0123456789０１２３４５６７８９") {
			return false, false // (a count, "Total of 24 agreements", is a title's)
		}
		below := cellText(h.Cells[j])
		if below == "" {
			return false, false
		}
		fb := tr.c.headerField(below)
		sub := t != below && strings.Contains(t, below) && fb != fNone && tr.c.headerField(t) == fb // ("Partner Institution" over "Institution": a header over its sub-header)
		joined := joinWrapped([]string{t, below})                                                   // ("国・地" / "域": one word)
		if tr.c.flagColumn(t) == "" && tr.c.flagColumn(joinWrapped([]string{t, below})) != "" {
			// ("授業料不" / "徴収", "Tuition" / "Exemption": a flag column's
			// name broken over the header's lines)
		} else if tr.homeNameBelow(t, below) {
			// ("Department at Nagoya" / "University": the home
			// institution's name ending a header's text, wrapped)
		} else if f := tr.c.headerField(joined); f == fb && f != fNone && f != fIgnore && blankOver && tr.c.headerField(t) == f && tr.c.lx.IsHeaderOnly(joined, tr.c.institution) {
			// ("Year" / "Concluded", beside a blank over "Partner
			// Institution": a field's name wrapped in a header set at
			// the bottom of its rows, each line naming the field)
		} else if f == fb && f != fNone && f != fIgnore && tr.longerTerm(joined, below) {
			// ("協定" / "種別": the two lines make a longer name of the
			// field than the lower alone, one header's lines)
		} else if !endsWithConnector(t) && !sub && (f == fNone || f == fb || !tr.c.lx.IsHeaderOnly(joined, tr.c.institution)) {
			return false, false
		}
		n++
		if sub {
			subs++
		}
	}
	return n > 0, n > subs
}

// longerTerm reports a header text joined that names its field by a
// longer term of the lexicon than the text below alone.
func (tr *tableReader) longerTerm(joined, below string) bool {
	_, n := tr.c.lx.Header(joined)
	_, m := tr.c.lx.Header(below)
	return n > m
}

// homeNameBelow reports a header's text t that names a field other than
// the partner's by itself and goes on below with a word that ends an
// institution's name ("Department at Nagoya" / "University", "本学部局
// 名古屋" / "大学"): the home institution named in the header, where the
// document's title does not name it; the two joined name the same field.
func (tr *tableReader) homeNameBelow(t, below string) bool {
	f := tr.c.headerField(t)
	if f == fNone || f == fIgnore || f == fPartner || !tr.c.lx.IsInstitutionWord(below) {
		return false
	}
	return tr.c.headerField(joinWrapped([]string{t, below})) == f && tr.c.endsAsInstitution(joinWrapped([]string{t, below}))
}

// carriedInto is row n with the first lines of its cells that row r,
// right above it, holds.
func carriedInto(r, n parser.Row) parser.Row {
	n.Cells = slices.Clone(n.Cells)
	for j := range r.Cells {
		if t := cellText(r.Cells[j]); t != "" && !r.Cells[j].Covered && j < len(n.Cells) {
			lines := append(slices.Clone(r.Cells[j].Lines()), n.Cells[j].Lines()...)
			n.Cells[j].Text = joinWrapped(lines)
			n.Cells[j].SetLines(lines)
		}
	}
	box := n.Box()
	box.Y0 = r.Box().Y0
	n.SetBox(box)
	return n
}

// carryDown reads, in a table whose cells are set at the bottom of their
// rows (cellsAtBottom), the rows that hold the first lines of the next
// row's cells with that row (leadsRow): "大学間協" over "アジア | タイ |
// Asian Institute of Technology * | 定 | ― | 1998-11-09" is one row.
func (tr *tableReader) carryDown() {
	if !tr.cellsAtBottom {
		tr.carryLeads() // (the rows may tell where the header does not)
		return
	}
	t := tr.t
	var out []parser.Row
	for i := 0; i < len(t.Rows); i++ {
		if i < tr.body || i+1 >= len(t.Rows) || !leads(tr.leadsRow(&t.Rows[i], &t.Rows[i+1])) {
			if out != nil {
				out = append(out, t.Rows[i])
			}
			continue
		}
		if out == nil {
			out = slices.Clone(t.Rows[:i])
		}
		// The rows that lead the next, one after the other (a cell of
		// three lines over a row of one: "University of International
		// Business and" / "Economics | School-to-" / "School of … | school
		// | Soec | 平成20年"), go into the last, up to the first whose
		// date (or the cell that tells a record's first row) is read.
		r, anchor := t.Rows[i], tr.anchorColumn() // (found once)
		for ; i+1 < len(t.Rows) && leads(tr.leadsRow(&r, &t.Rows[i+1])); i++ {
			r = carriedInto(r, t.Rows[i+1])
			if anchor >= 0 && anchor < len(r.Cells) && cellText(r.Cells[anchor]) != "" {
				i++
				break // a row whole, its date (or kind) read: it leads no further
			}
		}
		out = append(out, r)
		if tr.wrapJoined == nil {
			tr.wrapJoined = map[int]bool{}
		}
		tr.wrapJoined[r.Row] = true
	}
	if out != nil && len(out) < len(t.Rows) {
		tr.t = &parser.Table{Page: t.Page, Index: t.Index, Method: t.Method, Rows: out}
	}
}

// maxHeaderRows bounds the rows a header is set on.
const maxHeaderRows = 5

// headerRowsGoOn returns the end of the header that rows top..n start:
// n, or further down while each next row carries the header on
// (headerRowGoesOn).
func (tr *tableReader) headerRowsGoOn(top, n, width int) int {
	rows := tr.t.Rows
	for n < len(rows) && n-top < maxHeaderRows {
		texts, _, _ := headerTexts(rows[top:n], width)
		if !tr.headerRowGoesOn(texts, rows[n]) {
			break
		}
		n++
	}
	return n
}

// headerRowGoesOn reports a row that carries on the header above it (texts,
// column by column), as the lines of header cells wrapped in narrow
// columns do ("Type of" / "Agreement", "Year" / "Concluded", "相手部局
// Partner's" / "Department"): each of its texts is short, no date and no
// group's name, and goes on a header text that ends in a joining word, or
// is made of header words that name the field of its column's header
// (alone or joined to it) or, under a blank header, a field of their own;
// one text at least is made of header words. Beside them, the name of the
// home institution may end a header that is not the partner's
// ("Department at Mae" / "Fah Luang University").
func (tr *tableReader) headerRowGoesOn(texts []string, r parser.Row) bool {
	words := 0
	for j, cell := range r.Cells {
		t := cellText(cell)
		if cell.Covered || t == "" {
			continue
		}
		if j >= len(texts) || utf8.RuneCountInString(t) > 30 || tr.namesGroup(t) {
			return false
		}
		if _, err := ParseDate(t, DateOptions{}); err == nil {
			return false
		}
		above := clean(texts[j])
		af, f := tr.c.headerField(above), tr.c.headerField(t)
		headerWords := tr.c.lx.IsHeaderOnly(t, tr.c.institution) && f != fNone && f != fIgnore
		if headerWords {
			words++
		}
		switch {
		case above != "" && endsWithConnector(above):
		case above != "" && af == fNone && brokenHeaderWord(tr.c, above, t):
			words++
		case above != "" && af == fNone && tr.c.flagColumn(above) == "" && tr.c.flagColumn(joinWrapped([]string{above, t})) != "":
			words++ // ("Tuition" / "Exemption": a flag column's name over two lines)
		case above != "" && af != fNone && af != fIgnore && cjkBreak(above, t) && tr.c.headerField(joinWrapped([]string{above, t})) == af:
			// ("国・地" / "域": a word the column's header names its field
			// with before it is whole)
		case headerWords && (above == "" || sameKind(f, af) || sameKind(tr.c.headerField(above+" "+t), af)):
		case above != "" && af != fPartner && af != fNone && af != fIgnore && tr.c.endsAsInstitution(t) &&
			sameKind(tr.c.headerField(above+" "+t), af):
		default:
			return false
		}
	}
	return words > 0
}

// brokenHeaderWord reports a header's line that ends a CJK word the line
// above began, as a narrow column breaks it ("有効期" / "限 Valid"): the
// two joined name a field that the line above alone does not.
func brokenHeaderWord(c *docContext, above, t string) bool {
	if !cjkBreak(above, t) {
		return false
	}
	f := c.headerField(joinWrapped([]string{above, t}))
	return f != fNone && f != fIgnore
}

// sameKind reports two fields a header's lines may name between them: the
// same, a term and its end ("有効期限" / "Valid"), a unit and whose unit it
// is ("本学部局" / "Department").
func sameKind(a, b field) bool {
	kind := func(f field) field {
		switch f {
		case fValidEnd:
			return fValid
		case fHomeUnit, fPartnerUnit:
			return fUnit
		}
		return f
	}
	return kind(a) == kind(b)
}

// namesColumns reports header texts that name at least two distinct
// fields, one of them the partner.
func (c *docContext) namesColumns(texts []string) bool {
	seen := map[field]bool{}
	for _, t := range texts {
		if f := c.headerField(clean(t)); f != fNone && f != fIgnore {
			seen[f] = true
		}
	}
	return len(seen) >= 2 && seen[fPartner]
}

// goesOnAfterBreak takes the last record of the table before as the row
// above this table's first, when this table goes on from it over a break
// of page or page column, its header repeated: the same columns, nothing
// read between them, and this table's first row at the top of the next
// column or page. A row broken there ("European Synchrotron" / (next
// column) "Radiation Facility (ESRF)") is then read as one.
func (tr *tableReader) goesOnAfterBreak() {
	m := tr.c.tables
	rows := tr.t.Rows
	if m == nil || m.last < 0 || m.last >= tr.c.made() || m.linesBetween > 0 || tr.body >= len(rows) || !slices.Equal(m.cols, tr.cols) {
		return
	}
	if !afterBreak(rows[tr.body], m.lastRow) {
		return
	}
	rec := tr.c.rec(m.last)
	tr.prev, tr.partner, tr.partnerAlt = m.last, rec.Partner, rec.PartnerAlt
}

// afterBreak reports a row that stands at the top of the page or page
// column after the one another row ends: on the next page, or right of
// it and higher on the same page. Rows without positions (HTML) never do.
func afterBreak(r, above parser.Row) bool {
	if r.Box() == (parser.Box{}) || above.Box() == (parser.Box{}) {
		return false
	}
	return r.Page == above.Page+1 || r.Page == above.Page && r.Box().X0 >= above.Box().X1-1 && r.Box().Y1 <= above.Box().Y0
}

// hasHeader reports a table with a header row among its first rows.
func (tr *tableReader) hasHeader() bool {
	for i, r := range tr.t.Rows {
		if i >= 6 {
			break
		}
		if r.Header || tr.c.headerLike(r) {
			return true
		}
	}
	return false
}

// namesHome reports a header that names the home institution, whole
// words ("Tohoku University Department" in Tohoku University's list): a
// unit's column it heads is the home institution's.
func (c *docContext) namesHome(header string) bool {
	if c.institution == "" {
		return false
	}
	h, inst := " "+lexicon.Fold(header)+" ", lexicon.Fold(c.institution)
	return inst != "" && strings.Contains(h, " "+inst+" ")
}

// fieldsOf maps the header texts of the columns to fields: by the
// lexicon, then by the columns around them (a bare "Department", "部局", is the home
// unit's unless another column is; the blank column right of a partner
// header that spans it is the partner's unit; a header spanning the region
// and the country names both).
func (tr *tableReader) fieldsOf(texts []string, spanned, below []bool) {
	tr.cols = make([]field, len(texts))
	tr.flagOf = map[int]string{}
	hasHome := false
	for j, h := range texts {
		tr.cols[j] = tr.c.headerField(h)
		if fl := tr.c.flagColumn(h); fl != "" && (tr.cols[j] == fNone || tr.cols[j] == fNotes) {
			tr.cols[j], tr.flagOf[j] = fFlag, fl
		}
		if (tr.cols[j] == fPartnerUnit || tr.cols[j] == fUnit) && tr.c.namesHome(h) {
			tr.cols[j] = fHomeUnit // ("Tohoku University Department": the publisher's own unit)
		}
		hasHome = hasHome || tr.cols[j] == fHomeUnit
	}
	// Bare unit headers, and the column right of a partner header that
	// spans two columns or leaves its neighbour blank.
	hasPartnerUnit := false
	for _, f := range tr.cols {
		hasPartnerUnit = hasPartnerUnit || f == fPartnerUnit
	}
	for j := range tr.cols {
		t := strings.ToLower(clean(texts[j]))
		switch {
		case j > 0 && tr.cols[j-1] == fPartner && !hasPartnerUnit &&
			(spanned[j] && !spanned[j-1] && (j+1 >= len(spanned) || !spanned[j+1]) || t == "" || below[j] && (tr.cols[j] == fUnit || tr.cols[j] == fHomeUnit)):
			// (a partner's header over two columns; over more, the
			// columns a name's words stood in, set apart)
			tr.cols[j] = fPartnerUnit
			hasPartnerUnit = true
		case tr.cols[j] == fUnit:
			if hasHome {
				tr.cols[j] = fPartnerUnit
			} else {
				tr.cols[j] = fHomeUnit
				hasHome = true
			}
		}
	}
	// A header spanning two columns that names the region and the country
	// ("地域・国", "Area / Country"): the region, then the country.
	for j := 1; j < len(tr.cols); j++ {
		if spanned[j] && tr.cols[j] == tr.cols[j-1] && (tr.cols[j] == fCountry || tr.cols[j] == fRegion) &&
			tr.c.lx.Mentions(texts[j], fRegion) && tr.c.lx.Mentions(texts[j], fCountry) {
			tr.cols[j-1], tr.cols[j] = fRegion, fCountry
		}
	}
	// The same header over its own column and a blank-headed one beside
	// it, as a table without rules sets a header that spans two columns:
	// the region, then the country, when the cells under them say so.
	for j := 1; j < len(tr.cols); j++ {
		if clean(texts[j]) == "" && (tr.cols[j-1] == fCountry || tr.cols[j-1] == fRegion) &&
			tr.c.lx.Mentions(texts[j-1], fRegion) && tr.c.lx.Mentions(texts[j-1], fCountry) &&
			tr.mostlyNames(j-1, true) && tr.mostlyNames(j, false) {
			tr.cols[j-1], tr.cols[j] = fRegion, fCountry
		}
	}
	// Or beside a blank-headed one before it, where the header's text
	// starts over the second column (set at the left of the two).
	for j := 1; j < len(tr.cols); j++ {
		if clean(texts[j-1]) == "" && tr.cols[j-1] == fNone && (tr.cols[j] == fCountry || tr.cols[j] == fRegion) &&
			tr.c.lx.Mentions(texts[j], fRegion) && tr.c.lx.Mentions(texts[j], fCountry) &&
			tr.mostlyNames(j-1, true) && tr.mostlyNames(j, false) {
			tr.cols[j-1], tr.cols[j] = fRegion, fCountry
		}
	}
}

// partnerSubHeaded reads the column right of the partner's whose header
// names a unit alone ("Department") as the partner's unit when the
// partner's header cell holds its own sub-header under it ("Partner
// Institution" / "Institution", "相手機関名" / "機関"): a header spanning the
// two columns over their sub-headers, its lines read as one row (cells
// set in the middle of the header's rows) or as rows of their own.
func (tr *tableReader) partnerSubHeaded(header []parser.Row) {
	for j := 1; j < len(tr.cols); j++ {
		if tr.cols[j-1] != fPartner || (tr.cols[j] != fHomeUnit && tr.cols[j] != fUnit) || slices.Contains(tr.cols, fPartnerUnit) {
			continue
		}
		var lines []string // the partner's header, its lines in every header row
		unit := ""
		for _, r := range header {
			if j >= len(r.Cells) || r.Cells[j-1].Covered {
				continue
			}
			lines = append(lines, r.Cells[j-1].Lines()...)
			if t := clean(r.Cells[j].Text); t != "" {
				unit = t
			}
		}
		if len(lines) < 2 {
			continue
		}
		first, last := clean(lines[0]), clean(lines[len(lines)-1])
		if first != last && strings.Contains(first, last) && tr.c.headerField(first) == fPartner && tr.c.headerField(last) == fPartner &&
			tr.c.lx.IsUnitWord(unit) {
			tr.cols[j] = fPartnerUnit
			return
		}
	}
}

// mostlyNames reports a body column whose cells with text mostly name a
// region (region set) or a country (half of them at least: a name
// wrapped onto a second row leaves a piece that names none, unless it
// names one with the piece in the next row).
func (tr *tableReader) mostlyNames(j int, region bool) bool {
	names := func(text string) bool {
		if region {
			_, ok := tr.c.readRegion(text, false)
			return ok
		}
		return tr.c.readCountry(text).known
	}
	rows := tr.t.Rows[tr.body:]
	text := func(i int) string {
		if j >= len(rows[i].Cells) || rows[i].Cells[j].Covered {
			return ""
		}
		return cellText(rows[i].Cells[j])
	}
	n, named := 0, 0
	for i := 0; i < len(rows); i++ {
		t := text(i)
		if t == "" {
			continue
		}
		n++
		switch {
		case names(t):
			named++
		case i+1 < len(rows) && text(i+1) != "" && names(joinWrapped([]string{t, text(i + 1)})):
			// a name wrapped over two rows ("アジ" / "ア"): both name it
			n, named, i = n+1, named+2, i+1
		}
	}
	return n > 0 && 2*named >= n
}

// headerGoesOn reports a row that continues the header row above it: one
// short text and nothing else, under a header cell that ends with a word
// that goes on ("Date of", "Name of").
func (tr *tableReader) headerGoesOn(header, r parser.Row) bool {
	text, n := "", 0
	for _, cell := range r.Cells {
		if t := clean(cell.Text); t != "" && !cell.Covered {
			text, n = t, n+1
		}
	}
	if n != 1 || utf8.RuneCountInString(text) > 30 || tr.c.looksLikeEntry(text) {
		return false
	}
	if _, err := ParseDate(text, DateOptions{}); err == nil {
		return false
	}
	for _, cell := range header.Cells {
		if endsWithConnector(clean(cell.Text)) {
			return true
		}
	}
	return false
}

// titleRows counts the rows above the header inside the table: rows of one
// text (a title, an as-of date, a caption spanning the table) before a row
// that names the columns. It is 0 when the header is the first row.
func (tr *tableReader) titleRows() int {
	if i := tr.soleHeaderRow(); i > 0 {
		return i
	}
	return tr.rowsAboveHeader()
}

// soleHeaderRow returns the row, below title rows only, that the parser
// marks as a header and whose one text names a column ("相手機関名" under
// the group's name "モーリシャス"); -1 when there is none.
func (tr *tableReader) soleHeaderRow() int {
	rows := tr.t.Rows
	for i := 0; i < len(rows) && i < 6; i++ {
		text, ok := tr.soleText(i)
		if !ok {
			return -1
		}
		if rows[i].Header && tr.namesColumn(text) {
			return i
		}
		if !tr.titleText(text) {
			return -1
		}
	}
	return -1
}

// rowsAboveHeader counts the rows of one text above a row that names the
// columns (titleRows).
func (tr *tableReader) rowsAboveHeader() int {
	rows := tr.t.Rows
	for i := 0; i < len(rows) && i < 6; i++ {
		if _, ok := tr.soleText(i); !ok {
			if i+1 < len(rows) && (tr.titlesOverHeader(i) || i == 0 && tr.strayOverHeader()) {
				continue
			}
			if i > 0 && (rows[i].Header || tr.c.headerLike(rows[i])) {
				return i
			}
			if !tr.menuRow(i) {
				return 0
			}
		}
	}
	return 0
}

// titlesOverHeader reports a row of several titles (a section's, a
// list's, a group's name, an as-of date) that names no columns over a row
// that does: titles set side by side above the header ("大学間学術交流協定" |
// "大学間学術交流協定校"), which the parser may take for the header.
func (tr *tableReader) titlesOverHeader(i int) bool {
	rows := tr.t.Rows
	texts := rowCellTexts(rows[i])
	for _, t := range texts {
		if t != "" && !tr.titleText(t) && !tr.c.lx.IsListTitle(t) {
			return false
		}
	}
	return !tr.c.namesColumns(texts) && tr.c.namesColumns(rowCellTexts(rows[i+1]))
}

// rowCellTexts are the texts of a row's cells, cleaned, a covered cell's
// empty.
func rowCellTexts(r parser.Row) []string {
	out := make([]string, len(r.Cells))
	for j, cell := range r.Cells {
		if !cell.Covered {
			out[j] = clean(cell.Text)
		}
	}
	return out
}

// strayOverHeader reports a first row that names no columns, of texts
// that start no header's words in the row under it, over a row that names
// them: a page's title and its menu's last item on one line above the
// table ("協定校一覧（英国） Contact Us" | "Partner" | "Institutions: United
// Kingdom"), not the first line of a header wrapped onto the next.
func (tr *tableReader) strayOverHeader() bool {
	rows := tr.t.Rows
	first, next := rowCellTexts(rows[0]), rowCellTexts(rows[1])
	if tr.c.namesColumns(first) || !tr.c.namesColumns(next) {
		return false
	}
	for j, t := range first {
		if endsWithConnector(t) {
			return false // ("Type of" | "Department at": a header's first lines)
		}
		if t == "" || j >= len(next) || next[j] == "" {
			continue
		}
		if f := tr.c.headerField(t + " " + next[j]); tr.c.headerField(t) == fNone && f != fNone && f != tr.c.headerField(next[j]) {
			return false // ("Date of" | "Agreement": one header's lines)
		}
	}
	return true
}

// stackedAt returns where a table must be cut that holds two tables set
// one under the other: a header of its own at the top (a row the parser
// marks as a header whose one text names a column, "相手機関名", under the
// group's name), rows of its body, then the next table's title rows
// (its group, its section) and header within the rows titleRows would
// take as titles. It is 0 when the table is one.
func (tr *tableReader) stackedAt() int {
	h := tr.rowsAboveHeader()
	rows := tr.t.Rows
	head := -1
	for i := 0; i < h; i++ {
		if text, ok := tr.soleText(i); ok && rows[i].Header && tr.namesColumn(text) {
			head = i
			break
		}
	}
	if head < 0 {
		return 0
	}
	for k := h - 1; k > head; k-- {
		if text := tr.lastText(k); !tr.titleText(text) {
			return k + 1
		}
	}
	return 0
}

// namesColumn reports a text that names a column's field.
func (tr *tableReader) namesColumn(text string) bool {
	f := tr.c.headerField(text)
	return f != fNone && f != fIgnore
}

// titleText reports a text a title row above a header holds: a group's
// name, a section's title, an as-of date.
func (tr *tableReader) titleText(text string) bool {
	if text == "" || tr.c.namesGroup(text) {
		return true
	}
	if _, ok := tr.c.sectionLevel(text); ok && !tr.c.looksLikeEntry(text) {
		return true
	}
	_, ok := tr.c.parseAsOf(text)
	return ok
}

// menuRow reports a row of a site's menu that a table without rules took
// in above its title ("Top News & Events Research" | "Campus Life
// Access", "Asia | Europe"): no date, no institution and no column's
// name in any cell.
func (tr *tableReader) menuRow(i int) bool {
	if tr.t.Method != "stream" {
		return false
	}
	for _, cell := range tr.t.Rows[i].Cells {
		t := cellText(cell)
		if cell.Covered || t == "" {
			continue
		}
		if _, err := ParseDate(t, DateOptions{}); err == nil || tr.c.lx.IsInstitution(t) || tr.c.namesUniversity(t) {
			return false
		}
		if f := tr.c.headerField(t); f != fNone && f != fIgnore {
			return false
		}
	}
	return true
}

// cellCoveredFromLeft reports whether the covered cell j of r belongs to a
// span that starts in the same row.
func cellCoveredFromLeft(r parser.Row, j int) bool {
	for k := j - 1; k >= 0; k-- {
		if !r.Cells[k].Covered {
			return int(r.Cells[k].ColSpan) > j-k
		}
	}
	return false
}

// headerLike reports a row whose texts name at least two distinct fields,
// one of them the partner, and that holds no date.
func (c *docContext) headerLike(r parser.Row) bool {
	seen := map[field]bool{}
	for _, cell := range r.Cells {
		if cell.Covered || cell.Text == "" {
			continue
		}
		if _, err := ParseDate(cell.Text, DateOptions{}); err == nil {
			return false
		}
		if utf8.RuneCountInString(withoutInstitution(cell.Text, c.institution)) > 40 {
			return false // (a header cell may name the home institution: "Department at Institut Teknologi Bandung")
		}
		if f := c.headerField(cell.Text); f != fNone && f != fIgnore {
			seen[f] = true
		}
	}
	return len(seen) >= 2 && seen[fPartner]
}

// withoutInstitution is text, its spaces folded, without the home
// institution's name (inst, "" for none) where it names it.
func withoutInstitution(text, inst string) string {
	t := strings.Join(strings.Fields(text), " ")
	if inst == "" {
		return t
	}
	return strings.Replace(t, inst, "", 1)
}

// headerOverRest splits a row that opens a page under the page before's
// last body row, whose cells each start with the lines of their column's
// header and some go on under them: a producer that says the header
// again at a page's head and breaks a row over the page sets the row's
// rest there, which an extractor reads into the header's cells
// ("Partner Institution" / "法学部" under "ハイデルベルク大学" at the page
// before's foot). r keeps the lines under the header, the header's own
// are returned; it is false, r untouched, for any other row.
func (tr *tableReader) headerOverRest(r *parser.Row) (parser.Row, bool) {
	if r.Header || tr.lastBody.page == 0 || r.Page <= tr.lastBody.page || len(tr.heads) == 0 {
		return parser.Row{}, false
	}
	at := make([]int, len(r.Cells)) // where each cell's lines under its header start
	n, rest := 0, false
	for j := range r.Cells {
		cell := &r.Cells[j]
		if cell.Covered || cell.Text == "" || j >= len(tr.heads) {
			continue
		}
		head := clean(tr.heads[j])
		lines := cell.Lines()
		at[j] = -1
		for m := 1; m <= len(lines) && head != ""; m++ {
			if clean(joinWrapped(lines[:m])) == head {
				at[j] = m
				break
			}
		}
		if at[j] < 0 {
			return parser.Row{}, false
		}
		n++
		rest = rest || at[j] < len(lines)
	}
	if n < 2 || !rest {
		return parser.Row{}, false
	}
	head := *r
	head.Cells = slices.Clone(r.Cells)
	body := slices.Clone(r.Cells)
	for j := range r.Cells {
		if at[j] == 0 {
			continue
		}
		lines := r.Cells[j].Lines()
		h, b := &head.Cells[j], &body[j]
		h.Text = strings.Join(lines[:at[j]], " ")
		h.SetLines(lines[:at[j]])
		b.Text = strings.Join(lines[at[j]:], " ")
		b.SetLines(lines[at[j]:])
	}
	if !tr.repeatedHeader(&head) {
		return parser.Row{}, false
	}
	r.Cells = body
	return head, true
}

// repeatedHeader reports a body row that repeats the header (after a page
// break) without being marked as one.
//
// Every cell must be a header's, so the cells are read in two rounds: first
// what each says without the lexicon's header terms (a text already read
// in its column, the header's own words, a digit, a text whose field is
// known), the first that is no header's ending it; then the cells left,
// through the header terms. A body row's partner, a new text in most rows,
// is then looked up only when its other cells could all be a header's.
func (tr *tableReader) repeatedHeader(r *parser.Row) bool {
	if !tr.headerHasDigit() {
		// A header without a digit: a one-line cell with one (a date, a
		// count) is none of its texts or words, so no header's.
		for j := range r.Cells {
			if cell := &r.Cells[j]; j < len(tr.cols) && !cell.Covered && cell.LineCount() < 2 && hasDigit(cell.Text) {
				return false
			}
		}
	}
	n, left := 0, false
	for j, cell := range r.Cells {
		if cell.Covered || cell.Text == "" || j >= len(tr.cols) {
			continue
		}
		n++
		switch tr.headerCellKnown(j, cell) {
		case headerNo:
			return false // every cell must be a header's: the first that is not ends it
		case headerUnknown:
			left = true
		}
	}
	if n < 2 {
		return false
	}
	if left {
		for j, cell := range r.Cells {
			if cell.Covered || cell.Text == "" || j >= len(tr.cols) {
				continue
			}
			if !tr.headerCell(j, cell) {
				return false
			}
		}
	}
	return true
}

// moreWordsThan reports a text of more than n words, counted no further.
func moreWordsThan(text string, n int) bool {
	for range strings.FieldsSeq(text) {
		if n--; n < 0 {
			return true
		}
	}
	return false
}

// What a cell says of being a header's before the header terms are looked
// up.
const (
	headerUnknown = iota
	headerYes
	headerNo
)

// headerCellKnown is headerCell without looking the text up in the
// lexicon's header terms: headerUnknown when only they can tell.
func (tr *tableReader) headerCellKnown(j int, cell parser.Cell) int {
	single := cell.LineCount() < 2
	if single {
		if v, ok := tr.headerCells[columnText{j, cell.Text}]; ok {
			return yesNo(v)
		}
	}
	v, text := tr.headerCellWithoutTerms(j, cell)
	if v == headerUnknown {
		f, ok := tr.c.headerMemo[text]
		if !ok {
			if single && groupingField(tr.cols[j]) {
				// A grouping or kind column says the same few texts row
				// after row: each is read through the header terms once
				// (headerCell remembers it), and the rows of a text that
				// is no header's end at the first look-up.
				return yesNo(tr.headerCell(j, cell))
			}
			return headerUnknown
		}
		v = yesNo(f != fNone && f == tr.cols[j])
	}
	return v
}

// groupingField reports a field whose cells repeat a few texts down a
// table: the region, the country, the home unit, the kind, the level.
func groupingField(f field) bool {
	switch f {
	case fRegion, fCountry, fHomeUnit, fType, fLevel:
		return true
	}
	return false
}

func yesNo(v bool) int {
	if v {
		return headerYes
	}
	return headerNo
}

// headerCell reports a cell of column j that a repeated header may have:
// one of the header's texts or words, or a header's name of the column's
// field. A cell of one line (its text alone says) is read once for each
// column: the same texts fill a column row after row.
func (tr *tableReader) headerCell(j int, cell parser.Cell) bool {
	if cell.LineCount() >= 2 {
		return tr.readHeaderCell(j, cell)
	}
	k := columnText{j, cell.Text}
	if v, ok := tr.headerCells[k]; ok {
		return v
	}
	v := tr.readHeaderCell(j, cell)
	remember(&tr.headerCells, columnText{j, strings.Clone(cell.Text)}, v)
	return v
}

// columnText is a text in a column.
type columnText struct {
	col  int
	text string
}

func (tr *tableReader) readHeaderCell(j int, cell parser.Cell) bool {
	v, text := tr.headerCellWithoutTerms(j, cell)
	if v != headerUnknown {
		return v == headerYes
	}
	f := tr.c.headerField(text)
	return f != fNone && f == tr.cols[j]
}

// headerCellWithoutTerms is what readHeaderCell tells of a cell before
// the header terms, and the cell's text they are to read.
func (tr *tableReader) headerCellWithoutTerms(j int, cell parser.Cell) (int, string) {
	if utf8.RuneCountInString(cell.Text) > 80 {
		return headerNo, "" // no header cell is that long
	}
	text := cellText(cell) // "授業料不徴収" set on three lines in a narrow column
	if utf8.RuneCountInString(text) <= 40 && (tr.isHeaderText(text) || tr.headerWordsOf(j, text)) {
		return headerYes, text // the header's own words
	}
	if hasDigit(text) {
		return headerNo, text // a date, a count: no header's
	}
	if strings.IndexByte(text, ';') >= 0 || moreWordsThan(text, 8) {
		return headerNo, text // a sentence's clauses ("…; Joint academic programmes (joint degree"): no header's
	}
	return headerUnknown, text
}

// headerHasDigit reports a digit in a header cell's text, as written or
// as cellText reads it (told once a table).
func (tr *tableReader) headerHasDigit() bool {
	if tr.headerDigit == 0 {
		tr.headerDigit = 1
		for _, r := range tr.t.Rows[:tr.body] {
			for _, c := range r.Cells {
				if !c.Covered && (hasDigit(c.Text) || hasDigit(cellText(c))) {
					tr.headerDigit = 2
				}
			}
		}
	}
	return tr.headerDigit == 2
}

func (tr *tableReader) isHeaderText(s string) bool {
	if tr.headerTexts == nil {
		tr.headerTexts = map[string]bool{}
		for _, r := range tr.t.Rows[:tr.body] {
			for _, c := range r.Cells {
				if !c.Covered {
					tr.headerTexts[cellText(c)] = true
				}
			}
		}
	}
	return tr.headerTexts[s]
}

// headerWordsOf reports whether every word of a text is a word of column
// j's header: the header repeated, its lines wrapped at other words
// ("Department at" / "Nagoya University" under "Department" / "at Nagoya
// University").
func (tr *tableReader) headerWordsOf(j int, text string) bool {
	if tr.headerWords == nil {
		tr.headerWords = map[int]map[string]bool{}
		for _, r := range tr.t.Rows[:tr.body] {
			for k, c := range r.Cells {
				if c.Covered {
					continue
				}
				if tr.headerWords[k] == nil {
					tr.headerWords[k] = map[string]bool{}
				}
				for _, w := range strings.Fields(c.Text) {
					tr.headerWords[k][w] = true
				}
			}
		}
	}
	n := 0
	for w := range strings.FieldsSeq(text) { // the words of strings.Fields, no slice made
		if !tr.headerWords[j][w] {
			return false
		}
		n++
	}
	return n > 0
}

// cell returns the text of the cell at row i, column j: its own text, or,
// for a cell merged with the one above, the text of the span's origin.
func (tr *tableReader) cell(i, j int) val {
	r := &tr.t.Rows[i]
	if j >= len(r.Cells) {
		return val{col: j}
	}
	c := &r.Cells[j]
	if !c.Covered {
		return val{text: cellText(*c), lines: c.Lines(), col: j}
	}
	o, ok := tr.origin.of(i, j)
	if !ok || o.row == i {
		return val{col: j} // part of a span from the left: no text of its own
	}
	return val{text: cellText(tr.t.Rows[o.row].Cells[o.col]), covered: true, col: j}
}

// readLegendRows adds to the legend the rows that define a marker (a
// footnote row at the end of a table).
func (tr *tableReader) readLegendRows() {
	for i := tr.body; i < len(tr.t.Rows); i++ {
		if s, ok := tr.soleText(i); ok {
			tr.c.addLegends(tr.c.legendsIn(s), tr.c.level)
		}
	}
}

// legendsOffRows takes off the last row of each page of the table the
// legend lines under it that a reader of the page read as its cells' last
// lines ("Université de Genève *" / "* 授業料不徴収"), set at the foot of
// the table as close as a cell's lines are: the first pass read them as
// the legends they are (legendsUnderTable). The records of such a row say
// so (split_cell:legend_under_table).
func (tr *tableReader) legendsOffRows() {
	rows := tr.t.Rows
	copied := false
	for i := tr.body; i < len(rows); i++ {
		if i+1 < len(rows) && rows[i+1].Page == rows[i].Page {
			continue
		}
		for k := range rows[i].Cells {
			lines := rows[i].Cells[k].Lines()
			n := len(lines) - trailingLegends(tr.c, lines)
			if n == len(lines) {
				continue
			}
			if !copied {
				tr.t = &parser.Table{Page: tr.t.Page, Index: tr.t.Index, Method: tr.t.Method, VAlign: tr.t.VAlign, TextRights: tr.t.TextRights, Rows: slices.Clone(rows)}
				rows, copied = tr.t.Rows, true
			}
			r := &rows[i]
			r.Cells = slices.Clone(r.Cells)
			kept := slices.Clone(lines[:n])
			r.Cells[k].Text = strings.Join(kept, " ")
			r.Cells[k].SetLines(kept)
			if tr.legendCut == nil {
				tr.legendCut = map[int]bool{}
			}
			tr.legendCut[r.Row] = true
		}
	}
}

// trailingLegends counts the last lines of a cell of two lines or more,
// the first kept, that are legend lines ("* 授業料不徴収").
func trailingLegends(c *docContext, lines []string) int {
	n := len(lines)
	for n > 1 && len(c.legendsIn(clean(lines[n-1]))) > 0 {
		n--
	}
	return len(lines) - n
}

// soleText returns the text of a row with exactly one non-empty cell of
// its own.
func (tr *tableReader) soleText(i int) (string, bool) {
	text := ""
	cells := tr.t.Rows[i].Cells
	for k := range cells {
		if c := &cells[k]; !c.Covered && c.Text != "" {
			if t := clean(c.Text); t != "" {
				if text != "" {
					return "", false // a second: (the rest are not cleaned)
				}
				text = t
			}
		}
	}
	return text, text != ""
}

// lastText returns the text of the last non-empty cell of its own of a
// row, "" when there is none.
func (tr *tableReader) lastText(i int) string {
	cells := tr.t.Rows[i].Cells
	for k := len(cells) - 1; k >= 0; k-- {
		if c := &cells[k]; !c.Covered {
			if t := clean(c.Text); t != "" {
				return t
			}
		}
	}
	return ""
}

// soleCell returns the column of the one cell with text of a row, and
// whether it spans columns.
func (tr *tableReader) soleCell(i int) (int, bool) {
	for j, c := range tr.t.Rows[i].Cells {
		if !c.Covered && clean(c.Text) != "" {
			return j, c.ColSpan > 1
		}
	}
	return -1, false
}

// without returns in minus the strings of drop.
func without(in, drop []string) []string {
	if len(drop) == 0 {
		return in
	}
	out := in[:0:0]
	for _, s := range in {
		keep := true
		for _, d := range drop {
			keep = keep && s != d
		}
		if keep {
			out = append(out, s)
		}
	}
	return out
}

// findUsualMarkerPlace finds the column where the list puts its markers:
// the one that holds most of them.
func (tr *tableReader) findUsualMarkerPlace() {
	var counts [maxFields]int
	for i := tr.body; i < len(tr.t.Rows); i++ {
		r := &tr.t.Rows[i]
		if r.Header {
			continue
		}
		for j, f := range tr.cols {
			if f == fNone || f == fSigned || f == fValid || int(f) >= maxFields || j >= len(r.Cells) || r.Cells[j].Covered {
				continue // (a covered cell is its origin's text again, or none: tr.cell's, not counted)
			}
			text := cellText(r.Cells[j])
			if noMarkerEnds(text) {
				continue
			}
			counts[f] += countMarkers(text)
		}
	}
	best := 0
	for _, f := range []field{fPartner, fHomeUnit, fNotes, fPartnerUnit, fType, fCountry, fRegion} {
		if counts[f] > best {
			tr.usual, best = f, counts[f]
		}
	}
}

// noMarkerEnds reports a text in which countMarkers finds no marker, by
// its first and last bytes alone (most cells): empty, or ASCII at both
// ends that is no white space and no marker symbol, and no marker's digit
// at the end of a text with a ※.
func noMarkerEnds(s string) bool {
	if s == "" {
		return true
	}
	a, z := s[0], s[len(s)-1]
	switch {
	case a >= utf8.RuneSelf || z >= utf8.RuneSelf, a <= ' ' || z <= ' ':
		return false
	case asciiMarkers[a]&markerSymbol != 0 || asciiMarkers[z]&markerSymbol != 0:
		return false
	}
	// (a ※ is three bytes, the first 0xE2: most texts have none)
	return asciiMarkers[z]&markerRune == 0 || strings.IndexByte(s, 0xE2) < 0 || !strings.Contains(s, "※")
}

// asciiMarkers marks the ASCII bytes that are marker symbols
// (markerSymbol) and marker runes (markerRune).
var asciiMarkers = func() (m [utf8.RuneSelf]uint8) {
	for _, r := range markerSymbols {
		if r < utf8.RuneSelf {
			m[r] |= markerSymbol
		}
	}
	for _, r := range markerRunes {
		if r < utf8.RuneSelf {
			m[r] |= markerRune
		}
	}
	return m
}()

const (
	markerSymbol = 1 << iota
	markerRune
)

// setLevel settles the level of the table's records: department when the
// table has a home-unit column or its section says so, else university.
func (tr *tableReader) setLevel() {
	for _, f := range tr.cols {
		if f == fHomeUnit {
			tr.level = LevelDepartment
			return
		}
	}
	switch tr.c.level {
	case "":
		tr.level, tr.levelRepair = LevelUniversity, agreement.R(agreement.RepairLevel, "assumed_university")
	default:
		tr.level = tr.c.level
	}
}

// rowText is a row's cells joined, for unplaced rows: "" when they hold
// nothing but spaces and bars (rowBlank).
func rowText(r parser.Row) string {
	var b strings.Builder
	n := 0
	for _, cell := range r.Cells {
		if !cell.Covered {
			n += len(cell.Text) + len(" | ")
		}
	}
	b.Grow(n)
	first := true
	for _, cell := range r.Cells {
		if cell.Covered {
			continue
		}
		if !first {
			b.WriteString(" | ")
		}
		first = false
		b.WriteString(clean(cell.Text))
	}
	s := b.String()
	if strings.Trim(s, " |") == "" {
		return ""
	}
	return s
}

// rowBlank reports a row whose rowText is "" without joining its cells:
// each cell's cleaned text holds nothing but spaces and bars. A printable
// ASCII byte besides the space and the bar stays in a cell's cleaned text
// (or is composed into a letter that is neither), so such a cell is read
// no further.
func rowBlank(r parser.Row) bool {
	for _, cell := range r.Cells {
		if cell.Covered {
			continue
		}
		if hasPrintableASCII(cell.Text) || strings.Trim(clean(cell.Text), " |") != "" {
			return false
		}
	}
	return true
}

// hasPrintableASCII reports a printable ASCII byte other than the space
// and the bar in s.
func hasPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; b > ' ' && b < 0x7f && b != '|' {
			return true
		}
	}
	return false
}

// heldFrom returns the first record that reading the table's next rows
// may still change: the last record (tr.prev), which a row may go on;
// c.made() when there is none.
func (tr *tableReader) heldFrom() int {
	if tr.prev >= 0 {
		return tr.prev
	}
	return tr.c.made()
}
