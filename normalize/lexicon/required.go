package lexicon

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// A required is what every text a pattern matches contains: for each of
// its sets, one of the set's literal texts, read from the pattern's
// syntax. A text that lacks a set is not run through the expression. The
// zero required (known false) lets every text pass.
type required struct {
	known bool
	sets  []litSet // every match holds one literal of each set
}

// A litSet is literal texts one of which is in every match.
type litSet struct {
	lits []string
	fold bool // the lits match regardless of case (they are lower case)
	// spaced: a single space in the lits stands for a run of the
	// expression's white space (\s+), and they are looked for in the text
	// with its runs of that white space folded to one space. No lit of a
	// spaced set holds other white space.
	spaced bool
}

// maxSpacedLits is the most literals two sets joined by white space may
// make.
const maxSpacedLits = 16

// maxClassRunes is the most runes a character class may have to be read
// as a set of one-rune literals.
const maxClassRunes = 8

// requiredOf reads what pattern requires; a pattern it cannot read gives
// the required that lets every text pass.
func requiredOf(pattern string) required {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return required{}
	}
	sets, ok := requiredIn(re)
	if !ok || len(sets) == 0 {
		return required{}
	}
	return required{known: true, sets: sets}
}

// requiredIn returns sets of texts, one of each in every match of re.
// Case folding is read for ASCII literals: of the characters outside
// ASCII, only the long s (ſ) and the Kelvin sign fold to ASCII letters,
// and may reads them as s and k.
func requiredIn(re *syntax.Regexp) (sets []litSet, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		s := string(re.Rune)
		if s == "" {
			return nil, false
		}
		if re.Flags&syntax.FoldCase == 0 {
			return []litSet{{lits: []string{s}}}, true
		}
		for _, r := range re.Rune {
			if r >= utf8.RuneSelf {
				return nil, false
			}
		}
		return []litSet{{lits: []string{strings.ToLower(s)}, fold: true}}, true
	case syntax.OpCharClass:
		// A class of a few runes outside ASCII ([校件]): one of them.
		// (A class of ASCII runes, [:\s], is in most texts.)
		var lits []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if lo < utf8.RuneSelf || hi-lo >= maxClassRunes || len(lits)+int(hi-lo)+1 > maxClassRunes {
				return nil, false
			}
			for r := lo; r <= hi; r++ {
				lits = append(lits, string(r))
			}
		}
		return []litSet{{lits: lits}}, len(lits) > 0
	case syntax.OpCapture:
		return requiredIn(re.Sub[0])
	case syntax.OpPlus:
		return requiredIn(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredIn(re.Sub[0])
		}
	case syntax.OpConcat:
		// Every part's requirements are the whole's; two parts with white
		// space between them ("as\s+(?:of|at)") require their literals
		// with a space between ("as of", "as at").
		for k := 0; k < len(re.Sub); k++ {
			s, ok := requiredIn(re.Sub[k])
			if !ok {
				continue
			}
			if k+2 < len(re.Sub) && isSpaceRun(re.Sub[k+1]) {
				if joined, ok := joinSpaced(re.Sub[k], re.Sub[k+2]); ok {
					sets = append(sets, joined)
					k += 2
					continue
				}
			}
			sets = append(sets, s...)
		}
		return sets, len(sets) > 0
	case syntax.OpAlternate:
		// One of the branches' requirements: each branch's best set, the
		// branches agreeing on case.
		var union litSet
		for i, sub := range re.Sub {
			s, ok := requiredIn(sub)
			if !ok {
				return nil, false
			}
			best := bestSet(s)
			if i > 0 && best.fold != union.fold {
				return nil, false
			}
			union.lits, union.fold, union.spaced = append(union.lits, best.lits...), best.fold, union.spaced || best.spaced
		}
		for _, l := range union.lits { // (every lit must read the same in the folded text)
			if union.spaced && !spacedOK(l) {
				return nil, false
			}
		}
		return []litSet{union}, len(union.lits) > 0
	}
	return nil, false
}

// isSpaceRun reports \s+: a run of the expressions' white space.
func isSpaceRun(re *syntax.Regexp) bool {
	if re.Op != syntax.OpPlus || re.Sub[0].Op != syntax.OpCharClass {
		return false
	}
	return slices.Equal(re.Sub[0].Rune, []rune{'\t', '\n', '\f', '\r', ' ', ' '})
}

// joinSpaced reads a and b, parts of a pattern with white space between
// them, that each match one of a few literals and nothing else ("as",
// "(?:of|at)"): every match holds a literal of a, white space and a literal
// of b, and so a text with its white space folded holds one of the
// literals joined by a space.
func joinSpaced(a, b *syntax.Regexp) (litSet, bool) {
	x, xok := exactSet(a)
	y, yok := exactSet(b)
	if !xok || !yok || x.fold != y.fold || len(x.lits)*len(y.lits) > maxSpacedLits {
		return litSet{}, false
	}
	j := litSet{fold: x.fold, spaced: true}
	for _, l := range x.lits {
		for _, r := range y.lits {
			if strings.ContainsAny(l+r, spaceRunes) {
				return litSet{}, false
			}
			j.lits = append(j.lits, l+" "+r)
		}
	}
	return j, true
}

// exactSet is the set of texts re matches when re is a literal, or a
// choice of literals of the same case folding: each match is one of them,
// whole.
func exactSet(re *syntax.Regexp) (litSet, bool) {
	switch re.Op {
	case syntax.OpCapture:
		return exactSet(re.Sub[0])
	case syntax.OpLiteral:
		sets, ok := requiredIn(re)
		if !ok || len(sets) != 1 {
			return litSet{}, false
		}
		return sets[0], true
	case syntax.OpAlternate:
		var all litSet
		for i, sub := range re.Sub {
			s, ok := exactSet(sub)
			if !ok || i > 0 && s.fold != all.fold {
				return litSet{}, false
			}
			all.lits, all.fold = append(all.lits, s.lits...), s.fold
		}
		return all, len(all.lits) > 0
	}
	return litSet{}, false
}

// spaceRunes are the expressions' white space (\s).
const spaceRunes = "\t\n\f\r "

// spacedOK reports a literal that reads the same in a text whose runs of
// white space are folded to one space: single spaces between other
// characters.
func spacedOK(l string) bool {
	return !strings.ContainsAny(l, "\t\n\f\r") && !strings.Contains(l, "  ") && strings.TrimSpace(l) == l
}

// bestSet is the set whose shortest literal is the longest: the one a
// text lacks most often.
func bestSet(sets []litSet) litSet {
	best, n := sets[0], shortest(sets[0].lits)
	for _, s := range sets[1:] {
		if m := shortest(s.lits); m > n {
			best, n = s, m
		}
	}
	return best
}

func shortest(lits []string) int {
	n := -1
	for _, l := range lits {
		if n < 0 || len(l) < n {
			n = len(l)
		}
	}
	return n
}

// may reports whether text holds a literal of each set (always, when
// nothing is known).
func (q required) may(text string) bool {
	f := textForms{text: text}
	return q.mayIn(&f)
}

// mayIn is may for the text of f, whose forms the requirements of
// several expressions share.
func (q required) mayIn(f *textForms) bool {
	if !q.known {
		return true
	}
	for _, s := range q.sets {
		t := f.form(s.fold, s.spaced)
		found := false
		for _, l := range s.lits {
			if strings.Contains(t, l) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// textForms are the forms of a text the literals are looked for in: the
// text lowered (foldLower) and its white space folded (foldSpaces), each
// made once, when first asked for.
type textForms struct {
	text  string
	forms [4]string // by fold (1) and spaced (2)
	made  [4]bool
}

func (f *textForms) form(fold, spaced bool) string {
	k := 0
	if fold {
		k |= 1
	}
	if spaced {
		k |= 2
	}
	if !f.made[k] {
		t := f.text
		if fold {
			t = foldLower(t)
		}
		if spaced {
			t = foldSpaces(t)
		}
		f.forms[k], f.made[k] = t, true
	}
	return f.forms[k]
}

// foldSpaces makes each run of the expressions' white space in s one
// space.
func foldSpaces(s string) string {
	if !strings.ContainsAny(s, "\t\n\f\r") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(spaceRunes, s[i]) >= 0 {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteByte(s[i])
	}
	return b.String()
}

// foldLower lowers the ASCII letters of s, and reads the two characters
// outside ASCII that fold to ASCII letters as those: the long s (ſ) as s,
// the Kelvin sign as k.
func foldLower(s string) string {
	if strings.Contains(s, "ſ") || strings.Contains(s, "\u212a") {
		s = strings.NewReplacer("ſ", "s", "\u212a", "k").Replace(s)
	}
	return asciiLower(s)
}

// asciiLower lowers the ASCII letters of s alone.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
