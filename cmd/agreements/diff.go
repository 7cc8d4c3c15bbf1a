package main

import "fmt"

func (e *env) diff(args []string) int {
	fmt.Fprintln(e.stderr, "agreements diff: not available in this build")
	return exitUsage
}
