package html

import (
	"encoding/binary"
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/agreements/agreements/internal/lazyre"
)

// Site chrome: the parts of a page that every page of its site repeats
// (menus, sidebars, breadcrumbs, headers and footers) or that lead to the
// site's other pages. They are never content, wherever the template puts
// them; the walk skips them by what they say they are (element, ARIA role,
// id and class names), by where they stand (lists outside the page's main
// content, when it marks one) and by what they hold (lists of links to
// other pages of the same site).

// chrome reports elements that are never content: scripts, styles,
// embedded objects, navigation, hidden elements.
func chrome(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Object, atom.Embed,
		atom.Svg, atom.Math, atom.Canvas, atom.Nav, atom.Select, atom.Button:
		return true
	}
	for _, a := range n.Attr {
		switch {
		case a.Key == "hidden",
			a.Key == "aria-hidden" && strings.EqualFold(a.Val, "true"),
			a.Key == "role" && navRoles[strings.ToLower(strings.TrimSpace(a.Val))]:
			return true
		}
	}
	return false
}

// navRoles are the ARIA roles of navigation, never content wherever they
// stand.
var navRoles = map[string]bool{"navigation": true, "menu": true, "menubar": true, "search": true}

// furnitureNames are the ids and classes (lower case, '-' and '_' left
// out) that site templates give their page furniture (sites that predate
// <header> and <nav>). They are skipped outside the main content.
var furnitureNames = map[string]bool{
	"header": true, "footer": true, "gnavi": true, "gnav": true, "globalnav": true,
	"navi": true, "nav": true, "menu": true, "sidebar": true, "side": true, "pankuzu": true,
	"topicpath": true, "breadcrumb": true, "breadcrumbs": true, "pagetop": true, "skip": true,
	"global": true, "local": true, "sub": true, "subcontents": true, "subcontent": true,
	"sidecontents": true, "sidecontent": true, "subcolumn": true, "sidecolumn": true,
	"siteheader": true, "sitefooter": true, "globalheader": true, "globalfooter": true,
	"commonheader": true, "commonfooter": true, "utility": true, "utilitynav": true,
}

// navWords are words that, standing anywhere in an id or class name
// ("l-sidebar", "local-nav", "c-breadcrumb__list", "sideMenu"), name
// navigation: skipped inside the main content too.
var navWords = map[string]bool{
	"menu": true, "menus": true, "megamenu": true, "nav": true, "navi": true, "navbar": true,
	"navigation": true, "gnav": true, "gnavi": true, "lnav": true, "lnavi": true, "snav": true,
	"snavi": true, "subnav": true, "sidenav": true, "sidebar": true, "sidemenu": true,
	"localnav": true, "localnavi": true, "globalnav": true, "globalnavi": true,
	"breadcrumb": true, "breadcrumbs": true, "pankuzu": true, "topicpath": true,
	"skip": true, "pagetop": true,
}

// headerPrefixes may stand before "header" or "footer" in the name of a
// site's own header or footer ("site-header", "l-footer"); other names
// ("entry-header", "table-header") belong to content.
var headerPrefixes = map[string]bool{"": true, "site": true, "global": true, "common": true, "l": true, "g": true, "main": true}

// nameWords splits an id or class name into lower-case words at
// punctuation, digits and lower-to-upper case changes.
func nameWords(name string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	prevLower := false
	for _, r := range name {
		switch {
		case unicode.IsLetter(r):
			if unicode.IsUpper(r) && prevLower {
				flush()
			}
			cur = append(cur, r)
			prevLower = unicode.IsLower(r)
		default:
			flush()
			prevLower = false
		}
	}
	flush()
	return out
}

// names calls f on the element's id and each of its class names; it stops
// and reports true when f does.
func names(n *html.Node, f func(name string) bool) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "id":
			if f(a.Val) {
				return true
			}
		case "class":
			for _, c := range strings.Fields(a.Val) {
				if f(c) {
					return true
				}
			}
		}
	}
	return false
}

// holdsTable reports an element with a table inside: never skipped as
// chrome, since data tables are what the page is for.
func holdsTable(n *html.Node) bool {
	hasTable := false
	forEach(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && c.DataAtom == atom.Table {
			hasTable = true
		}
		return !hasTable
	})
	return hasTable
}

// navigation reports an element that names itself navigation, a sidebar
// or a breadcrumb trail by its id or class words, or that is
// complementary (an aside); never one that holds a table.
func navigation(n *html.Node) bool {
	nav := n.DataAtom == atom.Aside
	for _, a := range n.Attr {
		if a.Key == "role" && strings.EqualFold(strings.TrimSpace(a.Val), "complementary") {
			nav = true
		}
	}
	if !nav {
		nav = names(n, func(name string) bool {
			for _, w := range nameWords(name) {
				if navWords[w] {
					return true
				}
			}
			return false
		})
	}
	return nav && !holdsTable(n)
}

// furniture reports page furniture outside the main content: header,
// footer and aside elements, banner and contentinfo roles, and elements
// whose id or class names furniture; never one that holds a table.
func furniture(n *html.Node) bool {
	return furnitureName(n) && !holdsTable(n)
}

// furnitureName reports an element that names itself page furniture by
// its tag, role, id or class.
func furnitureName(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Header, atom.Footer, atom.Aside:
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "role" {
			switch strings.ToLower(strings.TrimSpace(a.Val)) {
			case "banner", "contentinfo", "complementary":
				return true
			}
		}
	}
	return names(n, func(name string) bool {
		folded := strings.ToLower(dropJoiners(name))
		if furnitureNames[folded] {
			return true
		}
		ws := nameWords(name)
		if k := len(ws); k > 0 && k <= 2 && (ws[k-1] == "header" || ws[k-1] == "footer") {
			prefix := ""
			if k == 2 {
				prefix = ws[0]
			}
			return headerPrefixes[prefix]
		}
		return false
	})
}

// mainContent reports the elements that hold a page's main content: main
// and article, role=main, and the id templates give it ("main",
// "main-contents").
func mainContent(n *html.Node) bool {
	if n.DataAtom == atom.Main || n.DataAtom == atom.Article {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "role":
			if strings.EqualFold(a.Val, "main") {
				return true
			}
		case "id":
			if mainIDs[strings.ToLower(dropJoiners(a.Val))] {
				return true
			}
		}
	}
	return false
}

var mainIDs = map[string]bool{"main": true, "maincontent": true, "maincontents": true, "contentsmain": true, "contentmain": true}

// site is what the walk knows of the page as a whole before reading it:
// whether it marks its main content, and the host it is served from.
type site struct {
	hasMain bool   // a main element, role=main or a main id is present
	host    string // from the canonical link, og:url or base, lower case; "" when unknown
}

var (
	mainRe = lazyre.New(`(?i)<main[\s>]|\srole\s*=\s*["']?main["'\s>]|\sid\s*=\s*["']?(main|main[-_]?contents?|contents?[-_]?main)["'\s>]`)
	hostRe = lazyre.New(`(?i)<(?:link[^>]*rel\s*=\s*["']?canonical["']?[^>]*href|meta[^>]*property\s*=\s*["']?og:url["']?[^>]*content|base[^>]*href)\s*=\s*["']?(https?://[^"'\s>]+)`)
)

// siteOf reads what the walk needs to know of the page as a whole.
func siteOf(utf []byte) site {
	var s site
	head := utf
	if i := indexBodyTag(utf[:min(len(utf), 1<<16)]); i >= 0 {
		head = utf[:i]
	}
	s.hasMain = hasMain(utf)
	if m := hostRe.FindSubmatch(head); m != nil {
		if u, err := url.Parse(string(m[1])); err == nil {
			s.host = strings.ToLower(u.Hostname())
		}
	}
	return s
}

// dropJoiners returns s without its hyphens and underscores, the joiners
// of words in class and id names ("site-header", "main_content"); s itself
// when it has none.
func dropJoiners(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' {
			return -1
		}
		return r
	}, s)
}

// indexBodyTag returns the index of the first "<body" in b, in any case
// of its ASCII letters, or -1. It reads b as it is: lower-casing a copy
// would cost a copy of the page's head and could move the index of a
// letter whose lower case is longer in UTF-8.
func indexBodyTag(b []byte) int {
	for i := 0; i+5 <= len(b); i++ {
		if b[i] == '<' && b[i+1]|0x20 == 'b' && b[i+2]|0x20 == 'o' && b[i+3]|0x20 == 'd' && b[i+4]|0x20 == 'y' {
			return i
		}
	}
	return -1
}

// hasMain is mainRe.Match(utf), run only on short windows around each
// place the word "main" is (in any case): every match holds it, after at
// most a blank and role= or id= (blanks around the = sign), a quote, and
// "contents-" or less; and after it at most "-contents" and one character.
// Over a whole large page the expression alone reads a few MB/s.
func hasMain(utf []byte) bool {
	for i := 0; i+4 <= len(utf); i++ {
		if i&7 == 0 && i+8 <= len(utf) && !hasM(binary.LittleEndian.Uint64(utf[i:])) {
			i += 7 // none of the eight bytes is an m
			continue
		}
		if utf[i]|0x20 != 'm' || utf[i+1]|0x20 != 'a' || utf[i+2]|0x20 != 'i' || utf[i+3]|0x20 != 'n' {
			continue
		}
		k := i
		for n := 0; n < len("contents-")+3 && k > 0 && isNameByte(utf[k-1]); n++ {
			k--
		}
		if k > 0 && (utf[k-1] == '"' || utf[k-1] == '\'') {
			k--
		}
		k = skipBlanksBack(utf, k)
		if k > 0 && utf[k-1] == '=' {
			k = skipBlanksBack(utf, k-1)
		}
		lo := max(0, k-len(" role"))
		if mainRe.Match(utf[lo:min(len(utf), i+len("main-contents")+3)]) {
			return true
		}
	}
	return false
}

// hasM reports whether one of the eight bytes of w is m or M (the test
// for a zero byte of w, lower-cased, xor eight m's: exact).
func hasM(w uint64) bool {
	const ones, highs, ms = 0x0101010101010101, 0x8080808080808080, 0x6d6d6d6d6d6d6d6d
	x := (w | 0x2020202020202020) ^ ms
	return (x-ones)&^x&highs != 0
}

// isNameByte reports a byte of "contents-" in any case; bytes of non-ASCII
// characters count too, as (?i) matches ſ for s.
func isNameByte(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z' || c == '-' || c == '_' || c >= 0x80
}

// skipBlanksBack returns k moved back over the blanks (\s) before it.
func skipBlanksBack(b []byte, k int) int {
	for k > 0 && (b[k-1] == ' ' || b[k-1] == '\t' || b[k-1] == '\n' || b[k-1] == '\r' || b[k-1] == '\f') {
		k--
	}
	return k
}

// outsideMain reports a position outside the main content of a page that
// marks one: lists there are the site's menus.
func (w *walker) outsideMain() bool {
	return w.site.hasMain && w.inMain == 0
}

// internal reports a link to the same site: relative, or to the page's
// own host when it is known.
func (s site) internal(href string) bool {
	href = strings.TrimSpace(href)
	if href == "" {
		return false
	}
	u, err := url.Parse(href)
	if err != nil {
		return false
	}
	switch {
	case u.Scheme == "" && u.Host == "":
		return true
	case u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https":
		return false // mailto:, javascript:, tel:
	}
	return s.host != "" && strings.EqualFold(u.Hostname(), s.host)
}

// linkList reports a list (with the lists inside it) whose every item is
// only a link to a page of the same site: the site's menu, or the list of
// the other pages of a list split by region. An item with text outside
// its link (a date, a note) or an item linking elsewhere makes it content.
func (s site) linkList(list *html.Node) bool {
	items, ok := 0, true
	forEach(list, func(n *html.Node) bool {
		if !ok {
			return false
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Li {
			items++
			if !s.linkItem(n) && !currentItem(n) {
				ok = false
			}
		}
		return true
	})
	return ok && items >= 2
}

// currentItem reports an item that marks itself (or its only child) as
// the page being shown: a menu's unlinked entry for the current page.
func currentItem(li *html.Node) bool {
	marked := func(n *html.Node) bool {
		for _, a := range n.Attr {
			if a.Key == "aria-current" && !strings.EqualFold(a.Val, "false") {
				return true
			}
		}
		return names(n, func(name string) bool {
			for _, w := range nameWords(name) {
				switch w {
				case "current", "active", "selected", "stay", "here":
					return true
				}
			}
			return false
		})
	}
	if marked(li) {
		return true
	}
	for c := li.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && marked(c) {
			return true
		}
	}
	return false
}

// linkItem reports an item whose own text (lists inside it left out)
// stands wholly inside links to the same site, with some text.
func (s site) linkItem(li *html.Node) bool {
	linked, ok := false, true
	forEach(li, func(n *html.Node) bool {
		if !ok {
			return false
		}
		if n == li {
			return true
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Ul, atom.Ol, atom.Menu:
				return false // the nested list's items are checked on their own
			case atom.A:
				href, has := "", false
				for _, a := range n.Attr {
					if a.Key == "href" {
						href, has = a.Val, true
					}
				}
				if !has || !s.internal(href) || strings.TrimSpace(textOf(n)) == "" {
					ok = false
					return false
				}
				linked = true
				return false
			}
			return !skipInText(n.DataAtom)
		}
		if n.Type == html.TextNode && strings.TrimFunc(n.Data, func(r rune) bool {
			return unicode.IsSpace(r) || r == '|' || r == '/' || r == '>' || r == '›' || r == '»'
		}) != "" {
			ok = false
		}
		return false
	})
	return ok && linked
}

// textOf returns the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	forEach(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return c.Type != html.ElementNode || !skipInText(c.DataAtom)
	})
	return b.String()
}
