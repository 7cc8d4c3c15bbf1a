package normalize

import (
	"fmt"

	"github.com/agreements/agreements/agreement"
)

// Country headings with nothing under them. A list whose labels were read
// apart from their entries (a table without rules read down its columns:
// its countries, set in the middle of their rows, then all the partners)
// gives a run of country headings with no entry between them, and every
// partner under the last: each record is filed under a wrong country, and
// nothing else says so. Such a run is said, heading by heading, as lines
// that made no record, when three headings or more stand in a row with no
// entry under any and their countries have no record anywhere in the
// document (a site's menu of countries names countries the list files
// records under further on).

// minBareRun is how many country headings with no entry, in a row, make
// the list doubtful.
const minBareRun = 3

// headNote is a country heading as read: where it stands, its text, the
// country it names, and how many records had been made before it.
type headNote struct {
	page, row int
	text      string
	country   string
	made      int
}

// noteFilled notes the country a finished record is filed under.
func (c *docContext) noteFilled(r *Record) {
	if r.Country == "" {
		return
	}
	if c.filled == nil {
		c.filled = map[string]bool{}
	}
	c.filled[r.Country] = true
}

// bareHeadings says the runs of country headings with no entry under them
// (see above), once every record is made and noted (noteFilled).
func (c *docContext) bareHeadings() {
	var run []headNote
	flush := func() {
		if len(run) >= minBareRun {
			for _, h := range run {
				c.unplaced(h.page, h.row, h.text, agreement.UnplacedBareGroup,
					fmt.Sprintf("a country heading with no entry under it, one of %d in a row: the list's labels may have been read apart from their entries", len(run)))
			}
		}
		run = run[:0]
	}
	for k, h := range c.heads {
		next := c.made()
		if k+1 < len(c.heads) {
			next = c.heads[k+1].made
		}
		if next == h.made && !c.filled[h.country] {
			run = append(run, h)
			continue
		}
		flush()
	}
	flush()
}
