package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// dumpWithMetadata is parser.Dump followed by what the dump leaves out:
// the running headers and footers kept as metadata and the pages without
// a text layer.
func dumpWithMetadata(doc *parser.Document) []byte {
	var b bytes.Buffer
	b.Write(parser.Dump(doc))
	for _, l := range doc.Furniture {
		fmt.Fprintf(&b, "furniture p%d row=%d [%.1f %.1f %.1f %.1f] %s\n", l.Page, l.Row, l.Box.X0, l.Box.Y0, l.Box.X1, l.Box.Y1, strconv.Quote(l.Text))
	}
	for _, n := range doc.ImageOnlyPages {
		fmt.Fprintf(&b, "image-only p%d\n", n)
	}
	return b.Bytes()
}

// TestGoldenLists pins what Parse makes of the list-shaped documents in
// testdata/lists, made by real producers (gen.py there).
func TestGoldenLists(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/lists/*.pdf")
	require.NotEmpty(t, inputs)
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".pdf")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(in)
			require.NoError(t, err)
			doc, err := Parse(filepath.Base(in), b, Options{})
			require.NoError(t, err)
			checkGolden(t, filepath.Join("testdata", "lists", name+".golden"), dumpWithMetadata(doc))
		})
	}
}

func parseList(t *testing.T, name string) *parser.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "lists", name+".pdf"))
	require.NoError(t, err)
	doc, err := Parse(name+".pdf", b, Options{})
	require.NoError(t, err)
	return doc
}
