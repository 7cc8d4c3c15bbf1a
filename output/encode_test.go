package output

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
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

// TestPlain8: the 8-byte test says what testing each byte says, for
// every byte in every place of a plain text, and two bad bytes at once.
func TestPlain8(t *testing.T) {
	plain := func(c byte) bool { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\' }
	base := []byte("Tohoku U")
	require.True(t, plain8(string(base)))
	for at := range 8 {
		for c := range 256 {
			s := bytes.Clone(base)
			s[at] = byte(c)
			if !assert.Equal(t, plain(byte(c)), plain8(string(s)), "byte %#x at %d", c, at) {
				return
			}
			for at2 := at + 1; at2 < 8; at2++ {
				for _, c2 := range []byte{0x00, 0x1f, 0x20, '"', '\\', 0x7f, 0x80, 0xff, 'a'} {
					s2 := bytes.Clone(s)
					s2[at2] = c2
					assert.Equal(t, plain(byte(c)) && plain(c2), plain8(string(s2)), "bytes %#x at %d, %#x at %d", c, at, c2, at2)
				}
			}
		}
	}
}

// TestWritersAsEncodingJSON: the NDJSON and JSON writers, encoding each
// record into their buffer's free part, write what encoding/json gives
// record by record, also for records larger than the buffer and records
// that fill it to the last byte; the CSV writer, reusing its row, writes
// what encoding/csv writes of each record's fields.
func TestWritersAsEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2))
	var recs []agreement.Record
	for i := range 3000 {
		r := sample()
		r.Partner = randomText(rng)
		r.Source.Row = i
		switch i % 500 {
		case 7:
			r.Partner = strings.Repeat("Long \"name\" ", 8000) // beyond the 64 KiB buffer
		case 8:
			r.Flags = nil
		}
		recs = append(recs, r)
	}
	var wantND, wantJSON strings.Builder
	var wantCSV bytes.Buffer
	cw := csv.NewWriter(&wantCSV)
	cw.UseCRLF = true
	require.NoError(t, cw.Write(CSVHeader))
	wantJSON.WriteString("[\n  ")
	for i, r := range recs {
		line := jsonRecord(t, r)
		wantND.WriteString(line + "\n")
		if i > 0 {
			wantJSON.WriteString(",\n  ")
		}
		wantJSON.WriteString(line)
		var row []string
		for _, f := range agreement.Fields() {
			row = append(row, f.Get(&r))
		}
		require.NoError(t, cw.Write(row))
	}
	wantJSON.WriteString("\n]\n")
	cw.Flush()
	for format, want := range map[string]string{FormatNDJSON: wantND.String(), FormatJSON: wantJSON.String(), FormatCSV: wantCSV.String()} {
		var buf bytes.Buffer
		require.NoError(t, WriteAll(&buf, format, recs))
		assert.Equal(t, want, buf.String(), format)
	}
}

// TestRecordRuns: records encoded one after the other, the runs of fields
// they share with the record before copied, are encoded as encoding/json
// encodes each, whichever fields change from one to the next.
func TestRecordRuns(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	texts := []string{"", "Tohoku University", "東北大学", "university", "department", "Asia", "China", "CN", "a\"b\\c", "<&>", "\u2028", "\xff",
		"p.html", "da90f03eac0771163a2757e650f1d95419175c4a74e6a9ccc9689fb9a0b01421", "html", "pdf", "agreement/v1"}
	pick := func() string { return texts[rng.IntN(len(texts))] }
	r := sample()
	var runs recordRuns
	for range 5000 {
		switch rng.IntN(6) {
		case 0:
			r.Schema = pick()
		case 1:
			r.HomeInstitution, r.Level = pick(), pick()
		case 2:
			r.Region, r.Country, r.CountryCode = pick(), pick(), pick()
		case 3:
			r.Source.File, r.Source.SHA256, r.Source.Format = pick(), pick(), pick()
		case 4:
			r.Source.Format = pick()
		}
		r.ID, r.Partner, r.Source.Row = pick(), pick(), rng.IntN(1000)
		if !assert.Equal(t, jsonRecord(t, r), string(runs.appendRecord(nil, &r))) {
			return
		}
	}
}
