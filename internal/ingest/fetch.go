package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// UserAgent names Parallax to the sites it fetches from.
const UserAgent = "Parallax/0.1 (+https://github.com/parallaxnews/parallax)"

// ErrForbiddenAddress is returned for URLs the fetcher refuses to reach:
// other schemes than http(s), and private, loopback, link-local,
// unspecified, multicast, CGNAT and reserved addresses (unless
// AllowPrivate).
var ErrForbiddenAddress = errors.New("address not allowed")

// ErrTooLarge is returned when a response is over the size cap.
var ErrTooLarge = errors.New("response over the size cap")

// Fetcher fetches URLs with timeouts, a size cap, retries and a guard
// against private addresses. The zero value is ready to use; the client is
// built on first use, so set the fields before fetching.
//
// The address guard runs at dial time (net.Dialer.Control) on the IP that
// is actually connected to, so neither a DNS name resolving to a private
// address nor a redirect to one can get around it.
type Fetcher struct {
	// AllowPrivate lets the fetcher reach loopback and private addresses.
	AllowPrivate bool
	// Timeout caps one request, redirects and body included (default 30 s).
	Timeout time.Duration
	// ConnectTimeout caps the TCP connect (default 10 s).
	ConnectTimeout time.Duration
	// MaxBytes caps a response body (default DefaultMaxBytes).
	MaxBytes int64
	// Retries is how many times a timeout, 429 or 5xx is retried
	// (default 3; negative means none).
	Retries int
	// RetryBase is the first backoff delay, doubled on each retry
	// (default 500 ms).
	RetryBase time.Duration
	// MaxRedirects caps redirects followed (default 10).
	MaxRedirects int

	// allowDial, in tests, lets through addresses the guard would refuse.
	allowDial func(netip.AddrPort) bool

	once   sync.Once
	client *http.Client
}

// Response is a fetched document.
type Response struct {
	URL         string // after redirects
	StatusCode  int
	ContentType string
	Body        []byte
}

func (f *Fetcher) timeout() time.Duration {
	if f.Timeout > 0 {
		return f.Timeout
	}
	return 30 * time.Second
}

func (f *Fetcher) maxBytes() int64 {
	if f.MaxBytes > 0 {
		return f.MaxBytes
	}
	return DefaultMaxBytes
}

// Client is the guarded HTTP client, for commands that need to stream or
// set their own headers. Its requests go through the same address guard,
// redirect limit and timeout; the size cap and retries are Get's.
func (f *Fetcher) Client() *http.Client {
	f.once.Do(f.build)
	return f.client
}

func (f *Fetcher) build() {
	connect := f.ConnectTimeout
	if connect <= 0 {
		connect = 10 * time.Second
	}
	dialer := &net.Dialer{Timeout: connect, KeepAlive: 30 * time.Second, Control: f.control}
	tr := &http.Transport{
		// No proxy: the guard must see the address really connected to.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          32,
		IdleConnTimeout:       60 * time.Second,
		TLSHandshakeTimeout:   connect,
		ResponseHeaderTimeout: f.timeout(),
	}
	maxRedirects := f.MaxRedirects
	if maxRedirects <= 0 {
		maxRedirects = 10
	}
	f.client = &http.Client{
		Transport: tr,
		Timeout:   f.timeout(),
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("stopped after %d redirects", maxRedirects)
			}
			return checkScheme(req.URL)
		},
	}
}

// control refuses, at dial time, addresses the fetcher must not reach.
func (f *Fetcher) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: cannot parse %q", ErrForbiddenAddress, address)
	}
	if f.AllowPrivate || (f.allowDial != nil && f.allowDial(ap)) {
		return nil
	}
	if reason := forbiddenAddr(ap.Addr()); reason != "" {
		return fmt.Errorf("%w: %s is %s (use --allow-private to fetch it)", ErrForbiddenAddress, ap.Addr(), reason)
	}
	return nil
}

// Special-purpose ranges the net/netip predicates do not cover.
var forbiddenPrefixes = []struct {
	prefix netip.Prefix
	reason string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "a \"this network\" address"},
	{netip.MustParsePrefix("100.64.0.0/10"), "a carrier-grade NAT address"},
	{netip.MustParsePrefix("192.0.0.0/24"), "an IETF protocol address"},
	{netip.MustParsePrefix("198.18.0.0/15"), "a benchmarking address"},
	{netip.MustParsePrefix("240.0.0.0/4"), "a reserved address"},
	{netip.MustParsePrefix("64:ff9b::/96"), "a NAT64 address"},
	{netip.MustParsePrefix("64:ff9b:1::/48"), "a NAT64 address"},
}

// forbiddenAddr says why an address is refused, or "" when it is public.
func forbiddenAddr(a netip.Addr) string {
	a = a.Unmap()
	switch {
	case !a.IsValid():
		return "not a valid address"
	case a.IsLoopback():
		return "a loopback address"
	case a.IsPrivate():
		return "a private address"
	case a.IsMulticast():
		return "a multicast address"
	case a.IsLinkLocalUnicast():
		return "a link-local address"
	case a.IsUnspecified():
		return "an unspecified address"
	}
	for _, p := range forbiddenPrefixes {
		if p.prefix.Contains(a) {
			return p.reason
		}
	}
	return ""
}

func checkScheme(u *url.URL) error {
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return fmt.Errorf("%w: URL %q has no host", ErrForbiddenAddress, u.Redacted())
		}
		return nil
	}
	return fmt.Errorf("%w: scheme %q is not fetched (only http and https)", ErrForbiddenAddress, u.Scheme)
}

// Get fetches rawURL and returns its body and Content-Type.
func (f *Fetcher) Get(ctx context.Context, rawURL string) ([]byte, string, error) {
	r, err := f.Fetch(ctx, rawURL)
	if err != nil {
		return nil, "", err
	}
	return r.Body, r.ContentType, nil
}

// Fetch gets rawURL, retrying timeouts, 429 and 5xx with exponential
// backoff, and fails on other non-2xx statuses and on bodies over the cap.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Response, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	if err := checkScheme(u); err != nil {
		return nil, err
	}
	retries := f.Retries
	if retries == 0 {
		retries = 3
	}
	base := f.RetryBase
	if base <= 0 {
		base = 500 * time.Millisecond
	}
	var lastErr error
	for attempt := 0; ; attempt++ {
		resp, wait, err := f.once1(ctx, u.String())
		if err == nil {
			return resp, nil
		}
		lastErr = err
		if wait < 0 || attempt >= retries || ctx.Err() != nil {
			break
		}
		// Exponential backoff with jitter; a Retry-After is honoured up
		// to a few seconds so one slow site cannot stall a whole run.
		delay := base << attempt
		delay += time.Duration(rand.Int64N(int64(delay)/4 + 1))
		if wait > delay {
			delay = min(wait, 5*time.Second)
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, fmt.Errorf("fetching %s: %w (after: %v)", u.Redacted(), ctx.Err(), lastErr)
		case <-t.C:
		}
	}
	return nil, lastErr
}

// once1 makes one request. wait is -1 when the failure is final, else the
// server's Retry-After (0 when it gave none).
func (f *Fetcher) once1(ctx context.Context, rawURL string) (*Response, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, -1, fmt.Errorf("bad URL: %w", err)
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,application/json;q=0.8,*/*;q=0.5")
	resp, err := f.Client().Do(req)
	if err != nil {
		// Drop url.Error's `Get "…":` prefix; the message names the URL.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		if errors.Is(err, ErrForbiddenAddress) {
			return nil, -1, fmt.Errorf("fetching %s: %w", req.URL.Redacted(), err)
		}
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return nil, 0, fmt.Errorf("fetching %s: timed out: %w", req.URL.Redacted(), err)
		}
		if errors.Is(err, syscall.ECONNRESET) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, 0, fmt.Errorf("fetching %s: %w", req.URL.Redacted(), err)
		}
		return nil, -1, fmt.Errorf("fetching %s: %w", req.URL.Redacted(), err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL.String()
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, retryAfter(resp.Header.Get("Retry-After")), &StatusError{URL: final, Code: resp.StatusCode, Status: resp.Status}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, -1, &StatusError{URL: final, Code: resp.StatusCode, Status: resp.Status}
	}
	limit := f.maxBytes()
	if resp.ContentLength > limit {
		return nil, -1, fmt.Errorf("fetching %s: %w: %d bytes declared, cap is %d", final, ErrTooLarge, resp.ContentLength, limit)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return nil, 0, fmt.Errorf("fetching %s: timed out reading the body: %w", final, err)
		}
		return nil, -1, fmt.Errorf("fetching %s: reading the body: %w", final, err)
	}
	if int64(len(body)) > limit {
		return nil, -1, fmt.Errorf("fetching %s: %w: more than %d bytes", final, ErrTooLarge, limit)
	}
	return &Response{URL: final, StatusCode: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), Body: body}, 0, nil
}

// StatusError is a response whose HTTP status is not a success: the site
// answered, so other pages of it may well be read.
type StatusError struct {
	URL    string
	Code   int
	Status string // as the server gave it, e.g. "404 Not Found"
}

func (e *StatusError) Error() string { return fmt.Sprintf("fetching %s: HTTP %s", e.URL, e.Status) }

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(h string) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		if d := time.Until(t); d > 0 {
			return d
		}
	}
	return 0
}

// ReadURL fetches a URL and reads it: a page gives one article, a feed one
// per item.
func ReadURL(ctx context.Context, rawURL string, opts Options) []Item {
	if opts.Fetcher == nil {
		return []Item{{Input: rawURL, Err: errors.New("fetching URLs is not enabled here")}}
	}
	// ReadBytes applies opts.MaxBytes to what was fetched.
	resp, err := opts.Fetcher.Fetch(ctx, rawURL)
	if err != nil {
		return []Item{{Input: rawURL, Err: err}}
	}
	// The page is read as what it is, the URL redirects ended at: that
	// is where relative links point and whose outlet it is, and it is the
	// report's URL when the page names none (a plain-text report never
	// does). Inputs and sources keep the URL the user gave.
	final := firstNonEmpty(webHTTPURL(resp.URL), rawURL)
	items := ReadBytes(ctx, final, resp.Body, resp.ContentType, opts)
	for i := range items {
		if items[i].Input == final {
			items[i].Input = rawURL
		}
		a := items[i].Article
		if a == nil {
			continue
		}
		if a.Source == final {
			a.Source = rawURL
		}
		// A feed's or a crawl's records each name their own page, or none.
		if a.URL == "" && a.Format != string(FormatFeed) && a.Format != string(FormatJSONL) {
			a.URL = webHTTPURL(final)
		}
	}
	return items
}
