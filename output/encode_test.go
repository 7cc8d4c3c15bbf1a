package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
)

// jsonRecord is a record as encoding/json writes it with HTML escaping
// off, nil lists as []: the encoding appendRecord must give byte for byte.
func jsonRecord(t testing.TB, r agreement.Record) string {
	if r.Flags == nil {
		r.Flags = []string{}
	}
	if r.Repairs == nil {
		r.Repairs = []string{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(r))
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

// TestAppendRecordGoldens: every record of every golden file encodes as
// encoding/json encodes it.
func TestAppendRecordGoldens(t *testing.T) {
	goldens, err := filepath.Glob("../fixtures/*/records.golden.ndjson")
	require.NoError(t, err)
	require.NotEmpty(t, goldens)
	n := 0
	for _, g := range goldens {
		f, err := os.Open(g)
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			var r agreement.Record
			require.NoError(t, json.Unmarshal(sc.Bytes(), &r), g)
			want := jsonRecord(t, r)
			if !assert.Equal(t, want, string(appendRecord(nil, &r)), g) {
				break
			}
			assert.Equal(t, sc.Text(), want, "%s: the golden line is encoding/json's", g)
			n++
		}
		require.NoError(t, sc.Err())
		f.Close()
	}
	assert.Greater(t, n, 1000)
}

// randomText is a string of pieces that each take their own path through
// the encoding: plain ASCII, quotes and backslashes, every control
// character, HTML's specials, multi-byte UTF-8, U+2028/U+2029, bytes that
// are not UTF-8 (alone, cut short, at the end).
func randomText(rng *rand.Rand) string {
	pieces := []string{"", "a", "Tohoku University", `"`, `\`, "<", ">", "&", "\u007f", "é", "東北大学", "\u2028", "\u2029",
		"\u2027", "\u202a", "\xff", "\xe6\x9d", "\xc3", "\xed\xa0\x80", "\U0001F600", "\ufffd", " ", "/", "\u00a0"}
	var b []byte
	for range rng.IntN(12) {
		if rng.IntN(4) == 0 {
			b = append(b, byte(rng.IntN(0x20)))
			continue
		}
		b = append(b, pieces[rng.IntN(len(pieces))]...)
	}
	return string(b)
}

// TestAppendRecordRandom: records of random strings, lists and numbers
// encode as encoding/json encodes them.
func TestAppendRecordRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 1))
	list := func() []string {
		switch rng.IntN(4) {
		case 0:
			return nil
		case 1:
			return []string{}
		}
		l := make([]string, 1+rng.IntN(3))
		for i := range l {
			l[i] = randomText(rng)
		}
		return l
	}
	for range 20000 {
		r := agreement.Record{
			Schema: randomText(rng), ID: randomText(rng), HomeInstitution: randomText(rng), Level: randomText(rng),
			Region: randomText(rng), Country: randomText(rng), CountryCode: randomText(rng), Partner: randomText(rng),
			PartnerUnit: randomText(rng), HomeUnit: randomText(rng), Signed: randomText(rng), FeeWaiver: rng.IntN(2) == 0,
			AgreementType: randomText(rng), ValidUntil: randomText(rng), Flags: list(), PartnerAlt: randomText(rng),
			AsOf: randomText(rng), Repairs: list(),
			Source: agreement.Source{File: randomText(rng), SHA256: randomText(rng), Format: randomText(rng),
				Page: rng.IntN(3000) - 1000, Row: int(rng.Int64()) * (1 - 2*rng.IntN(2))},
		}
		if !assert.Equal(t, jsonRecord(t, r), string(appendRecord(nil, &r))) {
			return
		}
	}
}

// FuzzAppendRecord: any partner, flag and repair text encodes as
// encoding/json encodes it.
func FuzzAppendRecord(f *testing.F) {
	f.Add("École Centrale de Lyon", "fee_waiver", "date:YYYY.M.D", 3)
	f.Add("a\u2028b\x00\"\\<>&", "\xff", "\xe6\x9d", -1)
	f.Fuzz(func(t *testing.T, partner, flag, repair string, row int) {
		r := sample()
		r.Partner, r.Flags, r.Repairs, r.Source.Row = partner, []string{flag}, []string{repair, partner}, row
		assert.Equal(t, jsonRecord(t, r), string(appendRecord(nil, &r)))
	})
}

// BenchmarkWriteNDJSON: records written as NDJSON.
func BenchmarkWriteNDJSON(b *testing.B) {
	recs := make([]agreement.Record, 1000)
	for i := range recs {
		recs[i] = sample()
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := WriteAll(&buf, FormatNDJSON, recs); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
