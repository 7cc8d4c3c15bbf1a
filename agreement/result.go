package agreement

import (
	"fmt"
	"strings"
)

// Result is what normalising one document gives: its records, and what the
// document says about itself that the records alone do not show (declared
// totals, the marker legend, lines it could not place), for the audit.
type Result struct {
	Records  []Record
	Declared []Declared
	Legend   []LegendEntry
	Unplaced []Unplaced
	// Unread are the columns of tables that hold text beside records but
	// that no header names: the records go without that text.
	Unread []UnreadColumn
	AsOf   string
	// Warnings are the doubts about the read: what looks wrong with it
	// (a declared total not met, rows that made no record, no text layer).
	Warnings []Warning
}

// Warning is one doubt about a read, with where it points.
type Warning struct {
	Kind    string // stable name: "declared_total", "unplaced", "no_text_layer"...
	File    string
	Page    int // 0 when the document has no pages or the doubt is about all of it
	Row     int
	Message string
	// Fatal is set when the read cannot stand whatever the flags (a
	// document that is only scanned images).
	Fatal bool
}

// String renders the warning as one line naming the file, page and row.
func (w Warning) String() string {
	var b strings.Builder
	b.WriteString(QuoteName(w.File))
	switch {
	case w.Page > 0 && w.Row > 0:
		fmt.Fprintf(&b, ": page %d row %d", w.Page, w.Row)
	case w.Page > 0:
		fmt.Fprintf(&b, ": page %d", w.Page)
	case w.Row > 0:
		fmt.Fprintf(&b, ": row %d", w.Row)
	}
	b.WriteString(": ")
	b.WriteString(w.Message)
	return b.String()
}

// Declared is a count the document states about itself.
type Declared struct {
	Level string // the section's level: university or department
	Scope string // "document", "region" or "country"
	Name  string // the region or country it counts ("" for the document)
	Count int
	Unit  string // what it says it counts: "institutions", "agreements", "countries"; "" when a bare number ("China (79)") does not say
	Text  string // the text it was read from
	Page  int
	Row   int
}

// LegendEntry is one marker the document defines.
type LegendEntry struct {
	Marker string // "*", "♦", "※1"
	Flag   string // the stable flag name, or "marker:<symbol>" when unknown
	Text   string // the definition as the document gives it
	Level  string // the section it was defined in ("" for the whole document)
}

// UnreadColumn is a column of one table whose header names no field the
// records have, though its cells beside records hold text.
type UnreadColumn struct {
	Page, Row int    // the first such cell's row
	Column    int    // counted from 1, left to right
	Header    string // the header's text over it ("" for none)
	Text      string // the first such cell's text
	Cells     int    // how many records had text beside them in it
}

// Unplaced is a line or row that the normaliser could not turn into a
// record or into context for one.
type Unplaced struct {
	Page   int
	Row    int
	Text   string
	Kind   UnplacedKind
	Reason string // the kind, said for people
}
