package agreement

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// computeIDRef is ComputeID as the contract writes it: the hash of each
// field's idKey, each followed by 0x1f.
func computeIDRef(r Record) string {
	h := sha256.New()
	for _, f := range []string{r.HomeInstitution, r.Level, r.CountryCode, r.Partner, r.PartnerUnit, r.HomeUnit} {
		h.Write([]byte(idKey(f)))
		h.Write([]byte{0x1f})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// TestComputeIDFolding: ComputeID's byte-by-byte folding of ASCII text
// gives the ids the NFKC, lower-case and white-space folding gives.
func TestComputeIDFolding(t *testing.T) {
	words := []string{"University", "of", "TOKYO", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "\u0085", "Ｔｏｋｙｏ",
		"大学", "É", "x", "-", "(KAIST)", "\x00", "\x7f"}
	r := rand.New(rand.NewPCG(9, 10))
	field := func() string {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(words[r.IntN(len(words))])
		}
		return b.String()
	}
	for range 5000 {
		rec := Record{HomeInstitution: field(), Level: field(), CountryCode: field(), Partner: field(), PartnerUnit: field(), HomeUnit: field()}
		assert.Equal(t, computeIDRef(rec), ComputeID(rec), "%+v", rec)
	}
	long := Record{Partner: strings.Repeat("Long Name ", 100)}
	assert.Equal(t, computeIDRef(long), ComputeID(long))
}
