// Package filemap maps a file into memory read-only, so that a reader
// that passes over it in order holds only the part it is reading: the
// pages of memory behind it are let go (Release), and are read from the
// file again should they be read again. A page read whole into memory
// takes its size for as long as it is read.
package filemap

import (
	"fmt"
	"io"
	"os"
)

// releaseBatch is the least that Release lets go of at a time (but at
// the end of the file): one system call for each such part, not one for
// each part a reader passes.
const releaseBatch = 1 << 20

// Map is a file mapped into memory, read-only. Its bytes stay readable
// until Close, whatever Release lets go of. Changing the file while it is
// mapped changes the bytes read; shortening it makes reading past its new
// end fail (the process ends with a bus error): a reader checks that the
// file did not change once it has read it. Release and Close are called
// by one goroutine at a time; the bytes may be read by any until Close.
type Map struct {
	b    []byte
	from int  // the start of what Release has not let go of yet, a page boundary
	mem  bool // b was read into memory, not mapped
}

// Open maps the first size bytes of f (its size when it was opened); a
// file that cannot be mapped (a file system without mappings) is read into
// memory instead.
func Open(f *os.File, size int) (*Map, error) {
	if size <= 0 {
		return &Map{}, nil
	}
	if b, err := mapFile(f, size); err == nil {
		return &Map{b: b}, nil
	}
	b, err := readFile(f, size)
	if err != nil {
		return nil, err
	}
	return &Map{b: b, mem: true}, nil
}

// readFile reads size bytes of f into memory.
func readFile(f *os.File, size int) ([]byte, error) {
	b := make([]byte, size)
	if n, err := f.ReadAt(b, 0); n < size {
		if err == nil || err == io.EOF {
			err = fmt.Errorf("read %d of its %d bytes: %w", n, size, io.ErrUnexpectedEOF)
		}
		return nil, err
	}
	return b, nil
}

// Bytes returns the mapped bytes, valid until Close.
func (m *Map) Bytes() []byte { return m.b }

// Release says that a reader has passed b[lo:hi] of the bytes: the whole
// pages of memory before hi that Release has not let go of yet since a
// pass began at lo or before go, a part of releaseBatch bytes at least at
// a time. A lo before what was let go of starts a new pass.
func (m *Map) Release(lo, hi int) {
	if m.mem {
		return
	}
	page := os.Getpagesize()
	if lo < m.from {
		m.from = lo / page * page
	}
	end := hi / page * page
	if hi >= len(m.b) {
		end = len(m.b)
	}
	if end-m.from < releaseBatch && end < len(m.b) || end <= m.from {
		return
	}
	dropPages(m.b[m.from:end])
	m.from = end
}

// Close unmaps the bytes; they are no longer read.
func (m *Map) Close() error {
	b := m.b
	m.b, m.from = nil, 0
	if b == nil || m.mem {
		return nil
	}
	return unmap(b)
}
