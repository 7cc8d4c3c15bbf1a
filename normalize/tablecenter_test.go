package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// boxed lays the rows of a table out down a page, 12 pt a line, each row
// as tall as its most wrapped cell, and marks it a stream table.
func boxed(tb *parser.Table) *parser.Table {
	y := 100.0
	for i := range tb.Rows {
		lines := 1
		for j := range tb.Rows[i].Cells {
			lines = max(lines, tb.Rows[i].Cells[j].LineCount())
		}
		tb.Rows[i].SetBox(parser.Box{X0: 50, Y0: y, X1: 500, Y1: y + 9 + 12*float64(lines-1)})
		y = tb.Rows[i].Box().Y1 + 3
	}
	tb.Method = "stream"
	return tb
}

// Countries printed in the middle of the rows they group, as a typesetter
// centres a merged cell (the rows above a country's name have none): each
// row is filed under the country whose rows it is among, as when each
// country stands on its group's first row.
func TestTableCentredGroupLabels(t *testing.T) {
	want := []brief{
		{"university", "", "JP", "Hiroshima University", "", "", "", false},
		{"university", "", "JP", "Juntendo University", "", "", "", false},
		{"university", "", "JP", "Meio University", "", "", "", false},
		{"university", "", "LA", "National University of Laos", "", "", "", false},
		{"university", "", "MY", "Universiti Putra Malaysia", "", "", "", false},
		{"university", "", "MY", "Universiti Tunku Abdul Rahman (UTAR)", "", "", "", false},
		{"university", "", "MU", "University of Mauritius", "", "", "", false},
	}
	centred := boxed(tbl(
		[]string{"Country / Region", "Partner Institution"},
		[]string{"", "Hiroshima University"},
		[]string{"Japan", "Juntendo University"},
		[]string{"", "Meio University"},
		[]string{"Laos", "National University of\nLaos"},
		[]string{"", "Universiti Putra Malaysia"},
		[]string{"Malaysia", ""},
		[]string{"", "Universiti Tunku Abdul Rahman (UTAR)"},
		[]string{"Mauritius", "University of Mauritius"},
	))
	first := boxed(tbl(
		[]string{"Country / Region", "Partner Institution"},
		[]string{"Japan", "Hiroshima University"},
		[]string{"", "Juntendo University"},
		[]string{"", "Meio University"},
		[]string{"Laos", "National University of\nLaos"},
		[]string{"Malaysia", "Universiti Putra Malaysia"},
		[]string{"", "Universiti Tunku Abdul Rahman (UTAR)"},
		[]string{"Mauritius", "University of Mauritius"},
	))
	for name, tb := range map[string]*parser.Table{"centred": centred, "first": first} {
		res, err := Normalize(tdoc(nil, tb), Options{})
		require.NoError(t, err)
		assert.Equal(t, want, briefs(res.Records), name)
		assert.Empty(t, res.Unplaced, name)
	}
}
