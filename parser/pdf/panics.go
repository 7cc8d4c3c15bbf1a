package pdf

import (
	"fmt"
	"strings"

	"github.com/agreements/agreements/internal/lazyre"
)

// panicText says what a panic inside the PDF library (or a runtime error on
// damaged data) means for the file, in place of the library's internals
// ("unexpected value type pdf.objptr in resolve").
func panicText(r any) string {
	msg := fmt.Sprint(r)
	for _, p := range panicTexts {
		if p.re.MatchString(msg) {
			return printable(p.re.ReplaceAllString(msg, p.text))
		}
	}
	if strings.HasPrefix(msg, "runtime error:") {
		return runtimeText(msg)
	}
	return libraryText(msg) // messages.go
}

var panicTexts = []struct {
	re   *lazyre.Regexp
	text string
}{
	{lazyre.New(`^unexpected value type pdf\.objptr in resolve$`), "an object holds only a reference to another object"},
	{lazyre.New(`^unexpected value type .* in resolve$`), "an object holds a value of a kind PDF does not have"},
	{lazyre.New(`^not a stream$`), "an object stream named in the cross-reference table is missing or not a stream"},
	{lazyre.New(`^not an object stream$`), "an object stream named in the cross-reference table is not an object stream"},
	{lazyre.New(`^missing First$`), "an object stream lacks its /First entry"},
	{lazyre.New(`^cannot find object in stream$`), "an object the cross-reference table places in an object stream is not there"},
	{lazyre.New(`^loading (\d+) (\d+) R?: found .* instead of objdef$`), "object $1 is not at the offset the cross-reference table gives"},
	{lazyre.New(`^loading \{?(\d+) (\d+)\}?: found .* instead of objdef$`), "object $1 is not at the offset the cross-reference table gives"},
	{lazyre.New(`^loading \{?(\d+) \d+\}?: found \{?(\d+) \d+\}?$`), "object $1 is not at the offset the cross-reference table gives (object $2 is)"},
	{lazyre.New(`^unknown filter (\S+)$`), "stream filter $1 is not supported"},
	{lazyre.New(`^pred$`), "a stream's predictor is not supported"},
}
