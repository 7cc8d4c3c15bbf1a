package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dateForms has one row per layout of dateLayouts, and more for the
// variants each accepts. FuzzDate seeds from it.
var dateForms = []struct {
	name, in string
	opt      DateOptions
	iso      string
	layout   string
}{
	{"iso", "2019-12-12", DateOptions{}, "2019-12-12", "YYYY-MM-DD"},
	{"iso unpadded", "2019-1-2", DateOptions{}, "2019-01-02", "YYYY-M-D"},
	{"iso month", "2019-12", DateOptions{}, "2019-12", "YYYY-MM"},
	{"year", "2019", DateOptions{}, "2019", "YYYY"},
	{"slash padded", "2019/08/08", DateOptions{}, "2019-08-08", "YYYY/MM/DD"},
	{"slash", "2019/8/8", DateOptions{}, "2019-08-08", "YYYY/M/D"},
	{"slash month padded", "2019/12", DateOptions{}, "2019-12", "YYYY/MM"},
	{"slash month", "2019/4", DateOptions{}, "2019-04", "YYYY/M"},
	{"dot padded", "2019.08.08", DateOptions{}, "2019-08-08", "YYYY.MM.DD"},
	{"dot", "1983.8.5", DateOptions{}, "1983-08-05", "YYYY.M.D"},
	{"dot space-padded", "1980. 5.31", DateOptions{}, "1980-05-31", "YYYY. M.D"},
	{"dot space-padded day", "1980.12. 1", DateOptions{}, "1980-12-01", "YYYY. M.D"},
	{"dot month padded", "2019.12", DateOptions{}, "2019-12", "YYYY.MM"},
	{"dot month", "2019.4", DateOptions{}, "2019-04", "YYYY.M"},
	{"dot month space-padded", "2019. 4", DateOptions{}, "2019-04", "YYYY. M"},
	{"full-width", "２０１９．８．８", DateOptions{}, "2019-08-08", "YYYY.M.D"},
	{"surrounding space", "  2019/8/8\u3000", DateOptions{}, "2019-08-08", "YYYY/M/D"},
	{"kanji", "2017年4月7日", DateOptions{}, "2017-04-07", "YYYY年M月D日"},
	{"kanji spaced", "2017 年 4 月 7 日", DateOptions{}, "2017-04-07", "YYYY年M月D日"},
	{"kanji full-width", "２０１７年４月７日", DateOptions{}, "2017-04-07", "YYYY年M月D日"},
	{"kanji month", "2017年4月", DateOptions{}, "2017-04", "YYYY年M月"},
	{"kanji year", "2017年", DateOptions{}, "2017", "YYYY年"},
	{"era heisei", "平成26年4月1日", DateOptions{}, "2014-04-01", "era:平成Y年M月D日"},
	{"era reiwa first year", "令和元年5月1日", DateOptions{}, "2019-05-01", "era:令和Y年M月D日"},
	{"era heisei first year", "平成元年", DateOptions{}, "1989", "era:平成Y年"},
	{"era heisei month", "平成元年1月", DateOptions{}, "1989-01", "era:平成Y年M月"},
	{"era heisei last day", "平成31年4月30日", DateOptions{}, "2019-04-30", "era:平成Y年M月D日"},
	{"era showa", "昭和63年1月1日", DateOptions{}, "1988-01-01", "era:昭和Y年M月D日"},
	{"era showa last day", "昭和64年1月7日", DateOptions{}, "1989-01-07", "era:昭和Y年M月D日"},
	{"era taisho", "大正15年", DateOptions{}, "1926", "era:大正Y年"},
	{"era meiji", "明治45年7月1日", DateOptions{}, "1912-07-01", "era:明治Y年M月D日"},
	{"era full-width", "平成２６年４月１日", DateOptions{}, "2014-04-01", "era:平成Y年M月D日"},
	{"era square", "㍻26年4月1日", DateOptions{}, "2014-04-01", "era:平成Y年M月D日"},
	{"era letter", "H26.4.1", DateOptions{}, "2014-04-01", "era:H.Y.M.D"},
	{"era letter reiwa", "R2.3.31", DateOptions{}, "2020-03-31", "era:R.Y.M.D"},
	{"era letter showa", "S63.1.1", DateOptions{}, "1988-01-01", "era:S.Y.M.D"},
	{"era letter heisei last day", "H31.4.30", DateOptions{}, "2019-04-30", "era:H.Y.M.D"},
	{"era letter reiwa first year", "R元.5.1", DateOptions{}, "2019-05-01", "era:R.Y.M.D"},
	{"era letter slash", "H26/4/1", DateOptions{}, "2014-04-01", "era:H/Y/M/D"},
	{"era letter month", "H26.4", DateOptions{}, "2014-04", "era:H.Y.M"},
	{"era letter lower case", "h26.4.1", DateOptions{}, "2014-04-01", "era:H.Y.M.D"},
	{"era kanji dotted", "平成26.4.1", DateOptions{}, "2014-04-01", "era:平成.Y.M.D"},
	{"english", "April 1, 2014", DateOptions{}, "2014-04-01", "Month D, YYYY"},
	{"english no comma", "April 1 2014", DateOptions{}, "2014-04-01", "Month D YYYY"},
	{"english abbrev dot", "Apr. 1, 2014", DateOptions{}, "2014-04-01", "Mon. D, YYYY"},
	{"english abbrev", "Sept 30, 2014", DateOptions{}, "2014-09-30", "Mon D, YYYY"},
	{"english ordinal", "May 1st, 2021", DateOptions{}, "2021-05-01", "Month Dth, YYYY"},
	{"english ordinal 22nd", "June 22nd, 2021", DateOptions{}, "2021-06-22", "Month Dth, YYYY"},
	{"english upper case", "APRIL 1, 2014", DateOptions{}, "2014-04-01", "Month D, YYYY"},
	{"english day first", "1 April 2014", DateOptions{}, "2014-04-01", "D Month YYYY"},
	{"english day first ordinal", "21st Apr. 2014", DateOptions{}, "2014-04-21", "Dth Mon. YYYY"},
	{"english month comma year", "August, 2016", DateOptions{}, "2016-08", "Month, YYYY"},
	{"english month year", "August 2016", DateOptions{}, "2016-08", "Month YYYY"},
	{"english abbrev month year", "Aug. 2016", DateOptions{}, "2016-08", "Mon. YYYY"},
	{"us month first", "1/25/2018", DateOptions{MonthFirst: true}, "2018-01-25", "M/D/YYYY"},
	{"us month first small", "3/4/2018", DateOptions{MonthFirst: true}, "2018-03-04", "M/D/YYYY"},
	{"day first", "25/1/2018", DateOptions{DayFirst: true}, "2018-01-25", "D/M/YYYY"},
	{"day first small", "3/4/2018", DateOptions{DayFirst: true}, "2018-04-03", "D/M/YYYY"},
	{"a/b unambiguous day first", "25/1/2018", DateOptions{}, "2018-01-25", "D/M/YYYY (day>12)"},
	{"a/b unambiguous month first", "1/25/2018", DateOptions{}, "2018-01-25", "M/D/YYYY (day>12)"},
	{"a/b same", "5/5/2018", DateOptions{}, "2018-05-05", "N/N/YYYY"},
	{"leap day", "2020.2.29", DateOptions{}, "2020-02-29", "YYYY.M.D"},
}

func TestParseDate(t *testing.T) {
	for _, tt := range dateForms {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDate(tt.in, tt.opt)
			require.NoError(t, err)
			assert.Equal(t, Date{ISO: tt.iso, Layout: tt.layout}, d)
		})
	}
}

func TestParseDateErrors(t *testing.T) {
	tests := []struct {
		name, in string
		opt      DateOptions
		want     error
	}{
		{"empty", "", DateOptions{}, ErrBadDate},
		{"words", "ongoing", DateOptions{}, ErrBadDate},
		{"no such day", "2019-02-30", DateOptions{}, ErrBadDate},
		{"not a leap year", "2019.2.29", DateOptions{}, ErrBadDate},
		{"month 13", "2019/13/01", DateOptions{}, ErrBadDate},
		{"month 0", "2019.0", DateOptions{}, ErrBadDate},
		{"day 0", "2019年4月0日", DateOptions{}, ErrBadDate},
		{"year too early", "1700.1.1", DateOptions{}, ErrBadDate},
		{"year too late", "2101", DateOptions{}, ErrBadDate},
		{"heisei after its end", "平成31年5月1日", DateOptions{}, ErrBadDate},
		{"heisei month after its end", "平成31年5月", DateOptions{}, ErrBadDate},
		{"heisei year after its end", "平成32年", DateOptions{}, ErrBadDate},
		{"heisei letter after its end", "H31.5.1", DateOptions{}, ErrBadDate},
		{"reiwa before its start", "令和元年4月30日", DateOptions{}, ErrBadDate},
		{"showa after its end", "昭和64年1月8日", DateOptions{}, ErrBadDate},
		{"heisei before its start", "平成元年1月7日", DateOptions{}, ErrBadDate},
		{"era year 0", "平成0年", DateOptions{}, ErrBadDate},
		{"era mixed separators", "H26.4/1", DateOptions{}, ErrBadDate},
		{"bare era letter and year", "H26", DateOptions{}, ErrBadDate},
		{"fiscal year", "2019年度", DateOptions{}, ErrBadDate},
		{"not a month", "Foo 1, 2014", DateOptions{}, ErrBadDate},
		{"wrong ordinal", "May 1nd, 2021", DateOptions{}, ErrBadDate},
		{"day and year run together", "April 12014", DateOptions{}, ErrBadDate},
		{"a/b ambiguous", "3/4/2018", DateOptions{}, ErrAmbiguousDate},
		{"a/b both options", "3/4/2018", DateOptions{MonthFirst: true, DayFirst: true}, ErrAmbiguousDate},
		{"a/b no month", "13/14/2018", DateOptions{}, ErrBadDate},
		{"a/b month first but day first", "25/1/2018", DateOptions{MonthFirst: true}, ErrBadDate},
		{"two-digit year", "19.4.1", DateOptions{}, ErrBadDate},
		{"trailing text", "2019.4.1 signed", DateOptions{}, ErrBadDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseDate(tt.in, tt.opt)
			require.ErrorIs(t, err, tt.want)
			assert.Equal(t, Date{}, d)
			assert.Contains(t, err.Error(), "\""+tt.in+"\"")
		})
	}
}

func TestParseValidity(t *testing.T) {
	d := func(iso, layout string) Date { return Date{ISO: iso, Layout: layout} }
	tests := []struct {
		name, in string
		want     Validity
	}{
		{"empty", "", Validity{}},
		{"dash", "-", Validity{}},
		{"signed only", "2006.4.5", Validity{Signed: d("2006-04-05", "YYYY.M.D")}},
		{"signed iso", "2019-12-12", Validity{Signed: d("2019-12-12", "YYYY-MM-DD")}},
		{"range", "2006.4.5-2011.4.4", Validity{Signed: d("2006-04-05", "YYYY.M.D"), ValidUntil: d("2011-04-04", "YYYY.M.D")}},
		{"range spaced", "2006.4.5 - 2011.4.4", Validity{Signed: d("2006-04-05", "YYYY.M.D"), ValidUntil: d("2011-04-04", "YYYY.M.D")}},
		{"range iso", "2019-12-12-2024-12-11", Validity{Signed: d("2019-12-12", "YYYY-MM-DD"), ValidUntil: d("2024-12-11", "YYYY-MM-DD")}},
		{"range iso months", "2019-12-2020-01", Validity{Signed: d("2019-12", "YYYY-MM"), ValidUntil: d("2020-01", "YYYY-MM")}},
		{"range wave dash", "2014年4月1日〜2019年3月31日", Validity{Signed: d("2014-04-01", "YYYY年M月D日"), ValidUntil: d("2019-03-31", "YYYY年M月D日")}},
		{"range full-width tilde", "2014.4.1～2019.3.31", Validity{Signed: d("2014-04-01", "YYYY.M.D"), ValidUntil: d("2019-03-31", "YYYY.M.D")}},
		{"range kara made", "2014年4月1日から2019年3月31日まで", Validity{Signed: d("2014-04-01", "YYYY年M月D日"), ValidUntil: d("2019-03-31", "YYYY年M月D日")}},
		{"range english", "April 1, 2014 to March 31, 2019", Validity{Signed: d("2014-04-01", "Month D, YYYY"), ValidUntil: d("2019-03-31", "Month D, YYYY")}},
		{"range era", "H26.4.1-R1.5.31", Validity{Signed: d("2014-04-01", "era:H.Y.M.D"), ValidUntil: d("2019-05-31", "era:R.Y.M.D")}},
		{"range month to year", "2019-12-2020", Validity{Signed: d("2019-12", "YYYY-MM"), ValidUntil: d("2020", "YYYY")}},
		{"auto renewal", "2006.4.5 -自動延長", Validity{Signed: d("2006-04-05", "YYYY.M.D"), AutoRenewal: true}},
		{"auto renewal bracketed", "2014.4.1～2019.3.31（自動更新）", Validity{Signed: d("2014-04-01", "YYYY.M.D"), ValidUntil: d("2019-03-31", "YYYY.M.D"), AutoRenewal: true}},
		{"auto renewal english", "2014/04/01 - (automatic renewal)", Validity{Signed: d("2014-04-01", "YYYY/MM/DD"), AutoRenewal: true}},
		{"auto renewal only", "自動延長", Validity{AutoRenewal: true}},
		{"auto renewal thereafter", "2006.4.5～（以後自動更新）", Validity{Signed: d("2006-04-05", "YYYY.M.D"), AutoRenewal: true}},
		{"until only", "-2018.10.19", Validity{ValidUntil: d("2018-10-19", "YYYY.MM.DD")}},
		{"until only tilde", "～2018.10.19", Validity{ValidUntil: d("2018-10-19", "YYYY.MM.DD")}},
		{"open end", "2006.4.5～", Validity{Signed: d("2006-04-05", "YYYY.M.D")}},
		{"end in brackets made", "2019年4月1日（2024年3月31日まで）", Validity{Signed: d("2019-04-01", "YYYY年M月D日"), ValidUntil: d("2024-03-31", "YYYY年M月D日")}},
		{"end in brackets until", "April 1, 2019 (until March 31, 2024)", Validity{Signed: d("2019-04-01", "Month D, YYYY"), ValidUntil: d("2024-03-31", "Month D, YYYY")}},
		{"end in brackets tilde", "2019.4.1 (~2024.3.31)", Validity{Signed: d("2019-04-01", "YYYY.M.D"), ValidUntil: d("2024-03-31", "YYYY.M.D")}},
		{"end in brackets label", "2019/04/01（有効期限：2024/03/31）", Validity{Signed: d("2019-04-01", "YYYY/MM/DD"), ValidUntil: d("2024-03-31", "YYYY/MM/DD")}},
		{"pending", "手続中", Validity{Pending: true}},
		{"pending long", "締結手続き中", Validity{Pending: true}},
		{"pending english", "Pending", Validity{Pending: true}},
		{"us range", "1/25/2018-1/24/2023", Validity{Signed: d("2018-01-25", "M/D/YYYY (day>12)"), ValidUntil: d("2023-01-24", "M/D/YYYY (day>12)")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := ParseValidity(tt.in, DateOptions{})
			require.NoError(t, err)
			assert.Equal(t, tt.want, v)
		})
	}
}

func TestParseValidityErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
	}{
		{"words", "see note", ErrBadDate},
		{"bad end", "2006.4.5-2011.2.30", ErrBadDate},
		{"ambiguous end", "2006.4.5-3/4/2011", ErrAmbiguousDate},
		{"ambiguous date", "3/4/2011", ErrAmbiguousDate},
		{"bracketed date saying no end", "2016 (renewed 2021)", ErrBadDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := ParseValidity(tt.in, DateOptions{})
			require.ErrorIs(t, err, tt.want)
			assert.Equal(t, Validity{}, v)
		})
	}
}

func TestTrailingDate(t *testing.T) {
	tests := []struct {
		name, in, rest string
		date           Date
		ok             bool
	}{
		{"dotted", "Peking University (1999.11.10)", "Peking University", Date{"1999-11-10", "YYYY.MM.DD"}, true},
		{"full-width brackets", "北京大学（1999.11.10）", "北京大学", Date{"1999-11-10", "YYYY.MM.DD"}, true},
		{"no space", "Peking University(1999.11.10)", "Peking University", Date{"1999-11-10", "YYYY.MM.DD"}, true},
		{"kanji", "北京大学 (1999年11月)", "北京大学", Date{"1999-11", "YYYY年M月"}, true},
		{"earlier brackets kept", "University of X (Faculty of Y) (2001.4.1)", "University of X (Faculty of Y)", Date{"2001-04-01", "YYYY.M.D"}, true},
		{"not a date", "Australian Nuclear Science and Technology Organisation (ANSTO)", "Australian Nuclear Science and Technology Organisation (ANSTO)", Date{}, false},
		{"a count", "China (79)", "China (79)", Date{}, false},
		{"not at the end", "Peking University (1999.11.10) Beijing", "Peking University (1999.11.10) Beijing", Date{}, false},
		{"ambiguous", "X University (3/4/2011)", "X University (3/4/2011)", Date{}, false},
		{"none", "Peking University", "Peking University", Date{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rest, d, ok := TrailingDate(tt.in)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.rest, rest)
			assert.Equal(t, tt.date, d)
		})
	}
}

func TestKoreanDate(t *testing.T) {
	d, err := ParseDate("2024년 3월 1일", DateOptions{})
	if assert.NoError(t, err) {
		assert.Equal(t, "2024-03-01", d.ISO)
	}
}
