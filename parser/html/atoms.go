package html

import "golang.org/x/net/html/atom"

// lookupAtom is atom.Lookup, with the names a long page repeats at every
// row and item (td, tr, th, li, br, a, p and their like) found in a table
// of their own rather than hashed and compared: the hash of alternating
// names cost 7% of the reading of a 10 MB table, and a switch on the names
// as strings (a binary search of string comparisons) 3%.
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
		if e := &twoLetterAtoms[twoLetterSlot(name[0], name[1])]; e.a != 0 && e.name[0] == name[0] && e.name[1] == name[1] {
			return e.a
		}
	}
	return atom.Lookup(name)
}

// twoLetterAtom is a tag name of two letters and its atom.
type twoLetterAtom struct {
	name [2]byte
	a    atom.Atom
}

// twoLetterSlot is the slot of a name of two bytes in twoLetterAtoms.
func twoLetterSlot(c, d byte) int { return (int(c)*2 + int(d)) & 63 }

// twoLetterAtoms holds the names of two letters a long table or list
// repeats, each in its own slot (the slots are constants: two names in
// one would not compile).
var twoLetterAtoms = [64]twoLetterAtom{
	('t'*2 + 'd') & 63: {[2]byte{'t', 'd'}, atom.Td},
	('t'*2 + 'r') & 63: {[2]byte{'t', 'r'}, atom.Tr},
	('t'*2 + 'h') & 63: {[2]byte{'t', 'h'}, atom.Th},
	('l'*2 + 'i') & 63: {[2]byte{'l', 'i'}, atom.Li},
	('b'*2 + 'r') & 63: {[2]byte{'b', 'r'}, atom.Br},
	('u'*2 + 'l') & 63: {[2]byte{'u', 'l'}, atom.Ul},
	('o'*2 + 'l') & 63: {[2]byte{'o', 'l'}, atom.Ol},
	('d'*2 + 'd') & 63: {[2]byte{'d', 'd'}, atom.Dd},
	('d'*2 + 't') & 63: {[2]byte{'d', 't'}, atom.Dt},
	('d'*2 + 'l') & 63: {[2]byte{'d', 'l'}, atom.Dl},
}
