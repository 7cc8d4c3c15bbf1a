package normalize

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestListTextsRemembered: columnName and namesGroup answer for a text as
// they read it unremembered, also once their memos have been emptied, and
// the memos stay bounded.
func TestListTextsRemembered(t *testing.T) {
	c := newContext(tdoc(nil), Options{Institution: "Tohoku University"})
	c.list = &listState{}
	texts := append([]string{"", "Partner Institution", "Department at Tohoku University", "授業料不徴収", "Tuition Exemption",
		"(Asia)", "CHINA (14)", "アジア Asia", "China", "ASIA (63)", "Exchange agreements in Europe", "Kagoshima University"},
		randomTexts(34, 2*textMemo, 4, append([]string{"Partner", " Institution", "Asia", "China", "Europe", " (", ")", "(14)",
			"アジア", "中国", "Date of Agreement", "University", "Tuition", " Exemption", "Tohoku", " "}, noise...)...)...)
	require.Greater(t, len(texts), textMemo)
	memoAgrees(t, texts, c.readColumnName, c.columnName, 20)
	memoAgrees(t, texts, c.readNamesGroup, c.namesGroup, 100)
	assert.LessOrEqual(t, len(c.list.columnNames), textMemo)
	assert.LessOrEqual(t, len(c.list.groupNames), textMemo)
}

// TestJoinedBrackets: the brackets of lines joined as a wrapped entry is
// (joinWrapped, which cleans each line) are the brackets of the lines as
// they are: opensEntry adds up theirs instead of joining them, on lines
// of any script, spacing, radicals, combining marks and invalid UTF-8.
func TestJoinedBrackets(t *testing.T) {
	texts := randomTexts(36, 30000, 5, append([]string{"(", ")", "（", "）", "[", "］", "［", "]", "Name", " ", "  ", "平成 14 年",
		"⼤学", "\u0301", "e\u0301", "・ ", "2012", "-", "‐", "大", "ｱ", "\xff", "\xe2\x80"}, noise...)...)
	for k := 0; k+3 <= len(texts); k += 3 {
		parts := texts[k : k+3]
		depth, opens := 0, false
		for _, p := range parts {
			depth, opens = depth+bracketDepth(p), opens || openBrackets.in(p)
		}
		joined := joinWrapped(parts)
		assert.Equal(t, bracketDepth(joined), depth, "%q", parts)
		assert.Equal(t, strings.ContainsAny(joined, "(（"), opens, "%q", parts)
	}
}

// TestDetailsSayRemembered: detailsSay answers for a text while a list is
// read (remembered) as it does without a list (read each time), also once
// its memo has been emptied, and the memo stays bounded.
func TestDetailsSayRemembered(t *testing.T) {
	bare := newContext(tdoc(nil), Options{})
	c := newContext(tdoc(nil), Options{})
	c.list = &listState{}
	texts := randomTexts(37, 2*textMemo, 4, append([]string{"University-wide", "School-to-school", "MoU", "2012.3.15", "October 23",
		"2006", "平成18年10月30日", "部局間協定", "GS Medicine", "see table A-2", ", ", "、", "concluded ", "Faculty of Agriculture",
		"(", ")", "*"}, noise...)...)
	require.Greater(t, len(texts), textMemo)
	for _, opt := range []DateOptions{{}, {MonthFirst: true}} {
		memoAgrees(t, texts,
			func(s string) bool { return bare.detailsSay(s, entryOpts{}, opt) },
			func(s string) bool { return c.detailsSay(s, entryOpts{}, opt) }, 50)
	}
	assert.LessOrEqual(t, len(c.list.bracketDetails), textMemo)
}

// TestSectionLevelShapes: a title of level words is a section's, a name
// with its details after a dash is an entry's first line, and a line
// without level words is neither.
func TestSectionLevelShapes(t *testing.T) {
	c := newContext(tdoc(nil), Options{})
	for _, tc := range []struct {
		text string
		ok   bool
	}{
		{"University Level Agreements", true},
		{"部局間協定", true},
		{"Department Level Agreements — 2020", true},
		{"Korea Institute of Science and Technology (KIST) — 部局間協定", false},
		{"Tsinghua University — School-to-school agreement", false},
		{"Partner Institutions in France", false},
		{"", false},
	} {
		_, ok := c.sectionLevel(tc.text)
		assert.Equal(t, tc.ok, ok, "%q", tc.text)
	}
}
