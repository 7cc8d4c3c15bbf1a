package normalize

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/agreements/agreements/internal/textgen"
)

// randomTexts are n random strings of up to max pieces, seeded.
func randomTexts(seed uint64, n, most int, pieces ...string) []string {
	return textgen.Random(n, most, seed, seed+1, pieces)
}

// noise are pieces every scanner's test mixes in: white space of every
// kind, letters of case forms outside ASCII, invalid UTF-8.
var noise = []string{" ", "  ", "\t", "\n", "\v", "\u00a0", "\u3000", "ſ", "\u212a", "İ", "ı", "É", "é", "\xff", "\xe2\x80", "\ufffd", "x", "大"}

// agrees asserts that fast gives what slow (the expression, or the reading
// it stands in for) gives on every text, and that slow found something
// (found) in more than least of them, so that the texts reached the paths
// that match.
func agrees[T any](t *testing.T, texts []string, slow, fast func(string) T, found func(T) bool, least int) {
	t.Helper()
	hits := 0
	for _, s := range texts {
		want := slow(s)
		if found(want) {
			hits++
		}
		assert.Equal(t, want, fast(s), "%q", s)
	}
	assert.Greater(t, hits, least)
}

// memoAgrees asserts that memo, the remembered form of read, answers as
// read does on every text, asked twice over (the second time from what it
// remembered, or after it was emptied at its bound), and that read said
// true of more than least texts.
func memoAgrees(t *testing.T, texts []string, read, memo func(string) bool, least int) {
	t.Helper()
	hits := 0
	for round := range 2 {
		for _, s := range texts {
			want := read(s)
			if round == 0 && want {
				hits++
			}
			assert.Equal(t, want, memo(s), "%q round %d", s, round)
		}
	}
	assert.Greater(t, hits, least)
}

// What agrees counts as found: true, a text, a match.
func isTrue(v bool) bool       { return v }
func nonEmpty(v string) bool   { return v != "" }
func notNil[E any](v []E) bool { return v != nil }

func TestListNumber(t *testing.T) {
	texts := append([]string{"", "1. a", "12) b", "（3）c", "３．", "1234. x", "(12) y", "(1234) z", "1.", "(1)", "（１２３）　x", "1．2"},
		randomTexts(21, 30000, 6, append([]string{"1", "2", "３", "０", ".", ")", "．", "）", "(", "（", "a"}, noise...)...)...)
	agrees(t, texts, listNumberRe.FindString, listNumber, nonEmpty, 100)
}

func TestIsNote(t *testing.T) {
	texts := append([]string{"", "Note: x", "NOTES. y", "(注) z", "（ ※1", "† a", "noteſ:", "note s:", "notes", "Indicated in parentheſes", "INDICATED IN PARENTHESES.",
		"( note :", "((note:", "note\t.", "注"},
		randomTexts(22, 40000, 6, append([]string{"note", "NOTE", "Note", "s", "S", ":", ".", "：", "(", "（", "†", "‡", "※", "注", ")", "indicated in parentheses",
			"Indicated In Parentheſes", "indicated", " in ", "parentheses"}, noise...)...)...)
	agrees(t, texts, noteRe.MatchString, isNote, isTrue, 100)
}

func TestIsStrayWord(t *testing.T) {
	texts := append([]string{"", "of", "OF", "deſ", "DES", "the ", "and", "in", "Du", "fOr", "at", "a"},
		randomTexts(23, 30000, 3, append([]string{"of", "DES", "deſ", "The", "aNd", "in", "a", "t", "o", "f", "n", "d", "r", "h", "e", "i", "u", "s", "A", "T", "O", "F", "N", "D", "E", "S", "I"}, noise...)...)...)
	agrees(t, texts, strayWordRe.MatchString, isStrayWord, isTrue, 100)
}

func TestIsDateRest(t *testing.T) {
	texts := []string{"", "4.15", "4/15 締結", "4.15)", "12. 1 concluded）", "123.1", "1.123", "1.1締結)", "1 / 2", "1.", ".1"}
	// Texts made of the expression's parts in order, each part right or
	// wrong.
	parts := [][]string{{"1", "12", "123", "", "a"}, {"", " ", "\t ", "\u3000"}, {".", "/", "", "．"}, {"", " ", "\n"},
		{"4", "15", "", "150", "１"}, {"", " ", "\v"}, {"", "締結", "concluded", "締", "Concluded"}, {"", ")", "）", "))", "x"}}
	r := rand.New(rand.NewPCG(24, 25))
	for range 40000 {
		var b strings.Builder
		for _, p := range parts {
			b.WriteString(p[r.IntN(len(p))])
		}
		texts = append(texts, b.String())
	}
	texts = append(texts, randomTexts(26, 10000, 7, append([]string{"1", "2", "0", "9", ".", "/", "締結", "concluded", ")", "）", "締", "(", "１"}, noise...)...)...)
	agrees(t, texts, dateRestRe.MatchString, isDateRest, isTrue, 100)
}

func TestEndsWithConnector(t *testing.T) {
	texts := append([]string{"", "University of", "Institute OF", "Universität für", "UNIVERSITÄT FÜR", "Ecole deſ", "Tokyo,", "A &", "x-", "x–", "x/", "東京・", "東京、",
		"Proof", "xof", "x_of", "1of", "éof", "大of", "of"},
		randomTexts(25, 40000, 5, append([]string{"of", "OF", "and", "for", "the", "in", "at", "de", "du", "des", "der", "für", "FÜR", "und", "di", "da",
			"o", "f", "s", "_", "1", ",", "&", "-", "–", "/", "・", "、", "Univ"}, noise...)...)...)
	agrees(t, texts, connectorRe.MatchString, endsWithConnector, isTrue, 100)
}

// markerPieces are pieces of texts with markers before, between and after
// words.
var markerPieces = append([]string{"*", "＊", "♦", "※", "※1", "※ 2", "※１", "†", "#", "1", "２", " ", "\t", "a", "Univ", "大学", ",", "(", ")"}, noise...)

func TestLeadingAndAllMarkers(t *testing.T) {
	texts := append([]string{"", "* ※1 a", "※※1", "※ 1※2 x", "** *", "a *", "※\t1", "※ \xff"}, randomTexts(27, 40000, 7, markerPieces...)...)
	hits := 0
	for _, s := range texts {
		want := leadingMarkersRe.FindString(s)
		if want != "" {
			hits++
		}
		assert.Equal(t, want, leadingMarkers(s), "%q", s)
		assert.Equal(t, oneMarkerRe.FindAllString(s, -1), allMarkers(s), "%q", s)
		assert.Equal(t, len(allMarkers(s)), markersIn(s), "%q", s)
		assert.Equal(t, trailingMarkersRe.FindString(s), trailingMarkers(s), "%q", s)
		_, ms := splitMarkers(s)
		assert.Equal(t, len(ms), countMarkers(s), "%q", s)
	}
	assert.Greater(t, hits, 100)
}

func TestTitleThenUnit(t *testing.T) {
	texts := append([]string{"", "Hiroshima University (MoA on Collaboration), IDEC", "A (b) c", "A (b)", "A (b) , c", "A (b),, c", "A (b)） c", "A （b）、 c d",
		"A (b) c (d) e", "A (b) c, d", "A ) c", "A (b)\tc\n", "A (b) \xff"},
		randomTexts(28, 40000, 7, append([]string{"(", ")", "（", "）", ",", "，", "、", "Univ", "IDEC", "c d", "MoA"}, noise...)...)...)
	agrees(t, texts, titleThenUnitRe.FindStringSubmatchIndex, titleThenUnit, notNil, 100)
}

func TestIsAcademyName(t *testing.T) {
	texts := append([]string{"", "Chinese Academy of Sciences", "VIETNAM ACADEMY OF SCIENCE AND TECHNOLOGY", "Academy of Social Sciences", "xacademy of sciences",
		"Academy of Sciences (CAS)", "academy of  sciences", "Academy of Scienceſ"},
		randomTexts(29, 40000, 5, append([]string{"Academy of ", "academy OF ", "ACADEMY of ", "academy", " of ", "sciences", "Science", "science and technology",
			"social sciences", "agricultural sciences", "medical sciences", "Medical Sciences", "s", "ſ"}, noise...)...)...)
	agrees(t, texts, academyRe.MatchString, isAcademyName, isTrue, 100)
}

func TestTrailingDateScan(t *testing.T) {
	texts := append([]string{"", "Peking University (1999.11.10)", "A (ANSTO)", "A（2019年）", "A ()", "A (b) (c)", "A (b)c)", "a\nb (c)", "a (b\nc)", "(x)", " (x) ",
		"A (b) \n", "A ((b)", "A )b)", "A (b）", "\xff (b)"},
		randomTexts(30, 40000, 7, append([]string{"(", ")", "（", "）", "1999.11.10", "A", "Univ", " ", "\n", "\t"}, noise...)...)...)
	agrees(t, texts, trailingDateRE.FindStringSubmatch, trailingDate, notNil, 100)
}

// TestCleanShortcuts: clean skips the radical replacer only for texts with
// no byte a radical form starts with, and the folding of white space only
// for texts it would leave as they are.
func TestCleanShortcuts(t *testing.T) {
	for i := 0; i < len(radicalForms); i += 2 {
		assert.Contains(t, radicalLeads, radicalForms[i][:1], "%q", radicalForms[i])
	}
	texts := append([]string{"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\u3000b", "a\u00a0b", "a\u0085b", "東京 大学", "\xff \xff", "⻄北大学", "ﬁnance"},
		randomTexts(31, 40000, 6, append([]string{"a", "大", " ", "  ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u2028", "\u3000", "\u0085", "\u200b", "⻄", "‧", "ﬁ", "\xe2", "\xef"}, noise...)...)...)
	for _, s := range texts {
		assert.Equal(t, strings.Join(strings.Fields(s), " ") == s, spacesFolded(s), "%q", s)
		if !mayHaveRadical(s) {
			assert.Equal(t, s, radicals.Replace(s), "%q", s)
		}
	}
}

// TestTrailingMarkers: the markers that end a text, scanned, are what the
// expression finds: numbered ones (※1, ※ 12, ※１) after symbols or
// digits, white space between, digits with no ※ of their own.
func TestTrailingMarkers(t *testing.T) {
	pieces := []string{"※", "※1", "1", "12", "２", "★", "*", "#", " ", "\t", "\v", "a", "Univ", "大学", "\u3000", "\xff", "\xe2\x80\xbb"}
	texts := append([]string{"", "Univ ★", "Univ ※1", "Univ ※ 12 ★", "Univ 12 ★", "1 ※2", "※1 2", "x ※※1", "★ ", " ★", "※\t１"},
		randomTexts(41, 60000, 8, pieces...)...)
	agrees(t, texts, trailingMarkersRe.FindString, trailingMarkers, nonEmpty, 1000)
}
