package agreement

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestKeys(t *testing.T) {
	rec := func(id string, page, row int) Record {
		return Record{ID: id, Source: Source{Page: page, Row: row}}
	}
	tests := []struct {
		name string
		recs []Record
		want []string
	}{
		{"empty", nil, []string{}},
		{"distinct ids keep their id", []Record{rec("a", 1, 1), rec("b", 1, 2)}, []string{"a", "b"}},
		{"repeats numbered in document order", []Record{rec("a", 1, 1), rec("b", 1, 2), rec("a", 1, 3), rec("a", 2, 1)},
			[]string{"a", "b", "a-2", "a-3"}},
		{"document order, not the order given", []Record{rec("a", 2, 1), rec("a", 1, 9), rec("a", 1, 3)},
			[]string{"a-3", "a-2", "a"}},
		{"ties in the order given", []Record{rec("a", 0, 0), rec("a", 0, 0)}, []string{"a", "a-2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Keys(tt.recs))
		})
	}
}

func TestKey(t *testing.T) {
	assert.Equal(t, "c0c95b4dcf39a27b", Key("c0c95b4dcf39a27b", 1))
	assert.Equal(t, "c0c95b4dcf39a27b-2", Key("c0c95b4dcf39a27b", 2))
	assert.Equal(t, "x", Key("x", 0))
}
