package audit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/agreements/agreements/agreement"
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

// field is one value of a record as JSON decoding would give it, with the
// key its verdict is remembered under.
type field struct {
	path  string
	value any
	key   string
}

// recordFields are r's fields, source's one by one.
func recordFields(r *agreement.Record) []field {
	str := func(p, v string) field { return field{p, v, v} }
	list := func(p string, v []string) field {
		if v == nil {
			return field{p, nil, "\x00null"}
		}
		return field{p, stringsValue(v), strings.Join(v, "\x1f")}
	}
	num := func(p string, n int) field {
		s := strconv.Itoa(n)
		return field{p, json.Number(s), s}
	}
	return []field{
		str("schema", r.Schema), str("id", r.ID), str("home_institution", r.HomeInstitution), str("level", r.Level),
		str("region", r.Region), str("country", r.Country), str("country_code", r.CountryCode), str("partner", r.Partner),
		str("partner_unit", r.PartnerUnit), str("home_unit", r.HomeUnit), str("signed", r.Signed),
		{"fee_waiver", r.FeeWaiver, strconv.FormatBool(r.FeeWaiver)},
		str("agreement_type", r.AgreementType), str("valid_until", r.ValidUntil), list("flags", r.Flags),
		str("partner_alt", r.PartnerAlt), str("as_of", r.AsOf),
		str("source/file", r.Source.File), str("source/sha256", r.Source.SHA256), str("source/format", r.Source.Format),
		num("source/page", r.Source.Page), num("source/row", r.Source.Row),
		list("repairs", r.Repairs),
	}
}

// checkSchema validates every record against the agreement/v1 JSON Schema
// (schema/agreement.v1.schema.json) and reports those that fail, with the
// reasons. Records are validated as the values JSON decoding gives, built
// directly (no encoding and decoding), on every core.
func (a *auditor) checkSchema() {
	if !a.enabled(CheckSchema) {
		return
	}
	s, err := compileSchema()
	if err != nil {
		a.add(CheckSchema, LevelWarning, "the record schema could not be compiled", []Example{{Note: err.Error()}})
		return
	}
	reasons := make([]string, len(a.items))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(a.items)/1000))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(a.items); i += workers {
				if err := s.Validate(recordValue(a.items[i].rec)); err != nil {
					reasons[i] = schemaReason(err)
				}
			}
		}()
	}
	wg.Wait()
	var bad []Example
	for i, it := range a.items {
		if reasons[i] != "" {
			ex := a.example(it)
			ex.Note = reasons[i]
			bad = append(bad, ex)
		}
	}
	a.add(CheckSchema, LevelWarning, plural(len(bad), "record is", "records are")+" not valid agreement/v1 records (schema/agreement.v1.schema.json)", bad)
}

// recordValue is r as JSON decoding would give it (objects as maps, arrays
// as []any, numbers as json.Number), for the validator.
func recordValue(r *agreement.Record) map[string]any {
	v := map[string]any{}
	src := map[string]any{}
	for _, f := range recordFields(r) {
		if sub, ok := strings.CutPrefix(f.path, "source/"); ok {
			src[sub] = f.value
		} else {
			v[f.path] = f.value
		}
	}
	v["source"] = src
	return v
}

// stringsValue is a string slice as JSON decoding gives it; nil is null.
func stringsValue(ss []string) any {
	if ss == nil {
		return nil
	}
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
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
