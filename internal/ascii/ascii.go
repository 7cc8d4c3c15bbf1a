// Package ascii holds the byte-level test that the fast paths of the name
// folding, the country index, the lexicon and the audit share: text all in
// ASCII, which the Unicode normalisations leave as it is.
package ascii

import "unicode/utf8"

// Only reports whether s is all ASCII.
func Only(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
