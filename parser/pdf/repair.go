package pdf

import (
	"bytes"
)

// repair makes byte-level fixes for files that viewers open but the PDF
// library refuses, and names what it did ("pdf:stripped_leading_bytes").
// It returns no repairs when it found nothing to fix.
func repair(b []byte) ([]byte, []string) {
	var repairs []string
	if i := bytes.Index(b, []byte("%PDF-")); i > 0 {
		b = b[i:]
		repairs = append(repairs, "pdf:stripped_leading_bytes")
	}
	return b, repairs
}
