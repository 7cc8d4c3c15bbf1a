package normalize

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/internal/ascii"
	"github.com/agreements/agreements/internal/lazyre"

	"golang.org/x/text/unicode/norm"
)

// Date errors, wrapped with the input that caused them; check with errors.Is.
var (
	ErrBadDate       = errors.New("bad date")
	ErrAmbiguousDate = errors.New("ambiguous date")
)

// maxDateLen bounds a date's length in bytes after folding; the longest
// forms ("September 30th, 2014", "平成31年12月31日") are well below it.
const maxDateLen = 64

// Years outside this range are rejected as misreadings.
const (
	minYear = 1850
	maxYear = 2100
)

// Date is a date at the precision the source gives.
type Date struct {
	// ISO is the date in ISO 8601 at the source's precision: "2019-12-12",
	// "2019-12" or "2019"; "" for the zero Date.
	ISO string
	// Layout names the form the date was read with, e.g. "YYYY.M.D",
	// "YYYY/MM/DD", "Month D, YYYY", "era:平成Y年M月D日", "era:H.Y.M.D". It is
	// stable, so it can go into a repair as "date:<Layout>".
	Layout string
}

// IsZero reports whether d holds no date.
func (d Date) IsZero() bool { return d.ISO == "" }

// DateOptions say what is known about a source's dates.
type DateOptions struct {
	MonthFirst bool // the source writes a/b/YYYY month first (US)
	DayFirst   bool // the source writes a/b/YYYY day first
	// DocMonthFirst and DocDayFirst say what the source's other a/b/YYYY
	// dates tell (slashOrder): an ambiguous one is read that way, its
	// layout saying so; one that tells by itself is read as it tells.
	DocMonthFirst, DocDayFirst bool
}

// ymd is a date being parsed; m and d are 0 when the source omits them.
type ymd struct{ y, m, d int }

func (v ymd) iso() string {
	if v.y < 0 || v.m < 0 || v.d < 0 {
		switch {
		case v.m == 0:
			return fmt.Sprintf("%04d", v.y)
		case v.d == 0:
			return fmt.Sprintf("%04d-%02d", v.y, v.m)
		}
		return fmt.Sprintf("%04d-%02d-%02d", v.y, v.m, v.d)
	}
	// As the Sprintf above writes them, without its cost per date.
	b := make([]byte, 0, 10)
	b = appendPadded(b, v.y, 4)
	if v.m != 0 {
		b = appendPadded(append(b, '-'), v.m, 2)
		if v.d != 0 {
			b = appendPadded(append(b, '-'), v.d, 2)
		}
	}
	return string(b)
}

// appendPadded appends n (not negative) in decimal, zero-padded to width
// digits, as %0*d writes it.
func appendPadded(b []byte, n, width int) []byte {
	digits := 1
	for x := n; x >= 10; x /= 10 {
		digits++
	}
	for ; digits < width; digits++ {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// first and last are the earliest and latest days v covers.
func (v ymd) first() time.Time {
	m, d := max(v.m, 1), max(v.d, 1)
	return time.Date(v.y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

func (v ymd) last() time.Time {
	switch {
	case v.m == 0:
		return time.Date(v.y, time.December, 31, 0, 0, 0, 0, time.UTC)
	case v.d == 0:
		return time.Date(v.y, time.Month(v.m)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return v.first()
}

// check validates v as a calendar date.
func (v ymd) check() error {
	if v.y < minYear || v.y > maxYear {
		return fmt.Errorf("year %d outside %d-%d", max(v.y, 0), minYear, maxYear)
	}
	if v.m == 0 {
		if v.d != 0 {
			return errors.New("day without month")
		}
		return nil
	}
	if v.m < 1 || v.m > 12 {
		return fmt.Errorf("no month %d", max(v.m, 0))
	}
	if v.d < 0 {
		return errors.New("no day 0")
	}
	if v.d != 0 {
		if t := v.first(); v.d < 1 || t.Day() != v.d || int(t.Month()) != v.m {
			return fmt.Errorf("day %d not in %04d-%02d", v.d, v.y, v.m)
		}
	}
	return nil
}

// A dateLayout is one form of date: an anchored pattern and a function that
// turns its submatches into a date and the layout's name.
type dateLayout struct {
	re    *lazyre.Regexp
	parse func(m []string, opt DateOptions) (ymd, string, error)
	// scan, when set, gives what re.FindStringSubmatch gives, without
	// running the expression (see newDigitScan).
	scan digitScan
	// match, when set, gives what re.FindStringSubmatch gives, by a
	// scanner of the layout's own (see scanEnglishMDY).
	match func(t string) []string
	// lead, when set, holds every character a text re matches can start
	// with; alphabet every character it can hold; words, when set, is the
	// most runs of letters (of englishDateAlphabet) it can hold: a month
	// and an ordinal suffix.
	lead     string
	alphabet string
	words    int
}

// numericLayout is a layout whose submatches are year, month and day, in that
// order, any of the last two optional.
func numericLayout(name, pattern string) dateLayout {
	return dateLayout{
		re:   lazyre.New(pattern),
		scan: newDigitScan(pattern),
		parse: func(m []string, _ DateOptions) (ymd, string, error) {
			var v ymd
			v.y = dateNum(m[1])
			if len(m) > 2 {
				v.m = dateNum(m[2])
			}
			if len(m) > 3 {
				v.d = dateNum(m[3])
			}
			return v, name, nil
		},
	}
}

// japaneseLayout is a "YYYY年M月D日" layout, month and day optional.
func japaneseLayout() dateLayout {
	return dateLayout{
		re: lazyre.New(`^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$`),
		parse: func(m []string, _ DateOptions) (ymd, string, error) {
			v := ymd{dateNum(m[1]), dateNum(m[2]), dateNum(m[3])}
			return v, "YYYY" + kanjiSuffix(m[2], m[3]), nil
		},
	}
}

func kanjiSuffix(m, d string) string {
	switch {
	case m == "":
		return "年"
	case d == "":
		return "年M月"
	}
	return "年M月D日"
}

// An era is a Japanese imperial era, its first and last day in the
// Gregorian calendar (last is zero for the current era).
type era struct {
	name, letter string
	first, last  time.Time
}

func civil(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// eras are the modern eras. Meiji is counted from 1868-01-01 (its first
// year), as the lists do; dates before 1873 were lunisolar and are not
// converted.
var eras = []era{
	{"明治", "M", civil(1868, 1, 1), civil(1912, 7, 29)},
	{"大正", "T", civil(1912, 7, 30), civil(1926, 12, 24)},
	{"昭和", "S", civil(1926, 12, 25), civil(1989, 1, 7)},
	{"平成", "H", civil(1989, 1, 8), civil(2019, 4, 30)},
	{"令和", "R", civil(2019, 5, 1), time.Time{}},
}

func findEra(s string) (era, bool) {
	for _, e := range eras {
		if s == e.name || strings.EqualFold(s, e.letter) {
			return e, true
		}
	}
	return era{}, false
}

// eraDate converts a year of an era (元 is its first year) with optional
// month and day, and rejects dates outside the era's span.
func eraDate(e era, year, month, dayOfMonth string) (ymd, error) {
	n := 1
	if year != "元" {
		n = dateNum(year)
	}
	if n < 1 {
		return ymd{}, fmt.Errorf("no %s year 0", e.name)
	}
	v := ymd{e.first.Year() + n - 1, dateNum(month), dateNum(dayOfMonth)}
	if err := v.check(); err != nil {
		return ymd{}, err
	}
	if v.last().Before(e.first) || (!e.last.IsZero() && v.first().After(e.last)) {
		end := "present"
		if !e.last.IsZero() {
			end = e.last.Format(time.DateOnly)
		}
		return ymd{}, fmt.Errorf("%s is outside the %s era (%s to %s)", v.iso(), e.name, e.first.Format(time.DateOnly), end)
	}
	return v, nil
}

const eraNames = `明治|大正|昭和|平成|令和`

// eraAlphabet is every character a date of an era can hold but its
// separators: the eras' names (and with letters, their letters in every
// case), digits, 元 and ASCII white space.
func eraAlphabet(letters bool) string {
	var b strings.Builder
	for _, e := range eras {
		b.WriteString(e.name)
	}
	return b.String() + eraLeads(letters) + "0123456789元 \t\n\f\r"
}

// englishDateAlphabet is every character an English date can hold: ASCII
// letters in either case and the two characters outside ASCII the
// expressions' (?i) reads as letters (ſ, the Kelvin sign), digits, the
// dot, the comma and ASCII white space.
const englishDateAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZſ\u212a0123456789., \t\n\f\r"

// eraLeads are the characters a date of an era starts with: the first of
// each era's name, and with letters, each era's letter in every case the
// expressions' (?i) reads (its orbit under simple case folding: S is also
// ſ).
func eraLeads(letters bool) string {
	var b strings.Builder
	for _, e := range eras {
		r, _ := utf8.DecodeRuneInString(e.name)
		b.WriteRune(r)
		if !letters {
			continue
		}
		l, _ := utf8.DecodeRuneInString(e.letter)
		for f := l; ; {
			b.WriteRune(f)
			if f = unicode.SimpleFold(f); f == l {
				break
			}
		}
	}
	return b.String()
}

// eraKanji is "平成26年4月1日", month and day optional.
func eraKanji() dateLayout {
	return dateLayout{
		lead:     eraLeads(false),
		alphabet: eraAlphabet(false) + "年月日",
		re:       lazyre.New(`^(` + eraNames + `)\s*(\d{1,2}|元)\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$`),
		parse: func(m []string, _ DateOptions) (ymd, string, error) {
			e, _ := findEra(m[1])
			v, err := eraDate(e, m[2], m[3], m[4])
			return v, "era:" + e.name + "Y" + kanjiSuffix(m[3], m[4]), err
		},
	}
}

// eraNumeric is "H26.4.1", "R2/3/31" or "平成26.4.1", day optional; both
// separators must be the same.
func eraNumeric() dateLayout {
	return dateLayout{
		lead:     eraLeads(true),
		alphabet: eraAlphabet(true) + "./-",
		re:       lazyre.New(`^(?i)(` + eraNames + `|[MTSHR])\s*(\d{1,2}|元)\s*([./-])\s*(\d{1,2})(?:\s*([./-])\s*(\d{1,2}))?$`),
		parse: func(m []string, _ DateOptions) (ymd, string, error) {
			e, _ := findEra(m[1])
			sym := e.name
			if len(m[1]) == 1 {
				sym = e.letter
			}
			name := "era:" + sym + m[3] + "Y" + m[3] + "M"
			if m[5] != "" {
				if m[5] != m[3] {
					return ymd{}, "", errors.New("mixed separators")
				}
				name += m[5] + "D"
			}
			v, err := eraDate(e, m[2], m[4], m[6])
			return v, name, err
		},
	}
}

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

// monthNameMax is the length in bytes of the longest key of monthNames
// and monthAbbrevs.
const monthNameMax = len("september")

// monthInitials are the first letters of the keys of monthNames and
// monthAbbrevs.
const monthInitials = "jfmasond"

var monthAbbrevs = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
	"aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// englishMonth reads an English month name, full or abbreviated (with an optional
// dot), and names its style for the layout: "Month", "Mon." or "Mon".
func englishMonth(word, dot string) (int, string, error) {
	w := strings.ToLower(word)
	if n, ok := monthNames[w]; ok && dot == "" {
		return n, "Month", nil
	}
	if n, ok := monthAbbrevs[w]; ok {
		return n, "Mon" + dot, nil
	}
	return 0, "", fmt.Errorf("no month %q", word)
}

func dayStyle(suffix string) string {
	if suffix != "" {
		return "Dth"
	}
	return "D"
}

// checkOrdinal checks an English ordinal suffix against its number.
func checkOrdinal(n int, suffix string) error {
	if suffix == "" {
		return nil
	}
	want := "th"
	if n/10 != 1 {
		switch n % 10 {
		case 1:
			want = "st"
		case 2:
			want = "nd"
		case 3:
			want = "rd"
		}
	}
	if strings.ToLower(suffix) != want {
		return fmt.Errorf("ordinal %d%s", n, suffix)
	}
	return nil
}

// scanEnglishMDY is what englishMDY's expression,
// `^(?i)([a-z]+)(\.?)\s*(\d{1,2})(st|nd|rd|th)?(,\s*|\s+)(\d{4})$`,
// gives for FindStringSubmatch on an ASCII text, scanned: no part of it can
// give back what it took (a letter, dot, space or digit taken is none of
// what may follow it), so each takes all it can.
func scanEnglishMDY(t string) []string {
	i := 0
	for i < len(t) && ('a' <= t[i]|0x20 && t[i]|0x20 <= 'z') {
		i++
	}
	if i == 0 {
		return nil
	}
	m := make([]string, 7)
	m[0], m[1] = t, t[:i]
	if i < len(t) && t[i] == '.' {
		m[2] = t[i : i+1]
		i++
	}
	i = skipDateSpace(t, i)
	d := i
	for i < len(t) && i-d < 3 && '0' <= t[i] && t[i] <= '9' {
		i++
	}
	if i == d || i-d > 2 {
		return nil
	}
	m[3] = t[d:i]
	if i+2 <= len(t) {
		switch strings.ToLower(t[i : i+2]) {
		case "st", "nd", "rd", "th":
			m[4] = t[i : i+2]
			i += 2
		}
	}
	sep := i
	switch {
	case i < len(t) && t[i] == ',':
		i = skipDateSpace(t, i+1)
	default:
		i = skipDateSpace(t, i)
		if i == sep {
			return nil
		}
	}
	m[5] = t[sep:i]
	if len(t)-i != 4 {
		return nil
	}
	for k := i; k < len(t); k++ {
		if t[k] < '0' || t[k] > '9' {
			return nil
		}
	}
	m[6] = t[i:]
	return m
}

// skipDateSpace returns the index of the first byte of t from i on that is
// not white space as \s reads it.
func skipDateSpace(t string, i int) int {
	for i < len(t) && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\f' || t[i] == '\r') {
		i++
	}
	return i
}

// englishMDY is "April 1, 2014", "Apr. 1, 2014", "May 1st, 2021"; the comma
// is optional.
func englishMDY() dateLayout {
	re := lazyre.New(`^(?i)([a-z]+)(\.?)\s*(\d{1,2})(st|nd|rd|th)?(,\s*|\s+)(\d{4})$`)
	return dateLayout{
		alphabet: englishDateAlphabet,
		words:    2,
		re:       re,
		match: func(t string) []string {
			if !ascii.Only(t) {
				return re.FindStringSubmatch(t) // (?i) folds ſ and K (Kelvin) into [a-z] too
			}
			return scanEnglishMDY(t)
		},
		parse: func(m []string, _ DateOptions) (ymd, string, error) {
			mon, style, err := englishMonth(m[1], m[2])
			if err != nil {
				return ymd{}, "", err
			}
			d := dateNum(m[3])
			comma := strings.TrimSpace(m[5])
			return ymd{dateNum(m[6]), mon, d}, style + " " + dayStyle(m[4]) + comma + " YYYY", checkOrdinal(d, m[4])
		},
	}
}

// englishDMY is "1 April 2014", "1st Apr. 2014".
func englishDMY() dateLayout {
	return dateLayout{
		alphabet: englishDateAlphabet,
		words:    2,
		re:       lazyre.New(`^(?i)(\d{1,2})(st|nd|rd|th)?\s*([a-z]+)(\.?)(,?)\s*(\d{4})$`),
		parse: func(m []string, _ DateOptions) (ymd, string, error) {
			mon, style, err := englishMonth(m[3], m[4])
			if err != nil {
				return ymd{}, "", err
			}
			d := dateNum(m[1])
			return ymd{dateNum(m[6]), mon, d}, dayStyle(m[2]) + " " + style + m[5] + " YYYY", checkOrdinal(d, m[2])
		},
	}
}

// englishMY is "August 2016", "August, 2016", "Aug. 2016".
func englishMY() dateLayout {
	return dateLayout{
		alphabet: englishDateAlphabet,
		words:    1,
		re:       lazyre.New(`^(?i)([a-z]+)(\.?)(,?)\s*(\d{4})$`),
		parse: func(m []string, _ DateOptions) (ymd, string, error) {
			mon, style, err := englishMonth(m[1], m[2])
			return ymd{y: dateNum(m[4]), m: mon}, style + m[3] + " YYYY", err
		},
	}
}

// slashedABY is a/b/YYYY. Which of a and b is the month is taken from the
// options; without them the date is read only when it cannot be read the
// other way: one part above 12 (layout "D/M/YYYY (day>12)" or
// "M/D/YYYY (day>12)"), or both parts equal ("N/N/YYYY").
func slashedABY() dateLayout {
	return dateLayout{
		re: lazyre.New(`^(\d{1,2})/(\d{1,2})/(\d{4})$`),
		parse: func(m []string, opt DateOptions) (ymd, string, error) {
			a, b, y := dateNum(m[1]), dateNum(m[2]), dateNum(m[3])
			switch {
			case opt.MonthFirst && opt.DayFirst:
				return ymd{}, "", fmt.Errorf("%w: both month-first and day-first", ErrAmbiguousDate)
			case opt.MonthFirst:
				return ymd{y, a, b}, "M/D/YYYY", nil
			case opt.DayFirst:
				return ymd{y, b, a}, "D/M/YYYY", nil
			case a == b:
				return ymd{y, a, b}, "N/N/YYYY", nil
			case a > 12 && b <= 12:
				return ymd{y, b, a}, "D/M/YYYY (day>12)", nil
			case b > 12 && a <= 12:
				return ymd{y, a, b}, "M/D/YYYY (day>12)", nil
			case a > 12 && b > 12:
				return ymd{}, "", errors.New("neither part is a month")
			case opt.DocMonthFirst && !opt.DocDayFirst:
				return ymd{y, a, b}, "M/D/YYYY (as the document's other dates)", nil
			case opt.DocDayFirst && !opt.DocMonthFirst:
				return ymd{y, b, a}, "D/M/YYYY (as the document's other dates)", nil
			}
			return ymd{}, "", fmt.Errorf("%w: month-first or day-first?", ErrAmbiguousDate)
		},
	}
}

// dateLayouts are tried in order; the first whose pattern matches decides.
// Inputs are NFKC-normalised (full-width digits and separators become
// ASCII), trimmed, and their runs of white space folded to one space.
var dateLayouts = sync.OnceValue(func() []dateLayout {
	return []dateLayout{
		numericLayout("YYYY-MM-DD", `^(\d{4})-(\d{2})-(\d{2})$`),
		numericLayout("YYYY-M-D", `^(\d{4})-(\d{1,2})-(\d{1,2})$`),
		numericLayout("YYYY-MM", `^(\d{4})-(\d{2})$`),
		numericLayout("YYYY", `^(\d{4})$`),
		numericLayout("YYYY/MM/DD", `^(\d{4})/(\d{2})/(\d{2})$`),
		numericLayout("YYYY/M/D", `^(\d{4})/(\d{1,2})/(\d{1,2})$`),
		numericLayout("YYYY/MM", `^(\d{4})/(\d{2})$`),
		numericLayout("YYYY/M", `^(\d{4})/(\d{1,2})$`),
		numericLayout("YYYY.MM.DD", `^(\d{4})\.(\d{2})\.(\d{2})$`),
		numericLayout("YYYY.M.D", `^(\d{4})\.(\d{1,2})\.(\d{1,2})$`),
		numericLayout("YYYY. M.D", `^(\d{4})\. ?(\d{1,2})\. ?(\d{1,2})$`), // space-padded: "1980. 5.31"
		numericLayout("YYYY.MM", `^(\d{4})\.(\d{2})$`),
		numericLayout("YYYY.M", `^(\d{4})\.(\d{1,2})$`),
		numericLayout("YYYY. M", `^(\d{4})\. (\d{1,2})$`),
		japaneseLayout(),
		eraKanji(),
		eraNumeric(),
		englishMDY(),
		englishDMY(),
		englishMY(),
		slashedABY(),
	}
})

// ParseDate reads one date, the whole of s. See dateLayouts for the forms it
// knows. Errors wrap ErrBadDate, or ErrAmbiguousDate for a/b/YYYY that can
// be read both ways.
func ParseDate(s string, opt DateOptions) (Date, error) {
	t := foldDate(s)
	if len(t) > maxDateLen {
		return Date{}, fmt.Errorf("%w: %.40q...: too long", ErrBadDate, s)
	}
	if !mayBeDate(t) {
		return Date{}, fmt.Errorf("%w: %q: unknown form", ErrBadDate, s)
	}
	checks := dateChecks()
	for i, l := range dateLayouts() {
		if !checks[i].may(t) {
			continue
		}
		var m []string
		switch {
		case l.match != nil:
			m = l.match(t)
		case l.scan != nil:
			m = l.scan.match(t)
		default:
			m = l.re.FindStringSubmatch(t)
		}
		if m == nil {
			continue
		}
		v, name, err := l.parse(m, opt)
		if err == nil {
			err = v.check()
		}
		if err != nil {
			if errors.Is(err, ErrAmbiguousDate) {
				return Date{}, fmt.Errorf("%q: %w", s, err)
			}
			return Date{}, fmt.Errorf("%w: %q: %v", ErrBadDate, s, err)
		}
		return Date{ISO: v.iso(), Layout: name}, nil
	}
	return Date{}, fmt.Errorf("%w: %q: unknown form", ErrBadDate, s)
}

// dateNeeds holds what every layout's pattern needs one of: an ASCII digit,
// or the era's first year 元. A text with none of them is no date.
const dateNeeds = "0123456789元"

// mayBeDate is strings.ContainsAny(t, dateNeeds) in one pass over the
// bytes: a digit byte is a digit, and the encoding of 元 found at any byte
// is that character (UTF-8 decodes from each character's first byte).
func mayBeDate(t string) bool {
	for i := 0; i < len(t); i++ {
		if '0' <= t[i] && t[i] <= '9' {
			return true
		}
	}
	return strings.Contains(t, "元")
}

// A digitScan matches an anchored pattern made only of groups of ASCII
// digits and literal separators, such as `^(\d{4})\. ?(\d{1,2})$`, giving
// the submatches FindStringSubmatch gives. A digit group takes the whole run
// of digits before it: what follows it is never a digit, so the expression
// cannot split a run either.
type digitScan []scanStep

// A scanStep is a group of min..max ASCII digits, or a literal byte that
// may be optional.
type scanStep struct {
	min, max int  // a digit group when max > 0
	lit      byte // else this byte
	opt      bool // the byte may be absent
}

// newDigitScan reads a pattern; one of another shape gives nil, and the
// layout keeps its expression.
func newDigitScan(pattern string) digitScan {
	p, ok := strings.CutPrefix(pattern, "^")
	if !ok {
		return nil
	}
	var sc digitScan
	for p != "$" {
		var st scanStep
		switch {
		case strings.HasPrefix(p, `(\d{4})`):
			st, p = scanStep{min: 4, max: 4}, p[len(`(\d{4})`):]
		case strings.HasPrefix(p, `(\d{2})`):
			st, p = scanStep{min: 2, max: 2}, p[len(`(\d{2})`):]
		case strings.HasPrefix(p, `(\d{1,2})`):
			st, p = scanStep{min: 1, max: 2}, p[len(`(\d{1,2})`):]
		case strings.HasPrefix(p, `\.`):
			st, p = scanStep{lit: '.'}, p[2:]
		case p != "" && (p[0] == '-' || p[0] == '/' || p[0] == ' '):
			st, p = scanStep{lit: p[0]}, p[1:]
		default:
			return nil
		}
		if st.max == 0 && strings.HasPrefix(p, "?") {
			st.opt, p = true, p[1:]
		}
		if n := len(sc); n > 0 && sc[n-1].max > 0 && st.max > 0 {
			return nil // two digit groups in a row could split a run
		}
		sc = append(sc, st)
	}
	return sc
}

// match gives the whole match and the groups, or nil.
func (sc digitScan) match(t string) []string {
	m := []string{t}
	i := 0
	for _, st := range sc {
		if st.max == 0 {
			switch {
			case i < len(t) && t[i] == st.lit:
				i++
			case !st.opt:
				return nil
			}
			continue
		}
		j := i
		for j < len(t) && t[j] >= '0' && t[j] <= '9' {
			j++
		}
		if n := j - i; n < st.min || n > st.max {
			return nil
		}
		m = append(m, t[i:j])
		i = j
	}
	if i != len(t) {
		return nil
	}
	return m
}

// dateChecks are the layouts' pre-checks, in the order of dateLayouts.
var dateChecks = sync.OnceValue(func() []prefixCheck {
	var cs []prefixCheck
	for _, l := range dateLayouts() {
		c := newPrefixCheck(l.re.String())
		c.lead, c.alphabet, c.words = l.lead, l.alphabet, l.words
		cs = append(cs, c)
	}
	return cs
})

// A prefixCheck is what a text must start with for a layout's pattern to
// match it, read from the pattern: its leading ASCII digits, and the
// separator after them or the text's end; and what it must end with or
// hold. A text it refuses is not run through the expression (which is then
// not even compiled); one it lets pass may still not match.
type prefixCheck struct {
	digits int    // how many ASCII digits the text starts with, at least
	end    bool   // the text is those digits alone
	sep    byte   // the byte after the digits; 0: any
	tail   int    // how many ASCII digits the text ends with, at least
	has    string // a text the text holds; "": any
	lead   string // the characters the text may start with; "": any
	// the characters the text may hold ("": any), and the most runs of
	// letters it may hold (0: any)
	alphabet string
	words    int
}

// newPrefixCheck reads a layout's pattern; a pattern of another start
// gives the check that lets every text pass.
func newPrefixCheck(pattern string) prefixCheck {
	var c prefixCheck
	const year = `^(\d{4})`
	switch {
	case strings.HasPrefix(pattern, year):
		c.digits = 4
		switch rest := pattern[len(year):]; {
		case rest == "$":
			c.end = true
		case strings.HasPrefix(rest, `\.`):
			c.sep = '.'
		case strings.HasPrefix(rest, "-"), strings.HasPrefix(rest, "/"):
			c.sep = rest[0]
		}
	case strings.HasPrefix(pattern, `^(\d{1,2})`):
		c.digits = 1
	}
	if strings.HasSuffix(pattern, `(\d{4})$`) {
		c.tail = 4
	}
	if topLevelLiteral(pattern, "年") {
		c.has = "年"
	}
	return c
}

// topLevelLiteral reports whether lit stands in pattern outside every
// group and unquantified, in a pattern with no alternation outside its
// groups: then every match holds it.
func topLevelLiteral(pattern, lit string) bool {
	depth, found := 0, false
	for i := 0; i < len(pattern); i++ {
		switch c := pattern[i]; {
		case c == '\\':
			i++
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			return false
		case depth == 0 && strings.HasPrefix(pattern[i:], lit):
			next := i + len(lit)
			if next == len(pattern) || !strings.ContainsRune("?*{", rune(pattern[next])) {
				found = true
			}
		}
	}
	return found
}

// may reports whether t passes the check.
func (c prefixCheck) may(t string) bool {
	if len(t) < c.digits || len(t) < c.tail {
		return false
	}
	for i := range c.digits {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	for i := len(t) - c.tail; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			return false
		}
	}
	if c.has != "" && !strings.Contains(t, c.has) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(t); c.lead != "" && (r == utf8.RuneError || !strings.ContainsRune(c.lead, r)) {
		return false
	}
	if c.alphabet != "" || c.words > 0 {
		runs, inRun := 0, false
		for _, r := range t {
			if c.alphabet != "" && (r == utf8.RuneError || !strings.ContainsRune(c.alphabet, r)) {
				return false
			}
			letter := 'a' <= r|0x20 && r|0x20 <= 'z' || r == 'ſ' || r == '\u212a'
			if letter && !inRun {
				runs++
			}
			inRun = letter
		}
		if c.words > 0 && runs > c.words {
			return false
		}
	}
	switch {
	case c.end:
		return len(t) == c.digits
	case c.sep != 0:
		return len(t) > c.digits && t[c.digits] == c.sep
	}
	return true
}

// foldDate normalises s for the layouts: NFKC, trimmed, white space folded.
func foldDate(s string) string {
	if foldedASCII(s) {
		return s // what the normalisations would give
	}
	s = strings.Join(strings.Fields(norm.NFKC.String(s)), " ")
	if strings.ContainsAny(s, "년월일") {
		// Korean writes dates as Japanese and Chinese do, with its own
		// words: "2024년 3월 1일".
		s = koreanDate.Replace(s)
	}
	return s
}

// foldedASCII reports whether s is ASCII with no white space but single
// spaces between words: NFKC, trimming and folding leave it as it is.
func foldedASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' '):
			return false
		}
	}
	return true
}

// koreanDate turns the Korean date words into the Han ones.
var koreanDate = strings.NewReplacer("년 ", "年", "년", "年", "월 ", "月", "월", "月", "일", "日")

// dateNum reads a matched run of ASCII digits. An absent part ("") is 0,
// and a part written as zero is -1, so that check rejects it.
func dateNum(s string) int {
	n, err := strconv.Atoi(s)
	switch {
	case s == "":
		return 0
	case err != nil || n == 0:
		return -1
	}
	return n
}

// Validity is what a list says about an agreement's term.
type Validity struct {
	Signed      Date // when it was concluded (or took effect)
	ValidUntil  Date // when it ends
	AutoRenewal bool // it renews automatically
	Pending     bool // it is being concluded or renewed
}

// Words that say the term renews automatically, or that the agreement is
// still being processed. Matched after NFKC, case-insensitively.
var (
	autoRenewalWords = []string{
		"以後自動延長", "以降自動延長", "以後自動更新", "以降自動更新",
		"自動延長", "自動更新", "自動継続",
		"automatic renewal", "automatically renewed", "renewed automatically",
		"auto-renewal", "auto renewal", "auto-renew", "auto renew",
	}
	pendingWords = []string{
		"締結手続中", "締結手続き中", "更新手続中", "更新手続き中", "手続中", "手続き中",
		"締結準備中", "更新準備中", "申請中",
		"pending", "in process", "in progress", "under negotiation",
	}
)

// rangeSeparators split a term into its start and end.
// "ー" (a katakana long-vowel mark) stands in for a dash in some lists.
var rangeSeparators = []string{"~", "〜", "–", "—", "―", "‐", "−", "ー", "-", "から", " to "}

// termDashes are what a term with no dates may consist of.
const termDashes = "-~〜–—―‐−ー "

// ParseValidity reads a term as lists write it: "2006.4.5-2011.4.4",
// "2006.4.5 -自動延長" (signed, renews automatically), "-2018.10.19" (valid
// until), "2006.4.5～", "2014年4月1日から2019年3月31日まで", "手続中"
// (pending). An empty or dash-only s gives the zero Validity. Errors wrap
// ErrBadDate or ErrAmbiguousDate.
func ParseValidity(s string, opt DateOptions) (Validity, error) {
	var v Validity
	t := foldDate(s)
	t, v.AutoRenewal = cutWords(t, autoRenewalWords)
	t, v.Pending = cutWords(t, pendingWords)
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(t), "まで"))
	if t == "" {
		return v, nil
	}
	if d, err := ParseDate(t, opt); err == nil {
		v.Signed = d
		return v, nil
	} else if errors.Is(err, ErrAmbiguousDate) {
		return Validity{}, err
	}
	if strings.Trim(t, termDashes) == "" {
		return v, nil
	}
	if from, until, ok := untilInBrackets(t, opt); ok {
		v.Signed, v.ValidUntil = from, until
		return v, nil
	}
	if len(t) > 3*maxDateLen {
		return Validity{}, fmt.Errorf("%w: %.40q...: too long for a term", ErrBadDate, s)
	}
	type split struct{ from, until Date }
	var found []split
	var ambiguous error
	for _, sep := range rangeSeparators {
		for i := 0; ; {
			j := strings.Index(t[i:], sep)
			if j < 0 {
				break
			}
			j += i
			i = j + len(sep)
			left := trimRangeEnd(t[:j])
			right := trimRangeEnd(strings.TrimSuffix(strings.TrimSpace(t[i:]), "まで"))
			if left == "" && right == "" {
				continue
			}
			from, err1 := optionalDate(left, opt)
			until, err2 := optionalDate(right, opt)
			if err := errors.Join(err1, err2); err != nil {
				if errors.Is(err, ErrAmbiguousDate) && ambiguous == nil {
					ambiguous = err
				}
				continue
			}
			if len(found) == 0 || found[0] != (split{from, until}) {
				found = append(found, split{from, until})
			}
		}
	}
	switch {
	case len(found) == 1:
		v.Signed, v.ValidUntil = found[0].from, found[0].until
		return v, nil
	case len(found) > 1:
		return Validity{}, fmt.Errorf("%q: %w: more than one way to split the term", s, ErrAmbiguousDate)
	case ambiguous != nil:
		return Validity{}, ambiguous
	}
	return Validity{}, fmt.Errorf("%w: %q: not a term", ErrBadDate, s)
}

// untilWords say that the date after them ends a term ("(until March 31,
// 2024)", "（有効期限：2024年3月31日）"); まで says so after it.
var untilWords = []string{"valid until", "valid through", "valid till", "until", "till", "through", "expires on", "expires",
	"expiring", "expiry", "有効期限", "有効期間", "期限"}

// untilInBrackets reads a term written as its start and, in brackets
// after it, its end: "2019年4月1日（2024年3月31日まで）", "April 1, 2019 (until
// March 31, 2024)", "2019.4.1 (~2024.3.31)". The bracket must say that its
// date ends the term (untilWords, まで, a dash before it): a date in
// brackets alone may say anything ("2016 (renewed 2021)").
func untilInBrackets(t string, opt DateOptions) (from, until Date, ok bool) {
	if !strings.HasSuffix(t, ")") {
		return Date{}, Date{}, false
	}
	rest, inner, found := cutTrailingBrackets(t)
	rest = strings.TrimSpace(rest)
	if !found || rest == "" {
		return Date{}, Date{}, false
	}
	inner = strings.TrimSpace(inner)
	said := false
	if cut, ok := strings.CutSuffix(inner, "まで"); ok {
		inner, said = strings.TrimSpace(cut), true
	}
	lower := strings.ToLower(inner)
	for _, w := range untilWords {
		if strings.HasPrefix(lower, w) {
			inner, said = strings.TrimSpace(inner[len(w):]), true
			break
		}
	}
	if trimmed := strings.TrimLeft(inner, ":"+termDashes); trimmed != inner {
		inner, said = strings.TrimSpace(trimmed), true
	}
	if !said || inner == "" {
		return Date{}, Date{}, false
	}
	f, err1 := ParseDate(rest, opt)
	u, err2 := ParseDate(inner, opt)
	if err1 != nil || err2 != nil {
		return Date{}, Date{}, false
	}
	return f, u, true
}

// cutWords removes the first of words found in s (with brackets around it),
// case-insensitively, and reports whether it found one.
func cutWords(s string, words []string) (string, bool) {
	lower := strings.ToLower(s)
	if len(lower) != len(s) { // lowering changed the byte offsets
		lower = s
	}
	for _, w := range words {
		i := strings.Index(lower, w)
		if i < 0 {
			continue
		}
		before, after := strings.TrimRight(s[:i], " "), strings.TrimLeft(s[i+len(w):], " ")
		for _, p := range []string{"()", "[]", "【】", "「」", "<>", "〈〉"} {
			o, c := p[:len(p)/2], p[len(p)/2:]
			if strings.HasSuffix(before, o) && strings.HasPrefix(after, c) {
				before, after = before[:len(before)-len(o)], after[len(c):]
				break
			}
		}
		return strings.TrimSpace(before + " " + after), true
	}
	return s, false
}

// trimRangeEnd trims white space and brackets left around one end of a
// term.
func trimRangeEnd(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '(' || r == ')' || r == '[' || r == ']'
	})
}

func optionalDate(s string, opt DateOptions) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	return ParseDate(s, opt)
}

// trailingDateRE is a parenthesised part at the end of a string (scanned
// by trailingDate, rescan.go).
var trailingDateRE = lazyre.New(`^(.*?)\s*[(（]([^()（）]+)[)）]\s*$`)

// TrailingDate splits a date in brackets off the end of s:
// "Peking University (1999.11.10)" gives "Peking University" and 1999-11-10.
// Only a parenthesised date that ends s counts ("(ANSTO)" is no date), read
// with no options, so an ambiguous a/b/YYYY is not taken.
func TrailingDate(s string) (rest string, d Date, ok bool) {
	t := strings.TrimSpace(s)
	if !strings.HasSuffix(t, ")") && !strings.HasSuffix(t, "）") {
		return s, Date{}, false // what trailingDateRE needs: a closing bracket at the end
	}
	m := trailingDate(t)
	if m == nil {
		return s, Date{}, false
	}
	d, err := ParseDate(m[2], DateOptions{})
	if err != nil {
		return s, Date{}, false
	}
	return m[1], d, true
}

// slashDateRe finds a/b/YYYY dates inside a text (scanned by
// nextSlashDate).
var slashDateRe = lazyre.New(`(?:^|[^\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?:[^\d/]|$)`)

// slashOrder reads which part of a/b/YYYY the texts' dates put first,
// from the dates that tell by themselves (one part above 12): month
// first when two or more do so and none puts the day first, and the other
// way round. A source that mixes both, or tells too little, tells
// nothing.
func slashOrder(texts func(yield func(string) bool)) (monthFirst, dayFirst bool) {
	mf, df := 0, 0
	for t := range texts {
		if !strings.Contains(t, "/") {
			continue
		}
		t = joinDigits(t)
		if !maySlashDate(t) {
			continue
		}
		for from := 0; ; {
			m, end := nextSlashDate(t, from)
			if m == nil {
				break
			}
			from = end
			a, b := dateNum(t[m[0]:m[1]]), dateNum(t[m[2]:m[3]])
			switch {
			case a <= 12 && b > 12 && b <= 31:
				mf++
			case b <= 12 && a > 12 && a <= 31:
				df++
			}
		}
		if mf > 0 && df > 0 {
			return false, false // both orders: the rest cannot tell one
		}
	}
	return mf >= 2 && df == 0, df >= 2 && mf == 0
}

// nextSlashDate is the next match of slashDateRe in t, searched from
// from as FindAllStringSubmatchIndex searches on after a match, scanned
// without the expression: the bounds of its first two groups (a and b of
// a/b/YYYY), and the end of the whole match; nil when there is none. A
// match starts at t's start or after a character that is neither a digit
// nor a slash, and takes the character after the year when there is one
// (which then cannot start the next match).
func nextSlashDate(t string, from int) ([]int, int) {
	for p := from; p < len(t); {
		if p == 0 {
			if m, end := slashDateAt(t, 0); m != nil {
				return m, end
			}
		}
		r, n := utf8.DecodeRuneInString(t[p:])
		if !('0' <= r && r <= '9') && r != '/' {
			if m, end := slashDateAt(t, p+n); m != nil {
				return m, end
			}
		}
		p += n
	}
	return nil, len(t)
}

// slashDateAt reads a/b/YYYY at t[q:] and what may follow it: one or two
// digits, a slash, one or two digits, a slash, four digits, then the end
// of t or a character that is neither a digit nor a slash. It returns the
// bounds of a and b and the end of what it read, or nil.
func slashDateAt(t string, q int) ([]int, int) {
	digit := func(i int) bool { return i < len(t) && '0' <= t[i] && t[i] <= '9' }
	part := func(i int) int { // the end of one or two digits and their slash, or -1
		switch {
		case digit(i) && digit(i+1) && i+2 < len(t) && t[i+2] == '/':
			return i + 2
		case digit(i) && i+1 < len(t) && t[i+1] == '/':
			return i + 1
		}
		return -1
	}
	ae := part(q)
	if ae < 0 {
		return nil, 0
	}
	be := part(ae + 1)
	if be < 0 {
		return nil, 0
	}
	y := be + 1
	if !digit(y) || !digit(y+1) || !digit(y+2) || !digit(y+3) {
		return nil, 0
	}
	end := y + 4
	if end < len(t) {
		r, n := utf8.DecodeRuneInString(t[end:])
		if '0' <= r && r <= '9' || r == '/' {
			return nil, 0
		}
		end += n
	}
	return []int{q, ae, ae + 1, be}, end
}

// maySlashDate reports a text that holds what every match of slashDateRe
// holds: a slash, one or two digits, a slash and four digits. Most texts
// with a slash (2019/04/01, a/b) hold none, and the expression is not run
// on them.
func maySlashDate(t string) bool {
	isDigit := func(i int) bool { return i < len(t) && t[i] >= '0' && t[i] <= '9' }
	for i := strings.IndexByte(t, '/'); i >= 0 && i < len(t); {
		j := i + 1
		for j < len(t) && j-i <= 2 && isDigit(j) {
			j++
		}
		if n := j - i - 1; n >= 1 && n <= 2 && j < len(t) && t[j] == '/' &&
			isDigit(j+1) && isDigit(j+2) && isDigit(j+3) && isDigit(j+4) {
			return true
		}
		k := strings.IndexByte(t[i+1:], '/')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// joinDigits drops the white space between two digits or a digit and a
// slash: a narrow cell's date wraps inside its digits ("1/25/20" / "18").
func joinDigits(t string) string {
	if !strings.ContainsAny(t, " \n") {
		return t
	}
	digitish := func(b byte) bool { return b >= '0' && b <= '9' || b == '/' }
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		if (t[i] == ' ' || t[i] == '\n') && i > 0 && i+1 < len(t) && digitish(t[i-1]) && digitish(t[i+1]) {
			continue
		}
		b.WriteByte(t[i])
	}
	return b.String()
}
