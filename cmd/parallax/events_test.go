package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/events"
	"github.com/parallaxnews/parallax/internal/store"
)

// TestEventsPersistAcrossIngests: two reports of one event stored by two
// separate ingest runs form one event, under the ID the first run gave it;
// events and compare read the index ingest saved instead of regrouping,
// and reports stored without updating it are still grouped, with a note.
func TestEventsPersistAcrossIngests(t *testing.T) {
	c := newStoreCLI(t)
	first := filepath.Join("testdata", "ingest", "en-bridge.txt")
	ferry := filepath.Join("testdata", "ingest-extra", "en-ferry.txt")
	second := filepath.Join("testdata", "events", "bridge-second-outlet.txt")
	later := filepath.Join("testdata", "events", "ferry-later.txt")

	listEvents := func(step string) []domain.Event {
		t.Helper()
		code, out, errs := c.run("events", "--format", "json")
		if code != 0 {
			t.Fatalf("%s: events: exit %d: %s", step, code, errs)
		}
		var evs []domain.Event
		if err := json.Unmarshal([]byte(out), &evs); err != nil {
			t.Fatalf("%s: events --format json: %v", step, err)
		}
		return evs
	}
	eventWith := func(evs []domain.Event, title string) *domain.Event {
		for i := range evs {
			if strings.Contains(evs[i].Title, title) {
				return &evs[i]
			}
		}
		return nil
	}

	steps := []struct {
		name       string
		ingest     []string
		wantEvents int
		wantBridge int    // reports in the bridge event
		wantNote   string // on events' stderr; "" for none
	}{
		{"first run", []string{"ingest", first, ferry}, 2, 1, ""},
		{"second run adds a report of the same event", []string{"ingest", second}, 2, 2, ""},
		{"a report stored without analysis is grouped for the run only", []string{"ingest", "--no-analysis", later}, 3, 2, "1 reports stored since the event index was saved"},
	}
	var bridgeID string
	for _, st := range steps {
		if code, out, errs := c.run(st.ingest...); code != 0 {
			t.Fatalf("%s: ingest: exit %d\n%s%s", st.name, code, out, errs)
		}
		_, _, errs := c.run("events")
		if (st.wantNote == "" && errs != "") || !strings.Contains(errs, st.wantNote) {
			t.Errorf("%s: events stderr %q, want %q", st.name, errs, st.wantNote)
		}
		evs := listEvents(st.name)
		if len(evs) != st.wantEvents {
			t.Fatalf("%s: %d events, want %d: %+v", st.name, len(evs), st.wantEvents, evs)
		}
		br := eventWith(evs, "Izium")
		if br == nil || len(br.Articles) != st.wantBridge {
			t.Fatalf("%s: bridge event %+v, want %d reports", st.name, br, st.wantBridge)
		}
		if bridgeID == "" {
			bridgeID = br.ID
		} else if br.ID != bridgeID {
			t.Errorf("%s: bridge event is now %s, was %s", st.name, br.ID, bridgeID)
		}
	}
	// A damaged saved index is not trusted: events regroups the store (and
	// says so), the IDs come out the same, and the next ingest saves anew.
	st, err := store.Open(c.db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveEventIndex(context.Background(), []byte("not an index"), events.FormatVersion, nil); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, _, errs := c.run("events"); !strings.Contains(errs, "grouping every stored report") {
		t.Errorf("events with a damaged saved index: stderr %q, want a note that it regroups", errs)
	}
	if br := eventWith(listEvents("damaged index"), "Izium"); br == nil || br.ID != bridgeID || len(br.Articles) != 2 {
		t.Errorf("after regrouping, bridge event %+v, want %s with 2 reports", br, bridgeID)
	}
	if code, out, errs := c.run("ingest", filepath.Join("testdata", "ingest", "uk-rail.txt")); code != 0 {
		t.Fatalf("ingest after damage: exit %d\n%s%s", code, out, errs)
	}
	if _, _, errs := c.run("events"); errs != "" {
		t.Errorf("events after ingest saved the index again: stderr %q, want none", errs)
	}

	// compare finds the event by an ID prefix and shows both reports.
	code, out, errs := c.run("compare", bridgeID[:8], "--format", "json")
	if code != 0 {
		t.Fatalf("compare %s: exit %d: %s", bridgeID[:8], code, errs)
	}
	for _, title := range []string{"Road Bridge Near Izium Closed", "Shelling Shuts Izium Bridge"} {
		if !strings.Contains(out, title) {
			t.Errorf("compare %s does not show the report %q", bridgeID[:8], title)
		}
	}
}
