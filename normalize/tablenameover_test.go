package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
)

// A partner's name in a cell merged over two rows, its two lines parted
// between them by the extractor ("* Chulalongkorn" / "University",
// "* チュラロンコン" / "大学"): the second row's cell holds only a word for
// an institution. Both rows name the whole partner, with the marker the
// cell carried; the rows around them are left as they are.
func TestTableNameOverRows(t *testing.T) {
	for _, tt := range []struct {
		title, country, first, rest, whole string
		header                             []string
	}{
		{"Department Level Agreements", "Thailand", "* Chulalongkorn", "University", "Chulalongkorn University",
			[]string{"Country", "Partner Institution", "Partner's Department", "Date of Agreement"}},
		{"部局間協定", "タイ", "* チュラロンコン", "大学", "チュラロンコン大学",
			[]string{"国", "相手機関名", "相手部局", "締結日"}},
	} {
		t.Run(tt.whole, func(t *testing.T) {
			tb := tbl(tt.header,
				[]string{tt.country, "Kasetsart University", "Faculty of Engineering", "2013-11-11"},
				[]string{tt.country, tt.first, "Faculty of Dentistry", "2014-12-09"},
				[]string{"", tt.rest, "Faculty of Psychology", "2019-06-21"},
				[]string{tt.country, "Mahidol University", "Faculty of Public Health", "2019-01-09"})
			setLines(tb)
			res, err := Normalize(tdoc([]string{"# " + tt.title, "* 授業料不徴収 Tuition exemption"}, tb), Options{})
			require.NoError(t, err)
			require.Len(t, res.Records, 4)
			var names []string
			var waived []bool
			for _, r := range res.Records {
				names = append(names, r.Partner)
				waived = append(waived, r.FeeWaiver)
			}
			assert.Equal(t, []string{"Kasetsart University", tt.whole, tt.whole, "Mahidol University"}, names)
			assert.Equal(t, []bool{false, true, true, false}, waived)
			for _, r := range res.Records[1:3] {
				assert.Contains(t, r.Repairs, agreement.R(agreement.RepairSplitRow, "name_over_rows"))
			}
			assert.Equal(t, "2019-06-21", res.Records[2].Signed)
		})
	}
	// A name that is whole in each row stays as read.
	tb := tbl([]string{"Country", "Partner Institution", "Date of Agreement"},
		[]string{"Thailand", "Chulalongkorn University", "2014-12-09"},
		[]string{"Thailand", "Mahidol University", "2019-01-09"})
	res := readWhole(t, "Department Level Agreements", 2, tb)
	assert.Equal(t, "Mahidol University", res.Records[1].Partner)
}
