package xlsx

import "strings"

// precision is how much of a date a number format shows; 0 when the format
// is not a date format.
type precision int

const (
	precisionNone precision = iota
	precisionYear
	precisionMonth
	precisionDay
)

// builtinDates are the built-in number formats (ECMA-376 Part 1, 18.8.30,
// with the ids Excel gives East Asian date formats) that show a date, and
// how much of it. Times of day (18–21, 32, 33, 45–47) are not dates.
var builtinDates = map[int]precision{
	14: precisionDay, 15: precisionDay, 16: precisionDay, 17: precisionMonth, 22: precisionDay,
	27: precisionDay, 28: precisionDay, 29: precisionDay, 30: precisionDay, 31: precisionDay,
	34: precisionMonth, 35: precisionDay, 36: precisionDay,
	50: precisionDay, 51: precisionDay, 52: precisionMonth, 53: precisionDay, 54: precisionDay,
	55: precisionMonth, 56: precisionDay, 57: precisionDay, 58: precisionDay,
}

// datePrecision classifies a cell's number format: the built-in id, or
// the custom format code when there is one. A custom code is a date format
// when, outside quoted text, escapes and [bracketed] sections, it names a
// day (d), a year (y, or e as in the Japanese era format ggge), or a month
// (m) that is not the minutes of a time (after h, before s).
func datePrecision(id int, custom string) precision {
	if custom == "" {
		return builtinDates[id]
	}
	code := strings.ToLower(stripLiterals(custom))
	code = strings.NewReplacer("am/pm", "", "a/p", "").Replace(code)
	if i := strings.IndexByte(code, ';'); i >= 0 {
		code = code[:i] // the section for positive numbers
	}
	if code == "general" || code == "@" {
		return precisionNone
	}
	hasDay := strings.ContainsRune(code, 'd')
	hasYear := strings.ContainsRune(code, 'y') || strings.Contains(code, "ge") || strings.Contains(code, "ee")
	hasMonth := false
	for i := 0; i < len(code); i++ {
		if code[i] != 'm' {
			continue
		}
		before := strings.TrimRight(code[:i], "m :")
		after := strings.TrimLeft(code[i:], "m :")
		if strings.HasSuffix(before, "h") || strings.HasPrefix(after, "s") {
			continue // minutes
		}
		hasMonth = true
	}
	switch {
	case hasDay && (hasMonth || hasYear):
		return precisionDay
	case hasYear && hasMonth:
		return precisionMonth
	case hasYear:
		return precisionYear
	case hasDay || hasMonth:
		return precisionDay // a day and month without the year: the serial still holds the year
	}
	return precisionNone
}

// stripLiterals removes quoted text, backslash escapes and [bracketed]
// sections (locale, colour, elapsed time) from a number format code.
func stripLiterals(code string) string {
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return b.String()
			}
			i += j + 1
		case '\\', '_', '*':
			i++ // the next character is literal (or padding)
		case '[':
			j := strings.IndexByte(code[i+1:], ']')
			if j < 0 {
				return b.String()
			}
			i += j + 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
