package html

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// segmentPieces are the markup random documents are made of: the shapes
// whose end tags the tree builder reads in its own ways.
var segmentPieces = []string{
	"<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<i>", "</i>", "<a href=x>", "</a>", "<span>", "</span>",
	"<font>", "</font>", "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "</th>", "<tbody>",
	"</tbody>", "<thead>", "<caption>", "</caption>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>", "<dl>",
	"</dl>", "<dt>", "<dd>", "</dd>", "<h1>", "</h1>", "<h2>", "</h2>", "<form>", "</form>", "<br>", "</br>",
	"<hr>", "<section>", "</section>", "<main>", "</main>", "<header>", "</header>", "<nav>", "</nav>",
	"<button>", "</button>", "<option>", "<select>", "<svg>", "</svg>", "<template>", "<body class=menu>",
	"<x-y>", "</x-y>", "<pre>", "</pre>", "<center>", "</center>", "<nobr>", "</nobr>", "<object>", "</object>",
	"<title>", "</title>", "<textarea>", "</textarea>", "<script>", "</script>", "<!-- c -->", "<html>", "</body>",
	"<aside>", "</aside>", "<article>", "</article>", "<div hidden>", "<tfoot>", "</thead>", "</tfoot>",
	"<colgroup>", "<col>", "<dir>", "</dt>", "<ruby>", "<rb>", "<rt>", "</ruby>", "<strong>", "</strong>",
	"<em>", "</em>", "<u>", "</u>", "<h3>", "</h6>", "<marquee>", "<applet>", "<noscript>", "</noscript>",
	"<style>", "</style>", "<xmp>", "</xmp>", "<iframe>", "</iframe>", "<head>", "</head>", "<img>", "<image>",
	"<math>", "<input>", "<div class=footer>", "<main role=main>", "<address>", "</address>", "<optgroup>",
	"<listing>", "</listing>", "<details>", "</details>", "<summary>", "</summary>", "<fieldset>", "</fieldset>",
	"text", "Peking University", " ", "\n", "(1999.11.10)", "<td rowspan=2>", "<td colspan=2>",
}

// nestedPage writes a random document of nested elements, mostly well
// formed: some end tags left out, some stray pieces.
func nestedPage(r *rand.Rand, b *strings.Builder, depth int) {
	tags := []string{"div", "p", "ul", "li", "table", "tr", "td", "th", "b", "a", "span", "h2", "dl", "dt", "dd",
		"section", "main", "font", "caption", "tbody", "form", "header", "center", "br", "i", "ol", "strong"}
	for range 1 + r.IntN(4) {
		switch k := r.IntN(10); {
		case k < 3 || depth > 5:
			b.WriteString([]string{"text", "Peking University", " ", "\n", "(1999.11.10)", "x<br>y"}[r.IntN(6)])
		case k < 4:
			b.WriteString(segmentPieces[r.IntN(len(segmentPieces))])
		default:
			tag := tags[r.IntN(len(tags))]
			b.WriteString("<" + tag + ">")
			nestedPage(r, b, depth+1)
			if r.IntN(8) > 0 {
				b.WriteString("</" + tag + ">")
			}
		}
	}
}

// TestSegmentsReadAsWhole checks that documents read in the smallest
// segments they can be cut into give the same dump as read whole.
func TestSegmentsReadAsWhole(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 4000 {
		var b strings.Builder
		if i%3 == 0 {
			b.WriteString("<!DOCTYPE html>")
		}
		if i%2 == 0 {
			for range 5 + r.IntN(40) {
				b.WriteString(segmentPieces[r.IntN(len(segmentPieces))])
			}
		} else {
			for range 1 + r.IntN(6) {
				nestedPage(r, &b, 0)
			}
		}
		if same, _ := readsAlikeInParts(t, []byte(b.String())); !same {
			return
		}
	}
}

func TestSegmentCuts(t *testing.T) {
	page := []byte("<!DOCTYPE html><title>T</title><body><table><tr><td>a</td></tr></table><p>x<p>y<div>z</div><b>q</div>w")
	ends, prefix := cuts(page, 1)
	assert.Equal(t, "<!DOCTYPE html><body>", string(prefix))
	var segs []string
	start := 0
	for _, e := range ends {
		segs = append(segs, string(page[start:e]))
		start = e
	}
	assert.Equal(t, []string{
		"<!DOCTYPE html><title>T</title><body><table><tr><td>a</td></tr></table>",
		"<p>x<p>y<div>z</div>",
		"<b>q</div>w",
	}, segs)
}

// tablePage writes a random document of data tables inside containers,
// with the rows written in the ways pages write them (end tags left out,
// row groups, spans, markup in cells) and the things that keep a table
// from being cut between its rows (a table inside, text between rows, a
// form, role=presentation).
func tablePage(r *rand.Rand, b *strings.Builder) {
	pick := func(s ...string) string { return s[r.IntN(len(s))] }
	var closers []string
	for range r.IntN(4) {
		open := pick("<div>", "<div id=main>", "<main>", "<section>", "<center>", "<font size=2>", "<span>",
			"<div class=sidebar>", "<table><tr><td>", "<ul><li>", "<p>", "<blockquote>", "<article>", "<div hidden>")
		b.WriteString(open)
		closers = append(closers, map[string]string{"<table><tr><td>": "</td></tr></table>", "<ul><li>": "</li></ul>",
			"<font size=2>": "</font>", "<div id=main>": "</div>", "<div class=sidebar>": "</div>", "<div hidden>": "</div>"}[open])
		if closers[len(closers)-1] == "" {
			closers[len(closers)-1] = "</" + open[1:]
		}
		if r.IntN(3) == 0 {
			b.WriteString("<p>before</p>")
		}
	}
	for range 1 + r.IntN(3) {
		b.WriteString(pick("<table>", "<table border=1>", "<table class=list>", "<table role=presentation>"))
		if r.IntN(4) == 0 {
			b.WriteString("<caption>Partners</caption>")
		}
		if r.IntN(2) == 0 {
			b.WriteString(pick("<thead><tr><th>Country</th><th>Partner</th><th>Date</th></tr></thead>",
				"<tr><th>Country<th>Partner<th>Date", "<tr><td>Country</td><td>Partner</td><td>Date</td></tr>"))
		}
		if r.IntN(2) == 0 {
			b.WriteString(pick("<tbody>", "<tfoot>", "<thead>"))
		}
		for range 2 + r.IntN(30) {
			switch r.IntN(20) {
			case 0:
				b.WriteString(pick("</tbody><tbody>", "</tbody>", "<tbody>", "<tfoot>", "</tfoot>", "text between rows", "<!-- c -->",
					"<form>", "<table><tr><td>inner</td></tr></table>", "\n", "<caption>late</caption>", "<colgroup><col>",
					"<tr><td><select><option>o</select>"))
			}
			b.WriteString(pick("<tr>", "<tr class=odd>", "\n<tr>"))
			for k := range 1 + r.IntN(4) {
				b.WriteString(pick("<td>", "<td>", "<th>", "<td rowspan=2>", "<td colspan=2>", "<td rowspan=0>", "<th scope=row>"))
				for range r.IntN(3) {
					b.WriteString(pick("Peking University", "(1999.11.10)", "x<br>y", "<b>bold", "<a href=/x>link</a>",
						"<p>para</p>", "<div>div</div>", "<span>s</span>", " ", "China", fmt.Sprint(k), "<i>it</i>",
						"<ul><li>item</ul>", "(外部サイト)", "<font>f</font>", "<img src=x>"))
				}
				if r.IntN(3) > 0 {
					b.WriteString(pick("</td>", "</td>", "</th>"))
				}
			}
			if r.IntN(3) > 0 {
				b.WriteString("</tr>")
			}
		}
		if r.IntN(10) > 0 {
			b.WriteString("</table>")
		}
		b.WriteString(pick("", "<p>after</p>", "<h2>Europe</h2><ul><li>A (2001)</li><li>B</li></ul>", "text"))
	}
	for k := len(closers) - 1; k >= 0; k-- {
		if r.IntN(6) > 0 {
			b.WriteString(closers[k])
		}
		b.WriteString(pick("", "<p>after</p>", "<div>x</div>", "\n"))
	}
}

// TestTableCutsReadAsWhole checks that documents of data tables read in
// the smallest segments they can be cut into, many between the rows of a
// table, give the same dump as read whole; and that many are read so,
// not read whole after all.
func TestTableCutsReadAsWhole(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	rowRead, blockRead, tokenRead := 0, 0, 0
	const n = 2000
	for i := range n {
		var b strings.Builder
		if i%3 == 0 {
			b.WriteString("<!DOCTYPE html>")
		}
		tablePage(r, &b)
		page := []byte(b.String())
		same, failed := readsAlikeInParts(t, page)
		if !same {
			return
		}
		if failed {
			continue
		}
		rows, blocks, tokens, read := readInSegments(page)
		if read && rows > 0 {
			rowRead++
		}
		if read && tokens > 0 {
			tokenRead++
		}
		if read && blocks > 0 {
			blockRead++
		}
	}
	t.Logf("of %d documents, %d read cut between rows (%d with rows read from their tokens), %d between blocks in containers",
		n, rowRead, tokenRead, blockRead)
	assert.Greater(t, rowRead, n/5)
	assert.Greater(t, tokenRead, n/10)
	assert.Greater(t, blockRead, n/5)
}

// readInSegments reads page in its smallest segments as parse does, and
// returns the cuts between rows and between blocks in containers, the
// segments read from their tokens, and whether the segments were read
// (not the document whole after all).
func readInSegments(page []byte) (rows, blocks, tokens int, read bool) {
	c := startCuts(page, 1, gridStylesIn(page))
	ends := make(chan cut)
	go func() {
		defer close(ends)
		for ct := range c.ends {
			switch {
			case ct.row:
				rows++
			case ct.depth > 0:
				blocks++
			}
			ends <- ct
		}
	}()
	w := newWalker(siteOf(page))
	_, err := w.read(&parser.Document{}, page, ends, c, func(int, int) {})
	for range ends {
	}
	return rows, blocks, w.tokenParts, err == nil && c.done && !c.whole
}

// readsAlikeInParts checks that a page read in the smallest parts gives
// what it gives read whole: the same blocks, or the same error. It reports
// whether they agree, and whether the page was refused.
func readsAlikeInParts(t *testing.T, page []byte) (same, failed bool) {
	t.Helper()
	whole, werr := parse("s.html", page, Options{}, 0)
	seg, serr := parse("s.html", page, Options{}, 1)
	if werr != nil {
		require.Error(t, serr, "%q", page)
		return assert.Equal(t, werr.Error(), serr.Error()), true
	}
	require.NoError(t, serr, "%q", page)
	return assert.Equal(t, string(parser.Dump(whole)), string(parser.Dump(seg)), "%q", page), false
}

// TestLargePagesReadAsWhole checks that pages large enough to be read in
// segments, in the shapes of the fixtures, give what they give read whole.
func TestLargePagesReadAsWhole(t *testing.T) {
	for _, kind := range []string{"table", "list", "sjis"} {
		page := fixturePage(t, kind, segmentBytes+segmentBytes/2)
		whole, err := parse("p.html", page, Options{}, 0)
		require.NoError(t, err, kind)
		got, err := Parse("p.html", page, Options{})
		require.NoError(t, err, kind)
		assert.Equal(t, string(parser.Dump(whole)), string(parser.Dump(got)), kind)
	}
}

// FuzzSegments checks that a document read in the smallest segments it
// can be cut into (rows and plain blocks read by the scanner) gives what
// it gives read whole: the same blocks, or the same error.
func FuzzSegments(f *testing.F) {
	for _, in := range fixtureInputs(f) {
		f.Add(mustRead(f, in))
	}
	for _, p := range append(append([]string(nil), segmentPieces...), plainPieces...) {
		f.Add([]byte("<div>" + p + "<p>x</p>" + p + "</div>"))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		whole, werr := parse("s.html", b, Options{}, 0)
		seg, serr := parse("s.html", b, Options{}, 1)
		if werr != nil || serr != nil {
			if werr == nil || serr == nil || werr.Error() != serr.Error() {
				t.Fatalf("read whole: %v; in segments: %v", werr, serr)
			}
			return
		}
		if w, s := string(parser.Dump(whole)), string(parser.Dump(seg)); w != s {
			t.Fatalf("in segments:\n%s\nread whole:\n%s", s, w)
		}
	})
}
