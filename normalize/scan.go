package normalize

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// sectionLevel recognises a section title and the level of agreements it
// introduces: "University Level Agreements", "Department Level Agreements",
// "大学間協定", "部局間協定".
func sectionLevel(text string) (string, bool) {
	t := strings.ToLower(clean(text))
	if len([]rune(t)) > 80 {
		return "", false
	}
	switch {
	case strings.Contains(t, "university level") || strings.Contains(t, "university-level") ||
		strings.Contains(t, "university-wide") || strings.Contains(t, "institution-wide") ||
		strings.Contains(t, "inter-university") || strings.Contains(t, "大学間") || strings.Contains(t, "全学"):
		return LevelUniversity, true
	case strings.Contains(t, "department level") || strings.Contains(t, "department-level") ||
		strings.Contains(t, "school-to-school") || strings.Contains(t, "faculty level") ||
		strings.Contains(t, "部局間") || strings.Contains(t, "部局"):
		return LevelDepartment, true
	}
	return "", false
}

var (
	asOfRe = []*regexp.Regexp{
		regexp.MustCompile(`(?i)^[(（]?\s*as\s+of\s+(.+?)\s*[)）]?$`),
		regexp.MustCompile(`^[(（]?\s*(.+?)\s*(?:現在|時点)\s*[)）]?$`),
	}
	totalRes = []struct {
		re   *regexp.Regexp
		unit int // submatch index of the unit word, 0 when fixed
		num  int
		fix  string
	}{
		{regexp.MustCompile(`(?i)^total(?:\s+of|:)?\s+([0-9,]+)\s+(institutions|universities|agreements|partners|countries)\b`), 2, 1, ""},
		{regexp.MustCompile(`(?i)^([0-9,]+)\s+(institutions|universities|agreements|partners)\s+in\s+total\b`), 2, 1, ""},
		{regexp.MustCompile(`^(?:合計|計|総数)\s*[:：]?\s*([0-9０-９,]+)\s*(?:機関|大学|校)`), 0, 1, "institutions"},
		{regexp.MustCompile(`^(?:合計|計|総数)\s*[:：]?\s*([0-9０-９,]+)\s*(?:件|協定)`), 0, 1, "agreements"},
	}
	countriesAndRe = regexp.MustCompile(`(?i)^([0-9,]+)\s+countries(?:\s+and\s+regions)?\s*,?\s*([0-9,]+)\s+(institutions|universities|agreements)\b`)
)

// scan is the first pass: legend, "as of" date and declared totals,
// wherever they stand. Lines it reads are marked so the second pass skips
// them.
func (c *docContext) scan() {
	level := ""
	for _, b := range c.doc.Blocks {
		l := b.Line
		if l == nil {
			continue
		}
		text := clean(l.Text)
		if lv, ok := sectionLevel(text); ok && !looksLikeEntry(text) {
			level = lv
		}
		if m, def, ok := parseLegendLine(text); ok {
			c.legend.add(m, def, level)
			continue
		}
		if c.asOf == "" {
			if d, ok := parseAsOf(text); ok {
				c.asOf = d
			}
		}
	}
}

// looksLikeEntry reports whether a line ends with a date, as list entries do.
func looksLikeEntry(text string) bool {
	_, _, ok := TrailingDate(text)
	return ok
}

// parseAsOf reads "(as of May 1, 2021)" or "2021年5月1日現在".
func parseAsOf(text string) (string, bool) {
	if len([]rune(text)) > 60 {
		return "", false
	}
	for _, re := range asOfRe {
		if m := re.FindStringSubmatch(text); m != nil {
			if d, err := ParseDate(strings.TrimSpace(m[1]), DateOptions{}); err == nil {
				return d.ISO, true
			}
		}
	}
	return "", false
}

// parseDeclared reads a line that states a total: "Total of 250
// institutions", "64 countries and regions, 481 institutions".
func parseDeclared(text, level string, page, row int) []Declared {
	t := strings.Trim(clean(text), "()（）")
	if m := countriesAndRe.FindStringSubmatch(t); m != nil {
		return []Declared{
			{Level: level, Scope: "section", Count: atoi(m[1]), Unit: "countries", Text: text, Page: page, Row: row},
			{Level: level, Scope: "section", Count: atoi(m[2]), Unit: unitWord(m[3]), Text: text, Page: page, Row: row},
		}
	}
	for _, tr := range totalRes {
		if m := tr.re.FindStringSubmatch(t); m != nil {
			unit := tr.fix
			if tr.unit > 0 {
				unit = unitWord(m[tr.unit])
			}
			return []Declared{{Level: level, Scope: "section", Count: atoi(m[tr.num]), Unit: unit, Text: text, Page: page, Row: row}}
		}
	}
	return nil
}

func unitWord(w string) string {
	switch strings.ToLower(w) {
	case "universities", "partners", "institutions":
		return "institutions"
	case "agreements":
		return "agreements"
	case "countries":
		return "countries"
	}
	return strings.ToLower(w)
}

func atoi(s string) int {
	s = strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		if r == ',' {
			return -1
		}
		return r
	}, s)
	n, _ := strconv.Atoi(s)
	return n
}

// trailingCountRe matches a count after a name: "China (79)".
var trailingCountRe = regexp.MustCompile(`\s*[(（]\s*([0-9０-９]+)\s*[)）]\s*$`)

// splitCount removes a trailing "(N)" count from a group name.
func splitCount(s string) (string, int, bool) {
	loc := trailingCountRe.FindStringSubmatchIndex(s)
	if loc == nil {
		return s, 0, false
	}
	return strings.TrimSpace(s[:loc[0]]), atoi(s[loc[2]:loc[3]]), true
}

// noteRe matches the start of a footnote or note: a reference mark, "Note",
// "注".
var noteRe = regexp.MustCompile(`(?i)^[(（]?\s*(?:[†‡]|※|注[:：)）]?|notes?\s*[:.]|indicated in parentheses)`)

// lineIsNote reports a line that is never an entry: a legend line, a
// footnote, an "as of" line.
func lineIsNote(text string) bool {
	if _, _, ok := parseLegendLine(text); ok {
		return true
	}
	if _, ok := parseAsOf(text); ok {
		return true
	}
	return noteRe.MatchString(text)
}

// institutionWords mark a name as an institution's.
var institutionWords = []string{"university", "institute of technology", "college", "大学", "大學", "학교", "高等専門学校"}

// listWords mark a title segment as the list's own title, not its publisher.
var listWords = []string{"agreement", "partner", "exchange", "list", "協定", "一覧", "交流", "提携"}

// titleSepRe splits a page title into its segments.
var titleSepRe = regexp.MustCompile(`\s+[|｜\-–—:：/]\s+|[|｜]`)

// institutionFromTitle finds the publisher in a page title such as
// "学術交流協定校一覧 | 名古屋大学" or "Partner Universities - Kyoto University":
// the one segment that names an institution and not the list.
func institutionFromTitle(title string) (string, bool) {
	parts := titleSepRe.Split(clean(title), -1)
	found := ""
	for _, p := range parts {
		p = strings.TrimSpace(p)
		l := strings.ToLower(p)
		if p == "" || utf8.RuneCountInString(p) > 60 || !containsAnyWord(l, institutionWords) || containsAnyWord(l, listWords) {
			continue
		}
		if found != "" && found != p {
			return "", false // two candidates: do not guess
		}
		found = p
	}
	return found, found != ""
}

func containsAnyWord(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
