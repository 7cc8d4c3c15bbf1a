package html

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestDropJoinersAndBodyTag: dropJoiners removes what the replacer of
// hyphens and underscores removed, and indexBodyTag finds what a search of
// the lower-cased bytes found, on texts all in ASCII (where lower-casing
// moves no byte) made of the letters, joiners and tags they look for.
func TestDropJoinersAndBodyTag(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	parts := []string{"-", "_", "main", "Main", "site", "<body", "<BODY", "<Body>", "<bod", "<b", "ody", " ", "é", "本", "--", "__"}
	replacer := strings.NewReplacer("-", "", "_", "")
	for range 5000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		assert.Equal(t, replacer.Replace(s), dropJoiners(s), "%q", s)
		if !strings.ContainsAny(s, "é本") {
			assert.Equal(t, bytes.Index(bytes.ToLower([]byte(s)), []byte("<body")), indexBodyTag([]byte(s)), "%q", s)
		}
	}
	// "İ" (two bytes) lower-cases to "i" (one): a search of the
	// lower-cased copy gives an index one short of the tag in the page.
	page := []byte("İi <BoDy>")
	assert.Equal(t, 4, indexBodyTag(page), "the index in the page's own bytes")
	assert.Equal(t, 3, bytes.Index(bytes.ToLower(page), []byte("<body")))
}
