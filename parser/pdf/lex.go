package pdf

// A small lexer for content streams and CMaps. ledongthuc/pdf's Interpret
// panics on inline images and on several malformed-operand shapes and wraps
// every operand in a Value; content streams are the hot path, so they get
// their own allocation-light tokenizer that never panics and always advances.

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
		return operand{kind: opName, s: decodeName(l.b[start:l.pos])}, "", true
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
	word := string(l.b[start:l.pos])
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
	for {
		e, op, ok := l.nextDepth(depth + 1)
		if !ok || op == end {
			return v
		}
		if op != "" {
			if op == "]" || op == ">>" { // mismatched closer: stop here
				return v
			}
			continue // operators inside arrays (malformed): drop
		}
		v.arr = append(v.arr, e)
	}
}

func decodeName(b []byte) string {
	for i := range b {
		if b[i] == '#' {
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
	return string(b)
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
					s := string(l.b[start:l.pos])
					l.pos++
					return s
				}
				l.pos++
				return string(out)
			}
		case '\\':
			if simple {
				out = append(out, l.b[start:l.pos]...)
				simple = false
			}
			l.pos++
			if l.pos >= len(l.b) {
				return string(out)
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
		return string(l.b[start:l.pos])
	}
	return string(out)
}

func (l *lexer) hex() string {
	out := make([]byte, 0, 16)
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
	return string(out)
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
