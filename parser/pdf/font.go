package pdf

import (
	"bytes"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	lpdf "github.com/ledongthuc/pdf"
)

// coreFont holds one standard-14 font's AFM metrics (1/1000 em).
type coreFont struct {
	name            string
	ascent, descent int
	widths          []glyphWidth // sorted by name
}

// glyphWidth is a glyph's advance in a standard-14 font.
type glyphWidth struct {
	name string
	w    uint16
}

// glyphName is an entry of the glyph list: a name and its Unicode value.
type glyphName struct {
	name string
	r    rune
}

// glyphRune looks a name up in the glyph list.
func glyphRune(name string) (rune, bool) {
	i, ok := slices.BinarySearchFunc(glyphNames[:], name, func(g glyphName, n string) int { return strings.Compare(g.name, n) })
	if !ok {
		return 0, false
	}
	return glyphNames[i].r, true
}

// coreFontNamed returns the metrics of the standard-14 font name; nil when
// name is none of them.
func coreFontNamed(name string) *coreFont {
	i, ok := slices.BinarySearchFunc(coreFontList[:], name, func(f coreFont, n string) int { return strings.Compare(f.name, n) })
	if !ok {
		return nil
	}
	return &coreFontList[i]
}

// width returns the advance of the glyph name, and whether the font has it.
func (f *coreFont) width(name string) (uint16, bool) {
	i, ok := slices.BinarySearchFunc(f.widths, name, func(g glyphWidth, n string) int { return strings.Compare(g.name, n) })
	if !ok {
		return 0, false
	}
	return f.widths[i].w, true
}

// font is a loaded font resource: everything needed to turn a shown string
// into glyphs with text and advance. It is read-only once loaded, so pages
// read concurrently share it.
type font struct {
	name         string // base font, subset prefix removed
	bold, italic bool
	composite    bool // Type0
	vertical     bool
	scale        float64 // glyph units → text space (0.001, or FontMatrix[0] for Type3)
	ascent       float64 // in em (text space for size 1)
	descent      float64
	extent       float64 // scales ascent and descent (Type 3 fonts; else 1)

	// simple fonts: per code
	text  [256]string
	width [256]float64

	// composite fonts
	enc     *cmap // encoding CMap; nil = Identity
	ucs2    bool  // predefined Uni*-UCS2/UTF16 encoding: codes are Unicode
	toUni   map[uint32]string
	cw      map[uint32]float64 // CID → width (em)
	dw      float64
	symbolW bool // Wingdings-like: map private-use bullets

	damaged string // which of the font's streams could not be read whole ("tounicode"), "" when none

	lengthFixed bool // a stream of the font was read to its endstream, its /Length wrong (streamlen.go)
}

// fontFor returns the font for a font dictionary, loading it once per
// document; in is the dictionary of fonts v was read from. sb, when not
// nil, lends its inflater to the font's streams.
func (d *document) fontFor(v, in lpdf.Value, sb *streamBuf) *font {
	key := objectKey(v, in)
	d.mu.Lock()
	f, ok := d.fonts[key]
	d.mu.Unlock()
	if ok {
		return f
	}
	f = loadFont(v, sb)
	d.mu.Lock()
	d.fonts[key] = f
	if f.damaged != "" {
		// The text reads through the font's encoding instead of the damaged
		// map: said in every record's repairs, as the document's.
		d.note("pdf:font_damaged:" + f.damaged)
	}
	if f.lengthFixed {
		d.note(repairStreamLength)
	}
	d.mu.Unlock()
	return f
}

// namedFont returns the font that the font resource dictionary fd names
// name; nil when it names no font dictionary. A font named by reference is
// found again by the reference, without its dictionary being read again:
// the library parses an object anew at every lookup, and a CJK font's
// dictionary with its widths costs more to read than a page's text. Only
// a reference that was read as a font is remembered: one that cannot be
// read fails the same way on every page.
func (d *document) namedFont(fd lpdf.Value, name string, sb *streamBuf) *font {
	ref, isRef := entryRef(fd, name)
	key := ""
	if isRef {
		key = "@" + strconv.FormatUint(uint64(ref.id), 10) + "." + strconv.FormatUint(uint64(ref.gen), 10)
		d.mu.Lock()
		f, ok := d.fonts[key]
		d.mu.Unlock()
		if ok {
			return f
		}
	}
	fv := fd.Key(name)
	if fv.Kind() != lpdf.Dict {
		return nil
	}
	f := d.fontFor(fv, fd, sb)
	if got, ok := valueRef(fv); isRef && ok && got == ref {
		d.mu.Lock()
		d.fonts[key] = f
		d.mu.Unlock()
	}
	return f
}

// objRef is an indirect object's number and generation.
type objRef struct {
	id  uint32
	gen uint16
}

// valueRef returns the reference v was read through (see objectID).
func valueRef(v lpdf.Value) (objRef, bool) {
	f := reflect.ValueOf(v).FieldByName("ptr")
	if !f.IsValid() || f.Kind() != reflect.Struct || f.NumField() < 2 {
		return objRef{}, false
	}
	id, gen := f.Field(0), f.Field(1)
	if id.Kind() != reflect.Uint32 || gen.Kind() != reflect.Uint16 || id.Uint() == 0 {
		return objRef{}, false
	}
	return objRef{uint32(id.Uint()), uint16(gen.Uint())}, true
}

// entryRef returns the reference that dictionary d holds under key,
// without reading the object it names; false when the entry is missing or
// is no reference. Like objectID, it reads the library's unexported
// fields by reflection, changing nothing.
func entryRef(d lpdf.Value, key string) (objRef, bool) {
	data := reflect.ValueOf(d).FieldByName("data")
	if !data.IsValid() || data.Kind() != reflect.Interface || data.IsNil() {
		return objRef{}, false
	}
	m := data.Elem()
	if m.Kind() != reflect.Map || m.Type().Key().Kind() != reflect.String {
		return objRef{}, false
	}
	e := m.MapIndex(reflect.ValueOf(key).Convert(m.Type().Key()))
	if !e.IsValid() {
		return objRef{}, false
	}
	if e.Kind() == reflect.Interface {
		if e.IsNil() {
			return objRef{}, false
		}
		e = e.Elem()
	}
	if e.Kind() != reflect.Struct || e.Type().Name() != "objptr" || e.NumField() < 2 {
		return objRef{}, false
	}
	id, gen := e.Field(0), e.Field(1)
	if id.Kind() != reflect.Uint32 || gen.Kind() != reflect.Uint16 || id.Uint() == 0 {
		return objRef{}, false
	}
	return objRef{uint32(id.Uint()), uint16(gen.Uint())}, true
}

// objectKey names the value v read from the dictionary in, for the caches
// shared by pages: the number of the object v is when it is an indirect
// object (the same object on every page, so the same key without printing
// it), else v printed whole. A direct value carries the number of the
// object it stands in, which is the dictionary's own.
func objectKey(v, in lpdf.Value) string {
	if id, ok := objectID(v); ok && id != objectIDOrZero(in) {
		return "#" + strconv.FormatUint(uint64(id), 10)
	}
	return v.String()
}

// stripSubset removes a "ABCDEF+" subset prefix.
func stripSubset(name string) string {
	if len(name) > 7 && name[6] == '+' {
		for i := 0; i < 6; i++ {
			if name[i] < 'A' || name[i] > 'Z' {
				return name
			}
		}
		return name[7:]
	}
	return name
}

// styleFromName reads bold and italic off a font name.
func styleFromName(name string) (bold, italic bool) {
	n := strings.ToLower(name)
	for _, s := range []string{"bold", "black", "heavy", "semibold", "demibold", "extrabold", "ultrabold", "-bd", ",bd"} {
		if strings.Contains(n, s) {
			bold = true
		}
	}
	for _, s := range []string{"italic", "oblique", "-it", ",it", "kursiv"} {
		if strings.Contains(n, s) {
			italic = true
		}
	}
	if strings.HasSuffix(n, "-it") || strings.HasSuffix(n, "-boldit") {
		italic = true
	}
	// TeX's fonts say their series in their names: cmbx10, cmssbx10,
	// ecbx1000, sfbx1200 (bold extended), cmb10 (bold).
	for _, p := range []string{"cm", "cmss", "cmtt", "ec", "sf", "sfss", "tc"} {
		if rest, ok := strings.CutPrefix(n, p); ok && (strings.HasPrefix(rest, "bx") || strings.HasPrefix(rest, "b") && len(rest) > 1 && rest[1] >= '0' && rest[1] <= '9') {
			bold = true
		}
	}
	if strings.HasPrefix(n, "cmti") || strings.HasPrefix(n, "cmsl") || strings.HasPrefix(n, "cmbxti") || strings.HasPrefix(n, "ecti") || strings.HasPrefix(n, "sfti") {
		italic = true
	}
	return bold, italic
}

// coreFontName maps a base font name to a standard-14 AFM name, the way
// viewers substitute the common aliases (Arial, Times New Roman, Courier New).
func coreFontName(name string, bold, italic, serif, fixed bool) string {
	n := strings.ToLower(strings.ReplaceAll(name, " ", ""))
	family := ""
	switch {
	case strings.Contains(n, "zapf") || strings.Contains(n, "dingbat"):
		return "ZapfDingbats"
	case n == "symbol" || strings.HasPrefix(n, "symbol,") || strings.HasPrefix(n, "symbolmt"):
		return "Symbol"
	case strings.Contains(n, "courier") || strings.Contains(n, "mono"):
		family = "Courier"
	case strings.Contains(n, "times"):
		family = "Times"
	case strings.Contains(n, "helvetica") || strings.Contains(n, "arial"):
		family = "Helvetica"
	case fixed:
		family = "Courier"
	case serif:
		family = "Times"
	default:
		family = "Helvetica"
	}
	switch family {
	case "Times":
		switch {
		case bold && italic:
			return "Times-BoldItalic"
		case bold:
			return "Times-Bold"
		case italic:
			return "Times-Italic"
		}
		return "Times-Roman"
	default:
		switch {
		case bold && italic:
			return family + "-BoldOblique"
		case bold:
			return family + "-Bold"
		case italic:
			return family + "-Oblique"
		}
		return family
	}
}

// isBase14Alias reports whether a font name is one of the standard 14 or a
// common alias of one (Arial, Times New Roman, Courier New).
func isBase14Alias(name string) bool {
	n := strings.ToLower(strings.ReplaceAll(name, " ", ""))
	if i := strings.IndexAny(n, ",-"); i >= 0 {
		n = n[:i]
	}
	n = strings.TrimSuffix(strings.TrimSuffix(n, "mt"), "ps")
	switch n {
	case "arial", "helvetica", "courier", "couriernew", "times", "timesnewroman", "symbol", "zapfdingbats":
		return true
	}
	return false
}

// runeForName maps a glyph name to Unicode: the glyph list, uniXXXX, uXXXX[XX],
// and names with a suffix (".sc", ".alt") or ligature parts ("f_i").
func runeForName(name string) (rune, bool) {
	if r, ok := glyphRune(name); ok {
		return r, true
	}
	if strings.HasPrefix(name, "uni") && len(name) >= 7 {
		if v, err := strconv.ParseUint(name[3:7], 16, 32); err == nil {
			return rune(v), true
		}
	}
	if strings.HasPrefix(name, "u") && len(name) >= 5 && len(name) <= 7 {
		if v, err := strconv.ParseUint(name[1:], 16, 32); err == nil && v <= utf8.MaxRune {
			return rune(v), true
		}
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		return runeForName(name[:i])
	}
	return 0, false
}

// numericName reads a glyph name made of a letter or two and the code's
// number ("a65", "g97", "c245"), as TeX's bitmap fonts (Type 3) name their
// glyphs: the number is the character in the font's TeX encoding, which
// agrees with Latin-1 on printable ASCII and the accented letters from
// 0xC0 (but for the few where T1 puts others: Œ, SS, œ, ß), with the
// ligatures where T1 (0x1B–0x1F) and OT1 (0x0B–0x0F) set them. Such a name
// is no glyph of the glyph list's (where "a65" is a dingbat) in a font that
// is not the Dingbats.
func numericName(name string) (string, bool) {
	k := 0
	for k < len(name) && k < 2 && (name[k] >= 'a' && name[k] <= 'z' || name[k] >= 'A' && name[k] <= 'Z') {
		k++
	}
	if k == 0 || len(name)-k < 1 || len(name)-k > 3 {
		return "", false
	}
	n, err := strconv.Atoi(name[k:])
	if err != nil || n > 255 || name[k] == '+' || name[k] == '-' {
		return "", false
	}
	// (a code whose character the TeX encodings disagree on, or that is
	// an accent, reads as no character: "", true)
	switch {
	case n >= 0x0B && n <= 0x0F:
		return [...]string{"ff", "fi", "fl", "ffi", "ffl"}[n-0x0B], true
	case n >= 0x1B && n <= 0x1F:
		return [...]string{"ff", "fi", "fl", "ffi", "ffl"}[n-0x1B], true
	case n == 0x7F:
		return "-", true // (T1's hyphen)
	case n == 0xD7:
		return "Œ", true
	case n == 0xDF:
		return "SS", true
	case n == 0xF7:
		return "œ", true
	case n == 0xFF:
		return "ß", true
	case n >= 0x20 && n < 0x7F, n >= 0xC0:
		return string(rune(n)), true
	}
	return "", true
}

// symbolsOnly reports a font whose named codes hold no ASCII letter: TeX's
// companion font of symbols (TS1), which the text sets beside its own
// (\textbullet, \dag), not one of its text fonts.
func symbolsOnly(names *[256]string) bool {
	for c := 'A'; c <= 'z'; c++ {
		if _, numeric := numericName(names[c]); numeric && (c <= 'Z' || c >= 'a') {
			return false // (a glyph of the font's own: the base encoding's names are none)
		}
	}
	return true
}

// ts1Symbols are the characters of TeX's TS1 encoding (textcomp) the
// codes where the text encodings disagree stand for in it.
var ts1Symbols = map[int]string{
	0x84: "†", 0x85: "‡", 0x86: "‖", 0x87: "‰", 0x88: "•", 0x89: "℃", 0x8C: "℉", 0x96: "¢", 0x97: "℗",
	0x99: "₩", 0x9D: "№", 0xA2: "¢", 0xA3: "£", 0xA4: "¤", 0xA5: "¥", 0xA6: "¦", 0xA7: "§", 0xA8: "¨",
	0xA9: "©", 0xAA: "ª", 0xAC: "¬", 0xAE: "®", 0xAF: "¯", 0xB0: "°", 0xB1: "±", 0xB2: "²", 0xB3: "³",
	0xB5: "µ", 0xB6: "¶", 0xB7: "·", 0xB9: "¹", 0xBA: "º", 0xBF: "€",
}

func textForName(name string) string {
	if r, ok := runeForName(name); ok {
		return string(r)
	}
	if strings.Contains(name, "_") {
		var sb strings.Builder
		for _, p := range strings.Split(name, "_") {
			r, ok := runeForName(p)
			if !ok {
				return ""
			}
			sb.WriteRune(r)
		}
		return sb.String()
	}
	return ""
}

func baseEncoding(name string) *[256]string {
	switch name {
	case "WinAnsiEncoding":
		return &winAnsiEncoding
	case "MacRomanEncoding":
		return &macRomanEncoding
	case "StandardEncoding":
		return &standardEncoding
	}
	return nil
}

// encTexts are the texts of a standard encoding's glyph names, each found
// (textForName) when first asked for.
type encTexts struct {
	text  [256]string
	known [256]bool
}

// nameText is textForName(name), name being code c's glyph name in a font
// whose encoding is enc before its /Differences: the name of a standard
// encoding's code is looked up once for the worker's fonts, not once a font.
func (sb *streamBuf) nameText(enc *[256]string, c int, name string) string {
	if sb == nil || enc == nil || enc[c] != name || !standardTable(enc) {
		return textForName(name)
	}
	et := sb.encTexts[enc]
	if et == nil {
		if sb.encTexts == nil {
			sb.encTexts = map[*[256]string]*encTexts{}
		}
		et = &encTexts{}
		sb.encTexts[enc] = et
	}
	if !et.known[c] {
		et.text[c], et.known[c] = textForName(name), true
	}
	return et.text[c]
}

// standardTable reports whether enc is one of the encodings defined here
// (not one read from a font program).
func standardTable(enc *[256]string) bool {
	switch enc {
	case &winAnsiEncoding, &macRomanEncoding, &standardEncoding, &symbolEncoding, &zapfDingbatsEncoding:
		return true
	}
	return false
}

// type1Clear reads an embedded Type 1 font program as far as type1Encoding
// looks: up to its first "eexec" when one follows the program's first byte
// (the encrypted part, most of the program, is not decoded), else whole.
// What it returns of the program up to there is what streamBytes would
// return of it, damaged or not.
func (f *font) type1Clear(v lpdf.Value, sb *streamBuf) []byte {
	// Read 4 KiB at first, not the whole program's guess: the clear-text
	// part of a program is about a tenth of it, 1 to 3 KiB.
	dst := make([]byte, 0, 4096)
	b, err := appendStreamUntil(dst, v, sb, clearTextRead())
	_ = splitLength(err, &f.lengthFixed)
	return b
}

// clearTextRead returns the test of type1Clear's reads: whether the bytes
// read so far hold an "eexec" after their first byte, as type1Encoding
// looks for it (the first one). Each call looks only at what the last did
// not.
func clearTextRead() func([]byte) bool {
	from := 0 // where "eexec" is looked for next
	return func(b []byte) bool {
		i := bytes.Index(b[from:], []byte("eexec"))
		if i < 0 {
			from = max(0, len(b)-len("eexec")+1)
			return false
		}
		return from+i > 0
	}
}

// type1Encoding reads the built-in encoding of an embedded Type 1 font
// program ("dup 12 /fi put" in its clear-text part), or nil when the
// program uses StandardEncoding or has none.
func type1Encoding(prog []byte) *[256]string {
	if i := bytes.Index(prog, []byte("eexec")); i > 0 {
		prog = prog[:i]
	}
	i := bytes.Index(prog, []byte("/Encoding"))
	if i < 0 {
		return nil
	}
	prog = prog[i+len("/Encoding"):]
	if bytes.HasPrefix(bytes.TrimSpace(prog), []byte("StandardEncoding")) {
		return nil
	}
	var enc [256]string
	found := false
	l := lexer{b: prog}
	var stk []operand
	for steps := 0; steps < 20000; steps++ {
		v, op, ok := l.next()
		if !ok || op == "readonly" || op == "def" {
			break
		}
		if op == "" {
			stk = append(stk, v)
			continue
		}
		if op == "put" && len(stk) >= 2 {
			code, name := stk[len(stk)-2], stk[len(stk)-1]
			if code.kind == opNum && name.kind == opName && code.num >= 0 && code.num < 256 {
				enc[int(code.num)] = name.s
				found = true
			}
		}
		stk = stk[:0]
	}
	if !found {
		return nil
	}
	return &enc
}

// unifyRadicals maps Kangxi and CJK radicals to the unified ideographs
// they look like: Chromium's ToUnicode gives "⼤学" (U+2F24) for "大学"
// when the font shares one glyph between the two.
func unifyRadicals(s string) string {
	for _, r := range s {
		if r >= 0x2E80 && r <= 0x2FDF {
			var sb strings.Builder
			for _, r := range s {
				if r >= 0x2E80 && r <= 0x2FDF {
					sb.WriteString(norm.NFKC.String(string(r)))
				} else {
					sb.WriteRune(r)
				}
			}
			return sb.String()
		}
	}
	return s
}

// wingdingsText maps the private-use code points that Word's symbol fonts
// produce (U+F0xx) to the bullets they draw.
var wingdingsText = map[rune]string{
	0xF06C: "●", 0xF06E: "■", 0xF071: "❑", 0xF075: "◆", 0xF076: "❖", 0xF09F: "•",
	0xF0A7: "▪", 0xF0A8: "◻", 0xF0D8: "➢", 0xF0E8: "➔", 0xF0FC: "✓", 0xF0B7: "•",
}

func loadFont(v lpdf.Value, sb *streamBuf) *font {
	f := &font{scale: 0.001, ascent: 0.95, descent: -0.35, extent: 1, dw: 1}
	base := v.Key("BaseFont").Name()
	subtype := v.Key("Subtype").Name()
	if base == "" {
		base = v.Key("Name").Name()
	}
	desc0 := v.Key("FontDescriptor")
	if base == "" {
		base = desc0.Key("FontName").Name()
	}
	f.name = stripSubset(base)
	f.bold, f.italic = styleFromName(f.name)

	desc := desc0 // read once: the library reads an object anew at every lookup
	var cidFont lpdf.Value
	if subtype == "Type0" {
		f.composite = true
		cidFont = v.Key("DescendantFonts").Index(0)
		if desc.IsNull() {
			desc = cidFont.Key("FontDescriptor")
		}
	}
	flags := desc.Key("Flags").Int64()
	fixed, serif, symbolic := flags&1 != 0, flags&2 != 0, flags&4 != 0
	if flags&(1<<6) != 0 || math.Abs(desc.Key("ItalicAngle").Float64()) > 5 {
		f.italic = true
	}
	// The stems' width (StemV) says nothing here: Ghostscript writes 141
	// to 195 for the regular fonts it embeds again, groff 150 for
	// Times-Roman.
	if flags&(1<<18) != 0 || desc.Key("FontWeight").Float64() >= 600 {
		f.bold = true
	}
	if a := desc.Key("Ascent"); a.Kind() == lpdf.Integer || a.Kind() == lpdf.Real {
		if t := math.Abs(a.Float64() * 0.001); t != 0 && t < 3 {
			f.ascent = t
		}
	}
	if a := desc.Key("Descent"); a.Kind() == lpdf.Integer || a.Kind() == lpdf.Real {
		if t := -math.Abs(a.Float64() * 0.001); t != 0 && t > -3 {
			f.descent = t
		}
	}
	lname := strings.ToLower(f.name)
	f.symbolW = strings.Contains(lname, "wingding") || strings.Contains(lname, "symbol") || strings.Contains(lname, "webding")

	var toUni map[uint32]string
	if tu := v.Key("ToUnicode"); tu.Kind() == lpdf.Stream {
		// A damaged font stream degrades the text (codes read through the
		// encoding instead); it loses none, so it is no page error.
		b, err := f.streamBytes(tu, sb)
		if err != nil {
			f.damaged = "tounicode"
		}
		toUni = parseCMap(b).uni
		for k, t := range toUni {
			toUni[k] = unifyRadicals(t)
		}
	}

	if f.composite {
		f.loadComposite(v, cidFont, toUni, sb)
		return f
	}

	// Simple font: encoding.
	core := coreFontName(f.name, f.bold, f.italic, serif, fixed)
	coreMetrics := coreFontNamed(core)
	embedded := !desc.Key("FontFile").IsNull() || !desc.Key("FontFile2").IsNull() || !desc.Key("FontFile3").IsNull()
	if subtype != "Type3" && !embedded && coreMetrics != nil && (desc.IsNull() || isBase14Alias(f.name)) {
		// Viewers do not trust the descriptor's metrics of a non-embedded
		// standard font; they use the built-in ones.
		f.ascent = float64(coreMetrics.ascent) / 1000
		f.descent = float64(coreMetrics.descent) / 1000
	}
	var names [256]string
	encV := v.Key("Encoding")
	var enc *[256]string
	switch {
	case encV.Kind() == lpdf.Name:
		enc = baseEncoding(encV.Name())
	case encV.Kind() == lpdf.Dict:
		enc = baseEncoding(encV.Key("BaseEncoding").Name())
	}
	if enc == nil && subtype == "Type1" {
		if ff := desc.Key("FontFile"); ff.Kind() == lpdf.Stream {
			enc = type1Encoding(f.type1Clear(ff, sb))
		}
	}
	if enc == nil {
		switch {
		case core == "Symbol":
			enc = &symbolEncoding
		case core == "ZapfDingbats":
			enc = &zapfDingbatsEncoding
		case subtype == "TrueType" && symbolic:
			enc = nil
		case subtype == "TrueType":
			enc = &winAnsiEncoding
		default:
			enc = &standardEncoding
		}
	}
	if enc != nil {
		names = *enc
	}
	if encV.Kind() == lpdf.Dict {
		diff := encV.Key("Differences")
		code := 0
		for i := 0; i < diff.Len() && i < 4096; i++ {
			e := diff.Index(i)
			switch e.Kind() {
			case lpdf.Integer, lpdf.Real:
				code = int(e.Float64())
			case lpdf.Name:
				if code >= 0 && code < 256 {
					names[code] = e.Name()
				}
				code++
			}
		}
	}
	ts1 := subtype == "Type3" && symbolsOnly(&names) // (asked once a font)
	for c := 0; c < 256; c++ {
		t := ""
		if s, ok := toUni[uint32(c)]; ok && s != "" && s != "\ufffd" && s != "\x00" {
			t = s
		} else if n, ok := numericName(names[c]); ok && subtype == "Type3" && core != "ZapfDingbats" {
			if n == "" && ts1 {
				n = ts1Symbols[c] // (a TeX font of symbols only: TS1's)
			}
			t = n // ("" where the number says no sure character: never the dingbat the glyph list names so)
		} else if names[c] != "" {
			t = sb.nameText(enc, c, names[c])
		}
		if t == "" && enc == nil && c >= 32 {
			t = string(rune(c)) // symbolic TrueType without encoding: the code is the character
		}
		if t == "" && c >= 32 && c < 127 && names[c] == "" {
			t = string(rune(c))
		}
		if t == "" {
			t = "\ufffd"
		}
		f.text[c] = f.fixPrivate(t)
	}

	// Widths.
	fmRatio := 1.0
	if subtype == "Type3" {
		fm := v.Key("FontMatrix")
		if fm.Len() == 6 {
			f.scale = fm.Index(0).Float64()
			if sy := fm.Index(3).Float64(); f.scale != 0 && sy != 0 {
				fmRatio = math.Abs(sy / f.scale)
			}
		}
	}
	missing := desc.Key("MissingWidth").Float64() * f.scale
	for c := range f.width {
		f.width[c] = -1
	}
	widths := v.Key("Widths")
	first := int(v.Key("FirstChar").Int64())
	n := widths.Len()
	for i := 0; i < n && i < 256; i++ {
		c := first + i
		if c >= 0 && c < 256 {
			f.width[c] = widths.Index(i).Float64() * f.scale
		}
	}
	for c := range f.width {
		if f.width[c] >= 0 {
			continue
		}
		switch {
		case n > 0 && missing > 0:
			f.width[c] = missing
		case coreMetrics != nil && subtype != "Type3":
			name := names[c]
			if core == "Symbol" || core == "ZapfDingbats" {
				name = (*enc)[c]
				if encV.Kind() == lpdf.Dict && names[c] != "" {
					name = names[c]
				}
			}
			if w, ok := coreMetrics.width(name); ok {
				f.width[c] = float64(w) / 1000
			} else if n > 0 {
				f.width[c] = 0
			} else {
				f.width[c] = 0.5
			}
		default:
			f.width[c] = missing
		}
	}
	if subtype == "Type3" {
		f.extent = type3Extent(&names, &f.width) * fmRatio
	}
	return f
}

// type3Extent is the factor by which poppler scales a Type 3 font's size
// for the vertical extent of its glyph boxes, since the glyphs' own
// coordinate system is unknown without rendering them: the width of "m"
// against a generic 0.6 em, else of the first letter or the first named
// glyph against 0.5 em. With the default ascent and descent (0.95, -0.35)
// this reproduces its boxes, which are what other tools measure against.
func type3Extent(names *[256]string, widths *[256]float64) float64 {
	mCode, letter, anyCode := -1, -1, -1
	for c, n := range names {
		if n == "m" {
			mCode = c
		}
		if letter < 0 && len(n) == 1 && (n[0] >= 'A' && n[0] <= 'Z' || n[0] >= 'a' && n[0] <= 'z') {
			letter = c
		}
		if anyCode < 0 && n != "" && widths[c] > 0 {
			anyCode = c
		}
	}
	switch {
	case mCode >= 0 && widths[mCode] > 0:
		return widths[mCode] / 0.6
	case letter >= 0 && widths[letter] > 0:
		return widths[letter] / 0.5
	case anyCode >= 0:
		return widths[anyCode] / 0.5
	}
	return 1
}

// fixPrivate maps the private-use code points of symbol fonts to the
// character they draw, so that bullets come out as bullets.
func (f *font) fixPrivate(t string) string {
	r, n := utf8.DecodeRuneInString(t)
	if n != len(t) || r < 0xE000 || r > 0xF8FF {
		return t
	}
	if s, ok := wingdingsText[r]; ok && f.symbolW {
		return s
	}
	if f.symbolW && r >= 0xF020 && r <= 0xF0FF {
		if name := symbolEncoding[r-0xF000]; name != "" {
			if s := textForName(name); s != "" {
				return s
			}
		}
	}
	return t
}

func (f *font) loadComposite(v, cidFont lpdf.Value, toUni map[uint32]string, sb *streamBuf) {
	f.toUni = toUni
	enc := v.Key("Encoding")
	switch enc.Kind() {
	case lpdf.Name:
		n := enc.Name()
		f.vertical = strings.HasSuffix(n, "-V")
		if strings.HasPrefix(n, "Uni") && (strings.Contains(n, "UCS2") || strings.Contains(n, "UTF16")) {
			f.ucs2 = true
		}
	case lpdf.Stream:
		b, _ := f.streamBytes(enc, sb)
		f.enc = parseCMap(b)
		if len(f.enc.space) == 0 {
			f.enc.space = []codeRange{{n: 2, hi: [4]byte{0xff, 0xff}}}
		}
	}
	f.dw = 1
	if dw := cidFont.Key("DW"); dw.Kind() == lpdf.Integer || dw.Kind() == lpdf.Real {
		f.dw = dw.Float64() * 0.001
	}
	w := cidFont.Key("W")
	f.cw = map[uint32]float64{}
	for i := 0; i < w.Len() && len(f.cw) < maxCMapEntries; {
		first := w.Index(i)
		next := w.Index(i + 1)
		if next.Kind() == lpdf.Array {
			c := uint32(first.Int64())
			for k := 0; k < next.Len(); k++ {
				f.cw[c+uint32(k)] = next.Index(k).Float64() * 0.001
			}
			i += 2
			continue
		}
		lo, hi := first.Float64(), next.Float64()
		wv := w.Index(i+2).Float64() * 0.001
		if hi >= lo && hi-lo < maxCMapEntries && lo >= 0 {
			for c := uint32(lo); c <= uint32(hi); c++ {
				f.cw[c] = wv
			}
		}
		i += 3
	}
}

// glyphCode is one code of a shown string.
type glyphCode struct {
	code  uint32
	n     int // bytes
	text  string
	width float64 // advance in em
}

// decode splits a shown string into codes with their text and width.
func (f *font) decode(s string, out []glyphCode) []glyphCode {
	if !f.composite {
		for i := 0; i < len(s); i++ {
			c := s[i]
			out = append(out, glyphCode{code: uint32(c), n: 1, text: f.text[c], width: f.width[c]})
		}
		return out
	}
	for len(s) > 0 {
		n := f.enc.split(s)
		if n <= 0 {
			n = 1
		}
		code := codeValue(s[:n])
		s = s[n:]
		cid := f.enc.cid(code)
		g := glyphCode{code: code, n: n}
		if t, ok := f.toUni[code]; ok && t != "" {
			g.text = f.fixPrivate(t)
		} else if f.ucs2 {
			g.text = string(rune(code))
		} else {
			g.text = "\ufffd"
		}
		if f.ucs2 && code >= 0x20 && code <= 0x7E {
			// A predefined Unicode CMap's ASCII codes: every Adobe CJK
			// collection has the proportional ASCII letters at CIDs 1 to
			// 95, in ASCII's order, which the widths (W) are given by.
			cid = code - 0x1F
		}
		if w, ok := f.cw[cid]; ok {
			g.width = w
		} else {
			g.width = f.dw
		}
		out = append(out, g)
	}
	return out
}
