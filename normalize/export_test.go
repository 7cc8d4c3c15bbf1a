package normalize

import "github.com/agreements/agreements/parser"

// ConsumingAll is opt consuming the document with every table's rows let
// go once read, however short the table: for tests of that reading.
func ConsumingAll(opt Options) Options {
	opt.Consume, opt.consumeFrom = true, 1
	return opt
}

// EntryChecker returns, for a text read in the context of doc, whether
// the entry pre-check lets it through (mayBeEntry), whether the entry
// reader reads it as an entry (looksLikeEntry's verdict without the
// pre-check, from the whole reading), and the verdict readsAsEntry gives,
// which reads the names only when the details may say something.
func EntryChecker(doc *parser.Document) func(text string) (may, entry, reads bool) {
	c := newContext(doc, Options{Institution: "Tohoku University"})
	return func(text string) (bool, bool, bool) {
		e := c.readEntry(text, entryOpts{})
		v := e.partner != "" && e.partner != text && (!e.signed.IsZero() || e.level != "" || e.kind != "")
		return c.mayBeEntry(text), v, c.readsAsEntry(text)
	}
}

// LineTexts returns the texts of doc's lines as the list reader reads
// them: each alone, and joined with up to three lines after it as a
// wrapped entry is (opensEntry).
func LineTexts(doc *parser.Document) []string {
	var lines []string
	for _, b := range doc.Blocks {
		if b.Line != nil {
			lines = append(lines, clean(b.Line.Text))
		}
	}
	var out []string
	for i := range lines {
		out = append(out, lines[i])
		for k := i + 2; k <= len(lines) && k <= i+4; k++ {
			out = append(out, joinWrapped(lines[i:k]))
		}
	}
	return out
}

// ParseDocument parses a PDF or an HTML input (see parseDocument).
var ParseDocument = parseDocument
