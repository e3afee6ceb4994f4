package events

import (
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

// TestBoilerplateIgnored: a footer an outlet puts under every report must
// not make its unrelated reports one event, and the paragraph counts kept
// per outlet stay bounded.
func TestBoilerplateIgnored(t *testing.T) {
	ix := NewIndex()
	footer := "Read us without a VPN at our mirror site. Subscribe to our channel for Kharkiv and Odesa news."
	bodies := []string{
		"Heavy rain flooded streets in the harbour district on Monday.",
		"The parliament approved a new budget for schools after a long debate.",
		"A football club announced the transfer of its goalkeeper to a rival.",
		"Farmers protested against low grain prices near the regional capital.",
		"A new bridge opened over the river after three years of building work.",
	}
	ids := map[string]bool{}
	for i, b := range bodies {
		a := &domain.Article{ID: string(rune('a' + i)), Outlet: &domain.Outlet{Name: "Channel"},
			Published: &domain.Timestamp{Time: time.Date(2025, 3, 1, 8+i, 0, 0, 0, time.UTC), Precision: domain.PrecisionMinute}}
		a.SetBody([]domain.Paragraph{{Text: b}, {Text: footer}})
		id, _ := ix.Add(a, nil)
		if i >= 2 && ids[id] { // the first two cannot know the footer yet
			t.Errorf("report %d joined an earlier event through the footer", i)
		}
		ids[id] = true
	}
	for i := 0; i < maxBoilerPerOutlet+10; i++ {
		a := &domain.Article{ID: "x" + string(rune(i)), Outlet: &domain.Outlet{Name: "Big"}}
		a.SetBody([]domain.Paragraph{{Text: "paragraph " + string(rune(i))}})
		ix.boilerCheck("Big", a)
	}
	if n := len(ix.boiler["Big"]); n > maxBoilerPerOutlet+1 {
		t.Errorf("%d paragraph counts kept for one outlet, want at most %d", n, maxBoilerPerOutlet+1)
	}
}

// TestLateArticleFindsFrozenDay: a report that arrives after its day's
// shard was frozen still finds and joins its event.
func TestLateArticleFindsFrozenDay(t *testing.T) {
	s := NewSynth(11, 100)
	ix := NewIndex()
	var late *domain.Article
	var lateAn *domain.Analysis
	for i := 0; i < 1000; i++ { // ten days
		a, an := s.Next()
		if i == 150 { // day 1: hold it back
			late, lateAn = a, an
			continue
		}
		ix.Add(a, an)
	}
	day := int32(late.Published.Time.Unix() / 86400)
	if sh := ix.shards[day]; sh == nil || sh.heads != nil {
		t.Fatalf("day %d shard is not frozen", day)
	}
	id, joined := ix.Add(late, lateAn)
	var mates int
	for art, ev := range s.Truth {
		if ev == s.Truth[late.ID] && art != late.ID {
			mates++
		}
	}
	if mates == 0 {
		t.Fatal("the held-back report has no fellow reports; pick another")
	}
	if !joined {
		t.Errorf("late report started a new event %s; its %d fellow reports are stored", id, mates)
	}
	if ix.shards[day].heads == nil {
		t.Error("the frozen shard was not thawed to take the late report")
	}
}
