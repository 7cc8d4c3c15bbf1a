package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/parser"
)

// TestParseMappedPage: an HTML page handed to the child as its file is
// read from the file mapped into memory (see parseHeldFile): it reads as
// the page's bytes do.
func TestParseMappedPage(t *testing.T) {
	page := synthHTML(2 << 20)
	path := filepath.Join(t.TempDir(), "page.html")
	require.NoError(t, os.WriteFile(path, page, 0o644))
	want, err := parseDocument("page.html", page, nil)
	require.NoError(t, err)
	f, size, format := handedFile(path)
	require.NotNil(t, f)
	defer f.Close()
	got, err := parseInChild(parseRequest{Name: "page.html", file: f, Size: size, format: format}, limitsFor(size))
	require.NoError(t, err)
	assert.Equal(t, string(parser.Dump(want)), string(parser.Dump(got)))
}

// TestParseMappedPageCutShort: a page cut short while the child reads it
// from the file (mapped, so that reading past the new end is a bus error)
// is an error that says the file changed, or one that says how much of
// it could be read, or it reads whole: never the reader's failure.
func TestParseMappedPageCutShort(t *testing.T) {
	page := synthHTML(10 << 20)
	dir := t.TempDir()
	for _, after := range []time.Duration{0, 30 * time.Millisecond, 100 * time.Millisecond} {
		path := filepath.Join(dir, "page-"+after.String()+".html")
		require.NoError(t, os.WriteFile(path, page, 0o644))
		f, size, format := handedFile(path)
		require.NotNil(t, f)
		cut := time.AfterFunc(after, func() { _ = os.Truncate(path, int64(size/2)) })
		doc, err := parseInChild(parseRequest{Name: "page.html", file: f, Size: size, format: format}, limitsFor(size))
		cut.Stop()
		f.Close()
		if err == nil {
			assert.NotNil(t, doc, after)
			continue
		}
		var pe *parser.Error
		require.ErrorAs(t, err, &pe, after)
		assert.Equal(t, "page.html", pe.File)
		assert.NotContains(t, err.Error(), "a bug to report", after)
		assert.Regexp(t, `the file changed while it was read|reading it: \d+ of its \d+ bytes`, err.Error(), after)
	}
}
