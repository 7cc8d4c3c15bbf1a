package pdf

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/parser/parsertest"
)

var update = flag.Bool("update", false, "rewrite golden files")

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	parsertest.CheckGolden(t, path, got, *update)
}

// dumpLayout renders pages of a text layer as canonical text: lines with
// their words, the first glyphs of each page and the ruling count.
func dumpLayout(pages []PageLayout, maxGlyphs int) []byte {
	var b bytes.Buffer
	box := func(x parser.Box) string {
		return fmt.Sprintf("%.1f %.1f %.1f %.1f", x.X0, x.Y0, x.X1, x.Y1)
	}
	for _, p := range pages {
		h, v := 0, 0
		for _, s := range p.Segments {
			if s.Horizontal() {
				h++
			} else {
				v++
			}
		}
		fmt.Fprintf(&b, "page %d size %.1fx%.1f glyphs=%d words=%d lines=%d segments=%dh/%dv\n",
			p.Number, p.Width, p.Height, len(p.Glyphs), len(p.Words), len(p.Lines), h, v)
		for _, l := range p.Lines {
			fmt.Fprintf(&b, "L [%s] {%s %.1f b=%t i=%t} %q\n", box(l.Box), l.Style.Font, l.Style.Size, l.Style.Bold, l.Style.Italic, l.Text())
			for _, w := range l.Words {
				glued := ""
				if w.Glued {
					glued = " glued"
				}
				fmt.Fprintf(&b, "  W [%s] %q%s\n", box(w.Box), w.Text, glued)
			}
		}
		for i, g := range p.Glyphs {
			if i >= maxGlyphs {
				break
			}
			fmt.Fprintf(&b, "G [%s] %s %.2f dir=%d r=%d %q\n", box(g.Box), g.Font, g.Size, g.Dir, g.Render, g.Text)
		}
	}
	return b.Bytes()
}

func TestGoldenLayout(t *testing.T) {
	cases := []struct {
		name, path string
		pages      []int
	}{
		{"twotables-cid-form", peerCorpus + "/tabula-java/twotables.pdf", nil},
		{"schools-rotated", peerCorpus + "/tabula-java/schools.pdf", []int{1}},
		{"chromium-ja-table", "testdata/chromium-ja-table.pdf", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := os.ReadFile(tc.path)
			if os.IsNotExist(err) && strings.HasPrefix(tc.path, peerCorpus) {
				t.Skip("peer corpus not present")
			}
			require.NoError(t, err)
			pages, perrs, err := ReadLayout(filepath.Base(tc.path), b, Options{Pages: tc.pages})
			require.NoError(t, err)
			require.Empty(t, perrs)
			checkGolden(t, filepath.Join("testdata", "golden", tc.name+".golden"), dumpLayout(pages, 60))
		})
	}
}

// TestGoldenParse pins the text lines Parse makes of the fixtures and test
// PDFs (furniture removal, bullets, styles), table detection left out.
func TestGoldenParse(t *testing.T) {
	inputs, _ := filepath.Glob("../../fixtures/*/input.pdf")
	extra, _ := filepath.Glob("testdata/*.pdf")
	inputs = append(inputs, extra...)
	require.NotEmpty(t, inputs)
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".pdf")
		if name == "input" {
			name = "fixture-" + filepath.Base(filepath.Dir(in))
		}
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(in)
			require.NoError(t, err)
			doc, err := parse(filepath.Base(in), b, Options{}, false)
			if _, serr := os.Stat(filepath.Join(filepath.Dir(in), "stderr.golden")); serr == nil {
				// A fixture meant to fail: a positioned error and no
				// document, or a document with pages that failed (a
				// fixture whose stderr holds only warnings about its
				// records reads without errors).
				var pe *parser.Error
				if err != nil {
					require.ErrorAs(t, err, &pe)
					assert.Nil(t, doc)
					return
				}
				for _, e := range doc.PageErrors {
					require.ErrorAs(t, e, &pe)
					assert.Positive(t, pe.Page)
				}
			}
			require.NoError(t, err)
			checkGolden(t, filepath.Join("testdata", "golden", "lines-"+name+".golden"), parser.Dump(doc))
		})
	}
}
