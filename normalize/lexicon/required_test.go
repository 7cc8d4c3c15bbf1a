package lexicon

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRequiredShapes: what requiredOf reads from each shape of pattern.
func TestRequiredShapes(t *testing.T) {
	for _, c := range []struct {
		pattern string
		want    required
	}{
		{`現在`, required{known: true, sets: []litSet{{lits: []string{"現在"}}}}},
		{`(?P<d>\d+)\s*(?:現在|時点)`, required{known: true, sets: []litSet{{lits: []string{"現在", "時点"}}}}},
		{`(?i)total\s+\d+`, required{known: true, sets: []litSet{{lits: []string{"total"}, fold: true}}}},
		{`(?i)as of`, required{known: true, sets: []litSet{{lits: []string{"as of"}, fold: true}}}},                                 // ſ and K read as s and k
		{`(?i)as\s+(?:of|at)`, required{known: true, sets: []litSet{{lits: []string{"as of", "as at"}, fold: true, spaced: true}}}}, // white space between: one space
		{`a\s+b\s+c`, required{known: true, sets: []litSet{{lits: []string{"a b"}, spaced: true}, {lits: []string{"c"}}}}},
		{`a\s+(?i)b`, required{known: true, sets: []litSet{{lits: []string{"a"}}, {lits: []string{"b"}, fold: true}}}},                                                  // cases differ: not joined
		{`(?:x|yy)(?:al)?[- ]level\s+agreement`, required{known: true, sets: []litSet{{lits: []string{"x", "yy"}}, {lits: []string{"level agreement"}, spaced: true}}}}, // only what stands next to the space is joined
		{`a\s*b`, required{known: true, sets: []litSet{{lits: []string{"a"}}, {lits: []string{"b"}}}}},                                                                  // white space optional: not joined
		{`(?:a\s+b|c  d)`, required{}}, // two spaces cannot be read in folded text
		{`(?i)[a-z]+\d`, required{}},   // no literal
		{`a|(?i)b`, required{}},        // branches that disagree on case
		{`x*y?`, required{}},           // nothing required
		{`(?:abc){2,}d`, required{known: true, sets: []litSet{{lits: []string{"abc"}}, {lits: []string{"d"}}}}},
		{`(?:ab){0,3}c`, required{known: true, sets: []litSet{{lits: []string{"c"}}}}},
		{`\d+(所|项)`, required{known: true, sets: []litSet{{lits: []string{"所", "项"}}}}}, // a class of two runes
		{`\d+[:\s]x`, required{known: true, sets: []litSet{{lits: []string{"x"}}}}},     // an ASCII class: in most texts
		{`(?:ab|c)(?:de|fgh)`, required{known: true, sets: []litSet{{lits: []string{"ab", "c"}}, {lits: []string{"de", "fgh"}}}}},
		{`(`, required{}}, // not a pattern
	} {
		assert.Equal(t, c.want, requiredOf(c.pattern), c.pattern)
	}
}

// TestRequiredLexicon: every text an as-of or total pattern of the
// lexicon matches passes its pre-check.
func TestRequiredLexicon(t *testing.T) {
	var patterns []string
	for _, l := range []*Lang{English, Japanese, Chinese, Korean} {
		patterns = append(patterns, l.AsOf...)
		for _, tt := range l.Totals {
			patterns = append(patterns, tt.Pattern)
		}
	}
	pieces := []string{"As of ", "as at ", "Last Updated: ", "UPDATED ", "May 1, 2021", "2021年5月1日", "現在", "時点", "截至", "2021年5月",
		"현재", "기준", "2021년 5월", "Total ", "TOTAL: ", "agreements", "Agreements ", "12 ", "３", "校", "カ国・地域", "大学間", "全学",
		"部局", "个国家", "개국", "건", "universities", "countries", "計", "合計", "総数", " ", "(", "、",
		"aſ of ", "\u212aorea ", "UNIVERSITIEſ", "countrieſ", "所", "项", "\t", "INSTITUTIONS", "partner ", "\xff", "大学", "件", "as\tof ", "AS  AT ", "aſ\nof ", "last  updated ", "Last\tUpdated:", " on ", "\n", "  ",
		" in total", "University-wide agreements with ", "Institutional-level Agreements with ", "school-to-school agreements with ",
		"Faculty-level agreements with ", "の大学間協定", "の全学学術交流協定", "の部局間協定", "大学間協定数: ", "部局協定は", "and research institutions"}
	var texts []string
	r := rand.New(rand.NewPCG(15, 16))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(7) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, p := range patterns {
		re, q := regexp.MustCompile(p), requiredOf(p)
		matched := 0
		for _, s := range texts {
			if re.MatchString(s) {
				matched++
				assert.True(t, q.may(s), "%s refuses %q", p, s)
			}
		}
		t.Logf("%d texts matched %s", matched, p)
	}
}

// TestRequiredSharedForms: the requirements of the default lexicon's
// count and as-of expressions read a text alike from forms made once for
// all of them (Totals, AsOf) and each from its own, on texts of their
// literals in any case, with white space of every kind, the two
// characters that fold to ASCII letters, and invalid UTF-8.
func TestRequiredSharedForms(t *testing.T) {
	lx := Default()
	var qs []required
	for _, tot := range lx.totals {
		qs = append(qs, tot.need)
	}
	qs = append(qs, lx.asOfNeeds...)
	pieces := []string{" ", "  ", "\t", "\n", "ſ", "\u212a", "\xff", "12", "ＡＳ", "x"}
	for _, q := range qs {
		for _, s := range q.sets {
			for _, l := range s.lits {
				pieces = append(pieces, l, strings.ToUpper(l), strings.ReplaceAll(l, " ", "\t "))
			}
		}
	}
	r := rand.New(rand.NewPCG(9, 10))
	passed := 0
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		f := textForms{text: text}
		for _, k := range r.Perm(len(qs)) {
			want := qs[k].may(text)
			if want {
				passed++
			}
			assert.Equal(t, want, qs[k].mayIn(&f), "%q: requirement %d", text, k)
		}
	}
	assert.Greater(t, passed, 1000)
}
