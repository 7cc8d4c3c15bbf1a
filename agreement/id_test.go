package agreement

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestComputeIDASCII: the byte-by-byte key of an ASCII field is the key
// NFKC, lower-casing and folding white space give, so ids stay as they
// were.
func TestComputeIDASCII(t *testing.T) {
	in := []string{"", " ", "Tohoku University", "  Tohoku\tUniversity \n", "TOHOKU  UNIVERSITY", "a\vb\fc\rd",
		"x\x00y\x1fz\x7f", strings.Repeat("Long Name ", 40), "Université de Lyon", "東北大学", "ＫＡＩＳＴ", "a\u00a0b"}
	for c := range 0x80 {
		in = append(in, "A"+string(rune(c))+"b "+string(rune(c)))
	}
	for _, s := range in {
		assert.Equal(t, idKey(s), string(appendIDKey(nil, s)), "%q", s)
	}
	for i := 0; i+5 < len(in); i++ {
		r := Record{HomeInstitution: in[i], Level: in[i+1], CountryCode: in[i+2], Partner: in[i+3], PartnerUnit: in[i+4], HomeUnit: in[i+5]}
		h := sha256.New()
		for _, f := range []string{r.HomeInstitution, r.Level, r.CountryCode, r.Partner, r.PartnerUnit, r.HomeUnit} {
			h.Write([]byte(idKey(f)))
			h.Write([]byte{0x1f})
		}
		assert.Equal(t, hex.EncodeToString(h.Sum(nil))[:16], ComputeID(r))
	}
}
