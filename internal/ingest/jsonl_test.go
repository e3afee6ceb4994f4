package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

func TestReadJSONL(t *testing.T) {
	path := filepath.Join("testdata", "jsonl", "crawl.jsonl")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	arts, items, err := readJSONL(path, data)
	if err != nil {
		t.Fatal(err)
	}
	// Lines 3 (cut off) and 5 (no text) fail alone and are named.
	wantErrs := []string{"line 3: broken JSON", "line 5: record has no text"}
	if len(items) != len(wantErrs) {
		t.Fatalf("%d item errors, want %d: %+v", len(items), len(wantErrs), items)
	}
	for i, it := range items {
		if it.Input != path || it.Err == nil || !strings.HasPrefix(it.Err.Error(), wantErrs[i]) {
			t.Errorf("item error %s: %v, want the file and %q", it.Input, it.Err, wantErrs[i])
		}
	}
	tests := []struct {
		title     string
		paras     int
		first     string
		authors   string
		published string
		updated   string
		lang      string
		warning   string
	}{
		{"Wildfire near Lisko contained after three days", 3, "Firefighters said on Sunday", "Ewa Nowak|Piotr Zieliński", "2024-08-11T16:40:00Z", "2024-08-11T18:02:11+02:00", "en", ""},
		{"Ferry service suspended", 2, "Ferry services between Vik", "Lars Berg", "", "", "en", ""},
		{"Only a teaser", 1, "Council votes on the new budget", "", "2023-05-02", "", "", "summary-only"},
		{"Центробанк сохранил ставку", 2, "Банк России сохранил", "Иван Петров", "2024-06-07T13:30:00+03:00", "", "ru", ""},
	}
	if len(arts) != len(tests) {
		t.Fatalf("%d articles, want %d", len(arts), len(tests))
	}
	for i, tc := range tests {
		a := arts[i]
		if a.Title != tc.title {
			t.Errorf("article %d title %q, want %q", i, a.Title, tc.title)
		}
		if len(a.Body) != tc.paras || !strings.HasPrefix(a.Body[0].Text, tc.first) {
			t.Errorf("%s: %d paragraphs starting %q, want %d starting %q", tc.title, len(a.Body), a.Body[0].Text, tc.paras, tc.first)
		}
		if got := strings.Join(a.Authors, "|"); got != tc.authors {
			t.Errorf("%s: authors %q, want %q", tc.title, got, tc.authors)
		}
		if got := jsonlTS(a.Published); got != tc.published {
			t.Errorf("%s: published %q, want %q", tc.title, got, tc.published)
		}
		if got := jsonlTS(a.Updated); got != tc.updated {
			t.Errorf("%s: updated %q, want %q", tc.title, got, tc.updated)
		}
		if a.Language != tc.lang {
			t.Errorf("%s: language %q, want %q", tc.title, a.Language, tc.lang)
		}
		hasWarn := tc.warning == ""
		for _, w := range a.Warnings {
			hasWarn = hasWarn || w.Code == tc.warning
		}
		if !hasWarn {
			t.Errorf("%s: no %s warning in %+v", tc.title, tc.warning, a.Warnings)
		}
		if !strings.HasPrefix(a.Source, path+":") {
			t.Errorf("%s: source %q does not name the file and line", tc.title, a.Source)
		}
	}
	// A date without a zone is read as UTC and says so.
	if p := arts[0].Published; p == nil || !p.Inferred {
		t.Errorf("zone-less date_publish not marked inferred: %+v", p)
	}
}

func TestReadJSONLShapes(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		articles int
		errs     int
		fail     bool
	}{
		{"one pretty-printed object", "{\n  \"title\": \"T\",\n  \"maintext\": \"Body text here.\"\n}\n", 1, 0, false},
		{"CRLF lines", "{\"title\":\"A\",\"text\":\"x y z\"}\r\n{\"title\":\"B\",\"text\":\"u v w\"}\r\n", 2, 0, false},
		{"not an object", "[1,2,3]\n", 0, 0, true},
		{"garbage", "{not json\n{also not\n", 0, 2, false},
		{"blank", "\n\n", 0, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, items, err := readJSONL("in.jsonl", []byte(tc.in))
			if (err != nil) != tc.fail {
				t.Fatalf("err = %v, want failure %v", err, tc.fail)
			}
			if len(arts) != tc.articles || len(items) != tc.errs {
				t.Errorf("%d articles, %d errors; want %d, %d (%+v)", len(arts), len(items), tc.articles, tc.errs, items)
			}
		})
	}
}

func jsonlTS(ts *domain.Timestamp) string {
	if ts == nil {
		return ""
	}
	return ts.String()
}

// TestReadJSONLHostile: markup in crawler fields, non-http URLs and
// source_domain values that are not host names.
func TestReadJSONLHostile(t *testing.T) {
	arts, _, err := readJSONL("hostile.jsonl", webFixture(t, "jsonl", "hostile.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		title, url, authors string
		outlet, domain      string // outlet "" = none
		warning             string
	}{
		{"Grain convoy reaches port", "", "Mira Haas", "", "", "url-rejected"},
		{"Library extends opening hours", "", "", "Town Gazette", "", "url-rejected"},
		{"Museum reopens", "https://www.museum-news.example/reopen", "", "www.museum-news.example", "museum-news.example", ""},
	}
	if len(arts) != len(tests) {
		t.Fatalf("%d articles, want %d", len(arts), len(tests))
	}
	for i, tc := range tests {
		a := arts[i]
		if a.Title != tc.title || a.URL != tc.url {
			t.Errorf("line %d: title/url = %q %q, want %q %q", i+1, a.Title, a.URL, tc.title, tc.url)
		}
		if got := strings.Join(a.Authors, "|"); got != tc.authors {
			t.Errorf("line %d: authors = %q, want %q", i+1, got, tc.authors)
		}
		switch {
		case tc.outlet == "" && a.Outlet != nil:
			t.Errorf("line %d: outlet = %+v, want none", i+1, a.Outlet)
		case tc.outlet != "" && (a.Outlet == nil || a.Outlet.Name != tc.outlet || a.Outlet.Domain != tc.domain):
			t.Errorf("line %d: outlet = %+v, want %q (%q)", i+1, a.Outlet, tc.outlet, tc.domain)
		}
		if tc.warning != "" && !webHasWarning(a.Warnings, tc.warning) {
			t.Errorf("line %d: no %s warning in %+v", i+1, tc.warning, a.Warnings)
		}
	}
}

// TestReadJSONLErrorNames: an error for the whole file goes out with the
// file as its Input, so its message does not name the file again.
func TestReadJSONLErrorNames(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"one object without text", "{\n  \"title\": \"Headline only\",\n  \"url\": \"https://x.example/a\"\n}", "record has no text"},
		{"array with no article", `[{"title": "a"}, {"title": "b"}]`, "a JSON array with no article"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			const source = "exports/channel-dump.json"
			_, _, err := readJSONL(source, []byte(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			if strings.Contains(err.Error(), source) {
				t.Errorf("error %q repeats the input name", err)
			}
		})
	}
}
