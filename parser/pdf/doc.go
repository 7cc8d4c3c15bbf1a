package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/agreements/agreements/parser"
)

// Limits that keep hostile input from hanging the reader.
const (
	maxPages       = 20000
	maxTreeDepth   = 64
	maxFormDepth   = 12
	maxStreamBytes = 64 << 20
	maxOpsPerPage  = 4_000_000
	maxGlyphsPage  = 400_000
	// maxCompressedObjects is how many objects in object streams the
	// library reads in reasonable time (see openDocument).
	maxCompressedObjects = 2000
)

// document is an open PDF with the caches its pages share.
type document struct {
	name   string
	r      *lpdf.Reader
	pages  []pageRef
	visits int // page tree nodes visited

	seen     map[uint32]bool // page tree nodes met, by object number
	repairs  []string        // what reading the page tree had to skip
	pagesCut int             // pages past maxPages, not read

	mu    sync.Mutex
	fonts map[string]*font // by the font dictionary's printed form
}

// openDocument opens b with ledongthuc/pdf, turning its panics and errors
// into *parser.Error.
func openDocument(name string, b []byte, password string) (*document, error) {
	return openDocumentAt(name, b, password, nil)
}

// openDocumentAt is openDocument for bytes that at holds too: when the
// document opens from b as it is (no object streams decoded into new
// bytes, no rewrite), the library reads its objects from at, and b is not
// kept.
func openDocumentAt(name string, b []byte, password string, at io.ReaderAt) (d *document, err error) {
	defer func() {
		if r := recover(); r != nil {
			d, err = nil, &parser.Error{File: name, Err: fmt.Errorf("%w: %s", parser.ErrMalformed, panicText(r))}
		}
	}()
	if len(b) == 0 {
		return nil, &parser.Error{File: name, Err: parser.ErrEmpty}
	}
	if xrefCycle(b) {
		return nil, &parser.Error{File: name, Err: fmt.Errorf("%w: cross-reference sections form a cycle", parser.ErrMalformed)}
	}
	var mended bool // a rewrite gave a stream with a wrong /Length its whole data
	compressed, err := checkXref(b)
	if err == nil {
		if nb, ok := decodeStructStreams(b); ok {
			// Checked again: the object streams the sections could not
			// show decoded.
			if compressed, err = checkXref(nb); err == nil {
				b, at = nb, nil
			}
		}
	}
	if err != nil {
		return nil, &parser.Error{File: name, Err: fmt.Errorf("%w: %w", parser.ErrMalformed, err)}
	}
	if compressed > maxCompressedObjects {
		// The library parses an object stream anew for every object it
		// looks up in it: thousands of pages in one would take hours.
		// Each written out as an object of its own, they read in
		// seconds; a file whose streams cannot be split so (an encrypted
		// one) is written again by the rewrite.
		expanded := false
		if nb, ok := expandObjectStreams(b); ok {
			if _, err := checkXref(nb); err == nil {
				b, at, expanded = nb, nil, true
			}
		}
		if !expanded {
			nb, m, err := rewrite(b, password)
			if errors.Is(err, parser.ErrNotInBuild) {
				return nil, &parser.Error{File: name, Err: err}
			}
			if err == nil {
				b, at, mended = nb, nil, m
			}
		}
	}
	var src io.ReaderAt = bytes.NewReader(b)
	if at != nil {
		src = at
	}
	r, err := newReader(src, int64(len(b)), password)
	if err != nil {
		return nil, &parser.Error{File: name, Err: openError(err)}
	}
	d = &document{name: name, r: r, fonts: map[string]*font{}, seen: map[uint32]bool{}}
	if mended {
		d.note(repairStreamLength)
	}
	root := r.Trailer().Key("Root")
	if root.Kind() != lpdf.Dict {
		return nil, &parser.Error{File: name, Err: fmt.Errorf("%w: no document catalog", parser.ErrMalformed)}
	}
	pages := root.Key("Pages")
	if id, ok := objectID(pages); ok && id != objectIDOrZero(root) {
		d.seen[id] = true
	}
	d.collectPages(pages, pageAttrs{}, 0)
	if !slices.ContainsFunc(d.pages, func(p pageRef) bool { return !p.missing }) {
		if len(d.pages) > 0 && d.pages[0].why != "" {
			// Pages are listed, and none can be read: say why the first
			// cannot.
			return nil, &parser.Error{File: name, Err: fmt.Errorf("%w that can be read: page 1: %s", parser.ErrNoPages, d.pages[0].why)}
		}
		return nil, &parser.Error{File: name, Err: parser.ErrNoPages}
	}
	return d, nil
}

// newReader opens the size bytes of src with the library: with the empty
// user password, and when that does not open it, with password (when one
// is given).
func newReader(src io.ReaderAt, size int64, password string) (*lpdf.Reader, error) {
	if password == "" {
		return lpdf.NewReader(src, size)
	}
	tried := false
	return lpdf.NewReaderEncrypted(src, size, func() string {
		if tried {
			return "" // the library asks until it is given the empty string
		}
		tried = true
		return password
	})
}

// openError says why the library refused a file in terms of the file, not
// of the library's internals, wrapping ErrEncrypted or ErrMalformed.
func openError(err error) error {
	msg := err.Error()
	switch {
	case errors.Is(err, lpdf.ErrInvalidPassword):
		return errNeedsPassword{}
	case isEncryptErr(err):
		return fmt.Errorf("%w: protected by a method this reader does not support (%s)", parser.ErrEncrypted,
			strings.TrimPrefix(msg, "unsupported PDF: "))
	case strings.Contains(msg, "missing %%EOF"), strings.Contains(msg, "startxref"):
		return fmt.Errorf("%w: truncated or damaged PDF (no cross-reference table or %%%%EOF)", parser.ErrMalformed)
	case strings.Contains(msg, "cross-reference table not found"):
		return fmt.Errorf("%w: damaged PDF (its cross-reference table is not where the file says)", parser.ErrMalformed)
	case strings.Contains(msg, "invalid header"):
		return fmt.Errorf("%w: not a PDF file (no %%PDF- header)", parser.ErrMalformed)
	}
	return fmt.Errorf("%w: %s", parser.ErrMalformed, libraryText(msg))
}

// errNeedsPassword is the error of a file the library's check of the
// empty password refused: it wraps parser.ErrEncrypted.
type errNeedsPassword struct{}

func (errNeedsPassword) Error() string {
	return parser.ErrEncrypted.Error() + ": a password is needed to open it"
}

func (errNeedsPassword) Unwrap() error { return parser.ErrEncrypted }

func isEncryptErr(err error) bool {
	if errors.Is(err, lpdf.ErrInvalidPassword) {
		return true
	}
	s := strings.ToLower(err.Error())
	return strings.Contains(s, "encrypt") || strings.Contains(s, "password")
}

// pageAttrs are the attributes a page inherits from the nodes above it in
// the page tree (null Values where no node sets them).
type pageAttrs struct {
	resources, mediaBox, cropBox, rotate lpdf.Value
}

// over returns a with the attributes that node sets itself.
func (a pageAttrs) over(node lpdf.Value) pageAttrs {
	set := func(dst *lpdf.Value, key string) {
		if v := node.Key(key); !v.IsNull() {
			*dst = v
		}
	}
	set(&a.resources, "Resources")
	set(&a.mediaBox, "MediaBox")
	set(&a.cropBox, "CropBox")
	set(&a.rotate, "Rotate")
	return a
}

// pageRef is a page dictionary with its inherited attributes resolved.
// A page whose object is missing or damaged (a file cut short, its
// cross-reference table rebuilt) keeps its place, so that the pages after
// it keep their numbers, and is reported when read.
type pageRef struct {
	v lpdf.Value
	pageAttrs
	missing bool
	why     string // why a missing page is: "object 12 is not in the file"
}

// errMissingPage is the error of a page whose object is missing or
// damaged.
var errMissingPage = errors.New("the page's object is missing or cannot be read (the file is damaged or cut short)")

// collectPages walks the page tree depth-first, handing inherited
// attributes down, so no page looks its attributes up through /Parent (the
// library parses an object anew on every lookup: a parent with many /Kids
// would cost each page time in proportion to the page count). Every node
// is visited once: a page listed again, or a /Kids entry naming a node
// above it (a cycle), is skipped and named in d.repairs, so a tree of 9 KB
// cannot stand for a hundred thousand pages. The walk is bounded in depth
// and in page count; pages past maxPages are reported in d.pageCap.
func (d *document) collectPages(node lpdf.Value, attrs pageAttrs, depth int) {
	d.visits++
	if d.visits > 4*maxPages || node.Kind() != lpdf.Dict {
		return
	}
	if depth > maxTreeDepth {
		d.note("pdf:page_tree_too_deep")
		return
	}
	attrs = attrs.over(node)
	kids := node.Key("Kids")
	typ := node.Key("Type").Name()
	if typ == "Page" || (typ != "Pages" && kids.Kind() != lpdf.Array) {
		if len(d.pages) >= maxPages {
			d.pagesCut++
			return
		}
		d.pages = append(d.pages, pageRef{v: node, pageAttrs: attrs})
		return
	}
	self, arr := objectIDOrZero(node), objectIDOrZero(kids)
	for i := 0; i < kids.Len(); i++ {
		kid, ok, why := kidAt(kids, i)
		if !ok || kid.Kind() == lpdf.Null {
			if len(d.pages) < maxPages {
				d.pages = append(d.pages, pageRef{missing: true, why: missingWhy(kids, i, why)})
			} else {
				d.pagesCut++
			}
			continue
		}
		id, ok := objectID(kid)
		switch {
		case !ok:
		case id == self && kid.Key("Type").Name() == "Pages":
			// A direct kid carries its parent's number; a node that
			// lists itself does too.
			d.note("pdf:skipped_repeated_page_tree_entries")
			continue
		case id != arr && id != self:
			if d.seen[id] {
				d.note("pdf:skipped_repeated_page_tree_entries")
				continue
			}
			d.seen[id] = true
		}
		d.collectPages(kid, attrs, depth+1)
		if d.visits > 4*maxPages {
			d.note("pdf:page_tree_too_large")
			return
		}
	}
}

// kidAt returns /Kids entry i; false, and why, when the object it names
// cannot be parsed (the library panics on it).
func kidAt(kids lpdf.Value, i int) (v lpdf.Value, ok bool, why string) {
	defer func() {
		if r := recover(); r != nil {
			v, ok, why = lpdf.Value{}, false, panicText(r)
		}
	}()
	return kids.Index(i), true, ""
}

// note adds a document-level repair once.
func (d *document) note(repair string) {
	if !slices.Contains(d.repairs, repair) {
		d.repairs = append(d.repairs, repair)
	}
}

// objectID returns the number of the indirect object v was read from. The
// library keeps it in an unexported field; reflection reads it without
// changing anything. A direct object carries the number of the object it
// stands in.
func objectID(v lpdf.Value) (uint32, bool) {
	f := reflect.ValueOf(v).FieldByName("ptr")
	if !f.IsValid() || f.Kind() != reflect.Struct || f.NumField() == 0 {
		return 0, false
	}
	id := f.Field(0)
	if id.Kind() != reflect.Uint32 {
		return 0, false
	}
	n := uint32(id.Uint())
	return n, n != 0
}

func objectIDOrZero(v lpdf.Value) uint32 {
	id, _ := objectID(v)
	return id
}

func (d *document) title() (t string) {
	defer func() {
		if recover() != nil {
			t = ""
		}
	}()
	v := d.r.Trailer().Key("Info").Key("Title")
	return strings.TrimSpace(strings.ToValidUTF8(strings.ReplaceAll(fixedText(v), "\x00", ""), ""))
}

// errDamagedStream marks a stream that could not be decoded, or decoded
// only in part.
var errDamagedStream = errors.New("damaged")

// streamBuf is what one worker keeps from stream to stream: an inflater,
// and the array the pages' content streams are decoded into. A page's
// content is needed only while the page is read; nothing made of it may
// keep a view of its bytes (a string operand of the content is one:
// strings.Clone what outlives the page).
type streamBuf struct {
	inf       *inflater // nil before the first stream inflated
	inflating bool      // inf is being read
	content   []byte    // the last page's content bytes, for the next page to reuse
	// encTexts are the texts of the standard encodings' names (nameText).
	encTexts map[*[256]string]*encTexts
}

// streamBytes reads a stream (or an array of streams) fully, into an array
// of its own: the caller may keep it. A stream that cannot be decoded (an
// unknown filter, bytes that are not what the filter says, a reference to
// a missing object) yields what could be read of it, possibly nothing, and
// an error wrapping errDamagedStream. sb, when not nil, lends its inflater.
func streamBytes(v lpdf.Value, sb *streamBuf) ([]byte, error) {
	var dst []byte
	if v.Kind() == lpdf.Stream {
		if n := v.Key("Length").Int64(); n > 0 {
			// Content streams inflate about fourfold; a good first guess
			// saves the array's doublings.
			dst = make([]byte, 0, int(min(4*n, 4<<20)))
		}
	}
	return appendStream(dst, v, sb)
}

// contentBytes is streamBytes for a page's content: read into the array
// the worker's last page was read into, which the next page reuses.
//
// Content streams, text and drawing operators, inflate more than other
// streams: over the corpus 99 of 111 more than fourfold, 36 more than
// eightfold, the most 16-fold. An array too small for the page
// would be doubled and copied as it is read, the smaller arrays memory
// touched for nothing; one made at 16 times the stream's length is
// written only as far as the content reaches. The worker's array is made
// again only when it is short of streamBytes's fourfold guess.
func (sb *streamBuf) contentBytes(v lpdf.Value) ([]byte, error) {
	if v.Kind() == lpdf.Stream {
		if n := v.Key("Length").Int64(); n > 0 && int64(cap(sb.content)) < min(4*n, 4<<20) {
			sb.content = make([]byte, 0, int(min(contentInflation*n, 4<<20)))
		}
	}
	b, err := appendStream(sb.content[:0], v, sb)
	if cap(b) > cap(sb.content) {
		sb.content = b[:0]
	}
	return b, err
}

// contentInflation is how many times its length a content stream's array
// is made (see contentBytes).
const contentInflation = 16

// appendStream appends what streamBytes reads of v to dst.
func appendStream(dst []byte, v lpdf.Value, sb *streamBuf) ([]byte, error) {
	return appendStreamUntil(dst, v, sb, nil)
}

// appendStreamUntil is appendStream that stops reading a stream (not an
// array of them) once done, when not nil, says the bytes read so far are
// enough; what it returns of them, and its error, are then what
// appendStream would return of the stream's first bytes up to there.
func appendStreamUntil(dst []byte, v lpdf.Value, sb *streamBuf, done func([]byte) bool) (_ []byte, readErr error) {
	fixed := false // a /Length was wrong (streamlen.go)
	defer func() { readErr = withLength(readErr, fixed) }()
	if v.Kind() == lpdf.Array {
		// Only streams count in an array: an array that holds itself (or
		// other arrays) would recurse without end.
		out, start := dst, len(dst)
		var errs []error
		n := v.Len()
		for i := 0; i < n && i < 10000; i++ {
			e := v.Index(i)
			if e.Kind() != lpdf.Stream {
				if e.Kind() == lpdf.Null {
					errs = append(errs, fmt.Errorf("%w: part %d of %d: the object it names is missing", errDamagedStream, i+1, n))
				}
				continue
			}
			if len(out)-start > maxStreamBytes {
				errs = append(errs, fmt.Errorf("parts %d to %d of %d not read: the parts before decode to more than %d MiB (%w)",
					i+1, n, n, maxStreamBytes>>20, parser.ErrTooLarge))
				break
			}
			var err error
			out, err = appendStream(out, e, sb)
			err = splitLength(err, &fixed)
			if err != nil {
				msg := strings.TrimPrefix(err.Error(), errDamagedStream.Error()+": ")
				errs = append(errs, fmt.Errorf("%w: part %d of %d: %s", errDamagedStream, i+1, n, msg))
			}
			out = append(out, '\n')
		}
		return out, joinUnique(errs)
	}
	if v.Kind() != lpdf.Stream {
		return dst, fmt.Errorf("%w: not a stream but %s", errDamagedStream, kindName(v.Kind()))
	}
	start := len(dst)
	buf := dst
	err := func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = errors.New(panicText(r))
			}
		}()
		rc := streamReader(v, sb) // the library's reader, or filters.go's
		_, fixed = rc.(fixedReader)
		defer rc.Close()
		err = readUntil(&buf, io.LimitReader(rc, maxStreamBytes+1), start, done)
		return err
	}()
	filter := filterName(v)
	read := len(buf) - start
	switch {
	case read > maxStreamBytes:
		return buf[:start+maxStreamBytes], fmt.Errorf("decodes to more than %d MiB; the rest was not read (%w)", maxStreamBytes>>20, parser.ErrTooLarge)
	case err == nil:
		return buf, nil
	case errors.Is(err, errFilter):
		return buf[:start], fmt.Errorf("not read: %w", err)
	case errors.Is(err, zlib.ErrChecksum):
		// The checksum comes after the last byte: the data is all there,
		// but may not be what was written.
		return buf, fmt.Errorf("%w: %s data fails its checksum; read as it decodes", errDamagedStream, filter)
	}
	if read > 0 {
		return buf, fmt.Errorf("%w: %s data cut short after %d bytes: %s", errDamagedStream, filter, read, libraryText(err.Error()))
	}
	return buf[:start], fmt.Errorf("%w: %s data cannot be decoded: %s", errDamagedStream, filter, libraryText(err.Error()))
}

// readUntil appends what r reads to *b, until r's end (io.ReadAll into an
// array given) or, when done is not nil, until done reports that what was
// read, (*b)[start:], is enough; *b holds what was read even when a Read
// panics. The error is r's, nil at its end or once done.
func readUntil(b *[]byte, r io.Reader, start int, done func([]byte) bool) error {
	for {
		if len(*b) == cap(*b) {
			*b = slices.Grow(*b, max(512, cap(*b)))
		}
		n, err := r.Read((*b)[len(*b):cap(*b)])
		*b = (*b)[:len(*b)+max(n, 0)]
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if done != nil && n > 0 && done((*b)[start:]) {
			return nil
		}
	}
}

// filterName names a stream's filters for messages: "FlateDecode",
// "ASCII85Decode+FlateDecode", or "unfiltered".
func filterName(v lpdf.Value) string {
	f := v.Key("Filter")
	switch f.Kind() {
	case lpdf.Name:
		return f.Name()
	case lpdf.Array:
		var names []string
		for i := 0; i < f.Len() && i < 8; i++ {
			names = append(names, f.Index(i).Name())
		}
		return strings.Join(names, "+")
	}
	return "unfiltered"
}

func kindName(k lpdf.ValueKind) string {
	switch k {
	case lpdf.Null:
		return "missing"
	case lpdf.Bool:
		return "a boolean"
	case lpdf.Integer, lpdf.Real:
		return "a number"
	case lpdf.String:
		return "a string"
	case lpdf.Name:
		return "a name"
	case lpdf.Dict:
		return "a dictionary"
	case lpdf.Array:
		return "an array"
	}
	return "an object of another kind"
}

// pageSpace maps user space to the visible page's top-left space.
type pageSpace struct {
	x0, y0, x1, y1 float64 // crop box in user space
	rotate         int     // 0, 90, 180, 270
	w, h           float64 // visible page size after rotation
}

func readRect(v lpdf.Value) (r [4]float64, ok bool) {
	if v.Kind() != lpdf.Array || v.Len() < 4 {
		return r, false
	}
	for i := 0; i < 4; i++ {
		r[i] = v.Index(i).Float64()
	}
	if r[0] > r[2] {
		r[0], r[2] = r[2], r[0]
	}
	if r[1] > r[3] {
		r[1], r[3] = r[3], r[1]
	}
	if r[2]-r[0] < 1 || r[3]-r[1] < 1 || math.IsNaN(r[0]+r[1]+r[2]+r[3]) {
		return r, false
	}
	return r, true
}

func newPageSpace(page pageRef) pageSpace {
	box, ok := readRect(page.mediaBox)
	if !ok {
		box = [4]float64{0, 0, 612, 792}
	}
	if crop, ok := readRect(page.cropBox); ok {
		c := [4]float64{math.Max(box[0], crop[0]), math.Max(box[1], crop[1]), math.Min(box[2], crop[2]), math.Min(box[3], crop[3])}
		if c[2]-c[0] >= 1 && c[3]-c[1] >= 1 {
			box = c
		}
	}
	rot := int(page.rotate.Int64()) % 360
	if rot < 0 {
		rot += 360
	}
	rot = rot / 90 * 90
	s := pageSpace{x0: box[0], y0: box[1], x1: box[2], y1: box[3], rotate: rot}
	s.w, s.h = box[2]-box[0], box[3]-box[1]
	if rot == 90 || rot == 270 {
		s.w, s.h = s.h, s.w
	}
	return s
}

// apply maps a user-space point to the visible page's top-left space.
func (s *pageSpace) apply(x, y float64) (float64, float64) {
	switch s.rotate {
	case 90:
		return y - s.y0, x - s.x0
	case 180:
		return s.x1 - x, y - s.y0
	case 270:
		return s.y1 - y, s.x1 - x
	}
	return x - s.x0, s.y1 - y
}
