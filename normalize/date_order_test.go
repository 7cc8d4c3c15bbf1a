package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

func textsOf(ts ...string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for _, t := range ts {
			if !yield(t) {
				return
			}
		}
	}
}

func TestSlashOrder(t *testing.T) {
	tests := []struct {
		name   string
		texts  []string
		mf, df bool
	}{
		{"month first, twice", []string{"Purdue University (9/23/1997)", "4/5/2006", "x 1/25/2018 y"}, true, false},
		{"day first, twice", []string{"25/1/2018", "Leeds (13/4/2006)"}, false, true},
		{"once is too little", []string{"9/23/1997", "4/5/2006"}, false, false},
		{"both orders: the source mixes them", []string{"9/23/1997", "1/25/2018", "13/4/2006"}, false, false},
		{"a date wrapped inside its digits", []string{"1/25/20 18", "6/24/20\n02", "12/9/2016"}, true, false},
		{"no such date", []string{"1999.11.10", "2006/04/05", "Tohoku University"}, false, false},
	}
	for _, tt := range tests {
		mf, df := slashOrder(textsOf(tt.texts...))
		assert.Equal(t, [2]bool{tt.mf, tt.df}, [2]bool{mf, df}, tt.name)
	}
}

func TestAmbiguousDateTakesTheDocumentsOrder(t *testing.T) {
	d, err := ParseDate("4/5/2006", DateOptions{DocMonthFirst: true})
	require.NoError(t, err)
	assert.Equal(t, "2006-04-05", d.ISO)
	assert.Equal(t, "M/D/YYYY (as the document's other dates)", d.Layout)
	d, err = ParseDate("4/5/2006", DateOptions{DocDayFirst: true})
	require.NoError(t, err)
	assert.Equal(t, "2006-05-04", d.ISO)
	// A date that tells by itself is read as it tells.
	d, err = ParseDate("9/23/1997", DateOptions{DocDayFirst: true})
	require.NoError(t, err)
	assert.Equal(t, "1997-09-23", d.ISO)
	_, err = ParseDate("4/5/2006", DateOptions{})
	assert.ErrorIs(t, err, ErrAmbiguousDate)
}

// A list and a table whose other a/b/YYYY dates tell month first read an
// ambiguous one month first, and say so; given no such dates, or dates
// of both orders, it stays unread.
func TestDocumentsDatesTellTheOrder(t *testing.T) {
	type got struct{ partner, signed string }
	read := func(d *parser.Document) ([]got, []string) {
		res, err := Normalize(d, Options{})
		require.NoError(t, err)
		var out []got
		var repairs []string
		for _, r := range res.Records {
			out = append(out, got{r.Partner, r.Signed})
			repairs = append(repairs, r.Repairs...)
		}
		return out, repairs
	}
	entries := []string{"Purdue University (9/23/1997)", "Ohio University (4/5/2006)", "Kent State University (1/25/2018)"}
	var specs []lineSpec
	specs = append(specs, lineSpec{text: "United States", style: stCountry})
	for _, e := range entries {
		specs = append(specs, lineSpec{text: e, style: stEntry, bullet: true})
	}
	rows := [][]string{{"Partner Institution", "Date of Agreement"}}
	for _, e := range entries {
		name, date, _ := cutDateForTest(e)
		rows = append(rows, []string{name, date})
	}
	want := []got{{"Purdue University", "1997-09-23"}, {"Ohio University", "2006-04-05"}, {"Kent State University", "2018-01-25"}}
	for name, d := range map[string]*parser.Document{"list": pdfDoc(specs...), "table": tdoc([]string{"# United States"}, tbl(rows...))} {
		recs, repairs := read(d)
		assert.Equal(t, want, recs, name)
		assert.Contains(t, repairs, "date:M/D/YYYY (as the document's other dates)", name)
	}

	// Dates of both orders: the ambiguous one is not guessed.
	mixed := pdfDoc(lineSpec{text: "United States", style: stCountry},
		lineSpec{text: "Purdue University (9/23/1997)", style: stEntry, bullet: true},
		lineSpec{text: "Ohio University (4/5/2006)", style: stEntry, bullet: true},
		lineSpec{text: "Kent State University (1/25/2018)", style: stEntry, bullet: true},
		lineSpec{text: "University of Leeds (13/4/2006)", style: stEntry, bullet: true})
	res, err := Normalize(mixed, Options{})
	require.NoError(t, err)
	for _, r := range res.Records {
		assert.NotEqual(t, "2006-04-05", r.Signed, r.Partner)
		assert.NotEqual(t, "2006-05-04", r.Signed, r.Partner)
	}
}

// cutDateForTest splits "Name (date)" into its name and date.
func cutDateForTest(s string) (name, date string, ok bool) {
	m := trailingDateRE.FindStringSubmatch(s)
	if m == nil {
		return s, "", false
	}
	return m[1], m[2], true
}
