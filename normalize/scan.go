package normalize

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/internal/ascii"
	"github.com/agreements/agreements/internal/lazyre"

	"github.com/agreements/agreements/parser"
)

// sectionLevel recognises a section title and the level of agreements it
// introduces: "University Level Agreements", "Department Level Agreements",
// "大学間協定", "部局間協定". A line that names an institution besides its
// level words is an entry, not a title ("Tsinghua University —
// School-to-school agreement").
func (c *docContext) sectionLevel(text string) (string, bool) {
	t := clean(text)
	if utf8.RuneCountInString(t) > 80 || bracketDepth(t) > 0 {
		// (a title is not cut inside brackets: "オーストラリア原子力科学技術機構
		// （ANSTO） (University-wide, 8 April" is an entry's first line)
		return "", false
	}
	// (The level's words first: most lines have none.)
	lv, ok := c.lx.LevelTitle(t)
	if !ok {
		return "", false
	}
	if parts := splitDash(t, 2); len(parts) == 2 && strings.TrimSpace(parts[0]) != "" {
		if _, only := c.lx.IsLevelOnly(parts[0]); !only {
			// "Korea Institute of Science and Technology (KIST) — 部局間協定
			// School-to-": a name, then its details: an entry's first line.
			return "", false
		}
	}
	return lv, true
}

// scan is the first pass: legend, "as of" date and declared totals,
// wherever they stand. Lines it reads are marked so the second pass skips
// them.
func (c *docContext) scan() {
	level := ""
	for i, b := range c.doc.Blocks {
		l := b.Line
		if l == nil {
			if b.Table != nil && c.asOf == "" {
				c.asOfUnderTable(b.Table)
			}
			if b.Table != nil {
				c.legendsUnderTable(b.Table, level)
			}
			continue
		}
		text := clean(l.Text)
		if isMarker(l.Bullet) {
			text = clean(l.Bullet + " " + text) // "* 授業料不徴収" with its mark taken for a bullet
		}
		if lv, ok := c.sectionLevel(text); ok && !looksLikeEntry(text) {
			level = lv
		}
		if ls := c.legendsIn(text); len(ls) > 0 {
			if len(ls) == 1 && i+1 < len(c.doc.Blocks) && c.doc.Blocks[i+1].Line != nil {
				if longer, ok := c.legendWrapped(ls[0].definition, l, c.doc.Blocks[i+1].Line); ok {
					ls[0].definition = longer
					c.consumed[c.doc.Blocks[i+1].Line.Row] = true
				}
			}
			c.addLegends(ls, level)
			c.asOfIn(text) // ("As of May 1, 2024. ♦: tuition exemption.")
			continue
		}
		c.asOfIn(text)
		if i+1 < len(c.doc.Blocks) && c.doc.Blocks[i+1].Line != nil && asOfOpens(text) {
			// "… (as of May" / "1, 2024)": the phrase wrapped; its second
			// line is no entry.
			next := c.doc.Blocks[i+1].Line
			if d, ok := c.parseAsOf(joinWrapped([]string{text, clean(next.Text)})); ok {
				if c.asOf == "" {
					c.asOf = d
				}
				if _, alone := c.parseAsOf(text); !alone || asOfTailRe.MatchString(clean(next.Text)) {
					c.consumed[next.Row] = true
				}
			}
		}
	}
	// Running headers and footers are no data, but a legend or the list's
	// date may stand there.
	for i, l := range c.doc.Furniture {
		text := clean(l.Text)
		if ls := c.legendsIn(text); len(ls) > 0 {
			if len(ls) == 1 && i+1 < len(c.doc.Furniture) {
				if longer, ok := c.legendWrapped(ls[0].definition, &l, &c.doc.Furniture[i+1]); ok {
					ls[0].definition = longer
				}
			}
			c.addLegends(ls, "")
			c.asOfIn(text)
			continue
		}
		c.asOfIn(text)
	}
}

// asOfIn takes the list's as-of date from a line, when none is known yet.
func (c *docContext) asOfIn(text string) {
	if c.asOf != "" {
		return
	}
	if d, ok := c.parseAsOf(text); ok {
		c.asOf = d
	}
}

// asOfUnderTable reads the list's as-of date where a table took it in: the
// last line of a cell of its last row, that line an as-of phrase (a line
// set under the table, right-aligned under its last column: "2019-02-23"
// / "（2021年5月1日現在）"; see tableReader.asOfOff).
func (c *docContext) asOfUnderTable(t *parser.Table) {
	if len(t.Rows) == 0 {
		return
	}
	for _, cell := range t.Rows[len(t.Rows)-1].Cells {
		if lines := cell.Lines(); len(lines) >= 2 {
			if d, ok := c.asOfLine(lines[len(lines)-1]); ok {
				c.asOf = d
				return
			}
		}
	}
}

// legendsUnderTable reads the legends a table took in: the last lines of
// a cell of the last row on each of its pages, legend lines ("Université
// de Genève *" / "* 授業料不徴収": a legend set under the table, as close
// as a cell's lines; see tableReader.legendsOffRows).
func (c *docContext) legendsUnderTable(t *parser.Table, level string) {
	for i, r := range t.Rows {
		if i+1 < len(t.Rows) && t.Rows[i+1].Page == r.Page {
			continue
		}
		for k := range r.Cells {
			lines := r.Cells[k].Lines()
			for _, l := range lines[len(lines)-trailingLegends(c, lines):] {
				c.addLegends(c.legendsIn(clean(l)), level)
			}
		}
	}
}

// asOfLine reads a cell's last line that is the list's as-of phrase, not
// a date alone ("（2021年5月1日現在）", not "2019-02-23"): a line set
// under a table that its last row took in.
func (c *docContext) asOfLine(line string) (string, bool) {
	line = clean(line)
	d, ok := c.parseAsOf(line)
	if !ok {
		return "", false
	}
	if _, err := c.parseDate(line, c.dateOptions()); err == nil {
		return "", false
	}
	return d, true
}

// legendWrapped reads a legend's definition that wrapped onto the next
// line ("(* indicates institutions with which … agreed to" / "waive
// fees.)"): the definition says no flag alone, and says one with the next
// line of the same page, which is no legend itself.
func (c *docContext) legendWrapped(def string, l, next *parser.Line) (string, bool) {
	if next.Page != l.Page {
		return def, false
	}
	nextText := clean(next.Text)
	longer := def + " " + nextText
	opened := bracketDepth(clean(l.Text)) > 0 && bracketDepth(clean(l.Text)+" "+nextText) == 0 && utf8.RuneCountInString(nextText) <= 40
	if !opened && (c.lx.Flag(def) != "" || c.lx.Flag(longer) == "") {
		// (the definition says its flag alone, or the next line adds
		// none; unless the legend's bracket closes on the next line:
		// "(* indicates … agreed to waive" / "fees.)")
		return def, false
	}
	if _, _, own := c.parseLegendLine(nextText); own {
		return def, false
	}
	return longer, true
}

// asOfOpenRe matches a line that ends where an as-of phrase begins, or
// inside one ("（2024年5月1日現" / "在）。").
// asOfOpens scans for its matches without compiling it (a test checks the
// two agree).
var asOfOpenRe = lazyre.New(`(?i)\b(?:as\s+(?:of|at)|updated)\b[^)）]*$|[0-9０-９年月日]\s*$|日現\s*$`)

// asOfOpens is asOfOpenRe.MatchString(text), scanned without the
// expression: the text ends in a digit, 年, 月, 日 or 日現 (white space after it
// aside), or holds "as of", "as at" or "updated" as words, in any case,
// with no closing bracket after them.
func asOfOpens(text string) bool {
	j := len(text)
	for j > 0 && asciiSpace(text[j-1]) {
		j--
	}
	switch r, _ := utf8.DecodeLastRuneInString(text[:j]); {
	case '0' <= r && r <= '9', '０' <= r && r <= '９', r == '年', r == '月', r == '日':
		return true
	case r == '現' && strings.HasSuffix(text[:j], "日現"):
		return true // "（2024年5月1日現" / "在）。": 現在 broken by the line's end
	}
	// Where the phrase may start: after the last closing bracket.
	from := strings.LastIndexByte(text, ')') + 1
	if k := strings.LastIndex(text, "）"); k >= 0 {
		from = max(from, k+len("）"))
	}
	for i := from; i < len(text); i++ {
		if i > 0 && asciiWord(text[i-1]) {
			continue // no word boundary
		}
		if e := asOfPhraseAt(text, i); e > 0 && (e == len(text) || !asciiWord(text[e])) {
			return true
		}
	}
	return false
}

// asOfPhraseAt is the end of "as of", "as at" (white space between) or
// "updated", in any case, at text[i:], or -1.
func asOfPhraseAt(text string, i int) int {
	if hasFoldASCII(text[i:min(i+len("updated"), len(text))], "updated") {
		return i + len("updated")
	}
	if i >= len(text) || text[i]|0x20 != 'a' {
		return -1
	}
	k := i + 1
	switch {
	case k < len(text) && text[k]|0x20 == 's':
		k++
	case strings.HasPrefix(text[k:], "ſ"):
		k += len("ſ")
	default:
		return -1
	}
	w := k
	for k < len(text) && asciiSpace(text[k]) {
		k++
	}
	if k == w || k+2 > len(text) {
		return -1
	}
	if two := text[k : k+2]; hasFoldASCII(two, "of") || hasFoldASCII(two, "at") {
		return k + 2
	}
	return -1
}

// asciiWord is a byte of the expressions' \w: an ASCII letter, digit or
// underscore.
func asciiWord(b byte) bool {
	return 'a' <= b|0x20 && b|0x20 <= 'z' || '0' <= b && b <= '9' || b == '_'
}

// asOfTailRe matches the second line of a wrapped as-of phrase: the rest of
// a date and a closing bracket.
var asOfTailRe = lazyre.New(`^(?:[0-9０-９,.\s年月日]{1,12}|[0-9０-９,.\s年月日]{0,12}現?在)[)）]?[。.]?$`)

// looksLikeEntry reports whether a line reads as a list entry: a name
// closed by its date in brackets, or a name with details the entry reader
// reads (a date after a comma or 締結, a level, a kind).
func (c *docContext) looksLikeEntry(text string) bool {
	if looksLikeEntry(text) {
		return true
	}
	if v, ok := c.entryLike[text]; ok {
		return v
	}
	// A text the pre-check refuses is refused whenever it is asked of
	// (mayBeEntry reads the text alone): the list reader asks of a line
	// several times, from the line, the look-ahead and the style checks.
	if c.noDetails[text] {
		return false
	}
	if !c.mayBeEntry(text) {
		remember(&c.noDetails, strings.Clone(text), true)
		return false
	}
	v := c.readsAsEntry(text)
	if c.entryLike == nil {
		c.entryLike = map[string]bool{}
	}
	c.entryLike[text] = v
	return v
}

// readsAsEntry is the entry reader's verdict on text: a partner's name,
// not the whole text, with a date, a level or a kind. The names are read
// only when the details may say one (detailsMayFollow): most texts that
// come here are prose, and the names cost the most to read.
func (c *docContext) readsAsEntry(text string) bool {
	opt := c.dateOptions()
	e, name := c.readEntryDetails(text, entryOpts{}, opt)
	if !e.said() && !c.detailsMayFollow(name, entryOpts{}, opt) {
		return false
	}
	e = c.readEntryNames(e, name, entryOpts{}, opt)
	return e.partner != "" && e.partner != text && e.said()
}

// mayBeEntry is false for a text the entry reader reads no date, level or
// kind in, found without reading it: every date it reads is a part of the
// text that holds a digit or 元 once folded (ParseDate), and every level
// or kind a part that holds one of the lexicon's words for them
// (MayNameDetail). Parts fold to runs of the text's folding, so the whole
// text holds them too.
func (c *docContext) mayBeEntry(text string) bool {
	if mayBeDate(text) || !ascii.Only(text) && mayBeDate(foldDate(text)) {
		return true // (an ASCII text folds for dates to itself, its spaces aside)
	}
	return c.lx.MayNameDetail(text)
}

// looksLikeEntry reports whether a line ends with a date in brackets.
func looksLikeEntry(text string) bool {
	_, _, ok := TrailingDate(text)
	return ok
}

// parseAsOf reads "(as of May 1, 2021)" or "2021年5月1日現在", standing
// alone or inside a sentence.
func (c *docContext) parseAsOf(text string) (string, bool) {
	if utf8.RuneCountInString(text) > 400 {
		return "", false
	}
	d, ok := c.lx.AsOf(text)
	if !ok {
		return "", false
	}
	// The phrase runs on after the date ("as of May 1, 2021, the
	// university has…"): the longest run of words that reads as a date.
	for _, cand := range []string{d, strings.Join(strings.Fields(d), "")} {
		if date, err := ParseDate(strings.TrimRight(strings.TrimSpace(cand), ",."), c.dateOptions()); err == nil {
			return date.ISO, true // "令和 3 年 5 月 1 日"
		}
	}
	words := strings.Fields(d)
	for n := min(len(words), 8); n > 0; n-- {
		cand := strings.TrimRight(strings.Join(words[:n], " "), ",.")
		if date, err := ParseDate(cand, c.dateOptions()); err == nil {
			return date.ISO, true
		}
	}
	return "", false
}

// totalWords mark a line that states counts of the list itself rather than
// mentioning a number in passing.
var totalWords = lazyre.New(`(?i)\b(?:total|in total|altogether|agreements? with)\b|合計|総数|計\s*[:：]?\s*[0-9０-９]|協定|現在|as of`)

// parseDeclared reads a line that states totals: "Total of 250
// institutions", "64 countries and regions, 481 institutions", "大学間協定
// 76校", "68大学(25カ国・地域)", or a sentence of them such as
// "university-wide agreements with 103 universities ... in 27 countries".
func (c *docContext) parseDeclared(text, level string, page, row int) []Declared {
	t := strings.TrimSpace(strings.Trim(clean(text), "()（）"))
	if utf8.RuneCountInString(t) > 600 {
		return nil
	}
	counts := c.lx.Totals(t)
	if len(counts) == 0 {
		return nil
	}
	if counts[0].Start > 0 && !totalWords.MatchString(t) {
		return nil
	}
	var out []Declared
	var own []bool // the count's phrase or sentence says its level
	subsets := c.lx.SubsetAt(t)
	for _, n := range counts {
		start, end := sentenceAround(t, n.Start)
		if inSubset(subsets, start, n.Start) {
			continue // "このうち、188大学と…": a part of the total before it
		}
		lv, said := level, c.lx.LevelsIn(t[start:end])
		switch {
		case n.Level != "":
			lv = n.Level
		case len(said) == 1:
			lv = said[0] // "51カ国の国・地域の201機関と197の大学間交流協定"
		case len(said) > 1:
			// "東北大学として計 206、…部局単位で計 407": the level said last
			// before the count.
			if l, ok := c.lx.LastLevel(t[start:n.Start]); ok {
				lv = l
			}
		}
		out = append(out, Declared{Level: lv, Scope: "section", Count: n.N, Unit: n.Unit, Text: text, Page: page, Row: row})
		own = append(own, n.Level != "" || len(said) > 0)
	}
	// A count of countries belongs to the level of the count before it
	// ("... with 103 universities in 27 countries").
	for i := 1; i < len(out); i++ {
		if !own[i] && (own[i-1] || out[i].Unit == "countries") {
			out[i].Level = out[i-1].Level
		}
	}
	// So does one that opens a line, of the count that ended the line
	// above: the sentence broke between them ("… school-to-school
	// agreements with 5 universities and research institutions in" / "1
	// countries and regions").
	if len(out) > 0 && !own[0] && out[0].Unit == "countries" && counts[0].Start == 0 {
		if n := len(c.res.Declared); n > 0 && c.res.Declared[n-1].Row == row-1 && c.res.Declared[n-1].Page == page {
			out[0].Level = c.res.Declared[n-1].Level
		}
	}
	// A count whose unit the sentence gives later ("計 206、…計 407 の海外学術
	// 機関") counts what the next count does; a count of countries says
	// nothing of the count before it.
	for i := len(out) - 2; i >= 0; i-- {
		if out[i].Unit == "" && out[i+1].Unit != "" && out[i+1].Unit != "countries" {
			out[i].Unit = out[i+1].Unit
		}
	}
	return out
}

// sentenceAround returns the byte offsets of the sentence of text that holds
// offset at: from after the last "。" or ". " before it to the next one.
func sentenceAround(text string, at int) (int, int) {
	start := 0
	for _, sep := range []string{"。", ". ", "．"} {
		if k := strings.LastIndex(text[:at], sep); k >= 0 && k+len(sep) > start {
			start = k + len(sep)
		}
	}
	end := len(text)
	for _, sep := range []string{"。", ". ", "．"} {
		if k := strings.Index(text[at:], sep); k >= 0 && at+k < end {
			end = at + k
		}
	}
	return start, end
}

// inSubset reports a count at offset at whose sentence (from start) has
// opened a subset clause before it.
func inSubset(subsets []int, start, at int) bool {
	for _, k := range subsets {
		if k >= start && k < at {
			return true
		}
	}
	return false
}

func atoi(s string) int {
	s = strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		if r == ',' {
			return -1
		}
		return r
	}, s)
	n, _ := strconv.Atoi(s)
	return n
}

// trailingCountRe matches a count after a name: "China (79)".
var trailingCountRe = lazyre.New(`\s*[(（]\s*([0-9０-９]+)\s*[)）]\s*$`)

// splitCount removes a trailing "(N)" count from a group name.
func splitCount(s string) (string, int, bool) {
	start, from, to, ok := trailingCountAt(s)
	if !ok {
		return s, 0, false
	}
	return strings.TrimSpace(s[:start]), atoi(s[from:to]), true
}

// trailingCountAt is trailingCountRe.FindStringSubmatchIndex(s) read from
// the end of s: where the match starts and where its digits are. Every
// part of the pattern is fixed once the end is: white space, a closing
// bracket, white space, the digits, white space, an opening bracket, and
// all the white space before it (the leftmost start).
func trailingCountAt(s string) (start, from, to int, ok bool) {
	space := func(i int) int {
		for i > 0 && (s[i-1] == ' ' || s[i-1] == '\t' || s[i-1] == '\n' || s[i-1] == '\f' || s[i-1] == '\r') {
			i--
		}
		return i
	}
	bracket := func(i int, ascii, wide string) int {
		switch {
		case strings.HasSuffix(s[:i], ascii):
			return i - len(ascii)
		case strings.HasSuffix(s[:i], wide):
			return i - len(wide)
		}
		return -1
	}
	i := bracket(space(len(s)), ")", "）")
	if i < 0 {
		return 0, 0, 0, false
	}
	to = space(i)
	i = to
	for i > 0 {
		if c := s[i-1]; c >= '0' && c <= '9' {
			i--
		} else if i >= 3 && s[i-3] == 0xEF && s[i-2] == 0xBC && s[i-1] >= 0x90 && s[i-1] <= 0x99 { // ０-９
			i -= 3
		} else {
			break
		}
	}
	if i == to {
		return 0, 0, 0, false
	}
	from = i
	i = bracket(space(i), "(", "（")
	if i < 0 {
		return 0, 0, 0, false
	}
	return space(i), from, to, true
}

// noteRe matches the start of a footnote or note: a reference mark, "Note",
// "注" (scanned by isNote, rescan.go).
var noteRe = lazyre.New(`(?i)^[(（]?\s*(?:[†‡]|※|注[:：)）]?|notes?\s*[:.]|indicated in parentheses)`)

// lineIsNote reports a line that is never an entry: a legend line, a
// footnote, an "as of" line.
func (c *docContext) lineIsNote(text string) bool {
	if _, _, ok := c.parseLegendLine(text); ok {
		return true
	}
	if _, ok := c.parseAsOf(text); ok && utf8.RuneCountInString(text) <= 60 {
		return true
	}
	if c.lx.IsChrome(text) {
		return true
	}
	return isNote(text)
}

// titleSepRe splits a page title into its segments. splitTitle scans for
// its matches without compiling it (a test checks the two agree).
var titleSepRe = lazyre.New(`\s+[|｜\-–—:：/]\s+|[|｜]`)

// splitTitle is titleSepRe.Split(s, -1) without the expression: s cut
// at each leftmost match, scanned left to right. At a run of ASCII white
// space the first branch matches when one separator and more white space
// follow the run; else a bar alone matches.
func splitTitle(s string) []string {
	if s == "" {
		return []string{""}
	}
	var parts []string
	beg := 0
	for i := 0; i < len(s); {
		if end := titleSepAt(s, i); end > i {
			parts = append(parts, s[beg:i])
			beg, i = end, end
			continue
		}
		i++
	}
	return append(parts, s[beg:])
}

// titleSepAt is the end of titleSepRe's match starting at i, or -1.
func titleSepAt(s string, i int) int {
	if asciiSpace(s[i]) {
		j := i
		for j < len(s) && asciiSpace(s[j]) {
			j++
		}
		if r, n := utf8.DecodeRuneInString(s[j:]); n > 0 && strings.ContainsRune("|｜-–—:：/", r) && r != utf8.RuneError {
			k := j + n
			for k < len(s) && asciiSpace(s[k]) {
				k++
			}
			if k > j+n {
				return k
			}
		}
	}
	switch {
	case s[i] == '|':
		return i + 1
	case strings.HasPrefix(s[i:], "｜"):
		return i + len("｜")
	}
	return -1
}

// asciiSpace is the expressions' \s: ASCII white space.
func asciiSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

// institutionFromTitle finds the publisher in a page title such as
// "学術交流協定校一覧 | 名古屋大学" or "Partner Universities - Kyoto University":
// the one segment that names an institution and not the list.
func (c *docContext) institutionFromTitle(title string) (string, bool) {
	parts := splitTitle(clean(title))
	found := ""
	for _, p := range parts {
		p = strings.TrimSpace(p)
		l := strings.ToLower(p)
		if p == "" || utf8.RuneCountInString(p) > 60 || !c.namesInstitution(l) || c.lx.IsListTitle(l) {
			continue
		}
		if found != "" && found != p {
			return "", false // two candidates: do not guess
		}
		found = p
	}
	return found, found != ""
}

// namesInstitution reports a title's segment that names an institution:
// "Kyoto University", "Universitas Indonesia", "Institut Teknologi
// Bandung".
func (c *docContext) namesInstitution(s string) bool {
	return c.lx.IsInstitution(s) || c.namesUniversity(s) || c.lx.OpensAsInstitution(s)
}

// titleLine reads a line that stands above a list or table: a section
// title that says the level, a declared total, an as-of date or a legend
// (the legend and as-of are read by the first pass too).
func (c *docContext) titleLine(text string, page, row int) {
	text = clean(text)
	if text == "" {
		return
	}
	c.noteOpening(text, page) // (a title said again over the next page's part)
	lv, section := c.sectionLevel(text)
	if section && !c.looksLikeEntry(text) {
		c.level = lv
	}
	if !section && (c.looksLikeEntry(text) || c.lx.IsInstitution(text) || c.namesUniversity(text)) {
		// An institution above the header may be a row of the body taken
		// for a title: say so, it makes no record.
		c.unplaced(page, row, text, agreement.UnplacedAboveHeader, "row above the table's header, read as its title")
	}
	if c.namesGroup(text) {
		// A region or country named above the table's header: the group
		// of the rows below.
		c.ensureList()
		c.heading(&parser.Line{Page: page, Row: row, Text: text, Role: parser.RoleHeading}, text)
		return
	}
	c.asOfIn(text)
	if ls := c.legendsIn(text); len(ls) > 0 {
		c.addLegends(ls, c.level)
		return
	}
	if d := c.parseDeclared(text, c.level, page, row); d != nil {
		c.res.Declared = append(c.res.Declared, d...)
	}
}
