package html

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/agreements/agreements/parser"
)

// FuzzParse checks that no input makes Parse panic, and that every error
// is a *parser.Error.
func FuzzParse(f *testing.F) {
	divs, _ := filepath.Glob("../../fixtures/divtable/*/input.html") // (tables of divs: divtable.go)
	for _, in := range append(fixtureInputs(f), divs...) {
		b, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		"",
		"<",
		"<table><tr><td rowspan=0 colspan=0>x",
		"<table><tr><td rowspan=65535 colspan=1001>x<tr><td>y</table>",
		"<table><caption><table><tr><td>x</table></caption><tr><td>y</table>",
		"<ul><li><table><tr><td><li>x</table>",
		"<h1><h2>x</h1></h2><dt>y<dd>z",
		"<p>\x82\xa0\x82\xa2\xa4\xa2\xa4\xa4</p>",
		"\xef\xbb\xbf<p>x</p>",
		"\xff\xfe<\x00p\x00>\x00x\x00",
		"\xfe\xff\x00<",
		"<meta charset=utf-16><p>x",
		"<meta charset=bogus><p>\xe9",
		"<svg><table><tr><td>x</td></tr></table></svg><math><mi>y",
		"<template><p>x</template><noscript>y</noscript>",
		"<table><tr><th>a<th>b<tr><th colspan=2>c</table>",
		"<div><div><div><b><i><u><s>x</b>y</i>z",
		"<ul><li>Asia<ul><li>China<ol><li>Peking</li></ol></li></ul></li></ul><dl><dt>Korea<dd>SNU</dl>",
		"<table role=presentation><tr><td><table><tr><th scope=row>a<td>b</table></td></tr></table><table><tr><td>x</table>",
		"<meta charset=utf-8><p>\x96\x6b\x8b\x9e\x91\xe5\x8a\x77\x87\x40\x81\x60</p>",
		"<p>a</p><table><tr><td>b</td></tr></table><div>c<b>d</div>e</b><form><p>f</form><table><i><tr><td>g</table>",
		"<main id=c><div><table><thead><tr><th>a<th>b<tbody><tr><td rowspan=2>c<td>d</tr><tr><td>e</tr>\n<tr><td>f<td>g</table><p>h</p><p>i</div></main><p>j",
		"<center><table><tr><td><table class=x><tr><td>a</td><td>b</td></tr><tr><td>c<tr><td>d</table></td></tr></table><div><p>e</p><ul><li>f</ul></div></center>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse("fuzz.html", b, Options{})
		// Read in the smallest segments it can be cut into, the document
		// gives the same blocks as read whole.
		whole, werr := parse("fuzz.html", b, Options{}, 0)
		seg, serr := parse("fuzz.html", b, Options{}, 1)
		if (werr == nil) != (serr == nil) || (werr != nil && werr.Error() != serr.Error()) {
			t.Fatalf("read whole: %v; in segments: %v", werr, serr)
		}
		if werr == nil && !bytes.Equal(parser.Dump(whole), parser.Dump(seg)) {
			t.Fatalf("read in segments:\n%s\nread whole:\n%s", parser.Dump(seg), parser.Dump(whole))
		}
		// Read as the parse child reads it, its tables held, their rows
		// made a few at a time, the document is the same.
		h, herr := ParseHeld("fuzz.html", b, Options{})
		if (err == nil) != (herr == nil) || (err != nil && err.Error() != herr.Error()) {
			t.Fatalf("read: %v; held: %v", err, herr)
		}
		if herr == nil && !bytes.Equal(parser.Dump(doc), parser.Dump(madeRows(h, 3))) {
			t.Fatalf("held:\n%s\nread:\n%s", parser.Dump(madeRows(h, 3)), parser.Dump(doc))
		}
		if err != nil {
			var pe *parser.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error is not a *parser.Error: %T %v", err, err)
			}
			return
		}
		if doc == nil {
			t.Fatal("nil document without error")
		}
		_ = parser.Dump(doc)
		for _, blk := range doc.Blocks {
			if tb := blk.Table; tb != nil {
				for _, r := range tb.Rows {
					if len(r.Cells) != len(tb.Rows[0].Cells) {
						t.Fatalf("ragged grid: %d vs %d cells", len(r.Cells), len(tb.Rows[0].Cells))
					}
				}
			}
		}
	})
}
