package ingest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

func webFixture(t *testing.T, parts ...string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(append([]string{"testdata"}, parts...)...))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestReadFeedRSS(t *testing.T) {
	data := webFixture(t, "feed", "rss-full.xml")
	arts, items, err := readFeed(context.Background(), "rss-full.xml", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The empty second item fails alone, named by feed and position.
	if len(items) != 1 || items[0].Input != "rss-full.xml" || items[0].Err == nil || !strings.HasPrefix(items[0].Err.Error(), "item 2: ") {
		t.Fatalf("item errors = %+v, want one naming rss-full.xml item 2", items)
	}
	if len(arts) != 2 {
		t.Fatalf("%d articles, want 2", len(arts))
	}
	a := arts[0]
	if a.Title != "Lifeboat crew rescues four after yacht capsizes" || a.URL != "https://harbourgazette.example/news/lifeboat-rescue" {
		t.Errorf("title/url = %q %q", a.Title, a.URL)
	}
	if got := strings.Join(a.Authors, "|"); got != "Nadia Quinn" {
		t.Errorf("authors = %q", got)
	}
	if a.Published == nil || a.Published.String() != "2025-03-04T19:12:00Z" {
		t.Errorf("published = %v", a.Published)
	}
	if a.Language != "en" {
		t.Errorf("language = %q", a.Language)
	}
	// content:encoded wins over the description; inline markup is joined
	// and the read-more teaser left out.
	if len(a.Body) != 3 || !strings.Contains(a.Text(), "All four were taken to hospital") || strings.Contains(a.Text(), "Read more") {
		t.Errorf("body = %q", a.Text())
	}
	b := arts[1]
	if len(b.Body) != 2 || !strings.HasPrefix(b.Body[1].Text, "Fishing boats will use the north quay") {
		t.Errorf("plain-text description body = %q", b.Text())
	}
	if b.Published != nil || !webHasWarning(b.Warnings, "bad-date") {
		t.Errorf("unreadable pubDate: published %v, warnings %+v", b.Published, b.Warnings)
	}
}

func TestReadFeedAtom(t *testing.T) {
	data := webFixture(t, "feed", "atom.xml")
	arts, items, err := readFeed(context.Background(), "atom.xml", data, Options{})
	if err != nil || len(items) != 0 || len(arts) != 1 {
		t.Fatalf("arts %d, items %+v, err %v", len(arts), items, err)
	}
	a := arts[0]
	if a.Title != "Neue Buslinie verbindet Oberdorf mit dem Bahnhof" || a.Language != "de" || strings.Join(a.Authors, "|") != "Sabine Roth" {
		t.Errorf("article = %q %q %q", a.Title, a.Language, a.Authors)
	}
	if a.Published == nil || a.Published.String() != "2025-01-20T08:15:00+01:00" || a.Updated == nil || a.Updated.String() != "2025-01-20T09:00:00+01:00" {
		t.Errorf("dates = %v %v", a.Published, a.Updated)
	}
	if len(a.Body) != 2 || !strings.HasPrefix(a.Body[1].Text, "Die Gemeinde rechnet") {
		t.Errorf("body = %q", a.Text())
	}
}

func TestReadFeedSummaryFetchesPage(t *testing.T) {
	page := webFixture(t, "feed", "linked-page.html")
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			tmpl := webFixture(t, "feed", "rss-summary.xml.tmpl")
			w.Write([]byte(strings.ReplaceAll(string(tmpl), "{{BASE}}", srv.URL)))
		case "/story/dam":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	// Through ReadURL, as `parallax read URL` does: one feed, many items.
	items := ReadURL(context.Background(), srv.URL+"/feed.xml", Options{Fetcher: testFetcher()})
	if len(items) != 2 {
		t.Fatalf("%d items, want 2: %+v", len(items), items)
	}
	dam := items[0].Article
	if dam == nil {
		t.Fatalf("first item failed: %v", items[0].Err)
	}
	if !strings.Contains(dam.Text(), "reservoir level would be lowered by two metres") {
		t.Errorf("summary item was not replaced by its page: %q", dam.Text())
	}
	if dam.Published == nil || dam.Published.String() != "2025-02-12T07:30:00+01:00" {
		t.Errorf("feed date not kept where the page has none: %v", dam.Published)
	}
	if dam.URL != srv.URL+"/story/dam" || !webHasWarning(dam.Warnings, "page-fetched") {
		t.Errorf("url %q warnings %+v", dam.URL, dam.Warnings)
	}
	// The page that 404s leaves the summary, with a warning saying why.
	roof := items[1].Article
	if roof == nil {
		t.Fatalf("second item failed: %v", items[1].Err)
	}
	if !strings.HasPrefix(roof.Text(), "Nobody was hurt") || !webHasWarning(roof.Warnings, "page-fetch-failed") || !webHasWarning(roof.Warnings, "summary-only") {
		t.Errorf("summary fallback: %q %+v", roof.Text(), roof.Warnings)
	}

	// Without a fetcher the summary is the body.
	tmpl := webFixture(t, "feed", "rss-summary.xml.tmpl")
	arts, _, err := readFeed(context.Background(), "f.xml", []byte(strings.ReplaceAll(string(tmpl), "{{BASE}}", srv.URL)), Options{})
	if err != nil || len(arts) != 2 || !webHasWarning(arts[0].Warnings, "summary-only") {
		t.Errorf("no fetcher: %d arts, err %v", len(arts), err)
	}
}

func TestReadFeedBroken(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"not xml", "<rss><channel><item><title>x"},
		{"no items", `<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>`},
		{"binary junk", "<rss>\x00\x01\x02"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// The error is the feed's, or (the channel being sound) that
			// of its one broken item.
			arts, items, err := readFeed(context.Background(), "bad.xml", []byte(tc.in), Options{})
			if len(arts) > 0 {
				t.Errorf("got %d articles from a broken feed", len(arts))
			}
			if err == nil && len(items) == 0 {
				t.Errorf("no articles and no error")
			}
		})
	}
}

func webHasWarning(ws []domain.Warning, code string) bool {
	for _, w := range ws {
		if w.Code == code {
			return true
		}
	}
	return false
}

// A feed in windows-1251, declared in its XML prolog, as Russian sites serve them.
func TestReadFeedWindows1251(t *testing.T) {
	data := webFixture(t, "feed", "rss-windows1251.xml")
	arts, items, err := readFeed(context.Background(), "rss-windows1251.xml", data, Options{})
	if err != nil || len(items) != 0 || len(arts) != 1 {
		t.Fatalf("arts %d, items %+v, err %v", len(arts), items, err)
	}
	if a := arts[0]; a.Title != "Мост открыт" || !strings.HasPrefix(a.Text(), "В четверг открыли новый мост") || a.Language != "ru" {
		t.Errorf("article = %q %q %q", a.Title, a.Text(), a.Language)
	}
}

// Item HTML nested 20,000 deep keeps its text and does not stall the parser.
func TestFeedParagraphsDeep(t *testing.T) {
	in := "<p>First paragraph of the item.</p>" + strings.Repeat("<div>", 20000) + "Deep text." + strings.Repeat("</div>", 20000)
	got := strings.Join(feedParagraphs(in), "|")
	if !strings.HasPrefix(got, "First paragraph of the item.") || !strings.Contains(got, "Deep text.") {
		t.Errorf("paragraphs = %.200q", got)
	}
}

// TestReadFeedHostile: markup in titles, authors and the feed title, and
// item links that are not http(s) pages.
func TestReadFeedHostile(t *testing.T) {
	arts, _, err := readFeed(context.Background(), "hostile.xml", webFixture(t, "feed", "hostile.xml"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		title, url, authors, firstPara string
		warning                        string
	}{
		{"Bridge reopens early", "", "Owen Pryce", "The Afon bridge reopened to traffic on Monday, two weeks ahead of schedule.", "url-rejected"},
		// A relative link is read against the channel's site.
		{"School roof repaired", "https://www.valley-herald.example/news/school-roof", "", "Pupils return to Glan school", ""},
	}
	if len(arts) != len(tests) {
		t.Fatalf("%d articles, want %d", len(arts), len(tests))
	}
	for i, tc := range tests {
		a := arts[i]
		if a.Title != tc.title || a.URL != tc.url {
			t.Errorf("item %d: title/url = %q %q, want %q %q", i, a.Title, a.URL, tc.title, tc.url)
		}
		if got := strings.Join(a.Authors, "|"); got != tc.authors {
			t.Errorf("item %d: authors = %q, want %q", i, got, tc.authors)
		}
		if len(a.Body) == 0 || !strings.HasPrefix(a.Body[0].Text, tc.firstPara) || strings.Contains(a.Text(), "alert") {
			t.Errorf("item %d: body = %q", i, a.Text())
		}
		if tc.warning != "" && !webHasWarning(a.Warnings, tc.warning) {
			t.Errorf("item %d: no %s warning in %+v", i, tc.warning, a.Warnings)
		}
		if a.Outlet == nil || a.Outlet.Name != "Valley Herald" || a.Outlet.Domain != "valley-herald.example" {
			t.Errorf("item %d: outlet = %+v, want Valley Herald (valley-herald.example)", i, a.Outlet)
		}
	}
}

// TestReadFeedBrokenItem: one malformed item costs only itself — the
// others are read and the broken one gives one error naming its place and
// its line in the feed.
func TestReadFeedBrokenItem(t *testing.T) {
	tests := []struct {
		file    string
		titles  []string
		errHas  []string // substrings of the one expected error; nil: none
		warning string   // on the last article
	}{
		{
			// XML syntax error inside item 2, which is never closed.
			file:   "rss-broken-item.xml",
			titles: []string{"Ferry service resumes after storm", "Library extends opening hours"},
			errHas: []string{"item 2", "line 14"},
		},
		{
			// A stray end tag that makes the parser end the feed early
			// without an error: the entry after it is still read.
			file:   "atom-broken-entry.xml",
			titles: []string{"Cortes de agua en el barrio norte", "Entrada rota", "Nueva línea de autobús al hospital"},
		},
		{
			// Cut off mid-item: what is there is read, with a warning.
			file:    "rss-cut-off.xml",
			titles:  []string{"Neue Fähre für die Inseln", "Hafenfest abgesagt"},
			warning: "feed-truncated",
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			arts, items, err := readFeed(context.Background(), tc.file, webFixture(t, "feed", tc.file), Options{})
			if err != nil {
				t.Fatalf("readFeed: %v, want the good items read", err)
			}
			var titles []string
			for _, a := range arts {
				titles = append(titles, a.Title)
			}
			if strings.Join(titles, "|") != strings.Join(tc.titles, "|") {
				t.Errorf("titles = %q, want %q", titles, tc.titles)
			}
			switch {
			case tc.errHas == nil && len(items) != 0:
				t.Errorf("item errors %+v, want none", items)
			case tc.errHas != nil && len(items) != 1:
				t.Errorf("item errors %+v, want one", items)
			case tc.errHas != nil:
				if items[0].Input != tc.file {
					t.Errorf("error input %q, want the feed %q", items[0].Input, tc.file)
				}
				for _, s := range tc.errHas {
					if !strings.Contains(items[0].Err.Error(), s) {
						t.Errorf("error %q lacks %q", items[0].Err, s)
					}
				}
			}
			for i, a := range arts {
				last := i == len(arts)-1
				if got := webHasWarning(a.Warnings, "feed-truncated"); got != (last && tc.warning != "") {
					t.Errorf("article %d feed-truncated warning %v, want %v", i, got, last && tc.warning != "")
				}
			}
		})
	}
}

// TestReadFeedBrokenChannel: when the channel itself is broken there is
// nothing to read items against, so the whole feed is one error.
func TestReadFeedBrokenChannel(t *testing.T) {
	data := []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Bad <x</title>
<item><title>One</title><description>Some text of the first item here.</description></item>
</channel></rss>`)
	arts, items, err := readFeed(context.Background(), "bad.xml", data, Options{})
	if err == nil || len(arts) != 0 || len(items) != 0 {
		t.Errorf("arts %d items %+v err %v, want one feed error", len(arts), items, err)
	}
}

// TestReadFeedStalledSite: when an item's page gets no answer, the other
// items of that site are not fetched (each would cost a timeout and its
// retries); a page answered with an HTTP error does not stop the others.
func TestReadFeedStalledSite(t *testing.T) {
	var (
		mu   sync.Mutex
		hits = map[string]int{}
	)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		switch {
		case strings.HasPrefix(r.URL.Path, "/slow/"):
			select { // stalls past the fetcher's timeout
			case <-release:
			case <-r.Context().Done():
			}
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	defer close(release)
	item := func(path string) string {
		return `<item><title>Item ` + path + `</title><link>` + srv.URL + path + `</link><description>A short summary of the story.</description></item>`
	}
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow Site</title>` +
		item("/slow/1") + item("/slow/2") + item("/slow/3") + `</channel></rss>`
	f := &Fetcher{AllowPrivate: true, Timeout: 150 * time.Millisecond, Retries: -1}
	arts, items, err := readFeed(context.Background(), "slow.xml", []byte(feed), Options{Fetcher: f})
	if err != nil || len(items) != 0 || len(arts) != 3 {
		t.Fatalf("arts %d items %+v err %v, want the three summaries", len(arts), items, err)
	}
	mu.Lock()
	if n := hits["/slow/1"] + hits["/slow/2"] + hits["/slow/3"]; n != 1 {
		t.Errorf("%d page requests to the stalled site, want 1", n)
	}
	mu.Unlock()
	for _, a := range arts {
		if !webHasWarning(a.Warnings, "page-fetch-failed") || !webHasWarning(a.Warnings, "summary-only") {
			t.Errorf("%s: warnings %v, want page-fetch-failed and summary-only", a.Title, a.Warnings)
		}
	}

	// 404s: the site answers, so every item's page is tried.
	feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Gone</title>` +
		item("/gone/1") + item("/gone/2") + `</channel></rss>`
	if arts, _, err := readFeed(context.Background(), "gone.xml", []byte(feed), Options{Fetcher: f}); err != nil || len(arts) != 2 {
		t.Fatalf("arts %d err %v", len(arts), err)
	}
	mu.Lock()
	defer mu.Unlock()
	if hits["/gone/1"] != 1 || hits["/gone/2"] != 1 {
		t.Errorf("page requests %v, want one to each page of a site that answers 404", hits)
	}
}
