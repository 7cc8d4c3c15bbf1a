//go:build !linux

package filemap

import (
	"fmt"
	"io"
	"os"
)

// mapFile reads size bytes of f into memory: where pages of a mapping
// cannot be let go of (see dropPages), a mapping would hold the whole
// file as resident as memory does.
func mapFile(f *os.File, size int) ([]byte, bool, error) {
	b := make([]byte, size)
	if n, err := f.ReadAt(b, 0); n < size {
		if err == nil || err == io.EOF {
			err = fmt.Errorf("read %d of its %d bytes: %w", n, size, io.ErrUnexpectedEOF)
		}
		return nil, false, err
	}
	return b, false, nil
}

func dropPages([]byte) {}

func unmap([]byte) error { return nil }
