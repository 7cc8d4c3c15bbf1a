package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/internal/ascii"
	"github.com/agreements/agreements/internal/lazyre"

	"github.com/agreements/agreements/agreement"
)

// The one reader of what a partner cell or a list item says: the partner's
// name, its unit, its name in the other language, the date, the markers,
// and details written inline ("Tsinghua University — School-to-school
// agreement (School of Materials and Chemical Technology), concluded
// 2012.3.15", "Name (University-wide, October 23, 2006)"). Both the list
// reader and the table reader go through it, so what one layout learns the
// other reads too.

// entry is what one entry text says.
type entry struct {
	partner, partnerAlt string
	partnerUnit         string
	homeUnit            string
	level               string // a level the entry states inline
	kind                string // the kind of agreement it states inline
	signed              Date
	validUntil          Date
	markers             []string
	repairs             []string
}

// entryOpts say what the entry's row already holds elsewhere.
type entryOpts struct {
	ownDate bool // the row has a date column: a date in the text stays unread
	ownUnit bool // the row has a partner-unit column: a unit in the text stays in the name
	// department says the row is a unit's agreement (it names the home
	// unit): its partner may be named with the partner's unit.
	department bool
}

// dashSepRe splits a name from details written after a dash (scanned by
// dashMatches, textscan.go).
var dashSepRe = lazyre.New(`\s+[—–―‐-]+\s+|\s*[—―]\s*`)

// detailSepRe splits details into pieces.
var detailSepRe = lazyre.New(`\s*[,，、;；]\s*`)

// readEntry reads one entry text.
func (c *docContext) readEntry(text string, o entryOpts) entry {
	opt := c.dateOptions()
	e, name := c.readEntryDetails(text, o, opt)
	return c.readEntryNames(e, name, o, opt)
}

// readEntryDetails is readEntry's first half: the markers around text and
// the details written after a dash, in brackets at its end or as a bare
// date. It returns what they say and the name left before them.
func (c *docContext) readEntryDetails(text string, o entryOpts, opt DateOptions) (entry, string) {
	var e entry
	name, markers := splitMarkers(text)
	e.markers = markers

	// Details after a dash, then in brackets at the end, then a bare date
	// after a comma or a word such as "concluded".
	{
		// The details start at the first dash after which they read as
		// details: "University of Science, Vietnam National University -
		// Ho Chi Minh City — School-to-school agreement (GS Engineering)".
		var dashes [][]int
		if dashChars.in(name) {
			dashes = dashMatches(name, -1)
		}
		for _, loc := range dashes {
			var d entry
			if strings.TrimSpace(name[:loc[0]]) != "" && c.readDetails(name[loc[1]:], &d, o, opt, true) {
				name = strings.TrimSpace(name[:loc[0]])
				e.merge(d)
				break
			}
		}
		name = c.trailingDetails(name, &e, o, opt)
		if e.signed.IsZero() && !o.ownDate {
			if rest, d, ok := c.trailingBareDate(name, opt); ok {
				// "Seoul National University (College of Humanities),
				// May 1, 2012": brackets the date stood after.
				name = c.trailingDetails(rest, &e, o, opt)
				e.signed = d
			}
		}
	}
	return e, name
}

// readEntryNames is readEntry's second half: the partner's name, its unit
// and its name in the other language, read from the name readEntryDetails
// left, with the details that stood before a unit.
func (c *docContext) readEntryNames(e entry, name string, o entryOpts, opt DateOptions) entry {
	name, more := splitMarkers(strings.TrimRight(strings.TrimSpace(name), ",，、;"))
	e.markers = append(e.markers, more...)
	if !o.ownUnit && e.partnerUnit == "" {
		if rest, unit, ok := c.unitAfterTitle(name, &e, o, opt); ok {
			name, e.partnerUnit = rest, unit
		}
	}
	if !o.ownUnit && e.partnerUnit == "" && (o.department || e.homeUnit != "" || e.level == LevelDepartment || c.level == LevelDepartment) {
		if p, u, ms, ok := c.unitFirst(name); ok {
			name, e.partnerUnit = p, u
			e.markers = append(e.markers, ms...)
		}
	}
	if !o.ownUnit && e.partnerUnit == "" {
		var ms []string
		name, e.partnerUnit, ms = c.splitUnit(name)
		e.markers = append(e.markers, ms...)
		if e.partnerUnit != "" {
			// "Kagoshima University (Agreement on …), Faculty of
			// Agriculture": details that stood before the unit.
			name = c.trailingDetails(name, &e, o, opt)
		}
	}
	e.partner, e.partnerAlt = c.splitNames(name)
	return e
}

// titleThenUnitRe finds the end of a bracketed piece followed by more text,
// after a comma or not: "Hiroshima University (MoA on …), IDEC" (scanned
// by titleThenUnit, rescan.go).
var titleThenUnitRe = lazyre.New(`[)）]\s*(?:[,，、]\s*)?([^()（）,，、\s][^()（）,，、]*)$`)

// unitAfterTitle reads an entry that names the agreement in brackets after
// the partner and then the partner's unit after a comma. A name does not go
// on after the agreement's title, so what follows is the unit whatever its
// words ("Hiroshima University (MoA on Collaboration …), IDEC").
func (c *docContext) unitAfterTitle(name string, e *entry, o entryOpts, opt DateOptions) (string, string, bool) {
	if !closeBrackets.in(name) {
		return name, "", false
	}
	m := titleThenUnit(name)
	if m == nil {
		return name, "", false
	}
	rest, inner, ok := cutTrailingBrackets(name[:m[0]+len(")")])
	if strings.HasPrefix(name[m[0]:], "）") {
		rest, inner, ok = cutTrailingBrackets(name[:m[0]+len("）")])
	}
	if !ok || strings.TrimSpace(rest) == "" {
		return name, "", false
	}
	var d entry
	if !c.readDetails(inner, &d, o, opt, false) || d.kind == "" {
		return name, "", false
	}
	unit, ms := splitMarkers(strings.TrimSpace(name[m[2]:m[3]]))
	if unit == "" || (c.lx.IsInstitution(unit) && !c.unitish(unit)) {
		return name, "", false
	}
	e.merge(d)
	e.markers = append(e.markers, ms...)
	return rest, unit, true
}

// trailingDetails reads the bracketed details that end name into e and
// returns the name without them.
func (c *docContext) trailingDetails(name string, e *entry, o entryOpts, opt DateOptions) string {
	for {
		rest, inner, ok := cutTrailingBrackets(name)
		if !ok || strings.TrimSpace(rest) == "" || expandsAcronym(rest, inner) {
			return name // (nothing before, or "WINLAB (Wireless Network Laboratory)": the name spelt out)
		}
		var d entry
		if !c.readDetails(inner, &d, o, opt, false) {
			if o.ownUnit || e.partnerUnit != "" || !c.bracketedUnit(rest, inner) {
				return name
			}
			d.partnerUnit = strings.TrimSpace(inner)
		}
		name = rest
		e.merge(d)
	}
}

// bracketedUnit reports a unit named in brackets after its institution,
// though its words could name an institution too: "Korea University
// (College of Liberal Arts)", where "Boston College" is one. The name
// before must end as an institution's, and the bracket must open as a
// unit's name (opensAsUnit) and name no other institution after a comma.
func (c *docContext) bracketedUnit(name, inner string) bool {
	inner = strings.TrimSpace(inner)
	if !c.opensAsUnit(inner) || strings.ContainsAny(inner, ",，、;；") {
		return false
	}
	name = strings.TrimSpace(name)
	return c.endsAsInstitution(name) || c.lx.IsInstitution(name) && !c.unitish(name)
}

// merge takes what details d found into e, the first value of each winning.
func (e *entry) merge(d entry) {
	if e.level == "" {
		e.level = d.level
	}
	if e.kind == "" {
		e.kind = d.kind
	}
	if e.homeUnit == "" {
		e.homeUnit = d.homeUnit
	}
	if e.partnerUnit == "" {
		e.partnerUnit = d.partnerUnit
	}
	if e.signed.IsZero() {
		e.signed = d.signed
	}
	if e.validUntil.IsZero() {
		e.validUntil = d.validUntil
	}
	e.markers = append(e.markers, d.markers...)
	e.repairs = append(e.repairs, d.repairs...)
}

// readDetails reads the details of an entry: pieces that each say a level,
// a kind, a date, a unit or nothing (link noise). It reports false, reading
// nothing, when a piece says anything else: then the text is part of the
// name ("(KAIST)", "(Sorbonne)"). A short bracketed piece after a level or
// kind names the home institution's unit, however the list abbreviates it
// ("School-to-school (Agr)", "部局間協定（GS Medicine）").
func (c *docContext) readDetails(text string, d *entry, o entryOpts, opt DateOptions, dash bool) bool {
	text = strings.TrimSpace(text)
	if text == "" {
		return false
	}
	var units, homes []string
	said := false // a level or kind was read: a unit is then the home institution's
	// (The pieces are joined as they are read: a piece that says nothing
	// ends the reading, and the pieces after it need not be joined.)
	pieces := splitDetailPieces(text)
	for i := 0; i < len(pieces); i++ {
		var p detailPiece
		p, i = c.joinDatePiece(pieces, i, opt)
		piece, ms := splitMarkers(p.text)
		d.markers = append(d.markers, ms...)
		if piece == "" {
			continue
		}
		if date, ok := c.detailDate(piece, opt); ok {
			if o.ownDate {
				return false
			}
			if d.signed.IsZero() {
				d.signed = date
			}
			continue
		}
		if lv, only := c.lx.IsLevelOnly(piece); only {
			d.level = lv
			said = true
			continue
		}
		if c.lx.IsKind(piece) {
			if d.kind == "" {
				d.kind = piece
			}
			said = true
			continue
		}
		if c.lx.IsLinkNoise(piece) {
			continue
		}
		if c.isUnit(piece) {
			units = append(units, piece)
			continue
		}
		if p.bracketed && utf8.RuneCountInString(piece) <= 60 && !c.lx.IsInstitution(piece) {
			homes = append(homes, piece)
			continue
		}
		return false
	}
	if len(homes) > 0 {
		if !said {
			return false
		}
		units = append(homes, units...)
	}
	if len(units) > 0 {
		switch {
		case said:
			d.homeUnit = strings.Join(units, ", ")
		case dash:
			return false // "United Nations University - Institute for …": one name
		case !o.ownUnit:
			d.partnerUnit = strings.Join(units, ", ")
		default:
			return false
		}
	}
	return true
}

// detailPiece is one piece of an entry's details, and whether it stood in
// brackets.
type detailPiece struct {
	text      string
	bracketed bool
}

// splitDetailPieces splits details at commas, and takes a bracketed part
// out as a piece of its own after the text before it ("School-to-school
// agreement (School of X)").
func splitDetailPieces(text string) []detailPiece {
	var out []detailPiece
	for _, p := range splitDetails(text, -1) {
		p = strings.TrimSpace(p)
		var inner []detailPiece
		for {
			rest, in, ok := cutTrailingBrackets(p)
			if !ok || strings.TrimSpace(rest) == "" {
				break
			}
			inner = append([]detailPiece{{strings.TrimSpace(in), true}}, inner...)
			p = strings.TrimSpace(rest)
		}
		if rest, in, ok := cutTrailingBrackets(p); ok && strings.TrimSpace(rest) == "" {
			p = ""
			inner = append([]detailPiece{{strings.TrimSpace(in), true}}, inner...)
		}
		if p != "" {
			out = append(out, detailPiece{p, false})
		}
		out = append(out, inner...)
	}
	return out
}

// joinDatePiece joins pieces that a comma inside a date split ("October
// 23", "2006"): the piece that starts at pieces[i], with up to two pieces
// after it when together they read as a date, the most first. It returns
// the piece and the index of the last piece in it.
func (c *docContext) joinDatePiece(pieces []detailPiece, i int, opt DateOptions) (detailPiece, int) {
	p := pieces[i]
	for j := min(i+2, len(pieces)-1); j > i; j-- {
		var texts []string
		for _, q := range pieces[i : j+1] {
			texts = append(texts, q.text)
		}
		joined := strings.Join(texts, ", ")
		if _, ok := c.detailDate(joined, opt); ok {
			return detailPiece{joined, p.bracketed}, j
		}
	}
	return p, i
}

// detailDate reads a piece that is a date, perhaps after a word such as
// "concluded" or "signed on".
func (c *docContext) detailDate(piece string, opt DateOptions) (Date, bool) {
	p, _ := c.lx.CutConcluded(piece)
	p = c.lx.CutConcludedAfter(p)
	if d, err := c.parseDate(p, opt); err == nil { // (a list's entries share their days)
		return d, true
	}
	return Date{}, false
}

// cutTrailingBrackets splits "Name (inner)" into "Name" and "inner", for
// brackets of either width that close the text.
func cutTrailingBrackets(s string) (rest, inner string, ok bool) {
	s = strings.TrimSpace(s)
	var open, close rune
	switch {
	case strings.HasSuffix(s, ")"):
		open, close = '(', ')'
	case strings.HasSuffix(s, "）"):
		open, close = '（', '）'
	default:
		return s, "", false
	}
	depth := 0
	for i := len(s); i > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		switch r {
		case close, ')', '）':
			depth++
		case open, '(', '（':
			depth--
			if depth == 0 {
				_, cl := utf8.DecodeLastRuneInString(s)
				return strings.TrimSpace(s[:i]), s[i+n : len(s)-cl], true
			}
		}
	}
	return s, "", false
}

// bareDateTailRe finds where a date written after the name without
// brackets may start: after a comma, or after a word such as "concluded".
// bareDateTails finds the same, byte by byte.
var bareDateTailRe = lazyre.New(`[,，、]\s*|\s+`)

// trailingBareDate splits a date off the end of an entry written without
// brackets: "Name, 2012.3.15", "Name concluded 2012.3.15", "Name 2019/08/08".
// The longest tail that reads as a date wins; a year alone needs a comma or
// a word such as "concluded" before it, since names hold numbers.
func (c *docContext) trailingBareDate(s string, opt DateOptions) (string, Date, bool) {
	for start, end := nextBareDateTail(s, 0); start >= 0; start, end = nextBareDateTail(s, end) {
		loc := [2]int{start, end}
		tail := strings.TrimSpace(s[loc[1]:])
		if tail == "" || !startsDigitOrMonth(tail) && !c.startsConcluded(tail) {
			continue
		}
		head := strings.TrimSpace(s[:loc[0]])
		if head == "" {
			continue
		}
		p, said := c.lx.CutConcluded(tail)
		d, err := c.parseDate(p, opt) // (the tails of a line come back in the lines it is joined into)
		if err != nil {
			continue
		}
		comma := strings.ContainsAny(s[loc[0]:loc[1]], ",，、")
		if len(d.ISO) == 4 && !comma && !said {
			continue
		}
		if !said && !comma && !strings.ContainsAny(p, "./-年") && !hasMonthName(p) {
			continue
		}
		return head, d, true
	}
	return s, Date{}, false
}

func (c *docContext) startsConcluded(s string) bool {
	_, ok := c.lx.CutConcluded(s)
	return ok
}

func startsDigitOrMonth(s string) bool {
	if s != "" && s[0] < utf8.RuneSelf && !asciiSpace(s[0]) && s[0] != '\v' && s[0] != '.' && s[0] != ',' {
		// An ASCII character first, which starts the first word: a digit,
		// or the first letter of a month's name in either case. (Every
		// other character is the first word's, lowered alike.)
		b := s[0]
		if '0' <= b && b <= '9' {
			return true
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		return strings.IndexByte(monthInitials, b) >= 0 && hasMonthName(s)
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r) || hasMonthName(s) || strings.HasPrefix(s, "令和") || strings.HasPrefix(s, "平成") || strings.HasPrefix(s, "昭和")
}

// hasMonthName reports a text whose first word, in any case and without
// dots and commas around it, is an English month's name or abbreviation.
// A word in ASCII is lowered in place: a tail of every line is read so.
func hasMonthName(s string) bool {
	w, ok := asciiFirstField(s)
	if !ok {
		w = firstField(s)
	}
	w = strings.Trim(w, ".,")
	if ascii.Only(w) {
		var buf [monthNameMax]byte
		if len(w) > len(buf) {
			return false // (lowering ASCII keeps its length)
		}
		k := ascii.AppendLower(buf[:0], w)
		_, ok := monthNames[string(k)]
		if !ok {
			_, ok = monthAbbrevs[string(k)]
		}
		return ok
	}
	w = strings.ToLower(w)
	_, ok = monthNames[w]
	if !ok {
		_, ok = monthAbbrevs[w]
	}
	return ok
}

// asciiFirstField is firstField(s) when s starts with ASCII white space
// and an ASCII word, false when a character outside ASCII comes first or
// no word follows.
func asciiFirstField(s string) (string, bool) {
	i := 0
	for i < len(s) && (asciiSpace(s[i]) || s[i] == '\v') {
		i++
	}
	j := i
	for j < len(s) && s[j] < utf8.RuneSelf && !asciiSpace(s[j]) && s[j] != '\v' {
		j++
	}
	if j == i || j < len(s) && s[j] >= utf8.RuneSelf {
		return "", false
	}
	return s[i:j], true
}

// splitNames splits a name given in two scripts into the Latin-script name
// and the other; a Latin acronym in brackets after a name in another
// script ("韓国科学技術院（KAIST）") is part of the name, not a translation.
func (c *docContext) splitNames(name string) (partner, alt string) {
	latin, other := SplitBilingual(name)
	if latin == "" || other == "" {
		return name, ""
	}
	if isAcronym(latin) && strings.Contains(name, other) && strings.Index(name, other) < strings.Index(name, latin) {
		return name, ""
	}
	return latin, other
}

// isAcronym reports a short upper-case word ("KAIST", "NTU", "UC").
// expandsAcronym reports brackets that spell out the acronym before them:
// the initials of the bracket's words come, in order, among the acronym's
// letters ("WINLAB (Wireless Network Laboratory)").
func expandsAcronym(before, inner string) bool {
	f := strings.Fields(before)
	if len(f) == 0 || !isAcronym(f[len(f)-1]) {
		return false
	}
	acr := []rune(strings.ToUpper(f[len(f)-1]))
	k, n := 0, 0
	for _, w := range strings.Fields(inner) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			continue // "of", "and"
		}
		for k < len(acr) && acr[k] != r {
			k++
		}
		if k == len(acr) {
			return false
		}
		k++
		n++
	}
	return n >= 2
}

// spellsAcronym reports a name that ends with an acronym in brackets made
// of the initials of the capitalised words before it ("European
// Synchrotron Radiation Facility (ESRF)", "Korea Advanced Institute of
// Science and Technology (KAIST)").
func spellsAcronym(name string) bool {
	f := strings.Fields(name)
	if len(f) < 3 {
		return false
	}
	last := f[len(f)-1]
	if !strings.HasPrefix(last, "(") || !strings.HasSuffix(last, ")") || !isAcronym(last[1:len(last)-1]) {
		return false
	}
	var initials []rune
	for _, w := range f[:len(f)-1] {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			initials = append(initials, r)
		}
	}
	return string(initials) == strings.ToUpper(last[1:len(last)-1])
}

func isAcronym(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 10 || strings.ContainsRune(s, ' ') {
		return false
	}
	upper := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			return false
		}
	}
	return upper >= 2
}

// dateOptions are the date options the user gave, and the order of
// a/b/YYYY the document's own dates tell when the user gave none.
func (c *docContext) dateOptions() DateOptions {
	return DateOptions{MonthFirst: c.opt.MonthFirst, DayFirst: c.opt.DayFirst, DocMonthFirst: c.docMonthFirst, DocDayFirst: c.docDayFirst}
}

// applyEntry puts what an entry says into a record: markers as flags
// (where names the column they stood in, "" for the usual place), the
// names, the units and kind it states, and its dates.
func (c *docContext) applyEntry(r *Record, e entry, where string) {
	c.applyMarkers(r, e.markers, where)
	r.Partner, r.PartnerAlt = e.partner, e.partnerAlt
	if e.partnerUnit != "" {
		r.PartnerUnit = e.partnerUnit
		r.Repairs = append(r.Repairs, agreement.R(agreement.RepairSplitCell, "partner_unit"))
	}
	if e.homeUnit != "" && r.HomeUnit == "" {
		r.HomeUnit = e.homeUnit
	}
	if e.kind != "" && r.AgreementType == "" {
		r.AgreementType = e.kind
	}
	if !e.signed.IsZero() {
		r.Signed = e.signed.ISO
		r.Repairs = append(r.Repairs, c.dateRepair(e.signed.Layout))
	}
	if !e.validUntil.IsZero() {
		r.ValidUntil = e.validUntil.ISO
		r.Repairs = append(r.Repairs, c.dateRepair(e.validUntil.Layout))
	}
	r.Repairs = append(r.Repairs, e.repairs...)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// said reports details that say a date, a level or a kind.
func (e *entry) said() bool {
	return !e.signed.IsZero() || e.level != "" || e.kind != ""
}

// detailsMayFollow reports whether readEntryNames may read a date, a level
// or a kind in name, the name readEntryDetails left when it read none: it
// reads them only inside brackets, closed by one of name's closing
// brackets (a title before a unit, unitAfterTitle; details ending the
// partner's name once its unit is split off, splitUnit and then
// trailingDetails). splitUnit reads substrings of name, or its pieces
// joined with ", "; and, with a marker inside the name, the name with the
// marker cut out, which this does not follow (it answers true).
func (c *docContext) detailsMayFollow(name string, o entryOpts, opt DateOptions) bool {
	name, _ = splitMarkers(strings.TrimRight(strings.TrimSpace(name), ",，、;"))
	if !closeBrackets.in(name) {
		return false
	}
	if markerChars.in(name) {
		return true
	}
	if c.bracketsSayDetails(name, o, opt) {
		return true
	}
	if joined := strings.Join(splitDetails(name, -1), ", "); joined != name {
		return c.bracketsSayDetails(joined, o, opt)
	}
	return false
}

// bracketsSayDetails reports whether the inside of some pair of brackets
// of s, closed by one of its closing brackets, reads as details that say a
// date, a level or a kind (readDetails, as trailingDetails reads them).
func (c *docContext) bracketsSayDetails(s string, o entryOpts, opt DateOptions) bool {
	for k := 0; k < len(s); k++ {
		w := 0
		switch {
		case s[k] == ')':
			w = 1
		case strings.HasPrefix(s[k:], "）"):
			w = len("）")
		default:
			continue
		}
		if _, inner, ok := cutTrailingBrackets(s[:k+w]); ok && c.detailsSay(inner, o, opt) {
			return true
		}
	}
	return false
}

// detailsSay reports whether text reads as details (readDetails, as
// trailingDetails reads them) that say a date, a level or a kind;
// remembered while a list is read. (What readDetails reads depends on the
// text, the options and the lexicon alone.)
func (c *docContext) detailsSay(text string, o entryOpts, opt DateOptions) bool {
	read := func() bool {
		var d entry
		return c.readDetails(text, &d, o, opt, false) && d.said()
	}
	if c.list == nil {
		return read()
	}
	k := detailsText{text, o, opt}
	if v, ok := c.list.bracketDetails[k]; ok {
		return v
	}
	v := read()
	k.text = strings.Clone(text)
	remember(&c.list.bracketDetails, k, v)
	return v
}
