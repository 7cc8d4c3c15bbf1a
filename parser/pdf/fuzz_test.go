package pdf

import (
	"bytes"
	"errors"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// maxSeed bounds the corpus files used as seeds: the fuzzer mutates and
// minimises small inputs thousands of times faster than whole documents.
const maxSeed = 16 << 10

// FuzzParse checks that no input makes Parse panic or return anything but a
// *parser.Error.
func FuzzParse(f *testing.F) {
	for _, path := range corpusPDFs(f) {
		b, err := os.ReadFile(path)
		if err != nil || len(b) > maxSeed {
			continue
		}
		f.Add(b)
	}
	for _, b := range smallPDFs() {
		f.Add(b)
		// The same document with its cross-reference section pointing
		// at itself.
		f.Add(bytes.Replace(b, []byte("/Root 1 0 R >>"), []byte("/Root 1 0 R /Prev "+strconv.Itoa(bytes.LastIndex(b, []byte("xref\n")))+" >>"), 1))
		// With its first stream's /Length wrong (streamlen.go).
		f.Add(bytes.Replace(b, []byte("/Length "), []byte("/Length 1"), 1))
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
			plainMessage(t, err)
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
			plainMessage(t, e)
		}
	})
}

// badVerb is Go's mark of a value it could not format: "%!v(MISSING)",
// "%!d(string=x)", "%!(EXTRA int=1)". A bare "%!" is not one: messages
// quote the file, and a file may hold "%!" (a key "(50%!)").
var badVerb = regexp.MustCompile(`%!\pL?\(`)

// plainMessage fails when a message is in the library's or the runtime's
// words (jargon), holds a control character, or runs past a line.
func plainMessage(t *testing.T, err error) {
	t.Helper()
	for _, line := range strings.Split(err.Error(), "; ") {
		for _, j := range jargon {
			if strings.Contains(line, j) {
				t.Fatalf("message in the library's words (%q): %s", j, line)
			}
		}
		if m := badVerb.FindString(line); m != "" {
			t.Fatalf("message holds a value Go could not format (%q): %s", m, line)
		}
		if strings.ContainsFunc(line, unicode.IsControl) || utf8.RuneCountInString(line) >= 400 {
			t.Fatalf("message not one printable line: %q", line)
		}
	}
}

func TestSmallPDFs(t *testing.T) {
	want := []string{"Exchange partners", "N. . .", "compressed", "in a form", "ab"}
	for i, b := range smallPDFs() {
		pages, perrs, err := ReadLayout("small.pdf", b, Options{})
		require.NoError(t, err, i)
		require.Empty(t, perrs, i)
		require.Len(t, pages, 1)
		var texts []string
		for _, l := range pages[0].Lines {
			texts = append(texts, l.Text())
		}
		require.Contains(t, texts, want[i], "document %d", i)
	}
}
