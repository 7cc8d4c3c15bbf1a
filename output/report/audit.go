package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/audit"
)

// Audit renders an audit report in format.
func Audit(w io.Writer, format string, rep *audit.Report) error {
	switch format {
	case FormatText:
		return AuditText(w, rep)
	case FormatJSON:
		return writeJSON(w, rep)
	case FormatHTML:
		return AuditHTML(w, rep)
	}
	return CheckFormat(format)
}

// AuditText renders an audit report for people: a summary line, then the
// findings grouped by level, most severe first, each with its count and
// examples, then the declared totals and the checks that passed.
func AuditText(w io.Writer, rep *audit.Report) error {
	ew := &errWriter{w: w}
	s := rep.Summary
	ew.printf("audit: %d %s, %d %s: %d %s, %d %s, %d info\n",
		s.Inputs, noun(s.Inputs, "input", "inputs"), s.Records, noun(s.Records, "record", "records"),
		s.Errors, noun(s.Errors, "error", "errors"), s.Warnings, noun(s.Warnings, "warning", "warnings"), s.Infos)
	for _, in := range rep.Inputs {
		ew.printf("  %s: %d records, %d declared totals, %d unplaced rows", agreement.QuoteName(in.File), in.Records, in.Declared, in.Unplaced)
		if in.AsOf != "" {
			ew.printf(", as of %s", in.AsOf)
		}
		if in.Error != "" {
			ew.printf(" (error: %s)", in.Error)
		}
		ew.printf("\n")
	}
	if rep.Figures != "" {
		ew.printf("  %s: figures page (declared totals only)\n", agreement.QuoteName(rep.Figures))
	}
	for _, is := range rep.Institutions {
		ew.printf("  institution %s: %d records: %d %s, %d %s, %d info\n", is.Name, is.Records,
			is.Errors, noun(is.Errors, "error", "errors"), is.Warnings, noun(is.Warnings, "warning", "warnings"), is.Infos)
	}

	var level audit.Level
	for _, f := range rep.Findings {
		if f.Level != level {
			level = f.Level
			ew.printf("\n%s\n", strings.ToUpper(string(level))+"S")
		}
		inst := ""
		if f.Institution != "" {
			inst = " (" + f.Institution + ")"
		}
		ew.printf("\n%s [%s]%s count %d\n  %s\n", f.Check, f.Level, inst, f.Count, f.Message)
		if f.Declared != nil && f.Extracted != nil {
			ew.printf("  declared %d, extracted %d (%s)\n", *f.Declared, *f.Extracted, f.Unit)
		}
		for _, ex := range f.Examples {
			ew.printf("  - %s\n", exampleLine(ex))
			for _, m := range ex.Members {
				ew.printf("      %s\n", exampleLine(m))
			}
		}
		if more := f.Count - len(f.Examples); more > 0 && f.Check != audit.CheckDeclaredTotal {
			ew.printf("  … and %d more\n", more)
		}
	}

	if len(rep.Reconciliation) > 0 {
		ew.printf("\nDECLARED TOTALS\n")
		for _, r := range rep.Reconciliation {
			status := "ok"
			if !r.OK {
				status = "MISMATCH"
			}
			name := r.Name
			switch {
			case name == "" && (r.Scope == "country" || r.Scope == "region"):
				name = "(no " + r.Scope + ")"
			case name == "":
				name = "(document)"
			}
			unit := r.Unit
			if r.Assumed {
				unit += " (assumed)"
			}
			where := position(r.File, r.Page, r.Row)
			if r.From == "figures" {
				where += " (figures page)"
			}
			ew.printf("  %-8s %s: %s %s %s: declared %d, extracted %d  [%s]\n", status,
				where, orNone(r.Level), r.Scope, name+" "+unit, r.Declared, r.Extracted, r.Text)
		}
	}

	var passed, skipped []string
	for _, c := range rep.Checks {
		switch {
		case c.Skipped:
			skipped = append(skipped, c.Name)
		case c.Passed:
			passed = append(passed, c.Name)
		}
	}
	if len(passed) > 0 {
		ew.printf("\nPASSED\n  %s\n", strings.Join(passed, ", "))
	}
	if len(skipped) > 0 {
		ew.printf("\nSKIPPED\n  %s\n", strings.Join(skipped, ", "))
	}
	return ew.err
}

// exampleLine is one example on one line: where, what, why.
func exampleLine(ex audit.Example) string {
	parts := []string{position(ex.File, ex.Page, ex.Row)}
	if ex.Level != "" {
		parts = append(parts, ex.Level)
	}
	if ex.Country != "" {
		parts = append(parts, ex.Country)
	}
	if ex.Partner != "" {
		parts = append(parts, fmt.Sprintf("%q", ex.Partner))
	}
	if ex.Value != "" && ex.Value != ex.Partner {
		parts = append(parts, fmt.Sprintf("value %q", ex.Value))
	}
	if ex.Note != "" {
		parts = append(parts, "("+ex.Note+")")
	}
	return strings.Join(parts, "  ")
}

func noun(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func orNone(s string) string {
	if s == "" {
		return "(any level)"
	}
	return s
}
