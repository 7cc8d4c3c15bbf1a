package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/agreements/agreements/internal/reply"
	"github.com/agreements/agreements/parser"
)

// Each input is parsed in a child process of this same executable, so that
// an input which makes a reader die (a runtime error no recover catches:
// exhausted memory, an exhausted stack) or run too long ends that child
// only: the parent names the file and goes on with the other inputs.
//
// The child is this program started with childEnv set; it reads one
// request from stdin and writes one reply to stdout (see writeRequest and
// writeReply). The input follows the request, or, for a PDF file (and an
// HTML page's file named to extract), is the file itself, handed over open
// as descriptor inFileFD (see sameFile, handedFile).
// It runs under a memory bound (RLIMIT_AS over what the runtime has
// reserved at start) and a stack bound, and the parent kills it when the
// time bound passes.

// childEnv, when set in the environment, makes the program a parse child.
const childEnv = "AGREEMENTS_PARSE_CHILD"

// Bounds on one input's parse: memory is memBase plus memPerByte times the
// input's size; time is timeBase plus timePerMiB per MiB of input.
const (
	memBase    = 1 << 30
	memPerByte = 8
	maxStack   = 64 << 20
	timeBase   = 2 * time.Minute
	timePerMiB = 2 * time.Second
)

// parseLimits are the bounds one parse runs under.
type parseLimits struct {
	Memory  int64 // bytes the child may add to what it reserved at start; 0: no bound
	Timeout time.Duration
}

// limitsFor returns the bounds for an input of n bytes.
func limitsFor(n int) parseLimits {
	return parseLimits{
		Memory:  memBase + memPerByte*int64(n),
		Timeout: timeBase + time.Duration(n>>20)*timePerMiB,
	}
}

type parseRequest struct {
	Name     string
	Pages    []int
	Password string
	// Data is the input. It does not cross as part of the request: Size
	// says how many bytes of it follow the request on the stream, so that
	// neither process holds an encoded copy of it.
	Data []byte
	Size int
	// InFile says the input is not in the stream but in the file the
	// child is handed as its first extra descriptor (inFileFD), Size
	// bytes: the child reads a PDF's pages from the file as it goes
	// rather than holding its bytes (see sameFile), and an HTML page
	// from the file mapped into memory (see handedFile, parseHeldFile).
	// file is that file, in the parent.
	InFile bool
	file   *os.File
	// format is the input's format by its first bytes, when the command
	// has looked (a file handed over); else it is read from Data.
	format parser.Format
	// exits, when set, waits for the child's end once its reply is read
	// whole: the records are made meanwhile (nil: waited for at once).
	exits  *sync.WaitGroup
	Memory int64
	// QuietStart says the child was started with garbage collection off
	// (GOGC=off), to be set for the input's size (see collectFor).
	QuietStart bool
	// OneProc says the child was started on one processor (GOMAXPROCS=1)
	// to read a PDF, to take the runtime's default when the PDF has more
	// than one page to read (see oneProcReading).
	OneProc bool
	// Test makes the child misbehave on purpose (tests only): "hang",
	// "crash", "oom", "garbage", "linger" (after a whole reply).
	Test string
}

// The reply is written and read by package reply: the glue below names
// its parts as the child and the command use them.
type (
	replyHead = reply.Head
	wireError = reply.Error
	heldRows  = reply.Held
)

// partUnits is about how many lines and table rows one part of a reply
// carries.
const partUnits = reply.PartUnits

func toWire(err error) *wireError { return reply.ToWire(err) }

// writeReply writes the reply head, then the blocks in parts (see
// reply.Write).
func writeReply(w io.Writer, head replyHead, blocks []parser.Block, held heldRows) error {
	return reply.Write(w, head, blocks, held)
}

// readReply reads what writeReply wrote: the document (nil when the child
// sent an error instead), the child's error and its page errors.
func readReply(r io.Reader) (*parser.Document, *wireError, []*wireError, error) {
	return reply.Read(r)
}

// isParseChild reports whether this process was started as a parse child.
func isParseChild() bool { return os.Getenv(childEnv) == "1" }

// parseChild is the child's main: one request in, one reply out.
func parseChild(stdin io.Reader, stdout, stderr io.Writer) int {
	if !childStampOK() {
		return exitMismatch // before reading a byte: the command reads the input again
	}
	req, err := readRequest(bufio.NewReaderSize(stdin, 64<<10))
	if err != nil {
		fmt.Fprintf(stderr, "agreements: parse child: reading the request: %v\n", err)
		return exitFail
	}
	if req.Memory > 0 {
		limitMemory(req.Memory)
	}
	debug.SetMaxStack(maxStack)
	var in *os.File
	if req.InFile {
		if in = os.NewFile(inFileFD, req.Name); in == nil {
			fmt.Fprintf(stderr, "agreements: parse child: the input file was not handed over\n")
			return exitFail
		}
	}
	if req.QuietStart {
		collectFor(req.Size, inputFormat(req.Data, in))
	}
	switch req.Test {
	case "hang":
		// Asleep rather than blocked for ever: a program of one goroutine
		// blocked for ever is ended by the runtime as deadlocked.
		for {
			time.Sleep(time.Hour)
		}
	case "crash":
		var grow func(int) int
		grow = func(n int) int { return grow(n+1) + 1 }
		grow(0)
	case "oom":
		var keep [][]byte
		for len(keep) >= 0 {
			keep = append(keep, bytes.Repeat([]byte{1}, 64<<20))
		}
		fmt.Fprintln(stderr, len(keep))
	case "garbage":
		fmt.Fprint(stdout, "not a reply")
		return exitOK
	}
	ro := readOpts{pages: req.Pages, password: req.Password}
	if req.OneProc {
		ro.reading = oneProcReading
	}
	var doc *parser.Document
	var held heldRows
	if in != nil {
		var done func()
		doc, held, done, err = parseHeldFile(req.Name, in, req.Size, ro)
		if done != nil {
			defer done() // (once the reply is written)
		}
		in.Close()
	} else {
		doc, held, err = parseHeldWith(req.Name, req.Data, ro)
		req.Data = nil
	}
	if errors.Is(err, parser.ErrNotInBuild) {
		return exitNotInBuild // no reply: the command reads the input again in the full program
	}
	var head replyHead
	var blocks []parser.Block
	head.Err = toWire(err)
	if doc != nil {
		for _, pe := range doc.PageErrors {
			head.PageErrs = append(head.PageErrs, toWire(pe))
		}
		doc.PageErrors = nil
		blocks, doc.Blocks = doc.Blocks, nil
		head.Doc = doc
	}
	w := bufio.NewWriterSize(stdout, 64<<10)
	if err := writeReply(w, head, blocks, held); err != nil {
		fmt.Fprintf(stderr, "agreements: parse child: writing the reply: %v\n", err)
		return exitFail
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "agreements: parse child: writing the reply: %v\n", err)
		return exitFail
	}
	if req.Test == "linger" {
		for { // a child slow to end once it has replied
			time.Sleep(time.Hour)
		}
	}
	return exitOK
}

// errChanged is the error of an input file that changed while the parse
// child read it from the file.
var errChanged = errors.New("the file changed while it was read; read it again once it is written")

// shortened reports whether the file f now holds fewer than size bytes.
func shortened(f *os.File, size int) bool {
	fi, err := f.Stat()
	return err == nil && fi.Size() < int64(size)
}

// inputFormat is the format of the input: data, or the file in when it is
// handed over (a PDF or an HTML page, see handedFile), by its first
// detectHead bytes.
func inputFormat(data []byte, in *os.File) parser.Format {
	if in == nil {
		return parser.Detect(data)
	}
	head := make([]byte, detectHead)
	n, _ := in.ReadAt(head, 0)
	return parser.Detect(head[:n])
}

// detectHead is how much of a file is read to tell its format:
// parser.Detect looks at the first 4 KiB of markup after white space.
const detectHead = 8 << 10

// inFileFD is the descriptor of the input file handed to the child (the
// one after the child's stdin, stdout and stderr).
const inFileFD = 3

// sameFile opens the named input for the child to read itself when it is
// a PDF and a regular file that holds b, byte for byte (name may be a
// display name, or a file changed since it was read: then the bytes cross
// in the stream); nil otherwise. The check reads the file once more, a
// few milliseconds for ten megabytes, where the bytes held by the child
// for the whole parse would cost their size in memory.
func sameFile(name string, b []byte) *os.File {
	if name == "-" || parser.Detect(b) != parser.FormatPDF {
		return nil
	}
	if fi, err := os.Stat(name); err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(b)) {
		return nil // not opened: a named pipe would wait for a writer
	}
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(b)) {
		f.Close()
		return nil
	}
	buf := make([]byte, 64<<10)
	for off := 0; off < len(b); {
		n, _ := f.ReadAt(buf[:min(len(buf), len(b)-off)], int64(off))
		if n == 0 || !bytes.Equal(buf[:n], b[off:off+n]) {
			f.Close()
			return nil
		}
		off += n
	}
	return f
}

// A child starts with garbage collection off: the runtime's start and the
// reading of a small input allocate a few tens of MiB at most, and
// collecting at every 4 MiB on the way cost a third of the CPU time of a
// one-page extract. A small input's child collects only when its heap
// nears quietHeap; a larger input's collects as usual (GOGC=100). An HTML
// page is small up to quietPageInput: its child makes about 5 to 15 MiB of
// heap for each MiB of page (against a PDF's tens), and collecting as
// usual cost it 1–11 ms of CPU time more at 1 and 2 MiB (of 20–60 ms) for
// a few MiB less; at 4 MiB, collection off took 10–76 ms more for a page
// of spanned cells, in Shift_JIS, or of headings and lists, whose heap
// nears quietHeap.
const (
	quietInput     = 1 << 20
	quietPageInput = 2 << 20
	quietHeap      = 32 << 20
)

// A larger PDF's child collects as usual under a soft memory limit of
// pdfHeapBase plus pdfHeapPerMiB for each MiB of input: what it keeps of
// the pages read (their lines, and their tables' rows held packed, see
// pdf.Held) is about 1.0 to 1.3 times the input's size at 1,000 pages
// (10.8 MiB of a 10.1 MiB table, 9.4 MiB of a 6.8 MiB list), twice that
// while the pages' tables are stitched; collected at twice its live heap a
// 1,000-page table peaked at 64–78 MB resident, under a limit of 37 MiB at
// 48–50 MB for 3% more CPU time (35 MiB: 5%). The limit never leaves less
// than half the live heap, and limitSlack, above it: it is raised after
// each collection as the live heap grows (see heapBound), so that a
// document that keeps more than its size foretells (compressed content)
// is collected no more often than at 1.5 times its live heap.
const (
	pdfHeapBase   = 30 << 20
	pdfHeapPerMiB = 7 << 20 / 10 // 0.7 MiB
	limitSlack    = 8 << 20
)

// A larger page's child (HTML, a workbook) reads what the page holds: an
// HTML page handed over as its file from the file mapped into memory, its
// pages of memory let go behind the reader (parseHeldFile), a page on
// stdin or a workbook from its bytes, held while they are read. What it
// makes of a 50 MB table is about 1.6 times the page's size live at its
// most (its cells as grid slots, their texts, its rows; 2.5 times with the
// page held, before the page was mapped: 198 MB resident collected at
// twice its live heap). It collects under a soft limit of pageHeapBase
// plus pageHeapPerMiB for each MiB of input, raised as the live heap grows
// as a PDF's is (heapBound): a page held in memory collects once or twice
// more near its end, a mapped one at twice its live heap, below the limit.
const (
	pageHeapBase   = 30 << 20
	pageHeapPerMiB = 2 << 20
)

// oneProcReading is the reading of a PDF in a child started on one
// processor (parseRequest.OneProc): a document of one page to read is read
// there, where a second processor only adds threads woken, and memory
// taken, per processor (a one-page extract took 7% more CPU time for it,
// and a little more wall time); one of several pages takes the runtime's
// default, to read its pages a few at a time (see pdf.Options.Reading).
func oneProcReading(pages int) {
	if pages > 1 {
		runtime.SetDefaultGOMAXPROCS()
	}
}

// oneProcFor reports whether the child reading an input of the given
// format starts on one processor (see oneProcReading): a PDF, unless
// GOMAXPROCS is set, which the child then keeps.
func oneProcFor(format parser.Format) bool {
	_, set := os.LookupEnv("GOMAXPROCS")
	return !set && format == parser.FormatPDF
}

// childQuiet reports whether a child reading an input of n bytes in the
// given format keeps collection off (up to quietHeap).
func childQuiet(n int, format parser.Format) bool {
	return n <= quietInput || format == parser.FormatHTML && n <= quietPageInput
}

// collectFor sets garbage collection for an input of n bytes in the given
// format in a child started with it off.
func collectFor(n int, format parser.Format) {
	if childQuiet(n, format) {
		debug.SetMemoryLimit(quietHeap)
		return
	}
	pdf := format == parser.FormatPDF
	debug.SetGCPercent(100)
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return
	}
	if pdf {
		boundHeap(pdfHeapBase + int64(n)*pdfHeapPerMiB>>20)
		return
	}
	boundHeap(pageHeapBase + int64(n)*pageHeapPerMiB>>20)
}

// gcTick is an object made only to be dropped: its cleanup runs once a
// collection has found it unreachable. (It holds a pointer, so that it is
// not batched with other small objects.)
type gcTick struct{ _ *byte }

// quietCommands are the commands that read inputs (each parsed in a
// child, normalised here): run on inputs of quietCommandInput bytes or
// fewer in all, the command itself starts with garbage collection off as
// its children do, and collects only when its heap nears quietHeap. The
// runtime's start and a few small inputs allocate a few MiB, and a cycle
// at every 4 MiB on the way cost a tenth of the CPU time of a one-page
// extract. The bound is lower than a child's: the command holds the
// document, and audit, tables and raw all its records, about 20 times an
// HTML page's size, and near quietHeap it collects more often than with
// the usual collection (an extract of a 1 MB HTML page, when it held its
// records, took 25% more CPU time; of a 0.5 MB one, 5% less). extract,
// which writes its records as they are made, has a higher bound for PDFs
// and HTML pages (quietExtractInput). Larger inputs keep the usual
// collection (GOGC=100; extract collects at 50, see collectForExtract), so
// that their peak memory does not grow.
var quietCommands = []string{"extract", "tables", "raw", "audit"}

// quietCommandInput is the most input, in bytes, a command of
// quietCommands starts quiet for.
const quietCommandInput = 512 << 10

// quietExtractInput is the most input, in bytes, extract starts quiet for
// when every file it names is a PDF or an HTML page: extract holds the
// document, and writes its records as they are made (see Options.Emit),
// so of an HTML page of 2 MiB its heap with collection off grows to about
// 12 MiB, far from quietHeap, and of a PDF to less. The usual collection
// cost 4–6 ms of CPU time more from 0.5 to 4 MiB (two or three
// collections: of 25–110 ms for a page, 17–32 ms for 100 and 200 pages
// of a table or a list) for less than 2 MiB of memory;
// from about 6 MiB of a page the heap nears quietHeap, and collecting
// there costs more than the usual collection. A workbook (whose records
// are far more for its size) or a record file keeps quietCommandInput.
const quietExtractInput = 2 << 20

// quietStart sets garbage collection for the command line args, before the
// command runs: off up to quietHeap when quietArgs says the inputs are
// small and GOGC is not set.
func quietStart(args []string) {
	if _, set := os.LookupEnv("GOGC"); set || !quietArgs(args) {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(quietHeap)
}

// quietArgs reports whether args are a command of quietCommands whose
// inputs are regular files of quietCommandInput bytes or fewer in all, or
// extract's of quietExtractInput bytes or fewer, all PDFs and HTML pages
// (by their first bytes, read only when the total is between the two). It looks at
// every argument that names an existing file, flag values too (so an --out
// file counts: a larger one only keeps the usual collection); stdin or
// anything not a regular file (a pipe, a directory) keeps it too.
func quietArgs(args []string) bool {
	if len(args) == 0 || !slices.Contains(quietCommands, args[0]) {
		return false
	}
	var total int64
	var files []string
	for _, a := range args[1:] {
		if a == "-" {
			return false
		}
		if strings.HasPrefix(a, "-") {
			continue
		}
		fi, err := os.Stat(a)
		if err != nil {
			continue // a flag's value, or a missing input (an error of its own)
		}
		if !fi.Mode().IsRegular() {
			return false
		}
		total += fi.Size()
		files = append(files, a)
	}
	switch {
	case len(files) == 0:
		return false
	case total <= quietCommandInput:
		return true
	case args[0] != "extract" || total > quietExtractInput:
		return false
	}
	for _, name := range files {
		if !pageOrPDF(name) {
			return false
		}
	}
	return true
}

// pageOrPDF reports whether the named file is a PDF or an HTML page, by
// its first bytes.
func pageOrPDF(name string) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, detectHead)
	n, _ := io.ReadFull(f, head)
	return leanFormat(head[:n])
}

// limitMemory bounds the process's address space to what it has reserved
// now plus extra bytes: the runtime reserves address space ahead of use,
// so the bound is relative to that.
func limitMemory(extra int64) {
	base := reservedMemory()
	if base == 0 {
		return
	}
	lim := uint64(base + extra)
	_ = syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: lim, Max: lim})
}

// reservedMemory is the address space the process has reserved, in bytes
// (VmSize), 0 when it cannot be told. It reads the first field of
// /proc/self/statm, the size in pages, with plain system calls: the
// kernel writes statm's seven numbers in a fraction of the time it takes
// to write /proc/self/status, and no *os.File is set up to read them.
func reservedMemory() int64 {
	fd, err := syscall.Open("/proc/self/statm", syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return 0
	}
	var buf [128]byte
	n, err := syscall.Read(fd, buf[:])
	syscall.Close(fd)
	if err != nil || n <= 0 {
		return 0
	}
	size, _, _ := strings.Cut(string(buf[:n]), " ")
	pages, err := strconv.ParseInt(size, 10, 64)
	if err != nil {
		return 0
	}
	return pages * int64(os.Getpagesize())
}

// parseIsolated parses one input in a child process under the bounds for
// its size. A child that dies or runs out of time is an error naming the
// file.
func parseIsolated(name string, b []byte, pages []int) (*parser.Document, error) {
	return parseIsolatedWith(name, b, readOpts{pages: pages})
}

// parseIsolatedWith is parseIsolated with a password for protected PDFs.
func parseIsolatedWith(name string, b []byte, ro readOpts) (*parser.Document, error) {
	req := parseRequest{Name: name, Pages: ro.pages, Password: ro.password, Data: b}
	if f := sameFile(name, b); f != nil {
		defer f.Close()
		req.file = f
	}
	return parseInChild(req, limitsFor(len(b)))
}

// parseInChild parses in the lean parse child of the input's format when
// there is one to use (see leanChild), else, or when the lean child says
// it was built from another source or hands the input back, in a child of
// this program's own executable (the front's: the full program's,
// selfReader).
func parseInChild(req parseRequest, lim parseLimits) (*parser.Document, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, &parser.Error{File: req.Name, Err: fmt.Errorf("starting the reader: %w", err)}
	}
	if req.format == "" {
		req.format = parser.Detect(req.Data)
	}
	if lean := leanChild(self, req.format); lean != "" {
		doc, err, again := runChild(lean, &req, lim)
		if !again {
			return doc, err
		}
	}
	doc, err, _ := runChild(selfReader(self), &req, lim)
	return doc, err
}

// keepForRetry is the most input a request keeps while the reply is read,
// should the child turn out to be of another build (exitMismatch): a
// child that has taken in more than the pipe's buffer holds, up to 1 MiB
// (Linux's bound unless raised), has passed its check.
const keepForRetry = 1 << 20

// runChild parses in a child started from the executable exe. again
// reports that the child did not start, or was built from another source
// and read nothing (exitMismatch): req is then as it was, to be handed to
// another child.
func runChild(exe string, req *parseRequest, lim parseLimits) (doc *parser.Document, err error, again bool) {
	req.Memory = lim.Memory
	req.QuietStart, req.InFile, req.OneProc = false, false, false
	env := childEnviron()
	if _, set := os.LookupEnv("GOGC"); !set {
		env = append(env, "GOGC=off")
		req.QuietStart = true
	}
	if oneProcFor(req.format) {
		env = append(env, "GOMAXPROCS=1")
		req.OneProc = true
	}
	var extra *os.File
	if req.file != nil {
		extra = req.file
		req.InFile = true
		if req.Data != nil {
			req.Size = len(req.Data)
		}
	}
	errBuf := &headBuffer{max: 16 << 10}
	c, err := startChild(exe, env, extra, errBuf, lim.Timeout)
	if err != nil {
		// Not started (not an executable of this machine): req is as it was.
		var pe *pipeError
		return nil, &parser.Error{File: req.Name, Err: fmt.Errorf("starting the reader: %w", err)}, !errors.As(err, &pe)
	}
	// The child reads the whole request before it writes: the request is
	// written, then the reply read as it comes; all of it, so that the
	// child never blocks on a full pipe, before its exit is waited for.
	werr := writeRequest(c.in, *req)
	c.in.Close()
	if werr == nil && (req.InFile || len(req.Data) > keepForRetry && parser.Detect(req.Data) != parser.FormatPDF) {
		// The child has it: the input's bytes need not stay while the
		// reply is read. A PDF's stay (unless the child reads it from the
		// file): the lean child may hand it back (exitNotInBuild).
		req.Data = nil
	}
	doc, remote, pageErrs, rerr := readReply(bufio.NewReaderSize(c.out, 64<<10))
	if werr == nil && rerr == nil && (doc != nil || remote != nil) && req.exits != nil {
		// The reply is whole, and says all there is to say: the child's
		// exit (the release of all it read, before its stdout closes) is
		// waited for aside, while the command makes the records, and
		// before the command ends (req.exits).
		req.exits.Add(1)
		go func() {
			defer req.exits.Done()
			_, _ = io.Copy(io.Discard, c.out)
			_ = c.wait()
		}()
		doc, err := replied(doc, remote, pageErrs)
		return doc, err, false
	}
	_, _ = io.Copy(io.Discard, c.out)
	err = c.wait()
	if c.timedOut.Load() {
		return nil, &parser.Error{File: req.Name, Err: fmt.Errorf("%w: reading it took longer than the %s allowed for its size; stopped",
			parser.ErrTooLarge, lim.Timeout)}, false
	}
	var ce *childExit
	if errors.As(err, &ce) && ce.ExitCode() == exitMismatch && doc == nil && remote == nil && (req.InFile || req.Data != nil) {
		return nil, &parser.Error{File: req.Name, Err: fmt.Errorf("the reader %s was built from another source than this command; "+
			"build them again (make build writes them together)", exe)}, true
	}
	if errors.As(err, &ce) && ce.ExitCode() == exitNotInBuild && doc == nil && remote == nil {
		return nil, &parser.Error{File: req.Name, Err: fmt.Errorf("%w: the reader %s leaves out what this input needs (pdfcpu's rewrite), "+
			"and the full program is not there to read it", parser.ErrMalformed, exe)}, req.InFile || req.Data != nil
	}
	req.Data = nil
	if err != nil {
		if req.InFile && shortened(req.file, req.Size) {
			// A file mapped into memory (an HTML page's) and cut short
			// while read ends its reader with a bus error.
			return nil, &parser.Error{File: req.Name, Err: errChanged}, false
		}
		return nil, &parser.Error{File: req.Name, Err: childDeath(err, errBuf.String(), lim)}, false
	}
	if werr != nil {
		return nil, &parser.Error{File: req.Name, Err: fmt.Errorf("handing the input to the reader: %w", werr)}, false
	}
	if rerr != nil {
		return nil, &parser.Error{File: req.Name, Err: fmt.Errorf("%w: the reader gave no usable result (%v)", parser.ErrMalformed, rerr)}, false
	}
	if remote == nil && doc == nil {
		return nil, &parser.Error{File: req.Name, Err: fmt.Errorf("%w: the reader gave no document", parser.ErrMalformed)}, false
	}
	doc, err = replied(doc, remote, pageErrs)
	return doc, err, false
}

// replied is what a whole reply says: the child's error, or the document
// with its page errors.
func replied(doc *parser.Document, remote *wireError, pageErrs []*wireError) (*parser.Document, error) {
	if remote != nil {
		return nil, remote.ToError()
	}
	for _, w := range pageErrs {
		doc.PageErrors = append(doc.PageErrors, w.ToError())
	}
	return doc, nil
}

// childEnviron is the environment a parse child starts with: this
// process's, with childEnv and stampEnv set for the child (an earlier
// setting of either is left out: the child's runtime would keep the
// first).
func childEnviron() []string {
	parent := os.Environ()
	env := make([]string, 0, len(parent)+3)
	for _, kv := range parent {
		if !strings.HasPrefix(kv, childEnv+"=") && !strings.HasPrefix(kv, stampEnv+"=") {
			env = append(env, kv)
		}
	}
	return append(env, childEnv+"=1", stampEnv+"="+buildStamp)
}

// A parse child is started with os.StartProcess rather than os/exec: its
// standard streams are three pipes, the input file (when handed over) the
// fourth descriptor, and one timer ends it when its time bound passes.
// os/exec, for the same, starts a goroutine to watch a context, dedups
// the environment through a map and waits on channels for its copying;
// this is the same start with less of the command's CPU time around it.

// pipeError is the error of the pipes to a child that could not be made
// (the child was not tried), said as the error itself.
type pipeError struct{ err error }

func (e *pipeError) Error() string { return e.err.Error() }
func (e *pipeError) Unwrap() error { return e.err }

// childProc is a started parse child: the command's ends of its stdin
// and stdout, and what ends it.
type childProc struct {
	proc     *os.Process
	in       *os.File // the child's stdin, written by the command
	out      *os.File // the child's stdout, read by the command
	errDone  chan struct{}
	timer    *time.Timer
	timedOut atomic.Bool
}

// startChild starts the executable exe as a parse child with the
// environment env, extra (when not nil) as its descriptor inFileFD, what
// it writes to stderr copied into errOut, killed when timeout passes. An
// exe with no slash is looked for in PATH, as os/exec does.
func startChild(exe string, env []string, extra *os.File, errOut io.Writer, timeout time.Duration) (*childProc, error) {
	path := exe
	if !strings.Contains(exe, string(os.PathSeparator)) {
		lp, err := exec.LookPath(exe)
		if err != nil {
			return nil, err
		}
		path = lp
	}
	var pipes [3][2]*os.File // stdin, stdout, stderr: read end, write end
	closeAll := func() {
		for _, p := range pipes {
			for _, f := range p {
				if f != nil {
					f.Close()
				}
			}
		}
	}
	for i := range pipes {
		r, w, err := os.Pipe()
		if err != nil {
			closeAll()
			return nil, &pipeError{err}
		}
		pipes[i] = [2]*os.File{r, w}
	}
	files := []*os.File{pipes[0][0], pipes[1][1], pipes[2][1]}
	if extra != nil {
		files = append(files, extra)
	}
	proc, err := os.StartProcess(path, []string{exe}, &os.ProcAttr{Env: env, Files: files})
	// The child's ends are the child's alone now (or no one's).
	pipes[0][0].Close()
	pipes[1][1].Close()
	pipes[2][1].Close()
	if err != nil {
		pipes[0][1].Close()
		pipes[1][0].Close()
		pipes[2][0].Close()
		return nil, err
	}
	c := &childProc{proc: proc, in: pipes[0][1], out: pipes[1][0], errDone: make(chan struct{})}
	go func(r *os.File) {
		_, _ = io.Copy(errOut, r)
		r.Close()
		close(c.errDone)
	}(pipes[2][0])
	c.timer = time.AfterFunc(timeout, func() {
		c.timedOut.Store(true)
		_ = proc.Kill()
	})
	return c, nil
}

// wait waits for the child to end and for its stderr to be copied, and
// closes the command's end of its stdout. It returns a *childExit when
// the child did not end with success.
func (c *childProc) wait() error {
	state, err := c.proc.Wait()
	c.timer.Stop()
	<-c.errDone
	c.out.Close()
	if err != nil {
		return err
	}
	if !state.Success() {
		return &childExit{state}
	}
	return nil
}

// childExit is the end of a child that did not succeed, said as os/exec
// says it ("exit status 1", "signal: killed").
type childExit struct{ *os.ProcessState }

func (e *childExit) Error() string { return e.ProcessState.String() }

// childDeath says why a child ended without a reply, from its exit and the
// end of what it wrote to stderr.
func childDeath(err error, stderr string, lim parseLimits) error {
	first := ""
	for l := range strings.Lines(stderr) {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "fatal error:") || strings.HasPrefix(l, "panic:") || strings.HasPrefix(l, "runtime:") {
			first = l
			break
		}
	}
	switch {
	case strings.Contains(stderr, "out of memory"), strings.Contains(stderr, "cannot allocate memory"):
		return fmt.Errorf("%w: reading it needed more than the %d MiB of memory allowed for its size; stopped",
			parser.ErrTooLarge, lim.Memory>>20)
	case strings.Contains(stderr, "stack overflow"), strings.Contains(stderr, "stack exceeds"):
		return fmt.Errorf("%w: its structure nests too deeply to be read (the reader's stack ran out)", parser.ErrMalformed)
	case first != "":
		// A runtime error in the reader is a bug: say so, and keep its
		// first line for the report.
		return fmt.Errorf("%w: the reader failed on it, a bug to report with the file (%s)", parser.ErrMalformed, first)
	}
	var ce *childExit
	if errors.As(err, &ce) {
		if ws, ok := ce.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return fmt.Errorf("%w: the reader was ended by signal %s", parser.ErrMalformed, ws.Signal())
		}
	}
	return fmt.Errorf("%w: the reader stopped on it (%v)", parser.ErrMalformed, err)
}

// headBuffer keeps the first max bytes written to it: a runtime error's
// first lines say what happened, its goroutine dump does not.
type headBuffer struct {
	max int
	buf bytes.Buffer
}

func (t *headBuffer) Write(p []byte) (int, error) {
	if room := t.max - t.buf.Len(); room > 0 {
		t.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (t *headBuffer) String() string { return t.buf.String() }
