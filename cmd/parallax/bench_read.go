package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/parallaxnews/parallax/internal/ingest"
)

func init() {
	registerBench("read", &benchmark{
		args:    "DIR|FILE... [--repeat N]",
		summary: "read every report (text, HTML, feeds, JSON Lines) with ingest.Walk; counts articles and input bytes",
		run:     benchRead,
	})
}

// benchRead walks the inputs --repeat times, as `parallax read` does, on
// the calling goroutine. Bytes are the sizes of the files read; Extra adds
// failures, articles per format and CPU time, since wall-clock rates on a
// shared machine understate the per-core speed.
func benchRead(ctx context.Context, e *env, args []string) (benchWork, error) {
	fl := flag.NewFlagSet("bench read", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	repeat := fl.Int("repeat", 1, "read the inputs `N` times")
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
	var (
		work     benchWork
		failed   int
		formats  = map[string]int{}
		cpuStart = processCPU().Seconds()
		start    = time.Now()
	)
	for r := 0; r < *repeat; r++ {
		seen := map[string]bool{}
		ingest.Walk(ctx, inputs, ingest.Options{}, func(it ingest.Item) {
			if !seen[it.Input] {
				seen[it.Input] = true
				if st, err := os.Stat(it.Input); err == nil && !st.IsDir() {
					work.Bytes += st.Size()
				}
			}
			if it.Err != nil {
				failed++
				return
			}
			work.Articles++
			formats[it.Article.Format]++
		})
	}
	cpu := processCPU().Seconds() - cpuStart
	wall := time.Since(start).Seconds()
	work.Extra = map[string]any{
		"failed":      failed,
		"formats":     formats,
		"repeat":      *repeat,
		"cpu_seconds": round3(cpu),
	}
	if cpu > 0 {
		work.Extra["mb_per_cpu_s"] = round3(float64(work.Bytes) / 1e6 / cpu)
	}
	if wall > 0 && cpu > 0 {
		work.Extra["cpu_share"] = round3(cpu / wall)
	}
	return work, nil
}
