package normalize

import (
	"iter"
	"math/bits"
)

// maxFields bounds the fields a row's cells are read into: a field past it
// (none is) would be read as fNone.
const maxFields = 32

// fieldSet is a set of fields.
type fieldSet uint32

func (s fieldSet) has(f field) bool { return int(f) < maxFields && s&(1<<f) != 0 }

func (s *fieldSet) add(f field) {
	if int(f) < maxFields {
		*s |= 1 << f
	}
}

// len is how many fields s holds.
func (s fieldSet) len() int { return bits.OnesCount32(uint32(s)) }

// all yields the fields of s, in their order.
func (s fieldSet) all() iter.Seq[field] {
	return func(yield func(field) bool) {
		for m := uint32(s); m != 0; m &= m - 1 {
			if !yield(field(bits.TrailingZeros32(m))) {
				return
			}
		}
	}
}

// fieldVals are the cells of one row by field: a table of every field,
// made once a table and filled again row by row, where a map costs a hash
// for every look-up of every row.
type fieldVals struct {
	set fieldSet
	v   [maxFields]val
	// described says a kind column's cell described the agreement's
	// scope (describesScope) and was left out.
	described bool
}

// get is the cell of field f, or the zero val when the row has none.
func (fv *fieldVals) get(f field) val {
	v, _ := fv.lookup(f)
	return v
}

// lookup is the cell of field f and whether the row has one.
func (fv *fieldVals) lookup(f field) (val, bool) {
	if !fv.set.has(f) {
		return val{}, false
	}
	return fv.v[f], true
}

// put sets the cell of field f.
func (fv *fieldVals) put(f field, v val) {
	if int(f) >= maxFields {
		f = fNone
	}
	fv.set.add(f)
	fv.v[f] = v
}

// reset empties fv, letting go of what its cells held.
func (fv *fieldVals) reset() {
	for f := range fv.set.all() {
		fv.v[f] = val{}
	}
	fv.set = 0
	fv.described = false
}

// all yields the fields of the row and their cells, in the fields' order.
func (fv *fieldVals) all() iter.Seq2[field, val] {
	return func(yield func(field, val) bool) {
		for f := range fv.set.all() {
			if !yield(f, fv.v[f]) {
				return
			}
		}
	}
}

// own returns the fields whose cells hold text of their own in the row.
func (fv *fieldVals) own() fieldSet {
	var s fieldSet
	for f := range fv.set.all() {
		if v := &fv.v[f]; v.text != "" && !v.covered {
			s.add(f)
		}
	}
	return s
}
