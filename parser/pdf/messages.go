package pdf

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/internal/lazyre"

	lpdf "github.com/ledongthuc/pdf"
)

// libraryText says what a message of the PDF library, or of the
// decompressors under it, means for the file: "unexpected keyword
// \"endobj\" parsing object" becomes "a stray word \"endobj\" where a value
// was expected". Messages it does not know are kept, made printable and
// cut to a line; the library's own prefixes ("malformed PDF: ") go, the
// error that wraps the message already says the document is malformed.
func libraryText(msg string) string {
	msg = strings.TrimSpace(msg)
	for {
		rest, ok := strings.CutPrefix(msg, "malformed PDF: ")
		if !ok {
			rest, ok = strings.CutPrefix(msg, "malformed PDF file: ")
		}
		if !ok {
			break
		}
		msg = rest
	}
	for _, t := range libraryTexts {
		m := t.re.FindStringSubmatchIndex(msg)
		if m == nil {
			continue
		}
		var out []byte
		out = t.re.ExpandString(out, t.text, msg, m)
		s := string(out)
		if t.tail && m[1] < len(msg) {
			// The rest is another message, wrapped.
			s += libraryText(msg[m[1]:])
		}
		return printable(s)
	}
	return printable(msg)
}

// maxMessage bounds what a message quotes of the file: the library puts the
// rest of the file in some ("malformed hex string ...").
const maxMessage = 200

// printable escapes what a terminal would act on, and bytes that are not
// UTF-8 (\xfa), and cuts long text: at most maxMessage characters as
// written, an escape counting as the characters it is written with.
func printable(s string) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var piece string
		switch {
		case r == utf8.RuneError && size == 1:
			piece = fmt.Sprintf("\\x%02x", s[i])
		case unicode.IsPrint(r) || r == ' ':
			piece = s[i : i+size]
		default:
			q := strconv.QuoteRune(r)
			piece = q[1 : len(q)-1]
		}
		w := utf8.RuneCountInString(piece)
		if n+w > maxMessage {
			b.WriteString("…")
			break
		}
		b.WriteString(piece)
		n += w
		i += size
	}
	return b.String()
}

var libraryTexts = []struct {
	re   *lazyre.Regexp
	text string
	tail bool // the text after the match is a message to translate too
}{
	// The lexer.
	{re: lazyre.New(`^reading at offset (\d+): (?:unexpected )?EOF$`), text: "the file ends at byte $1, where the reader needed more (the file is cut short, or an offset points past its end)"},
	{re: lazyre.New(`^reading at offset (\d+): `), text: "at byte $1 of the file: ", tail: true},
	{re: lazyre.New("^unexpected delimiter `(.)`$"), text: "a stray '$1' where a value was expected"},
	{re: lazyre.New(`^unexpected delimiter (.*)$`), text: "a stray $1 where a value was expected"},
	{re: lazyre.New(`(?s)^malformed hex string .*`), text: "a hexadecimal string <…> holds a character that is not a hexadecimal digit"},
	{re: lazyre.New(`^invalid escape sequence (.*)$`), text: "a string holds an escape PDF does not have ($1)"},
	{re: lazyre.New(`^invalid octal escape (.*)$`), text: "a string holds an octal escape above \\377 ($1)"},
	{re: lazyre.New(`^malformed name$`), text: "a name holds a # not followed by two hexadecimal digits"},
	{re: lazyre.New(`^invalid integer (.*)$`), text: "a number out of range or malformed ($1)"},
	{re: lazyre.New(`^invalid real (.*)$`), text: "a number out of range or malformed ($1)"},
	{re: lazyre.New(`^object nesting exceeds maximum depth (\d+)$`), text: "arrays and dictionaries nested more than $1 deep"},
	{re: lazyre.New(`(?s)^unexpected keyword "(.*)" parsing object$`), text: `a stray word "${1}" where a value was expected`},
	{re: lazyre.New(`^missing endobj after indirect object definition$`), text: "an object is not closed by endobj"},
	{re: lazyre.New(`(?s)^unexpected non-name key \S+?\((.*)\) parsing dictionary$`), text: "a dictionary holds a key that is not a name ($1)"},
	{re: lazyre.New(`^stream keyword not followed by newline$`), text: "a stream's data does not start on the line after its 'stream' keyword"},
	// The cross-reference table and trailer.
	{re: lazyre.New(`^malformed xref table$`), text: "the cross-reference table is damaged (an entry is not 'offset generation n' or 'f')"},
	{re: lazyre.New(`^xref stream missing Size$`), text: "the cross-reference stream has no /Size"},
	{re: lazyre.New(`^xref stream missing W array$`), text: "the cross-reference stream has no /W"},
	{re: lazyre.New(`^invalid W array .*`), text: "the cross-reference stream's /W is not three field widths"},
	{re: lazyre.New(`^(?:invalid Index array|malformed Index pair) .*`), text: "the cross-reference stream's /Index is not pairs of numbers"},
	{re: lazyre.New(`^error reading xref stream: `), text: "the cross-reference stream cannot be decoded: ", tail: true},
	{re: lazyre.New(`^reading xref prev stream: `), text: "an earlier cross-reference stream (/Prev) cannot be decoded: ", tail: true},
	{re: lazyre.New(`^xref stream does not have type XRef$`), text: "the object at startxref is not a cross-reference stream"},
	{re: lazyre.New(`^xref prev stream does not have type XRef$`), text: "the object /Prev points to is not a cross-reference stream"},
	{re: lazyre.New(`^xref Prev is not integer: .*`), text: "the trailer's /Prev is not a number"},
	{re: lazyre.New(`^(?:xref prev stream not found|xref prev stream is not stream|xref Prev does not point to xref).*`), text: "the earlier cross-reference section /Prev points to is not there"},
	{re: lazyre.New(`^xref prev stream larger than last stream$`), text: "an earlier cross-reference stream states more objects than the last one"},
	{re: lazyre.New(`^xref (?:Prev )?table not followed by trailer dictionary$`), text: "a cross-reference table is not followed by its trailer"},
	{re: lazyre.New(`^trailer missing /Size entry$`), text: "the trailer has no /Size"},
	{re: lazyre.New(`^missing ID in trailer$`), text: "the trailer of this encrypted file has no /ID"},
	{re: lazyre.New(`^(\d+)-bit encryption key$`), text: "the encryption key is $1 bits long, which PDF does not allow"},
	{re: lazyre.New(`^missing O= or U= encryption parameters$`), text: "the encryption dictionary lacks its /O or /U entry"},
	{re: lazyre.New(`^encryption revision R=(-?\d+)$`), text: "the encryption dictionary states revision $1, which PDF does not have"},
	// Streams and the decompressors under them.
	{re: lazyre.New(`^flate: corrupt input before offset (\d+)$`), text: "Flate data damaged at byte $1"},
	{re: lazyre.New(`^zlib: invalid header$`), text: "no zlib header (not Flate data)"},
	{re: lazyre.New(`^zlib: invalid checksum$`), text: "Flate data fails its checksum"},
	{re: lazyre.New(`^zlib: invalid dictionary$`), text: "Flate data asks for a preset dictionary"},
	{re: lazyre.New(`^(?:unexpected )?EOF$`), text: "the data ends before its end mark"},
	{re: lazyre.New(`^lzw: invalid code$`), text: "the LZW data holds a code that was not defined"},
	{re: lazyre.New(`^malformed PNG-Up encoding$`), text: "a row of PNG-predicted data is not PNG Up, the only predictor the reader knows there"},
	{re: lazyre.New(`^not expected DecodeParms for ascii85$`), text: "ASCII85Decode is given /DecodeParms, which it has none of"},
	{re: lazyre.New(`^unsupported filter (.*)$`), text: "/Filter is neither a name nor an array of names"},
	{re: lazyre.New(`^unknown filter (\S+)$`), text: "stream filter $1 is not supported (not a standard PDF filter)"},
	{re: lazyre.New(`^illegal ascii85 data at input byte (\d+)$`), text: "ASCII85 data holds a character that is not base-85 (at byte $1)"},
	{re: lazyre.New(`^stream not present$`), text: "a stream is expected but the object is not one"},
	{re: lazyre.New(`^Encrypted text shorter that AES block size$`), text: "an encrypted string is shorter than one AES block"},
	// The CMap interpreter.
	{re: lazyre.New(`^(?:no current dictionary|cannot begin non-dict|mismatched begin/end)$`), text: "a CMap's begin and end do not match"},
}

// objectRef names the object a stream is, " (object 12)", for a message
// about it; "" when it is not an object of its own.
func objectRef(v lpdf.Value) string {
	if v.Kind() != lpdf.Stream {
		return ""
	}
	if id, ok := objectID(v); ok {
		return " (object " + strconv.FormatUint(uint64(id), 10) + ")"
	}
	return ""
}

// missingWhy says why /Kids entry i names no page: the object it names
// is not in the file, or cannot be parsed (why, from the library).
func missingWhy(kids lpdf.Value, i int, why string) string {
	id, ok := arrayRef(kids, i)
	switch {
	case !ok && why == "":
		return ""
	case !ok:
		return why
	case why == "":
		return "object " + strconv.FormatUint(uint64(id), 10) + " is not in the file"
	}
	return "object " + strconv.FormatUint(uint64(id), 10) + ": " + why
}

// arrayRef returns the object number that entry i of an array names, when
// the entry is a reference. The library resolves references as it hands
// entries out, and keeps the array's own entries unexported: reflection
// reads them.
func arrayRef(arr lpdf.Value, i int) (id uint32, ok bool) {
	defer func() {
		if recover() != nil {
			id, ok = 0, false
		}
	}()
	data := reflect.ValueOf(arr).FieldByName("data")
	if data.Kind() != reflect.Interface || data.IsNil() {
		return 0, false
	}
	a := data.Elem()
	if a.Kind() != reflect.Slice || i < 0 || i >= a.Len() {
		return 0, false
	}
	e := a.Index(i)
	if e.Kind() == reflect.Interface {
		e = e.Elem()
	}
	if e.Kind() != reflect.Struct || e.NumField() != 2 || e.Field(0).Kind() != reflect.Uint32 || e.Type().Name() != "objptr" {
		return 0, false
	}
	n := uint32(e.Field(0).Uint())
	return n, n != 0
}

// runtimeText says what a runtime error inside the library on damaged
// data means, without the runtime's words.
func runtimeText(msg string) string {
	var what string
	switch {
	case strings.Contains(msg, "index out of range"), strings.Contains(msg, "slice bounds out of range"):
		what = "an offset or a length points outside the data it belongs to"
	case strings.Contains(msg, "nil pointer"), strings.Contains(msg, "nil map"):
		what = "a value it needs is missing"
	case strings.Contains(msg, "divide by zero"):
		what = "a size or a scale of zero"
	case strings.Contains(msg, "makeslice"), strings.Contains(msg, "out of memory"):
		what = "a size too large to hold"
	case strings.Contains(msg, "interface conversion"):
		what = "a value of another kind than the one expected"
	default:
		return "damaged data the reader could not follow"
	}
	return "damaged data the reader could not follow: " + what
}
