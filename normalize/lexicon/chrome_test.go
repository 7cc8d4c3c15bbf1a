package lexicon

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/agreements/agreements/internal/textgen"
)

// TestIsChromeLowersOnStack: IsChrome, which lowers a short ASCII text on
// the stack, says of random texts what lowering it as a string says:
// furniture words in any case, "(c)", "©", texts of 255 to 257 bytes,
// spaces around, and text beyond ASCII.
func TestIsChromeLowersOnStack(t *testing.T) {
	lx := Default()
	slow := func(text string) bool {
		l := strings.ToLower(strings.TrimSpace(text))
		if strings.HasPrefix(l, "©") || strings.HasPrefix(l, "(c)") {
			return true
		}
		for _, w := range lx.chrome {
			if strings.Contains(l, w) {
				return true
			}
		}
		return false
	}
	pieces := []string{" ", "  ", "Back", " to ", "TOP", "top", "Copy", "right", "(C)", "(c) ", "©", "x", "All Rights", " Reserved",
		"Page Top", "ページトップ", "skip to ", "Main Content", "é", "\t", strings.Repeat("a", 120), strings.Repeat("B ", 64)}
	texts := append(textgen.Random(20000, 8, 21, 22, pieces), strings.Repeat("x", 255)+"©", " "+strings.Repeat("y", 250)+"Copyright",
		strings.Repeat("z", 257)+"copyright", strings.Repeat("z", 256))
	n := 0
	for _, text := range texts {
		want := slow(text)
		if want {
			n++
		}
		assert.Equal(t, want, lx.IsChrome(text), "%q", text)
	}
	assert.Greater(t, n, 1000, "texts of furniture tried")
}
