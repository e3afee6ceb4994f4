package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// testFetcher may reach the loopback test servers.
func testFetcher() *Fetcher {
	return &Fetcher{AllowPrivate: true, Timeout: 2 * time.Second, RetryBase: time.Millisecond}
}

func TestFetchGuardRefuses(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "hello")
	}))
	defer srv.Close()
	tests := []struct {
		name string
		url  string
		want string
	}{
		{"loopback by default", srv.URL, "loopback"},
		{"localhost name", strings.Replace(srv.URL, "127.0.0.1", "localhost", 1), "loopback"},
		{"file scheme", "file:///etc/passwd", `scheme "file"`},
		{"gopher scheme", "gopher://example.com/", `scheme "gopher"`},
		{"private 10/8", "http://10.1.2.3:9/", "private"},
		{"link-local metadata", "http://169.254.169.254/latest/meta-data/", "link-local"},
		{"CGNAT", "http://100.64.0.1:9/", "carrier-grade NAT"},
		{"unspecified", "http://0.0.0.0:9/", "address"},
		{"IPv6 loopback", "http://[::1]:9/", "loopback"},
		{"IPv4-mapped IPv6 private", "http://[::ffff:192.168.1.1]:9/", "private"},
		{"unique local IPv6", "http://[fd00::1]:9/", "private"},
		{"multicast", "http://224.0.0.1:9/", "multicast"},
	}
	f := &Fetcher{Timeout: 2 * time.Second, RetryBase: time.Millisecond}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := f.Get(context.Background(), tc.url)
			if !errors.Is(err, ErrForbiddenAddress) {
				t.Fatalf("Get(%s) error = %v, want ErrForbiddenAddress", tc.url, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
		})
	}
}

func TestFetchAllowPrivate(t *testing.T) {
	var ua atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.Header.Get("User-Agent"))
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "hello")
	}))
	defer srv.Close()
	body, ct, err := testFetcher().Get(context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if string(body) != "hello" || !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("got %q %q", body, ct)
	}
	if ua.Load() != UserAgent {
		t.Errorf("User-Agent = %q, want %q", ua.Load(), UserAgent)
	}
}

func TestFetchRedirectToPrivateRefused(t *testing.T) {
	inner := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "secret")
	}))
	defer inner.Close()
	outer := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, inner.URL+"/admin", http.StatusFound)
	}))
	defer outer.Close()
	// Only the outer server counts as public: the hop to the inner one
	// must be caught when it is dialled.
	outerAddr := netip.MustParseAddrPort(strings.TrimPrefix(outer.URL, "http://"))
	f := &Fetcher{Timeout: 2 * time.Second, RetryBase: time.Millisecond,
		allowDial: func(ap netip.AddrPort) bool { return ap == outerAddr }}
	_, _, err := f.Get(context.Background(), outer.URL)
	if !errors.Is(err, ErrForbiddenAddress) {
		t.Fatalf("redirect to loopback: error = %v, want ErrForbiddenAddress", err)
	}
	// A redirect to another scheme is refused too.
	ftp := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	}))
	defer ftp.Close()
	if _, _, err := testFetcher().Get(context.Background(), ftp.URL); !errors.Is(err, ErrForbiddenAddress) {
		t.Errorf("redirect to file://: error = %v, want ErrForbiddenAddress", err)
	}
}

func TestFetchRedirectLimit(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, srv.URL+r.URL.Path+"x", http.StatusFound)
	}))
	defer srv.Close()
	f := testFetcher()
	f.MaxRedirects = 3
	_, _, err := f.Get(context.Background(), srv.URL+"/")
	if err == nil || !strings.Contains(err.Error(), "redirects") {
		t.Fatalf("error = %v, want a redirect-limit error", err)
	}
}

func TestFetchSizeCap(t *testing.T) {
	big := strings.Repeat("x", 5000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/chunked" {
			// No Content-Length: the cap must hold while reading.
			w.(http.Flusher).Flush()
		}
		fmt.Fprint(w, big)
	}))
	defer srv.Close()
	for _, path := range []string{"/", "/chunked"} {
		f := testFetcher()
		f.MaxBytes = 1000
		_, _, err := f.Get(context.Background(), srv.URL+path)
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: error = %v, want ErrTooLarge", path, err)
		}
	}
	f := testFetcher()
	f.MaxBytes = 5000
	if body, _, err := f.Get(context.Background(), srv.URL); err != nil || len(body) != 5000 {
		t.Errorf("at the cap: %d bytes, %v", len(body), err)
	}
}

func TestFetchRetries(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/flaky":
			if calls.Add(1) < 3 {
				w.Header().Set("Retry-After", "0")
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			fmt.Fprint(w, "ok")
		case "/down":
			calls.Add(1)
			http.Error(w, "down", http.StatusBadGateway)
		case "/missing":
			calls.Add(1)
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	tests := []struct {
		path      string
		wantBody  string
		wantErr   string
		wantCalls int32
	}{
		{"/flaky", "ok", "", 3},
		{"/down", "", "502", 4}, // first try plus 3 retries
		{"/missing", "", "404", 1},
	}
	for _, tc := range tests {
		calls.Store(0)
		body, _, err := testFetcher().Get(context.Background(), srv.URL+tc.path)
		if tc.wantErr == "" && (err != nil || string(body) != tc.wantBody) {
			t.Errorf("%s: %q, %v; want %q", tc.path, body, err, tc.wantBody)
		}
		if tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
			t.Errorf("%s: error %v, want one saying %s", tc.path, err, tc.wantErr)
		}
		if got := calls.Load(); got != tc.wantCalls {
			t.Errorf("%s: %d requests, want %d", tc.path, got, tc.wantCalls)
		}
	}
}

func TestFetchTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	f := testFetcher()
	f.Timeout = 100 * time.Millisecond
	f.Retries = 1
	start := time.Now()
	_, _, err := f.Get(context.Background(), srv.URL)
	if err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Fatalf("error = %v, want a timeout", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("gave up after %s; the timeout is not enforced", d)
	}
}

func TestRetryAfter(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0}, {"3", 3 * time.Second}, {"-1", 0}, {"soon", 0},
		{"Wed, 21 Oct 2015 07:28:00 GMT", 0}, // in the past
	}
	for _, tc := range tests {
		if got := retryAfter(tc.in); got != tc.want {
			t.Errorf("retryAfter(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestReadURLPage(t *testing.T) {
	page := `<html><head><title>Bridge reopens after repairs</title></head><body><article>
<p>The old bridge over the Tessin reopened to traffic on Monday after eight months of repairs to its steel arches and deck.</p>
<p>City officials said the work cost 14 million and came in under budget, though it ran two months later than planned.</p>
<p>Cyclists will have a separate lane for the first time, a change local groups had demanded for more than a decade.</p>
</article></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	items := ReadURL(context.Background(), srv.URL+"/story", Options{Fetcher: testFetcher()})
	if len(items) != 1 || items[0].Err != nil {
		t.Fatalf("items = %+v", items)
	}
	a := items[0].Article
	if a.Title != "Bridge reopens after repairs" || !strings.Contains(a.Text(), "Cyclists will have a separate lane") {
		t.Errorf("article = %q / %q", a.Title, a.Text())
	}
	if items := ReadURL(context.Background(), srv.URL, Options{}); len(items) != 1 || items[0].Err == nil {
		t.Errorf("ReadURL without a fetcher = %+v, want an error", items)
	}
	if items := ReadURL(context.Background(), srv.URL, Options{Fetcher: &Fetcher{}}); len(items) != 1 || !errors.Is(items[0].Err, ErrForbiddenAddress) {
		t.Errorf("ReadURL of loopback by default = %+v, want ErrForbiddenAddress", items)
	}
}

// Client() carries the same guard for commands that make their own requests.
func TestFetchClientGuarded(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	resp, err := (&Fetcher{}).Client().Get(srv.URL)
	if err == nil {
		resp.Body.Close()
		t.Fatal("guarded client reached a loopback server")
	}
	if !errors.Is(err, ErrForbiddenAddress) {
		t.Errorf("error = %v, want ErrForbiddenAddress", err)
	}
	resp, err = testFetcher().Client().Get(srv.URL)
	if err != nil {
		t.Fatalf("AllowPrivate client: %v", err)
	}
	resp.Body.Close()
}

// TestReadURLSetsFinalURL: a report fetched by URL carries the URL it was
// read from after redirects, unless the page names its own; the input and
// source stay the URL the user gave.
func TestReadURLSetsFinalURL(t *testing.T) {
	report := "Flooding closes river road\n\nThe river road between Alton and Bury was closed on Sunday after the Wey burst its banks, police said.\n\nDrivers were told to use the bypass until the water falls.\n"
	page := `<html><head><title>Flooding closes river road</title>%s</head><body><article>
<p>The river road between Alton and Bury was closed on Sunday after the Wey burst its banks, police said.</p>
<p>Drivers were told to use the bypass until the water falls, and buses will not stop in the old town.</p>
</article></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/go/text":
			http.Redirect(w, r, "/news/flood.txt", http.StatusMovedPermanently)
		case "/go/page":
			http.Redirect(w, r, "/news/flood", http.StatusFound)
		case "/go/canonical":
			http.Redirect(w, r, "/amp/flood", http.StatusFound)
		case "/news/flood.txt":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			fmt.Fprint(w, report)
		case "/news/flood":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, page, "")
		case "/amp/flood":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, page, `<link rel="canonical" href="https://river-news.example/flood">`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	tests := []struct {
		path, wantURL string
	}{
		{"/go/text", srv.URL + "/news/flood.txt"},
		{"/news/flood.txt", srv.URL + "/news/flood.txt"},
		{"/go/page", srv.URL + "/news/flood"},
		{"/go/canonical", "https://river-news.example/flood"},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			in := srv.URL + tc.path
			items := ReadURL(context.Background(), in, Options{Fetcher: testFetcher()})
			if len(items) != 1 || items[0].Article == nil {
				t.Fatalf("items = %+v", items)
			}
			a := items[0].Article
			if a.URL != tc.wantURL {
				t.Errorf("url = %q, want %q", a.URL, tc.wantURL)
			}
			if items[0].Input != in || a.Source != in {
				t.Errorf("input %q source %q, want the URL given, %q", items[0].Input, a.Source, in)
			}
		})
	}
}
