package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/agreement"
)

// countryAfterName finds the record's own country written after a
// partner's name: "Northumbria University Inggris", "Aalto University,
// Finland", "Cranfield University (UK)". It returns the name without it.
//
// A country set off by a comma, a dash or brackets goes when the name
// before it names a university. One written straight after the name goes
// only when the name before it ends as an institution's, with a word of its
// own before that word: "Universitas Indonesia", "Universiti Teknologi
// Malaysia" and "National University of Singapore" keep theirs. A country
// other than the record's is part of the name ("Temple University Japan"
// in a list's United States) and stays.
func (c *docContext) countryAfterName(name, code string) (string, bool) {
	if code == "" {
		return "", false
	}
	name = strings.TrimRight(name, " ")
	if strings.HasSuffix(name, ")") {
		open := strings.LastIndexByte(name, '(')
		if open <= 0 {
			return "", false
		}
		// (what the name says before the brackets is looked at first:
		// most brackets hold an acronym or a kind, after no university)
		if rest, ok := c.setOff(name[:open]); ok && c.countryNamed(name[open+1:len(name)-1], code) {
			return rest, true
		}
		return "", false
	}
	// The last one to three words, fewest first: "UK", "United Kingdom",
	// "Republic of Korea".
	start := len(name)
	for range 3 {
		i := strings.LastIndexByte(name[:start], ' ')
		if i <= 0 {
			return "", false
		}
		start = i
		w := name[start+1:]
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			continue // "Republic of Korea": a word inside a country's name
		}
		// The name before first, a few bytes looked at (most names end
		// with no university word before their last word), then the
		// country's tables.
		if rest, ok := c.nameBefore(name[:start]); ok && c.countryNamed(w, code) {
			return rest, true
		}
		// "Korea" in "…, Republic of Korea": the longer tail may be it
	}
	return "", false
}

// countryNamed reports whether w names the country of the code.
func (c *docContext) countryNamed(w, code string) bool {
	country, _, _, ok := LookupCountry(w)
	return ok && country.Code == code
}

// nameBefore is the name left before a country written after it: set off
// by a comma or a dash, it must name a university; written straight
// after, it must end as one, with a word before that one.
func (c *docContext) nameBefore(before string) (string, bool) {
	before = strings.TrimRight(before, " ")
	for _, sep := range []string{",", " -", " –", " —"} {
		if cut, found := strings.CutSuffix(before, sep); found {
			return c.setOff(cut)
		}
	}
	return before, strings.Contains(before, " ") && c.endsAsInstitution(before)
}

// setOff is the name before a country set off from it, when it names a
// university. A ministry or a council is its country's
// ("Ministry of Health and Sports, Mongolia"): the country stays.
func (c *docContext) setOff(before string) (string, bool) {
	before = strings.TrimRight(before, " ")
	return before, c.namesUniversity(before)
}

// mayEndWithCountry reports a partner's name that may end with a country's
// (countryOutOfName): the record has a country, and the name ends with no
// digit, as no country's name does ("University of Example 123").
func mayEndWithCountry(r *Record) bool {
	if r.CountryCode == "" || len(r.Partner) < 4 {
		return false
	}
	last := r.Partner[len(r.Partner)-1]
	return last < '0' || last > '9'
}

// countryOutOfName takes the record's country off the end of its partner's
// name (countryAfterName), and says so in the repair
// "country_in_name:<as written>".
func (c *docContext) countryOutOfName(r *Record) {
	if strings.IndexByte(r.Partner, ' ') < 0 || c.endsAsInstitution(r.Partner) {
		return // ("Kagoshima University": no country after it)
	}
	rest, ok := c.countryAfterName(r.Partner, r.CountryCode)
	if !ok || rest == "" {
		return
	}
	written := strings.Trim(r.Partner[len(rest):], " ,-()")
	r.Partner = rest
	r.Repairs = append(r.Repairs, agreement.R(agreement.RepairCountryInName, written))
}
