package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
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
		fmt.Fprintf(&b, "furniture p%d row=%d [%.1f %.1f %.1f %.1f] %s\n", l.Page, l.Row, l.Box().X0, l.Box().Y0, l.Box().X1, l.Box().Y1, strconv.Quote(l.Text))
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

// items returns the document's list items as "bullet text", and its lines
// as text, in reading order; tables are counted.
func items(doc *parser.Document) (its, lines []string, tables int) {
	for _, b := range doc.Blocks {
		if b.Table != nil {
			tables++
			continue
		}
		l := b.Line
		lines = append(lines, l.Text)
		if l.Role == parser.RoleItem {
			its = append(its, l.Bullet+" "+l.Text)
		}
	}
	return its, lines, tables
}

// Transcribed from gen.py's lists (the independent source of the PDFs).
var (
	chinaEntries = []string{"Nanjing University (1982)", "Jilin University (1985)",
		"Huazhong University of Science and Technology (1986)", "Tsinghua University (1989)",
		"Fudan University (1999)", "Xi'an Jiaotong University (1999)", "Zhejiang University (2000)",
		"Shanghai Jiao Tong University (2001)", "Tongji University (2001)", "Northeastern University (2001)",
		"Peking University (2002)", "Harbin Institute of Technology (2002)"}
	koreaEntries = []string{"Mokpo National University (1999)", "Gyeongsang National University (1999)",
		"Ewha Womans University (2002)", "Hanyang University (2004)", "Korea University (2006)",
		"Seoul National University (2006)", "Kyung Hee University (2007)", "Yonsei University (2008)"}
	cambodiaEntries = []string{"Royal University of Phnom Penh (2010)", "Royal University of Agriculture (2012)",
		"Royal University of Law and Economics (2013)"}
)

func withBullets(bullets []string, names ...[]string) []string {
	var out []string
	k := 0
	for _, group := range names {
		for i, n := range group {
			b := bullets[k]
			if b == "#" {
				b = strconv.Itoa(i+1) + "."
			}
			out = append(out, b+" "+n)
		}
		k++
	}
	return out
}

// TestListMarkersAreItems: a column of bullets, dashes or numbers set well
// apart from the text is a list (items with their bullet), never a
// two-column table, whatever the producer, font, bullet and indent.
func TestListMarkersAreItems(t *testing.T) {
	tests := []struct {
		name string
		want []string
	}{
		{"bullets-lo-serif", withBullets([]string{"•", "•"}, chinaEntries, koreaEntries)},
		{"bullets-lo-cjk", withBullets([]string{"■", "■", "#"},
			[]string{"同済大学 (2006.4.5)", "上海師範大学 (2006.2.28)", "中国人民大学 (2002.3.20)",
				"大連外国語大学 (2002.4.12)", "北京大学 (2005.4.1)", "復旦大学 (1999.10.1)"},
			[]string{"ソウル大学校 (2010.12.12)", "高麗大学校 (2003.6.1)", "延世大学校 (2004.9.15)", "梨花女子大学校 (2008.3.3)"},
			cambodiaEntries)},
		{"bullets-chromium", withBullets([]string{"•", "–", "#"}, chinaEntries, koreaEntries, cambodiaEntries)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			its, _, tables := items(parseList(t, tt.name))
			assert.Zero(t, tables)
			assert.Equal(t, tt.want, its)
		})
	}
}

// TestTwoColumnOrder: entries set in two columns read down the first
// column, then down the second.
func TestTwoColumnOrder(t *testing.T) {
	want := []string{"Inter-University Agreements", "China"}
	want = append(want, chinaEntries...)
	want = append(want, "Korea")
	want = append(want, koreaEntries...)
	want = append(want, "Indonesia", "Gadjah Mada University (1995)", "Institute of Technology Bandung (2008)",
		"University of Indonesia (2010)", "The list is updated every year.")
	for _, name := range []string{"twocol-lo", "twocol-chromium"} {
		t.Run(name, func(t *testing.T) {
			_, lines, tables := items(parseList(t, name))
			assert.Zero(t, tables)
			// A wrapped entry is two lines; the normaliser joins them.
			var joined []string
			for _, l := range lines {
				if strings.HasPrefix(l, "(") && len(joined) > 0 {
					joined[len(joined)-1] += " " + l
					continue
				}
				joined = append(joined, l)
			}
			assert.Equal(t, want, joined)
		})
	}
}

// TestRunningFurniture: a legend in the page header and an as-of date in
// the footer are kept out of the blocks and offered as furniture, once
// each.
func TestRunningFurniture(t *testing.T) {
	for _, name := range []string{"running-lo", "running-chromium"} {
		t.Run(name, func(t *testing.T) {
			doc := parseList(t, name)
			require.Len(t, doc.Furniture, 2)
			assert.Equal(t, "* indicates institutions with which we have mutually agreed to waive fees.", doc.Furniture[0].Text)
			assert.True(t, strings.HasPrefix(doc.Furniture[1].Text, "(as of May 1, 2021)"), doc.Furniture[1].Text)
			for _, f := range doc.Furniture {
				assert.Equal(t, 1, f.Page)
				assert.Positive(t, f.Row)
			}
			assert.Less(t, doc.Furniture[0].Row, doc.Furniture[1].Row)
			_, lines, tables := items(doc)
			assert.Equal(t, 1, tables)
			for _, l := range lines {
				assert.NotContains(t, l, "waive fees")
				assert.NotContains(t, l, "as of")
			}
			assert.Empty(t, doc.ImageOnlyPages)
		})
	}
}

// TestImageOnlyPages: a scanned page (an image, no text layer) is named;
// pages with text are not, whatever images they hold.
func TestImageOnlyPages(t *testing.T) {
	doc := parseList(t, "scanned")
	assert.Equal(t, []int{1}, doc.ImageOnlyPages)
	assert.Empty(t, doc.Blocks)
	for _, name := range []string{"bullets-lo-serif", "twocol-chromium"} {
		assert.Empty(t, parseList(t, name).ImageOnlyPages, name)
	}
	// A page of text with a picture, then a scan: only the scan.
	doc = parseList(t, "mixed")
	assert.Equal(t, []int{2}, doc.ImageOnlyPages)
	_, lines, _ := items(doc)
	assert.Contains(t, lines, "Inter-University Agreements")
}
