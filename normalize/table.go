package normalize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

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
	f, _ := c.lx.Header(text)
	return f
}

// tableMemo is what the tables read so far established: the last column
// mapping (for a table that continues without its header) and the declared
// country counts already taken.
type tableMemo struct {
	cols     []field
	declared map[string]bool
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
	origin      map[cellRef]cellRef
	flagOf      map[int]string // the flag a flag column (fFlag) sets

	// Grouping state: what a blank or merged grouping cell stands for.
	region, regionWritten string
	regionRepairs         []string
	country               Country
	countrySet, intl      bool
	countryRepairs        []string
	partner, partnerAlt   string
	prev                  int // index in c.res.Records of the last record of this table, -1 for none
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
	covered bool // merged with the cell above: the same value
	col     int
}

// table turns the rows of one raw table into records.
func (c *docContext) table(t *parser.Table) {
	if len(t.Rows) == 0 {
		return
	}
	if c.tables == nil {
		c.tables = &tableMemo{declared: map[string]bool{}}
	}
	tr := &tableReader{c: c, t: t, prev: -1, origin: map[cellRef]cellRef{}}
	if lines, ok := listInTable(t); ok && !tr.hasHeader() {
		// A column of bullets or list numbers beside the text: a list set
		// with its text far from its bullets, not a table.
		for i := range lines {
			c.line(&lines[i], -1)
		}
		c.flushList()
		return
	}
	if !tr.mapColumns() {
		for _, r := range t.Rows {
			if !r.Header && rowText(r) != "" {
				c.unplaced(r.Page, r.Row, rowText(r), "table without a header row that names its columns")
			}
		}
		return
	}
	c.tables.cols = tr.cols
	tr.mapOrigins()
	tr.readLegendRows()
	tr.findUsualMarkerPlace()
	tr.setLevel()
	for i := tr.body; i < len(t.Rows); i++ {
		r := &t.Rows[i]
		if c.lostBefore(r.Page) {
			// The rows that said which group this one belongs to are on a
			// page that could not be read: fill nothing down across it.
			tr.forgetGroups()
			c.forgetGroups()
		}
		if r.Header || tr.repeatedHeader(r) {
			continue
		}
		tr.row(i)
	}
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
	}
	if n == top && top > 0 {
		n = 0 // title rows but no header below them
	}
	if n == 0 {
		if m := tr.c.tables.cols; m != nil && len(m) == width {
			tr.cols = m
			tr.colsRepair = "columns_from_previous_table"
			return true
		}
		return false
	}
	tr.body = n
	for _, r := range rows[:top] {
		tr.c.titleLine(rowText(r), r.Page, r.Row)
	}
	texts := make([]string, width)
	spanned := make([]bool, width) // covered from the left by a header cell
	for _, r := range rows[top:n] {
		last := ""
		for j, cell := range r.Cells {
			switch {
			case cell.Covered && j > 0 && cellCoveredFromLeft(r, j):
				texts[j] = strings.TrimSpace(texts[j] + " " + last)
				spanned[j] = true
			case !cell.Covered:
				texts[j] = strings.TrimSpace(texts[j] + " " + cell.Text)
				last = cell.Text
			}
		}
	}
	tr.cols = make([]field, width)
	tr.flagOf = map[int]string{}
	hasHome := false
	for j, h := range texts {
		tr.cols[j] = tr.c.headerField(h)
		if fl := tr.c.flagColumn(h); fl != "" && (tr.cols[j] == fNone || tr.cols[j] == fNotes) {
			tr.cols[j], tr.flagOf[j] = fFlag, fl
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
		case j > 0 && tr.cols[j-1] == fPartner && (spanned[j] || t == "") && !hasPartnerUnit:
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
	has := map[field]bool{}
	for _, f := range tr.cols {
		has[f] = true
	}
	return has[fPartner]
}

// listMarkRe matches a cell that is only a list bullet or number.
var listMarkRe = regexp.MustCompile(`^(?:[•◦▪▫‣∙·●○■□・\-–—*＊♦◆◇★☆※]|[0-9０-９]{1,3}[.)．）]?|[(（][0-9０-９]{1,3}[)）]|[a-zA-Z][.)])$`)

// listInTable reads a table whose first column holds only bullets or list
// numbers as the list it is: one line a row, the bullet as the line's
// bullet, rows without one as the wrapped lines of the entry above.
func listInTable(t *parser.Table) ([]parser.Line, bool) {
	marked, rows := 0, 0
	for _, r := range t.Rows {
		if len(r.Cells) < 2 || len(r.Cells) > 3 {
			return nil, false
		}
		first := clean(r.Cells[0].Text)
		if rowText(r) == "" {
			continue
		}
		rows++
		switch {
		case first == "":
		case listMarkRe.MatchString(first):
			marked++
		default:
			return nil, false
		}
	}
	if marked < 2 || marked*10 < rows*3 {
		return nil, false
	}
	var lines []parser.Line
	for _, r := range t.Rows {
		var parts []string
		for _, cell := range r.Cells[1:] {
			if !cell.Covered && clean(cell.Text) != "" {
				parts = append(parts, clean(cell.Text))
			}
		}
		if len(parts) == 0 {
			continue
		}
		l := parser.Line{Page: r.Page, Row: r.Row, Text: strings.Join(parts, " "), Role: parser.RoleText, Box: r.Box}
		if b := clean(r.Cells[0].Text); b != "" {
			l.Bullet, l.Role = b, parser.RoleItem
		}
		if len(r.Cells) > 1 {
			l.Box.X0 = r.Cells[1].Box.X0
		}
		lines = append(lines, l)
	}
	return lines, true
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

// titleRows counts the rows above the header inside the table: rows of one
// text (a title, an as-of date, a caption spanning the table) before a row
// that names the columns. It is 0 when the header is the first row.
func (tr *tableReader) titleRows() int {
	rows := tr.t.Rows
	for i := 0; i < len(rows) && i < 6; i++ {
		if _, ok := tr.soleText(i); !ok {
			if i > 0 && (rows[i].Header || tr.c.headerLike(rows[i])) {
				return i
			}
			return 0
		}
	}
	return 0
}

// cellCoveredFromLeft reports whether the covered cell j of r belongs to a
// span that starts in the same row.
func cellCoveredFromLeft(r parser.Row, j int) bool {
	for k := j - 1; k >= 0; k-- {
		if !r.Cells[k].Covered {
			return r.Cells[k].ColSpan > j-k
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
		if utf8.RuneCountInString(cell.Text) > 40 {
			return false
		}
		if f := c.headerField(cell.Text); f != fNone && f != fIgnore {
			seen[f] = true
		}
	}
	return len(seen) >= 2 && seen[fPartner]
}

// repeatedHeader reports a body row that repeats the header (after a page
// break) without being marked as one.
func (tr *tableReader) repeatedHeader(r *parser.Row) bool {
	n, same := 0, 0
	for j, cell := range r.Cells {
		if cell.Covered || cell.Text == "" || j >= len(tr.cols) {
			continue
		}
		n++
		if f := tr.c.headerField(cell.Text); f != fNone && (f == tr.cols[j] || utf8.RuneCountInString(cell.Text) <= 40 && tr.isHeaderText(cell.Text)) {
			same++
		}
	}
	return n >= 2 && same == n
}

func (tr *tableReader) isHeaderText(s string) bool {
	for _, r := range tr.t.Rows[:tr.body] {
		for _, c := range r.Cells {
			if !c.Covered && clean(c.Text) == clean(s) {
				return true
			}
		}
	}
	return false
}

// mapOrigins records, for every cell a rowspan covers, the cell the span
// starts in.
func (tr *tableReader) mapOrigins() {
	for i, r := range tr.t.Rows {
		for j, cell := range r.Cells {
			if cell.Covered || (cell.RowSpan <= 1 && cell.ColSpan <= 1) {
				continue
			}
			for y := i; y < i+max(cell.RowSpan, 1) && y < len(tr.t.Rows); y++ {
				for x := j; x < j+max(cell.ColSpan, 1) && x < len(tr.t.Rows[y].Cells); x++ {
					if y != i || x != j {
						tr.origin[cellRef{y, x}] = cellRef{i, j}
					}
				}
			}
		}
	}
}

// cell returns the text of the cell at row i, column j: its own text, or,
// for a cell merged with the one above, the text of the span's origin.
func (tr *tableReader) cell(i, j int) val {
	r := tr.t.Rows[i]
	if j >= len(r.Cells) {
		return val{col: j}
	}
	c := r.Cells[j]
	if !c.Covered {
		return val{text: cellText(c), col: j}
	}
	o, ok := tr.origin[cellRef{i, j}]
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
			if m, def, ok := tr.c.parseLegendLine(s); ok {
				tr.c.legend.add(m, def, tr.c.lx.Flag(def), tr.c.level)
			}
		}
	}
}

// soleText returns the text of a row with exactly one non-empty cell of
// its own.
func (tr *tableReader) soleText(i int) (string, bool) {
	text, n := "", 0
	for _, c := range tr.t.Rows[i].Cells {
		if !c.Covered && clean(c.Text) != "" {
			text = clean(c.Text)
			n++
		}
	}
	return text, n == 1
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
	counts := map[field]int{}
	for i := tr.body; i < len(tr.t.Rows); i++ {
		if tr.t.Rows[i].Header {
			continue
		}
		for j, f := range tr.cols {
			if f == fNone || f == fSigned || f == fValid {
				continue
			}
			v := tr.cell(i, j)
			if v.covered || v.text == "" {
				continue
			}
			if _, ms := splitMarkers(v.text); len(ms) > 0 {
				counts[f] += len(ms)
			}
		}
	}
	best := 0
	for _, f := range []field{fPartner, fHomeUnit, fNotes, fPartnerUnit, fType, fCountry, fRegion} {
		if counts[f] > best {
			tr.usual, best = f, counts[f]
		}
	}
}

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
		tr.level, tr.levelRepair = LevelUniversity, "level:assumed_university"
	default:
		tr.level = tr.c.level
	}
}

// rowVals collects the row's cells by field; two columns of one field are
// joined.
func (tr *tableReader) rowVals(i int) map[field]val {
	vals := map[field]val{}
	for j, f := range tr.cols {
		if f == fNone || f == fFlag || f == fIgnore {
			continue
		}
		v := tr.cell(i, j)
		if old, ok := vals[f]; ok {
			if v.text != "" && !v.covered {
				old.text = strings.TrimSpace(old.text + " " + v.text)
				old.covered = false
			}
			vals[f] = old
			continue
		}
		vals[f] = v
	}
	return vals
}

// own reports the fields whose cells hold text of their own in the row.
func own(vals map[field]val) map[field]bool {
	m := map[field]bool{}
	for f, v := range vals {
		if v.text != "" && !v.covered {
			m[f] = true
		}
	}
	return m
}

// row reads one body row.
func (tr *tableReader) row(i int) {
	c := tr.c
	r := &tr.t.Rows[i]
	vals := tr.rowVals(i)
	has := own(vals)

	if sole, ok := tr.soleText(i); ok {
		if tr.groupRow(i, sole) {
			return
		}
		if j, span := tr.soleCell(i); span || j >= len(tr.cols) || tr.cols[j] != fPartner {
			if _, _, legend := c.parseLegendLine(sole); legend {
				return
			}
			if d := c.parseDeclared(sole, tr.level, r.Page, r.Row); d != nil {
				c.res.Declared = append(c.res.Declared, d...)
				return
			}
			if c.lineIsNote(sole) {
				return
			}
		}
	}
	if len(has) == 0 {
		if rowText(*r) != "" {
			c.unplaced(r.Page, r.Row, rowText(*r), "row has text only in columns without a known field")
		}
		return
	}
	if tr.groupCells(vals, has, r) {
		return
	}
	if tr.joinSplitRow(vals, has) {
		return
	}

	rec := c.newRecord(r.Page, r.Row)
	rec.Level = tr.level
	rec.Repairs = append(rec.Repairs, tr.levelRepair, tr.colsRepair)

	// Region and country: the row's own cells, merged cells, blank cells
	// filled down, or the headings around the table.
	rv, hasRegionCol := vals[fRegion]
	if rv.text != "" && (!rv.covered || rv.text != tr.regionWritten) {
		tr.setRegion(rv.text, r)
	}
	if tr.regionWritten != "" {
		rec.Region = tr.region
		rec.Repairs = append(rec.Repairs, tr.regionRepairs...)
		if hasRegionCol && (rv.covered || rv.text == "") {
			rec.Repairs = append(rec.Repairs, "fill_down:region")
		}
	}
	cv, hasCountryCol := vals[fCountry]
	if cv.text != "" && (!cv.covered || !tr.countrySet) {
		tr.setCountry(cv.text, r)
	}
	if tr.countrySet {
		rec.Country, rec.CountryCode = tr.country.Name, tr.country.Code
		rec.Repairs = append(rec.Repairs, tr.countryRepairs...)
		if hasCountryCol && (cv.covered || cv.text == "") {
			rec.Repairs = append(rec.Repairs, "fill_down:country")
		}
	}
	if tr.countrySet || tr.regionWritten != "" {
		// The table's own grouping replaces the headings around it.
		rec.Repairs = without(rec.Repairs, c.cRepair)
		rec.Repairs = without(rec.Repairs, c.rRepair)
	}
	if rec.Country == "" && !tr.intl && !(!tr.countrySet && c.intl) {
		c.unplaced(r.Page, r.Row, rowText(*r), "row before any country")
		return
	}

	// Partner.
	pv := vals[fPartner]
	rowLevel := ""
	switch {
	case pv.text != "":
		en := c.readEntry(pv.text, entryOpts{ownDate: has[fSigned], ownUnit: tr.hasColumn(fPartnerUnit)})
		c.applyEntry(&rec, en, tr.where(fPartner))
		rowLevel = en.level
		if pv.covered {
			rec.Repairs = append(rec.Repairs, "fill_down:partner")
		}
		tr.partner, tr.partnerAlt = rec.Partner, rec.PartnerAlt
	case tr.partner != "":
		rec.Partner, rec.PartnerAlt = tr.partner, tr.partnerAlt
		rec.Repairs = append(rec.Repairs, "fill_down:partner")
	default:
		c.unplaced(r.Page, r.Row, rowText(*r), "row has no partner")
		return
	}
	if rec.Partner == "" {
		c.unplaced(r.Page, r.Row, rowText(*r), "row has no partner")
		return
	}

	// Units, type, notes: markers stripped wherever they stand.
	for _, f := range []field{fPartnerUnit, fHomeUnit, fType, fLevel, fNotes} {
		v, ok := vals[f]
		if !ok || v.text == "" {
			continue
		}
		text, markers := splitMarkers(v.text)
		if f == fType || f == fLevel || f == fHomeUnit {
			// A kind column may say the level row by row
			// ("University-wide", "部局間協定"), as may a home unit that
			// names the whole institution ("全学").
			if lv, only := c.lx.IsLevelOnly(text); only {
				rowLevel = lv
				c.applyMarkers(&rec, markers, tr.where(f))
				continue
			}
			if f == fLevel {
				if lv, ok := c.lx.Level(text); ok {
					rowLevel = lv
				}
				continue
			}
		}
		if c.lx.IsPlaceholder(text) {
			c.applyMarkers(&rec, markers, tr.where(f))
			continue
		}
		if f != fNotes && !has[fSigned] && !has[fValid] {
			if rest, d, ok := trailingBareDate(text); ok {
				text = rest
				rec.Signed = d.ISO
				rec.Repairs = append(rec.Repairs, "split_cell:"+f.String(), "date:"+d.Layout)
				rest, more := splitMarkers(text)
				text, markers = rest, append(markers, more...)
			}
		}
		if v.covered {
			rec.Repairs = append(rec.Repairs, "fill_down:"+f.String())
		}
		c.applyMarkers(&rec, markers, tr.where(f))
		switch f {
		case fPartnerUnit:
			rec.PartnerUnit = text
		case fHomeUnit:
			rec.HomeUnit = text
		case fType:
			rec.AgreementType = text
		case fNotes:
			if fl := c.lx.Flag(text); fl != "" {
				rec.Flags = append(rec.Flags, fl)
			}
		}
	}

	// Dates.
	opt := DateOptions{MonthFirst: c.opt.MonthFirst, DayFirst: c.opt.DayFirst}
	if v, ok := vals[fSigned]; ok && v.text != "" {
		text, markers := splitMarkers(v.text)
		c.applyMarkers(&rec, markers, tr.where(fSigned))
		if v.covered {
			rec.Repairs = append(rec.Repairs, "fill_down:signed")
		}
		if d, err := ParseDate(text, opt); err == nil {
			rec.Signed = d.ISO
			rec.Repairs = append(rec.Repairs, "date:"+d.Layout)
		} else if vv, err := ParseValidity(text, opt); err == nil && text != "" {
			tr.applyValidity(&rec, vv)
		} else if ds := c.severalDates(text, opt); len(ds) > 1 {
			// "1999, 11/17/2008": concluded, then renewed.
			rec.Signed = ds[0].ISO
			rec.Repairs = append(rec.Repairs, "date:"+ds[0].Layout, "date:first_of_several")
		} else if fl := c.lx.Flag(text); fl != "" {
			rec.Flags = append(rec.Flags, fl)
		} else if !c.lx.IsPlaceholder(text) {
			rec.Repairs = append(rec.Repairs, "date_unread:"+text)
		}
	}
	for _, f := range []field{fValid, fValidEnd} {
		v, ok := vals[f]
		if !ok || v.text == "" {
			continue
		}
		text, markers := splitMarkers(v.text)
		c.applyMarkers(&rec, markers, tr.where(f))
		if v.covered {
			rec.Repairs = append(rec.Repairs, "fill_down:valid_until")
		}
		if d, err := ParseDate(text, opt); err == nil && f == fValidEnd {
			// A lone date under "Valid until" is where the term ends.
			tr.applyValidity(&rec, Validity{ValidUntil: d})
		} else if vv, err := ParseValidity(text, opt); err == nil {
			tr.applyValidity(&rec, vv)
		} else if ds := c.severalDates(text, opt); len(ds) > 1 && f == fValidEnd {
			tr.applyValidity(&rec, Validity{ValidUntil: ds[len(ds)-1]})
		} else if fl := c.lx.Flag(text); fl != "" {
			rec.Flags = append(rec.Flags, fl)
		} else if !c.lx.IsPlaceholder(text) {
			rec.Repairs = append(rec.Repairs, "validity_unread:"+text)
		}
	}
	for j, fl := range tr.flagOf {
		v := tr.cell(i, j)
		if !c.lx.IsNegative(v.text) {
			rec.Flags = append(rec.Flags, fl)
		}
	}
	if rowLevel != "" {
		// The row says its level: nothing was assumed.
		rec.Level = rowLevel
		rec.Repairs = without(rec.Repairs, []string{"level:assumed_university", "level:assumed_department"})
		if rowLevel == LevelUniversity {
			rec.HomeUnit = ""
		}
	}

	c.res.Records = append(c.res.Records, rec)
	tr.prev = len(c.res.Records) - 1
}

// severalDates reads a cell of dates separated by commas ("1999,
// 11/17/2008", "05/20/2013, 07/27/2017"); nil unless every part is a date.
func (c *docContext) severalDates(text string, opt DateOptions) []Date {
	parts := detailSepRe.Split(text, -1)
	if len(parts) < 2 {
		return nil
	}
	var out []Date
	for _, p := range parts {
		d, err := ParseDate(p, opt)
		if err != nil {
			return nil
		}
		out = append(out, d)
	}
	return out
}

// hasColumn reports whether the table has a column of field f.
func (tr *tableReader) hasColumn(f field) bool {
	for _, x := range tr.cols {
		if x == f {
			return true
		}
	}
	return false
}

// applyValidity sets what a term says: its start (unless the row has a
// signing date), its end, and the auto_renewal and pending flags.
func (tr *tableReader) applyValidity(rec *Record, v Validity) {
	if !v.Signed.IsZero() && rec.Signed == "" {
		rec.Signed = v.Signed.ISO
		rec.Repairs = append(rec.Repairs, "date:"+v.Signed.Layout)
	}
	if !v.ValidUntil.IsZero() {
		rec.ValidUntil = v.ValidUntil.ISO
		rec.Repairs = append(rec.Repairs, "date:"+v.ValidUntil.Layout)
	}
	if v.AutoRenewal {
		rec.Flags = append(rec.Flags, FlagAutoRenewal)
	}
	if v.Pending {
		rec.Flags = append(rec.Flags, FlagPending)
	}
}

// where names a column for a marker repair: "" when it is where the list
// usually puts its markers.
func (tr *tableReader) where(f field) string {
	if f == tr.usual {
		return ""
	}
	return f.String()
}

// setRegion reads a region cell.
func (tr *tableReader) setRegion(text string, r *parser.Row) {
	g, ok := tr.c.readRegion(text, false)
	if !ok {
		name, _, _ := groupText(text)
		g.region, g.repairs = name, []string{"region_unknown:" + name}
	}
	if g.region != tr.region || tr.regionWritten == "" {
		// A new group; the same region written again (at the top of a
		// page) changes nothing.
		tr.country, tr.countrySet, tr.intl, tr.countryRepairs = Country{}, false, false, nil
		tr.partner, tr.partnerAlt = "", ""
	}
	tr.region, tr.regionWritten, tr.regionRepairs = g.region, text, g.repairs
	if g.hasCount {
		tr.declare("region", tr.region, g.count, text, r)
	}
}

// setCountry reads a country cell: "China (79)", "U. S. A.", "オーストリア
// Austria".
func (tr *tableReader) setCountry(text string, r *parser.Row) {
	before, wasSet, wasIntl := tr.country, tr.countrySet, tr.intl
	g := tr.c.readCountry(text)
	tr.countrySet, tr.intl, tr.country, tr.countryRepairs = true, g.intl, g.country, g.repairs
	if !wasSet || before != tr.country || wasIntl != tr.intl {
		// A new group; the same country written again (at the top of a
		// page) changes nothing.
		tr.partner, tr.partnerAlt = "", ""
	}
	if g.hasCount {
		tr.declare("country", tr.country.Name, g.count, text, r)
	}
}

// declare records a count a grouping cell states, once per group.
func (tr *tableReader) declare(scope, name string, count int, text string, r *parser.Row) {
	key := tr.level + "\x1f" + scope + "\x1f" + name
	if tr.c.tables.declared[key] {
		return
	}
	tr.c.tables.declared[key] = true
	tr.c.res.Declared = append(tr.c.res.Declared, Declared{Level: tr.level, Scope: scope, Name: name, Count: count,
		Text: text, Page: r.Page, Row: r.Row})
}

// groupRow reads a row whose only text is a region or country heading (a
// cell spanning the table, or a grouping cell alone on its row).
func (tr *tableReader) groupRow(i int, text string) bool {
	row := tr.t.Rows[i]
	var at field
	span := false
	for j, c := range row.Cells {
		if !c.Covered && clean(c.Text) != "" {
			if j < len(tr.cols) {
				at = tr.cols[j]
			}
			span = c.ColSpan > 1
		}
	}
	text, _ = splitMarkers(text) // "Asia (63)**"
	if _, ok := tr.c.readRegion(text, span); ok {
		tr.setRegion(text, &row)
		return true
	}
	if g := tr.c.readCountry(text); g.known || at == fCountry {
		tr.setCountry(text, &row)
		return true
	}
	if lv, ok := tr.c.sectionLevel(text); ok && (span || at != fPartner) {
		tr.level, tr.levelRepair = lv, ""
		return true
	}
	if _, _, hasCount := groupText(text); at == fRegion || span && hasCount {
		tr.setRegion(text, &row)
		return true
	}
	return false
}

// groupCells reads a row whose only cells are grouping cells ("Asia (63)
// | CAMBODIA (3) | | |"): it sets the groups and makes no record.
func (tr *tableReader) groupCells(vals map[field]val, has map[field]bool, r *parser.Row) bool {
	if has[fPartner] || !(has[fRegion] || has[fCountry]) {
		return false
	}
	for f := range has {
		if f != fRegion && f != fCountry {
			return false
		}
	}
	if v := vals[fRegion]; has[fRegion] && v.text != tr.regionWritten {
		tr.setRegion(v.text, r)
	}
	if has[fCountry] {
		tr.setCountry(vals[fCountry].text, r)
	}
	return true
}

// connectorRe matches the end of a name that goes on in the next line.
var connectorRe = regexp.MustCompile(`(?i)(?:\b(?:of|and|for|the|in|at|de|du|des|der|für|und|di|da)|[,&\-–/・、])$`)

// joinSplitRow joins a row that continues the previous one (a cell
// wrapped onto a row of its own): a row with no date and no home unit whose
// only text is the partner's unit, or a partner name cut after a
// connecting word.
func (tr *tableReader) joinSplitRow(vals map[field]val, has map[field]bool) bool {
	if tr.prev < 0 || has[fSigned] || has[fValid] || has[fHomeUnit] || has[fRegion] || has[fCountry] || has[fType] {
		return false
	}
	for f, v := range vals {
		if v.covered && f != fRegion && f != fCountry {
			return false
		}
	}
	prev := &tr.c.res.Records[tr.prev]
	switch {
	case has[fPartnerUnit] && !has[fPartner]:
		text, markers := splitMarkers(vals[fPartnerUnit].text)
		prev.PartnerUnit = strings.TrimSpace(prev.PartnerUnit + " " + text)
		tr.c.applyMarkers(prev, markers, tr.where(fPartnerUnit))
	case has[fPartner] && !has[fPartnerUnit] && len(has) == 1 && prev.Partner == tr.partner &&
		(connectorRe.MatchString(prev.Partner) || startsLower(vals[fPartner].text)):
		text, markers := splitMarkers(vals[fPartner].text)
		prev.Partner = strings.TrimSpace(prev.Partner + " " + text)
		tr.partner = prev.Partner
		tr.c.applyMarkers(prev, markers, tr.where(fPartner))
	default:
		return false
	}
	prev.Repairs = append(prev.Repairs, "joined_split_row")
	return true
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r) || r == '('
}

// bareDateRe matches a date at the end of a cell without brackets, as a
// careless extraction leaves it: "* GS Engineering 2019/08/08".
var bareDateRe = regexp.MustCompile(`^(.*?)\s+([0-9]{4}[/.\-][0-9]{1,2}[/.\-][0-9]{1,2})$`)

// trailingBareDate splits such a date off a cell.
func trailingBareDate(s string) (string, Date, bool) {
	m := bareDateRe.FindStringSubmatch(s)
	if m == nil {
		return s, Date{}, false
	}
	d, err := ParseDate(m[2], DateOptions{})
	if err != nil {
		return s, Date{}, false
	}
	return m[1], d, true
}

// rowText is a row's cells joined, for unplaced rows.
func rowText(r parser.Row) string {
	var cells []string
	for _, cell := range r.Cells {
		if !cell.Covered {
			cells = append(cells, clean(cell.Text))
		}
	}
	s := strings.Join(cells, " | ")
	if strings.Trim(s, " |") == "" {
		return ""
	}
	return s
}

// flagColumn reads a column header that names a flag ("授業料不徴収",
// "Tuition waiver", "Double degree"): a mark in its cells sets the flag.
func (c *docContext) flagColumn(header string) string {
	h := clean(header)
	if h == "" || utf8.RuneCountInString(h) > 30 {
		return ""
	}
	return c.lx.Flag(h)
}

// cellText is a cell's text with its wrapped lines joined as the script
// wants: without a space between two CJK characters, with one otherwise.
func cellText(c parser.Cell) string {
	if len(c.Lines) < 2 {
		return clean(c.Text)
	}
	return joinWrapped(c.Lines)
}
