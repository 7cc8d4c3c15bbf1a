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
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/agreements/agreements/internal/ascii"
	"github.com/agreements/agreements/internal/lazyre"
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

	// Regions are the names lists give their regional groupings, by the
	// canonical region records use ("Asia", "Central and South America",
	// "International Organization").
	Regions map[string][]string
	// Levels are the words that say an agreement's level, in section
	// titles, in a kind column, or inline in an entry.
	Levels map[string][]string
	// LevelValues are the words a column of levels holds ("University",
	// "部局"), by level.
	LevelValues map[string][]string
	// UnitWords name a unit of an institution inside a name or heading.
	UnitWords []string
	// Disciplines are the fields a unit may be named by alone, its
	// last word ("Social Education", "Language and Communication").
	Disciplines []string
	// Placeholders are cell texts meaning "nothing here".
	Placeholders []string
	// Negatives are marks saying "no" in a flag column.
	Negatives []string
	// Affirmatives are marks saying "yes" in a column of marks: a flag
	// column, or a column headed by a kind or a level whose mark gives
	// its row that kind or level ("○" under "学生交流協定").
	Affirmatives []string
	// Flags maps stable flag names to the words a legend defines them with.
	Flags map[string][]string
	// Institutions are words that make a name an institution's.
	Institutions []string
	// Universities are the words for a university ("university", "大学"):
	// a name holding one names a university, and one ending in it is an
	// institution's name, whole.
	Universities []string
	// InstitutionFirst are words that open an institution's name
	// ("Institut Teknologi Bandung", "Institute of Science Tokyo"), where
	// the word alone, anywhere, does not make one (an institute is often
	// a unit).
	InstitutionFirst []string
	// ListTitle are words of a list's own title ("agreements", "一覧").
	ListTitle []string
	// Units maps the unit words of totals to "institutions", "agreements"
	// or "countries".
	Units map[string]string
	// HeaderFiller are the words a column's name may hold besides header
	// terms ("Date of Agreement", "相手機関名").
	HeaderFiller []string
	// Subset are the words that open a clause counting a part of a total
	// stated before ("このうち", "of which"): its counts are no totals.
	Subset []string
	// Totals are phrases stating counts; AsOf phrases stating the list's
	// date, with a named group "d".
	Totals []Total
	AsOf   []string
	// Concluded are words that introduce a date inside an entry
	// ("concluded", "signed", "締結").
	Concluded []string
	// ConcludedAfter are words that follow a date inside an entry
	// ("平成12年締結").
	ConcludedAfter []string
	// Kinds are words naming the kind of an agreement ("MOU", "Student
	// Exchange", "包括"), read out of an entry's details.
	Kinds []string
	// KindOpeners are the words an agreement's title starts with
	// ("Agreement on Academic Exchange …", "Addendum for the exchange of
	// students"): a text that starts so names the agreement, not a partner.
	KindOpeners []string
	// Federations are universities whose member colleges are institutions
	// in their own right ("The School of Oriental and African Studies,
	// University of London" names the school, not a unit of London).
	Federations []string
	// Modifiers are words that qualify the word after them and so end no
	// name ("Higher" in "National Research University Higher School of
	// Economics", "Graduate" in "… Graduate School of …"): a name wrapped
	// after one goes on on the next line.
	Modifiers []string
	// Chrome are the words of a page's own furniture that a line starts
	// with or holds ("Copyright", "All rights reserved", "ページの先頭へ").
	Chrome []string
	// LinkNoise are the words a web page adds after a link's text
	// ("(外部サイト)", "(External link)"): not part of a name.
	LinkNoise []string
}

// Lexicon is the merged vocabulary of several languages.
type Lexicon struct {
	headers     []term // every header term and modifier, normalised
	levels      []term
	lvals       []term
	units       []term
	ph          map[string]bool
	neg         map[string]bool
	disciplines map[string]bool // Disciplines, folded
	pos         map[string]bool
	flags       []flagTerm
	inst        []term
	title       []term
	unitMap     map[string]string
	totals      []compiledTotal
	asOf        []*lazyre.Regexp
	asOfNeeds   []required // what a text needs for each of asOf to match it
	concl       []term
	conclMax    int // the longest concl term's length in bytes
	// conclFirst holds the first byte of every concl term: a text that
	// starts with another ASCII byte, lowered, starts with none.
	conclFirst string
	kinds      []term
	subset     []string
	hfiller    []string
	openers    []string
	// detail holds the level, kind and opener words with their spaces
	// taken out, none holding another: a text holds one of them wherever
	// a part of it says a level or a kind (MayNameDetail).
	detail    []string
	noise     []term
	after     []string
	chrome    []string
	feds      []string
	mods      []string // Modifiers, folded
	univ      []string
	univLast  string // the ASCII last bytes of univ's words, in both cases: a name ending in another ASCII byte ends as none
	instFirst []term
	regions   map[string][]string
	rterms    []term // the region names as terms, value the canonical region
	flagTerms []term // the flag words as terms, value the flag
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
	mask  uint64 // the bytes of text (byteMask): a text without one of them does not hold it
}

type flagTerm struct {
	term
	flag string
}

type compiledTotal struct {
	re    *lazyre.Regexp // compiled when a text first has what it needs
	unit  string
	level string
	need  required // what a text needs for re to match it
}

// Default is the lexicon of every language the project knows:
// New(defaultLanguages()...), as go generate wrote it into default_gen.go,
// so that no process merges and folds the languages again (a test fails
// when the file no longer matches the languages).
func Default() *Lexicon { return &defaultLexicon }

// defaultLanguages are the languages of Default.
func defaultLanguages() []*Lang { return []*Lang{English, Japanese, Korean, Chinese} }

//go:generate go test -run ^TestGeneratedDefault$ -args -generate

// New merges languages into one lexicon. Maps are read in the order of
// their keys, so that the same languages always give the same lexicon.
func New(langs ...*Lang) *Lexicon {
	lx := &Lexicon{ph: map[string]bool{}, neg: map[string]bool{}, pos: map[string]bool{}, disciplines: map[string]bool{}, unitMap: map[string]string{}, regions: map[string][]string{}}
	for _, l := range langs {
		for _, canonical := range slices.Sorted(maps.Keys(l.Regions)) {
			lx.regions[canonical] = append(lx.regions[canonical], l.Regions[canonical]...)
		}
		for _, f := range slices.Sorted(maps.Keys(l.Headers)) {
			lx.headers = appendTerms(lx.headers, l.Headers[f], func(t *term) { t.field = f })
		}
		lx.headers = appendTerms(lx.headers, l.UnitMods, func(t *term) { t.role = roleUnitMod })
		lx.headers = appendTerms(lx.headers, l.PartnerMods, func(t *term) { t.role = rolePartnerMod })
		lx.headers = appendTerms(lx.headers, l.HomeMods, func(t *term) { t.role = roleHomeMod })
		for _, lv := range slices.Sorted(maps.Keys(l.Levels)) {
			lx.levels = appendTerms(lx.levels, l.Levels[lv], func(t *term) { t.value = lv })
		}
		for _, lv := range slices.Sorted(maps.Keys(l.LevelValues)) {
			lx.lvals = appendTerms(lx.lvals, l.LevelValues[lv], func(t *term) { t.value = lv })
		}
		lx.units = appendTerms(lx.units, l.UnitWords, nil)
		for _, w := range l.Disciplines {
			lx.disciplines[Fold(w)] = true
		}
		lx.inst = appendTerms(lx.inst, l.Institutions, nil)
		lx.instFirst = appendTerms(lx.instFirst, l.InstitutionFirst, nil)
		lx.title = appendTerms(lx.title, l.ListTitle, nil)
		lx.concl = appendTerms(lx.concl, l.Concluded, nil)
		for _, c := range lx.concl {
			lx.conclMax = max(lx.conclMax, len(c.text))
			if c.text != "" && strings.IndexByte(lx.conclFirst, c.text[0]) < 0 {
				lx.conclFirst += c.text[:1]
			}
		}
		lx.kinds = appendTerms(lx.kinds, l.Kinds, nil)
		for _, w := range l.HeaderFiller {
			lx.hfiller = append(lx.hfiller, Fold(w))
		}
		for _, w := range l.Subset {
			lx.subset = append(lx.subset, strings.ToLower(w))
		}
		for _, w := range l.KindOpeners {
			lx.openers = append(lx.openers, Fold(w)+" ")
		}
		lx.after = append(lx.after, l.ConcludedAfter...)
		for _, w := range l.Universities {
			w = strings.ToLower(w)
			lx.univ = append(lx.univ, w)
			if last := w[len(w)-1]; last < utf8.RuneSelf {
				for _, b := range []byte{last, strings.ToUpper(w[len(w)-1:])[0]} {
					if strings.IndexByte(lx.univLast, b) < 0 {
						lx.univLast += string(b)
					}
				}
			}
		}
		for _, w := range l.Federations {
			lx.feds = append(lx.feds, Fold(w))
		}
		for _, w := range l.Modifiers {
			lx.mods = append(lx.mods, Fold(w))
		}
		for _, w := range l.Chrome {
			lx.chrome = append(lx.chrome, strings.ToLower(w))
		}
		lx.noise = appendTerms(lx.noise, l.LinkNoise, nil)
		for _, p := range l.Placeholders {
			lx.ph[markKey(p)] = true
		}
		for _, p := range l.Negatives {
			lx.neg[markKey(p)] = true
		}
		for _, p := range l.Affirmatives {
			lx.pos[markKey(p)] = true
		}
		for _, fl := range slices.Sorted(maps.Keys(l.Flags)) {
			for _, t := range appendTerms(nil, l.Flags[fl], nil) {
				lx.flags = append(lx.flags, flagTerm{t, fl})
			}
		}
		for _, k := range slices.Sorted(maps.Keys(l.Units)) {
			lx.unitMap[Fold(k)] = l.Units[k]
		}
		for _, t := range l.Totals {
			lx.totals = append(lx.totals, compiledTotal{lazyre.New(t.Pattern), t.Unit, t.Level, requiredOf(t.Pattern)})
		}
		for _, p := range l.AsOf {
			lx.asOf = append(lx.asOf, lazyre.New(p)) // compiled when a text first has what it needs
			lx.asOfNeeds = append(lx.asOfNeeds, requiredOf(p))
		}
	}
	for _, canonical := range slices.Sorted(maps.Keys(lx.regions)) {
		lx.rterms = appendTerms(lx.rterms, lx.regions[canonical], func(t *term) { t.value = canonical })
	}
	sortTerms(lx.rterms)
	for _, f := range lx.flags {
		t := f.term
		t.value = f.flag
		lx.flagTerms = append(lx.flagTerms, t)
	}
	sortTerms(lx.flagTerms)
	// Longest first: the most specific term is tried first everywhere.
	for _, ts := range [][]term{lx.headers, lx.levels, lx.lvals, lx.units, lx.inst, lx.instFirst, lx.title, lx.concl, lx.kinds, lx.noise} {
		sortTerms(ts)
	}
	slices.SortStableFunc(lx.flags, func(a, b flagTerm) int { return b.n - a.n })
	lx.detail = detailAnchors(lx.levels, lx.kinds, lx.openers)
	return lx
}

// detailAnchors returns the words of levels, kinds and openers with their
// spaces taken out, shortest first, leaving out a word that holds another
// (a text that holds it holds the other).
func detailAnchors(levels, kinds []term, openers []string) []string {
	var all []string
	for _, ts := range [][]term{levels, kinds} {
		for _, t := range ts {
			all = append(all, strings.ReplaceAll(t.text, " ", ""))
		}
	}
	for _, w := range openers {
		all = append(all, strings.ReplaceAll(w, " ", ""))
	}
	slices.SortFunc(all, func(a, b string) int {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		return strings.Compare(a, b)
	})
	var out []string
	for _, w := range all {
		if !slices.ContainsFunc(out, func(o string) bool { return strings.Contains(w, o) }) {
			out = append(out, w)
		}
	}
	return out
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
		t.mask = byteMask(t.text)
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

// Regions are the region names of every language, by canonical region.
func (lx *Lexicon) Regions() map[string][]string { return lx.regions }

// Fold is the form terms and texts are matched in: Unicode NFKC, lower
// case, punctuation and symbols turned into spaces, spaces folded, and no
// space between two characters of a script written without spaces.
func Fold(s string) string {
	if ascii.Only(s) {
		return foldASCII(s)
	}
	return foldUnicode(s)
}

// foldUnicode is Fold for any text.
func foldUnicode(s string) string {
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

// foldASCII is Fold for text all in ASCII, which NFKC leaves as it is:
// the same result without the normalisation and the Unicode tables.
func foldASCII(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'':
			continue // "partner's" is "partners"
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}

// isSegmentScript reports a character of a script written without spaces
// between words (Han, kana): terms in it match as segments of the text.
func isSegmentScript(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) || r == 'ー'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
