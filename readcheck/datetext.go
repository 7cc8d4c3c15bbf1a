package readcheck

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/agreements/agreements/agreement"
)

// dateAsText: a record without a date whose kind of agreement, partner's
// unit or home unit is nothing but a date ("Oct. 17, 2016", "2016年10月17
// 日", "H28.10.17"): the date column read under another heading (a header
// cut so that what is left over the dates names the kind), the record
// without its date.
func (c *checker) dateAsText(r *agreement.Record, full bool) (Warning, bool) {
	if r.Signed != "" {
		return Warning{}, false
	}
	for _, f := range [][2]string{{"kind of agreement", r.AgreementType}, {"partner's unit", r.PartnerUnit}, {"home unit", r.HomeUnit}} {
		if !onlyDate(f[1]) {
			continue
		}
		if !full {
			return Warning{Kind: KindDateAsText}, true // (counted only)
		}
		return Warning{Kind: KindDateAsText, File: c.file, Page: r.Source.Page, Row: r.Source.Row,
			Message: fmt.Sprintf("the %s of %q is a date, %q, and the record has none: a date column was read under another heading", f[0], shorten(r.Partner, 60), shorten(f[1], 40))}, true
	}
	return Warning{}, false
}

// monthWords are the English months and their abbreviations, lower case.
var monthWords = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "may": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
}

// onlyDate reports a text, its bracketed parts aside ("(as of May 1,
// 2021)"), made of a date's parts only: numbers, month names, the signs
// between them and the Japanese era and date words, with a year of four
// digits or an era in it.
func onlyDate(s string) bool {
	if s == "" || len(s) > 80 {
		return false
	}
	s = dropBracketed(s)
	year := false
	tokens := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",./-・年月日", r)
	})
	if len(tokens) == 0 {
		return false
	}
	for _, t := range tokens {
		for _, era := range []string{"明治", "大正", "昭和", "平成", "令和"} {
			if rest, ok := strings.CutPrefix(t, era); ok {
				t, year = rest, true
				break
			}
		}
		if n := len(t); n >= 2 && n <= 3 && strings.ContainsRune("HRSMT", rune(t[0])) && strings.IndexFunc(t[1:], func(r rune) bool { return r < '0' || r > '9' }) < 0 {
			t, year = t[1:], true // ("H28", "R3": an era's year; "H28.10.17" splits at its dots)
		}
		switch {
		case t == "" || t == "元":
		case strings.IndexFunc(t, func(r rune) bool { return r < '0' || r > '9' }) < 0:
			year = year || len(t) == 4
		case monthWords[strings.ToLower(t)]:
		default:
			return false
		}
	}
	return year
}

// dropBracketed removes the parts of s in round brackets.
func dropBracketed(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '（':
			depth++
		case ')', '）':
			depth = max(depth-1, 0)
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}
