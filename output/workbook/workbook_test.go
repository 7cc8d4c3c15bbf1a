package workbook

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/output"
)

func sample() agreement.Record {
	r := agreement.Record{
		Schema: agreement.Schema, HomeInstitution: "Tohoku University", Level: "university",
		Region: "Europe", Country: "France", CountryCode: "FR", Partner: "École Centrale de Lyon",
		Signed: "2006-02-13", FeeWaiver: true, Flags: []string{"fee_waiver"},
		Source:  agreement.Source{File: "list.pdf", SHA256: strings.Repeat("a", 64), Format: "pdf", Page: 4, Row: 210},
		Repairs: []string{"inherited_date:École Centrale de Lille", "date:YYYY.M.D"},
	}
	r.ID = agreement.ComputeID(r)
	return r
}

// TestWritersRoundTrip: every record format, the workbook and output's,
// is written, sniffed and read back through this package.
func TestWritersRoundTrip(t *testing.T) {
	recs := []agreement.Record{sample(), sample()}
	recs[1].Partner = `A "quoted", name`
	recs[1].Flags, recs[1].Repairs = []string{}, []string{}
	recs[1].ID = "1917491342136487" // an id of digits stays text
	for _, format := range []string{output.FormatNDJSON, output.FormatJSON, output.FormatCSV, output.FormatXLSX} {
		var b bytes.Buffer
		require.NoError(t, WriteAll(&b, format, recs))
		assert.Equal(t, format, SniffRecords(b.Bytes()), "sniffed")
		got, err := ReadRecords(&b)
		require.NoError(t, err, format)
		assert.Equal(t, recs, got, format)
	}
}

// TestOutputAloneRefusesWorkbook: package output names the package that
// writes and reads the workbook, and sniffs a zip archive as no record
// file of its own.
func TestOutputAloneRefusesWorkbook(t *testing.T) {
	_, err := output.NewWriterOptions(&bytes.Buffer{}, output.FormatXLSX, output.Options{})
	require.ErrorIs(t, err, output.ErrWorkbook)
	_, err = output.NewWriterOptions(&bytes.Buffer{}, output.FormatXLSX, output.Options{BOM: true})
	assert.EqualError(t, err, "a byte order mark is for csv, not xlsx", "the same check first as for the other formats")
	_, err = NewWriterOptions(&bytes.Buffer{}, output.FormatXLSX, output.Options{BOM: true})
	assert.EqualError(t, err, "a byte order mark is for csv, not xlsx")

	var b bytes.Buffer
	require.NoError(t, WriteAll(&b, output.FormatXLSX, []agreement.Record{sample()}))
	assert.Equal(t, "", output.SniffRecords(b.Bytes()))
	_, err = output.ReadRecords(bytes.NewReader(b.Bytes()))
	require.ErrorIs(t, err, output.ErrNotRecords)
	assert.ErrorContains(t, err, "output/workbook")
}
