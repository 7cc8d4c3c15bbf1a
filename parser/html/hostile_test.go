package html

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/japanese"

	"github.com/agreements/agreements/parser"
)

// nestedTablePage nests a one-row table in n elements of tag.
func nestedTablePage(tag string, n int) []byte {
	var b strings.Builder
	b.WriteString("<html><body>")
	b.WriteString(strings.Repeat("<"+tag+">", n))
	b.WriteString("<table><tr><td>Peking University</td><td>China</td></tr></table>")
	b.WriteString(strings.Repeat("</"+tag+">", n))
	b.WriteString("</body></html>")
	return []byte(b.String())
}

// TestHostileNesting reads pages nested far beyond what the tree builder
// takes: the segmenter follows them in time proportional to their size
// (the scans of its stack made 100,000 nested elements take minutes, a
// million hours), and the flattened page keeps its table's cells.
func TestHostileNesting(t *testing.T) {
	for _, tag := range []string{"div", "b", "span"} {
		t.Run(tag, func(t *testing.T) {
			b := nestedTablePage(tag, 100_000)
			doc, err := parse("deep.html", b, Options{}, 64<<10)
			require.NoError(t, err)
			assert.Contains(t, doc.Repairs, "html:flattened_deep_nesting")
			var rows [][]string
			for _, bl := range doc.Blocks {
				if bl.Table == nil {
					continue
				}
				for _, r := range bl.Table.Rows {
					var cells []string
					for _, c := range r.Cells {
						cells = append(cells, c.Text)
					}
					rows = append(rows, cells)
				}
			}
			assert.Equal(t, [][]string{{"Peking University", "China"}}, rows)
		})
	}
}

// TestFlattenKeepsTables checks that flattening keeps table and list
// tags below its limit, and drops the wrappers.
func TestFlattenKeepsTables(t *testing.T) {
	in := []byte("<div><div><div><ul><li>a</li></ul><table><tr><td>x</td></tr></table></div></div></div>")
	out, err := flatten(in, 1)
	require.NoError(t, err)
	assert.Equal(t, "<div><ul><li>a</li></ul><table><tr><td>x</td></tr></table></div>", string(out))
	_, err = Parse("f.html", out, Options{})
	var pe *parser.Error
	if err != nil {
		require.ErrorAs(t, err, &pe)
	}
}

func BenchmarkHostileNesting(b *testing.B) {
	page := nestedTablePage("div", 1_000_000)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("deep.html", page, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestOneInvalidByte: a page declared UTF-8 (or not declared) with a stray
// invalid byte is read as UTF-8 with that byte replaced, and says so; it
// is not read as windows-1252 mojibake.
func TestOneInvalidByte(t *testing.T) {
	b, err := os.ReadFile("../../fixtures/hostile/utf8-one-bad-byte.html")
	require.NoError(t, err)
	for _, in := range [][]byte{b, bytes.Replace(b, []byte(`<meta charset="utf-8">`), nil, 1)} {
		out, cs, by, err := Decode(in)
		require.NoError(t, err)
		assert.Equal(t, CharsetUTF8, cs)
		assert.Equal(t, ByMostlyUTF8, by)
		assert.True(t, utf8.Valid(out))
		assert.Equal(t, 1, strings.Count(string(out), "\uFFFD"))
		doc, err := Parse("bad-byte.html", in, Options{})
		require.NoError(t, err)
		assert.Equal(t, "学術交流協定校一覧", doc.Title)
		assert.Contains(t, doc.Repairs, "html:invalid_utf8_replaced")
	}
	// Shift_JIS is not UTF-8 with a few bad bytes.
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte("<p>北京大学 清華大学 復旦大学 ソウル大学校</p>"))
	require.NoError(t, err)
	_, cs, _, err := Decode(sjis)
	require.NoError(t, err)
	assert.Equal(t, CharsetShiftJIS, cs)
}

// widePage is a table of rows rows of cols cells, after a list table of
// two rows.
func widePage(rows, cols int) []byte {
	var b strings.Builder
	b.WriteString("<html><body><table><tr><th>Partner</th><th>Country</th></tr><tr><td>Peking University</td><td>China</td></tr></table><table>\n")
	row := "<tr>" + strings.Repeat("<td>x</td>", cols) + "</tr>\n"
	for range rows {
		b.WriteString(row)
	}
	b.WriteString("</table></body></html>")
	return []byte(b.String())
}

// TestWideTable: a table with a row of more cells than a list has columns
// is refused as too large, naming the table, the row and the bound,
// whether read whole or in segments (its rows then read from tokens);
// one just under the bound is read.
func TestWideTable(t *testing.T) {
	for _, segment := range []int{0, 64 << 10} {
		_, err := parse("wide.html", widePage(40, maxRowCells+1), Options{}, segment)
		require.ErrorIs(t, err, parser.ErrTooLarge, "segment %d", segment)
		assert.Contains(t, err.Error(), "wide.html: input too large: table 2: row 1 has more than 1000 cells")

		doc, err := parse("wide.html", widePage(40, maxRowCells), Options{}, segment)
		require.NoError(t, err, "segment %d", segment)
		last := doc.Blocks[len(doc.Blocks)-1].Table
		require.NotNil(t, last)
		assert.Len(t, last.Rows, 40)
		assert.Len(t, last.Rows[0].Cells, maxRowCells)
	}
	// a later row over the bound
	b := bytes.Replace(widePage(40, 10), []byte("</table></body>"),
		[]byte("<tr>"+strings.Repeat("<td>z</td>", 2*maxRowCells)+"</tr></table></body>"), 1)
	_, err := parse("wide.html", b, Options{}, 0)
	require.ErrorIs(t, err, parser.ErrTooLarge)
	assert.Contains(t, err.Error(), "table 2: row 41 has more than 1000 cells")
}
