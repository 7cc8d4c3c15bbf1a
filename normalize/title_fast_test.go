package normalize

import (
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
	texts = append(texts, randomTexts(9, 30000, 8, pieces...)...)
	for _, s := range texts {
		assert.Equal(t, titleSepRe.Split(s, -1), splitTitle(s), "%q", s)
	}
}

// TestAsOfOpens: the scanner says what asOfOpenRe says, for lines of the
// usual shapes and random strings of its words in every case, brackets,
// white space, digits and invalid UTF-8.
func TestAsOfOpens(t *testing.T) {
	texts := []string{"", "as of", "(as of May", "List of partners (updated", "updated) x", "Updated 2024", "has of", "as  at",
		"aſ of", "AS OF", "as of)", "as ofx", "xas of", "2019年", "12月 ", "1日現", "1日現在", "as of）", "update", "updated_", "_updated"}
	pieces := []string{"as", "AS", "aſ", "a", "s", " ", "  ", "\t", "\n", "\v", "of", "OF", "at", "At", "updated", "UPDATED", "update", "d",
		")", "）", "(", "x", "_", "1", "９", "年", "月", "日", "現", "在", "\xff", "é", "May"}
	texts = append(texts, randomTexts(17, 40000, 7, pieces...)...)
	for _, s := range texts {
		assert.Equal(t, asOfOpenRe.MatchString(s), asOfOpens(s), "%q", s)
	}
}
