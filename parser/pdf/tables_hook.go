package pdf

import "github.com/agreements/agreements/parser"

// tableArea is a part of a page that a table covers: the text lines whose
// middle lies inside it are replaced by the table.
type tableArea struct {
	Page int // 1-based
	Box  parser.Box
}

// tableRegion is one logical table (possibly continued over several pages)
// with the page areas it covers.
type tableRegion struct {
	Table parser.Table
	Areas []tableArea
}

// findTables finds the tables on the pages. Placeholder: table detection
// (ruled and whitespace-aligned tables, stitching across page breaks)
// replaces it.
func findTables(pages []PageLayout) []tableRegion {
	_ = pages
	return nil
}
