package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestParseDateMemoOneWay: the memo of date cells holds one way of reading
// them at a time: texts read under ways that alternate call after call read
// as ParseDate reads them.
func TestParseDateMemoOneWay(t *testing.T) {
	c := newContext(tdoc(nil), Options{})
	opts := []DateOptions{{}, {MonthFirst: true}, {DayFirst: true}, {DocDayFirst: true}}
	for round := range 3 {
		for _, s := range []string{"4/5/2006", "13/5/2006", "2006.4.5", "4/5/2006"} {
			for _, o := range opts {
				want, wantErr := ParseDate(s, o)
				got, err := c.parseDate(s, o)
				assert.Equal(t, want, got, "%q %+v round %d", s, o, round)
				assert.Equal(t, wantErr, err, "%q %+v", s, o)
			}
		}
	}
}
