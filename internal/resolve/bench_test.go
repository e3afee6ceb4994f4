package resolve

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/sharedtest"
)

// benchArticles are the founding pair (when ../shared is there) and the
// repo's own fixtures.
func benchArticles(b *testing.B) []*domain.Article {
	var arts []*domain.Article
	if root := sharedtest.Root(); root != "" {
		for _, n := range []string{"moscowtimes-afp.txt", "sputnik.txt"} {
			for _, it := range ingest.ReadFile(context.Background(), filepath.Join(root, "corpus/kupiansk-2025-11-20", n), ingest.Options{}) {
				if it.Article != nil {
					arts = append(arts, it.Article)
				}
			}
		}
	}
	for _, dir := range []string{"testdata/fixtures", "testdata/heldout"} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		for _, p := range paths {
			arts = append(arts, loadFixture(b, p).article(filepath.Base(p)))
		}
	}
	return arts
}

// BenchmarkResolve measures mention finding and resolution with the full
// GeoNames Ukraine table loaded (skipped without ../shared) on the
// founding pair and the repo's own fixtures: short reports packed with
// names, the slow end (about 7 MB/s per core). The goal of 10 MB/s per
// core of article text is measured on real reports: see
// BenchmarkResolveHTMLNews and BenchmarkResolveTelegram.
func BenchmarkResolve(b *testing.B) {
	g := uaGazetteer(b)
	r, err := New(Config{Gazetteer: g})
	if err != nil {
		b.Fatal(err)
	}
	arts := benchArticles(b)
	var n int64
	for _, a := range arts {
		n += int64(len(a.Title) + len(a.Text()))
	}
	b.SetBytes(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			r.Resolve(a)
		}
	}
}

// BenchmarkResolveHTMLNews resolves the text of 100 real news pages
// (html-news, world news in many languages, read by ingest before the
// timer starts) with the UA gazetteer, after one warming pass: the steady
// state `parallax bench resolve` reports as warm.
func BenchmarkResolveHTMLNews(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(sharedtest.Path(b, "corpus/html-news/pages"), "*.html"))
	if len(paths) > 100 {
		paths = paths[:100]
	}
	var arts []*domain.Article
	var n int64
	for _, p := range paths {
		for _, it := range ingest.ReadFile(context.Background(), p, ingest.Options{}) {
			if it.Article != nil {
				arts = append(arts, it.Article)
				n += int64(len(it.Article.Title) + len(it.Article.Text()))
			}
		}
	}
	r, err := New(Config{Gazetteer: uaGazetteer(b)})
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range arts {
		r.Resolve(a)
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			r.Resolve(a)
		}
	}
}

// BenchmarkNew measures building a Resolver (data files, alias index).
func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(Config{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkResolveTelegram resolves real Russian-language posts (RIA Novosti
// and BBC Russian channels of telegram-ru-news-2024) with the UA gazetteer.
func BenchmarkResolveTelegram(b *testing.B) {
	dir := sharedtest.Path(b, "corpus/telegram-ru-news-2024/raw")
	g := uaGazetteer(b)
	r, err := New(Config{Gazetteer: g})
	if err != nil {
		b.Fatal(err)
	}
	arts := telegramArticles(b, dir, 600)
	var n int64
	for _, a := range arts {
		n += int64(len(a.Text()))
	}
	b.SetBytes(n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			r.Resolve(a)
		}
	}
}

// telegramArticles reads up to max posts of the RIA Novosti and BBC Russian
// channels as articles (one paragraph per line).
func telegramArticles(b testing.TB, dir string, max int) []*domain.Article {
	var arts []*domain.Article
	for _, f := range []string{"1001101170442_messages.json", "1001003921752_messages.json"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			b.Skip(err)
		}
		var posts []struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(data, &posts); err != nil {
			b.Fatal(err)
		}
		for i, p := range posts {
			if len(arts) >= max || i >= max/2 {
				break
			}
			a := &domain.Article{ID: fmt.Sprintf("%s-%d", f[:6], i)}
			var ps []domain.Paragraph
			for _, l := range strings.Split(p.Text, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					ps = append(ps, domain.Paragraph{Text: l})
				}
			}
			a.SetBody(ps)
			arts = append(arts, a)
		}
	}
	return arts
}
