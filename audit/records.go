package audit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/agreements/agreements/schema"
)

// compileSchema compiles the agreement/v1 JSON Schema.
func compileSchema() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.AgreementV1))
	if err != nil {
		return nil, fmt.Errorf("agreement/v1 schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schema.AgreementV1Name, doc); err != nil {
		return nil, fmt.Errorf("agreement/v1 schema: %w", err)
	}
	s, err := c.Compile(schema.AgreementV1Name)
	if err != nil {
		return nil, fmt.Errorf("agreement/v1 schema: %w", err)
	}
	return s, nil
}

// checkSchema validates every record against the agreement/v1 JSON Schema
// (schema/agreement.v1.schema.json) and reports those that fail, with the
// first reason.
func (a *auditor) checkSchema() {
	if !a.enabled(CheckSchema) {
		return
	}
	s, err := compileSchema()
	if err != nil {
		a.add(CheckSchema, LevelError, "the record schema could not be compiled", []Example{{Note: err.Error()}})
		return
	}
	var bad []Example
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, it := range a.items {
		buf.Reset()
		if err := enc.Encode(it.rec); err != nil {
			ex := a.example(it)
			ex.Note = err.Error()
			bad = append(bad, ex)
			continue
		}
		v, err := jsonschema.UnmarshalJSON(&buf)
		if err == nil {
			err = s.Validate(v)
		}
		if err != nil {
			ex := a.example(it)
			ex.Note = schemaReason(err)
			bad = append(bad, ex)
		}
	}
	a.add(CheckSchema, LevelWarning, plural(len(bad), "record is", "records are")+" not valid agreement/v1 records (schema/agreement.v1.schema.json)", bad)
}

// schemaReason is a validation error on one line: the innermost causes,
// where they stand in the record.
func schemaReason(err error) string {
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return err.Error()
	}
	p := message.NewPrinter(language.English)
	var out []string
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			loc := "/" + strings.Join(e.InstanceLocation, "/")
			out = append(out, loc+": "+e.ErrorKind.LocalizedString(p))
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	return strings.Join(out, "; ")
}

// knownCountry reports whether code is an ISO 3166-1 alpha-2 code of a
// country or territory.
func knownCountry(code string) bool {
	r, err := language.ParseRegion(code)
	return err == nil && len(code) == 2 && r.IsCountry()
}

// checkCountries reports records whose country is not known: a country
// named without a code (the normaliser's country_unknown), or a code that
// is not an ISO 3166-1 country. Records without a country at all
// (international organisations) are not reported.
func (a *auditor) checkCountries() {
	if !a.enabled(CheckCountryUnknown) {
		return
	}
	var unknown []Example
	for _, it := range a.items {
		r := it.rec
		switch {
		case r.CountryCode == "" && r.Country == "":
			continue
		case r.CountryCode == "":
			ex := a.example(it)
			ex.Value, ex.Note = r.Country, "no country code: the name is not in the country tables"
			unknown = append(unknown, ex)
		case !knownCountry(r.CountryCode):
			ex := a.example(it)
			ex.Value, ex.Note = r.CountryCode, "not an ISO 3166-1 alpha-2 country code"
			unknown = append(unknown, ex)
		}
	}
	a.add(CheckCountryUnknown, LevelWarning, plural(len(unknown), "record has", "records have")+" a country that is not known", unknown)
}
