package main

import "fmt"

func (e *env) audit(args []string) int {
	fmt.Fprintln(e.stderr, "agreements audit: not available in this build")
	return exitUsage
}
