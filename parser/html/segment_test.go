package html

import (
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
		page := []byte(b.String())
		whole, werr := parse("s.html", page, Options{}, 0)
		seg, serr := parse("s.html", page, Options{}, 1)
		if werr != nil {
			require.Error(t, serr, "%q", page)
			assert.Equal(t, werr.Error(), serr.Error())
			continue
		}
		require.NoError(t, serr, "%q", page)
		if !assert.Equal(t, string(parser.Dump(whole)), string(parser.Dump(seg)), "%q", page) {
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
