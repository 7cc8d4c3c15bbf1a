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
	xhtml "golang.org/x/net/html"

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
	return assemblePDF(objs, catalog, pagesObj, kids)
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
	data := synthTablePDF(pages, 30)
	if os.Getenv("SYNTH_KIND") == "list" {
		data = synthListPDF(pages, 40)
	}
	require.NoError(t, os.WriteFile(path, data, 0o644))
}

// synthListPDF writes a PDF of an unruled university-level list of the
// given number of portrait pages, rowsPerPage agreements a page: country,
// partner and date in aligned columns with no lines between them, a title
// line and the column heads on every page.
func synthListPDF(pages, rowsPerPage int) []byte {
	var objs []string
	add := func(body string) int { objs = append(objs, body); return len(objs) }
	catalog := add("")
	pagesObj := add("")
	fReg := add("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>")
	fBold := add("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold /Encoding /WinAnsiEncoding >>")
	esc := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
	cols := []float64{56, 190, 420}
	var kids []string
	n := 0
	for p := 0; p < pages; p++ {
		var c strings.Builder
		text := func(font int, size, x, y float64, s string) {
			fmt.Fprintf(&c, "BT /F%d %.1f Tf %.2f %.2f Td (%s) Tj ET\n", font, size, x, y, esc.Replace(s))
		}
		text(2, 12, 56, 800, "University Level Agreements")
		for i, h := range []string{"Country", "Partner Institution", "Date of Conclusion"} {
			text(2, 10, cols[i], 776, h)
		}
		for r := 0; r < rowsPerPage; r++ {
			y := 758 - float64(r)*17.5
			text(1, 10, cols[0], y, synthCountries[(n/50)%len(synthCountries)])
			text(1, 10, cols[1], y, "University of Example "+strconv.Itoa(n))
			text(1, 10, cols[2], y, fmt.Sprintf("%04d/%02d/%02d", 1980+n%40, 1+n%12, 1+n%28))
			n++
		}
		text(1, 9, 290, 40, strconv.Itoa(p+1))
		content := c.String()
		stream := add(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
		page := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R >>",
			pagesObj, fReg, fBold, stream))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	return assemblePDF(objs, catalog, pagesObj, kids)
}

// assemblePDF writes the catalog and page tree into objs and lays the
// objects out as a PDF file with its cross-reference table.
func assemblePDF(objs []string, catalog, pagesObj int, kids []string) []byte {
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

// synthHTML writes an HTML page of about size bytes: one agreement table
// of country, partner and date rows.
func synthHTML(size int) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Academic Exchange Agreements | Tohoku University</title></head><body>\n")
	b.WriteString("<h1>Academic Exchange Agreements with Foreign Institutions</h1>\n<table>\n<tr><th>Country</th><th>Partner Institution</th><th>Date of Conclusion</th></tr>\n")
	for n := 0; b.Len() < size; n++ {
		fmt.Fprintf(&b, "<tr><td>%s</td><td>University of Example %d</td><td>%04d/%02d/%02d</td></tr>\n",
			synthCountries[(n/50)%len(synthCountries)], n, 1980+n%40, 1+n%12, 1+n%28)
	}
	b.WriteString("</table>\n</body></html>\n")
	return b.Bytes()
}

// TestWriteSyntheticHTML writes an HTML page of SYNTH_MB megabytes (1 by
// default) for the benchmark script when SYNTH_HTML names a file.
func TestWriteSyntheticHTML(t *testing.T) {
	path := os.Getenv("SYNTH_HTML")
	if path == "" {
		t.Skip("SYNTH_HTML not set")
	}
	mb := 1
	if s := os.Getenv("SYNTH_MB"); s != "" {
		var err error
		mb, err = strconv.Atoi(s)
		require.NoError(t, err)
	}
	require.NoError(t, os.WriteFile(path, synthHTML(mb<<20), 0o644))
}

// TestSyntheticListAndHTML: the generated list and page extract completely.
func TestSyntheticListAndHTML(t *testing.T) {
	for name, data := range map[string][]byte{"list.pdf": synthListPDF(3, 40), "page.html": synthHTML(20 << 10)} {
		doc, err := parseDocument(name, data, nil)
		require.NoError(t, err, name)
		res, err := normalize.Normalize(doc, normalize.Options{Institution: "Tohoku University"})
		require.NoError(t, err, name)
		assert.NotEmpty(t, res.Records, name)
		if name == "list.pdf" {
			assert.Len(t, res.Records, 120, name)
		}
	}
}

// BenchmarkExtractSynthetic: the whole extract path on generated ruled
// tables and unruled lists of 50 and 500 pages; the per-page cost should
// stay flat.
func BenchmarkExtractSynthetic(b *testing.B) {
	for _, bc := range []struct {
		kind  string
		pages int
	}{{"table", 50}, {"table", 500}, {"list", 50}, {"list", 500}} {
		pages, rows := bc.pages, 30
		data := synthTablePDF(pages, rows)
		if bc.kind == "list" {
			rows = 40
			data = synthListPDF(pages, rows)
		}
		name := strconv.Itoa(pages) + "pages"
		if bc.kind == "list" {
			name = "list" + name
		}
		b.Run(name, func(b *testing.B) {
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
				if len(res.Records) != pages*rows {
					b.Fatalf("%d records, want %d", len(res.Records), pages*rows)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pages), "ns/page")
		})
	}
}

// BenchmarkExtractHTML: a generated 1 MB page read by the HTML tree parser
// alone (the yardstick: no reader of ours can be faster), by parser/html,
// and through the whole extract path.
func BenchmarkExtractHTML(b *testing.B) {
	data := synthHTML(1 << 20)
	b.Run("yardstick", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := xhtml.Parse(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := parseDocument("page.html", data, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("extract", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			doc, err := parseDocument("page.html", data, nil)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := normalize.Normalize(doc, normalize.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
