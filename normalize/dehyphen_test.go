package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A word a line break hyphenated in a narrow cell (LaTeX and groff
// hyphenate: "Technol-" / "ogy") is joined whole where the document
// writes the word elsewhere, and the record says so, or, unsure, where
// the document shows its typesetter hyphenates ("Stu-" / "dent", and
// "Student" written whole); a hyphen the document writes on a line of
// its own ("Co-operation"), a word with two ("School-to-" / "school"),
// and a hyphen at a line's end in a document that shows no word
// hyphenated (a browser's "Sun Yat-" / "sen"), stay.
func TestHyphenatedWordsJoinedWhole(t *testing.T) {
	for name, c := range map[string]struct {
		rows   [][]string
		want   []string
		joined []bool
	}{
		"table, English": {
			[][]string{
				{"Country", "Partner Institution", "Year"},
				{"China", "Huazhong University of Science and Technol-\nogy", "1986"},
				{"China", "Harbin Institute of Technology", "2002"},
				{"Korea", "Korea Advanced Institute of Science and Tech-\nnology (KAIST)", "2013"},
			},
			[]string{"Huazhong University of Science and Technology", "Harbin Institute of Technology", "Korea Advanced Institute of Science and Technology (KAIST)"},
			[]bool{true, false, true},
		},
		"table, a unit": {
			[][]string{
				{"Country", "Partner Institution", "Partner Department", "Department at Tohoku University", "Date"},
				{"Denmark", "Aalborg University", "Faculty of Engi-\nneering and Science", "GS Engineering", "2013.4.1"},
				{"Denmark", "Aarhus University", "School of Business and Social Sci-\nences", "IMR", "2008.2.1"},
				{"Sweden", "Lund University", "Faculty of Social Sciences", "GS Economics", "2014.6.12"},
			},
			[]string{"Aalborg University", "Aarhus University", "Lund University"},
			[]bool{true, true, false},
		},
		"table, a name written once, set by a typesetter that hyphenates": {
			[][]string{
				{"Country", "Institution", "Type", "Start Date"},
				{"Argentina", "Universidad Nacional de Tu-\ncuman", "MOU, Reciprocal Stu-\ndent Exchange", "1999"},
				{"Brazil", "Universidade Federal de Uber-\nlândia", "MOU", "2018"},
				{"Chile", "Universidad de Concepcion", "Student Exchange", "2002"},
			},
			[]string{"Universidad Nacional de Tucuman", "Universidade Federal de Uberlândia", "Universidad de Concepcion"},
			[]bool{true, true, false},
		},
		"table, a name written once, set by a browser": {
			[][]string{
				{"Country", "Partner Institution", "Partner Department", "Year"},
				{"Taiwan", "National Sun Yat-\nsen University", "College of Liberal Arts", "2010"},
				{"Taiwan", "National Taiwan University", "College of Law", "2011"},
			},
			[]string{"National Sun Yat-sen University", "National Taiwan University"},
			[]bool{false, false},
		},
		"table, a hyphen of the word's own": {
			[][]string{
				{"Country", "Partner Institution", "Partner Department", "Year"},
				{"Laos", "Ministry of Science", "Department of Planning and Co-\noperation", "2010"},
				{"Laos", "National University of Laos", "Office of Co-operation", "2011"},
				{"Laos", "Souphanouvong University", "Office of Cooperation", "2012"},
			},
			[]string{"Ministry of Science", "National University of Laos", "Souphanouvong University"},
			[]bool{false, false, false},
		},
	} {
		res, err := Normalize(tdoc(nil, tbl(c.rows...)), Options{})
		require.NoError(t, err, name)
		require.Len(t, res.Records, len(c.want), name)
		for i, r := range res.Records {
			assert.Equal(t, c.want[i], r.Partner, name)
			assert.Equal(t, c.joined[i], hasRepair(r, "dehyphenated"), "%s: %s", name, r.Partner)
		}
		switch name {
		case "table, a unit":
			assert.Equal(t, "Faculty of Engineering and Science", res.Records[0].PartnerUnit)
			assert.Equal(t, "School of Business and Social Sciences", res.Records[1].PartnerUnit)
		case "table, a name written once, set by a typesetter that hyphenates":
			// (the document writes "Tucuman" nowhere else: joined, unsure)
			assert.Contains(t, res.Records[0].Repairs, "dehyphenated:unsure:Tu-cuman")
			assert.Contains(t, res.Records[1].Repairs, "dehyphenated:unsure:Uber-lândia")
		case "table, a hyphen of the word's own":
			assert.Equal(t, "Department of Planning and Co-operation", res.Records[0].PartnerUnit)
		}
	}

}

func hasRepair(r Record, kind string) bool {
	for _, k := range r.Repairs {
		if k == kind {
			return true
		}
	}
	return false
}

// Names are written with straight quotes and apostrophes, however the
// list set them (a typesetter's "Xi’an", "”La Sapienza”", a word
// processor's “…”), so that one name reads the same from every list.
func TestNamesWithStraightQuotes(t *testing.T) {
	tb := tbl([]string{"Country", "Partner Institution", "Partner Department", "Year"},
		[]string{"China", "Xi’an Jiaotong University", "School of Humanities", "2006"},
		[]string{"Italy", "University of Rome ”La Sapienza”", "Faculty of “Engineering”", "2010"},
		[]string{"Canada", "Queen's University", "", "2016"})
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, 3)
	assert.Equal(t, "Xi'an Jiaotong University", res.Records[0].Partner)
	assert.Equal(t, `University of Rome "La Sapienza"`, res.Records[1].Partner)
	assert.Equal(t, `Faculty of "Engineering"`, res.Records[1].PartnerUnit)
	assert.Equal(t, "Queen's University", res.Records[2].Partner)
}
