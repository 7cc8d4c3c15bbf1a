package textgen

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEvery(t *testing.T) {
	assert.Equal(t, []string{"", "a", "aa", "ab", "b", "ba", "bb"}, Every([]string{"a", "b"}, 2))
	assert.Len(t, Every([]string{"x", "y", "z"}, 3), 1+3+9+27)
}

func TestRandom(t *testing.T) {
	a := Random(100, 5, 1, 2, []string{"a", "bc", "\xff"})
	assert.Len(t, a, 100)
	assert.Equal(t, a, Random(100, 5, 1, 2, []string{"a", "bc", "\xff"}), "the same seeds")
	assert.NotEqual(t, a, Random(100, 5, 2, 2, []string{"a", "bc", "\xff"}), "another seed")
	for _, s := range a {
		assert.LessOrEqual(t, len(s), 10)
	}
}
