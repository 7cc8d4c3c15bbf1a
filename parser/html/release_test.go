package html

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/japanese"

	"github.com/agreements/agreements/parser"
)

// TestRelease: a page read with Options.Release reads as without it, and
// is told of its bytes in passes: the first over the whole page (its
// digest, charset and site), then the segments in order, each pass from
// the start of the page's text (after a byte order mark) to its end, one
// part after the other. A page converted from another charset is passed
// over once: its text is a copy. The pages: the fixtures, generated pages
// read in segments (UTF-8, after a byte order mark, Shift_JIS), and a
// small one read whole.
func TestRelease(t *testing.T) {
	pages := fixturePages(t, "../../fixtures/*/input.html")
	big := bigPage(3 << 20)
	pages["generated"] = big
	pages["generated after a byte order mark"] = append([]byte("\xef\xbb\xbf"), big...)
	var sjis strings.Builder
	sjis.WriteString(`<html><head><meta charset="Shift_JIS"><title>協定校</title></head><body><h2>アジア</h2><table><tr><th>国名</th><th>大学名</th></tr>`)
	for sjis.Len() < 2<<20 {
		sjis.WriteString("<tr><td>中国</td><td>北京大学（平成26年4月1日～）</td></tr>\n")
	}
	sjis.WriteString("</table></body></html>")
	pages["generated in Shift_JIS"] = encode(t, japanese.ShiftJIS, sjis.String())
	pages["small"] = []byte("<p>協定校</p><table><tr><td>中国</td><td>北京大学</td></tr></table>")

	for name, b := range pages {
		test := name
		if strings.HasPrefix(name, "../") {
			test = filepath.Base(filepath.Dir(name))
		}
		t.Run(test, func(t *testing.T) {
			want, werr := Parse("input.html", b, Options{})
			var parts [][2]int
			got, err := Parse("input.html", b, Options{Release: func(lo, hi int) { parts = append(parts, [2]int{lo, hi}) }})
			if werr != nil {
				require.Error(t, err)
				assert.Equal(t, werr.Error(), err.Error())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, string(parser.Dump(want)), string(parser.Dump(got)))

			require.NotEmpty(t, parts)
			assert.Equal(t, [2]int{0, len(b)}, parts[0], "the first pass: the whole page")
			start := 0
			if strings.HasPrefix(string(b), "\xef\xbb\xbf") {
				start = 3
			}
			utf, _, _, err := Decode(b)
			require.NoError(t, err)
			if &utf[len(utf)-1] != &b[len(b)-1] {
				assert.Len(t, parts, 1, "a copy of the page is read, not the page")
				return
			}
			require.Greater(t, len(parts), 1)
			at := parts[1][0]
			assert.Equal(t, start, at, "the segments are read from the start of the text")
			for _, p := range parts[1:] {
				if p[0] == start && at == len(b) {
					at = start // a pass again
				}
				assert.Equal(t, at, p[0], "one part after the other")
				assert.Less(t, p[0], p[1])
				at = p[1]
			}
			assert.Equal(t, len(b), at, "the last pass reaches the end")
			if strings.HasPrefix(name, "generated") {
				assert.Greater(t, len(parts), 10, "read in segments")
			}
		})
	}
}
