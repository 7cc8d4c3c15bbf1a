package html

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

func TestBlocks(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Agreements |
		University</title><style>p{}</style></head><body>
		<header><a href="/">Home</a></header><nav><ul><li>Menu</li></ul></nav>
		<main><header><h1>Academic Exchange Agreements</h1></header>
		<p>(as of May 1, 2021)<br>Total of 3 institutions</p>
		<h2>Asia</h2><h3>China (2)</h3>
		<ul><li>* <a href="x">Peking University</a>(外部サイト) (November 10, 1999)</li>
		<li>Fudan<br>University (April 19, 2001)<ul><li>nested</li></ul></li></ul>
		<ol><li>numbered</li></ol>
		<dl><dt>Legend</dt><dd>* tuition waiver</dd></dl>
		<div>loose <span>text</span></div><script>document.write("x")</script></main>
		<footer>Copyright</footer></body></html>`
	doc, err := Parse("p.html", []byte(page), Options{})
	require.NoError(t, err)
	assert.Equal(t, "Agreements | University", doc.Title)
	want := []parser.Line{
		{Row: 1, Role: parser.RoleHeading, Level: 1, Text: "Academic Exchange Agreements"},
		{Row: 2, Role: parser.RoleText, Text: "(as of May 1, 2021)"},
		{Row: 3, Role: parser.RoleText, Text: "Total of 3 institutions"},
		{Row: 4, Role: parser.RoleHeading, Level: 2, Text: "Asia"},
		{Row: 5, Role: parser.RoleHeading, Level: 3, Text: "China (2)"},
		{Row: 6, Role: parser.RoleItem, Bullet: "•", Text: "* Peking University (November 10, 1999)"},
		{Row: 7, Role: parser.RoleHeading, Level: 1, Text: "Fudan University (April 19, 2001)"}, // it holds a list
		{Row: 8, Role: parser.RoleItem, Bullet: "•", Text: "nested"},
		{Row: 9, Role: parser.RoleItem, Text: "numbered"},
		{Row: 10, Role: parser.RoleHeading, Text: "Legend"},
		{Row: 11, Role: parser.RoleItem, Text: "* tuition waiver"},
		{Row: 12, Role: parser.RoleText, Text: "loose text"},
	}
	var got []parser.Line
	for _, b := range doc.Blocks {
		require.NotNil(t, b.Line)
		got = append(got, *b.Line)
	}
	assert.Equal(t, want, got)
	assert.Equal(t, parser.FormatHTML, doc.Format)
	assert.Equal(t, parser.Digest([]byte(page)), doc.SHA256)
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", parser.ErrEmpty},
		{"white space", " \n\t", parser.ErrEmpty},
		{"no text", "<html><head><title>x</title></head><body><img src=a><script>x</script></body></html>", parser.ErrNoContent},
		{"only chrome", "<nav>Home</nav><footer>(c)</footer>", parser.ErrNoContent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("e.html", []byte(tt.in), Options{})
			assert.Nil(t, doc)
			var pe *parser.Error
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "e.html", pe.File)
			assert.ErrorIs(t, err, tt.want)
		})
	}
	_, err := Parse("big.html", []byte("<p>"+strings.Repeat("x", 100)+"</p>"), Options{MaxBytes: 50})
	assert.ErrorIs(t, err, parser.ErrTooLarge)
}

func TestDeepNesting(t *testing.T) {
	for _, tag := range []string{"div", "table><tr><td", "b", "ul><li"} {
		t.Run(tag, func(t *testing.T) {
			open := "<" + tag + ">"
			page := "<p>before</p>" + strings.Repeat(open, 10000) + "deep text" + "<p>after</p>"
			start := time.Now()
			doc, err := Parse("deep.html", []byte(page), Options{})
			require.NoError(t, err)
			assert.Less(t, time.Since(start), 10*time.Second)
			assert.Contains(t, doc.Repairs, "html:flattened_deep_nesting")
			dump := string(parser.Dump(doc))
			assert.Contains(t, dump, "deep text")
			assert.Contains(t, dump, "after")
		})
	}
}
