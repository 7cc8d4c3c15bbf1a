package refresh

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"strings"
	"sync"

	"github.com/agreements/agreements/fetch"
)

//go:embed report.html
var reportTemplate string

// reportPage is the page's template, parsed when a report is first written
// rather than at every start of the program.
var reportPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"percent": percent,
		"seconds": func(f float64) string { return fmt.Sprintf("%.1f s", f) },
		"short": func(s string) string {
			if len(s) > 12 {
				return s[:12]
			}
			return s
		},
	}).Parse(reportTemplate))
})

// WriteHTML writes the report as one self-contained page (inline CSS, no
// scripts). Links to the cached bodies are relative to dir, the directory
// the page is written to.
func WriteHTML(w io.Writer, rep *Report, dir string) error {
	links := map[string]string{}
	for _, s := range rep.Sources {
		for _, r := range []*fetch.Response{s.Fetch, s.Index} {
			if r != nil && r.CachePath != "" {
				links[r.CachePath] = relLink(dir, r.CachePath)
			}
		}
	}
	err := reportPage().Execute(w, struct {
		*Report
		Links map[string]string
	}{rep, links})
	if err != nil {
		return fmt.Errorf("refresh report: %w", err)
	}
	return nil
}

// relLink is path relative to dir, with forward slashes, for an href.
func relLink(dir, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	d, err := filepath.Abs(dir)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	rel, err := filepath.Rel(d, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return strings.ReplaceAll(filepath.ToSlash(rel), "#", "%23")
}
