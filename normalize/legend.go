package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/internal/lazyre"

	"github.com/agreements/agreements/agreement"
)

// Stable flag names, as package agreement defines them.
const (
	FlagFeeWaiver    = agreement.FlagFeeWaiver
	FlagDoubleDegree = agreement.FlagDoubleDegree
	FlagOutboundOnly = agreement.FlagOutboundOnly
	FlagInboundOnly  = agreement.FlagInboundOnly
	FlagAutoRenewal  = agreement.FlagAutoRenewal
	FlagPending      = agreement.FlagPending
)

// legend is the document's own key to its markers.
type legend struct {
	entries []LegendEntry
}

// markerRunes are the runes a marker can start or end with; markerSymbols
// those that are no digit.
const (
	markerSymbols = "*＊∗♦◆◇★☆●○◎△▲■□#＃§¶‡†※"
	markerRunes   = markerSymbols + "0123456789０１２３４５６７８９"
)

// markerPattern matches the marker symbols lists use. Numbered reference
// marks (※1) keep their number.
const markerPattern = `(?:※\s*[0-9０-９]+|[*＊∗♦◆◇★☆●○◎△▲■□#＃§¶‡†※]+)`

// markerAt is the end of the match of markerPattern that starts at the
// start of s, as the expression's leftmost-first reading takes it, or -1
// when none starts there: a numbered mark (※, ASCII spaces, digits) when
// it has digits, else the run of marker symbols. It scans what the
// expression would match, without compiling it.
func markerAt(s string) int {
	if strings.HasPrefix(s, "※") {
		i := len("※")
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
			i++
		}
		digits := false
		for i < len(s) {
			switch r, n := utf8.DecodeRuneInString(s[i:]); {
			case '0' <= r && r <= '9', '０' <= r && r <= '９':
				i += n
				digits = true
				continue
			}
			break
		}
		if digits {
			return i
		}
	}
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || !strings.ContainsRune(markerSymbols, r) {
			break
		}
		i += n
	}
	if i == 0 {
		return -1
	}
	return i
}

// legendRe matches a legend line: an optional footnote mark, the marker, and
// a verb or separator that says what it means.
var legendRe = lazyre.New(`^[(（]?\s*(?:[†‡]\s*)?(` + markerPattern + `)\s*(?:indicates?|denotes?|means?|signif(?:y|ies)|shows?|marks?|represents?|:|：|=|＝|は|印は|印：)\s*(.+?)[)）]?\s*$`)

// legendVerbs are what every match of legendRe holds one of: its verbs'
// stems and separators.
var legendVerbs = [...]string{"indicate", "denote", "mean", "signif", "show", "mark", "represent", ":", "：", "=", "＝", "は"}

// hasLegendVerb reports whether text holds one of legendVerbs: a text
// without is not run through legendRe.
func hasLegendVerb(text string) bool {
	for _, v := range legendVerbs {
		if strings.Contains(text, v) {
			return true
		}
	}
	return false
}

// namedMarkRe matches a legend that names its mark before it, in
// brackets, in a sentence: the mark, and the sentence from its verb on
// ("An asterisk (*) marks …", "… marked with a dagger (†) are …").
var namedMarkRe = lazyre.New(`(?i)^(?:.*?[.。]\s+)?(?:.*\bmarked with\s+)?(?:(?:an?|the)\s+)?(?:asterisks?|daggers?|double daggers?|stars?|diamonds?|hash(?:es)?|sharps?|symbols?|marks?)\s*[(（]\s*(` + markerPattern + `)\s*[)）]\s*(?:are\s+|is\s+)?(.{3,160}?)\s*$`)

// bareLegendRe matches a marker followed directly by its definition
// ("※1 派遣のみ", "♦ 授業料不徴収"); such a line is a legend only when the
// definition names a known flag.
var bareLegendRe = lazyre.New(`^[(（]?\s*(` + markerPattern + `)\s+(.{2,120}?)[)）]?\s*$`)

// parseLegendLine reads a line that defines a marker: the first of the
// legends it defines (see legendsIn).
func (c *docContext) parseLegendLine(text string) (marker, definition string, ok bool) {
	ls := c.legendsIn(text)
	if len(ls) == 0 {
		return "", "", false
	}
	return ls[0].marker, ls[0].definition, true
}

// legendDef is one marker a legend line defines, and its definition.
type legendDef struct{ marker, definition string }

// legendsIn reads the legends a line defines: a marker and what it means
// (legendRe: "* indicates …", "※1：…"; bareLegendRe: "♦ 授業料不徴収"), or
// several markers in a row, each followed by a definition that names a
// known flag, after a title or not ("学生交換協定 ※1 派遣のみ ※2 受入れのみ
// ★ダブル・ディグリー・プログラムあり"), or one marker written against its
// definition ("★ダブル・ディグリー・プログラムあり"); see bareLegends.
func (c *docContext) legendsIn(text string) []legendDef {
	text = strings.TrimSpace(text)
	marks := wordMarks(text)
	if len(marks) == 0 {
		return nil // every legend starts a word with its marker (most lines have none)
	}
	if lead := strings.TrimLeft(text, "(（ "); len(marks) < 2 && (lead == "" || marks[0][0] != len(text)-len(lead)) {
		if m := bracketedMark(text, marks[0][0]); m != nil {
			// "An asterisk (*) marks partners whose students are exempt
			// from tuition", "Partners marked with an asterisk (*) waive
			// tuition": the mark named, in brackets, then what it means.
			return c.legendsIn(m[1] + " " + m[2])
		}
		if sentenceEndsAt(text, marks[0][0]) || c.asOfOnly(text[:marks[0][0]]) {
			// A legend after a sentence of its line, or its as-of date
			// ("As of May 1, 2024. ♦: tuition exemption.", "As of May 1,
			// 2024 † Tuition exemption")
			return c.legendsIn(text[marks[0][0]:])
		}
		return nil // one mark inside a line: an entry's ("Tsinghua University ★ (…)")
	}
	if c.lx.Flag(text) == "" {
		// Only a legend with a verb or a separator may name no known flag
		// ("# denotes a partner in the consortium").
		if !hasLegendVerb(text) {
			return nil
		}
		if m, def, ok := c.oneLegend(text, false); ok {
			return []legendDef{{m, def}}
		}
		return nil
	}
	m, def, ok := c.oneLegend(text, true)
	if ok && !strings.ContainsAny(def, markerSymbols) {
		return []legendDef{{m, def}}
	}
	// (A definition that holds markers may be several legends in a row.)
	if ls := c.bareLegends(text, marks); len(ls) > 0 {
		return ls
	}
	if ok {
		return []legendDef{{m, def}}
	}
	return nil
}

// bracketedMark matches namedMarkRe on a line whose mark at byte i stands
// in brackets: most lines with a mark inside are entries with none.
func bracketedMark(text string, i int) []string {
	before := strings.TrimRight(text[:i], " ")
	if !strings.HasSuffix(before, "(") && !strings.HasSuffix(before, "（") {
		return nil
	}
	return namedMarkRe.FindStringSubmatch(text)
}

// asOfOnly reports a text that is an as-of phrase and nothing more ("As of
// May 1, 2024"): a legend may follow it on its line.
func (c *docContext) asOfOnly(text string) bool {
	text = strings.TrimSpace(text)
	if text == "" || utf8.RuneCountInString(text) > 40 || !strings.ContainsAny(text, "0123456789０１２３４５６７８９") {
		return false // (a date has a figure; an entry before its mark seldom)
	}
	_, ok := c.parseAsOf(text)
	return ok
}

// sentenceEndsAt reports text whose part before byte i ends a sentence:
// a full stop after a figure, a word in lower case or a closing bracket
// ("2024.", "below.", "。"), then a space.
func sentenceEndsAt(text string, i int) bool {
	before := strings.TrimRight(text[:i], " \t\u3000")
	if len(before) == len(text[:i]) && !strings.HasSuffix(before, "。") {
		return false // (no space after a full stop)
	}
	if strings.HasSuffix(before, "。") {
		return true
	}
	before, ok := strings.CutSuffix(before, ".")
	if !ok || before == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return unicode.IsDigit(r) || unicode.IsLower(r) || r == ')' || r == '）'
}

// wordMarks returns where the markers that start a word of text (at its
// start, after a space or an opening bracket) begin and end, in pairs.
func wordMarks(text string) [][2]int {
	var out [][2]int
	atStart := true
	for i, r := range text {
		if atStart && (r == '*' || r == '#' || r >= utf8.RuneSelf && strings.ContainsRune(markerSymbols, r)) {
			if n := markerAt(text[i:]); n > 0 {
				out = append(out, [2]int{i, i + n})
			}
		}
		atStart = r == ' ' || r == '(' || r == '（' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' ||
			r >= utf8.RuneSelf && unicode.IsSpace(r)
	}
	return out
}

// addLegends adds the legends of a line to the legend of the section of
// the given level.
func (c *docContext) addLegends(ls []legendDef, level string) {
	for _, l := range ls {
		c.legend.add(l.marker, l.definition, c.lx.Flag(l.definition), level)
	}
}

// oneLegend reads a line that defines one marker; flagged says the line
// names a known flag (legendsIn has asked).
func (c *docContext) oneLegend(text string, flagged bool) (marker, definition string, ok bool) {
	if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(text, "(（ ")); !strings.ContainsRune(markerSymbols+"†‡", r) {
		return "", "", false // a legend starts with its marker (after a bracket or a footnote mark)
	}
	var m []string
	if hasLegendVerb(text) {
		m = legendRe.FindStringSubmatch(text)
	}
	if m == nil {
		// A bare legend's definition is the text but for its marker and
		// brackets: when the text names no flag, neither does it.
		if !flagged {
			return "", "", false
		}
		b := bareLegendRe.FindStringSubmatch(text)
		if b == nil || c.lx.Flag(b[2]) == "" || c.lx.IsInstitution(b[2]) {
			// (A name with a flag word in it is an entry: "* Peking
			// University (1999.11.10) ★ double degree".)
			return "", "", false
		}
		m = b
	}
	def := strings.TrimSpace(m[2])
	if len([]rune(def)) < 3 {
		return "", "", false
	}
	return canonicalMarker(m[1]), def, true
}

// bareLegends reads a line of bare legends: markers that each start a
// word, each followed by its definition up to the next (with or without
// a space between, brackets and separators around it trimmed). It is a
// legend line only when every definition names a known flag and no
// institution (an entry's name with a flag word in it is no definition),
// and no marker comes twice; text before the first marker (a title) only
// when there are two legends or more: an entry may end with one marker
// and a flag word ("… ※1 派遣のみ"), seldom with two.
func (c *docContext) bareLegends(text string, marks [][2]int) []legendDef {
	if len(marks) == 0 {
		return nil
	}
	title := strings.TrimSpace(strings.TrimRight(text[:marks[0][0]], "(（ "))
	if title != "" && len(marks) < 2 {
		return nil
	}
	var out []legendDef
	for k, mk := range marks {
		end := len(text)
		if k+1 < len(marks) {
			end = marks[k+1][0]
		}
		m := canonicalMarker(text[mk[0]:mk[1]])
		def := strings.Trim(text[mk[1]:end], " \t\u3000()（）:：=＝、,，;；")
		n := utf8.RuneCountInString(def)
		if n < 2 || n > 120 || c.lx.Flag(def) == "" || c.lx.IsInstitution(def) {
			return nil
		}
		for _, l := range out {
			if l.marker == m {
				return nil
			}
		}
		out = append(out, legendDef{m, def})
	}
	return out
}

// markerFolds are the full-width and spaced forms of markers.
var markerFolds = strings.NewReplacer("＊", "*", "∗", "*", "＃", "#", " ", "", "\u3000", "") // (∗: TeX's math asterisk, $^*$)

// canonicalMarker folds full-width and spaced forms of a marker.
func canonicalMarker(m string) string {
	m = markerFolds.Replace(m)
	var b strings.Builder
	for _, r := range m {
		if r >= '０' && r <= '９' {
			r = r - '０' + '0'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// add records a legend entry for a section level.
func (l *legend) add(marker, definition, flag, level string) {
	for _, e := range l.entries {
		if e.Marker == marker && e.Level == level {
			return
		}
	}
	f := flag
	if f == "" {
		f = "marker:" + marker
	}
	l.entries = append(l.entries, LegendEntry{Marker: marker, Flag: f, Text: definition, Level: level})
}

// flag maps a marker found on an entry of a section to its flag: the
// section's own legend first, then any legend of the document, else
// marker:<symbol>.
func (l *legend) flag(marker, level string) string {
	marker = canonicalMarker(marker)
	for _, e := range l.entries {
		if e.Marker == marker && e.Level == level {
			return e.Flag
		}
	}
	for _, e := range l.entries {
		if e.Marker == marker {
			return e.Flag
		}
	}
	return "marker:" + marker
}

// The markers before and after a text, and one marker. leadingMarkers,
// allMarkers and markerAt (rescan.go) scan for what the first and last
// match.
var (
	leadingMarkersRe  = lazyre.New(`^(?:(` + markerPattern + `)\s*)+`)
	trailingMarkersRe = lazyre.New(`(?:\s*(` + markerPattern + `))+$`)
	oneMarkerRe       = lazyre.New(markerPattern)
)

// splitMarkers removes markers standing before or after s and returns them.
// Markers inside the text are left alone.
func splitMarkers(s string) (rest string, markers []string) {
	rest, lead, trail := cutMarkers(s)
	if lead != "" {
		markers = append(markers, allMarkers(lead)...)
	}
	if trail != "" {
		markers = append(markers, allMarkers(trail)...)
	}
	for i, m := range markers {
		markers[i] = canonicalMarker(m)
	}
	return rest, markers
}

// countMarkers is len of what splitMarkers returns, with nothing made.
func countMarkers(s string) int {
	_, lead, trail := cutMarkers(s)
	return markersIn(lead) + markersIn(trail)
}

// cutMarkers cuts the markers standing before and after s: s without
// them, trimmed, and the runs of them before and after it.
func cutMarkers(s string) (rest, lead, trail string) {
	if noMarkerEnds(s) {
		return s, "", "" // (ASCII ends that are no space: nothing to trim either)
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return s, "", ""
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	// A marker starts with a symbol; one ends with a digit only after ※
	// ("※1"): a text ending in a year runs no expression.
	leading := isMarkerSymbol(first)
	trailing := isMarkerSymbol(last) || isMarkerRune(last) && strings.ContainsRune(s, '※')
	if !leading && !trailing {
		return s, "", "" // the common case, without running the expressions
	}
	if leading {
		if m := leadingMarkers(s); m != "" {
			lead = m
			s = strings.TrimSpace(s[len(m):])
		}
	}
	if trailing && s != "" {
		if m := trailingMarkers(s); m != "" {
			trail = m
			s = strings.TrimSpace(s[:len(s)-len(m)])
		}
	}
	return s, lead, trail
}

// isMarkerSymbol is strings.ContainsRune(markerSymbols, r), an ASCII r
// looked up in asciiMarkers.
func isMarkerSymbol(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiMarkers[r]&markerSymbol != 0
	}
	return strings.ContainsRune(markerSymbols, r)
}

// isMarkerRune is strings.ContainsRune(markerRunes, r), likewise.
func isMarkerRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiMarkers[r]&markerRune != 0
	}
	return strings.ContainsRune(markerRunes, r)
}

// applyMarkers turns markers into flags on r, saying where each stood.
func (c *docContext) applyMarkers(r *Record, markers []string, where string) {
	for _, m := range markers {
		f := c.legend.flag(m, r.Level)
		r.Flags = append(r.Flags, f)
		if where != "" {
			r.Repairs = append(r.Repairs, agreement.R(agreement.RepairMarker, m+"@"+where))
		}
	}
}
