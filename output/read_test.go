package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
)

// ndjson returns n sample records as NDJSON.
func ndjson(t testing.TB, n int) string {
	t.Helper()
	recs := make([]agreement.Record, n)
	for i := range recs {
		recs[i] = sample()
		recs[i].Partner = fmt.Sprintf("University %d", i)
		recs[i].ID = agreement.ComputeID(recs[i])
	}
	var b bytes.Buffer
	require.NoError(t, WriteAll(&b, FormatNDJSON, recs))
	return b.String()
}

// TestReadRecordsRefused: what is not a record file is refused with the
// line it is on, in words a user can act on.
func TestReadRecordsRefused(t *testing.T) {
	good := ndjson(t, 3)
	var arr bytes.Buffer
	recs, err := ReadRecords(strings.NewReader(good))
	require.NoError(t, err)
	require.NoError(t, WriteAll(&arr, FormatJSON, recs)) // one record a line, between [ and ]
	noID := strings.Replace(strings.SplitAfter(good, "\n")[1], `"id":"`, `"id":"`+`"`+`,"x":"`, 1)
	noPartner := strings.Replace(strings.SplitAfter(good, "\n")[1], `"partner":"University 1"`, `"partner":""`, 1)
	var csvb bytes.Buffer
	require.NoError(t, WriteAll(&csvb, FormatCSV, recs))
	csvNoID := strings.Replace(csvb.String(), ","+recs[1].ID+",", ",,", 1)

	tests := []struct{ name, in, want string }{
		{"trailing garbage", good + "garbage\n", "line 4: not a record file (NDJSON, JSON array, or the CSV or xlsx this tool writes): not JSON (invalid character 'g' looking for beginning of value)"},
		{"garbage after a record on its line", strings.TrimSuffix(good, "\n") + " trailing\n", "line 3: "},
		{"a line that is not a record", good + "42\n", "line 4: not a record file (NDJSON, JSON array, or the CSV or xlsx this tool writes): a number, where a record (a JSON object) belongs"},
		{"an array line", good + "[1,2]\n", "line 4: " + ErrNotRecords.Error() + ": an array, where a record"},
		{"a lone bracket", good + "}\n", `line 4: ` + ErrNotRecords.Error() + `: not JSON (invalid character '}' looking for beginning of value)`},
		{"record without id", good + noID, "line 4: " + ErrNotRecords.Error() + ": a record without id"},
		{"record without partner", "\n\n" + noPartner, "line 3: " + ErrNotRecords.Error() + ": a record without partner"},
		{"a field of the wrong type", strings.Replace(good, `"fee_waiver":true`, `"fee_waiver":"yes"`, 1), `line 1: ` + ErrNotRecords.Error() + `: field "fee_waiver" holds a JSON string, not true or false`},
		{"cut short", good[:len(good)-40], "line 3: " + ErrNotRecords.Error() + ": the file ends inside a record: it may be cut short"},
		{"after a JSON array", arr.String() + "{}\n", "line 6: " + ErrNotRecords.Error() + ": text after the end of the JSON array"},
		{"in a JSON array", strings.Replace(arr.String(), "},\n", "},\n7,\n", 1), "line 3: " + ErrNotRecords.Error() + ": a number, where a record"},
		{"JSON array not closed", strings.TrimSuffix(arr.String(), "]\n"), ErrNotRecords.Error() + ": the JSON array is not closed"},
		{"CSV record without id", csvNoID, "line 3: " + ErrNotRecords.Error() + ": a record without id"},
		{"CSV cut inside a quote", csvb.String() + "\"abc\n", "line 5: " + ErrNotRecords.Error() + ": not CSV as this tool writes it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadRecords(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrNotRecords)
			assert.Contains(t, err.Error(), tt.want)
			assert.NotContains(t, err.Error(), "bufio")
			assert.NotContains(t, err.Error(), "json:")
		})
	}
}

// TestReadRecordsLongLine: a record longer than bufio.Scanner's token is
// read; one line of many megabytes that is no record is refused without
// library words.
func TestReadRecordsLongLine(t *testing.T) {
	r := sample()
	r.Partner = strings.Repeat("長い名前", 1<<20) // 12 MiB
	r.ID = agreement.ComputeID(r)
	var b bytes.Buffer
	require.NoError(t, WriteAll(&b, FormatNDJSON, []agreement.Record{r, sample()}))
	got, err := ReadRecords(&b)
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, r.Partner, got[0].Partner)

	huge := `{"schema":"agreement/v1","partner":"` + strings.Repeat("x", 40<<20) + `"}`
	_, err = ReadRecords(strings.NewReader(ndjson(t, 2) + huge))
	require.Error(t, err)
	assert.Equal(t, "line 3: "+ErrNotRecords.Error()+": a record of more than 16 MiB", err.Error())
}

// TestReadRecordsPositions: leading blank lines, a byte order mark, CRLF
// and a pretty-printed stream of objects keep lines right.
func TestReadRecordsPositions(t *testing.T) {
	good := ndjson(t, 2)
	recs, err := ReadRecords(strings.NewReader("\ufeff\r\n\r\n" + strings.ReplaceAll(good, "\n", "\r\n")))
	require.NoError(t, err)
	assert.Len(t, recs, 2)
	var pretty bytes.Buffer
	for _, r := range recs {
		b, err := Marshal(r)
		require.NoError(t, err)
		var ind bytes.Buffer
		require.NoError(t, json.Indent(&ind, b, "", "  "))
		pretty.Write(ind.Bytes())
		pretty.WriteString("\n")
	}
	got, err := ReadRecords(bytes.NewReader(pretty.Bytes()))
	require.NoError(t, err)
	assert.Equal(t, recs, got)
	lines := bytes.Count(pretty.Bytes(), []byte("\n"))
	_, err = ReadRecords(io.MultiReader(bytes.NewReader(pretty.Bytes()), strings.NewReader("oops")))
	require.Error(t, err)
	assert.Contains(t, err.Error(), fmt.Sprintf("line %d: ", lines+1))
}

// BenchmarkReadRecords reads 20,000 records; the memory per op is the
// records kept, not the file.
func BenchmarkReadRecords(b *testing.B) {
	in := ndjson(b, 20000)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadRecords(strings.NewReader(in)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEachRecordHoldsOneRecord: read one at a time, a large file is
// never held: the heap stays far below the file's size.
func TestEachRecordHoldsOneRecord(t *testing.T) {
	const n = 100000
	line := ndjson(t, 1)
	r := repeatReader(line, n)
	var before, peak runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	count := 0
	require.NoError(t, EachRecord(r, func(agreement.Record) error {
		count++
		if count%10000 == 0 {
			runtime.ReadMemStats(&peak)
			assert.Less(t, peak.HeapInuse, before.HeapInuse+uint64(len(line))*n/4, "record %d", count)
		}
		return nil
	}))
	assert.Equal(t, n, count)
}

// repeatReader reads s n times without holding the n copies.
func repeatReader(s string, n int) io.Reader {
	rs := make([]io.Reader, n)
	for i := range rs {
		rs[i] = strings.NewReader(s)
	}
	return io.MultiReader(rs...)
}
