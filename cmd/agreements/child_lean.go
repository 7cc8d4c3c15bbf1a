//go:build parsechild

// Commands agreements-parse and agreements-parse-html are the lean parse
// children of agreements (see child.go): each reads one input its command
// hands it, a PDF or an HTML page (build tag htmlchild), and replies with
// the document read. They are not run by hand.
package main

import (
	"fmt"
	"os"

	"github.com/agreements/agreements/parser"
)

// Exit codes of the child, as the command's.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

func main() {
	if !isParseChild() {
		fmt.Fprintf(os.Stderr, "%s: the parse child of agreements, which starts it; not run by hand\n", leanChildName)
		os.Exit(exitUsage)
	}
	os.Exit(parseChild(os.Stdin, os.Stdout, os.Stderr))
}

// parseDocumentWith hands back an input of any format but the one this
// child reads (its PDFs and HTML pages are read by parseHeldWith): the
// command hands it nothing else, but the input may have changed since the
// command looked at it.
func parseDocumentWith(name string, _ []byte, _ readOpts) (*parser.Document, error) {
	return nil, notInLeanChild(name)
}

// notInLeanChild is the error of an input this lean child hands back
// (parser.ErrNotInBuild): the full program reads it, or names what it is.
func notInLeanChild(name string) error {
	return &parser.Error{File: name, Err: fmt.Errorf("%w: the lean parse child %s reads %s only", parser.ErrNotInBuild, leanSelf, leanReads)}
}
