//go:build !parsechild && !front

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/agreements/agreements/fetch"
	"github.com/agreements/agreements/output"
	"github.com/agreements/agreements/refresh"
	"github.com/agreements/agreements/sources"
	"github.com/agreements/agreements/store"
)

// defaultCache is where refresh keeps fetched bodies when --cache is not
// given, beside the default database.
const defaultCache = "agreements-cache"

// names is a repeatable flag taking names, one per use or comma-separated.
type names []string

func (n *names) String() string { return strings.Join(*n, ",") }

func (n *names) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*n = append(*n, s)
		}
	}
	return nil
}

func (e *env) refresh(args []string) int {
	fs := e.newFlags("refresh", "refresh [--db DSN] [--cache DIR] [--jobs N] [--only NAME...] [--accept NAME...] [--report FILE] SOURCES")
	dsn := fs.String("db", store.DefaultDSN, "the database `DSN`: a path or sqlite:PATH, or postgres://…")
	cacheDir := fs.String("cache", defaultCache, "keep fetched documents and HTTP validators in `DIR`")
	jobs := fs.Int("jobs", 4, "refresh up to `N` sources at once (requests to one host still go one at a time)")
	var only, accept names
	fs.Var(&only, "only", "refresh only the source `NAME` (repeat, or separate with commas)")
	fs.Var(&accept, "accept", "load the held snapshot of source `NAME` after you have looked at it (repeat, or separate with commas)")
	reportFile := fs.String("report", "", "write the whole run to `FILE`: an HTML page when it ends in .html, else JSON")
	timeout := fs.Duration("timeout", fetch.DefaultTimeout, "give up on one request after `DURATION`")
	tries := fs.Int("tries", fetch.DefaultTries, "make up to `N` attempts per address on a network error or an HTTP 5xx (never on a 4xx)")
	maxBody := fs.Int64("max-size", fetch.DefaultMaxBody, "refuse a document over `BYTES`")
	retryWait := fs.Duration("retry-wait", fetch.DefaultBackoff, "wait `DURATION` before the first retry; each further wait doubles (with jitter), up to 30s")
	pos, code := parseFlags(fs, args)
	if code >= 0 {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintln(e.stderr, "agreements refresh: want one SOURCES file")
		fs.Usage()
		return exitUsage
	}
	if *jobs < 1 || *tries < 1 || *timeout <= 0 || *maxBody <= 0 || *retryWait <= 0 {
		fmt.Fprintln(e.stderr, "agreements refresh: --jobs, --tries, --timeout, --max-size and --retry-wait must be positive")
		return exitUsage
	}
	file, err := sources.Load(pos[0])
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements refresh: %v\n", err)
		return exitUsage
	}
	srcs, err := file.Select(only)
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements refresh: --only: %v\n", err)
		return exitUsage
	}
	acc := map[string]bool{}
	if len(accept) > 0 {
		if _, err := file.Select(accept); err != nil {
			fmt.Fprintf(e.stderr, "agreements refresh: --accept: %v\n", err)
			return exitUsage
		}
		for _, n := range accept {
			acc[n] = true
		}
	}

	// The report file is checked before the run, written through the
	// same writer as every --out.
	var report *output.Target
	if *reportFile != "" {
		if report, err = output.OpenTarget(*reportFile, []string{pos[0]}); err != nil {
			fmt.Fprintf(e.stderr, "agreements refresh: --report %v\n", err)
			return exitUsage
		}
	}

	cache, err := fetch.OpenCache(*cacheDir)
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements refresh: %s: %v\n", *cacheDir, err)
		return exitFail
	}
	// Ctrl-C stops the requests under way; a load in progress is rolled
	// back, so the store keeps each list's last complete snapshot.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	db, err := store.Open(ctx, *dsn)
	if err != nil {
		fmt.Fprintf(e.stderr, "agreements refresh: %v\n", err)
		return exitFail
	}
	defer db.Close()

	client := fetch.New(cache, fetch.Options{
		UserAgent: fmt.Sprintf("agreements/%s (yearly refresh of published lists of exchange agreements; +https://github.com/agreements/agreements)",
			strings.Trim(toolVersion(), "()")),
		Timeout: *timeout,
		Tries:   *tries,
		MaxBody: *maxBody,
		Backoff: *retryWait,
	})
	prog := e.newProgress(len(srcs))
	rep := refresh.Run(ctx, srcs, refresh.Options{
		Client:      client,
		Store:       refresh.Database{DB: db},
		Extract:     extractBytes,
		Jobs:        *jobs,
		Accept:      acc,
		ToolVersion: toolVersion(),
		Done:        prog.done,
	})
	prog.finish()
	rep.SourcesFile = pos[0]
	rep.Database = *dsn
	rep.Cache = *cacheDir

	failed := !rep.OK()
	fmt.Fprintf(e.stderr, "agreements refresh: %d sources: %d unchanged, %d loaded, %d held, %d failed (%.1fs)\n",
		rep.Summary.Sources, rep.Summary.Unchanged, rep.Summary.Loaded, rep.Summary.Held, rep.Summary.Failed, rep.Seconds)
	if report != nil {
		if err := e.writeRefreshReport(report, rep); err != nil {
			fmt.Fprintf(e.stderr, "agreements refresh: %v\n", err)
			failed = true
		}
	}
	if failed {
		return exitFail
	}
	return exitOK
}

// toolVersion is the program's version alone ("v1.2.0", "(devel)"), as
// the User-Agent and the store's snapshots name it.
func toolVersion() string {
	return strings.Fields(versionString())[0]
}

func (e *env) writeRefreshReport(t *output.Target, rep *refresh.Report) error {
	return t.Write(e.temps, func(f *os.File) error {
		ext := strings.ToLower(filepath.Ext(t.Name))
		if ext == ".html" || ext == ".htm" {
			return refresh.WriteHTML(f, rep, filepath.Dir(t.Name))
		}
		enc := json.NewEncoder(f)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	})
}

// progress prints one line per source as it finishes; on a terminal, a
// progress bar stays under the lines.
type progress struct {
	mu  sync.Mutex
	w   io.Writer
	bar *progressbar.ProgressBar
}

func (e *env) newProgress(n int) *progress {
	p := &progress{w: e.stderr}
	if f, ok := e.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.bar = progressbar.NewOptions(n,
			progressbar.OptionSetWriter(f),
			progressbar.OptionSetDescription("refresh"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(false),
			progressbar.OptionClearOnFinish(),
		)
		_ = p.bar.RenderBlank()
	}
	return p
}

func (p *progress) done(s *refresh.SourceReport) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Clear()
	}
	fmt.Fprintln(p.w, s.Line())
	if p.bar != nil {
		_ = p.bar.Add(1)
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
