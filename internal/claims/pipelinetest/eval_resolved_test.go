package pipelinetest

import (
	"testing"

	"github.com/parallaxnews/parallax/internal/claims"
	"github.com/parallaxnews/parallax/internal/claims/claimseval"
	"github.com/parallaxnews/parallax/internal/gazetteer"
	"github.com/parallaxnews/parallax/internal/resolve"
)

// newResolver builds the real resolver over the embedded gazetteer.
func newResolver(t testing.TB) *resolve.Resolver {
	t.Helper()
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Fatalf("gazetteer: %v", err)
	}
	r, err := resolve.New(resolve.Config{Gazetteer: gaz})
	if err != nil {
		t.Fatalf("resolver: %v", err)
	}
	return r
}

// TestEvalHeldOutResolved scores the held-out reports of package claims
// through the real resolver, as the pipeline runs them. The floors are the
// words-only ones less 0.05: resolving speakers must not lose much.
func TestEvalHeldOutResolved(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the gazetteer")
	}
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	docs, err := claimseval.Load("../testdata/eval")
	if err != nil || len(docs) < 30 {
		t.Fatalf("held-out reports: %d, %v", len(docs), err)
	}
	sc := claimseval.Score(x, docs, newResolver(t).Resolve)
	t.Logf("held-out, resolved: %s", sc)
	if sc.SpeakerR < 0.80 || sc.StanceR < 0.73 {
		t.Errorf("with the resolver, speaker recall %.2f or stance recall %.2f fell below 0.80/0.73", sc.SpeakerR, sc.StanceR)
	}
}
