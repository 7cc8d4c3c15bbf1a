package filemap

import (
	"os"
	"syscall"
)

// mapFile maps size bytes of f, private and read-only.
func mapFile(f *os.File, size int) ([]byte, error) {
	return syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ, syscall.MAP_PRIVATE)
}

// dropPages lets go of the pages of memory of b, whole pages of a
// mapping: the next read of them reads the file again. An error leaves
// them as they were (held).
func dropPages(b []byte) { _ = syscall.Madvise(b, syscall.MADV_DONTNEED) }

func unmap(b []byte) error { return syscall.Munmap(b) }
