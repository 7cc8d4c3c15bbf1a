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

func TestAnchoredPrefix(t *testing.T) {
	for expr, want := range map[string]string{
		`^abc`:           "abc",
		`(?s)^abc.*`:     "abc",
		`^ab*`:           "a",
		`^ab+c`:          "a",
		`^ab?`:           "a",
		`^ab{2}`:         "a",
		`^ab(?:c|d)`:     "", // (a | anywhere: not read)
		`^a[|]b`:         "",
		`^a[]|]b`:        "",
		`^a[[:alpha:]|]`: "",
		`^a\|b`:          "",
		`^ab\d`:          "ab",
		`^日本*`:           "日",
		`^é+`:            "",
		`^abc$`:          "abc",
		`^abc|def`:       "",
		`^a[]|]b|c`:      "",
		`^(a)|b`:         "",
		`(?i)^abc`:       "",
		`(?m)^abc`:       "",
		`abc`:            "",
		`a^bc`:           "",
		`^`:              "",
		`^\d+`:           "",
		`^.abc`:          "",
		`^(abc)`:         "",
	} {
		assert.Equal(t, want, anchoredPrefix(expr), expr)
		checkPrefix(expr, anchoredPrefix(expr)) // the parser agrees
	}
}

func TestCheckPrefixCatchesWrongReading(t *testing.T) {
	assert.Panics(t, func() { checkPrefix(`^ab*`, "ab") })
	assert.Panics(t, func() { checkPrefix(`^abc|def`, "abc") })
	assert.NotPanics(t, func() { checkPrefix(`^abc`, "ab") })
}

// TestPrefixAnswersAsRegexp holds every method that answers from the
// prefix to regexp's answer, on expressions not compiled beforehand (as
// outside tests) and texts that start with the prefix, nearly do, or do
// not.
func TestPrefixAnswersAsRegexp(t *testing.T) {
	exprs := []string{`^abc`, `(?s)^ab.c`, `^ab*c`, `^reading at offset (\d+): `, `^日本(\d)`,
		`^abc$`, `^abc|bc`, `(?i)^abc`, `b+`, `^a[|]b`, `^x(y|z)*`}
	texts := []string{"", "a", "ab", "abc", "abcabc", "abd", "xabc", "ABC", "ac", "abbbc", "a|b",
		"ab\nc", "reading at offset 12: EOF", "reading at offset x", "日本1", "日", "xyzy", "bcbc", "b"}
	for _, expr := range exprs {
		re := regexp.MustCompile(expr)
		for _, s := range texts {
			l := &Regexp{expr: expr, prefix: anchoredPrefix(expr)}
			name := expr + " on " + s
			assert.Equal(t, re.MatchString(s), l.MatchString(s), name)
			assert.Equal(t, re.Match([]byte(s)), l.Match([]byte(s)), name)
			assert.Equal(t, re.FindString(s), l.FindString(s), name)
			assert.Equal(t, re.FindStringIndex(s), l.FindStringIndex(s), name)
			assert.Equal(t, re.FindStringSubmatch(s), l.FindStringSubmatch(s), name)
			assert.Equal(t, re.FindStringSubmatchIndex(s), l.FindStringSubmatchIndex(s), name)
			assert.Equal(t, re.FindAllString(s, -1), l.FindAllString(s, -1), name)
			assert.Equal(t, re.FindAllStringIndex(s, -1), l.FindAllStringIndex(s, -1), name)
			assert.Equal(t, re.FindAllStringSubmatch(s, -1), l.FindAllStringSubmatch(s, -1), name)
			assert.Equal(t, re.FindAllStringSubmatchIndex(s, -1), l.FindAllStringSubmatchIndex(s, -1), name)
			assert.Equal(t, re.ReplaceAllString(s, "<$0>"), l.ReplaceAllString(s, "<$0>"), name)
		}
	}
}

func TestNoCompileWhenPrefixFails(t *testing.T) {
	l := &Regexp{expr: `^unknown filter (\S+)$`, prefix: anchoredPrefix(`^unknown filter (\S+)$`)}
	assert.False(t, l.MatchString("flate: corrupt input before offset 9"))
	assert.Nil(t, l.FindStringSubmatchIndex("zlib: invalid header"))
	assert.Nil(t, l.re, "answered without compiling")
	assert.True(t, l.MatchString("unknown filter /JBIG2"))
	assert.NotNil(t, l.re)
}
