package pdf

import "unsafe"

// A small lexer for content streams and CMaps. ledongthuc/pdf's Interpret
// panics on inline images and on several malformed-operand shapes and wraps
// every operand in a Value; content streams are the hot path, so they get
// their own allocation-light tokenizer that never panics and always advances.
//
// The input must not change while the lexer or any operand it returned is in
// use: names, operators and plain literal strings point into it, escaped
// and hex strings into append-only chunks, and arrays into an arena that
// release recycles.

type opKind uint8

const (
	opNull opKind = iota
	opNum
	opStr  // literal or hex string: raw bytes in s
	opName // name without the slash in s
	opArr
	opDict // key/value pairs flattened into arr
	opBool
)

type operand struct {
	kind opKind
	num  float64
	s    string
	arr  []operand
}

type lexer struct {
	b   []byte
	pos int

	tmp   []operand // elements of the collections being read
	arena []operand // finished collections' elements; recycled by release
	chunk []byte    // decoded string bytes; append-only
}

// release recycles the collections of operands returned so far: call it
// only when none of them is used any more (after an operator has run).
func (l *lexer) release() {
	clear(l.arena)
	l.arena = l.arena[:0]
}

// reuse recycles all that the lexer has returned so far: the collections
// of operands (as release does) and the bytes of the strings it decoded,
// which the strings it returns after are written over. Call it only when
// no operand read so far, nor a string in one, is used any more.
func (l *lexer) reuse() {
	l.release()
	l.chunk = l.chunk[:0]
}

// view returns b[i:j] as a string without copying.
func (l *lexer) view(i, j int) string {
	if j <= i {
		return ""
	}
	return unsafe.String(&l.b[i], j-i)
}

// keep stores decoded string bytes in the lexer's append-only chunks and
// returns them as a string without a further copy.
func (l *lexer) keep(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if cap(l.chunk)-len(l.chunk) < len(b) {
		l.chunk = make([]byte, 0, max(4096, len(b)))
	}
	start := len(l.chunk)
	l.chunk = append(l.chunk, b...)
	return unsafe.String(&l.chunk[start], len(b))
}

// collect moves elems into the arena and returns them there.
func (l *lexer) collect(elems []operand) []operand {
	if len(elems) == 0 {
		return nil
	}
	if cap(l.arena)-len(l.arena) < len(elems) {
		// Earlier collections keep the old backing array.
		l.arena = make([]operand, 0, max(256, 2*cap(l.arena), len(elems)))
	}
	start := len(l.arena)
	l.arena = append(l.arena, elems...)
	return l.arena[start:len(l.arena):len(l.arena)]
}

func isWhite(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *lexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isWhite(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// next returns the next operand, or the next operator as op. At the end of
// input ok is false.
func (l *lexer) next() (v operand, op string, ok bool) {
	return l.nextDepth(0)
}

func (l *lexer) nextDepth(depth int) (v operand, op string, ok bool) {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return operand{}, "", false
	}
	c := l.b[l.pos]
	switch {
	case c == '(':
		l.pos++
		return operand{kind: opStr, s: l.literal()}, "", true
	case c == '<':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
			l.pos += 2
			return l.collection(opDict, ">>", depth), "", true
		}
		l.pos++
		return operand{kind: opStr, s: l.hex()}, "", true
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelimiter(l.b[l.pos]) {
			l.pos++
		}
		return operand{kind: opName, s: l.name(start, l.pos)}, "", true
	case c == '[':
		l.pos++
		return l.collection(opArr, "]", depth), "", true
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		return operand{kind: opNum, num: l.number()}, "", true
	case c == ']' || c == ')' || c == '>' || c == '{' || c == '}':
		l.pos++
		if c == '>' && l.pos < len(l.b) && l.b[l.pos] == '>' {
			l.pos++
			return operand{}, ">>", true
		}
		return operand{}, string(c), true
	}
	start := l.pos
	for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelimiter(l.b[l.pos]) {
		l.pos++
	}
	if l.pos == start { // a lone delimiter we do not know: skip it
		l.pos++
		return operand{}, "", true
	}
	word := l.view(start, l.pos)
	switch word {
	case "true":
		return operand{kind: opBool, num: 1}, "", true
	case "false":
		return operand{kind: opBool}, "", true
	case "null":
		return operand{kind: opNull}, "", true
	}
	return operand{}, word, true
}

// collection reads an array or dictionary up to its closing token.
func (l *lexer) collection(kind opKind, end string, depth int) operand {
	v := operand{kind: kind}
	if depth > 32 {
		return v
	}
	start := len(l.tmp)
	for {
		e, op, ok := l.nextDepth(depth + 1)
		if !ok || op == end {
			break
		}
		if op != "" {
			if op == "]" || op == ">>" { // mismatched closer: stop here
				break
			}
			continue // operators inside arrays (malformed): drop
		}
		l.tmp = append(l.tmp, e)
	}
	v.arr = l.collect(l.tmp[start:])
	clear(l.tmp[start:])
	l.tmp = l.tmp[:start]
	return v
}

// room makes sure that decoded bytes appended at the end of l.chunk are
// likely to stay in place.
func (l *lexer) room() []byte {
	if cap(l.chunk)-len(l.chunk) < 256 {
		l.chunk = make([]byte, 0, 4096)
	}
	return l.chunk[len(l.chunk):]
}

// name returns the name in b[i:j] with its #xx escapes decoded.
func (l *lexer) name(i, j int) string {
	b := l.b[i:j]
	for k := range b {
		if b[k] == '#' {
			out := make([]byte, 0, len(b))
			for j := 0; j < len(b); j++ {
				if b[j] == '#' && j+2 < len(b) && unhexByte(b[j+1]) >= 0 && unhexByte(b[j+2]) >= 0 {
					out = append(out, byte(unhexByte(b[j+1])<<4|unhexByte(b[j+2])))
					j += 2
					continue
				}
				out = append(out, b[j])
			}
			return string(out)
		}
	}
	return l.view(i, j)
}

func unhexByte(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func (l *lexer) number() float64 {
	neg := false
	for l.pos < len(l.b) && (l.b[l.pos] == '+' || l.b[l.pos] == '-') {
		if l.b[l.pos] == '-' {
			neg = !neg
		}
		l.pos++
	}
	var v float64
	for l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '9' {
		v = v*10 + float64(l.b[l.pos]-'0')
		l.pos++
	}
	if l.pos < len(l.b) && l.b[l.pos] == '.' {
		l.pos++
		scale := 0.1
		for l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '9' {
			v += float64(l.b[l.pos]-'0') * scale
			scale /= 10
			l.pos++
		}
	}
	// Swallow trailing junk such as a second '.' or a '-' (some writers
	// emit "0.00-1"), so the lexer always advances.
	for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelimiter(l.b[l.pos]) {
		l.pos++
	}
	if neg {
		v = -v
	}
	return v
}

func (l *lexer) literal() string {
	var out []byte
	depth := 1
	start := l.pos
	simple := true
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				if simple {
					s := l.view(start, l.pos)
					l.pos++
					return s
				}
				l.pos++
				return l.keepOut(out)
			}
		case '\\':
			if simple {
				out = append(l.room(), l.b[start:l.pos]...)
				simple = false
			}
			l.pos++
			if l.pos >= len(l.b) {
				return l.keepOut(out)
			}
			e := l.b[l.pos]
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				if l.pos+1 < len(l.b) && l.b[l.pos+1] == '\n' {
					l.pos++
				}
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					n := 0
					for k := 0; k < 3 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
						n = n*8 + int(l.b[l.pos]-'0')
						l.pos++
					}
					out = append(out, byte(n))
					continue
				}
				out = append(out, e)
			}
			l.pos++
			continue
		}
		if !simple {
			out = append(out, c)
		}
		l.pos++
	}
	if simple {
		return l.view(start, l.pos)
	}
	return l.keepOut(out)
}

// keepOut returns bytes decoded after the end of l.chunk as a string. When
// they were appended in place (they fitted the chunk's capacity), the chunk
// just grows over them; otherwise they are kept like any other bytes.
func (l *lexer) keepOut(out []byte) string {
	if len(out) == 0 {
		return ""
	}
	n := len(l.chunk)
	if cap(l.chunk) > n && &l.chunk[:n+1][n] == &out[0] {
		l.chunk = l.chunk[:n+len(out)]
		return unsafe.String(&out[0], len(out))
	}
	return l.keep(out)
}

func (l *lexer) hex() string {
	out := l.room()
	hi := -1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		d := unhexByte(c)
		if d < 0 {
			continue
		}
		if hi < 0 {
			hi = d
		} else {
			out = append(out, byte(hi<<4|d))
			hi = -1
		}
	}
	if hi >= 0 {
		out = append(out, byte(hi<<4))
	}
	return l.keepOut(out)
}

// skipInlineImage moves past the data of an inline image, from after the
// "ID" operator to after the matching "EI".
func (l *lexer) skipInlineImage() {
	if l.pos < len(l.b) && isWhite(l.b[l.pos]) {
		l.pos++
	}
	for i := l.pos; i+1 < len(l.b); i++ {
		if l.b[i] == 'E' && l.b[i+1] == 'I' && (i == 0 || isWhite(l.b[i-1])) && (i+2 >= len(l.b) || isWhite(l.b[i+2])) {
			l.pos = i + 2
			return
		}
	}
	l.pos = len(l.b)
}
