package normalize

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/agreements/agreements/parser"
)

// The spaces a typesetter puts between Japanese and Latin text are not the
// text's; the space between a name and its other-language name is.
func TestCleanTypesetterSpaces(t *testing.T) {
	for in, want := range map[string]string{
		"パリ第 7 大学":                             "パリ第7大学",
		"平成 14 年 3 月 1 日":                      "平成14年3月1日",
		"エドウィン・ O・ライシャワー日本研究所":                 "エドウィン・O・ライシャワー日本研究所",
		"カレル大学 Charles University":             "カレル大学 Charles University",
		"ウィーン工科大学 Technische Universität Wien": "ウィーン工科大学 Technische Universität Wien",
		"University of Tokyo 2 campuses":       "University of Tokyo 2 campuses",
		"  Peking\u00a0University ":            "Peking University",
	} {
		assert.Equal(t, want, clean(in), in)
	}
}

func TestPlainASCII(t *testing.T) {
	for s, want := range map[string]bool{
		"": true, "Peking University": true, "a": true,
		" Peking": false, "Peking ": false, "Peking  University": false, "Peking\tUniversity": false,
		"Université": false, "ﬁne": false,
	} {
		assert.Equal(t, want, plainASCII(s), "%q", s)
		if want {
			assert.Equal(t, s, clean(s))
		}
	}
}

// TestJoinedCellsWithin: the joined cells of a row when they are short
// enough, as joinedCells joins them, and no joining when they are not.
func TestJoinedCellsWithin(t *testing.T) {
	rows := []parser.Row{
		{},
		{Cells: []parser.Cell{{Text: "(as"}, {Text: "of 2021.5.1)"}}},
		{Cells: []parser.Cell{{Text: " a  b "}, {Text: "", Covered: true}, {Text: "x", Covered: true}, {Text: "東京\u3000大学"}}},
		{Cells: []parser.Cell{{Text: strings.Repeat("a", 20)}, {Text: strings.Repeat("b", 19)}}},
		{Cells: []parser.Cell{{Text: strings.Repeat("a", 20)}, {Text: strings.Repeat("b", 20)}}},
		{Cells: []parser.Cell{{Text: strings.Repeat("é", 20)}, {Text: "b"}}},
	}
	for _, r := range rows {
		want := joinedCells(r)
		got, ok := joinedCellsWithin(r, 40)
		assert.Equal(t, len(want) <= 40, ok, "%q", want)
		if ok {
			assert.Equal(t, want, got)
		}
	}
}
