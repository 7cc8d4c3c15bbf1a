package normalize_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/agreements/agreements/normalize"
	"github.com/agreements/agreements/parser/html"
)

// BenchmarkNormalizeTable measures the normaliser alone on one long HTML
// table of a country, a partner and a date a row (the shape of the
// command's synthetic page), its records emitted as the command has them:
// the cost per table row and per record.
func BenchmarkNormalizeTable(b *testing.B) {
	for _, rows := range []int{2000, 20000} {
		var page bytes.Buffer
		page.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Academic Exchange Agreements | Tohoku University</title></head><body>\n")
		page.WriteString("<h1>Academic Exchange Agreements with Foreign Institutions</h1>\n<table>\n<tr><th>Country</th><th>Partner Institution</th><th>Date of Conclusion</th></tr>\n")
		countries := []string{"China", "France", "Germany", "Thailand", "United States", "Brazil", "Kenya", "Australia"}
		for n := range rows {
			fmt.Fprintf(&page, "<tr><td>%s</td><td>University of Example %d</td><td>%04d/%02d/%02d</td></tr>\n",
				countries[(n/50)%len(countries)], n, 1980+n%40, 1+n%12, 1+n%28)
		}
		page.WriteString("</table>\n</body></html>\n")
		b.Run(fmt.Sprintf("%drows", rows), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				doc, err := html.Parse("page.html", page.Bytes(), html.Options{})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				n := 0
				if _, err := normalize.Normalize(doc, normalize.Options{Institution: "Tohoku University", Emit: func(normalize.Record) { n++ }}); err != nil {
					b.Fatal(err)
				}
				if n != rows {
					b.Fatalf("%d records of %d rows", n, rows)
				}
			}
		})
	}
}
