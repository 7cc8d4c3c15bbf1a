// Package lexicon is every word the normaliser knows, as data: per language,
// the terms of column headers, the words that say an agreement's level, the
// words naming a unit of an institution, placeholders meaning "empty",
// negative marks, legend flag words, title words and the phrases of totals
// and "as of" dates.
//
// A language is one file (en.go, ja.go, ko.go, zh.go) holding one Lang
// value; Default merges them all, since lists are often bilingual. Terms
// match on word boundaries in Latin script and as segments in scripts
// written without spaces, and the most specific match wins: the longest
// term, never the first in rule order. So 国際交流協定校 is a partner
// column (協定校 outweighs 国), and "Country / Region" a country column.
package lexicon

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Field is what a table column holds.
type Field uint8

// Fields a column header can name.
const (
	None        Field = iota
	Region            // the list's own grouping: Asia, Europe
	Country           // the partner's country
	Partner           // the partner institution
	PartnerUnit       // the partner's faculty or department
	HomeUnit          // the home institution's unit
	Unit              // a unit without saying whose ("Department", "部局"): the table decides
	Signed            // the date the agreement was concluded
	Validity          // a term: "2006.4.5 - 2011.4.4", "-自動延長"
	ValidUntil        // a column of end dates
	Type              // the kind of agreement (MOU, 包括); its cells may say the level
	Level             // a column that says the level row by row
	Notes             // remarks
	Ignore            // a column the record has no field for (city, quota, No.)
	FlagColumn        // a column whose header names a flag ("Double degree"): a mark in a cell sets it
)

var fieldNames = [...]string{"", "region", "country", "partner", "partner_unit", "home_unit", "unit", "signed",
	"valid_until", "valid_until", "agreement_type", "level", "notes", "ignore", "flags"}

// String is the record field's name, as repairs name it.
func (f Field) String() string {
	if int(f) < len(fieldNames) {
		return fieldNames[f]
	}
	return ""
}

// Levels of agreement, as the record spells them.
const (
	University = "university"
	Department = "department"
)

// Total is a phrase stating a count: Pattern has a named group "n" (the
// count) and optionally "unit" (a word Units maps); Unit is used when the
// phrase has no unit word; Level, when set, is the level the count is of.
type Total struct {
	Pattern string
	Unit    string
	Level   string
}

// Lang is one language's vocabulary.
type Lang struct {
	Code string

	// Headers are column-header terms per field.
	Headers map[Field][]string
	// UnitMods are words that make a header name a unit ("faculty");
	// with a PartnerMods word it is the partner's unit, with a HomeMods
	// word the home institution's.
	UnitMods, PartnerMods, HomeMods []string

	// Levels are the words that say an agreement's level, in section
	// titles, in a kind column, or inline in an entry.
	Levels map[string][]string
	// UnitWords name a unit of an institution inside a name or heading.
	UnitWords []string
	// Placeholders are cell texts meaning "nothing here".
	Placeholders []string
	// Negatives are marks saying "no" in a flag column.
	Negatives []string
	// Flags maps stable flag names to the words a legend defines them with.
	Flags map[string][]string
	// Institutions are words that make a name an institution's.
	Institutions []string
	// ListTitle are words of a list's own title ("agreements", "一覧").
	ListTitle []string
	// Units maps the unit words of totals to "institutions", "agreements"
	// or "countries".
	Units map[string]string
	// Totals are phrases stating counts; AsOf phrases stating the list's
	// date, with a named group "d".
	Totals []Total
	AsOf   []string
	// Concluded are words that introduce a date inside an entry
	// ("concluded", "signed", "締結").
	Concluded []string
	// Kinds are words naming the kind of an agreement ("MOU", "Student
	// Exchange", "包括"), read out of an entry's details.
	Kinds []string
	// LinkNoise are the words a web page adds after a link's text
	// ("(外部サイト)", "(External link)"): not part of a name.
	LinkNoise []string
}

// Lexicon is the merged vocabulary of several languages.
type Lexicon struct {
	langs   []*Lang
	headers []term // every header term and modifier, normalised
	levels  []term
	units   []term
	ph      map[string]bool
	neg     map[string]bool
	flags   []flagTerm
	inst    []term
	title   []term
	unitMap map[string]string
	totals  []compiledTotal
	asOf    []*regexp.Regexp
	concl   []term
	kinds   []term
	noise   []term
}

type role uint8

const (
	roleField role = iota
	roleUnitMod
	rolePartnerMod
	roleHomeMod
)

type term struct {
	text  string // normalised
	field Field
	role  role
	value string // level name for level terms
	n     int    // length in runes: the specificity
	latin bool   // matched on word boundaries
}

type flagTerm struct {
	term
	flag string
}

type compiledTotal struct {
	re    *regexp.Regexp
	unit  string
	level string
}

// Default is the lexicon of every language the project knows.
func Default() *Lexicon { return defaultLexicon() }

var defaultLexicon = sync.OnceValue(func() *Lexicon { return New(English, Japanese, Korean, Chinese) })

// New merges languages into one lexicon.
func New(langs ...*Lang) *Lexicon {
	lx := &Lexicon{langs: langs, ph: map[string]bool{}, neg: map[string]bool{}, unitMap: map[string]string{}}
	for _, l := range langs {
		for f, ws := range l.Headers {
			lx.headers = appendTerms(lx.headers, ws, func(t *term) { t.field = f })
		}
		lx.headers = appendTerms(lx.headers, l.UnitMods, func(t *term) { t.role = roleUnitMod })
		lx.headers = appendTerms(lx.headers, l.PartnerMods, func(t *term) { t.role = rolePartnerMod })
		lx.headers = appendTerms(lx.headers, l.HomeMods, func(t *term) { t.role = roleHomeMod })
		for lv, ws := range l.Levels {
			lx.levels = appendTerms(lx.levels, ws, func(t *term) { t.value = lv })
		}
		lx.units = appendTerms(lx.units, l.UnitWords, nil)
		lx.inst = appendTerms(lx.inst, l.Institutions, nil)
		lx.title = appendTerms(lx.title, l.ListTitle, nil)
		lx.concl = appendTerms(lx.concl, l.Concluded, nil)
		lx.kinds = appendTerms(lx.kinds, l.Kinds, nil)
		lx.noise = appendTerms(lx.noise, l.LinkNoise, nil)
		for _, p := range l.Placeholders {
			lx.ph[markKey(p)] = true
		}
		for _, p := range l.Negatives {
			lx.neg[markKey(p)] = true
		}
		for fl, ws := range l.Flags {
			for _, t := range appendTerms(nil, ws, nil) {
				lx.flags = append(lx.flags, flagTerm{t, fl})
			}
		}
		for k, v := range l.Units {
			lx.unitMap[Fold(k)] = v
		}
		for _, t := range l.Totals {
			lx.totals = append(lx.totals, compiledTotal{regexp.MustCompile(t.Pattern), t.Unit, t.Level})
		}
		for _, p := range l.AsOf {
			lx.asOf = append(lx.asOf, regexp.MustCompile(p))
		}
	}
	// Longest first: the most specific term is tried first everywhere.
	for _, ts := range [][]term{lx.headers, lx.levels, lx.units, lx.inst, lx.title, lx.concl, lx.kinds, lx.noise} {
		sortTerms(ts)
	}
	slices.SortStableFunc(lx.flags, func(a, b flagTerm) int { return b.n - a.n })
	return lx
}

func appendTerms(dst []term, words []string, set func(*term)) []term {
	for _, w := range words {
		t := term{text: Fold(w)}
		if t.text == "" {
			continue
		}
		t.n = utf8.RuneCountInString(t.text)
		r, _ := utf8.DecodeRuneInString(t.text)
		last, _ := utf8.DecodeLastRuneInString(t.text)
		t.latin = isWordRune(r) && !isSegmentScript(r) || isWordRune(last) && !isSegmentScript(last)
		if set != nil {
			set(&t)
		}
		dst = append(dst, t)
	}
	return dst
}

func sortTerms(ts []term) {
	slices.SortStableFunc(ts, func(a, b term) int { return b.n - a.n })
}

// Fold is the form terms and texts are matched in: Unicode NFKC, lower
// case, punctuation and symbols turned into spaces, spaces folded, and no
// space between two characters of a script written without spaces.
func Fold(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	var prev rune
	for _, r := range s {
		switch {
		case r == '\'' || r == '’':
			continue // "partner's" is "partners"
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if space && b.Len() > 0 && !(isSegmentScript(prev) && isSegmentScript(r)) {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			prev = r
		default:
			space = true
		}
	}
	return b.String()
}

// isSegmentScript reports a character of a script written without spaces
// between words (Han, kana): terms in it match as segments of the text.
func isSegmentScript(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || r == 'ー'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// match is one occurrence of a term in a folded text.
type match struct {
	t          term
	start, end int
}

// find returns the occurrences of terms in folded text s, longest first,
// none overlapping a longer one. A Latin-script term matches whole words
// (a plural "s" allowed); a term in a segment script matches anywhere.
func find(s string, terms []term) []match {
	var out []match
	taken := make([]bool, len(s)+1)
	for _, t := range terms {
		if t.n > utf8.RuneCountInString(s) {
			continue
		}
		for from := 0; from < len(s); {
			i := strings.Index(s[from:], t.text)
			if i < 0 {
				break
			}
			start, end := from+i, from+i+len(t.text)
			from = start + 1
			if t.latin {
				if start > 0 && s[start-1] != ' ' {
					continue
				}
				if end < len(s) && s[end] == 's' && (end+1 == len(s) || s[end+1] == ' ') {
					end++
				}
				if end < len(s) && s[end] != ' ' {
					continue
				}
			}
			if overlaps(taken, start, end) {
				continue
			}
			for k := start; k < end; k++ {
				taken[k] = true
			}
			out = append(out, match{t, start, end})
		}
	}
	return out
}

func overlaps(taken []bool, start, end int) bool {
	for k := start; k < end; k++ {
		if taken[k] {
			return true
		}
	}
	return false
}

// ContainsTerm reports whether folded text s holds the folded term t on
// word boundaries (or anywhere, for a term in a script written without
// spaces).
func ContainsTerm(s, t string) bool {
	return len(find(s, appendTerms(nil, []string{t}, nil))) > 0
}

// Header maps a column header to the field it holds, and the length of the
// term that decided it (0 for None).
func (lx *Lexicon) Header(text string) (Field, int) {
	s := Fold(text)
	if s == "" {
		return None, 0
	}
	var best term
	var unit, partner, home bool
	for _, m := range find(s, lx.headers) {
		switch m.t.role {
		case roleUnitMod:
			unit = true
		case rolePartnerMod:
			partner = true
		case roleHomeMod:
			home = true
		default:
			if m.t.n > best.n || (m.t.n == best.n && specific(m.t.field) > specific(best.field)) {
				best = m.t
			}
			partner = partner || m.t.field == Partner
		}
	}
	switch {
	case best.field == PartnerUnit || best.field == HomeUnit:
		return best.field, best.n
	case unit && home:
		return HomeUnit, best.n + 1
	case unit && partner:
		return PartnerUnit, best.n + 1
	case best.n > 0:
		return best.field, best.n
	case unit:
		return Unit, 1
	}
	return None, 0
}

// specific orders fields for ties: a unit is more specific than the
// institution, an end date than a term.
func specific(f Field) int {
	switch f {
	case PartnerUnit, HomeUnit:
		return 3
	case ValidUntil, Country:
		return 2
	case None:
		return 0
	}
	return 1
}

// Level reports the level a text names ("University-wide", "部局間協定",
// "School-to-school agreement") by its most specific level term.
func (lx *Lexicon) Level(text string) (string, bool) {
	ms := find(Fold(text), lx.levels)
	if len(ms) == 0 {
		return "", false
	}
	best := ms[0]
	for _, m := range ms[1:] {
		if m.t.n > best.t.n {
			best = m
		}
	}
	return best.t.value, true
}

// LevelSpan is like Level but also returns where the level words stand in
// text (byte offsets), for cutting them out of an entry; ok is false when
// the text names no level. The offsets refer to text itself, found by a
// case-insensitive search of the term as written.
func (lx *Lexicon) LevelSpan(text string) (level string, start, end int, ok bool) {
	lower := strings.ToLower(text)
	for _, t := range lx.levels {
		for _, form := range []string{t.text, strings.ReplaceAll(t.text, " ", "-")} {
			i := strings.Index(lower, form)
			if i < 0 || len(lower) != len(text) {
				continue
			}
			j := i + len(form)
			if t.latin && (i > 0 && isWordRune(lastRune(lower[:i])) || j < len(lower) && isWordRune(firstRune(lower[j:]))) {
				continue
			}
			return t.value, i, j, true
		}
	}
	return "", 0, 0, false
}

func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }
func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// LevelTitle reports the level a title names when it names no institution
// besides its level words ("大学間交流協定 University-Level Agreements"), so
// an entry that says its kind ("Tsinghua University — School-to-school
// agreement") is not taken for a title.
func (lx *Lexicon) LevelTitle(text string) (string, bool) {
	s := Fold(text)
	ms := find(s, lx.levels)
	if len(ms) == 0 {
		return "", false
	}
	best := ms[0]
	b := []byte(s)
	for _, m := range ms {
		if m.t.n > best.t.n {
			best = m
		}
		for k := m.start; k < m.end; k++ {
			b[k] = ' '
		}
	}
	if len(find(string(b), lx.inst)) > 0 {
		return "", false
	}
	return best.t.value, true
}

// IsLevelOnly reports a text that says a level and nothing else
// ("University-wide", "大学間協定", "School-to-school agreement").
func (lx *Lexicon) IsLevelOnly(text string) (string, bool) {
	s := Fold(text)
	lv, ok := lx.Level(text)
	if !ok {
		return "", false
	}
	rest := s
	for _, m := range find(s, lx.levels) {
		rest = strings.Replace(rest, m.t.text, " ", 1)
	}
	for _, w := range []string{"agreements", "agreement", "協定", "level", "exchange", "academic", "交流", "협정", "协议"} {
		rest = strings.ReplaceAll(rest, w, " ")
	}
	return lv, strings.TrimSpace(rest) == ""
}

// HasUnitWord reports a text that names a unit of an institution
// ("Graduate School of Engineering", "工学研究科").
func (lx *Lexicon) HasUnitWord(text string) bool {
	return len(find(Fold(text), lx.units)) > 0
}

// UnitWordAt reports whether a unit word starts text (after folding): a
// unit named first ("Faculty of Agriculture, Kagoshima University").
func (lx *Lexicon) UnitWordAt(text string) bool {
	s := Fold(text)
	for _, m := range find(s, lx.units) {
		if m.start == 0 {
			return true
		}
	}
	return false
}

// IsPlaceholder reports a cell text that means "nothing here" (―, N/A, なし).
func (lx *Lexicon) IsPlaceholder(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" {
		return false
	}
	if strings.Trim(t, "-‐‑‒–—―－ー一_ ") == "" {
		return true
	}
	return lx.ph[markKey(t)]
}

// markKey is the key of a short cell text: folded when it has letters,
// else the symbols themselves ("×").
func markKey(s string) string {
	if f := Fold(s); f != "" {
		return f
	}
	return strings.TrimSpace(norm.NFKC.String(s))
}

// IsNegative reports a mark saying "no" in a flag column.
func (lx *Lexicon) IsNegative(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" || lx.IsPlaceholder(t) {
		return true
	}
	return lx.neg[markKey(t)]
}

// Flag maps a legend's definition to a stable flag name by its most
// specific flag term; "" when it names nothing known.
func (lx *Lexicon) Flag(definition string) string {
	s := Fold(definition)
	for _, f := range lx.flags {
		if len(find(s, []term{f.term})) > 0 {
			return f.flag
		}
	}
	return ""
}

// IsInstitution reports a name with a word that makes it an institution's.
func (lx *Lexicon) IsInstitution(text string) bool {
	return len(find(Fold(text), lx.inst)) > 0
}

// IsListTitle reports a text with a word of a list's own title.
func (lx *Lexicon) IsListTitle(text string) bool {
	return len(find(Fold(text), lx.title)) > 0
}

// covered reports whether the terms cover every word of the folded text,
// but for the filler words given.
func covered(s string, terms []term, filler ...string) bool {
	if s == "" {
		return false
	}
	b := []byte(s)
	ms := find(s, terms)
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		for k := m.start; k < m.end; k++ {
			b[k] = ' '
		}
	}
	for _, w := range strings.Fields(string(b)) {
		if !slices.Contains(filler, w) {
			return false
		}
	}
	return true
}

// IsKind reports a text that names only the kind of an agreement ("MOU",
// "Student Exchange Agreement", "包括協定").
func (lx *Lexicon) IsKind(text string) bool {
	return covered(Fold(text), lx.kinds, "agreement", "agreements", "on", "for", "of", "the", "and", "協定", "覚書")
}

// IsLinkNoise reports the words a web page adds after a link's text.
func (lx *Lexicon) IsLinkNoise(text string) bool {
	return covered(Fold(text), lx.noise)
}

// CutConcluded removes a word introducing a date from the start of text
// ("concluded 2012.3.15" → "2012.3.15"); ok is false when there is none.
func (lx *Lexicon) CutConcluded(text string) (string, bool) {
	t := strings.TrimSpace(text)
	lower := strings.ToLower(t)
	for _, c := range lx.concl {
		if strings.HasPrefix(lower, c.text) && len(lower) > len(c.text) {
			rest := t[len(c.text):]
			if r := firstRune(rest); c.latin && isWordRune(r) {
				continue
			}
			return strings.TrimLeft(rest, " :：　"), true
		}
	}
	return t, false
}

// UnitOf maps the unit word of a total ("universities", "校") to
// "institutions", "agreements" or "countries".
func (lx *Lexicon) UnitOf(word string) string {
	if u, ok := lx.unitMap[Fold(word)]; ok {
		return u
	}
	return Fold(word)
}

// Count is a count a text states.
type Count struct {
	N     int
	Unit  string
	Level string
	Start int // byte offsets of the phrase in the text
	End   int
}

// Totals finds every count phrase in text, left to right, none overlapping.
func (lx *Lexicon) Totals(text string) []Count {
	var out []Count
	taken := make([]bool, len(text)+1)
	for _, t := range lx.totals {
		for _, m := range t.re.FindAllStringSubmatchIndex(text, -1) {
			if overlaps(taken, m[0], m[1]) {
				continue
			}
			c := Count{Unit: t.unit, Level: t.level, Start: m[0], End: m[1]}
			for i, name := range t.re.SubexpNames() {
				if m[2*i] < 0 {
					continue
				}
				v := text[m[2*i]:m[2*i+1]]
				switch name {
				case "n":
					c.N = atoi(v)
				case "unit":
					c.Unit = lx.UnitOf(v)
				}
			}
			if c.N <= 0 {
				continue
			}
			for k := m[0]; k < m[1]; k++ {
				taken[k] = true
			}
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b Count) int { return a.Start - b.Start })
	return out
}

// AsOf finds the list's "as of" phrase in text and returns the date part.
func (lx *Lexicon) AsOf(text string) (string, bool) {
	for _, re := range lx.asOf {
		if m := re.FindStringSubmatch(text); m != nil {
			return strings.TrimSpace(m[re.SubexpIndex("d")]), true
		}
	}
	return "", false
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		case r == ',' || r == '，':
		default:
			return n
		}
		if n > 1_000_000_000 {
			return 0
		}
	}
	return n
}
