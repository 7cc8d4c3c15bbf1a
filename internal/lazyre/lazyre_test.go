package lazyre

import (
	"regexp"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSameAsRegexp(t *testing.T) {
	const expr = `(\d{4})-(\d{2})`
	l, re := New(expr), regexp.MustCompile(expr)
	s := "from 2024-04 to 2025-03"
	assert.Equal(t, re.FindStringSubmatch(s), l.FindStringSubmatch(s))
	assert.Equal(t, re.FindAllStringSubmatchIndex(s, -1), l.FindAllStringSubmatchIndex(s, -1))
	assert.Equal(t, re.ReplaceAllString(s, "$2/$1"), l.ReplaceAllString(s, "$2/$1"))
	assert.Equal(t, re.MatchString(s), l.MatchString(s))
	assert.Equal(t, re.NumSubexp(), l.NumSubexp())
	assert.Equal(t, expr, l.String())
	assert.Same(t, l.Regexp(), l.Regexp(), "compiled once")
}

func TestConcurrentFirstUse(t *testing.T) {
	l := &Regexp{expr: `a+b`} // as outside tests: not compiled yet
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { assert.True(t, l.MatchString("xaab")) })
	}
	wg.Wait()
	require.NotNil(t, l.re)
}

func TestInvalidPanicsInTests(t *testing.T) {
	assert.Panics(t, func() { New(`(`) })
	l := &Regexp{expr: `(`}
	assert.Panics(t, func() { l.MatchString("x") }, "on first use outside tests")
}
