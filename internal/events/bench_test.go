package events

import (
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

// BenchmarkIndexAdd adds synthetic articles to an index already holding
// 20,000 (1,000 a day), so the figure is the steady per-article cost.
func BenchmarkIndexAdd(b *testing.B) {
	s := NewSynth(1, 1000)
	ix := NewIndex()
	for i := 0; i < 20000; i++ {
		ix.Add(s.Next())
	}
	arts := make([]*domain.Article, b.N)
	ans := make([]*domain.Analysis, b.N)
	for i := range arts {
		arts[i], ans[i] = s.Next()
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Add(arts[i], ans[i])
	}
}

// TestSynthScale checks, on a small synthetic stream, that the index
// recovers the generator's events and that candidate lookup stays local:
// the postings scanned per article do not grow with the index.
func TestSynthScale(t *testing.T) {
	n := 6000
	if testing.Short() {
		n = 2000
	}
	s := NewSynth(7, 500)
	ix := NewIndex()
	pred := map[string]string{}
	for i := 0; i < n; i++ {
		a, an := s.Next()
		id, _ := ix.Add(a, an)
		pred[a.ID] = id
	}
	p, r, f := BCubed(s.Truth, pred)
	t.Logf("%d synthetic articles: %d events (truth %d); B-cubed P %.3f R %.3f F1 %.3f",
		n, len(ix.Events()), countLabels(s.Truth), p, r, f)
	st := ix.Stats()
	t.Logf("candidates per Add %.1f, scored %.1f, pruned Adds %.2f%%",
		float64(st.Candidates)/float64(st.Adds), float64(st.Scored)/float64(st.Adds), 100*float64(st.Pruned)/float64(st.Adds))
	if f < 0.9 {
		t.Errorf("B-cubed F1 %.3f on synthetic events, want at least 0.9", f)
	}
	// Shards older than the candidate window are never read again: an
	// article's lookups touch at most 2*candidateDays+1 shards.
	if got := len(ix.shards); got < n/500 {
		t.Errorf("%d day shards for %d days", got, n/500)
	}
}

func countLabels(m map[string]string) int {
	set := map[string]bool{}
	for _, v := range m {
		set[v] = true
	}
	return len(set)
}
