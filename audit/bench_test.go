package audit

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/names"
)

// syntheticList generates n records over 200 countries, with department
// duplicates of some partners and planted typos, deterministically.
func syntheticList(n int) []agreement.Record {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"Northern", "Southern", "Eastern", "Western", "Central", "Royal", "Free", "Open",
		"Catholic", "Polytechnic", "Technical", "Medical", "Agricultural", "Pedagogical", "Maritime", "Metropolitan"}
	cities := make([]string, 4000)
	for i := range cities {
		b := make([]byte, 5+rng.IntN(6))
		for j := range b {
			b[j] = byte('a' + rng.IntN(26))
		}
		b[0] -= 'a' - 'A'
		cities[i] = string(b)
	}
	recs := make([]agreement.Record, 0, n)
	for i := range n {
		c := i % 200
		name := fmt.Sprintf("%s %s University of %s", words[rng.IntN(len(words))], cities[rng.IntN(len(cities))], cities[(c*20+rng.IntN(20))%len(cities)])
		if i%97 == 0 { // typo: swap two letters
			r := []rune(name)
			r[2], r[3] = r[3], r[2]
			name = string(r)
		}
		r := agreement.Record{Schema: agreement.Schema, HomeInstitution: "Synthetic University",
			Level: agreement.LevelUniversity, Country: fmt.Sprintf("Country %d", c), CountryCode: fmt.Sprintf("%c%c", 'A'+c/26, 'A'+c%26),
			Partner: name, Signed: fmt.Sprintf("%d-%02d-%02d", 1960+rng.IntN(64), 1+rng.IntN(12), 1+rng.IntN(28)),
			AsOf: "2024-05-01", Flags: []string{}, Repairs: []string{"date:YYYY.M.D"},
			Source: agreement.Source{File: "synthetic.ndjson", SHA256: testSHA, Format: "html", Row: i + 1}}
		if i%3 == 0 {
			r.Level, r.HomeUnit = agreement.LevelDepartment, "GS Engineering"
		}
		r.ID = agreement.ComputeID(r)
		recs = append(recs, r)
	}
	return recs
}

// BenchmarkAudit100k audits a 100,000-record list (generated, not
// committed). Near-duplicate detection uses n-gram blocking, so this stays
// in seconds where comparing all pairs within each country would not.
func BenchmarkAudit100k(b *testing.B) {
	recs := syntheticList(100_000)
	b.ReportAllocs()
	for b.Loop() {
		rep := Run([]Input{{Name: "synthetic.ndjson", Result: &agreement.Result{Records: recs}}}, Options{})
		if rep.Summary.Records != len(recs) {
			b.Fatalf("audited %d records, want %d", rep.Summary.Records, len(recs))
		}
	}
}

func BenchmarkClusters(b *testing.B) {
	recs := syntheticList(20_000)
	nameList := make([]string, len(recs))
	for i, r := range recs {
		nameList[i] = r.Partner
	}
	b.ReportAllocs()
	for b.Loop() {
		names.Clusters(nameList)
	}
}
