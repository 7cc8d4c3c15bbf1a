package filemap

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// resident is how many bytes of b, a mapping of its own, this process
// has resident: the Rss of its entry in /proc/self/smaps. (mincore would
// say what the page cache holds of the file, not what the process maps.)
func resident(t *testing.T, b []byte) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	require.NoError(t, err)
	defer f.Close()
	start := fmt.Sprintf("%x-", uintptr(unsafe.Pointer(&b[0])))
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if key, _, _ := strings.Cut(l, " "); !strings.HasSuffix(key, ":") { // an entry's first line: its addresses
			in = strings.HasPrefix(l, start)
			continue
		}
		if v, ok := strings.CutPrefix(l, "Rss:"); in && ok {
			kb, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			require.NoError(t, err)
			return kb << 10
		}
	}
	require.NoError(t, sc.Err())
	t.Fatalf("no mapping at %s in /proc/self/smaps", start)
	return 0
}

// TestOpenNotMappable: a file that cannot be mapped (a file of /proc) is
// read into memory instead; asked for more than it holds, it is an error.
func TestOpenNotMappable(t *testing.T) {
	want, err := os.ReadFile("/proc/self/cmdline")
	require.NoError(t, err)
	require.NotEmpty(t, want)
	f, err := os.Open("/proc/self/cmdline")
	require.NoError(t, err)
	defer f.Close()
	m, err := Open(f, len(want))
	require.NoError(t, err)
	assert.True(t, m.mem, "read into memory")
	assert.Equal(t, want, m.Bytes())
	m.Release(0, len(want))
	assert.Equal(t, want, m.Bytes())
	require.NoError(t, m.Close())

	_, err = Open(f, len(want)+100)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
}
