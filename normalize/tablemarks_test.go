package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/readcheck"
)

// TestMarkColumns: a mark in a column headed by a level or a kind gives
// its row that level or kind, and is no text of the record's; a column of
// marks under another header names no field.
func TestMarkColumns(t *testing.T) {
	t.Run("levels", func(t *testing.T) {
		res, err := Normalize(tdoc(nil, tbl(
			[]string{"Country", "Partner Institution", "Partner Department", "Tohoku University Department", "University-level", "Department-level", "Tuition Waiver", "Date"},
			[]string{"China", "Peking University", "", "", "✓", "", "✓", "November 10, 1999"},
			[]string{"China", "Fudan University", "School of History", "GS Arts and Letters", "", "✓", "", "April 19, 2001"},
		)), Options{Institution: "Tohoku University"})
		require.NoError(t, err)
		got := recs(res.Records)
		require.Len(t, got, 2)
		assert.Equal(t, rec{Level: "university", Country: "China", Partner: "Peking University", Signed: "1999-11-10",
			Flags: []string{"fee_waiver"}, Repairs: []string{"date:Month D, YYYY", "mark_column:level"}}, got[0])
		assert.Equal(t, rec{Level: "department", Country: "China", Partner: "Fudan University", PartnerUnit: "School of History",
			HomeUnit: "GS Arts and Letters", Signed: "2001-04-19", Flags: []string{},
			Repairs: []string{"date:Month D, YYYY", "mark_column:level"}}, got[1])
		assert.Empty(t, res.Warnings)
	})
	t.Run("kinds", func(t *testing.T) {
		res, err := Normalize(tdoc([]string{"# ヨーロッパ"}, tbl(
			[]string{"国名", "大学名", "包括", "学生交換", "締結日"},
			[]string{"オーストリア", "ウィーン工科大学", "○", "○", "2017年4月7日"},
			[]string{"ベルギー", "ルーヴェン・カトリック大学", "", "○", "2018年8月22日"},
			[]string{"チェコ", "カレル大学", "○", "×", "2009年6月2日"},
		)), Options{Institution: "同志社大学"})
		require.NoError(t, err)
		var kinds []string
		for _, r := range res.Records {
			kinds = append(kinds, r.AgreementType)
			assert.Contains(t, r.Repairs, "mark_column:agreement_type", r.Partner)
			assert.NotContains(t, r.Partner, "○")
		}
		assert.Equal(t, []string{"包括 / 学生交換", "学生交換", "包括"}, kinds)
	})
	t.Run("a kind column's own text, then the marks", func(t *testing.T) {
		res, err := Normalize(tdoc(nil, tbl(
			[]string{"Country", "Partner Institution", "Type", "Student Exchange", "Signed"},
			[]string{"Chile", "Universidad de Concepcion", "MOU", "Yes", "6/24/2002"},
			[]string{"Brazil", "Universidade Federal de Uberlândia", "MOU", "No", "1/25/2018"},
		)), Options{Institution: "Cleveland State University", MonthFirst: true})
		require.NoError(t, err)
		require.Len(t, res.Records, 2)
		assert.Equal(t, "MOU / Student Exchange", res.Records[0].AgreementType)
		assert.Equal(t, "MOU", res.Records[1].AgreementType)
	})
	t.Run("marks under another header name no field", func(t *testing.T) {
		res, err := Normalize(tdoc(nil, tbl(
			[]string{"Country", "Partner University", "Partner University Campus", "Date"},
			[]string{"China", "Peking University", "✓", "1999/11/10"},
			[]string{"China", "Fudan University", "", "2001/04/19"},
		)), Options{Institution: "Tohoku University"})
		require.NoError(t, err)
		require.Len(t, res.Records, 2)
		assert.Equal(t, "Peking University", res.Records[0].Partner)
		assert.Empty(t, res.Records[0].PartnerUnit)
		assert.True(t, hasWarning(res, readcheck.KindColumnUnread), "the marks the records go without are said: %v", res.Warnings)
	})
	t.Run("both levels marked", func(t *testing.T) {
		res, err := Normalize(tdoc(nil, tbl(
			[]string{"Country", "Partner Institution", "University-level", "Department-level", "Date"},
			[]string{"China", "Peking University", "✓", "✓", "1999/11/10"},
			[]string{"China", "Fudan University", "✓", "", "2001/04/19"},
		)), Options{Institution: "Tohoku University"})
		require.NoError(t, err)
		require.Len(t, res.Records, 2)
		assert.True(t, hasWarning(res, readcheck.KindMarkedTwice), "%v", res.Warnings)
		assert.NotContains(t, res.Records[0].Repairs, "mark_column:level")
		assert.Equal(t, "university", res.Records[1].Level)
	})
	t.Run("a column of names is no column of marks", func(t *testing.T) {
		res, err := Normalize(tdoc(nil, tbl(
			[]string{"Country", "Partner Institution", "Student Exchange", "Date"},
			[]string{"China", "Peking University", "✓", "1999/11/10"},
			[]string{"China", "Fudan University", "Summer programme", "2001/04/19"},
		)), Options{Institution: "Tohoku University"})
		require.NoError(t, err)
		for _, r := range res.Records {
			assert.NotContains(t, r.Repairs, "mark_column:agreement_type")
		}
	})
}

// hasWarning reports a warning of the kind among the result's.
func hasWarning(res *Result, kind string) bool {
	for _, w := range res.Warnings {
		if w.Kind == kind {
			return true
		}
	}
	return false
}
