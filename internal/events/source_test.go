package events

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

// memWalker is a store stand-in holding fixtures in memory.
type memWalker struct {
	arts []*domain.Article
	ans  []*domain.Analysis
	err  error
}

func (m *memWalker) Each(ctx context.Context, fn func(*domain.Article, *domain.Analysis) error) error {
	for _, i := range byPublished(m.arts) {
		if err := fn(m.arts[i], m.ans[i]); err != nil {
			return err
		}
	}
	return m.err
}

func TestFromStoreAndFilters(t *testing.T) {
	arts, ans, gold := loadFixtures(t, "testdata/fixtures.jsonl")
	// The stored analyses are dropped for half the articles and supplied
	// by analyse, as resolve and claims would on the fly.
	stored := make([]*domain.Analysis, len(ans))
	byID := map[string]*domain.Analysis{}
	for i := range ans {
		byID[arts[i].ID] = ans[i]
		if i%2 == 0 {
			stored[i] = ans[i]
		}
	}
	analysed := 0
	ix, err := FromStore(context.Background(), &memWalker{arts: arts, ans: stored}, func(a *domain.Article) *domain.Analysis {
		analysed++
		return byID[a.ID]
	})
	if analysed != len(arts)/2 {
		t.Errorf("analyse called %d times, want %d (once per article stored without analysis)", analysed, len(arts)/2)
	}
	if err != nil {
		t.Fatal(err)
	}
	nGold := map[string]bool{}
	for _, g := range gold {
		nGold[g] = true
	}
	if got := len(ix.Events()); got != len(nGold) {
		t.Errorf("%d events, want %d", got, len(nGold))
	}
	day := func(s string) time.Time { tm, _ := time.Parse("2006-01-02", s); return tm }
	tests := []struct {
		name string
		f    Filter
		want []string // gold labels of the events listed, in order
	}{
		{"place in Latin spelling", Filter{Place: "Kupyansk"}, []string{"kupiansk-captured", "kupiansk-shelling"}},
		{"place in Cyrillic", Filter{Place: "Купянск"}, []string{"kupiansk-captured", "kupiansk-shelling"}},
		{"place by entity ID", Filter{Place: "geonames:704617"}, []string{"kupiansk-captured", "kupiansk-shelling"}},
		{"place and since", Filter{Place: "Kupiansk", Since: day("2025-11-21")}, []string{"kupiansk-shelling"}},
		{"place name without resolve", Filter{Place: "Tbilisi"}, []string{"tbilisi-protest", "tbilisi-arrests"}},
		{"until", Filter{Until: day("2025-01-01")}, []string{"tbilisi-protest", "tbilisi-arrests"}},
		{"unknown place", Filter{Place: "Lviv"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, e := range ix.Find(tc.f) {
				got = append(got, gold[e.Articles[0]])
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("Find(%+v) = %v, want %v", tc.f, got, tc.want)
			}
		})
	}

	ev, ok := ix.Event(ix.Find(Filter{Place: "Kupiansk"})[0].ID)
	if !ok {
		t.Fatal("Event(id) did not find a listed event")
	}
	if len(ev.Articles) != 4 || len(ev.Outlets) != 4 || ev.Places[0].EntityID != "geonames:704617" {
		t.Errorf("Kupiansk event: %d articles, outlets %v, places %v; want 4, 4 outlets, Kupiansk first", len(ev.Articles), ev.Outlets, ev.Places)
	}
	if ev.Start.After(ev.End) || ev.Start.Format("2006-01-02") != "2025-11-20" {
		t.Errorf("date range %v…%v", ev.Start, ev.End)
	}
	if ev.Title == "" {
		t.Error("event has no title")
	}

	var buf bytes.Buffer
	if err := WriteText(&buf, ix.Find(Filter{Place: "Kupiansk"})); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"2025-11-20", "4 reports", "places: Kupiansk", "2 events"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("text listing lacks %q:\n%s", want, buf.String())
		}
	}
	buf.Reset()
	if err := WriteJSON(&buf, ix.Events()); err != nil {
		t.Fatal(err)
	}
	var back []domain.Event
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || len(back) != len(nGold) {
		t.Errorf("JSON round trip: %v, %d events", err, len(back))
	}
}

func TestFromStoreError(t *testing.T) {
	_, err := FromStore(context.Background(), &memWalker{err: errors.New("disk gone")}, nil)
	if err == nil || !strings.Contains(err.Error(), "disk gone") {
		t.Errorf("err = %v, want the store's error", err)
	}
}
