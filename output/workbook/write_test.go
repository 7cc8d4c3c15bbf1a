package workbook

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/output"
)

func TestXLSXCells(t *testing.T) {
	r := sample()
	r.ID = "1917491342136487"
	r.ValidUntil = "2030-03"
	var b bytes.Buffer
	require.NoError(t, WriteAll(&b, output.FormatXLSX, []agreement.Record{r, sample()}))
	f, err := excelize.OpenReader(&b)
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, []string{SheetRecords, SheetRepairs}, f.GetSheetList())

	cell := func(col string, row int) string {
		name, err := excelize.JoinCellName(col, row)
		require.NoError(t, err)
		return name
	}
	colOf := func(field string) string {
		for i, h := range output.CSVHeader {
			if h == field {
				name, err := excelize.ColumnNumberToName(i + 1)
				require.NoError(t, err)
				return name
			}
		}
		t.Fatalf("no column %s", field)
		return ""
	}
	typ := func(field string) excelize.CellType {
		ct, err := f.GetCellType(SheetRecords, cell(colOf(field), 2))
		require.NoError(t, err)
		return ct
	}
	raw := func(field string) string {
		v, err := f.GetCellValue(SheetRecords, cell(colOf(field), 2), excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		return v
	}
	shown := func(field string) string {
		v, err := f.GetCellValue(SheetRecords, cell(colOf(field), 2))
		require.NoError(t, err)
		return v
	}
	// the id of digits is a text cell, not a number Excel would round
	text := []excelize.CellType{excelize.CellTypeSharedString, excelize.CellTypeInlineString}
	number := []excelize.CellType{excelize.CellTypeUnset, excelize.CellTypeNumber} // a number cell has no t attribute
	assert.Contains(t, text, typ("id"))
	assert.Equal(t, "1917491342136487", raw("id"))
	// a date known to the day is a date serial shown as ISO 8601
	assert.Equal(t, "38761", raw("signed"))
	assert.Equal(t, "2006-02-13", shown("signed"))
	// a date known to the month stays text: a cell would invent the day
	assert.Equal(t, "2030-03", raw("valid_until"))
	assert.Contains(t, text, typ("valid_until"))
	assert.Contains(t, number, typ("signed"))
	assert.Equal(t, excelize.CellTypeBool, typ("fee_waiver"))
	assert.Contains(t, number, typ("source_page"))

	for _, sheet := range []string{SheetRecords, SheetRepairs} {
		p, err := f.GetPanes(sheet)
		require.NoError(t, err)
		assert.True(t, p.Freeze, sheet)
		assert.Equal(t, 1, p.YSplit, sheet)
	}
	var filters []string
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" {
			filters = append(filters, d.Scope+" "+d.RefersTo)
		}
	}
	assert.ElementsMatch(t, []string{"records 'records'!$A$1:$W$3", "repairs 'repairs'!$A$1:$H$5"}, filters)

	rows, err := f.GetRows(SheetRepairs)
	require.NoError(t, err)
	require.Len(t, rows, 5)
	assert.Equal(t, RepairsHeader, rows[0])
	assert.Equal(t, []string{"1917491342136487", "École Centrale de Lyon", "list.pdf", "4", "210",
		"inherited_date:École Centrale de Lille", "inherited_date", "École Centrale de Lille"}, rows[1])
}
