//go:build !parsechild

package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"

	"github.com/agreements/agreements/agreement"
	"github.com/agreements/agreements/normalize"
	"github.com/agreements/agreements/output"
	"github.com/agreements/agreements/parser"
)

// extractFlagValues are the flags of extract, as parsed.
type extractFlagValues struct {
	format, inst, dates, pages, password *string
	bom, strict                          *bool
	out                                  *outFlags
}

// extractFlags returns the flag set of extract and the values it parses
// into (the front parses them too, to see whether it serves the command).
func (e *env) extractFlags() (*flag.FlagSet, extractFlagValues) {
	fs := e.newFlags("extract", "extract [--format ndjson|json|csv|xlsx] [--bom] [--out FILE [--partial]] [--institution NAME] [--pages LIST] [--password PASSWORD] [--dates month-first|day-first] [--strict] INPUT...")
	var v extractFlagValues
	v.format = fs.String("format", output.FormatNDJSON, "output format: ndjson, json, csv or xlsx")
	v.bom = fs.Bool("bom", false, "csv: start with a UTF-8 byte order mark, so Excel reads the file as UTF-8")
	v.out = addOutFlags(fs, "the records")
	v.inst = fs.String("institution", "", "the home institution's `NAME` (overrides what the document says)")
	v.strict = fs.Bool("strict", false, "exit 1 when a read looks wrong (the warnings on stderr), not only when an input cannot be read")
	v.dates = fs.String("dates", "", "how the list writes a/b/YYYY dates: `ORDER` month-first (US) or day-first; without it such dates are refused as ambiguous unless a part is above 12")
	v.pages = fs.String("pages", "", pagesHelp)
	v.password = fs.String("password", "", "the user `PASSWORD` of a protected PDF (the empty one is tried first)")
	return fs, v
}

func (e *env) extract(args []string) int {
	fs, v := e.extractFlags()
	format, bom, out, inst, strict, dates, pagesFlag, password := v.format, v.bom, v.out, v.inst, v.strict, v.dates, v.pages, v.password
	inputs, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	pages, err := parsePages(*pagesFlag)
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements extract: --pages: %v\n", err)
		return exitUsage
	}
	if len(inputs) == 0 {
		fmt.Fprintln(e.stderr, "agreements extract: no INPUT given")
		fs.Usage()
		return exitUsage
	}
	wopt := output.Options{BOM: *bom}
	if _, err := newRecordWriter(&bytes.Buffer{}, *format, wopt); err != nil {
		fmt.Fprintf(e.stderr, "agreements extract: %v\n", err)
		return exitUsage
	}

	// The documents are read here only: the normaliser lets go of their
	// rows as it reads them.
	opt := normalize.Options{Institution: *inst} // extractPages consumes the document
	switch *dates {
	case "":
	case "month-first":
		opt.MonthFirst = true
	case "day-first":
		opt.DayFirst = true
	default:
		fmt.Fprintf(e.stderr, "agreements extract: --dates %q: want month-first or day-first\n", *dates)
		return exitUsage
	}

	if code := e.openOut(out, inputs); code >= 0 {
		return code
	}
	defer collectForExtract()()

	// Records go to stdout, or to the temporary file of --out, as the
	// normaliser makes them, in the order of the inputs: the records of
	// the input whose turn it is are written as they come, those of the
	// inputs after it held until its turn (recordSink). The temporary
	// file replaces --out only when the run says it may. For an --out
	// written in place (a device, a pipe) they are held, each input's as
	// they were made, until the run says whether it is written.
	var stream output.Writer
	var streamErr error
	var pending *output.Pending
	var pendingErr error
	switch {
	case out.target == nil:
		stream, _ = newRecordWriter(e.stdout, *format, wopt)
	case !out.target.InPlace():
		if pending, pendingErr = out.target.Begin(e.temps); pendingErr == nil {
			stream, _ = newRecordWriter(pending.File(), *format, wopt)
		}
	}
	write := func(r agreement.Record) {
		if streamErr == nil {
			streamErr = stream.Write(r)
		}
	}
	switch {
	case pendingErr != nil:
		write = func(agreement.Record) {} // not written: the error is said at the end
	case stream == nil:
		write = nil
	}
	var held [][]agreement.Record
	var errs []error
	records := 0
	read := 0 // inputs that gave a document, even with some pages lost
	doubts := 0
	e.extractEach(inputs, opt, readOpts{pages: pages, password: *password, alone: len(inputs) == 1}, write, func(got extracted) {
		res, err := got.res, got.err
		if res != nil {
			records += got.records
			if stream == nil {
				held = append(held, got.held)
			}
			read++
			doubts += e.printWarnings("extract", res.Warnings)
			if err == nil {
				err = fatalWarning(res.Warnings)
			}
		}
		if err != nil {
			errs = append(errs, err)
		}
	})

	joined := errors.Join(errs...)
	if joined != nil {
		fmt.Fprintf(e.stderr, "agreements extract: %v\n", joined)
	}
	if read == 0 && out.toFile() {
		// Nothing could be read: leave an existing output as it was rather
		// than replace last year's records with nothing, and make none.
		if pending != nil {
			pending.Abort()
		}
		fmt.Fprintf(e.stderr, "agreements extract: no input could be read; %s left unchanged\n", parser.QuoteName(*out.out))
		return exitFail
	}
	if pending != nil || pendingErr != nil {
		werr := streamErr
		if werr == nil && stream != nil {
			werr = stream.Close()
		}
		if code := e.commitOut(out, incomplete(len(errs), records), pending, pendingErr, werr); code >= 0 {
			return code
		}
	} else if code := e.writeOut(out, incomplete(len(errs), records), func(w io.Writer) error {
		if stream != nil {
			if streamErr != nil {
				return streamErr
			}
			return stream.Close()
		}
		rw, err := newRecordWriter(w, *format, wopt)
		if err != nil {
			return err
		}
		for k, recs := range held {
			for i := range recs {
				if err := rw.Write(recs[i]); err != nil {
					return err
				}
			}
			held[k] = nil // written: let go
		}
		return rw.Close()
	}); code >= 0 {
		return code
	}
	if joined != nil {
		return exitFail
	}
	if *strict && doubts > 0 {
		fmt.Fprintf(e.stderr, "agreements extract: %d %s about the read (--strict)\n", doubts, plural(doubts, "warning", "warnings"))
		return exitFail
	}
	return exitOK
}

// extractGCPercent is the collector's GOGC while extract reads: the heap
// is collected when it has grown by half what is live, not doubled it.
// What is live is mostly one document and its records at once, so the
// headroom is most of the command's memory: at 100 the command's peak was
// 80 MB on a 1,000-page table (30,000 records) and 205 MB on a 10 MB HTML
// page; at 50, 70 and 165 MB, for 8–10% more CPU time in the command.
const extractGCPercent = 50

// collectForExtract sets the collector for an extract, unless GOGC is set
// or collection is off (a quiet start: small inputs) or lower already. It
// returns what puts the setting back.
func collectForExtract() func() {
	if _, set := os.LookupEnv("GOGC"); set {
		return func() {}
	}
	old := debug.SetGCPercent(extractGCPercent)
	if old < 0 || old <= extractGCPercent {
		debug.SetGCPercent(old)
		return func() {}
	}
	return func() { debug.SetGCPercent(old) }
}

// While the only input of a run is parsed in its child and the reply
// decoded here, the command makes nothing that it lets go: the document as
// decoded only grows. Collecting on the way (at every half as much again,
// five times on the way to a 10 MB page's 52 MiB) marks what is kept again
// and again, for nothing: collectAroundRead turns the collector off for
// the read and collects once at its end. The normaliser then lets the
// rows go as it reads them: while it reads them, the heap is held to an
// eighth of what is live and readSlack above it (a soft memory limit, set
// back if the heap grows instead: see liveFollower), not let grow by half
// again, which at 50 MB was half the command's peak.
const readSlack = 8 << 20

// collectAroundRead turns the collector off while the input is read, when
// it is the only one read at the time (alone) and the collector runs as
// extract set it (not off for a quiet start, nor set by GOGC). It returns
// what collects, once the input's bytes are let go and its document
// decoded, sets the collector back and holds the heap while the document
// is normalised; what that returns sets the memory limit back.
func collectAroundRead(alone bool) (collected func() (normalised func())) {
	none := func() func() { return func() {} }
	if _, set := os.LookupEnv("GOGC"); set || !alone {
		return none
	}
	old := debug.SetGCPercent(-1)
	if old < 0 {
		debug.SetGCPercent(old)
		return none
	}
	return func() func() {
		defer debug.SetGCPercent(old)
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if ms.HeapAlloc < readSlack {
			// A small document (a PDF of a few pages): a collection
			// forced now would cost more than the little it frees (a
			// PDF of 1 MB, 2–5 ms against its 8 ms read), and the
			// collector set back finds it as it goes.
			return func() {}
		}
		runtime.GC()
		runtime.ReadMemStats(&ms)
		limit := debug.SetMemoryLimit(-1)
		if followLimit(int64(ms.HeapAlloc)) >= limit {
			return func() {}
		}
		f := &liveFollower{limit: followLimit(int64(ms.HeapAlloc)), restore: limit}
		debug.SetMemoryLimit(f.limit)
		f.arm()
		return f.release
	}
}

// followLimit is the soft memory limit for a live heap of live bytes.
func followLimit(live int64) int64 { return live + live/8 + readSlack }

// liveFollower holds the command's soft memory limit while one input's
// document is normalised and its rows let go as they are read:
// followLimit of the live heap the read left. A collection that finds
// more live than that allows (lines held to the end, records held, not
// written as they come), two in a row, sets the limit back for the rest
// of the run, so that the collector never runs for a heap it cannot
// shrink.
type liveFollower struct {
	mu      sync.Mutex
	limit   int64 // the limit set; 0 once let go
	restore int64 // the limit before
	over    int   // the collections in a row that found more than the limit allows
}

// arm has follow run after the next collection, and arm again.
func (f *liveFollower) arm() {
	runtime.AddCleanup(&gcTick{}, func(f *liveFollower) {
		if f.follow() {
			f.arm()
		}
	}, f)
}

// follow looks at the heap after a collection and sets the limit back
// when two collections in a row find more than it allows; it reports
// false once the limit is let go.
func (f *liveFollower) follow() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.limit == 0 {
		return false
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if followLimit(int64(ms.HeapAlloc)) <= f.limit {
		f.over = 0
		return true
	}
	// (The heap read after a collection counts what it has not swept yet:
	// one such reading may be garbage; two in a row are taken for growth.)
	if f.over++; f.over < 2 {
		return true
	}
	// The heap grows rather than lets go (a page's lines, held to the
	// end, and what is read of them; records held): the limit is set
	// back, and the collector goes at its own pace, not marking what is
	// kept again at every eighth.
	debug.SetMemoryLimit(f.restore)
	f.limit = 0
	return false
}

// release sets the memory limit back.
func (f *liveFollower) release() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.limit != 0 {
		debug.SetMemoryLimit(f.restore)
		f.limit = 0
	}
}

// extracted is one input's result: its records were given to the
// writer of extractEach as they were made (records of them), or are
// held when there is none.
type extracted struct {
	res     *agreement.Result
	err     error
	records int
	held    []agreement.Record
}

// recordSink takes the records of one input as the normaliser emits
// them: it holds them until the input's turn comes (direct), then gives
// them, and those that come after, to write. With no write, it holds
// them all.
type recordSink struct {
	mu     sync.Mutex
	write  func(agreement.Record)
	direct bool
	held   []agreement.Record
	n      int
}

func (s *recordSink) emit(r agreement.Record) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	if s.direct {
		s.write(r)
		return
	}
	s.held = append(s.held, r)
}

// turn writes the records held so far and has those that come after
// written as they come.
func (s *recordSink) turn() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.write == nil {
		return
	}
	for i := range s.held {
		s.write(s.held[i])
	}
	s.held, s.direct = nil, true
}

// extractEach extracts the inputs, as many at once as there are
// processors (each is parsed in a child process and normalised here), and
// calls fn with their results in the order of the inputs, each as soon as
// it and those before it are done. The records of the input whose turn
// it is are given to write as they are made, those of the inputs after
// it when its turn comes (before fn); with write nil, they are held in
// the result. At most twice as many results as run at once are made
// ahead of the one fn waits for, so that a slow input holds back the
// memory of the others' records, not all of them.
func (e *env) extractEach(inputs []string, opt normalize.Options, ro readOpts, write func(agreement.Record), fn func(extracted)) {
	if len(inputs) == 1 {
		// One input: read here, its records given to write as they are
		// made, without goroutines to hand them between.
		var sink recordSink
		sink.write = write
		sink.turn()
		o := opt
		o.Emit = sink.emit
		var got extracted
		got.res, got.err = e.extractFilePages(inputs[0], o, ro)
		got.records, got.held = sink.n, sink.held
		fn(got)
		return
	}
	out := make([]extracted, len(inputs))
	done := make([]chan struct{}, len(inputs))
	sinks := make([]recordSink, len(inputs))
	for i := range done {
		done[i] = make(chan struct{})
		sinks[i].write = write
	}
	n := runtime.GOMAXPROCS(0)
	if i := slices.Index(inputs, "-"); i >= 0 && slices.Contains(inputs[i+1:], "-") {
		n = 1 // stdin named twice: the first reads it, the second finds it empty
	}
	running := make(chan struct{}, n) // inputs being read
	ahead := make(chan struct{}, 2*n) // results made and not yet given to fn
	var wg sync.WaitGroup
	wg.Go(func() {
		for i, in := range inputs {
			ahead <- struct{}{}
			running <- struct{}{}
			wg.Go(func() {
				defer close(done[i])
				defer func() { <-running }()
				o := opt
				o.Emit = sinks[i].emit
				out[i].res, out[i].err = e.extractFilePages(in, o, ro)
			})
		}
	})
	for i := range inputs {
		sinks[i].turn()
		<-done[i]
		got := out[i]
		out[i] = extracted{}
		got.records, got.held = sinks[i].n, sinks[i].held
		sinks[i] = recordSink{}
		fn(got)
		<-ahead
	}
	wg.Wait()
}

// printWarnings writes a read's warnings to stderr, one line each, and
// returns how many it wrote.
func (e *env) printWarnings(cmd string, ws []agreement.Warning) int {
	n := 0
	for _, w := range ws {
		if w.Fatal {
			continue // said once, as the input's error
		}
		fmt.Fprintf(e.stderr, "agreements %s: warning: %s\n", cmd, w)
		n++
	}
	return n
}

// fatalWarning is the error of a read that cannot stand whatever the flags
// (a scanned document with no text layer), or nil.
func fatalWarning(ws []agreement.Warning) error {
	for _, w := range ws {
		if w.Fatal {
			return &parser.Error{File: w.File, Err: errors.New(w.Message)}
		}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// incomplete says why a result is incomplete, for an --out it should
// not replace: inputs or pages that could not be read (each named on
// stderr), no records at all. "" when it is complete.
func incomplete(failed, records int) string {
	switch {
	case failed > 0:
		return fmt.Sprintf("%d %s could not be read in full, named above", failed, plural(failed, "input", "inputs"))
	case records == 0:
		return "no records"
	}
	return ""
}
