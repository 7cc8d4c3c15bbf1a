package html

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// nodeText reads a node's text as goquery's Selection.Text, which it
// stands in for, does: on every node of trees of titles (plain, with
// references, an SVG title holding elements), comments, nested and empty
// elements, and of every HTML fixture.
func TestNodeTextAsGoquery(t *testing.T) {
	docs := []string{
		``,
		`<title></title>`,
		`<title> Exchange &amp; Partners  &lt;2024&gt; </title>`,
		"<head><title>Line one\nLine two</title></head><body><p>a<!-- c --><b>b<i>c</i></b>d</p></body>",
		`<svg><title>Chart <tspan>of</tspan> <g><text>partners</text></g></title></svg>`,
		`<table><tr><td>1</td><td><span></span></td><td>東北<br>大学</td></tr></table>`,
		`<div><div><div><div>deep</div></div>er</div>text</div>`,
	}
	files, err := filepath.Glob("../../fixtures/*/input.html")
	require.NoError(t, err)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		docs = append(docs, string(b))
	}
	for i, d := range docs {
		root, err := html.Parse(strings.NewReader(d))
		require.NoError(t, err)
		forEach(root, func(n *html.Node) bool {
			assert.Equal(t, goquery.NewDocumentFromNode(n).Text(), nodeText(n), "document %d, node %q", i, n.Data)
			return true
		})
	}
}
