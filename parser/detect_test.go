package parser_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/agreements/agreements/parser"
	"github.com/agreements/agreements/parser/parsertest"
)

func TestDetectXLSX(t *testing.T) {
	assert.Equal(t, parser.FormatXLSX, parser.Detect(parsertest.Zip(t, "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml")))
	assert.Equal(t, parser.FormatUnknown, parser.Detect(parsertest.Zip(t, "[Content_Types].xml", "word/document.xml")))
	assert.Equal(t, parser.FormatUnknown, parser.Detect([]byte("PK\x03\x04 truncated")))
}
