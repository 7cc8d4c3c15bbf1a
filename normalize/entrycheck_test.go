package normalize_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/normalize"
	"github.com/agreements/agreements/normalize/lexicon"
	"github.com/agreements/agreements/parser"
)

// TestEntryPreCheckFixtures: on every line of every fixture document and
// layout-matrix rendering (and of the peer corpus's PDFs, when it is
// there), alone and joined with the lines after it as a wrapped entry is,
// the entry pre-check never says "cannot" where the entry reader reads an
// entry, and readsAsEntry, which reads the names only when the details may
// say something, gives the whole reading's verdict.
func TestEntryPreCheckFixtures(t *testing.T) {
	inputs := fixtureInputs(t)
	peers, err := filepath.Glob("../../shared/peer-corpus/*/*.pdf") // the peer corpus beside the repository, as the Makefile's PEER
	require.NoError(t, err)
	inputs = append(inputs, peers...)
	texts, entries := 0, 0
	for _, in := range inputs {
		b, err := os.ReadFile(in)
		require.NoError(t, err)
		doc := parseFile(in, b)
		if doc == nil {
			continue
		}
		check := normalize.EntryChecker(doc)
		for _, text := range normalize.LineTexts(doc) {
			may, entry, reads := check(text)
			texts++
			if reads != entry {
				t.Errorf("%s: readsAsEntry says %v, the whole reading %v: %q", in, reads, entry, text)
			}
			if entry {
				entries++
			}
			if entry && !may {
				t.Errorf("%s: the pre-check turns away an entry: %q", in, text)
			}
		}
	}
	t.Logf("%d texts, %d entries", texts, entries)
	assert.Positive(t, entries, "no entry read: the test checks nothing")
}

// TestEntryPreCheckRandom: on random texts made of the pieces entries are
// made of (the lexicon's level and kind words, dates, brackets, commas,
// dashes, markers, names and units) and of bytes that are no UTF-8, the
// pre-check never says "cannot" where the entry reader reads an entry, and
// readsAsEntry gives the whole reading's verdict.
func TestEntryPreCheckRandom(t *testing.T) {
	var words []string
	for _, l := range []*lexicon.Lang{lexicon.English, lexicon.Japanese, lexicon.Korean, lexicon.Chinese} {
		for _, lv := range l.Levels {
			words = append(words, lv...)
		}
		words = append(words, l.Kinds...)
		words = append(words, l.KindOpeners...)
		words = append(words, l.Concluded...)
	}
	slices.Sort(words)
	words = append(words,
		"University of Waterloo", "東北大学", "Tsinghua University", "Faculty of Agriculture", "工学研究科",
		"2012.3.15", "October 23, 2006", "平成18年10月30日", "令和元年5月1日", "２０１９年４月１日", "2019/08/08",
		"H30.4.1", "May 2021", "2024년 3월 1일", "①", "²", "元", "1", "2019",
		" (", ")", "（", "）", ", ", "、", " — ", " - ", "‐", ";", "*", "†", "※1", " ", "\u3000",
		"Kagoshima University", "Faculty of Medicine", "School of Engineering", "IDEC", "DLR", "German Aerospace Center",
		"University of California, Berkeley", "上海師範大学", "数理学院", "全南大学校", "Academy of Sciences", "Institute of Physics",
		" (School-to-school)", " (MoU)", "(University-wide, 2012.3.15)", "(GS Medicine)", "（部局間協定）", "♦", "★", "＊", "［", "］",
		"Ｍｏｕ", "ＭＯＡ", "UNIVERSITY-WIDE", "Univ\u00e9rsit\u00e9", "e\u0301", "'", "’", "\xff", "\xe5\xad", "\x80abc",
	)
	rng := rand.New(rand.NewPCG(16, 1))
	reader := normalize.EntryChecker(&parser.Document{})
	entries := 0
	for range 60000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			w := words[rng.IntN(len(words))]
			if rng.IntN(8) == 0 && len(w) > 1 {
				k := rng.IntN(len(w))
				w = w[:k] // cut anywhere, inside a character too
			}
			b.WriteString(w)
		}
		text := b.String()
		may, entry, reads := reader(text)
		if reads != entry {
			t.Errorf("readsAsEntry says %v, the whole reading %v: %q", reads, entry, text)
		}
		if entry {
			entries++
		}
		if entry && !may {
			t.Errorf("the pre-check turns away an entry: %q", text)
		}
	}
	t.Logf("%d entries", entries)
	assert.Positive(t, entries, "no entry read: the test checks nothing")
}
