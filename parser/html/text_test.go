package html

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/internal/textgen"
)

// splitLinesRef is the plain string form of textBuf.split: it splits at
// line breaks, folds white space, removes link notes and drops empty lines.
// The tests hold the buffered form to it.
func splitLinesRef(s string) []string {
	s = strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, s)
	var out []string
	for l := range strings.SplitSeq(s, "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			continue
		}
		l = linkNoteRefRe.ReplaceAllString(l, " ")
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// linkNoteRefRe is linkSuffixRe found anywhere.
var linkNoteRefRe = regexp.MustCompile(strings.Replace(linkSuffixRe.String(), "^", "", 1))

func splitBuf(s string) []string {
	var t textBuf
	t.raw = append(t.raw, s...)
	if t.split() == 0 {
		return nil
	}
	out := string(t.out)
	return t.lines(nil, out)
}

func TestSplitLines(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{" \t ", nil},
		{"  Peking   University ", []string{"Peking University"}},
		{"a\nb\n\n c ", []string{"a", "b", "c"}},
		{"Peking\u00a0University\u3000(1999)", []string{"Peking University (1999)"}},
		{"Seoul\u200b National\ufeff University\u00ad", []string{"Seoul National University"}},
		{"Tohoku University(外部サイト)", []string{"Tohoku University"}},
		{"A (PDF: 120KB) B [External Link]", []string{"A B"}},
		{"Fudan (2001.4.19)（新しいウィンドウで開きます）", []string{"Fudan (2001.4.19)"}},
		{"(外部サイト)", nil},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, splitBuf(tt.in), "%q", tt.in)
		assert.Equal(t, tt.want, splitLinesRef(tt.in), "reference, %q", tt.in)
	}
}

func FuzzSplitLines(f *testing.F) {
	for _, s := range []string{"a b", "x (外部サイト) y", "(PDF 1MB)", "\u3000\u00a0(  new window )", "[[(", "ſ\u212a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // the walker reads UTF-8 only
		}
		assert.Equal(t, splitLinesRef(s), splitBuf(s))
	})
}

// TestAppendFoldedWhole: a text appendFolded appends whole is what the
// rune by rune folding makes of it, on every text of up to four bytes from
// a set of ASCII letters, white space and non-ASCII bytes, and on random
// texts (invalid UTF-8 included).
func TestAppendFoldedWhole(t *testing.T) {
	pieces := []string{"a", "Z", " ", "  ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u3000", "\u200b", "\xff", "é", "-"}
	texts := textgen.Every(pieces, 4)
	texts = append(texts, textgen.Random(50_000, 39, 3, 4, []string{" ", "a", "b", "\t", "c", "\x80", "\xe3"})...)
	whole := 0
	for _, s := range texts {
		want := appendFoldedRunes([]byte("x"), []byte(s))
		require.Equal(t, string(want), string(appendFolded([]byte("x"), []byte(s))), "%q", s)
		if foldedASCII([]byte(s)) {
			whole++
		}
	}
	assert.Greater(t, whole, 1000)
}
