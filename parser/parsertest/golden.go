package parsertest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// CheckGolden compares got with the golden file at path or, with update,
// rewrites it. On a mismatch it leaves got beside the golden as path.got
// (git-ignored), for a diff by hand; a match removes a stale one.
func CheckGolden(t testing.TB, path string, got []byte, update bool) {
	t.Helper()
	if update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "no golden yet: run make golden")
	if !assert.Equal(t, string(want), string(got), path) {
		_ = os.WriteFile(path+".got", got, 0o644)
	} else {
		_ = os.Remove(path + ".got")
	}
}
