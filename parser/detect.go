package parser

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
)

// Detect sniffs the format of an input from its bytes, never from its name.
// A PDF is recognised by its "%PDF-" header anywhere in the first KiB (viewers
// accept leading garbage); HTML by a markup start after an optional BOM and
// white space.
func Detect(b []byte) Format {
	head := b
	if len(head) > 1024 {
		head = head[:1024]
	}
	if bytes.Contains(head, []byte("%PDF-")) {
		return FormatPDF
	}
	s := bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	s = bytes.TrimPrefix(s, []byte("\xff\xfe")) // UTF-16 BOMs: HTML in UTF-16 is still HTML
	s = bytes.TrimPrefix(s, []byte("\xfe\xff"))
	s = bytes.TrimLeft(s, " \t\r\n\f\x00")
	if len(s) > 4096 {
		s = s[:4096]
	}
	lower := bytes.ToLower(bytes.ReplaceAll(s, []byte{0}, nil))
	if bytes.HasPrefix(lower, []byte("<")) {
		for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<table", "<meta", "<title", "<ul", "<div", "<h1", "<h2", "<p", "<!--"} {
			if bytes.Contains(lower, []byte(tag)) {
				return FormatHTML
			}
		}
	}
	return FormatUnknown
}

// Digest returns the hex SHA-256 of b, as records carry it in source.sha256.
func Digest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
