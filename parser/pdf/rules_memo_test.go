package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestPageRulesMemo: while a page's tables are found, its rules are made
// once and read again as made; segments other than those they were made
// of (another page's, or more of them) make them anew; outside pageTables
// nothing is kept.
func TestPageRulesMemo(t *testing.T) {
	grid := func(n int) []Segment {
		var segs []Segment
		for i := range n {
			y := 100 + 20*float64(i)
			segs = append(segs, Segment{X0: 50, Y0: y, X1: 300, Y1: y, Width: 0.5})
			x := 50 + 50*float64(i)
			segs = append(segs, Segment{X0: x, Y0: 100, X1: x, Y1: 100 + 20*float64(n-1), Width: 0.5})
		}
		// A piece of a rule, split in two, and a filled background's edge.
		segs = append(segs, Segment{X0: 300, Y0: 100.2, X1: 320, Y1: 100.2, Width: 0.5}, Segment{X0: 0, Y0: 10, X1: 600, Y1: 10})
		return segs
	}
	p := &PageLayout{Segments: grid(4)}
	hs0, vs0 := pageRules(p)
	assert.Len(t, hs0, 4)
	assert.Len(t, vs0, 4)
	assert.False(t, p.rules.made, "nothing is kept outside pageTables")

	p.rules = pageRuleMemo{keep: true}
	hs1, vs1 := pageRules(p)
	assert.Equal(t, hs0, hs1)
	assert.Equal(t, vs0, vs1)
	hs2, vs2 := pageRules(p)
	assert.Same(t, &hs1[0], &hs2[0], "made once")
	assert.Same(t, &vs1[0], &vs2[0])

	p.Segments = append(p.Segments, grid(6)...)
	hs3, _ := pageRules(p)
	fresh, _ := pageRules(&PageLayout{Segments: p.Segments})
	assert.Equal(t, fresh, hs3, "more segments: made anew")
	q := &PageLayout{Segments: grid(4), rules: p.rules}
	hs4, _ := pageRules(q)
	assert.Equal(t, hs0, hs4, "another page's segments: made anew")

	// pageTables keeps them only while it runs.
	pageTables(p)
	assert.Equal(t, pageRuleMemo{}, p.rules)
}
