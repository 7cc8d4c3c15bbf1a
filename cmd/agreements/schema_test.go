package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("../../schema/agreement.v1.schema.json")
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource("agreement.v1.schema.json", doc))
	s, err := c.Compile("agreement.v1.schema.json")
	require.NoError(t, err)
	return s
}

// TestGoldenRecordsMatchSchema validates every record of every records
// golden file against the JSON Schema of agreement/v1.
func TestGoldenRecordsMatchSchema(t *testing.T) {
	schema := compileSchema(t)
	files, err := filepath.Glob("../../fixtures/*/records.golden.ndjson")
	require.NoError(t, err)
	for _, file := range files {
		t.Run(filepath.Base(filepath.Dir(file)), func(t *testing.T) {
			b, err := os.ReadFile(file)
			require.NoError(t, err)
			sc := bufio.NewScanner(bytes.NewReader(b))
			sc.Buffer(nil, 1<<20)
			line := 0
			for sc.Scan() {
				line++
				v, err := jsonschema.UnmarshalJSON(bytes.NewReader(sc.Bytes()))
				require.NoError(t, err, "line %d", line)
				assert.NoError(t, schema.Validate(v), "line %d", line)
			}
			require.NoError(t, sc.Err())
		})
	}
}

// TestSchemaRejects makes sure the schema is not vacuous.
func TestSchemaRejects(t *testing.T) {
	schema := compileSchema(t)
	good := map[string]any{
		"schema": "agreement/v1", "id": "0123456789abcdef", "home_institution": "Tohoku University",
		"level": "university", "region": "Asia", "country": "China", "country_code": "CN",
		"partner": "Peking University", "partner_unit": "", "home_unit": "", "signed": "1999-11-10",
		"fee_waiver": true, "agreement_type": "", "valid_until": "", "flags": []any{"fee_waiver"},
		"partner_alt": "", "as_of": "", "repairs": []any{"date:YYYY.M.D"},
		"source": map[string]any{"file": "a.pdf", "sha256": "0000000000000000000000000000000000000000000000000000000000000000", "format": "pdf", "page": 1, "row": 3},
	}
	roundtrip := func(m map[string]any) any {
		b, err := json.Marshal(m)
		require.NoError(t, err)
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		require.NoError(t, err)
		return v
	}
	require.NoError(t, schema.Validate(roundtrip(good)))
	for name, mutate := range map[string]func(m map[string]any){
		"bad level":  func(m map[string]any) { m["level"] = "faculty" },
		"bad date":   func(m map[string]any) { m["signed"] = "1999.11.10" },
		"no partner": func(m map[string]any) { m["partner"] = "" },
		"extra":      func(m map[string]any) { m["extra"] = 1 },
		"null flags": func(m map[string]any) { m["flags"] = nil },
		"bad code":   func(m map[string]any) { m["country_code"] = "china" },
	} {
		m := map[string]any{}
		for k, v := range good {
			m[k] = v
		}
		mutate(m)
		assert.Error(t, schema.Validate(roundtrip(m)), name)
	}
}
