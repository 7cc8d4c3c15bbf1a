package pdf

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/agreements/agreements/parser"
)

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identityMatrix = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n: apply m first, then n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

type gstate struct {
	ctm         matrix
	font        *font
	size        float64
	tc, tw, th  float64
	tl, rise    float64
	render      int
	lineWidth   float64
	fillWhite   bool
	strokeWhite bool
}

// glyphx is a glyph with what the layout builder needs besides.
type glyphx struct {
	Glyph
	ox, oy float64 // origin on the baseline, page space
	adv    float64 // advance along the writing direction, page space
}

type ppoint struct{ x, y float64 }

type subpath struct {
	pts    []ppoint
	closed bool
	curved bool
}

// interp runs the content streams of one page.
type interp struct {
	doc   *document
	space pageSpace
	gs    gstate
	stack []gstate
	tm    matrix
	tlm   matrix

	glyphs []glyphx
	segs   []Segment
	marks  []Mark
	images int // image XObjects and inline images drawn

	path  []subpath
	ops   int
	codes []glyphCode

	// Marked content: the nesting depth, and the outermost open span with
	// an /ActualText replacement (depth 0 when none is open).
	marked      int
	actualDepth int
	actualStart int
	actualText  string
	forms       map[string]formData
	sb          *streamBuf // the worker's (see scratch)
	lex         *[maxFormDepth + 1]lexBuf

	// hypotIn and hypotOut are scaleOf's last question and answer.
	hypotIn  [2]float64
	hypotOut float64
	hypotSet bool
	// unitIn and unitOut are unitLength's.
	unitIn  [2]float64
	unitOut float64
	unitSet bool

	// errs are the streams of the page that could not be read whole,
	// and the bounds the page reached.
	errs []error
	// capped are the bounds reached, each reported once.
	capped map[string]bool
}

// reachBound records that the page reached a bound: what lies beyond it
// is not read, and the page's error says so.
func (in *interp) reachBound(what string) {
	if in.capped[what] {
		return
	}
	if in.capped == nil {
		in.capped = map[string]bool{}
	}
	in.capped[what] = true
	in.errs = append(in.errs, fmt.Errorf("%w: %s; the rest of the page was not read", parser.ErrTooLarge, what))
}

// formData is a decoded Form XObject, or what could be read of it.
type formData struct {
	data []byte
	err  error
}

// scratch holds the buffers that one worker reuses from page to page, and
// the decoded Form XObjects, which pages often share.
type scratch struct {
	glyphs []glyphx
	codes  []glyphCode
	lb     layoutBuf
	forms  map[string]formData
	// glyphOrder is the array of the last page's glyph order (buildLayout):
	// the next page's is made in it.
	glyphOrder []int32
	// segs is the array of the last page's rulings, when the page was
	// reduced without them (keepTables): the next page's are drawn in it.
	segs []Segment
	// lex are the operand arrays of the content streams run, one set per
	// depth of forms (a form runs inside the stream that draws it).
	lex [maxFormDepth + 1]lexBuf
	// streams reads the pages' streams (doc.go); twords holds the words
	// of the page whose tables are being found (tables.go).
	streams streamBuf
	twords  twordBuf
	// cells is the arena of the page's table cells when its rows are
	// packed as it is read (PageLayout.rowCells).
	cells cellArena
}

// lexBuf is what a content stream's run leaves for the next run at its
// depth: its lexer's arrays of operands and its arguments' array, all
// cleared (the operands in them are used only while their operator runs).
type lexBuf struct {
	tmp, arena, args []operand
}

// Glyph array sizing (reserveGlyphs): a glyph takes at least one byte of
// its content stream, seldom fewer than three (pages seen: 3 to 50 bytes
// a glyph, most of them 6 to 15), so a page's content length over six is
// as many glyphs as most pages draw, without forms; a denser page doubles
// the array as before. The guess is bounded: the array is made once for a
// worker's largest page, and what of it a page does not fill is never
// written. (Over three, or up to 16,384, the arrays grow a fifth larger
// over the corpus and the process takes no fewer pages from the system.)
const (
	contentBytesPerGlyph = 6
	minGlyphCap          = 1024
	maxGlyphGuess        = 8192
)

// reserveGlyphs makes the worker's glyph array large enough for the page
// whose content stream has n bytes: made at once, the array is not doubled
// (and copied) glyph count by glyph count as the page is drawn, each copy
// new memory the process must take from the system.
//
// An array the worker has already, short of the guess by no more than a
// quarter, is kept: the guess is seldom exact, a page that draws no more
// glyphs than it holds is drawn in memory already touched, and one that
// draws more grows it once, copying no more than a new array would be
// written (a page of schools.pdf guessed at 5,008 glyphs draws 4,545 in
// the 4,856 its worker made for the page before).
func (sc *scratch) reserveGlyphs(n int) {
	want := min(max(n/contentBytesPerGlyph, minGlyphCap), maxGlyphGuess)
	if c := cap(sc.glyphs); want > c+c/4 {
		sc.glyphs = make([]glyphx, 0, want)
	}
}

func newInterp(d *document, space pageSpace, sc *scratch) *interp {
	if sc.forms == nil {
		sc.forms = map[string]formData{}
	}
	if sc.glyphs == nil {
		sc.glyphs = make([]glyphx, 0, minGlyphCap)
	}
	return &interp{
		doc:    d,
		space:  space,
		gs:     gstate{ctm: identityMatrix, th: 1, lineWidth: 1},
		tm:     identityMatrix,
		tlm:    identityMatrix,
		forms:  sc.forms,
		sb:     &sc.streams,
		lex:    &sc.lex,
		glyphs: sc.glyphs[:0],
		codes:  sc.codes[:0],
		segs:   sc.segs[:0],
	}
}

func argNum(args []operand, i int) float64 {
	if i < 0 || i >= len(args) {
		return 0
	}
	v := args[i].num
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

func matrixArgs(args []operand) matrix {
	n := len(args)
	return matrix{argNum(args, n-6), argNum(args, n-5), argNum(args, n-4), argNum(args, n-3), argNum(args, n-2), argNum(args, n-1)}
}

// run interprets one content stream with its resources.
func (in *interp) run(data []byte, res lpdf.Value, depth int) {
	l := lexer{b: data}
	var args []operand
	if depth < len(in.lex) {
		lb := &in.lex[depth]
		l.tmp, l.arena, args = lb.tmp[:0], lb.arena[:0], lb.args[:0]
		defer func() {
			clear(l.tmp)
			clear(l.arena)
			clear(args)
			lb.tmp, lb.arena, lb.args = l.tmp[:0], l.arena[:0], args[:0]
		}()
	}
	if args == nil {
		args = make([]operand, 0, 16)
	}
	fonts := &runFonts{byName: map[string]*font{}}
	for {
		v, op, ok := l.next()
		if !ok {
			return
		}
		if op == "" {
			if len(args) < 64 {
				args = append(args, v)
			}
			continue
		}
		if in.ops >= maxOpsPerPage {
			in.reachBound(fmt.Sprintf("more than %d operators", maxOpsPerPage))
			return
		}
		in.ops++
		in.do(op, args, res, fonts, depth, &l)
		clear(args)
		args = args[:0]
		l.release()
	}
}

// runFonts are the fonts a content stream's run has set, by resource
// name, and its resources' font dictionary, read at the first font set
// (the library reads an object anew at every lookup).
type runFonts struct {
	byName   map[string]*font
	dict     lpdf.Value
	dictRead bool
}

// named returns the font the resources name name (see namedFont).
func (rf *runFonts) named(in *interp, res lpdf.Value, name string) *font {
	f, ok := rf.byName[name]
	if !ok {
		if !rf.dictRead {
			rf.dict, rf.dictRead = res.Key("Font"), true
		}
		f = in.doc.namedFont(rf.dict, name, in.sb)
		rf.byName[name] = f
	}
	return f
}

// opKey is an operator's switch key: its length, then its bytes (up to
// three, as every operator of a content stream; a longer word is no
// operator, and its key none of theirs). Operators are compared as
// numbers, not strings, once each.
func opKey(op string) uint32 {
	switch len(op) {
	case 1:
		return 1<<24 | uint32(op[0])
	case 2:
		return 2<<24 | uint32(op[0])<<8 | uint32(op[1])
	case 3:
		return 3<<24 | uint32(op[0])<<16 | uint32(op[1])<<8 | uint32(op[2])
	}
	return 0
}

func (in *interp) do(op string, args []operand, res lpdf.Value, fonts *runFonts, depth int, l *lexer) {
	gs := &in.gs
	switch opKey(op) {
	case 1<<24 | 'q':
		if len(in.stack) < 256 {
			in.stack = append(in.stack, in.gs)
		}
	case 1<<24 | 'Q':
		if n := len(in.stack); n > 0 {
			in.gs = in.stack[n-1]
			in.stack = in.stack[:n-1]
		}
	case 2<<24 | 'c'<<8 | 'm':
		if len(args) >= 6 {
			gs.ctm = matrixArgs(args).mul(gs.ctm)
		}
	case 1<<24 | 'w':
		gs.lineWidth = argNum(args, 0)
	case 2<<24 | 'B'<<8 | 'T':
		in.tm, in.tlm = identityMatrix, identityMatrix
	case 2<<24 | 'E'<<8 | 'T':
	case 2<<24 | 'T'<<8 | 'f':
		if len(args) >= 2 {
			gs.size = argNum(args, 1)
			gs.font = fonts.named(in, res, args[0].s)
		}
	case 2<<24 | 'T'<<8 | 'c':
		gs.tc = argNum(args, 0)
	case 2<<24 | 'T'<<8 | 'w':
		gs.tw = argNum(args, 0)
	case 2<<24 | 'T'<<8 | 'z':
		gs.th = argNum(args, 0) / 100
	case 2<<24 | 'T'<<8 | 'L':
		gs.tl = argNum(args, 0)
	case 2<<24 | 'T'<<8 | 's':
		gs.rise = argNum(args, 0)
	case 2<<24 | 'T'<<8 | 'r':
		gs.render = int(argNum(args, 0))
	case 2<<24 | 'T'<<8 | 'd':
		in.tlm = matrix{1, 0, 0, 1, argNum(args, 0), argNum(args, 1)}.mul(in.tlm)
		in.tm = in.tlm
	case 2<<24 | 'T'<<8 | 'D':
		gs.tl = -argNum(args, 1)
		in.tlm = matrix{1, 0, 0, 1, argNum(args, 0), argNum(args, 1)}.mul(in.tlm)
		in.tm = in.tlm
	case 2<<24 | 'T'<<8 | 'm':
		if len(args) >= 6 {
			in.tlm = matrixArgs(args)
			in.tm = in.tlm
		}
	case 2<<24 | 'T'<<8 | '*':
		in.nextLine()
	case 2<<24 | 'T'<<8 | 'j':
		if len(args) > 0 {
			in.show(args[len(args)-1].s)
		}
	case 1<<24 | '\'':
		in.nextLine()
		if len(args) > 0 {
			in.show(args[len(args)-1].s)
		}
	case 1<<24 | '"':
		if len(args) >= 3 {
			gs.tw, gs.tc = argNum(args, 0), argNum(args, 1)
			in.nextLine()
			in.show(args[2].s)
		}
	case 2<<24 | 'T'<<8 | 'J':
		if len(args) == 0 {
			return
		}
		for _, e := range args[len(args)-1].arr {
			switch e.kind {
			case opStr:
				in.show(e.s)
			case opNum:
				if gs.font != nil && gs.font.vertical {
					in.tm = matrix{1, 0, 0, 1, 0, -e.num / 1000 * gs.size}.mul(in.tm)
				} else {
					in.tm = matrix{1, 0, 0, 1, -e.num / 1000 * gs.size * gs.th, 0}.mul(in.tm)
				}
			}
		}
	case 2<<24 | 'D'<<8 | 'o':
		if len(args) > 0 && depth < maxFormDepth {
			in.doXObject(args[len(args)-1].s, res, depth)
		}
	case 3<<24 | 'B'<<16 | 'M'<<8 | 'C':
		in.marked++
	case 3<<24 | 'B'<<16 | 'D'<<8 | 'C':
		in.marked++
		if in.actualDepth == 0 && len(args) >= 2 {
			if t, ok := actualText(args[len(args)-1], res); ok {
				in.actualDepth, in.actualStart, in.actualText = in.marked, len(in.glyphs), t
			}
		}
	case 3<<24 | 'E'<<16 | 'M'<<8 | 'C':
		if in.marked > 0 && in.marked == in.actualDepth {
			in.replaceActual()
			in.actualDepth = 0
		}
		in.marked = max(in.marked-1, 0)
	case 2<<24 | 'B'<<8 | 'I':
		for {
			_, op, ok := l.next()
			if !ok || op == "ID" {
				break
			}
		}
		l.skipInlineImage()
		in.images++
	// paths
	case 1<<24 | 'm':
		in.startSubpath(in.pt(argNum(args, 0), argNum(args, 1)))
	case 1<<24 | 'l':
		if n := len(in.path); n > 0 {
			in.path[n-1].pts = append(in.path[n-1].pts, in.pt(argNum(args, 0), argNum(args, 1)))
		} else {
			in.startSubpath(in.pt(argNum(args, 0), argNum(args, 1)))
		}
	case 1<<24 | 'c', 1<<24 | 'v', 1<<24 | 'y':
		if n := len(in.path); n > 0 && len(args) >= 4 {
			in.path[n-1].curved = true
			in.path[n-1].pts = append(in.path[n-1].pts, in.pt(argNum(args, len(args)-2), argNum(args, len(args)-1)))
		}
	case 1<<24 | 'h':
		if n := len(in.path); n > 0 {
			in.path[n-1].closed = true
		}
	case 2<<24 | 'r'<<8 | 'e':
		x, y, w, h := argNum(args, 0), argNum(args, 1), argNum(args, 2), argNum(args, 3)
		in.startSubpath(in.pt(x, y), in.pt(x+w, y), in.pt(x+w, y+h), in.pt(x, y+h))
		in.path[len(in.path)-1].closed = true
	case 1<<24 | 'S', 1<<24 | 's':
		in.paint(true, false, op == "s")
	case 1<<24 | 'f', 1<<24 | 'F', 2<<24 | 'f'<<8 | '*':
		in.paint(false, true, true)
	case 1<<24 | 'B', 2<<24 | 'B'<<8 | '*', 1<<24 | 'b', 2<<24 | 'b'<<8 | '*':
		in.paint(true, true, op == "b" || op == "b*")
	case 1<<24 | 'n':
		in.path = in.path[:0]
	case 1<<24 | 'g':
		gs.fillWhite = argNum(args, 0) >= 0.99
	case 1<<24 | 'G':
		gs.strokeWhite = argNum(args, 0) >= 0.99
	case 2<<24 | 'r'<<8 | 'g':
		gs.fillWhite = argNum(args, 0) >= 0.99 && argNum(args, 1) >= 0.99 && argNum(args, 2) >= 0.99
	case 2<<24 | 'R'<<8 | 'G':
		gs.strokeWhite = argNum(args, 0) >= 0.99 && argNum(args, 1) >= 0.99 && argNum(args, 2) >= 0.99
	case 1<<24 | 'k':
		gs.fillWhite = argNum(args, 0)+argNum(args, 1)+argNum(args, 2)+argNum(args, 3) <= 0.01
	case 1<<24 | 'K':
		gs.strokeWhite = argNum(args, 0)+argNum(args, 1)+argNum(args, 2)+argNum(args, 3) <= 0.01
	case 2<<24 | 's'<<8 | 'c', 3<<24 | 's'<<16 | 'c'<<8 | 'n':
		gs.fillWhite = whiteComponents(args)
	case 2<<24 | 'S'<<8 | 'C', 3<<24 | 'S'<<16 | 'C'<<8 | 'N':
		gs.strokeWhite = whiteComponents(args)
	case 2<<24 | 'c'<<8 | 's':
		gs.fillWhite = false
	case 2<<24 | 'C'<<8 | 'S':
		gs.strokeWhite = false
	}
}

// actualText returns the /ActualText of a marked-content property list,
// given inline or by name in the resources' /Properties.
func actualText(props operand, res lpdf.Value) (string, bool) {
	switch props.kind {
	case opDict:
		for i := 0; i+1 < len(props.arr); i += 2 {
			if k, v := props.arr[i], props.arr[i+1]; k.kind == opName && k.s == "ActualText" && v.kind == opStr {
				// A view of the content's bytes (see streamBuf) is copied:
				// the text outlives the page.
				return strings.Clone(textString(v.s)), true
			}
		}
	case opName:
		v := res.Key("Properties").Key(props.s).Key("ActualText")
		if v.Kind() == lpdf.String {
			return textString(v.RawString()), true
		}
	}
	return "", false
}

// textString decodes a PDF text string: UTF-16BE after a byte order mark,
// otherwise PDFDocEncoding (Latin-1 for the printable range).
func textString(s string) string {
	if len(s) >= 2 && s[0] == 0xFE && s[1] == 0xFF {
		return utf16Text(s[2:])
	}
	if utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 }) {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		sb.WriteRune(rune(s[i]))
	}
	return sb.String()
}

// replaceActual puts the open span's actual text in place of the glyphs
// drawn inside it, the way poppler extracts it: one glyph over the span's
// box, so that spaces inside the text do not split it into words.
func (in *interp) replaceActual() {
	drawn := in.glyphs[in.actualStart:]
	if len(drawn) == 0 {
		return
	}
	g := drawn[0]
	for _, d := range drawn[1:] {
		g.Box.X0, g.Box.Y0 = min(g.Box.X0, d.Box.X0), min(g.Box.Y0, d.Box.Y0)
		g.Box.X1, g.Box.Y1 = max(g.Box.X1, d.Box.X1), max(g.Box.Y1, d.Box.Y1)
		g.adv += d.adv
	}
	g.Text = strings.ReplaceAll(in.actualText, "\ufeff", "")
	in.glyphs = append(in.glyphs[:in.actualStart], g)
}

func whiteComponents(args []operand) bool {
	n := 0
	for _, a := range args {
		if a.kind != opNum {
			continue
		}
		n++
		if a.num < 0.99 {
			return false
		}
	}
	return n == 1 || n == 3
}

func (in *interp) nextLine() {
	in.tlm = matrix{1, 0, 0, 1, 0, -in.gs.tl}.mul(in.tlm)
	in.tm = in.tlm
}

// pt maps a user-space ppoint through the CTM to page space.
func (in *interp) pt(x, y float64) ppoint {
	ux, uy := in.gs.ctm.apply(x, y)
	px, py := in.space.apply(ux, uy)
	return ppoint{px, py}
}

func (in *interp) doXObject(name string, res lpdf.Value, depth int) {
	xobjects := res.Key("XObject")
	xo := xobjects.Key(name)
	if xo.Kind() == lpdf.Stream && xo.Key("Subtype").Name() == "Image" {
		in.images++
		return
	}
	if xo.Kind() != lpdf.Stream || xo.Key("Subtype").Name() != "Form" {
		return
	}
	key := objectKey(xo, xobjects)
	form, ok := in.forms[key]
	if !ok {
		form.data, form.err = streamBytes(xo, in.sb)
		form.err = in.doc.lengthRepairs(form.err)
		in.forms[key] = form
	}
	if form.err != nil {
		in.errs = append(in.errs, fmt.Errorf("form XObject /%s %w", name, form.err))
	}
	data := form.data
	saved, savedStack, tm, tlm := in.gs, len(in.stack), in.tm, in.tlm
	if m := xo.Key("Matrix"); m.Len() == 6 {
		var fm matrix
		for i := range fm {
			fm[i] = m.Index(i).Float64()
		}
		in.gs.ctm = fm.mul(in.gs.ctm)
	}
	fres := xo.Key("Resources")
	if fres.Kind() != lpdf.Dict {
		fres = res
	}
	in.path = in.path[:0]
	in.run(data, fres, depth+1)
	in.gs, in.tm, in.tlm = saved, tm, tlm
	if len(in.stack) > savedStack {
		in.stack = in.stack[:savedStack]
	}
}

// show draws a string with the current font.
func (in *interp) show(s string) {
	gs := &in.gs
	f := gs.font
	if f == nil {
		f = defaultFont()
	}
	in.codes = f.decode(s, in.codes[:0])
	fs := gs.size
	for _, g := range in.codes {
		var tx, ty float64
		m := in.tm.mul(gs.ctm)
		if f.vertical {
			ty = -(fs + gs.tc)
			if g.n == 1 && g.code == 32 {
				ty -= gs.tw
			}
		} else {
			tx = (g.width*fs + gs.tc) * gs.th
			if g.n == 1 && g.code == 32 {
				tx += gs.tw * gs.th
			}
		}
		if len(in.glyphs) < maxGlyphsPage {
			// The glyph box is the glyph's own advance: character and
			// word spacing are gaps, not ink.
			bx := tx
			if !f.vertical {
				bx = g.width * fs * gs.th
			}
			in.emit(f, g, m, bx, ty)
		} else {
			in.reachBound(fmt.Sprintf("more than %d glyphs", maxGlyphsPage))
		}
		in.tm = matrix{1, 0, 0, 1, tx, ty}.mul(in.tm)
	}
}

// defaultFont stands in for a font a page uses without naming one; made
// on first use, like the tables it is made from.
var defaultFont = sync.OnceValue(func() *font {
	f := &font{name: "Helvetica", scale: 0.001, ascent: 0.718, descent: -0.207, extent: 1}
	h := coreFontNamed("Helvetica")
	for c := 0; c < 256; c++ {
		name := standardEncoding[c]
		f.text[c] = textForName(name)
		if f.text[c] == "" {
			f.text[c] = "\ufffd"
		}
		w, _ := h.width(name)
		f.width[c] = float64(w) / 1000
	}
	return f
})

func (in *interp) emit(f *font, g glyphCode, m matrix, tx, ty float64) {
	gs := &in.gs
	fs := gs.size
	// Text space corners of the glyph box, then page space.
	var x0, x1, y0, y1 float64
	if f.vertical {
		x0, x1 = -fs/2, fs/2
		y0, y1 = ty, 0
	} else {
		x0, x1 = 0, tx
		y0, y1 = gs.rise+f.descent*f.extent*fs, gs.rise+f.ascent*f.extent*fs
	}
	corners := [4]ppoint{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range corners {
		ux, uy := m.apply(c.x, c.y)
		px, py := in.space.apply(ux, uy)
		minX, maxX = min(minX, px), max(maxX, px)
		minY, maxY = min(minY, py), max(maxY, py)
	}
	if maxX < 0 || minX > in.space.w && !in.runsOffPage(minX, minY, maxY) || maxY < 0 || minY > in.space.h || math.IsNaN(minX+minY+maxX+maxY) {
		return // outside the visible page
	}
	ox, oy := in.space.apply(m.apply(0, gs.rise))
	ax, ay := in.space.apply(m.apply(1, gs.rise))
	if f.vertical {
		ax, ay = in.space.apply(m.apply(0, gs.rise-1))
	}
	dx, dy := ax-ox, ay-oy
	dir := 0
	switch {
	case math.Abs(dx) >= math.Abs(dy) && dx >= 0:
		dir = 0
	case math.Abs(dx) >= math.Abs(dy):
		dir = 2
	case dy >= 0:
		dir = 1
	default:
		dir = 3
	}
	var size float64
	if f.vertical {
		size = fs * in.scaleOf(m[0], m[1])
	} else {
		size = fs * in.scaleOf(m[2], m[3])
	}
	unit := in.unitLength(dx, dy)
	adv := unit * tx
	if f.vertical {
		adv = unit * -ty
	}
	if len(in.glyphs) == cap(in.glyphs) {
		// Doubled, not grown by append's quarter: a page's glyphs are
		// copied fewer times on the way to their number.
		in.glyphs = slices.Grow(in.glyphs, len(in.glyphs))
	}
	in.glyphs = append(in.glyphs, glyphx{
		Glyph: Glyph{
			Text:   g.text,
			Box:    parser.Box{X0: minX, Y0: minY, X1: maxX, Y1: maxY},
			Font:   f.name,
			Size:   math.Abs(size),
			Bold:   f.bold,
			Italic: f.italic,
			Render: int8(min(max(gs.render, math.MinInt8), math.MaxInt8)),
			Seq:    int32(len(in.glyphs)),
			Dir:    int8(dir),
		},
		ox: ox, oy: oy, adv: adv,
	})
}

// scaleOf returns math.Hypot(a, b), remembering the last answer: the
// glyphs of a string share their matrix but for its translation.
func (in *interp) scaleOf(a, b float64) float64 {
	if a != in.hypotIn[0] || b != in.hypotIn[1] || !in.hypotSet {
		in.hypotIn, in.hypotOut, in.hypotSet = [2]float64{a, b}, math.Hypot(a, b), true
	}
	return in.hypotOut
}

// unitLength returns math.Hypot(dx, dy), remembering the last answer:
// the glyphs of a string mostly share their unit advance.
func (in *interp) unitLength(dx, dy float64) float64 {
	if dx != in.unitIn[0] || dy != in.unitIn[1] || !in.unitSet {
		in.unitIn, in.unitOut, in.unitSet = [2]float64{dx, dy}, math.Hypot(dx, dy), true
	}
	return in.unitOut
}

// startSubpath begins a subpath at pts. The points of the subpaths of
// paths painted or dropped before are reused: a ruled table draws
// thousands of short paths on a page.
func (in *interp) startSubpath(pts ...ppoint) {
	n := len(in.path)
	if n < cap(in.path) {
		in.path = in.path[:n+1]
		sp := &in.path[n]
		sp.pts = append(sp.pts[:0], pts...)
		sp.closed, sp.curved = false, false
		return
	}
	in.path = append(in.path, subpath{pts: append(make([]ppoint, 0, max(4, len(pts))), pts...)})
}

// paint turns the current path into ruling segments.
func (in *interp) paint(stroke, fill, closeAll bool) {
	defer func() { in.path = in.path[:0] }()
	gs := &in.gs
	scale := math.Sqrt(math.Abs(gs.ctm[0]*gs.ctm[3] - gs.ctm[1]*gs.ctm[2]))
	lw := max(gs.lineWidth*scale, 0.1)
	for _, sp := range in.path {
		if len(in.segs) > maxGlyphsPage {
			in.reachBound(fmt.Sprintf("more than %d ruling segments", maxGlyphsPage))
			return
		}
		if fill && !gs.fillWhite && sp.curved {
			in.addMark(sp.pts, "disc")
		}
		if fill && !gs.fillWhite {
			if r, ok := rectOf(sp); ok {
				w, h := r[2]-r[0], r[3]-r[1]
				switch {
				case w < 0.5 && h < 0.5:
				case w >= 1.5 && w <= 8 && h >= 1.5 && h <= 8 && w < 1.5*h && h < 1.5*w:
					in.addMark(sp.pts, "square")
				case h <= 3 && w > h:
					in.addSeg(r[0], (r[1]+r[3])/2, r[2], (r[1]+r[3])/2, h)
				case w <= 3 && h > w:
					in.addSeg((r[0]+r[2])/2, r[1], (r[0]+r[2])/2, r[3], w)
				case w > 0.9*in.space.w && h > 0.9*in.space.h:
				default:
					in.addSeg(r[0], r[1], r[2], r[1], 0)
					in.addSeg(r[0], r[3], r[2], r[3], 0)
					in.addSeg(r[0], r[1], r[0], r[3], 0)
					in.addSeg(r[2], r[1], r[2], r[3], 0)
				}
				continue
			}
		}
		if !stroke || gs.strokeWhite || sp.curved {
			continue
		}
		n := len(sp.pts)
		for i := 0; i+1 < n; i++ {
			in.addLine(sp.pts[i], sp.pts[i+1], lw)
		}
		if (sp.closed || closeAll) && n > 2 {
			in.addLine(sp.pts[n-1], sp.pts[0], lw)
		}
	}
}

// addMark records a small, roughly square filled shape.
func (in *interp) addMark(pts []ppoint, shape string) {
	if len(pts) < 2 || len(in.marks) > 10000 {
		return
	}
	b := parser.Box{X0: math.Inf(1), Y0: math.Inf(1), X1: math.Inf(-1), Y1: math.Inf(-1)}
	for _, p := range pts {
		b.X0, b.Y0 = min(b.X0, p.x), min(b.Y0, p.y)
		b.X1, b.Y1 = max(b.X1, p.x), max(b.Y1, p.y)
	}
	w, h := b.Width(), b.Height()
	if w >= 1.5 && w <= 8 && h >= 1.5 && h <= 8 && w < 1.5*h && h < 1.5*w {
		in.marks = append(in.marks, Mark{Box: b, Shape: shape})
	}
}

func (in *interp) addLine(a, b ppoint, width float64) {
	const tol = 0.5
	switch {
	case math.Abs(a.y-b.y) <= tol && math.Abs(a.x-b.x) > tol:
		y := (a.y + b.y) / 2
		in.addSeg(min(a.x, b.x), y, max(a.x, b.x), y, width)
	case math.Abs(a.x-b.x) <= tol && math.Abs(a.y-b.y) > tol:
		x := (a.x + b.x) / 2
		in.addSeg(x, min(a.y, b.y), x, max(a.y, b.y), width)
	}
}

func (in *interp) addSeg(x0, y0, x1, y1, width float64) {
	if math.IsNaN(x0 + y0 + x1 + y1) {
		return
	}
	in.segs = append(in.segs, Segment{X0: x0, Y0: y0, X1: x1, Y1: y1, Width: width})
}

// rectOf reports whether a subpath is an axis-aligned rectangle, and its
// bounds [x0 y0 x1 y1].
func rectOf(sp subpath) ([4]float64, bool) {
	pts := sp.pts
	if sp.curved || len(pts) < 4 || len(pts) > 5 {
		return [4]float64{}, false
	}
	if len(pts) == 5 {
		if math.Abs(pts[4].x-pts[0].x) > 0.5 || math.Abs(pts[4].y-pts[0].y) > 0.5 {
			return [4]float64{}, false
		}
		pts = pts[:4]
	}
	const tol = 0.5
	for i := 0; i < 4; i++ {
		a, b := pts[i], pts[(i+1)%4]
		if math.Abs(a.x-b.x) > tol && math.Abs(a.y-b.y) > tol {
			return [4]float64{}, false
		}
	}
	r := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, p := range pts {
		r[0], r[1] = min(r[0], p.x), min(r[1], p.y)
		r[2], r[3] = max(r[2], p.x), max(r[3], p.y)
	}
	return r, true
}

// runsOffPage reports whether a glyph right of the page's right edge, at
// x0 from y0 to y1, goes on the word the glyph before it began on the
// page: set right after it, on its line (a table wider than the page, a
// heading cut at the edge: "Exemptio" + "n").
func (in *interp) runsOffPage(x0, y0, y1 float64) bool {
	if len(in.glyphs) == 0 {
		return false
	}
	last := in.glyphs[len(in.glyphs)-1].Glyph
	if strings.TrimSpace(last.Text) == "" || abs(last.Box.Y0-y0) > 0.5 || abs(last.Box.Y1-y1) > 0.5 || abs(x0-last.Box.X1) > 0.5 {
		return false
	}
	// The word's first glyph stands on the page.
	for i := len(in.glyphs) - 1; i >= 0; i-- {
		g := in.glyphs[i].Glyph
		if strings.TrimSpace(g.Text) == "" || abs(g.Box.Y0-y0) > 0.5 {
			return false
		}
		if g.Box.X0 <= in.space.w {
			return true
		}
		if i > 0 && abs(in.glyphs[i-1].Glyph.Box.X1-g.Box.X0) > 0.5 {
			return false
		}
	}
	return false
}
