package normalize

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/internal/lazyre"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/parser"
)

// Grouped lists: a list of partners under region and country headings, each
// entry "* Name (YYYY.M.D)". PDF lines come with their style and position
// and the roles are inferred (headings differ from entries in weight, size
// or shape); HTML lines come with the roles of their elements.

// styleKey identifies a typographic style, for telling headings from entries.
type styleKey struct {
	font string
	size float64
	bold bool
}

func keyOf(s parser.Style) styleKey {
	return styleKey{font: s.Font, size: math.Round(s.Size*2) / 2, bold: s.Bold}
}

// listState is the list being read: the entry whose lines are still being
// gathered, and the last dated entry of the current group.
type listState struct {
	entry     *pendingEntry
	groupHead string // the partner whose date the following undated entries share
	groupDate string
	columns   []*parser.Line // the column names of a table set as lines, since the last heading
	// ahead holds what opensEntry read of the lines after an entry's
	// first line, by block: each is read so by the up to three lines
	// above it.
	ahead map[int]aheadLine
	// columnNames and groupNames remember columnName and namesGroup of
	// the texts read: each line's text is asked both more than once, and
	// the answers depend on the text alone.
	columnNames, groupNames map[string]bool
	// bracketDetails remembers what bracketsSayDetails reads inside a
	// pair of brackets: the lines joined as a wrapped entry hold the same
	// brackets again and again.
	bracketDetails map[detailsText]bool
}

// detailsText is a text read as details, and how.
type detailsText struct {
	text string
	o    entryOpts
	opt  DateOptions
}

// aheadLine is what opensEntry reads of a line after an entry's first
// line: its text cleaned, whether it is set as a heading (headingLike),
// and whether it reads as an entry of its own. All three depend on the
// line alone, once the entries' style is known (ensureList): headingLike
// reads the line, its text and that style; an entry's reading of a text
// is remembered (looksLikeEntry).
type aheadLine struct {
	text    string
	heading bool
	entry   bool
	depth   int  // the brackets the text opens and does not close
	opens   bool // the text holds an opening round bracket
}

type pendingEntry struct {
	first  *parser.Line
	last   *parser.Line
	text   string
	parts  []string // the texts of its lines
	lines  int
	bullet bool
	raised bool   // a marker came from a line of its own above or below
	name   string // the entry's text before a unit set in a column of its own (entryColumn), "" for none
	unit   string // that unit
	level  string // the level its cell under a level column's name says (entryColumn), "" for none
	runIn  bool   // a run-in group's partners, one after the other (runin.go)
	split  string // the repair a part of a run-in group says, "" for none
}

// bullets a list entry may start with when the extractor left them in the
// text.
var bulletRunes = "•◦▪▫‣∙·●○■□・-–—‒"

// isDash reports a bullet that is a dash.
func isDash(bullet string) bool {
	return bullet != "" && strings.Trim(bullet, "-–—―‒") == ""
}

// detailsOnly reports a text that holds only the details of an entry: a
// level, a kind or a date, with units ("School-to-school agreement (IMRAM),
// concluded 1996.10. 1").
func (c *docContext) detailsOnly(text string) bool {
	var d entry
	if c.readDetails(text, &d, entryOpts{}, c.dateOptions(), true) {
		return d.level != "" || d.kind != ""
	}
	// The details may wrap on: "School-to-school agreement (IMR), concluded" / "2017. 3.10",
	// "部局間協定 School-to-" / "school（School of Science）".
	if hyphenBreak(text) {
		if i := strings.LastIndexByte(strings.TrimSpace(text), ' '); i > 0 {
			text = text[:i]
		}
	}
	pieces := splitDetailPieces(text)
	if len(pieces) == 0 || pieces[0].bracketed {
		return false
	}
	_, level := c.lx.IsLevelOnly(pieces[0].text)
	return level || c.lx.IsKind(pieces[0].text)
}

// isMarker reports whether s is only marker symbols ("*", "♦", "※1"):
// whether oneMarkerRe's leftmost match in s, trimmed, is all of it.
func isMarker(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && markerAt(s) == len(s)
}

// listNumberRe matches a list item's number: "1. ", "12) ", "（3）", "３．".
// listNumber scans for it (rescan.go).
var listNumberRe = lazyre.New(`^(?:[0-9０-９]{1,3}[.)．）]|[(（][0-9０-９]{1,3}[)）])\s*`)

// stripBullet removes a leading bullet or list number and the space after
// it.
func stripBullet(s string) (string, bool) {
	if m := listNumber(s); m != "" && len(m) < len(s) {
		rest := s[len(m):]
		if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsDigit(r) {
			return strings.TrimSpace(rest), true
		}
	}
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !strings.ContainsRune(bulletRunes, r) {
		return s, false
	}
	rest := s[n:]
	if rest == "" {
		return s, false
	}
	if rest[0] != ' ' && rest[0] != '\t' && !strings.ContainsRune("•◦‣∙·", r) {
		// "-" glued to a word is a hyphen, "■中国" a heading mark; only
		// the small round bullets are bullets glued to their text.
		return s, false
	}
	return strings.TrimSpace(rest), true
}

// entryStyle finds the style of list entries: the most common style of the
// lines with bullets, else of the lines that end with a date.
func (c *docContext) entryStyle() (styleKey, bool) {
	counts := map[styleKey]int{}
	fallback := map[styleKey]int{}
	for _, b := range c.doc.Blocks {
		l := b.Line
		if l == nil || l.Style() == (parser.Style{}) {
			continue
		}
		text := clean(l.Text)
		if isMarker(l.Bullet) {
			if _, _, legend := c.parseLegendLine(l.Bullet + " " + text); legend {
				continue // "* 授業料不徴収 Tuition Exemption": the legend set as a list item, in its own (smaller) style
			}
		}
		_, bul := stripBullet(text)
		if l.Bullet != "" || bul {
			counts[keyOf(l.Style())]++
		} else if c.looksLikeEntry(text) {
			fallback[keyOf(l.Style())]++
		}
	}
	if len(counts) == 0 {
		counts = fallback
	}
	best, n := styleKey{}, 0
	for k, v := range counts {
		if v > n || (v == n && k.size < best.size) {
			best, n = k, v
		}
	}
	return best, n > 0
}

func (c *docContext) ensureList() *listState {
	if c.list == nil {
		c.list = &listState{}
		c.entryKey, c.hasEntryKey = c.entryStyle()
	}
	return c.list
}

// line reads one text line of the second pass.
// saidAgain reports a line that says again, on a later page, a text read
// before the first record (the list's title at each page's head).
func (c *docContext) saidAgain(l *parser.Line, text string) bool {
	page, ok := c.opening[text]
	return ok && c.made() > 0 && l.Page > page
}

// noteOpening keeps a text read before the first record, with its page.
func (c *docContext) noteOpening(text string, page int) {
	if c.made() > 0 || len(c.opening) >= maxOpening {
		return
	}
	if c.opening == nil {
		c.opening = map[string]int{}
	}
	if _, seen := c.opening[text]; !seen {
		c.opening[text] = page
	}
}

// opened reports a text read before the first record.
func (c *docContext) opened(text string) bool {
	_, ok := c.opening[text]
	return ok
}

func (c *docContext) line(l *parser.Line, i int) {
	ls := c.ensureList()
	text := clean(l.Text)
	raised := c.raised[i] != ""
	if raised {
		text = clean(c.raised[i])
	}
	if isMarker(l.Bullet) {
		// A marker the extractor took for a bullet is part of the entry.
		text = clean(l.Bullet + " " + text)
	}
	if text == "" {
		return
	}
	if strings.Trim(text, bulletRunes+" ") == "" {
		return // a bullet without its text (drawn apart from a line the extractor read)
	}
	c.noteOpening(text, l.Page)
	stripped, textBullet := stripBullet(text)
	item := l.Role == parser.RoleItem || l.Bullet != "" || textBullet
	if textBullet {
		text = stripped
	}

	if ls.entry != nil && isDash(l.Bullet) && l.Page == ls.entry.last.Page && c.detailsOnly(text) &&
		(!ls.entry.bullet || l.Bullet != ls.entry.first.Bullet || l.Box().X0 > ls.entry.first.Box().X0+2) {
		// "Science and Technology Facilities Council, Daresbury Laboratory" /
		// "— School-to-school agreement (IMRAM), concluded 1996.10. 1": the
		// dash before the details wrapped to the start of a line, where it
		// looks like a bullet; the entries above have none, or another, or
		// the line is indented as their wrapped lines are.
		ls.entry.text = ls.entry.text + " — " + text
		ls.entry.parts = append(ls.entry.parts, "— "+text)
		ls.entry.last = l
		ls.entry.lines++
		return
	}
	if isMarker(l.Bullet) { // (the legend read only for a line that may be one)
		if _, _, legend := c.parseLegendLine(text); legend {
			c.flushList()
			return // "* 授業料不徴収" set as a list item: the legend, read by the first pass
		}
	}
	if c.lx.IsChrome(text) || c.consumed[l.Row] {
		c.flushList()
		return // "Copyright … All rights reserved", "Back to top"
	}
	if ls.entry != nil && ls.entry.runIn && !item && c.runInGoesOn(ls.entry, text) {
		ls.entry.text = joinWrapped([]string{ls.entry.text, text}) // (a run-in group's partners wrapped)
		ls.entry.last = l
		ls.entry.lines++
		return
	}
	if c.runInGroupLine(l, text) {
		return // "China (3): Nanjing University (1982); Jilin University (1985); …"
	}
	if ls.entry != nil && !item {
		switch c.entryColumn(ls, l) {
		case fPartnerUnit:
			// "Ministry of Science and Technology" … "Department of
			// Planning and Cooperation": on the entry's line, under the
			// name of the partner's unit's column.
			ls.entry.name, ls.entry.unit = ls.entry.text, text
			ls.entry.text = ls.entry.text + ", " + text
			ls.entry.parts = append(ls.entry.parts, text)
			return
		case fSigned:
			// "オーストラリア原子力科学技術機構（ANSTO）" … "8 April 2020":
			// a table of one row read as lines, its date under the date
			// column's name; read as the entry's date in brackets.
			if _, err := c.parseDate(text, c.dateOptions()); err == nil {
				ls.entry.text = ls.entry.text + " (" + text + ")"
				ls.entry.parts = append(ls.entry.parts, "("+text+")")
				return
			}
		}
		if lv, ok := c.levelBeside(ls.entry, l, text); ok {
			// "Universiti Putra Malaysia" … "大学 University": a table of
			// one row read as lines, its level cell beside the name.
			ls.entry.level = lv
			return
		}
	}
	if ls.entry != nil && !item && (c.continues(ls.entry, l, text) || l.Page == ls.entry.last.Page && datePiece(text)) {
		// (a line that starts with the rest of a date ends the entry above:
		// "…、平成20" / "年締結", "…日" / "締結")
		if e := ls.entry; e.name != "" {
			e.name = joinWrapped([]string{e.name, text}) // the name wrapped under its unit's cell
			e.text = e.name + ", " + e.unit
		} else {
			e.text = joinWrapped([]string{e.text, text})
		}
		ls.entry.parts = append(ls.entry.parts, text)
		ls.entry.last = l
		ls.entry.lines++
		ls.entry.raised = ls.entry.raised || raised
		return
	}
	c.flushList()

	if item && len(strings.Fields(text)) > 12 {
		// A sentence set as a list item ("Tokyo Tech has university-wide
		// agreements with 103 universities … in 27 countries"): its totals.
		if d := c.parseDeclared(text, c.level, l.Page, l.Row); len(d) >= 2 {
			c.res.Declared = append(c.res.Declared, d...)
			return
		}
	}
	if !item {
		if lv, ok := c.sectionLevel(text); ok && !c.looksLikeEntry(text) {
			if text != c.section {
				c.section, c.level = text, lv
				c.forgetGroups()
			}
			// "大学間協定 76校": a title that states its count.
			if d := c.parseDeclared(text, lv, l.Page, l.Row); d != nil {
				c.res.Declared = append(c.res.Declared, d...)
			}
			return // a section title repeated after a page break changes nothing
		}
		if d := c.parseDeclared(text, c.level, l.Page, l.Row); d != nil {
			c.res.Declared = append(c.res.Declared, d...)
			return
		}
		if c.lineIsNote(text) {
			return
		}
	}

	switch {
	case item, c.entryStyled(l, text), c.underPartnerColumn(ls, l, text):
		ls.entry = &pendingEntry{first: l, last: l, text: text, parts: []string{text}, lines: 1, bullet: item, raised: raised}
		c.levelRunIn(ls, ls.entry)
	case c.headingLike(l, text), c.labelsList(l, text, i):
		if joined, ok := c.headingWrapped(l, text, i); ok {
			text = joined
		}
		c.heading(l, text)
		if c.columnName(text) && !c.namesGroup(text) {
			// a column's name set bold as a heading is ("Partner
			// Institution", "Date of Agreement" over a table of one row
			// read as lines)
			ls.addColumn(l)
		} else {
			ls.columns = nil
		}
	case c.columnName(text):
		// A column's name: a table's header set as lines.
		ls.addColumn(l)
	case c.opensEntry(l, text, i):
		ls.entry = &pendingEntry{first: l, last: l, text: text, parts: []string{text}, lines: 1, raised: raised}
	case c.saidAgain(l, text):
		// the head of the first page said again on a later page's (the
		// list's title), inside a group or not
	case c.country.Name != "" || c.intl || c.made() > 0 && !c.opened(text) && !c.lx.IsHeaderOnly(text, c.institution):
		// Inside a group, a line that is neither entry nor heading is lost
		// data, as it is anywhere once the list has records (a section's
		// title may have forgotten the groups that go on), but for the
		// page's head said again and a column's name; before the first
		// record it is the page's prose.
		c.unplaced(l.Page, l.Row, text, agreement.UnplacedOutsideEntry, "text outside any list entry or heading")
	}
}

// maxOpening bounds the lines kept as the page's head (docContext.opening):
// a document that makes no record for long keeps no more of its text.
const maxOpening = 256

// addColumn keeps a column's name read as a line: with those before it
// on its row, or, further down or on another page, a new header's first.
func (ls *listState) addColumn(l *parser.Line) {
	if n := len(ls.columns); n > 0 && (ls.columns[n-1].Page != l.Page || l.Box().Y0 > ls.columns[n-1].Box().Y1+l.Box().Height()) {
		ls.columns = nil // a new header
	}
	ls.columns = append(ls.columns, l)
}

// entryColumn reports a line that stands on the pending entry's first
// line, apart from it to the right, where the name of a column of the
// partner's units or of dates stands above: the field of that entry's
// cell, in a table set as lines (fNone for none).
func (c *docContext) entryColumn(ls *listState, l *parser.Line) field {
	e := ls.entry
	if e.lines != 1 || l.Box() == (parser.Box{}) || l.Page != e.first.Page || l.Box().X0 <= e.first.Box().X1 {
		return fNone
	}
	h := e.first.Box().Height()
	if math.Abs(l.Box().Y0-e.first.Box().Y0) > h/4 {
		return fNone
	}
	for _, col := range ls.columns {
		if col.Page == l.Page && math.Abs(col.Box().X0-l.Box().X0) <= 2 && (col.Box().Y1 <= l.Box().Y0+h/4 || col.Box().Y0 < l.Box().Y0-h/2) {
			// (above the line: its box ends over it, or, a font's tall
			// line box reaching down over the line, it starts half a line
			// higher)
			if f := c.headerField(clean(col.Text)); f == fPartnerUnit || f == fSigned {
				return f
			}
		}
	}
	return fNone
}

// underPartnerColumn reports a line in regular type that starts where
// the partner's column's name above it starts ("相手機関名 Partner
// Institution" over "Ministry of Science and Technology"): a row of a
// table set as lines, whatever its words; not a group's name, nor another
// column's.
func (c *docContext) underPartnerColumn(ls *listState, l *parser.Line, text string) bool {
	if len(ls.columns) == 0 || l.Box() == (parser.Box{}) || l.Style().Bold || l.Role == parser.RoleHeading {
		return false
	}
	h := l.Box().Height()
	for _, col := range ls.columns {
		if col.Page == l.Page && math.Abs(col.Box().X0-l.Box().X0) <= 2 && col.Box().Y1 <= l.Box().Y0+h/2 &&
			c.lx.Mentions(clean(col.Text), fPartner) && (c.headerOfColumns(ls, col) || sameSize(col, l)) {
			return !c.namesGroup(text) && !c.columnName(text)
		}
	}
	return false
}

// sameSize reports lines set in type of one size, to a tenth: a table's
// header and its rows, not a title over them.
func sameSize(a, b *parser.Line) bool {
	sa, sb := a.Style().Size, b.Style().Size
	return sa > 0 && math.Abs(sa-sb) <= 0.1*sb
}

// headerOfColumns reports a column's name that stands in a header of two
// columns or more: beside another column's name, or naming two fields in
// one line ("相手機関名 Partner Institution 区分 Level"). A title's last
// line that names the partners alone ("Institutions"), in larger type,
// heads no table.
func (c *docContext) headerOfColumns(ls *listState, col *parser.Line) bool {
	for _, o := range ls.columns {
		if o != col && o.Page == col.Page && math.Abs(o.Box().Y0-col.Box().Y0) <= col.Box().Height()/4 {
			return true
		}
	}
	text := clean(col.Text)
	for _, f := range []field{fPartnerUnit, fHomeUnit, fLevel, fType, fSigned, fValid, fCountry} {
		if c.lx.Mentions(text, f) {
			return true
		}
	}
	return false
}

// levelRunIn takes off the end of an entry's first line a level that
// stands under the level column's name, the name's cell and the level's
// read as one line, set too close to be parted ("Universiti Tunku Abdul
// Rahman (UTAR) 大学 University" under "区分 Level"): the words at the
// line's end that say a level and take, in the line's type, the room from
// the column's start to the line's end.
func (c *docContext) levelRunIn(ls *listState, e *pendingEntry) {
	l := e.first
	if l.Box() == (parser.Box{}) || e.bullet {
		return
	}
	h := l.Box().Height()
	at := -1.0
	for _, col := range ls.columns {
		if col.Page == l.Page && col.Box().X0 > l.Box().X0+h && col.Box().X0 < l.Box().X1 &&
			(col.Box().Y1 <= l.Box().Y0+h/4 || col.Box().Y0 < l.Box().Y0-h/2) && c.lx.Mentions(clean(col.Text), fLevel) {
			at = col.Box().X0
		}
	}
	if at < 0 {
		return
	}
	if c.unitWidths == nil {
		c.unitWidths = pointsPerUnit(c.doc)
	}
	w := c.unitWidths[l.Style()]
	if w <= 0 {
		return
	}
	words := strings.Fields(e.text)
	for k := 1; k < len(words); k++ {
		tail := strings.Join(words[k:], " ")
		lv, ok := c.lx.LevelValue(tail)
		if !ok || math.Abs(l.Box().X1-w*textUnits(tail)-at) > 3*w {
			continue
		}
		e.text = strings.Join(words[:k], " ")
		e.parts[0] = e.text
		e.level = lv
		return
	}
}

// levelBeside reads a line that says a level ("大学 University", "部局間
// Department") standing beside the pending entry's first or last line,
// apart from it to the right, under a column's name that says the level:
// the entry's level cell, in a table set as lines (set at the bottom of
// its row, beside the last). A cell set in the middle of a row of two
// lines stands lower than the first, by up to half a line.
func (c *docContext) levelBeside(e *pendingEntry, l *parser.Line, text string) (string, bool) {
	if e.level != "" || l.Box() == (parser.Box{}) || l.Page != e.last.Page {
		return "", false
	}
	h := e.first.Box().Height()
	beside := func(o *parser.Line) bool {
		return o.Page == l.Page && l.Box().X0 > o.Box().X1+h && l.Box().Y0 >= o.Box().Y0-h/4 && l.Box().Y0 <= o.Box().Y0+0.6*h
	}
	if !beside(e.first) && !beside(e.last) {
		return "", false
	}
	named := false // a column's name above says the level ("区分 Level")
	for _, col := range c.list.columns {
		if col.Page == l.Page && (col.Box().Y1 <= e.first.Box().Y0+h/4 || col.Box().Y0 < e.first.Box().Y0-h/2) && c.lx.Mentions(clean(col.Text), fLevel) {
			named = true
		}
	}
	if !named {
		return "", false
	}
	return c.lx.LevelValue(text)
}

// entryStyled reports a line without bullet that is written like the
// entries (an entry whose bullet the list forgot).
func (c *docContext) entryStyled(l *parser.Line, text string) bool {
	if l.Role == parser.RoleHeading {
		return false
	}
	if _, ok := unwrapHeading(text); ok && !c.looksLikeEntry(text) {
		return false
	}
	if c.namesGroup(text) && !c.looksLikeEntry(text) {
		return false // "アジア Asia", "CHINA (14)" in the entries' style: a heading
	}
	if c.columnName(text) {
		return false // "Partner Institution" over the entries: a table's header set as lines
	}
	if c.hasEntryKey && l.Style() != (parser.Style{}) {
		return keyOf(l.Style()) == c.entryKey && (c.looksLikeEntry(text) || c.country.Name != "" || c.intl)
	}
	return c.looksLikeEntry(text)
}

// opensEntry reports a line that starts an entry whose name or details
// wrap onto the next lines (up to three): together they read as an entry,
// with its details in brackets, where the line alone does not
// ("University of Waterloo * (University-wide," / "平成18年10月30日)";
// "National Institutes of Health of the" / "Department of Health and
// Human" / "Services * (University-wide, 平成…)").
func (c *docContext) opensEntry(l *parser.Line, text string, i int) bool {
	if i < 0 || l.Box() == (parser.Box{}) || l.Role == parser.RoleHeading || c.looksLikeEntry(text) || c.namesAGroup(text) {
		return false
	}
	parts := []string{text}
	// The brackets of the lines joined are the brackets of the lines
	// (joinWrapped adds spaces, and cleaning a text keeps its brackets):
	// the lines are joined only when the brackets they hold may be a
	// closed entry's details.
	depth, opens := bracketDepth(text), openBrackets.in(text)
	for k := i + 1; k < len(c.doc.Blocks) && k <= i+3; k++ {
		next := c.doc.Blocks[k].Line
		if next == nil || next.Page != l.Page || next.Role == parser.RoleHeading || next.Bullet != "" || next.Box().X0 < l.Box().X0-2 ||
			math.Abs(next.Style().Size-l.Style().Size) > 0.5 || next.Style().Bold != l.Style().Bold {
			// (the same size and weight: a Japanese date may be set in another font)
			return false
		}
		a := c.lineAhead(k, next)
		if a.heading {
			return false
		}
		parts = append(parts, a.text)
		depth, opens = depth+a.depth, opens || a.opens
		if depth == 0 && opens && c.looksLikeEntry(joinWrapped(parts)) {
			return true
		}
		if a.entry {
			return false // the next line is an entry of its own
		}
	}
	return false
}

// lineAhead is what opensEntry reads of block k's line, l, read once.
func (c *docContext) lineAhead(k int, l *parser.Line) aheadLine {
	ls := c.ensureList()
	if a, ok := ls.ahead[k]; ok {
		return a
	}
	nt := clean(l.Text)
	a := aheadLine{text: nt, heading: c.headingLike(l, nt), depth: bracketDepth(nt), opens: openBrackets.in(nt)}
	// (headingLike has read the text as an entry already, but for a
	// heading's role, which opensEntry turns away before.)
	a.entry = !a.heading && c.looksLikeEntry(nt) && bracketDepth(nt) == 0
	remember(&ls.ahead, k, a)
	return a
}

// headingLike reports a line that is set apart as a heading: by its role, or
// by a style heavier or larger than the entries'.
func (c *docContext) headingLike(l *parser.Line, text string) bool {
	if l.Role == parser.RoleHeading {
		return true
	}
	if c.looksLikeEntry(text) || utf8.RuneCountInString(text) > 120 {
		return false
	}
	if _, ok := unwrapHeading(text); ok {
		return true
	}
	if c.hasEntryKey && l.Style() != (parser.Style{}) {
		k := keyOf(l.Style())
		if k != c.entryKey && (k.bold || k.size > c.entryKey.size+0.25 || isParenthesised(text)) {
			return true
		}
	}
	// Set like the entries, or with no style to go by (a paragraph of a
	// web page): only a short line that names a region or a country is a
	// heading; prose is not.
	return c.namesGroup(text)
}

// namesGroup reports a short line that names a region or a known country,
// perhaps in brackets or with a count: "(Asia)", "CHINA (14)", "アジア
// Asia".
func (c *docContext) namesGroup(text string) bool {
	if c.list == nil {
		return c.readNamesGroup(text)
	}
	return recall(&c.list.groupNames, text, c.readNamesGroup)
}

// readNamesGroup is namesGroup, not remembered. (readRegion reads a name
// alone when not asked to look within it; readCountry reads the name
// alone.)
func (c *docContext) readNamesGroup(text string) bool {
	name := text
	if isParenthesised(name) {
		name = strings.TrimSpace(name[1 : len(name)-1])
	}
	name, _, _ = splitCount(name)
	if utf8.RuneCountInString(name) > 60 {
		return false
	}
	if _, ok := c.readRegion(name, false); ok {
		return true
	}
	if _, _, ok := c.regionAndCountry(name); ok {
		return true // ("Asia, China")
	}
	return c.readCountry(name).known
}

// labelsList reports a short unstyled line, not a sentence, standing right
// before list items: the label of the group they form (a country the
// country table does not know, written as a paragraph).
func (c *docContext) labelsList(l *parser.Line, text string, i int) bool {
	if i < 0 || l.Role != parser.RoleText || l.Style() != (parser.Style{}) || i+1 >= len(c.doc.Blocks) {
		return false
	}
	next := c.doc.Blocks[i+1].Line
	if next == nil || (next.Role != parser.RoleItem && next.Bullet == "") {
		return false
	}
	if utf8.RuneCountInString(text) > 40 || c.looksLikeEntry(text) {
		return false
	}
	return !strings.ContainsAny(text[len(text)-1:], ".。:：!?") && len(strings.Fields(text)) <= 5
}

// headingMarks are the symbols Japanese lists set before a group label
// ("■中国", "◆アジア").
const headingMarks = "■□◆◇▼▽▶▷◎"

// unwrapHeading recognises a label set apart by its shape rather than its
// style: in lenticular brackets ("【アジア】", "［中国］") or after a heading
// mark ("■中国"). It returns the label.
func unwrapHeading(s string) (string, bool) {
	for _, p := range [][2]string{{"【", "】"}, {"［", "］"}, {"〔", "〕"}, {"[", "]"}, {"《", "》"}} {
		if strings.HasPrefix(s, p[0]) && strings.HasSuffix(s, p[1]) && len(s) > len(p[0])+len(p[1]) {
			return strings.TrimSpace(s[len(p[0]) : len(s)-len(p[1])]), true
		}
	}
	r, n := utf8.DecodeRuneInString(s)
	if n > 0 && strings.ContainsRune(headingMarks, r) && strings.TrimSpace(s[n:]) != "" {
		return strings.TrimSpace(s[n:]), true
	}
	return s, false
}

func isParenthesised(s string) bool {
	return (strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")")) ||
		(strings.HasPrefix(s, "（") && strings.HasSuffix(s, "）"))
}

// continues reports whether l is the wrapped continuation of the pending
// entry: not a new item, written like it, just below it on the same page,
// starting no further left than its text, and the entry not yet closed by
// its date.
func (c *docContext) continues(e *pendingEntry, l *parser.Line, text string) bool {
	if l.Role == parser.RoleHeading || l.Box() == (parser.Box{}) || e.last.Box() == (parser.Box{}) || l.RuledAbove {
		return false // (a rule between two lines sets them apart: rows of a table)
	}
	h := e.last.Box().Height()
	if h <= 0 {
		h = l.Style().Size
	}
	if l.Page == e.last.Page && math.Abs(l.Box().Y0-e.last.Box().Y0) <= h/4 && l.Box().X0 >= e.last.Box().X1-1 &&
		(l.Box().X0-e.last.Box().X1 < 4*h && keyOf(l.Style()) == keyOf(e.last.Style()) || isMarker(text)) {
		// The rest of the same line, set apart by a justified line's wide
		// gaps ("Dalian" "University" "of"), or the entry's marker in a
		// column of its own ("Tuition Exemption": "*").
		return true
	}
	if c.closedByDate(e.text) && !openEnded(e.text) {
		return false
	}
	if c.hasEntryKey && l.Style() != (parser.Style{}) && keyOf(l.Style()) != c.entryKey && keyOf(l.Style()) != keyOf(e.first.Style()) {
		return false // (a line read from a table's cells has no style to go by)
	}
	if l.Page == e.last.Page+1 {
		// An entry broken by the page: its next line opens the next page,
		// indented under the entry's first line as its wrapped lines are.
		return e.lines == 1 && l.Box().X0 > e.first.Box().X0+2 && keyOf(l.Style()) == keyOf(e.first.Style()) ||
			e.lines > 1 && math.Abs(l.Box().X0-e.last.Box().X0) <= 2 && e.last.Box().X0 > e.first.Box().X0+2
	}
	if l.Page != e.last.Page {
		return false
	}
	gap := l.Box().Y0 - e.last.Box().Y1
	if gap < -h/2 || gap > 0.8*h {
		return false
	}
	if e.name != "" && !endsWithConnector(e.name) && !hyphenBreak(e.name) && bracketDepth(e.name) == 0 {
		return false // a row whose unit's cell stood beside its name, the name whole: the next line is the next row's
	}
	if c.nameEnds(e.text) && c.nameStarts(text) {
		return false // "Hiroshima University" / "Juntendo University": one name a line, set solid
	}
	return l.Box().X0 >= e.first.Box().X0-2
}

// nameEnds reports an entry's text that names a university and leaves
// nothing open (a joining word, a comma, a hyphen, a bracket): "Hiroshima
// University", "Universiti Putra Malaysia", "Meio University (Cooperation
// Agreement)".
// After a comma, the part after it must name one itself ("Stony Brook
// University, The State" goes on).
func (c *docContext) nameEnds(text string) bool {
	last := text
	if k := strings.LastIndexAny(text, ",，、"); k >= 0 {
		last = text[k:]
	}
	return c.namesUniversity(last) && bracketDepth(text) == 0 && !endsWithConnector(text) && !hyphenBreak(text)
}

// nameStarts reports a line that starts a university's name of its own,
// not a unit's nor the rest of a name: "Juntendo University", "Tokyo
// University of Marine Science and Technology".
func (c *docContext) nameStarts(text string) bool {
	return c.namesUniversity(text) && !c.unitish(text) && !startsLower(text) && !leadConnectorRe.MatchString(text) &&
		!c.lx.IsFederation(text)
}

// closedByDate reports an entry that ends with its date or with its
// details in brackets: what follows is another entry, not its next line.
// (A level word alone does not close it: "… — School-to-school" /
// "agreement (GS Engineering), concluded …".)
func (c *docContext) closedByDate(text string) bool {
	if looksLikeEntry(text) {
		return true
	}
	t := strings.TrimSpace(text)
	if (strings.HasSuffix(t, ")") || strings.HasSuffix(t, "）")) && c.looksLikeEntry(t) {
		return true // "大連外国語大学, 日本語学院 (University-wide)": details in brackets end it
	}
	if v, ok := c.dated[text]; ok {
		return v
	}
	v := !c.readEntry(text, entryOpts{}).signed.IsZero()
	c.dated[text] = v
	return v
}

// capitalBreaks reports the lines of an entry in a script set with spaces
// that each end on a capitalised word and start with one after the
// first: every line break stands between two names, never inside a
// phrase ("… and" / "Economics", "School-to-" / "school").
func capitalBreaks(parts []string) bool {
	for k, p := range parts {
		f := strings.Fields(p)
		if len(f) == 0 || hasCJK(p) {
			return false
		}
		if k < len(parts)-1 {
			r, _ := utf8.DecodeRuneInString(f[len(f)-1])
			if !unicode.IsUpper(r) || strings.HasSuffix(p, "-") {
				return false
			}
		}
		if r, _ := utf8.DecodeRuneInString(f[0]); k > 0 && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// datePiece reports a line that can only be the end of a Japanese date
// cut by a line break: "年締結", "月20日締結", "締結".
func datePiece(text string) bool {
	t := strings.TrimSpace(text)
	for _, p := range []string{"年", "月", "日", "締結"} {
		if strings.HasPrefix(t, p) && utf8.RuneCountInString(t) <= 12 {
			return true
		}
	}
	return isDateRest(t) // "…、2009." / "4.15 締結"
}

// dateRestRe matches a line that is only the month and day of a date whose
// year ended the line before, perhaps with the concluded-word after it
// (scanned by isDateRest, rescan.go).
var dateRestRe = lazyre.New(`^[0-9]{1,2}\s*[./]\s*[0-9]{1,2}\s*(?:締結|concluded)?[)）]?$`)

// yearCutRe matches a text that ends in a year cut from its month and day
// ("…、2009.").
var yearCutRe = lazyre.New(`(?:^|[^0-9])[0-9]{4}\s*[./]$`)

// openEnded reports an entry whose last line stops inside a phrase: a
// date cut after its year ("平成 27 年" / "4 月 20 日締結"), a comma.
func openEnded(text string) bool {
	t := strings.TrimSpace(text)
	return strings.HasSuffix(t, "年") || strings.HasSuffix(t, "月") || strings.HasSuffix(t, ",") || strings.HasSuffix(t, "、") || yearCutRe.MatchString(t)
}

// heading reads a region, country or other heading.
func (c *docContext) heading(l *parser.Line, text string) {
	name, _, _ := groupText(text)
	if name == "" {
		return
	}
	if r, g, ok := c.regionAndCountry(name); ok {
		// ("Asia, China": the region and the country in one heading)
		c.region, c.rRepair = r.region, r.repairs
		c.country, c.intl, c.cRepair = g.country, g.intl, g.repairs
		c.list.groupHead = ""
		if _, count, hasCount := groupText(text); hasCount {
			c.res.Declared = append(c.res.Declared, Declared{Level: c.level, Scope: "country", Name: c.country.Name, Count: count, Text: text, Page: l.Page, Row: l.Row})
		}
		return
	}
	if g, ok := c.readRegion(text, true); ok {
		c.region, c.country, c.intl, c.cRepair = g.region, Country{}, g.intl, nil
		c.rRepair = g.repairs
		c.list.groupHead = ""
		if g.hasCount {
			c.res.Declared = append(c.res.Declared, Declared{Level: c.level, Scope: "region", Name: g.region, Count: g.count, Text: text, Page: l.Page, Row: l.Row})
		}
		return
	}
	if isParenthesised(text) && !strings.ContainsAny(text[1:len(text)-1], "()（）") {
		if _, _, hasCount := groupText(text); !hasCount {
			// A parenthesised group name the region table does not know.
			c.region, c.country, c.intl, c.cRepair = name, Country{}, false, nil
			c.rRepair = []string{"region_unknown:" + name}
			c.list.groupHead = ""
			return
		}
	}
	if c.titleHeads[name] {
		return // the title said again at a page's head ("Foreign Institutions", its second line)
	}
	g := c.readCountry(text)
	if !g.known && c.lx.IsListTitle(name) {
		// (the title's words first: most headings have none, and
		// looking for a country among a heading's words costs more)
		cn, ok := c.countryWithin(name)
		if !ok {
			return // the document's title
		}
		g = groupName{country: cn, known: true, repairs: []string{"country_alias:" + name}}
	}

	c.list.groupHead = ""
	switch {
	case !g.known && c.lx.HasUnitWord(name):
		// A list grouped by the home institution's units ("工学研究科",
		// "Graduate School of Engineering"): the group's entries are that
		// unit's agreements. The country grouping below it starts afresh.
		c.homeUnit = name
		c.country, c.intl, c.cRepair = Country{}, false, nil
		return
	case !g.known && c.region == "" && c.country.Name == "" && !c.intl:
		remember(&c.titleHeads, name, true)
		return // before any group: a title's second line, the page's own headings
	case !g.known && c.columnName(name):
		return // a column's name: a table's header set as lines
	case !g.known:
		c.unplaced(l.Page, l.Row, text, agreement.UnplacedUnknownGroup, "heading is not a known country or region")
	}
	c.country, c.intl, c.cRepair = g.country, g.intl, g.repairs
	if g.known && c.country.Name != "" {
		c.heads = append(c.heads, headNote{page: l.Page, row: l.Row, text: text, country: c.country.Name, made: c.made()})
	}
	if g.hasCount {
		c.res.Declared = append(c.res.Declared, Declared{Level: c.level, Scope: "country", Name: c.country.Name, Count: g.count, Text: text, Page: l.Page, Row: l.Row})
	}
}

// headingWrapped reads a heading set on two lines in a narrow column
// ("INTERNATIONAL" / "ORGANIZATION"): the line names no group alone, the
// next line is set in the same style, and the two together name one. The
// next line is then read.
func (c *docContext) headingWrapped(l *parser.Line, text string, i int) (string, bool) {
	if i < 0 || i+1 >= len(c.doc.Blocks) || l.Box() == (parser.Box{}) {
		return text, false // (a page's own markup does not wrap its headings)
	}
	next := c.doc.Blocks[i+1].Line
	if next == nil || next.Page != l.Page || next.Bullet != "" || keyOf(next.Style()) != keyOf(l.Style()) ||
		utf8.RuneCountInString(next.Text) > 40 || hasDigit(next.Text) ||
		c.namesAGroup(clean(next.Text)) {
		return text, false
	}
	joined := joinWrapped([]string{text, clean(next.Text)})
	// One word set right under a column's name goes on it ("授業料不徴収
	// Tuition" / "Exemption").
	underIt := math.Abs(next.Box().X0-l.Box().X0) <= 2 && !strings.Contains(strings.TrimSpace(next.Text), " ")
	if !(c.namesRegion(joined) && !c.namesRegion(text) || c.namesAGroup(joined) && !c.namesAGroup(text) ||
		c.columnName(joined) && (!c.columnName(text) || underIt) && !c.namesAGroup(text)) {
		return text, false // ("Tuition" / "Exemption": a column's name, wrapped)
	}
	c.consumed[next.Row] = true
	return joined, true
}

// columnName reports a text that names a table's column: a field's header
// or a flag column's ("Tuition Exemption", "授業料不徴収").
func (c *docContext) columnName(text string) bool {
	if c.list == nil {
		return c.readColumnName(text)
	}
	return recall(&c.list.columnNames, text, c.readColumnName)
}

// readColumnName is columnName, not remembered: what the lexicon says of
// the text, and the home institution's name the options give.
func (c *docContext) readColumnName(text string) bool {
	if strings.ContainsAny(text, "()（）*＊♦0123456789０１２３４５６７８９") {
		return false // an entry: a name with its details, a marker or a date
	}
	if c.lx.IsHeaderOnly(text, c.institution) {
		return true // ("Partner Institution", "Department at Tohoku University")
	}
	return c.flagColumn(text) != ""
}

// namesListTitle reports a text that names a level or a list and no
// institution: a list's title ("部局間学術交流協定", "University-Level
// Agreements").
func (c *docContext) namesListTitle(text string) bool {
	if text == "" || c.lx.IsInstitution(text) {
		return false
	}
	_, level := c.lx.LevelTitle(text)
	return level || c.lx.IsListTitle(text)
}

// namesAGroup reports a text that reads as a region or a known country.
func (c *docContext) namesAGroup(text string) bool {
	return c.namesRegion(text) || c.readCountry(text).known // (readCountry remembers its texts)
}

// namesRegion reports a text that reads as a region, remembered: headings
// repeat on every page.
func (c *docContext) namesRegion(text string) bool {
	if v, ok := c.regions[text]; ok {
		return v
	}
	if c.regions == nil {
		c.regions = map[string]bool{}
	}
	_, ok := c.readRegion(text, true)
	c.regions[text] = ok
	return ok
}

// menuItem reports an item before the document's first group that reads
// as a link of the site's menu, printed with the page: a few words, no
// institution, no date, and no record made yet.
func (c *docContext) menuItem(text string) bool {
	if c.made() > 0 || c.region != "" || len(strings.Fields(text)) > 6 {
		return false
	}
	if _, _, ok := c.parseLegendLine(text); ok {
		return true // a legend set as a list item ("* 授業料不徴収")
	}
	return !c.lx.IsInstitution(text) && !c.looksLikeEntry(text) && !c.namesGroup(text)
}

// flushList turns the pending entry into a record.
func (c *docContext) flushList() {
	if c.list == nil || c.list.entry == nil {
		return
	}
	e := c.list.entry
	c.list.entry = nil
	if e.runIn {
		c.flushRunIn(e)
		return
	}
	c.flushEntry(e)
}

// flushEntry makes the record of a list entry.
func (c *docContext) flushEntry(e *pendingEntry) {
	if c.country.Name == "" && !c.intl {
		if c.menuItem(e.text) {
			return // "Student Exchange Programs", "Overseas Offices": the site's menu, printed
		}
		c.unplaced(e.first.Page, e.first.Row, e.text, agreement.UnplacedBeforeGroup, "entry before any country heading")
		return
	}
	r := c.newRecord(e.first.Page, e.first.Row)
	text := e.text
	if len(e.parts) > 1 && (isCJK(lastRune(e.parts[0])) && c.endsAsInstitution(e.parts[0]) || capitalBreaks(e.parts)) {
		// "ハーバード大学" / "エドウィン・O・ライシャワー日本研究所 — …": a unit
		// on a line of its own under its institution, where joining the
		// lines of Japanese text leaves no space to tell them apart; or
		// "Ministry of Science and Technology" / "Department of Planning
		// and Cooperation", a cell of two lines whose second names a unit.
		text = c.unitOnItsLine(e.parts, e.text)
	}
	en := c.readEntry(text, entryOpts{})
	switch {
	case e.level != "":
		r.Level = e.level
	case en.level != "":
		r.Level = en.level
	case r.Level == "" && (r.HomeUnit != "" || en.homeUnit != ""):
		r.Level = LevelDepartment
		r.Repairs = append(r.Repairs, agreement.R(agreement.RepairLevel, "assumed_department"))
	case r.Level == "":
		r.Level = LevelUniversity
		r.Repairs = append(r.Repairs, agreement.R(agreement.RepairLevel, "assumed_university"))
	}
	if e.lines > 1 {
		r.Repairs = append(r.Repairs, string(agreement.RepairWrappedLine))
	}
	if e.raised {
		r.Repairs = append(r.Repairs, agreement.R(agreement.RepairMarker, "raised_line"))
	}
	if e.split != "" {
		r.Repairs = append(r.Repairs, e.split)
	}
	c.applyEntry(&r, en, "")
	switch {
	case !en.signed.IsZero():
		c.list.groupHead, c.list.groupDate = r.Partner, en.signed.ISO
	case c.list.groupHead != "" && en.level == "" && en.kind == "" && r.Partner != c.list.groupHead:
		// An undated entry under a dated one shares its date (the
		// campuses listed under the agreement with their university),
		// unless it gives details of its own: then the list gives no date.
		r.Signed = c.list.groupDate
		r.Repairs = append(r.Repairs, agreement.R(agreement.RepairInheritedDate, c.list.groupHead))
	}
	if r.Partner == "" {
		c.unplaced(e.first.Page, e.first.Row, e.text, agreement.UnplacedNoName, "entry has no name")
		return
	}
	c.res.Records = append(c.res.Records, r)
}
