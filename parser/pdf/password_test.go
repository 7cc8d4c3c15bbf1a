package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agreements/agreements/parser"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEmptyPasswordRefused: the check of the empty password refuses
// exactly the files pdfcpu's rewrite refuses it for, among the standard
// security handler's revisions 2 to 4 written by qpdf (testdata/gen.sh),
// with a user password, with only an owner password, with the two the
// same, and with metadata left unencrypted (which the library cannot
// open, and pdfcpu can); it says nothing of revisions 5 and 6. A file it
// refuses is said to need a password, as the rewrite's refusal said; one
// it does not is read (through the rewrite when the library cannot).
func TestEmptyPasswordRefused(t *testing.T) {
	files, err := filepath.Glob("testdata/encrypted/*.pdf")
	require.NoError(t, err)
	require.Len(t, files, 15)
	plain, err := os.ReadFile("testdata/lists/twocol-lo.pdf")
	require.NoError(t, err)
	want, err := Parse("in.pdf", plain, Options{})
	require.NoError(t, err)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".pdf")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			refused := emptyPasswordRefused(b)
			_, _, rerr := rewrite(b, "")
			byPdfcpu := rewriteWrongPassword(rerr)
			switch {
			case strings.HasPrefix(name, "r5-"), strings.HasPrefix(name, "r6-"):
				assert.False(t, refused, "revisions 5 and 6 are left to the rewrite")
				assert.True(t, byPdfcpu)
			case strings.HasSuffix(name, "-user"), strings.HasSuffix(name, "-same"):
				assert.True(t, refused)
				assert.True(t, byPdfcpu, "pdfcpu refuses it too")
			default: // -owner, -none: the empty password opens it
				assert.False(t, refused)
				assert.False(t, byPdfcpu, "pdfcpu opens it: %v", rerr)
			}

			doc, err := Parse("in.pdf", b, Options{})
			if byPdfcpu {
				require.ErrorIs(t, err, parser.ErrEncrypted)
				assert.EqualError(t, err, "in.pdf: encrypted document: a password is needed to open it")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, want.Blocks, doc.Blocks)
		})
	}
}

// TestReadStandardSecurity: the dictionary is found through an indirect
// /Encrypt in a classic trailer and in a cross-reference stream's
// dictionary, and shapes the check is not exact for are left alone.
func TestReadStandardSecurity(t *testing.T) {
	b, err := os.ReadFile("testdata/encrypted/r4-aes-clear-user.pdf")
	require.NoError(t, err)
	s, ok := readStandardSecurity(b)
	require.True(t, ok)
	assert.Equal(t, 4, s.r)
	assert.Equal(t, 16, s.keyBytes)
	assert.False(t, s.encryptMetadata)
	assert.Len(t, s.id, 16)

	for _, tt := range []struct{ name, from, to string }{
		{"another handler", "/Filter /Standard", "/Filter /Other"},
		{"revision 5", "/R 4", "/R 5"},
		{"a key of 36 bits", "/Length 128", "/Length 36"},
		{"metadata neither true nor false", "/EncryptMetadata false", "/EncryptMetadata 0"},
		{"no /Encrypt", "/Encrypt 16 0 R", "/Encrypx 16 0 R"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, string(b), tt.from)
			nb := []byte(strings.Replace(string(b), tt.from, tt.to, 1))
			_, ok := readStandardSecurity(nb)
			assert.False(t, ok)
			assert.False(t, emptyPasswordRefused(nb))
		})
	}
}

// FuzzEmptyPasswordRefused: the check reads any bytes without a panic or
// a hang, and refuses the empty password only for a dictionary it read
// whole.
func FuzzEmptyPasswordRefused(f *testing.F) {
	files, err := filepath.Glob("testdata/encrypted/*.pdf")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		// The tail: the trailer and the encryption dictionary.
		f.Add(b[max(0, len(b)-2048):])
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_, read := readStandardSecurity(b)
		if emptyPasswordRefused(b) && !read {
			t.Fatal("refused a dictionary it did not read")
		}
	})
}

// TestEmptyPasswordRefusedPdfcpu: the same comparison on files another
// writer encrypts, pdfcpu, laid out its own way (cross-reference and
// object streams, its own identifiers): RC4 of 40 and 128 bits and AES of
// 128, with a user password and with only an owner password.
func TestEmptyPasswordRefusedPdfcpu(t *testing.T) {
	plain, err := os.ReadFile("testdata/lists/twocol-lo.pdf")
	require.NoError(t, err)
	want, err := Parse("in.pdf", plain, Options{})
	require.NoError(t, err)
	for _, tt := range []struct {
		name       string
		aes        bool
		bits       int
		user       string
		wantRefuse bool
	}{
		{"rc4-40-user", false, 40, "secret", true},
		{"rc4-40-owner", false, 40, "", false},
		{"rc4-128-user", false, 128, "secret", true},
		{"rc4-128-owner", false, 128, "", false},
		{"aes-128-user", true, 128, "secret", true},
		{"aes-128-owner", true, 128, "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			conf := &model.Configuration{
				Reader15:                  true,
				ValidationMode:            model.ValidationRelaxed,
				UnsupportedResourcePolicy: model.UnsupportedResourceSkip,
				Eol:                       types.EolLF,
				WriteObjectStream:         true,
				WriteXRefStream:           true,
				EncryptUsingAES:           tt.aes,
				EncryptKeyLength:          tt.bits,
				Permissions:               model.PermissionsPrint,
				UserPW:                    tt.user,
				OwnerPW:                   "owner",
				Limits:                    model.DefaultResourceLimits(),
			}
			var out bytes.Buffer
			require.NoError(t, api.Encrypt(bytes.NewReader(plain), &out, conf))
			b := out.Bytes()
			_, ok := readStandardSecurity(b)
			require.True(t, ok, "the dictionary is read")
			refused := emptyPasswordRefused(b)
			_, _, rerr := rewrite(b, "")
			assert.Equal(t, tt.wantRefuse, refused)
			assert.Equal(t, tt.wantRefuse, rewriteWrongPassword(rerr), "pdfcpu: %v", rerr)

			doc, err := Parse("in.pdf", b, Options{})
			if tt.wantRefuse {
				assert.EqualError(t, err, "in.pdf: encrypted document: a password is needed to open it")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, want.Blocks, doc.Blocks)
		})
	}
}
