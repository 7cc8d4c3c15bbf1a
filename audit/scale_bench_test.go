package audit

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/agreements/agreements/agreement"
)

// similarList is n records in one country whose partner names are alike:
// "templated" ("Partner University 000123"), "typos" (one real name with
// one or two letters changed) or "real-like" (the names of syntheticList,
// all in one country).
func similarList(shape string, n int) []agreement.Record {
	rng := rand.New(rand.NewPCG(3, 4))
	base := []rune("Universidad Nacional Autonoma de Mexico")
	var real []agreement.Record
	if shape == "real-like" {
		real = syntheticList(n)
	}
	recs := make([]agreement.Record, 0, n)
	for i := range n {
		var name string
		switch shape {
		case "templated":
			name = fmt.Sprintf("Partner University %06d", i)
		case "typos":
			s := append([]rune(nil), base...)
			for range 1 + rng.IntN(2) {
				s[rng.IntN(len(s))] = rune('a' + rng.IntN(26))
			}
			name = string(s)
		default:
			name = real[i].Partner
		}
		r := agreement.Record{Schema: agreement.Schema, HomeInstitution: "Synthetic University",
			Level: agreement.LevelUniversity, Country: "Mexico", CountryCode: "MX", Partner: name,
			Signed: fmt.Sprintf("%d-%02d-%02d", 1960+rng.IntN(64), 1+rng.IntN(12), 1+rng.IntN(28)),
			AsOf:   "2024-05-01", Flags: []string{}, Repairs: []string{},
			Source: agreement.Source{File: "similar.ndjson", SHA256: testSHA, Format: "html", Row: i + 1}}
		r.ID = agreement.ComputeID(r)
		recs = append(recs, r)
	}
	return recs
}

// BenchmarkAuditScale audits lists at the sizes that were slow: 100,000
// templated and real-like names, 200,000 similar names in one country and
// 1,000,000 records (generated, not committed). Run with -benchtime 1x;
// each figure is seconds, not minutes.
func BenchmarkAuditScale(b *testing.B) {
	for _, c := range []struct {
		name string
		recs func() []agreement.Record
	}{
		{"templated-100k", func() []agreement.Record { return similarList("templated", 100_000) }},
		{"real-like-100k", func() []agreement.Record { return similarList("real-like", 100_000) }},
		{"templated-200k", func() []agreement.Record { return similarList("templated", 200_000) }},
		{"typos-200k", func() []agreement.Record { return similarList("typos", 200_000) }},
		{"records-1M", func() []agreement.Record { return syntheticList(1_000_000) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			recs := c.recs() // only for the cases asked for
			for b.Loop() {
				rep := Run([]Input{{Name: "x.ndjson", Result: &agreement.Result{Records: recs}}}, Options{})
				if rep.Summary.Records != len(recs) {
					b.Fatalf("audited %d records, want %d", rep.Summary.Records, len(recs))
				}
			}
		})
	}
}
