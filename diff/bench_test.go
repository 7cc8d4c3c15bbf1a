package diff

import (
	"fmt"
	"testing"

	"github.com/agreements/agreements/agreement"
)

// BenchmarkCompare100k compares two 100,000-record snapshots, the new one
// with 1% changed, 0.5% removed and 0.5% added (generated, not
// committed); scripts/genrecords writes such files for the command.
func BenchmarkCompare100k(b *testing.B) {
	const n = 100_000
	old := make([]agreement.Record, 0, n)
	cur := make([]agreement.Record, 0, n)
	for i := range n {
		r := rec(uni, []string{"CN", "EE", "TH", "IT", "FR"}[i%5], fmt.Sprintf("University %d of Somewhere", i), fmt.Sprintf("%d-05-01", 1960+i%60))
		r.Source.Row = i + 1
		old = append(old, r)
		switch {
		case i%200 == 0: // removed
			continue
		case i%200 == 1: // added
			cur = append(cur, rec(uni, "FR", fmt.Sprintf("New Partner %d", i), "2024"))
		case i%100 == 2: // changed
			r.Signed = "2024-01-01"
		}
		r.AsOf = "2024-05-01"
		cur = append(cur, r)
	}
	b.ReportAllocs()
	for b.Loop() {
		d := Compare("old.ndjson", old, "new.ndjson", cur)
		if d.Summary.Old != len(old) {
			b.Fatalf("compared %d records, want %d", d.Summary.Old, len(old))
		}
	}
}
