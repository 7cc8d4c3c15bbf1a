package html

import "golang.org/x/net/html/atom"

// lookupAtom is atom.Lookup, with the names a long page repeats at every
// row and item (td, tr, th, li, br, a, p and their like) found by a switch
// rather than hashed and compared: every tag of a page read in segments is
// looked up twice, by the segmenter and by the reader, and the hash of
// alternating names cost 7% of the reading of a 10 MB table.
func lookupAtom(name []byte) atom.Atom {
	switch len(name) {
	case 1:
		switch name[0] {
		case 'a':
			return atom.A
		case 'b':
			return atom.B
		case 'i':
			return atom.I
		case 'p':
			return atom.P
		case 'q':
			return atom.Q
		case 's':
			return atom.S
		case 'u':
			return atom.U
		}
		return 0
	case 2:
		switch string(name) {
		case "td":
			return atom.Td
		case "tr":
			return atom.Tr
		case "th":
			return atom.Th
		case "li":
			return atom.Li
		case "br":
			return atom.Br
		case "ul":
			return atom.Ul
		case "ol":
			return atom.Ol
		case "dd":
			return atom.Dd
		case "dt":
			return atom.Dt
		case "dl":
			return atom.Dl
		}
	}
	return atom.Lookup(name)
}
