package declared

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
)

func rec(level, country, code, partner string) *agreement.Record {
	return &agreement.Record{HomeInstitution: "Tohoku University", Level: level, Country: country, CountryCode: code, Partner: partner}
}

// TestReconcile: every total has its reconciliation, in the order declared;
// those not met, and only they, a Missed that says where the total stands.
func TestReconcile(t *testing.T) {
	recs := []*agreement.Record{
		rec("university", "China", "CN", "Peking University"),
		rec("university", "China", "CN", "Fudan University"),
		rec("department", "China", "CN", "Fudan University"),
		rec("university", "Korea", "KR", "Seoul National University"),
	}
	decl := []agreement.Declared{
		{Level: "university", Scope: "country", Name: "China", Count: 2, Unit: UnitInstitutions},
		{Level: "university", Scope: "country", Name: "China", Count: 3, Unit: UnitInstitutions, Text: "China (3)", Page: 2, Row: 5},
		{Scope: "country", Name: "china", Count: 3, Unit: UnitAgreements},
		{Scope: "document", Count: 4},
		{Level: "university", Scope: "document", Count: 2, Unit: UnitCountries},
	}
	recon, missed := Reconcile("list.pdf", recs, decl, "")
	require.Len(t, recon, len(decl))
	var ok []bool
	var extracted []int
	for _, r := range recon {
		ok, extracted = append(ok, r.OK), append(extracted, r.Extracted)
		assert.Equal(t, "list.pdf", r.File)
	}
	assert.Equal(t, []bool{true, false, true, false, true}, ok)
	assert.Equal(t, []int{2, 2, 3, 3, 2}, extracted)
	assert.True(t, recon[3].Assumed, "the document does not say what it counts")

	require.Len(t, missed, 2)
	assert.Equal(t, Missed{Count: 1, Message: "China (university level): the list declares 3 institutions, 2 extracted; counted institutions as distinct partner names",
		File: "list.pdf", Level: "university", Value: "China (3)", Note: "country China", Country: "China", Page: 2, Row: 5,
		Declared: 3, Extracted: 2, Unit: UnitInstitutions}, missed[0])
	assert.Equal(t, "the document: the list declares 4 institutions, 3 extracted; counted institutions as distinct partner names "+
		"(the document does not say what it counts; assumed institutions); it would match if it counted agreements", missed[1].Message)
	assert.Equal(t, "whole document", missed[1].Note)

	recon, missed = Reconcile("figures.html", recs, decl[1:2], "figures")
	require.Len(t, missed, 1)
	assert.Equal(t, "figures", recon[0].From)
	assert.Equal(t, "the figures page (China) (university level): it declares 3 institutions, 2 extracted; counted institutions as distinct partner names", missed[0].Message)
}

// TestReconcileFoldedNames: partners are counted as distinct names folded
// as ids fold them (NFKC, case, white space), each record's key made once
// and shared by every total that speaks of it.
func TestReconcileFoldedNames(t *testing.T) {
	recs := []*agreement.Record{
		rec("university", "China", "CN", "Peking University"),
		rec("university", "China", "CN", "ＰＥＫＩＮＧ  university"),
		rec("university", "China", "CN", "Fudan University"),
		rec("university", "Japan", "JP", "Kyoto University"),
	}
	decl := []agreement.Declared{
		{Level: "university", Scope: "country", Name: "China", Count: 2},
		{Level: "university", Scope: "country", Name: "JP", Count: 1},
		{Scope: "document", Count: 3, Unit: UnitInstitutions},
		{Scope: "document", Count: 2, Unit: UnitCountries},
	}
	recon, missed := Reconcile("list.pdf", recs, decl, "")
	require.Len(t, recon, len(decl))
	var extracted []int
	for _, r := range recon {
		extracted = append(extracted, r.Extracted)
	}
	assert.Equal(t, []int{2, 1, 3, 2}, extracted)
	assert.Equal(t, UnitInstitutions, recon[0].Unit, "the per-group counts match as institutions")
	assert.Empty(t, missed)
}

// BenchmarkReconcile: a list of 2,000 records in 80 countries, each
// country's count declared, and the document's total.
func BenchmarkReconcile(b *testing.B) {
	var recs []*agreement.Record
	var decl []agreement.Declared
	for c := range 80 {
		country := fmt.Sprintf("Country %d", c)
		for p := range 25 {
			recs = append(recs, rec("university", country, fmt.Sprintf("C%d", c), fmt.Sprintf("University of Place %d-%d", c, p%20)))
		}
		decl = append(decl, agreement.Declared{Level: "university", Scope: "country", Name: country, Count: 20 + c%2})
	}
	decl = append(decl, agreement.Declared{Scope: "document", Count: 1600})
	b.ReportAllocs()
	for b.Loop() {
		Reconcile("list.pdf", recs, decl, "")
	}
}
