package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chunkReader gives its data n bytes a read at most, then err (io.EOF
// when nil).
type chunkReader struct {
	data []byte
	n    int
	err  error
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		if r.err != nil {
			return 0, r.err
		}
		return 0, io.EOF
	}
	k := min(len(p), r.n, len(r.data))
	copy(p, r.data[:k])
	r.data = r.data[k:]
	return k, nil
}

// type1Program is a Type 1 font program's shape: a clear-text part with
// an encoding, "eexec", and the encrypted part (here any bytes), with
// "eexec" placed at the start, in the middle, twice or not at all.
func type1Program(rng *rand.Rand, shape int) []byte {
	var b bytes.Buffer
	if shape == 0 {
		b.WriteString("eexec ")
	}
	b.WriteString("%!PS-AdobeFont-1.0: CMR10\n/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\n")
	for range rng.IntN(40) {
		fmt.Fprintf(&b, "dup %d /g%d put\n", rng.IntN(300), rng.IntN(50))
	}
	b.WriteString("readonly def\n")
	if shape != 3 {
		b.WriteString("currentfile eexec\n")
	}
	tail := make([]byte, rng.IntN(3000))
	for i := range tail {
		tail[i] = byte(rng.IntN(256))
	}
	b.Write(tail)
	if shape == 2 {
		b.WriteString("dup 7 /late put eexec dup 8 /later put")
	}
	return b.Bytes()
}

// The clear-text part read up to its "eexec" gives the encoding that the
// whole program gives, whatever the reads' sizes, wherever "eexec" is,
// and when the program is cut short by an error.
func TestType1ClearAsWhole(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 1))
	for i := range 400 {
		prog := type1Program(rng, i%4)
		var readErr error
		if i%5 == 0 {
			readErr = errors.New("cut short")
		}
		var whole []byte
		wholeErr := readUntil(&whole, &chunkReader{data: prog, n: 1 + rng.IntN(5000), err: readErr}, 0, nil)
		part := make([]byte, 0, 1+rng.IntN(64))
		partErr := readUntil(&part, &chunkReader{data: prog, n: 1 + rng.IntN(700), err: readErr}, 0, clearTextRead())
		require.Equal(t, prog, whole)
		assert.True(t, bytes.HasPrefix(whole, part))
		assert.Equal(t, type1Encoding(whole), type1Encoding(part), "program %d", i)
		if len(part) == len(whole) {
			assert.Equal(t, wholeErr, partErr)
		}
	}
}

// A standard encoding's names read through a worker's memo give
// textForName's texts, for fonts that share the encoding or override
// some of its codes, in any order.
func TestNameTextAsTextForName(t *testing.T) {
	sb := &streamBuf{}
	encs := []*[256]string{&winAnsiEncoding, &macRomanEncoding, &standardEncoding, &symbolEncoding, &zapfDingbatsEncoding}
	rng := rand.New(rand.NewPCG(16, 2))
	other := [256]string{}
	for c := range other {
		other[c] = fmt.Sprintf("uni%04X", 0x4E00+c)
	}
	for range 3 {
		for _, enc := range append(encs, &other, nil) {
			for _, c := range rng.Perm(256) {
				name := ""
				if enc != nil {
					name = enc[c]
				}
				if rng.IntN(4) == 0 {
					name = []string{"fi", "uni00E9", "f_f_i", "a.sc", "bogus", "A"}[rng.IntN(6)] // a /Differences entry
				}
				if name == "" {
					continue
				}
				assert.Equal(t, textForName(name), sb.nameText(enc, c, name), "code %d name %q", c, name)
				assert.Equal(t, textForName(name), (*streamBuf)(nil).nameText(enc, c, name))
			}
		}
	}
	assert.Len(t, sb.encTexts, len(encs))
}
