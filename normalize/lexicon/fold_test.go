package lexicon

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/agreements/agreements/internal/ascii"
	"github.com/stretchr/testify/assert"
)

// asciiTexts are ASCII texts of the shapes cells have, then every ASCII
// character alone and between letters, then random ASCII strings.
func asciiTexts() []string {
	ts := []string{"", " ", "Partner's University", "UNIVERSITY OF  TOKYO", "Dept. of Eng. (2019)",
		"  a--b__c  ", "A&M", "St. Olaf's", "U.S.A.", "x\ty\nz", "No.12/3", "'''", "a' b"}
	for c := range 128 {
		ts = append(ts, string(rune(c)), "ab"+string(rune(c))+"CD")
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, r.IntN(24))
		for i := range b {
			b[i] = byte(r.IntN(128))
		}
		ts = append(ts, string(b))
	}
	return ts
}

// TestFoldASCII: the ASCII path of Fold gives what the Unicode path gives.
func TestFoldASCII(t *testing.T) {
	for _, s := range asciiTexts() {
		assert.Equal(t, foldUnicode(s), foldASCII(s), "%q", s)
	}
	assert.False(t, ascii.Only("Universität"))
	assert.Equal(t, foldUnicode("ＵＮＩＶ. of Tōkyō"), Fold("ＵＮＩＶ. of Tōkyō"))
}

// TestFoldLeavesNoSeparators: Fold turns the separators header texts use
// ("/", "・", ":", "：") into spaces, so IsHeaderOnly need not.
func TestFoldLeavesNoSeparators(t *testing.T) {
	pieces := []string{"/", "・", "･", ":", "：", "／", "a", "B", "国", "カ", " ", "\u3000", "1", "é", "\xff", "﹕", "⁄", "∕"}
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := Fold(b.String())
		assert.False(t, strings.ContainsAny(s, "/・:："), "%q gives %q", b.String(), s)
	}
}
