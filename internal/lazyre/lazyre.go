// Package lazyre holds regular expressions that are compiled when they are
// first used rather than when the program starts.
//
// A package-level regexp.MustCompile runs in every start of the program,
// whatever the program then does; every input is parsed in a process of its
// own, so expressions that only a damaged file or one kind of text needs
// were compiled twice per input for nothing. A *Regexp has the methods of
// *regexp.Regexp used to match (not Longest, which would change it), so a
// declaration changes and its uses do not.
//
// An expression anchored at the start of the text and written on with
// plain characters (`^reading at offset (\d+): `) answers a text that does
// not start with those characters at once, as having no match, without
// being compiled: the tables of messages tried in turn against one text
// compiled every expression above the one that matched.
package lazyre

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode/utf8"
)

// Regexp is a regular expression compiled on first use. It is safe for
// concurrent use, as *regexp.Regexp is.
type Regexp struct {
	expr string
	// prefix is the text every match starts the text with (see
	// anchoredPrefix): a text that does not start with it has no match,
	// found without compiling the expression.
	prefix string
	once   sync.Once
	re     *regexp.Regexp
}

// New returns expr, to be compiled on first use; an invalid expr panics
// then, as regexp.MustCompile would. In a test binary it is compiled at
// once, so that a package's tests find an invalid expression even when no
// test uses it.
func New(expr string) *Regexp {
	r := &Regexp{expr: expr, prefix: anchoredPrefix(expr)}
	if inTest() {
		r.Regexp()
		checkPrefix(expr, r.prefix)
	}
	return r
}

// anchoredPrefix returns the literal text any match of expr starts the
// text with, read from the expression as written: expr is anchored at the
// start of the text (a leading ^, after a (?s) that only changes what .
// matches), holds no | (which might anchor only its first alternative),
// and goes on with plain characters. A character a quantifier follows is
// not in the prefix. It returns "" for any other form (flags such as (?i)
// or (?m), an escape first), where nothing is known without compiling.
// checkPrefix holds it to the regexp/syntax parser's reading.
func anchoredPrefix(expr string) string {
	s := strings.TrimPrefix(expr, "(?s)")
	if !strings.HasPrefix(s, "^") || strings.Contains(s, "|") {
		return ""
	}
	s = s[1:]
	end, last := 0, 0 // end of the plain characters, start of the last
	for end < len(s) && !strings.ContainsRune(`\.+*?()|[]{}^$`, rune(s[end])) {
		_, size := utf8.DecodeRuneInString(s[end:])
		last, end = end, end+size
	}
	if end < len(s) && strings.ContainsRune("*+?{", rune(s[end])) {
		end = last // the quantifier takes the character before it
	}
	return s[:end]
}

// checkPrefix panics when prefix is not a prefix of what regexp/syntax
// reads every match to start the text with: an expression read wrongly
// by anchoredPrefix would make a text that matches seem not to.
func checkPrefix(expr, prefix string) {
	if prefix == "" {
		return
	}
	want := syntaxPrefix(expr)
	if !strings.HasPrefix(want, prefix) {
		panic(fmt.Sprintf("lazyre: %q read as starting the text with %q; the parser reads %q", expr, prefix, want))
	}
}

// syntaxPrefix returns the literal text regexp/syntax reads expr to
// require at the start of the text: a concatenation that begins with ^
// (begin of text) and goes on with literals matched case by case.
func syntaxPrefix(expr string) string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil || re.Op != syntax.OpConcat || len(re.Sub) == 0 || re.Sub[0].Op != syntax.OpBeginText {
		return ""
	}
	var b strings.Builder
	for _, sub := range re.Sub[1:] {
		if sub.Op != syntax.OpLiteral || sub.Flags&syntax.FoldCase != 0 {
			break
		}
		b.WriteString(string(sub.Rune))
	}
	return b.String()
}

// cannotMatch reports whether s cannot hold a match: it does not start
// with the text every match starts it with.
func (r *Regexp) cannotMatch(s string) bool {
	return r.prefix != "" && !strings.HasPrefix(s, r.prefix)
}

// cannotMatchBytes is cannotMatch of b.
func (r *Regexp) cannotMatchBytes(b []byte) bool {
	return r.prefix != "" && !bytes.HasPrefix(b, []byte(r.prefix))
}

// inTest reports whether this is a test binary (as go test names them).
func inTest() bool {
	return len(os.Args) > 0 && strings.HasSuffix(strings.TrimSuffix(os.Args[0], ".exe"), ".test")
}

// Regexp returns the compiled expression, compiling it on the first call.
func (r *Regexp) Regexp() *regexp.Regexp {
	r.once.Do(func() { r.re = regexp.MustCompile(r.expr) })
	return r.re
}

// String returns the source text of the expression, without compiling it.
func (r *Regexp) String() string { return r.expr }

// Expand is [regexp.Regexp.Expand].
func (r *Regexp) Expand(dst []byte, template []byte, src []byte, match []int) []byte {
	return r.Regexp().Expand(dst, template, src, match)
}

// ExpandString is [regexp.Regexp.ExpandString].
func (r *Regexp) ExpandString(dst []byte, template string, src string, match []int) []byte {
	return r.Regexp().ExpandString(dst, template, src, match)
}

// Find is [regexp.Regexp.Find].
func (r *Regexp) Find(b []byte) []byte { return r.Regexp().Find(b) }

// FindAll is [regexp.Regexp.FindAll].
func (r *Regexp) FindAll(b []byte, n int) [][]byte { return r.Regexp().FindAll(b, n) }

// FindAllIndex is [regexp.Regexp.FindAllIndex].
func (r *Regexp) FindAllIndex(b []byte, n int) [][]int { return r.Regexp().FindAllIndex(b, n) }

// FindAllString is [regexp.Regexp.FindAllString].
func (r *Regexp) FindAllString(s string, n int) []string {
	if r.cannotMatch(s) {
		return nil
	}
	return r.Regexp().FindAllString(s, n)
}

// FindAllStringIndex is [regexp.Regexp.FindAllStringIndex].
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if r.cannotMatch(s) {
		return nil
	}
	return r.Regexp().FindAllStringIndex(s, n)
}

// FindAllStringSubmatch is [regexp.Regexp.FindAllStringSubmatch].
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	if r.cannotMatch(s) {
		return nil
	}
	return r.Regexp().FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is [regexp.Regexp.FindAllStringSubmatchIndex].
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if r.cannotMatch(s) {
		return nil
	}
	return r.Regexp().FindAllStringSubmatchIndex(s, n)
}

// FindAllSubmatch is [regexp.Regexp.FindAllSubmatch].
func (r *Regexp) FindAllSubmatch(b []byte, n int) [][][]byte { return r.Regexp().FindAllSubmatch(b, n) }

// FindAllSubmatchIndex is [regexp.Regexp.FindAllSubmatchIndex].
func (r *Regexp) FindAllSubmatchIndex(b []byte, n int) [][]int {
	return r.Regexp().FindAllSubmatchIndex(b, n)
}

// FindIndex is [regexp.Regexp.FindIndex].
func (r *Regexp) FindIndex(b []byte) []int { return r.Regexp().FindIndex(b) }

// FindReaderIndex is [regexp.Regexp.FindReaderIndex].
func (r *Regexp) FindReaderIndex(rr io.RuneReader) []int { return r.Regexp().FindReaderIndex(rr) }

// FindReaderSubmatchIndex is [regexp.Regexp.FindReaderSubmatchIndex].
func (r *Regexp) FindReaderSubmatchIndex(rr io.RuneReader) []int {
	return r.Regexp().FindReaderSubmatchIndex(rr)
}

// FindString is [regexp.Regexp.FindString].
func (r *Regexp) FindString(s string) string {
	if r.cannotMatch(s) {
		return ""
	}
	return r.Regexp().FindString(s)
}

// FindStringIndex is [regexp.Regexp.FindStringIndex].
func (r *Regexp) FindStringIndex(s string) []int {
	if r.cannotMatch(s) {
		return nil
	}
	return r.Regexp().FindStringIndex(s)
}

// FindStringSubmatch is [regexp.Regexp.FindStringSubmatch].
func (r *Regexp) FindStringSubmatch(s string) []string {
	if r.cannotMatch(s) {
		return nil
	}
	return r.Regexp().FindStringSubmatch(s)
}

// FindStringSubmatchIndex is [regexp.Regexp.FindStringSubmatchIndex].
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	if r.cannotMatch(s) {
		return nil
	}
	return r.Regexp().FindStringSubmatchIndex(s)
}

// FindSubmatch is [regexp.Regexp.FindSubmatch].
func (r *Regexp) FindSubmatch(b []byte) [][]byte { return r.Regexp().FindSubmatch(b) }

// FindSubmatchIndex is [regexp.Regexp.FindSubmatchIndex].
func (r *Regexp) FindSubmatchIndex(b []byte) []int { return r.Regexp().FindSubmatchIndex(b) }

// LiteralPrefix is [regexp.Regexp.LiteralPrefix].
func (r *Regexp) LiteralPrefix() (prefix string, complete bool) { return r.Regexp().LiteralPrefix() }

// Match is [regexp.Regexp.Match].
func (r *Regexp) Match(b []byte) bool { return !r.cannotMatchBytes(b) && r.Regexp().Match(b) }

// MatchReader is [regexp.Regexp.MatchReader].
func (r *Regexp) MatchReader(rr io.RuneReader) bool { return r.Regexp().MatchReader(rr) }

// MatchString is [regexp.Regexp.MatchString].
func (r *Regexp) MatchString(s string) bool { return !r.cannotMatch(s) && r.Regexp().MatchString(s) }

// NumSubexp is [regexp.Regexp.NumSubexp].
func (r *Regexp) NumSubexp() int { return r.Regexp().NumSubexp() }

// ReplaceAll is [regexp.Regexp.ReplaceAll].
func (r *Regexp) ReplaceAll(src, repl []byte) []byte { return r.Regexp().ReplaceAll(src, repl) }

// ReplaceAllFunc is [regexp.Regexp.ReplaceAllFunc].
func (r *Regexp) ReplaceAllFunc(src []byte, repl func([]byte) []byte) []byte {
	return r.Regexp().ReplaceAllFunc(src, repl)
}

// ReplaceAllLiteral is [regexp.Regexp.ReplaceAllLiteral].
func (r *Regexp) ReplaceAllLiteral(src, repl []byte) []byte {
	return r.Regexp().ReplaceAllLiteral(src, repl)
}

// ReplaceAllLiteralString is [regexp.Regexp.ReplaceAllLiteralString].
func (r *Regexp) ReplaceAllLiteralString(src, repl string) string {
	return r.Regexp().ReplaceAllLiteralString(src, repl)
}

// ReplaceAllString is [regexp.Regexp.ReplaceAllString].
func (r *Regexp) ReplaceAllString(src, repl string) string {
	if r.cannotMatch(src) {
		return src
	}
	return r.Regexp().ReplaceAllString(src, repl)
}

// ReplaceAllStringFunc is [regexp.Regexp.ReplaceAllStringFunc].
func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return r.Regexp().ReplaceAllStringFunc(src, repl)
}

// Split is [regexp.Regexp.Split].
func (r *Regexp) Split(s string, n int) []string { return r.Regexp().Split(s, n) }

// SubexpIndex is [regexp.Regexp.SubexpIndex].
func (r *Regexp) SubexpIndex(name string) int { return r.Regexp().SubexpIndex(name) }

// SubexpNames is [regexp.Regexp.SubexpNames].
func (r *Regexp) SubexpNames() []string { return r.Regexp().SubexpNames() }
