package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/normalize"
)

// synthCountries are real countries, so the synthetic table normalises.
var synthCountries = []string{"China", "France", "Germany", "Thailand", "United States", "Brazil", "Kenya", "Australia"}

// synthTablePDF writes a PDF of a ruled department-level agreement table of
// the given number of landscape pages, rowsPerPage agreements a page, the
// header repeated on every page: a large list for measuring per-page cost.
// It uses the standard Helvetica fonts, so it needs no font files.
func synthTablePDF(pages, rowsPerPage int) []byte {
	var objs []string // object bodies; object n is objs[n-1]
	add := func(body string) int { objs = append(objs, body); return len(objs) }
	catalog := add("") // filled in below
	pagesObj := add("")
	fReg := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	fBold := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
	cols := []float64{30, 110, 230, 440, 640, 760, 812}
	headers := []string{"Area", "Country / Region", "Partner Institution", "Partner Unit", "Department at Tohoku", "Year"}
	esc := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
	var kids []string
	n := 0
	for p := 0; p < pages; p++ {
		var c strings.Builder
		top := 560.0
		rowH := (top - 40) / float64(rowsPerPage+1)
		cell := func(font int, x, y float64, s string) {
			fmt.Fprintf(&c, "BT /F%d 8 Tf %.2f %.2f Td (%s) Tj ET\n", font, x+3, y+rowH/2-3, esc.Replace(s))
		}
		// Rulings: horizontal lines between rows, vertical column lines.
		c.WriteString("0.5 w\n")
		for i := 0; i <= rowsPerPage+1; i++ {
			y := top - float64(i)*rowH
			fmt.Fprintf(&c, "%.2f %.2f m %.2f %.2f l S\n", cols[0], y, cols[len(cols)-1], y)
		}
		for _, x := range cols {
			fmt.Fprintf(&c, "%.2f %.2f m %.2f %.2f l S\n", x, top, x, top-float64(rowsPerPage+1)*rowH)
		}
		for i, h := range headers {
			cell(2, cols[i], top-rowH, h)
		}
		for r := 0; r < rowsPerPage; r++ {
			y := top - float64(r+2)*rowH
			country := synthCountries[(n/50)%len(synthCountries)]
			cell(1, cols[0], y, "Asia")
			cell(1, cols[1], y, country)
			cell(1, cols[2], y, "Partner University "+strconv.Itoa(n/3))
			cell(1, cols[3], y, "Faculty "+strconv.Itoa(n%3))
			cell(1, cols[4], y, "GS Engineering")
			cell(1, cols[5], y, fmt.Sprintf("%04d/%02d/%02d", 1990+n%30, 1+n%12, 1+n%28))
			n++
		}
		content := c.String()
		stream := add(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
		page := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R >>",
			pagesObj, fReg, fBold, stream))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	objs[catalog-1] = fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj)
	objs[pagesObj-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))

	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, body := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, body)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, catalog, xref)
	return b.Bytes()
}

// TestSyntheticTable: the generated table extracts completely, one record
// per row, over page breaks.
func TestSyntheticTable(t *testing.T) {
	data := synthTablePDF(3, 25)
	doc, err := parseDocument("synth.pdf", data, nil)
	require.NoError(t, err)
	res, err := normalize.Normalize(doc, normalize.Options{Institution: "Tohoku University"})
	require.NoError(t, err)
	require.Len(t, res.Records, 75)
	assert.Empty(t, res.Unplaced)
	r := res.Records[74]
	assert.Equal(t, "Partner University 24", r.Partner)
	assert.Equal(t, "Faculty 2", r.PartnerUnit)
	assert.Equal(t, "GS Engineering", r.HomeUnit)
	assert.Equal(t, agreement.LevelDepartment, r.Level)
	assert.Equal(t, 3, r.Source.Page)
	assert.Equal(t, "FR", r.CountryCode, "row 75 is in the second group of 50")
	assert.Equal(t, "CN", res.Records[0].CountryCode)
}

// TestWriteSyntheticTable writes the 500-page synthetic table for the
// benchmark script (scripts/bench-extract.sh) when SYNTH_PDF names a file.
func TestWriteSyntheticTable(t *testing.T) {
	path := os.Getenv("SYNTH_PDF")
	if path == "" {
		t.Skip("SYNTH_PDF not set")
	}
	pages := 500
	if s := os.Getenv("SYNTH_PAGES"); s != "" {
		var err error
		pages, err = strconv.Atoi(s)
		require.NoError(t, err)
	}
	require.NoError(t, os.WriteFile(path, synthTablePDF(pages, 30), 0o644))
}

// BenchmarkExtractSynthetic: the whole extract path on generated tables of
// 50 and 500 pages; the per-page cost should stay flat.
func BenchmarkExtractSynthetic(b *testing.B) {
	for _, pages := range []int{50, 500} {
		data := synthTablePDF(pages, 30)
		b.Run(strconv.Itoa(pages)+"pages", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				doc, err := parseDocument("synth.pdf", data, nil)
				if err != nil {
					b.Fatal(err)
				}
				res, err := normalize.Normalize(doc, normalize.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Records) != pages*30 {
					b.Fatalf("%d records, want %d", len(res.Records), pages*30)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pages), "ns/page")
		})
	}
}
