package kind

import (
	"archive/zip"
	"bytes"
	"testing"

	"github.com/agreements/agreements/parser/parsertest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOf(t *testing.T) {
	odt := func() []byte {
		var b bytes.Buffer
		z := zip.NewWriter(&b)
		w, err := z.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
		require.NoError(t, err)
		_, _ = w.Write([]byte("application/vnd.oasis.opendocument.text"))
		require.NoError(t, z.Close())
		return b.Bytes()
	}
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"docx", parsertest.Zip(t, "[Content_Types].xml", "_rels/.rels", "word/document.xml"), "a Word document (.docx)"},
		{"odt", odt(), "an OpenDocument text (.odt)"},
		{"zip", parsertest.Zip(t, "list.pdf"), "a ZIP archive"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "an image (.png)"},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), "an image (.jpg)"},
		{"ole2", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 512)...), "a legacy Office document (.doc, .xls) or an Office file protected by a password"},
		{"text", []byte("Peking University (1999.11.10)\n"), "plain text"},
		{"binary", []byte{0, 1, 2, 3, 0xfe, 0xff, 0, 7}, "binary data of no known format"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Of(tt.in), tt.name)
	}
}
