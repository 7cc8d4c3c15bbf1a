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

// AppendLower appends s to dst with its letters A to Z lowered, every
// other byte as it is: for a text all in ASCII, strings.ToLower's text,
// in memory the caller gives (an array on its stack).
func AppendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
