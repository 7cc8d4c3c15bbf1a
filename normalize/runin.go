package normalize

import (
	"strings"
	"unicode/utf8"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/parser"
)

// A run-in group: a country's name, with its count perhaps, and its
// partners run on after it in one paragraph, parted by semicolons (or by
// Japanese and Chinese enumeration commas, or by commas where every part
// names an institution): "China (3): Nanjing University (1982); Jilin
// University (1985); Fudan University (2001)", "CHINA (14) Nanjing
// University (1982); …", "中国：北京大学、清華大学". The name is read as the
// country's heading, and each part as an entry of its own, which says
// split_cell:run_in.

// maxRunInLabel bounds the runes of a run-in group's name.
const maxRunInLabel = 60

// runInGroup splits a line into a country's name and the partners run in
// after it; false when the line is no such group (its start names no
// country, or what follows reads as no list of partners).
func (c *docContext) runInGroup(text string) (label, rest string, ok bool) {
	for _, cut := range runInCuts(text) {
		label, rest = strings.TrimSpace(text[:cut.at]), strings.TrimSpace(text[cut.at+cut.n:])
		if label == "" || rest == "" || utf8.RuneCountInString(label) > maxRunInLabel {
			continue
		}
		name, _, _ := groupText(label)
		if !c.readCountry(name).known {
			continue
		}
		if len(runInParts(rest, c, true)) == 0 {
			continue
		}
		return label, rest, true
	}
	return "", "", false
}

// runInCut is where a run-in group's name may end: at byte at, a
// separator of n bytes after it.
type runInCut struct{ at, n int }

// runInCuts returns where a line's run-in group's name may end, the
// likeliest first: a colon, a dash between spaces, or the count in
// brackets after the name ("CHINA (14) Nanjing University").
func runInCuts(text string) []runInCut {
	var cuts []runInCut
	limit := min(len(text), 4*maxRunInLabel)
	if i := strings.IndexAny(text[:limit], ":："); i > 0 {
		_, n := utf8.DecodeRuneInString(text[i:])
		cuts = append(cuts, runInCut{i, n})
	}
	for _, d := range []string{" – ", " — ", " - "} {
		if i := strings.Index(text[:limit], d); i > 0 {
			cuts = append(cuts, runInCut{i, len(d)})
		}
	}
	for i := 0; i < limit; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == ')' || r == '）' {
			if j := strings.LastIndexAny(text[:i], "(（"); j > 0 && isDigits(strings.TrimSpace(text[j+1:i])) {
				cuts = append(cuts, runInCut{i + n, 0})
				break
			}
		}
		i += n
	}
	return cuts
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// runInParts splits a run-in group's partners: at semicolons, at
// enumeration commas (、，), or at commas when every part names an
// institution or reads as an entry with its date (a name's own comma,
// "University of California, Berkeley", leaves a part that names none).
// Each part names an institution or reads as an entry; none when any
// does not, or one is longer than a name is. With partial, the text may
// be a paragraph's first line only, its last part cut by the line's end:
// that part is not asked to name anything, when there are others.
func runInParts(rest string, c *docContext, partial bool) []string {
	split := func(seps string) []string {
		var out []string
		for _, p := range strings.FieldsFunc(rest, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
			if p = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(p), ".")); p != "" {
				out = append(out, p)
			}
		}
		return out
	}
	// names: a part names an institution or a unit (a part after a
	// name's own comma, "Berkeley (2001)", names none); reads: or it reads
	// as an entry, its date after its name.
	names := func(p string) bool { return c.lx.IsInstitution(p) || c.lx.NamesUniversity(p) || c.lx.HasUnitWord(p) }
	reads := func(p string) bool { return names(p) || c.looksLikeEntry(p) }
	plausible := func(parts []string, ok func(string) bool) bool {
		for i, p := range parts {
			if partial && i == len(parts)-1 && i > 0 {
				break
			}
			if len(strings.Fields(p)) > 20 || !ok(p) {
				return false
			}
		}
		return len(parts) > 0
	}
	for _, seps := range []string{";；", "、，"} {
		if strings.ContainsAny(rest, seps) {
			if parts := split(seps); plausible(parts, reads) {
				return parts
			}
			return nil
		}
	}
	if parts := split(","); len(parts) >= 2 && plausible(parts, names) {
		return parts
	}
	if parts := []string{strings.TrimSpace(rest)}; plausible(parts, reads) {
		return parts
	}
	return nil
}

// runInGroupLine reads line l (text, its text) when it is a run-in group:
// the country's heading, then its partners as entries. It reports whether
// it was one.
func (c *docContext) runInGroupLine(l *parser.Line, text string) bool {
	label, rest, ok := c.runInGroup(text)
	if !ok {
		return false
	}
	c.flushList()
	c.heading(l, label)
	c.ensureList().entry = &pendingEntry{first: l, last: l, text: rest, parts: []string{rest}, lines: 1, runIn: true}
	return true
}

// runInGoesOn reports whether line text goes on with run-in entry e's
// partners (wrapped onto the next line): it reads as no group of its
// own, and e's text ends with a separator or inside a name (not after a
// bracket that closes a part's date), or the line holds a separator.
func (c *docContext) runInGoesOn(e *pendingEntry, text string) bool {
	if _, _, ok := c.runInGroup(text); ok || c.namesAGroup(text) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(e.text))
	return strings.ContainsRune(";；、，,", last) || last != ')' && last != '）' || strings.ContainsAny(text, ";；、")
}

// flushRunIn makes a record of each of a run-in group's partners.
func (c *docContext) flushRunIn(e *pendingEntry) {
	parts := runInParts(e.text, c, false)
	if len(parts) == 0 {
		c.unplaced(e.first.Page, e.first.Row, e.text, agreement.UnplacedOutsideEntry, "text outside any list entry or heading")
		return
	}
	for _, p := range parts {
		item := &pendingEntry{first: e.first, last: e.last, text: p, parts: []string{p}, lines: 1, split: agreement.R(agreement.RepairSplitCell, "run_in")}
		c.flushEntry(item)
	}
}
