package pdf

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestLigaturesWrittenLittleEndian: Ghostscript writes a ligature's text
// in a ToUnicode map little-endian, a three-letter one as its first letter
// and the sum of the other two; they read as the letters. Destinations
// written right, and an ideograph whose low byte is zero, read as written.
func TestLigaturesWrittenLittleEndian(t *testing.T) {
	m := parseCMap([]byte(`/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <00> <ff> endcodespacerange
8 beginbfchar
<1c> <66006900>
<4a> <66006600>
<4b> <6600cf00>
<4c> <6600d200>
<4d> <00660069>
<4e> <4e00>
<4f> <4e004e01>
<50> <6600>
endbfchar
endcmap end end`))
	require.Equal(t, map[uint32]string{
		0x1c: "fi", 0x4a: "ff", 0x4b: "ffi", 0x4c: "ffl", 0x4d: "fi",
		0x4e: "一", 0x4f: "一丁", 0x50: "昀",
	}, m.uni)
}
