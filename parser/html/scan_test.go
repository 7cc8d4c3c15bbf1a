package html

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/agreements/agreements/parser"
)

// scanPieces are the markup random inputs for the scanner are made of:
// tags with attributes written in all the ways the tokenizer reads, and
// the tokens the scanner leaves to it.
var scanPieces = []string{
	"<tr>", "</tr>", "<td>", "</td>", "<TD>", "</Td >", "<th scope=row>", "<TH SCOPE='Row'>", "<td colspan=\"2\">",
	"<td colspan='3' rowspan=4>", "<td  COLSPAN = 2 >", "<td colspan=2 colspan=3>", "<td rowspan=\"2\"rowspan=5>",
	"<td =x>", "<td ==x>", "<td a=\"b>c\">", "<td a='b\"c'>", "<td a=b/>", "<td a/>", "<td/>", "<td a =>",
	"<td a= >", "<td a b=c d>", "<td\ncolspan\n=\n2\n>", "<td\tcolspan=2\f>", "<a href=x/>", "<br/>", "<br />",
	"</br>", "<img src=a.png alt=\"x > y\">", "<span class=ext>", "</span>", "<b>", "</b>", "<p a=/>",
	"</td foo=\"<\">", "</tr x='>'>", "<!---->", "<!--->", "<!-->", "<!-- a -->", "<!-- a --!>", "<!-- --!x -->",
	"<!-- - -- --->", "<!--a-b--c-->", "<<b>", "< b>", "a<", "<3", "<?x>", "</ >", "</>", "<!x>", "<!DOCTYPE html>",
	"&amp;", "&lt;td&gt;", "&#x41;", "&nbsp", "x\r\ny", "\r", "\x00", "<td\x00>", "<td a=\x00>", "<td colspan=\"2&amp;\">",
	"Peking University", " ", "\n", "(1999.11.10)", "<script>", "</script>", "<td a=\"", "<td a='x", "<td a", "<",
	"<!--", "<!-", "</", "<t", "<td colspan=2", "<x-y z>", "<td ä=ö>", "<äb>", "<td a=b\"c>", "<td\"a=b>",
}

// token is one token as the tokenizer gives it, for comparison.
type scanToken struct {
	Type  html.TokenType
	Raw   string
	Name  string
	Attrs []string
}

// tokenizerTokens reads b with the tokenizer.
func tokenizerTokens(b []byte) []scanToken {
	z := html.NewTokenizer(bytes.NewReader(b))
	var out []scanToken
	for {
		tt := z.Next()
		t := scanToken{Type: tt, Raw: string(z.Raw())}
		switch tt {
		case html.ErrorToken:
			return out
		case html.SelfClosingTagToken:
			t.Type = html.StartTagToken
			fallthrough
		case html.StartTagToken, html.EndTagToken:
			name, more := z.TagName()
			t.Name = string(name)
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				t.Attrs = append(t.Attrs, string(k)+"="+string(v))
			}
		}
		out = append(out, t)
	}
}

// scannerTokens reads b with the scanner, up to the first token it does
// not read (all reports whether there was none); attribute values are
// unescaped as the tokenizer unescapes those the scanner's callers read
// (the scanner leaves the rest to them).
func scannerTokens(b []byte) (out []scanToken, all bool) {
	s := &scanner{b: b}
	for {
		tt, ok := s.next()
		if !ok {
			return out, false
		}
		if tt == html.ErrorToken {
			return out, true
		}
		t := scanToken{Type: tt, Raw: string(s.raw())}
		if tt == html.StartTagToken || tt == html.EndTagToken {
			t.Name = string(appendLower(nil, s.b[s.name:s.nameEnd]))
			if a := s.tagAtom(); a != 0 {
				t.Name = a.String()
			}
			for k := 0; ; {
				key, v, next, ok := s.attr(k, nil)
				if !ok {
					break
				}
				k = next
				val := strings.ReplaceAll(string(v), "\r\n", "\n")
				val = strings.ReplaceAll(val, "\r", "\n")
				if bytes.IndexByte(v, '&') >= 0 {
					val = "(escaped)"
				}
				t.Attrs = append(t.Attrs, string(key)+"="+val)
			}
		}
		out = append(out, t)
	}
}

// checkScan checks that every token the scanner reads in b is the
// tokenizer's: its type, its bytes, its name and its attributes. It
// reports whether the scanner read all of b.
func checkScan(t *testing.T, b []byte) bool {
	t.Helper()
	want := tokenizerTokens(b)
	got, all := scannerTokens(b)
	require.LessOrEqual(t, len(got), len(want), "%q", b)
	for i, g := range got {
		w := want[i]
		for k, a := range g.Attrs {
			if strings.HasSuffix(a, "=(escaped)") && k < len(w.Attrs) {
				w.Attrs[k] = a
			}
		}
		if !assert.Equal(t, w, g, "token %d of %q", i, b) {
			return false
		}
	}
	if all {
		assert.Len(t, got, len(want), "%q", b)
	}
	return all
}

// TestScanner checks the scanner against the tokenizer on random markup:
// every token it reads is the tokenizer's, and it reads most inputs to
// their end.
func TestScanner(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	read := 0
	const n = 20000
	for range n {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			p := scanPieces[r.IntN(len(scanPieces))]
			if r.IntN(3) > 0 {
				p = scanPieces[r.IntN(20)] // mostly the plain ones
			}
			b.WriteString(p)
		}
		if checkScan(t, []byte(b.String())) {
			read++
		}
	}
	t.Logf("read %d of %d inputs to their end", read, n)
	assert.Greater(t, read, n/10)
}

// TestScannerFixtures checks the scanner against the tokenizer on the
// fixtures' pages, as far as it reads them.
func TestScannerFixtures(t *testing.T) {
	for _, in := range fixtureInputs(t) {
		checkScan(t, mustRead(t, in))
	}
	checkScan(t, fixturePage(t, "table", 256<<10))
}

func FuzzScanner(f *testing.F) {
	for _, p := range scanPieces {
		f.Add([]byte(p))
	}
	f.Add([]byte("<tr><td colspan=2>a<br>b</td><td>c &amp; d</td></tr>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		checkScan(t, b)
	})
}

// tokensOf reads b as the segmenter does (see tokens): the tokens, and
// for each start tag the tokenizer read, its attributes (nil for those
// the scanner read).
func tokensOf(b []byte) []scanToken {
	t := &tokens{b: b}
	var out []scanToken
	for {
		tt, raw, z := t.next()
		if tt == html.ErrorToken {
			return out
		}
		if tt == html.SelfClosingTagToken {
			tt = html.StartTagToken
		}
		tok := scanToken{Type: tt, Raw: string(raw)}
		if z != nil && tt == html.StartTagToken {
			tok.Attrs = []string{}
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				if k != nil {
					tok.Attrs = append(tok.Attrs, string(k)+"="+string(v))
				}
			}
		}
		out = append(out, tok)
	}
}

// TestTokens checks that the segmenter's tokens, read by the scanner and
// by the tokenizer where the scanner stumbles, are the tokenizer's; and
// that the start tags whose attributes the segmenter reads (table, body)
// and those of raw text elements are the tokenizer's to read.
func TestTokens(t *testing.T) {
	check := func(b []byte) { checkTokens(t, b) }
	r := rand.New(rand.NewPCG(7, 8))
	pieces := append(append([]string(nil), scanPieces...), segmentPieces...)
	pieces = append(pieces, "<table role=presentation>", "<body class=menu>", "<BODY id=x>", "<TABLE>", "<style>a</b>",
		"<title>x<p></title>", "<script>", "<textarea>", "<xmp>", "<plaintext>", "<noscript>", "<iframe>")
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(40) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		check([]byte(b.String()))
	}
	for _, in := range fixtureInputs(t) {
		check(mustRead(t, in))
	}
	// A page the scanner stumbles on at every other token.
	check([]byte(strings.Repeat("<?x>a<p>", 5000) + "<script><p></script><table role=none><tr><td>x"))
	// A raw text element's start tag as the last token of the tokenizer's
	// run: the tokenizer reads its text too.
	for k := tokenizerRun - 3; k <= tokenizerRun+1; k++ {
		check([]byte("<?x>" + strings.Repeat("<p>", k) + "<script><p></script><p>"))
	}
}

// TestScannerManyAttributes reads a large table whose rows hold a cell
// with more attributes than the scanner reads: as read whole.
func TestScannerManyAttributes(t *testing.T) {
	page := fixturePage(t, "table", segmentBytes+segmentBytes/2)
	i := bytes.LastIndex(page[:len(page)/2], []byte("<tr><td>"))
	require.Positive(t, i)
	page = append(append(append([]byte(nil), page[:i]...),
		"<tr><td"+manyAttributes(100_000)+" colspan=2>many attributes</td></tr>"...), page[i:]...)
	whole, err := parse("p.html", page, Options{}, 0)
	require.NoError(t, err)
	got, err := Parse("p.html", page, Options{})
	require.NoError(t, err)
	assert.Equal(t, string(parser.Dump(whole)), string(parser.Dump(got)))
}

// manyAttributes writes n attributes, each of its own key.
func manyAttributes(n int) string {
	var b strings.Builder
	for k := range n {
		fmt.Fprintf(&b, " a%d", k)
	}
	return b.String()
}

// BenchmarkTokens reads a 1 MB table page's tokens with the tokenizer
// and as the segmenter does (the scanner, and the tokenizer where it
// stumbles).
func BenchmarkTokens(b *testing.B) {
	page := fixturePage(b, "table", 1<<20)
	b.Run("tokenizer", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		b.ReportAllocs()
		for b.Loop() {
			z := html.NewTokenizer(bytes.NewReader(page))
			for z.Next() != html.ErrorToken {
			}
		}
	})
	b.Run("tokens", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		b.ReportAllocs()
		for b.Loop() {
			t := &tokens{b: page}
			for tt, _, _ := t.next(); tt != html.ErrorToken; tt, _, _ = t.next() {
			}
		}
	})
}

// checkTokens checks the segmenter's tokens of b against the tokenizer's
// (see TestTokens).
func checkTokens(t *testing.T, b []byte) {
	t.Helper()
	want, got := tokenizerTokens(b), tokensOf(b)
	if !assert.Len(t, got, len(want), "%q", b) {
		return
	}
	for i, g := range got {
		w := want[i]
		if g.Type == html.StartTagToken && tokenizerTag(tagName([]byte(g.Raw)[1:]).a) {
			if !assert.NotNil(t, g.Attrs, "token %d of %q", i, b) {
				return
			}
			if len(w.Attrs) == 0 {
				w.Attrs = []string{}
			}
		} else {
			w.Attrs, g.Attrs = nil, nil
		}
		w.Name = ""
		if !assert.Equal(t, w, g, "token %d of %q", i, b) {
			return
		}
	}
}

func FuzzTokens(f *testing.F) {
	for _, p := range append(append([]string(nil), scanPieces...), segmentPieces...) {
		f.Add([]byte(p + "<p>x</p>" + p))
	}
	f.Fuzz(func(t *testing.T, b []byte) { checkTokens(t, b) })
}

// TestScannedAtom: the atom the scanner gives a tag it read is the one
// the segmenter would read from the tag's bytes (tagName), on the
// fixtures' and the layout matrix's pages, large generated pages, and
// random tags of mixed case with attributes, slashes and white space.
func TestScannedAtom(t *testing.T) {
	var pages [][]byte
	matrix, err := filepath.Glob("../../fixtures/matrix/*/input.html")
	require.NoError(t, err)
	for _, in := range append(fixtureInputs(t), matrix...) {
		pages = append(pages, mustRead(t, in))
	}
	for _, kind := range []string{"table", "list", "sjis"} {
		pages = append(pages, fixturePage(t, kind, 256<<10))
	}
	r := rand.New(rand.NewPCG(7, 8))
	names := []string{"td", "TD", "tR", "Th", "li", "a", "A", "p", "br", "BR", "span", "table", "x-y", "h1", "H6", "tbody", "dl", "dT"}
	ends := []string{">", " >", "/>", "\t>", " class=x>", "\n/>", "\f>"}
	for range 2000 {
		var b strings.Builder
		for range 1 + r.IntN(20) {
			n := names[r.IntN(len(names))]
			if r.IntN(3) == 0 {
				b.WriteString("</" + n + ends[r.IntN(len(ends))])
			} else {
				b.WriteString("<" + n + ends[r.IntN(len(ends))] + "x")
			}
		}
		pages = append(pages, []byte(b.String()))
	}
	scanned := 0
	for _, p := range pages {
		tk := &tokens{b: p}
		for {
			tt, raw, z := tk.next()
			if tt == html.ErrorToken {
				break
			}
			a := tk.scannedAtom(z, tt)
			switch {
			case z != nil || (tt != html.StartTagToken && tt != html.EndTagToken):
				assert.Zero(t, a)
			case tt == html.StartTagToken:
				assert.Equal(t, tagName(raw[1:]).a, a, "%q", raw)
				scanned++
			default:
				assert.Equal(t, tagName(raw[2:]).a, a, "%q", raw)
				scanned++
			}
		}
	}
	assert.Greater(t, scanned, 50_000)
}
