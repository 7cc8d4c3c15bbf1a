package diff

import (
	"slices"
	"testing"

	"github.com/agreements/agreements/agreement"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func rec(level, code, partner, signed string, edit ...func(*agreement.Record)) agreement.Record {
	country := map[string]string{"CN": "China", "EE": "Estonia", "TH": "Thailand", "IT": "Italy", "FR": "France"}[code]
	r := agreement.Record{
		Schema: agreement.Schema, HomeInstitution: "Tohoku University", Level: level,
		Country: country, CountryCode: code, Partner: partner, Signed: signed,
		Flags: []string{}, Repairs: []string{}, AsOf: "2023-05-01",
	}
	for _, e := range edit {
		e(&r)
	}
	r.ID = agreement.ComputeID(r)
	return r
}

const uni, dept = agreement.LevelUniversity, agreement.LevelDepartment

func asOf(d string) func(*agreement.Record) { return func(r *agreement.Record) { r.AsOf = d } }

func TestCompare(t *testing.T) {
	old := []agreement.Record{
		rec(uni, "CN", "Peking University", "2001-05-01"),
		rec(uni, "CN", "Fudan University", "2003"),
		rec(uni, "EE", "Tallin University of Technology", "2010"),
		rec(uni, "FR", "Université de Lyon", "2011", func(r *agreement.Record) { r.Flags = []string{"fee_waiver", "double_degree"} }),
		rec(uni, "TH", "Mahidol University", "2012"),
	}
	cur := []agreement.Record{
		rec(uni, "CN", "Peking University", "2001-05-01", asOf("2024-05-01")),
		rec(uni, "CN", "Fudan University", "2003-04-01", asOf("2024-05-01")),
		rec(uni, "EE", "Tallinn University of Technology", "2010", asOf("2024-05-01")),
		rec(uni, "FR", "Université de Lyon", "2011", asOf("2024-05-01"), func(r *agreement.Record) {
			r.Flags = []string{"double_degree", "fee_waiver"} // same set, other order
			r.Source.Row = 99                                 // provenance is not compared
			r.Repairs = []string{"date:YYYY"}
		}),
		rec(uni, "IT", "Ca' Foscari University of Venice", "2023", asOf("2024-05-01")),
	}
	d := Compare("old.ndjson", old, "new.ndjson", cur)

	require.Len(t, d.Added, 1)
	assert.Equal(t, "Ca' Foscari University of Venice", d.Added[0].Partner)
	require.Len(t, d.Removed, 1)
	assert.Equal(t, "Mahidol University", d.Removed[0].Partner)
	require.Len(t, d.Changed, 1)
	assert.Equal(t, "Fudan University", d.Changed[0].Partner)
	assert.Equal(t, map[string]FieldChange{"signed": {Old: "2003", New: "2003-04-01"}}, d.Changed[0].Fields)
	require.Len(t, d.Renamed, 1)
	assert.Equal(t, "Tallin University of Technology", d.Renamed[0].Old.Partner)
	assert.Equal(t, "Tallinn University of Technology", d.Renamed[0].New.Partner)
	assert.Equal(t, map[string]FieldChange{"partner": {Old: "Tallin University of Technology", New: "Tallinn University of Technology"}}, d.Renamed[0].Fields)
	assert.Equal(t, &FieldChange{Old: "2023-05-01", New: "2024-05-01"}, d.Summary.AsOf)
	assert.Equal(t, 2, d.Summary.Unchanged)
	assert.Equal(t, []GroupCount{
		{Key: "China", Changed: 1}, {Key: "Estonia", Renamed: 1}, {Key: "Italy", Added: 1}, {Key: "Thailand", Removed: 1},
	}, d.Summary.ByCountry)
	assert.Equal(t, []GroupCount{{Key: "university", Added: 1, Removed: 1, Changed: 1, Renamed: 1}}, d.Summary.ByLevel)
	assert.False(t, d.Empty())
}

func TestCompareIdentical(t *testing.T) {
	s := []agreement.Record{rec(uni, "CN", "Peking University", "2001"), rec(dept, "CN", "Peking University", "2002")}
	d := Compare("a", s, "b", s)
	assert.True(t, d.Empty())
	assert.Equal(t, 2, d.Summary.Unchanged)
	assert.Empty(t, d.Summary.ByCountry)
}

func TestCompareFields(t *testing.T) {
	base := rec(uni, "CN", "Peking University", "2001")
	tests := []struct {
		name string
		edit func(*agreement.Record)
		want map[string]FieldChange
	}{
		{"signed", func(r *agreement.Record) { r.Signed = "2002" }, map[string]FieldChange{"signed": {"2001", "2002"}}},
		{"fee waiver", func(r *agreement.Record) { r.FeeWaiver = true; r.Flags = []string{"fee_waiver"} },
			map[string]FieldChange{"fee_waiver": {false, true}, "flags": {[]string{}, []string{"fee_waiver"}}}},
		{"valid until", func(r *agreement.Record) { r.ValidUntil = "2030-03" }, map[string]FieldChange{"valid_until": {"", "2030-03"}}},
		{"type", func(r *agreement.Record) { r.AgreementType = "MOU" }, map[string]FieldChange{"agreement_type": {"", "MOU"}}},
		{"alt", func(r *agreement.Record) { r.PartnerAlt = "北京大学" }, map[string]FieldChange{"partner_alt": {"", "北京大学"}}},
		{"region", func(r *agreement.Record) { r.Region = "Asia" }, map[string]FieldChange{"region": {"", "Asia"}}},
		{"country name", func(r *agreement.Record) { r.Country = "PRC" }, map[string]FieldChange{"country": {"China", "PRC"}}},
		{"partner case (same id)", func(r *agreement.Record) { r.Partner = "PEKING UNIVERSITY" },
			map[string]FieldChange{"partner": {"Peking University", "PEKING UNIVERSITY"}}},
		{"source and repairs ignored", func(r *agreement.Record) { r.Source.Page = 3; r.Repairs = []string{"x:y"} }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := base
			n.Flags = []string{}
			tt.edit(&n)
			d := Compare("a", []agreement.Record{base}, "b", []agreement.Record{n})
			if tt.want == nil {
				assert.True(t, d.Empty())
				return
			}
			require.Len(t, d.Changed, 1)
			assert.Equal(t, tt.want, d.Changed[0].Fields)
		})
	}
}

func TestCompareAsOfPerRecord(t *testing.T) {
	// as_of differs within a snapshot: it is compared per record.
	old := []agreement.Record{rec(uni, "CN", "A University", "2001"), rec(uni, "CN", "B University", "2001", asOf("2022-01-01"))}
	cur := []agreement.Record{rec(uni, "CN", "A University", "2001"), rec(uni, "CN", "B University", "2001")}
	d := Compare("a", old, "b", cur)
	assert.Nil(t, d.Summary.AsOf)
	require.Len(t, d.Changed, 1)
	assert.Equal(t, map[string]FieldChange{"as_of": {"2022-01-01", "2023-05-01"}}, d.Changed[0].Fields)
}

func TestCompareDuplicateIDs(t *testing.T) {
	a1 := rec(uni, "CN", "Peking University", "2001")
	a2 := rec(uni, "CN", "Peking University", "2005")
	a3 := rec(uni, "CN", "Peking University", "2009")
	// old lists the id twice, new three times: the k-th matches the k-th.
	d := Compare("a", []agreement.Record{a1, a2}, "b", []agreement.Record{a1, a2, a3})
	assert.Empty(t, d.Changed)
	require.Len(t, d.Added, 1)
	assert.Equal(t, "2009", d.Added[0].Signed)
	// and the reverse
	d = Compare("a", []agreement.Record{a1, a3, a2}, "b", []agreement.Record{a1, a2})
	require.Len(t, d.Changed, 1)
	assert.Equal(t, map[string]FieldChange{"signed": {"2009", "2005"}}, d.Changed[0].Fields)
	require.Len(t, d.Removed, 1)
	assert.Equal(t, "2005", d.Removed[0].Signed)
	// deterministic
	assert.Equal(t, d, Compare("a", []agreement.Record{a1, a3, a2}, "b", []agreement.Record{a1, a2}))
}

func padua(r *agreement.Record) { r.FeeWaiver, r.Flags = true, []string{"fee_waiver"} }

func TestRenames(t *testing.T) {
	tests := []struct {
		name     string
		old, cur []agreement.Record
		want     [][2]string // old partner → new partner
	}{
		{"typo fixed", []agreement.Record{rec(uni, "EE", "Tallin University", "2010")},
			[]agreement.Record{rec(uni, "EE", "Tallinn University", "2010")}, [][2]string{{"Tallin University", "Tallinn University"}}},
		{"spacing", []agreement.Record{rec(uni, "TH", "Chiangmai University", "2010")},
			[]agreement.Record{rec(uni, "TH", "Chiang Mai University", "2011")}, [][2]string{{"Chiangmai University", "Chiang Mai University"}}},
		{"other country is no rename", []agreement.Record{rec(uni, "EE", "Tallin University", "2010")},
			[]agreement.Record{rec(uni, "FR", "Tallinn University", "2010")}, nil},
		{"other level is no rename", []agreement.Record{rec(uni, "EE", "Tallin University", "2010")},
			[]agreement.Record{rec(dept, "EE", "Tallinn University", "2010")}, nil},
		{"different names", []agreement.Record{rec(uni, "CN", "Southeast University", "2010")},
			[]agreement.Record{rec(uni, "CN", "Southwest University", "2010")}, nil},
		{"same other-language name", []agreement.Record{rec(uni, "CN", "Tokyo Tech", "2010", func(r *agreement.Record) { r.PartnerAlt = "東京工業大学" })},
			[]agreement.Record{rec(uni, "CN", "Institute of Science Tokyo", "2010", func(r *agreement.Record) { r.PartnerAlt = "東京工業大学" })},
			[][2]string{{"Tokyo Tech", "Institute of Science Tokyo"}}},
		{"exonym, all else the same", []agreement.Record{rec(uni, "IT", "University of Padova", "2006-04-12", padua)},
			[]agreement.Record{rec(uni, "IT", "University of Padua", "2006-04-12", padua)}, [][2]string{{"University of Padova", "University of Padua"}}},
		{"exonym beside an unchanged agreement", []agreement.Record{rec(uni, "IT", "University of Padova", "2006-04-12"), rec(uni, "IT", "Politecnico di Milano", "2006-04-12")},
			[]agreement.Record{rec(uni, "IT", "University of Padua", "2006-04-12"), rec(uni, "IT", "Politecnico di Milano", "2006-04-12")},
			[][2]string{{"University of Padova", "University of Padua"}}},
		{"exonym, date changed", []agreement.Record{rec(uni, "IT", "University of Padova", "2006-04-12")},
			[]agreement.Record{rec(uni, "IT", "University of Padua", "2016-04-12")}, nil},
		{"exonym, flags changed", []agreement.Record{rec(uni, "IT", "University of Padova", "2006-04-12", padua)},
			[]agreement.Record{rec(uni, "IT", "University of Padua", "2006-04-12")}, nil},
		{"exonym, date known to the year only", []agreement.Record{rec(uni, "IT", "University of Padova", "2006")},
			[]agreement.Record{rec(uni, "IT", "University of Padua", "2006")}, nil},
		{"two such pairs: not told apart", []agreement.Record{rec(uni, "IT", "University of Padova", "2006-04-12"), rec(uni, "IT", "University of Turin", "2006-04-12")},
			[]agreement.Record{rec(uni, "IT", "University of Padua", "2006-04-12"), rec(uni, "IT", "Università di Torino", "2006-04-12")}, nil},
		{"closest pair wins", []agreement.Record{rec(uni, "EE", "Tartu Universty", "2010"), rec(uni, "EE", "Tartu Univ.", "2010")},
			[]agreement.Record{rec(uni, "EE", "Tartu University", "2010")}, [][2]string{{"Tartu Universty", "Tartu University"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Compare("a", tt.old, "b", tt.cur)
			var got [][2]string
			for _, r := range d.Renamed {
				got = append(got, [2]string{r.Old.Partner, r.New.Partner})
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, len(tt.old)-len(got)-d.Summary.Unchanged, len(d.Removed))
			assert.Equal(t, len(tt.cur)-len(got)-d.Summary.Unchanged, len(d.Added))
		})
	}
}

func TestRenameBy(t *testing.T) {
	d := Compare("a", []agreement.Record{
		rec(uni, "EE", "Tallin University", "2010"),
		rec(uni, "IT", "University of Padova", "2006-04-12"),
		rec(uni, "CN", "Tokyo Tech", "2010", func(r *agreement.Record) { r.PartnerAlt = "東京工業大学" }),
	}, "b", []agreement.Record{
		rec(uni, "EE", "Tallinn University", "2010"),
		rec(uni, "IT", "University of Padua", "2006-04-12"),
		rec(uni, "CN", "Institute of Science Tokyo", "2010", func(r *agreement.Record) { r.PartnerAlt = "東京工業大学" }),
	})
	by := map[string]string{}
	for _, r := range d.Renamed {
		by[r.New.Partner] = r.By
	}
	assert.Equal(t, map[string]string{"Tallinn University": RenameNearDuplicate, "University of Padua": RenameSameFields,
		"Institute of Science Tokyo": RenamePartnerAlt}, by)
}

func TestIdentityHint(t *testing.T) {
	var old, cur []agreement.Record
	for _, p := range []string{"Peking University", "Fudan University", "Zhejiang University", "Nanjing University"} {
		old = append(old, rec(uni, "CN", p, "2001"))
		cur = append(cur, rec(uni, "CN", p, "2001", func(r *agreement.Record) { r.HomeInstitution = "" }))
	}
	d := Compare("last.ndjson", old, "list.pdf", cur)
	assert.Len(t, d.Removed, 4, "no id is shared")
	require.Len(t, d.Hints, 1)
	h := d.Hints[0]
	assert.Equal(t, HintIdentity, h.Kind)
	assert.Equal(t, "home_institution", h.Field)
	assert.Equal(t, "Tohoku University", h.Old)
	assert.Equal(t, "", h.New)
	assert.Equal(t, 4, h.Pairs)
	assert.Contains(t, h.Message, `4 of the 4 removed and 4 added agreements are the same partners under another home_institution: "Tohoku University" in OLD, "" in NEW`)
	assert.Contains(t, h.Message, "--institution")

	// a unit given to one side only
	for i := range cur {
		cur[i] = rec(dept, "CN", old[i].Partner, "2001", func(r *agreement.Record) { r.HomeUnit = "GS Engineering" })
		old[i] = rec(dept, "CN", old[i].Partner, "2001")
	}
	d = Compare("a", old, "b", cur)
	require.Len(t, d.Hints, 1)
	assert.Equal(t, "home_unit", d.Hints[0].Field)

	// a real yearly change: one removed, one added, different partners
	d = Compare("a", old[:3], "b", append(slices.Clone(old[:2]), rec(dept, "CN", "Wuhan University", "2001")))
	assert.Empty(t, d.Hints)
	assert.NotNil(t, d.Hints, "an empty list, not null, in JSON")
}
