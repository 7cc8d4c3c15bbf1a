package lexicon

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/agreements/agreements/internal/ascii"
)

// Matching texts against the terms: headers, levels, kinds, units, marks.

// match is one occurrence of a term in a folded text.
type match struct {
	t          term
	start, end int
}

// find returns the occurrences of terms in folded text s, longest first,
// none overlapping a longer one. A Latin-script term matches whole words
// (a plural "s" allowed); a term in a segment script matches anywhere.
// terms are sorted longest first, as New sorts every list of the lexicon.
func find(s string, terms []term) []match {
	var out []match
	var taken []bool // made at the first match: most texts match no term
	runes := utf8.RuneCountInString(s)
	// The bytes s holds, and (hashed) its pairs of adjacent bytes: a term
	// whose first or last byte, or first or last pair, is not there
	// cannot match.
	var present [256]bool
	var pairs pairSet
	var mask uint64
	for i := 0; i < len(s); i++ {
		present[s[i]] = true
		mask |= byteBit(s[i])
		if i > 0 {
			pairs.add(s[i-1], s[i])
		}
	}
	// The terms longer than s, first in the list, cannot match.
	first := sort.Search(len(terms), func(k int) bool { return terms[k].n <= runes })
	for k := first; k < len(terms); k++ {
		t := &terms[k] // not copied: most terms are passed over
		if t.mask&^mask != 0 {
			continue // a byte of the term is not in s
		}
		if t.n > runes || t.text == "" || !present[t.text[0]] || !present[t.text[len(t.text)-1]] {
			continue
		}
		if l := len(t.text); l >= 2 && (!pairs.has(t.text[0], t.text[1]) || !pairs.has(t.text[l-2], t.text[l-1])) {
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
			if taken == nil {
				taken = make([]bool, len(s)+1)
			}
			if overlaps(taken, start, end) {
				continue
			}
			for k := start; k < end; k++ {
				taken[k] = true
			}
			out = append(out, match{*t, start, end})
		}
	}
	return out
}

// byteBit is the bit of a byte in a byteMask: one of its own for each
// lower-case ASCII letter, digit and the space, the folded texts' usual
// bytes; the others share the rest.
func byteBit(b byte) uint64 {
	switch {
	case 'a' <= b && b <= 'z':
		return 1 << (b - 'a')
	case '0' <= b && b <= '9':
		return 1 << (26 + b - '0')
	case b == ' ':
		return 1 << 36
	}
	return 1 << (37 + b%27)
}

// findText is find(Fold(text), terms), without folding an ASCII text in
// which no term can match: most lines name no level, flag or institution
// word, and folding them cost more than the looking.
func findText(text string, terms []term) []match {
	if ascii.Only(text) && !mayHold(foldMaskASCII(text), terms) {
		return nil
	}
	return find(Fold(text), terms)
}

// foldMaskASCII is the bits (byteBit) of the bytes Fold makes of the ASCII
// text s, and the space's: its letters lowered, its digits (foldASCII
// turns every other byte into a space or drops it).
func foldMaskASCII(s string) uint64 {
	m := byteBit(' ')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'A' <= c && c <= 'Z':
			m |= byteBit(c + 'a' - 'A')
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			m |= byteBit(c)
		}
	}
	return m
}

// mayHold reports whether a text of the byte bits mask may hold a term of
// terms: find passes over every term that has a byte the text has not.
func mayHold(mask uint64, terms []term) bool {
	for k := range terms {
		if terms[k].mask&^mask == 0 {
			return true
		}
	}
	return false
}

// byteMask is the bits of the bytes s holds.
func byteMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		m |= byteBit(s[i])
	}
	return m
}

// A pairSet holds pairs of bytes, hashed to 4,096 bits: has may say yes
// to a pair never added (another pair with its hash was), never no to one
// added.
type pairSet [64]uint64

func pairHash(a, b byte) uint { return (uint(a)*131 + uint(b)) & 4095 }

func (p *pairSet) add(a, b byte) {
	h := pairHash(a, b)
	p[h>>6] |= 1 << (h & 63)
}

func (p *pairSet) has(a, b byte) bool {
	h := pairHash(a, b)
	return p[h>>6]&(1<<(h&63)) != 0
}

func overlaps(taken []bool, start, end int) bool {
	for k := start; k < end; k++ {
		if taken[k] {
			return true
		}
	}
	return false
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
	ms := findText(text, lx.levels)
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

// LevelsIn returns the distinct levels a text's level words name, in no
// particular order ("… と197の大学間交流協定を締結" names the university level).
func (lx *Lexicon) LevelsIn(text string) []string {
	var out []string
	for _, m := range findText(text, lx.levels) {
		if !slices.Contains(out, m.t.value) {
			out = append(out, m.t.value)
		}
	}
	return out
}

// LastLevel reports the level of the last level word in text.
func (lx *Lexicon) LastLevel(text string) (string, bool) {
	ms := findText(text, lx.levels)
	if len(ms) == 0 {
		return "", false
	}
	last := ms[0]
	for _, m := range ms[1:] {
		if m.start > last.start || m.start == last.start && m.t.n > last.t.n {
			last = m
		}
	}
	return last.t.value, true
}

// SubsetAt reports where, in text, the clauses that count a part of a
// total begin ("このうち、188大学と…", "of which 12 …"): the byte offsets of
// their opening words.
func (lx *Lexicon) SubsetAt(text string) []int {
	var out []int
	lower := strings.ToLower(text)
	for _, w := range lx.subset {
		for from := 0; ; {
			k := strings.Index(lower[from:], w)
			if k < 0 {
				break
			}
			out = append(out, from+k)
			from += k + len(w)
		}
	}
	slices.Sort(out)
	return out
}

func lastRune(s string) rune { r, _ := utf8.DecodeLastRuneInString(s); return r }

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// LevelTitle reports the level a title names when it names no institution
// besides its level words ("大学間交流協定 University-Level Agreements"), so
// an entry that says its kind ("Tsinghua University — School-to-school
// agreement") is not taken for a title.
func (lx *Lexicon) LevelTitle(text string) (string, bool) {
	if ascii.Only(text) && !mayHold(foldMaskASCII(text), lx.levels) {
		return "", false // (most lines: see findText)
	}
	return lx.levelTitleFolded(Fold(text))
}

// levelTitleFolded is LevelTitle of the folded text s.
func (lx *Lexicon) levelTitleFolded(s string) (string, bool) {
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
	s := Fold(text) // folded and searched once: what Level(text) reads too
	ms := find(s, lx.levels)
	if len(ms) == 0 {
		return "", false
	}
	best := ms[0]
	for _, m := range ms[1:] {
		if m.t.n > best.t.n {
			best = m
		}
	}
	lv := best.t.value
	rest := s
	for _, m := range ms {
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
	return len(findText(text, lx.units)) > 0
}

// EndsWithDiscipline reports a text whose last word names a field a unit
// may be named by alone ("Social Education", "Plasma and Radiation
// Physics").
func (lx *Lexicon) EndsWithDiscipline(text string) bool {
	words := strings.Fields(Fold(text))
	return len(words) > 0 && lx.disciplines[words[len(words)-1]]
}

// UnitWordAt reports whether a unit word starts text (after folding): a
// unit named first ("Faculty of Agriculture, Kagoshima University").
func (lx *Lexicon) UnitWordAt(text string) bool {
	s := strings.TrimPrefix(Fold(text), "the ")
	for _, m := range find(s, lx.units) {
		if m.start == 0 {
			return true
		}
	}
	return false
}

// IsUnitWord reports a text that is one unit word and nothing else
// ("センター", "Faculty").
func (lx *Lexicon) IsUnitWord(text string) bool {
	s := Fold(text)
	for _, m := range find(s, lx.units) {
		if m.start == 0 && m.end == len(s) {
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

// IsAffirmative reports a mark saying "yes" in a column of marks ("○",
// "✓", "Yes", "有").
func (lx *Lexicon) IsAffirmative(text string) bool {
	t := strings.TrimSpace(text)
	return t != "" && lx.pos[markKey(t)]
}

// Flag maps a legend's definition to a stable flag name by its most
// specific flag term; "" when it names nothing known.
func (lx *Lexicon) Flag(definition string) string {
	ms := findText(definition, lx.flagTerms)
	if len(ms) == 0 {
		return ""
	}
	return ms[0].t.value
}

// IsInstitution reports a name with a word that makes it an institution's.
func (lx *Lexicon) IsInstitution(text string) bool {
	return len(findText(text, lx.inst)) > 0
}

// OpensWithInstitutionPhrase reports a text that opens with a phrase of
// several words naming an institution ("Institute of Technology Bandung",
// "Academy of Sciences of the Czech Republic"), not a single word that
// may open a unit's name as well ("College of Engineering").
func (lx *Lexicon) OpensWithInstitutionPhrase(text string) bool {
	for _, m := range findText(text, lx.inst) {
		if m.start == 0 && strings.Contains(m.t.text, " ") {
			return true
		}
	}
	return false
}

// IsInstitutionWord reports a text that is only a word for an
// institution, naming none ("University", "Institute", "大学"): the end of
// a name whose first part stands elsewhere.
func (lx *Lexicon) IsInstitutionWord(text string) bool {
	f := Fold(text)
	if f == "" {
		return false
	}
	for _, ts := range [][]term{lx.inst, lx.instFirst} {
		for _, m := range find(f, ts) {
			if m.start == 0 && m.end == len(f) {
				return true
			}
		}
	}
	return false
}

// OpensAsInstitution reports a name whose first word opens an
// institution's name ("Institut Teknologi Bandung").
func (lx *Lexicon) OpensAsInstitution(text string) bool {
	for _, m := range findText(text, lx.instFirst) {
		if m.start == 0 {
			return true
		}
	}
	return false
}

// IsListTitle reports a text with a word of a list's own title.
func (lx *Lexicon) IsListTitle(text string) bool {
	return len(findText(text, lx.title)) > 0
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

// IsHeaderOnly reports a text made of header words only ("Partner
// Institution", "Date of Agreement", "相手機関名"), besides the words of
// extra (the home institution's name in "Department at Tohoku
// University").
func (lx *Lexicon) IsHeaderOnly(text, extra string) bool {
	s := Fold(text)
	if e := Fold(extra); e != "" {
		s = strings.Replace(s, e, " ", 1)
	}
	// (Fold has made every "/", "・", ":" and "：" a space already.)
	return covered(s, lx.headers, lx.hfiller...)
}

// IsKind reports a text that names the kind of an agreement: only kind
// words ("MOU", "Student Exchange Agreement", "包括協定"), or a phrase that
// starts as an agreement's title does ("Agreement on Academic Exchange
// Programme for Students", "Memorandum of Understanding on ...").
func (lx *Lexicon) IsKind(text string) bool {
	s := Fold(text)
	if covered(s, lx.kinds, "agreement", "agreements", "on", "for", "of", "the", "and", "協定", "覚書") {
		return true
	}
	if len(find(s, lx.inst)) > 0 {
		return false
	}
	for _, w := range lx.openers {
		if strings.HasPrefix(s+" ", w) {
			return true
		}
	}
	return false
}

// MayNameDetail reports whether some part of text could say a level
// (IsLevelOnly) or a kind (IsKind): false only when none could. Folding a
// part of a text gives, spaces aside, a run of the text's folding, and each
// of those needs one of its words, so the text folded, spaces taken out,
// must hold one of lx.detail.
//
// An ASCII text's folding, spaces taken out, is its letters and digits in
// lower case: they are read from it without folding it first.
func (lx *Lexicon) MayNameDetail(text string) bool {
	// The pairs of adjacent bytes the text holds, spaces taken out: a
	// word whose first or last pair is not there is not in it.
	var pairs pairSet
	var b []byte
	if ascii.Only(text) {
		b = make([]byte, 0, len(text))
		for i := 0; i < len(text); i++ {
			c := text[i]
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				continue // (foldASCII's spaces, and the apostrophe it drops)
			}
			if len(b) > 0 {
				pairs.add(b[len(b)-1], c)
			}
			b = append(b, c)
		}
	} else {
		folded := foldUnicode(text)
		b = make([]byte, 0, len(folded))
		for i := 0; i < len(folded); i++ {
			if c := folded[i]; c != ' ' {
				if len(b) > 0 {
					pairs.add(b[len(b)-1], c)
				}
				b = append(b, c)
			}
		}
	}
	s, made := "", false
	for _, w := range lx.detail {
		if !pairs.hasAll(w) {
			continue
		}
		if !made { // (most texts hold no word's every pair: no string made)
			s, made = string(b), true
		}
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// hasAll reports whether p may hold every pair of adjacent bytes of w:
// false only when w, of two bytes or more, is in no text whose pairs p
// holds. (Long prose holds the first and last pair of many words, and
// seldom all of them.)
func (p *pairSet) hasAll(w string) bool {
	for i := 1; i < len(w); i++ {
		if !p.has(w[i-1], w[i]) {
			return false
		}
	}
	return true
}

// IsLinkNoise reports the words a web page adds after a link's text.
func (lx *Lexicon) IsLinkNoise(text string) bool {
	return covered(Fold(text), lx.noise)
}

// CutConcluded removes a word introducing a date from the start of text
// ("concluded 2012.3.15" → "2012.3.15"); ok is false when there is none.
func (lx *Lexicon) CutConcluded(text string) (string, bool) {
	t := strings.TrimSpace(text)
	if t == "" {
		return t, false
	}
	if b := t[0]; b < utf8.RuneSelf {
		// Lowering keeps an ASCII character ASCII, alone in its byte.
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if strings.IndexByte(lx.conclFirst, b) < 0 {
			return t, false
		}
	}
	lowerHas := func(w string) bool { return hasPrefixLowerASCII(t, w) }
	// Only the first conclMax+1 bytes decide (a term and the character
	// after it): when they are ASCII, lowering them byte by byte is
	// lowering them as strings.ToLower does.
	if !ascii.Only(t[:min(len(t), lx.conclMax+1)]) {
		lower := lowerPrefix(t, lx.conclMax)
		lowerHas = func(w string) bool { return strings.HasPrefix(lower, w) && len(lower) > len(w) }
	}
	for _, c := range lx.concl {
		if lowerHas(c.text) {
			rest := t[len(c.text):]
			if r := firstRune(rest); c.latin && isWordRune(r) {
				continue
			}
			return strings.TrimLeft(rest, " :：　"), true
		}
	}
	return t, false
}

// lowerPrefix is strings.ToLower(t), or a prefix of it longer than max
// bytes: t's first characters lowered, as strings.ToLower lowers each
// character on its own. A word of at most max bytes is a prefix of the
// one exactly when it is a prefix of the other, and shorter than both.
func lowerPrefix(t string, max int) string {
	for k := 2*max + 8; k < len(t); k *= 2 {
		for k < len(t) && !utf8.RuneStart(t[k]) {
			k++ // a character's continuation bytes stay with it
		}
		if p := strings.ToLower(t[:k]); len(p) > max {
			return p
		}
	}
	return strings.ToLower(t)
}

// hasPrefixLowerASCII is, for an ASCII t, strings.HasPrefix(strings.ToLower(t), w)
// && len(t) > len(w), without lowering a copy of t.
func hasPrefixLowerASCII(t, w string) bool {
	if len(t) <= len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		b := t[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		if b != w[i] {
			return false
		}
	}
	return true
}

// CutConcludedAfter removes a word that follows a date inside an entry
// ("平成12年締結" → "平成12年").
func (lx *Lexicon) CutConcludedAfter(text string) string {
	t := strings.TrimSpace(text)
	for _, w := range lx.after {
		if rest, ok := strings.CutSuffix(t, w); ok && rest != "" {
			return strings.TrimSpace(rest)
		}
	}
	return t
}

// UnitWordAtEnd reports whether a unit word ends text written in a script
// without spaces ("工学研究科", "信息与电子学院") or a Latin name whose
// last word is a unit noun ("Engineering School").
func (lx *Lexicon) UnitWordAtEnd(text string) bool {
	s := Fold(text)
	for _, m := range find(s, lx.units) {
		if m.end == len(s) {
			return true
		}
	}
	return false
}

// Mentions reports whether a header text holds a term of field f, whatever
// else it holds ("地域・国 Area / Country" mentions the region and the
// country).
func (lx *Lexicon) Mentions(text string, f Field) bool {
	s := Fold(text)
	for _, t := range lx.headers {
		if t.role == roleField && t.field == f && len(find(s, []term{t})) > 0 {
			return true
		}
	}
	return false
}

// LevelValue reads a cell of a column of levels: "University", "大学
// University", "部局 Department". Every word must say the same level.
func (lx *Lexicon) LevelValue(text string) (string, bool) {
	if lv, only := lx.IsLevelOnly(text); only {
		return lv, true
	}
	s := Fold(text)
	ms := find(s, lx.lvals)
	if len(ms) == 0 || !covered(s, lx.lvals, "level", "wide") {
		return "", false
	}
	for _, m := range ms[1:] {
		if m.t.value != ms[0].t.value {
			return "", false
		}
	}
	return ms[0].t.value, true
}

// chromeBuf is the longest ASCII text IsChrome lowers on the stack.
const chromeBuf = 256

// IsChrome reports a line of the page's own furniture: a copyright line, a
// link back to the top.
func (lx *Lexicon) IsChrome(text string) bool {
	if t := strings.TrimSpace(text); len(t) <= chromeBuf && ascii.Only(t) {
		// (most lines: lowered on the stack, not made again as a string)
		var buf [chromeBuf]byte
		l := ascii.AppendLower(buf[:0], t)
		if bytes.HasPrefix(l, []byte("(c)")) {
			return true
		}
		for _, w := range lx.chrome {
			if bytes.Contains(l, []byte(w)) {
				return true
			}
		}
		return false
	}
	l := strings.ToLower(strings.TrimSpace(text))
	if strings.HasPrefix(l, "©") || strings.HasPrefix(l, "(c)") {
		return true
	}
	for _, w := range lx.chrome {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// EndsWithModifier reports a text whose last word qualifies a word that
// should come after it (Modifiers): a name does not end there.
func (lx *Lexicon) EndsWithModifier(text string) bool {
	f := Fold(text)
	last := f[strings.LastIndexByte(f, ' ')+1:]
	return last != "" && slices.Contains(lx.mods, last)
}

// IsFederation reports a federal university whose members are partners in
// their own right ("University of London").
func (lx *Lexicon) IsFederation(name string) bool {
	return slices.Contains(lx.feds, Fold(name))
}

// NamesUniversity reports a name holding a word for a university
// ("Kagoshima University", "北京理工大学", "Universiti Putra Malaysia").
func (lx *Lexicon) NamesUniversity(name string) bool {
	l := strings.ToLower(name)
	for _, w := range lx.univ {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// EndsAsUniversity reports a name ending in a word for a university
// ("Kagoshima University", "北京理工大学"), in any case: its end compared
// with each word, nothing lowered or made (a name's last byte that ends no
// such word answers at once).
func (lx *Lexicon) EndsAsUniversity(name string) bool {
	if name == "" {
		return false
	}
	if b := name[len(name)-1]; b < utf8.RuneSelf && strings.IndexByte(lx.univLast, b) < 0 {
		return false // ("Tokyo", "Technology": no word for a university ends so)
	}
	for _, w := range lx.univ {
		if len(name) >= len(w) && strings.EqualFold(name[len(name)-len(w):], w) {
			return true
		}
	}
	return false
}

// RegionsIn returns the canonical regions named inside a text on word
// boundaries ("Exchange agreements in Europe" → Europe), once each.
func (lx *Lexicon) RegionsIn(text string) []string {
	var out []string
	for _, m := range findText(text, lx.rterms) {
		if !slices.Contains(out, m.t.value) {
			out = append(out, m.t.value)
		}
	}
	return out
}
