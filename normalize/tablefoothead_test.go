package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTableHeaderAtTheFootOfTwoRows: a header set at the bottom of its
// rows leaves a column of one line blank on its first row, the first
// lines of the others over it ("" | "Type of" | "Department at Nagoya" |
// "Year" over "Partner Institution" | "Agreement" | "University" |
// "Concluded"): the two rows are the header, though the first names no
// partner, a field's name is wrapped in words each of which names it
// ("Year" / "Concluded"), and the home institution's name ends a header
// the title does not name it in. The same header set whole on one row, or
// with its lines at the top of its rows, reads the same records.
func TestTableHeaderAtTheFootOfTwoRows(t *testing.T) {
	body := [][]string{
		{"ASIA (2)", "", "", ""},
		{"BANGLADESH (1)", "", "", ""},
		{"Bangladesh Agricultural University", "School-to-\nschool", "Agr", "平成12年"},
		{"CHINA (1)", "", "", ""},
		{"Central South University", "School-to-\nschool", "Engg", "昭和60年"},
	}
	headers := map[string][][]string{
		"at the foot": {{"", "Type of", "Department at Nagoya", "Year"},
			{"Partner Institution", "Agreement", "University", "Concluded"}},
		"at the top": {{"Partner Institution", "Type of", "Department at Nagoya", "Year"},
			{"", "Agreement", "University", "Concluded"}},
		"on one row": {{"Partner Institution", "Type of Agreement", "Department at Nagoya University", "Year Concluded"}},
	}
	for name, head := range headers {
		tb := tbl(append(append([][]string{}, head...), body...)...)
		tb.Rows[0].Header = false
		setLines(tb)
		res, err := Normalize(tdoc([]string{"Inter-School Agreements"}, tb), Options{})
		require.NoError(t, err, name)
		var got []string
		for _, r := range res.Records {
			got = append(got, r.CountryCode+" | "+r.Partner+" | "+r.HomeUnit+" | "+r.Signed)
		}
		assert.Equal(t, []string{
			"BD | Bangladesh Agricultural University | Agr | 2000",
			"CN | Central South University | Engg | 1985",
		}, got, name)
	}
}
