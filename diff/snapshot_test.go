package diff

import (
	"errors"
	"fmt"
	"testing"

	"github.com/agreements/agreements/agreement"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The digest numbers the occurrences of an id as agreement.Keys does.
func TestDigestKeys(t *testing.T) {
	var recs []agreement.Record
	for i := range 60 {
		r := rec(uni, "CN", fmt.Sprintf("University %d", i%7), "2001")
		r.Source.Page, r.Source.Row = 3-i%4, (i*13)%5
		recs = append(recs, r)
	}
	d, err := read(Records("x", recs), newSeeds())
	require.NoError(t, err)
	assert.Equal(t, agreement.Keys(recs), d.keys())
}

// Two records digest alike exactly when compare finds no field that
// differs, as_of aside.
func TestDigestSum(t *testing.T) {
	s := newSeeds()
	base := rec(uni, "FR", "Université de Lyon", "2011", func(r *agreement.Record) { r.Flags = []string{"fee_waiver", "double_degree"} })
	for _, c := range []struct {
		name string
		edit func(*agreement.Record)
	}{
		{"flags in another order", func(r *agreement.Record) { r.Flags = []string{"double_degree", "fee_waiver", "fee_waiver"} }},
		{"provenance", func(r *agreement.Record) { r.Source.Row, r.Source.File, r.Repairs = 9, "b.pdf", []string{"x"} }},
		{"as_of", func(r *agreement.Record) { r.AsOf = "2030" }},
		{"signed", func(r *agreement.Record) { r.Signed = "2012" }},
		{"fee_waiver", func(r *agreement.Record) { r.FeeWaiver = true }},
		{"a flag fewer", func(r *agreement.Record) { r.Flags = []string{"fee_waiver"} }},
		{"text moved between fields", func(r *agreement.Record) { r.Partner, r.PartnerUnit = "Université de", " Lyon" }},
		{"partner_alt", func(r *agreement.Record) { r.PartnerAlt = "リヨン大学" }},
	} {
		r := base
		r.Flags = append([]string(nil), base.Flags...)
		c.edit(&r)
		assert.Equal(t, len(compare(&base, &r, true)) == 0, s.sum(&base) == s.sum(&r), c.name)
	}
}

// A snapshot read as it goes is read again for the records reported, and
// a file that changed in between is an error, as is an error of its
// reading, returned as it is.
func TestCompareSnapshots(t *testing.T) {
	old := []agreement.Record{rec(uni, "CN", "Peking University", "2001"), rec(uni, "TH", "Mahidol University", "2012")}
	cur := []agreement.Record{rec(uni, "CN", "Peking University", "2002"), rec(uni, "IT", "University of Padua", "2023")}
	reads := 0
	counted := Snapshot{Name: "old.ndjson", Each: func(fn func(agreement.Record) error) error {
		reads++
		return Records("", old).Each(fn)
	}}
	d, err := CompareSnapshots(counted, Records("new.ndjson", cur))
	require.NoError(t, err)
	assert.Equal(t, 2, reads)
	assert.Equal(t, Compare("old.ndjson", old, "new.ndjson", cur), d)

	// The file changes between its readings.
	reads = 0
	changing := Snapshot{Name: "old.ndjson", Each: func(fn func(agreement.Record) error) error {
		reads++
		if reads == 2 {
			return Records("", cur).Each(fn)
		}
		return Records("", old).Each(fn)
	}}
	_, err = CompareSnapshots(changing, Records("new.ndjson", cur))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "old.ndjson")
	assert.Contains(t, err.Error(), "changed while it was compared")

	bad := errors.New("old.ndjson: line 2: not a record")
	failing := Snapshot{Name: "old.ndjson", Each: func(fn func(agreement.Record) error) error { return bad }}
	_, err = CompareSnapshots(failing, Records("new.ndjson", cur))
	assert.Equal(t, bad, err)
}
