package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/agreements/agreements/normalize"
)

// BenchmarkExtract measures the whole extract path (sniff, parse, normalise)
// on every fixture document, reporting MB/s, pages/s and allocations.
func BenchmarkExtract(b *testing.B) {
	inputs, _ := filepath.Glob("../../fixtures/*/input.pdf")
	html, _ := filepath.Glob("../../fixtures/*/input.html")
	inputs = append(inputs, html...)
	if len(inputs) == 0 {
		b.Skip("no fixtures")
	}
	for _, in := range inputs {
		if _, err := os.Stat(filepath.Join(filepath.Dir(in), "stderr.golden")); err == nil {
			continue // a case meant to fail
		}
		data, err := os.ReadFile(in)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(filepath.Dir(in)), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			pages := 0
			for b.Loop() {
				doc, err := parseDocument("input", data, nil)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := normalize.Normalize(doc, normalize.Options{Institution: "Tohoku University"}); err != nil {
					b.Fatal(err)
				}
				pages += doc.Pages
			}
			if s := b.Elapsed().Seconds(); s > 0 && pages > 0 {
				b.ReportMetric(float64(pages)/s, "pages/s")
			}
		})
	}
}
