package refresh

import (
	"bytes"
	"os"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// protect encrypts a fixture with a user password, as a protected list is.
func protect(t *testing.T, b []byte, pw string) []byte {
	t.Helper()
	conf := &model.Configuration{
		Reader15: true, ValidationMode: model.ValidationRelaxed, Eol: types.EolLF,
		Limits: model.DefaultResourceLimits(), UserPW: pw, OwnerPW: pw + "-owner",
		EncryptUsingAES: true, EncryptKeyLength: 256, Permissions: model.PermissionsPrint,
	}
	var out bytes.Buffer
	require.NoError(t, api.Encrypt(bytes.NewReader(b), &out, conf))
	return out.Bytes()
}

func TestDecrypt(t *testing.T) {
	plain, err := os.ReadFile("../fixtures/tohoku-university-libreoffice/input.pdf")
	require.NoError(t, err)
	locked := protect(t, plain, "open-sesame")
	assert.NotContains(t, string(locked), "Tohoku")

	out, err := Decrypt("list.pdf", locked, "open-sesame")
	require.NoError(t, err)
	assert.NotContains(t, string(out), "/Encrypt")

	_, err = Decrypt("list.pdf", locked, "wrong")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "list.pdf: opening the protected PDF")

	_, err = Decrypt("junk.pdf", []byte("%PDF-1.7\nnot really"), "x")
	assert.ErrorContains(t, err, "junk.pdf")
}
