package normalize

import "testing"

// BenchmarkCountryIndexBuild measures what building the country index
// from its data costs: what every process paid before its first lookup
// when the index was built at run time.
func BenchmarkCountryIndexBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if ix := buildCountryIndex(); len(ix.byKey) == 0 {
			b.Fatal("empty index")
		}
	}
}
