//go:build !parsechild

package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
	"time"

	"github.com/agreements/agreements/parser"
)

// fifoWait is how long a named pipe may stay without a writer, or without
// a first byte, before it is read as empty.
const fifoWait = 10 * time.Second

// openInput opens a named input for reading, and returns its size when it
// is a regular file (-1 otherwise). It refuses what would never end or
// cannot be a document: a device (/dev/zero, /dev/urandom), a socket, a
// directory, and a regular file over maxInput before reading a byte of it.
// A named pipe is opened without waiting for a writer, and read as empty
// when none writes within wait.
func openInput(name string, wait time.Duration) (io.ReadCloser, int64, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, -1, err
	}
	m := fi.Mode()
	switch {
	case m.IsRegular():
		if fi.Size() > maxInput {
			return nil, -1, fmt.Errorf("%w: %d MiB, more than the %d MiB an input may weigh", parser.ErrTooLarge, fi.Size()>>20, maxInput>>20)
		}
		f, err := os.Open(name)
		return f, fi.Size(), err
	case m&fs.ModeDir != 0:
		return nil, -1, fmt.Errorf("%w: it is a directory", parser.ErrUnknownFormat)
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return nil, -1, fmt.Errorf("%w: it is a device, not a file (a device may never end)", parser.ErrUnknownFormat)
	case m&fs.ModeSocket != 0:
		return nil, -1, fmt.Errorf("%w: it is a socket, not a file", parser.ErrUnknownFormat)
	case m&fs.ModeNamedPipe != 0:
		f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			return nil, -1, err
		}
		return &pipeReader{f: f, wait: wait}, -1, nil
	}
	f, err := os.Open(name)
	return f, -1, err
}

// pipeReader reads a named pipe opened without blocking: until its first
// byte, an end of file means no writer yet, and is waited out for wait.
type pipeReader struct {
	f       *os.File
	wait    time.Duration
	started bool
	since   time.Time
}

func (p *pipeReader) Read(b []byte) (int, error) {
	for {
		n, err := p.f.Read(b)
		if n > 0 {
			p.started = true
			return n, err
		}
		if p.started || !errors.Is(err, io.EOF) {
			return n, err
		}
		if p.since.IsZero() {
			p.since = time.Now()
		}
		if time.Since(p.since) >= p.wait {
			return 0, fmt.Errorf("%w: a named pipe nothing was written to within %s", parser.ErrEmpty, p.wait)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (p *pipeReader) Close() error { return p.f.Close() }

// readBounded reads r to its end, at most max bytes: with a known size,
// into one buffer of that size (no doubling copies).
func readBounded(r io.Reader, size int64, max int) ([]byte, error) {
	if size < 0 {
		b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
		if err == nil && len(b) > max {
			err = fmt.Errorf("%w: more than %d MiB", parser.ErrTooLarge, max>>20)
		}
		return b, err
	}
	b := make([]byte, size, size+1)
	n, err := io.ReadFull(r, b)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return b[:n], nil // the file shrank while it was read
	}
	if err != nil {
		return nil, err
	}
	// The file may have grown since it was measured.
	rest, err := io.ReadAll(io.LimitReader(r, int64(max)-size+1))
	if err != nil {
		return nil, err
	}
	b = append(b, rest...)
	if len(b) > max {
		return nil, fmt.Errorf("%w: more than %d MiB", parser.ErrTooLarge, max>>20)
	}
	return b, nil
}
