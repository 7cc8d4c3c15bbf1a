package html

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/agreements/agreements/parser"
)

// plainPieces are the markup random segments for the plain tree builder
// are made of: what list pages are written with, and what it leaves to
// the tree builder.
var plainPieces = []string{
	"<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>", "<h2>", "</h2>", "<h3 class=c>", "</h3>", "<p>", "</p>",
	"<div id=x>", "</div>", "<dl>", "</dl>", "<dt>", "</dt>", "<dd>", "</dd>", "<a href=\"/x\" target=_blank>",
	"</a>", "<span class=ext>", "</span>", "<b>", "</b>", "<strong>", "</strong>", "<br>", "<br/>", "<img src=x>",
	"<hr>", "<!-- c -->", "<!---->", "text", "Peking University", " ", "\n", "\r\n", "(1999.11.10)", "&amp;", "&nbsp;",
	"<section>", "</section>", "<main>", "</main>", "<nav class=menu>", "</nav>", "<font size=2>", "</font>",
	"<table>", "<td>", "<script>x</script>", "<li class=\"a&amp;b\">", "</br>", "<p/>", "<h4>", "</h5>", "<sup>",
	"</sup>", "<em>", "</em>", "<pre>", "<form>", "<button>", "<x-y>", "</x-y>", "<div hidden>", "<center>",
	"</center>", "<blockquote>", "</blockquote>", "<q>", "</q>", "<wbr>", "</body>", "<title>", "<a name=\"a\r\nb\">",
}

// plainSegment writes a random segment: mostly elements nested as the
// tags say, some pieces anywhere.
func plainSegment(r *rand.Rand, b *strings.Builder, depth int) {
	tags := []string{"ul", "li", "ol", "h2", "h3", "p", "div", "dl", "dt", "dd", "a", "span", "b", "strong", "em",
		"section", "font", "sup", "center", "blockquote", "main"}
	for range 1 + r.IntN(4) {
		switch k := r.IntN(12); {
		case k < 4 || depth > 5:
			b.WriteString([]string{"text", "Peking University", " ", "\n", "(1999.11.10)", "x<br>y", "&amp;", "a<img src=x>"}[r.IntN(8)])
		case k < 5:
			b.WriteString(plainPieces[r.IntN(len(plainPieces))])
		default:
			tag := tags[r.IntN(len(tags))]
			b.WriteString("<" + tag + []string{"", " class=x", " id=\"main\"", " role=navigation", " CLASS='a b'"}[r.IntN(5)] + ">")
			plainSegment(r, b, depth+1)
			if r.IntN(12) > 0 {
				b.WriteString("</" + tag + ">")
			}
		}
	}
}

// listSegment writes a random segment in the shapes list pages take:
// headings, lists of items (nested lists, definition lists), paragraphs
// and containers, inline markup in them; now and then a piece of any
// markup.
func listSegment(r *rand.Rand, b *strings.Builder, depth int) {
	inline := func() {
		for range 1 + r.IntN(3) {
			switch r.IntN(40) {
			case 0:
				b.WriteString("<a href=\"/p\">Univ &amp; Co</a>")
			case 1:
				b.WriteString("<span class=ext>(external link)</span>")
			case 2:
				b.WriteString("<b>x</b><br>")
			case 3:
				b.WriteString(plainPieces[r.IntN(len(plainPieces))])
			default:
				b.WriteString([]string{"Peking University", " (1999.11.10)", "\n", "text", "<img src=x>", "<a href=\"/p\">Univ</a>", "<span>x</span>", "<b>x</b><br>"}[r.IntN(8)])
			}
		}
	}
	for range 1 + r.IntN(4) {
		switch k := r.IntN(6); {
		case k == 0 || depth > 3:
			level := string(rune('2' + r.IntN(3)))
			b.WriteString("<h" + level + ">")
			inline()
			b.WriteString("</h" + level + ">")
		case k == 1:
			list := []string{"ul", "ol"}[r.IntN(2)]
			b.WriteString("<" + list + ">\n")
			for range 1 + r.IntN(4) {
				b.WriteString("<li>")
				inline()
				if r.IntN(4) == 0 {
					listSegment(r, b, depth+1)
				}
				b.WriteString("</li>\n")
			}
			b.WriteString("</" + list + ">")
		case k == 2:
			b.WriteString("<dl>")
			for range 1 + r.IntN(3) {
				b.WriteString("<dt>")
				inline()
				b.WriteString("</dt><dd>")
				inline()
				b.WriteString("</dd>")
			}
			b.WriteString("</dl>")
		case k == 3:
			b.WriteString("<p>")
			inline()
			b.WriteString("</p>")
		default:
			tag := []string{"div", "section", "center", "blockquote", "nav", "div class=sidebar"}[r.IntN(6)]
			b.WriteString("<" + tag + ">")
			listSegment(r, b, depth+1)
			b.WriteString("</" + strings.Fields(tag)[0] + ">")
		}
	}
}

// sameTree reports how two trees differ, "" when they do not.
func sameTree(a, b *html.Node, path string) string {
	if a.Type != b.Type || a.DataAtom != b.DataAtom || a.Data != b.Data || a.Namespace != b.Namespace ||
		fmt.Sprint(a.Attr) != fmt.Sprint(b.Attr) {
		return fmt.Sprintf("%s: %d %q %v, not %d %q %v", path, b.Type, b.Data, b.Attr, a.Type, a.Data, a.Attr)
	}
	x, y := a.FirstChild, b.FirstChild
	for k := 0; x != nil || y != nil; k++ {
		if x == nil || y == nil {
			return fmt.Sprintf("%s/%d: one tree ends", path, k)
		}
		if x.Parent != a || y.Parent != b || (x.PrevSibling == nil) != (k == 0) || (y.PrevSibling == nil) != (k == 0) {
			return fmt.Sprintf("%s/%d: links", path, k)
		}
		if d := sameTree(x, y, fmt.Sprintf("%s/%d", path, k)); d != "" {
			return d
		}
		x, y = x.NextSibling, y.NextSibling
	}
	if a.LastChild != nil && a.LastChild.NextSibling != nil {
		return path + ": last child"
	}
	return ""
}

// TestPlainTree checks the plain tree builder against the tree builder
// on random segments behind random replays: every tree it builds is the
// tree builder's, from the body down, and it builds many.
func TestPlainTree(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	replays := []string{"", "<div>", "<div id=content><main>", "<section class=\"a\"><span>", "<center>", "<div a=\"&amp;\">"}
	built := 0
	const n = 20000
	w := newWalker(site{})
	for i := range n {
		var b strings.Builder
		switch i % 3 {
		case 0:
			for range 1 + r.IntN(30) {
				b.WriteString(plainPieces[r.IntN(len(plainPieces))])
			}
		case 1:
			plainSegment(r, &b, 0)
		default:
			listSegment(r, &b, 0)
		}
		replay, seg := replays[r.IntN(len(replays))], b.String()
		got := w.plainTree([]byte(replay), []byte(seg))
		if got == nil {
			continue
		}
		built++
		want, err := html.Parse(strings.NewReader("<!DOCTYPE html><body>" + replay + seg))
		require.NoError(t, err)
		if d := sameTree(firstElement(want, atom.Body), firstElement(got, atom.Body), "body"); !assert.Empty(t, d, "%q behind %q", seg, replay) {
			return
		}
		assert.Empty(t, sameTree(firstElement(want, atom.Head), firstElement(got, atom.Head), "head"))
	}
	t.Logf("built %d trees of %d segments", built, n)
	assert.Greater(t, built, n/5)
}

// TestPlainSegments checks that pages of lists read in the smallest
// segments they can be cut into, many of them built by the plain tree
// builder, give the same dump as read whole.
func TestPlainSegments(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	plain := 0
	for i := range 2000 {
		var b strings.Builder
		if i%3 == 0 {
			b.WriteString("<!DOCTYPE html>")
		}
		b.WriteString([]string{"<body><div id=content>", "<main>", "<div>", ""}[r.IntN(4)])
		for range 1 + r.IntN(8) {
			if r.IntN(3) == 0 {
				plainSegment(r, &b, 0)
			} else {
				listSegment(r, &b, 0)
			}
		}
		page := []byte(b.String())
		if same, _ := readsAlikeInParts(t, page); !same {
			return
		}
		w := newWalker(siteOf(page))
		c := startCuts(page, 1, gridStylesIn(page))
		if _, err := w.read(&parser.Document{}, page, c.ends, c, func(int, int) {}); err == nil && w.plainParts > 0 {
			plain++
		}
		c.halt()
	}
	t.Logf("%d of 2000 pages had segments built by the plain tree builder", plain)
	assert.Greater(t, plain, 200)
}

// TestPlainPages checks large list pages: read in segments, mostly built
// by the plain tree builder, they read as whole.
func TestPlainPages(t *testing.T) {
	page := fixturePage(t, "list", 3<<19)
	w := newWalker(siteOf(page))
	c := startCuts(page, segmentMin, gridStylesIn(page))
	_, err := w.read(&parser.Document{}, page, c.ends, c, func(int, int) {})
	c.halt()
	require.NoError(t, err)
	assert.Greater(t, w.plainParts, 10)
	require.True(t, bytes.Contains(page, []byte("<li>")))
}

// TestPlainHostile reads large list pages with elements nested deeper than
// the plain tree builder goes (and deeper than the tree builder takes),
// and tags with more attributes than the scanner reads: each as read
// whole.
func TestPlainHostile(t *testing.T) {
	list := fixturePage(t, "list", segmentBytes)
	i := bytes.Index(list, []byte("<h2>"))
	require.Positive(t, i)
	for _, mid := range []string{
		strings.Repeat("<div>", 300) + "deep text" + strings.Repeat("</div>", 300),
		strings.Repeat("<span>", 600) + "deeper text" + strings.Repeat("</span>", 600),
		"<ul><li><a" + manyAttributes(100_000) + " href=\"/x\">many attributes</a></li></ul>",
	} {
		var b bytes.Buffer
		b.Write(list[:i])
		b.Write(list[i : i+len(list)/2])
		b.WriteString("<div>" + mid + "</div>")
		b.Write(list[i+len(list)/2:])
		page := b.Bytes()
		whole, werr := parse("p.html", page, Options{}, 0)
		got, err := Parse("p.html", page, Options{})
		require.Equal(t, werr, err)
		if err == nil {
			assert.Equal(t, string(parser.Dump(whole)), string(parser.Dump(got)))
		}
	}
}

// BenchmarkPlainTree builds the tree of a 64 KiB segment of a list page
// with the tree builder and with the plain tree builder.
func BenchmarkPlainTree(b *testing.B) {
	page := fixturePage(b, "list", 1<<20)
	i := bytes.Index(page, []byte("<h2>"))
	seg := page[i : i+bytes.LastIndex(page[i:i+segmentMin], []byte("</ul>"))+len("</ul>")]
	w := newWalker(site{})
	require.NotNil(b, w.plainTree(nil, seg))
	b.Run("tree", func(b *testing.B) {
		b.SetBytes(int64(len(seg)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := html.Parse(io.MultiReader(strings.NewReader("<!DOCTYPE html><body>"), bytes.NewReader(seg))); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("plain", func(b *testing.B) {
		b.SetBytes(int64(len(seg)))
		b.ReportAllocs()
		for b.Loop() {
			w.plainTree(nil, seg)
		}
	})
}

// FuzzPlainTree checks the plain tree builder against the tree builder:
// every tree it builds is the tree builder's.
func FuzzPlainTree(f *testing.F) {
	for _, p := range plainPieces {
		f.Add("", p)
	}
	f.Add("<div id=content>", "<h2>Asia</h2>\n<ul><li>* <a href=\"/x\">Peking University</a><span class=ext>(external link)</span> (1999.11.10)</li></ul>")
	f.Add("<main><section>", "<dl><dt>China</dt><dd>Fudan<br>2001</dd></dl><p>x &amp; y</p>")
	f.Fuzz(func(t *testing.T, replay, seg string) {
		w := newWalker(site{})
		got := w.plainTree([]byte(replay), []byte(seg))
		if got == nil {
			return
		}
		want, err := html.Parse(strings.NewReader("<!DOCTYPE html><body>" + replay + seg))
		if err != nil {
			t.Fatalf("the tree builder refuses what the plain tree builder read: %v", err)
		}
		if d := sameTree(firstElement(want, atom.Body), firstElement(got, atom.Body), "body"); d != "" {
			t.Fatalf("%s: %q behind %q", d, seg, replay)
		}
	})
}
