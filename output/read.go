package output

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/agreements/agreements/agreement"
)

// ErrNotRecords is returned when bytes are not a record file.
var ErrNotRecords = errors.New("not a record file (NDJSON, JSON array, or the CSV or xlsx this tool writes)")

// LooksLikeRecords reports whether b starts like a record file: a JSON
// object or array, the CSV header this tool writes, or a workbook whose
// first sheet is the records sheet this tool writes.
func LooksLikeRecords(b []byte) bool {
	return SniffRecords(b) != ""
}

// SniffRecords returns the format of a record file (FormatNDJSON for any
// JSON object stream, FormatJSON, FormatCSV), or "" when b is not one. A
// zip archive is "": the xlsx workbook this tool writes is sniffed by
// package output/workbook, which reads it.
func SniffRecords(b []byte) string {
	if IsZip(b) {
		return ""
	}
	s := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case len(s) == 0:
		return ""
	case s[0] == '{':
		return FormatNDJSON
	case s[0] == '[':
		return FormatJSON
	case isCSVHeader(s):
		return FormatCSV
	}
	return ""
}

// isCSVHeader reports whether the first line of s is a CSV header naming
// every column this tool writes (in any order, other columns allowed: a
// spreadsheet may have added one).
func isCSVHeader(s []byte) bool {
	line, _, _ := bytes.Cut(s, []byte("\n"))
	if !bytes.Contains(line, []byte("schema")) || !bytes.Contains(line, []byte("source_sha256")) {
		return false
	}
	head, err := csv.NewReader(bytes.NewReader(line)).Read()
	if err != nil {
		return false
	}
	_, err = NewTableReader(head)
	return err == nil
}

// IsZip reports whether b starts as a zip archive (an xlsx workbook is
// one).
func IsZip(b []byte) bool { return bytes.HasPrefix(b, []byte("PK\x03\x04")) }

// ReadRecords reads a record file: NDJSON (one record a line, or any
// stream of JSON objects), a JSON array, or the CSV this tool writes (the
// xlsx workbook is read by package output/workbook). It reads as it goes:
// memory holds the records and one record's text at a time. A record
// without id or partner, text that is not a record, and anything after a
// JSON array are refused; errors name the 1-based line.
func ReadRecords(r io.Reader) ([]agreement.Record, error) {
	return ReadRecordsSized(r, 0)
}

// ReadRecordsSized is ReadRecords with room made at once for about n
// records (more are read too, fewer leave room unused): a slice that
// grows as a large file is read holds its records about twice at the end,
// the old array and the new.
func ReadRecordsSized(r io.Reader, n int) ([]agreement.Record, error) {
	recs := make([]agreement.Record, 0, max(n, 0))
	err := eachRecord(r, func(rec agreement.Record) error {
		recs = append(recs, rec)
		return nil
	}, true)
	if err != nil {
		return nil, err
	}
	return recs, nil
}

// interner keeps one copy of the strings that repeat from record to
// record (the home institution, the country, the source file and its
// digest, dates), and of the lists of flags and repairs, so that records
// kept in memory share them. A shared list has no room to grow: appending
// to one copies it.
type interner struct {
	strs     map[string]string
	lists    map[string][]string
	key      []byte
	last     [lastSlots]string // each shared field's last value (see fastParser.str)
	lastList [2]struct {       // flags' and repairs' last value, and its key
		key  string
		list []string
	}
}

// lastSlots is the number of shared fields fastParser.str remembers.
const lastSlots = 15

// maxInterned bounds the strings an interner keeps, and the lists.
const maxInterned = 1 << 16

func newInterner() *interner {
	return &interner{strs: map[string]string{}, lists: map[string][]string{}}
}

func (in *interner) string(s *string) {
	if v, ok := in.strs[*s]; ok {
		*s = v
	} else if len(in.strs) < maxInterned {
		in.strs[*s] = *s
	}
}

// list interns a list of strings as a whole, by its elements joined with
// a byte no element holds.
func (in *interner) list(l *[]string) {
	if len(*l) == 0 {
		return // nil and empty stay as they are: they encode differently
	}
	in.key = in.key[:0]
	for _, s := range *l {
		if strings.IndexByte(s, 0) >= 0 {
			return
		}
		in.key = append(append(in.key, s...), 0)
	}
	if v, ok := in.lists[string(in.key)]; ok {
		*l = v
		return
	}
	for i := range *l {
		in.string(&(*l)[i])
	}
	if len(in.lists) < maxInterned {
		*l = slices.Clip(*l)
		in.lists[string(in.key)] = *l
	}
}

func (in *interner) record(r *agreement.Record) {
	for _, s := range []*string{&r.Schema, &r.HomeInstitution, &r.Level, &r.Region, &r.Country, &r.CountryCode,
		&r.PartnerUnit, &r.HomeUnit, &r.Signed, &r.AgreementType, &r.ValidUntil, &r.AsOf, &r.Source.File, &r.Source.SHA256, &r.Source.Format} {
		in.string(s)
	}
	in.list(&r.Flags)
	in.list(&r.Repairs)
}

// EachRecord reads a record file as ReadRecords does, calling fn with each
// record in order; an error from fn stops the read and is returned.
func EachRecord(r io.Reader, fn func(agreement.Record) error) error {
	return eachRecord(r, fn, false)
}

// eachRecord is EachRecord; with parallel, the records of a JSON file
// past its first few thousand are decoded on every core (see decoder),
// which takes about half as long again in CPU and a fifth less time on
// two cores: ReadRecords, which holds every record for a command that
// then works on them all, reads so; EachRecord, whose callers keep a
// digest of each record, does not.
func eachRecord(r io.Reader, fn func(agreement.Record) error, parallel bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	in := newInterner()
	if head, _ := br.Peek(4); IsZip(head) {
		return fmt.Errorf("%w: a zip archive (the xlsx workbook this tool writes is read by package output/workbook)", ErrNotRecords)
	}
	first, skipped, err := firstNonSpace(br)
	if err != nil {
		return err
	}
	if first != '{' && first != '[' {
		return readCSV(br, func(rec agreement.Record) error {
			in.record(&rec)
			return fn(rec)
		})
	}
	d := &decoder{fn: fn, oneAtATime: !parallel, in: in}
	if first == '{' {
		return readLines(br, skipped, d)
	}
	return readJSON(br, first == '[', skipped, d)
}

// readLines reads a stream of JSON records one a line as long as each
// line is one record of the common shape (see fastRecord), and the rest
// of the stream, from the first line that is not, as readJSON does; lines
// is the number of lines before br.
func readLines(br *bufio.Reader, lines int, d *decoder) error {
	for {
		if d.n == parallelAfter && !d.oneAtATime && runtime.GOMAXPROCS(0) > 1 {
			return readLinesParallel(br, lines, d)
		}
		line, err := br.ReadSlice('\n')
		switch {
		case err == nil, errors.Is(err, io.EOF):
		case errors.Is(err, bufio.ErrBufferFull):
			return readJSON(slowRest(line, br), false, lines, d)
		default:
			return readJSON(slowRest(line, errReader{err}), false, lines, d)
		}
		if text := bytes.TrimLeft(line, " \t\r\n"); len(text) > 0 {
			var rec agreement.Record
			if !d.in.fastRecord(line, &rec) {
				// A line of one record that is not of the common shape
				// is read as encoding/json reads it; the rest of the
				// stream is, from any other line on.
				rec = agreement.Record{}
				if text[0] != '{' || json.Unmarshal(line, &rec) != nil {
					return readJSON(slowRest(line, br), false, lines, d)
				}
				d.in.record(&rec)
			}
			if err := check(&rec); err != nil {
				return &RecordError{Line: lines + 1, Err: err}
			}
			if err := d.fn(rec); err != nil {
				return err
			}
			d.n++
		}
		if err != nil {
			return nil // the end of the file
		}
		lines++
	}
}

// slowRest is the stream from line (a copy of it) on, for readJSON.
func slowRest(line []byte, rest io.Reader) *bufio.Reader {
	return bufio.NewReaderSize(io.MultiReader(bytes.NewReader(bytes.Clone(line)), rest), 64<<10)
}

// errReader is a reader that fails.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// maxRecord bounds the text of one JSON record, so that a file that is
// not a record file (one line of hundreds of megabytes) is refused
// without being held.
const maxRecord = 16 << 20

// errRecordTooLarge ends a JSON record over maxRecord. It is a value
// whose text is made when it is said, not at every start of the program.
var errRecordTooLarge error = recordTooLarge{}

// recordTooLarge is the error of a JSON record over maxRecord: a kind of
// ErrNotRecords.
type recordTooLarge struct{}

func (recordTooLarge) Error() string {
	return ErrNotRecords.Error() + ": a record of more than " + strconv.Itoa(maxRecord>>20) + " MiB"
}

func (recordTooLarge) Unwrap() error { return ErrNotRecords }

// readJSON reads a stream of JSON records, or a JSON array of them, one
// record at a time; lines is the number of lines before br. Unless d is
// one at a time, records past the first few thousand are decoded on every
// core (see decoder), d.fn still called with each in order, and the first
// error in the file's order is the one returned.
func readJSON(br *bufio.Reader, array bool, lines int, d *decoder) error {
	err := scanJSON(br, array, lines, d)
	if derr := d.close(); derr != nil {
		return derr // an earlier record's error, or fn's
	}
	return err
}

// scanJSON is readJSON, each record handed to d.
func scanJSON(br *bufio.Reader, array bool, lines int, d *decoder) error {
	lr := &lineReader{r: br, line: lines}
	dec := json.NewDecoder(lr)
	if array {
		if _, err := dec.Token(); err != nil { // the '[' firstNonSpace saw
			return jsonError(lr.lineAt(dec.InputOffset()), err)
		}
	}
	for {
		if !dec.More() {
			line := lr.lineAt(dec.InputOffset())
			tok, err := dec.Token()
			switch {
			case !array && errors.Is(err, io.EOF):
				return nil
			case array && tok == json.Delim(']'):
				// Only white space may follow the array.
				if _, err := dec.Token(); !errors.Is(err, io.EOF) {
					return &RecordError{Line: lr.lineAt(dec.InputOffset()), Err: fmt.Errorf("%w: text after the end of the JSON array", ErrNotRecords)}
				}
				return nil
			case array && errors.Is(err, io.EOF):
				return &RecordError{Line: line, Err: fmt.Errorf("%w: the JSON array is not closed: the file may be cut short", ErrNotRecords)}
			case err != nil:
				return jsonError(line, err)
			}
			return &RecordError{Line: line, Err: fmt.Errorf("%w: a lone %q, not a record", ErrNotRecords, fmt.Sprint(tok))}
		}
		lr.start = lr.read
		skip, next := skipSeparator(dec.Buffered())
		line := lr.lineAt(dec.InputOffset() + skip)
		if next != 0 && next != '{' && validStart(next) {
			return &RecordError{Line: line, Err: fmt.Errorf("%w: %s, where a record (a JSON object) belongs", ErrNotRecords, jsonKind(next))}
		}
		if err := d.record(dec, line); err != nil {
			return err
		}
	}
}

// Decoding on every core: the reading goroutine finds each record's text
// (json.Decoder into a json.RawMessage, which checks its syntax and says
// where it ends), workers decode batches of them into records, and one
// goroutine hands the records to fn in order. A record's type error or
// missing field is that record's, as when read one at a time.
const (
	parallelAfter = 4096 // records read one at a time first: small files start no goroutines
	batchSize     = 256
)

// decoder decodes the records scanJSON finds and hands them to fn.
type decoder struct {
	fn         func(agreement.Record) error
	in         *interner // the strings and lists records share
	oneAtATime bool      // never on every core
	n          int       // records read one at a time
	parallel   bool
	batch      []rawRecord
	jobs       chan *recordBatch
	pending    chan *recordBatch // in the file's order
	done       chan struct{}     // closed when the collector has ended
	failed     atomic.Bool       // the collector met an error: stop reading
	err        error             // the collector's first error
	workers    sync.WaitGroup
}

type rawRecord struct {
	text []byte
	line int
}

type recordBatch struct {
	raw   []rawRecord
	recs  []agreement.Record
	errs  []error
	ready chan struct{}
}

// errStop ends the reading once the collector has met an error, which
// close returns.
var errStop = errors.New("stopped")

// record decodes the next record of dec, which starts on line.
func (d *decoder) record(dec *json.Decoder, line int) error {
	if !d.parallel {
		var rec agreement.Record
		if err := dec.Decode(&rec); err != nil {
			return jsonError(line, err)
		}
		if err := check(&rec); err != nil {
			return &RecordError{Line: line, Err: err}
		}
		d.in.record(&rec)
		if err := d.fn(rec); err != nil {
			return err
		}
		if d.n++; d.n == parallelAfter && !d.oneAtATime && runtime.GOMAXPROCS(0) > 1 {
			d.start()
		}
		return nil
	}
	if d.failed.Load() {
		return errStop
	}
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return jsonError(line, err)
	}
	d.batch = append(d.batch, rawRecord{text: raw, line: line})
	if len(d.batch) == batchSize {
		d.send()
	}
	return nil
}

// start starts the workers and the collector.
func (d *decoder) start() {
	workers := runtime.GOMAXPROCS(0)
	d.parallel = true
	d.jobs = make(chan *recordBatch, 2*workers)
	d.pending = make(chan *recordBatch, 4*workers)
	d.done = make(chan struct{})
	for range workers {
		d.workers.Add(1)
		go func() {
			defer d.workers.Done()
			for b := range d.jobs {
				b.recs = make([]agreement.Record, len(b.raw))
				b.errs = make([]error, len(b.raw))
				for i, r := range b.raw {
					if err := json.Unmarshal(r.text, &b.recs[i]); err != nil {
						b.errs[i] = jsonError(r.line, err)
					} else if err := check(&b.recs[i]); err != nil {
						b.errs[i] = &RecordError{Line: r.line, Err: err}
					}
				}
				b.raw = nil
				close(b.ready)
			}
		}()
	}
	go func() {
		defer close(d.done)
		for b := range d.pending {
			<-b.ready
			for i := range b.recs {
				if d.err != nil {
					break
				}
				if d.err = b.errs[i]; d.err == nil {
					d.in.record(&b.recs[i])
					d.err = d.fn(b.recs[i])
				}
				if d.err != nil {
					d.failed.Store(true)
				}
			}
		}
	}()
}

// send hands the batch read so far to the workers.
func (d *decoder) send() {
	b := &recordBatch{raw: d.batch, ready: make(chan struct{})}
	d.batch = make([]rawRecord, 0, batchSize)
	d.pending <- b
	d.jobs <- b
}

// close waits for the records read so far to be handed to fn and returns
// the first error among them (a record's, or fn's).
func (d *decoder) close() error {
	if !d.parallel {
		return nil
	}
	if len(d.batch) > 0 {
		d.send()
	}
	close(d.jobs)
	close(d.pending)
	<-d.done
	d.workers.Wait()
	return d.err
}

// skipSeparator counts the bytes of r before the next value (the comma
// between two elements of an array, white space) and returns the value's
// first byte, 0 when r ends first.
func skipSeparator(r io.Reader) (int64, byte) {
	br, ok := r.(io.ByteReader)
	if !ok {
		return 0, 0
	}
	n := int64(0)
	for {
		c, err := br.ReadByte()
		if err != nil {
			return n, 0
		}
		switch c {
		case ',', ' ', '\t', '\r', '\n':
			n++
			continue
		}
		return n, c
	}
}

// validStart reports whether c can start a JSON value other than an
// object.
func validStart(c byte) bool {
	return c == '[' || c == '"' || c == 't' || c == 'f' || c == 'n' || c == '-' || '0' <= c && c <= '9'
}

// RecordError is a record file's error with the 1-based line it is on.
type RecordError struct {
	Line int
	Err  error
}

func (e *RecordError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

func (e *RecordError) Unwrap() error { return e.Err }

// jsonError says what a JSON decoding error means for a record file,
// without the decoder's terms.
func jsonError(line int, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, errRecordTooLarge):
		err = errRecordTooLarge
	case errors.As(err, &syn):
		err = fmt.Errorf("%w: not JSON (%s)", ErrNotRecords, syn.Error())
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "the record"
		} else {
			field = "field " + strconv.Quote(field)
		}
		err = fmt.Errorf("%w: %s holds a JSON %s, not %s", ErrNotRecords, field, typ.Value, goKind(typ.Type.Kind()))
	case errors.Is(err, io.ErrUnexpectedEOF):
		err = fmt.Errorf("%w: the file ends inside a record: it may be cut short", ErrNotRecords)
	default:
		var pe *fs.PathError
		if !errors.As(err, &pe) {
			err = fmt.Errorf("%w: %v", ErrNotRecords, err)
		}
	}
	return &RecordError{Line: line, Err: err}
}

func jsonKind(c byte) string {
	switch c {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "a number"
}

func goKind(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "a whole number"
	case reflect.Slice:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return k.String()
}

// lineReader counts the lines of what a json.Decoder reads, so that a
// record's offset can be turned into its line, keeping only the offsets
// of the newlines the decoder has read ahead. It also bounds the text of
// one record.
type lineReader struct {
	r     io.Reader
	read  int64   // bytes read
	start int64   // where the current record's reading began
	nls   []int64 // offsets of the newlines read and not yet passed
	line  int     // newlines passed
}

func (l *lineReader) Read(p []byte) (int, error) {
	if l.read-l.start > maxRecord {
		return 0, errRecordTooLarge
	}
	if len(p) > lineReaderChunk {
		p = p[:lineReaderChunk] // so that the bound is checked as a record grows
	}
	n, err := l.r.Read(p)
	b := p[:n]
	for off := 0; ; {
		i := bytes.IndexByte(b[off:], '\n')
		if i < 0 {
			break
		}
		l.nls = append(l.nls, l.read+int64(off+i))
		off += i + 1
	}
	l.read += int64(n)
	return n, err
}

// lineReaderChunk is the most one Read of a lineReader reads.
const lineReaderChunk = 64 << 10

// lineAt returns the 1-based line of the byte at offset o. The offsets
// asked for must not decrease.
func (l *lineReader) lineAt(o int64) int {
	i := 0
	for i < len(l.nls) && l.nls[i] < o {
		i++
	}
	l.line += i
	l.nls = l.nls[i:]
	return l.line + 1
}

func check(r *agreement.Record) error {
	if r.Schema != agreement.Schema {
		return fmt.Errorf("%w: schema %q, want %q", ErrNotRecords, r.Schema, agreement.Schema)
	}
	if r.ID == "" {
		return fmt.Errorf("%w: a record without id", ErrNotRecords)
	}
	if r.Partner == "" {
		return fmt.Errorf("%w: a record without partner", ErrNotRecords)
	}
	if r.Flags == nil {
		r.Flags = []string{}
	}
	if r.Repairs == nil {
		r.Repairs = []string{}
	}
	return nil
}

// firstNonSpace returns the first byte of br after white space and a
// byte order mark, left unread, and how many lines it skipped.
func firstNonSpace(br *bufio.Reader) (byte, int, error) {
	lines := 0
	for {
		b, err := br.ReadByte()
		if err != nil {
			if err == io.EOF {
				return 0, 0, fmt.Errorf("%w: empty", ErrNotRecords)
			}
			return 0, 0, err
		}
		switch b {
		case '\n':
			lines++
			continue
		case ' ', '\t', '\r', 0xef, 0xbb, 0xbf:
			continue
		}
		return b, lines, br.UnreadByte()
	}
}
