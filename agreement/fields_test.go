package agreement_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
)

// The field list follows the record's JSON fields in order, source
// flattened, and every field reads back what it writes.
func TestFieldsFollowTheRecord(t *testing.T) {
	var want []string
	rt := reflect.TypeOf(agreement.Record{})
	for i := 0; i < rt.NumField(); i++ {
		name := strings.Split(rt.Field(i).Tag.Get("json"), ",")[0]
		if name == "source" {
			st := reflect.TypeOf(agreement.Source{})
			for j := 0; j < st.NumField(); j++ {
				want = append(want, "source_"+strings.Split(st.Field(j).Tag.Get("json"), ",")[0])
			}
			continue
		}
		want = append(want, name)
	}
	// The CSV puts source_* just before repairs.
	assert.ElementsMatch(t, want, agreement.FieldNames(false))
	r := agreement.Record{Schema: agreement.Schema, ID: "0123456789abcdef", HomeInstitution: "Tohoku University", Level: "university",
		Partner: "Peking University", FeeWaiver: true, Flags: []string{"fee_waiver"}, Repairs: []string{"date:YYYY.M.D"},
		Source: agreement.Source{File: "a.pdf", Page: 3, Row: 12}}
	var back agreement.Record
	for _, f := range agreement.Fields() {
		require.NoError(t, f.Set(&back, f.Get(&r)), f.Name)
	}
	a, _ := json.Marshal(r)
	b, _ := json.Marshal(back)
	assert.JSONEq(t, string(a), string(b))
}
