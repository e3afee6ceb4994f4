package claims_test

import (
	"sync"
	"testing"

	"github.com/parallaxnews/parallax/internal/claims"
	"github.com/parallaxnews/parallax/internal/domain"
)

// TestConcurrentExtract shares one Extractor between goroutines, as the
// pipeline does; run with -race it checks the Extractor is read-only.
func TestConcurrentExtract(t *testing.T) {
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	docs := loadEval(t)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, d := range docs {
				a := d.Article()
				x.Extract(a, &domain.Analysis{})
				x.ExtractBlocks(a)
			}
		}()
	}
	wg.Wait()
}
