package html

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// Large pages in the shapes of the fixtures, and the parse-only yardsticks
// our reader is measured against: the tokenizer alone (no tree) and the
// tree builder.

// fixturePage generates a page of about n bytes in the shape of one of the
// Tohoku fixtures ("table" or "list") or of the Nagoya one ("sjis", a
// table in Shift_JIS without a declared charset): the fixture's head and
// tail around its rows (table, sjis) or its region sections (list),
// repeated with each repetition's names numbered so that no two entries
// read the same.
func fixturePage(tb testing.TB, kind string, n int) []byte {
	tb.Helper()
	var dir, from, to string
	switch kind {
	case "table":
		dir, from, to = "html-tohoku-university-table", "</thead>\n", "</table>"
	case "list":
		dir, from, to = "html-tohoku-university-list", "<h2>", "<p class=\"note\">"
	case "sjis":
		dir, from, to = "html-nagoya-sjis", "<tr><td rowspan=\"9\">", "</table>"
	default:
		tb.Fatalf("page kind %q: want table, list or sjis", kind)
	}
	src := mustRead(tb, "../../fixtures/"+dir+"/input.html")
	i := bytes.Index(src, []byte(from))
	require.GreaterOrEqual(tb, i, 0, kind)
	i += len(from)
	if kind != "table" {
		i -= len(from)
	}
	j := bytes.Index(src[i:], []byte(to))
	require.GreaterOrEqual(tb, j, 0, kind)
	head, body, tail := src[:i], src[i:i+j], src[i+j:]
	var b bytes.Buffer
	b.Grow(n + len(body) + len(tail))
	b.Write(head)
	name := []byte("University")
	if kind == "sjis" {
		name = []byte("\x91\xe5\x8a\x77") // 大学 in Shift_JIS
	}
	for k := 0; b.Len()+len(tail) < n; k++ {
		b.Write(bytes.ReplaceAll(body, name, append(append([]byte(nil), name...), " "+strconv.Itoa(k)...)))
	}
	b.Write(tail)
	return b.Bytes()
}

// tokenize reads b with the tokenizer alone, touching every token.
func tokenize(b []byte) error {
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		switch z.Next() {
		case html.ErrorToken:
			if err := z.Err(); !errors.Is(err, io.EOF) {
				return err
			}
			return nil
		case html.StartTagToken, html.SelfClosingTagToken:
			_, attr := z.TagName()
			for attr {
				_, _, attr = z.TagAttr()
			}
		case html.TextToken:
			_ = z.Text()
		}
	}
}

// yardsticks are the readers compared, by name.
var yardsticks = []struct {
	name string
	read func([]byte) error
}{
	{"tokenizer", tokenize},
	{"tree", func(b []byte) error { _, err := html.Parse(bytes.NewReader(b)); return err }},
	{"reader", func(b []byte) error { _, err := Parse("page.html", b, Options{}); return err }},
}

// BenchmarkYardstick reads pages of 1 and 10 MB in the table and list
// shapes with the tokenizer alone, the tree builder and our reader.
func BenchmarkYardstick(b *testing.B) {
	for _, kind := range []string{"table", "list"} {
		for _, mb := range []int{1, 10} {
			page := fixturePage(b, kind, mb<<20)
			for _, y := range yardsticks {
				b.Run(fmt.Sprintf("%s/%dMB/%s", kind, mb, y.name), func(b *testing.B) {
					b.SetBytes(int64(len(page)))
					b.ReportAllocs()
					for b.Loop() {
						if err := y.read(page); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}

// TestWritePage writes a page for scripts/bench-html.sh when PAGE_OUT
// names a file: PAGE_KIND (table or list), PAGE_MB megabytes.
func TestWritePage(t *testing.T) {
	out := os.Getenv("PAGE_OUT")
	if out == "" {
		t.Skip("PAGE_OUT not set")
	}
	mb, err := strconv.Atoi(os.Getenv("PAGE_MB"))
	require.NoError(t, err, "PAGE_MB")
	require.NoError(t, os.WriteFile(out, fixturePage(t, os.Getenv("PAGE_KIND"), mb<<20), 0o644))
}

// TestReadPage reads the file PAGE_IN with the reader PAGE_READER (one of
// yardsticks) when both are set: scripts/bench-html.sh times it, in a
// process of its own, for the reader's peak memory.
func TestReadPage(t *testing.T) {
	in, name := os.Getenv("PAGE_IN"), os.Getenv("PAGE_READER")
	if in == "" || name == "" {
		t.Skip("PAGE_IN or PAGE_READER not set")
	}
	page := mustRead(t, in)
	for _, y := range yardsticks {
		if y.name == name {
			require.NoError(t, y.read(page))
			return
		}
	}
	t.Fatalf("PAGE_READER %q: no such reader", name)
}

// TestFixturePages: the generated pages read, with as many entries as
// repetitions.
func TestFixturePages(t *testing.T) {
	for _, kind := range []string{"table", "list", "sjis"} {
		page := fixturePage(t, kind, 64<<10)
		doc, err := Parse("page.html", page, Options{})
		require.NoError(t, err, kind)
		require.NotEmpty(t, doc.Blocks, kind)
	}
}
