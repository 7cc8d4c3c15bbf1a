package output

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
)

// slowRead reads a record file as encoding/json alone reads it (the
// stream reader that the common-shape lines bypass).
func slowRead(t *testing.T, text string) ([]agreement.Record, error) {
	t.Helper()
	var recs []agreement.Record
	br := slowRest([]byte(text), bytes.NewReader(nil))
	first, skipped, err := firstNonSpace(br)
	require.NoError(t, err)
	d := &decoder{fn: func(r agreement.Record) error { recs = append(recs, r); return nil }, in: newInterner(), oneAtATime: true}
	err = readJSON(br, first == '[', skipped, d)
	return recs, err
}

// TestFastRecordShapes: a record line of the common shape and each of its
// variations (escapes, unknown or differently spelt names, null, numbers,
// text that is not UTF-8, white space, syntax errors) reads as
// encoding/json reads it, records and errors alike, whether the line is
// the first of the file or follows records of the common shape, few or
// enough to be read on every core.
func TestFastRecordShapes(t *testing.T) {
	base := strings.TrimSuffix(ndjson(t, 1), "\n")
	edit := func(old, new string) string {
		require.Contains(t, base, old)
		return strings.Replace(base, old, new, 1)
	}
	lines := map[string]string{
		"plain":              base,
		"quote escaped":      edit(`"partner":"University 0"`, `"partner":"University \"La\" 0\\/\t"`),
		"unicode escape":     edit(`"partner":"University 0"`, `"partner":"Universit\u00e9 0 \ud83d\ude00"`),
		"bad escape":         edit(`"partner":"University 0"`, `"partner":"University \x 0"`),
		"not UTF-8":          edit(`"partner":"University 0"`, "\"partner\":\"Univ\xffersity 0\""),
		"non-ASCII":          edit(`"partner":"University 0"`, `"partner":"東北大学 0"`),
		"control character":  edit(`"partner":"University 0"`, "\"partner\":\"Uni\x01 0\""),
		"unknown field":      edit(`"partner":"University 0"`, `"partner":"University 0","extra":[1,{"a":null}]`),
		"name in capitals":   edit(`"partner":"University 0"`, `"PARTNER":"University 0"`),
		"duplicate field":    edit(`"partner":"University 0"`, `"partner":"University 0","partner":"Second"`),
		"null list":          edit(`"flags":[`, `"flags":null,"x":[`),
		"empty lists":        edit(`"repairs":[`, `"repairs":[],"x":[`),
		"null string":        edit(`"partner_unit":""`, `"partner_unit":null`),
		"negative page":      edit(`"page":`, `"page":-`),
		"fraction":           edit(`"row":`, `"row":1.5,"x":`),
		"exponent":           edit(`"row":`, `"row":1e2,"x":`),
		"leading zero":       edit(`"row":`, `"row":0`),
		"huge number":        edit(`"row":`, `"row":123456789012345678901234567890,"x":`),
		"string for a bool":  edit(`"fee_waiver":true`, `"fee_waiver":"true"`),
		"white space":        " { " + strings.ReplaceAll(strings.ReplaceAll(base[1:], `":`, `" : `), `,"`, " ,\t\"") + " \r",
		"two on a line":      base + base,
		"comma after":        base + ",",
		"cut short":          base[:len(base)-10],
		"a number":           "42",
		"null":               "null",
		"empty object":       "{}",
		"source twice":       edit(`"source":{`, `"source":{"page":7},"source":{`),
		"source unknown key": edit(`"source":{`, `"source":{"x":1,`),
		"truex":              edit(`"fee_waiver":true`, `"fee_waiver":truex`),
	}
	for name, line := range lines {
		many := strings.Repeat(base+"\n", parallelAfter+300) // past the first records, read on every core
		texts := []string{base + "\n" + line + "\n" + base + "\n", "\n" + base + "\n\n" + line,
			many + line + "\n\n" + base, many + "\n" + line}
		if strings.HasPrefix(strings.TrimSpace(line), "{") { // else not a JSON file at all
			texts = append(texts, line+"\n")
		}
		for _, text := range texts {
			want, wantErr := slowRead(t, text)
			got, err := ReadRecords(strings.NewReader(text))
			if wantErr != nil {
				require.Error(t, err, name)
				assert.Equal(t, wantErr.Error(), err.Error(), name)
				continue
			}
			require.NoError(t, err, name)
			assert.Equal(t, want, got, name)
			// EachRecord reads them so too.
			var each []agreement.Record
			require.NoError(t, EachRecord(strings.NewReader(text), func(r agreement.Record) error { each = append(each, r); return nil }), name)
			assert.Equal(t, want, each, name)
		}
	}
}

// TestFastRecordMatchesUnmarshal: a line of the common shape, one-letter
// escapes, text that is not ASCII and white space included, decodes as
// json.Unmarshal decodes it.
func TestFastRecordMatchesUnmarshal(t *testing.T) {
	lines := strings.SplitAfter(strings.TrimSuffix(ndjson(t, 20), "\n"), "\n")
	base := strings.TrimSuffix(lines[0], "\n")
	lines = append(lines,
		strings.Replace(base, `"partner":"University 0"`, `"partner":"University \"La\" 0\\\/\t\b\f\r\n"`, 1),
		strings.Replace(base, `"partner":"University 0"`, `"partner":"東北大学 Ünï 0"`, 1),
		strings.Replace(base, `"partner":"University 0"`, `"partner":"University 0","partner":"Second"`, 1),
		strings.Replace(base, `"source":{`, `"source":{"page":7},"source":{`, 1),
		strings.Replace(base, `"row":`, `"row":-`, 1),
		" \t{ "+strings.ReplaceAll(strings.ReplaceAll(base[1:len(base)-1], `":`, `" : `), `,"`, " ,\t\"")+" }\r\n")
	for _, line := range lines {
		var want, got agreement.Record
		require.NoError(t, json.Unmarshal([]byte(line), &want))
		require.True(t, newInterner().fastRecord([]byte(line), &got))
		assert.Equal(t, want, got)
	}
}

// FuzzFastRecord: whatever a line holds, a file of it between records of
// the common shape reads as encoding/json alone reads it, records and
// errors alike.
func FuzzFastRecord(f *testing.F) {
	base := strings.TrimSuffix(ndjson(f, 1), "\n")
	f.Add(base)
	f.Add(strings.Replace(base, `"partner":"University 0"`, `"partner":"Uni\"versit\u00e9 0"`, 1))
	f.Add(strings.Replace(base, `"row":`, `"row":-1.5e3,"x":`, 1))
	f.Add(strings.Replace(base, `"flags":[`, `"flags":null,"FLAGS":[`, 1))
	f.Add(base + " " + base)
	f.Add("{}")
	f.Fuzz(func(t *testing.T, line string) {
		text := base + "\n" + line + "\n" + base + "\n"
		want, wantErr := slowRead(t, text)
		got, err := ReadRecords(strings.NewReader(text))
		if wantErr != nil {
			require.Error(t, err)
			assert.Equal(t, wantErr.Error(), err.Error())
			return
		}
		require.NoError(t, err)
		assert.Equal(t, want, got)
	})
}
