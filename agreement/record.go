// Package agreement is the canonical agreement record (schema agreement/v1),
// its provenance and identity, and the typed result of reading one document.
package agreement

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Schema is the version tag every record carries.
const Schema = "agreement/v1"

// Levels of agreement.
const (
	LevelUniversity = "university"
	LevelDepartment = "department"
)

// Record is one agreement between the home institution and one partner, in
// the contract's field order.
type Record struct {
	Schema          string   `json:"schema"`
	ID              string   `json:"id"`
	HomeInstitution string   `json:"home_institution"`
	Level           string   `json:"level"`
	Region          string   `json:"region"`
	Country         string   `json:"country"`
	CountryCode     string   `json:"country_code"`
	Partner         string   `json:"partner"`
	PartnerUnit     string   `json:"partner_unit"`
	HomeUnit        string   `json:"home_unit"`
	Signed          string   `json:"signed"`
	FeeWaiver       bool     `json:"fee_waiver"`
	AgreementType   string   `json:"agreement_type"`
	ValidUntil      string   `json:"valid_until"`
	Flags           []string `json:"flags"`
	PartnerAlt      string   `json:"partner_alt"`
	AsOf            string   `json:"as_of"`
	Source          Source   `json:"source"`
	Repairs         []string `json:"repairs"`
}

// Source is a record's provenance.
type Source struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
	Format string `json:"format"`
	Page   int    `json:"page"`
	Row    int    `json:"row"`
}

// ComputeID derives the record's stable identity from the fields the
// contract names, after normalisation: NFKC, case folded, whitespace folded.
// The same agreement keeps its id when its date, flags, page or row change.
func ComputeID(r Record) string {
	h := sha256.New()
	var buf [256]byte
	for _, f := range []string{r.HomeInstitution, r.Level, r.CountryCode, r.Partner, r.PartnerUnit, r.HomeUnit} {
		if k, ok := idKeyASCII(buf[:0], f); ok {
			h.Write(k)
		} else {
			h.Write([]byte(idKey(f)))
		}
		h.Write([]byte{0x1f})
	}
	var sum [sha256.Size]byte
	var out [16]byte
	hex.Encode(out[:], h.Sum(sum[:0])[:8])
	return string(out[:])
}

// idKeyASCII appends idKey(s) to b when s is ASCII (NFKC leaves it as it
// is), without allocating; ok is false for any other s.
func idKeyASCII(b []byte, s string) (key []byte, ok bool) {
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return nil, false
		case c == ' ' || '\t' <= c && c <= '\r':
			space = true
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = append(b, c)
	}
	return b, true
}

func idKey(s string) string {
	s = norm.NFKC.String(s)
	s = strings.ToLower(s)
	return strings.Join(strings.Fields(s), " ")
}

// HasFlag reports whether the record carries flag f.
func (r Record) HasFlag(f string) bool {
	for _, x := range r.Flags {
		if x == f {
			return true
		}
	}
	return false
}
