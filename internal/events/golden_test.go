package events

import (
	"bytes"
	"flag"
	"sync"
	"testing"

	"github.com/parallaxnews/parallax/internal/golden"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// TestGoldenListing compares the text listing of the fixtures' events with
// testdata/fixtures.events.golden (go test -update rewrites it after a
// change that was checked by eye).
func TestGoldenListing(t *testing.T) {
	arts, ans, _ := loadFixtures(t, "testdata/fixtures.jsonl")
	ix, _ := cluster(arts, ans)
	var buf bytes.Buffer
	if err := WriteText(&buf, ix.Events()); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/fixtures.events.golden", buf.Bytes(), *update)
}

// TestConcurrentReads runs readers while articles are added (go test -race).
func TestConcurrentReads(t *testing.T) {
	s := NewSynth(3, 200)
	ix := NewIndex()
	var wg sync.WaitGroup
	done := make(chan struct{})
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				for _, e := range ix.Find(Filter{Place: "Place7"}) {
					if _, ok := ix.Event(e.ID); !ok {
						t.Errorf("listed event %s not found", e.ID)
						return
					}
				}
				_ = ix.Len()
			}
		}()
	}
	for i := 0; i < 600; i++ {
		a, an := s.Next()
		id, _ := ix.Add(a, an)
		if got, ok := ix.EventOf(a.ID); !ok || got != id {
			t.Fatalf("EventOf(%s) = %q, want %q", a.ID, got, id)
		}
	}
	close(done)
	wg.Wait()
	if ix.Len() != 600 {
		t.Errorf("Len = %d, want 600", ix.Len())
	}
}
