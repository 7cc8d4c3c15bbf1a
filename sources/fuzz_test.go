package sources

import (
	"os"
	"testing"
)

// FuzzParse: no sources file makes Parse panic; a file it accepts has
// sources that each have a name and one location.
func FuzzParse(f *testing.F) {
	if b, err := os.ReadFile("../examples/sources.toml"); err == nil {
		f.Add(b)
	}
	f.Add([]byte("[[source]]\nname = \"a\"\nurl = \"http://x/\"\nmax_removed = \"20%\"\n"))
	f.Add([]byte("[[source]]\nname = \"a\"\npath = \"p\"\nmax_removed = 0.5\nlink = \"(\"\n"))
	f.Add([]byte("[source]\nname = 1"))
	f.Fuzz(func(t *testing.T, b []byte) {
		file, err := Parse("s.toml", b)
		if err != nil {
			return
		}
		for _, s := range file.Sources {
			if s.Name == "" || (s.URL == "") == (s.Path == "") {
				t.Fatalf("accepted a source without a name or with not exactly one location: %+v", s)
			}
			if th := s.Threshold(); th < 0 || th > 1 {
				t.Fatalf("threshold %v", th)
			}
		}
	})
}
