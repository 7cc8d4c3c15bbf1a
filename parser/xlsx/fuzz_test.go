package xlsx

import (
	"errors"
	"os"
	"testing"

	"github.com/agreements/agreements/parser"
)

// FuzzParse checks that no input makes Parse panic, and that every error
// is a *parser.Error.
func FuzzParse(f *testing.F) {
	for _, in := range fixtureInputs(f) {
		b, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add(hugeMerge(f))
	for _, s := range []string{"", "PK\x03\x04", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "<html>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse("fuzz.xlsx", b, Options{})
		if err != nil {
			var pe *parser.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error is not a *parser.Error: %v", err)
			}
			return
		}
		if doc == nil {
			t.Fatal("nil document without an error")
		}
	})
}
