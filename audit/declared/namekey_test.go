package declared

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/unicode/norm"

	"github.com/agreements/agreements/internal/textgen"
)

// TestASCIINameKey: nameKey's one pass over an ASCII name gives what
// folding it by NFKC, lower case and fields gives, on every short text and
// random longer ones of letters, digits and every ASCII space; a name
// beyond ASCII is left to the fold.
func TestASCIINameKey(t *testing.T) {
	fold := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(norm.NFKC.String(s))), " ") }
	pieces := []string{"a", "B", " ", "  ", "\t", "\n", "\v", "\f", "\r", "Z", "z", "1", "-", "'", "."}
	texts := append(textgen.Every(pieces, 4), textgen.Random(20000, 16, 31, 32, append(pieces, "Peking", "UNIVERSITY", "é", "\u00a0", "\u0085", "ｕ"))...)
	for _, s := range texts {
		k, ok := asciiNameKey(s)
		ascii := true
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				ascii = false
			}
		}
		assert.Equal(t, ascii, ok, "%q", s)
		if ok {
			assert.Equal(t, fold(s), k, "%q", s)
		}
		assert.Equal(t, fold(s), nameKey(s), "%q", s)
	}
}
