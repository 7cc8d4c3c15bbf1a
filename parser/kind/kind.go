// Package kind names what an input is when no extractor reads it ("a
// Word document (.docx)", "a PNG image (.png)"), for the message that says
// so. It is a package of its own so that what names the kinds (a MIME
// sniffer and its tables) is linked only by the commands that say it: the
// front and the lean parse child, which hand such inputs on, set none of
// it up at their start.
package kind

import (
	"fmt"
	"strings"

	"github.com/gabriel-vasile/mimetype"
)

// kinds names the formats people give by mistake, by MIME type.
var kinds = map[string]string{
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document":   "a Word document (.docx)",
	"application/vnd.openxmlformats-officedocument.presentationml.presentation": "a PowerPoint presentation (.pptx)",
	"application/vnd.ms-excel":                       "a legacy Excel workbook (.xls)",
	"application/msword":                             "a legacy Word document (.doc)",
	"application/x-ole-storage":                      "a legacy Office document (.doc, .xls) or an Office file protected by a password",
	"application/vnd.oasis.opendocument.text":        "an OpenDocument text (.odt)",
	"application/vnd.oasis.opendocument.spreadsheet": "an OpenDocument spreadsheet (.ods)",
	"application/zip":                                "a ZIP archive",
	"application/gzip":                               "a gzip archive",
	"application/x-7z-compressed":                    "a 7-Zip archive",
	"application/x-rar-compressed":                   "a RAR archive",
	"application/x-tar":                              "a tar archive",
	"text/rtf":                                       "an RTF document",
	"text/plain":                                     "plain text",
	"text/csv":                                       "CSV",
	"application/json":                               "JSON",
	"text/xml":                                       "XML",
	"application/xml":                                "XML",
}

// Of names what b is, for an input that no extractor reads ("a Word
// document (.docx)", "a PNG image (.png)", "plain text").
func Of(b []byte) string {
	m := mimetype.Detect(b)
	for ; m != nil; m = m.Parent() {
		if k, ok := kinds[m.String()]; ok {
			return k
		}
		if strings.HasPrefix(m.String(), "image/") {
			return fmt.Sprintf("an image (%s)", m.Extension())
		}
		if strings.HasPrefix(m.String(), "text/plain") {
			return "plain text"
		}
		if m.String() != "application/octet-stream" && m.Extension() != "" {
			return fmt.Sprintf("a %s file (%s)", m.String(), m.Extension())
		}
	}
	return "binary data of no known format"
}
