package compare

import (
	"bytes"
	"strings"
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

// TestTimelineCounterclaim: "the General Staff denied the town had fallen,
// saying it repelled 14 assaults" is the General Staff's claim that the
// town holds, and a denial of the other side's capture — not a doubt about
// its own claim, and no doubt about a claim that part of the town is held.
func TestTimelineCounterclaim(t *testing.T) {
	denial := "The General Staff denied the town had fallen, saying it repelled 14 assaults."
	a := newFx(t, "k1", "one", "One", "2025-11-20", "One", "The town was captured, the army said.", "Russian forces hold 40% of the town, analysts said.").
		control("The town was captured, the army said.", kupiansk, "Kupiansk", "captured", "RU", stances(domain.StanceAttributed)).
		control("Russian forces hold 40% of the town, analysts said.", kupiansk, "Kupiansk", "captured", "RU", stances(domain.StanceAttributed), share(0.4, "exact"))
	b := newFx(t, "k2", "two", "Two", "2025-11-20", "Two", denial).
		control(denial, kupiansk, "Kupiansk", "repelled", "UA", stances(domain.StanceDisputed, domain.StanceAttributed),
			voice("General Staff", "actor:ua-general-staff"), func(c *domain.Claim) { c.Cues = []string{"denied", "saying"} })
	arts, ans := pair(a, b)
	var taken, part, held *LedgerEntry
	entries := Timeline(kupiansk, arts, ans)
	for i := range entries {
		e := &entries[i]
		switch {
		case e.Status == "taken" && e.Share == 0:
			taken = e
		case e.Status == "taken":
			part = e
		case e.Side == "UA":
			held = e
		}
	}
	if taken == nil || part == nil || held == nil {
		t.Fatalf("want a capture, a partial capture and a UA entry, got %+v", entries)
	}
	if len(held.Disputes) != 0 || len(held.Claimants) != 1 || held.Claimants[0] != "General Staff" {
		t.Errorf("the counterclaim must be claimed by the General Staff and doubted by no one: claimants %q, disputes %d", held.Claimants, len(held.Disputes))
	}
	if len(taken.Disputes) != 1 || taken.Disputes[0].Column != "two" {
		t.Errorf("the capture must be doubted by outlet two's denial, got %+v", taken.Disputes)
	}
	if len(part.Disputes) != 0 {
		t.Errorf("a denial that the town fell does not doubt that 40%% of it is held, got %+v", part.Disputes)
	}
}

// TestTimelineQuotesEachSentenceOnce: two claims about one place from one
// sentence are one quote in the timeline, in text and HTML.
func TestTimelineQuotesEachSentenceOnce(t *testing.T) {
	s := "Troops took the first heights in Kupiansk; the battle to liberate Kupiansk goes on."
	a := newFx(t, "q1", "one", "One", "2025-11-20", "One", s).
		control(s, kupiansk, "Kupiansk", "captured", "RU", stances(domain.StanceAttributed)).
		control(s, kupiansk, "Kupiansk", "liberated", "RU", stances(domain.StanceAttributed))
	arts, ans := pair(a)
	l := TimelineLedger(kupiansk, "Kupiansk", arts, ans)
	for _, format := range []string{"text", "html"} {
		var out bytes.Buffer
		if err := RenderLedger(&out, l, format, TextOptions{Width: 300}); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(out.String(), "the battle to liberate Kupiansk goes on"); n != 1 {
			t.Errorf("%s: the sentence is quoted %d times, want once", format, n)
		}
	}
}
