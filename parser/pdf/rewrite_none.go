//go:build norewrite

package pdf

import (
	"fmt"

	"github.com/agreements/agreements/parser"
)

// Built with the norewrite tag (the lean parse child), the package links
// no pdfcpu: a file only pdfcpu's rewrite reads (see rewrite.go: one the
// library refuses after the byte-level repairs, one encrypted with AES-256,
// one with thousands of objects in object streams) is an error wrapping
// parser.ErrNotInBuild, and the command reads it again in the full
// program.

func rewrite([]byte, string) ([]byte, bool, error) {
	return nil, false, fmt.Errorf("%w: pdfcpu's rewrite", parser.ErrNotInBuild)
}

func rewriteWrongPassword(error) bool { return false }
