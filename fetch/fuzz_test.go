package fetch

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

// FuzzFindLink: no index page makes FindLink panic, and a link it returns
// is an http or https address.
func FuzzFindLink(f *testing.F) {
	f.Add([]byte(`<a href="/files/partners-2025.pdf">2025</a>`))
	f.Add([]byte(`<a href="mailto:x">partners-1.pdf</a><a href=" partners-2.pdf ">x</a>`))
	f.Add([]byte("<a href=\"\x8b\xa6.pdf\">\x8b\xa6\x92\xe8</a>"))
	f.Add([]byte(`<a href="http://[::1">partners-3.pdf</a>`))
	re := regexp.MustCompile(`partners`)
	f.Fuzz(func(t *testing.T, page []byte) {
		got, err := FindLink("http://127.0.0.1:1/intl/", page, "", re)
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				t.Fatal(err)
			}
			return
		}
		if !strings.HasPrefix(got, "http://") && !strings.HasPrefix(got, "https://") {
			t.Fatalf("link %q", got)
		}
	})
}
