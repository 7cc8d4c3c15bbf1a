package output

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/agreements/agreements/agreement"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sample() agreement.Record {
	r := agreement.Record{
		Schema: agreement.Schema, HomeInstitution: "Tohoku University", Level: "university",
		Region: "Europe", Country: "France", CountryCode: "FR", Partner: "École Centrale de Lyon",
		Signed: "2006-02-13", FeeWaiver: true, Flags: []string{"fee_waiver"},
		Source:  agreement.Source{File: "list.pdf", SHA256: strings.Repeat("a", 64), Format: "pdf", Page: 4, Row: 210},
		Repairs: []string{"inherited_date:École Centrale de Lille", "date:YYYY.M.D"},
	}
	r.ID = agreement.ComputeID(r)
	return r
}

func TestMarshalIsCanonical(t *testing.T) {
	r := sample()
	r.Flags, r.Repairs = nil, nil
	b, err := Marshal(r)
	require.NoError(t, err)
	s := string(b)
	assert.True(t, strings.HasPrefix(s, `{"schema":"agreement/v1","id":"`), s)
	assert.Contains(t, s, `"flags":[]`)
	assert.Contains(t, s, `"repairs":[]`)
	assert.Contains(t, s, "École") // no \u escapes
	assert.NotContains(t, s, "\n")
	// Contract field order.
	order := []string{"schema", "id", "home_institution", "level", "region", "country", "country_code", "partner",
		"partner_unit", "home_unit", "signed", "fee_waiver", "agreement_type", "valid_until", "flags",
		"partner_alt", "as_of", "source", "repairs"}
	last := -1
	for _, f := range order {
		i := strings.Index(s, `"`+f+`":`)
		require.Greater(t, i, last, f)
		last = i
	}
}

func TestWritersRoundTrip(t *testing.T) {
	recs := []agreement.Record{sample(), sample()}
	recs[1].Partner = `A "quoted", name`
	recs[1].Flags, recs[1].Repairs = []string{}, []string{}
	recs[1].ID = "1917491342136487" // an id of digits stays text
	for _, format := range []string{FormatNDJSON, FormatJSON, FormatCSV} {
		var b bytes.Buffer
		require.NoError(t, WriteAll(&b, format, recs))
		assert.Equal(t, format, SniffRecords(b.Bytes()), "sniffed")
		got, err := ReadRecords(&b)
		require.NoError(t, err, format)
		assert.Equal(t, recs, got, format)
	}
	// with a byte order mark, as Excel wants it
	var b bytes.Buffer
	require.NoError(t, WriteAllOptions(&b, FormatCSV, Options{BOM: true}, recs))
	assert.True(t, bytes.HasPrefix(b.Bytes(), []byte("\xef\xbb\xbfschema,id,")))
	assert.Equal(t, FormatCSV, SniffRecords(b.Bytes()))
	got, err := ReadRecords(&b)
	require.NoError(t, err)
	assert.Equal(t, recs, got)
}

func TestBOMOnlyForCSV(t *testing.T) {
	_, err := NewWriterOptions(&bytes.Buffer{}, FormatNDJSON, Options{BOM: true})
	assert.ErrorContains(t, err, "csv")
}

func TestCSVLineEndings(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteAll(&b, FormatCSV, []agreement.Record{sample(), sample()}))
	assert.Equal(t, 3, strings.Count(b.String(), "\r\n"), "RFC 4180 line ends")
	assert.Equal(t, 3, strings.Count(b.String(), "\n"))
}

// A CSV edited in a spreadsheet still reads: columns by name, an added
// column ignored, TRUE for true.
func TestReadCSVByName(t *testing.T) {
	r := sample()
	var b bytes.Buffer
	require.NoError(t, WriteAll(&b, FormatCSV, []agreement.Record{r}))
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	for i := range rows {
		rows[i] = append([]string{"note"}, rows[i]...)
		rows[i][0] = "x"
	}
	for i, h := range rows[0] {
		if h == "fee_waiver" {
			rows[1][i] = "TRUE"
		}
	}
	rows[0][0] = "my_note"
	var c bytes.Buffer
	w := csv.NewWriter(&c)
	require.NoError(t, w.WriteAll(rows))
	assert.Equal(t, FormatCSV, SniffRecords(c.Bytes()))
	got, err := ReadRecords(bytes.NewReader(c.Bytes()))
	require.NoError(t, err)
	assert.Equal(t, []agreement.Record{r}, got)
}

func TestReadCSVErrors(t *testing.T) {
	head := strings.Join(CSVHeader, ",") + "\n"
	row := func(page string) string {
		r := sample()
		r.Source.Page = 1
		var b bytes.Buffer
		require.NoError(t, WriteAll(&b, FormatCSV, []agreement.Record{r}))
		return strings.Replace(strings.SplitN(b.String(), "\r\n", 2)[1], ",1,210,", ","+page+",210,", 1)
	}
	for name, tt := range map[string]struct{ in, want string }{
		"missing columns": {"schema,id,home_institution,level\n", "header lacks region"},
		"bad page":        {head + row("1") + row("x"), `line 3: source_page "x"`},
		"bad schema":      {head + strings.Replace(row("1"), "agreement/v1", "agreement/v9", 1), "line 2"},
	} {
		_, err := ReadRecords(strings.NewReader(tt.in))
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), tt.want, name)
	}
}

func TestEmptyOutputs(t *testing.T) {
	for format, want := range map[string]string{FormatNDJSON: "", FormatJSON: "[]\n", FormatCSV: strings.Join(CSVHeader, ",") + "\r\n"} {
		var b bytes.Buffer
		require.NoError(t, WriteAll(&b, format, nil))
		assert.Equal(t, want, b.String(), format)
	}
}

func TestCSV(t *testing.T) {
	r := sample()
	r.Flags = []string{"double_degree", "fee_waiver"}
	r.Partner = "Name, with comma"
	var b bytes.Buffer
	require.NoError(t, WriteAll(&b, FormatCSV, []agreement.Record{r}))
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 2)
	assert.Equal(t, CSVHeader, rows[0])
	got := map[string]string{}
	for i, h := range rows[0] {
		got[h] = rows[1][i]
	}
	assert.Equal(t, "Name, with comma", got["partner"])
	assert.Equal(t, "double_degree;fee_waiver", got["flags"])
	assert.Equal(t, "inherited_date:École Centrale de Lille;date:YYYY.M.D", got["repairs"])
	assert.Equal(t, "true", got["fee_waiver"])
	assert.Equal(t, "4", got["source_page"])
}

func TestUnknownFormat(t *testing.T) {
	_, err := NewWriter(&bytes.Buffer{}, "xml")
	assert.Error(t, err)
}

func TestReadRecordsErrors(t *testing.T) {
	for name, in := range map[string]string{
		"empty":      "",
		"not json":   "hello",
		"bad line":   `{"schema":"agreement/v1","partner":"A"}` + "\n{oops\n",
		"wrong type": `{"schema":"other/v2"}`,
		"array":      `[{"schema":"x"}]`,
	} {
		_, err := ReadRecords(strings.NewReader(in))
		assert.Error(t, err, name)
	}
	_, err := ReadRecords(strings.NewReader(`{"schema":"agreement/v1","id":"1","partner":"A"}` + "\n{oops\n"))
	assert.Contains(t, err.Error(), "line 2")
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.ndjson")
	require.NoError(t, os.WriteFile(path, []byte("old\n"), 0o644))

	// A failing write leaves the old file and no temporary file behind.
	err := WriteFileAtomic(path, func(f *os.File) error {
		_, _ = f.WriteString("half")
		return errors.New("boom")
	})
	require.Error(t, err)
	b, _ := os.ReadFile(path)
	assert.Equal(t, "old\n", string(b))
	entries, _ := os.ReadDir(dir)
	assert.Len(t, entries, 1)

	require.NoError(t, WriteFileAtomic(path, func(f *os.File) error {
		_, err := f.WriteString("new\n")
		return err
	}))
	b, _ = os.ReadFile(path)
	assert.Equal(t, "new\n", string(b))
	entries, _ = os.ReadDir(dir)
	assert.Len(t, entries, 1)
}

func FuzzRoundtrip(f *testing.F) {
	f.Add("Peking University", "School of History", "GS Arts and Letters", "1999-11-10", "fee_waiver")
	f.Add("ウィーン工科大学", "", "", "", "")
	f.Add("a\"b,c\nd", "\u2028", "<&>", "2019", "marker:★")
	f.Fuzz(func(t *testing.T, partner, unit, home, signed, flag string) {
		r := sample()
		r.Partner, r.PartnerUnit, r.HomeUnit, r.Signed = partner, unit, home, signed
		r.Flags = []string{flag}
		var b bytes.Buffer
		if err := WriteAll(&b, FormatNDJSON, []agreement.Record{r}); err != nil {
			return // invalid UTF-8 may be refused; it must not panic
		}
		got, err := ReadRecords(&b)
		if err != nil {
			t.Fatalf("written record does not read back: %v", err)
		}
		if len(got) != 1 {
			t.Fatalf("got %d records", len(got))
		}
		if valid(partner, unit, home, signed, flag) {
			// Every field reads back as written.
			assert.Equal(t, r, got[0])
		}
		var c bytes.Buffer
		require.NoError(t, WriteAll(&c, FormatCSV, got))
		back, err := ReadRecords(&c)
		if err != nil {
			t.Fatalf("CSV does not read back: %v", err)
		}
		// CSV joins flags with ';' and reads "\r\n" in a field as "\n".
		if !strings.ContainsAny(flag+partner+unit+home+signed, ";\r") && flag != "" {
			assert.Equal(t, got, back)
		}
	})
}

// valid reports whether every string is valid UTF-8 (JSON writes the
// others with U+FFFD).
func valid(ss ...string) bool {
	for _, s := range ss {
		if !utf8.ValidString(s) {
			return false
		}
	}
	return true
}
