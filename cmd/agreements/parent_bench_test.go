package main

import (
	"bytes"
	"io"
	"testing"

	"github.com/agreements/agreements/normalize"
	"github.com/agreements/agreements/output"
)

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

// BenchmarkParent measures what the command does with a parse child's
// reply: decode it, normalise the document and write its records as
// NDJSON, on a generated ruled table, an unruled list and an HTML page.
func BenchmarkParent(b *testing.B) {
	for _, bc := range []struct {
		name string
		file string
		data func() []byte
	}{
		{"table300", "t.pdf", func() []byte { return synthTablePDF(300, 30) }},
		{"list300", "l.pdf", func() []byte { return synthListPDF(300, 40) }},
		{"html2MB", "p.html", func() []byte { return synthHTML(2 << 20) }},
	} {
		reply := replyBytes(b, bc.file, bc.data())
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(reply)))
			for b.Loop() {
				if err := parentSide(bytes.NewReader(reply), io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func parentSide(r io.Reader, w io.Writer) error {
	doc, _, _, err := readReply(r)
	if err != nil {
		return err
	}
	res, err := normalizeGuarded(doc, normalize.Options{Institution: "Tohoku University", Consume: true})
	if err != nil {
		return err
	}
	return output.WriteAllOptions(w, output.FormatNDJSON, output.Options{}, res.Records)
}

// BenchmarkReadReply measures the decoding of a parse child's reply alone.
func BenchmarkReadReply(b *testing.B) {
	for _, bc := range []struct {
		name string
		file string
		data func() []byte
	}{
		{"table300", "t.pdf", func() []byte { return synthTablePDF(300, 30) }},
		{"html2MB", "p.html", func() []byte { return synthHTML(2 << 20) }},
	} {
		reply := replyBytes(b, bc.file, bc.data())
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(reply)))
			for b.Loop() {
				if _, _, _, err := readReply(bytes.NewReader(reply)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWriteReply measures the encoding of a parse child's reply
// alone, from a document read in this process.
func BenchmarkWriteReply(b *testing.B) {
	for _, bc := range []struct {
		name string
		file string
		data func() []byte
	}{
		{"table300", "t.pdf", func() []byte { return synthTablePDF(300, 30) }},
		{"html2MB", "p.html", func() []byte { return synthHTML(2 << 20) }},
	} {
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
