package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/sharedtest"
)

// BenchmarkReadHTMLCorpus reads the real pages of corpus/html-news
// (skipped when absent); pages/s is the figure to watch. Run with
// GOMAXPROCS=1 for the per-core rate.
func BenchmarkReadHTMLCorpus(b *testing.B) {
	dir := filepath.Join(filepath.Dir(sharedtest.Path(b, "corpus/html-news/expected.jsonl")), "pages")
	paths, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(paths) == 0 {
		b.Skipf("no pages in %s", dir)
	}
	pages := make([][]byte, len(paths))
	var total int64
	for i, p := range paths {
		if pages[i], err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
		total += int64(len(pages[i]))
	}
	webBenchPages(b, paths, pages, total)
}

// BenchmarkReadHTMLFixtures reads the repository's own HTML fixtures.
func BenchmarkReadHTMLFixtures(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	pages := make([][]byte, len(paths))
	var total int64
	for i, p := range paths {
		var err error
		if pages[i], err = os.ReadFile(p); err != nil {
			b.Fatal(err)
		}
		total += int64(len(pages[i]))
	}
	webBenchPages(b, paths, pages, total)
}

func webBenchPages(b *testing.B, names []string, pages [][]byte, total int64) {
	b.SetBytes(total / int64(len(pages)))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		i := n % len(pages)
		if _, err := readHTML(names[i], pages[i], ""); err != nil && !strings.Contains(err.Error(), "no main text") {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkReadFeed reads the RSS fixture (no page fetching).
func BenchmarkReadFeed(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "feed", "rss-full.xml"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := readFeed(context.Background(), "rss-full.xml", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadJSONL reads the JSON Lines fixture.
func BenchmarkReadJSONL(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "jsonl", "crawl.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, _, err := readJSONL("crawl.jsonl", data); err != nil {
			b.Fatal(err)
		}
	}
}
