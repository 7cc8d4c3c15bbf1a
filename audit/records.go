package audit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

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
// reasons. See fieldRules for how a million records stay fast.
func (a *auditor) checkSchema() {
	if !a.enabled(CheckSchema) {
		return
	}
	s, err := compileSchema()
	var rules *fieldRules
	if err == nil {
		rules, err = newFieldRules()
	}
	if err != nil {
		failed := a.examples()
		failed.add(Example{Note: err.Error()})
		a.add(CheckSchema, LevelWarning, "the record schema could not be compiled", failed)
		return
	}
	// The rules check fields one by one; the record's shape is the same
	// for every record, and if the first one fails as a whole while its
	// fields pass, every record is validated whole.
	whole := len(a.items) > 0 && s.Validate(recordValue(a.items[0].rec)) != nil && rules.valid(a.items[0].rec)
	failed := make([]bool, len(a.items))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(a.items)/1000))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(a.items); i += workers {
				r := a.items[i].rec
				if whole {
					failed[i] = s.Validate(recordValue(r)) != nil
				} else {
					failed[i] = !rules.valid(r)
				}
			}
		}()
	}
	wg.Wait()
	// The library says why, for the examples the report keeps.
	bad := a.examples()
	for i, it := range a.items {
		if !failed[i] {
			continue
		}
		ex := a.example(it)
		if bad.n < a.opt.MaxExamples {
			if err := s.Validate(recordValue(it.rec)); err != nil {
				ex.Note = schemaReason(err)
			}
		}
		bad.add(ex)
	}
	a.add(CheckSchema, LevelWarning, plural(bad.n, "record is", "records are")+" not valid agreement/v1 records (schema/agreement.v1.schema.json)", bad)
}

// fieldRules are the schema's constraints on each field of a record. A
// field whose subschema uses only type, const, enum, pattern, minLength and
// minimum is checked directly (its pattern compiled once); any other field
// (the arrays) is validated by the library, with the verdict remembered
// for values seen before. A record that fails here is validated whole by
// the library, which gives the reasons, so the rules only decide which
// records need it: one object validation a record, allocating a few
// kilobytes, took most of the audit of a million records.
type fieldRules struct {
	rules map[string]*fieldRule // by path: "id", "source/row"
}

type fieldRule struct {
	typ       string
	pattern   *regexp.Regexp
	minLength int
	minimum   *float64
	enum      []any
	lib       *jsonschema.Schema // set when the subschema is not simple
	mu        sync.Mutex
	seen      map[string]bool
}

// maxRemembered bounds the verdicts remembered for one field.
const maxRemembered = 10_000

func newFieldRules() (*fieldRules, error) {
	var root map[string]any
	if err := json.Unmarshal(schema.AgreementV1, &root); err != nil {
		return nil, fmt.Errorf("agreement/v1 schema: %w", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.AgreementV1))
	if err != nil {
		return nil, fmt.Errorf("agreement/v1 schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schema.AgreementV1Name, doc); err != nil {
		return nil, fmt.Errorf("agreement/v1 schema: %w", err)
	}
	fr := &fieldRules{rules: map[string]*fieldRule{}}
	for _, f := range recordFields(&agreement.Record{}) {
		ptr := "/properties/" + strings.ReplaceAll(f.path, "/", "/properties/")
		rule := simpleRule(root, lookup(root, ptr))
		if rule == nil {
			lib, err := c.Compile(schema.AgreementV1Name + "#" + ptr)
			if err != nil {
				return nil, fmt.Errorf("agreement/v1 schema: %s: %w", f.path, err)
			}
			rule = &fieldRule{lib: lib, seen: map[string]bool{}}
		}
		fr.rules[f.path] = rule
	}
	return fr, nil
}

// lookup follows a JSON pointer of object keys in v.
func lookup(v any, ptr string) any {
	for _, k := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// simpleRule is the rule of a subschema that uses only simple keywords
// (following a local $ref), or nil.
func simpleRule(root, v any) *fieldRule {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	if ref, ok := m["$ref"].(string); ok && len(m) == 1 && strings.HasPrefix(ref, "#/") {
		return simpleRule(root, lookup(root, ref[1:]))
	}
	r := &fieldRule{}
	for k, x := range m {
		switch k {
		case "description", "title":
		case "type":
			t, ok := x.(string)
			if !ok || (t != "string" && t != "integer" && t != "boolean") {
				return nil
			}
			r.typ = t
		case "pattern":
			p, ok := x.(string)
			if !ok {
				return nil
			}
			re, err := regexp.Compile(p)
			if err != nil {
				return nil
			}
			r.pattern = re
		case "minLength":
			n, ok := x.(float64)
			if !ok {
				return nil
			}
			r.minLength = int(n)
		case "minimum":
			n, ok := x.(float64)
			if !ok {
				return nil
			}
			r.minimum = &n
		case "enum":
			e, ok := x.([]any)
			if !ok {
				return nil
			}
			r.enum = e
		case "const":
			r.enum = []any{x}
		default:
			return nil
		}
	}
	return r
}

// valid reports whether every field of r satisfies its rule.
func (fr *fieldRules) valid(r *agreement.Record) bool {
	for _, f := range recordFields(r) {
		if !fr.rules[f.path].check(f) {
			return false
		}
	}
	return true
}

func (r *fieldRule) check(f field) bool {
	if r.lib != nil {
		r.mu.Lock()
		ok, known := r.seen[f.key]
		r.mu.Unlock()
		if !known {
			ok = r.lib.Validate(f.value) == nil
			r.mu.Lock()
			if len(r.seen) < maxRemembered {
				r.seen[f.key] = ok
			}
			r.mu.Unlock()
		}
		return ok
	}
	switch v := f.value.(type) {
	case string:
		if r.typ != "" && r.typ != "string" {
			return false
		}
		if r.pattern != nil && !r.pattern.MatchString(v) {
			return false
		}
		if r.minLength > 0 && utf8.RuneCountInString(v) < r.minLength {
			return false
		}
	case json.Number:
		n, err := strconv.ParseFloat(string(v), 64)
		if err != nil || (r.typ != "" && r.typ != "integer") || r.pattern != nil || r.minLength > 0 {
			return false
		}
		if r.minimum != nil && n < *r.minimum {
			return false
		}
	case bool:
		if (r.typ != "" && r.typ != "boolean") || r.pattern != nil || r.minLength > 0 || r.minimum != nil {
			return false
		}
	default:
		return false
	}
	if r.enum != nil {
		for _, e := range r.enum {
			if fmt.Sprint(e) == f.key {
				return true
			}
		}
		return false
	}
	return true
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
	unknown := a.examples()
	for _, it := range a.items {
		r := it.rec
		switch {
		case r.CountryCode == "" && r.Country == "":
			continue
		case r.CountryCode == "":
			ex := a.example(it)
			ex.Value, ex.Note = r.Country, "no country code: the name is not in the country tables"
			unknown.add(ex)
		case !knownCountry(r.CountryCode):
			ex := a.example(it)
			ex.Value, ex.Note = r.CountryCode, "not an ISO 3166-1 alpha-2 country code"
			unknown.add(ex)
		}
	}
	a.add(CheckCountryUnknown, LevelWarning, plural(unknown.n, "record has", "records have")+" a country that is not known", unknown)
}
