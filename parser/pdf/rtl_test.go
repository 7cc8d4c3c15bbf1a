package pdf

import (
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
)

// TestIsRTLASCII: isRTL counts ASCII as unicode.IsLetter does.
func TestIsRTLASCII(t *testing.T) {
	for c := range rune(128) {
		assert.Equal(t, unicode.IsLetter(c), c|0x20 >= 'a' && c|0x20 <= 'z', "%q", c)
	}
	assert.True(t, isRTL("שלום"))
	assert.False(t, isRTL("ab שלום cd ef"))
	assert.True(t, isRTL("1999 שלום"))
	assert.False(t, isRTL("Tokyo 大学"))
}
