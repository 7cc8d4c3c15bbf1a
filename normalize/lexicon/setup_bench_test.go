package lexicon

import "testing"

// BenchmarkNew measures merging the four languages into one lexicon, as
// a fresh process would.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if lx := New(English, Japanese, Korean, Chinese); len(lx.headers) == 0 {
			b.Fatal("empty lexicon")
		}
	}
}
