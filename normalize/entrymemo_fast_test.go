package normalize

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNoDetailsMemo: looksLikeEntry says of a text asked again, after the
// pre-check refused it, what a reading without the memo says, on the
// lines of real lists (alone and joined as wrapped entries are) read from
// PDF and from HTML, asked in turn and then asked again.
func TestNoDetailsMemo(t *testing.T) {
	for _, in := range []string{"../fixtures/tohoku-university-libreoffice/input.pdf", "../fixtures/ja-department-chromium/input.pdf",
		"../fixtures/html-tohoku-university-list/input.html"} {
		b, err := os.ReadFile(in)
		require.NoError(t, err)
		doc, err := parseDocument(in, b)
		require.NoError(t, err)
		texts := LineTexts(doc)
		memo := newContext(doc, Options{Institution: "Tohoku University"})
		refused := 0
		for round := range 2 {
			for _, s := range texts {
				fresh := newContext(doc, Options{Institution: "Tohoku University"})
				assert.Equal(t, fresh.looksLikeEntry(s), memo.looksLikeEntry(s), "%s round %d: %q", in, round, s)
				if round == 1 && memo.noDetails[s] {
					refused++
				}
			}
		}
		assert.Positive(t, refused, in)
	}
}
