//go:build !parsechild

package main

import (
	"strings"

	"github.com/agreements/agreements/parser"
)

// quotedIn is err's message with name, wherever it stands in it, printed
// as messages print file names (parser.QuoteName): the output package
// writes the name as given.
func quotedIn(err error, name string) string {
	msg := err.Error()
	if q := parser.QuoteName(name); name != "" && q != name {
		msg = strings.ReplaceAll(msg, name, q)
	}
	return msg
}
