package pdf

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// The PDF library decodes cross-reference streams and object streams
// itself, and knows only FlateDecode (with the PNG Up predictor) and
// ASCII85Decode. Streams of either kind stored with another standard
// filter (LZWDecode, ASCIIHexDecode, RunLengthDecode, a chain of them,
// another predictor) are decoded here before the library opens the file:
// their decoded copies, and one cross-reference stream listing every
// object, are appended to the file as an update, which the library reads
// in place of the sections before it. Nothing is repaired: the file reads
// as written.

// structStream is a cross-reference stream or an object stream as found
// in the file: its dictionary and its raw data.
type structStream struct {
	gen  int64
	dict operand // opDict
	data []byte
}

// dictValue returns the value of key in a dictionary operand and whether
// it is an indirect reference (two numbers and R, of which the lexer
// keeps the numbers).
func dictValue(d operand, key string) (v operand, ref bool, ok bool) {
	for i := 0; i+1 < len(d.arr); {
		if d.arr[i].kind != opName {
			i++ // the generation of a reference, or garbage
			continue
		}
		if d.arr[i].s != key {
			i += 2
			continue
		}
		v = d.arr[i+1]
		ref = v.kind == opNum && i+2 < len(d.arr) && d.arr[i+2].kind == opNum
		return v, ref, true
	}
	return operand{}, false, false
}

// dictInt returns an integer value of a dictionary operand (not a
// reference).
func dictInt(d operand, key string) (int64, bool) {
	v, ref, ok := dictValue(d, key)
	if !ok || ref || v.kind != opNum || v.num != float64(int64(v.num)) {
		return 0, false
	}
	return int64(v.num), true
}

// opParams are /DecodeParms read by the lexer.
type opParams struct{ d operand }

func (p opParams) integer(key string) (int64, bool) { return dictInt(p.d, key) }

func (p opParams) name(key string) (string, bool) {
	v, _, ok := dictValue(p.d, key)
	return v.s, ok && v.kind == opName
}

// readStructStream reads the stream object at off, or reports false.
func readStructStream(b []byte, off int64) (structStream, bool) {
	if off < 0 || off >= int64(len(b)) {
		return structStream{}, false
	}
	l := &lexer{b: b[off:min(int64(len(b)), off+64<<10)]}
	var head []operand
	for len(head) < 2 {
		v, op, ok := l.next()
		if !ok || op != "" || v.kind != opNum {
			return structStream{}, false
		}
		head = append(head, v)
	}
	if _, op, ok := l.next(); !ok || op != "obj" {
		return structStream{}, false
	}
	d, op, ok := l.next()
	if !ok || op != "" || d.kind != opDict {
		return structStream{}, false
	}
	l.skipSpace()
	if !bytes.HasPrefix(l.b[l.pos:], []byte("stream")) {
		return structStream{}, false
	}
	start := off + int64(l.pos) + int64(len("stream"))
	if bytes.HasPrefix(b[start:], []byte("\r\n")) {
		start += 2
	} else if start < int64(len(b)) && (b[start] == '\n' || b[start] == '\r') {
		start++
	}
	data := b[start:]
	if n, ok := dictInt(d, "Length"); ok && n >= 0 && n <= int64(len(data)) && bytes.Contains(data[n:min(int64(len(data)), n+32)], []byte("endstream")) {
		data = data[:n]
	} else if e := bytes.Index(data, []byte("endstream")); e >= 0 {
		data = bytes.TrimRight(data[:e], "\r\n")
	} else {
		return structStream{}, false
	}
	return structStream{gen: int64(head[1].num), dict: d, data: data}, true
}

// libraryDecodable reports whether the library decodes s's data itself:
// no filter, FlateDecode without parameters or with the PNG predictor
// (12 for cross-reference streams), ASCII85Decode without parameters.
func (s structStream) libraryDecodable() bool {
	f, _, ok := dictValue(s.dict, "Filter")
	if !ok {
		return true
	}
	if f.kind == opArr && len(f.arr) == 1 {
		f = f.arr[0]
	}
	if f.kind != opName {
		return false
	}
	p, _, hasParms := dictValue(s.dict, "DecodeParms")
	switch f.s {
	case "FlateDecode":
		if !hasParms {
			return true
		}
		pred, ok := opParams{p}.integer("Predictor")
		return p.kind == opDict && (!ok || pred == 1 || pred == 12)
	case "ASCII85Decode":
		return !hasParms
	}
	return false
}

// decode returns s's decoded data, up to limit bytes.
func (s structStream) decode(limit int64) ([]byte, error) {
	var r io.Reader = bytes.NewReader(s.data)
	f, _, ok := dictValue(s.dict, "Filter")
	if ok {
		p, _, _ := dictValue(s.dict, "DecodeParms")
		var filters, parms []operand
		switch f.kind {
		case opName:
			filters = []operand{f}
			if p.kind == opArr && len(p.arr) > 0 {
				p = p.arr[0]
			}
			parms = []operand{p}
		case opArr:
			filters = f.arr
			for i := range filters {
				switch {
				case p.kind == opArr && i < len(p.arr):
					parms = append(parms, p.arr[i])
				case p.kind == opDict && i == 0:
					parms = append(parms, p)
				default:
					parms = append(parms, operand{})
				}
			}
		default:
			return nil, errors.New("/Filter is neither a name nor an array of names")
		}
		if len(filters) > maxFilters {
			return nil, fmt.Errorf("%d filters in a chain", len(filters))
		}
		for i, f := range filters {
			if f.kind != opName {
				return nil, errors.New("a filter is not a name")
			}
			var err error
			if r, err = decodeFilter(r, f.s, opParams{parms[i]}); err != nil {
				return nil, err
			}
		}
	}
	out, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(out)) > limit {
		return nil, fmt.Errorf("more than %d bytes decoded", limit)
	}
	return out, nil
}

// xrefEntry3 is a cross-reference entry with its third field.
type xrefEntry3 struct {
	typ    int64
	f2, f3 int64
}

// decodeStructStreams returns b with an update appended that holds
// decoded copies of the object streams, and a cross-reference stream,
// when the file's cross-reference streams or object streams use filters
// the library does not decode (see the comment at the top of this file);
// otherwise b and false. A file with a classic cross-reference table, an
// encrypted file, and one whose sections cannot be read are left as they
// are.
func decodeStructStreams(b []byte) ([]byte, bool) {
	x, ok := readXrefStreams(b)
	if !ok {
		return b, false
	}
	entries, newest, size, change := x.entries, x.newest, x.size, x.change
	// The object streams.
	decoded := map[int64][]byte{}
	streams := map[int64]structStream{}
	for _, e := range entries {
		if e.typ != 2 {
			continue
		}
		if _, done := streams[e.f2]; done {
			continue
		}
		c, ok := entries[e.f2]
		if !ok || c.typ != 1 {
			return b, false
		}
		s, ok := readStructStream(b, c.f2)
		if !ok {
			return b, false
		}
		streams[e.f2] = s
		if s.libraryDecodable() {
			continue
		}
		data, err := s.decode(maxStreamBytes)
		if err != nil {
			return b, false
		}
		decoded[e.f2] = data
	}
	if !change && len(decoded) == 0 {
		return b, false
	}

	out := bytes.NewBuffer(make([]byte, 0, len(b)+1024))
	out.Write(b)
	out.WriteString("\n")
	for _, id := range slices.Sorted(maps.Keys(decoded)) {
		s, data := streams[id], decoded[id]
		n, _ := dictInt(s.dict, "N")
		first, _ := dictInt(s.dict, "First")
		entries[id] = xrefEntry3{typ: 1, f2: int64(out.Len()), f3: s.gen}
		fmt.Fprintf(out, "%d %d obj\n<< /Type /ObjStm /N %d /First %d", id, s.gen, n, first)
		if v, ref, ok := dictValue(s.dict, "Extends"); ok && ref {
			fmt.Fprintf(out, " /Extends %d 0 R", int64(v.num))
		}
		fmt.Fprintf(out, " /Length %d >>\nstream\n", len(data))
		out.Write(data)
		out.WriteString("\nendstream\nendobj\n")
	}
	appendXrefStream(out, entries, size, trailerKeys(newest))
	return out.Bytes(), true
}

// xrefStreams are a file's cross-reference streams read together: the
// entries of all its sections (the newest's win), the newest section's
// dictionary, the largest /Size, and whether a section uses a filter the
// library does not decode.
type xrefStreams struct {
	entries map[int64]xrefEntry3
	newest  operand
	size    int64
	change  bool
}

// readXrefStreams reads the cross-reference streams of b from its last
// startxref back along /Prev; false for a file with a classic table, an
// encrypted file, and one whose sections cannot be read here.
func readXrefStreams(b []byte) (xrefStreams, bool) {
	x := xrefStreams{entries: map[int64]xrefEntry3{}} // newest section first: the first entry of a number wins
	i := bytes.LastIndex(b, []byte("startxref"))
	if i < 0 {
		return x, false
	}
	m := keyNumber(b[i:], "startxref", false)
	if m == nil {
		return x, false
	}
	off, err := strconv.ParseInt(string(m[1]), 10, 64)
	if err != nil {
		return x, false
	}
	limit := maxObjectNumber(len(b))
	seen := map[int64]bool{}
	for n := 0; off > 0 && !seen[off]; n++ {
		if n == maxXrefSections {
			return x, false
		}
		seen[off] = true
		s, ok := readStructStream(b, off)
		if !ok {
			return x, false // a classic table, or not readable here
		}
		if t, _, _ := dictValue(s.dict, "Type"); t.kind != opName || t.s != "XRef" {
			return x, false
		}
		if _, _, enc := dictValue(s.dict, "Encrypt"); enc {
			return x, false
		}
		if x.newest.kind == opNull {
			x.newest = s.dict
		}
		x.change = x.change || !s.libraryDecodable()
		if !readXrefEntries3(s, limit, x.entries) {
			return x, false
		}
		if sz, ok := dictInt(s.dict, "Size"); ok {
			x.size = max(x.size, sz)
		}
		off, _ = dictInt(s.dict, "Prev")
	}
	return x, x.newest.kind != opNull
}

// trailerKeys are the keys of a cross-reference stream's dictionary that
// a new one written after it keeps (" /Root 1 0 R /Info 2 0 R /ID [...]").
func trailerKeys(newest operand) string {
	var trailer strings.Builder
	for _, key := range []string{"Root", "Info"} {
		if v, ref, ok := dictValue(newest, key); ok && ref {
			fmt.Fprintf(&trailer, " /%s %d 0 R", key, int64(v.num))
		}
	}
	if v, _, ok := dictValue(newest, "ID"); ok && v.kind == opArr {
		trailer.WriteString(" /ID [")
		for _, x := range v.arr {
			if x.kind == opStr {
				fmt.Fprintf(&trailer, "<%x>", x.s)
			}
		}
		trailer.WriteString("]")
	}
	return trailer.String()
}

// expandObjectStreams returns b with an update appended that holds every
// object stored in an object stream as an object of its own, and a
// cross-reference stream that finds them there: the library parses an
// object stream anew for every object it looks up in it, and a file of
// thousands of objects in streams would take minutes. Every object is
// written as the stream holds it; nothing else changes. False, and b,
// when the file has no object streams, has a classic table, is encrypted
// (its objects in streams carry strings encrypted with the stream's key),
// or a stream or an entry cannot be read.
func expandObjectStreams(b []byte) ([]byte, bool) {
	x, ok := readXrefStreams(b)
	if !ok {
		return b, false
	}
	// Each object stream's objects, decoded once.
	type member struct {
		num, idx int64
	}
	byStream := map[int64][]member{}
	for num, e := range x.entries {
		if e.typ == 2 {
			byStream[e.f2] = append(byStream[e.f2], member{num, e.f3})
		}
	}
	if len(byStream) == 0 {
		return b, false
	}
	out := bytes.NewBuffer(make([]byte, 0, len(b)+len(b)/2))
	out.Write(b)
	out.WriteString("\n")
	limit := maxObjectNumber(len(b))
	for _, id := range slices.Sorted(maps.Keys(byStream)) {
		c, ok := x.entries[id]
		if !ok || c.typ != 1 {
			return b, false
		}
		s, ok := readStructStream(b, c.f2)
		if !ok {
			return b, false
		}
		data, nums, offs, whole := s.objects(limit)
		if !whole {
			return b, false
		}
		for _, mem := range byStream[id] {
			k := mem.idx
			if k < 0 || k >= int64(len(nums)) || nums[k] != mem.num {
				// An entry whose index is wrong: the stream's header
				// still says where its number is.
				if k = int64(slices.Index(nums, mem.num)); k < 0 {
					return b, false
				}
			}
			end := int64(len(data))
			if k+1 < int64(len(offs)) {
				end = offs[k+1]
			}
			if end < offs[k] {
				return b, false
			}
			x.entries[mem.num] = xrefEntry3{typ: 1, f2: int64(out.Len())}
			fmt.Fprintf(out, "%d 0 obj\n", mem.num)
			out.Write(bytes.TrimSpace(data[offs[k]:end]))
			out.WriteString("\nendobj\n")
		}
	}
	appendXrefStream(out, x.entries, x.size, trailerKeys(x.newest))
	return out.Bytes(), true
}

// appendXrefStream writes to out, which holds a whole file, a
// cross-reference stream listing entries (numbered from 0 to the largest,
// and at least size-1), numbered after them, with trailer (" /Root 1 0 R
// ...") in its dictionary, and the file's end pointing at it.
func appendXrefStream(out *bytes.Buffer, entries map[int64]xrefEntry3, size int64, trailer string) {
	for id := range entries {
		size = max(size, id+1)
	}
	xrefID := size
	xrefOff := int64(out.Len())
	entries[xrefID] = xrefEntry3{typ: 1, f2: xrefOff}
	var rows bytes.Buffer
	row := make([]byte, 13)
	for id := int64(0); id <= xrefID; id++ {
		e, ok := entries[id]
		if !ok {
			e = xrefEntry3{typ: 0, f3: 65535}
		}
		row[0] = byte(e.typ)
		binary.BigEndian.PutUint64(row[1:9], uint64(e.f2))
		binary.BigEndian.PutUint32(row[9:13], uint32(e.f3))
		rows.Write(row)
	}
	fmt.Fprintf(out, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 8 4]%s", xrefID, xrefID+1, trailer)
	fmt.Fprintf(out, " /Length %d >>\nstream\n", rows.Len())
	out.Write(rows.Bytes())
	fmt.Fprintf(out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xrefOff)
}

// objectStreamEntries are the cross-reference entries (type 2) of the
// objects stored in the object streams among objs (the objects found in
// b, by number: where each starts), for a table rebuilt from the objects:
// an object given both in an object stream and directly is the one that
// comes later in the file (an update's). Object streams that cannot be
// read are passed over.
func objectStreamEntries(b []byte, objs map[int]xrefObject) map[int64]xrefEntry3 {
	limit := maxObjectNumber(len(b))
	type found struct {
		xrefEntry3
		at int // where the object stream starts
	}
	inStreams := map[int64]found{}
	ids := slices.SortedFunc(maps.Keys(objs), func(x, y int) int { return objs[x].off - objs[y].off })
	for _, id := range ids {
		o := objs[id]
		s, ok := readStructStream(b, int64(o.off))
		if !ok {
			continue
		}
		if t, _, _ := dictValue(s.dict, "Type"); t.kind != opName || t.s != "ObjStm" {
			continue
		}
		_, nums, _, _ := s.objects(limit)
		for k, num := range nums {
			inStreams[num] = found{xrefEntry3{typ: 2, f2: int64(id), f3: int64(k)}, o.off} // a later stream's wins
		}
	}
	entries := map[int64]xrefEntry3{}
	for num, f := range inStreams {
		if o, direct := objs[int(num)]; direct && o.off > f.at {
			continue
		}
		entries[num] = f.xrefEntry3
	}
	return entries
}

// objects decodes object stream s and reads its header: the numbers of
// the objects it holds, in order, and where each starts in data (First
// and its offset), as far as the header reads right (numbers from 1 to
// limit, offsets inside the data); whole says that it read all /N of
// them.
func (s structStream) objects(limit int64) (data []byte, nums, offs []int64, whole bool) {
	n, okN := dictInt(s.dict, "N")
	first, okF := dictInt(s.dict, "First")
	if !okN || !okF || n <= 0 || n > limit || first <= 0 {
		return nil, nil, nil, false
	}
	data, err := s.decode(maxStreamBytes)
	if err != nil || first > int64(len(data)) {
		return nil, nil, nil, false
	}
	l := &lexer{b: data[:first]}
	for range n {
		num, _, ok1 := l.next()
		at, _, ok2 := l.next()
		if !ok1 || !ok2 || num.kind != opNum || num.num <= 0 || int64(num.num) >= limit ||
			at.kind != opNum || at.num < 0 || first+int64(at.num) > int64(len(data)) {
			return data, nums, offs, false
		}
		nums = append(nums, int64(num.num))
		offs = append(offs, first+int64(at.num))
	}
	return data, nums, offs, true
}

// readXrefEntries3 decodes a cross-reference stream's entries into
// entries (unless a newer section gave them); false when they cannot be
// read.
func readXrefEntries3(s structStream, limit int64, entries map[int64]xrefEntry3) bool {
	wv, _, ok := dictValue(s.dict, "W")
	if !ok || wv.kind != opArr || len(wv.arr) < 3 {
		return false
	}
	var w [3]int
	for k := range 3 {
		x := wv.arr[k]
		if x.kind != opNum || x.num < 0 || x.num > 8 {
			return false
		}
		w[k] = int(x.num)
	}
	size, _ := dictInt(s.dict, "Size")
	index := []int64{0, size}
	if iv, _, ok := dictValue(s.dict, "Index"); ok {
		if iv.kind != opArr || len(iv.arr)%2 != 0 {
			return false
		}
		index = index[:0]
		for _, x := range iv.arr {
			if x.kind != opNum {
				return false
			}
			index = append(index, int64(x.num))
		}
	}
	count := int64(0)
	for k := 0; k+1 < len(index); k += 2 {
		if index[k] < 0 || index[k+1] < 0 || index[k]+index[k+1] > limit {
			return false
		}
		count += index[k+1]
	}
	wtotal := int64(w[0] + w[1] + w[2])
	data, err := s.decode(min(count*wtotal, maxStreamBytes))
	if err != nil {
		return false
	}
	p := int64(0)
	for k := 0; k+1 < len(index); k += 2 {
		for j := range index[k+1] {
			if p+wtotal > int64(len(data)) {
				return false
			}
			f := data[p : p+wtotal]
			p += wtotal
			typ := int64(1)
			if w[0] > 0 {
				typ = beInt(f[:w[0]])
			}
			id := index[k] + j
			if _, ok := entries[id]; !ok {
				entries[id] = xrefEntry3{typ: typ, f2: beInt(f[w[0] : w[0]+w[1]]), f3: beInt(f[w[0]+w[1]:])}
			}
		}
	}
	return true
}
