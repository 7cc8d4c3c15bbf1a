package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
