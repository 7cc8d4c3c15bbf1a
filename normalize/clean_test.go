package normalize

import (
	"fmt"
	"math/rand/v2"
	"slices"
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

// TestPlainASCIIWords: plainASCII, reading eight bytes at a time, says of
// every text what a byte-by-byte reading says: each byte a printable ASCII
// character or a space, no two spaces together, none at the ends.
func TestPlainASCIIWords(t *testing.T) {
	byBytes := func(s string) bool {
		if s == "" {
			return true
		}
		if s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
			return false
		}
		for i := 0; i < len(s); i++ {
			if s[i] < 0x20 || s[i] > 0x7e {
				return false
			}
		}
		return true
	}
	base := "University of Example 12"
	for i := range len(base) {
		for _, b := range []byte{0x00, 0x1f, 0x20, 0x21, 0x7e, 0x7f, 0x80, 0xc3, 0xff, '\t'} {
			s := base[:i] + string([]byte{b}) + base[i+1:]
			assert.Equal(t, byBytes(s), plainASCII(s), "%q", s)
			s = base[:i] + string([]byte{b, b}) + base[i:]
			assert.Equal(t, byBytes(s), plainASCII(s), "%q", s)
		}
	}
	// Random texts, mostly printable ASCII and spaces (invalid UTF-8 and
	// other bytes now and then), at every alignment of the two spaces.
	plain := []string{"a", "Z", " ", "  ", "~", "!", "of "}
	other := []string{"\t", "\x00", "\x1f", "\x7f", "\x80", "\xff", "é", "大", "\xe5"}
	r := rand.New(rand.NewPCG(16, 17))
	for range 50000 {
		var b strings.Builder
		for range r.IntN(30) {
			if r.IntN(40) == 0 {
				b.WriteString(other[r.IntN(len(other))])
			} else {
				b.WriteString(plain[r.IntN(len(plain))])
			}
		}
		s := b.String()
		assert.Equal(t, byBytes(s), plainASCII(s), "%q", s)
	}
	for n := range 20 {
		s := strings.Repeat("a ", n) + "b"
		assert.Equal(t, byBytes(s), plainASCII(s), "%q", s)
		assert.Equal(t, byBytes(s+"é"), plainASCII(s+"é"), "%q", s+"é")
	}
}

// TestUnique: the texts of a list each once, but for empty ones, in their
// first order or sorted, never nil; a few compared one by one, more
// through a set, alike.
func TestUnique(t *testing.T) {
	for _, n := range []int{0, 1, uniqueScan, uniqueScan + 1, 3 * uniqueScan} {
		var in []string
		for i := range n {
			in = append(in, fmt.Sprint((i*7)%(n/2+1)), "")
		}
		var order []string
		for _, s := range in {
			if s != "" && !slices.Contains(order, s) {
				order = append(order, s)
			}
		}
		if order == nil {
			order = []string{}
		}
		sorted := slices.Sorted(slices.Values(order))
		if sorted == nil {
			sorted = []string{}
		}
		assert.Equal(t, order, uniqueKeepOrder(in), "%d", n)
		assert.Equal(t, sorted, uniqueSorted(in), "%d", n)
		assert.NotNil(t, uniqueKeepOrder(in))
		own := slices.Clone(in)
		assert.Equal(t, order, uniqueInPlace(own), "%d", n)
	}
	assert.NotNil(t, uniqueInPlace([]string{""}))
	assert.NotNil(t, uniqueInPlace([]string{}))
}

// TestUniqueInPlace: the texts kept are moved down over those dropped, and
// the list is cut after them with no room past its end, so that an append
// to it makes a list of its own.
func TestUniqueInPlace(t *testing.T) {
	in := make([]string, 0, 8)
	in = append(in, "b", "", "a", "b", "c")
	out := uniqueInPlace(in)
	assert.Equal(t, []string{"b", "a", "c"}, out)
	assert.Equal(t, len(out), cap(out))
	assert.Equal(t, []string{"b", "a", "c", "", ""}, in, "written over the list given, what is past the texts kept let go")
	_ = append(out, "d")
	assert.Equal(t, []string{"b", "a", "c", "", ""}, in, "an append makes a list of its own")
}
