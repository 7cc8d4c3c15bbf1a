package html

import (
	"encoding/binary"
	"math/rand/v2"
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

// TestHasM: hasM finds an m or M among eight bytes exactly, on every byte
// in every place among random others.
func TestHasM(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 2_000 {
		var b [8]byte
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		for k := range 8 {
			for c := range 256 {
				w := b
				w[k] = byte(c)
				want := false
				for _, x := range w {
					want = want || x == 'm' || x == 'M'
				}
				if got := hasM(binary.LittleEndian.Uint64(w[:])); got != want {
					t.Fatalf("hasM(%q) = %v", w, got)
				}
			}
		}
	}
}
