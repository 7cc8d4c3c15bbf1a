package normalize

import "github.com/agreements/agreements/parser"

// consumeRows is the length from which a table's rows are let go once
// read when the normaliser consumes the document (Options.Consume): a
// short table costs little to hold, and its rows are read in full.
const consumeRows = 256

// rowsFreer lets go of the cells of a table's rows once the reading of
// its body has gone past them: those of the rows as read (tr.t) and of
// the rows as the document holds them, when joining wrapped rows made
// tr.t a copy. It keeps the rows that are read again later: the header
// rows, the row before the one being read (a row goes on from the one
// above it), the first row of every span that covers a later cell, and
// the last row (the next table's reading looks at it).
type rowsFreer struct {
	read, given []parser.Row
	keep        map[int]bool // ordinals (Row) of the rows kept
	done        int          // rows of read let go up to here
	doneGiven   int          // rows of given let go up to here
}

// rowsFreer returns the freer of tr's rows, given being the rows as the
// document holds them; nil (which frees nothing) unless the document is
// consumed and the table is long. The facts that are read from the whole
// table or document when first needed are read here, before any row is
// let go.
func (tr *tableReader) rowsFreer(given *parser.Table) *rowsFreer {
	c := tr.c
	from := consumeRows
	if c.opt.consumeFrom > 0 {
		from = c.opt.consumeFrom
	}
	if !c.opt.Consume || len(tr.t.Rows) < from {
		return nil
	}
	tr.categoriesNameUnits()
	c.unitsFirst()
	f := &rowsFreer{read: tr.t.Rows, given: given.Rows, keep: map[int]bool{}, done: tr.body}
	for i := range tr.body {
		f.keep[tr.t.Rows[i].Row] = true
	}
	for _, o := range tr.origin {
		f.keep[tr.t.Rows[o.row].Row] = true
	}
	f.keep[tr.t.Rows[len(tr.t.Rows)-1].Row] = true
	if len(given.Rows) > 0 {
		f.keep[given.Rows[len(given.Rows)-1].Row] = true
	}
	return f
}

// before lets go of the rows read before row i-1.
func (f *rowsFreer) before(i int) {
	if f == nil || i-1 <= f.done {
		return
	}
	for ; f.done < i-1; f.done++ {
		if r := &f.read[f.done]; !f.keep[r.Row] {
			r.Cells = nil
		}
	}
	upTo := f.read[i-1].Row // the ordinal of the row kept before the one being read
	for ; f.doneGiven < len(f.given) && f.given[f.doneGiven].Row < upTo; f.doneGiven++ {
		if r := &f.given[f.doneGiven]; !f.keep[r.Row] {
			r.Cells = nil
		}
	}
}

// letGo lets go of the cells of a table read whole, when the document is
// consumed: all but its last row's (the next table's reading looks at it).
// The facts read from the whole document when first needed are read
// before.
func (c *docContext) letGo(t *parser.Table) {
	if !c.opt.Consume || len(t.Rows) < 2 {
		return
	}
	c.unitsFirst()
	for i := range t.Rows[:len(t.Rows)-1] {
		t.Rows[i].Cells = nil
	}
}
