package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A document of scanned pages only fails whatever the flags, named once.
func TestExtractScannedDocumentFails(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"extract", "../../parser/pdf/testdata/lists/scanned.pdf"}, strings.NewReader(""), &out, &errb)
	assert.Equal(t, exitFail, code)
	assert.Equal(t, 1, strings.Count(errb.String(), "no text layer"), errb.String())
	assert.Contains(t, errb.String(), "scanned.pdf")
	assert.Empty(t, out.String())
}

// A read with doubts warns and exits 0; --strict makes it exit 1.
func TestExtractStrict(t *testing.T) {
	page := `<h2>Asia</h2><h3>United States</h3><ul><li>Purdue University (9/3/1997)</li></ul><p>Total of 3 institutions</p>`
	for _, strict := range []bool{false, true} {
		args := []string{"extract"}
		if strict {
			args = append(args, "--strict")
		}
		var out, errb bytes.Buffer
		code := run(append(args, "-"), strings.NewReader(page), &out, &errb)
		assert.Contains(t, errb.String(), "warning: -: row 3: a date was left unread in the partner's name")
		assert.Contains(t, errb.String(), "declared total not met")
		assert.NotEmpty(t, out.String(), "the records are written all the same")
		if strict {
			assert.Equal(t, exitFail, code)
			assert.Contains(t, errb.String(), "(--strict)")
		} else {
			assert.Equal(t, exitOK, code, errb.String())
		}
	}
}

// A page with text and no agreement list says so.
func TestExtractNoListWarns(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"extract", "-"}, strings.NewReader(`<h1>Welcome</h1><p>Our office helps students study abroad.</p><p>Contact us.</p>`), &out, &errb)
	assert.Equal(t, exitOK, code)
	assert.Contains(t, errb.String(), "no agreement list found")
}
