package pdf

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reusePDF is a document whose pages a worker reads into the same arrays
// one after the other: content streams compressed and not, a page drawn
// from an array of streams, an /ActualText span (its text a view of the
// content's bytes), and a form that two pages share.
func reusePDF(pages int) ([]byte, []string) {
	res := "<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >>" +
		" /XObject << /Fm1 4 0 R >> >>"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"", // the page tree, once the pages are known
		res,
		"<< /Type /XObject /Subtype /Form /BBox [0 0 300 200] /Resources 3 0 R /Filter /FlateDecode stream:" +
			deflate("BT /F1 9 Tf 20 20 Td (Shared footer) Tj ET"),
	}
	var kids, want []string
	for i := 1; i <= pages; i++ {
		text := fmt.Sprintf("University number %d of the list", i)
		content := fmt.Sprintf("BT /F1 10 Tf 20 150 Td (%s) Tj ET", text)
		switch i % 4 {
		case 1: // spelled by /ActualText, drawn as other letters
			text = fmt.Sprintf("Partner%d", i)
			content = fmt.Sprintf("BT /F1 10 Tf 20 150 Td /Span <</ActualText (%s)>> BDC (%s) Tj EMC ET", text, strings.Repeat("x", len(text)))
		case 2: // a longer page, compressed, that draws the form
			content = deflate(content + strings.Repeat(" 0 0 m 1 1 l", 400) + " /Fm1 Do")
		}
		want = append(want, text)
		page := len(objs) + 1
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
		contents := fmt.Sprintf("%d 0 R", page+1)
		stream := "<< stream:" + content
		if i%4 == 2 {
			stream = "<< /Filter /FlateDecode stream:" + content
		}
		objs = append(objs, "", stream)
		if i%4 == 3 { // in two parts
			half := strings.Index(content, "(")
			objs[len(objs)-1] = "<< stream:" + content[:half]
			objs = append(objs, "<< stream:"+content[half:])
			contents = fmt.Sprintf("[%d 0 R %d 0 R]", page+1, page+2)
		}
		objs[page-1] = fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents %s /Resources 3 0 R >>", contents)
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	return buildPDF(objs...), want
}

func pageLineTexts(p PageLayout) []string {
	var out []string
	for _, l := range p.Lines {
		var ws []string
		for _, w := range l.Words {
			ws = append(ws, w.Text)
		}
		out = append(out, strings.Join(ws, " "))
	}
	return out
}

func glyphTextsOf(gs []Glyph) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.Text)
	}
	return out
}

// TestPagesReadInReusedArrays: pages read one after the other in a
// worker's arrays (content bytes, inflater, table words) read as each page
// read alone does, and what a page keeps is not overwritten by the pages
// read after it.
func TestPagesReadInReusedArrays(t *testing.T) {
	b, want := reusePDF(12)
	all, errs, err := ReadLayout("reuse.pdf", b, Options{})
	require.NoError(t, err)
	require.Empty(t, errs)
	require.Len(t, all, len(want))
	for i, p := range all {
		alone, errs, err := ReadLayout("reuse.pdf", b, Options{Pages: []int{i + 1}})
		require.NoError(t, err)
		require.Empty(t, errs)
		require.Len(t, alone, 1)
		assert.Equal(t, pageLineTexts(alone[0]), pageLineTexts(p), "page %d", i+1)
		assert.Equal(t, glyphTextsOf(alone[0].Glyphs), glyphTextsOf(p.Glyphs), "page %d", i+1)
		assert.Contains(t, pageLineTexts(p), want[i], "page %d", i+1)
		if i%4 == 1 {
			assert.Contains(t, pageLineTexts(p), "Shared footer", "page %d", i+1)
		}
	}

	// Parsed whole (tables found page by page in the worker's word
	// array), the text is the same as with one array per page.
	doc, err := Parse("reuse.pdf", b, Options{})
	require.NoError(t, err)
	text := docText(doc)
	for _, w := range want {
		assert.Contains(t, text, w)
	}
}

// TestStreamBufLends: a page's content is read into the array the last
// page's was, while streamBytes gives an array of its own (forms and fonts
// keep theirs); an inflater lent to one stream is not lent to another
// read at the same time.
func TestStreamBufLends(t *testing.T) {
	b, _ := reusePDF(4)
	d, err := openDocument("reuse.pdf", b, "")
	require.NoError(t, err)
	var sb streamBuf
	first, err := sb.contentBytes(d.pages[1].v.Key("Contents")) // compressed, the longest
	require.NoError(t, err)
	firstText := string(first)
	second, err := sb.contentBytes(d.pages[0].v.Key("Contents"))
	require.NoError(t, err)
	assert.Same(t, &first[0], &second[0], "the content array is reused")
	assert.Contains(t, string(second), "/ActualText (Partner1)")

	kept, err := streamBytes(d.pages[1].v.Key("Contents"), &sb)
	require.NoError(t, err)
	assert.Equal(t, firstText, string(kept))
	assert.NotSame(t, &sb.content[:1][0], &kept[0], "streamBytes gives its own array")

	raw, ok := rawOf(d.pages[1].v.Key("Contents"))
	require.True(t, ok)
	r1 := sb.inflate(raw)
	r2 := sb.inflate(raw) // while r1 is read
	assert.NotSame(t, r1, r2)
	b2, err := io.ReadAll(r2)
	require.NoError(t, err)
	b1, err := io.ReadAll(r1)
	require.NoError(t, err)
	assert.Equal(t, firstText, string(b1))
	assert.Equal(t, firstText, string(b2))
	require.NoError(t, r1.Close())
	require.NoError(t, r2.Close())
	r3 := sb.inflate(raw)
	assert.Same(t, sb.inf, r3, "the kept inflater, once given back")
	require.NoError(t, r3.Close())
}
