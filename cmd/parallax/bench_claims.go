package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"time"

	"github.com/parallaxnews/parallax/internal/claims"
	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/ingest"
)

func init() {
	registerBench("claims", &benchmark{
		args:    "DIR|FILE... [--resolve] [--repeat N]",
		summary: "extract claims and framing markers from every report read; claims-only MB/s per core in extra",
		run:     benchClaims,
	})
}

// benchClaims reads (and with --resolve, resolves) the inputs first, then
// times claim extraction alone, --repeat times over, on one goroutine so
// the figure is per core.
func benchClaims(ctx context.Context, e *env, args []string) (benchWork, error) {
	fl := flag.NewFlagSet("bench claims", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	withResolver := fl.Bool("resolve", false, "resolve mentions first (speakers and places resolved, as in the pipeline)")
	repeat := fl.Int("repeat", 1, "extract every article `N` times")
	inputs, err := parseFlags(fl, args)
	if err != nil {
		return benchWork{}, err
	}
	if len(inputs) == 0 {
		return benchWork{}, fmt.Errorf("name a DIR or FILE of reports")
	}
	if *repeat < 1 {
		return benchWork{}, fmt.Errorf("--repeat must be at least 1")
	}
	var arts []*domain.Article
	failed := 0
	ingest.Walk(ctx, inputs, ingest.Options{}, func(it ingest.Item) {
		if it.Err != nil {
			failed++
			return
		}
		arts = append(arts, it.Article)
	})
	if len(arts) == 0 {
		return benchWork{}, fmt.Errorf("no reports read (%d inputs failed)", failed)
	}
	analyses := make([]*domain.Analysis, len(arts))
	if *withResolver {
		p, err := newPipeline(e)
		if err != nil {
			return benchWork{}, err
		}
		for i, a := range arts {
			analyses[i] = p.resolver.Resolve(a)
		}
	}
	x, err := claims.New()
	if err != nil {
		return benchWork{}, err
	}
	var bytes int64
	nClaims, nMarkers := 0, 0
	cpu0, t0 := processCPU(), time.Now()
	for rep := 0; rep < *repeat; rep++ {
		for i, a := range arts {
			if ctx.Err() != nil {
				return benchWork{}, ctx.Err()
			}
			an := &domain.Analysis{ArticleID: a.ID}
			if analyses[i] != nil {
				c := *analyses[i]
				an = &c
			}
			x.Extract(a, an)
			bytes += int64(len(a.Title))
			for _, p := range a.Body {
				bytes += int64(len(p.Text))
			}
			nClaims += len(an.Claims)
			nMarkers += len(an.Markers)
		}
	}
	wall := time.Since(t0).Seconds()
	cpu := (processCPU() - cpu0).Seconds()
	return benchWork{Articles: len(arts) * *repeat, Bytes: bytes, Extra: map[string]any{
		"claims":                nClaims,
		"markers":               nMarkers,
		"inputs_failed":         failed,
		"resolved":              *withResolver,
		"claims_seconds":        round3(wall),
		"claims_cpu_seconds":    round3(cpu),
		"claims_mb_per_s":       round3(float64(bytes) / 1e6 / wall),
		"claims_mb_per_cpu_s":   round3(float64(bytes) / 1e6 / cpu),
		"goroutines_extracting": 1,
		"gomaxprocs_at_extract": runtime.GOMAXPROCS(0),
	}}, nil
}
