package normalize

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The grouping names both readers read: a region or a country named by a
// heading, a group row, or a grouping column. One reading for all, so a
// heading and a cell that say the same thing file entries alike.

// groupName is what a group's name says.
type groupName struct {
	region   string   // canonical region, when the name is a region
	country  Country  // the country, when the name is one
	intl     bool     // international organisations
	repairs  []string // region_alias, country_alias, country_unknown...
	count    int      // a count the name states: "China (79)"
	hasCount bool
	known    bool // the name is a region or country the tables know
}

// groupText strips what surrounds a group's name: brackets, heading marks,
// a count.
func groupText(text string) (name string, count int, hasCount bool) {
	name = strings.TrimSpace(text)
	if isParenthesised(name) {
		name = strings.TrimSpace(name[1 : len(name)-1])
	}
	name, _ = unwrapHeading(name)
	name, _ = splitMarkers(name) // "Asia (63)**"
	return splitCount(name)
}

// readRegion reads a name as a region: "Asia", "(Asia)", "アジア州(6)",
// "ASIA (63)", or, when within is set (a heading), a title that names one
// ("Exchange agreements in Europe").
func (c *docContext) readRegion(text string, within bool) (groupName, bool) {
	name, count, hasCount := groupText(text)
	g := groupName{count: count, hasCount: hasCount}
	reg, ok := LookupRegion(name)
	if !ok {
		// "ヨーロッパ Europe": the name in two languages.
		if latin, other := SplitBilingual(name); latin != "" && other != "" {
			if reg, ok = LookupRegion(latin); !ok {
				reg, ok = LookupRegion(other)
			}
		}
	}
	if !ok {
		// "アジア州", "欧州地域": a region with the word for one.
		for _, suffix := range []string{"州", "地域", "地区", " region", " Region"} {
			if base, cut := strings.CutSuffix(name, suffix); cut && base != "" {
				if reg, ok = LookupRegion(base); ok {
					break
				}
			}
		}
	}
	if !ok && within {
		reg, ok = c.regionWithin(name)
	}
	if !ok {
		return g, false
	}
	g.region, g.intl, g.known = reg, reg == RegionInternational, true
	if reg != name {
		g.repairs = []string{"region_alias:" + name}
	}
	return g, true
}

// regionWithin finds a region named inside a longer heading, on word
// boundaries: "Exchange agreements in Europe", "Partner Universities in
// Asia (63)". Only a heading that names one region, and no country, counts.
func (c *docContext) regionWithin(name string) (string, bool) {
	if len(name) > 120 {
		return "", false
	}
	regions := c.lx.RegionsIn(name)
	if len(regions) != 1 {
		return "", false
	}
	found := regions[0]
	if found == "" {
		return "", false
	}
	if _, ok := c.countryWithin(name); ok {
		return "", false
	}
	return found, true
}

// countryWithin finds a country named inside a longer heading by trying its
// word runs, longest first: "Partner institutions in France".
func (c *docContext) countryWithin(name string) (Country, bool) {
	words := strings.Fields(strings.Map(func(r rune) rune {
		if strings.ContainsRune(",:;()（）「」【】/", r) {
			return ' '
		}
		return r
	}, name))
	if len(words) > 20 {
		return Country{}, false
	}
	if cn, ok := countryInWords(words); ok {
		return cn, true
	}
	// "United Europe Kingdom": a region's name set in the middle of the
	// rows a country's wrapped name takes, its words read among the
	// country's.
	kept := words[:0:0]
	for _, w := range words {
		if _, region := LookupRegion(w); !region {
			kept = append(kept, w)
		}
	}
	if len(kept) < len(words) {
		return countryInWords(kept)
	}
	return Country{}, false
}

// countryInWords finds the longest run of words (five at most) that names
// a country.
func countryInWords(words []string) (Country, bool) {
	for n := min(len(words), 5); n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			if cn, _, intl, ok := LookupCountry(strings.Join(words[i:i+n], " ")); ok && !intl {
				return cn, true
			}
		}
	}
	return Country{}, false
}

// textMemo bounds the texts a memo of the document's texts holds: it is
// emptied when full.
const textMemo = 4096

// remember keeps v as what was read of k in the memo m, a memo of the
// document's texts: emptied first when it holds textMemo of them. k must
// hold its own copy of its text (strings.Clone), not a slice of the
// document's.
func remember[K comparable, V any](m *map[K]V, k K, v V) {
	if *m == nil || len(*m) >= textMemo {
		*m = make(map[K]V)
	}
	(*m)[k] = v
}

// recall returns what read says of text, remembered in the memo m of the
// document's texts (see remember): read is asked once for each text while
// the memo keeps it.
func recall[V any](m *map[string]V, text string, read func(string) V) V {
	if v, ok := (*m)[text]; ok {
		return v
	}
	v := read(text)
	remember(m, strings.Clone(text), v)
	return v
}

// readCountry reads a name as a country: "China (79)", "U. S. A.",
// "オーストリア Austria", "CAMBODIA (3)". An unknown name is kept as the
// country's name with the repair country_unknown.
func (c *docContext) readCountry(text string) groupName {
	// A table's country cell repeats row after row: read each text once.
	if g, ok := c.countries[text]; ok {
		g.repairs = slices.Clone(g.repairs)
		return g
	}
	g := c.readCountryText(text)
	// Most texts read are a few countries, met again and again; a long
	// table's partner names, each read once, would otherwise pile up with
	// the text they are cut from.
	remember(&c.countries, strings.Clone(text), g)
	g.repairs = slices.Clone(g.repairs)
	return g
}

// mayNameCountry reports whether text may be read as a country with a
// code (readCountry): false only when it was read already and is not, so
// that a row's other text need not be read (a date read again and again,
// before a partner's name read once).
func (c *docContext) mayNameCountry(text string) bool {
	g, ok := c.countries[text]
	return !ok || g.known && g.country.Code != ""
}

// readCountryText reads a country group's name.
func (c *docContext) readCountryText(text string) groupName {
	name, count, hasCount := groupText(text)
	g := groupName{count: count, hasCount: hasCount}
	country, alias, intl, ok := LookupCountry(name)
	if !ok {
		// An official long form the tables do not hold: "スーダン共和国",
		// "タイ王国", "Republic of the Sudan", "Kingdom of Thailand".
		if short := shortCountryName(name); short != name {
			if country, _, intl, ok = LookupCountry(short); ok {
				alias = name
			}
		}
	}
	if !ok {
		latin, other := SplitBilingual(name)
		for _, part := range []string{latin, other} {
			if part == "" {
				continue
			}
			if country, _, intl, ok = LookupCountry(part); ok {
				alias = name
				break
			}
		}
	}
	switch {
	case ok && intl:
		g.intl, g.known = true, true
	case ok:
		g.country, g.known = country, true
		if alias != "" {
			g.repairs = []string{"country_alias:" + alias}
		}
	default:
		g.country = Country{Name: name}
		g.repairs = []string{"country_unknown:" + name}
	}
	return g
}

// shortCountryName drops the words of a state's official long form.
func shortCountryName(name string) string {
	for _, suffix := range []string{"連邦民主共和国", "民主共和国", "人民共和国", "連邦共和国", "共和国", "王国", "連邦", "合衆国", "国"} {
		if base, ok := strings.CutSuffix(name, suffix); ok && utf8.RuneCountInString(base) >= 2 {
			return base
		}
	}
	l := strings.ToLower(name)
	for _, prefix := range []string{"the republic of the ", "republic of the ", "the republic of ", "republic of ", "kingdom of ",
		"the kingdom of ", "state of ", "the state of ", "federal republic of ", "people's republic of "} {
		if strings.HasPrefix(l, prefix) && len(name) > len(prefix)+2 {
			return name[len(prefix):]
		}
	}
	return name
}

// regionThenCountry reads a group row's text that names a region, then a
// country, a space apart: two lines of one cell ("大洋州" / "オーストラリア",
// "Oceania" / "Australia") or one ("大洋州 オーストラリア"). ok is false for
// any other text.
func (c *docContext) regionThenCountry(text string) (region, country string, ok bool) {
	words := strings.Fields(text)
	if len(words) < 2 || len(words) > 6 {
		return "", "", false
	}
	if _, whole := c.readRegion(text, false); whole {
		return "", "", false // a region's name of several words, or in two languages ("北米 North America")
	}
	for k := 1; k < len(words); k++ {
		a, b := strings.Join(words[:k], " "), strings.Join(words[k:], " ")
		if _, isRegion := c.readRegion(a, false); !isRegion {
			continue
		}
		if g := c.readCountry(b); g.known && !g.intl {
			return a, b, true
		}
	}
	return "", "", false
}

// regionAndCountry reads a heading that names a region and a country in
// one line, parted by a comma, a slash, a dash or a colon ("Asia, China",
// "Europe / France", "China – Asia"): the region, then the country, or
// the other way round; or by a space, the region first ("大洋州
// オーストラリア", a cell's two lines: regionThenCountry). ok is false for
// any other text.
func (c *docContext) regionAndCountry(text string) (region, country groupName, ok bool) {
	i := strings.IndexAny(text, ",，/／:：–—")
	if i <= 0 {
		if a, b, ok := c.regionThenCountry(text); ok {
			r, _ := c.readRegion(a, false)
			return r, c.readCountry(b), true
		}
		return groupName{}, groupName{}, false
	}
	_, size := utf8.DecodeRuneInString(text[i:])
	a, b := strings.TrimSpace(text[:i]), strings.TrimSpace(text[i+size:])
	if a == "" || b == "" || strings.ContainsAny(b, ",，/／:：–—") {
		return groupName{}, groupName{}, false
	}
	for _, p := range [2][2]string{{a, b}, {b, a}} {
		r, isRegion := c.readRegion(p[0], false)
		if !isRegion {
			continue
		}
		if cn := c.readCountry(p[1]); cn.known && !cn.intl {
			return r, cn, true
		}
	}
	return groupName{}, groupName{}, false
}
