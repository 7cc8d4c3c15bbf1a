package normalize

import (
	"math"

	"github.com/agreements/agreements/parser"
)

// consumeRows is the length from which a table's rows are let go once
// read when the normaliser consumes the document (Options.Consume): a
// short table costs little to hold, and its rows are read in full.
const consumeRows = 256

// rowsFreer lets go of the cells of a table's rows once the reading of
// its body has gone past them: those of the rows as read (tr.t) and of
// the rows as the document holds them, when joining wrapped rows made
// tr.t a copy. It keeps the rows that are read again later: the header
// rows, the row before the one being read (a row goes on from the one
// above it), the first row of every merged cell (and the row above it)
// until the reading has gone past the last row the cell covers, and the
// last row (the next table's reading looks at it).
type rowsFreer struct {
	read, given []parser.Row
	until       map[int]int // ordinals (Row) of the rows kept: the last row read (index in read) that may need them, always for keptAlways
	waiting     []waitingRow
	done        int // rows of read let go up to here
	doneGiven   int // rows of given let go up to here
}

// keptAlways is the until of a row kept to the end of the table.
const keptAlways = math.MaxInt

// waitingRow is a row passed but kept until the reading has gone past
// row until.
type waitingRow struct {
	row   *parser.Row
	until int
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
	f := &rowsFreer{read: tr.t.Rows, given: given.Rows, until: map[int]int{}, done: tr.body}
	for i := range tr.body {
		f.until[tr.t.Rows[i].Row] = keptAlways
	}
	f.until[tr.t.Rows[len(tr.t.Rows)-1].Row] = keptAlways
	if len(given.Rows) > 0 {
		f.until[given.Rows[len(given.Rows)-1].Row] = keptAlways
	}
	tr.origin.each(func(o cellRef, last int) {
		// (the row above a merged cell's first is read with it: cutMergedCell)
		for k := max(o.row-1, 0); k <= o.row; k++ {
			if ord := tr.t.Rows[k].Row; f.until[ord] < last {
				f.until[ord] = last
			}
		}
	})
	return f
}

// before lets go of the rows read before row i-1 that no row from i-1
// on reads again.
func (f *rowsFreer) before(i int) {
	if f == nil || i-1 <= f.done {
		return
	}
	kept := f.waiting[:0]
	for _, w := range f.waiting {
		if w.until < i-1 {
			w.row.Cells = nil
		} else {
			kept = append(kept, w)
		}
	}
	clear(f.waiting[len(kept):])
	f.waiting = kept
	for ; f.done < i-1; f.done++ {
		f.pass(&f.read[f.done], i)
	}
	upTo := f.read[i-1].Row // the ordinal of the row kept before the one being read
	for ; f.doneGiven < len(f.given) && f.given[f.doneGiven].Row < upTo; f.doneGiven++ {
		f.pass(&f.given[f.doneGiven], i)
	}
}

// pass lets go of a row the reading of row i has gone past, or keeps it
// waiting until no later row reads it.
func (f *rowsFreer) pass(r *parser.Row, i int) {
	until, ok := f.until[r.Row]
	switch {
	case !ok || until < i-1:
		r.Cells = nil
	case until != keptAlways:
		f.waiting = append(f.waiting, waitingRow{r, until})
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
