package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/diff"
)

// Diff renders a snapshot comparison in format.
func Diff(w io.Writer, format string, d *diff.Result) error {
	switch format {
	case FormatText:
		return DiffText(w, d)
	case FormatJSON:
		return writeJSON(w, d)
	case FormatHTML:
		return DiffHTML(w, d)
	}
	return CheckFormat(format)
}

// DiffText renders a snapshot comparison for people: a summary, then the
// added, removed, changed and renamed agreements, then counts by country
// and level.
func DiffText(w io.Writer, d *diff.Result) error {
	ew := &errWriter{w: w}
	s := d.Summary
	ew.printf("diff %s → %s: %d → %d agreements: %d added, %d removed, %d changed, %d renamed, %d unchanged\n",
		agreement.QuoteName(d.OldFile), agreement.QuoteName(d.NewFile), s.Old, s.New, s.Added, s.Removed, s.Changed, s.Renamed, s.Unchanged)
	if s.AsOf != nil {
		ew.printf("as of: %s → %s\n", value(s.AsOf.Old), value(s.AsOf.New))
	}
	for _, h := range d.Hints {
		ew.printf("note: %s\n", h.Message)
	}
	if d.Empty() {
		ew.printf("no differences\n")
		return ew.err
	}
	if len(d.Added) > 0 {
		ew.printf("\nADDED (%d)\n", len(d.Added))
		for _, r := range d.Added {
			ew.printf("  + %s\n", recordLine(r))
		}
	}
	if len(d.Removed) > 0 {
		ew.printf("\nREMOVED (%d)\n", len(d.Removed))
		for _, r := range d.Removed {
			ew.printf("  - %s\n", recordLine(r))
		}
	}
	if len(d.Changed) > 0 {
		ew.printf("\nCHANGED (%d)\n", len(d.Changed))
		for _, c := range d.Changed {
			ew.printf("  ~ %s  %s  %q  id %s  [%s → %s]\n", c.Level, orDash(c.Country), c.Partner, c.ID,
				position(c.Old.File, c.Old.Page, c.Old.Row), position(c.New.File, c.New.Page, c.New.Row))
			fieldLines(ew, c.Fields)
		}
	}
	if len(d.Renamed) > 0 {
		ew.printf("\nRENAMED (%d)\n", len(d.Renamed))
		for _, r := range d.Renamed {
			ew.printf("  > %s  %s  %q → %q  (%s)  [%s → %s]\n", r.New.Level, orDash(r.New.Country), r.Old.Partner, r.New.Partner,
				strings.ReplaceAll(r.By, "_", " "), position(r.Old.Source.File, r.Old.Source.Page, r.Old.Source.Row),
				position(r.New.Source.File, r.New.Source.Page, r.New.Source.Row))
			fieldLines(ew, r.Fields)
		}
	}
	groupTable(ew, "BY COUNTRY", s.ByCountry)
	groupTable(ew, "BY LEVEL", s.ByLevel)
	return ew.err
}

func groupTable(ew *errWriter, title string, gs []diff.GroupCount) {
	if len(gs) == 0 {
		return
	}
	width := 8
	for _, g := range gs {
		width = max(width, len([]rune(g.Key)))
	}
	ew.printf("\n%s\n  %-*s %7s %7s %7s %7s\n", title, width, "", "added", "removed", "changed", "renamed")
	for _, g := range gs {
		ew.printf("  %-*s %7d %7d %7d %7d\n", width+len(g.Key)-len([]rune(g.Key)), g.Key, g.Added, g.Removed, g.Changed, g.Renamed)
	}
}

// fieldLines prints a change's fields in the order diff compares them.
func fieldLines(ew *errWriter, fields map[string]diff.FieldChange) {
	for _, f := range diff.Fields() {
		if c, ok := fields[f]; ok {
			ew.printf("      %s: %s → %s\n", f, value(c.Old), value(c.New))
		}
	}
}

// recordLine is a record on one line: level, country, partner (and unit),
// date, flags and where it stands.
func recordLine(r agreement.Record) string {
	parts := []string{r.Level, orDash(r.Country), fmt.Sprintf("%q", r.Partner)}
	if r.PartnerUnit != "" {
		parts = append(parts, "unit "+fmt.Sprintf("%q", r.PartnerUnit))
	}
	if r.HomeUnit != "" {
		parts = append(parts, "home unit "+fmt.Sprintf("%q", r.HomeUnit))
	}
	if r.Signed != "" {
		parts = append(parts, "signed "+r.Signed)
	}
	if len(r.Flags) > 0 {
		parts = append(parts, "flags "+strings.Join(r.Flags, ","))
	}
	parts = append(parts, "["+position(r.Source.File, r.Source.Page, r.Source.Row)+"]")
	return strings.Join(parts, "  ")
}

// value renders a field value as JSON: "text", true, ["a","b"].
func value(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
