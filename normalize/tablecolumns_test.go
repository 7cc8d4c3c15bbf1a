package normalize

import (
	"github.com/agreements/agreements/parser"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A column whose header names no field (a header broken over rows so that
// no part names it, "国・地" / "域"; a column left unheaded) is the
// country's when most of its cells name countries and no column is the
// country's: the records are filed under them and say so. Names a narrow
// column broke over rows ("アルゼ" / "ンチン") are read whole first.
func TestCountryColumnReadFromItsCells(t *testing.T) {
	for name, c := range map[string]struct {
		rows   [][]string
		stream bool
	}{
		"english, unheaded": {rows: [][]string{
			{"", "Partner Institution", "Start"},
			{"Argentina", "Universidad Nacional de Tucuman", "1999"},
			{"Brazil", "Universidade Federal de Uberlândia", "1/25/2018"},
			{"China (PRC)", "Beijing Prepare", "2016"},
		}},
		"japanese, wrapped": {stream: true, rows: [][]string{
			{"域", "相手機関名", "締結年月日"},
			{"アルゼ", "Universidad Nacional de", "1999"},
			{"ンチン", "Tucuman", ""},
			{"ブラジ", "Universidade Federal de", "1/25/2018"},
			{"ル", "Uberlândia", ""},
			{"中国", "Beijing Prepare", "2016"},
		}},
	} {
		tb := tbl(c.rows...)
		if c.stream {
			tb.Method = "stream"
		}
		res, err := Normalize(tdoc(nil, tb), Options{})
		require.NoError(t, err, name)
		var got []string
		for _, r := range res.Records {
			got = append(got, r.CountryCode+" "+r.Partner)
			assert.Contains(t, r.Repairs, "column_from_cells:country", name)
		}
		assert.Equal(t, []string{"AR Universidad Nacional de Tucuman", "BR Universidade Federal de Uberlândia", "CN Beijing Prepare"}, got, name)
	}
}

// A column of other words (cities) stays unread: most of its cells must
// name countries.
func TestCityColumnIsNoCountrys(t *testing.T) {
	res, err := Normalize(tdoc(nil, tbl(
		[]string{"", "Partner Institution", "Start"},
		[]string{"Wien", "Technische Universität Wien", "2017"},
		[]string{"Baku", "Khazar University", "2009"},
		[]string{"Mechelen", "Thomas More University of Applied Sciences", "2020"},
	)), Options{})
	require.NoError(t, err)
	for _, r := range res.Records {
		assert.Empty(t, r.CountryCode, r.Partner)
		assert.NotContains(t, r.Repairs, "column_from_cells:country", r.Partner)
	}
}

// A table with a home-unit column says a row is a unit's agreement where
// the row names the unit: a row that leaves it blank or holds a
// placeholder there ("―"), its level said nowhere else, is assumed at
// university level, and says so; under a section that says the level,
// it is the section's (university too: a university-level list that
// prints a home-unit column of dashes).
func TestBlankHomeUnitSaysNoDepartment(t *testing.T) {
	for name, blank := range map[string]string{"dash": "―", "blank": ""} {
		tb := tbl(
			[]string{"Country", "Partner Institution", "Home Unit", "Start"},
			[]string{"Argentina", "Universidad Nacional de Tucuman", blank, "1999"},
			[]string{"Brazil", "Universidade Federal de Uberlândia", "GS Engineering", "2018"},
		)
		res, err := Normalize(tdoc(nil, tb), Options{})
		require.NoError(t, err, name)
		require.Len(t, res.Records, 2, name)
		assert.Equal(t, LevelUniversity, res.Records[0].Level, name)
		assert.Contains(t, res.Records[0].Repairs, "level:assumed_university", name)
		assert.Equal(t, LevelDepartment, res.Records[1].Level, name)
		assert.NotContains(t, res.Records[1].Repairs, "level:assumed_university", name)

		for section, want := range map[string]string{deptSection: LevelDepartment, uniSection: LevelUniversity} {
			res, err = Normalize(tdoc([]string{section}, tbl(
				[]string{"Country", "Partner Institution", "Home Unit", "Start"},
				[]string{"Argentina", "Universidad Nacional de Tucuman", blank, "1999"},
			)), Options{})
			require.NoError(t, err, name)
			require.Len(t, res.Records, 1, name)
			assert.Equal(t, want, res.Records[0].Level, name, section)
			assert.NotContains(t, res.Records[0].Repairs, "level:assumed_university", name, section)
		}
	}
}

// In a table whose cells are set at the bottom of their rows, a cell of
// three lines over a row of one leaves two rows of first lines over it,
// one leading the next: both go into the row they lead, up to the row
// whose date is read.
func TestTableCellOfThreeLinesSetAtTheBottom(t *testing.T) {
	for name, c := range map[string]struct {
		lead [3][2]string
		want string
	}{
		"english":  {[3][2]string{{"University of International", ""}, {"Business and", "School of"}, {"Economics", "Engineering"}}, "University of International Business and Economics | School of Engineering | 2002-06-01"},
		"japanese": {[3][2]string{{"", "国際"}, {"対外経済", "貿易経済"}, {"貿易大学", "学院"}}, "対外経済貿易大学 | 国際貿易経済学院 | 2002-06-01"},
	} {
		tb := tbl([]string{"", "", "Date of"},
			[]string{"Partner Institution", "Partner Department", "Agreement"},
			[]string{"Umea University", "Faculty of Medicine", "1997.5.1"},
			[]string{c.lead[0][0], c.lead[0][1], ""},
			[]string{c.lead[1][0], c.lead[1][1], ""},
			[]string{c.lead[2][0], c.lead[2][1], "2002.6.1"},
			[]string{"Lund University", "Faculty of Law", "2004.7.1"})
		tb.Rows[0].Header = false
		y := 100.0
		for i := range tb.Rows {
			tb.Rows[i].SetBox(parser.Box{X0: 50, Y0: y, X1: 500, Y1: y + 9})
			y += 10
		}
		tb.Method = "stream"
		res, err := Normalize(tdoc([]string{"# Asia", "# China"}, tb), Options{})
		require.NoError(t, err, name)
		var got []string
		for _, r := range res.Records {
			got = append(got, r.Partner+" | "+r.PartnerUnit+" | "+r.Signed)
		}
		assert.Equal(t, []string{"Umea University | Faculty of Medicine | 1997-05-01", c.want, "Lund University | Faculty of Law | 2004-07-01"}, got, name)
	}
}
