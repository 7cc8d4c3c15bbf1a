package ascii

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestOnly(t *testing.T) {
	for s, want := range map[string]bool{"": true, "Tohoku University": true, "a\x00\x7f": true,
		"Université": false, "東北大学": false, "ＫＡＩＳＴ": false, "x\x80": false} {
		assert.Equal(t, want, Only(s), "%q", s)
	}
}

// TestAppendLower: on ASCII texts, what strings.ToLower gives, after what
// dst held, in dst's own array when it has room.
func TestAppendLower(t *testing.T) {
	for _, s := range []string{"", "Tohoku University", "BACK TO TOP", "(C) 2021", "a\x00\x7f@[`{Z", "already lower"} {
		assert.Equal(t, "x"+strings.ToLower(s), string(AppendLower([]byte("x"), s)), "%q", s)
	}
	var buf [32]byte
	got := AppendLower(buf[:0], "Copyright")
	assert.Equal(t, "copyright", string(got))
	assert.Same(t, &buf[0], &got[0], "in the array given")
}
