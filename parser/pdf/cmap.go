package pdf

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf16"
)

// codeRange is one codespace range: codes of n bytes between lo and hi,
// compared byte by byte.
type codeRange struct {
	n      int
	lo, hi [4]byte
}

// cmap is what the text layer needs from a CMap: how to split a string into
// codes, the code → CID mapping (encoding CMaps) and the code → text mapping
// (ToUnicode CMaps).
type cmap struct {
	space     []codeRange
	cids      map[uint32]uint32
	cidRanges []cidRange
	sorted    bool // cidRanges sorted by lo and disjoint: searched by halving
	uni       map[uint32]string
	identity  bool // usecmap Identity-H/V
}

type cidRange struct{ lo, hi, cid uint32 }

const maxCMapEntries = 1 << 17

// maxCodeRanges bounds the distinct codespace ranges kept: a CMap defines
// a few; every code is matched against them.
const maxCodeRanges = 256

// maxOverlapping bounds the CID ranges kept when they overlap, and so are
// searched one after the other for every code.
const maxOverlapping = 1024

func codeValue(s string) uint32 {
	var v uint32
	for i := 0; i < len(s) && i < 4; i++ {
		v = v<<8 | uint32(s[i])
	}
	return v
}

// utf16Text decodes a ToUnicode destination: UTF-16BE, or a single byte.
// A destination of two or more letters written little-endian, as
// Ghostscript writes a ligature's (<66006900> for "fi", which read as
// UTF-16BE is "昀椀"), is read as it was meant.
func utf16Text(s string) string {
	if len(s) == 1 {
		return string(rune(s[0]))
	}
	if littleEndianLetters(s) {
		b := make([]byte, 0, len(s)/2+1)
		for i := 0; i < len(s); i += 2 {
			switch s[i] {
			case 'f' + 'i': // (the last two letters of ffi, summed)
				b = append(b, "fi"...)
			case 'f' + 'l':
				b = append(b, "fl"...)
			default:
				b = append(b, s[i])
			}
		}
		return string(b)
	}
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}

// littleEndianLetters reports whether s is two or more UTF-16LE code
// units that are all ASCII letters: as UTF-16BE they would be CJK
// ideographs whose low byte is zero, a run no glyph stands for. The
// three-letter ligatures come as their first letter and the sum of the
// other two (<6600cf00> for ffi: 0xCF is 'f' + 'i'), the last unit of s.
func littleEndianLetters(s string) bool {
	if len(s) < 4 || len(s)%2 != 0 {
		return false
	}
	for i := 0; i < len(s); i += 2 {
		c := s[i] | 0x20
		if s[i+1] != 0 || (c < 'a' || c > 'z') && (i+2 < len(s) || s[i] != 'f'+'i' && s[i] != 'f'+'l') {
			return false
		}
	}
	return true
}

// trimMapped drops the spaces around a multi-character mapping such as
// " ." that some writers put in ToUnicode for a single visible glyph.
func trimMapped(s string) string {
	if len(s) > 1 {
		if t := strings.TrimSpace(s); t != "" {
			return t
		}
	}
	return s
}

// parseCMap reads a CMap program (ToUnicode or an embedded encoding).
func parseCMap(data []byte) *cmap {
	m := &cmap{uni: map[uint32]string{}}
	l := lexer{b: data}
	var stk []operand
	total := 0
	for steps := 0; steps < 4*len(data)+16; steps++ {
		v, op, ok := l.next()
		if !ok {
			break
		}
		if op == "" {
			if len(stk) < 1<<16 {
				stk = append(stk, v)
			}
			continue
		}
		switch op {
		case "endcodespacerange":
			for i := 0; i+1 < len(stk); i += 2 {
				lo, hi := stk[i].s, stk[i+1].s
				if len(lo) == 0 || len(lo) > 4 || len(lo) != len(hi) {
					continue
				}
				r := codeRange{n: len(lo)}
				copy(r.lo[:], lo)
				copy(r.hi[:], hi)
				if len(m.space) < maxCodeRanges && !slices.Contains(m.space, r) {
					m.space = append(m.space, r)
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(stk); i += 2 {
				src, dst := stk[i], stk[i+1]
				if src.kind != opStr || total > maxCMapEntries {
					continue
				}
				switch dst.kind {
				case opStr:
					m.uni[codeValue(src.s)] = trimMapped(utf16Text(dst.s))
				case opName:
					if r, ok := runeForName(dst.s); ok {
						m.uni[codeValue(src.s)] = string(r)
					}
				}
				total++
			}
		case "endbfrange":
			for i := 0; i+2 < len(stk); i += 3 {
				lo, hi, dst := codeValue(stk[i].s), codeValue(stk[i+1].s), stk[i+2]
				if hi < lo || hi-lo > maxCMapEntries || total > maxCMapEntries {
					continue
				}
				total += int(hi - lo + 1)
				switch dst.kind {
				case opStr:
					if dst.s == "" {
						continue
					}
					base := utf16Text(dst.s)
					rs := []rune(base)
					for c := lo; c <= hi; c++ {
						if len(rs) == 0 {
							break
						}
						cp := append([]rune(nil), rs...)
						cp[len(cp)-1] += rune(c - lo)
						m.uni[c] = string(cp)
						if c == hi {
							break
						}
					}
				case opArr:
					for k, d := range dst.arr {
						if uint32(k) > hi-lo {
							break
						}
						if d.kind == opStr {
							m.uni[lo+uint32(k)] = utf16Text(d.s)
						}
					}
				}
			}
		case "endcidrange":
			for i := 0; i+2 < len(stk); i += 3 {
				lo, hi := codeValue(stk[i].s), codeValue(stk[i+1].s)
				if hi >= lo && len(m.cidRanges) < maxCMapEntries {
					m.cidRanges = append(m.cidRanges, cidRange{lo, hi, uint32(stk[i+2].num)})
				}
			}
		case "endcidchar":
			for i := 0; i+1 < len(stk); i += 2 {
				if m.cids == nil {
					m.cids = map[uint32]uint32{}
				}
				if len(m.cids) < maxCMapEntries {
					m.cids[codeValue(stk[i].s)] = uint32(stk[i+1].num)
				}
			}
		case "usecmap":
			if len(stk) > 0 && stk[len(stk)-1].kind == opName {
				if n := stk[len(stk)-1].s; n == "Identity-H" || n == "Identity-V" {
					m.identity = true
				}
			}
		}
		// What the operator read is in the map now, copied (no text of
		// it is a view of the program's operands): the next operator's
		// operands are read into the same memory, not into arrays and
		// string bytes doubled and kept to the end of the program.
		clear(stk)
		stk = stk[:0]
		l.reuse()
	}
	m.sortRanges()
	return m
}

// sortRanges sorts the CID ranges for searching by halving when they are
// disjoint (the first range holding a code is then the only one); ranges
// that overlap keep their order and are searched in turn.
func (m *cmap) sortRanges() {
	if len(m.cidRanges) < 16 {
		return
	}
	sorted := slices.Clone(m.cidRanges)
	slices.SortStableFunc(sorted, func(a, b cidRange) int { return cmp.Compare(a.lo, b.lo) })
	for i := 1; i < len(sorted); i++ {
		if sorted[i].lo <= sorted[i-1].hi {
			// Searched in turn for every code: a bounded number.
			m.cidRanges = m.cidRanges[:min(len(m.cidRanges), maxOverlapping)]
			return
		}
	}
	m.cidRanges, m.sorted = sorted, true
}

// split returns the length of the code at the start of s.
func (m *cmap) split(s string) int {
	if m == nil || len(m.space) == 0 {
		if len(s) >= 2 {
			return 2
		}
		return len(s)
	}
	for n := 1; n <= 4 && n <= len(s); n++ {
		for _, r := range m.space {
			if r.n != n {
				continue
			}
			in := true
			for k := 0; k < n; k++ {
				if s[k] < r.lo[k] || s[k] > r.hi[k] {
					in = false
					break
				}
			}
			if in {
				return n
			}
		}
	}
	// No range matches: take the shortest range's length, as viewers do.
	n := 4
	for _, r := range m.space {
		n = min(n, r.n)
	}
	return max(1, min(n, len(s)))
}

// cid maps a code to a CID.
func (m *cmap) cid(code uint32) uint32 {
	if m == nil || m.identity {
		return code
	}
	if c, ok := m.cids[code]; ok {
		return c
	}
	if m.sorted {
		i, _ := slices.BinarySearchFunc(m.cidRanges, code, func(r cidRange, c uint32) int {
			switch {
			case r.hi < c:
				return -1
			case r.lo > c:
				return 1
			}
			return 0
		})
		if i < len(m.cidRanges) && m.cidRanges[i].lo <= code && code <= m.cidRanges[i].hi {
			r := m.cidRanges[i]
			return r.cid + code - r.lo
		}
	} else {
		for _, r := range m.cidRanges {
			if code >= r.lo && code <= r.hi {
				return r.cid + code - r.lo
			}
		}
	}
	if len(m.cids) == 0 && len(m.cidRanges) == 0 {
		return code
	}
	return 0
}
