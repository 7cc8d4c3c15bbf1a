package agreement

import "strings"

// RepairKind names a kind of repair. The kinds are stable: records carry
// them, and audits and scripts match them.
type RepairKind string

// The repairs the normaliser and the extractors make.
const (
	RepairDate            RepairKind = "date"            // a date read with this layout
	RepairDateUnread      RepairKind = "date_unread"     // a date cell that could not be read
	RepairValidityUnread  RepairKind = "validity_unread" // a term that could not be read
	RepairInheritedDate   RepairKind = "inherited_date"  // the date of the entry above, for a group of entries
	RepairWrappedLine     RepairKind = "joined_wrapped_line"
	RepairSplitRow        RepairKind = "joined_split_row"
	RepairFillDown        RepairKind = "fill_down"        // a merged or blank cell meaning "same as above"
	RepairFillUp          RepairKind = "fill_up"          // a blank cell over a merged cell set at the foot of its rows: "same as below"
	RepairMarker          RepairKind = "marker"           // a marker away from where the list puts them
	RepairCountryAlias    RepairKind = "country_alias"    // the list's own name for a country
	RepairCountryUnknown  RepairKind = "country_unknown"  // a name the country tables do not know
	RepairCountryInName   RepairKind = "country_in_name"  // the record's country written after the partner's name, taken off it
	RepairRegionAlias     RepairKind = "region_alias"     // the list's own name for a region
	RepairRegionUnknown   RepairKind = "region_unknown"   // a group the region tables do not know
	RepairLevel           RepairKind = "level"            // the level was assumed (assumed_university, assumed_department, from_sources)
	RepairInstitution     RepairKind = "home_institution" // the publisher read from the title (from_title)
	RepairColumnsPrevious RepairKind = "columns_from_previous_table"
	RepairColumnsCells    RepairKind = "column_from_cells" // a column whose header names no field, read by what its cells name (country, region)
	RepairSplitCell       RepairKind = "split_cell"        // a value read out of another field's cell
	RepairTypeDescription RepairKind = "type_description"  // a kind column's cell that describes the agreement's scope, not its kind: left out
	RepairHTML            RepairKind = "html"              // how an HTML page had to be read
	RepairPDF             RepairKind = "pdf"               // how a damaged PDF had to be repaired
	RepairDehyphenated    RepairKind = "dehyphenated"      // a word a line break hyphenated, joined whole
	RepairMarkColumn      RepairKind = "mark_column"       // a level or kind read from a mark ("○", "✓") in a column its header names (mark_column:level, mark_column:agreement_type)
)

// RepairKinds lists every kind of repair, once.
func RepairKinds() []RepairKind {
	return []RepairKind{RepairDate, RepairDateUnread, RepairValidityUnread, RepairInheritedDate, RepairWrappedLine,
		RepairSplitRow, RepairFillDown, RepairFillUp, RepairMarker, RepairCountryAlias, RepairCountryUnknown, RepairCountryInName, RepairRegionAlias,
		RepairRegionUnknown, RepairLevel, RepairInstitution, RepairColumnsPrevious, RepairColumnsCells, RepairSplitCell, RepairTypeDescription, RepairHTML, RepairPDF, RepairDehyphenated, RepairMarkColumn}
}

// Repair is one repair made to produce a record: its kind and what it
// concerned ("fill_down" of "partner", "date" read as "YYYY.M.D").
type Repair struct {
	Kind   RepairKind
	Detail string
}

// String renders the repair as records carry it: "kind:detail", or the
// kind alone.
func (r Repair) String() string {
	if r.Detail == "" {
		return string(r.Kind)
	}
	return string(r.Kind) + ":" + r.Detail
}

// R renders a repair of kind k with detail d, as records carry it.
func R(k RepairKind, d string) string { return Repair{k, d}.String() }

// ParseRepair reads a repair as records carry it.
func ParseRepair(s string) Repair {
	k, d, _ := strings.Cut(s, ":")
	return Repair{RepairKind(k), d}
}

// UnplacedKind says why a line or row made no record.
type UnplacedKind string

// Why lines and rows are unplaced.
const (
	UnplacedBeforeGroup  UnplacedKind = "before_group"  // an entry or row before any country heading
	UnplacedNoName       UnplacedKind = "no_name"       // an entry or row with no partner
	UnplacedUnknownGroup UnplacedKind = "unknown_group" // a heading no table knows
	UnplacedNoField      UnplacedKind = "no_field"      // text only in columns of no known field
	UnplacedNoHeader     UnplacedKind = "no_header"     // a table whose columns no header names
	UnplacedOutsideEntry UnplacedKind = "outside_entry" // text inside a group that is neither entry nor heading
	UnplacedAboveHeader  UnplacedKind = "above_header"  // a row naming an institution above a table's header, read as its title
	UnplacedBareGroup    UnplacedKind = "bare_group"    // one of several country headings in a row with no entry under any, and none anywhere
)
