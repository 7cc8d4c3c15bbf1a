package lexicon

import (
	"regexp/syntax"
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
}

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
		// Every part's requirements are the whole's.
		for _, sub := range re.Sub {
			if s, ok := requiredIn(sub); ok {
				sets = append(sets, s...)
			}
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
			union.lits, union.fold = append(union.lits, best.lits...), best.fold
		}
		return []litSet{union}, len(union.lits) > 0
	}
	return nil, false
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
	if !q.known {
		return true
	}
	folded, done := "", false
	for _, s := range q.sets {
		t := text
		if s.fold {
			if !done {
				folded, done = foldLower(text), true
			}
			t = folded
		}
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
