package html

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestHasMain: the windowed search finds what the expression finds over
// the whole page.
func TestHasMain(t *testing.T) {
	pad := strings.Repeat("x", 5000)
	for _, s := range []string{
		"<main>", "<MAIN\n", "<div role=main>", `<div role = "main">`, "<div role=\t'main'>",
		`<div id="main-content">`, `<div id=contents_main>`, `<div ID = "Content-Main" >`,
		`<div id="contentſ-main">`, "<div id=" + strings.Repeat(" ", 9000) + "main>",
		"domain remains", "<div id=maintenance>", "<div class=main>", "main", "<mai", "",
		`<div id="xmain">`, `<div id="mainx">`, `<div role=main`, "<main",
	} {
		for _, page := range []string{s, pad + s + pad, "remain " + s + " main"} {
			assert.Equal(t, mainRe.MatchString(page), hasMain([]byte(page)), "%.60q", s)
		}
	}
}
