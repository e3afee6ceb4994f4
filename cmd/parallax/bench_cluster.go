package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"strconv"
	"time"

	"github.com/parallaxnews/parallax/internal/events"
)

func init() {
	registerBench("cluster", &benchmark{
		args:    "[--n 100000] [--per-day 1000] [--seed 1]",
		summary: "cluster synthetic articles incrementally; per-article cost at 10k/50k/100k",
		run:     benchCluster,
	})
}

// benchCluster adds a synthetic stream to an events index and reports the
// cost of one Add near each checkpoint (the mean over the 1,000 Adds before
// it), which must stay about flat as the index grows, and the B-cubed
// score against the generator's events.
func benchCluster(ctx context.Context, e *env, args []string) (benchWork, error) {
	fl := flag.NewFlagSet("bench cluster", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	n := fl.Int("n", 100000, "number of synthetic `articles`")
	perDay := fl.Int("per-day", 1000, "synthetic `articles` a day")
	seed := fl.Uint64("seed", 1, "generator `seed`")
	if _, err := parseFlags(fl, args); err != nil {
		return benchWork{}, err
	}
	if *n < 1 || *perDay < 1 {
		return benchWork{}, fmt.Errorf("--n and --per-day must be at least 1")
	}
	checkpoints := []int{10000, 50000, 100000}
	if *n < 100000 {
		checkpoints = []int{max(1, *n/10), max(1, *n/2), *n}
	}
	const window = 1000
	s := events.NewSynth(*seed, *perDay)
	ix := events.NewIndex()
	pred := make(map[string]string, *n)
	perArticle := map[string]float64{}
	cpuPerArticle := map[string]float64{}
	var addTime, winTime, winCPU time.Duration
	var bytes int64
	winN := 0
	for i := 1; i <= *n; i++ {
		if i%4096 == 0 && ctx.Err() != nil {
			return benchWork{}, ctx.Err()
		}
		a, an := s.Next()
		for _, p := range a.Body {
			bytes += int64(len(p.Text))
		}
		c0 := processCPU()
		t0 := time.Now()
		id, _ := ix.Add(a, an)
		d := time.Since(t0)
		dc := processCPU() - c0
		addTime += d
		pred[a.ID] = id
		// The window restarts every `window` Adds, so at a checkpoint it
		// holds the Adds just before it.
		if (i-1)%window == 0 {
			winTime, winCPU, winN = 0, 0, 0
		}
		winTime += d
		winCPU += dc
		winN++
		for _, c := range checkpoints {
			if i == c {
				perArticle[strconv.Itoa(c)] = round3(float64(winTime.Microseconds()) / float64(winN))
				cpuPerArticle[strconv.Itoa(c)] = round3(float64(winCPU.Microseconds()) / float64(winN))
			}
		}
	}
	p, r, f1 := events.BCubed(s.Truth, pred)
	st := ix.Stats()
	// The index's own live heap: drop the generator and the scoring maps
	// first, collect, and read what stays reachable (the index).
	nEvents, nTrue := len(ix.Events()), countDistinct(s.Truth)
	s, pred = nil, nil
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	liveMB := float64(ms.HeapAlloc) / 1e6
	runtime.KeepAlive(ix)
	return benchWork{
		Articles: *n,
		Bytes:    bytes,
		Extra: map[string]any{
			"per_day":                 *perDay,
			"add_only_articles_per_s": round3(float64(*n) / addTime.Seconds()),
			"us_per_article_at":       perArticle,
			"cpu_us_per_article_at":   cpuPerArticle,
			"events":                  nEvents,
			"true_events":             nTrue,
			"index_live_heap_mb":      round3(liveMB),
			"candidates_per_add":      round3(float64(st.Candidates) / float64(max(1, st.Adds))),
			"adds_over_candidate_cap": st.Pruned,
			"bcubed_precision":        round3(p),
			"bcubed_recall":           round3(r),
			"bcubed_f1":               round3(f1),
		},
	}, nil
}

func countDistinct(m map[string]string) int {
	set := make(map[string]struct{}, len(m)/4)
	for _, v := range m {
		set[v] = struct{}{}
	}
	return len(set)
}
