package ascii

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestOnly(t *testing.T) {
	for s, want := range map[string]bool{"": true, "Tohoku University": true, "a\x00\x7f": true,
		"Université": false, "東北大学": false, "ＫＡＩＳＴ": false, "x\x80": false} {
		assert.Equal(t, want, Only(s), "%q", s)
	}
}
