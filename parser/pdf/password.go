package pdf

import (
	"bytes"
	"crypto/md5"
	"crypto/rc4"
	"strconv"
)

// A file the library refuses with the empty password (its standard
// security handler, revisions 2 to 4) is tried once more through pdfcpu's
// rewrite, which could open some of them: one whose metadata is not
// encrypted (the library leaves that out of the key), or one whose owner
// password is empty. emptyPasswordRefused makes pdfcpu's checks of the
// empty password on the file's own encryption dictionary, so that a file
// that is refused for certain is said to need a password without the
// rewrite (in the lean parse child, without handing the file back to the
// full program). It answers only for the dictionaries it reads exactly as
// pdfcpu reads them; for any other (revisions 5 and 6, keys of unusual
// shape, a dictionary it cannot find) it reports false, and the rewrite
// is tried as before.

// passwordPad is the padding of a password (PDF 32000-1, 7.6.3.3).
var passwordPad = []byte("\x28\xbf\x4e\x5e\x4e\x75\x8a\x41\x64\x00\x4e\x56\xff\xfa\x01\x08\x2e\x2e\x00\xb6\xd0\x68\x3e\x80\x2f\x0c\xa9\xfe\x64\x53\x69\x7a")

// standardSecurity is what the checks of a password read from an
// encryption dictionary of the standard security handler.
type standardSecurity struct {
	r, keyBytes     int
	o, u, id        []byte
	p               uint32
	encryptMetadata bool
}

// emptyPasswordRefused reports whether the newest encryption dictionary
// of the file b is one of the standard security handler, revision 2 to 4,
// whose empty password opens the file neither as the user password nor as
// the owner password.
func emptyPasswordRefused(b []byte) bool {
	s, ok := readStandardSecurity(b)
	if !ok {
		return false
	}
	if s.userPasswordOpens(passwordPad) {
		return false
	}
	upw := s.ownerToUser(nil)
	return upw != nil && !s.userPasswordOpens(upw)
}

// readStandardSecurity reads the encryption dictionary and the first file
// identifier the newest trailer of b names; false when they cannot be
// read, or are not of the shape the checks here are exact for.
func readStandardSecurity(b []byte) (standardSecurity, bool) {
	trailer, ok := newestTrailer(b)
	if !ok {
		return standardSecurity{}, false
	}
	enc, ref, ok := dictValue(trailer, "Encrypt")
	if !ok {
		return standardSecurity{}, false
	}
	if ref {
		num := int64(enc.num)
		g, found := referenceGeneration(trailer, "Encrypt")
		if !found {
			return standardSecurity{}, false
		}
		if enc, ok = objectDict(b, num, g); !ok {
			return standardSecurity{}, false
		}
	}
	if enc.kind != opDict {
		return standardSecurity{}, false
	}
	ids, _, ok := dictValue(trailer, "ID")
	if !ok || ids.kind != opArr || len(ids.arr) == 0 || ids.arr[0].kind != opStr {
		return standardSecurity{}, false
	}
	if f, _, ok := dictValue(enc, "Filter"); !ok || f.kind != opName || f.s != "Standard" {
		return standardSecurity{}, false
	}
	v, okV := dictInt(enc, "V")
	r, okR := dictInt(enc, "R")
	p, okP := dictInt(enc, "P")
	if !okV || !okR || !okP || (v != 1 && v != 2 && v != 4) || r < 2 || r > 4 || p < -1<<31 || p > 1<<32-1 {
		return standardSecurity{}, false
	}
	s := standardSecurity{r: int(r), p: uint32(p), id: []byte(ids.arr[0].s), encryptMetadata: true}
	bits := int64(40)
	if v != 1 {
		if _, _, present := dictValue(enc, "Length"); present {
			n, ok := dictInt(enc, "Length")
			if !ok || n < 40 || n > 128 || n%8 != 0 {
				return standardSecurity{}, false
			}
			bits = n
		}
	}
	s.keyBytes = int(bits / 8)
	if em, _, present := dictValue(enc, "EncryptMetadata"); present {
		if em.kind != opBool {
			return standardSecurity{}, false
		}
		s.encryptMetadata = em.num != 0
	}
	o, _, okO := dictValue(enc, "O")
	u, _, okU := dictValue(enc, "U")
	if !okO || !okU || o.kind != opStr || u.kind != opStr || len(o.s) != 32 || len(u.s) != 32 {
		return standardSecurity{}, false
	}
	s.o, s.u = []byte(o.s), []byte(u.s)
	return s, true
}

// referenceGeneration returns the generation of the indirect reference
// that is the value of key in the dictionary d.
func referenceGeneration(d operand, key string) (int64, bool) {
	for i := 0; i+2 < len(d.arr); i++ {
		if d.arr[i].kind == opName && d.arr[i].s == key && d.arr[i+1].kind == opNum && d.arr[i+2].kind == opNum {
			g := d.arr[i+2].num
			if g != float64(int64(g)) || g < 0 {
				return 0, false
			}
			return int64(g), true
		}
	}
	return 0, false
}

// newestTrailer returns the trailer dictionary of the section the file's
// last startxref points at: a classic table's trailer, or a
// cross-reference stream's dictionary.
func newestTrailer(b []byte) (operand, bool) {
	i := bytes.LastIndex(b, []byte("startxref"))
	if i < 0 {
		return operand{}, false
	}
	m := keyNumber(b[i:], "startxref", false)
	if m == nil {
		return operand{}, false
	}
	off, err := strconv.ParseInt(string(m[1]), 10, 64)
	if err != nil || off < 0 || off >= int64(len(b)) {
		return operand{}, false
	}
	if bytes.HasPrefix(b[off:], []byte("xref")) {
		t := bytes.Index(b[off:], []byte("trailer"))
		if t < 0 {
			return operand{}, false
		}
		l := &lexer{b: b[off+int64(t)+int64(len("trailer")):]}
		d, op, ok := l.next()
		if !ok || op != "" || d.kind != opDict {
			return operand{}, false
		}
		return d, true
	}
	s, ok := readStructStream(b, off)
	if !ok {
		return operand{}, false
	}
	return s.dict, true
}

// objectDict returns the dictionary of object num gen, as written last in
// the file (an update writes an object again after the first).
func objectDict(b []byte, num, gen int64) (operand, bool) {
	head := []byte(strconv.FormatInt(num, 10) + " " + strconv.FormatInt(gen, 10) + " obj")
	for end := len(b); ; {
		k := bytes.LastIndex(b[:end], head)
		if k < 0 {
			return operand{}, false
		}
		end = k
		if k > 0 && !isWhite(b[k-1]) {
			continue // the end of a larger number
		}
		l := &lexer{b: b[k+len(head):]}
		d, op, ok := l.next()
		if !ok || op != "" || d.kind != opDict {
			return operand{}, false
		}
		return d, true
	}
}

// key is the file key a padded user password of 32 bytes makes
// (algorithm 2).
func (s standardSecurity) key(pw []byte) []byte {
	h := md5.New()
	h.Write(pw)
	h.Write(s.o)
	h.Write([]byte{byte(s.p), byte(s.p >> 8), byte(s.p >> 16), byte(s.p >> 24)})
	h.Write(s.id)
	if s.r == 4 && !s.encryptMetadata {
		h.Write([]byte{0xff, 0xff, 0xff, 0xff})
	}
	k := h.Sum(nil)
	if s.r < 3 {
		return k[:5]
	}
	for range 50 {
		h.Reset()
		h.Write(k[:s.keyBytes])
		k = h.Sum(k[:0])
	}
	return k[:s.keyBytes]
}

// userPasswordOpens reports whether the padded user password pw of 32
// bytes opens the file (algorithms 4 and 5).
func (s standardSecurity) userPasswordOpens(pw []byte) bool {
	k := s.key(pw)
	if s.r == 2 {
		u := make([]byte, 32)
		return xorRC4(k, u, passwordPad) && bytes.Equal(u, s.u)
	}
	h := md5.New()
	h.Write(passwordPad)
	h.Write(s.id)
	u := h.Sum(nil)
	ok := xorRC4(k, u, u)
	k1 := make([]byte, len(k))
	for i := 1; i <= 19; i++ {
		for j := range k {
			k1[j] = k[j] ^ byte(i)
		}
		ok = ok && xorRC4(k1, u, u)
	}
	return ok && bytes.Equal(u, s.u[:16])
}

// ownerToUser returns the user password, padded to 32 bytes, that the
// owner password (padded from pw) unlocks from /O (algorithm 7); nil when
// it unlocks none.
func (s standardSecurity) ownerToUser(pw []byte) []byte {
	padded := append(append([]byte{}, pw[:min(len(pw), 32)]...), passwordPad[:32-min(len(pw), 32)]...)
	k := md5.Sum(padded)
	key := k[:]
	if s.r >= 3 {
		for range 50 {
			k = md5.Sum(key)
			key = k[:]
		}
		key = key[:s.keyBytes]
	} else {
		key = key[:5]
	}
	upw := append([]byte{}, s.o...)
	ok := true
	if s.r == 2 {
		ok = xorRC4(key, upw, upw)
	} else {
		k1 := make([]byte, len(key))
		for i := 19; i >= 0; i-- {
			for j := range key {
				k1[j] = key[j] ^ byte(i)
			}
			ok = ok && xorRC4(k1, upw, upw)
		}
	}
	if !ok {
		return nil
	}
	return upw
}

// xorRC4 writes to dst src enciphered with RC4 under key; false when key
// is no RC4 key (the keys here are 5 to 16 bytes, which always are).
func xorRC4(key, dst, src []byte) bool {
	c, err := rc4.NewCipher(key)
	if err != nil {
		return false
	}
	c.XORKeyStream(dst, src)
	return true
}
