package normalize

import (
	"fmt"
	"iter"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/agreements/agreements/internal/lazyre"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/readcheck"
)

// Reading one body row of a table: the cells by field, the record made in
// steps (groups, partner, units and kind, dates, flag columns).

// rowVals collects the row's cells by field; two columns of one field are
// joined.
func (tr *tableReader) rowVals(i int) *fieldVals {
	vals := tr.vals
	if vals == nil {
		vals = &fieldVals{}
		tr.vals = vals
	}
	vals.reset()
	for j, f := range tr.cols {
		if f == fNone || f == fFlag || f == fIgnore {
			continue
		}
		v := tr.cell(i, j)
		if (f == fRegion || f == fCountry) && !v.covered && len(v.lines) >= 2 {
			if region, country, ok := tr.untangleGroups(v.lines); ok {
				// (the region's and the country's names, each in a column
				// of its own under the one header)
				switch {
				case f == fRegion && !tr.hasColumn(fCountry):
					vals.put(fCountry, val{text: country, lines: []string{country}, col: j, split: true})
					v.text, v.lines = region, []string{region}
				case f == fCountry && !tr.hasColumn(fRegion):
					vals.put(fRegion, val{text: region, lines: []string{region}, col: j, split: true})
					v.text, v.lines = country, []string{country}
				default:
					v.text = region + " " + country
					v.lines = []string{v.text}
				}
			}
		}
		if n := len(v.lines); n >= 2 && tr.c.lx.IsChrome(v.lines[n-1]) {
			// "Copyright …" / "All rights reserved.": the page's footer,
			// taken in under the table's last row
			v.lines = v.lines[:n-1]
			v.text = joinWrapped(v.lines)
		}
		if f == fType && describesScope(v.text) {
			// ("Scope": what the parties will do, beside or instead of
			// a column of kinds)
			vals.described = true
			continue
		}
		if vals.set.has(f) && f == fType {
			if _, only := tr.c.lx.IsLevelOnly(v.text); only {
				f = fLevel // a second kind column that says the level
			}
		}
		if old, ok := vals.lookup(f); ok {
			if v.text != "" && !v.covered {
				old.text = strings.TrimSpace(old.text + " " + v.text)
				if len(old.lines) > 1 && !old.covered && j < len(tr.spanned) && tr.spanned[j] {
					// The words of a line set apart in the columns one
					// header spans: line by line.
					old.lines = joinLineByLine(old.lines, v.lines)
					old.text = joinWrapped(old.lines)
				}
				old.covered = false
			}
			vals.put(f, old)
			continue
		}
		vals.put(f, v)
	}
	if tr.unitInSigned && !vals.set.has(fHomeUnit) {
		tr.unitOutOfSigned(vals)
	}
	return vals
}

// unitOutOfSigned reads a cell of a date column whose header names the
// home unit too (tableReader.unitInSigned): the lines above a last line
// that is a date are the home unit ("理工学部・理工学研究科" / "Faculty … of
// Science and Engineering" / "2017年4月7日"); a date alone is the date, as
// in any date column, and the unit is the institution's (the header says
// so: "明記のない場合は大学", the university where none is named).
func (tr *tableReader) unitOutOfSigned(vals *fieldVals) {
	v, ok := vals.lookup(fSigned)
	if !ok || v.covered || len(v.lines) < 2 {
		return
	}
	n := len(v.lines)
	last, _ := splitMarkers(v.lines[n-1])
	if _, err := tr.c.parseDate(last, tr.c.dateOptions()); err != nil {
		return
	}
	vals.put(fHomeUnit, val{text: joinWrapped(v.lines[:n-1]), lines: v.lines[:n-1], col: v.col, split: true})
	v.text, v.lines = v.lines[n-1], v.lines[n-1:]
	vals.put(fSigned, v)
}

// joinLineByLine joins two cells' lines side by side: the first lines,
// then the second, and so on.
func joinLineByLine(a, b []string) []string {
	out := make([]string, max(len(a), len(b)))
	for k := range out {
		var parts []string
		if k < len(a) && clean(a[k]) != "" {
			parts = append(parts, clean(a[k]))
		}
		if k < len(b) && clean(b[k]) != "" {
			parts = append(parts, clean(b[k]))
		}
		out[k] = strings.Join(parts, " ")
	}
	return out
}

// row reads one body row: a group, note or continuation row changes the
// state; any other row becomes a record, read in steps.
func (tr *tableReader) row(i int) {
	defer tr.noteBody(i)
	vals := tr.rowVals(i)
	has := vals.own()
	if tr.notARecord(i, vals, has) {
		return
	}
	if parts := tr.oneAgreementALine(i, vals); parts != nil {
		for k, p := range parts {
			tr.record(i, p, p.own(), k)
		}
		return
	}
	if parts := tr.onePartnerALine(i, vals); parts != nil {
		for k, p := range parts {
			tr.record(i, p, p.own(), k)
		}
		tr.partnersALine = false
		return
	}
	tr.record(i, vals, has, -1)
}

// bodyRow is where a body row stands and the columns it filled, kept
// after the row itself is let go.
type bodyRow struct {
	page, row int
	filled    uint64 // bit k: column k holds text (columns past 63 share bit 63)
}

// noteBody keeps row i as the body row read last; the columns it filled
// only when the next row opens another page, the one place brokenByPage
// looks at them.
func (tr *tableReader) noteBody(i int) {
	rows := tr.t.Rows
	r := &rows[i]
	b := bodyRow{page: r.Page, row: r.Row}
	if i+1 < len(rows) && rows[i+1].Page > r.Page {
		for k := range r.Cells {
			if c := &r.Cells[k]; !c.Covered && strings.TrimSpace(c.Text) != "" {
				b.filled |= 1 << min(k, 63)
			}
		}
	}
	tr.lastBody = b
}

// record makes the record of a row, or of line part of it when the row
// holds several agreements one a line (oneAgreementALine).
func (tr *tableReader) record(i int, vals *fieldVals, has fieldSet, part int) {
	c := tr.c
	r := &tr.t.Rows[i]
	rec := c.newRecord(r.Page, r.Row)
	if part >= 0 && tr.partnersALine {
		rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairSplitCell, "one_partner_a_line"))
	} else if part >= 0 {
		rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairSplitCell, "one_agreement_a_line"))
		if tr.sharedWrap {
			rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairSplitCell, "wrapped_shared"))
		}
	}
	if tr.severalDoubt {
		tr.severalDoubt = false
		if v, ok := vals.lookup(fPartner); ok {
			tr.doubtOf(readcheck.KindRunTogether, &rec, fmt.Sprintf("the partner's cell names an institution a line, one known by its own name among them (%q): read as one partner, its later lines as the partner's unit; they may be several partners",
				strings.Join(v.lines, " / ")))
		}
	}
	if tr.unpaired {
		// A date a line, but the other cells' lines do not pair with the
		// dates: several agreements may be read as one (readcheck says so).
		rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairSplitCell, "agreements_unpaired"))
		tr.unpaired = false
	}
	rec.Level = tr.level
	rec.Repairs = append(rec.Repairs, tr.levelRepair, tr.colsRepair)
	if tr.legendCut[r.Row] {
		rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairSplitCell, "legend_under_table"))
	}
	if tr.wrapJoined[r.Row] {
		rec.Repairs = append(rec.Repairs, string(agreement.RepairSplitRow)) // (joinWrappedRows)
	}
	if tr.repeatedRow {
		rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairSplitRow, "clipped_copy_dropped"))
		tr.repeatedRow = false
	}
	if !tr.rowGroups(&rec, vals, r) {
		c.unplaced(r.Page, r.Row, rowText(*r), agreement.UnplacedBeforeGroup, "row before any country")
		return
	}
	rowLevel, ok := tr.rowPartner(&rec, vals, has, i)
	if !ok {
		c.unplaced(r.Page, r.Row, rowText(*r), agreement.UnplacedNoName, "row has no partner")
		return
	}
	if lv := tr.rowCells(&rec, vals, has); lv != "" {
		rowLevel = lv
	}
	tr.rowDates(&rec, vals)
	for j, fl := range tr.flagOf {
		if !c.lx.IsNegative(tr.partText(i, j, part)) {
			rec.Flags = append(rec.Flags, fl)
		}
	}
	if lv := tr.rowMarks(&rec, i, part); lv != "" && rowLevel == "" {
		rowLevel = lv
	}
	if rowLevel != "" {
		// The row says its level: nothing was assumed.
		rec.Level = rowLevel
		rec.Repairs = without(rec.Repairs, []string{agreement.R(agreement.RepairLevel, "assumed_university"), agreement.R(agreement.RepairLevel, "assumed_department")})
		if rowLevel == LevelUniversity {
			rec.HomeUnit = ""
		}
	} else if rec.Level == LevelDepartment && rec.HomeUnit == "" && tr.levelRepair == "" && c.level != LevelDepartment {
		// Department only because the table has a home-unit column,
		// blank or a placeholder ("―") on this row: the section's level
		// where it says one, else assumed, as where nothing says it.
		rec.Level = LevelUniversity
		if c.level == "" {
			rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairLevel, "assumed_university"))
		}
	}
	c.res.Records = append(c.res.Records, rec)
	tr.prev = c.made() - 1
	if part <= 0 {
		tr.noteUnread(i) // (once a row, however many agreements its lines hold)
	}
}

// noteUnread counts the text row i holds in columns no header names
// (fNone) beside the record it made: the record goes without it.
func (tr *tableReader) noteUnread(i int) {
	r := &tr.t.Rows[i]
	for j, f := range tr.cols {
		if f != fNone || j >= len(r.Cells) || r.Cells[j].Covered {
			continue
		}
		text := clean(cellText(r.Cells[j]))
		if text == "" {
			continue
		}
		u := tr.unread[j]
		if u == nil {
			if tr.unread == nil {
				tr.unread = map[int]*agreement.UnreadColumn{}
			}
			u = &agreement.UnreadColumn{Page: r.Page, Row: r.Row, Column: j + 1, Text: text}
			if j < len(tr.heads) {
				u.Header = clean(tr.heads[j])
			}
			tr.unread[j] = u
		}
		u.Cells++
	}
}

// reportUnread hands the columns noteUnread counted to the result, left
// to right.
func (tr *tableReader) reportUnread() {
	for j := range tr.cols {
		if u := tr.unread[j]; u != nil {
			tr.c.res.Unread = append(tr.c.res.Unread, *u)
		}
	}
	tr.unread = nil
}

// notARecord reads a row that makes no record of its own: a group row, a
// legend, total or note row, a row of grouping cells, the continuation of
// the row above, or a row with no known field (reported unplaced).
func (tr *tableReader) notARecord(i int, vals *fieldVals, has fieldSet) bool {
	c := tr.c
	r := &tr.t.Rows[i]
	if sole, ok := tr.soleText(i); ok {
		if tr.groupRow(i, sole) {
			return true
		}
		if i > 0 && r.Page != tr.t.Rows[i-1].Page && c.namesListTitle(sole) {
			return true // the list's title said again at a page's head, inside the table ("部局間学術交流協定")
		}
		if j, span := tr.soleCell(i); span || j >= len(tr.cols) || tr.cols[j] != fPartner {
			if _, _, legend := c.parseLegendLine(sole); legend {
				return true
			}
			if d := c.parseDeclared(sole, tr.level, r.Page, r.Row); d != nil {
				c.res.Declared = append(c.res.Declared, d...)
				return true
			}
			if c.lineIsNote(sole) {
				return true
			}
		}
	}
	if tr.countryInTwoCells(i) {
		return true
	}
	if joined, ok := joinedCellsWithin(*r, 40); ok && !has.has(fSigned) {
		if d, ok := c.parseAsOf(joined); ok && !c.lx.IsInstitution(joined) {
			// "(as" | "of 2021.5.1)": the list's date, a running head the
			// table took in over a page break.
			if c.asOf == "" {
				c.asOf = d
			}
			return true
		}
	}
	if has.len() == 0 {
		if text := rowText(*r); text != "" {
			c.unplaced(r.Page, r.Row, text, agreement.UnplacedNoField, "row has text only in columns without a known field")
		}
		return true
	}
	return tr.groupCells(vals, has, r) || tr.joinSplitRow(r, vals, has)
}

// rowGroups files the record under its region and country: the row's own
// cells, merged cells, blank cells filled down, or the headings around the
// table. It reports false for a row before any country.
func (tr *tableReader) rowGroups(rec *Record, vals *fieldVals, r *parser.Row) bool {
	c := tr.c
	rv, hasRegionCol := vals.lookup(fRegion)
	if rv.text != "" && (!rv.covered || rv.text != tr.regionWritten) {
		tr.setRegion(rv.text, r)
	}
	if tr.regionWritten != "" {
		rec.Region = tr.region
		rec.Repairs = append(rec.Repairs, tr.regionRepairs...)
		if hasRegionCol && (rv.covered || rv.text == "" || tr.filledUp[r.Row]) {
			rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairFillDown, "region"))
		}
	}
	if tr.regionWritten != "" && tr.region != c.region && !tr.countrySet {
		// A region of the table's own, no country named under it yet:
		// the country of the headings around the table is another
		// region's ("国際機関" rows after a page under "フランス").
		rec.Country, rec.CountryCode = "", ""
	}
	cv, hasCountryCol := vals.lookup(fCountry)
	if cv.text != "" && (!cv.covered || !tr.countrySet) {
		tr.setCountry(cv.text, r)
	}
	if tr.countrySet {
		rec.Country, rec.CountryCode = tr.country.Name, tr.country.Code
		rec.Repairs = append(rec.Repairs, tr.countryRepairs...)
		if hasCountryCol && (cv.covered || cv.text == "" || tr.filledUp[r.Row]) {
			rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairFillDown, "country"))
		}
	}
	if rec.Region == "" && tr.regionWritten != "" {
		rec.Region = tr.region // named in the country's cell ("アジア Asia バングラデシュ")
		rec.Repairs = append(rec.Repairs, tr.regionRepairs...)
	}
	// The table's own grouping replaces the headings around it: the
	// heading's repair goes with the heading's value, and stays with it
	// where the table names a country under the heading's region.
	if tr.countrySet || rec.Country == "" {
		rec.Repairs = without(rec.Repairs, c.cRepair)
	}
	if tr.regionWritten != "" {
		rec.Repairs = without(rec.Repairs, c.rRepair)
	}
	return rec.Country != "" || tr.intl || (!tr.countrySet && c.intl)
}

// departmentRow reports a row that names the home unit of its agreement,
// in a home-unit column or in a level column that gives the unit where a
// university-wide agreement says so ("GS Engineering" beside
// "University"), or whose kind or level says it is a unit's agreement.
func (tr *tableReader) departmentRow(vals *fieldVals) bool {
	c := tr.c
	for _, f := range []field{fHomeUnit, fLevel, fType} {
		text, _ := splitMarkers(vals.get(f).text)
		if text == "" || c.lx.IsPlaceholder(text) {
			continue
		}
		lv, ok := c.lx.LevelValue(text)
		switch {
		case ok:
			return lv == LevelDepartment
		case f != fType:
			return true
		}
	}
	return false
}

// rowPartner reads the partner cell through the entry reader, or fills the
// partner down from the row above. It returns a level the cell states.
func (tr *tableReader) rowPartner(rec *Record, vals *fieldVals, has fieldSet, i int) (string, bool) {
	c := tr.c
	pv := vals.get(fPartner)
	level := ""
	switch {
	case pv.text != "" && tr.nameOverRows(rec, pv):
	case pv.text != "":
		text := pv.text
		if !tr.hasColumn(fPartnerUnit) {
			text = c.unitOnItsLine(pv.lines, text)
		}
		o := entryOpts{ownDate: has.has(fSigned), ownUnit: tr.hasColumn(fPartnerUnit), department: tr.departmentRow(vals)}
		en := c.readEntry(text, o)
		c.applyEntry(rec, en, tr.where(fPartner))
		level = en.level
		tr.partnerText, tr.partnerOpts = text, o
		if pv.covered {
			rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairFillDown, "partner"))
		}
		tr.partner, tr.partnerAlt, tr.partnerMarkers = rec.Partner, rec.PartnerAlt, en.markers
		tr.partnerFrom = c.made() // (the record made of this row)
	case tr.fillUp(rec, vals, pv, i, has):
	case tr.partner != "":
		// A blank partner cell: the partner above. When the cell is what
		// a page break left of a merged cell, the markers it carried too.
		rec.Partner, rec.PartnerAlt = tr.partner, tr.partnerAlt
		if tr.cutMergedCell(i, pv.col) {
			c.applyMarkers(rec, tr.partnerMarkers, tr.where(fPartner))
		}
		rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairFillDown, "partner"))
		tr.doubtFill(i, pv.col, rec)
	default:
		return "", false
	}
	return level, rec.Partner != ""
}

// nameOverRows reads a partner cell that is only a word for an
// institution ("University", "大学") under the rows of a partner above
// ("* Chulalongkorn"): a name in a cell merged over those rows, its lines
// parted between them. The name is read whole, on the rows above that
// bear it and on this one, which takes the markers the cell carried.
func (tr *tableReader) nameOverRows(rec *Record, pv val) bool {
	c := tr.c
	if tr.partner == "" || tr.partnerText == "" || tr.partnerFrom < c.base || !c.lx.IsInstitutionWord(pv.text) {
		return false
	}
	joined := joinWrapped([]string{tr.partnerText, pv.text})
	en := c.readEntry(joined, tr.partnerOpts)
	if en.partner == "" || en.partner == tr.partner || !strings.HasSuffix(en.partner, strings.TrimSpace(pv.text)) {
		return false
	}
	repair := agreement.R(agreement.RepairSplitRow, "name_over_rows")
	for k := tr.partnerFrom; k < c.made(); k++ {
		if r := c.rec(k); r.Partner == tr.partner && r.PartnerAlt == tr.partnerAlt {
			r.Partner, r.PartnerAlt = en.partner, en.partnerAlt
			r.Repairs = append(r.Repairs, repair)
		}
	}
	rec.Partner, rec.PartnerAlt = en.partner, en.partnerAlt
	c.applyMarkers(rec, tr.partnerMarkers, tr.where(fPartner))
	rec.Repairs = append(rec.Repairs, repair)
	tr.partner, tr.partnerAlt, tr.partnerText = en.partner, en.partnerAlt, joined
	return true
}

// rowCells reads the units, the kind and the notes, markers stripped
// wherever they stand. It returns a level a kind or home-unit cell states.
func (tr *tableReader) rowCells(rec *Record, vals *fieldVals, has fieldSet) string {
	c := tr.c
	level := ""
	if vals.described {
		rec.Repairs = append(rec.Repairs, string(agreement.RepairTypeDescription))
	}
	for _, f := range []field{fPartnerUnit, fHomeUnit, fType, fLevel, fNotes} {
		v, ok := vals.lookup(f)
		if !ok || v.text == "" {
			continue
		}
		text, markers := splitMarkers(v.text)
		if f == fType || f == fLevel || f == fHomeUnit {
			// A kind column may say the level row by row
			// ("University-wide", "部局間協定"), as may a home unit that
			// names the whole institution ("全学").
			lv, only := c.lx.IsLevelOnly(text)
			if !only && strings.Contains(text, " ") {
				// A word broken in a narrow column: "Universit y-wide",
				// "大学間協定 University-w ide".
				lv, only = c.lx.IsLevelOnly(strings.ReplaceAll(text, " ", ""))
				for joined := range oneSpaceOut(text) {
					if lv, only = c.lx.IsLevelOnly(joined); only {
						break
					}
				}
			}
			if only {
				level = lv
				c.applyMarkers(rec, markers, tr.where(f))
				continue
			}
			if f == fType && !has.has(fHomeUnit) && rec.HomeUnit == "" {
				// A column of categories ("区分") that holds the level
				// for some rows and the home unit for others.
				if lv, ok := c.lx.LevelValue(text); ok {
					level = lv
					continue
				}
				if c.isUnit(text) || (c.level == LevelDepartment || tr.categoriesNameUnits()) && unitAbbreviation.MatchString(text) && !c.lx.IsKind(text) {
					// (under a department-level title, or in a column that
					// names units elsewhere, a category that abbreviates a
					// unit: "Agr", "HyARC", "IMRAM")
					rec.HomeUnit, level = text, LevelDepartment
					continue
				}
			}
			if f == fLevel {
				switch lv, ok := c.lx.LevelValue(text); {
				case ok:
					level = lv
				case c.lx.IsPlaceholder(text):
				case rec.HomeUnit == "" && !has.has(fHomeUnit):
					// A level column that names the unit the agreement
					// is made at ("Agr", "GS Engineering").
					rec.HomeUnit, level = text, LevelDepartment
				}
				continue
			}
		}
		if c.lx.IsPlaceholder(text) {
			c.applyMarkers(rec, markers, tr.where(f))
			continue
		}
		if f != fNotes && !has.has(fSigned) && !has.has(fValid) {
			if rest, d, ok := cellTrailingDate(text); ok {
				text = rest
				rec.Signed = d.ISO
				rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairSplitCell, f.String()), agreement.R(agreement.RepairDate, d.Layout))
				rest, more := splitMarkers(text)
				text, markers = rest, append(markers, more...)
			}
		}
		if v.covered {
			rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairFillDown, f.String()))
		}
		if v.split {
			rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairSplitCell, f.String()))
		}
		c.applyMarkers(rec, markers, tr.where(f))
		switch f {
		case fPartnerUnit:
			rec.PartnerUnit = text
		case fHomeUnit:
			rec.HomeUnit = text
			if v.split {
				level = LevelDepartment // a unit named where the university is meant when none is
			}
		case fType:
			rec.AgreementType = kindsApart(c, text, v.lines)
		case fNotes:
			if fl := c.lx.Flag(text); fl != "" {
				rec.Flags = append(rec.Flags, fl)
			}
		}
	}
	return level
}

// rowDates reads the date and term columns.
func (tr *tableReader) rowDates(rec *Record, vals *fieldVals) {
	c := tr.c
	opt := c.dateOptions()
	if v, ok := vals.lookup(fSigned); ok && v.text != "" {
		v.text = tr.asOfOff(v)
		text, markers := splitMarkers(v.text)
		c.applyMarkers(rec, markers, tr.where(fSigned))
		if v.covered {
			rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairFillDown, "signed"))
		}
		if d, err := c.parseDate(text, opt); err == nil {
			rec.Signed = d.ISO
			rec.Repairs = append(rec.Repairs, c.dateRepair(d.Layout))
		} else if vv, err := ParseValidity(text, opt); err == nil && text != "" {
			tr.applyValidity(rec, vv)
		} else if ds := c.severalDates(text, opt); len(ds) > 1 {
			// "1999, 11/17/2008": concluded, then renewed.
			rec.Signed = ds[0].ISO
			rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairDate, ds[0].Layout), agreement.R(agreement.RepairDate, "first_of_several"))
		} else if fl := c.cellFlag(text); fl != "" {
			rec.Flags = append(rec.Flags, fl)
		} else if !c.lx.IsPlaceholder(text) {
			rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairDateUnread, text))
		}
	}
	for _, f := range []field{fValid, fValidEnd} {
		v, ok := vals.lookup(f)
		if !ok || v.text == "" {
			continue
		}
		v.text = tr.asOfOff(v)
		text, markers := splitMarkers(v.text)
		c.applyMarkers(rec, markers, tr.where(f))
		if v.covered {
			rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairFillDown, "valid_until"))
		}
		if d, err := c.parseDate(text, opt); err == nil && f == fValidEnd {
			// A lone date under "Valid until" is where the term ends.
			tr.applyValidity(rec, Validity{ValidUntil: d})
		} else if vv, err := ParseValidity(text, opt); err == nil {
			tr.applyValidity(rec, vv)
		} else if ds := c.severalDates(text, opt); len(ds) > 1 && f == fValidEnd {
			tr.applyValidity(rec, Validity{ValidUntil: ds[len(ds)-1]})
		} else if fl := c.cellFlag(text); fl != "" {
			rec.Flags = append(rec.Flags, fl)
		} else if !c.lx.IsPlaceholder(text) {
			rec.Repairs = append(rec.Repairs, agreement.R(agreement.RepairValidityUnread, text))
		}
	}
}

// kindsApart is the kind a cell names: text, or, when each of the cell's
// lines is a kind of its own written in CJK ("包括" / "学生交換"), the lines
// apart ("包括 / 学生交換"), not run together as one word as a CJK cell's
// wrapped lines are. Kinds in Latin letters keep their lines joined with
// a space, which reads either way ("Dual Degree" / "Articulation": one kind
// wrapped in a narrow column, or two).
func kindsApart(c *docContext, text string, lines []string) string {
	if len(lines) < 2 {
		return text
	}
	kinds := make([]string, 0, len(lines))
	for _, l := range lines {
		k, _ := splitMarkers(l)
		k = strings.TrimSpace(k)
		first, _ := utf8.DecodeRuneInString(k)
		last, _ := utf8.DecodeLastRuneInString(k)
		if k == "" || !isCJK(first) || !isCJK(last) || !c.lx.IsKind(k) {
			return text
		}
		kinds = append(kinds, k)
	}
	return strings.Join(kinds, " / ")
}

// asOfOff is a date cell's text without the list's as-of date that the
// table took in under it, as its last line (the line right-aligned under
// the table's last row: "2019-02-23" / "（2021年5月1日現在）"). The date
// is the list's, and the records the table holds get it too.
func (tr *tableReader) asOfOff(v val) string {
	n := len(v.lines)
	if n < 2 {
		return v.text
	}
	d, ok := tr.c.asOfLine(v.lines[n-1])
	if !ok {
		return v.text
	}
	if c := tr.c; c.asOf == "" {
		c.asOf = d
		for i := c.base; i < c.made(); i++ {
			if r := c.rec(i); r.AsOf == "" {
				r.AsOf = d // the table's rows above (those of a table before are gone)
			}
		}
	}
	return joinWrapped(v.lines[:n-1])
}

// describesScope reports a kind column's cell that describes what the
// parties will do rather than name a kind of agreement: a column headed
// "Scope" that lists "Exchange of students; Exchange of faculty members
// and/or staffs; Joint research activities…". Such a cell has clauses
// between semicolons, or more words than a kind's name has (the longest,
// "Memorandum of Understanding on Academic Cooperation and Student
// Exchange", has nine).
func describesScope(text string) bool {
	return strings.Count(text, ";") >= 2 || moreWordsThan(text, 14)
}

// cellFlag is the flag a date or term cell names instead of a date
// ("pending renewal", "手続中"), its words perhaps broken in a narrow
// column ("pendin g renewa l"): the text as it is, else with one of its
// spaces taken out at a time.
func (c *docContext) cellFlag(text string) string {
	if fl := c.lx.Flag(text); fl != "" {
		return fl
	}
	for joined := range oneSpaceOut(text) {
		if fl := c.lx.Flag(joined); fl != "" {
			return fl
		}
	}
	return ""
}

// oneSpaceOut yields text with one of its spaces taken out, each in turn:
// the readings of a word broken in a narrow column ("Universit y-wide",
// "pendin g renewa l").
func oneSpaceOut(text string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for k := 0; k < len(text); k++ {
			if text[k] == ' ' && !yield(text[:k]+text[k+1:]) {
				return
			}
		}
	}
}

// severalDates reads a cell of dates separated by commas ("1999,
// 11/17/2008", "05/20/2013, 07/27/2017"); nil unless every part is a date.
func (c *docContext) severalDates(text string, opt DateOptions) []Date {
	parts := splitDetails(text, -1)
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
		rec.Repairs = append(rec.Repairs, tr.c.dateRepair(v.Signed.Layout))
	}
	if !v.ValidUntil.IsZero() {
		rec.ValidUntil = v.ValidUntil.ISO
		rec.Repairs = append(rec.Repairs, tr.c.dateRepair(v.ValidUntil.Layout))
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

// bareDateRe matches a date at the end of a cell without brackets, as a
// careless extraction leaves it: "* GS Engineering 2019/08/08".
var bareDateRe = lazyre.New(`^(.*?)\s+([0-9]{4}[/.\-][0-9]{1,2}[/.\-][0-9]{1,2})$`)

// cellTrailingDate splits such a date off a unit or kind cell (the entry
// reader has its own, c.trailingBareDate, for partner cells and items).
func cellTrailingDate(s string) (string, Date, bool) {
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
// wants: without a space between two CJK characters, with one otherwise; a
// raised marker on a line of its own goes first (raisedMarkerLines).
func cellText(c parser.Cell) string {
	if c.LineCount() < 2 {
		return clean(c.Text)
	}
	return joinWrapped(raisedMarkerLines(c.Lines()))
}

// categoriesNameUnits reports a category column (区分) that names a unit,
// written out, in some row: its short values are units' abbreviations.
func (tr *tableReader) categoriesNameUnits() bool {
	if tr.catUnits != nil {
		return *tr.catUnits
	}
	found := false
	for j, f := range tr.cols {
		if f != fType {
			continue
		}
		for i := tr.body; i < len(tr.t.Rows) && !found; i++ {
			found = tr.c.isUnit(tr.cell(i, j).text)
		}
	}
	tr.catUnits = &found
	return found
}

// unitAbbreviation matches a unit's short name as lists abbreviate them in
// a category column: one capitalised word ("Agr", "HyARC", "GSID"); a
// name with a unit word ("GS Engineering") is a unit already.
var unitAbbreviation = lazyre.New(`^[A-Z][A-Za-z&.\-]{1,14}$`)

// cutMergedCell reports a cell with no text that goes on a merged cell of
// the page before: it spans rows itself, or it opens its page under a
// merged cell that reached the page's foot.
func (tr *tableReader) cutMergedCell(i, j int) bool {
	rows := tr.t.Rows
	if j < 0 || j >= len(rows[i].Cells) || i == 0 {
		return false
	}
	cell := rows[i].Cells[j]
	if cell.Covered {
		if o, ok := tr.origin.of(i, j); ok && o.row < i {
			return tr.cutMergedCell(o.row, o.col) // a row further down the same merged cell
		}
		return false
	}
	if clean(cell.Text) != "" || rows[i-1].Page == rows[i].Page {
		return false
	}
	above := rows[i-1].Cells
	return cell.RowSpan > 1 || j < len(above) && (above[j].Covered || above[j].RowSpan > 1)
}

// oneAgreementALine splits a row that holds the rows of several agreements
// with one partner, one a line: a partner cell merged across them, which
// an extractor without rules to go by read as one row. The date cell holds
// one date a line, and the level, kind or home-unit cell as many lines.
// Cells of one line are the partner's and go to every part, but for a
// partner's unit, which goes to the parts at department level (an
// agreement with the whole institution names no unit).
func (tr *tableReader) oneAgreementALine(i int, vals *fieldVals) []*fieldVals {
	sv, ok := vals.lookup(fSigned)
	if !ok || sv.covered || len(sv.lines) < 2 {
		return nil
	}
	k := len(sv.lines)
	if !tr.datesPaired(vals, k) {
		return nil
	}
	// A level or kind cell wrapped alike for every agreement ("部局間" /
	// "協定" twice beside two dates) holds a value every so many lines.
	type cellAsRead struct {
		f field
		v val
	}
	var chunked []cellAsRead // (put back if the row is not split)
	for _, f := range []field{fLevel, fType} {
		if v, ok := vals.lookup(f); ok && !v.covered && len(v.lines) > k {
			if c, ok := tr.valuesEvery(v.lines, k); ok {
				chunked = append(chunked, cellAsRead{f, v})
				v.lines = c
				vals.put(f, v)
			}
		}
	}
	perLine, unpaired := false, false
	for f, v := range vals.all() {
		switch {
		case f == fSigned || f == fPartner || f == fRegion || f == fCountry || v.covered || len(v.lines) <= 1:
		case len(v.lines) != k:
			unpaired = unpaired || f == fLevel || f == fType || f == fHomeUnit // a wrapped cell, or rows that cannot be told apart
		case f == fLevel || f == fType || f == fHomeUnit:
			perLine = true
		}
	}
	if unpaired || !perLine {
		tr.unpaired = unpaired
		for _, c := range chunked {
			vals.put(c.f, c.v)
		}
		return nil
	}
	levels := make([]string, k)
	var perPart fieldSet // the cells of as many lines as agreements, a value a line
	tr.sharedWrap = false
	if tr.institutionALine(i, vals, k) {
		perPart.add(fPartner) // (a partner a line: the rows of several partners read as one)
	}
	for f, v := range vals.all() {
		if len(v.lines) == k && f != fPartner && f != fRegion && f != fCountry && !v.covered {
			if oneWrappedText(v.lines) {
				tr.sharedWrap = true // (as many lines as agreements, yet one text: every one's, or the first's only)
			} else {
				perPart.add(f)
			}
		}
	}
	parts := partsByLine(vals, perPart, k)
	for s, p := range parts {
		for _, f := range []field{fLevel, fType} {
			if v, ok := p.lookup(f); ok && perPart.has(f) {
				if lv, only := tr.c.lx.IsLevelOnly(v.text); only {
					levels[s] = lv
				}
			}
		}
	}
	if u, ok := vals.lookup(fPartnerUnit); ok && len(u.lines) <= 1 && u.text != "" && slices.Contains(levels, LevelUniversity) {
		for s := range parts {
			if levels[s] == LevelUniversity {
				parts[s].put(fPartnerUnit, val{col: u.col})
			}
		}
	}
	tr.parts = k
	return parts
}

// onePartnerALine splits a row whose partner cell names several
// institutions, one a line ("Peking University" / "Fudan University", a
// cell of lines parted by <br> or wrapped one name a line), beside cells
// of one line each, which every one of them shares (the country, the
// kind, one date), or of as many lines, a value a line. It returns nil,
// the row left as one, when the lines could be one name wrapped, or when
// another cell's lines do not pair with the partners'.
func (tr *tableReader) onePartnerALine(i int, vals *fieldVals) []*fieldVals {
	v, ok := vals.lookup(fPartner)
	if !ok || v.covered || len(v.lines) < 2 {
		return nil
	}
	k := len(v.lines)
	var perPart fieldSet
	for f, o := range vals.all() {
		switch {
		case f == fPartner || o.covered || len(o.lines) <= 1 && (f != fPartnerUnit || strings.TrimSpace(o.text) == ""):
		case f == fPartnerUnit && len(o.lines) <= 1:
			return nil // (one unit beside several partners: whose, the row cannot tell)
		case len(o.lines) == k && f != fRegion && f != fCountry && !oneWrappedText(o.lines):
			perPart.add(f)
		default:
			return nil
		}
	}
	// A line that names an institute by its own name ("Tata Institute of
	// Fundamental Research") may be the line above's unit, unless a date
	// a line pairs each line with an agreement, or the column's other
	// cells are lists of partners.
	names, ownNames := tr.namesALine(v.lines, tr.spansOf(i, v), v.col)
	if !names {
		return nil
	}
	if ownNames && !tr.datesPaired(vals, k) && !tr.listColumn(v.col) {
		tr.severalDoubt = tr.instituteAfterName(v.lines) // (read as one, said: names_run_together)
		return nil
	}
	perPart.add(fPartner)
	tr.parts, tr.partnersALine, tr.sharedWrap = k, true, false
	return partsByLine(vals, perPart, k)
}

// partsByLine parts a row's values into k agreements': line s of each
// cell in perPart is the sth's, and the other cells are every one's.
func partsByLine(vals *fieldVals, perPart fieldSet, k int) []*fieldVals {
	parts := make([]*fieldVals, k)
	for s := range parts {
		parts[s] = &fieldVals{}
		for f, v := range vals.all() {
			if perPart.has(f) {
				line := clean(v.lines[s])
				v = val{text: line, lines: []string{line}, col: v.col}
			}
			parts[s].put(f, v)
		}
	}
	return parts
}

// namesALine reports a cell's lines that each name an institution whole,
// not one name wrapped, nor a name and its unit, nor one name in two
// languages: every line names a university and ends as one ("Peking
// University", "北京大学"), or names an institution of another kind
// ("Harbin Institute of Technology", "Ministry of Health and Sports,
// Mongolia"), or, after the first line and not after an academy's name
// (whose institutes are its units), names an institute by its own name
// ("Tata Institute of Fundamental Research"): ownNames then says so, and
// the caller must know otherwise that the lines are several agreements'.
//
// In a PDF, whose lines may be a name wrapped at the column's width, a
// line that ends neither as a university's name nor with an acronym in
// brackets must break where the next line's first word would have fitted
// (brokeShort of the column's right edge); a web page's <br> or a
// spreadsheet's line feed is the document's own break. No line may be a
// unit's name ("School of International Studies", "College of
// Engineering" after its university, "北京理工大学" / "信息与电子学院"), a
// university's college ("全南大学校" / "工科大学"), a name in brackets
// ("(University of Indonesia)"), a bare word ("Nanyang Technological" /
// "University"), an agreement's details, or in another script than the
// others ("ウィーン工科大学" / "Technische Universität Wien").
func (tr *tableReader) namesALine(lines []string, spans []parser.LineSpan, col int) (ok, ownNames bool) {
	if oneWrappedText(lines) {
		return false, false
	}
	c := tr.c
	explicit := c.doc != nil && c.doc.Format != parser.FormatPDF
	// Lines that each give an agreement's details with its date are
	// entries a line ("慶北大学校 (University-wide, 1984-06-05)" /
	// "ソウル大学校 (University-wide, 1991-05-21)"): their names are read as
	// names a line are, the details left to each record.
	named := c.entriesALine(lines)
	// The lexicon's words first, each line once; then what reads the
	// lines further (and remembers what it read), only for lines that
	// passed, so that a cell of one name wrapped costs little.
	cleaned := make([]string, len(lines))
	var ownName []bool // the lines that name an institute by its own name only (named)
	for k, l := range lines {
		if named != nil {
			l = named[k]
		}
		l, _, _ = cutMarkers(clean(l))
		cleaned[k] = l
		if l == "" || isParenthesised(l) || c.lx.IsInstitutionWord(l) || endsWithConnector(l) || c.lx.EndsWithModifier(l) {
			return false, false
		}
		if k > 0 {
			prev := cleaned[k-1]
			if hasCJK(l) != hasCJK(prev) || koreanCollege(prev, l) || koreanCollege(l, prev) || cjkUnitOf(prev, l) {
				return false, false
			}
		}
		whole := c.namesUniversity(l) && c.endsAsInstitution(l)
		if !whole && !c.lx.IsInstitution(l) {
			// (an institute known by its own name after the first is
			// its unit: "Chinese Academy of Sciences" / "Xinjiang
			// Institute of Ecology and Geography")
			if k == 0 || isAcademyName(cleaned[k-1]) || !c.lx.HasUnitWord(l) {
				return false, false
			}
			if ownName == nil {
				ownName = make([]bool, len(lines))
			}
			ownName[k] = true
		}
		if explicit || k+1 == len(lines) {
			continue
		}
		// The line breaks after a name that ends as a university's, or
		// with its acronym in brackets, or where the next line's first
		// word would have fitted: not where the width wrapped a name
		// ("Russian Academy of Sciences Lomonosov" / "Moscow State
		// University").
		if named == nil && !whole && !strings.HasSuffix(l, ")") && !tr.brokeShort(lines, spans, k+1, col) {
			return false, false
		}
	}
	for k, l := range cleaned {
		if c.isUnit(l) || k > 0 && c.opensAsUnit(l) || ownName != nil && ownName[k] && !c.namedInstitution(l) {
			return false, false
		}
		if named != nil {
			continue
		}
		if _, name := c.readEntryDetails(l, entryOpts{}, c.dateOptions()); name != l {
			return false, false // an agreement's details on the line ("信息与电子学院 — 部局間協定…、8/8/2019 締結"): one entry wrapped
		}
	}
	return true, ownName != nil
}

// entriesALine returns the names of a cell's lines when each line is an
// entry of its own: a name, then the details of its agreement with their
// date ("西北大学 (University-wide, 1980-05-31)", "Peking University — MOU,
// 10 November 1999"); nil otherwise. A line's details without a date may
// be a wrapped name's unit ("信息与电子学院 — 部局間協定…").
func (c *docContext) entriesALine(lines []string) []string {
	if len(lines) < 2 {
		return nil
	}
	names := make([]string, len(lines))
	for k, l := range lines {
		l = clean(l)
		if !hasDigit(l) {
			return nil // (no date: most cells' lines, told apart cheaply)
		}
		e, name := c.readEntryDetails(l, entryOpts{}, c.dateOptions())
		if name == l || e.signed.IsZero() || strings.TrimSpace(name) == "" {
			return nil
		}
		names[k] = name
	}
	return names
}

// instituteAfterName reports a cell's line that names an institute by its
// own name under a line that does not end as a university's ("Indian
// Institute of Science, Bangalore" / "Tata Institute of Fundamental
// Research"): perhaps two institutions, where a school, a laboratory or
// an institute under a university's name ("Macquarie University" /
// "Australian School of Advanced Medicine") is its unit.
func (tr *tableReader) instituteAfterName(lines []string) bool {
	c := tr.c
	for k := 1; k < len(lines); k++ {
		prev, l := clean(lines[k-1]), clean(lines[k])
		if c.namesUniversity(prev) && c.endsAsInstitution(prev) || c.lx.IsInstitution(l) {
			continue
		}
		if hasFoldASCII(l, "institut") { // (and "institute")
			return true
		}
	}
	return false
}

// namedInstitution reports a name of an institute, school or centre known
// by its own name ("Tata Institute of Fundamental Research", "Korea
// Advanced Institute of Science and Technology"), not by its kind first
// ("Institute of Physics", "College of Engineering"): an institution's
// name, or a unit's.
func (c *docContext) namedInstitution(name string) bool {
	return c.unitish(name) && !c.isUnit(name) && !c.opensAsUnit(name) && !startsLower(name)
}

// datesPaired reports a row whose date cell holds k lines, each a date:
// an agreement a line.
func (tr *tableReader) datesPaired(vals *fieldVals, k int) bool {
	v, ok := vals.lookup(fSigned)
	if !ok || v.covered || len(v.lines) != k {
		return false
	}
	opt := tr.c.dateOptions()
	for _, l := range v.lines {
		l, _ = splitMarkers(clean(l))
		if _, err := tr.c.parseDate(l, opt); err != nil {
			return false
		}
	}
	return true
}

// listColumn reports a column of which two cells at least hold several
// lines that each name a university whole (namesALine, no line an
// institute by its own name): a column whose cells list partners one a
// line. Each column is looked at once a table.
func (tr *tableReader) listColumn(j int) bool {
	if v, ok := tr.listCols[j]; ok {
		return v
	}
	n := 0
	for i := range tr.t.Rows {
		if r := &tr.t.Rows[i]; !r.Header && j < len(r.Cells) && !r.Cells[j].Covered && r.Cells[j].LineCount() > 1 {
			if ok, own := tr.namesALine(r.Cells[j].Lines(), r.Cells[j].LineSpans(), j); ok && !own {
				if n++; n == 2 {
					break
				}
			}
		}
	}
	if tr.listCols == nil {
		tr.listCols = map[int]bool{}
	}
	tr.listCols[j] = n >= 2
	return n >= 2
}

// spansOf is where the lines of row i's cell v run across the page, when
// the reader said and v's lines are still the cell's own.
func (tr *tableReader) spansOf(i int, v val) []parser.LineSpan {
	r := &tr.t.Rows[i]
	if v.col >= len(r.Cells) {
		return nil
	}
	c := &r.Cells[v.col]
	if spans := c.LineSpans(); len(spans) == len(v.lines) && slices.Equal(c.Lines(), v.lines) {
		return spans
	}
	return nil
}

// brokeShort reports a line break before lines[k] that the width did not
// force: the first word of lines[k] would have fitted after lines[k-1]
// within the column, whose right edge is where its longest line ends
// (columnRight). The word's width is taken in proportion to its line's.
// Without where the lines run, the lines' lengths in characters are
// compared (hardBreak).
func (tr *tableReader) brokeShort(lines []string, spans []parser.LineSpan, k, col int) bool {
	right := tr.columnRight(col)
	if len(spans) != len(lines) || right <= 0 {
		return hardBreak(lines, k)
	}
	next := strings.TrimSpace(lines[k])
	word, _, _ := strings.Cut(next, " ")
	n, nw := utf8.RuneCountInString(next), utf8.RuneCountInString(word)
	if n == 0 || nw == 0 {
		return false
	}
	perRune := float64(spans[k].X1-spans[k].X0) / float64(n)
	return float64(spans[k-1].X1)+perRune*float64(nw+1) <= right+0.5
}

// columnRight is where the text of column j's cells ends across the page
// at the furthest, in points, as the reader measured it (Table.TextRights;
// 0 when it did not, or when the table's columns are not those it
// measured).
func (tr *tableReader) columnRight(j int) float64 {
	rights := tr.t.TextRights
	if j >= len(rights) || len(tr.t.Rows) == 0 || len(tr.t.Rows[0].Cells) != len(rights) {
		return 0
	}
	return rights[j]
}

// cjkUnitOf reports a name in a script without spaces that reads as a
// unit of the name before it ("北京理工大学" / "信息与电子学院").
func cjkUnitOf(name, unit string) bool {
	if !hasCJK(name) || !hasCJK(unit) {
		return false
	}
	m := cjkUnitRe.FindStringSubmatch(name + unit)
	return m != nil && strings.TrimSpace(m[2]) == unit
}

// institutionALine reports a partner cell of k lines, each an
// institution's whole name by itself (namesALine: "北京大学" / "清華大学",
// "Peking University" / "Tsinghua University"): the cells of k partners,
// one a line, not one name wrapped ("Nanyang Technological" / "University"),
// in a row whose region and country cells are of one line at most (the
// partners' group, whichever row it is).
func (tr *tableReader) institutionALine(i int, vals *fieldVals, k int) bool {
	v, ok := vals.lookup(fPartner)
	if !ok || v.covered || len(v.lines) != k {
		return false
	}
	for _, f := range []field{fRegion, fCountry} {
		if g, ok := vals.lookup(f); ok && len(g.lines) > 1 {
			return false // (whose group each partner is, the row cannot tell: "イスラエル" / "Israel" beside two partners)
		}
	}
	names, _ := tr.namesALine(v.lines, tr.spansOf(i, v), v.col) // (a date a line pairs the lines with agreements: an institute by its own name counts)
	return names
}

// valuesEvery reads a cell's lines as k values of as many lines each,
// when they divide so and every value reads alike or names a level
// alone ("部局間" / "協定", "部局間" / "協定": two agreements' kind).
func (tr *tableReader) valuesEvery(lines []string, k int) ([]string, bool) {
	if len(lines)%k != 0 {
		return nil, false
	}
	m := len(lines) / k
	vals := make([]string, k)
	same, levels := true, true
	for s := range vals {
		vals[s] = joinWrapped(lines[s*m : (s+1)*m])
		same = same && clean(vals[s]) == clean(vals[0])
		if _, only := tr.c.lx.IsLevelOnly(vals[s]); !only {
			levels = false
		}
	}
	return vals, same || levels
}

// oneWrappedText reports a cell's lines that read as one text wrapped,
// not a value a line: a line that ends with a connecting word or inside
// brackets, or a next line that starts in lower case ("Faculty of Medicine
// and" / "Biomedical Sciences Group" beside two dates: both agreements'
// unit).
func oneWrappedText(lines []string) bool {
	for k := 0; k+1 < len(lines); k++ {
		if l := clean(lines[k]); endsWithConnector(l) || bracketDepth(l) != 0 || startsLower(clean(lines[k+1])) {
			return true
		}
	}
	return false
}

// joinedCells is a row's cell texts joined with spaces.
// joinedCellsWithin is joinedCells when that is at most n bytes long;
// false, without joining the cells, when it is longer.
func joinedCellsWithin(r parser.Row, n int) (string, bool) {
	size := -1 // (no space before the first)
	for k := range r.Cells {
		cell := &r.Cells[k]
		if cell.Covered || cell.Text == "" {
			continue
		}
		if t := clean(cell.Text); t != "" {
			if size += 1 + len(t); size > n {
				return "", false // (the rest are not cleaned)
			}
		}
	}
	return joinedCells(r), true
}

func joinedCells(r parser.Row) string {
	var parts []string
	for _, cell := range r.Cells {
		if t := clean(cell.Text); t != "" && !cell.Covered {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}
