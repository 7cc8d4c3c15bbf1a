// Package pdf extracts the raw model from PDF documents. It is the only
// package that imports github.com/ledongthuc/pdf.
//
// The text layer (ReadLayout) interprets page content streams itself, on top
// of ledongthuc/pdf's object model: fonts (simple, Type0/CID, Type3, the
// standard 14), Form XObjects, the graphics state and ruling lines. Words and
// lines are built from glyph geometry, not from content-stream order.
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/agreements/agreements/parser"
)

// Options tune the PDF extractor.
type Options struct {
	// Pages restricts extraction to these 1-based pages; nil means all.
	Pages []int
	// Password opens a file protected by a user password; the empty
	// password is always tried first.
	Password string
	// Reading, when not nil, is told how many pages are about to be
	// read, once the document is open and before any page is: a process
	// may take more processors for several pages than for one (the pages
	// are read a few at a time, one per processor).
	Reading func(pages int)
}

// ReadLayout reads the text layer of a PDF: per page its glyphs, words,
// lines and ruling segments. Pages that cannot be read are left out of the
// layouts and reported as *parser.Error in pageErrs; err is set (a
// *parser.Error) only when the document itself cannot be read.
func ReadLayout(name string, b []byte, opt Options) (pages []PageLayout, pageErrs []error, err error) {
	d, _, err := openRepaired(name, b, opt.Password)
	if err != nil {
		return nil, nil, err
	}
	return d.layouts(opt, nil)
}

// openRepaired opens a document, repairing the bytes first when the reader
// refuses them as they are: the byte-level repairs, then a rewrite by
// pdfcpu ("pdf:rewritten"). When all fail, the error is the reader's on the
// bytes as given.
func openRepaired(name string, b []byte, password string) (*document, []string, error) {
	return openRepairedAt(name, b, password, nil)
}

// openRepairedAt is openRepaired for bytes that at holds too: a document
// that opens from them as they are reads its objects from at (see
// openDocumentAt).
func openRepairedAt(name string, b []byte, password string, at io.ReaderAt) (*document, []string, error) {
	var pre []string
	if fixed, ok := dropExtendsCycles(b); ok {
		b, pre, at = fixed, []string{"pdf:dropped_extends_cycle"}, nil
	}
	d, err := openDocumentAt(name, b, password, at)
	if err == nil || errors.Is(err, parser.ErrEmpty) {
		return d, pre, err
	}
	if !errors.Is(err, parser.ErrEncrypted) {
		var fixed *document
		_, repairs, ok := repairAndOpen(b, func(nb []byte) bool {
			d2, err2 := openDocument(name, nb, password)
			if err2 != nil {
				return false
			}
			fixed = d2
			return true
		})
		if ok {
			return fixed, append(pre, repairs...), nil
		}
	}
	// A file cut short is not rewritten: what pdfcpu makes of the objects
	// that arrived lacks fonts and pages, and reads as plausible garbage.
	// The error asks for the whole file instead.
	if cutShort(b) {
		return nil, nil, err
	}
	if password == "" && errors.Is(err, errNeedsPassword{}) && emptyPasswordRefused(b) {
		// pdfcpu's checks refuse the empty password too: the rewrite
		// would end in the same error.
		return nil, nil, err
	}
	nb, mended, rerr := rewrite(b, password)
	if errors.Is(rerr, parser.ErrNotInBuild) {
		return nil, nil, &parser.Error{File: name, Err: rerr}
	}
	if rerr == nil {
		if d2, err2 := openDocument(name, nb, ""); err2 == nil {
			if mended {
				d2.note(repairStreamLength)
			}
			return d2, append(pre, "pdf:rewritten"), nil
		}
	}
	if rewriteWrongPassword(rerr) || errors.Is(err, parser.ErrEncrypted) && password != "" {
		// Protected by a password: none was given, or not the right one.
		if password != "" {
			return nil, nil, &parser.Error{File: name, Err: fmt.Errorf("%w: the password given does not open it", parser.ErrEncrypted)}
		}
		return nil, nil, &parser.Error{File: name, Err: fmt.Errorf("%w: a password is needed to open it", parser.ErrEncrypted)}
	}
	return nil, nil, err
}

// pageList writes page numbers compactly: runs as ranges (1,3-5,7,9-end).
func pageList(pages []int) string {
	var b strings.Builder
	for i := 0; i < len(pages); {
		j := i
		for j+1 < len(pages) && pages[j+1] == pages[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(pages[i]))
		switch {
		case j > i && pages[j] >= maxPages:
			b.WriteString("-end") // a list's "N-end" asks up to the most pages read
		case j > i:
			b.WriteString("-" + strconv.Itoa(pages[j]))
		}
		i = j + 1
	}
	return b.String()
}

// selected returns the 1-based page numbers to read.
func (d *document) selected(opt Options) []int {
	var nums []int
	if len(opt.Pages) == 0 {
		for i := range d.pages {
			nums = append(nums, i+1)
		}
		return nums
	}
	seen := map[int]bool{}
	for _, n := range opt.Pages {
		if n >= 1 && n <= len(d.pages) && !seen[n] {
			seen[n] = true
			nums = append(nums, n)
		}
	}
	return nums
}

// layouts reads the selected pages, a few at a time (one per worker);
// finish, when not nil, runs on each page read, in the worker that read it
// and with its scratch, to reduce the page to what later stages need
// before the next is read.
func (d *document) layouts(opt Options, finish func(*PageLayout, *scratch)) ([]PageLayout, []error, error) {
	nums := d.selected(opt)
	if len(nums) == 0 {
		return nil, nil, &parser.Error{File: d.name, Err: fmt.Errorf("%w: pages %s asked for, the document has %d",
			parser.ErrPageRange, pageList(opt.Pages), len(d.pages))}
	}
	if opt.Reading != nil {
		opt.Reading(len(nums))
	}
	out := make([]PageLayout, len(nums))
	errs := make([]error, len(nums))
	// The workers take the pages in order, each the next not yet taken;
	// the calling goroutine is one of them, so that a document of one
	// page (or a process of one processor) is read where it was asked
	// for, without a goroutine started, its stack grown anew and a thread
	// woken for it.
	workers := min(runtime.GOMAXPROCS(0), len(nums))
	var next atomic.Int64
	work := func() {
		var sc scratch
		for {
			i := int(next.Add(1) - 1)
			if i >= len(nums) {
				return
			}
			out[i], errs[i] = d.readPage(nums[i], &sc, finish)
			// The page's dictionary is read once: what the library
			// parsed of it (its resources, its fonts' entries) is let
			// go with it.
			d.pages[nums[i]-1] = pageRef{}
		}
	}
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	var pages []PageLayout
	var pageErrs []error
	for i := range nums {
		if errs[i] != nil {
			pageErrs = append(pageErrs, errs[i])
		}
		if out[i].Number != 0 {
			pages = append(pages, out[i])
		}
	}
	if d.pagesCut > 0 {
		pageErrs = append(pageErrs, &parser.Error{File: d.name, Page: maxPages + 1, Err: fmt.Errorf(
			"%w: the page tree lists %d pages more than the %d read; those pages were not read", parser.ErrTooLarge, d.pagesCut, maxPages)})
	}
	return pages, pageErrs, nil
}

// readPage reads one page. A panic inside the PDF library on a damaged
// page becomes that page's error; the other pages still read. A content
// stream that decodes only in part gives its text and an error too: p is
// then kept (p.Number is set) besides err. finish, when not nil, runs on
// the page read, inside the same recovery: a worker's panic would
// otherwise end the process.
func (d *document) readPage(n int, sc *scratch, finish func(*PageLayout, *scratch)) (p PageLayout, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = PageLayout{}, &parser.Error{File: d.name, Page: n, Err: fmt.Errorf("%w: %s", parser.ErrMalformed, panicText(r))}
		}
	}()
	page := d.pages[n-1]
	if page.missing {
		err := fmt.Errorf("%w: %w", parser.ErrMalformed, errMissingPage)
		if page.why != "" {
			err = fmt.Errorf("%w: %w: %s", parser.ErrMalformed, errMissingPage, page.why)
		}
		return PageLayout{}, &parser.Error{File: d.name, Page: n, Err: err}
	}
	space := newPageSpace(page)
	content, cerr := pageContents(page.v, &sc.streams)
	cerr = d.lengthRepairs(cerr)
	sc.reserveGlyphs(len(content))
	in := newInterp(d, space, sc)
	if cerr != nil {
		in.errs = append(in.errs, fmt.Errorf("content stream%s %w", objectRef(page.v.Key("Contents")), cerr))
	}
	in.run(content, page.resources, 0)
	p = PageLayout{Number: n, Width: space.w, Height: space.h, Segments: in.segs, Marks: in.marks, Images: in.images}
	order := buildLayout(&p, in.glyphs, &sc.lb, sc.glyphOrder)
	sc.glyphOrder = order[:0]
	if finish == nil {
		p.Glyphs = pageGlyphs(in.glyphs, order)
		flatWords(&p)
	}
	p.hasText = len(p.Lines) > 0
	if finish != nil {
		// The page is reduced reading its glyphs where they were drawn.
		p.view = glyphView{gx: in.glyphs, order: order}
		finish(&p, sc)
		p.view = glyphView{}
		if p.Segments == nil {
			sc.segs = in.segs[:0] // read and let go: the next page draws its rulings there
		}
	}
	clear(in.glyphs)
	sc.glyphs, sc.codes = in.glyphs[:0], in.codes[:0]
	if len(in.errs) > 0 {
		err = &parser.Error{File: d.name, Page: n, Err: fmt.Errorf("%w: %w", parser.ErrMalformed, joinUnique(in.errs))}
	}
	return p, err
}

// tableAreas returns the areas the tables cover, by page.
func tableAreas(tables []tableRegion) map[int][]parser.Box {
	areas := map[int][]parser.Box{}
	for _, t := range tables {
		for _, a := range t.Areas {
			areas[a.Page] = append(areas[a.Page], a.Box)
		}
	}
	return areas
}

// inTableArea reports whether the middle of a line's box lies in one of
// its page's table areas: the test by which placeTables drops the lines
// that tables replace.
func inTableArea(areas []parser.Box, b parser.Box) bool {
	mx, my := (b.X0+b.X1)/2, (b.Y0+b.Y1)/2
	for _, a := range areas {
		if mx >= a.X0 && mx <= a.X1 && my >= a.Y0 && my <= a.Y1 {
			return true
		}
	}
	return false
}

// pageContents reads a page's content streams into the worker's content
// array (see streamBuf). A page without /Contents is blank; one whose
// /Contents names an object the file lacks is damaged.
func pageContents(page lpdf.Value, sb *streamBuf) ([]byte, error) {
	c := page.Key("Contents")
	if c.Kind() == lpdf.Null {
		if slices.Contains(page.Keys(), "Contents") {
			return nil, fmt.Errorf("%w: the object it names is missing", errDamagedStream)
		}
		return nil, nil
	}
	return sb.contentBytes(c)
}

// joinUnique joins errors, each distinct message once (a damaged form
// drawn ten times on a page is one problem).
func joinUnique(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	if len(errs) == 1 {
		return errs[0]
	}
	seen := map[string]bool{}
	var out []error
	for _, e := range errs {
		if s := e.Error(); !seen[s] {
			seen[s] = true
			out = append(out, e)
		}
	}
	if len(out) == 1 {
		return out[0]
	}
	return joinedErr(out)
}

// joinedErr is errors.Join on one line: page errors are printed one a line.
type joinedErr []error

func (j joinedErr) Error() string {
	s := make([]string, len(j))
	for i, e := range j {
		s[i] = e.Error()
	}
	return strings.Join(s, "; ")
}

func (j joinedErr) Unwrap() []error { return j }

// Parse reads a PDF document into the raw model: text lines in reading
// order, page furniture removed, tables in place of the lines they cover.
func Parse(name string, b []byte, opt Options) (*parser.Document, error) {
	return parse(name, b, opt, true)
}

// parse is Parse, with table detection optional so that the text layer's
// own output can be tested apart from it.
func parse(name string, b []byte, opt Options, tables bool) (*parser.Document, error) {
	h, err := parseHeld(name, b, nil, opt, tables, false)
	if err != nil {
		return nil, err
	}
	h.fillAll()
	return h.doc, nil
}

// ParseHeld is Parse for a reader of the document's table rows a part at
// a time: the rows past the first few of each page's tables are held
// packed (see Held) until Fill gives them their cells.
func ParseHeld(name string, b []byte, opt Options) (*Held, error) {
	return parseHeld(name, b, nil, opt, true, true)
}

// ParseHeldAt is ParseHeld on the size bytes r holds (a file): they are
// read whole to open the document (and to repair it where it must be) and
// to take its digest, and then let go, the pages being read from r; a
// document that opens only once repaired is read from the repaired bytes.
// A document of heldInputBytes or fewer is read from its bytes, not from
// r: they are few, and their reads from r would each be a call to the
// system; nor are its rows held: packing them to make them again would
// cost more than holding them (about 3% of its reading), in a child that
// does not collect at that size anyway.
func ParseHeldAt(name string, r io.ReaderAt, size int64, opt Options) (*Held, error) {
	if size < 0 || size > maxInputBytes {
		return nil, &parser.Error{File: name, Err: fmt.Errorf("%w: %d bytes", parser.ErrTooLarge, size)}
	}
	b := make([]byte, size)
	if n, err := r.ReadAt(b, 0); n < len(b) {
		return nil, &parser.Error{File: name, Err: fmt.Errorf("reading it: %d of its %d bytes: %w", n, size, err)}
	}
	if size <= heldInputBytes {
		r = nil
	}
	return parseHeld(name, b, r, opt, true, size > heldInputBytes)
}

// heldInputBytes is the size up to which ParseHeldAt keeps a document's
// bytes to read its pages from: the size up to which the command's parse
// child runs without collecting, where bytes let go would not be taken
// back anyway.
const heldInputBytes = 1 << 20

// maxInputBytes bounds what ParseHeldAt reads: more than any PDF it is
// given (the command refuses inputs over 512 MiB).
const maxInputBytes = 1 << 30

// parseHeld is ParseHeld, with the source the bytes came from (nil when
// none), table detection optional, and the rows held only when hold is
// set (Parse keeps them as they are made).
func parseHeld(name string, b []byte, at io.ReaderAt, opt Options, tables, hold bool) (held *Held, err error) {
	page := 0
	defer func() {
		if r := recover(); r != nil {
			held, err = nil, &parser.Error{File: name, Page: page, Err: fmt.Errorf("%w: %s", parser.ErrMalformed, panicText(r))}
		}
	}()
	d, repairs, err := openRepairedAt(name, b, opt.Password, at)
	if err != nil {
		return nil, err
	}
	finish := func(p *PageLayout, _ *scratch) {
		joinListMarkers(p)
		joinJustified(p)
		dropGlyphs(p)
	}
	hp := &heldPages{pages: map[int]*packedPage{}}
	if tables {
		finish = func(p *PageLayout, sc *scratch) {
			joinListMarkers(p)
			joinJustified(p)
			if hold {
				// The rows are packed at once: their cells are made
				// in the worker's arena, taken again by its next page.
				sc.cells.chunk = rowCellChunk
				p.rowCells = &sc.cells
				defer func() {
					p.rowCells = nil
					sc.cells.reset()
				}()
			}
			keepTables(p, &sc.twords)
			if hold {
				hp.hold(p)
			}
		}
	}
	// What the document needs of the input and of the open file is taken
	// now: once the pages are read, neither is kept.
	head := &parser.Document{
		File:    name,
		SHA256:  parser.Digest(b),
		Format:  parser.FormatPDF,
		Title:   d.title(),
		Pages:   len(d.pages),
		Repairs: append(repairs, d.repairs...),
	}
	b = nil
	pages, pageErrs, err := d.layouts(opt, finish)
	if err != nil {
		return nil, err
	}
	for _, r := range d.repairs {
		if !slices.Contains(head.Repairs, r) {
			head.Repairs = append(head.Repairs, r) // found reading the pages (a damaged font)
		}
	}
	d = nil
	hp.unhold(pages)
	doc := head
	doc.PageErrors = pageErrs
	furniture := findFurniture(pages)
	furnLines, furnHeader := furnitureLines(pages, furniture)

	// Tables replace the lines they cover. This is the single place where
	// table detection plugs into the document (see tables_hook.go). They
	// are found before the lines are made blocks, so that the lines they
	// cover, which placeTables would drop, are not made blocks at all.
	var regions []tableRegion
	var areas map[int][]parser.Box
	if tables {
		if len(pages) > 0 {
			page = pages[len(pages)-1].Number
		}
		regions = findTablesAmid(pages, furniture)
		areas = tableAreas(regions)
	}
	keep := func(p *PageLayout, i, j int) bool {
		_, furn := furniture[lineRef{i, j}]
		return !furn && !inTableArea(areas[p.Number], p.Lines[j].Box)
	}
	n := 0
	for i := range pages {
		for j := range pages[i].Lines {
			if keep(&pages[i], i, j) {
				n++
			}
		}
	}
	blocks := make([]placed, 0, n)
	for i := range pages {
		p := &pages[i]
		page = p.Number
		if p.Images > 0 && !p.hasText {
			doc.ImageOnlyPages = append(doc.ImageOnlyPages, p.Number)
		}
		for j, l := range p.Lines {
			if !keep(p, i, j) {
				continue
			}
			line := makeBlockLine(p.Number, l)
			if line.Bullet == "" {
				if b := markBullet(p, l); b != "" {
					line.Bullet, line.Role = b, parser.RoleItem
				}
			}
			blocks = append(blocks, placed{page: p.Number, y: l.Box.Y0, x: l.Box.X0, box: l.Box, block: parser.Block{Line: line}})
		}
	}

	if tables {
		// The lines are blocks now and the page tables stitched into
		// regions: what stays of the pages is what column order and
		// markRuled read (flows, rules).
		for i := range pages {
			pages[i].Lines, pages[i].tables = nil, nil
		}
		blocks = placeTables(blocks, regions)
		// Column order needs the tables found: a table's cells are
		// columns too.
		flows := map[int][]flowArea{}
		for i := range pages {
			flows[pages[i].Number] = pages[i].flows
		}
		blocks = orderColumns(blocks, flows)
	}
	markRuled(blocks, pages)

	if len(blocks) > 0 {
		doc.Blocks = make([]parser.Block, 0, len(blocks))
	}
	for _, pb := range blocks {
		doc.Blocks = append(doc.Blocks, pb.block)
	}
	held = &Held{doc: doc, pages: hp.pages, refs: map[*parser.Table][]rowRef{}}
	held.index(doc.Blocks)
	doc.Number()
	furnitureRows(doc, furnLines, furnHeader)
	return held, nil
}

// cutShort reports whether b lacks the end-of-file marker that every
// complete PDF (every revision of it) ends with: a download cut short.
func cutShort(b []byte) bool {
	return !bytes.Contains(b, []byte("%%EOF"))
}
