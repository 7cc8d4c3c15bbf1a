package html

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// TestParseHeld: a page read with its tables held, every row then made a
// few rows at a time (recycled between, as the parse child writes them),
// is the document Parse returns; the tables have no rows of their own.
// The pages are the fixtures, the layout matrix's renderings and a
// generated page read in segments.
func TestParseHeld(t *testing.T) {
	pages := fixturePages(t, "../../fixtures/*/input.html", "../../fixtures/matrix/*/input.html")
	pages["generated"] = bigPage(2 << 20)
	tables := 0
	for name, b := range pages {
		want, werr := Parse("input.html", b, Options{})
		h, err := ParseHeld("input.html", b, Options{})
		if werr != nil {
			require.Error(t, err, name)
			assert.Equal(t, werr.Error(), err.Error(), name)
			continue
		}
		require.NoError(t, err, name)
		for _, bl := range h.Document().Blocks {
			if tb := bl.Table; tb != nil {
				tables++
				require.Nil(t, tb.Rows, name)
				_, ok := h.RowCount(tb)
				require.True(t, ok, name)
			}
		}
		_, ok := h.RowCount(&parser.Table{})
		require.False(t, ok, "not a table of the document")
		doc := madeRows(h, 7)
		assert.Equal(t, want, doc, name)
	}
	assert.Greater(t, tables, 10)
}

// fixturePages reads the pages the patterns name, by their paths; none is
// a failure.
func fixturePages(t *testing.T, patterns ...string) map[string][]byte {
	t.Helper()
	pages := map[string][]byte{}
	for _, p := range patterns {
		names, err := filepath.Glob(p)
		require.NoError(t, err)
		for _, name := range names {
			b, err := os.ReadFile(name)
			require.NoError(t, err)
			pages[name] = b
		}
	}
	require.NotEmpty(t, pages)
	return pages
}

// madeRows gives the tables of h's document their rows, made part rows at
// a time as the parse child makes them (the room recycled between), each
// copied out of the room, and returns the document.
func madeRows(h *Held, part int) *parser.Document {
	doc := h.Document()
	for _, bl := range doc.Blocks {
		tb := bl.Table
		if tb == nil {
			continue
		}
		n, _ := h.RowCount(tb)
		var got []parser.Row
		for i := 0; i < n; i += part {
			for _, r := range h.Rows(tb, i, i+part) {
				r.Cells = append([]parser.Cell(nil), r.Cells...)
				for k := range r.Cells { // the lines' room is recycled too
					if l := r.Cells[k].Lines(); l != nil {
						r.Cells[k].SetLines(append(make([]string, 0, len(l)), l...))
					}
				}
				got = append(got, r)
			}
			h.Recycle()
		}
		tb.Rows = got
	}
	return doc
}

// TestTextArena: texts of one and of several lines, texts that fill a
// chunk and texts longer than one, read back as takeLines reads them; an
// arena whose chunks are all taken refuses more.
func TestTextArena(t *testing.T) {
	a := &textArena{}
	var w walker
	texts := []string{"Peking University", "a\nb c\n\nd", "", strings.Repeat("x", textChunk-5), "yyyyyy", strings.Repeat("長", textChunk), "z\n" + strings.Repeat("w", 3*textChunk)}
	for round := range 3 {
		for _, s := range texts {
			var buf textBuf
			buf.raw = append(buf.raw, s...)
			c, ok := a.add(&buf)
			require.True(t, ok)
			buf.raw = append(buf.raw[:0], s...)
			wantText, wantLines := w.takeLines(&buf)
			got := a.text(c)
			assert.Equal(t, wantText, got, "round %d", round)
			var lines []string
			if c.n > 0 {
				lines = a.linesOf(make([]string, 0, a.lineCount(c)), c, got)
			}
			assert.Equal(t, wantLines, lines, "round %d", round)
		}
	}
	full := &textArena{chunks: make([]*strings.Builder, maxChunks)}
	full.chunks[maxChunks-1] = &strings.Builder{}
	buf := textBuf{raw: []byte("more")}
	_, ok := full.add(&buf)
	assert.True(t, ok, "room in the last chunk")
	buf = textBuf{raw: []byte(strings.Repeat("m", textChunk))}
	_, ok = full.add(&buf)
	assert.False(t, ok, "no chunk left")
}
