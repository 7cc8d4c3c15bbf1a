package parser

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
)

// FormatXLSX is an Office Open XML workbook (Excel, LibreOffice Calc).
const FormatXLSX Format = "xlsx"

// Detect sniffs the format of an input from its bytes, never from its name.
// A PDF is recognised by its "%PDF-" header anywhere in the first KiB (viewers
// accept leading garbage); an xlsx workbook as a ZIP archive holding
// xl/workbook.xml; HTML by a markup start after an optional BOM and white
// space.
func Detect(b []byte) Format {
	head := b
	if len(head) > 1024 {
		head = head[:1024]
	}
	if bytes.Contains(head, []byte("%PDF-")) {
		return FormatPDF
	}
	if isXLSX(b) {
		return FormatXLSX
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

func isXLSX(b []byte) bool {
	if !bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		return false
	}
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return false
	}
	for _, f := range z.File {
		if f.Name == "xl/workbook.xml" {
			return true
		}
	}
	return false
}

// Digest returns the hex SHA-256 of b, as records carry it in source.sha256.
func Digest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
