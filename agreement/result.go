package agreement

// Result is what normalising one document gives: its records, and what the
// document says about itself that the records alone do not show (declared
// totals, the marker legend, lines it could not place), for the audit.
type Result struct {
	Records  []Record
	Declared []Declared
	Legend   []LegendEntry
	Unplaced []Unplaced
	AsOf     string
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

// Unplaced is a line or row that the normaliser could not turn into a
// record or into context for one.
type Unplaced struct {
	Page   int
	Row    int
	Text   string
	Reason string
}
