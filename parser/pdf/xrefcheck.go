package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// The PDF library trusts what the cross-reference sections state: it
// allocates a table of /Size entries (or up to the last object a subsection
// names), reads /W-byte fields, and follows an object stream's container
// recursively. A file of a few hundred bytes can so ask for gigabytes, or
// for an object stream stored in itself, and the process dies with a
// runtime error no recover catches. checkXref reads the same sections first
// and refuses what the library could not survive.

// maxObjectNumber is the highest object number a file of n bytes may use:
// every object takes at least a byte (in an object stream), and PDF's own
// implementation limit is 8,388,607 objects.
func maxObjectNumber(n int) int64 {
	return min(int64(n)+1024, 8_388_607)
}

// maxXrefSections bounds the /Prev chain.
const maxXrefSections = 4096

// errXref marks a cross-reference section that states what the file cannot
// hold.
var errXref = errors.New("impossible cross-reference section")

// xrefEntry is one entry of a cross-reference stream: typ 1 an object at
// an offset, typ 2 an object stored in object stream f2.
type xrefEntry struct {
	typ int
	f2  int64
}

// checkXref walks the chain of cross-reference sections from the last
// startxref and returns an error wrapping errXref when one states more
// objects than the file can hold, fields wider than 8 bytes, or an object
// stream stored in an object stream. Sections it cannot read are left to
// the library, which reports them itself. compressed is the number of
// objects stored in object streams.
func checkXref(b []byte) (compressed int, err error) {
	i := bytes.LastIndex(b, []byte("startxref"))
	if i < 0 {
		return 0, nil
	}
	m := keyNumber(b[i:], "startxref", false)
	if m == nil {
		return 0, nil
	}
	off, err := strconv.ParseInt(string(m[1]), 10, 64)
	if err != nil {
		return 0, nil
	}
	limit := maxObjectNumber(len(b))
	entries := map[int64]xrefEntry{} // newest section first: the first entry of a number wins
	seen := map[int64]bool{}
	for range maxXrefSections {
		if off <= 0 || off >= int64(len(b)) || seen[off] {
			break
		}
		seen[off] = true
		sec := b[off:]
		var prev int64
		var err error
		if bytes.HasPrefix(bytes.TrimLeft(sec, " \t\r\n\f\x00"), []byte("xref")) {
			prev, err = checkXrefTable(sec, limit)
		} else {
			prev, err = checkXrefStream(sec, limit, entries)
		}
		if err != nil {
			return 0, err
		}
		off = prev
	}
	ids := slices.Sorted(maps.Keys(entries))
	for _, id := range ids {
		e := entries[id]
		if e.typ != 2 {
			continue
		}
		compressed++
		if c, ok := entries[e.f2]; ok && c.typ == 2 {
			if c.f2 == e.f2 {
				return 0, fmt.Errorf("%w: object stream %d is said to be stored in itself", errXref, e.f2)
			}
			return 0, fmt.Errorf("%w: object stream %d is said to be stored in object stream %d", errXref, e.f2, c.f2)
		}
	}
	return compressed, nil
}

// xrefTokens is a cursor over the whitespace-separated tokens of a
// classic cross-reference table.
type xrefTokens struct {
	b   []byte
	pos int
}

func (t *xrefTokens) next() []byte {
	for t.pos < len(t.b) && isSpace(t.b[t.pos]) {
		t.pos++
	}
	start := t.pos
	for t.pos < len(t.b) && !isSpace(t.b[t.pos]) {
		t.pos++
	}
	return t.b[start:t.pos]
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0
}

// checkXrefTable checks the subsection headers of a classic table and
// returns its trailer's /Prev.
func checkXrefTable(sec []byte, limit int64) (int64, error) {
	t := &xrefTokens{b: sec}
	t.next() // "xref"
	for {
		tok := t.next()
		if len(tok) == 0 || string(tok) == "trailer" || bytes.HasPrefix(tok, []byte("trailer")) {
			break
		}
		start, err1 := strconv.ParseInt(string(tok), 10, 64)
		n, err2 := strconv.ParseInt(string(t.next()), 10, 64)
		if err1 != nil || err2 != nil {
			return 0, nil // the library reports a malformed table
		}
		if start < 0 || n < 0 || start+n > limit {
			return 0, fmt.Errorf("%w: a subsection lists objects %d to %d, more than a file of %d bytes can hold", errXref, start, start+n-1, len(sec))
		}
		// Each entry is three tokens of 18 bytes or more.
		if rest := int64(len(sec) - t.pos); n > rest/18+1 {
			return 0, fmt.Errorf("%w: a subsection states %d entries where the file has room for %d", errXref, n, rest/18)
		}
		for range 3 * n {
			t.next()
		}
	}
	dict := sec[t.pos:]
	if e := bytes.Index(dict, []byte("startxref")); e >= 0 {
		dict = dict[:e]
	}
	if len(dict) > 4096 {
		dict = dict[:4096]
	}
	if p := keyNumber(dict, "/Prev", true); p != nil {
		prev, _ := strconv.ParseInt(string(p[1]), 10, 64)
		return prev, nil
	}
	return 0, nil
}

// checkXrefStream checks a cross-reference stream's /Size, /W and /Index,
// records its entries in entries (unless a newer section gave them), and
// returns its /Prev.
func checkXrefStream(sec []byte, limit int64, entries map[int64]xrefEntry) (int64, error) {
	head := sec[:min(len(sec), 8192)]
	s := bytes.Index(head, []byte("stream"))
	if s < 0 {
		return 0, nil
	}
	dict := head[:s]
	if !bytes.Contains(dict, []byte("/XRef")) {
		return 0, nil
	}
	num := func(key string) (int64, bool) {
		m := keyNumber(dict, key, true)
		if m == nil {
			return 0, false
		}
		v, err := strconv.ParseInt(string(m[1]), 10, 64)
		return v, err == nil
	}
	size, ok := num("/Size")
	if ok && (size < 0 || size > limit) {
		return 0, fmt.Errorf("%w: the cross-reference stream states /Size %d, more objects than a file of %d bytes can hold", errXref, size, len(sec))
	}
	var w []int64
	if m := keyBracket(dict, "/W"); m != nil {
		for _, f := range bytes.Fields(m[1]) {
			v, err := strconv.ParseInt(string(f), 10, 64)
			if err != nil || v < 0 || v > 8 {
				return 0, fmt.Errorf("%w: the cross-reference stream's /W [%s] asks for fields of more than 8 bytes", errXref, printable(strings.Join(strings.Fields(string(m[1])), " ")))
			}
			w = append(w, v)
		}
	}
	index := []int64{0, size}
	if m := keyBracket(dict, "/Index"); m != nil {
		index = index[:0]
		for _, f := range bytes.Fields(m[1]) {
			v, err := strconv.ParseInt(string(f), 10, 64)
			if err != nil {
				return 0, nil // the library reports the malformed /Index
			}
			index = append(index, v)
		}
		for i := 0; i+1 < len(index); i += 2 {
			if start, n := index[i], index[i+1]; start < 0 || n < 0 || start+n > limit {
				return 0, fmt.Errorf("%w: the cross-reference stream's /Index lists objects %d to %d, more than a file of %d bytes can hold", errXref, start, start+n-1, len(sec))
			}
		}
	}
	if cols, ok := num("/Columns"); ok && (cols < 0 || cols > 1<<16) {
		return 0, fmt.Errorf("%w: the cross-reference stream's /Columns %d", errXref, cols)
	}
	prev, _ := num("/Prev")
	if len(w) >= 3 {
		readXrefEntries(sec[s:], dict, w, index, entries)
	}
	return prev, nil
}

// readXrefEntries decodes a cross-reference stream's data (unfiltered, or
// Flate with or without a PNG predictor) into entries. Data it cannot
// decode is skipped: the object-stream check then sees fewer entries.
func readXrefEntries(data, dict []byte, w []int64, index []int64, entries map[int64]xrefEntry) {
	// data starts at "stream"; the data proper after its end of line.
	data = data[len("stream"):]
	if bytes.HasPrefix(data, []byte("\r\n")) {
		data = data[2:]
	} else if len(data) > 0 && (data[0] == '\n' || data[0] == '\r') {
		data = data[1:]
	}
	if m := lengthRef(dict); m != nil && len(m[2]) == 0 {
		if n, err := strconv.Atoi(string(m[1])); err == nil && n <= len(data) {
			data = data[:n]
		}
	} else if e := bytes.Index(data, []byte("endstream")); e >= 0 {
		data = data[:e]
	}
	wtotal := int(w[0] + w[1] + w[2])
	count := int64(0)
	for i := 1; i < len(index); i += 2 {
		count += index[i]
	}
	want := count * int64(wtotal)
	var r io.Reader = bytes.NewReader(data)
	if f := filterFirst(dict); f != nil {
		if string(f[1]) != "FlateDecode" {
			return
		}
		zr, err := zlib.NewReader(r)
		if err != nil {
			return
		}
		r = zr
	}
	cols := int64(1)
	pred, _ := func() (int64, bool) {
		m := keyNumber(dict, "/Predictor", true)
		if m == nil {
			return 0, false
		}
		v, err := strconv.ParseInt(string(m[1]), 10, 64)
		return v, err == nil
	}()
	if m := keyNumber(dict, "/Columns", true); m != nil {
		cols, _ = strconv.ParseInt(string(m[1]), 10, 64)
	}
	if pred >= 10 {
		want += (want/max(cols, 1) + 1)
	} else if pred > 1 {
		return
	}
	raw, _ := io.ReadAll(io.LimitReader(r, want+1))
	if pred >= 10 {
		raw = unpredictPNG(raw, int(max(cols, 1)))
	}
	p := 0
	for i := 0; i+1 < len(index); i += 2 {
		start, n := index[i], index[i+1]
		for k := int64(0); k < n; k++ {
			if p+wtotal > len(raw) {
				return
			}
			f := raw[p : p+wtotal]
			p += wtotal
			typ := int64(1)
			if w[0] > 0 {
				typ = beInt(f[:w[0]])
			}
			f2 := beInt(f[w[0] : w[0]+w[1]])
			id := start + k
			if _, ok := entries[id]; !ok {
				entries[id] = xrefEntry{typ: int(typ), f2: f2}
			}
		}
	}
}

func beInt(b []byte) int64 {
	var x int64
	for _, c := range b {
		x = x<<8 | int64(c)
	}
	return x
}

// unpredictPNG undoes PNG row predictors (one tag byte a row of cols
// bytes), with one byte per pixel as cross-reference streams have.
func unpredictPNG(b []byte, cols int) []byte {
	out := make([]byte, 0, len(b))
	prev := make([]byte, cols)
	for len(b) >= cols+1 {
		tag, row := b[0], b[1:cols+1]
		b = b[cols+1:]
		cur := make([]byte, cols)
		for i := range cols {
			var left, upLeft byte
			if i > 0 {
				left, upLeft = cur[i-1], prev[i-1]
			}
			up := prev[i]
			switch tag {
			case 1:
				cur[i] = row[i] + left
			case 2:
				cur[i] = row[i] + up
			case 3:
				cur[i] = row[i] + byte((int(left)+int(up))/2)
			case 4:
				cur[i] = row[i] + paeth(left, up, upLeft)
			default:
				cur[i] = row[i]
			}
		}
		out = append(out, cur...)
		prev = cur
	}
	return out
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := absInt(p-int(a)), absInt(p-int(b)), absInt(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
