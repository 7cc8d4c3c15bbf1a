package lexicon

import (
	"slices"
	"strings"
	"unicode"
)

// Counts and dates a list states about itself.

// UnitOf maps the unit word of a total ("universities", "校") to
// "institutions", "agreements" or "countries".
func (lx *Lexicon) UnitOf(word string) string {
	if u, ok := lx.unitMap[Fold(word)]; ok {
		return u
	}
	return Fold(word)
}

// Count is a count a text states.
type Count struct {
	N     int
	Unit  string
	Level string
	Start int // byte offsets of the phrase in the text
	End   int
}

// Totals finds every count phrase in text, left to right, none overlapping.
// A count is a number above zero (atoi): a text with no digit, of ASCII or
// full width, states none.
func (lx *Lexicon) Totals(text string) []Count {
	if !hasCountDigit(text) {
		return nil
	}
	return lx.totalsIn(text)
}

// hasCountDigit reports a text with a digit atoi reads: 0-9 or ０-９.
func hasCountDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return strings.Contains(s, "\xef\xbc") && strings.ContainsFunc(s, func(r rune) bool { return '０' <= r && r <= '９' })
}

// totalsIn is Totals, for any text.
func (lx *Lexicon) totalsIn(text string) []Count {
	var out []Count
	var taken []bool               // made at the first match: most texts state no count
	forms := textForms{text: text} // (made once for every expression's requirement)
	for _, t := range lx.totals {
		if !t.need.mayIn(&forms) {
			continue
		}
		for _, m := range t.re.FindAllStringSubmatchIndex(text, -1) {
			if taken == nil {
				taken = make([]bool, len(text)+1)
			}
			if overlaps(taken, m[0], m[1]) {
				continue
			}
			c := Count{Unit: t.unit, Level: t.level, Start: m[0], End: m[1]}
			for i, name := range t.re.SubexpNames() {
				if m[2*i] < 0 {
					continue
				}
				v := text[m[2*i]:m[2*i+1]]
				switch name {
				case "n":
					if ordinal(text[:m[2*i]]) {
						v = "" // "パリ第7大学" names a university, it counts none
					}
					c.N = atoi(v)
				case "unit":
					c.Unit = lx.UnitOf(v)
				}
			}
			if c.N <= 0 {
				continue
			}
			for k := m[0]; k < m[1]; k++ {
				taken[k] = true
			}
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b Count) int { return a.Start - b.Start })
	return out
}

// AsOf finds the list's "as of" phrase in text and returns the date part.
func (lx *Lexicon) AsOf(text string) (string, bool) {
	forms := textForms{text: text} // (made once for every expression's requirement)
	for i, re := range lx.asOf {
		if !lx.asOfNeeds[i].mayIn(&forms) {
			continue
		}
		if m := re.FindStringSubmatch(text); m != nil {
			return strings.TrimSpace(m[re.SubexpIndex("d")]), true
		}
	}
	return "", false
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		case r == ',' || r == '，':
		default:
			return n
		}
		if n > 1_000_000_000 {
			return 0
		}
	}
	return n
}

// ordinal reports a number that is part of a name: after 第 (spaced out
// or not: "パリ第 7 大学"), or glued to a Latin letter or digit.
func ordinal(before string) bool {
	if lastRune(strings.TrimRight(before, " \u3000")) == '第' {
		return true
	}
	r := lastRune(before)
	return r < 0x3000 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
