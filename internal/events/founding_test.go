package events

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
	mh "github.com/parallaxnews/parallax/internal/minhash"
	"github.com/parallaxnews/parallax/internal/sharedtest"
)

// TestFoundingExample: the Moscow Times (AFP) and Sputnik reports of the
// capture of Kupiansk, read by ingest with no analysis, are one event.
func TestFoundingExample(t *testing.T) {
	// The raw scrapes, noise included, split into lines; the title is the
	// first line and the dates are those expected.yaml gives (this package
	// must not depend on ingest being finished to be tested).
	var arts []*domain.Article
	for _, f := range []struct {
		name string
		pub  domain.Timestamp
	}{
		{"moscowtimes-afp.txt", domain.Timestamp{Time: time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC), Precision: domain.PrecisionDate}},
		{"sputnik.txt", domain.Timestamp{Time: time.Date(2025, 11, 20, 18, 16, 0, 0, time.UTC), Precision: domain.PrecisionMinute}},
	} {
		b, err := os.ReadFile(sharedtest.Path(t, "corpus/kupiansk-2025-11-20/"+f.name))
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "date ") {
				lines = append(lines, l)
			}
		}
		a := &domain.Article{ID: f.name, Title: lines[0], Published: &f.pub, Outlet: &domain.Outlet{Name: f.name}}
		var paras []domain.Paragraph
		for _, l := range lines[1:] {
			paras = append(paras, domain.Paragraph{Text: l})
		}
		a.SetBody(paras)
		arts = append(arts, a)
	}
	ix, pred := cluster(arts, make([]*domain.Analysis, len(arts)))
	if os.Getenv("EVDEBUG") != "" {
		t.Logf("names A %v\nnames B %v", ix.arts[0].f.names, ix.arts[1].f.names)
	}
	if pred[arts[0].ID] != pred[arts[1].ID] {
		fa, fb := &ix.arts[0].f, &ix.arts[1].f
		t.Errorf("the two reports are in different events (similarity %.3f, lexical Jaccard %.3f)",
			ix.similarity(fa, fb), mh.Jaccard(fa.sig, fb.sig))
	}
	ev, _ := ix.Event(pred[arts[0].ID])
	if !ix.hasPlaceName(ev.ID, "Kupyansk") {
		t.Errorf("event %q not found by --place Kupyansk", ev.Title)
	}
}
