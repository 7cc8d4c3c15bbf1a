package normalize

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSplitTitle: the scanner cuts a title where titleSepRe.Split does,
// for titles of the usual shapes and random strings of separators, white
// space, letters and invalid UTF-8.
func TestSplitTitle(t *testing.T) {
	texts := []string{"", "a", "|", "a|b", "a | b", "学術交流協定校一覧 | 名古屋大学", "Partner Universities - Kyoto University",
		"a -b", "a- b", "a  —  b", "a\t:\tb", "a ｜b", "a｜｜b", "| a |", " - ", "a /b / c", "a \xff| b", "\xef\xbd", "a \xe2\x80 b"}
	pieces := []string{" ", "  ", "\t", "\n", "\v", "\u3000", "|", "｜", "-", "–", "—", ":", "：", "/", "a", "大", "\xff", "\xef", "\xe2\x80", "\ufffd"}
	r := rand.New(rand.NewPCG(9, 10))
	for range 30000 {
		var b strings.Builder
		for range r.IntN(9) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		assert.Equal(t, titleSepRe.Split(s, -1), splitTitle(s), "%q", s)
	}
}
