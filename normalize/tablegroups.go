package normalize

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/internal/lazyre"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/parser"
)

// The rows of a table that are no records: group rows and cells, rows that
// continue the one above, and a bullet column that makes the table a list.

// listMarkRe matches a cell that is only a list bullet or number.
var listMarkRe = lazyre.New(`^(?:[•◦▪▫‣∙·●○■□・\-–—*＊♦◆◇★☆※]|[0-9０-９]{1,3}[.)．）]?|[(（][0-9０-９]{1,3}[)）]|[a-zA-Z][.)])$`)

// listInTable reads a table whose first column holds only bullets or list
// numbers as the list it is: one line a row, the bullet as the line's
// bullet, rows without one as the wrapped lines of the entry above. It
// needs minMarked rows with a bullet.
func listInTable(t *parser.Table, minMarked int) ([]parser.Line, bool) {
	marked, rows := 0, 0
	for _, r := range t.Rows {
		if len(r.Cells) < 2 || len(r.Cells) > 3 {
			return nil, false
		}
		first := clean(r.Cells[0].Text)
		if rowBlank(r) {
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
	if marked < minMarked || marked*10 < rows*3 {
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
		l := parser.Line{Page: r.Page, Row: r.Row, Text: strings.Join(parts, " "), Role: parser.RoleText}.WithBox(r.Box())
		if b := clean(r.Cells[0].Text); b != "" {
			l.Bullet, l.Role = b, parser.RoleItem
		}
		if len(r.Cells) > 1 {
			b := l.Box()
			b.X0 = r.Cells[1].Box().X0
			l.SetBox(b)
		}
		lines = append(lines, l)
	}
	return lines, true
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
	if g.intl {
		// "International Organizations (1)": the rows below have no country.
		tr.intl = true
	}
	if g.hasCount {
		tr.declare("region", tr.region, g.count, text, r)
	}
}

// setCountry reads a country cell: "China (79)", "U. S. A.", "オーストリア
// Austria".
func (tr *tableReader) setCountry(text string, r *parser.Row) {
	before, wasSet, wasIntl := tr.country, tr.countrySet, tr.intl
	g := tr.c.readCountry(text)
	if !g.known {
		// "アジア Asia バングラデシュ Bangladesh": the region and the
		// country in one cell.
		name, _, _ := groupText(text)
		if regions := tr.c.lx.RegionsIn(name); len(regions) == 1 {
			if cn, ok := tr.c.countryWithin(name); ok {
				if regions[0] != tr.region || tr.regionWritten == "" {
					tr.region, tr.regionWritten, tr.regionRepairs = regions[0], text, nil
				}
				g = groupName{country: cn, known: true, repairs: []string{agreement.R(agreement.RepairCountryAlias, name)}, count: g.count, hasCount: g.hasCount}
			}
		}
	}
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
	level := tr.level
	if tr.levelRepair != "" {
		level = "" // the level was assumed, the count does not say it: it counts every level
	}
	tr.c.res.Declared = append(tr.c.res.Declared, Declared{Level: level, Scope: scope, Name: name, Count: count,
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
	if region, country, ok := tr.c.regionThenCountry(text); ok {
		tr.setRegion(region, &row)
		tr.setCountry(country, &row)
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

// groupsInHeader reads the groups a header row names over a column's name
// in one cell ("Europe" / "Poland" / "Partner Institution"): a table set
// at the bottom of its rows, a group's label set on the row of the
// header said again under it, gets them in the header's cell. The cell's
// first lines each name a region or a country and the rest names the
// column's field; the groups are the rows' below.
func (tr *tableReader) groupsInHeader(r *parser.Row) {
	for j := range r.Cells {
		cell := &r.Cells[j]
		lines := cell.Lines()
		if cell.Covered || len(lines) < 2 || j >= len(tr.cols) || tr.cols[j] == fNone {
			continue
		}
		k := 0
		for k < len(lines)-1 && tr.namesGroup(clean(lines[k])) {
			k++
		}
		if k == 0 || tr.c.headerField(joinWrapped(lines[k:])) != tr.cols[j] {
			continue
		}
		for _, l := range lines[:k] {
			text, _ := splitMarkers(clean(l))
			if _, ok := tr.c.readRegion(text, true); ok {
				tr.setRegion(text, r)
			} else {
				tr.setCountry(text, r)
			}
		}
	}
}

// untangleGroups reads the lines of a grouping cell that holds two narrow
// columns side by side, a region's and a country's names each broken over
// lines, as an extractor that saw one column under a header spanning both
// ("地域・国") sets them: "ヨー ロシ" / "ロッ ア" / "パ" is "ヨーロッパ" and
// "ロシア". Each line holds one word of each column, or one of either: the
// one reading of the lines that makes two group names is taken, the first
// (the region's) and the second (the country's).
func (tr *tableReader) untangleGroups(lines []string) (first, second string, ok bool) {
	var left, right []string
	var single []int // the lines of one word, either column's
	two := false
	for k, l := range lines {
		words := strings.Fields(clean(l))
		if len(words) == 0 || len(words) > 2 {
			return "", "", false
		}
		for _, w := range words {
			if !hasCJK(w) || hasPrintableASCII(w) {
				return "", "", false
			}
		}
		if len(words) == 2 {
			two = true
			left, right = append(left, words[0]), append(right, words[1])
			continue
		}
		single = append(single, k)
		left, right = append(left, words[0]), append(right, "")
	}
	if !two || len(single) > 4 {
		return "", "", false
	}
	for mask := 0; mask < 1<<len(single); mask++ {
		l, r := slices.Clone(left), slices.Clone(right)
		for b, k := range single {
			if mask&(1<<b) != 0 {
				l[k], r[k] = "", left[k]
			}
		}
		a, b := strings.Join(l, ""), strings.Join(r, "")
		if a == "" || b == "" || !tr.namesGroup(a) || !tr.namesGroup(b) {
			continue
		}
		if ok {
			return "", "", false // (two readings: neither is sure)
		}
		first, second, ok = a, b, true
	}
	return first, second, ok
}

// countryInTwoCells reads a group row whose country's name in two
// languages the extractor set in two cells ("インドネシア" | "Indonesia"):
// the row's only two texts, outside the grouping columns, each the name
// of one and the same country.
func (tr *tableReader) countryInTwoCells(i int) bool {
	row := tr.t.Rows[i]
	// Two cells with text, neither in a country's or region's column: the
	// cells are cleaned only once there are two (a cell with a printable
	// ASCII byte is not empty once cleaned).
	var at [2]int
	n := 0
	for j, c := range row.Cells {
		if c.Covered || !hasPrintableASCII(c.Text) && clean(c.Text) == "" {
			continue
		}
		if j < len(tr.cols) && (tr.cols[j] == fCountry || tr.cols[j] == fRegion) || n == len(at) {
			return false
		}
		at[n] = j
		n++
	}
	if n != len(at) {
		return false
	}
	texts := [2]string{clean(row.Cells[at[0]].Text), clean(row.Cells[at[1]].Text)}
	if !tr.c.mayNameCountry(texts[0]) || !tr.c.mayNameCountry(texts[1]) {
		return false
	}
	a, b := tr.c.readCountry(texts[0]), tr.c.readCountry(texts[1])
	if !a.known || !b.known || a.country.Code == "" || a.country.Code != b.country.Code {
		return false
	}
	tr.setCountry(texts[0]+" "+texts[1], &row)
	return true
}

// groupCells reads a row whose only cells are grouping cells ("Asia (63)
// | CAMBODIA (3) | | |"): it sets the groups and makes no record.
func (tr *tableReader) groupCells(vals *fieldVals, has fieldSet, r *parser.Row) bool {
	if has.has(fPartner) || !(has.has(fRegion) || has.has(fCountry)) {
		return false
	}
	for f := range has.all() {
		if f != fRegion && f != fCountry {
			return false
		}
	}
	if v := vals.get(fRegion); has.has(fRegion) && v.text != tr.regionWritten {
		tr.setRegion(v.text, r)
	}
	if has.has(fCountry) {
		tr.setCountry(vals.get(fCountry).text, r)
	}
	return true
}

// connectorRe matches the end of a name that goes on in the next line
// (scanned by endsWithConnector, rescan.go).
var connectorRe = lazyre.New(`(?i)(?:\b(?:of|and|for|the|in|at|de|du|des|der|für|und|di|da)|[,&\-–/・、])$`)

// joinSplitRow joins a row that continues the previous one (a cell
// wrapped onto a row of its own): a row with no date and no home unit whose
// only text is the partner's unit, or a partner name cut after a
// connecting word.
func (tr *tableReader) joinSplitRow(r *parser.Row, vals *fieldVals, has fieldSet) bool {
	if tr.prev >= 0 && tr.cjkRowGoesOn(tr.c.rec(tr.prev), vals, has) {
		return true
	}
	if tr.prev >= 0 && tr.brokenByPage(r, vals, has, tr.c.rec(tr.prev)) {
		tr.joinBrokenRow(tr.c.rec(tr.prev), vals)
		return true
	}
	if tr.prev < 0 || has.has(fSigned) || has.has(fValid) || has.has(fHomeUnit) || has.has(fRegion) || has.has(fCountry) || has.has(fType) {
		return false
	}
	for f, v := range vals.all() {
		if v.covered && f != fRegion && f != fCountry {
			return false
		}
	}
	prev := tr.c.rec(tr.prev)
	if has.has(fPartner) && has.len() == 1 && tr.dateGoesOn(prev, vals.get(fPartner).text) {
		return true
	}
	switch {
	case has.has(fPartnerUnit) && !has.has(fPartner):
		text, markers := splitMarkers(vals.get(fPartnerUnit).text)
		prev.PartnerUnit = strings.TrimSpace(prev.PartnerUnit + " " + text)
		tr.c.applyMarkers(prev, markers, tr.where(fPartnerUnit))
	case has.has(fPartner) && !has.has(fPartnerUnit) && has.len() == 1 && prev.Partner == tr.partner &&
		(endsWithConnector(prev.Partner) || startsLower(vals.get(fPartner).text) ||
			// "Nanyang Technological" / "University": the name is whole
			// only with the word on the next row.
			!tr.c.lx.IsInstitution(prev.Partner) && tr.c.lx.IsInstitution(vals.get(fPartner).text) && len(strings.Fields(vals.get(fPartner).text)) <= 3 ||
			// "European Synchrotron" / "Radiation Facility (ESRF)": the
			// acronym spells the name only with the words above.
			spellsAcronym(prev.Partner+" "+vals.get(fPartner).text) && !spellsAcronym(vals.get(fPartner).text)):
		text, markers := splitMarkers(vals.get(fPartner).text)
		prev.Partner = strings.TrimSpace(prev.Partner + " " + text)
		tr.partner = prev.Partner
		tr.c.applyMarkers(prev, markers, tr.where(fPartner))
	case has.has(fPartner) && has.len() == 1 && !tr.hasColumn(fPartnerUnit) && prev.PartnerUnit == "" && prev.Partner == tr.partner &&
		tr.c.isUnit(vals.get(fPartner).text) && !tr.entryOfItsOwn(prev, vals.get(fPartner).text):
		// "国立台湾師範大学♦" / "教育学院": the partner's unit on a line of
		// its own, wrapped onto a row of its own (or to the next page's
		// table).
		tr.c.unitGoesUp(prev, vals.get(fPartner).text, tr.where(fPartner))
	case has.has(fPartner) && has.has(fLevel) && has.len() == 2 && r.Page > prev.Source.Page && !tr.hasColumn(fPartnerUnit) &&
		prev.PartnerUnit == "" && prev.Partner == tr.partner && prev.HomeUnit != "" &&
		(tr.c.isUnit(vals.get(fPartner).text) || tr.c.endsAsInstitution(prev.Partner) && tr.c.lx.UnitWordAt(vals.get(fPartner).text)) &&
		tr.unitGoesOn(vals.get(fLevel).text):
		// "Texas A&M University" | "GS Agricultural" at the foot of a
		// page, "College of Agriculture and Life Sciences" | "Science"
		// at the head of the next: the row broken by the page, each of
		// its cells going on, the partner's unit on a line of its own
		// ("College of" under a university's name is its unit).
		tr.c.unitGoesUp(prev, vals.get(fPartner).text, tr.where(fPartner))
		prev.HomeUnit = prev.HomeUnit + " " + clean(vals.get(fLevel).text)
	default:
		return false
	}
	prev.Repairs = append(prev.Repairs, string(agreement.RepairSplitRow))
	return true
}

// entryOfItsOwn reports a text that states an entry's own details after
// its name ("Institute of Vacuum Technology — 部局間協定（IMR）、平成12年6月
// 9日締結"), where the record above has its own: a row of its own, not a
// unit's name wrapped under the partner's.
func (tr *tableReader) entryOfItsOwn(prev *Record, text string) bool {
	if prev.Signed == "" && prev.HomeUnit == "" {
		return false
	}
	en := tr.c.readEntry(text, tr.partnerOpts)
	return !en.signed.IsZero() || en.homeUnit != ""
}

// brokenByPage reports a row that opens a page and goes on with the row
// that ended the page before, which a producer broke over the two: the
// body row read before it (lastBody: only headers said again stand
// between) made the previous record, which has a date where this row has
// none, and this row's text stands only in cells that row filled, of the
// partner's and units' columns (a level column's going on with the home
// unit it named), and names no whole institution: "* University of
// Eastern" | "Faculty of Health" | "GS" at a page's foot, "Finland" |
// "Sciences, School of Pharmacy" | "Pharmaceutical Sciences" at the next
// page's head.
func (tr *tableReader) brokenByPage(r *parser.Row, vals *fieldVals, has fieldSet, prev *Record) bool {
	if prev.Signed == "" || r.Page <= prev.Source.Page || !tr.hasColumn(fSigned) || !has.has(fPartner) && !has.has(fPartnerUnit) {
		return false
	}
	if has.has(fPartner) && tr.c.lx.IsInstitution(clean(vals.get(fPartner).text)) {
		return false // a partner's name whole: a record of its own, dateless
	}
	for f := range has.all() {
		// (a level column's cell that named the home unit goes on as one)
		if f != fPartner && f != fPartnerUnit && f != fHomeUnit && (f != fLevel || prev.HomeUnit == "" || !tr.unitGoesOn(vals.get(fLevel).text)) {
			return false
		}
	}
	if b := tr.lastBody; b.page != prev.Source.Page || b.row != prev.Source.Row {
		return false
	}
	for _, v := range vals.all() {
		if v.text != "" && !v.covered && tr.lastBody.filled&(1<<min(v.col, 63)) == 0 {
			return false
		}
	}
	return true
}

// joinBrokenRow puts the cells of a row broken by a page (brokenByPage)
// after those of the record its first part made.
func (tr *tableReader) joinBrokenRow(prev *Record, vals *fieldVals) {
	for f, v := range vals.all() {
		if v.text == "" || v.covered {
			continue
		}
		text, markers := splitMarkers(v.text)
		switch f {
		case fPartner:
			if prev.PartnerUnit == "" && !tr.hasColumn(fPartnerUnit) && tr.c.isUnit(v.text) {
				// the partner's unit, under its name in the partner's cell
				tr.c.unitGoesUp(prev, v.text, tr.where(fPartner))
				continue
			}
			prev.Partner = strings.TrimSpace(prev.Partner + " " + text)
			tr.partner = prev.Partner
		case fPartnerUnit:
			prev.PartnerUnit = strings.TrimSpace(prev.PartnerUnit + " " + text)
		case fHomeUnit, fLevel:
			prev.HomeUnit = strings.TrimSpace(prev.HomeUnit + " " + text)
		}
		tr.c.applyMarkers(prev, markers, tr.where(f))
	}
	prev.Repairs = append(prev.Repairs, string(agreement.RepairSplitRow))
}

// unitGoesOn reports a level column's text that can be the rest of the
// home unit the row above named there: no level, no placeholder.
func (tr *tableReader) unitGoesOn(text string) bool {
	text, _ = splitMarkers(text)
	if _, ok := tr.c.lx.LevelValue(text); ok || tr.c.lx.IsPlaceholder(text) {
		return false
	}
	_, only := tr.c.lx.IsLevelOnly(text)
	return !only && text != ""
}

// dateGoesOn reads a row whose only text, in the partner's column, is the
// date its entry above left for the next line, the row broken by a page
// ("Woosong University — School-to-school agreement (GS Education),
// concluded" / "4/23/2010"): the entry is read again with it.
func (tr *tableReader) dateGoesOn(prev *Record, text string) bool {
	if tr.partnerText == "" || prev.Signed != "" || prev.Partner != tr.partner {
		return false
	}
	if _, err := ParseDate(text, tr.c.dateOptions()); err != nil {
		return false
	}
	en := tr.c.readEntry(tr.partnerText+" "+text, tr.partnerOpts)
	if en.signed.IsZero() || en.partner == prev.Partner {
		return false // the date does not complete the entry: it reads no better
	}
	prev.Partner, prev.PartnerAlt = en.partner, en.partnerAlt
	if en.partnerUnit != "" && prev.PartnerUnit == "" {
		prev.PartnerUnit = en.partnerUnit
	}
	if en.homeUnit != "" && prev.HomeUnit == "" {
		prev.HomeUnit = en.homeUnit
	}
	if en.level != "" {
		prev.Level = en.level
		prev.Repairs = without(prev.Repairs, []string{agreement.R(agreement.RepairLevel, "assumed_university"), agreement.R(agreement.RepairLevel, "assumed_department")})
	}
	if en.kind != "" && prev.AgreementType == "" {
		prev.AgreementType = en.kind
	}
	prev.Signed = en.signed.ISO
	prev.Repairs = append(prev.Repairs, agreement.R(agreement.RepairDate, en.signed.Layout), string(agreement.RepairSplitRow))
	tr.partner, tr.partnerAlt = prev.Partner, prev.PartnerAlt
	tr.partnerText = ""
	return true
}

// cjkRowGoesOn reads a row that carries on the row above in Japanese,
// Chinese or Korean text broken inside its words ("日本研究センター, 高" /
// "麗大学校", "東北アジア研究センタ" / "ー"): no date of its own, and the
// partner's name whole only with its piece. Each cell joins the one above
// without a space, and the entry is read again.
func (tr *tableReader) cjkRowGoesOn(prev *Record, vals *fieldVals, has fieldSet) bool {
	if !has.has(fPartner) || has.has(fSigned) || has.has(fValid) || tr.partnerText == "" || prev.Partner != tr.partner {
		return false
	}
	for f := range has.all() {
		if f != fPartner && f != fPartnerUnit && f != fHomeUnit && f != fType {
			return false
		}
	}
	piece := vals.get(fPartner).text
	if !isCJK(lastRune(tr.partnerText)) || !isCJK(firstRune(piece)) {
		return false
	}
	joined := tr.partnerText + piece
	if !tr.c.endsAsInstitution(joined) || tr.c.endsAsInstitution(tr.partnerText) {
		return false // the name is not cut: the row is one of its own
	}
	en := tr.c.readEntry(joined, tr.partnerOpts)
	prev.Partner, prev.PartnerAlt = en.partner, en.partnerAlt
	if en.partnerUnit != "" {
		prev.PartnerUnit = en.partnerUnit
	}
	for f, p := range map[field]*string{fPartnerUnit: &prev.PartnerUnit, fHomeUnit: &prev.HomeUnit, fType: &prev.AgreementType} {
		if has.has(f) && f != fPartner {
			*p += vals.get(f).text
		}
	}
	prev.Repairs = append(prev.Repairs, string(agreement.RepairSplitRow))
	tr.partner, tr.partnerAlt, tr.partnerText = prev.Partner, prev.PartnerAlt, joined
	return true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r) || r == '('
}
