package pdf

import (
	"bytes"
	"io"

	lpdf "github.com/ledongthuc/pdf"
)

// A stream's /Length says where its data ends; the data must be followed,
// after an optional end-of-line, by "endstream". A wrong length (too long,
// too short, an indirect length naming a dictionary, no length at all)
// reads the stream silently wrong: past its end into the next object, cut
// short, or empty. Every stream's length is checked against the file (one
// small ReadAt); a stream whose length is wrong is read to its real end,
// the first "endstream" after its data starts, and the document says the
// repair.

// repairStreamLength is the repair of a stream read to its endstream
// because its /Length was wrong.
const repairStreamLength = "pdf:stream_length"

// maxStreamSearch bounds the search for a stream's real end, as
// maxStreamBytes bounds what a stream decodes to.
const maxStreamSearch = maxStreamBytes

// lengthOf returns the number of a stream's raw bytes whose data starts at
// off in src and whose /Length is length: the declared length when the
// data is followed by "endstream", else the distance to the first
// "endstream" after off (the end-of-line before it not counted) and
// fixed. When no "endstream" ends the data before the next object starts,
// the declared length is kept.
func lengthOf(src io.ReaderAt, off int64, length lpdf.Value) (n int64, fixed bool) {
	return realLength(src, off, max(0, length.Int64()), length.Kind() == lpdf.Integer)
}

// realLength is lengthOf for a declared length of n bytes; declared is
// false when the stream has no usable length (none, or not a number).
func realLength(src io.ReaderAt, off, n int64, declared bool) (int64, bool) {
	if declared && endsAt(src, off+n) {
		return n, false
	}
	end, ok := streamEnd(src, off)
	switch {
	case !ok:
		return n, false
	case declared && end >= n && blank(src, off+n, off+end):
		// More white space before "endstream" than endsAt looks at: the
		// length is right.
		return n, false
	}
	return end, true
}

// blank reports whether src holds only white space from from to to (a
// few KiB at most: more is not the white space a writer leaves).
func blank(src io.ReaderAt, from, to int64) bool {
	if to-from > 16<<10 {
		return false
	}
	b := make([]byte, to-from)
	k, _ := src.ReadAt(b, from)
	return k == len(b) && len(bytes.TrimLeft(b, "\x00\t\n\f\r ")) == 0
}

// endsAt reports whether "endstream" follows pos, after white space.
func endsAt(src io.ReaderAt, pos int64) bool {
	if pos < 0 {
		return false
	}
	var b []byte
	if r, ok := src.(*bytes.Reader); ok {
		var buf [32]byte // read through the type, not the interface: no allocation
		k, _ := r.ReadAt(buf[:], pos)
		b = buf[:k]
	} else {
		buf := make([]byte, 32)
		k, _ := src.ReadAt(buf, pos)
		b = buf[:k]
	}
	return bytes.HasPrefix(bytes.TrimLeft(b, "\x00\t\n\f\r "), []byte("endstream"))
}

// streamEnd finds the end of the data that starts at off: the first
// "endstream" after it, less the end-of-line before it. ok is false when
// the next object's "endobj" or "N G obj" comes first, or none is found
// within maxStreamSearch bytes.
func streamEnd(src io.ReaderAt, off int64) (n int64, ok bool) {
	const (
		chunk = 64 << 10
		back  = 32 // bytes read again before a chunk: an object header's numbers
		tail  = len("endstream")
	)
	size := back + chunk + tail
	if end, known := sizeOf(src); known {
		size = int(min(int64(size), max(0, end-off)+int64(back+tail))) // a small file, a small buffer
	}
	buf := make([]byte, size)
	for pos := off; pos-off < maxStreamSearch; pos += chunk {
		start := max(off, pos-back)
		from := int(pos - start)
		k, _ := src.ReadAt(buf[:min(from+chunk+tail, len(buf))], start)
		b := buf[:k]
		last := k < from+chunk+tail // the file ends in this chunk
		stop := from + chunk
		if last {
			stop = k
		}
		i, found := firstEnd(b, from, stop)
		switch {
		case found && i < 0:
			return 0, false
		case found:
			e := start + int64(i)
			switch {
			case e-2 >= off && string(b[i-2:i]) == "\r\n":
				e -= 2
			case e-1 >= off && (b[i-1] == '\n' || b[i-1] == '\r'):
				e--
			}
			return e - off, true
		case last:
			return 0, false
		}
	}
	return 0, false
}

// firstEnd looks in b for the first of "endstream", "endobj" and an
// object header "N G obj" that starts at an index in [from, stop). i is
// the index of "endstream", or -1 when the object ends first; found is
// false when none starts there. b is looked through once.
func firstEnd(b []byte, from, stop int) (i int, found bool) {
	end := len(b) // where "obj" is looked for up to
	e := bytes.Index(b[from:], []byte("endstream"))
	if e >= 0 {
		e += from
		end = e
	}
	for j := from; j < end; {
		k := bytes.Index(b[j:end], []byte("obj"))
		if k < 0 {
			break
		}
		at := j + k
		if at >= stop {
			return 0, false
		}
		if at >= 3 && string(b[at-3:at]) == "end" || objHeaderBefore(b, at) {
			return -1, true
		}
		j = at + 3
	}
	if e >= 0 && e < stop {
		return e, true
	}
	return 0, false
}

// objHeaderBefore reports whether "obj" at index at ends an object header:
// digits, white space, digits, white space before it, and a delimiter or
// white space after it.
func objHeaderBefore(b []byte, at int) bool {
	if at+3 < len(b) && !isDelimOrSpace(b[at+3]) {
		return false
	}
	i := at
	for _, part := range []func(byte) bool{isPDFSpace, isDigit, isPDFSpace, isDigit} {
		j := i
		for j > 0 && part(b[j-1]) {
			j--
		}
		if j == i {
			return false
		}
		i = j
	}
	return i == 0 || isDelimOrSpace(b[i-1])
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isDelimOrSpace(c byte) bool {
	return isPDFSpace(c) || bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

// fixedReader reads a stream whose /Length was wrong, read to its
// endstream: streamBytes says so with a *lengthRepaired.
type fixedReader struct{ io.Reader }

func (fixedReader) Close() error { return nil }

// readerOf is the reader of a stream's decoded data r.
func readerOf(r io.Reader, fixed bool) io.ReadCloser {
	if fixed {
		return fixedReader{r}
	}
	return io.NopCloser(r)
}

// lengthRepaired is the error of a stream read to its endstream because
// its /Length was wrong: a repair, with what else went wrong reading the
// stream (nil when nothing did). It is always the outermost error.
type lengthRepaired struct{ err error }

func (e *lengthRepaired) Error() string {
	const what = "its /Length is wrong; read to its endstream"
	if e.err == nil {
		return what
	}
	return e.err.Error() + " (" + what + ")"
}

func (e *lengthRepaired) Unwrap() error { return e.err }

// withLength adds the repair to err when fixed.
func withLength(err error, fixed bool) error {
	if !fixed {
		return err
	}
	return &lengthRepaired{err}
}

// splitLength takes the repair out of a streamBytes error, setting
// *fixed when it was there, and returns what else went wrong.
func splitLength(err error, fixed *bool) error {
	if lr, ok := err.(*lengthRepaired); ok {
		*fixed = true
		return lr.err
	}
	return err
}

// lengthRepairs takes a stream's repair out of err, noting it in the
// document's repairs, and returns what else went wrong. Pages are read
// side by side: the note is made under d.mu.
func (d *document) lengthRepairs(err error) error {
	fixed := false
	rest := splitLength(err, &fixed)
	if fixed {
		d.mu.Lock()
		d.note(repairStreamLength)
		d.mu.Unlock()
	}
	return rest
}

// streamBytes reads a font's stream as the package's streamBytes does,
// taking the repair of a wrong /Length out of the error: the font's
// loader says it in the document's repairs.
func (f *font) streamBytes(v lpdf.Value, sb *streamBuf) ([]byte, error) {
	b, err := streamBytes(v, sb)
	return b, splitLength(err, &f.lengthFixed)
}
