package normalize

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestFieldVals: a row's cells by field read as a map of them would, the
// fields in their order.
func TestFieldVals(t *testing.T) {
	var fv fieldVals
	fv.put(fSigned, val{text: "2001.4.1", col: 3})
	fv.put(fPartner, val{text: "University of Example", col: 1})
	fv.put(fCountry, val{text: "France", covered: true})
	fv.put(fNotes, val{})

	v, ok := fv.lookup(fPartner)
	assert.True(t, ok)
	assert.Equal(t, "University of Example", v.text)
	_, ok = fv.lookup(fRegion)
	assert.False(t, ok)
	assert.Equal(t, val{}, fv.get(fRegion))

	var fields []field
	for f := range fv.all() {
		fields = append(fields, f)
	}
	assert.Equal(t, []field{fCountry, fPartner, fSigned, fNotes}, fields)

	own := fv.own() // (a covered cell and an empty one hold no text of their own)
	assert.True(t, own.has(fPartner))
	assert.True(t, own.has(fSigned))
	assert.False(t, own.has(fCountry))
	assert.False(t, own.has(fNotes))
	assert.Equal(t, 2, own.len())
	assert.Equal(t, []field{fPartner, fSigned}, slices.Collect(own.all()))

	fv.reset()
	assert.Equal(t, 0, fv.set.len())
	assert.Equal(t, fieldVals{}, fv, "reset lets go of the cells' texts")
}
