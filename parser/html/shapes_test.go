package html

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/japanese"

	"github.com/agreements/agreements/parser"
)

// outline renders a document's blocks one a line: "role[hLevel][•] text"
// for a line, "T[index]" and the grid (as gridOf renders it) for a table.
func outline(t *testing.T, doc *parser.Document) []string {
	t.Helper()
	var out []string
	for _, b := range doc.Blocks {
		if l := b.Line; l != nil {
			s := string(l.Role)
			if l.Level > 0 {
				s += " h" + string(rune('0'+l.Level))
			}
			if l.Bullet != "" {
				s += " " + l.Bullet
			}
			out = append(out, s+" "+l.Text)
			continue
		}
		out = append(out, "T"+string(rune('0'+b.Table.Index)))
		for _, r := range b.Table.Rows {
			var cells []string
			for _, c := range r.Cells {
				if c.Covered {
					cells = append(cells, "^")
				} else {
					cells = append(cells, strings.Join(c.Lines(), "/"))
				}
			}
			s := "  " + strings.Join(cells, "|")
			if r.Header {
				s = "  H:" + strings.Join(cells, "|")
			}
			out = append(out, s)
		}
	}
	return out
}

func parseOutline(t *testing.T, page []byte) ([]string, *parser.Document) {
	t.Helper()
	doc, err := Parse("shape.html", page, Options{})
	require.NoError(t, err)
	return outline(t, doc), doc
}

// TestShapes holds the extractor to shapes that real agreement pages have.
func TestShapes(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{
			name: "definition list",
			in: `<dl><dt>China</dt><dd>Peking University (1999.11.10)</dd><dd>Fudan University (2001.4.19)</dd>
				<dt>Korea</dt><dd>Seoul National University (2005.3.1)</dd></dl>`,
			want: []string{
				"heading China", "item Peking University (1999.11.10)", "item Fudan University (2001.4.19)",
				"heading Korea", "item Seoul National University (2005.3.1)",
			},
		},
		{
			name: "nested lists: the outer items are group labels",
			in: `<ul><li>Asia<ul><li>China<ul><li>Peking University</li><li>Fudan University</li></ul></li>
				<li>Korea<ol><li>Seoul National University</li></ol></li></ul></li>
				<li>Europe <span>(2)</span><ul><li><a href="x">Universität Wien</a></li></ul></li></ul>`,
			want: []string{
				"heading h1 Asia", "heading h2 China", "item • Peking University", "item • Fudan University",
				"heading h2 Korea", "item Seoul National University",
				"heading h1 Europe (2)", "item • Universität Wien",
			},
		},
		{
			name: "row headers in the first column",
			in: `<table><tr><th scope="col">Country</th><th scope="col">Partner</th><th scope="col">Date</th></tr>
				<tr><th scope="row">China</th><td>Peking University</td><td>1999.11.10</td></tr>
				<tr><th scope="row">Korea</th><td>Seoul National University</td><td>2005.3.1</td></tr>
				<tr><th scope="row">Japan</th><th scope="row">Tohoku University</th><td>2010.1.1</td></tr>
				<tr><th scope="row">Japan</th><th scope="row">Kyoto University</th><th scope="row">2011.1.1</th></tr></table>`,
			want: []string{
				"T0",
				"  H:Country|Partner|Date",
				"  China|Peking University|1999.11.10",
				"  Korea|Seoul National University|2005.3.1",
				"  Japan|Tohoku University|2010.1.1",
				"  Japan|Kyoto University|2011.1.1",
			},
		},
		{
			name: "two sections, a table each",
			in: `<h2>大学間協定</h2><table><tr><th>国名</th><th>大学名</th></tr><tr><td>中国</td><td>北京大学</td></tr></table>
				<h2>部局間協定</h2><table><tr><th>国名</th><th>大学名</th><th>部局</th></tr><tr><td>韓国</td><td>ソウル大学校</td><td>工学研究科</td></tr></table>`,
			want: []string{
				"heading h2 大学間協定", "T0", "  H:国名|大学名", "  中国|北京大学",
				"heading h2 部局間協定", "T1", "  H:国名|大学名|部局", "  韓国|ソウル大学校|工学研究科",
			},
		},
		{
			name: "br between entries in a paragraph and in a cell",
			in: `<p>Peking University (1999.11.10)<br>Fudan University (2001.4.19)<br/><br>Zhejiang University</p>
				<table><tr><td>China</td><td>Peking University<br>Fudan University</td></tr></table>`,
			want: []string{
				"text Peking University (1999.11.10)", "text Fudan University (2001.4.19)", "text Zhejiang University",
				"T0", "  China|Peking University/Fudan University",
			},
		},
		{
			name: "inline elements in cells",
			in: `<table><tr><td><font size="2"><a href="https://www.pku.edu.cn/">Peking</a> <span class="en">University</span></font></td>
				<td><span>1999</span>.<span>11</span>.<b>10</b></td><td><strong><em>中国</em></strong></td></tr></table>`,
			want: []string{"T0", "  Peking University|1999.11.10|中国"},
		},
		{
			name: "no-break, ideographic and zero-width spaces in cells",
			in:   "<table><tr><td>&nbsp;Peking&nbsp;&nbsp;University&#8203;</td><td>\u3000北京大学\u3000</td><td>&#xFEFF;1999.11.10&#x200B;</td><td>&nbsp;</td><td>Fudan</td></tr></table>",
			want: []string{"T0", "  Peking University|北京大学|1999.11.10||Fudan"},
		},
		{
			name: "caption",
			in:   `<table><caption>Agreements <b>(as of May 1, 2021)</b></caption><tr><th>Country<th>Partner<tr><td>China<td>Peking University</table>`,
			want: []string{"heading Agreements (as of May 1, 2021)", "T0", "  H:Country|Partner", "  China|Peking University"},
		},
		{
			name: "layout tables around the data table",
			in: `<table width="100%" role="presentation"><tr><td>Home &gt; International</td></tr></table>
				<table width="100%"><tr><td class="left"><p>Menu</p></td><td>
					<table border="0"><tr><td><h2>Partner Universities</h2></td></tr></table>
					<table border="1"><tr><th>Country</th><th>Partner</th></tr><tr><td>China</td><td>Peking University</td></tr></table>
				</td></tr></table>
				<table><tr><td><p>Contact: International Office</p></td></tr></table>`,
			want: []string{
				"text Home > International", "text Menu", "heading h2 Partner Universities",
				"T0", "  H:Country|Partner", "  China|Peking University",
				"text Contact: International Office",
			},
		},
		{
			name: "rows and cells left open, table never closed",
			in:   `<h2>Asia</h2><table><tr><td>China<td>Peking University<tr><td>Korea<td>Seoul National University`,
			want: []string{"heading h2 Asia", "T0", "  China|Peking University", "  Korea|Seoul National University"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := parseOutline(t, []byte(tt.in))
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestShiftJISDeclaredUTF8(t *testing.T) {
	page := encode(t, japanese.ShiftJIS, `<html><head><meta charset="UTF-8"><title>協定校</title></head><body><h2>アジア</h2><table><tr><th>国名</th><th>大学名</th></tr><tr><td>中国</td><td>北京大学（平成26年4月1日～）</td></tr></table>`)
	got, doc := parseOutline(t, page)
	assert.Equal(t, []string{"heading h2 アジア", "T0", "  H:国名|大学名", "  中国|北京大学（平成26年4月1日～）"}, got)
	assert.Equal(t, []string{"html:charset_detected:shift_jis"}, doc.Repairs)
	assert.Equal(t, "協定校", doc.Title)
}

func TestWindows31J(t *testing.T) {
	// ① (87 40), ㈱ (87 8A) and ～ (81 60) as Windows writes them.
	page := append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=Windows-31J"><p>`),
		encode(t, japanese.ShiftJIS, "ソウル大学校")...)
	page = append(page, "\x87\x40 \x87\x8a\x83\x65\x83\x58\x83\x67 2019\x94\x4e\x81\x60</p>"...)
	got, doc := parseOutline(t, page)
	assert.Equal(t, []string{"text ソウル大学校① ㈱テスト 2019年～"}, got)
	assert.Empty(t, doc.Repairs)
	// Undeclared, the same bytes are told to be Shift_JIS.
	got, doc = parseOutline(t, page[bytesIndex(page, "<p>"):])
	assert.Equal(t, []string{"text ソウル大学校① ㈱テスト 2019年～"}, got)
	assert.Equal(t, []string{"html:charset_detected:shift_jis"}, doc.Repairs)
}

func bytesIndex(b []byte, s string) int { return strings.Index(string(b), s) }
