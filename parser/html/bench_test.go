package html

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// bigPage generates a page of about n bytes: a table of agreements with
// region and country cells spanning their rows, then the same entries as a
// grouped list.
func bigPage(n int) []byte {
	var b bytes.Buffer
	b.Grow(n + 1<<20) // room for the last table, so the page is not copied
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Agreements</title></head><body><h1>Academic Exchange Agreements</h1>\n")
	for t := 0; b.Len() < n; t++ {
		if t%2 == 0 {
			b.WriteString("<table><thead><tr><th>Region</th><th>Country</th><th>Partner Institution</th><th>Date of Conclusion</th></tr></thead><tbody>\n")
			for r := 0; r < 1000; r++ {
				b.WriteString("<tr>")
				if r%100 == 0 {
					b.WriteString("<td rowspan=\"100\">Asia</td>")
				}
				if r%10 == 0 {
					b.WriteString("<td rowspan=\"10\">China (10)</td>")
				}
				fmt.Fprintf(&b, "<td>* <a href=\"https://example.org/%d\">University number %d of Science and Technology</a>(外部サイト)</td><td>November %d, 1999</td></tr>\n", r, r, r%28+1)
			}
			b.WriteString("</tbody></table>\n")
		} else {
			b.WriteString("<h2>Europe</h2><h3>Germany</h3><ul>\n")
			for r := 0; r < 1000; r++ {
				fmt.Fprintf(&b, "<li>* Technische Universität Nummer %d<br>(2010.8.%d)</li>\n", r, r%28+1)
			}
			b.WriteString("</ul>\n")
		}
	}
	b.WriteString("<p>* indicates tuition waiver.</p></body></html>\n")
	return b.Bytes()
}

func BenchmarkParse50MB(b *testing.B) {
	page := bigPage(50 << 20)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("big.html", page, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseHeld50MB reads the 50 MB page as the parse child does:
// its tables held packed (ParseHeld), then their rows made 512 at a time,
// as the reply is written. Besides the time, it reports what the document
// holds once read (held-MiB: the live heap then, less the page's bytes
// and what was live before), against what Parse's document holds
// (whole-MiB).
func BenchmarkParseHeld50MB(b *testing.B) {
	page := bigPage(50 << 20)
	live := func() float64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapAlloc) / (1 << 20)
	}
	before := live()
	doc, err := Parse("big.html", page, Options{})
	if err != nil {
		b.Fatal(err)
	}
	whole := live() - before
	runtime.KeepAlive(doc)
	doc = nil
	before = live()
	h, err := ParseHeld("big.html", page, Options{})
	if err != nil {
		b.Fatal(err)
	}
	held := live() - before
	runtime.KeepAlive(h)
	h = nil
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		h, err := ParseHeld("big.html", page, Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, bl := range h.Document().Blocks {
			n, _ := h.RowCount(bl.Table)
			for i := 0; i < n; i += 512 {
				h.Rows(bl.Table, i, i+512)
				h.Recycle()
			}
		}
	}
	b.ReportMetric(held, "held-MiB")
	b.ReportMetric(whole, "whole-MiB")
}

func BenchmarkParseFixtures(b *testing.B) {
	var pages [][]byte
	n := 0
	for _, in := range fixtureInputs(b) {
		p := mustRead(b, in)
		pages = append(pages, p)
		n += len(p)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			if _, err := Parse("input.html", p, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// deepPage nests n elements of each of a few kinds, with text inside.
func deepPage(n int) []byte {
	var b strings.Builder
	b.WriteString("<p>before</p>")
	for _, tag := range []string{"<div>", "<table><tr><td>", "<b>", "<ul><li>"} {
		b.WriteString(strings.Repeat(tag, n/4))
	}
	b.WriteString("deep text<p>after</p>")
	return []byte(b.String())
}

func BenchmarkParseDeep10000(b *testing.B) {
	page := deepPage(10000)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("deep.html", page, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseOrdinaryPages reads the fixtures' pages and the layout
// matrix's HTML renderings (each under 8 KiB) as Parse does (read whole),
// and in segments of at least 64 KiB, 2 KiB and 512 bytes with no size
// threshold, so that the fast paths for segments (scan.go, plain.go,
// rows.go) are weighed on ordinary pages against the tree builder.
func BenchmarkParseOrdinaryPages(b *testing.B) {
	matrix, err := filepath.Glob("../../fixtures/matrix/*/input.html")
	if err != nil {
		b.Fatal(err)
	}
	var pages [][]byte
	n := 0
	for _, in := range append(fixtureInputs(b), matrix...) {
		p := mustRead(b, in)
		pages = append(pages, p)
		n += len(p)
	}
	for _, c := range []struct {
		name         string
		above, least int
	}{
		{"parse", segmentBytes, segmentMin},
		{"segments-64KiB", 1, 64 << 10},
		{"segments-2KiB", 1, 2 << 10},
		{"segments-512B", 1, 512},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range pages {
					if _, err := parseSegments("input.html", p, Options{}, c.above, c.least); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
