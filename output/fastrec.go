package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/agreements/agreements/agreement"
)

// The common shape of a record line, decoded without encoding/json: an
// object of the record's fields by their exact names, strings without
// escapes, whole numbers, true or false, lists of strings. Anything else
// (an escape, null, an unknown or differently spelt name, a fraction, a
// byte that is not UTF-8, a syntax error) is not decoded here but by
// encoding/json, whose reading of it is the one the record gets, errors
// and all: what is decoded here is what encoding/json would decode, and
// strings that repeat from record to record are looked up in the
// interner without being copied first.

// fastRecord decodes line (one record and white space) into rec, and
// reports whether it could.
func (in *interner) fastRecord(line []byte, rec *agreement.Record) bool {
	p := fastParser{b: line, in: in}
	p.space()
	if !p.byte('{') || !p.object(func(key []byte) bool { return p.recordField(key, rec) }) {
		return false
	}
	p.space()
	return p.i == len(p.b)
}

type fastParser struct {
	b  []byte
	i  int
	in *interner
}

func (p *fastParser) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\r', '\n':
			p.i++
			continue
		}
		return
	}
}

// byte consumes c after white space.
func (p *fastParser) byte(c byte) bool {
	p.space()
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// object reads the members of an object whose '{' is read, calling field
// with each name, the parser then at its value.
func (p *fastParser) object(field func(key []byte) bool) bool {
	if p.byte('}') {
		return true
	}
	for {
		p.space()
		key, ok := p.rawString()
		if !ok || !p.byte(':') {
			return false
		}
		p.space()
		if !field(key) {
			return false
		}
		if p.byte(',') {
			continue
		}
		return p.byte('}')
	}
}

// rawString reads a string without control characters or bytes that are
// not UTF-8, and no escapes but the one-letter ones, returning its bytes
// (part of the line when it has no escape).
func (p *fastParser) rawString() ([]byte, bool) {
	if p.i >= len(p.b) || p.b[p.i] != '"' {
		return nil, false
	}
	start := p.i + 1
	ascii := true
	for j := start; j < len(p.b); j++ {
		switch c := p.b[j]; {
		case c == '"':
			s := p.b[start:j]
			if !ascii && !utf8.Valid(s) {
				return nil, false
			}
			p.i = j + 1
			return s, true
		case c == '\\':
			return p.escaped(start)
		case c < 0x20:
			return nil, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return nil, false
}

// str reads a string value into s; a field that repeats from record to
// record (slot ≥ 0) is compared with the field's last value first, then
// interned.
func (p *fastParser) str(s *string, slot int) bool {
	b, ok := p.rawString()
	if !ok {
		return false
	}
	switch {
	case slot < 0:
		*s = string(b)
	case string(b) == p.in.last[slot]:
		*s = p.in.last[slot]
	default:
		*s = p.in.bytes(b)
		p.in.last[slot] = *s
	}
	return true
}

// list reads a list of strings into l, interned as a whole; slot is the
// field's, for its last value.
func (p *fastParser) list(l *[]string, slot int) bool {
	if !p.byte('[') {
		return false
	}
	var elems [8][]byte
	items := elems[:0]
	if !p.byte(']') {
		for {
			p.space()
			b, ok := p.rawString()
			if !ok {
				return false
			}
			items = append(items, b)
			if p.byte(',') {
				continue
			}
			if !p.byte(']') {
				return false
			}
			break
		}
	}
	*l = p.in.byteList(items, slot)
	return true
}

// int reads a whole number that fits an int without question.
func (p *fastParser) int(v *int) bool {
	i, neg := p.i, false
	if i < len(p.b) && p.b[i] == '-' {
		neg, i = true, i+1
	}
	start, n := i, 0
	for i < len(p.b) && '0' <= p.b[i] && p.b[i] <= '9' {
		n = n*10 + int(p.b[i]-'0')
		i++
	}
	digits := i - start
	if digits == 0 || digits > 18 || digits > 1 && p.b[start] == '0' {
		return false
	}
	if i < len(p.b) && (p.b[i] == '.' || p.b[i] == 'e' || p.b[i] == 'E') {
		return false
	}
	if neg {
		n = -n
	}
	*v, p.i = n, i
	return true
}

func (p *fastParser) bool(v *bool) bool {
	switch {
	case len(p.b)-p.i >= 4 && string(p.b[p.i:p.i+4]) == "true":
		*v, p.i = true, p.i+4
	case len(p.b)-p.i >= 5 && string(p.b[p.i:p.i+5]) == "false":
		*v, p.i = false, p.i+5
	default:
		return false
	}
	return true
}

func (p *fastParser) recordField(key []byte, r *agreement.Record) bool {
	switch string(key) {
	case "schema":
		return p.str(&r.Schema, 0)
	case "id":
		return p.str(&r.ID, -1)
	case "home_institution":
		return p.str(&r.HomeInstitution, 1)
	case "level":
		return p.str(&r.Level, 2)
	case "region":
		return p.str(&r.Region, 3)
	case "country":
		return p.str(&r.Country, 4)
	case "country_code":
		return p.str(&r.CountryCode, 5)
	case "partner":
		return p.str(&r.Partner, -1)
	case "partner_unit":
		return p.str(&r.PartnerUnit, 6)
	case "home_unit":
		return p.str(&r.HomeUnit, 7)
	case "signed":
		return p.str(&r.Signed, 8)
	case "fee_waiver":
		return p.bool(&r.FeeWaiver)
	case "agreement_type":
		return p.str(&r.AgreementType, 9)
	case "valid_until":
		return p.str(&r.ValidUntil, 10)
	case "flags":
		return p.list(&r.Flags, 0)
	case "partner_alt":
		return p.str(&r.PartnerAlt, -1)
	case "as_of":
		return p.str(&r.AsOf, 11)
	case "repairs":
		return p.list(&r.Repairs, 1)
	case "source":
		if !p.byte('{') {
			return false
		}
		s := &r.Source
		return p.object(func(key []byte) bool {
			switch string(key) {
			case "file":
				return p.str(&s.File, 12)
			case "sha256":
				return p.str(&s.SHA256, 13)
			case "format":
				return p.str(&s.Format, 14)
			case "page":
				return p.int(&s.Page)
			case "row":
				return p.int(&s.Row)
			}
			return false
		})
	}
	return false
}

// bytes returns the interned copy of b, copying it into the interner
// when there is room.
func (in *interner) bytes(b []byte) string {
	if v, ok := in.strs[string(b)]; ok {
		return v
	}
	s := string(b)
	if len(in.strs) < maxInterned {
		in.strs[s] = s
	}
	return s
}

// byteList is list for elements still in the line: an empty list is
// empty and not nil, as encoding/json reads [].
func (in *interner) byteList(items [][]byte, slot int) []string {
	if len(items) == 0 {
		return []string{}
	}
	in.key = in.key[:0] // no element holds a 0 byte: rawString refuses control characters
	for _, b := range items {
		in.key = append(append(in.key, b...), 0)
	}
	last := &in.lastList[slot]
	if string(in.key) == last.key && last.list != nil {
		return last.list
	}
	if v, ok := in.lists[string(in.key)]; ok {
		last.key, last.list = string(in.key), v
		return v
	}
	l := make([]string, len(items))
	for i, b := range items {
		l[i] = in.bytes(b)
	}
	if len(in.lists) < maxInterned {
		in.lists[string(in.key)] = l
		last.key, last.list = string(in.key), l
	}
	return l
}

// escaped is rawString for a string that starts at start and holds an
// escape: its bytes unescaped, in a new array.
func (p *fastParser) escaped(start int) ([]byte, bool) {
	out := make([]byte, 0, 64)
	for j := start; j < len(p.b); j++ {
		c := p.b[j]
		switch {
		case c == '"':
			if !utf8.Valid(out) {
				return nil, false
			}
			p.i = j + 1
			return out, true
		case c < 0x20:
			return nil, false
		case c != '\\':
			out = append(out, c)
			continue
		}
		if j++; j >= len(p.b) {
			return nil, false
		}
		switch p.b[j] {
		case '"', '\\', '/':
			out = append(out, p.b[j])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		default: // \u, or not an escape
			return nil, false
		}
	}
	return nil, false
}

// Lines past the first few thousand are decoded on every core: the
// reading goroutine cuts the stream into batches of lines, workers decode
// each batch (fastRecord, or encoding/json for a line of one record of
// another shape), and one goroutine checks the records and hands them to
// fn in the file's order. At the first line that is not one record, the
// rest of the stream from that line on (the lines read ahead, then the
// rest of the file) is read as readJSON reads it.

// lineBatch is a run of lines of the stream.
type lineBatch struct {
	text  []byte // the lines, one after another
	ends  []int  // where each line of text ends
	lines int    // the lines before the first
	recs  []agreement.Record
	kinds []lineKind
	ready chan struct{}
}

type lineKind uint8

const (
	blankLine  lineKind = iota // white space only
	recordLine                 // one record, in recs
	otherLine                  // anything else: read from here on by readJSON
)

func (b *lineBatch) line(i int) []byte {
	start := 0
	if i > 0 {
		start = b.ends[i-1]
	}
	return b.text[start:b.ends[i]]
}

// decode decodes the lines of b up to the first that is not blank or one
// record.
func (b *lineBatch) decode(in *interner) {
	b.recs = make([]agreement.Record, len(b.ends))
	b.kinds = make([]lineKind, len(b.ends))
	for i := range b.ends {
		line := b.line(i)
		text := bytes.TrimLeft(line, " \t\r\n")
		switch {
		case len(text) == 0:
			b.kinds[i] = blankLine
			continue
		case in.fastRecord(line, &b.recs[i]):
		default:
			b.recs[i] = agreement.Record{}
			if text[0] != '{' || json.Unmarshal(line, &b.recs[i]) != nil {
				b.kinds[i] = otherLine
				return
			}
			in.record(&b.recs[i])
		}
		b.kinds[i] = recordLine
	}
}

// linePool decodes batches of lines on every core.
type linePool struct {
	fn      func(agreement.Record) error
	jobs    chan *lineBatch
	pending chan *lineBatch // in the file's order
	done    chan struct{}   // closed when the collector has ended
	stopped atomic.Bool     // the collector met an error or an other line
	err     error           // the collector's first error
	rest    []byte          // from the other line on, the lines read ahead
	restAt  int             // the lines before rest
	other   bool            // an other line was met
	workers sync.WaitGroup
}

func startLinePool(fn func(agreement.Record) error) *linePool {
	workers := runtime.GOMAXPROCS(0)
	p := &linePool{fn: fn, jobs: make(chan *lineBatch, 2*workers), pending: make(chan *lineBatch, 4*workers), done: make(chan struct{})}
	for range workers {
		p.workers.Go(func() {
			in := newInterner()
			for b := range p.jobs {
				b.decode(in)
				close(b.ready)
			}
		})
	}
	go func() {
		defer close(p.done)
		for b := range p.pending {
			<-b.ready
			p.collect(b)
		}
	}()
	return p
}

// collect hands the records of b to fn, or keeps its lines once the
// collector has stopped at an other line.
func (p *linePool) collect(b *lineBatch) {
	for i := range b.ends {
		switch {
		case p.other:
			p.rest = append(p.rest, b.line(i)...)
			continue
		case p.err != nil:
			return
		}
		switch b.kinds[i] {
		case blankLine:
			continue
		case otherLine:
			p.other, p.restAt = true, b.lines+i
			p.rest = append(p.rest, b.line(i)...)
			p.stopped.Store(true)
			continue
		}
		rec := &b.recs[i]
		if err := check(rec); err != nil {
			p.err = &RecordError{Line: b.lines + i + 1, Err: err}
		} else {
			p.err = p.fn(*rec)
		}
		if p.err != nil {
			p.stopped.Store(true)
		}
	}
}

func (p *linePool) send(b *lineBatch) {
	b.ready = make(chan struct{})
	p.pending <- b
	p.jobs <- b
}

// close waits for the batches sent to be collected.
func (p *linePool) close() {
	close(p.jobs)
	close(p.pending)
	<-p.done
	p.workers.Wait()
}

// readLinesParallel is readLines on every core; lines is the number of
// lines before br.
func readLinesParallel(br *bufio.Reader, lines int, d *decoder) error {
	p := startLinePool(d.fn)
	var tail io.Reader // the stream from a line too long for br, or a read error, on
	tailAt := 0
	b := &lineBatch{lines: lines}
	for tail == nil && !p.stopped.Load() {
		line, err := br.ReadSlice('\n')
		switch {
		case err == nil, errors.Is(err, io.EOF):
		case errors.Is(err, bufio.ErrBufferFull):
			tail, tailAt = io.MultiReader(bytes.NewReader(bytes.Clone(line)), br), lines
			continue
		default:
			tail, tailAt = io.MultiReader(bytes.NewReader(bytes.Clone(line)), errReader{err}), lines
			continue
		}
		if len(line) > 0 {
			b.text = append(b.text, line...)
			b.ends = append(b.ends, len(b.text))
			lines++
		}
		if err != nil {
			break // the end of the file
		}
		if len(b.ends) == batchSize {
			p.send(b)
			b = &lineBatch{lines: lines, text: make([]byte, 0, len(b.text))}
		}
	}
	if len(b.ends) > 0 {
		p.send(b)
	}
	p.close()
	switch {
	case p.err != nil:
		return p.err
	case p.other:
		rest := tail
		if rest == nil {
			rest = br
		}
		return readJSON(bufio.NewReaderSize(io.MultiReader(bytes.NewReader(p.rest), rest), 64<<10), false, p.restAt, &decoder{fn: d.fn, in: d.in, oneAtATime: d.oneAtATime})
	case tail != nil:
		return readJSON(bufio.NewReaderSize(tail, 64<<10), false, tailAt, &decoder{fn: d.fn, in: d.in, oneAtATime: d.oneAtATime})
	}
	return nil
}
