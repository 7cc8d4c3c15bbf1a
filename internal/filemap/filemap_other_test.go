//go:build !linux

package filemap

import "testing"

// resident is not asked where files are read into memory (see mapFile).
func resident(t *testing.T, _ []byte) int {
	t.Fatal("not mapped")
	return 0
}
