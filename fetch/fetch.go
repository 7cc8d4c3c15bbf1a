// Package fetch gets the documents of a refresh: over HTTP, politely
// (conditional requests against a cache, at most one request at a time
// per host, a descriptive User-Agent, retries with backoff on server and
// network errors only, a cap on the body's size) or from disk, keeping
// every body in a content-addressed cache.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cenkalti/backoff/v5"
)

// Defaults of Options.
const (
	DefaultTimeout      = 60 * time.Second
	DefaultMaxBody      = 512 << 20
	DefaultTries        = 4
	DefaultBackoff      = time.Second
	DefaultMaxRedirects = 10
	maxBackoff          = 30 * time.Second
)

// Options tune a Client. Zero values take the defaults.
type Options struct {
	UserAgent    string        // sent with every request
	Timeout      time.Duration // one attempt, from dialling to the body's last byte
	MaxBody      int64         // bytes; a larger body is an error
	Tries        int           // attempts per address on a network error or a 5xx
	Backoff      time.Duration // the first wait before a retry; it doubles (with jitter) up to 30 s
	MaxRedirects int
	// Transport makes the requests; nil uses a clone of
	// http.DefaultTransport.
	Transport http.RoundTripper
}

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = "agreements (yearly refresh of published agreement lists)"
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.Tries <= 0 {
		o.Tries = DefaultTries
	}
	if o.Backoff <= 0 {
		o.Backoff = DefaultBackoff
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.Transport == nil {
		o.Transport = http.DefaultTransport.(*http.Transport).Clone()
	}
	return o
}

// Client fetches documents. It is safe for concurrent use; requests to one
// host wait for each other.
type Client struct {
	opt   Options
	http  *http.Client
	cache *Cache

	mu    sync.Mutex
	hosts map[string]chan struct{}
}

// New returns a client keeping bodies in cache.
func New(cache *Cache, opt Options) *Client {
	opt = opt.withDefaults()
	return &Client{
		opt:   opt,
		cache: cache,
		http: &http.Client{
			Transport: opt.Transport,
			// Redirects are followed by Get, one hop at a time, so each
			// hop is recorded and waits for its own host.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
		hosts: map[string]chan struct{}{},
	}
}

// Hop is one redirect followed.
type Hop struct {
	URL      string `json:"url"`
	Status   int    `json:"status"`
	Location string `json:"location"`
}

// Response is a document fetched (or read from disk).
type Response struct {
	URL          string `json:"url"`       // as asked for (a path for a file on disk)
	FinalURL     string `json:"final_url"` // after redirects
	Redirects    []Hop  `json:"redirects,omitempty"`
	Status       int    `json:"status,omitempty"` // of the last answer: 200, or 304 when the cached body was still current
	NotModified  bool   `json:"not_modified"`
	ContentType  string `json:"content_type,omitempty"` // as the server said; the bytes decide the format
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	Attempts     int    `json:"attempts,omitempty"` // requests made, retries and redirects included
	SHA256       string `json:"sha256"`
	Size         int    `json:"size"`
	CachePath    string `json:"cache_path"`
	Body         []byte `json:"-"`
}

// StatusError is an answer other than success, a redirect or 304.
type StatusError struct {
	URL    string
	Status int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: HTTP %d %s", e.URL, e.Status, http.StatusText(e.Status))
}

// ErrTooLarge is returned for a body over Options.MaxBody.
var ErrTooLarge = errors.New("body too large")

// Get fetches rawURL, following redirects, and keeps the body in the cache.
// A request the cache can answer is made conditional; a 304 returns the
// cached body with NotModified set.
func (c *Client) Get(ctx context.Context, rawURL string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%s: not an http or https address", rawURL)
	}
	resp := &Response{URL: rawURL}
	for {
		cond := c.cache.validators(u.String())
		h, err := c.retrying(ctx, u, cond, resp)
		if err != nil {
			return resp, err
		}
		switch {
		case isRedirect(h.status):
			next, err := redirectTarget(u, h.header.Get("Location"))
			if err != nil {
				return resp, err
			}
			resp.Redirects = append(resp.Redirects, Hop{URL: u.String(), Status: h.status, Location: next.String()})
			if len(resp.Redirects) > c.opt.MaxRedirects {
				return resp, fmt.Errorf("%s: more than %d redirects", rawURL, c.opt.MaxRedirects)
			}
			u = next
			continue
		case h.status == http.StatusNotModified:
			if cond == nil {
				return resp, fmt.Errorf("%s: HTTP 304 to a request that was not conditional", u)
			}
			body, path, err := c.cache.Body(cond.SHA256)
			if err != nil {
				// The cache lost the body: ask again, unconditionally.
				h, err = c.retrying(ctx, u, nil, resp)
				if err != nil {
					return resp, err
				}
				if h.status != http.StatusOK {
					return resp, &StatusError{URL: u.String(), Status: h.status}
				}
				return resp, c.keep(resp, u, h)
			}
			resp.FinalURL = u.String()
			resp.Status = h.status
			resp.NotModified = true
			resp.ETag, resp.LastModified, resp.ContentType = cond.ETag, cond.LastModified, cond.ContentType
			resp.SHA256, resp.Size, resp.CachePath, resp.Body = cond.SHA256, len(body), path, body
			return resp, nil
		case h.status == http.StatusOK:
			return resp, c.keep(resp, u, h)
		default:
			return resp, &StatusError{URL: u.String(), Status: h.status}
		}
	}
}

// keep fills resp from a 200 answer and keeps its body and validators.
func (c *Client) keep(resp *Response, u *url.URL, h *hop) error {
	sum, path, err := c.cache.PutBody(h.body)
	if err != nil {
		return err
	}
	resp.FinalURL = u.String()
	resp.Status = h.status
	resp.ContentType = h.header.Get("Content-Type")
	resp.ETag = h.header.Get("ETag")
	resp.LastModified = h.header.Get("Last-Modified")
	resp.SHA256, resp.Size, resp.CachePath, resp.Body = sum, len(h.body), path, h.body
	return c.cache.putValidators(&validators{
		URL: u.String(), ETag: resp.ETag, LastModified: resp.LastModified,
		SHA256: sum, ContentType: resp.ContentType, Fetched: time.Now().UTC(),
	})
}

// ReadFile reads a document from disk, with the same size cap, and keeps
// it in the cache.
func (c *Client) ReadFile(path string) (*Response, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, c.opt.MaxBody+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(b)) > c.opt.MaxBody {
		return nil, fmt.Errorf("%s: %w: more than %d bytes", path, ErrTooLarge, c.opt.MaxBody)
	}
	sum, cpath, err := c.cache.PutBody(b)
	if err != nil {
		return nil, err
	}
	return &Response{URL: path, FinalURL: path, SHA256: sum, Size: len(b), CachePath: cpath, Body: b}, nil
}

func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

func redirectTarget(from *url.URL, loc string) (*url.URL, error) {
	if loc == "" {
		return nil, fmt.Errorf("%s: redirect without a Location", from)
	}
	next, err := from.Parse(loc)
	if err != nil {
		return nil, fmt.Errorf("%s: redirect to %q: %w", from, loc, err)
	}
	if next.Scheme != "http" && next.Scheme != "https" || next.Host == "" {
		return nil, fmt.Errorf("%s: redirect to %q: not an http or https address", from, loc)
	}
	next.Fragment = ""
	return next, nil
}

// hop is one answer, its body read.
type hop struct {
	status int
	header http.Header
	body   []byte
}

// retrying asks for u until it gets an answer that is not a 5xx, giving up
// after Options.Tries attempts; network errors are retried too, a 4xx or a
// body over the cap are not.
func (c *Client) retrying(ctx context.Context, u *url.URL, cond *validators, resp *Response) (*hop, error) {
	b := &backoff.ExponentialBackOff{
		InitialInterval:     c.opt.Backoff,
		RandomizationFactor: 0.5,
		Multiplier:          2,
		MaxInterval:         maxBackoff,
	}
	return backoff.Retry(ctx, func() (*hop, error) {
		resp.Attempts++
		h, err := c.once(ctx, u, cond)
		if err != nil {
			if errors.Is(err, ErrTooLarge) || ctx.Err() != nil {
				return nil, backoff.Permanent(err)
			}
			return nil, err
		}
		switch {
		case h.status >= 500:
			se := &StatusError{URL: u.String(), Status: h.status}
			if wait, ok := retryAfter(h.header.Get("Retry-After"), time.Now()); ok {
				if wait > maxRetryAfter {
					return nil, backoff.Permanent(fmt.Errorf("%w (the server asks to come back after %v)", se, wait.Round(time.Second)))
				}
				return nil, &retryLater{StatusError: se, after: &backoff.RetryAfterError{Duration: wait}}
			}
			return nil, se
		case h.status >= 400:
			return nil, backoff.Permanent(&StatusError{URL: u.String(), Status: h.status})
		}
		return h, nil
	}, backoff.WithBackOff(b), backoff.WithMaxTries(uint(c.opt.Tries)), backoff.WithMaxElapsedTime(0))
}

// maxRetryAfter is the longest Retry-After a refresh waits for; a server
// asking for longer is not asked again in this run.
const maxRetryAfter = 2 * time.Minute

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(v); err == nil {
		return max(time.Duration(n)*time.Second, 0), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// retryLater is a 5xx whose server said when to come back: the backoff
// waits that long, and the error stays the StatusError.
type retryLater struct {
	*StatusError
	after *backoff.RetryAfterError
}

func (e *retryLater) Unwrap() error { return e.StatusError }

func (e *retryLater) As(target any) bool {
	if t, ok := target.(**backoff.RetryAfterError); ok {
		*t = e.after
		return true
	}
	return false
}

// once makes one request, holding u's host for its whole length.
func (c *Client) once(ctx context.Context, u *url.URL, cond *validators) (*hop, error) {
	release, err := c.acquire(ctx, u.Hostname())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	defer release()

	actx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	req.Header.Set("User-Agent", c.opt.UserAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/pdf;q=0.9, */*;q=0.5")
	if cond != nil {
		if cond.ETag != "" {
			req.Header.Set("If-None-Match", cond.ETag)
		}
		if cond.LastModified != "" {
			req.Header.Set("If-Modified-Since", cond.LastModified)
		}
	}
	res, err := c.http.Do(req)
	if err != nil {
		return nil, c.attemptError(ctx, actx, u, err)
	}
	defer res.Body.Close()
	if res.ContentLength > c.opt.MaxBody {
		return nil, fmt.Errorf("%s: %w: %d bytes announced, the cap is %d", u, ErrTooLarge, res.ContentLength, c.opt.MaxBody)
	}
	body, err := io.ReadAll(io.LimitReader(res.Body, c.opt.MaxBody+1))
	if err != nil {
		return nil, c.attemptError(ctx, actx, u, err)
	}
	if int64(len(body)) > c.opt.MaxBody {
		return nil, fmt.Errorf("%s: %w: more than %d bytes", u, ErrTooLarge, c.opt.MaxBody)
	}
	return &hop{status: res.StatusCode, header: res.Header, body: body}, nil
}

// attemptError names a timeout of the attempt as such.
func (c *Client) attemptError(ctx, actx context.Context, u *url.URL, err error) error {
	if ctx.Err() == nil && errors.Is(actx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%s: no complete answer within %v", u, c.opt.Timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("%s: %w", u, err)
}

// acquire waits until no other request to host is running and returns the
// function that lets the next one go.
func (c *Client) acquire(ctx context.Context, host string) (func(), error) {
	host = strings.ToLower(host)
	c.mu.Lock()
	sem, ok := c.hosts[host]
	if !ok {
		sem = make(chan struct{}, 1)
		c.hosts[host] = sem
	}
	c.mu.Unlock()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
