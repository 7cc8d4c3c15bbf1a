package audit

import (
	"encoding/json"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/google/jsonschema-go/jsonschema"
	"golang.org/x/text/language"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/schema"
)

// compileSchema resolves the agreement/v1 JSON Schema. The library,
// github.com/google/jsonschema-go, does no work when the program starts
// (the previous one compiled every draft's meta-schemas in its package
// init: ~2.5 ms and 1.7 MB in every process, whether it audits or not).
func compileSchema() (*jsonschema.Resolved, error) {
	var s jsonschema.Schema
	if err := json.Unmarshal(schema.AgreementV1, &s); err != nil {
		return nil, fmt.Errorf("agreement/v1 schema: %w", err)
	}
	rs, err := s.Resolve(nil)
	if err != nil {
		return nil, fmt.Errorf("agreement/v1 schema: %w", err)
	}
	return rs, nil
}

// field is one value of a record as JSON decoding would give it, a number
// as an int.
type field struct {
	path  string
	value any
}

// fieldValue is one value of a record, typed: kind 's' a string, 'b' a
// boolean, 'i' an integer, 'l' a list of strings (nil: null).
type fieldValue struct {
	path string
	kind byte
	s    string
	n    int
	b    bool
	list []string
}

// numFields is the number of a record's fields, source's one by one.
const numFields = 23

// recordValues are r's fields, source's one by one, without allocating.
func recordValues(r *agreement.Record) [numFields]fieldValue {
	str := func(p, v string) fieldValue { return fieldValue{path: p, kind: 's', s: v} }
	list := func(p string, v []string) fieldValue { return fieldValue{path: p, kind: 'l', list: v} }
	num := func(p string, v int) fieldValue { return fieldValue{path: p, kind: 'i', n: v} }
	return [numFields]fieldValue{
		str("schema", r.Schema), str("id", r.ID), str("home_institution", r.HomeInstitution), str("level", r.Level),
		str("region", r.Region), str("country", r.Country), str("country_code", r.CountryCode), str("partner", r.Partner),
		str("partner_unit", r.PartnerUnit), str("home_unit", r.HomeUnit), str("signed", r.Signed),
		{path: "fee_waiver", kind: 'b', b: r.FeeWaiver},
		str("agreement_type", r.AgreementType), str("valid_until", r.ValidUntil), list("flags", r.Flags),
		str("partner_alt", r.PartnerAlt), str("as_of", r.AsOf),
		str("source/file", r.Source.File), str("source/sha256", r.Source.SHA256), str("source/format", r.Source.Format),
		num("source/page", r.Source.Page), num("source/row", r.Source.Row),
		list("repairs", r.Repairs),
	}
}

// recordFields are r's fields, source's one by one, each as JSON decoding
// would give it.
func recordFields(r *agreement.Record) []field {
	vs := recordValues(r)
	out := make([]field, len(vs))
	for i, v := range vs {
		out[i].path = v.path
		switch v.kind {
		case 's':
			out[i].value = v.s
		case 'b':
			out[i].value = v.b
		case 'i':
			out[i].value = v.n
		default:
			out[i].value = stringsValue(v.list)
		}
	}
	return out
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
	// fields pass (or a field's subschema is beyond the rules), every
	// record is validated whole by the library.
	whole := rules.partial || len(a.items) > 0 && s.Validate(recordValue(a.items[0].rec)) != nil && rules.valid(a.items[0].rec, nil)
	failed := make([]bool, len(a.items))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(a.items)/1000))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			memo := rules.memo()
			for i := w; i < len(a.items); i += workers {
				r := a.items[i].rec
				if whole {
					failed[i] = s.Validate(recordValue(r)) != nil
				} else {
					failed[i] = !rules.valid(r, memo)
				}
			}
		}()
	}
	wg.Wait()
	// The reasons, for the examples the report keeps.
	bad := a.examples()
	for i, it := range a.items {
		if !failed[i] {
			continue
		}
		ex := a.example(it)
		if bad.n < a.opt.MaxExamples {
			ex.Note = rules.reason(it.rec)
			if ex.Note == "" {
				if err := s.Validate(recordValue(it.rec)); err != nil {
					ex.Note = err.Error()
				}
			}
		}
		bad.add(ex)
	}
	a.add(CheckSchema, LevelWarning, plural(bad.n, "record is", "records are")+" not valid agreement/v1 records (schema/agreement.v1.schema.json)", bad)
}

// fieldRules are the schema's constraints on each field of a record: a
// field's subschema of type, const, enum, pattern, minLength, minimum,
// items and uniqueItems (following local $refs), its pattern compiled
// once. The library validates the whole record in the tests and wherever
// the rules cannot: one object validation a record, allocating a few
// kilobytes, took most of the audit of a million records. The rules also
// say why a value fails, every failure in the record, where the library
// stops at the first.
type fieldRules struct {
	rules   map[string]*fieldRule // by path: "id", "source/row"; nil when beyond the rules
	order   []*fieldRule          // the same, in the order of recordValues
	partial bool                  // some field has no rule
}

type fieldRule struct {
	typ       string
	pattern   *regexp.Regexp
	minLength int
	minimum   *float64
	enum      []any
	items     *fieldRule
	unique    bool
}

func newFieldRules() (*fieldRules, error) {
	var root map[string]any
	if err := json.Unmarshal(schema.AgreementV1, &root); err != nil {
		return nil, fmt.Errorf("agreement/v1 schema: %w", err)
	}
	fr := &fieldRules{rules: map[string]*fieldRule{}}
	for _, f := range recordFields(&agreement.Record{}) {
		ptr := "/properties/" + strings.ReplaceAll(f.path, "/", "/properties/")
		rule := simpleRule(root, lookup(root, ptr))
		fr.rules[f.path] = rule
		fr.order = append(fr.order, rule)
		if rule == nil {
			fr.partial = true
		}
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

// simpleRule is the rule of a subschema that uses only the keywords the
// rules know (following a local $ref), or nil.
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
			if !ok || (t != "string" && t != "integer" && t != "boolean" && t != "array") {
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
			for _, v := range e {
				if _, ok := v.(string); !ok {
					return nil
				}
			}
			r.enum = e
		case "const":
			if _, ok := x.(string); !ok {
				return nil
			}
			r.enum = []any{x}
		case "items":
			if r.items = simpleRule(root, x); r.items == nil || r.items.typ == "array" {
				return nil
			}
		case "uniqueItems":
			b, ok := x.(bool)
			if !ok {
				return nil
			}
			r.unique = b
		default:
			return nil
		}
	}
	if (r.items != nil || r.unique) && r.typ != "array" {
		return nil
	}
	return r
}

// valid reports whether every field of r satisfies its rule.
// It allocates nothing but memo's entries: a million records are checked
// in about a second. memo (from fieldRules.memo, one a goroutine, or nil)
// keeps whether the strings met so far match their field's pattern: most
// repeat from record to record (the digest, dates, repairs).
func (fr *fieldRules) valid(r *agreement.Record, memo []map[string]bool) bool {
	vs := recordValues(r)
	for i := range vs {
		var m map[string]bool
		if memo != nil {
			m = memo[i]
		}
		if !fr.order[i].ok(&vs[i], m) {
			return false
		}
	}
	return true
}

// maxMemo bounds the strings a memo keeps for one field.
const maxMemo = 1 << 12

// memo returns an empty memo for valid.
func (fr *fieldRules) memo() []map[string]bool {
	m := make([]map[string]bool, len(fr.order))
	for i := range m {
		m[i] = map[string]bool{}
	}
	return m
}

// reason is why r is not valid, on one line: every failure, where it
// stands in the record, worded as JSON Schema validators word it; "" when
// the rules find none.
func (fr *fieldRules) reason(r *agreement.Record) string {
	var out []string
	for _, f := range recordFields(r) {
		if rule := fr.rules[f.path]; rule != nil {
			out = rule.problems("/"+f.path, f.value, out)
		}
	}
	return strings.Join(out, "; ")
}

// ok reports whether v satisfies the rule: problems finds nothing in it.
// memo, when not nil, keeps the results of the rule's pattern (or its
// items') by string.
func (r *fieldRule) ok(v *fieldValue, memo map[string]bool) bool {
	if r == nil {
		return true
	}
	if v.kind == 's' {
		return r.okString(v.s, memo)
	}
	var typ string
	switch v.kind {
	case 'b':
		typ = "boolean"
	case 'i':
		typ = "integer"
	case 'l':
		typ = "array"
		if v.list == nil {
			typ = "null"
		}
	}
	if r.typ != "" && typ != r.typ {
		return false
	}
	if r.enum != nil {
		return false // the enums are of strings
	}
	switch v.kind {
	case 'i':
		if r.minimum != nil && float64(v.n) < *r.minimum {
			return false
		}
	case 'l':
		if r.unique {
			for i := range v.list {
				for j := i + 1; j < len(v.list); j++ {
					if v.list[i] == v.list[j] {
						return false
					}
				}
			}
		}
		for _, x := range v.list {
			if !r.items.okString(x, memo) {
				return false
			}
		}
	}
	return true
}

// okString is ok for a string.
func (r *fieldRule) okString(s string, memo map[string]bool) bool {
	if r == nil {
		return true
	}
	if r.typ != "" && r.typ != "string" {
		return false
	}
	if r.enum != nil {
		in := false
		for _, e := range r.enum {
			if e.(string) == s {
				in = true
				break
			}
		}
		if !in {
			return false
		}
	}
	if r.minLength > 0 && utf8.RuneCountInString(s) < r.minLength {
		return false
	}
	return r.pattern == nil || r.matches(s, memo)
}

// matches is the rule's pattern matched against s, through memo.
func (r *fieldRule) matches(s string, memo map[string]bool) bool {
	if memo == nil {
		return r.pattern.MatchString(s)
	}
	m, ok := memo[s]
	if !ok {
		m = r.pattern.MatchString(s)
		if len(memo) < maxMemo {
			memo[s] = m
		}
	}
	return m
}

// problems appends to out what is wrong with v, at loc, and returns it;
// nothing is appended (and nothing allocated) when v satisfies the rule.
func (r *fieldRule) problems(loc string, v any, out []string) []string {
	if r == nil {
		return out
	}
	if got := jsonType(v); r.typ != "" && got != r.typ {
		return append(out, loc+": got "+got+", want "+r.typ)
	}
	if r.enum != nil {
		s, _ := v.(string)
		if !slices.Contains(r.enum, any(s)) || jsonType(v) != "string" {
			want := make([]string, len(r.enum))
			for i, e := range r.enum {
				want[i] = quote(e.(string))
			}
			if len(want) == 1 {
				return append(out, loc+": value must be "+want[0])
			}
			return append(out, loc+": value must be one of "+strings.Join(want, ", "))
		}
	}
	switch v := v.(type) {
	case string:
		if r.minLength > 0 {
			if n := utf8.RuneCountInString(v); n < r.minLength {
				out = append(out, fmt.Sprintf("%s: minLength: got %d, want %d", loc, n, r.minLength))
			}
		}
		if r.pattern != nil && !r.pattern.MatchString(v) {
			out = append(out, loc+": "+quote(v)+" does not match pattern "+quote(r.pattern.String()))
		}
	case int:
		if r.minimum != nil && float64(v) < *r.minimum {
			out = append(out, fmt.Sprintf("%s: minimum: got %v, want %v", loc, float64(v), *r.minimum))
		}
	case []any:
		if r.unique {
		dup:
			for i := range v {
				for j := i + 1; j < len(v); j++ {
					if v[i] == v[j] {
						out = append(out, fmt.Sprintf("%s: items at %d and %d are equal", loc, i, j))
						break dup
					}
				}
			}
		}
		for i, x := range v {
			if r.items.problems("", x, nil) != nil {
				out = r.items.problems(loc+"/"+strconv.Itoa(i), x, out)
			}
		}
	}
	return out
}

// jsonType is the JSON Schema type of a decoded value.
func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case bool:
		return "boolean"
	case int:
		return "integer"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// quote is s in single quotes, as JSON Schema validators quote a value in
// a message.
func quote(s string) string {
	s = strconv.Quote(s)
	s = strings.ReplaceAll(s, `\"`, `"`)
	s = strings.ReplaceAll(s, `'`, `\'`)
	return "'" + s[1:len(s)-1] + "'"
}

// recordValue is r as JSON decoding would give it (objects as maps, arrays
// as []any), numbers as int, for the validator.
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
