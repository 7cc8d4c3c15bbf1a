package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// A raised marker on a line of its own, inside a cell ("State
// University" / "*" / "of New York"), as a row of its own right above the
// row it marks, or as the last line of the cell above it, marks that row's
// record, as the marker before the name does.
func TestTableRaisedMarkers(t *testing.T) {
	want := []brief{
		{"university", "", "US", "University at Albany, State University of New York", "", "", "2012-08-06", true},
		{"university", "", "US", "The Forsyth Institute", "", "", "2005-12-09", false},
		{"university", "", "US", "The City College of New York", "", "", "2010-12-13", true},
		{"university", "", "US", "University of Toronto", "", "", "1994-06-20", false},
		{"university", "", "US", "Wayne State University", "", "", "2011-05-20", true},
	}
	raised := boxed(tbl(
		[]string{"Partner Institution", "Date of Agreement"},
		[]string{"University at Albany, State University\n*\nof New York", "6 August 2012"},
		[]string{"The Forsyth Institute", "9 December 2005"},
		[]string{"*", ""},
		[]string{"The City College of New York", "13 December 2010"},
		[]string{"University of Toronto\n*", "20 June 1994"},
		[]string{"Wayne State University", "20 May 2011"},
	))
	// the marker's row: a small glyph raised over the top of the next row
	top := raised.Rows[3].Box().Y0
	b3, b4 := raised.Rows[3].Box(), raised.Rows[4].Box()
	b3.Y1 = top + 6
	b4.Y0, b4.Y1 = top+2, top+11
	raised.Rows[3].SetBox(b3)
	raised.Rows[4].SetBox(b4)
	before := tbl(
		[]string{"Partner Institution", "Date of Agreement"},
		[]string{"* University at Albany, State University of New York", "6 August 2012"},
		[]string{"The Forsyth Institute", "9 December 2005"},
		[]string{"* The City College of New York", "13 December 2010"},
		[]string{"University of Toronto", "20 June 1994"},
		[]string{"* Wayne State University", "20 May 2011"},
	)
	for name, tb := range map[string]*parser.Table{"raised": raised, "before": before} {
		res, err := Normalize(tdoc([]string{"* indicates tuition waiver", "# U. S. A."}, tb), Options{})
		require.NoError(t, err)
		assert.Equal(t, want, briefs(res.Records), name)
	}
}

// Where the partner cells carry their markers after the names, a marker
// alone on a cell's last line is that name's, wrapped ("… Hanyang
// University" / "*"), however close the next row stands; where they
// carry them before (TestTableRaisedMarkers), it is the next row's.
func TestTableWrappedSuffixMarker(t *testing.T) {
	tb := boxed(tbl(
		[]string{"Partner Institution", "Date of Agreement"},
		[]string{"Hannam University *", "17 January 2003"},
		[]string{"College of Engineering and Graduate School, Hanyang University\n*", "9 January 2007"},
		[]string{"Jeju National University", "7 August 1984"},
		[]string{"Konkuk University *", "22 July 2010"},
	))
	res, err := Normalize(tdoc([]string{"* indicates tuition waiver", "# South Korea"}, tb), Options{})
	require.NoError(t, err)
	assert.Equal(t, []brief{
		{"university", "", "KR", "Hannam University", "", "", "2003-01-17", true},
		{"university", "", "KR", "Hanyang University", "College of Engineering and Graduate School", "", "2007-01-09", true},
		{"university", "", "KR", "Jeju National University", "", "", "1984-08-07", false},
		{"university", "", "KR", "Konkuk University", "", "", "2010-07-22", true},
	}, briefs(res.Records))
}
