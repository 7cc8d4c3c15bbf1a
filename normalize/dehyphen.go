package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// dehyphenate joins the words of s that a line break hyphenated inside a
// cell or an entry ("Technol-" / "ogy", which the lines' joining leaves
// "Technol-ogy"). A word with a hyphen between two lower-case letters
// that the document writes on no line of its own was made by that
// joining; its hyphen goes when the word without it is one the document
// writes elsewhere ("Technology"), or, unsure, when the part before it
// is no word it writes and its typesetter hyphenates ("Tu-" / "cuman": a
// proper name hyphenated, written once). A hyphen the document writes so ("School-to-school",
// "Co-operation" on a line of its own) stays. It returns the words it
// joined unsure, and whether it joined any.
func (c *docContext) dehyphenate(s string) (string, []string, bool) {
	if !strings.Contains(s, "-") {
		return s, nil, false
	}
	toks := strings.Split(s, " ")
	changed := false
	var unsure []string
	for k, tok := range toks {
		core := strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
		if !strings.Contains(core, "-") {
			continue
		}
		joined, sure, ok := c.joinedWord(core)
		if !ok {
			continue
		}
		if !sure {
			unsure = append(unsure, core)
		}
		toks[k] = strings.Replace(tok, core, joined, 1)
		changed = true
	}
	if !changed {
		return s, nil, false
	}
	return strings.Join(toks, " "), unsure, true
}

// joinedWord returns a word's core without its hyphens between two
// lower-case letters, when the document writes it with them on no line:
// sure when it writes the word without them; unsure, for one such hyphen,
// when it writes no word that is the part before it and its typesetter
// hyphenates words (hyphenates).
func (c *docContext) joinedWord(core string) (joined string, sure, ok bool) {
	var b strings.Builder
	var parts []string
	from := 0
	for i, r := range core {
		if r == '-' && i > 0 && i+1 < len(core) {
			before, _ := utf8.DecodeLastRuneInString(core[:i])
			after, _ := utf8.DecodeRuneInString(core[i+1:])
			if unicode.IsLower(before) && unicode.IsLower(after) {
				parts = append(parts, core[from:i])
				from = i + 1
				continue
			}
		}
		b.WriteRune(r)
	}
	if len(parts) == 0 {
		return "", false, false
	}
	parts = append(parts, core[from:])
	words := c.docWords()
	if _, ok := words[strings.ToLower(core)]; ok {
		return "", false, false // (written so on a line: a hyphen of the word's own)
	}
	joined = b.String()
	if _, ok := words[strings.ToLower(joined)]; ok {
		return joined, true, true
	}
	if len(parts) > 2 || !c.hyphenates() {
		// ("School-to-" / "school": hyphens of the word's own, one of
		// them broken; a document that shows no word hyphenated by its
		// typesetter breaks lines at hyphens of the words' own: "Yat-" /
		// "sen", as a browser sets "Sun Yat-sen")
		return "", false, false
	}
	if _, ok := words[strings.ToLower(parts[0])]; ok {
		return "", false, false // ("e-" / "learning": "e" a word the document writes)
	}
	return joined, false, true
}

// docWords is the set of the document's words as its lines and its
// cells' lines write them, folded to lower case, their leading and
// trailing marks taken off.
func (c *docContext) docWords() map[string]struct{} {
	if c.words != nil {
		return c.words
	}
	c.words = map[string]struct{}{}
	add := func(text string) {
		for _, tok := range strings.Fields(text) {
			core := strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' })
			if core != "" {
				c.words[strings.ToLower(core)] = struct{}{}
			}
		}
	}
	for _, b := range c.doc.Blocks {
		switch {
		case b.Line != nil:
			add(b.Line.Text)
		case b.Table != nil:
			for _, r := range b.Table.Rows {
				for k := range r.Cells {
					if cell := &r.Cells[k]; !cell.Covered {
						for _, l := range cell.Lines() { // (a cell's text joins its lines, hyphens taken in)
							add(l)
						}
					}
				}
			}
		}
	}
	return c.words
}

// hyphenates reports a document whose typesetter hyphenates words at
// line ends: two lines of a cell (or of one column in two rows), or two
// lines one under the other, the
// first ending in a hyphen after a lower-case letter and the next going
// on in lower case, make a word the document writes whole elsewhere
// ("pend-" / "ing" where "pending" stands on a line).
func (c *docContext) hyphenates() bool {
	if c.hyphenSeen != 0 {
		return c.hyphenSeen > 0
	}
	words := c.docWords()
	soft := func(a, b string) bool {
		fa, fb := strings.Fields(a), strings.Fields(b)
		if len(fa) == 0 || len(fb) == 0 {
			return false
		}
		head, ok := strings.CutSuffix(fa[len(fa)-1], "-")
		if !ok || head == "" {
			return false
		}
		last, _ := utf8.DecodeLastRuneInString(head)
		first, _ := utf8.DecodeRuneInString(fb[0])
		if !unicode.IsLower(last) || !unicode.IsLower(first) {
			return false
		}
		tail := strings.TrimRightFunc(fb[0], func(r rune) bool { return !unicode.IsLetter(r) })
		_, ok = words[strings.ToLower(strings.TrimLeftFunc(head, func(r rune) bool { return !unicode.IsLetter(r) })+tail)]
		return ok
	}
	c.hyphenSeen = -1
	var above string
	for _, b := range c.doc.Blocks {
		switch {
		case b.Line != nil:
			if soft(above, b.Line.Text) {
				c.hyphenSeen = 1
				return true
			}
			above = b.Line.Text
		case b.Table != nil:
			above = ""
			rows := b.Table.Rows
			for n, r := range rows {
				for k := range r.Cells {
					lines := r.Cells[k].Lines()
					if n > 0 && k < len(rows[n-1].Cells) && len(lines) > 0 {
						// (a cell's line wrapped onto a row of its own)
						if up := rows[n-1].Cells[k].Lines(); len(up) > 0 && soft(up[len(up)-1], lines[0]) {
							c.hyphenSeen = 1
							return true
						}
					}
					for i := 1; i < len(lines); i++ {
						if soft(lines[i-1], lines[i]) {
							c.hyphenSeen = 1
							return true
						}
					}
				}
			}
		}
	}
	return false
}
