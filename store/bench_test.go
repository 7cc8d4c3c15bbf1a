package store

import (
	"context"
	"fmt"
	"syscall"
	"testing"

	"github.com/agreements/agreements/agreement"
)

// synthetic returns n records of one list, as of asOf; every 100th record
// differs by its signing date from seed to seed.
func synthetic(n int, asOf string, seed int) []agreement.Record {
	countries := []struct{ name, code, region string }{
		{"China", "CN", "Asia"}, {"Germany", "DE", "Europe"}, {"United States", "US", "North America"},
		{"France", "FR", "Europe"}, {"Thailand", "TH", "Asia"}, {"Brazil", "BR", "Central and South America"},
	}
	recs := make([]agreement.Record, n)
	for i := range recs {
		c := countries[i%len(countries)]
		r := agreement.Record{
			Schema: agreement.Schema, HomeInstitution: "Bench University", Level: agreement.LevelUniversity,
			Region: c.region, Country: c.name, CountryCode: c.code,
			Partner: fmt.Sprintf("University of %s No. %d", c.name, i),
			Signed:  fmt.Sprintf("%04d-%02d-%02d", 1990+i%30, 1+i%12, 1+i%28),
			Flags:   []string{},
			AsOf:    asOf,
			Source:  agreement.Source{File: "bench.pdf", SHA256: fmt.Sprintf("%064d", seed), Format: "pdf", Page: 1 + i/50, Row: i},
			Repairs: []string{"date:YYYY-MM-DD"},
		}
		if i%3 == 0 {
			r.FeeWaiver = true
			r.Flags = []string{"fee_waiver"}
		}
		if seed > 0 && i%100 == 0 {
			r.Signed = fmt.Sprintf("%04d-01-01", 2000+seed)
		}
		r.ID = agreement.ComputeID(r)
		recs[i] = r
	}
	return recs
}

// BenchmarkLoad100k loads 100,000 records: into an empty database
// ("first"), and as the next year's snapshot of them with 1% changed
// ("next"). It reports records/s and the process's peak RSS.
func BenchmarkLoad100k(b *testing.B) {
	const n = 100_000
	first := synthetic(n, "2024-05-01", 0)
	next := synthetic(n, "2025-05-01", 1)
	for _, eng := range []struct {
		name string
		dsn  func(testing.TB) string
	}{{"sqlite", sqliteDSN}, {"postgres", postgresDSN}} {
		for _, step := range []string{"first", "next"} {
			b.Run(eng.name+"/"+step, func(b *testing.B) {
				ctx := context.Background()
				cpu := 0.0
				for b.Loop() {
					b.StopTimer()
					st, err := Open(ctx, eng.dsn(b))
					if err != nil {
						b.Fatal(err)
					}
					if step == "next" {
						if _, err := st.LoadSnapshot(ctx, SnapshotInput{File: "first.pdf", Format: "pdf", Records: first}, LoadOptions{}); err != nil {
							b.Fatal(err)
						}
					}
					recs := first
					if step == "next" {
						recs = next
					}
					c0 := cpuTime()
					b.StartTimer()
					res, err := st.LoadSnapshot(ctx, SnapshotInput{File: "bench.pdf", Format: "pdf", Records: recs}, LoadOptions{})
					b.StopTimer()
					cpu += cpuTime() - c0
					if err != nil {
						b.Fatal(err)
					}
					if step == "next" && res.Counts.Changed != n/100 {
						b.Fatalf("changed %d, want %d", res.Counts.Changed, n/100)
					}
					st.Close()
					b.StartTimer()
				}
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
				// on a shared machine the wall clock says little: CPU
				// seconds of this process (the server's are not counted)
				b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
				var ru syscall.Rusage
				if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
					b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB")
				}
			})
		}
	}
}

// cpuTime is the process's user and system CPU time so far, in seconds.
func cpuTime() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
