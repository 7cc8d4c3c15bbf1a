package pdf

import (
	"fmt"
	"strings"
	"testing"
)

// benchStreamPage is a whitespace table of 40 rows × 5 columns with a title.
func benchStreamPage(n int) PageLayout {
	words := []Word{tw("Department", 50, 40), tw("Level", 110, 40)}
	xs := []float64{40, 110, 260, 420, 520}
	for r := range 40 {
		y := 70 + 16*float64(r)
		cells := []string{"Asia", fmt.Sprintf("University %d", r), "Faculty of Engineering", "GS Engineering", "2019/08/08"}
		for c, s := range cells {
			x := xs[c]
			for i, part := range strings.Fields(s) {
				if i > 0 {
					x += 3
				}
				words = append(words, tw(part, x, y))
				x += 5 * float64(len(part))
			}
		}
	}
	return page(n, words, nil)
}

func BenchmarkPageTables(b *testing.B) {
	cases := []struct {
		name string
		p    PageLayout
	}{
		{"lattice-35rows", ruledPage(1, 1, 35, 60, true)},
		{"stream-40rows", benchStreamPage(1)},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				pageTables(&tc.p)
			}
		})
	}
}

// BenchmarkFindTables runs detection and stitching over one ruled table
// continued over many pages; ns/page stays flat as the document grows.
func BenchmarkFindTables(b *testing.B) {
	for _, n := range []int{50, 500} {
		pages := make([]PageLayout, n)
		for i := range pages {
			pages[i] = ruledPage(i+1, 1+35*i, 35, 60, i == 0)
		}
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				regions := findTables(pages)
				if len(regions) != 1 {
					b.Fatalf("got %d tables, want 1 stitched table", len(regions))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/page")
		})
	}
}
