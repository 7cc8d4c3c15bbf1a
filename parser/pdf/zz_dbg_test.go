package pdf

import (
	"os"
	"testing"
)

func TestZZDbg(t *testing.T) {
	p := os.Getenv("DBGPDF")
	if p == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(p)
	doc, err := Parse(p, b, Options{})
	t.Log(err, len(doc.Blocks))
}
