package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agreements/agreements/output"
)

// TestPassword: a PDF protected by a user password (AES-128, "secret")
// reads with --password as the unprotected file does; without it, or with
// another, the error says which.
func TestPassword(t *testing.T) {
	protected := "../../fixtures/bad-encrypted/input.pdf"
	want := extractFixture(t, "../../fixtures/tohoku-university-libreoffice")

	var stdout, stderr bytes.Buffer
	code := run([]string{"extract", "--institution", "Tohoku University", "--password", "secret", protected},
		strings.NewReader(""), &stdout, &stderr)
	require.Equal(t, exitOK, code, stderr.String())
	got, err := output.ReadRecords(&stdout)
	require.NoError(t, err)
	assert.Equal(t, comparable(want), comparable(got))

	for _, tt := range []struct {
		args []string
		want string
	}{
		{nil, "bad-encrypted/input.pdf: encrypted document: a password is needed to open it"},
		{[]string{"--password", "wrong"}, "bad-encrypted/input.pdf: encrypted document: the password given does not open it"},
	} {
		for _, cmd := range []string{"extract", "audit"} {
			stdout.Reset()
			stderr.Reset()
			code := run(append(append([]string{cmd}, tt.args...), protected), strings.NewReader(""), &stdout, &stderr)
			assert.Equal(t, exitFail, code, cmd)
			assert.Contains(t, stderr.String(), tt.want, cmd)
		}
	}

	stdout.Reset()
	stderr.Reset()
	code = run([]string{"audit", "--format", "json", "--password", "secret", protected}, strings.NewReader(""), &stdout, &stderr)
	assert.Equal(t, exitOK, code, stderr.String())
	assert.Contains(t, stdout.String(), `"records": 250`)
}
