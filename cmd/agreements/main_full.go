//go:build !parsechild && !front

package main

import (
	"fmt"
	"io"
	"os"
)

// The full program: every command. make build writes it as
// bin/agreements-all, which the front (bin/agreements, see main_front.go)
// replaces itself with for what it does not serve; go build without tags
// makes it the one executable that does everything.

func main() {
	if isParseChild() {
		os.Exit(parseChild(os.Stdin, os.Stdout, os.Stderr))
	}
	if code, ok := fromFront(os.Stderr); !ok {
		os.Exit(code)
	}
	quietStart(os.Args[1:])
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runCommands(args, stdin, stdout, stderr, (*env).command)
}

// command returns the command of that name, or nil: the front's, and the
// rest.
func (e *env) command(name string) func([]string) int {
	if cmd := e.frontCommand(name); cmd != nil {
		return cmd
	}
	switch name {
	case "audit":
		return e.audit
	case "diff":
		return e.diff
	case "load":
		return e.load
	case "history":
		return e.history
	case "export":
		return e.export
	case "refresh":
		return e.refresh
	}
	return nil
}

// fromFront checks the build stamp of the front that replaced itself with
// this program (frontStampEnv set, then unset here): a front of another
// source would have this program run with another's arguments and rules,
// so it is refused, saying which executables to build again. ok is false
// when the program is to stop, with the exit code.
func fromFront(stderr io.Writer) (code int, ok bool) {
	stamp, set := os.LookupEnv(frontStampEnv)
	if !set {
		return 0, true
	}
	os.Unsetenv(frontStampEnv)
	if stamp == buildStamp {
		return 0, true
	}
	self, _ := os.Executable()
	fmt.Fprintf(stderr, "agreements: %s was built from another source than the agreements that started it (its build stamp %q, this one's %q): "+
		"make build writes agreements, %s, %s and %s together; build them again\n", self, stamp, buildStamp, fullProgramName, leanChildName, leanHTMLChildName)
	return exitFail, false
}
