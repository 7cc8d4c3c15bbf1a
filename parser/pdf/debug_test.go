package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestDebugDump prints the text layer of the file named by PDFDUMP:
//
//	PDFDUMP=file.pdf go test ./parser/pdf -run DebugDump -v
func TestDebugDump(t *testing.T) {
	path := os.Getenv("PDFDUMP")
	if path == "" {
		t.Skip("PDFDUMP not set")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pages, perrs, err := ReadLayout(path, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range perrs {
		fmt.Println("page error:", e)
	}
	for _, p := range pages {
		fmt.Printf("== page %d %.1fx%.1f glyphs=%d words=%d lines=%d segs=%d\n", p.Number, p.Width, p.Height, len(p.Glyphs), len(p.Words), len(p.Lines), len(p.Segments))
		for _, l := range p.Lines {
			fmt.Printf("[%6.1f %6.1f %6.1f %6.1f] %s %.1f b=%v i=%v | %s\n", l.Box.X0, l.Box.Y0, l.Box.X1, l.Box.Y1, l.Style.Font, l.Style.Size, l.Style.Bold, l.Style.Italic, l.Text())
		}
	}
}

// TestDebugRaw writes the raw dump (as agreements raw prints it) of each
// file named in PDFRAW (separated by spaces) to PDFRAW_OUT/<n>.txt, n the
// file's position in the list:
//
//	PDFRAW="a.pdf b.pdf" PDFRAW_OUT=/tmp/raw go test ./parser/pdf -run DebugRaw
func TestDebugRaw(t *testing.T) {
	files, out := strings.Fields(os.Getenv("PDFRAW")), os.Getenv("PDFRAW_OUT")
	if len(files) == 0 || out == "" {
		t.Skip("PDFRAW or PDFRAW_OUT not set")
	}
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Parse(filepath.Base(f), b, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, strconv.Itoa(i)+".txt"), dumpWithMetadata(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
