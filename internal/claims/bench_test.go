package claims_test

import (
	"syscall"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/claims"
	"github.com/parallaxnews/parallax/internal/domain"
)

// BenchmarkExtract extracts claims from the held-out reports (words only,
// no resolver); the goal is at least 5 MB/s per core of article text.
func BenchmarkExtract(b *testing.B) {
	x, err := claims.New()
	if err != nil {
		b.Fatal(err)
	}
	var arts []*domain.Article
	var size int64
	for _, d := range loadEval(b) {
		a := d.Article()
		arts = append(arts, a)
		size += int64(len(a.Title) + len(a.Text()))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		for _, a := range arts {
			x.Extract(a, &domain.Analysis{ArticleID: a.ID})
		}
		n++
	}
	// On a shared machine wall time understates the rate; CPU time is the
	// per-core figure the goal is about.
	if cpu := (cpuTime() - cpu0).Seconds(); cpu > 0 {
		b.ReportMetric(float64(size)*float64(n)/1e6/cpu, "MB/cpu-s")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
