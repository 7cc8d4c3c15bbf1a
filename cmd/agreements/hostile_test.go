package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/normalize"
	"github.com/agreements/agreements/parser"
)

// TestExtractGoodAndHostile: a hostile input is an error naming it, and
// the other inputs' records are still written.
func TestExtractGoodAndHostile(t *testing.T) {
	good := "../../fixtures/tohoku-university-libreoffice/input.pdf"
	code, want, _ := runCmd(t, "", "extract", good)
	require.Equal(t, exitOK, code)
	require.NotEmpty(t, want)
	for _, bad := range []string{"crash-objstm-self.pdf", "crash-objstm-mutual.pdf", "truncated-30-pages.pdf"} {
		t.Run(bad, func(t *testing.T) {
			path := "../../fixtures/hostile/" + bad
			code, stdout, stderr := runCmd(t, "", "extract", good, path)
			assert.Equal(t, exitFail, code)
			assert.Equal(t, strings.Count(want, "\n"), strings.Count(stdout, "\n")-strings.Count(stdout, path), "the good input's records are all written")
			assert.Contains(t, stdout, want)
			assert.Contains(t, stderr, path)
		})
	}
}

func TestOpenInput(t *testing.T) {
	dir := t.TempDir()

	// A named pipe nothing writes to is empty once the wait is over,
	// not a hang.
	fifo := filepath.Join(dir, "f")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	r, size, err := openInput(fifo, 100*time.Millisecond)
	require.NoError(t, err)
	assert.Equal(t, int64(-1), size)
	_, err = readBounded(r, size, maxInput)
	require.ErrorIs(t, err, parser.ErrEmpty)
	require.NoError(t, r.Close())

	// A named pipe with a writer is read.
	done := make(chan error, 1)
	go func() {
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err == nil {
			_, err = w.WriteString("<html><body><p>x</p></body></html>")
			w.Close()
		}
		done <- err
	}()
	r, size, err = openInput(fifo, time.Minute)
	require.NoError(t, err)
	b, err := readBounded(r, size, maxInput)
	require.NoError(t, err)
	require.NoError(t, <-done)
	assert.Equal(t, "<html><body><p>x</p></body></html>", string(b))
	r.Close()

	// Devices and directories are refused before anything is read.
	for _, p := range []string{"/dev/zero", "/dev/null", dir} {
		_, _, err := openInput(p, time.Second)
		assert.ErrorIs(t, err, parser.ErrUnknownFormat, p)
	}

	// A regular file is read in one buffer of its size.
	f := filepath.Join(dir, "a.html")
	require.NoError(t, os.WriteFile(f, []byte("<p>abc</p>"), 0o600))
	r, size, err = openInput(f, time.Second)
	require.NoError(t, err)
	assert.Equal(t, int64(10), size)
	b, err = readBounded(r, size, maxInput)
	require.NoError(t, err)
	assert.Equal(t, "<p>abc</p>", string(b))
	r.Close()
	_, err = readBounded(strings.NewReader("0123456789"), 4, 8)
	assert.ErrorIs(t, err, parser.ErrTooLarge, "a file that grew past the bound")
	_, err = readBounded(strings.NewReader("0123456789"), -1, 8)
	assert.ErrorIs(t, err, parser.ErrTooLarge)
}

func TestExtractDevice(t *testing.T) {
	code, stdout, stderr := runCmd(t, "", "extract", "/dev/zero")
	assert.Equal(t, exitFail, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "/dev/zero: not a document this tool reads: it is a device")
}

// A panic of the normaliser is an error for its input alone.
func TestNormalizerPanicIsAnError(t *testing.T) {
	res, err := guarded(func() (*agreement.Result, error) {
		var rows []int
		return nil, fmt.Errorf("unreached %d", rows[3]) // index out of range
	})
	require.Error(t, err)
	assert.Nil(t, res)
	assert.Contains(t, err.Error(), "a bug to report with the file (runtime error: index out of range")

	// And a document that reads is read through it.
	doc := &parser.Document{File: "x.html", Format: parser.FormatHTML, Blocks: []parser.Block{{Line: &parser.Line{Text: "Total of 12 institutions"}}}}
	res, err = normalizeGuarded(doc, normalize.Options{})
	require.NoError(t, err)
	require.NotNil(t, res)
}
