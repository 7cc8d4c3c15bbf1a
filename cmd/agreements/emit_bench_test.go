package main

import (
	"bytes"
	"io"
	"testing"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/normalize"
	"github.com/agreements/agreements/output"
)

// BenchmarkParentEmit is BenchmarkParent two ways: the records held until
// the document is normalised and then written (held), and written as the
// normaliser emits them (emitted), as extract writes them.
func BenchmarkParentEmit(b *testing.B) {
	for _, bc := range []struct {
		name string
		file string
		data func() []byte
	}{
		{"table300", "t.pdf", func() []byte { return synthTablePDF(300, 30) }},
		{"html2MB", "p.html", func() []byte { return synthHTML(2 << 20) }},
	} {
		reply := replyBytes(b, bc.file, bc.data())
		for _, mode := range []string{"held", "emitted"} {
			b.Run(bc.name+"/"+mode, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(reply)))
				for b.Loop() {
					if err := parentSideEmit(bytes.NewReader(reply), io.Discard, mode == "emitted"); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func parentSideEmit(r io.Reader, w io.Writer, emit bool) error {
	if !emit {
		return parentSide(r, w)
	}
	doc, _, _, err := readReply(r)
	if err != nil {
		return err
	}
	rw, err := output.NewWriterOptions(w, output.FormatNDJSON, output.Options{})
	if err != nil {
		return err
	}
	var werr error
	opt := normalize.Options{Institution: "Tohoku University", Consume: true, Emit: func(r agreement.Record) {
		if werr == nil {
			werr = rw.Write(r)
		}
	}}
	if _, err := normalizeGuarded(doc, opt); err != nil {
		return err
	}
	if werr != nil {
		return werr
	}
	return rw.Close()
}
