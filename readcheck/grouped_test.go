package readcheck

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/audit/declared"
	"github.com/agreements/agreements/parser"
)

// TestGroupedRecords: the records given one at a time, in runs of a group
// and a group come back to, read back as the declared-total check reads
// them, group by group in the order of each group's first record.
func TestGroupedRecords(t *testing.T) {
	k := New(&parser.Document{File: "l.pdf"}, Options{})
	given := []agreement.Record{
		{HomeInstitution: "Tohoku University", Level: "university", Region: "Asia", Country: "China", CountryCode: "CN", Partner: "Peking University"},
		{HomeInstitution: "Tohoku University", Level: "university", Region: "Asia", Country: "China", CountryCode: "CN", Partner: "Fudan University"},
		{HomeInstitution: "Tohoku University", Level: "university", Region: "Asia", Country: "Korea", CountryCode: "KR", Partner: "Seoul National University"},
		{HomeInstitution: "Tohoku University", Level: "university", Region: "Asia", Country: "China", CountryCode: "CN", Partner: "Tsinghua University"},
		{HomeInstitution: "Tohoku University", Level: "department", Partner: "United Nations University"},
	}
	for i := range given {
		k.Record(&given[i])
	}
	k.c.res = &agreement.Result{Declared: []agreement.Declared{{Scope: "section", Count: 5}}}
	recs := k.declaredRecords()
	require.NotNil(t, recs)
	var got []declared.Fields
	for i := range recs.Len() {
		got = append(got, recs.At(i))
	}
	want := []declared.Fields{}
	for _, i := range []int{0, 1, 3, 2, 4} {
		r := given[i]
		want = append(want, declared.Fields{Home: r.HomeInstitution, Level: r.Level, Region: r.Region, Country: r.Country, Code: r.CountryCode, Partner: r.Partner})
	}
	assert.Equal(t, want, got)

	held := heldRecords(given)
	for i := range given {
		r := given[i]
		assert.Equal(t, declared.Fields{Home: r.HomeInstitution, Level: r.Level, Region: r.Region, Country: r.Country, Code: r.CountryCode, Partner: r.Partner}, held.At(i))
	}
	assert.Equal(t, len(given), held.Len())
}
