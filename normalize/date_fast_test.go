package normalize

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"
)

// dateTexts are texts of the shapes date cells have, then random strings
// of digits, separators, spaces and date words.
func dateTexts() []string {
	ts := []string{"", "2019", "2019-04-01", "2019-4-1", "2019/04/01", "2019/4", "2019.04.01", "1980. 5.31", "2019. 4",
		"2019年4月1日", "2019 年", "平成31年4月1日", "H31.4.1", "April 1, 2014", "1st Apr. 2014", "Aug. 2016",
		"4/1/2019", "13/1/2019", "20190401", "2019-04", "2019--04", "19/4/1", "  2019/4/1 ", "2019\t4", "２０１９年４月"}
	alphabet := []string{"0", "1", "2", "9", "-", "/", ".", " ", "年", "月", "日", "H", "Apr", ",", "st", "\t", "平成", "元", "r", "April", "\xff", "\u3000", "令和", "明治", "ſ", "s", "S", "h", "M", "t", "R"}
	ts = append(ts, randomTexts(3, 5000, 11, alphabet...)...)
	return ts
}

// TestDatePrefixChecks: a layout's pre-check lets pass every text its
// pattern matches.
func TestDatePrefixChecks(t *testing.T) {
	checks := dateChecks()
	texts := append(dateTexts(), "2019/04", "2019.04")
	// Texts of the English and era forms, made of their parts, each part
	// right or wrong.
	parts := [][]string{{"", "1", "1st", "12th", "April", "Apr.", "aUG", "ſept", "\u212aay", "H", "s", "平成", "see table", "Mullis, et al."},
		{"", " ", ".", ",", "-", "/", "\t"}, {"", "1", "15", "nd", "元", "April", "May"}, {"", " ", ",", ", ", ".", "/"},
		{"", "2014", "31", "4", "1st"}, {"", ".", "/", " "}, {"", "2016", "1", "年"}}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for _, p := range parts {
			b.WriteString(p[r.IntN(len(p))])
		}
		texts = append(texts, b.String())
	}
	for i, l := range dateLayouts() {
		matched := 0
		for _, s := range texts {
			s = foldDate(s)
			if l.re.MatchString(s) {
				matched++
				assert.True(t, checks[i].may(s), "%s refuses %q", l.re.String(), s)
			}
		}
		assert.Positive(t, matched, l.re.String())
	}
	for _, s := range []string{"see table A-1", "Mullis, et al. 2012", "National Center for Education Statistics 2002"} {
		for i := range dateLayouts() {
			assert.False(t, checks[i].may(s), "%q", s)
		}
	}
	assert.Equal(t, prefixCheck{digits: 4, sep: '-'}, newPrefixCheck(`^(\d{4})-(\d{2})$`))
	assert.Equal(t, prefixCheck{digits: 4, sep: '.'}, newPrefixCheck(`^(\d{4})\. ?(\d{1,2})$`))
	assert.Equal(t, prefixCheck{digits: 4, end: true, tail: 4}, newPrefixCheck(`^(\d{4})$`))
	assert.Equal(t, prefixCheck{tail: 4}, newPrefixCheck(`^(?i)([a-z]+)(\.?)(,?)\s*(\d{4})$`))
	assert.Equal(t, prefixCheck{digits: 1, tail: 4}, newPrefixCheck(`^(\d{1,2})/(\d{1,2})/(\d{4})$`))
	assert.Equal(t, prefixCheck{digits: 4, has: "年"}, newPrefixCheck(`^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$`))
	assert.Equal(t, prefixCheck{has: "年"}, newPrefixCheck(`^(明治|大正)\s*(\d{1,2}|元)\s*年(?:\s*(\d{1,2})\s*月)?$`))
	assert.Equal(t, prefixCheck{}, newPrefixCheck(`^(a)年?$`))
	assert.Equal(t, prefixCheck{}, newPrefixCheck(`^(?:a|年)$`))
	assert.Equal(t, prefixCheck{}, newPrefixCheck(`^a|年$`))
	assert.Equal(t, "明Mm大Tt昭Ssſ平Hh令Rr", eraLeads(true))
	assert.Equal(t, "明大昭平令", eraLeads(false))
}

// TestFoldDateASCII: foldDate's shortcut gives what the normalisations give.
func TestFoldDateASCII(t *testing.T) {
	for _, s := range dateTexts() {
		want := strings.Join(strings.Fields(norm.NFKC.String(s)), " ")
		if strings.ContainsAny(want, "년월일") {
			want = koreanDate.Replace(want)
		}
		assert.Equal(t, want, foldDate(s), "%q", s)
	}
}

// TestISO: iso writes dates as Sprintf's %04d-%02d-%02d does.
func TestISO(t *testing.T) {
	for _, v := range []ymd{{2019, 4, 1}, {2019, 0, 0}, {2019, 12, 0}, {1, 2, 3}, {12345, 1, 31}, {-5, 0, 0}, {2019, -1, 3}, {0, 0, 0}} {
		var want string
		switch {
		case v.m == 0:
			want = fmt.Sprintf("%04d", v.y)
		case v.d == 0:
			want = fmt.Sprintf("%04d-%02d", v.y, v.m)
		default:
			want = fmt.Sprintf("%04d-%02d-%02d", v.y, v.m, v.d)
		}
		assert.Equal(t, want, v.iso(), "%+v", v)
	}
}

// TestMaySlashDate: the pre-check of slashDateRe lets pass every text the
// expression finds a date in, and refuses the usual texts with a slash
// that hold none.
func TestMaySlashDate(t *testing.T) {
	ts := append(dateTexts(), "1/2/2019", "a 12/31/1999 b", "3/4/20 18", "2019/04/01", "12/123/2019", "1/1/999", "/1/2019",
		"01/02/2019/", "x/12/3/2004", "1//2019", "123/4/2019", "12/4/2019")
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(14) {
			b.WriteString([]string{"0", "1", "2", "9", "/", " ", "a", "-"}[r.IntN(8)])
		}
		ts = append(ts, b.String())
	}
	for _, s := range ts {
		if slashDateRe.MatchString(s) {
			assert.True(t, maySlashDate(s), "%q", s)
		}
	}
	for _, s := range []string{"2019/04/01", "1980/5/13", "a/b", "", "/", "12/123/2019", "1/1/999"} {
		assert.False(t, maySlashDate(s), "%q", s)
	}
	assert.True(t, maySlashDate("x 2019/4/1/2020"))
}

// TestNextSlashDate: nextSlashDate finds, one after another, the matches
// FindAllStringSubmatchIndex finds with slashDateRe, and their first two
// groups, on texts of digits, slashes, spaces, letters, characters
// outside ASCII and invalid UTF-8.
func TestNextSlashDate(t *testing.T) {
	ts := append(dateTexts(), "1/2/2019", "a 12/31/1999 b", "1/2/2020 3/4/2021", "1/2/2020x3/4/2021", "12/123/2019", "/1/2019",
		"01/02/2019/", "x/12/3/2004", "123/4/2019", "12/4/20199", "大1/2/2019大", "\xff1/2/2019\xff")
	pieces := []string{"0", "1", "2", "9", "12", "2019", "/", " ", "a", "-", "大", "\xff", "\xe2\x80", "１", "1/2/2019", "12/31/", "3/",
		"/2020", "/1999 ", "4/5/"}
	found := 0
	ts = append(ts, randomTexts(11, 40000, 15, pieces...)...)
	for _, s := range ts {
		var got [][]int
		for from := 0; ; {
			m, end := nextSlashDate(s, from)
			if m == nil {
				break
			}
			got = append(got, m)
			from = end
		}
		var want [][]int
		for _, m := range slashDateRe.FindAllStringSubmatchIndex(s, -1) {
			want = append(want, m[2:6])
		}
		found += len(want)
		assert.Equal(t, want, got, "%q", s)
	}
	assert.Greater(t, found, 1000)
}

// BenchmarkSlashOrder: the date-order count over the texts of a table of
// year-first dates, which tell no a/b/YYYY order.
func BenchmarkSlashOrder(b *testing.B) {
	var texts []string
	for i := range 10000 {
		texts = append(texts, "China", fmt.Sprint("University of Example ", i), fmt.Sprintf("%04d/%02d/%02d", 1980+i%40, 1+i%12, 1+i%28))
	}
	b.ReportAllocs()
	for b.Loop() {
		slashOrder(slices.Values(texts))
	}
}

// TestDigitScan: a layout's scan gives what its expression gives, on every
// text; every numeric layout has one.
func TestDigitScan(t *testing.T) {
	texts := dateTexts()
	texts = append(texts, "1980.  5", "1980.5.", "2019-004-01", "12019-04-01", "2019-04-011", "2019/4/1/", "2019.04 ", "٢٠١٩")
	scans := 0
	for _, l := range dateLayouts() {
		if l.scan == nil {
			continue
		}
		scans++
		for _, s := range texts {
			for _, s := range []string{s, foldDate(s)} {
				assert.Equal(t, l.re.FindStringSubmatch(s), l.scan.match(s), "%s on %q", l.re.String(), s)
			}
		}
	}
	assert.Equal(t, 14, scans)
	assert.Equal(t, digitScan{{min: 4, max: 4}, {lit: '.'}, {lit: ' ', opt: true}, {min: 1, max: 2}}, newDigitScan(`^(\d{4})\. ?(\d{1,2})$`))
	assert.Nil(t, newDigitScan(`^(\d{4})(\d{2})$`), "two digit groups in a row")
	assert.Nil(t, newDigitScan(`^(\d{4})\s*年$`))
	assert.Nil(t, newDigitScan(`(\d{4})$`))
}

// TestDateNeeds: whatever a layout's pattern matches holds a digit or 元.
func TestDateNeeds(t *testing.T) {
	texts := append(dateTexts(), "平成元年", "令和元年5月1日", "H元.5.1", "Apr 2019")
	for _, l := range dateLayouts() {
		for _, s := range texts {
			s = foldDate(s)
			if l.re.MatchString(s) {
				assert.True(t, strings.ContainsAny(s, dateNeeds), "%s matches %q", l.re.String(), s)
			}
		}
		assert.Contains(t, l.re.String(), `\d`, "every pattern needs a digit or 元")
	}
}

// TestMayBeDate: mayBeDate answers as strings.ContainsAny(t, dateNeeds),
// on texts with invalid UTF-8 too.
func TestMayBeDate(t *testing.T) {
	pieces := []string{"a", "元", "0", "9", "年", " ", "\xe5", "\x85", "\x83", "\uFFFD", "平成"}
	for _, s := range randomTexts(9, 20000, 7, pieces...) {
		assert.Equal(t, strings.ContainsAny(s, dateNeeds), mayBeDate(s), "%q", s)
	}
}

// TestScanEnglishMDY: englishMDY's scanner gives what its expression gives,
// on texts made of the form's parts, each right or wrong, and on random
// texts of date characters.
func TestScanEnglishMDY(t *testing.T) {
	l := englishMDY()
	texts := dateTexts()
	parts := [][]string{{"", "April", "Apr", "aUG", "ſept", "\u212aay", "x", "May1"}, {"", ".", ".."},
		{"", " ", "  ", "\t", "\n "}, {"", "1", "15", "123", "0"}, {"", "st", "ND", "Rd", "th", "s", "thx"},
		{"", ",", ", ", ",  ", " ", "  ", ";", " ,"}, {"", "2021", "202", "20210", "2O21", "2021 "}}
	var walk func(k int, s string)
	walk = func(k int, s string) {
		if k == len(parts) {
			texts = append(texts, s)
			return
		}
		for _, p := range parts[k] {
			walk(k+1, s+p)
		}
	}
	walk(0, "")
	for _, s := range texts {
		assert.Equal(t, l.re.FindStringSubmatch(s), l.match(s), "%q", s)
	}
}

// TestParseDateRemembered: a date cell read again reads as it did, under
// each way of reading a/b/YYYY, also once the memo has been emptied.
func TestParseDateRemembered(t *testing.T) {
	c := newContext(tdoc(nil), Options{})
	texts := append(dateTexts(), "4/5/2006", "13/5/2006", "5/13/2006") // more than the memo holds
	opts := []DateOptions{{}, {MonthFirst: true}, {DayFirst: true}, {DocMonthFirst: true}, {DocDayFirst: true}}
	require.Greater(t, len(texts), textMemo)
	for round := range 2 {
		for _, o := range opts {
			for _, s := range texts {
				want, wantErr := ParseDate(s, o)
				got, err := c.parseDate(s, o)
				assert.Equal(t, want, got, "%q %+v round %d", s, o, round)
				assert.Equal(t, wantErr, err, "%q %+v", s, o)
			}
		}
	}
	assert.LessOrEqual(t, len(c.dates), textMemo)
}
