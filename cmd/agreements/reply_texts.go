package main

import "github.com/agreements/agreements/parser"

// replyTexts shares the texts of the cells of a reply as it is decoded: a
// text that repeats from row to row (a region, a country, a unit, a date
// of several agreements) is held once, and the line of a cell whose one
// line is its text (replyPart.OneLine) is that text, in a list shared by
// the cells of that text, or cut from a block of such lists made for
// many cells at once, rather than one list made for each cell.
type replyTexts struct {
	seen  map[string][]string // a text already met → the one-line list holding it
	lists []string            // room for the one-line lists of texts met once
}

// Bounds on what is shared: texts up to sharedText bytes long, and at most
// sharedTexts of them (past that, texts already met are still shared).
const (
	sharedText  = 64
	sharedTexts = 1 << 14
	listBlock   = 256
)

func newReplyTexts() *replyTexts {
	return &replyTexts{seen: map[string][]string{}}
}

// unpack gives the cells of p that p.OneLine marks their one line again,
// and shares the texts of all of its cells.
func (rt *replyTexts) unpack(p *replyPart) {
	p.eachCell(func(i int, c *parser.Cell) {
		oneLine := i/64 < len(p.OneLine) && p.OneLine[i/64]&(1<<(i%64)) != 0
		if c.Text == "" && !oneLine {
			return
		}
		if l, ok := rt.seen[c.Text]; ok {
			c.Text = l[0]
			if oneLine {
				c.Lines = l
			}
			return
		}
		if !oneLine && len(c.Text) > sharedText {
			return
		}
		l := rt.list(c.Text)
		if oneLine {
			c.Lines = l
		}
		if len(c.Text) <= sharedText && len(rt.seen) < sharedTexts {
			rt.seen[c.Text] = l
		}
	})
}

// list returns a one-line list of s, its capacity one, so that appending
// to it makes a list of its own.
func (rt *replyTexts) list(s string) []string {
	if len(rt.lists) == 0 {
		rt.lists = make([]string, listBlock)
	}
	l := rt.lists[:1:1]
	rt.lists = rt.lists[1:]
	l[0] = s
	return l
}
