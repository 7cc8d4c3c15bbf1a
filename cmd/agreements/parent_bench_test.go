package main

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"testing"

	"github.com/agreements/agreements/agreement"

	"github.com/agreements/agreements/normalize"
	"github.com/agreements/agreements/output"
)

// benchDoc is a generated document the benchmarks of the command's side
// read: its name (the format goes by its extension) and its bytes.
type benchDoc struct {
	name, file string
	data       func() []byte
}

// benchDocs returns the generated documents of the given names: a ruled
// table and an unruled list of 300 pages, an HTML page of 2 MB, one table,
// and one whose region and country cells span their rows.
func benchDocs(names ...string) []benchDoc {
	all := []benchDoc{
		{"table300", "t.pdf", func() []byte { return synthTablePDF(300, 30) }},
		{"list300", "l.pdf", func() []byte { return synthListPDF(300, 40) }},
		{"html2MB", "p.html", func() []byte { return synthHTML(2 << 20) }},
		{"htmlSpans2MB", "s.html", func() []byte { return synthSpannedHTML(2 << 20) }},
	}
	var out []benchDoc
	for _, d := range all {
		if slices.Contains(names, d.name) {
			out = append(out, d)
		}
	}
	return out
}

// synthSpannedHTML is an HTML page of about size bytes: one table of
// regions and countries whose cells span their rows (a region over four
// countries, a country over five partners), partners with markers, dates
// in words.
func synthSpannedHTML(size int) []byte {
	months := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	regions := []string{"Asia", "Europe", "Africa", "North America"}
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Academic Exchange Agreements | Tohoku University</title></head><body>\n")
	b.WriteString("<h2>University Level Agreements</h2>\n<p>(as of May 1, 2021)</p>\n<table>\n<thead><tr><th>Region</th><th>Country</th><th>Partner Institution</th><th>Date of Conclusion</th></tr></thead>\n")
	for n := 0; b.Len() < size; n++ {
		b.WriteString("<tr>")
		if n%20 == 0 {
			fmt.Fprintf(&b, "<td rowspan=\"20\">%s</td>", regions[(n/20)%len(regions)])
		}
		if n%5 == 0 {
			fmt.Fprintf(&b, "<td rowspan=\"5\">%s</td>", synthCountries[(n/5)%len(synthCountries)])
		}
		marker := ""
		if n%3 == 0 {
			marker = " ★"
		}
		fmt.Fprintf(&b, "<td>* University of Example %d%s</td><td>%s %d, %d</td></tr>\n", n, marker, months[n%12], 1+n%28, 1980+n%40)
	}
	// (the last group's spans may reach past the table's end: cut, as a browser reads them)
	b.WriteString("</table>\n<p>* student exchange with tuition waived</p>\n</body></html>\n")
	return b.Bytes()
}

// replyBytes parses data in this process and returns the reply a parse
// child would write for it.
func replyBytes(b *testing.B, name string, data []byte) []byte {
	b.Helper()
	doc, err := parseDocument(name, data, nil)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := writeReplyOf(&buf, doc); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// benchReplies runs read on the reply of each document, one
// sub-benchmark a document and mode, throughput counted in reply bytes.
func benchReplies(b *testing.B, docs []benchDoc, modes []string, read func(reply []byte, mode string) error) {
	for _, d := range docs {
		reply := replyBytes(b, d.file, d.data())
		for _, mode := range modes {
			name := d.name
			if mode != "" {
				name += "/" + mode
			}
			b.Run(name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(reply)))
				for b.Loop() {
					if err := read(reply, mode); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkParent measures what the command does with a parse child's
// reply: decode it, normalise the document and write its records as
// NDJSON, on a generated ruled table, an unruled list and an HTML page.
// Each is read with the records held until the document is normalised
// and then written (held), and written as the normaliser emits them
// (emitted), as extract writes them.
func BenchmarkParent(b *testing.B) {
	benchReplies(b, benchDocs("table300", "list300", "html2MB", "htmlSpans2MB"), []string{"held", "emitted"}, func(reply []byte, mode string) error {
		return parentSide(bytes.NewReader(reply), io.Discard, mode == "emitted")
	})
}

// parentSide decodes a reply, normalises its document and writes the
// records to w as NDJSON: as the normaliser emits them, or all at once
// after it.
func parentSide(r io.Reader, w io.Writer, emit bool) error {
	doc, _, _, err := readReply(r)
	if err != nil {
		return err
	}
	opt := normalize.Options{Institution: "Tohoku University", Consume: true}
	if !emit {
		res, err := normalizeGuarded(doc, opt)
		if err != nil {
			return err
		}
		return output.WriteAllOptions(w, output.FormatNDJSON, output.Options{}, res.Records)
	}
	rw, err := output.NewWriterOptions(w, output.FormatNDJSON, output.Options{})
	if err != nil {
		return err
	}
	var werr error
	opt.Emit = func(r agreement.Record) {
		if werr == nil {
			werr = rw.Write(r)
		}
	}
	if _, err := normalizeGuarded(doc, opt); err != nil {
		return err
	}
	if werr != nil {
		return werr
	}
	return rw.Close()
}

// BenchmarkReadReply measures the decoding of a parse child's reply alone.
func BenchmarkReadReply(b *testing.B) {
	benchReplies(b, benchDocs("table300", "html2MB"), []string{""}, func(reply []byte, _ string) error {
		_, _, _, err := readReply(bytes.NewReader(reply))
		return err
	})
}

// BenchmarkWriteReply measures the encoding of a parse child's reply
// alone, from a document read in this process; the HTML page also as the
// child holds it (html2MB/held: its tables' rows made as they are
// written).
func BenchmarkWriteReply(b *testing.B) {
	for _, bc := range benchDocs("html2MB") {
		data := bc.data()
		b.Run(bc.name+"/held", func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				b.StopTimer()
				doc, held, err := parseHeldWith(bc.file, data, readOpts{})
				if err != nil {
					b.Fatal(err)
				}
				blocks := doc.Blocks
				doc.Blocks = nil
				buf.Reset()
				b.StartTimer()
				if err := writeReply(&buf, replyHead{Doc: doc}, blocks, held); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
	for _, bc := range benchDocs("table300", "html2MB") {
		doc, err := parseDocument(bc.file, bc.data(), nil)
		if err != nil {
			b.Fatal(err)
		}
		blocks := doc.Blocks
		doc.Blocks = nil
		var buf bytes.Buffer
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := writeReply(&buf, replyHead{Doc: doc}, blocks, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}
