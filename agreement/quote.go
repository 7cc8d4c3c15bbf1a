package agreement

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// QuoteName returns a file name as messages print it: as given, or quoted
// with its control characters escaped when it has any, or bytes that are
// not UTF-8 (a name with a newline or an escape sequence must not forge or
// hide a line of output).
func QuoteName(name string) string {
	if !utf8.ValidString(name) || strings.ContainsFunc(name, func(r rune) bool { return unicode.IsControl(r) || r == utf8.RuneError }) {
		return strconv.Quote(name)
	}
	return name
}
