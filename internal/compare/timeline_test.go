package compare

import (
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

func TestDataLoads(t *testing.T) {
	k := kb()
	if k.loadErr != nil {
		t.Fatal(k.loadErr)
	}
	if statusClass("liberated") != statusClass("captured") {
		t.Error("liberated and captured must compare as one status class")
	}
	if !classesConflict("taken", "RU", "taken", "UA") || classesConflict("taken", "RU", "taken", "RU") {
		t.Error("taken/taken conflicts only across sides")
	}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Experts and Pro-War Bloggers Doubt It.", true},
		{"Киев опроверг заявление", true},
		{"Troops advance near the town", false},
		{"undoubtedly", false},
	} {
		if got := hasDisputeCue(tc.text); got != tc.want {
			t.Errorf("hasDisputeCue(%q) = %v", tc.text, got)
		}
	}
}

func TestTimelineLedger(t *testing.T) {
	arts, ans := wireAndState(t)
	entries := Timeline(kupiansk, arts, ans)
	type want struct {
		date      string
		precision domain.Precision
		inferred  bool
		status    string
		side      string
		outlets   int
		disputed  bool
	}
	wants := []want{
		{"2022-02-24", domain.PrecisionDate, false, "taken", "RU", 1, false},
		{"2022-09", domain.PrecisionMonth, true, "taken", "UA", 1, false},
		{"2025-11-20", domain.PrecisionDate, false, "taken", "RU", 2, true},
		{"2025-11-20", domain.PrecisionDate, false, "contested", "UA", 1, false},
	}
	if len(entries) != len(wants) {
		for _, e := range entries {
			t.Logf("%v %s %s", e.Date, e.Status, e.Side)
		}
		t.Fatalf("%d entries, want %d", len(entries), len(wants))
	}
	for i, w := range wants {
		e := entries[i]
		if e.Date == nil || e.Date.String() != w.date || e.Date.Precision != w.precision || e.Date.Inferred != w.inferred {
			t.Errorf("entry %d date %+v, want %s (%s, inferred %v)", i, e.Date, w.date, w.precision, w.inferred)
		}
		if e.Status != w.status || e.Side != w.side || len(e.Outlets) != w.outlets || e.Disputed() != w.disputed {
			t.Errorf("entry %d = %s by %s, %d outlets, disputed %v; want %+v", i, e.Status, e.Side, len(e.Outlets), e.Disputed(), w)
		}
	}
	// The 2025 entry: hedged by the wire, asserted by the state outlet.
	e := entries[2]
	stance := map[string]domain.Stance{}
	for _, o := range e.Outlets {
		stance[o.Column] = o.Stances[0]
		if o.Column == "wire" && !containsStance(o.Stances, domain.StanceHedged) {
			t.Errorf("wire stances %v lack hedged", o.Stances)
		}
	}
	if stance["state"] != domain.StanceAsserted {
		t.Errorf("state outlet lead stance %s, want asserted", stance["state"])
	}
	if len(Timeline("geonames:0", arts, ans)) != 0 {
		t.Error("a place nobody mentions has no entries")
	}
}

func TestTimelineDisputedClaimAttaches(t *testing.T) {
	a := newFx(t, "d1", "one", "One", "2025-11-20", "One", "The town was captured, the army said.").
		control("The town was captured, the army said.", kupiansk, "Kupiansk", "captured", "RU", stances(domain.StanceAttributed))
	b := newFx(t, "d2", "two", "Two", "2025-11-21", "Two", "Officials denied the town had been encircled.").
		control("Officials denied the town had been encircled.", kupiansk, "Kupiansk", "encircled", "RU", stances(domain.StanceDisputed))
	arts, ans := pair(a, b)
	entries := Timeline(kupiansk, arts, ans)
	if len(entries) != 1 || len(entries[0].Disputes) != 1 || entries[0].Disputes[0].Column != "two" {
		t.Fatalf("want one entry disputed by outlet two, got %+v", entries)
	}
}
