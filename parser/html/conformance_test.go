package html

import (
	"testing"

	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/parser/parsertest"
)

func TestConformance(t *testing.T) {
	parsertest.Run(t, func(name string, b []byte) (*parser.Document, error) {
		return Parse(name, b, Options{})
	}, "../../fixtures/html-tohoku-university-table/input.html", parser.FormatHTML)
}
