// Package declared reconciles the totals a document declares ("82
// institutions", "China (79)") with the records extracted from it: what
// each total counts (institutions, agreements, countries; assumed, and
// said so, when the document does not say), how many records it speaks
// of, and the message of each total the records do not meet. Package
// audit reports them as its declared_total check and its reconciliation,
// package readcheck as a warning of the read.
package declared

import (
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/agreements/agreements/agreement"
)

// Units a declared total may count.
const (
	UnitInstitutions = "institutions" // distinct partners
	UnitAgreements   = "agreements"   // records
	UnitCountries    = "countries"    // distinct countries
)

// Reconciliation is one declared total next to what was extracted.
type Reconciliation struct {
	File      string `json:"file"`
	Page      int    `json:"page"`
	Row       int    `json:"row"`
	Level     string `json:"level"`
	Scope     string `json:"scope"`
	Name      string `json:"name"`
	Unit      string `json:"unit"`
	Assumed   bool   `json:"unit_assumed"`
	Note      string `json:"note,omitempty"` // what the unit was assumed from
	Declared  int    `json:"declared"`
	Extracted int    `json:"extracted"`
	OK        bool   `json:"ok"`
	Text      string `json:"text"`
	// From is "figures" when the total was read from the figures page
	// (File), not from the list itself.
	From string `json:"from,omitempty"`
}

// Missed is a declared total the records do not meet: how far off
// (Count), the message that says so, and where the total stands.
type Missed struct {
	Count   int
	Message string
	// Where the total stands: its file, page and row, level, text
	// (Value), what it speaks of (Note: "country China", "whole
	// document") and, for a country's total, the country.
	File, Level, Value, Note, Country string
	Page, Row                         int
	// What was compared: the total, the count of the records, the unit.
	Declared, Extracted int
	Unit                string
}

// Fields are what a total reads of a record.
type Fields struct {
	Home, Level, Region, Country, Code, Partner string
}

// Records are the records the totals of a document are compared with: how
// many, and what a total reads of each (At). A caller that holds only
// those fields (the read checks of an extract, which hold each group's
// partners) gives them without making records of them.
type Records interface {
	Len() int
	At(i int) Fields
}

// Pointers are records held whole.
type Pointers []*agreement.Record

// Len is how many.
func (p Pointers) Len() int { return len(p) }

// At is what a total reads of record i.
func (p Pointers) At(i int) Fields {
	r := p[i]
	return Fields{Home: r.HomeInstitution, Level: r.Level, Region: r.Region, Country: r.Country, Code: r.CountryCode, Partner: r.Partner}
}

// Reconcile compares the totals declared in file with recs; from says
// where the totals came from ("figures", or "" for the list itself). It
// returns a Reconciliation for each total, in their order, and a Missed
// for each the records do not meet, in the same order.
func Reconcile(file string, recs []*agreement.Record, declared []agreement.Declared, from string) (recon []Reconciliation, missed []Missed) {
	return ReconcileWith(file, Pointers(recs), declared, from)
}

// ReconcileWith is Reconcile of records given as Records.
func ReconcileWith(file string, recs Records, declared []agreement.Declared, from string) (recon []Reconciliation, missed []Missed) {
	s := newRecordSet(recs, len(declared))
	groupUnit, groupNote := groupCountUnit(s, declared)
	groupSum := map[string]int{}
	for _, d := range declared {
		if d.Scope == "country" || d.Scope == "region" {
			groupSum[d.Level] += d.Count
		}
	}
	for i, d := range declared {
		unit, note := d.Unit, ""
		switch {
		case unit == "" && (d.Scope == "country" || d.Scope == "region"):
			unit, note = groupUnit, groupNote
		case unit == "":
			unit, note = UnitInstitutions, "the document does not say what it counts; assumed institutions"
		case d.Scope == "section" && unit != UnitCountries && unit != groupUnit && groupSum[d.Level] == d.Count:
			note = fmt.Sprintf("the declared %s equal the sum of the per-group counts, which count %s; compared as %s", unit, groupUnit, groupUnit)
			unit = groupUnit
		}
		rc, m := reconcileOne(file, s, i, d, unit, note, from)
		recon = append(recon, rc)
		if m != nil {
			missed = append(missed, *m)
		}
	}
	return recon, missed
}

// recordSet is the records the totals of one document are compared with,
// and what is worked out of them once rather than for every total and
// every unit: the records each total speaks of, and each record's key as
// a distinct partner (its home institution's and its partner's names
// folded, nameKey), folded once for each name.
type recordSet struct {
	all   Records
	of    [][]int           // the records of each total, by the total's index; nil until needed
	made  []bool            // which of them are made
	keys  []partnerKey      // each record's partner key; zero until needed
	names map[string]string // nameKey of the names folded so far
}

// partnerKey is what a record is counted by as a distinct partner: its
// home institution's and its partner's names folded (nameKey).
type partnerKey struct{ home, partner string }

func newRecordSet(all Records, totals int) *recordSet {
	return &recordSet{all: all, of: make([][]int, totals), made: make([]bool, totals)}
}

// records returns the indices of the records the total d (declared at
// index i) speaks of.
func (s *recordSet) records(i int, d agreement.Declared) []int {
	if !s.made[i] {
		s.of[i], s.made[i] = declaredRecords(s.all, d), true
	}
	return s.of[i]
}

// partnerKey returns the key by which the record at index i is counted as
// a distinct partner: nameKey of its home institution and of its partner.
func (s *recordSet) partnerKey(i int) partnerKey {
	if s.keys == nil {
		s.keys = make([]partnerKey, s.all.Len())
		s.names = map[string]string{}
	}
	if k := s.keys[i]; k != (partnerKey{}) {
		return k
	}
	r := s.all.At(i)
	k := partnerKey{s.nameKey(r.Home), s.nameKey(r.Partner)}
	s.keys[i] = k
	return k
}

func (s *recordSet) nameKey(name string) string {
	k, ok := s.names[name]
	if !ok {
		k = nameKey(name)
		s.names[name] = k
	}
	return k
}

// count counts the records at idx in unit.
func (s *recordSet) count(idx []int, unit string) int {
	switch unit {
	case UnitAgreements:
		return len(idx)
	case UnitCountries:
		seen := map[string]bool{}
		for _, i := range idx {
			if k := countryKey(s.all.At(i)); k != "" {
				seen[k] = true
			}
		}
		return len(seen)
	}
	seen := make(map[partnerKey]bool, len(idx))
	for _, i := range idx {
		seen[s.partnerKey(i)] = true
	}
	return len(seen)
}

// groupCountUnit decides what a list's bare per-group counts ("China (79)")
// count: the unit under which more of them agree with what was extracted,
// distinct partners or agreements. Lists differ; the note says which was
// assumed and why.
func groupCountUnit(s *recordSet, declared []agreement.Declared) (string, string) {
	match := map[string]int{}
	total := 0
	for i, d := range declared {
		if d.Unit != "" || (d.Scope != "country" && d.Scope != "region") {
			continue
		}
		total++
		recs := s.records(i, d)
		for _, u := range []string{UnitInstitutions, UnitAgreements} {
			if s.count(recs, u) == d.Count {
				match[u]++
			}
		}
	}
	if match[UnitAgreements] > match[UnitInstitutions] {
		return UnitAgreements, fmt.Sprintf("the list's per-group counts do not say what they count; assumed agreements, which %d of %d match (distinct partners: %d)",
			match[UnitAgreements], total, match[UnitInstitutions])
	}
	return UnitInstitutions, fmt.Sprintf("the list's per-group counts do not say what they count; assumed institutions, which %d of %d match (agreements: %d)",
		match[UnitInstitutions], total, match[UnitAgreements])
}

func reconcileOne(file string, s *recordSet, i int, d agreement.Declared, unit, note, from string) (Reconciliation, *Missed) {
	assumed := note != ""
	recs := s.records(i, d)
	extracted := s.count(recs, unit)
	rc := Reconciliation{File: file, Page: d.Page, Row: d.Row, Level: d.Level, Scope: d.Scope, Name: d.Name,
		Unit: unit, Assumed: assumed, Note: note, Declared: d.Count, Extracted: extracted, OK: extracted == d.Count, Text: d.Text, From: from}
	if rc.OK {
		return rc, nil
	}
	where := "the document"
	switch {
	case from == "figures":
		where = "the figures page"
		if d.Name != "" {
			where += " (" + d.Name + ")"
		}
	case d.Name != "":
		where = d.Name
	case d.Scope == "country" || d.Scope == "region":
		where = fmt.Sprintf("%q (records without a %s)", d.Text, d.Scope)
	}
	if d.Level != "" {
		where += " (" + d.Level + " level)"
	}
	declares := "the list declares"
	if from == "figures" {
		declares = "it declares"
	}
	msg := fmt.Sprintf("%s: %s %d %s, %d extracted; counted %s", where, declares, d.Count, unit, extracted, unitMeaning(unit))
	if note != "" {
		msg += " (" + note + ")"
	}
	for _, other := range []string{UnitInstitutions, UnitAgreements, UnitCountries} {
		if other != unit && s.count(recs, other) == d.Count {
			msg += fmt.Sprintf("; it would match if it counted %s", other)
			break
		}
	}
	diff := extracted - d.Count
	if diff < 0 {
		diff = -diff
	}
	m := &Missed{Count: diff, Message: msg, File: file, Page: d.Page, Row: d.Row, Level: d.Level, Value: d.Text, Note: scopeNote(d),
		Declared: rc.Declared, Extracted: rc.Extracted, Unit: unit}
	if d.Scope == "country" {
		m.Country = d.Name
	}
	return rc, m
}

// declaredRecords returns the indices of the records of all a declared
// total speaks of.
func declaredRecords(all Records, d agreement.Declared) []int {
	var recs []int
	region, country, code := sameAs{name: d.Name}, sameAs{name: d.Name}, sameAs{name: d.Name}
	for i := range all.Len() {
		r := all.At(i)
		if d.Level != "" && r.Level != d.Level {
			continue
		}
		switch d.Scope {
		case "region":
			if d.Name == "" {
				if r.Region != "" {
					continue
				}
			} else if !region.is(r.Region) {
				continue
			}
		case "country":
			if d.Name == "" { // a group without a country: international organisations
				if r.Country != "" || r.Code != "" {
					continue
				}
			} else if !country.is(r.Country) && !code.is(r.Code) {
				continue
			}
		}
		recs = append(recs, i)
	}
	return recs
}

// sameAs tells whether names are sameName as name, keeping the answer for
// the last name asked about: records come in runs of the same country.
type sameAs struct {
	name, last string
	same, set  bool
}

func (m *sameAs) is(s string) bool {
	if !m.set || s != m.last {
		m.last, m.same, m.set = s, sameName(s, m.name), true
	}
	return m.same
}

func scopeNote(d agreement.Declared) string {
	if d.Name == "" {
		return "whole " + d.Scope
	}
	return d.Scope + " " + d.Name
}

func unitMeaning(unit string) string {
	switch unit {
	case UnitAgreements:
		return "agreements as records"
	case UnitCountries:
		return "countries as distinct countries"
	}
	return "institutions as distinct partner names"
}

// nameKey folds a name as ids do (NFKC, lower case, whitespace folded), so
// a declared count is compared with the names as the list spells them.
func nameKey(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(norm.NFKC.String(s))), " ")
}

func sameName(a, b string) bool {
	return a != "" && strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// countryKey is what a record's country is counted by: its code, else its
// name.
func countryKey(r Fields) string {
	if r.Code != "" {
		return r.Code
	}
	return r.Country
}
