package refresh

import (
	"bytes"
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Decrypt opens a password-protected PDF with the password the sources
// file gives, and returns it written again without the protection, for the
// extractor to read. pdfcpu is the library boundary: a panic inside it is
// its error.
func Decrypt(name string, b []byte, password string) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("%s: opening the protected PDF: %v", name, r)
		}
	}()
	conf := &model.Configuration{
		Reader15:                  true,
		ValidationMode:            model.ValidationRelaxed,
		UnsupportedResourcePolicy: model.UnsupportedResourceSkip,
		Eol:                       types.EolLF,
		Limits:                    model.DefaultResourceLimits(),
		UserPW:                    password,
		OwnerPW:                   password,
	}
	var buf bytes.Buffer
	if err := api.Decrypt(bytes.NewReader(b), &buf, conf); err != nil {
		return nil, fmt.Errorf("%s: opening the protected PDF with the password the sources file gives: %w", name, err)
	}
	return buf.Bytes(), nil
}
