package report

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/audit"
	"github.com/agreements/agreements/diff"
)

//go:embed templates/*.html
var templateFS embed.FS

// templates parses the page templates; they are compiled into the binary,
// so a failure is a programming error that every test run shows.
func templates() (*template.Template, error) {
	t, err := template.New("").Funcs(template.FuncMap{
		"pos":   position,
		"value": value,
		"join":  strings.Join,
		"fields": func(m map[string]diff.FieldChange) []fieldRow {
			var rows []fieldRow
			for _, f := range diff.Fields() {
				if c, ok := m[f]; ok {
					rows = append(rows, fieldRow{Name: f, Old: value(c.Old), New: value(c.New)})
				}
			}
			return rows
		},
		"src": recordSource,
		"add": func(xs ...int) int {
			n := 0
			for _, x := range xs {
				n += x
			}
			return n
		},
		"sub": func(a, b int) int { return a - b },
		"deref": func(p *int) int {
			if p == nil {
				return 0
			}
			return *p
		},
	}).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("report templates: %w", err)
	}
	return t, nil
}

type fieldRow struct{ Name, Old, New string }

// Bar is one bar of an inline SVG chart, in user units.
type bar struct {
	Label      string
	Count      int
	X, Y, W, H int
	TextX      int
	TextY      int
}

// chart is an inline SVG bar chart.
type chart struct {
	Title         string
	Width, Height int
	Bars          []bar
	Horizontal    bool
}

// maxBars bounds a chart; the rest are summed into one "other" bar.
const maxBars = 30

// hbarChart draws counts as horizontal bars, one per line, labels left.
func hbarChart(title string, counts []audit.Count) chart {
	counts = capCounts(counts)
	const labelW, barMax, lineH, barH = 220, 440, 18, 13
	c := chart{Title: title, Width: labelW + barMax + 60, Height: lineH*len(counts) + 8, Horizontal: true}
	top := maxCount(counts)
	for i, k := range counts {
		w := 0
		if top > 0 {
			w = max(1, k.Count*barMax/top)
		}
		y := 4 + i*lineH
		c.Bars = append(c.Bars, bar{Label: truncate(k.Key, 32), Count: k.Count, X: labelW, Y: y, W: w, H: barH,
			TextX: labelW + w + 4, TextY: y + barH - 2})
	}
	return c
}

// vbarChart draws counts as vertical bars in order (years), labels below.
func vbarChart(title string, counts []audit.Count) chart {
	const colW, barW, plotH, base = 22, 16, 160, 20
	c := chart{Title: title, Width: max(200, colW*len(counts)+20), Height: plotH + base + 40}
	top := maxCount(counts)
	for i, k := range counts {
		h := 0
		if top > 0 {
			h = max(1, k.Count*plotH/top)
		}
		x := 10 + i*colW
		c.Bars = append(c.Bars, bar{Label: k.Key, Count: k.Count, X: x, Y: base + plotH - h, W: barW, H: h,
			TextX: x + barW/2, TextY: base + plotH - h - 4})
	}
	return c
}

func capCounts(counts []audit.Count) []audit.Count {
	if len(counts) <= maxBars {
		return counts
	}
	out := append([]audit.Count{}, counts[:maxBars-1]...)
	other := audit.Count{Key: "other (" + strconv.Itoa(len(counts)-maxBars+1) + ")"}
	for _, k := range counts[maxBars-1:] {
		other.Count += k.Count
	}
	return append(out, other)
}

func maxCount(counts []audit.Count) int {
	m := 0
	for _, k := range counts {
		m = max(m, k.Count)
	}
	return m
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// years keeps the dated years of a year count for the chart, on a
// continuous axis: every year from the first to the last, those without
// agreements at zero, so 1931 does not stand next to 1998. A span of more
// than maxYearBars years is counted by decade ("1930s"). Undated
// agreements are counted apart.
func years(counts []audit.Count) (dated []audit.Count, undated int) {
	byYear := map[int]int{}
	first, last := 0, 0
	for _, k := range counts {
		y, err := strconv.Atoi(k.Key)
		if err != nil {
			undated += k.Count
			continue
		}
		if len(byYear) == 0 || y < first {
			first = y
		}
		if len(byYear) == 0 || y > last {
			last = y
		}
		byYear[y] += k.Count
	}
	if len(byYear) == 0 {
		return nil, undated
	}
	step := 1
	if last-first+1 > maxYearBars {
		step = 10
		first -= first % 10
	}
	for y := first; y <= last; y += step {
		n := 0
		for k := y; k < y+step; k++ {
			n += byYear[k]
		}
		key := strconv.Itoa(y)
		if step > 1 {
			key += "s"
		}
		dated = append(dated, audit.Count{Key: key, Count: n})
	}
	return dated, undated
}

// maxYearBars is the longest span charted year by year.
const maxYearBars = 80

type auditPage struct {
	Report    *audit.Report
	Countries chart
	Years     chart
	Undated   int
	Levels    []levelGroup
}

type levelGroup struct {
	Level    audit.Level
	Findings []audit.Finding
}

// AuditHTML renders an audit report as one self-contained HTML page (no
// external assets): the summary, charts of agreements per country and per
// year as inline SVG, a table per finding, the declared totals and the
// list of checks.
func AuditHTML(w io.Writer, rep *audit.Report) error {
	t, err := templates()
	if err != nil {
		return err
	}
	dated, undated := years(rep.Stats.ByYear)
	p := auditPage{Report: rep, Undated: undated,
		Countries: hbarChart("Agreements per country", rep.Stats.ByCountry),
		Years:     vbarChart("Agreements per year signed", dated)}
	for _, f := range rep.Findings {
		if n := len(p.Levels); n == 0 || p.Levels[n-1].Level != f.Level {
			p.Levels = append(p.Levels, levelGroup{Level: f.Level})
		}
		p.Levels[len(p.Levels)-1].Findings = append(p.Levels[len(p.Levels)-1].Findings, f)
	}
	if err := t.ExecuteTemplate(w, "audit.html", p); err != nil {
		return fmt.Errorf("rendering html audit report: %w", err)
	}
	return nil
}

type diffPage struct {
	Diff    *diff.Result
	Changes chart
}

// DiffHTML renders a snapshot comparison as one self-contained HTML page.
func DiffHTML(w io.Writer, d *diff.Result) error {
	t, err := templates()
	if err != nil {
		return err
	}
	var counts []audit.Count
	for _, g := range d.Summary.ByCountry {
		counts = append(counts, audit.Count{Key: g.Key, Count: g.Added + g.Removed + g.Changed + g.Renamed})
	}
	p := diffPage{Diff: d, Changes: hbarChart("Differences per country", counts)}
	if err := t.ExecuteTemplate(w, "diff.html", p); err != nil {
		return fmt.Errorf("rendering html diff: %w", err)
	}
	return nil
}

// recordSource is used by the templates to show where a record stands.
func recordSource(r agreement.Record) string {
	return position(r.Source.File, r.Source.Page, r.Source.Row)
}
