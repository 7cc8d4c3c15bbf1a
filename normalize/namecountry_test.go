package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCountryAfterName(t *testing.T) {
	c := newContext(tdoc(nil), Options{})
	for _, tc := range []struct {
		name, code, want string
	}{
		{"Northumbria University Inggris", "GB", "Northumbria University"},
		{"Aalto University, Finland", "FI", "Aalto University"},
		{"Cranfield University (UK)", "GB", "Cranfield University"},
		{"Cranfield University (United Kingdom)", "GB", "Cranfield University"},
		{"University of Tokyo, Japan", "JP", "University of Tokyo"},
		{"Seoul National University, Republic of Korea", "KR", "Seoul National University"},
		{"Istanbul Technical University Turkey", "TR", "Istanbul Technical University"},
		{"Ruhr-Universität Bochum - Deutschland", "DE", "Ruhr-Universität Bochum"},
		{"Chulalongkorn University Thailand", "TH", "Chulalongkorn University"},
		{"Goldsmiths, University of London", "GB", ""},
		// the country is part of the name
		{"National University of Singapore", "SG", ""},
		{"Universitas Indonesia", "ID", ""},
		{"Universiti Teknologi Malaysia", "MY", ""},
		{"Universidad de Chile", "CL", ""},
		{"University of Malaya", "MY", ""},
		// another country than the record's
		{"Temple University Japan", "US", ""},
		{"Emory University (Georgia)", "US", ""},
		// no institution before it
		{"Institute of Physics, China", "CN", ""},
		{"Campus France", "FR", ""},
		{"Ministry of Health and Sports, Mongolia", "MN", ""},
		{"Embassy (France)", "FR", ""},
		{"Aalto University, Finland", "", ""},
	} {
		got, ok := c.countryAfterName(tc.name, tc.code)
		if tc.want == "" {
			assert.False(t, ok, "%q (%s) read %q", tc.name, tc.code, got)
			continue
		}
		assert.True(t, ok, "%q (%s)", tc.name, tc.code)
		assert.Equal(t, tc.want, got, tc.name)
	}
}

func TestDescribesScope(t *testing.T) {
	for _, kind := range []string{"MOU", "Student Exchange", "包括 / 学生交換", "Dual Degree Articulation",
		"Memorandum of Understanding on Academic Cooperation and Student Exchange",
		"Agreement on Academic Exchange; Student Exchange"} {
		assert.False(t, describesScope(kind), kind)
	}
	for _, scope := range []string{
		"Exchange of students; Exchange of faculty members and/or staffs; Joint research activities and publications",
		"The Parties undertake to promote and develop academic cooperation in the following ways: Visits by and exchange of students",
	} {
		assert.True(t, describesScope(scope), scope)
	}
}

// TestCountryWithin: a country named inside a cell that holds its region
// too, the region before it or, read among the lines of the country's
// wrapped name, in the middle of it.
func TestCountryWithin(t *testing.T) {
	c := newContext(tdoc(nil), Options{})
	for text, want := range map[string]string{
		"Europe Sweden": "SE",
		"アジア Asia バングラデシュ Bangladesh":    "BD",
		"United Europe Kingdom":          "GB",
		"Czech Europe Republic":          "CZ",
		"Europe":                         "",
		"Partner Institutions in Europe": "",
	} {
		cn, ok := c.countryWithin(text)
		assert.Equal(t, want != "", ok, text)
		assert.Equal(t, want, cn.Code, text)
	}
}
