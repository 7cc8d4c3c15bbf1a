package workbook

import (
	"fmt"
	"io"
	"testing"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/output"
)

// BenchmarkWriteXLSX100k writes a workbook of 100,000 records (two
// repairs each): the size of the largest lists a store holds.
func BenchmarkWriteXLSX100k(b *testing.B) {
	recs := make([]agreement.Record, 100_000)
	for i := range recs {
		r := sample()
		r.Partner = fmt.Sprintf("University %d", i)
		r.Source.Row = i + 1
		recs[i] = r
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteAll(io.Discard, output.FormatXLSX, recs); err != nil {
			b.Fatal(err)
		}
	}
}
