// Package agreement is the canonical agreement record (schema agreement/v1),
// its provenance and identity, and the typed result of reading one document.
package agreement

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
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
	var buf [256]byte
	b := buf[:0]
	for _, f := range []string{r.HomeInstitution, r.Level, r.CountryCode, r.Partner, r.PartnerUnit, r.HomeUnit} {
		b = appendIDKey(b, f)
		b = append(b, 0x1f)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// IDMaker computes ids as ComputeID does, for records given one after the
// other: the folded key of the fields that most records share with the one
// before (the home institution, the level, the country's code) is kept
// from record to record rather than folded again. Its zero value is ready.
type IDMaker struct {
	inst, level, code string
	prefix            []byte // their keys, each followed by 0x1f
	buf               []byte
}

// ID returns ComputeID(*r).
func (m *IDMaker) ID(r *Record) string {
	if m.prefix == nil || r.HomeInstitution != m.inst || r.Level != m.level || r.CountryCode != m.code {
		m.prefix = m.prefix[:0]
		for _, f := range []string{r.HomeInstitution, r.Level, r.CountryCode} {
			m.prefix = append(appendIDKey(m.prefix, f), 0x1f)
		}
		m.inst, m.level, m.code = r.HomeInstitution, r.Level, r.CountryCode
	}
	b := append(m.buf[:0], m.prefix...)
	for _, f := range []string{r.Partner, r.PartnerUnit, r.HomeUnit} {
		b = append(appendIDKey(b, f), 0x1f)
	}
	m.buf = b
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

func idKey(s string) string {
	s = norm.NFKC.String(s)
	s = strings.ToLower(s)
	return strings.Join(strings.Fields(s), " ")
}

// appendIDKey appends idKey(s) to b. Text all in ASCII, which NFKC leaves
// as it is, is folded here byte by byte, to the same result; other text
// is put in NFKC (most is in it already, and is not copied) and folded
// rune by rune (appendFolded).
func appendIDKey(b []byte, s string) []byte {
	space := false
	start := len(b)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf: // (what was folded so far is folded again)
			if !kanaCJKOnly(s[i:]) && norm.NFKC.QuickSpanString(s) < len(s) {
				s = norm.NFKC.String(s)
			}
			return appendFolded(b[:start], s)
		case c == ' ' || '\t' <= c && c <= '\r':
			space = true
		default:
			if space && len(b) > start {
				b = append(b, ' ')
			}
			space = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
	}
	return b
}

// appendFolded appends to b what strings.ToLower and then strings.Fields
// joined by single spaces make of t: each rune lowered by unicode.ToLower
// (a byte that is not UTF-8 becomes U+FFFD, as strings.ToLower makes it),
// runs of white space (unicode.IsSpace, of the lowered rune) one space,
// none at either end.
func appendFolded(b []byte, t string) []byte {
	space := false
	start := len(b)
	for i := 0; i < len(t); {
		r, size := rune(t[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(t[i:])
		}
		i += size
		if !kanaCJK(r) {
			r = unicode.ToLower(r)
			if unicode.IsSpace(r) {
				space = true
				continue
			}
		}
		if space && len(b) > start {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, r)
	}
	return b
}

// kanaCJK reports a kana letter, the prolonged sound mark or a CJK
// ideograph of the two blocks most names use: runes in NFKC that combine
// with nothing before them, that unicode.ToLower leaves as they are and
// that are no white space (TestKanaCJK reads every one). Most runes of
// Japanese and Chinese names are, and are folded without the look-ups in
// Unicode's tables.
func kanaCJK(r rune) bool {
	switch {
	case r < 0x3041:
		return false
	case r <= 0x3096: // hiragana ぁ to ゖ
		return true
	case 0x30A1 <= r && r <= 0x30FA, r == 0x30FC: // katakana ァ to ヺ, ー
		return true
	case 0x3400 <= r && r <= 0x4DBF, 0x4E00 <= r && r <= 0x9FFF: // CJK ideographs, extension A and unified
		return true
	}
	return false
}

// kanaCJKOnly reports a text of ASCII and kanaCJK runes only: a text in
// NFKC (each rune is, and none combines with the one before it, as no
// ASCII character does either; a kana followed by a voiced sound mark
// would combine, but the mark is none of them).
func kanaCJKOnly(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !kanaCJK(r) {
			return false
		}
		i += size
	}
	return true
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
