package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/agreements/agreements/parser"
)

// Each input is parsed in a child process of this same executable, so that
// an input which makes a reader die (a runtime error no recover catches:
// exhausted memory, an exhausted stack) or run too long ends that child
// only: the parent names the file and goes on with the other inputs.
//
// The child is this program started with childEnv set; it reads one
// parseRequest (gob) from stdin and writes one parseReply (gob) to stdout.
// It runs under a memory bound (RLIMIT_AS over what the runtime has
// reserved at start) and a stack bound, and the parent kills it when the
// time bound passes.

// childEnv, when set in the environment, makes the program a parse child.
const childEnv = "AGREEMENTS_PARSE_CHILD"

// Bounds on one input's parse: memory is memBase plus memPerByte times the
// input's size; time is timeBase plus timePerMiB per MiB of input.
const (
	memBase    = 1 << 30
	memPerByte = 8
	maxStack   = 64 << 20
	timeBase   = 2 * time.Minute
	timePerMiB = 2 * time.Second
)

// parseLimits are the bounds one parse runs under.
type parseLimits struct {
	Memory  int64 // bytes the child may add to what it reserved at start; 0: no bound
	Timeout time.Duration
}

// limitsFor returns the bounds for an input of n bytes.
func limitsFor(n int) parseLimits {
	return parseLimits{
		Memory:  memBase + memPerByte*int64(n),
		Timeout: timeBase + time.Duration(n>>20)*timePerMiB,
	}
}

type parseRequest struct {
	Name     string
	Pages    []int
	Password string
	Data     []byte
	Memory   int64
	// Test makes the child misbehave on purpose (tests only): "hang",
	// "crash", "oom", "garbage".
	Test string
}

type parseReply struct {
	Doc      *parser.Document
	Err      *wireError
	PageErrs []*wireError
}

// wireError is an error as it crosses the process boundary: its *parser.Error
// position, its message and the sentinels it wraps.
type wireError struct {
	Positioned bool // a *parser.Error: File, Page, Row set
	File       string
	Page, Row  int
	Msg        string // the message of the wrapped error (of the whole error when not Positioned)
	Sentinels  []int  // indexes into sentinels
}

// sentinels are the errors whose identity survives the crossing.
var sentinels = []error{
	parser.ErrEmpty, parser.ErrUnknownFormat, parser.ErrMalformed, parser.ErrEncrypted,
	parser.ErrNoPages, parser.ErrNoContent, parser.ErrTooLarge, parser.ErrPageRange,
}

func toWire(err error) *wireError {
	if err == nil {
		return nil
	}
	w := &wireError{Msg: err.Error()}
	var pe *parser.Error
	if errors.As(err, &pe) && pe.Err != nil {
		w.Positioned, w.File, w.Page, w.Row, w.Msg = true, pe.File, pe.Page, pe.Row, pe.Err.Error()
	}
	for i, s := range sentinels {
		if errors.Is(err, s) {
			w.Sentinels = append(w.Sentinels, i)
		}
	}
	return w
}

func (w *wireError) toError() error {
	if w == nil {
		return nil
	}
	inner := &remoteError{msg: w.Msg}
	for _, i := range w.Sentinels {
		if i >= 0 && i < len(sentinels) {
			inner.is = append(inner.is, sentinels[i])
		}
	}
	if w.Positioned {
		return &parser.Error{File: w.File, Page: w.Page, Row: w.Row, Err: inner}
	}
	return inner
}

// remoteError is an error made in the child: its message, and the
// sentinels errors.Is finds in it.
type remoteError struct {
	msg string
	is  []error
}

func (e *remoteError) Error() string   { return e.msg }
func (e *remoteError) Unwrap() []error { return e.is }

// isParseChild reports whether this process was started as a parse child.
func isParseChild() bool { return os.Getenv(childEnv) == "1" }

// parseChild is the child's main: one request in, one reply out.
func parseChild(stdin io.Reader, stdout, stderr io.Writer) int {
	var req parseRequest
	if err := gob.NewDecoder(bufio.NewReader(stdin)).Decode(&req); err != nil {
		fmt.Fprintf(stderr, "agreements: parse child: reading the request: %v\n", err)
		return exitFail
	}
	if req.Memory > 0 {
		limitMemory(req.Memory)
	}
	debug.SetMaxStack(maxStack)
	switch req.Test {
	case "hang":
		select {}
	case "crash":
		var grow func(int) int
		grow = func(n int) int { return grow(n+1) + 1 }
		grow(0)
	case "oom":
		var keep [][]byte
		for len(keep) >= 0 {
			keep = append(keep, bytes.Repeat([]byte{1}, 64<<20))
		}
		fmt.Fprintln(stderr, len(keep))
	case "garbage":
		fmt.Fprint(stdout, "not a reply")
		return exitOK
	}
	doc, err := parseDocumentWith(req.Name, req.Data, readOpts{pages: req.Pages, password: req.Password})
	req.Data = nil
	var rep parseReply
	rep.Err = toWire(err)
	if doc != nil {
		for _, pe := range doc.PageErrors {
			rep.PageErrs = append(rep.PageErrs, toWire(pe))
		}
		doc.PageErrors = nil
		rep.Doc = doc
	}
	w := bufio.NewWriter(stdout)
	if err := gob.NewEncoder(w).Encode(&rep); err != nil {
		fmt.Fprintf(stderr, "agreements: parse child: writing the reply: %v\n", err)
		return exitFail
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "agreements: parse child: writing the reply: %v\n", err)
		return exitFail
	}
	return exitOK
}

// limitMemory bounds the process's address space to what it has reserved
// now plus extra bytes: the runtime reserves address space ahead of use,
// so the bound is relative to that.
func limitMemory(extra int64) {
	base := int64(0)
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for l := range strings.Lines(string(b)) {
			if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmSize:" {
				kb, _ := strconv.ParseInt(f[1], 10, 64)
				base = kb << 10
			}
		}
	}
	if base == 0 {
		return
	}
	lim := uint64(base + extra)
	_ = syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: lim, Max: lim})
}

// parseIsolated parses one input in a child process under the bounds for
// its size. A child that dies or runs out of time is an error naming the
// file.
func parseIsolated(name string, b []byte, pages []int) (*parser.Document, error) {
	return parseIsolatedWith(name, b, readOpts{pages: pages})
}

// parseIsolatedWith is parseIsolated with a password for protected PDFs.
func parseIsolatedWith(name string, b []byte, ro readOpts) (*parser.Document, error) {
	return parseInChild(parseRequest{Name: name, Pages: ro.pages, Password: ro.password, Data: b}, limitsFor(len(b)))
}

func parseInChild(req parseRequest, lim parseLimits) (*parser.Document, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, &parser.Error{File: req.Name, Err: fmt.Errorf("starting the reader: %w", err)}
	}
	req.Memory = lim.Memory
	ctx, cancel := context.WithTimeout(context.Background(), lim.Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	var out bytes.Buffer
	errBuf := &headBuffer{max: 16 << 10}
	cmd.Stdout, cmd.Stderr = &out, errBuf
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, &parser.Error{File: req.Name, Err: fmt.Errorf("starting the reader: %w", err)}
	}
	if err := cmd.Start(); err != nil {
		return nil, &parser.Error{File: req.Name, Err: fmt.Errorf("starting the reader: %w", err)}
	}
	werr := gob.NewEncoder(in).Encode(&req)
	in.Close()
	err = cmd.Wait()
	if ctx.Err() != nil {
		return nil, &parser.Error{File: req.Name, Err: fmt.Errorf("%w: reading it took longer than the %s allowed for its size; stopped",
			parser.ErrTooLarge, lim.Timeout)}
	}
	if err != nil {
		return nil, &parser.Error{File: req.Name, Err: childDeath(err, errBuf.String(), lim)}
	}
	if werr != nil {
		return nil, &parser.Error{File: req.Name, Err: fmt.Errorf("handing the input to the reader: %w", werr)}
	}
	var rep parseReply
	if err := gob.NewDecoder(&out).Decode(&rep); err != nil {
		return nil, &parser.Error{File: req.Name, Err: fmt.Errorf("%w: the reader gave no usable result (%v)", parser.ErrMalformed, err)}
	}
	if rep.Err != nil {
		return nil, rep.Err.toError()
	}
	if rep.Doc == nil {
		return nil, &parser.Error{File: req.Name, Err: fmt.Errorf("%w: the reader gave no document", parser.ErrMalformed)}
	}
	for _, w := range rep.PageErrs {
		rep.Doc.PageErrors = append(rep.Doc.PageErrors, w.toError())
	}
	return rep.Doc, nil
}

// childDeath says why a child ended without a reply, from its exit and the
// end of what it wrote to stderr.
func childDeath(err error, stderr string, lim parseLimits) error {
	first := ""
	for l := range strings.Lines(stderr) {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "fatal error:") || strings.HasPrefix(l, "panic:") || strings.HasPrefix(l, "runtime:") {
			first = l
			break
		}
	}
	switch {
	case strings.Contains(stderr, "out of memory"), strings.Contains(stderr, "cannot allocate memory"):
		return fmt.Errorf("%w: reading it needed more than the %d MiB of memory allowed for its size; stopped",
			parser.ErrTooLarge, lim.Memory>>20)
	case strings.Contains(stderr, "stack overflow"), strings.Contains(stderr, "stack exceeds"):
		return fmt.Errorf("%w: its structure nests too deeply to be read (the reader's stack ran out)", parser.ErrMalformed)
	case first != "":
		return fmt.Errorf("%w: the reader stopped on it (%s)", parser.ErrMalformed, first)
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return fmt.Errorf("%w: the reader was ended by signal %s", parser.ErrMalformed, ws.Signal())
		}
	}
	return fmt.Errorf("%w: the reader stopped on it (%v)", parser.ErrMalformed, err)
}

// headBuffer keeps the first max bytes written to it: a runtime error's
// first lines say what happened, its goroutine dump does not.
type headBuffer struct {
	max int
	buf bytes.Buffer
}

func (t *headBuffer) Write(p []byte) (int, error) {
	if room := t.max - t.buf.Len(); room > 0 {
		t.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (t *headBuffer) String() string { return t.buf.String() }
