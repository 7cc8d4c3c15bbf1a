package pdf

import (
	"errors"
	"os"
	"testing"

	"github.com/agreements/agreements/parser"
)

// FuzzParse checks that no input makes Parse panic or return anything but a
// *parser.Error.
func FuzzParse(f *testing.F) {
	for _, path := range corpusPDFs(f) {
		b, err := os.ReadFile(path)
		if err != nil || len(b) > 100<<10 {
			continue
		}
		f.Add(b)
	}
	if b, err := os.ReadFile("testdata/broken/xref-prev-cycle.pdf"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(""))
	f.Add([]byte("%PDF-1.4\n"))
	f.Add([]byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"))
	f.Add([]byte("<html><body>not a pdf</body></html>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse("fuzz.pdf", b, Options{})
		if err != nil {
			var pe *parser.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error is %T, not *parser.Error: %v", err, err)
			}
			return
		}
		if doc == nil {
			t.Fatal("nil document without an error")
		}
		for _, e := range doc.PageErrors {
			var pe *parser.Error
			if !errors.As(e, &pe) {
				t.Fatalf("page error is %T, not *parser.Error: %v", e, e)
			}
		}
	})
}
