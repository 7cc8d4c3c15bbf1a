package fetch

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// FindLink returns the address of the first link (<a href>) on an index
// page whose address or text matches re, resolved against base (the
// page's own address). The page's charset is honoured, so a pattern may
// match Japanese link text on a Shift_JIS page.
func FindLink(base string, page []byte, contentType string, re *regexp.Regexp) (string, error) {
	bu, err := url.Parse(base)
	if err != nil {
		return "", fmt.Errorf("%s: %w", base, err)
	}
	r, err := charset.NewReader(bytes.NewReader(page), contentType)
	if err != nil {
		return "", fmt.Errorf("%s: %w", base, err)
	}
	z := html.NewTokenizer(r)
	var href string // of the <a> being read, "" outside one
	inA := false
	var text strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				return "", fmt.Errorf("%s: no link on the page matches %q", base, re)
			}
			return "", fmt.Errorf("%s: %w", base, z.Err())
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "a" {
				continue
			}
			inA, href = true, ""
			text.Reset()
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if string(k) == "href" {
					href = strings.TrimSpace(string(v))
				}
			}
		case html.TextToken:
			if inA {
				text.Write(z.Text())
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if string(name) != "a" || !inA {
				continue
			}
			inA = false
			if href == "" || strings.HasPrefix(href, "#") {
				continue
			}
			label := strings.Join(strings.Fields(text.String()), " ")
			if !re.MatchString(href) && !re.MatchString(label) {
				continue
			}
			target, err := bu.Parse(href)
			if err != nil {
				return "", fmt.Errorf("%s: link %q: %w", base, href, err)
			}
			if target.Scheme != "http" && target.Scheme != "https" || target.Host == "" {
				return "", fmt.Errorf("%s: link %q: not an http or https address", base, href)
			}
			target.Fragment = ""
			return target.String(), nil
		}
	}
}
