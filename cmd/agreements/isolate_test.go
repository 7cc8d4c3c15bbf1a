package main

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
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
