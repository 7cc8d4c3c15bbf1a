package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/diff"
)

// TestDiffIdentityHint: last year's records were made with --institution,
// this year's document is compared without it. Every id differs; the diff
// says why, and --institution given to diff applies to the document while
// the record file keeps the institution it was made with.
func TestDiffIdentityHint(t *testing.T) {
	doc := "../../fixtures/tohoku-university-libreoffice/input.pdf"
	last := filepath.Join(t.TempDir(), "last.ndjson")
	var stdout, stderr bytes.Buffer
	code := run([]string{"extract", "--institution", "Tohoku University", "--out", last, doc}, strings.NewReader(""), &stdout, &stderr)
	require.Equal(t, exitOK, code, stderr.String())

	stdout.Reset()
	stderr.Reset()
	code = run([]string{"diff", "--format", "json", "--exit-code", last, doc}, strings.NewReader(""), &stdout, &stderr)
	assert.Equal(t, exitFail, code, "they differ")
	var d diff.Result
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &d))
	require.Len(t, d.Hints, 1)
	assert.Equal(t, "home_institution", d.Hints[0].Field)
	assert.Equal(t, "Tohoku University", d.Hints[0].Old)
	assert.Equal(t, d.Summary.Old, d.Hints[0].Pairs, "every agreement is the same partner")
	assert.Contains(t, stderr.String(), "agreements diff: note: ", "said on stderr too, beside the JSON")
	assert.Contains(t, stderr.String(), "--institution")

	stdout.Reset()
	stderr.Reset()
	code = run([]string{"diff", "--exit-code", "--institution", "Tohoku University", last, doc}, strings.NewReader(""), &stdout, &stderr)
	assert.Equal(t, exitOK, code, "the same list: %s%s", stdout.String(), stderr.String())
	assert.Contains(t, stdout.String(), "no differences")
	assert.NotContains(t, stdout.String(), "note:")
}
