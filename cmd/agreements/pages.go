//go:build !parsechild

package main

import (
	"fmt"
	"strconv"
	"strings"
)

// lastPage is the page "end" stands for in a page list: the most pages
// parser/pdf reads of one document, so N-end asks for every page from N on.
const lastPage = 20000

// pagesHelp is the --pages flag's usage, for every command that takes it.
const pagesHelp = "pages to read, 1-based: `LIST` like 1,3-5, 2-end or all (default all); the sheets of a workbook; an HTML page is read whole"

// parsePages parses a 1-based page list like "1,3-5" or "2-end"; "all" or
// an empty list means all pages (nil).
func parsePages(s string) ([]int, error) {
	if t := strings.TrimSpace(s); t == "" || strings.EqualFold(t, "all") {
		return nil, nil
	}
	var pages []int
	seen := map[int]bool{}
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		lo, hi, isRange := strings.Cut(part, "-")
		a, err := strconv.Atoi(strings.TrimSpace(lo))
		if err != nil || a < 1 {
			return nil, fmt.Errorf("bad page %q", part)
		}
		b := a
		if isRange {
			if strings.EqualFold(strings.TrimSpace(hi), "end") {
				b = max(a, lastPage)
			} else if b, err = strconv.Atoi(strings.TrimSpace(hi)); err != nil || b < a {
				return nil, fmt.Errorf("bad page range %q", part)
			}
			if b-a > 100000 {
				return nil, fmt.Errorf("page range %q too large", part)
			}
		}
		for p := a; p <= b; p++ {
			if !seen[p] {
				seen[p] = true
				pages = append(pages, p)
			}
		}
	}
	return pages, nil
}
