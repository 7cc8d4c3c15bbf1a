//go:build !linux

package filemap

import (
	"errors"
	"os"
)

// mapFile does not map: where the pages of a mapping cannot be let go of
// (see dropPages), a mapping would hold the whole file as resident as
// memory does, and the file is read into memory (see Open).
func mapFile(*os.File, int) ([]byte, error) {
	return nil, errors.New("not mapped here")
}

func dropPages([]byte) {}

func unmap([]byte) error { return nil }
