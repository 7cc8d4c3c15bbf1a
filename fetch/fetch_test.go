package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const page = "<html><body><table><tr><td>Tohoku University</td></tr></table></body></html>"

func newClient(t *testing.T, opt Options) (*Client, *Cache) {
	t.Helper()
	cache, err := OpenCache(t.TempDir())
	require.NoError(t, err)
	if opt.Backoff == 0 {
		opt.Backoff = time.Millisecond
	}
	if opt.Tries == 0 {
		opt.Tries = 3
	}
	return New(cache, opt), cache
}

func TestETagAndNotModified(t *testing.T) {
	var hits, notModified atomic.Int32
	var agent atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		agent.Store(r.Header.Get("User-Agent"))
		if r.Header.Get("If-None-Match") == `"v1"` {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	c, cache := newClient(t, Options{UserAgent: "agreements-test/1"})
	ctx := context.Background()

	first, err := c.Get(ctx, srv.URL+"/list.html")
	require.NoError(t, err)
	assert.False(t, first.NotModified)
	assert.Equal(t, 200, first.Status)
	assert.Equal(t, page, string(first.Body))
	assert.Equal(t, `"v1"`, first.ETag)
	assert.Equal(t, Digest([]byte(page)), first.SHA256)
	assert.True(t, strings.HasSuffix(first.CachePath, ".html"), first.CachePath)
	assert.Equal(t, "agreements-test/1", agent.Load())

	second, err := c.Get(ctx, srv.URL+"/list.html")
	require.NoError(t, err)
	assert.True(t, second.NotModified)
	assert.Equal(t, 304, second.Status)
	assert.Equal(t, page, string(second.Body))
	assert.Equal(t, first.SHA256, second.SHA256)
	assert.Equal(t, first.CachePath, second.CachePath)
	assert.Equal(t, int32(2), hits.Load())
	assert.Equal(t, int32(1), notModified.Load())

	// The cache lost the body: the 304 is not trusted, the body is asked for again.
	require.NoError(t, os.Remove(first.CachePath))
	third, err := c.Get(ctx, srv.URL+"/list.html")
	require.NoError(t, err)
	assert.Equal(t, page, string(third.Body))
	assert.Equal(t, int32(4), hits.Load())
	b, _, err := cache.Body(first.SHA256)
	require.NoError(t, err)
	assert.Equal(t, page, string(b))
}

func TestLastModified(t *testing.T) {
	const stamp = "Mon, 02 Jun 2025 10:00:00 GMT"
	body := page
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if r.Header.Get("If-Modified-Since") == stamp && body == page {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", stamp)
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	c, _ := newClient(t, Options{})
	ctx := context.Background()
	_, err := c.Get(ctx, srv.URL)
	require.NoError(t, err)
	r, err := c.Get(ctx, srv.URL)
	require.NoError(t, err)
	assert.True(t, r.NotModified)

	mu.Lock()
	body = strings.Replace(page, "Tohoku", "Kyoto", 1)
	mu.Unlock()
	r, err = c.Get(ctx, srv.URL)
	require.NoError(t, err)
	assert.False(t, r.NotModified)
	assert.Contains(t, string(r.Body), "Kyoto")
}

func TestRetryOn5xx(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) <= 2 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	c, _ := newClient(t, Options{Tries: 4})
	r, err := c.Get(context.Background(), srv.URL)
	require.NoError(t, err)
	assert.Equal(t, page, string(r.Body))
	assert.Equal(t, 3, r.Attempts)
	assert.Equal(t, int32(3), hits.Load())
}

func TestRetriesRunOut(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.Error(w, "broken", http.StatusInternalServerError)
	}))
	defer srv.Close()
	c, _ := newClient(t, Options{Tries: 3})
	r, err := c.Get(context.Background(), srv.URL)
	var se *StatusError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 500, se.Status)
	assert.Contains(t, err.Error(), "HTTP 500 Internal Server Error")
	assert.Equal(t, 3, r.Attempts)
	assert.Equal(t, int32(3), hits.Load())
}

func TestNoRetryOn4xx(t *testing.T) {
	for _, status := range []int{http.StatusNotFound, http.StatusForbidden, http.StatusTooManyRequests} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			var hits atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				hits.Add(1)
				w.WriteHeader(status)
			}))
			defer srv.Close()
			c, _ := newClient(t, Options{Tries: 4})
			r, err := c.Get(context.Background(), srv.URL+"/gone.pdf")
			var se *StatusError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, status, se.Status)
			assert.Equal(t, srv.URL+"/gone.pdf", se.URL)
			assert.Equal(t, 1, r.Attempts)
			assert.Equal(t, int32(1), hits.Load())
		})
	}
}

func TestRetryOnNetworkError(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 1 {
			// Drop the connection without an answer.
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
			return
		}
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	c, _ := newClient(t, Options{})
	r, err := c.Get(context.Background(), srv.URL)
	require.NoError(t, err)
	assert.Equal(t, page, string(r.Body))
	assert.Equal(t, 2, r.Attempts)
}

func TestRedirectsFollowedAndRecorded(t *testing.T) {
	var conditional atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/old/list.html", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/moved/list.html", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/moved/list.html", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "../new/list.html", http.StatusFound)
	})
	mux.HandleFunc("/new/list.html", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"n"` {
			conditional.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"n"`)
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c, _ := newClient(t, Options{MaxRedirects: 5})
	ctx := context.Background()

	r, err := c.Get(ctx, srv.URL+"/old/list.html")
	require.NoError(t, err)
	assert.Equal(t, srv.URL+"/new/list.html", r.FinalURL)
	assert.Equal(t, []Hop{
		{URL: srv.URL + "/old/list.html", Status: 301, Location: srv.URL + "/moved/list.html"},
		{URL: srv.URL + "/moved/list.html", Status: 302, Location: srv.URL + "/new/list.html"},
	}, r.Redirects)
	assert.Equal(t, page, string(r.Body))

	r, err = c.Get(ctx, srv.URL+"/old/list.html")
	require.NoError(t, err)
	assert.True(t, r.NotModified)
	assert.Len(t, r.Redirects, 2)
	assert.Equal(t, int32(1), conditional.Load())

	_, err = c.Get(ctx, srv.URL+"/loop")
	assert.ErrorContains(t, err, "more than 5 redirects")
}

func TestBodyCap(t *testing.T) {
	big := strings.Repeat("x", 4096)
	var hits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/announced", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Length", fmt.Sprint(len(big)))
		fmt.Fprint(w, big)
	})
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		for range 8 {
			fmt.Fprint(w, big[:1024])
			w.(http.Flusher).Flush()
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c, _ := newClient(t, Options{MaxBody: 2048, Tries: 3})
	for _, p := range []string{"/announced", "/chunked"} {
		hits.Store(0)
		_, err := c.Get(context.Background(), srv.URL+p)
		require.ErrorIs(t, err, ErrTooLarge, p)
		assert.Contains(t, err.Error(), srv.URL+p)
		assert.Equal(t, int32(1), hits.Load(), "%s: a body over the cap is not asked for again", p)
	}
}

func TestTimeout(t *testing.T) {
	done := make(chan struct{})
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		select { // stall until the client gives up
		case <-r.Context().Done():
		case <-done:
		}
	}))
	defer srv.Close()
	defer close(done)
	c, _ := newClient(t, Options{Timeout: 50 * time.Millisecond, Tries: 2})
	r, err := c.Get(context.Background(), srv.URL)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no complete answer within 50ms")
	assert.Equal(t, 2, r.Attempts)
}

// TestOneRequestPerHost holds the first request in the server and checks
// that a second one to the same host does not arrive until it is
// answered, while one to another host does.
func TestOneRequestPerHost(t *testing.T) {
	arrived := make(chan string, 4)
	release := make(chan struct{})
	var inFlight, most atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		arrived <- r.Host + r.URL.Path
		if r.URL.Path == "/held" {
			<-release
		}
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	c, _ := newClient(t, Options{})
	ctx := context.Background()

	var wg sync.WaitGroup
	errs := make(chan error, 3)
	get := func(u string) {
		defer wg.Done()
		_, err := c.Get(ctx, u)
		errs <- err
	}
	wg.Add(1)
	go get(srv.URL + "/held")
	assert.Equal(t, strings.TrimPrefix(srv.URL, "http://")+"/held", <-arrived)

	wg.Add(1)
	go get(srv.URL + "/second")
	select {
	case p := <-arrived:
		t.Fatalf("%s arrived while another request to the host was running", p)
	case <-time.After(200 * time.Millisecond):
	}

	// Another host name (the same server) is not held up.
	other := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
	wg.Add(1)
	go get(other + "/other")
	assert.Contains(t, <-arrived, "/other")

	close(release)
	assert.Contains(t, <-arrived, "/second")
	wg.Wait()
	close(errs)
	for err := range errs {
		assert.NoError(t, err)
	}
	assert.Equal(t, int32(2), most.Load(), "only the request to the other host ran beside the held one")
}

func TestReadFile(t *testing.T) {
	c, cache := newClient(t, Options{MaxBody: 72})
	dir := t.TempDir()
	p := filepath.Join(dir, "list.html")
	require.NoError(t, os.WriteFile(p, []byte(page[:70]), 0o644))
	r, err := c.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, p, r.URL)
	assert.Equal(t, Digest([]byte(page[:70])), r.SHA256)
	b, path, err := cache.Body(r.SHA256)
	require.NoError(t, err)
	assert.Equal(t, page[:70], string(b))
	assert.Equal(t, r.CachePath, path)

	require.NoError(t, os.WriteFile(p, []byte(page), 0o644))
	_, err = c.ReadFile(p)
	require.ErrorIs(t, err, ErrTooLarge)

	_, err = c.ReadFile(filepath.Join(dir, "missing.pdf"))
	assert.ErrorContains(t, err, "missing.pdf: no such file or directory")

	// A kept body that no longer matches its digest is refused.
	require.NoError(t, os.WriteFile(path, []byte("changed"), 0o644))
	_, _, err = cache.Body(r.SHA256)
	assert.ErrorContains(t, err, "does not match its digest")
}

func TestBadAddress(t *testing.T) {
	c, _ := newClient(t, Options{})
	for _, u := range []string{"ftp://example.org/x", "not a url", "http://"} {
		_, err := c.Get(context.Background(), u)
		assert.ErrorContains(t, err, "not an http or https address", u)
	}
}

func TestFindLink(t *testing.T) {
	re := regexp.MustCompile(`partners-\d{4}\.pdf$`)
	index := `<html><body><a href="#top">top</a>
<a href="../files/partners-2025.pdf?x=1#p">old style</a>
<a href="/files/partners-2025.pdf">List of partners 2025</a>
<a href="/files/partners-2024.pdf">2024</a></body></html>`
	got, err := FindLink("http://127.0.0.1:1/intl/index.html", []byte(index), "text/html", re)
	require.NoError(t, err)
	assert.Equal(t, "http://127.0.0.1:1/files/partners-2025.pdf", got)

	// By link text, on a Shift_JIS page.
	sjis := []byte("<html><head><meta charset=\"shift_jis\"></head><body><a href=\"a.pdf\">\x8b\xa6\x92\xe8\x8d\x5a\x88\xea\x97\x97</a></body></html>")
	got, err = FindLink("http://127.0.0.1:1/intl/", sjis, "", regexp.MustCompile("協定校一覧"))
	require.NoError(t, err)
	assert.Equal(t, "http://127.0.0.1:1/intl/a.pdf", got)

	_, err = FindLink("http://127.0.0.1:1/intl/", []byte(index), "text/html", regexp.MustCompile(`\.xlsx$`))
	assert.ErrorContains(t, err, `http://127.0.0.1:1/intl/: no link on the page matches "\\.xlsx$"`)

	_, err = FindLink("http://127.0.0.1:1/", []byte(`<a href="mailto:x@y">partners-2025.pdf</a>`), "", re)
	assert.ErrorContains(t, err, "not an http or https address")
	assert.False(t, errors.Is(err, ErrTooLarge))
}

func TestRetryAfter(t *testing.T) {
	var hits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/soon", func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 1 {
			w.Header().Set("Retry-After", "0")
			http.Error(w, "maintenance", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("/later", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	c, _ := newClient(t, Options{Tries: 3})

	r, err := c.Get(context.Background(), srv.URL+"/soon")
	require.NoError(t, err)
	assert.Equal(t, 2, r.Attempts)

	r, err = c.Get(context.Background(), srv.URL+"/later")
	var se *StatusError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 503, se.Status)
	assert.Contains(t, err.Error(), "the server asks to come back after 1h0m0s")
	assert.Equal(t, 1, r.Attempts, "not asked again in this run")

	now := time.Date(2025, 6, 2, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"120", 2 * time.Minute, true},
		{"-5", 0, true},
		{"Mon, 02 Jun 2025 10:00:30 GMT", 30 * time.Second, true},
		{"Mon, 02 Jun 2025 09:00:00 GMT", 0, true},
		{"soon", 0, false},
	}
	for _, tt := range tests {
		got, ok := retryAfter(tt.in, now)
		assert.Equal(t, tt.ok, ok, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}
