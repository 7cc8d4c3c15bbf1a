package pdf

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkTextLayer reads the text layer of every peer-corpus PDF and
// reports pages per second; scripts/bench-textlayer.sh runs it beside
// pdftotext -layout on the same files.
func BenchmarkTextLayer(b *testing.B) {
	files, inputs := loadCorpus(b)
	pages := 0
	start := time.Now()
	for b.Loop() {
		for i, data := range inputs {
			// Documents that cannot be read (a fixture with an unknown
			// password) cost their attempt and add no pages.
			ps, _, _ := ReadLayout(files[i], data, Options{})
			pages += len(ps)
		}
	}
	b.ReportMetric(float64(pages)/time.Since(start).Seconds(), "pages/s")
}

// BenchmarkParse measures the whole extractor on the same files.
func BenchmarkParse(b *testing.B) {
	files, inputs := loadCorpus(b)
	for b.Loop() {
		for i, data := range inputs {
			_, _ = Parse(files[i], data, Options{})
		}
	}
}

// loadCorpus reads the benchmark's PDFs and sets the byte count and
// allocation reporting; it skips when there are none.
func loadCorpus(b *testing.B) ([]string, [][]byte) {
	b.Helper()
	files := corpusPDFs(b)
	var inputs [][]byte
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, data)
		size += int64(len(data))
	}
	if len(inputs) == 0 {
		b.Skip("no corpus PDFs")
	}
	b.ReportAllocs()
	b.SetBytes(size)
	return files, inputs
}

// BenchmarkParseFile parses the PDF that BENCH_PDF names (for profiling a
// large generated document: go test -bench ParseFile -cpuprofile ...).
func BenchmarkParseFile(b *testing.B) {
	benchFile(b, func(path string, data []byte) error {
		_, err := Parse(path, data, Options{})
		return err
	})
}

// BenchmarkParseHeldFile is BenchmarkParseFile the way the command's
// parse child reads a document: ParseHeld, its rows packed as each page
// is read, then every row filled.
func BenchmarkParseHeldFile(b *testing.B) {
	benchFile(b, func(path string, data []byte) error {
		h, err := ParseHeld(path, data, Options{})
		if err != nil {
			return err
		}
		h.fillAll()
		return nil
	})
}

// benchFile runs read on the PDF that BENCH_PDF names, once a loop.
func benchFile(b *testing.B, read func(path string, data []byte) error) {
	path := os.Getenv("BENCH_PDF")
	if path == "" {
		b.Skip("BENCH_PDF not set")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := read(path, data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseEach parses each corpus PDF on its own, one sub-benchmark
// a file, so that a change can be weighed file by file.
func BenchmarkParseEach(b *testing.B) {
	files, inputs := loadCorpus(b)
	for i, data := range inputs {
		b.Run(filepath.Base(files[i]), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				_, _ = Parse(files[i], data, Options{})
			}
		})
	}
}
