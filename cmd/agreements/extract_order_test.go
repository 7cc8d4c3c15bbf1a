package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExtractOrder: inputs read at the same time still give their records
// in the order the inputs are named, each input's warnings and errors too.
func TestExtractOrder(t *testing.T) {
	a := "../../fixtures/tohoku-university-chromium/input.pdf"
	b := "../../fixtures/html-tohoku-university-table/input.html"
	c := "../../fixtures/ja-department-chromium/input.pdf"
	var want string
	for _, in := range []string{c, a, b, a} {
		code, out, _ := runCmd(t, "", "extract", in)
		require.Equal(t, 0, code, in)
		want += out
	}
	code, got, _ := runCmd(t, "", "extract", c, a, b, a)
	require.Equal(t, 0, code)
	assert.Equal(t, want, got)
}
