package pdf

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

// isPlainNumber answers as the expression it scans for does, on every
// short text of digits, separators and others (non-ASCII digits, bytes
// that are not UTF-8).
func TestIsPlainNumberAsExpression(t *testing.T) {
	re := regexp.MustCompile(`^[0-9]+(?:[,.][0-9]+)*$`)
	alphabet := []string{"0", "7", "9", ",", ".", " ", "a", "-", "٣", "１", "\xff"}
	var grow func(prefix string, n int)
	grow = func(prefix string, n int) {
		assert.Equal(t, re.MatchString(prefix), isPlainNumber(prefix), "%q", prefix)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			grow(prefix+c, n-1)
		}
	}
	grow("", 5)
	for _, s := range []string{"16,", "1,234.56", "1,,2", ".5", "5.", "123456789012345678901234567890"} {
		assert.Equal(t, re.MatchString(s), isPlainNumber(s), "%q", s)
	}
}
