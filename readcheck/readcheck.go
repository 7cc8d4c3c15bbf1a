// Package readcheck looks at what reading one document gave and says what
// looks wrong with it: a declared total not met, rows and entries that made
// no record, a document with text but no agreement list, scanned pages
// without a text layer, records that read like prose, a date left unread in
// names. The extractor runs it on every read, so that a read that went wrong
// says so instead of exiting quietly with bad records.
package readcheck

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/audit/declared"
	"github.com/agreements/agreements/internal/lazyre"
	"github.com/agreements/agreements/parser"
)

// Kinds of warning. They are stable: scripts may match them.
const (
	KindNoTextLayer   = "no_text_layer"      // pages with images and no text: scanned, need OCR
	KindNoList        = "no_list"            // text, but no agreement list found
	KindDeclaredTotal = "declared_total"     // a total the document states is not met
	KindUnplaced      = "unplaced"           // a row or entry that made no record
	KindProse         = "prose"              // a record whose partner reads like a sentence
	KindNoCountry     = "no_country"         // most records have no country
	KindDateInName    = "date_in_name"       // a date left unread in partner names
	KindUnknownGroup  = "unknown_country"    // records filed under a country the tables do not know
	KindMergedRows    = "merged_rows"        // a row whose date cell holds several dates: rows read as one
	KindRunTogether   = "names_run_together" // a partner that holds several institutions' names
	KindDamagedFont   = "damaged_font"       // a font's map to text could not be read whole
	KindCutName       = "name_cut"           // a name whose brackets do not pair: cut short or run into another cell
	KindInterleaved   = "words_interleaved"  // a name in Japanese or Chinese parted by words in another script: two cells' words mixed
	KindDateUnread    = "date_unread"        // a date or term the list gives that could not be read
	KindLostChars     = "chars_lost"         // a name holding U+FFFD: characters the document lost
	KindFillDoubt     = "fill_doubtful"      // a blank cell read as one neighbour's, in a table where it may mean the other's
	KindColumnUnread  = "column_unread"      // a table's column no header names holds text beside records: the records go without it
	KindHyphenation   = "hyphen_unsure"      // a word a line break hyphenated, joined whole though the document writes it nowhere else
	KindMarkedTwice   = "marked_twice"       // a row marked in the columns of two levels: one record read for two agreements
	KindGarbled       = "text_garbled"       // a name whose characters the document maps to the wrong text: Latin signs inside a Japanese word, UTF-8 read as Latin-1
	KindDateAsText    = "date_as_text"       // a kind of agreement or a unit that is a date, the record without one: a date column read under another heading
)

// Warning is one doubt about a read.
type Warning = agreement.Warning

// Options tune the check.
type Options struct {
	// MaxPerKind caps the lines of one kind; the rest are counted in one
	// more line. 0 means 10.
	MaxPerKind int
	// DatesGiven reports that the user said how a/b/YYYY dates are
	// written, so an ambiguous date is not the cause of a date in a name.
	DatesGiven bool
}

// proseWords is the number of words beyond which a partner name reads
// like a sentence.
const proseWords = 20

// Check looks at one read: the raw document and what normalising it gave.
func Check(doc *parser.Document, res *agreement.Result, opt Options) []Warning {
	k := New(doc, opt)
	k.groups, k.held = nil, res.Records // (the declared totals are counted from the records held)
	for i := range res.Records {
		k.Record(&res.Records[i])
	}
	return k.Finish(res)
}

// Checker is Check run on records as they pass: each record is looked at
// when it is given (Record) and need not be held after; what speaks of
// the whole document is said at the end (Finish). The warnings are those
// Check gives, in the same order.
type Checker struct {
	mergedAt [2]int // the page and row of the last merged_rows warning
	c        *checker
	// The warnings of each kind checked record by record, the first
	// MaxPerKind of each kept and the rest counted.
	prose, dates, unknown, merged, together, cut, interleaved, unread, lost, garbled, hyphen, astext kindList
	records, noCountry                                                                               int
	firstNoCountry                                                                                   agreement.Source
	seenCountry                                                                                      map[string]bool
	// What a declared total counts: the partners of the records by their
	// group (the fields the check reads other than the partner); last is
	// the group of the last record. Not kept when the records are held
	// (held).
	groups   map[groupKey]*[]string
	order    []groupKey // the groups, in the order their first records came
	last     groupKey
	partners *[]string
	held     []agreement.Record
}

// groupKey is what the declared-total check reads of a record, its
// partner aside.
type groupKey struct {
	home, level, region, country, code string
}

// kindList is the warnings of one kind: the first few, and a count.
type kindList struct {
	ws []Warning
	n  int
}

// open reports whether a warning given to add would be kept, not only
// counted: the checks make the message only then.
func (l *kindList) open(max int) bool { return len(l.ws) < max }

func (l *kindList) add(w Warning, max int) {
	if len(l.ws) < max {
		l.ws = append(l.ws, w)
	}
	l.n++
}

// New starts a check of the document doc, its records to be given one by
// one.
func New(doc *parser.Document, opt Options) *Checker {
	if opt.MaxPerKind <= 0 {
		opt.MaxPerKind = 10
	}
	return &Checker{c: &checker{doc: doc, opt: opt, file: doc.File}, seenCountry: map[string]bool{}, groups: map[groupKey]*[]string{}}
}

// Record looks at one record of the document, final as it will be
// written; r is not held.
func (k *Checker) Record(r *agreement.Record) {
	c, max := k.c, k.c.opt.MaxPerKind
	k.records++
	var scans [3]nameScan // (each name read once for the checks below)
	for i, f := range nameFields(r) {
		scans[i] = scanName(f[1])
	}
	if k.groups != nil {
		k.count(r)
	}
	if w, ok := c.prose(r, scans[0], k.prose.open(max)); ok {
		k.prose.add(w, max)
	}
	if r.Country == "" && r.Region != "International Organization" {
		if k.noCountry == 0 {
			k.firstNoCountry = r.Source
		}
		k.noCountry++
	}
	if w, ok := c.dateInName(r, scans[0], k.dates.open(max)); ok {
		k.dates.add(w, max)
	}
	if w, ok := c.dateAsText(r, k.astext.open(max)); ok {
		k.astext.add(w, max)
	}
	if r.Country != "" && r.CountryCode == "" && !k.seenCountry[r.Country] {
		k.seenCountry[r.Country] = true
		k.unknown.add(Warning{Kind: KindUnknownGroup, File: c.file, Page: r.Source.Page, Row: r.Source.Row,
			Message: fmt.Sprintf("records filed under %q, which is not a country the tool knows: check the grouping", shorten(r.Country, 60))}, max)
	}
	if at := [2]int{r.Source.Page, r.Source.Row}; at != k.mergedAt { // (once a row, however many records its lines made)
		if w, ok := c.mergedRow(r, k.merged.open(max)); ok {
			k.merged.add(w, max)
			k.mergedAt = at
		}
	}
	if w, ok := c.nameRunTogether(r, k.together.open(max)); ok {
		k.together.add(w, max)
	}
	if w, ok := c.nameCut(r, &scans, k.cut.open(max)); ok {
		k.cut.add(w, max)
	}
	if w, ok := c.wordInterleaved(r, &scans, k.interleaved.open(max)); ok {
		k.interleaved.add(w, max)
	}
	for _, rep := range r.Repairs {
		rp := agreement.ParseRepair(rep) // (read once for both)
		if w, ok := c.dateUnread(r, rp, k.unread.open(max)); ok {
			k.unread.add(w, max)
		}
		if w, ok := c.hyphenUnsure(r, rp, k.hyphen.open(max)); ok {
			k.hyphen.add(w, max)
		}
	}
	if w, ok := c.lostChars(r, &scans, k.lost.open(max)); ok {
		k.lost.add(w, max)
	}
	if w, ok := c.garbledText(r, &scans, k.garbled.open(max)); ok {
		k.garbled.add(w, max)
	}
}

// lostChars: a name holding U+FFFD (�), a character the document itself
// lost (a producer that could not encode it, a font with no map to text
// for it) or an invalid byte of a page: the name is not the list's, and
// nothing can tell what stood there.
func (c *checker) lostChars(r *agreement.Record, scans *[3]nameScan, full bool) (Warning, bool) {
	if !scans[0].lost && !scans[1].lost && !scans[2].lost && (r.PartnerAlt == "" || !strings.Contains(r.PartnerAlt, "\uFFFD")) {
		return Warning{}, false // (the names were scanned once for the checks)
	}
	return c.nameWarning(r, full, KindLostChars, func(s string) bool { return strings.Contains(s, "\uFFFD") },
		"the %s %q holds U+FFFD (\uFFFD) where the document lost characters: the name is not what the list says")
}

// nameWarning is a warning of kind for the first of r's names (partner,
// partner unit, home unit, other name) that bad holds true of, its
// message made from format with the name's field and text; a count only
// when not full.
func (c *checker) nameWarning(r *agreement.Record, full bool, kind string, bad func(string) bool, format string) (Warning, bool) {
	for _, f := range [...][2]string{{"partner", r.Partner}, {"partner unit", r.PartnerUnit}, {"home unit", r.HomeUnit},
		{"partner's other name", r.PartnerAlt}} {
		if !bad(f[1]) {
			continue
		}
		if !full {
			return Warning{Kind: kind}, true // (counted only: its message is not said)
		}
		return Warning{Kind: kind, File: c.file, Page: r.Source.Page, Row: r.Source.Row,
			Message: fmt.Sprintf(format, f[0], shorten(f[1], 80))}, true
	}
	return Warning{}, false
}

// garbledText: a name whose text is not what its glyphs show, the
// document's map from glyphs to text being wrong (a font embedded again
// whose ToUnicode map is off by a table, `ºー¹øú²` for `オーストリア`) or
// its bytes read in the wrong charset (`Ã©` for `é`, `縺` for a UTF-8
// kana). A record whose names are all ASCII is not looked at.
func (c *checker) garbledText(r *agreement.Record, scans *[3]nameScan, full bool) (Warning, bool) {
	if scans[0].ascii && scans[1].ascii && scans[2].ascii && (r.PartnerAlt == "" || isASCII(r.PartnerAlt)) {
		return Warning{}, false
	}
	return c.nameWarning(r, full, KindGarbled, garbled,
		"the %s %q reads as garbled text (the document maps its glyphs to the wrong characters): the name is not what the list shows")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// garbled reports whether s holds a word that mixes Japanese, Chinese or
// Korean characters with Latin letters or signs beyond ASCII (`³ーン工科大学`),
// which no name writes, or the marks of UTF-8 read as Latin-1 or
// Windows-1252 (`Ã©`, `â€`, `Â°`) or as Shift_JIS (`縺`, `繧`, `繝`).
func garbled(s string) bool {
	var cjk, latin bool
	prev := rune(0)
	for _, r := range s {
		switch {
		case r == ' ' || r == '\u3000':
			cjk, latin = false, false
		case r >= 0x3040 && r <= 0x30FF || r >= 0x3400 && r <= 0x9FFF || r >= 0xAC00 && r <= 0xD7AF || r >= 0x2E80 && r <= 0x2FDF || r >= 0xFF61 && r <= 0xFF9F:
			cjk = true
			if r == '縺' || r == '繧' || r == '繝' {
				return true
			}
		case r >= 0xA0 && r <= 0x24F && r != 0xD7 && r != 0xB7: // (× and · stand between words)
			latin = true
			if prev == 'Ã' && r <= 0xBF || prev == 'Â' && r >= 0xA0 && r <= 0xBF {
				return true
			}
		case prev == 'â' && r == '€':
			return true
		}
		if cjk && latin {
			return true
		}
		prev = r
	}
	return false
}

// count counts r for the declared totals: records mostly come in runs
// of one group.
func (k *Checker) count(r *agreement.Record) {
	g := groupKey{r.HomeInstitution, r.Level, r.Region, r.Country, r.CountryCode}
	if k.partners == nil || g != k.last {
		k.partners = k.groups[g]
		if k.partners == nil {
			k.partners = new([]string)
			k.groups[g] = k.partners
			k.order = append(k.order, g)
		}
		k.last = g
	}
	*k.partners = append(*k.partners, r.Partner)
}

// Finish ends the check: res is what normalising the document gave, its
// records those given to Record (res.Records itself is not read).
func (k *Checker) Finish(res *agreement.Result) []Warning {
	c := k.c
	c.res = res
	c.textLayer()
	if k.records == 0 {
		c.noList()
	}
	c.declared(k.declaredRecords())
	c.unplaced()
	c.unreadColumns()
	c.addList(k.prose)
	if n := k.records; n >= 4 && k.noCountry*2 > n {
		c.add([]Warning{{Kind: KindNoCountry, File: c.file, Page: k.firstNoCountry.Page, Row: k.firstNoCountry.Row,
			Message: fmt.Sprintf("%d of %d records have no country: the list's grouping was not read", k.noCountry, n)}})
	}
	c.addList(k.dates)
	c.addList(k.astext)
	c.addList(k.unknown)
	c.addList(k.merged)
	c.addList(k.together)
	c.damagedFonts()
	c.addList(k.cut)
	c.addList(k.interleaved)
	c.addList(k.unread)
	c.addList(k.lost)
	c.addList(k.garbled)
	c.addList(k.hyphen)
	return c.out
}

// declaredRecords returns the records given, as the declared-total check
// reads them (the records held, or each group's partners, made into no
// records); nil when the document declares no total or gave no record.
func (k *Checker) declaredRecords() declared.Records {
	if len(k.c.res.Declared) == 0 || k.records == 0 {
		return nil
	}
	if k.groups == nil {
		return heldRecords(k.held)
	}
	g := &groupedRecords{keys: k.order, partners: make([]*[]string, len(k.order)), ends: make([]int, len(k.order))}
	n := 0
	for i, key := range k.order {
		g.partners[i] = k.groups[key]
		n += len(*g.partners[i])
		g.ends[i] = n
	}
	return g
}

// heldRecords are records held whole, as the declared-total check reads
// them.
type heldRecords []agreement.Record

func (h heldRecords) Len() int { return len(h) }

func (h heldRecords) At(i int) declared.Fields {
	r := &h[i]
	return declared.Fields{Home: r.HomeInstitution, Level: r.Level, Region: r.Region, Country: r.Country, Code: r.CountryCode, Partner: r.Partner}
}

// groupedRecords are the records given as each group's partners: the
// records of group g are those before ends[g] and from ends[g-1].
type groupedRecords struct {
	keys     []groupKey
	partners []*[]string
	ends     []int
}

func (g *groupedRecords) Len() int {
	if len(g.ends) == 0 {
		return 0
	}
	return g.ends[len(g.ends)-1]
}

func (g *groupedRecords) At(i int) declared.Fields {
	k, _ := slices.BinarySearch(g.ends, i+1)
	from := 0
	if k > 0 {
		from = g.ends[k-1]
	}
	key := g.keys[k]
	return declared.Fields{Home: key.home, Level: key.level, Region: key.region, Country: key.country, Code: key.code, Partner: (*g.partners[k])[i-from]}
}

// addList adds the warnings of one kind gathered record by record, capped
// as add caps them.
func (c *checker) addList(l kindList) {
	if l.n == 0 {
		return
	}
	ws := l.ws
	if l.n > c.opt.MaxPerKind {
		ws = append(ws[:c.opt.MaxPerKind:c.opt.MaxPerKind], Warning{Kind: ws[len(ws)-1].Kind, File: c.file,
			Message: fmt.Sprintf("and %d more of the kind above (%s)", l.n-c.opt.MaxPerKind, ws[len(ws)-1].Kind)})
	}
	c.out = append(c.out, ws...)
}

// damagedFonts: a font whose map from codes to text could not be read
// whole (pdf:font_damaged:…): its text was read through what decodes and
// the font's encoding, and may be wrong.
func (c *checker) damagedFonts() {
	for _, r := range c.doc.Repairs {
		if what, ok := strings.CutPrefix(r, "pdf:font_damaged:"); ok {
			c.add([]Warning{{Kind: KindDamagedFont, File: c.file,
				Message: fmt.Sprintf("a font's %s map could not be read whole: text in that font may be misread (repair %s on every record)", what, r)}})
		}
	}
}

// institutionWordRe finds the words that end or start an institution's
// name.
var institutionWordRe = lazyre.New(`(?i)\b(?:university|universiti|universität|université|universidad|universidade|università|universiteit|college|institute)\b`)

// nameRunTogether: a partner whose text names two institutions one after
// the other with nothing between to join them ("Hiroshima University
// Juntendo University Meio University"): the cells of several rows read as
// one, where a table had no rules to part them.
func (c *checker) nameRunTogether(r *agreement.Record, full bool) (Warning, bool) {
	w := func() (Warning, bool) {
		if !full {
			return Warning{Kind: KindRunTogether}, true // (counted only: its message is not said)
		}
		return Warning{Kind: KindRunTogether, File: c.file, Page: r.Source.Page, Row: r.Source.Row,
			Message: fmt.Sprintf("the partner %q may name several institutions run together: the cells of several rows read as one?", shorten(r.Partner, 80))}, true
	}
	if theOpensAName(r.Partner) {
		return w()
	}
	if unitEndsAsUniversity(r.PartnerUnit) {
		// "教育学院ダルムシュタット工科大学": a unit, then the next row's
		// partner, the cells of two rows read as one
		if !full {
			return Warning{Kind: KindRunTogether}, true
		}
		return Warning{Kind: KindRunTogether, File: c.file, Page: r.Source.Page, Row: r.Source.Row,
			Message: fmt.Sprintf("the partner's unit %q ends with a university's name: the cells of several rows read as one?", shorten(r.PartnerUnit, 80))}, true
	}
	if cjkNamesRunTogether(r.Partner) {
		return w()
	}
	if institutionWords(r.Partner) < 2 {
		return Warning{}, false // one institution word at most: one name
	}
	locs := institutionWordRe.FindAllStringIndex(r.Partner, -1)
	for k := 1; k < len(locs); k++ {
		between := r.Partner[locs[k-1][1]:locs[k][0]]
		if runTogether(between) {
			return w()
		}
	}
	return Warning{}, false
}

// unitEndsAsUniversity reports a unit written in Japanese or Chinese that
// ends a unit's name and goes on with a university's ("教育学院" then
// "ダルムシュタット工科大学"): the next row's partner run into it. A unit
// that is itself a college named so ("工科大学", a Korean university's)
// is none.
func unitEndsAsUniversity(unit string) bool {
	u := strings.TrimSuffix(unit, "校")
	return (strings.HasSuffix(u, "大学") || strings.HasSuffix(u, "大學")) && unitThenUniversityRe.MatchString(unit)
}

// cjkNamesRunTogether reports a partner written in Japanese, Chinese or
// Korean that names an institution and goes on with a university's name:
// "中国社会科学院北京理工大学", "ソウル大学校浦項工科大学校", a unit then a
// university "信息与电子学院北京師範大学" (the cells of two rows read as one).
// A university named after its school ("東北学院大学", "中国科学院大学"), a
// graduate university ("総合研究大学院大学") and a national university
// corporation ("国立大学法人東北大学") are none.
func cjkNamesRunTogether(p string) bool {
	if !strings.Contains(p, "大学") && !strings.Contains(p, "大學") {
		return false // (every reading below ends with a university's name)
	}
	if strings.ContainsAny(p, "（()") {
		// A group's heading with its count taken in ("高麗大学校シンガポール
		// （2）シンガポール国立大学（NUS）"), and an abbreviation closing
		// the name, say nothing of where names end.
		p = strings.TrimSpace(bracketedCountRe.ReplaceAllString(trailingAbbrevRe.ReplaceAllString(p, ""), ""))
	}
	u := strings.TrimSuffix(p, "校")
	if !strings.HasSuffix(u, "大学") && !strings.HasSuffix(u, "大學") {
		return false
	}
	head := u[:len(u)-len("大学")] // (大学 and 大學 are as long)
	if !strings.Contains(head, "大") && !strings.Contains(head, "学") && !strings.Contains(head, "學") &&
		!strings.Contains(head, "研究") && !strings.Contains(head, "センター") {
		return false // (a name of one institution word: the expression need not run)
	}
	m := namesThenUniversityRe.FindStringSubmatch(p)
	return m != nil && !strings.HasPrefix(m[1], "法人") && !strings.HasPrefix(m[1], "院")
}

// bracketedCountRe matches a count in brackets ("（2）"), and
// trailingAbbrevRe an abbreviation in brackets closing a name ("（NUS）").
var (
	bracketedCountRe = lazyre.New(`\s*[（(][0-9０-９]+[）)]\s*`)
	trailingAbbrevRe = lazyre.New(`\s*[（(][^（）()]*[）)]\s*$`)
)

// namesThenUniversityRe matches an institution's name's end, a name after
// it, and the word for a university at the end.
var namesThenUniversityRe = lazyre.New(`(?:大学校?|大學校?|学院|學院|研究院|研究所|センター|学部)(\p{L}{2,}?)(?:大学|大學)校?$`)

// unitThenUniversityRe matches a unit's name, a name after it, and the
// word for a university at the end.
var unitThenUniversityRe = lazyre.New(`(?:学院|学部|研究科|研究所|センター|学科)\p{L}{2,}(?:大学|大學)校?$`)

// The institution words nameRunTogether counts, as the last 8 (7) bytes
// of a text read into a uint64, the newest byte lowest.
var (
	wordUniversi = wordBits("universi")
	wordInstitut = wordBits("institut")
	wordCollege  = wordBits("college")
)

func wordBits(w string) uint64 {
	var u uint64
	for i := 0; i < len(w); i++ {
		u = u<<8 | uint64(w[i])
	}
	return u
}

// institutionWords returns how many times "universi", "college" and
// "institut" occur in strings.ToLower(s), counted up to 2, without making
// the lower-cased text: each rune is lowered as strings.ToLower lowers it
// (a byte that is not UTF-8 becomes U+FFFD), and the words, ASCII, are
// matched on the last bytes lowered, a rune beyond ASCII counted as a 0.
// None of the words ends in a way another of them or itself begins, so
// every place one ends is one more of strings.Count's.
func institutionWords(s string) int {
	var last uint64
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			c = 0
			if l := unicode.ToLower(r); l < utf8.RuneSelf {
				c = byte(l)
			}
		}
		last = last<<8 | uint64(c)
		if last == wordUniversi || last == wordInstitut || last&(1<<56-1) == wordCollege {
			if n++; n == 2 {
				return n
			}
		}
	}
	return n
}

// theOpensAName reports a name in which "The" follows a capitalised word
// with nothing between ("National Center of Scientific Research The
// Interdisciplinary Center on Nanoscience"): a second name starts there.
// After a comma, a bracket or a joining word ("University of The West
// Indies") it goes on one name.
func theOpensAName(name string) bool {
	if !strings.Contains(name, " The ") {
		return false
	}
	f := strings.Fields(name)
	for k := 1; k+1 < len(f); k++ {
		if f[k] != "The" {
			continue
		}
		prev := f[k-1]
		if strings.ContainsAny(prev[len(prev)-1:], ",;:(（-–—&") {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(prev); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// runTogether reports the text between two institution words when nothing
// joins them: no comma, dash, bracket or linking word, only capitalised
// words ("University Juntendo University").
func runTogether(between string) bool {
	if strings.ContainsAny(between, ",，、;/()（）-–—&") {
		return false
	}
	f := strings.Fields(between)
	if len(f) == 0 {
		return false
	}
	for _, w := range f {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false // "of", "and", "de": one name going on
		}
	}
	return true
}

// mergedRow: a record read from a row whose date cell held a date a line
// that its other cells' lines did not pair with: the rows of several
// agreements (under a partner cell merged across them) may be read as one.
//
// Or a record of such a row read one agreement a line, beside a cell of as
// many lines that reads as one text wrapped ("Faculty of Medicine and" /
// "Biomedical Sciences Group" beside two dates): read as every
// agreement's, it may be the first's only.
func (c *checker) mergedRow(r *agreement.Record, full bool) (Warning, bool) {
	several, shared := slices.Contains(r.Repairs, severalRepair), slices.Contains(r.Repairs, sharedRepair)
	if !several && !shared {
		return Warning{}, false
	}
	if !full {
		return Warning{Kind: KindMergedRows}, true // (counted only: its message is not said)
	}
	msg := fmt.Sprintf("the date cell of %q holds a date a line that its other cells do not pair with: the rows of several agreements may have been read as one", shorten(r.Partner, 80))
	if !several {
		msg = fmt.Sprintf("the row of %q holds an agreement a line beside a cell wrapped over as many lines (%q): read as every agreement's, it may be the first's only", shorten(r.Partner, 80), shorten(sharedText(r), 80))
	}
	return Warning{Kind: KindMergedRows, File: c.file, Page: r.Source.Page, Row: r.Source.Row, Message: msg}, true
}

// sharedText is the text a record shares with the other agreements of its
// row (sharedRepair): its partner's unit, else its home unit, else its kind.
func sharedText(r *agreement.Record) string {
	for _, t := range []string{r.PartnerUnit, r.HomeUnit, r.AgreementType} {
		if t != "" {
			return t
		}
	}
	return ""
}

// severalRepair is the repair of a record read from a row whose date cell
// held a date a line (mergedRow); sharedRepair, of one read from such a row
// one agreement a line beside a wrapped cell given to each.
var (
	severalRepair = agreement.R(agreement.RepairSplitCell, "agreements_unpaired")
	sharedRepair  = agreement.R(agreement.RepairSplitCell, "wrapped_shared")
)

// nameFields returns the names of a record a cell or an entry gave, with
// what to call each in a message.
func nameFields(r *agreement.Record) [3][2]string {
	return [3][2]string{{"partner", r.Partner}, {"partner unit", r.PartnerUnit}, {"home unit", r.HomeUnit}}
}

// nameCut: a name whose brackets do not pair ("School of Pharmacy —
// School-to-school agreement (GS"): a cell cut short by a page or column
// break, or run into the next cell, so that the name ends inside a bracket
// or starts after one.
func (c *checker) nameCut(r *agreement.Record, scans *[3]nameScan, full bool) (Warning, bool) {
	for i, f := range nameFields(r) {
		if scans[i].bracket && !bracketsPair(f[1]) {
			if !full {
				return Warning{Kind: KindCutName}, true // (counted only: its message is not said)
			}
			return Warning{Kind: KindCutName, File: c.file, Page: r.Source.Page, Row: r.Source.Row,
				Message: fmt.Sprintf("the %s %q has a bracket that is not closed or not opened: the name may be cut short or run into another cell", f[0], shorten(f[1], 80))}, true
		}
	}
	return Warning{}, false
}

// mayHoldBracket reports a text with a byte of a bracket bracketsPair
// pairs: an ASCII one, or the lead byte of the full-width ones (U+FF08,
// U+FF09, U+FF3B, U+FF3D are EF BC 88, 89, BB, BD in UTF-8).
func mayHoldBracket(s string) bool { return scanName(s).bracket }

// bracketsPair reports whether the round, full-width and square brackets
// of s open and close in pairs.
func bracketsPair(s string) bool {
	if !mayHoldBracket(s) || !strings.ContainsAny(s, "()（）[]［］") {
		return true
	}
	var open []rune
	for _, r := range s {
		switch r {
		case '(', '（', '[', '［':
			open = append(open, r)
		case ')', '）', ']', '］':
			if len(open) == 0 {
				return false
			}
			o := open[len(open)-1]
			open = open[:len(open)-1]
			if (r == ']' || r == '］') != (o == '[' || o == '［') {
				return false
			}
		}
	}
	return len(open) == 0
}

// wordInterleaved: a name whose Japanese or Chinese text is parted by a
// short run of Latin words set between spaces ("部局 IFS 間協定"): the
// words of two neighbouring cells mixed line by line, where a column's
// text overflowed into the next. A name in two languages puts one after
// the other, never one inside the other.
func (c *checker) wordInterleaved(r *agreement.Record, scans *[3]nameScan, full bool) (Warning, bool) {
	for i, f := range nameFields(r) {
		if interleavedScanned(f[1], scans[i]) {
			if !full {
				return Warning{Kind: KindInterleaved}, true // (counted only: its message is not said)
			}
			return Warning{Kind: KindInterleaved, File: c.file, Page: r.Source.Page, Row: r.Source.Row,
				Message: fmt.Sprintf("the %s %q holds text in one script parted by words in another: the words of two cells may be mixed", f[0], shorten(f[1], 80))}, true
		}
	}
	return Warning{}, false
}

// interleaved reports a text of the form CJK, Latin words, CJK, each part
// set apart by spaces, the Latin part at most two words.
func interleaved(s string) bool { return interleavedScanned(s, scanName(s)) }

// interleavedScanned is interleaved, what scanName tells of s given.
func interleavedScanned(s string, scan nameScan) bool {
	if !scan.space || scan.ascii || scan.words < 3 {
		return false // (a CJK part is not ASCII; three words at least)
	}
	return interleavedWords(strings.Fields(s))
}

// interleavedWords reports whether the words f hold a run of one or two
// Latin words between CJK words.
func interleavedWords(f []string) bool {
	isCJK := func(w string) bool {
		for _, r := range w {
			if !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
				return false
			}
		}
		return true
	}
	isLatin := func(w string) bool {
		for _, r := range w {
			if !unicode.In(r, unicode.Latin) && !unicode.IsDigit(r) && !strings.ContainsRune(".&-'", r) {
				return false
			}
		}
		return true
	}
	for k := 1; k+1 < len(f); k++ {
		if !isCJK(f[k-1]) {
			continue
		}
		j := k
		for j < len(f) && j-k < 2 && isLatin(f[j]) {
			j++
		}
		if j > k && j < len(f) && isCJK(f[j]) {
			return true
		}
	}
	return false
}

type checker struct {
	doc  *parser.Document
	res  *agreement.Result
	opt  Options
	file string
	out  []Warning
}

func (c *checker) add(kinds []Warning) {
	if len(kinds) > c.opt.MaxPerKind {
		rest := len(kinds) - c.opt.MaxPerKind
		last := kinds[c.opt.MaxPerKind-1]
		kinds = append(kinds[:c.opt.MaxPerKind:c.opt.MaxPerKind], Warning{Kind: last.Kind, File: c.file,
			Message: fmt.Sprintf("and %d more of the kind above (%s)", rest, last.Kind)})
	}
	c.out = append(c.out, kinds...)
}

// textLayer: pages that draw images and have no text.
func (c *checker) textLayer() {
	pages := c.doc.ImageOnlyPages
	if len(pages) == 0 {
		return
	}
	all := c.doc.Pages > 0 && len(pages) == c.doc.Pages
	var ws []Warning
	if all {
		ws = append(ws, Warning{Kind: KindNoTextLayer, File: c.file, Fatal: true,
			Message: fmt.Sprintf("no text layer on any of its %d pages: a scanned document needs OCR first", c.doc.Pages)})
	} else {
		for _, p := range pages {
			ws = append(ws, Warning{Kind: KindNoTextLayer, File: c.file, Page: p,
				Message: fmt.Sprintf("page %d has no text layer: a scanned page needs OCR first", p)})
		}
	}
	c.add(ws)
}

// noList: a readable document that gave no record.
func (c *checker) noList() {
	lines, tables := 0, 0
	for _, b := range c.doc.Blocks {
		switch {
		case b.Line != nil && strings.TrimSpace(b.Line.Text) != "":
			lines++
		case b.Table != nil:
			tables++
		}
	}
	if lines == 0 && tables == 0 {
		if len(c.doc.ImageOnlyPages) == 0 && len(c.doc.PageErrors) == 0 {
			c.add([]Warning{{Kind: KindNoList, File: c.file, Message: "no text at all: nothing to read agreements from"}})
		}
		return
	}
	c.add([]Warning{{Kind: KindNoList, File: c.file, Message: fmt.Sprintf(
		"no agreement list found: %d lines and %d tables of text made no record (%d could not be placed)",
		lines, tables, len(c.res.Unplaced))}})
}

// declared: totals the document states that the records do not meet.
// recs are the records (what the check reads of them: declaredRecords).
func (c *checker) declared(recs declared.Records) {
	if len(c.res.Declared) == 0 || recs == nil || recs.Len() == 0 {
		return
	}
	_, missed := declared.ReconcileWith(c.file, recs, c.res.Declared, "")
	var ws []Warning
	for _, m := range missed {
		ws = append(ws, Warning{Kind: KindDeclaredTotal, File: c.file, Page: m.Page, Row: m.Row, Message: "declared total not met: " + m.Message})
	}
	c.add(ws)
}

// unplaced: rows and entries that made no record.
func (c *checker) unplaced() {
	var ws []Warning
	for _, u := range c.res.Unplaced {
		ws = append(ws, Warning{Kind: KindUnplaced, File: c.file, Page: u.Page, Row: u.Row,
			Message: fmt.Sprintf("made no record (%s): %s", u.Reason, shorten(u.Text, 100))})
	}
	c.add(ws)
}

// unreadColumns: columns of tables that hold text beside records though
// no header names what they hold. The text is in no record: a header read
// wrong (its words broken over rows, a cell's first line taken into it)
// loses a whole column so.
func (c *checker) unreadColumns() {
	var ws []Warning
	for _, u := range c.res.Unread {
		head := "with no header"
		if u.Header != "" {
			head = fmt.Sprintf("headed %q", shorten(u.Header, 40))
		}
		rows := "1 row"
		if u.Cells > 1 {
			rows = fmt.Sprintf("%d rows", u.Cells)
		}
		ws = append(ws, Warning{Kind: KindColumnUnread, File: c.file, Page: u.Page, Row: u.Row,
			Message: fmt.Sprintf("column %d, %s, names no field the records have, and holds text in %s beside them (%q): the records go without it", u.Column, head, rows, shorten(u.Text, 60))})
	}
	c.add(ws)
}

// prose: a partner name that reads like a sentence.
func (c *checker) prose(r *agreement.Record, scan nameScan, full bool) (Warning, bool) {
	if n := scan.words; n > proseWords || len(r.Partner) > 200 && utf8.RuneCountInString(r.Partner) > 200 {
		if !full {
			return Warning{Kind: KindProse}, true // (counted only: its message is not said)
		}
		return Warning{Kind: KindProse, File: c.file, Page: r.Source.Page, Row: r.Source.Row,
			Message: fmt.Sprintf("partner reads like prose (%d words), not a name: %s", n, shorten(r.Partner, 80))}, true
	}
	return Warning{}, false
}

// countWords returns len(strings.Fields(s)) without making the fields.
func countWords(s string) int { return scanName(s).words }

// asciiSpace reports the runes below U+0080 unicode.IsSpace reports.
func asciiSpace(r rune) bool {
	return r == ' ' || '\t' <= r && r <= '\r'
}

// mayHoldDate reports whether s has what every text dateInNameRe finds
// has: an ASCII digit, and a slash or a separator. The others are not run
// through it.
func mayHoldDate(s string) bool { return scanName(s).mayHoldDate() }

func (n nameScan) mayHoldDate() bool { return n.digit && (n.slash || n.sep) }

// nameScan is what the checks read of a name in one pass over it.
type nameScan struct {
	words   int  // as many as strings.Fields gives
	ascii   bool // all of it below U+0080
	space   bool // a ' '
	digit   bool // an ASCII digit
	slash   bool // a '/'
	sep     bool // a '.' or '-'
	open    bool // a '(' or '（' (EF BC 88 in UTF-8)
	bracket bool // a byte of a bracket bracketsPair pairs: '(', ')', '[', ']', or the lead byte EF of the full-width ones (U+FF08, U+FF09, U+FF3B, U+FF3D are EF BC 88, 89, BB, BD)
	lost    bool // a U+FFFD (EF BF BD)
}

// scanName reads s once for what nameScan tells.
func scanName(s string) nameScan {
	n := nameScan{ascii: true}
	in := false
	var seen uint8 // the classes of the ASCII bytes met (asciiClass)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			f := asciiClass[c]
			seen |= f
			i++
			if f&classWhite != 0 {
				in = false
			} else if !in {
				in = true
				n.words++
			}
			continue
		}
		n.ascii = false
		if c == 0xEF {
			n.bracket = true
			n.open = n.open || i+2 < len(s) && s[i+1] == 0xBC && s[i+2] == 0x88
			n.lost = n.lost || i+2 < len(s) && s[i+1] == 0xBF && s[i+2] == 0xBD
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n.words++
		}
	}
	n.digit = seen&classDigit != 0
	n.slash = seen&classSlash != 0
	n.sep = seen&classSep != 0
	n.open = n.open || seen&classOpen != 0
	n.bracket = n.bracket || seen&(classOpen|classBracket) != 0
	n.space = seen&classSpace != 0
	return n
}

// The classes of ASCII bytes scanName reads.
const (
	classDigit   = 1 << iota // 0-9
	classSlash               // /
	classSep                 // . -
	classOpen                // (
	classBracket             // ) [ ]
	classSpace               // ' '
	classWhite               // what asciiSpace reports
)

// asciiClass is the class of each ASCII byte (a table rather than a
// switch: scanName reads every byte of every name).
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case '0' <= c && c <= '9':
			t[c] = classDigit
		case c == '/':
			t[c] = classSlash
		case c == '.' || c == '-':
			t[c] = classSep
		case c == '(':
			t[c] = classOpen
		case c == ')' || c == '[' || c == ']':
			t[c] = classBracket
		case c == ' ':
			t[c] = classSpace
		}
		if asciiSpace(rune(c)) {
			t[c] |= classWhite
		}
	}
	return t
}()

// dateInNameRe finds a date-like text left in a partner's name.
var dateInNameRe = lazyre.New(`[(（]\s*[0-9]{1,4}\s*[./-]\s*[0-9]{1,2}\s*[./-]\s*[0-9]{1,4}\s*[)）]|\b[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}\b|\b(?:19|20)[0-9]{2}\s*[./-]\s*[0-9]{1,2}\s*[./-]\s*[0-9]{1,2}\b`)

// dateInName: a date the reader could not read, left in the partner name.
func (c *checker) dateInName(r *agreement.Record, scan nameScan, full bool) (Warning, bool) {
	m := ""
	if scan.mayHoldDate() {
		m = dateInNameRe.FindString(r.Partner)
	}
	if m == "" && scan.digit {
		m = jaDateIn(r.Partner)
	}
	if m == "" {
		return Warning{}, false
	}
	hint := ""
	if !c.opt.DatesGiven && strings.Contains(m, "/") {
		hint = "; if the list writes a/b/YYYY dates, say which part is the month with --dates month-first or day-first"
	}
	if !full {
		return Warning{Kind: KindDateInName}, true // (counted only: its message is not said)
	}
	return Warning{Kind: KindDateInName, File: c.file, Page: r.Source.Page, Row: r.Source.Row,
		Message: fmt.Sprintf("a date was left unread in the partner's name %q%s", shorten(r.Partner, 80), hint)}, true
}

// jaDateRe finds a date written the Japanese way with a year of four
// digits, its month and perhaps its day ("1998年3月10日", "1998 年3月":
// spaces between the parts, as a PDF's text may have them).
var jaDateRe = lazyre.New(`(?:^|[^0-9])([0-9]{4}\s*年\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?)`)

// jaDateIn returns the date jaDateRe finds in s, or "": only a text with
// a 年 is looked at.
func jaDateIn(s string) string {
	if !strings.Contains(s, "年") {
		return ""
	}
	if m := jaDateRe.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// dateUnread reads a record's repair that says a date or term in the
// list could not be read (date_unread, validity_unread): the record goes
// without it, and the list had one.
func (c *checker) dateUnread(r *agreement.Record, rp agreement.Repair, full bool) (Warning, bool) {
	what := ""
	switch rp.Kind {
	case agreement.RepairDateUnread:
		what = "date"
	case agreement.RepairValidityUnread:
		what = "term"
	default:
		return Warning{}, false
	}
	if !full {
		return Warning{Kind: KindDateUnread}, true // (counted only: its message is not said)
	}
	return Warning{Kind: KindDateUnread, File: c.file, Page: r.Source.Page, Row: r.Source.Row,
		Message: fmt.Sprintf("the %s %q of %q could not be read: the record goes without it", what, shorten(rp.Detail, 60), shorten(r.Partner, 60))}, true
}

// hyphenUnsure: a word a line break hyphenated that the normaliser joined
// whole though the document writes it nowhere else, whole or hyphenated
// ("Tu-" / "cuman": a name hyphenated by the typesetter, or one written
// with a hyphen?).
func (c *checker) hyphenUnsure(r *agreement.Record, rp agreement.Repair, full bool) (Warning, bool) {
	word, ok := strings.CutPrefix(rp.Detail, "unsure:")
	if rp.Kind != agreement.RepairDehyphenated || !ok {
		return Warning{}, false
	}
	if !full {
		return Warning{Kind: KindHyphenation}, true // (counted only: its message is not said)
	}
	return Warning{Kind: KindHyphenation, File: c.file, Page: r.Source.Page, Row: r.Source.Row,
		Message: fmt.Sprintf("%q joins %q, which a line break hyphenated, whole: the document writes the word nowhere else, so it may be written with its hyphen", shorten(r.Partner, 60), shorten(word, 40))}, true
}

func shorten(s string, n int) string {
	k := 0
	for i := range s {
		if k == n {
			head := s[:i]
			if !utf8.ValidString(head) {
				head = string([]rune(head)) // each byte not UTF-8 said as U+FFFD
			}
			return head + "…"
		}
		k++
	}
	return s
}
