package pdf

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// The damage TestRescues does to a good file, each the way files reach
// users broken: bytes before the header, a wrong or lost cross-reference
// table, a cut, junk after the end, flipped bytes, a wrong stream length.
var damages = []struct {
	name string
	do   func(b []byte, r *rand.Rand) []byte
}{
	{"leading bytes", func(b []byte, _ *rand.Rand) []byte { return append([]byte("HTTP/1.1 200 OK\r\n\r\n"), b...) }},
	{"startxref 0", func(b []byte, _ *rand.Rand) []byte {
		i := bytes.LastIndex(b, []byte("startxref"))
		if i < 0 {
			return nil
		}
		j := i + len("startxref")
		for j < len(b) && (b[j] == ' ' || b[j] == '\r' || b[j] == '\n') {
			j++
		}
		k := j
		for k < len(b) && b[k] >= '0' && b[k] <= '9' {
			k++
		}
		return slices.Concat(b[:j], []byte("0"), b[k:])
	}},
	{"offsets shifted", func(b []byte, _ *rand.Rand) []byte {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			return nil
		}
		return slices.Concat(b[:i+1], []byte("% a comment a tool added\n"), b[i+1:])
	}},
	{"xref table lost", func(b []byte, _ *rand.Rand) []byte {
		i := bytes.LastIndex(b, []byte("\nxref"))
		j := bytes.LastIndex(b, []byte("trailer"))
		if i < 0 || j < i {
			return nil
		}
		return slices.Concat(b[:i+1], b[j:])
	}},
	{"junk after EOF", func(b []byte, _ *rand.Rand) []byte { return append(slices.Clip(b), bytes.Repeat([]byte{0}, 4096)...) }},
	{"stream length wrong", func(b []byte, _ *rand.Rand) []byte {
		i := bytes.Index(b, []byte("/Length "))
		if i < 0 {
			return nil
		}
		return slices.Concat(b[:i+8], []byte("1"), b[i+8:]) // "/Length 812" → "/Length 1812"
	}},
	{"stream length short", func(b []byte, _ *rand.Rand) []byte {
		m := directLength.FindSubmatchIndex(b)
		if m == nil {
			return nil
		}
		n, _ := strconv.Atoi(string(b[m[2]:m[3]]))
		return slices.Concat(b[:m[2]], []byte(strconv.Itoa(n/2)), b[m[3]:]) // "/Length 812" → "/Length 406"
	}},
	{"stream length a dict", func(b []byte, _ *rand.Rand) []byte {
		m := directLength.FindSubmatchIndex(b)
		root := regexp.MustCompile(`/Root\s+(\d+\s+\d+\s+R)`).FindSubmatch(b)
		if m == nil || root == nil {
			return nil
		}
		return slices.Concat(b[:m[2]], root[1], b[m[3]:]) // "/Length 812" → "/Length 1 0 R", the catalog
	}},
	{"10 bytes flipped", func(b []byte, r *rand.Rand) []byte {
		c := bytes.Clone(b)
		for range 10 {
			c[r.IntN(len(c))] ^= 0x20
		}
		return c
	}},
	{"cut at 90%", func(b []byte, _ *rand.Rand) []byte { return b[:len(b)*9/10] }},
}

// directLength finds a direct /Length, its number the submatch.
var directLength = regexp.MustCompile(`/Length\s+(\d+)(?:[^\d\s]|\s+[^\d\s]|\s+\d+\s+[^R\d\s])`)

// TestRescues weighs the last-resort rewrite: every PDF under the
// directories in RESCUE_CORPUS (separated by ':') is damaged in each way
// above and read; the table says, per damage, how many reads needed no
// repair, how many the byte-level repairs mended, how many only the
// rewrite did, how many failed, and how many of the reads give the text
// of the undamaged file. Skipped unless RESCUE_CORPUS is set.
func TestRescues(t *testing.T) {
	dirs := os.Getenv("RESCUE_CORPUS")
	if dirs == "" {
		t.Skip("RESCUE_CORPUS not set")
	}
	var files []string
	for _, d := range strings.Split(dirs, ":") {
		require.NoError(t, filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() && strings.HasSuffix(strings.ToLower(p), ".pdf") {
				files = append(files, p)
			}
			return nil
		}))
	}
	text := func(doc *parser.Document) string {
		var s strings.Builder
		for _, b := range doc.Blocks {
			if b.Line != nil {
				s.WriteString(b.Line.Text)
			}
			if b.Table != nil {
				for _, r := range b.Table.Rows {
					for _, c := range r.Cells {
						s.WriteString(c.Text)
					}
				}
			}
		}
		return s.String()
	}
	type tally struct{ clean, bytes, rewrite, failed, sameText, rewriteSame int }
	counts := map[string]*tally{}
	var rescued []string
	used := 0
	for _, f := range files {
		orig, err := os.ReadFile(f)
		require.NoError(t, err)
		want, err := Parse(f, orig, Options{})
		if err != nil || len(want.Repairs) > 0 || len(want.Blocks) == 0 {
			continue // only good files with text are damaged
		}
		used++
		r := rand.New(rand.NewPCG(uint64(len(orig)), 7))
		for _, d := range damages {
			b := d.do(orig, r)
			if b == nil {
				continue
			}
			c := counts[d.name]
			if c == nil {
				c = &tally{}
				counts[d.name] = c
			}
			doc, err := Parse(f, b, Options{})
			switch {
			case err != nil:
				c.failed++
				continue
			case slices.Contains(doc.Repairs, "pdf:rewritten"):
				c.rewrite++
				rescued = append(rescued, d.name+": "+f)
			case len(doc.Repairs) > 0:
				c.bytes++
			default:
				c.clean++
			}
			if text(doc) == text(want) {
				c.sameText++
				if slices.Contains(doc.Repairs, "pdf:rewritten") {
					c.rewriteSame++
				}
			}
		}
	}
	var out strings.Builder
	fmt.Fprintf(&out, "%d good files with text, each damaged in %d ways\n", used, len(damages))
	fmt.Fprintf(&out, "%-20s %6s %7s %8s %7s %10s %15s\n", "damage", "clean", "bytes", "rewrite", "failed", "same text", "rewrite & same")
	for _, d := range damages {
		if c := counts[d.name]; c != nil {
			fmt.Fprintf(&out, "%-20s %6d %7d %8d %7d %10d %15d\n", d.name, c.clean, c.bytes, c.rewrite, c.failed, c.sameText, c.rewriteSame)
		}
	}
	for _, r := range rescued {
		fmt.Fprintf(&out, "rewritten: %s\n", r)
	}
	t.Log("\n" + out.String())
}
