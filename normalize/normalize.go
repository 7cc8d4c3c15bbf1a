package normalize

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/internal/lazyre"

	"golang.org/x/text/unicode/norm"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/normalize/lexicon"
	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/readcheck"
)

// Options tune normalisation.
type Options struct {
	// Institution is the home institution's name; it overrides what the
	// document says.
	Institution string
	// MonthFirst tells the date parser that the source writes a/b/YYYY
	// month first (US style); DayFirst, day first. Without either, such
	// dates are refused as ambiguous unless one part is above 12.
	MonthFirst, DayFirst bool
	// Lexicon is the vocabulary to read the document with; nil means
	// lexicon.Default(), every language the project knows.
	Lexicon *lexicon.Lexicon
	// Consume gives the document to the normaliser to take apart as it
	// reads, for a caller that has no more use for it: the document's
	// Blocks are nil when Normalize returns, and the cells of the rows of
	// a long table are let go once read (consume.go), so that a large
	// document and its records are not both held whole at once.
	Consume bool
	// Emit, when set, is given each record as soon as nothing can change
	// it any more, in document order, and the records are not held:
	// the Result's Records are nil. Its warnings are those of the records
	// emitted, said at the end as without Emit.
	Emit func(Record)
	// consumeFrom is the length of a table from which its rows are let go
	// (tests read every table so; 0: consumeRows).
	consumeFrom int
}

// Normalize turns one raw document into canonical records.
//
// It reads the document twice: a first pass collects what applies to the
// whole document wherever it stands (the marker legend, usually in a
// footnote at the end; the "as of" date; declared totals; the home
// institution), a second pass walks the blocks in order, keeping the
// grouping context (section level, region, country) and turning list
// entries and table rows into records.
func Normalize(doc *parser.Document, opt Options) (*Result, error) {
	if doc == nil {
		return nil, fmt.Errorf("no document")
	}
	if opt.Consume {
		d := *doc
		doc.Blocks = nil // the blocks are the normaliser's now: the caller's document holds none of them
		doc = &d
	}
	c := newContext(doc, opt)
	if opt.Emit == nil {
		c.res.Records = make([]Record, 0, recordRoom(doc))
	} else {
		c.check = readcheck.New(doc, readcheck.Options{DatesGiven: opt.MonthFirst || opt.DayFirst})
	}
	c.scan()
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		switch {
		case b.Line != nil:
			if c.raisedGiven[i] {
				continue // a raised marker, read with the line it marks
			}
			if c.lostBefore(b.Line.Page) {
				c.flushList()
				c.forgetGroups()
			}
			c.line(b.Line, i)
			if c.tables != nil {
				c.tables.linesBetween++
			}
		case b.Table != nil:
			c.table(b.Table) // (a list set as a table may go on with the entry above it)
			c.letGo(b.Table)
		}
		c.release(c.heldFrom())
	}
	c.flushList()
	c.res.AsOf = c.asOf
	c.res.Legend = c.legend.entries
	if c.check != nil {
		c.release(c.made())
		c.bareHeadings()
		c.res.Records = nil // all emitted
		c.res.Warnings = append(c.check.Finish(c.res), c.saidDoubts()...)
		return c.res, nil
	}
	if len(c.res.Records) == 0 {
		c.res.Records = nil // as when no room was made
	}
	for i := range c.res.Records {
		c.finish(&c.res.Records[i])
		c.noteFilled(&c.res.Records[i])
	}
	c.bareHeadings()
	c.res.Warnings = append(readcheck.Check(doc, c.res, readcheck.Options{DatesGiven: opt.MonthFirst || opt.DayFirst}), c.saidDoubts()...)
	return c.res, nil
}

// saidDoubts are the normaliser's doubts as warnings, those of a kind
// past maxDoubts counted in one line a kind.
func (c *docContext) saidDoubts() []agreement.Warning {
	out := c.doubts
	for _, kind := range slices.Sorted(maps.Keys(c.doubtsMore)) {
		out = append(out, agreement.Warning{Kind: kind, File: c.doc.File,
			Message: fmt.Sprintf("and %d more of the kind above (%s)", c.doubtsMore[kind], kind)})
	}
	return out
}

// made returns the number of records made so far, emitted or held.
func (c *docContext) made() int { return c.base + len(c.res.Records) }

// rec returns the record made i-th (0-based), which must still be held.
func (c *docContext) rec(i int) *Record { return &c.res.Records[i-c.base] }

// heldFrom returns the first record that reading on may still change,
// between blocks: the last record of the last table read, which a table
// or a line after it may go on (unitGoesOn, goesOnAfterBreak, a table
// continuing the one before); made() when there is none.
func (c *docContext) heldFrom() int {
	if c.tables != nil && c.tables.last >= 0 && c.tables.last < c.made() {
		return c.tables.last
	}
	return c.made()
}

// release finishes and emits the records made before the end-th, when
// records are emitted (Options.Emit), and lets go of them.
func (c *docContext) release(end int) {
	if c.check == nil || end <= c.base {
		return
	}
	n := end - c.base
	for i := range n {
		r := &c.res.Records[i]
		c.finish(r)
		if c.released != nil {
			c.released(c.base+i, r)
		}
		c.check.Record(r)
		c.noteFilled(r)
		c.opt.Emit(*r)
	}
	rest := copy(c.res.Records, c.res.Records[n:])
	clear(c.res.Records[rest:])
	c.res.Records = c.res.Records[:rest]
	c.base = end
}

// docContext is what the normaliser knows about the document around the
// block it is reading.
type docContext struct {
	doc *parser.Document
	// words are the document's words as its lines and cells write them,
	// folded to lower case (dehyphenate), made when first asked for.
	words map[string]struct{}
	// hyphenSeen says whether the document's typesetter hyphenates words
	// (hyphenates): 1 yes, -1 no, 0 not asked yet.
	hyphenSeen int
	opt        Options
	res        *Result
	lx         *lexicon.Lexicon
	// doubts are the reads the normaliser itself doubts (fill_doubtful),
	// said with the checks' warnings.
	doubts     []agreement.Warning
	doubtsMore map[string]int // by kind, past maxDoubts of it

	institution       string
	institutionRepair string // set when the institution was inferred from the document

	// The order of a/b/YYYY dates the document's own dates tell, when the
	// user said none (slashOrder).
	docMonthFirst, docDayFirst bool
	asOf                       string
	legend                     *legend

	// Grouping context, updated as headings and section titles are read.
	section string // the current section title, as written
	level   string // the current section's level ("" until a section says)
	region  string // canonical region of the current group
	country Country
	intl    bool     // the current group is international organisations
	cRepair []string // repairs made reading the current country heading
	rRepair []string // repairs made reading the current region heading

	heads []headNote // the country headings read, in order (bareHeadings)
	// titleHeads are the headings read as the document's title, before
	// any group: said again at a later page's head, they change nothing.
	titleHeads map[string]bool
	filled     map[string]bool // the countries records were released under (bareHeadings)

	homeUnit    string       // the home unit a list groups its entries under ("工学研究科")
	list        *listState   // the list being read (list.go)
	lost        map[int]bool // pages that could not be read (wholly or partly)
	lastPage    int          // the page of the last line read
	tables      *tableMemo   // what the tables read so far established (table.go)
	entryKey    styleKey     // the style of list entries, when lines have styles
	hasEntryKey bool
	entryLike   map[string]bool // texts already classified by looksLikeEntry
	noDetails   map[string]bool // texts mayBeEntry refused (at most textMemo remembered)
	dated       map[string]bool // texts already read by closedByDate
	units       map[string]bool // texts already read by isUnit (at most textMemo remembered)
	unitishs    map[string]bool // texts already read by unitish (likewise)
	headerMemo  map[string]field
	consumed    map[int]bool             // rows the first pass read as part of a line above (a wrapped as-of phrase)
	regions     map[string]bool          // whether texts name a region (namesRegion)
	countries   map[string]groupName     // country texts already read (readCountry)
	raised      map[int]string           // markers set on a line of their own, by the block of the line they mark (superscript.go)
	opening     map[string]int           // the texts of the lines read before the first record, with their page: a page's head said again further on
	raisedGiven map[int]bool             // the blocks of those marker lines
	unitWidths  map[parser.Style]float64 // the width of a unit of text in each style (pointsPerUnit), made when first asked
	unitOrder   int                      // how the document names a partner with its unit (units.go), once known
	dateRepairs map[string]string        // the date repair of each layout (dateRepair)

	// When records are emitted (Options.Emit): the check of the records
	// as they pass, the records emitted and let go (the first held is
	// the base-th made), and what the table being read learns of each
	// record released while it reads (nil outside a table).
	check    *readcheck.Checker
	base     int
	released func(int, *Record)

	finished [8]struct{ in, out string } // each text field of the record finished last, as made and as cleaned (finish)
	ids      agreement.IDMaker           // the records' ids, the fields they share with the record before kept (finish)
	repairs  []string                    // the room for the repairs of the records still to be made (repairRoom)
	dates    map[string]dateRead         // the date cells read (parseDate), read with datesOpt
	datesOpt DateOptions
}

// dateRead is what ParseDate said of a text.
type dateRead struct {
	d   Date
	err error
}

// parseDate is ParseDate, remembered: a table's date cells repeat (the
// same day for several agreements, a date filled down).
// The texts are remembered for one way of reading them at a time
// (datesOpt; a document's is mostly one), so that they are looked up by
// the text alone.
func (c *docContext) parseDate(text string, opt DateOptions) (Date, error) {
	if opt != c.datesOpt {
		clear(c.dates)
		c.datesOpt = opt
	}
	if r, ok := c.dates[text]; ok {
		return r.d, r.err
	}
	d, err := ParseDate(text, opt)
	remember(&c.dates, strings.Clone(text), dateRead{d, err})
	return d, err
}

// dateRepair returns the repair of a date read with layout, made once for
// the document: most of its records carry one of a few.
func (c *docContext) dateRepair(layout string) string {
	r, ok := c.dateRepairs[layout]
	if !ok {
		if c.dateRepairs == nil {
			c.dateRepairs = map[string]string{}
		}
		r = agreement.R(agreement.RepairDate, layout)
		c.dateRepairs[layout] = r
	}
	return r
}

func newContext(doc *parser.Document, opt Options) *docContext {
	c := &docContext{doc: doc, opt: opt, res: &Result{}, legend: &legend{}, lost: map[int]bool{}, lx: opt.Lexicon, consumed: map[int]bool{}, dated: map[string]bool{}}
	if c.lx == nil {
		c.lx = lexicon.Default()
	}
	for _, err := range doc.PageErrors {
		var pe *parser.Error
		if errors.As(err, &pe) && pe.Page > 0 {
			c.lost[pe.Page] = true
		}
	}
	c.raised, c.raisedGiven = raisedMarkers(doc)
	if !opt.MonthFirst && !opt.DayFirst {
		c.docMonthFirst, c.docDayFirst = slashOrder(docTexts(doc))
	}
	c.institution = clean(opt.Institution)
	if c.institution == "" {
		if name, ok := c.institutionFromTitle(doc.Title); ok {
			c.institution, c.institutionRepair = name, agreement.R(agreement.RepairInstitution, "from_title")
		}
	}
	return c
}

// lostBefore reports whether a page that could not be read lies between
// the last line read and page (or is page itself): the headings on it are
// lost, so the grouping context from before it no longer holds. It moves
// the reading position to page.
func (c *docContext) lostBefore(page int) bool {
	lost := false
	for p := c.lastPage + 1; p <= page && len(c.lost) > 0; p++ {
		lost = lost || c.lost[p]
	}
	if page > c.lastPage {
		c.lastPage = page
	}
	return lost
}

// forgetGroups drops the grouping context (region, country, home unit,
// the date a group shares) so that nothing is filled down across a gap.
func (c *docContext) forgetGroups() {
	c.region, c.country, c.intl, c.cRepair, c.rRepair = "", Country{}, false, nil, nil
	c.homeUnit = ""
	if c.list != nil {
		c.list.groupHead = ""
	}
}

// recordRepairs is room for the repairs of most records, made at once;
// the room of repairSlab records is made in one piece (repairRoom): 8,064
// bytes, which with the 8-byte header the allocator puts on an object of
// more than 512 bytes with pointers fills the size class of 8 KiB (the
// room of 64 records would take the next, of 9,472 bytes).
const (
	recordRepairs = 8
	repairSlab    = 63
)

// newRecord starts a record with what the context knows.
func (c *docContext) newRecord(page, row int) Record {
	r := Record{
		Schema:          agreement.Schema,
		HomeInstitution: c.institution,
		Level:           c.level,
		Region:          c.region,
		Country:         c.country.Name,
		CountryCode:     c.country.Code,
		HomeUnit:        c.homeUnit,
		AsOf:            c.asOf,
		Flags:           []string{},
		Repairs:         c.repairRoom(),
		Source: Source{
			File:   c.doc.File,
			SHA256: c.doc.SHA256,
			Format: string(c.doc.Format),
			Page:   page,
			Row:    row,
		},
	}
	if c.institutionRepair != "" {
		r.Repairs = append(r.Repairs, c.institutionRepair)
	}
	r.Repairs = append(r.Repairs, c.doc.Repairs...)
	r.Repairs = append(r.Repairs, c.rRepair...)
	r.Repairs = append(r.Repairs, c.cRepair...)
	return r
}

// repairRoom returns an empty slice with room for recordRepairs repairs,
// cut from a piece made for repairSlab records: each record's room is its
// own (a record that needs more grows its slice elsewhere), and most
// records cost no allocation of their own.
func (c *docContext) repairRoom() []string {
	if len(c.repairs) < recordRepairs {
		c.repairs = make([]string, recordRepairs*repairSlab)
	}
	room := c.repairs[:0:recordRepairs]
	c.repairs = c.repairs[recordRepairs:]
	return room
}

// finish settles a record: Unicode NFC and folded whitespace in every
// string, the record's country taken off the end of its partner's name,
// fee_waiver consistent with flags, flags sorted and unique, the id.
func (c *docContext) finish(r *Record) {
	for k, p := range []*string{&r.HomeInstitution, &r.Region, &r.Country, &r.Partner, &r.PartnerUnit,
		&r.HomeUnit, &r.AgreementType, &r.PartnerAlt} {
		// Most fields are what the record before had (its institution,
		// region, country): each is cleaned when it changes.
		if m := &c.finished[k]; *p == m.in {
			*p = m.out
		} else {
			m.in = *p
			*p = clean(*p)
			m.out = *p
		}
	}
	r.PartnerUnit, r.HomeUnit = c.joinUnitWord(r.PartnerUnit), c.joinUnitWord(r.HomeUnit)
	for _, p := range []*string{&r.Partner, &r.PartnerUnit, &r.HomeUnit, &r.PartnerAlt} {
		if strings.ContainsAny(*p, typographicQuotes) {
			*p = straightQuotes.Replace(*p) // ("Xi’an", "”La Sapienza”": one name however typeset)
		}
	}
	for _, p := range []*string{&r.Partner, &r.PartnerUnit, &r.HomeUnit} {
		if s, unsure, ok := c.dehyphenate(*p); ok {
			*p = s
			r.Repairs = append(r.Repairs, string(agreement.RepairDehyphenated))
			for _, w := range unsure {
				r.Repairs = append(r.Repairs, agreement.R(agreement.RepairDehyphenated, "unsure:"+w))
			}
		}
	}
	if mayEndWithCountry(r) {
		c.countryOutOfName(r)
	}
	if r.FeeWaiver && !r.HasFlag(FlagFeeWaiver) {
		r.Flags = append(r.Flags, FlagFeeWaiver)
	}
	r.FeeWaiver = r.HasFlag(FlagFeeWaiver)
	r.Flags = uniqueSorted(r.Flags)
	r.Repairs = uniqueInPlace(r.Repairs) // (the record's own: see newRecord)
	r.ID = c.ids.ID(r)
}

// typographicQuotes are the quotes and apostrophes a typesetter or a word
// processor sets curled; names are written with straight ones
// (straightQuotes), so that one name reads the same from every list.
const typographicQuotes = "‘’‛“”‟ʼ"

var straightQuotes = strings.NewReplacer("‘", "'", "’", "'", "‛", "'", "ʼ", "'", "“", "\"", "”", "\"", "‟", "\"")

// clean folds white space (including NBSP and ideographic space) and applies
// Unicode NFC.
func clean(s string) string {
	if plainASCII(s) {
		return s
	}
	if mayHaveRadical(s) {
		s = radicals.Replace(s)
	}
	s = norm.NFC.String(s)
	if !spacesFolded(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	if strings.IndexByte(s, ' ') >= 0 && hasCJK(s) {
		for range 2 { // "平成 14 年 3 月": each match takes the character the next one needs
			s = spacedNumberRe.ReplaceAllString(s, "$1$2$3")
		}
		s = middleDotSpaces.Replace(s) // "エドウィン・ O・ライシャワー": a middle dot takes no space
	}
	return s
}

// middleDotSpaces drops the spaces around a katakana middle dot (built once,
// on its first use, not at each call).
var middleDotSpaces = strings.NewReplacer("・ ", "・", " ・", "・")

// plainASCII reports a text that clean leaves as it is: printable ASCII
// with single spaces between words and none at the ends. It looks at
// eight bytes at a time, for bytes outside the printable range and for two
// spaces in a row in the same pass.
func plainASCII(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	const ones, highs, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	i, space := 0, false // space: the byte before i is a space
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A byte below the space, or of DEL and above, sets its high bit in
		// one of the two (a borrow or carry starts only at such a byte).
		if ((w-0x20*ones)&^w|(w+ones)|w)&highs != 0 {
			return false
		}
		// The high bit of each space byte, exactly: x's zero bytes (no
		// carry leaves a byte, each being below 0x80 after the mask).
		x := w ^ 0x20*ones
		sp := ^((x&lows + lows) | x | lows)
		if sp&(sp>>8) != 0 || space && sp&0x80 != 0 {
			return false // two spaces in the word, or across the words
		}
		space = sp>>63 != 0
	}
	for ; i < len(s); i++ {
		b := s[i]
		if b < 0x20 || b > 0x7e || b == ' ' && space {
			return false
		}
		space = b == ' '
	}
	return true
}

// spacedNumberRe finds a number set apart by spaces between two CJK
// characters: the space a typesetter puts around Latin text in Japanese
// ("パリ第 7 大学", "平成 14 年"), which the text does not have.
var spacedNumberRe = lazyre.New(`([\p{Han}\p{Hiragana}\p{Katakana}ー]) ([0-9]+) ([\p{Han}\p{Hiragana}\p{Katakana}])`)

// latinThenCJKRe splits a name whose last word is in CJK script after a
// Latin one.
var latinThenCJKRe = lazyre.New(`^(.*[A-Za-z0-9)]) ([\p{Han}\p{Katakana}ー]+)$`)

// joinUnitWord removes the space a typesetter puts between a Latin name and
// the Japanese unit word that ends it ("LOEWE emergenCITY センター"): a unit
// word alone is no name in the other language.
func (c *docContext) joinUnitWord(s string) string {
	if !endsInHanKatakana(s) {
		return s // no match: the expression ends in those characters
	}
	if m := latinThenCJKRe.FindStringSubmatch(s); m != nil && c.lx.IsUnitWord(m[2]) {
		return m[1] + m[2]
	}
	return s
}

// hasCJK reports a text with a CJK character in it. Every CJK character
// is at U+2E80 or above, its encoding led by a byte of 0xE2 or above, a
// byte no shorter encoding has in it: the runes are read from the first
// such byte (most texts, Latin, have none).
func hasCJK(s string) bool {
	i := 0
	for i < len(s) && s[i] < 0xE2 {
		i++
	}
	for _, r := range s[i:] {
		if isCJK(r) {
			return true
		}
	}
	return false
}

// radicals maps the CJK radical forms some fonts' text maps give to the
// ideographs they stand for (Unicode's EquivalentUnifiedIdeograph): "⻄北大学"
// is "西北大学". NFKC maps the Kangxi radicals, not these.
var radicals = strings.NewReplacer(radicalForms...)

// radicalLeads are the first bytes of radicalForms' keys (a test checks
// it): a text with none of them has nothing to replace, and is not copied
// by the replacer, which copies every text it reads.
const radicalLeads = "\xe2\xef"

// mayHaveRadical reports whether s holds the first two bytes of a key of
// radicalForms (a lead byte of radicalLeads and a second byte a key has
// after it: "★", E2 98 85, has a lead but no radical's second byte).
func mayHaveRadical(s string) bool {
	for k := 0; k < len(radicalLeads); k++ {
		for i := 0; i < len(s); {
			j := strings.IndexByte(s[i:], radicalLeads[k])
			if j < 0 {
				break
			}
			i += j + 1
			if i < len(s) && radicalSeconds[k][s[i]>>6]>>(s[i]&63)&1 != 0 {
				return true
			}
		}
	}
	return false
}

// radicalSeconds are, for each lead byte of radicalLeads, the bytes that
// follow it in the keys of radicalForms, a bit each.
var radicalSeconds = func() (t [len(radicalLeads)][4]uint64) {
	for i := 0; i < len(radicalForms); i += 2 {
		key := radicalForms[i]
		k := strings.IndexByte(radicalLeads, key[0]) // (TestCleanShortcuts checks that there is one)
		switch {
		case k < 0:
		case len(key) < 2:
			t[k] = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
		default:
			t[k][key[1]>>6] |= 1 << (key[1] & 63)
		}
	}
	return t
}()

// spacesFolded reports whether strings.Join(strings.Fields(s), " ") is s:
// no white space at the ends, and only single ASCII spaces between words.
func spacesFolded(s string) bool {
	prev := true // at the start, as after a space
	for _, r := range s {
		space := r == ' '
		if space && prev || !space && unicode.IsSpace(r) {
			return false
		}
		prev = space
	}
	return !prev || s == ""
}

// radicalForms are the pairs of radicals: radical form, ideograph.
var radicalForms = []string{
	"⺟", "母", "⺠", "民", "⻄", "西", "⻆", "角", "⻑", "長", "⻘", "青", "⻝", "食", "⻣", "骨",
	"⻤", "鬼", "⻨", "麦", "⻩", "黄", "⻭", "歯", "⻯", "竜", "⻲", "亀", "⻁", "虎", "⻅", "見",
	"⻌", "辶", "⻍", "辶", "⻖", "阝", "⻏", "阝", "⺮", "竹", "⺶", "羊", "⺼", "肉", "⻊", "足",
	"⻋", "车", "⻓", "长", "⻔", "门", "⻚", "页", "⻛", "风", "⻜", "飞", "⻢", "马", "⻥", "鱼",
	"⻦", "鸟", "⻬", "齐", "⻮", "齿", "⻰", "龙", "⻳", "龟", "⺁", "厂", "⺇", "几", "⺌", "小",
	"⺕", "彐", "⺝", "月", "⺡", "氵", "⺣", "灬", "⺨", "犭", "⺪", "疋", "⺬", "示", "⺭", "礻",
	"⺹", "耂", "⺾", "艹", "⻂", "衤", "⻎", "辶", "⻗", "雨", "⻙", "韋",
	"‧", "・", // the hyphenation point some fonts give for the katakana middle dot
	"ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl", "ﬅ", "st", "ﬆ", "st", // typeset ligatures
}

// joinWrapped joins the lines of a wrapped text: with a space, except
// between two CJK characters, where a line break is no word break.
func joinWrapped(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		l = clean(l)
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(l)
			kanaAfterLatin := unicode.Is(unicode.Katakana, next) && unicode.IsLetter(prev) && !isCJK(prev) && hasCJK(b.String())
			if !(isCJK(prev) && isCJK(next)) && !(hyphenBreak(b.String()) && !suspendedHyphen(l)) && !(isDigit(prev) && isDigit(next)) && !kanaAfterLatin {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// suspendedHyphen reports a line that opens with a conjunction: the
// hyphen that ended the line above stands for a word's end said after it
// ("Institute of Nano-" / "and Biotechnologies"), and the space after it
// stays.
func suspendedHyphen(next string) bool {
	word, _, _ := strings.Cut(next, " ")
	switch word {
	case "and", "or", "und", "oder", "et", "ou", "y", "o", "e", "&":
		return true
	}
	return false
}

// hyphenBreak reports a line that ends at a hyphen after a letter or digit
// ("Agro-", "2006-04-"): the next line goes on without a space.
func hyphenBreak(s string) bool {
	if !strings.HasSuffix(s, "-") && !strings.HasSuffix(s, "‐") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "-‐"))
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isCJK reports a character of a script written without spaces between
// words: Han, kana, Hangul syllables are written with spaces and excluded.
func isCJK(r rune) bool {
	if r < 0x2E80 {
		return false // below the CJK radicals: Latin, Greek, Cyrillic, punctuation
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) ||
		r == 'ー' || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF01 && r <= 0xFF60)
}

// uniqueSorted returns the texts of in, but for empty ones, sorted, each
// once; never nil.
func uniqueSorted(in []string) []string {
	out := uniqueKeepOrder(in)
	sort.Strings(out)
	return out
}

// uniqueKeepOrder returns the texts of in, but for empty ones, each once,
// in the order they first stand; never nil. (A record's flags and repairs
// are a few: they are compared one by one, without a set.)
func uniqueKeepOrder(in []string) []string {
	out := make([]string, 0, len(in))
	if len(in) > uniqueScan {
		seen := make(map[string]bool, len(in))
		for _, s := range in {
			if s != "" && !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
		return out
	}
	for _, s := range in {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// uniqueInPlace is uniqueKeepOrder written over in itself, for a list no
// other holds (a record's repairs, made by newRecord and appended to): the
// texts kept move down over those dropped, and the list is cut after them,
// with no room past its end (an append makes a list of its own).
func uniqueInPlace(in []string) []string {
	if in == nil || len(in) > uniqueScan {
		return uniqueKeepOrder(in)
	}
	k := 0
	for _, s := range in {
		if s != "" && !slices.Contains(in[:k], s) {
			in[k] = s
			k++
		}
	}
	clear(in[k:])
	return in[:k:k]
}

// uniqueScan is the most texts uniqueKeepOrder compares one by one.
const uniqueScan = 16

// unplaced records a line or row that could not be placed.
func (c *docContext) unplaced(page, row int, text string, kind agreement.UnplacedKind, reason string) {
	c.res.Unplaced = append(c.res.Unplaced, Unplaced{Page: page, Row: row, Text: text, Kind: kind, Reason: reason})
}

// docTexts yields the text of every line and table cell of a document.
func docTexts(doc *parser.Document) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for _, b := range doc.Blocks {
			switch {
			case b.Line != nil:
				if !yield(b.Line.Text) {
					return
				}
			case b.Table != nil:
				for _, r := range b.Table.Rows {
					for _, cell := range r.Cells {
						if !cell.Covered && !yield(cell.Text) {
							return
						}
					}
				}
			}
		}
	}
}
