// Package parsertest is the conformance suite every extractor's tests run:
// the same bad inputs must give the same kind of error, and a valid fixture
// must give a usable document.
package parsertest

import (
	"errors"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// ParseFunc is an extractor's entry point.
type ParseFunc func(name string, b []byte) (*parser.Document, error)

// Run checks an extractor against the shared expectations. valid is the
// path of a fixture the extractor must read.
func Run(t *testing.T, parse ParseFunc, valid string, format parser.Format) {
	t.Helper()
	bad := map[string][]byte{
		"empty":        {},
		"blank":        []byte(" \n\t\n"),
		"nul bytes":    make([]byte, 512),
		"wrong format": []byte("Peking University (1999.11.10)\nFudan University (2001.4.19)\n"),
	}
	b, err := os.ReadFile(valid)
	require.NoError(t, err)
	bad["truncated"] = b[:len(b)/8]
	for name, in := range bad {
		t.Run(name, func(t *testing.T) {
			doc, err := parse("bad-"+name, in)
			if err == nil && name == "truncated" {
				// A truncated page of markup may still be a document; it
				// must then be a usable one.
				require.NotNil(t, doc)
				return
			}
			require.Error(t, err, "%s input must be refused, not read as a document", name)
			assert.Nil(t, doc, "a refused input gives no document")
			var pe *parser.Error
			require.True(t, errors.As(err, &pe), "error is not a *parser.Error: %v", err)
			assert.Equal(t, "bad-"+name, pe.File)
			assert.Contains(t, err.Error(), "bad-"+name)
		})
	}
	t.Run("valid", func(t *testing.T) {
		doc, err := parse("input", b)
		require.NoError(t, err)
		require.NotNil(t, doc)
		assert.Equal(t, "input", doc.File)
		assert.Equal(t, format, doc.Format)
		assert.Len(t, doc.SHA256, 64)
		assert.NotEmpty(t, doc.Blocks)
		row := 0
		for _, blk := range doc.Blocks {
			switch {
			case blk.Line != nil:
				row++
				assert.Equal(t, row, blk.Line.Row, "rows are numbered in reading order")
			case blk.Table != nil:
				for _, r := range blk.Table.Rows {
					row++
					assert.Equal(t, row, r.Row, "rows are numbered in reading order")
				}
			default:
				t.Fatal("a block with neither line nor table")
			}
		}
	})
}
