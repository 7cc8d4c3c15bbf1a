package filemap

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// page returns n bytes that differ from page to page of memory.
func page(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7 + i/4096)
	}
	return b
}

func writeFile(t *testing.T, b []byte) *os.File {
	t.Helper()
	path := filepath.Join(t.TempDir(), "page.html")
	require.NoError(t, os.WriteFile(path, b, 0o644))
	f, err := os.Open(path)
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

// TestReleaseKeepsBytes: whatever Release lets go of, in one pass or
// several, in parts smaller or larger than a batch, the bytes read are
// the file's.
func TestReleaseKeepsBytes(t *testing.T) {
	want := page(3*releaseBatch + 12345)
	tests := []struct {
		name  string
		parts [][2]int
	}{
		{"whole", [][2]int{{0, len(want)}}},
		{"small parts", [][2]int{{0, 100}, {100, 5000}, {5000, releaseBatch + 7}, {releaseBatch + 7, 2*releaseBatch + 1}}},
		{"two passes", [][2]int{{0, len(want)}, {0, releaseBatch}, {releaseBatch, len(want)}}},
		{"a pass cut short", [][2]int{{0, 2 * releaseBatch}, {0, len(want)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Open(writeFile(t, want), len(want))
			require.NoError(t, err)
			for _, p := range tt.parts {
				m.Release(p[0], p[1])
				assert.True(t, bytes.Equal(want, m.Bytes()), "after Release(%d, %d)", p[0], p[1])
			}
			require.NoError(t, m.Close())
			assert.Nil(t, m.Bytes())
		})
	}
}

// TestReleaseLetsGo: a pass over a mapped file leaves it no longer
// resident (on Linux, where the mapping's pages can be let go of).
func TestReleaseLetsGo(t *testing.T) {
	b := page(8 * releaseBatch)
	m, err := Open(writeFile(t, b), len(b))
	require.NoError(t, err)
	defer m.Close()
	if m.mem {
		t.Skip("the file is read into memory here")
	}
	sum := 0
	for _, c := range m.Bytes() { // every page read: resident
		sum += int(c)
	}
	assert.Greater(t, sum, 0)
	assert.GreaterOrEqual(t, resident(t, m.Bytes()), len(b)/2)
	for lo := 0; lo < len(b); lo += 4000 {
		m.Release(lo, min(lo+4000, len(b)))
	}
	assert.Zero(t, resident(t, m.Bytes()))
}

// TestOpenEmpty: an empty file maps to no bytes.
func TestOpenEmpty(t *testing.T) {
	m, err := Open(writeFile(t, nil), 0)
	require.NoError(t, err)
	assert.Empty(t, m.Bytes())
	m.Release(0, 0)
	require.NoError(t, m.Close())
}
