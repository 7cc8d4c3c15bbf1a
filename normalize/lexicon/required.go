package lexicon

import (
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// A required is what every text a pattern matches contains: one of some
// literal texts, read from the pattern's syntax. A text with none of them
// is not run through the expression. The zero required (known false)
// lets every text pass.
type required struct {
	known bool
	lits  []string // one of them is in every match
	fold  bool     // the lits match regardless of ASCII case
}

// requiredOf reads what pattern requires; a pattern it cannot read gives
// the required that lets every text pass.
func requiredOf(pattern string) required {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return required{}
	}
	lits, fold, ok := requiredIn(re)
	if !ok || len(lits) == 0 {
		return required{}
	}
	return required{known: true, lits: lits, fold: fold}
}

// requiredIn returns texts one of which is in every match of re, and
// whether they match regardless of ASCII case. Case folding is read only
// for ASCII literals without k or s, which no character outside ASCII
// folds to.
func requiredIn(re *syntax.Regexp) (lits []string, fold, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		s := string(re.Rune)
		if re.Flags&syntax.FoldCase == 0 {
			return []string{s}, false, s != ""
		}
		for _, r := range re.Rune {
			if r >= utf8.RuneSelf || strings.ContainsRune("kKsS", r) {
				return nil, false, false
			}
		}
		return []string{strings.ToLower(s)}, true, s != ""
	case syntax.OpCapture:
		return requiredIn(re.Sub[0])
	case syntax.OpPlus:
		return requiredIn(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredIn(re.Sub[0])
		}
	case syntax.OpConcat:
		// Any part's requirement is the whole's: the one with the longest
		// shortest text.
		best := -1
		for _, sub := range re.Sub {
			l, f, ok := requiredIn(sub)
			if !ok {
				continue
			}
			if n := shortest(l); n > best {
				best, lits, fold = n, l, f
			}
		}
		return lits, fold, best > 0
	case syntax.OpAlternate:
		// One of the branches' requirements; the branches must agree on
		// case.
		for i, sub := range re.Sub {
			l, f, ok := requiredIn(sub)
			if !ok || i > 0 && f != fold {
				return nil, false, false
			}
			lits, fold = append(lits, l...), f
		}
		return lits, fold, len(lits) > 0
	}
	return nil, false, false
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

// may reports whether text holds one of the required texts (always, when
// nothing is known).
func (q required) may(text string) bool {
	if !q.known {
		return true
	}
	if q.fold {
		text = asciiLower(text)
	}
	for _, l := range q.lits {
		if strings.Contains(text, l) {
			return true
		}
	}
	return false
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
