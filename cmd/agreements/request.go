package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// The request crosses to the child as a frame: its length (uvarint), then
// its fields in order, each text as its length (uvarint) and its bytes as
// they are (a file name or a password need not be UTF-8), each number as a
// varint, each flag as a byte. The input's bytes follow the frame unless
// the child reads them from the input file (InFile).

// maxRequest bounds a request's frame: its name, password and page list.
const maxRequest = 4 << 20

// writeRequest writes a request: the request without its data, then the
// data's bytes as they are, unless the child reads them from the input
// file (InFile).
func writeRequest(w io.Writer, req parseRequest) error {
	data := req.Data
	if !req.InFile {
		req.Size = len(data)
	}
	var f []byte
	str := func(s string) { f = append(binary.AppendUvarint(f, uint64(len(s))), s...) }
	flag := func(b bool) {
		if b {
			f = append(f, 1)
		} else {
			f = append(f, 0)
		}
	}
	str(req.Name)
	f = binary.AppendUvarint(f, uint64(len(req.Pages)))
	for _, p := range req.Pages {
		f = binary.AppendVarint(f, int64(p))
	}
	str(req.Password)
	f = binary.AppendVarint(f, int64(req.Size))
	flag(req.InFile)
	f = binary.AppendVarint(f, req.Memory)
	flag(req.QuietStart)
	flag(req.OneProc)
	str(req.Test)
	if len(f) > maxRequest {
		return fmt.Errorf("a request of %d bytes, more than %d", len(f), maxRequest)
	}
	if _, err := w.Write(binary.AppendUvarint(nil, uint64(len(f)))); err != nil {
		return err
	}
	if _, err := w.Write(f); err != nil {
		return err
	}
	if req.InFile {
		return nil
	}
	_, err := w.Write(data)
	return err
}

// errRequest is a request frame that does not hold what writeRequest
// writes.
var errRequest = errors.New("a malformed request")

// readRequest reads what writeRequest wrote. r is a bufio.Reader so that
// nothing past the request and its data is read.
func readRequest(r *bufio.Reader) (parseRequest, error) {
	var req parseRequest
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return req, fmt.Errorf("the request's length: %w", noEOF(err))
	}
	if n > maxRequest {
		return req, fmt.Errorf("%w: %d bytes, more than %d", errRequest, n, maxRequest)
	}
	f := make([]byte, n)
	if _, err := io.ReadFull(r, f); err != nil {
		return req, fmt.Errorf("the request's %d bytes: %w", n, noEOF(err))
	}
	d := requestDecoder{f: f}
	req.Name = d.str()
	pages := d.uint()
	if pages > uint64(len(d.f)) { // a page takes a byte at least
		return req, fmt.Errorf("%w: %d pages in %d bytes", errRequest, pages, len(d.f))
	}
	for range pages {
		req.Pages = append(req.Pages, int(d.int()))
	}
	req.Password = d.str()
	req.Size = int(d.int())
	req.InFile = d.flag()
	req.Memory = d.int()
	req.QuietStart = d.flag()
	req.OneProc = d.flag()
	req.Test = d.str()
	if d.bad || len(d.f) > 0 {
		return parseRequest{}, errRequest
	}
	if req.Size < 0 {
		return req, fmt.Errorf("a request for %d bytes", req.Size)
	}
	if req.InFile {
		return req, nil
	}
	req.Data = make([]byte, req.Size)
	if _, err := io.ReadFull(r, req.Data); err != nil {
		return req, fmt.Errorf("the input's %d bytes: %w", req.Size, err)
	}
	return req, nil
}

// noEOF turns the end of the stream inside a frame into an unexpected one.
func noEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// requestDecoder reads a request frame's fields; bad is set, and the
// rest read as zero, once a field runs past the frame's end.
type requestDecoder struct {
	f   []byte
	bad bool
}

// varint reads a number with read (binary.Uvarint or binary.Varint).
func varint[T uint64 | int64](d *requestDecoder, read func([]byte) (T, int)) T {
	v, k := read(d.f)
	if k <= 0 {
		d.bad, d.f = true, nil
		return 0
	}
	d.f = d.f[k:]
	return v
}

func (d *requestDecoder) uint() uint64 { return varint(d, binary.Uvarint) }
func (d *requestDecoder) int() int64   { return varint(d, binary.Varint) }

func (d *requestDecoder) str() string {
	n := d.uint()
	if n > uint64(len(d.f)) {
		d.bad, d.f = true, nil
		return ""
	}
	s := string(d.f[:n])
	d.f = d.f[n:]
	return s
}

func (d *requestDecoder) flag() bool {
	if len(d.f) == 0 {
		d.bad = true
		return false
	}
	b := d.f[0]
	d.f = d.f[1:]
	if b > 1 {
		d.bad = true
	}
	return b == 1
}
