// Package report renders audit reports and snapshot diffs as text for
// people, JSON for machines and self-contained HTML pages.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/agreements/agreements/agreement"
)

// Formats the renderers support.
const (
	FormatText = "text"
	FormatJSON = "json"
	FormatHTML = "html"
)

// CheckFormat returns an error for a format no renderer supports.
func CheckFormat(format string) error {
	switch format {
	case FormatText, FormatJSON, FormatHTML:
		return nil
	}
	return fmt.Errorf("unknown report format %q (want text, json or html)", format)
}

// writeJSON writes v indented, without HTML escaping, with a final newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encoding report: %w", err)
	}
	return nil
}

// position is "file p3 r45" for PDF rows, "file r45" for HTML and record
// files, "file" when the row is unknown.
func position(file string, page, row int) string {
	var b strings.Builder
	b.WriteString(agreement.QuoteName(file))
	if page > 0 {
		b.WriteString(" p" + strconv.Itoa(page))
	}
	if row > 0 {
		b.WriteString(" r" + strconv.Itoa(row))
	}
	return b.String()
}

// errWriter remembers the first write error so renderers can write freely
// and check once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
