package output

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeString writes s through a target opened on name.
func writeString(name, s string, inputs ...string) error {
	t, err := OpenTarget(name, inputs)
	if err != nil {
		return err
	}
	return t.Write(nil, func(f *os.File) error {
		_, err := io.WriteString(f, s)
		return err
	})
}

// temps lists the temporary files of this package's naming in dir.
func temps(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range ents {
		if isOurTemp(e.Name()) || strings.Contains(e.Name(), ".tmp-") {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestTargetRegularFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.ndjson")

	require.NoError(t, writeString(path, "new\n"))
	fi, err := os.Stat(path)
	require.NoError(t, err)
	umask := syscall.Umask(0)
	syscall.Umask(umask)
	assert.Equal(t, os.FileMode(0o644)&^os.FileMode(umask), fi.Mode().Perm(), "a new file is 0644 less the umask")

	// A private file stays private.
	require.NoError(t, os.Chmod(path, 0o600))
	require.NoError(t, writeString(path, "again\n"))
	fi, err = os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	b, _ := os.ReadFile(path)
	assert.Equal(t, "again\n", string(b))
	assert.Empty(t, temps(t, dir))

	// A failing write leaves the old file and no temporary file.
	tg, err := OpenTarget(path, nil)
	require.NoError(t, err)
	err = tg.Write(nil, func(f *os.File) error {
		_, _ = f.WriteString("half")
		return errors.New("boom")
	})
	require.Error(t, err)
	assert.Contains(t, err.Error(), path)
	b, _ = os.ReadFile(path)
	assert.Equal(t, "again\n", string(b))
	assert.Empty(t, temps(t, dir))
}

func TestTargetSymlink(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "real")
	require.NoError(t, os.Mkdir(sub, 0o755))
	target := filepath.Join(sub, "records.ndjson")
	require.NoError(t, os.WriteFile(target, []byte("old\n"), 0o640))
	link := filepath.Join(dir, "latest.ndjson")
	require.NoError(t, os.Symlink("real/records.ndjson", link))

	require.NoError(t, writeString(link, "new\n"))
	fi, err := os.Lstat(link)
	require.NoError(t, err)
	assert.Equal(t, os.ModeSymlink, fi.Mode()&os.ModeSymlink, "the link is kept")
	b, err := os.ReadFile(target)
	require.NoError(t, err)
	assert.Equal(t, "new\n", string(b), "the link's target is written")
	fi, err = os.Stat(target)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), fi.Mode().Perm())
	assert.Empty(t, temps(t, dir))
	assert.Empty(t, temps(t, sub), "the temporary file goes beside the target")

	// A link to a file not made yet makes it where the link points.
	dangling := filepath.Join(dir, "next.ndjson")
	require.NoError(t, os.Symlink("real/next.ndjson", dangling))
	require.NoError(t, writeString(dangling, "first\n"))
	fi, err = os.Lstat(dangling)
	require.NoError(t, err)
	assert.Equal(t, os.ModeSymlink, fi.Mode()&os.ModeSymlink)
	b, err = os.ReadFile(filepath.Join(sub, "next.ndjson"))
	require.NoError(t, err)
	assert.Equal(t, "first\n", string(b))
}

func TestTargetDevices(t *testing.T) {
	require.NoError(t, writeString("/dev/null", "nothing\n"))
	fi, err := os.Stat("/dev/null")
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeCharDevice, "/dev/null is still a device")

	if _, err := os.Stat("/dev/full"); err == nil {
		err = writeString("/dev/full", strings.Repeat("x", 1<<16))
		require.Error(t, err)
		assert.ErrorIs(t, err, syscall.ENOSPC)
		assert.Contains(t, err.Error(), "/dev/full")
		fi, err := os.Stat("/dev/full")
		require.NoError(t, err)
		assert.NotZero(t, fi.Mode()&os.ModeCharDevice, "/dev/full is still a device")
	}
}

func TestTargetFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- "open: " + err.Error()
			return
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			got <- "read: " + err.Error()
			return
		}
		got <- string(b)
	}()
	want := strings.Repeat("record\n", 100000) // more than a pipe holds
	require.NoError(t, writeString(fifo, want))
	assert.Equal(t, want, <-got)
	fi, err := os.Lstat(fifo)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeNamedPipe, "the pipe is still a pipe")
	assert.Empty(t, temps(t, dir))
}

func TestTargetReadOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "frozen.ndjson")
	require.NoError(t, os.WriteFile(path, []byte("kept\n"), 0o444))
	// Refused even where the writer could write it (root).
	_, err := OpenTarget(path, nil)
	require.ErrorIs(t, err, ErrReadOnly)
	assert.Contains(t, err.Error(), path)
	b, _ := os.ReadFile(path)
	assert.Equal(t, "kept\n", string(b))

	_, err = OpenTarget(dir, nil)
	require.ErrorIs(t, err, ErrIsDir)
}

func TestTargetIsInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "records.ndjson")
	require.NoError(t, os.WriteFile(in, []byte("{}\n"), 0o644))
	link := filepath.Join(dir, "link.ndjson")
	require.NoError(t, os.Symlink(in, link))
	other := filepath.Join(dir, "other.ndjson")
	require.NoError(t, os.WriteFile(other, []byte("{}\n"), 0o644))

	for _, out := range []string{in, link, filepath.Join(dir, ".", "records.ndjson")} {
		_, err := OpenTarget(out, []string{other, in})
		require.ErrorIs(t, err, ErrIsInput, out)
		assert.Contains(t, err.Error(), in)
	}
	_, err := OpenTarget(in, []string{link})
	require.ErrorIs(t, err, ErrIsInput, "an input given through a link")
	_, err = OpenTarget(other, []string{in, "-", filepath.Join(dir, "missing")})
	require.NoError(t, err)
}

func TestSweepStaleTemps(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-2 * staleAfter)
	files := map[string]bool{ // name: swept
		".out.ndjson.tmp-agreements-0123456789ab": true,
		".out.ndjson.tmp-123456789":               true, // an older version's name
		".other.csv.tmp-agreements-ffffff":        true,
		".out.ndjson.tmp-agreements-notours":      false,
		"out.ndjson":                              false,
		".hidden":                                 false,
	}
	for name := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte("x"), 0o644))
		require.NoError(t, os.Chtimes(p, old, old))
	}
	fresh := filepath.Join(dir, ".out.ndjson.tmp-agreements-abcdef")
	require.NoError(t, os.WriteFile(fresh, []byte("a writer at work"), 0o644))

	require.NoError(t, writeString(filepath.Join(dir, "out.ndjson"), "new\n"))
	for name, swept := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		assert.Equal(t, swept, errors.Is(err, os.ErrNotExist), name)
	}
	_, err := os.Stat(fresh)
	assert.NoError(t, err, "a recent temporary file may be another writer's")
}

// signalChildEnv makes the test binary the writer TestSignalRemovesTemp
// interrupts.
const signalChildEnv = "OUTPUT_TEST_SIGNAL_CHILD"

// TestSignalRemovesTemp runs a writer of a large output in a child
// process, sends it SIGTERM while it writes, and checks that the child
// ends with 143, removed its temporary file and left the old file.
func TestSignalRemovesTemp(t *testing.T) {
	if path := os.Getenv(signalChildEnv); path != "" {
		signalChild(path)
		return
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.ndjson")
			require.NoError(t, os.WriteFile(path, []byte("old\n"), 0o644))

			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestSignalRemovesTemp$")
			cmd.Env = append(os.Environ(), signalChildEnv+"="+path)
			stdin, err := cmd.StdinPipe()
			require.NoError(t, err)
			defer stdin.Close()
			var stderr strings.Builder
			cmd.Stderr = &stderr
			require.NoError(t, cmd.Start())

			// Wait until the child has written a good part of its output.
			for ctx.Err() == nil {
				if names := temps(t, dir); len(names) == 1 {
					if fi, err := os.Stat(filepath.Join(dir, names[0])); err == nil && fi.Size() >= signalChildSize {
						break
					}
				}
				time.Sleep(10 * time.Millisecond)
			}
			require.NoError(t, ctx.Err(), "the child wrote no temporary file: %s", stderr.String())
			require.NoError(t, cmd.Process.Signal(sig))
			err = cmd.Wait()
			var ee *exec.ExitError
			require.ErrorAs(t, err, &ee, stderr.String())
			assert.Equal(t, 128+int(sig), ee.ExitCode(), stderr.String())
			assert.Empty(t, temps(t, dir), "the temporary file is removed")
			b, _ := os.ReadFile(path)
			assert.Equal(t, "old\n", string(b))
		})
	}
}

// signalChildSize is what the child writes before it waits to be
// interrupted.
const signalChildSize = 32 << 20

// signalChild writes signalChildSize bytes to path's temporary file, then
// waits on stdin (the parent never writes to it) for the signal.
func signalChild(path string) {
	t, err := OpenTarget(path, nil)
	if err != nil {
		os.Exit(3)
	}
	err = t.Write(NewTemps(nil), func(f *os.File) error {
		chunk := []byte(strings.Repeat("{\"schema\":\"agreement/v1\"}\n", 4096))
		for n := 0; n < signalChildSize; n += len(chunk) {
			if _, err := f.Write(chunk); err != nil {
				return err
			}
		}
		_, err := io.Copy(io.Discard, os.Stdin)
		return err
	})
	if err != nil {
		os.Exit(4)
	}
	os.Exit(5) // the signal should have ended the process
}

// A target written in steps (Begin, then Commit or Abort) is replaced
// only by Commit without a writing error, keeps its mode, and leaves no
// temporary file either way.
func TestTargetPending(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "out.ndjson")
	require.NoError(t, os.WriteFile(name, []byte("old\n"), 0o600))
	temps := func() []string {
		m, err := filepath.Glob(filepath.Join(dir, ".*"+tempMarker+"*"))
		require.NoError(t, err)
		return m
	}
	step := func(commit bool, werr error) error {
		tg, err := OpenTarget(name, nil)
		require.NoError(t, err)
		require.False(t, tg.InPlace())
		p, err := tg.Begin(nil)
		require.NoError(t, err)
		_, err = io.WriteString(p.File(), "new\n")
		require.NoError(t, err)
		assert.Len(t, temps(), 1, "written beside the target")
		if !commit {
			p.Abort()
			return nil
		}
		return p.Commit(werr)
	}
	read := func() string {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		return string(b)
	}

	require.NoError(t, step(false, nil))
	assert.Equal(t, "old\n", read(), "aborted: left as it was")
	assert.Empty(t, temps())

	err := step(true, errors.New("no space"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "writing "+name+": no space")
	assert.Equal(t, "old\n", read(), "a writing error: left as it was")
	assert.Empty(t, temps())

	require.NoError(t, step(true, nil))
	assert.Equal(t, "new\n", read())
	fi, err := os.Stat(name)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "the mode is kept")
	assert.Empty(t, temps())

	tg, err := OpenTarget("/dev/null", nil)
	require.NoError(t, err)
	assert.True(t, tg.InPlace())
	_, err = tg.Begin(nil)
	assert.Error(t, err, "a device is written in place")
}
