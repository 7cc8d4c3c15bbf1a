package readcheck

import (
	"fmt"
	"testing"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/parser"
)

// BenchmarkRecord: the per-record checks on records of the usual shapes.
func BenchmarkRecord(b *testing.B) {
	recs := benchRecords()
	b.ReportAllocs()
	for b.Loop() {
		k := New(benchDoc(), Options{})
		for i := range recs {
			k.Record(&recs[i])
		}
	}
}

func benchDoc() *parser.Document { return &parser.Document{File: "l.pdf", Pages: 1} }

// benchRecords are 1,000 records: English and Japanese partners, some
// with a marker, a bracket, a date or several institution words.
func benchRecords() []agreement.Record {
	partners := []string{"University of Example %d", "Example Institute of Technology %d", "東北大学 %d", "国立台湾大学（%d）",
		"University College London %d", "Université de Lyon %d ★", "Foo University (2019.4.%d)"}
	recs := make([]agreement.Record, 1000)
	for i := range recs {
		recs[i] = agreement.Record{HomeInstitution: "Tohoku University", Level: agreement.LevelUniversity, Region: "Asia",
			Country: "China", CountryCode: "CN", Partner: fmt.Sprintf(partners[i%len(partners)], i), PartnerUnit: "School of Law",
			Repairs: []string{"fill_down:country"}, Source: agreement.Source{File: "l.pdf", Page: 1 + i/30, Row: 1 + i%30}}
	}
	return recs
}
