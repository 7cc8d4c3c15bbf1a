package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// unitEntries are entries that name the partner and its unit after a
// comma where neither name tells which is which by its words: a marker
// that ends the partner's name before the comma, a university's hospital.
// A name with a comma of its own, its marker after the whole, stays whole.
var unitEntries = []struct {
	partner, date string
	want          brief
}{
	{"Vietnam Academy of Science and Technology *, Graduate University of Science and Technology", "2017.5.12",
		brief{"department", "Asia", "VN", "Vietnam Academy of Science and Technology", "Graduate University of Science and Technology", "GS Engineering", "2017-05-12", true}},
	{"Vietnam Atomic Energy Institute *, Institute of Materials Science", "2011.3.1",
		brief{"department", "Asia", "VN", "Vietnam Atomic Energy Institute", "Institute of Materials Science", "GS Engineering", "2011-03-01", true}},
	{"University of Science, Vietnam National University - Ho Chi Minh City *", "2009.7.20",
		brief{"department", "Asia", "VN", "University of Science, Vietnam National University - Ho Chi Minh City", "", "GS Engineering", "2009-07-20", true}},
	{"Alexandria University, Smouha Emergency and Accident Hospital (SEAH)", "2016.2.1",
		brief{"department", "Asia", "VN", "Alexandria University", "Smouha Emergency and Accident Hospital (SEAH)", "GS Engineering", "2016-02-01", false}},
}

func TestUnitAfterMarkerOrHospital(t *testing.T) {
	want := make([]brief, 0, len(unitEntries))
	for _, e := range unitEntries {
		want = append(want, e.want)
	}
	t.Run("list", func(t *testing.T) {
		specs := []lineSpec{
			{text: "* Tuition Exemption", style: stNote},
			{text: "Asia", style: stRegion},
			{text: "Vietnam", style: stCountry},
		}
		for _, e := range unitEntries {
			specs = append(specs, item(e.partner+" — School-to-school agreement (GS Engineering), concluded "+e.date))
		}
		res, err := Normalize(pdfDoc(specs...), Options{})
		require.NoError(t, err)
		assert.Equal(t, want, briefs(res.Records))
	})
	t.Run("table", func(t *testing.T) {
		rows := [][]string{{"Region", "Country", "Partner Institution", "Department at Tohoku University", "Date of Agreement"}}
		for _, e := range unitEntries {
			rows = append(rows, []string{"Asia", "Vietnam", e.partner, "GS Engineering", e.date})
		}
		res, err := Normalize(tdoc([]string{"School-to-school agreements", "* Tuition Exemption"}, tbl(rows...)), Options{})
		require.NoError(t, err)
		assert.Equal(t, want, briefs(res.Records))
	})
}

// unitFirstEntries are a unit-level list that names each unit before its
// institution. Where the words of the two names do not tell which is the
// unit, the list's order does; a university-wide agreement with a member
// school of a federal university keeps the school's name whole.
var unitFirstEntries = []struct {
	partner, home, date string
	want                brief
}{
	{"Faculty of Social Sciences, University of Leicester", "GS Economics and Management", "2001.2.12",
		brief{"department", "Europe", "GB", "University of Leicester", "Faculty of Social Sciences", "GS Economics and Management", "2001-02-12", false}},
	{"Department of Educational Studies, University of York", "GS Education", "2005.2.4",
		brief{"department", "Europe", "GB", "University of York", "Department of Educational Studies", "GS Education", "2005-02-04", false}},
	{"Institute of Education, University of London", "GS Education", "1999.4.26",
		brief{"department", "Europe", "GB", "University of London", "Institute of Education", "GS Education", "1999-04-26", false}},
	{"Korea Institute of Robot and Convergence (KIRO), Disaster Robotics Center (DRC)", "TCPAI", "2019.6.17",
		brief{"department", "Europe", "GB", "Disaster Robotics Center (DRC)", "Korea Institute of Robot and Convergence (KIRO)", "TCPAI", "2019-06-17", false}},
	{"The School of Oriental and African Studies, University of London", "", "1989.4.10",
		brief{"university", "Europe", "GB", "The School of Oriental and African Studies, University of London", "", "", "1989-04-10", false}},
}

func TestUnitFirstList(t *testing.T) {
	want := make([]brief, 0, len(unitFirstEntries))
	for _, e := range unitFirstEntries {
		want = append(want, e.want)
	}
	t.Run("list", func(t *testing.T) {
		specs := []lineSpec{{text: "Europe", style: stRegion}, {text: "United Kingdom", style: stCountry}}
		for _, e := range unitFirstEntries {
			details := "School-to-school agreement (" + e.home + "), concluded " + e.date
			if e.home == "" {
				details = "University-wide agreement, concluded " + e.date
			}
			specs = append(specs, item(e.partner+" — "+details))
		}
		res, err := Normalize(pdfDoc(specs...), Options{})
		require.NoError(t, err)
		assert.Equal(t, want, briefs(res.Records))
	})
	t.Run("table", func(t *testing.T) {
		rows := [][]string{{"Region", "Country", "Partner Institution", "Department at Tohoku University", "Date of Agreement"}}
		for _, e := range unitFirstEntries {
			home := e.home
			if home == "" {
				home = "University-wide"
			}
			rows = append(rows, []string{"Europe", "United Kingdom", e.partner, home, e.date})
		}
		res, err := Normalize(tdoc([]string{"Academic exchange agreements"}, tbl(rows...)), Options{})
		require.NoError(t, err)
		assert.Equal(t, want, briefs(res.Records))
	})
}

// TestUnitsFirstCountsRepeats: a text met again counts again, as lines or
// as table cells: one entry named unit first twice is two of them, and
// the document names partners unit first; once, it does not.
func TestUnitsFirstCountsRepeats(t *testing.T) {
	const unitFirst = "Faculty of Science, University of Leicester"
	for _, n := range []int{1, 2, 3} {
		var lines []string
		rows := [][]string{{"Country", "Partner Institution", "Date of Conclusion"}}
		for range n {
			lines = append(lines, unitFirst)
			rows = append(rows, []string{"United Kingdom", unitFirst, "April 1, 2014"})
		}
		for name, doc := range map[string]*parser.Document{"lines": tdoc(lines), "table": tdoc(nil, tbl(rows...))} {
			c := newContext(doc, Options{})
			assert.Equal(t, n >= 2, c.unitsFirst(), "%s, %d", name, n)
		}
	}
}
