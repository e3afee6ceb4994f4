package store

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/sharedtest"
)

// telegramPosts reads the Telegram corpus (one JSON array per channel) into
// articles without the ingest package, so this test depends on the store only.
func telegramPosts(t *testing.T) []*domain.Article {
	t.Helper()
	dir := sharedtest.Path(t, "corpus/telegram-ru-news-2024/raw")
	files, err := filepath.Glob(filepath.Join(dir, "*_messages.json"))
	if err != nil || len(files) == 0 {
		t.Skipf("no channel files in %s", dir)
	}
	var arts []*domain.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var posts []struct {
			ID      int64  `json:"message_id"`
			Text    string `json:"text"`
			Date    string `json:"date"`
			Channel string `json:"channel"`
		}
		if err := json.Unmarshal(b, &posts); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, p := range posts {
			if strings.TrimSpace(p.Text) == "" {
				continue
			}
			a := article(p.Channel, p.Channel, "", p.Text)
			if tm, err := time.Parse(time.RFC3339, strings.Replace(p.Date, " ", "T", 1)); err == nil {
				a.Published = &domain.Timestamp{Time: tm, Precision: domain.PrecisionSecond}
			}
			arts = append(arts, a)
		}
	}
	return arts
}

// TestRealTelegramNearDuplicates stores 8,000-odd real posts from nine
// channels, which repost each other's copy, and checks every link the store
// makes against the exact Jaccard similarity of the two bodies: the LSH
// index and the MinHash estimate must not invent links.
func TestRealTelegramNearDuplicates(t *testing.T) {
	forEachEngine(t, func(t *testing.T, eng engine) {
		if testing.Short() {
			t.Skip("stores 8,000 real posts; skipped with -short")
		}
		// The engines' runs overlap: PostgreSQL's mostly waits on the server.
		t.Parallel()
		arts := telegramPosts(t)
		s := eng.openTemp(t)
		ctx := context.Background()
		byID := map[string]*domain.Article{}
		start := time.Now()
		var stored, dups int
		type link struct{ a, b string }
		var links []link
		for _, a := range arts {
			res, err := s.PutArticle(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case res.Duplicate:
				dups++
			case res.NearDuplicateOf != "":
				links = append(links, link{a.ID, res.NearDuplicateOf})
				fallthrough
			default:
				stored++
				byID[a.ID] = a
			}
		}
		elapsed := time.Since(start)
		t.Logf("%d posts: %d stored, %d exact duplicates, %d near-duplicates linked, %.0f puts/s",
			len(arts), stored, dups, len(links), float64(len(arts))/elapsed.Seconds())

		exact := func(x, y string) float64 {
			sx, sy := shingleHashes(normWords(x)), shingleHashes(normWords(y))
			inter := 0
			for k := range sx {
				if _, ok := sy[k]; ok {
					inter++
				}
			}
			return float64(inter) / float64(len(sx)+len(sy)-inter)
		}
		var sims []float64
		for _, l := range links {
			j := exact(byID[l.a].Text(), byID[l.b].Text())
			sims = append(sims, j)
			// Three standard errors below the threshold at 256 hashes.
			if j < NearDuplicateThreshold-0.08 {
				t.Errorf("linked %s to %s at exact Jaccard %.2f:\n%.200s\n---\n%.200s", l.a, l.b, j, byID[l.a].Text(), byID[l.b].Text())
			}
		}
		sort.Float64s(sims)
		if len(sims) > 0 {
			t.Logf("exact Jaccard of linked pairs: min %.2f, median %.2f", sims[0], sims[len(sims)/2])
		}
	})
}
