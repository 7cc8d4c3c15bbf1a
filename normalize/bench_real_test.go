package normalize_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agreements/agreements/normalize"
	"github.com/agreements/agreements/parser"
)

// BenchmarkNormalizeReal measures the normaliser alone on real documents:
// the fixtures' inputs, and the peer PDFs whose whole runs are slowest
// against pdftotext when that corpus is there. Each document is
// parsed again outside the timer, so a reading that changes it does not
// change the next.
func BenchmarkNormalizeReal(b *testing.B) {
	fixtures, err := filepath.Glob("../fixtures/*/input.*")
	if err != nil || len(fixtures) == 0 {
		b.Fatal("no fixtures", err)
	}
	sets := []struct {
		name   string
		inputs []string
	}{{"fixtures", fixtures}}
	// The fixtures read as tables whose whole runs are slowest against
	// pdftotext, apart.
	sets = append(sets, struct {
		name   string
		inputs []string
	}{"tohoku-department", []string{
		"../fixtures/tohoku-department-libreoffice/input.pdf",
		"../fixtures/tohoku-department-chromium/input.pdf",
	}})
	if peer := "../../shared/peer-corpus/icdar2013/us-030.pdf"; fileExists(peer) { // the peer corpus beside the repository, as the Makefile's PEER
		sets = append(sets, struct {
			name   string
			inputs []string
		}{"us-030", []string{peer}})
	}
	// The peer PDFs whose whole run is slowest against pdftotext, one
	// benchmark each, when that corpus is there.
	for _, peer := range []string{"tabula-java/us-020.pdf", "tabula-java/schools.pdf", "icdar2013/us-002.pdf",
		"tabula-java/spreadsheet_no_bounding_frame.pdf", "pdfplumber/WARN-Report-for-7-1-2015-to-03-25-2016.pdf"} {
		if path := "../../shared/peer-corpus/" + peer; fileExists(path) {
			sets = append(sets, struct {
				name   string
				inputs []string
			}{strings.TrimSuffix(filepath.Base(peer), ".pdf"), []string{path}})
		}
	}
	for _, set := range sets {
		var data [][]byte
		for _, in := range set.inputs {
			d, err := os.ReadFile(in)
			if err != nil {
				b.Fatal(err)
			}
			data = append(data, d)
		}
		b.Run(set.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for k, in := range set.inputs {
					b.StopTimer()
					doc := parseFile(in, data[k])
					b.StartTimer()
					if doc == nil {
						continue
					}
					if _, err := normalize.Normalize(doc, normalize.Options{Institution: "Tohoku University"}); err != nil {
						b.Fatal(in, err)
					}
				}
			}
		})
	}
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// parseFile parses a PDF or HTML input; nil when it is not a document.
func parseFile(name string, b []byte) *parser.Document {
	doc, err := normalize.ParseDocument(name, b)
	if err != nil {
		return nil
	}
	return doc
}
