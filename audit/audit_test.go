package audit

import (
	"fmt"
	"testing"

	"github.com/agreements/agreements/agreement"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rec builds a record of Tohoku University with a correct id; edit sets
// the rest.
func rec(level, country, code, partner, signed string, edit ...func(*agreement.Record)) agreement.Record {
	r := agreement.Record{
		Schema: agreement.Schema, HomeInstitution: "Tohoku University", Level: level,
		Country: country, CountryCode: code, Partner: partner, Signed: signed,
		Flags: []string{}, Repairs: []string{}, AsOf: "2024-05-01",
		Source: agreement.Source{File: "list.ndjson", SHA256: testSHA, Format: "html", Row: 1},
	}
	if level == agreement.LevelDepartment {
		r.HomeUnit = "GS Engineering"
	}
	for _, e := range edit {
		e(&r)
	}
	r.ID = agreement.ComputeID(r)
	return r
}

// testSHA is a well-formed SHA-256 for the records made here.
const testSHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

const uni, dept = agreement.LevelUniversity, agreement.LevelDepartment

func run(t *testing.T, res *agreement.Result) *Report {
	t.Helper()
	for i := range res.Records {
		if res.Records[i].Source.Row == 1 {
			res.Records[i].Source.Row = i + 1
		}
	}
	return Run([]Input{{Name: "list.ndjson", Result: res}}, Options{})
}

func finding(rep *Report, check string) *Finding {
	for i := range rep.Findings {
		if rep.Findings[i].Check == check {
			return &rep.Findings[i]
		}
	}
	return nil
}

func TestChecks(t *testing.T) {
	base := []agreement.Record{
		rec(uni, "China", "CN", "Peking University", "2001-05-01"),
		rec(uni, "China", "CN", "Fudan University", "2003-01-01"),
		rec(uni, "Estonia", "EE", "Tallinn University of Technology", "2010"),
	}
	with := func(extra ...agreement.Record) []agreement.Record {
		return append(append([]agreement.Record{}, base...), extra...)
	}
	tests := []struct {
		name  string
		res   agreement.Result
		check string
		level Level
		count int
		value string // first example's value, when set
	}{
		{"duplicate id", agreement.Result{Records: with(rec(uni, "China", "CN", "Peking University", "2001-05-01"))},
			CheckDuplicateID, LevelWarning, 1, ""},
		{"id mismatch", agreement.Result{Records: with(func() agreement.Record {
			r := rec(uni, "Korea", "KR", "KAIST Daejeon", "2001")
			r.ID = "0000000000000000"
			return r
		}())}, CheckIDMismatch, LevelWarning, 1, "0000000000000000"},
		{"partner in two countries", agreement.Result{Records: with(rec(uni, "Taiwan", "TW", "Peking University", "2001"))},
			CheckPartnerCountries, LevelWarning, 1, "China, Taiwan"},
		{"partner is home", agreement.Result{Records: with(rec(uni, "Japan", "JP", "TOHOKU UNIVERSITY", "2001"))},
			CheckPartnerIsHome, LevelWarning, 1, "Tohoku University"},
		{"near duplicate: typo", agreement.Result{Records: with(rec(dept, "Estonia", "EE", "Tallin University of Technology", "2012"))},
			CheckNearDuplicate, LevelWarning, 1, "Tallinn University of Technology | Tallin University of Technology"},
		{"near duplicate: spacing", agreement.Result{Records: with(
			rec(uni, "Thailand", "TH", "Chiangmai University", "2001"),
			rec(uni, "Thailand", "TH", "Chiang Mai University", "2002"))},
			CheckNearDuplicate, LevelWarning, 1, "Chiangmai University | Chiang Mai University"},
		{"near duplicate: transposition", agreement.Result{Records: with(rec(uni, "China", "CN", "Fudan Unviersity", "2004"))},
			CheckNearDuplicate, LevelWarning, 1, "Fudan University | Fudan Unviersity"},
		{"near duplicate: apostrophe", agreement.Result{Records: with(
			rec(uni, "Italy", "IT", "Ca'Foscari University of Venice", "2001"),
			rec(dept, "Italy", "IT", "Ca' Foscari University of Venice", "2002"))},
			CheckNearDuplicate, LevelWarning, 1, ""},
		{"date missing among dated", agreement.Result{Records: with(rec(uni, "Chile", "CL", "Universidad de Chile", ""))},
			CheckDateMissing, LevelWarning, 1, ""},
		{"date missing everywhere", agreement.Result{Records: []agreement.Record{rec(uni, "Chile", "CL", "Universidad de Chile", "")}},
			CheckDateMissing, LevelInfo, 1, ""},
		{"date not ISO", agreement.Result{Records: with(rec(uni, "Chile", "CL", "Universidad de Chile", "2019-13-01"))},
			CheckDateUnparseable, LevelWarning, 1, "2019-13-01"},
		{"date repair says unparsed", agreement.Result{Records: with(rec(uni, "Chile", "CL", "Universidad de Chile", "", func(r *agreement.Record) {
			r.Repairs = []string{"date_unparsed:12/11/10"}
		}))}, CheckDateUnparseable, LevelWarning, 1, ""},
		{"date left in name", agreement.Result{Records: with(rec(uni, "Chile", "CL", "Universidad de Chile (2019.2.30)", ""))},
			CheckDateUnparseable, LevelWarning, 1, "(2019.2.30)"},
		{"date after as of", agreement.Result{Records: with(rec(uni, "Chile", "CL", "Universidad de Chile", "2024-06"))},
			CheckDateAfterAsOf, LevelWarning, 1, "2024-06"},
		{"date same month as as of", agreement.Result{Records: with(rec(uni, "Chile", "CL", "Universidad de Chile", "2024-05"))},
			CheckDateAfterAsOf, "", 0, ""},
		{"date before floor", agreement.Result{Records: with(rec(uni, "Chile", "CL", "Universidad de Chile", "1901-01-01"))},
			CheckDateBeforeFloor, LevelWarning, 1, "1901-01-01"},
		{"university after department", agreement.Result{Records: with(
			rec(dept, "China", "CN", "Peking University", "1999-01-01"))},
			CheckUniversityAfterDept, LevelInfo, 1, "2001-05-01"},
		{"department without university", agreement.Result{Records: with(rec(dept, "China", "CN", "Tsinghua University", "2001"))},
			CheckDeptWithoutUniversity, LevelInfo, 1, ""},
		{"university without department", agreement.Result{Records: with(rec(dept, "China", "CN", "Peking University", "2005"))},
			CheckUniversityWithoutDept, LevelInfo, 2, ""},
		{"no cross-level checks on a one-level list", agreement.Result{Records: base},
			CheckUniversityWithoutDept, "", 0, ""},
		{"fee waiver differs", agreement.Result{Records: with(rec(dept, "China", "CN", "Peking University", "2005", func(r *agreement.Record) {
			r.FeeWaiver, r.Flags = true, []string{"fee_waiver"}
		}))}, CheckFeeWaiverDiffers, LevelWarning, 1, ""},
		{"replacement character", agreement.Result{Records: with(rec(uni, "France", "FR", "Universit\uFFFD de Lyon", "2001"))},
			CheckMojibake, LevelWarning, 1, "Universit\uFFFD de Lyon"},
		{"latin-1 mojibake", agreement.Result{Records: with(rec(uni, "France", "FR", "UniversitÃ© de Lyon", "2001"))},
			CheckMojibake, LevelWarning, 1, "UniversitÃ© de Lyon"},
		{"windows-1252 mojibake", agreement.Result{Records: with(rec(uni, "France", "FR", "Lyon â€™s University", "2001"))},
			CheckMojibake, LevelWarning, 1, ""},
		{"shift_jis mojibake", agreement.Result{Records: with(rec(uni, "Japan", "JP", "Kyoto", "2001", func(r *agreement.Record) {
			r.PartnerAlt = "莠ｬ驛ｽ螟ｧ蟄ｦ縺ｮ"
		}))}, CheckMojibake, LevelWarning, 1, "莠ｬ驛ｽ螟ｧ蟄ｦ縺ｮ"},
		{"SÃO is not mojibake", agreement.Result{Records: with(rec(uni, "Brazil", "BR", "UNIVERSIDADE DE SÃO PAULO", "2001"))},
			CheckMojibake, "", 0, ""},
		{"marker in name", agreement.Result{Records: with(rec(uni, "France", "FR", "Université de Lyon*", "2001"))},
			CheckMarkerInName, LevelWarning, 1, "Université de Lyon*"},
		{"footnote in name", agreement.Result{Records: with(rec(uni, "France", "FR", "Université de Lyon†", "2001"))},
			CheckMarkerInName, LevelWarning, 1, ""},
		{"count in name", agreement.Result{Records: with(rec(uni, "China", "CN", "China (79)", "2001"))},
			CheckCountInName, LevelWarning, 1, "China (79)"},
		{"acronym", agreement.Result{Records: with(rec(uni, "Korea", "KR", "KAIST", "2001"))},
			CheckAcronymName, LevelInfo, 1, "KAIST"},
		{"unplaced", agreement.Result{Records: base, Unplaced: []agreement.Unplaced{{Row: 7, Text: "???", Reason: "text outside any list entry or heading"}}},
			CheckUnplaced, LevelWarning, 1, "???"},
		{"many repairs", agreement.Result{Records: with(rec(uni, "Chile", "CL", "Universidad de Chile", "2001", func(r *agreement.Record) {
			r.Repairs = []string{"a:1", "b:2", "c:3", "d:4"}
		}))}, CheckManyRepairs, LevelInfo, 1, "a:1; b:2; c:3; d:4"},
		{"empty input", agreement.Result{}, CheckEmptyInput, LevelError, 1, ""},
		{"clean list", agreement.Result{Records: base}, CheckNearDuplicate, "", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := tt.res
			rep := run(t, &res)
			f := finding(rep, tt.check)
			if tt.count == 0 {
				assert.Nil(t, f, "unexpected finding")
				return
			}
			require.NotNil(t, f, "no %s finding in %+v", tt.check, rep.Findings)
			assert.Equal(t, tt.level, f.Level)
			assert.Equal(t, tt.count, f.Count)
			require.NotEmpty(t, f.Examples)
			assert.Equal(t, "list.ndjson", f.Examples[0].File)
			if tt.value != "" {
				assert.Equal(t, tt.value, f.Examples[0].Value)
			}
		})
	}
}

func TestCleanListHasNoFindings(t *testing.T) {
	res := agreement.Result{Records: []agreement.Record{
		rec(uni, "China", "CN", "Peking University", "2001-05-01"),
		rec(uni, "China", "CN", "Fudan University", "2003-01-01"),
		rec(uni, "China", "CN", "Hunan Normal College", "2003-01-01"),
	}}
	rep := run(t, &res)
	assert.Empty(t, rep.Findings)
	assert.False(t, rep.Failed(LevelError))
	for _, c := range rep.Checks {
		assert.True(t, c.Passed, c.Name)
	}
}

func TestDeclared(t *testing.T) {
	recs := []agreement.Record{
		rec(uni, "China", "CN", "Peking University", "2001"),
		rec(uni, "China", "CN", "Fudan University", "2001"),
		rec(dept, "China", "CN", "Fudan University", "2001"),
		rec(uni, "Korea", "KR", "Seoul National University", "2001", func(r *agreement.Record) { r.Region = "Asia" }),
	}
	tests := []struct {
		name      string
		d         agreement.Declared
		ok        bool
		extracted int
		message   string
	}{
		{"country institutions ok", agreement.Declared{Level: uni, Scope: "country", Name: "China", Count: 2, Unit: UnitInstitutions}, true, 2, ""},
		{"country by code", agreement.Declared{Level: uni, Scope: "country", Name: "CN", Count: 2, Unit: UnitInstitutions}, true, 2, ""},
		{"country short", agreement.Declared{Level: uni, Scope: "country", Name: "China", Count: 3, Unit: UnitInstitutions, Text: "China (3)", Page: 2, Row: 5},
			false, 2, "China (university level): the list declares 3 institutions, 2 extracted; counted institutions as distinct partner names"},
		{"all levels agreements", agreement.Declared{Scope: "country", Name: "china", Count: 3, Unit: UnitAgreements}, true, 3, ""},
		{"all levels institutions", agreement.Declared{Scope: "country", Name: "China", Count: 3, Unit: UnitInstitutions},
			false, 2, "China: the list declares 3 institutions, 2 extracted; counted institutions as distinct partner names; it would match if it counted agreements"},
		{"unit assumed", agreement.Declared{Scope: "document", Count: 4},
			false, 3, "the document: the list declares 4 institutions, 3 extracted; counted institutions as distinct partner names (the document does not say what it counts; assumed institutions); it would match if it counted agreements"},
		{"unnamed country group", agreement.Declared{Scope: "country", Count: 2, Unit: UnitAgreements, Text: "International Organization (2)"},
			false, 0, `"International Organization (2)" (records without a country): the list declares 2 agreements, 0 extracted; counted agreements as records`},
		{"countries", agreement.Declared{Level: uni, Scope: "document", Count: 2, Unit: UnitCountries}, true, 2, ""},
		{"region", agreement.Declared{Level: uni, Scope: "region", Name: "Asia", Count: 2, Unit: UnitInstitutions}, false, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := agreement.Result{Records: append([]agreement.Record{}, recs...), Declared: []agreement.Declared{tt.d}}
			rep := run(t, &res)
			require.Len(t, rep.Reconciliation, 1)
			assert.Equal(t, tt.ok, rep.Reconciliation[0].OK)
			assert.Equal(t, tt.extracted, rep.Reconciliation[0].Extracted)
			f := finding(rep, CheckDeclaredTotal)
			if tt.ok {
				assert.Nil(t, f)
				return
			}
			require.NotNil(t, f)
			assert.Equal(t, LevelError, f.Level)
			require.NotNil(t, f.Declared)
			require.NotNil(t, f.Extracted)
			assert.Equal(t, tt.d.Count, *f.Declared)
			assert.Equal(t, tt.extracted, *f.Extracted)
			if tt.message != "" {
				assert.Equal(t, tt.message, f.Message)
			}
			assert.True(t, rep.Failed(LevelError))
		})
	}
}

func TestFindingOrder(t *testing.T) {
	res := agreement.Result{
		Records:  []agreement.Record{rec(uni, "Korea", "KR", "KAIST", ""), rec(uni, "Korea", "KR", "KAIST", "")},
		Declared: []agreement.Declared{{Scope: "document", Count: 5, Unit: UnitAgreements}},
	}
	rep := run(t, &res)
	var got []string
	for _, f := range rep.Findings {
		got = append(got, string(f.Level)+":"+f.Check)
	}
	assert.Equal(t, []string{"error:declared_total", "warning:duplicate_id", "info:date_missing", "info:acronym_only_name"}, got)
}

func TestMaxExamples(t *testing.T) {
	var recs []agreement.Record
	for i := range 30 {
		recs = append(recs, rec(uni, "Chile", "CL", fmt.Sprintf("Universidad %d", i), ""))
	}
	recs = append(recs, rec(uni, "Chile", "CL", "Universidad de Chile", "2001"))
	rep := Run([]Input{{Name: "x", Result: &agreement.Result{Records: recs}}}, Options{MaxExamples: 5})
	f := finding(rep, CheckDateMissing)
	require.NotNil(t, f)
	assert.Equal(t, 30, f.Count)
	assert.Len(t, f.Examples, 5)
}

func TestUnreadableInput(t *testing.T) {
	rep := Run([]Input{{Name: "missing.pdf", Err: fmt.Errorf("missing.pdf: no such file")}}, Options{})
	f := finding(rep, CheckInputUnreadable)
	require.NotNil(t, f)
	assert.Equal(t, "missing.pdf", f.Examples[0].File)
	assert.Nil(t, finding(rep, CheckEmptyInput))
}

// TestDeclaredGroupUnit: bare per-country counts ("China (79)") are read in
// the unit most of them agree with, and a section total that is their sum
// is compared in that unit too, whatever word it uses.
func TestDeclaredGroupUnit(t *testing.T) {
	recs := []agreement.Record{
		rec(dept, "China", "CN", "Peking University", "2001"),
		rec(dept, "China", "CN", "Peking University", "2002", func(r *agreement.Record) { r.HomeUnit = "IMR" }),
		rec(dept, "China", "CN", "Fudan University", "2001"),
		rec(dept, "India", "IN", "IIT Bombay", "2001"),
		rec(dept, "India", "IN", "IIT Bombay", "2003", func(r *agreement.Record) { r.HomeUnit = "IMR" }),
		rec(dept, "Chile", "CL", "University of Atacama", "2001"),
	}
	res := agreement.Result{Records: recs, Declared: []agreement.Declared{
		{Level: dept, Scope: "country", Name: "China", Count: 3, Text: "China (3)"},
		{Level: dept, Scope: "country", Name: "India", Count: 2, Text: "India (2)"},
		{Level: dept, Scope: "country", Name: "Chile", Count: 2, Text: "Chile (2)"}, // the document is wrong here
		{Level: dept, Scope: "section", Count: 7, Unit: UnitInstitutions, Text: "3 countries, 7 institutions"},
	}}
	rep := run(t, &res)
	require.Len(t, rep.Reconciliation, 4)
	for _, rc := range rep.Reconciliation {
		assert.Equal(t, UnitAgreements, rc.Unit, rc.Text)
		assert.True(t, rc.Assumed, rc.Text)
		assert.NotEmpty(t, rc.Note, rc.Text)
	}
	assert.True(t, rep.Reconciliation[0].OK)
	assert.True(t, rep.Reconciliation[1].OK)
	assert.False(t, rep.Reconciliation[2].OK)
	assert.False(t, rep.Reconciliation[3].OK, "7 declared, 6 agreements")
	assert.Equal(t, 6, rep.Reconciliation[3].Extracted)
}
