package main

import (
	"bufio"
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requestSamples are requests of every shape: data in the stream or in
// the file, pages or none, a name and a password that are not UTF-8.
func requestSamples() []parseRequest {
	return []parseRequest{
		{Name: "in.pdf", Data: []byte("%PDF-1.7 ..."), OneProc: true},
		{Name: "", Data: nil},
		{Name: "-", Data: []byte("<html></html>"), QuietStart: true, Memory: 1 << 30},
		{Name: "協定一覧\x82\xa0.pdf", Pages: []int{1, 3, 4, 5, 20000}, Password: "s\xffcret", Size: 1234567, InFile: true, Memory: 512 << 20, Test: "hang"},
		{Name: "x.pdf", Pages: []int{-1, 0}, Data: bytes.Repeat([]byte{0}, 70000)},
	}
}

// TestRequestRoundTrip: what readRequest reads is what writeRequest
// wrote, byte for byte, and it reads nothing past the request's data.
func TestRequestRoundTrip(t *testing.T) {
	for _, req := range requestSamples() {
		var buf bytes.Buffer
		require.NoError(t, writeRequest(&buf, req))
		buf.WriteString("after")
		r := bufio.NewReader(&buf)
		got, err := readRequest(r)
		require.NoError(t, err)
		want := req
		if !want.InFile {
			want.Size = len(want.Data)
			if want.Data == nil {
				want.Data = []byte{}
			}
		}
		assert.Equal(t, want, got)
		rest, _ := r.Peek(5)
		assert.Equal(t, "after", string(rest))
	}
}

// TestRequestMalformed: a frame cut short, too long, or holding what
// writeRequest does not write is an error, never a panic or a huge
// allocation.
func TestRequestMalformed(t *testing.T) {
	var good bytes.Buffer
	require.NoError(t, writeRequest(&good, requestSamples()[3]))
	frame := good.Bytes()
	var quiet bytes.Buffer // its frame ends with OneProc and an empty Test
	require.NoError(t, writeRequest(&quiet, parseRequest{Name: "a", InFile: true, QuietStart: true, OneProc: true}))
	badFlag := bytes.Clone(quiet.Bytes())
	badFlag[len(badFlag)-2] = 7
	for name, in := range map[string][]byte{
		"empty":             nil,
		"cut in the length": {0x80},
		"cut in the frame":  frame[:len(frame)-3],
		"huge frame":        {0xff, 0xff, 0xff, 0xff, 0x0f},
		"flag not 0 or 1":   badFlag,
		"bytes left":        append([]byte{byte(len(frame))}, append(bytes.Clone(frame[1:]), 0)...),
		"page count huge":   {4, 0, 0xff, 0xff, 0x03},
		"data cut short":    {14, 0, 0, 0, 0x80, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'x'},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := readRequest(bufio.NewReader(bytes.NewReader(in)))
			assert.Error(t, err)
		})
	}
}

// FuzzReadRequest: any bytes read as a request either fail or, written
// again, read the same.
func FuzzReadRequest(f *testing.F) {
	for _, req := range requestSamples() {
		var buf bytes.Buffer
		require.NoError(f, writeRequest(&buf, req))
		f.Add(buf.Bytes())
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		req, err := readRequest(bufio.NewReader(bytes.NewReader(in)))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		require.NoError(t, writeRequest(&buf, req))
		again, err := readRequest(bufio.NewReader(&buf))
		require.NoError(t, err)
		assert.Equal(t, req, again)
	})
}
