package main

import (
	"io"

	"github.com/agreements/agreements/parser"
)

// writeReplyOf writes the reply a parse child writes for doc, as the
// child does: the document without its blocks in the head, the blocks in
// parts. It changes doc (its blocks are taken out).
func writeReplyOf(w io.Writer, doc *parser.Document) error {
	blocks := doc.Blocks
	doc.Blocks = nil
	return writeReply(w, replyHead{Doc: doc}, blocks, nil)
}
