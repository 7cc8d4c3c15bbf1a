package agreement

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/unicode/norm"
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

// idTexts are texts beyond ASCII in the shapes ids are made of, and
// random texts of the pieces that could tell the folding apart from
// NFKC, strings.ToLower and strings.Fields: full-width letters and
// spaces, runes that lower to ASCII or change length (U+0130, U+212A,
// U+023A), spaces beyond ASCII, combining marks, ligatures, bytes that
// are not UTF-8.
func idTexts() []string {
	texts := []string{"東北大学", "ＫＡＩＳＴ", "Université de Lyon", "İSTANBUL ÜNİVERSİTESİ", "a\u00a0b", "　東北　大学　", "\xff",
		"e\u0301cole", "ﬁnance", "STRAẞE", "Ⱥ", "\u212Aelvin", "\u2028x\u2029", "\u0085a\u1680b\u3000"}
	pieces := []string{"東北", "大学", "Ｕ", "ｕ", "　", "\u00a0", " ", "\t", "\u0085", "\u1680", "\u2028", "İ", "\u212A", "Ⱥ", "ẞ",
		"\u0301", "e", "E", "ﬁ", "\xff", "\xe6\x9d", "\uFFFD", "ǅ", "Σ", "①", "㍿", "ｶﾞ", "\x00",
		"か", "\u3099", "\u309a", "ア", "ー", "ヽ", "한", "\u11a8", "\u2f00"}
	r := rand.New(rand.NewPCG(16, 8))
	for range 20000 {
		var b strings.Builder
		for n := 1 + r.IntN(10); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// TestComputeIDBeyondASCII: the key of a text beyond ASCII folded rune
// by rune is the key NFKC, lower-casing and folding white space give.
func TestComputeIDBeyondASCII(t *testing.T) {
	for _, s := range idTexts() {
		if !assert.Equal(t, idKey(s), string(appendIDKey(nil, s)), "%q", s) {
			return
		}
	}
	assert.Equal(t, "x\x1fy ", string(appendIDKey([]byte("x\x1f"), "Y\u3000")[:3])+" ")
}

// FuzzIDKey: any text, as TestComputeIDBeyondASCII.
func FuzzIDKey(f *testing.F) {
	for _, s := range idTexts()[:30] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assert.Equal(t, idKey(s), string(appendIDKey(nil, s)), "%q", s)
	})
}

// BenchmarkComputeID: the ids of records in English and in Japanese.
func BenchmarkComputeID(b *testing.B) {
	recs := []Record{
		{HomeInstitution: "Tohoku University", Level: LevelUniversity, CountryCode: "CN", Partner: "Peking University", PartnerUnit: "School of Law"},
		{HomeInstitution: "東北大学", Level: LevelDepartment, CountryCode: "KR", Partner: "ソウル大学校", PartnerUnit: "工学部", HomeUnit: "工学研究科"},
	}
	for _, r := range recs {
		b.Run(r.Partner, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ComputeID(r)
			}
		})
	}
}

// TestIDMaker: ids made one record after another, the shared fields kept
// from the record before, are ComputeID's, whichever fields change.
func TestIDMaker(t *testing.T) {
	in := []string{"", "Tohoku University", "東北大学", "TOHOKU  UNIVERSITY", "ＫＡＩＳＴ", "university", "department", "CN", "FR",
		"University of Example 1", "Université de Lyon", "Faculty of Arts", "工学研究科", "a\u00a0b"}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func() string { return in[rng.IntN(len(in))] }
	var m IDMaker
	r := Record{HomeInstitution: "Tohoku University", Level: "university", CountryCode: "CN"}
	for range 2000 {
		switch rng.IntN(4) {
		case 0:
			r.HomeInstitution, r.Level, r.CountryCode = pick(), pick(), pick()
		case 1:
			r.CountryCode = pick()
		}
		r.Partner, r.PartnerUnit, r.HomeUnit = pick(), pick(), pick()
		assert.Equal(t, ComputeID(r), m.ID(&r), "%+v", r)
	}
}

// TestKanaCJK: every rune kanaCJK reports is in NFKC alone and combines
// with nothing before it (as no ASCII character does), is its own lower
// case and no white space; texts of them and ASCII are in NFKC.
func TestKanaCJK(t *testing.T) {
	for c := range utf8.RuneSelf {
		if s := string(rune(c)); !norm.NFKC.IsNormalString(s) || !norm.NFKC.PropertiesString(s).BoundaryBefore() {
			t.Fatalf("%U", c)
		}
	}
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !kanaCJK(r) {
			continue
		}
		n++
		s := string(r)
		p := norm.NFKC.PropertiesString(s)
		if !norm.NFKC.IsNormalString(s) || !p.BoundaryBefore() || p.CCC() != 0 ||
			unicode.ToLower(r) != r || unicode.IsSpace(r) {
			t.Fatalf("%U", r)
		}
	}
	assert.Greater(t, n, 20000)
	assert.True(t, kanaCJK('東'))
	assert.True(t, kanaCJK('ー'))
	for _, r := range []rune{'\u3000', 'Ａ', '\u3099', '\u309b', '㍿', 'ｶ', 'ヽ', '한', '\uFFFD'} {
		assert.False(t, kanaCJK(r), "%U", r)
	}
	pieces := []string{"東北", "大学", "ア", "ー", "a", "Z", " ", "ぁ", "ゖ", "ヺ", "㐀", "\u9fff"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		var b strings.Builder
		for n := 1 + rng.IntN(8); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		assert.True(t, kanaCJKOnly(s), "%q", s)
		assert.Equal(t, len(s), norm.NFKC.QuickSpanString(s), "%q", s)
	}
	for _, s := range []string{"か\u3099", "東\u3000", "ｶﾞ", "㍿", "\xff", "東\xe6\x9d"} {
		assert.False(t, kanaCJKOnly(s), "%q", s)
	}
}
