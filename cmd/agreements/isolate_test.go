package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/parser/parsertest"
)

// TestMain lets the test binary serve as the parse child, as the program
// does: inputs parsed by the commands under test go through it.
func TestMain(m *testing.M) {
	if isParseChild() {
		os.Exit(parseChild(os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func TestParseInChildBounds(t *testing.T) {
	pdf, err := os.ReadFile("../../fixtures/tohoku-university-libreoffice/input.pdf")
	require.NoError(t, err)
	tests := []struct {
		name, test string
		lim        parseLimits
		sentinel   error
		msg        string
	}{
		{"hang", "hang", parseLimits{Timeout: 300 * time.Millisecond}, parser.ErrTooLarge, "took longer than the 300ms allowed"},
		{"stack", "crash", parseLimits{Timeout: time.Minute}, parser.ErrMalformed, "nests too deeply"},
		{"memory", "oom", parseLimits{Memory: 256 << 20, Timeout: time.Minute}, parser.ErrTooLarge, "more than the 256 MiB of memory"},
		{"garbage", "garbage", parseLimits{Timeout: time.Minute}, parser.ErrMalformed, "no usable result"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parseInChild(parseRequest{Name: "in.pdf", Data: pdf, Test: tt.test}, tt.lim)
			assert.Nil(t, doc)
			var pe *parser.Error
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "in.pdf", pe.File)
			assert.ErrorIs(t, err, tt.sentinel)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
}

// TestParseInChildWholeReply: a whole reply is the document, whatever the
// child does after it. Given where to wait for its end (exits), the
// command makes the records without waiting for the child to end (the
// release of all it read), which the time bound here would end as a read
// that took too long; the child's end is waited for there (here, ended
// by the time bound).
func TestParseInChildWholeReply(t *testing.T) {
	pdf, err := os.ReadFile("../../fixtures/tohoku-university-libreoffice/input.pdf")
	require.NoError(t, err)
	want, err := parseDocument("in.pdf", pdf, nil)
	require.NoError(t, err)
	var exits sync.WaitGroup
	got, err := parseInChild(parseRequest{Name: "in.pdf", Data: pdf, Test: "linger", exits: &exits}, parseLimits{Timeout: 3 * time.Second})
	require.NoError(t, err)
	assert.Equal(t, string(parser.Dump(want)), string(parser.Dump(got)))
	exits.Wait() // (returns: the child was ended)

	_, err = parseInChild(parseRequest{Name: "in.pdf", Data: pdf, Test: "linger"}, parseLimits{Timeout: 300 * time.Millisecond})
	assert.ErrorIs(t, err, parser.ErrTooLarge, "waited for at once, a child that does not end is ended")
}

func TestParseInChildErrors(t *testing.T) {
	// The error of a file that cannot be read keeps its position, message
	// and sentinel across the process boundary.
	b := []byte("%PDF-1.7\nnot really\n%%EOF\n")
	_, want := parseDocument("x.pdf", b, nil)
	require.Error(t, want)
	_, got := parseIsolated("x.pdf", b, nil)
	require.Error(t, got)
	assert.Equal(t, want.Error(), got.Error())
	assert.ErrorIs(t, got, parser.ErrMalformed)
	var pe *parser.Error
	require.ErrorAs(t, got, &pe)
	assert.Equal(t, "x.pdf", pe.File)

	// A document comes back whole, page errors included.
	in, err := os.ReadFile("../../fixtures/bad-page/input.pdf")
	require.NoError(t, err)
	wantDoc, err := parseDocument("bad.pdf", in, nil)
	require.NoError(t, err)
	gotDoc, err := parseIsolated("bad.pdf", in, nil)
	require.NoError(t, err)
	assert.Equal(t, string(parser.Dump(wantDoc)), string(parser.Dump(gotDoc)))
	require.Len(t, gotDoc.PageErrors, len(wantDoc.PageErrors))
	for i := range wantDoc.PageErrors {
		assert.Equal(t, wantDoc.PageErrors[i].Error(), gotDoc.PageErrors[i].Error())
		assert.True(t, errors.Is(gotDoc.PageErrors[i], parser.ErrMalformed) == errors.Is(wantDoc.PageErrors[i], parser.ErrMalformed))
	}
}

// TestReservedMemory: the address space the child's memory bound is set
// over is VmSize, as /proc/self/status says it.
func TestReservedMemory(t *testing.T) {
	vmSize := func() int64 {
		b, err := os.ReadFile("/proc/self/status")
		require.NoError(t, err)
		for l := range strings.Lines(string(b)) {
			if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmSize:" {
				kb, err := strconv.ParseInt(f[1], 10, 64)
				require.NoError(t, err)
				return kb << 10
			}
		}
		t.Fatal("no VmSize in /proc/self/status")
		return 0
	}
	// Another goroutine may reserve more between two reads: the value read
	// lies between the one before and the one after.
	before := vmSize()
	got := reservedMemory()
	after := vmSize()
	assert.LessOrEqual(t, before, got)
	assert.LessOrEqual(t, got, after)
	assert.Positive(t, got)
}

// TestHandedFile: the command hands a PDF or an HTML page in a regular file
// to the parse child without reading it whole, exactly when parser.Detect
// finds one in its first handedHead bytes, and then finds the same in the
// whole file; anything else is read whole as before.
func TestHandedFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, b, 0o644))
		return p
	}
	pdfBytes, err := os.ReadFile("../../fixtures/tohoku-university-libreoffice/input.pdf")
	require.NoError(t, err)
	tests := []struct {
		name string
		path string
	}{
		{"pdf", write("a.pdf", pdfBytes)},
		{"leading garbage", write("b.pdf", append(bytes.Repeat([]byte("x"), 900), pdfBytes...))},
		{"header past the first KiB", write("c.pdf", append(bytes.Repeat([]byte("x"), 1100), pdfBytes...))},
		{"html", write("d.html", []byte("<html><table><tr><td>a</td></tr></table></html>"))},
		{"html after a BOM and white space", write("d2.html", []byte("\xef\xbb\xbf \n<!DOCTYPE html><p>a</p>"))},
		{"markup past the head", write("d3.html", append(bytes.Repeat([]byte(" "), handedHead), "<html><p>a</p></html>"...))},
		{"tag past the head", write("d4.html", append(append([]byte("<x>"), bytes.Repeat([]byte("y"), handedHead)...), "<html>"...))},
		{"workbook", write("w.xlsx", parsertest.Zip(t, "xl/workbook.xml"))},
		{"text", write("t.txt", []byte("Kyoto University"))},
		{"empty", write("e.pdf", nil)},
		{"tiny", write("f.pdf", []byte("%PDF-"))},
		{"directory", dir},
		{"missing", filepath.Join(dir, "none.pdf")},
		{"stdin", "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, _ := os.ReadFile(tt.path)
			head := b[:min(len(b), handedHead)]
			want := tt.path != "-" && len(b) > 0 && leanFormat(head)
			f, size, format := handedFile(tt.path)
			if !want {
				assert.Nil(t, f)
				assert.Empty(t, format)
				return
			}
			require.NotNil(t, f)
			defer f.Close()
			assert.Equal(t, len(b), size)
			assert.Equal(t, parser.Detect(head), format)
			assert.Equal(t, parser.Detect(b), parser.Detect(head), "the whole file is what its head says")
		})
	}
}

// TestChildEnviron: the child's environment is the command's with the
// child's variables set once, whatever the command's said of them (a
// child's runtime keeps the first of two settings).
func TestChildEnviron(t *testing.T) {
	t.Setenv(childEnv, "0")
	t.Setenv(stampEnv, "another")
	t.Setenv("AGREEMENTS_TEST_KEPT", "yes")
	var child, stamp []string
	kept := false
	for _, kv := range childEnviron() {
		switch {
		case strings.HasPrefix(kv, childEnv+"="):
			child = append(child, kv)
		case strings.HasPrefix(kv, stampEnv+"="):
			stamp = append(stamp, kv)
		case kv == "AGREEMENTS_TEST_KEPT=yes":
			kept = true
		}
	}
	assert.Equal(t, []string{childEnv + "=1"}, child)
	assert.Equal(t, []string{stampEnv + "=" + buildStamp}, stamp)
	assert.True(t, kept, "the command's other variables are the child's")
}

// TestChildEnd: a child's end is said from its exit status or the signal
// that ended it, as os/exec said it.
func TestChildEnd(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	tests := []struct{ script, want string }{
		{"exit 0\n", ""},
		{"exit 7\n", "the reader stopped on it (exit status 7)"},
		{"kill -9 $$\n", "the reader was ended by signal killed"},
	}
	for _, tt := range tests {
		var errOut bytes.Buffer
		c, err := startChild(sh, os.Environ(), nil, &errOut, time.Minute)
		require.NoError(t, err)
		_, err = c.in.WriteString(tt.script)
		require.NoError(t, err)
		c.in.Close()
		_, _ = io.Copy(io.Discard, c.out)
		err = c.wait()
		assert.False(t, c.timedOut.Load())
		if tt.want == "" {
			assert.NoError(t, err)
			continue
		}
		var ce *childExit
		require.ErrorAs(t, err, &ce)
		assert.Contains(t, childDeath(err, errOut.String(), parseLimits{}).Error(), tt.want)
	}

	// A child that outlives its time is killed, and said to have.
	c, err := startChild(sh, os.Environ(), nil, io.Discard, 100*time.Millisecond)
	require.NoError(t, err)
	_, _ = c.in.WriteString("exec sleep 30\n")
	_, _ = io.Copy(io.Discard, c.out)
	err = c.wait()
	c.in.Close()
	assert.True(t, c.timedOut.Load())
	var ce *childExit
	require.ErrorAs(t, err, &ce)
}

// TestOneProc: a PDF's child starts on one processor unless GOMAXPROCS is
// set; it takes the runtime's default for more than one page to read, and
// keeps one for one.
func TestOneProc(t *testing.T) {
	t.Setenv("GOMAXPROCS", "3")
	assert.False(t, oneProcFor(parser.FormatPDF), "GOMAXPROCS set: the child keeps it")
	os.Unsetenv("GOMAXPROCS")
	assert.True(t, oneProcFor(parser.FormatPDF))
	assert.False(t, oneProcFor(parser.FormatHTML))
	assert.False(t, oneProcFor(parser.FormatXLSX))

	before := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(before)
	runtime.SetDefaultGOMAXPROCS()
	def := runtime.GOMAXPROCS(1)
	oneProcReading(1)
	assert.Equal(t, 1, runtime.GOMAXPROCS(0), "one page: one processor")
	oneProcReading(4)
	assert.Equal(t, def, runtime.GOMAXPROCS(0), "several pages: the default")
}
