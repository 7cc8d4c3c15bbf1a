package normalize

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

var isoDateRE = regexp.MustCompile(`^\d{4}(-\d\d(-\d\d)?)?$`)

// FuzzDate checks that the date grammar never panics, that what it accepts
// is ISO 8601 at some precision, and that the ISO form reads back as itself.
func FuzzDate(f *testing.F) {
	for _, tt := range dateForms {
		f.Add(tt.in, tt.opt.MonthFirst, tt.opt.DayFirst)
	}
	for _, s := range []string{
		"", " ", "-", "3/4/2018", "13/14/2018", "2019-02-30", "平成31年5月1日", "令和元年4月30日",
		"H31.5.1", "H26.4/1", "平成0年", "May 1nd, 2021", "0000", "2019.0", "2019年4月0日",
		"2006.4.5 -自動延長", "-2018.10.19", "2006.4.5-2011.4.4", "手続中", "2014年4月1日から2019年3月31日まで",
		"2019-12-2020", "Peking University (1999.11.10)", "(ANSTO)", "（）", "(", "）2019（",
		"\xff\xfe", "2019\u0301.4.1", "ＩＩ．２０１９", "H\u00a026.4.1", "自動延長自動延長", "自動(延長)",
	} {
		f.Add(s, false, false)
	}
	f.Fuzz(func(t *testing.T, s string, monthFirst, dayFirst bool) {
		opt := DateOptions{MonthFirst: monthFirst, DayFirst: dayFirst}
		d, err := ParseDate(s, opt)
		if err != nil {
			if !errors.Is(err, ErrBadDate) && !errors.Is(err, ErrAmbiguousDate) {
				t.Fatalf("ParseDate(%q): error %v wraps no sentinel", s, err)
			}
			if d != (Date{}) {
				t.Fatalf("ParseDate(%q): %+v with error %v", s, d, err)
			}
		} else {
			checkISO(t, s, d)
		}

		v, err := ParseValidity(s, opt)
		if err != nil {
			if !errors.Is(err, ErrBadDate) && !errors.Is(err, ErrAmbiguousDate) {
				t.Fatalf("ParseValidity(%q): error %v wraps no sentinel", s, err)
			}
		} else {
			for _, d := range []Date{v.Signed, v.ValidUntil} {
				if !d.IsZero() {
					checkISO(t, s, d)
				}
			}
		}

		rest, d, ok := TrailingDate(s)
		if ok {
			checkISO(t, s, d)
			if !strings.HasPrefix(strings.TrimSpace(s), rest) {
				t.Fatalf("TrailingDate(%q): rest %q is not a prefix", s, rest)
			}
		} else if rest != s {
			t.Fatalf("TrailingDate(%q): rest %q without a date", s, rest)
		}
	})
}

func checkISO(t *testing.T, in string, d Date) {
	t.Helper()
	if !isoDateRE.MatchString(d.ISO) || d.Layout == "" {
		t.Fatalf("%q: read as %+v", in, d)
	}
	again, err := ParseDate(d.ISO, DateOptions{})
	if err != nil || again.ISO != d.ISO {
		t.Fatalf("%q: read as %q, which reads back as %+v, %v", in, d.ISO, again, err)
	}
}
