package audit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/agreements/agreements/agreement"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSchemaAndCountry(t *testing.T) {
	res := agreement.Result{Records: []agreement.Record{
		rec(uni, "China", "CN", "Peking University", "2001-05-01"),
		rec(uni, "China", "CN", "Fudan University", "2003-01-01", func(r *agreement.Record) { r.Level = "faculty" }),
		rec(uni, "Atlantis", "", "Atlantis University", "2003-01-01"),
		rec(uni, "Nowhere", "QQ", "Nowhere University", "2003-01-01"),
		rec(uni, "", "", "United Nations University", "2003-01-01"),
		rec(uni, "China", "CN", "Nankai University", "2003-01-01", func(r *agreement.Record) { r.Flags = nil; r.Source.Page = -1 }),
	}}
	rep := run(t, &res)
	f := finding(rep, CheckSchema)
	require.NotNil(t, f)
	assert.Equal(t, LevelWarning, f.Level)
	require.Equal(t, 2, f.Count)
	assert.Equal(t, "Fudan University", f.Examples[0].Partner)
	assert.Contains(t, f.Examples[0].Note, "/level")
	assert.Equal(t, "Nankai University", f.Examples[1].Partner)
	assert.Contains(t, f.Examples[1].Note, "/flags")
	assert.Contains(t, f.Examples[1].Note, "/source/page")

	c := finding(rep, CheckCountryUnknown)
	require.NotNil(t, c)
	assert.Equal(t, 2, c.Count)
	assert.Equal(t, "Atlantis", c.Examples[0].Value)
	assert.Equal(t, "QQ", c.Examples[1].Value)
}

func TestOnlyAndSkip(t *testing.T) {
	recs := []agreement.Record{
		rec(uni, "China", "CN", "Peking University", ""),
		rec(uni, "China", "CN", "Peking University", ""),
		rec(uni, "China", "CN", "KAIST", "2001"),
	}
	all := Run([]Input{{Name: "l", Result: &agreement.Result{Records: recs}}}, Options{})
	require.NotNil(t, finding(all, CheckDuplicateID))
	require.NotNil(t, finding(all, CheckAcronymName))

	only := Run([]Input{{Name: "l", Result: &agreement.Result{Records: recs}}}, Options{Only: []string{CheckDuplicateID}})
	require.Len(t, only.Findings, 1)
	assert.Equal(t, CheckDuplicateID, only.Findings[0].Check)
	for _, c := range only.Checks {
		assert.Equal(t, c.Name != CheckDuplicateID, c.Skipped, c.Name)
		if c.Skipped {
			assert.False(t, c.Passed, c.Name)
		}
	}

	skip := Run([]Input{{Name: "l", Result: &agreement.Result{Records: recs}}}, Options{Skip: []string{CheckDuplicateID, CheckAcronymName}})
	assert.Nil(t, finding(skip, CheckDuplicateID))
	assert.Nil(t, finding(skip, CheckAcronymName))
	assert.NotNil(t, finding(skip, CheckDateMissing))

	require.NoError(t, CheckNames([]string{CheckDuplicateID, CheckSchema}))
	err := CheckNames([]string{"duplicate", CheckSchema})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `unknown check duplicate`)
}

func TestPassed(t *testing.T) {
	ok := run(t, &agreement.Result{Records: []agreement.Record{rec(uni, "China", "CN", "Peking University", "2001")}})
	assert.True(t, ok.Passed)
	bad := run(t, &agreement.Result{Records: []agreement.Record{rec(uni, "China", "CN", "Peking University", "2001")},
		Declared: []agreement.Declared{{Scope: "section", Count: 2, Unit: UnitInstitutions}}})
	assert.False(t, bad.Passed)
	unread := Run([]Input{{Name: "x.pdf", Err: assert.AnError}}, Options{})
	assert.False(t, unread.Passed)
}

func TestPerInstitution(t *testing.T) {
	other := func(r *agreement.Record) { r.HomeInstitution = "Hokuto University" }
	res := agreement.Result{Records: []agreement.Record{
		// Tohoku: dated; Hokuto: one dated, one not
		rec(uni, "China", "CN", "Peking University", "2001"),
		rec(uni, "China", "CN", "Fudan University", "2002"),
		rec(uni, "China", "CN", "Peking University", "2001", other),
		rec(uni, "China", "CN", "Fudan University", "", other),
		// the same spelling slip at both: one cluster each, never across
		rec(uni, "Estonia", "EE", "Tallinn University of Technology", "2010"),
		rec(uni, "Estonia", "EE", "Tallin University of Technology", "2010", other),
	}}
	rep := run(t, &res)
	require.Len(t, rep.Institutions, 2)
	assert.Equal(t, "Tohoku University", rep.Institutions[0].Name)
	assert.Equal(t, 3, rep.Institutions[0].Records)
	assert.Equal(t, "Hokuto University", rep.Institutions[1].Name)
	f := finding(rep, CheckDateMissing)
	require.NotNil(t, f)
	assert.Equal(t, "Hokuto University", f.Institution)
	assert.Equal(t, 1, f.Count)
	assert.Nil(t, finding(rep, CheckNearDuplicate))
	assert.Equal(t, 1, rep.Institutions[1].Warnings)
	assert.Equal(t, 0, rep.Institutions[0].Warnings)

	one := run(t, &agreement.Result{Records: []agreement.Record{rec(uni, "China", "CN", "Peking University", "")}})
	assert.Empty(t, one.Institutions)
}

func TestFigures(t *testing.T) {
	recs := []agreement.Record{
		rec(uni, "China", "CN", "Peking University", "2001"),
		rec(uni, "Korea", "KR", "Seoul National University", "2001"),
		rec(dept, "China", "CN", "Peking University", "2001"),
	}
	figures := &Figures{Name: "numbers.html", Declared: []agreement.Declared{
		{Level: uni, Scope: "section", Count: 2, Unit: UnitInstitutions, Text: "2 universities", Row: 3},
		{Level: uni, Scope: "section", Count: 2, Unit: UnitCountries, Text: "2 countries", Row: 3},
		{Level: dept, Scope: "section", Count: 5, Unit: UnitInstitutions, Text: "5 universities", Row: 4},
	}}
	rep := Run([]Input{{Name: "list.html", Result: &agreement.Result{Records: recs}}}, Options{Figures: figures})
	assert.Equal(t, "numbers.html", rep.Figures)
	require.Len(t, rep.Reconciliation, 3)
	for _, r := range rep.Reconciliation {
		assert.Equal(t, "figures", r.From)
		assert.Equal(t, "numbers.html", r.File)
	}
	assert.True(t, rep.Reconciliation[0].OK)
	assert.True(t, rep.Reconciliation[1].OK)
	assert.False(t, rep.Reconciliation[2].OK)
	assert.Equal(t, 1, rep.Reconciliation[2].Extracted)
	f := finding(rep, CheckDeclaredTotal)
	require.NotNil(t, f)
	assert.Contains(t, f.Message, "the figures page (department level): it declares 5 institutions, 1 extracted")
	assert.False(t, rep.Passed)
}

func TestReadFigures(t *testing.T) {
	f, err := ReadFigures("numbers.toml", []byte(`source = "https://example.org/numbers"
[[total]]
level = "university"
count = 103
unit = "institutions"
text = "university-wide agreements with 103 universities"
[[total]]
level = "university"
count = 27
unit = "countries"
[[total]]
scope = "country"
name = "China"
count = 4
unit = "agreements"
`))
	require.NoError(t, err)
	assert.Equal(t, "numbers.toml", f.Name)
	assert.Equal(t, []agreement.Declared{
		{Level: uni, Scope: "section", Count: 103, Unit: UnitInstitutions, Text: "university-wide agreements with 103 universities", Row: 1},
		{Level: uni, Scope: "section", Count: 27, Unit: UnitCountries, Text: "27 countries", Row: 2},
		{Scope: "country", Name: "China", Count: 4, Unit: UnitAgreements, Text: "4 agreements", Row: 3},
	}, f.Declared)

	for _, tt := range []struct{ name, in, want string }{
		{"not toml", "count = = 3", "numbers.toml: figures file"},
		{"no totals", `source = "x"`, "no [[total]]"},
		{"unknown key", "[[total]]\ncount = 1\nunit = \"countries\"\ncolour = 1", "unknown key total.colour"},
		{"bad unit", "[[total]]\ncount = 1\nunit = \"schools\"", `total 1: unit "schools"`},
		{"bad level", "[[total]]\ncount = 1\nunit = \"countries\"\nlevel = \"faculty\"", `total 1: level "faculty"`},
		{"country without name", "[[total]]\ncount = 1\nunit = \"agreements\"\nscope = \"country\"", "needs the country's name"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadFigures("numbers.toml", []byte(tt.in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// TestFieldRulesAgreeWithSchema: the field rules pass exactly the records
// the JSON Schema library passes.
func TestFieldRulesAgreeWithSchema(t *testing.T) {
	s, err := compileSchema()
	require.NoError(t, err)
	rules, err := newFieldRules()
	require.NoError(t, err)
	edits := map[string]func(*agreement.Record){
		"valid":          func(*agreement.Record) {},
		"valid month":    func(r *agreement.Record) { r.Signed = "2019-12" },
		"valid marker":   func(r *agreement.Record) { r.Flags = []string{"fee_waiver", "marker:♦"} },
		"id":             func(r *agreement.Record) { r.ID = "XYZ" },
		"schema":         func(r *agreement.Record) { r.Schema = "agreement/v2" },
		"level":          func(r *agreement.Record) { r.Level = "faculty" },
		"country code":   func(r *agreement.Record) { r.CountryCode = "cn" },
		"empty partner":  func(r *agreement.Record) { r.Partner = "" },
		"signed":         func(r *agreement.Record) { r.Signed = "2019-13-01" },
		"until":          func(r *agreement.Record) { r.ValidUntil = "31.3.2025" },
		"as_of":          func(r *agreement.Record) { r.AsOf = "May 2024" },
		"nil flags":      func(r *agreement.Record) { r.Flags = nil },
		"repeated flags": func(r *agreement.Record) { r.Flags = []string{"fee_waiver", "fee_waiver"} },
		"bad flag":       func(r *agreement.Record) { r.Flags = []string{"Fee Waiver"} },
		"nil repairs":    func(r *agreement.Record) { r.Repairs = nil },
		"bad repair":     func(r *agreement.Record) { r.Repairs = []string{"Date: read"} },
		"sha256":         func(r *agreement.Record) { r.Source.SHA256 = "abc" },
		"format":         func(r *agreement.Record) { r.Source.Format = "docx" },
		"page":           func(r *agreement.Record) { r.Source.Page = -1 },
		"row":            func(r *agreement.Record) { r.Source.Row = 0 },
	}
	for name, edit := range edits {
		r := rec(uni, "China", "CN", "Peking University", "2001-05-01")
		r.Source.Row = 3
		edit(&r)
		want := s.Validate(recordValue(&r)) == nil
		assert.Equal(t, want, rules.valid(&r, nil), name)
		assert.Equal(t, rules.reason(&r) == "", rules.valid(&r, nil), name)
		assert.Equal(t, strings.HasPrefix(name, "valid"), want, name)
	}
}

// TestNearDuplicateSearchCut: names so alike that the clustering reaches
// its work bound are reported, not silently half-searched.
func TestNearDuplicateSearchCut(t *testing.T) {
	var recs []agreement.Record
	for i := range 30_000 {
		recs = append(recs, rec(uni, "Mexico", "MX", fmt.Sprintf("Partner University %06d", i), "2001"))
	}
	rep := run(t, &agreement.Result{Records: recs})
	f := finding(rep, CheckNearDuplicateBounded)
	require.NotNil(t, f)
	assert.Equal(t, "Mexico", f.Examples[0].Country)
	assert.Equal(t, "30000 names", f.Examples[0].Value)
}
