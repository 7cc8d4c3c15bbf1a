package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/parser"
)

// A column whose header names no field the records have, beside records
// with text in it, is said: its text is in no record.
func TestTableColumnNoHeaderNames(t *testing.T) {
	t.Run("an unknown header", func(t *testing.T) {
		tb := tbl([]string{"Country", "Partner Institution", "Contact person", "Year"},
			[]string{"China", "Tsinghua University", "Prof. Li", "1998"},
			[]string{"China", "Peking University", "", "1999"},
			[]string{"Korea", "Seoul National University", "Dr. Kim", "2000"})
		res, err := Normalize(tdoc([]string{"# Agreements"}, tb), Options{})
		require.NoError(t, err)
		require.Len(t, res.Records, 3)
		assert.Equal(t, []agreement.UnreadColumn{{Page: 1, Row: tb.Rows[1].Row, Column: 3, Header: "Contact person", Text: "Prof. Li", Cells: 2}}, res.Unread)
	})
	t.Run("a header broken so that it names nothing", func(t *testing.T) {
		// The date column's header lost its first line ("締結年月" / "日"):
		// every date is lost.
		tb := tbl([]string{"国", "相手機関名", "日"},
			[]string{"中国", "清華大学", "H10.8.31"},
			[]string{"中国", "北京大学", "H11.11.10"})
		res, err := Normalize(tdoc([]string{"# 学術交流協定"}, tb), Options{})
		require.NoError(t, err)
		require.Len(t, res.Records, 2)
		require.Len(t, res.Unread, 1)
		assert.Equal(t, 3, res.Unread[0].Column)
		assert.Equal(t, "日", res.Unread[0].Header)
		assert.Equal(t, 2, res.Unread[0].Cells)
	})
	t.Run("columns every record reads say nothing", func(t *testing.T) {
		tb := tbl([]string{"No.", "Country", "Partner Institution", "Year"},
			[]string{"1", "China", "Tsinghua University", "1998"},
			[]string{"2", "China", "Peking University", "1999"})
		res, err := Normalize(tdoc([]string{"# Agreements"}, tb), Options{})
		require.NoError(t, err)
		require.Len(t, res.Records, 2)
		assert.Empty(t, res.Unread)
	})
}

// readWhole reads a table set a line a row under a title, and requires
// it to make n records and leave no column unread.
func readWhole(t *testing.T, title string, n int, tb *parser.Table) *agreement.Result {
	t.Helper()
	setLines(tb)
	res, err := Normalize(tdoc([]string{"# " + title}, tb), Options{})
	require.NoError(t, err)
	require.Len(t, res.Records, n)
	assert.Empty(t, res.Unread)
	return res
}

// A header's word broken over two rows of a narrow column joins its
// column's header whether or not the first part names a field by itself:
// "国・地" / "域" (a country's) beside "協定" / "種別" and "本学" / "部局",
// the second row read as the header's only by its words.
func TestTableHeaderWordsBrokenOverRows(t *testing.T) {
	tb := tbl([]string{"国・地", "相手機関名", "協定", "本学", "締結年月日"},
		[]string{"域", "", "種別", "部局", ""},
		[]string{"中国", "清華大学", "部局間協定", "工学研究科", "H10.8.31"},
		[]string{"韓国", "ソウル大学校", "大学間協定", "―", "H11.11.10"})
	res := readWhole(t, "学術交流協定", 2, tb)
	r := res.Records[0]
	assert.Equal(t, []string{"CN", "清華大学", LevelDepartment, "工学研究科", "1998-08-31"}, []string{r.CountryCode, r.Partner, r.Level, r.HomeUnit, r.Signed})
	r = res.Records[1]
	assert.Equal(t, []string{"KR", "ソウル大学校", LevelUniversity, "", "1999-11-10"}, []string{r.CountryCode, r.Partner, r.Level, r.HomeUnit, r.Signed})
}

// The same header set at the bottom of its row, its lines read as rows
// of the body (no row marked a header): the first row holds first lines
// that, with the lines under them, name their fields by longer terms
// ("協定" / "種別", "Signing" / "Date"), or a word broken ("国・地" / "域"),
// and the second names the columns. Both are the header.
func TestTableHeaderLinesOverTheHeaderRow(t *testing.T) {
	for name, rows := range map[string][][]string{
		"ja": {
			{"国・地", "", "協定", "本学", ""},
			{"域", "相手機関名", "種別", "部局", "締結年月日"},
			{"中国", "清華大学", "部局間協定", "工学研究科", "H10.8.31"},
			{"韓国", "ソウル大学校", "大学間協定", "―", "H11.11.10"},
		},
		"en": {
			{"", "", "Agreement", "Home", "Signing"},
			{"Country", "Partner Institution", "Type", "Unit", "Date"},
			{"China", "清華大学", "Department-level", "工学研究科", "1998/08/31"},
			{"South Korea", "ソウル大学校", "University-wide", "―", "1999/11/10"},
		},
	} {
		tb := tbl(rows...)
		tb.Rows[0].Header = false
		setLines(tb)
		res, err := Normalize(tdoc([]string{"# 学術交流協定"}, tb), Options{})
		require.NoError(t, err, name)
		if !assert.Len(t, res.Records, 2, name) {
			continue
		}
		r := res.Records[0]
		assert.Equal(t, []string{"CN", "清華大学", LevelDepartment, "工学研究科", "1998-08-31"}, []string{r.CountryCode, r.Partner, r.Level, r.HomeUnit, r.Signed}, name)
		r = res.Records[1]
		assert.Equal(t, []string{"KR", "ソウル大学校", LevelUniversity, "", "1999-11-10"}, []string{r.CountryCode, r.Partner, r.Level, r.HomeUnit, r.Signed}, name)
	}
}

// A flag column's name broken in a narrow column, its first part alone on
// the header's first row ("授業料不" / "徴収"), is the column's header, not
// a title over the table.
func TestTableFlagHeaderBrokenOverRows(t *testing.T) {
	tb := tbl([]string{"", "", "授業料不"},
		[]string{"国", "相手機関名", "徴収"},
		[]string{"中国", "清華大学", "*"},
		[]string{"韓国", "ソウル大学校", ""})
	tb.Rows[1].Header = true
	res := readWhole(t, "学術交流協定", 2, tb)
	assert.True(t, res.Records[0].FeeWaiver)
	assert.False(t, res.Records[1].FeeWaiver)
}

// A header set at the bottom of its row in English: its cells' first
// lines on a row of their own over the rest ("Country /" / "Region",
// "Date of" / "Agreement"), a flag column's name among them ("Tuition" /
// "Exemption"), the second row read as the header's only by its words.
func TestTableHeaderOverTwoRowsWithAFlagColumn(t *testing.T) {
	tb := tbl([]string{"", "Country /", "", "Date of", "Tuition"},
		[]string{"Area", "Region", "Partner Institution", "Agreement", "Exemption"},
		[]string{"Asia", "China", "Tsinghua University", "1998/08/31", "♦"},
		[]string{"Asia", "South Korea", "Seoul National University", "1998/07/08", ""})
	res := readWhole(t, "Academic Exchange Agreements", 2, tb)
	assert.Equal(t, []string{
		"Asia | CN | Tsinghua University | 1998-08-31",
		"Asia | KR | Seoul National University | 1998-07-08",
	}, partnersAndDates(res))
	assert.True(t, res.Records[0].FeeWaiver)
	assert.False(t, res.Records[1].FeeWaiver)
}
