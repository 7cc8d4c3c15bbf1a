package normalize

import (
	"path/filepath"
	"strings"

	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/parser/html"
	"github.com/agreements/agreements/parser/pdf"
)

// parseDocument parses a PDF or an HTML input, named by the base of name,
// by name's extension; nil and no error for another kind of input.
func parseDocument(name string, b []byte) (*parser.Document, error) {
	switch {
	case strings.HasSuffix(name, ".pdf"):
		return pdf.Parse(filepath.Base(name), b, pdf.Options{})
	case strings.HasSuffix(name, ".html"):
		return html.Parse(filepath.Base(name), b, html.Options{})
	}
	return nil, nil
}
