package main

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"
)

// benchmark is one `parallax bench STAGE` runner. It does the work and
// reports how many articles and bytes it processed; bench times it and adds
// rates and peak memory.
type benchmark struct {
	args    string
	summary string
	run     func(ctx context.Context, e *env, args []string) (benchWork, error)
}

// benchWork is what a benchmark did, plus any stage-specific figures.
type benchWork struct {
	Articles int
	Bytes    int64
	Extra    map[string]any
}

var benchmarks = map[string]*benchmark{}

func registerBench(name string, b *benchmark) { benchmarks[name] = b }

func init() {
	register(&command{
		name:    "bench",
		args:    "STAGE [ARGS]   (stages: read, ingest, gazetteer, resolve, claims, cluster; parallax bench lists them)",
		summary: "time a pipeline stage and print articles/s, MB/s and peak memory as JSON",
		run:     runBench,
	})
}

// benchReport is the JSON `parallax bench` prints.
type benchReport struct {
	Stage       string         `json:"stage"`
	Articles    int            `json:"articles"`
	Bytes       int64          `json:"bytes"`
	Seconds     float64        `json:"seconds"`
	ArticlesPS  float64        `json:"articles_per_s"`
	MBPS        float64        `json:"mb_per_s"`
	PeakRSSMB   float64        `json:"peak_rss_mb"`
	HeapAllocMB float64        `json:"heap_alloc_mb"`
	GOMAXPROCS  int            `json:"gomaxprocs"`
	GoVersion   string         `json:"go_version"`
	Extra       map[string]any `json:"extra,omitempty"`
}

func runBench(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || benchmarks[args[0]] == nil {
		names := make([]string, 0, len(benchmarks))
		for n, b := range benchmarks {
			names = append(names, fmt.Sprintf("  %-8s parallax bench %s %s — %s", n, n, b.args, b.summary))
		}
		sort.Strings(names)
		return fmt.Errorf("name a stage:\n%s", strings.Join(names, "\n"))
	}
	b := benchmarks[args[0]]
	runtime.GC()
	start := time.Now()
	work, err := b.run(ctx, e, args[1:])
	if err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	rep := benchReport{
		Stage:       args[0],
		Articles:    work.Articles,
		Bytes:       work.Bytes,
		Seconds:     round3(secs),
		ArticlesPS:  round3(float64(work.Articles) / secs),
		MBPS:        round3(float64(work.Bytes) / 1e6 / secs),
		PeakRSSMB:   round3(peakRSSMB()),
		HeapAllocMB: round3(float64(ms.HeapAlloc) / 1e6),
		GOMAXPROCS:  runtime.GOMAXPROCS(0),
		GoVersion:   runtime.Version(),
		Extra:       work.Extra,
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// processCPU is the CPU time the process has used (user + system): the
// benchmarks report per-core rates from it, which hold on a busy machine
// where wall time does not.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSSMB is the process's peak resident set size (Linux reports KiB).
func peakRSSMB() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024
}

func round3(f float64) float64 { return float64(int64(f*1000+0.5)) / 1000 }
