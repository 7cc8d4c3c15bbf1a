package normalize

import "github.com/agreements/agreements/parser"

// recordRoom is how many records a document can give at most in the usual
// case, one a line or table row, so that the records are made in one
// slice rather than copied each time it grows (a large table's records
// were allocated twice over). A line or row that gives several records
// only makes the slice grow as before.
func recordRoom(doc *parser.Document) int {
	n := 0
	for _, b := range doc.Blocks {
		switch {
		case b.Line != nil:
			n++
		case b.Table != nil:
			n += len(b.Table.Rows)
		}
	}
	return n
}
