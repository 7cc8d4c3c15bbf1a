package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// A table without rules in narrow columns: each record wraps onto rows of
// its own, the first with the groups and the start of the date, the next
// with the rest of the cells; the header over the region and the country
// stands over the region's column alone. Read as a stream table (one row a
// line) it gives the records of the same table with its rows whole.
func TestTableWrappedRowsWithoutRules(t *testing.T) {
	wrapped := tbl(
		[]string{"地域・国", "", "相手機関名", "区分", "締結年月日"},
		[]string{"アジア", "ベトナム", "Foreign", "GS", "14 January"},
		[]string{"", "", "Trade", "Economics", "2010"},
		[]string{"", "", "University,", "and", ""},
		[]string{"", "", "Faculty of\nInternational\nEconomics", "Management", ""},
		[]string{"中東", "アラブ首長国", "United Arab", "IDAC", "10 July 2016"},
		[]string{"", "連邦", "Emirates\nUniversity", "", ""},
		[]string{"アフリカ", "エジプト", "Alexandria", "IFS", "30"},
		[]string{"", "", "University", "", "November"},
		[]string{"", "", "", "", "2017"},
	)
	wrapped.Method = "stream"
	whole := tbl(
		[]string{"地域・国", "", "相手機関名", "区分", "締結年月日"},
		[]string{"アジア", "ベトナム", "Foreign Trade University, Faculty of International Economics", "GS Economics and Management", "14 January 2010"},
		[]string{"中東", "アラブ首長国連邦", "United Arab Emirates University", "IDAC", "10 July 2016"},
		[]string{"アフリカ", "エジプト", "Alexandria University", "IFS", "30 November 2017"},
	)
	whole.Method = "stream"
	want := []brief{
		{"department", "Asia", "VN", "Foreign Trade University", "Faculty of International Economics", "GS Economics and Management", "2010-01-14", false},
		{"department", "Middle East", "AE", "United Arab Emirates University", "", "IDAC", "2016-07-10", false},
		{"department", "Africa", "EG", "Alexandria University", "", "IFS", "2017-11-30", false},
	}
	for name, tb := range map[string]*parser.Table{"wrapped": wrapped, "whole": whole} {
		res, err := Normalize(tdoc([]string{deptSection}, tb), Options{})
		require.NoError(t, err)
		assert.Equal(t, want, briefs(res.Records), name)
	}
}

// Rows without a date of their own are records where nothing shows a
// wrapped line (a partner filled down, a list without dates for some
// rows): they are not joined to the row above.
func TestTableRowsWithoutDatesNotJoined(t *testing.T) {
	tb := tbl(
		[]string{"Country", "Partner Institution", "Date of Conclusion"},
		[]string{"China", "Peking University", "2001.4.1"},
		[]string{"", "Fudan University", ""},
		[]string{"", "Tsinghua University", "2003.5.1"},
		[]string{"", "Nanjing University", ""},
	)
	tb.Method = "stream"
	res, err := Normalize(tdoc(nil, tb), Options{})
	require.NoError(t, err)
	var partners []string
	for _, r := range res.Records {
		partners = append(partners, r.Partner)
	}
	assert.Equal(t, []string{"Peking University", "Fudan University", "Tsinghua University", "Nanjing University"}, partners)
}
