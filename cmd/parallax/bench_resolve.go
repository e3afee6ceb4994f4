package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/gazetteer"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/resolve"
)

func init() {
	registerBench("resolve", &benchmark{
		args:    "DIR|FILE... [--gazetteer UA.txt] [--passes 2] [--cpuprofile FILE]",
		summary: "find and resolve mentions; gazetteer load time and memory, cold and warm MB/s",
		run:     benchResolve,
	})
}

// benchResolve reads the inputs first (not timed as resolution), loads the
// gazetteer, builds its lookup indexes and the resolver (each timed apart),
// then resolves every article --passes times: the first pass fills the
// resolver's lookup cache, later passes show the steady state.
func benchResolve(ctx context.Context, e *env, args []string) (benchWork, error) {
	fl := flag.NewFlagSet("bench resolve", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	gazFile := fl.String("gazetteer", "", "GeoNames table to load (e.g. ../shared/data/gazetteer/geonames/UA.txt); default: the stored gazetteer")
	passes := fl.Int("passes", 2, "resolve every article this many `times`")
	cpuProfile := fl.String("cpuprofile", "", "write a CPU profile of the warm passes (all but the first; the only one if --passes 1) to `file`")
	inputs, err := parseFlags(fl, args)
	if err != nil {
		return benchWork{}, err
	}
	if len(inputs) == 0 {
		return benchWork{}, fmt.Errorf("name a DIR or FILE of reports")
	}
	if *passes < 1 {
		return benchWork{}, fmt.Errorf("--passes must be at least 1")
	}
	var arts []*domain.Article
	var bytes int64
	ingest.Walk(ctx, inputs, ingest.Options{}, func(it ingest.Item) {
		if it.Err == nil {
			arts = append(arts, it.Article)
			bytes += int64(len(it.Article.Title) + len(it.Article.Text()))
		}
	})
	if len(arts) == 0 {
		return benchWork{}, fmt.Errorf("no reports read from %v", inputs)
	}

	runtime.GC()
	var m0 runtime.MemStats
	runtime.ReadMemStats(&m0)
	t0 := time.Now()
	var g *gazetteer.Gazetteer
	if *gazFile != "" {
		f, err := os.Open(*gazFile)
		if err != nil {
			return benchWork{}, err
		}
		g, err = gazetteer.LoadGeoNames(f)
		f.Close()
		if err != nil {
			return benchWork{}, err
		}
	} else if g, err = gazetteer.Load(gazetteerDir(e)); err != nil {
		return benchWork{}, err
	}
	loadS := time.Since(t0).Seconds()
	t0 = time.Now()
	g.BuildIndexes()
	indexS := time.Since(t0).Seconds()
	t1 := time.Now()
	r, err := resolve.New(resolve.Config{Gazetteer: g})
	if err != nil {
		return benchWork{}, err
	}
	buildS := time.Since(t1).Seconds()
	runtime.GC()
	var m1 runtime.MemStats
	runtime.ReadMemStats(&m1)

	var passS []float64
	var cpuS []float64
	mentions, resolved, ambiguous, unresolved, entities := 0, 0, 0, 0, 0
	for p := 0; p < *passes; p++ {
		if p == min(1, *passes-1) && *cpuProfile != "" {
			f, err := os.Create(*cpuProfile)
			if err != nil {
				return benchWork{}, err
			}
			if err := pprof.StartCPUProfile(f); err != nil {
				return benchWork{}, err
			}
			defer func() { pprof.StopCPUProfile(); f.Close() }()
		}
		c0 := processCPU()
		t := time.Now()
		for _, a := range arts {
			if ctx.Err() != nil {
				return benchWork{}, ctx.Err()
			}
			an := r.Resolve(a)
			if p == 0 {
				entities += len(an.Entities)
				for _, m := range an.Mentions {
					mentions++
					switch m.Status {
					case domain.StatusResolved:
						resolved++
					case domain.StatusAmbiguous:
						ambiguous++
					default:
						unresolved++
					}
				}
			}
		}
		passS = append(passS, time.Since(t).Seconds())
		cpuS = append(cpuS, (processCPU() - c0).Seconds())
	}
	mbps := func(s float64) float64 { return round3(float64(bytes) / 1e6 / s) }
	last := len(passS) - 1
	extra := map[string]any{
		"gazetteer_load_s":          round3(loadS),
		"gazetteer_index_s":         round3(indexS),
		"gazetteer_places":          g.Len(),
		"gazetteer_heap_mb":         round3(float64(int64(m1.HeapAlloc)-int64(m0.HeapAlloc)) / 1e6),
		"resolver_build_s":          round3(buildS),
		"cold_pass_mb_per_s":        mbps(passS[0]),
		"warm_pass_mb_per_s":        mbps(passS[last]),
		"warm_pass_cpu_mb_per_s":    mbps(cpuS[last]),
		"mentions":                  mentions,
		"mentions_resolved_share":   round3(float64(resolved) / float64(max(1, mentions))),
		"mentions_ambiguous":        ambiguous,
		"mentions_unresolved":       unresolved,
		"entities_per_article":      round3(float64(entities) / float64(len(arts))),
		"bytes_per_pass":            bytes,
		"articles_per_pass":         len(arts),
		"note_cpu_rate_is_per_core": true,
	}
	return benchWork{Articles: len(arts) * *passes, Bytes: bytes * int64(*passes), Extra: extra}, nil
}
