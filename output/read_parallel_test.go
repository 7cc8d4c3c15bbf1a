package output

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
)

// manyRecords is n NDJSON records, line i (1-based) replaced by
// replace[i] when given.
func manyRecords(n int, replace map[int]string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if r, ok := replace[i]; ok {
			b.WriteString(r + "\n")
			continue
		}
		fmt.Fprintf(&b, `{"schema":"agreement/v1","id":"%016x","partner":"Partner %d","signed":"2001","flags":[],"repairs":["date:YYYY"],"source":{"file":"a.pdf","page":%d,"row":%d}}`+"\n", i, i, i/40+1, i%40+1)
	}
	return b.String()
}

// TestReadParallel: a file of many records is read on every core past its
// first records, with the records, their order and the first error in the
// file's order as when read one at a time.
func TestReadParallel(t *testing.T) {
	n := parallelAfter + 20*batchSize + 17
	recs, err := ReadRecords(strings.NewReader(manyRecords(n, nil)))
	require.NoError(t, err)
	require.Len(t, recs, n)
	for i, line := range strings.Split(strings.TrimSpace(manyRecords(n, nil)), "\n") {
		var want agreement.Record
		require.NoError(t, json.Unmarshal([]byte(line), &want))
		if !assert.Equal(t, want, recs[i]) {
			break
		}
	}

	late := parallelAfter + 5*batchSize + 3
	tests := []struct {
		name    string
		replace map[int]string
	}{
		{"type error", map[int]string{late: `{"schema":"agreement/v1","id":"x","partner":5}`}},
		{"type error before a syntax error", map[int]string{late: `{"schema":"agreement/v1","id":"x","partner":[]}`, late + 1: `{"schema":,}`}},
		{"no partner before a syntax error", map[int]string{late: `{"schema":"agreement/v1","id":"x"}`, late + 700: `{"schema":`}},
		{"syntax error", map[int]string{late: `{"schema":"agreement/v1",,}`}},
		{"not an object", map[int]string{late: `[1]`}},
		{"two records on a line", map[int]string{late: `{"schema":"agreement/v1","id":"x","partner":"P"} {"schema":"agreement/v1","id":"y","partner":"Q"}`}},
		{"cut short", map[int]string{n: `{"schema":"agreement/v1","id":"x","part`}},
		{"array", map[int]string{late: `{"schema":"agreement/v1","id":"x","partner":true}`}},
		{"text after", map[int]string{n: `]`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := manyRecords(n, tt.replace)
			if tt.name == "array" {
				in = "[" + strings.ReplaceAll(strings.TrimSpace(in), "\n", ",\n") + "]"
			}
			var want, got []agreement.Record
			wantErr := eachRecord(strings.NewReader(in), func(r agreement.Record) error { want = append(want, r); return nil }, false)
			gotErr := eachRecord(strings.NewReader(in), func(r agreement.Record) error { got = append(got, r); return nil }, true)
			assert.Equal(t, fmt.Sprint(wantErr), fmt.Sprint(gotErr))
			assert.Equal(t, len(want), len(got))
			assert.Equal(t, want, got)
		})
	}

	// An error from fn stops the reading, and is returned as it is.
	stop := errors.New("enough")
	seen := 0
	err = eachRecord(strings.NewReader(manyRecords(n, nil)), func(r agreement.Record) error {
		seen++
		if seen == late {
			return stop
		}
		return nil
	}, true)
	assert.Same(t, stop, err)
	assert.Equal(t, late, seen)
}
