package compare

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

// Invented claims, written for these tests: whether two non-control claims
// are grouped as one must depend on what they say, never on a key alone.
func TestSameNeedsMatchingContent(t *testing.T) {
	const putin, peskov, bakhmut = "actor:vladimir-putin", "actor:dmitry-peskov", "geonames:712979"
	unres := domain.Voice{Kind: domain.VoiceUnresolved}
	type cl struct {
		lang  string
		kind  domain.ClaimKind
		prop  string
		text  string
		ents  []string
		qty   []domain.Quantity
		voice domain.Voice
	}
	n400 := []domain.Quantity{{Surface: "400", Value: 400, Unit: "people", Qualifier: "more_than", Of: "servicemen"}}
	n410 := []domain.Quantity{{Surface: "410", Value: 410, Unit: "people", Qualifier: "exact", Of: "servicemen"}}
	cases := []struct {
		name string
		a, b cl
		want bool
	}{
		{"empty keys, unrelated statements (analysts vs ministry)",
			cl{"en", domain.ClaimStatement, "statement|unresolved|", "Russian troops controlled most of the town but Ukrainian units still held the plant", nil, nil, unres},
			cl{"en", domain.ClaimStatement, "statement|unresolved|", "The enemy lost more than 400 servicemen in the area over the past day", nil, n400, unres},
			false},
		{"same key and entity, different content",
			cl{"en", domain.ClaimStatement, "statement|outlet|" + putin, "Putin will travel to Beijing next month for talks", []string{putin}, nil, domain.Voice{Kind: domain.VoiceOutlet}},
			cl{"en", domain.ClaimStatement, "statement|outlet|" + putin, "Putin signed a decree raising the army's headcount", []string{putin}, nil, domain.Voice{Kind: domain.VoiceOutlet}},
			false},
		{"same entity, overlapping words",
			cl{"en", domain.ClaimStatement, "statement|" + peskov + "|" + putin, "Putin has no plans to meet the Ukrainian leader this year", []string{putin}, nil, unres},
			cl{"en", domain.ClaimStatement, "statement|" + peskov + "|" + putin, "Putin had no plans for a meeting with the Ukrainian leader", []string{putin}, nil, unres},
			true},
		{"same language, same entity and figure",
			cl{"en", domain.ClaimFact, "fact|" + bakhmut + "|people:70000", "Bakhmut was home to about 70,000 people", []string{bakhmut}, []domain.Quantity{{Value: 70000, Unit: "people", Qualifier: "about", Of: "people"}}, unres},
			cl{"en", domain.ClaimFact, "fact|" + bakhmut + "|people:70000", "Before the war some 70,000 lived in the city", []string{bakhmut}, []domain.Quantity{{Value: 70000, Unit: "people", Qualifier: "about", Of: "people"}}, unres},
			true},
		{"across languages, shared entity and figure",
			cl{"en", domain.ClaimStatement, "statement|unresolved|" + bakhmut, "Ukraine lost 410 servicemen near Bakhmut", []string{bakhmut}, n410, unres},
			cl{"ru", domain.ClaimStatement, "statement|unresolved|" + bakhmut, "ВСУ потеряли более 400 военнослужащих под Артемовском", []string{bakhmut}, n400, unres},
			true},
		{"across languages, shared entity only",
			cl{"en", domain.ClaimStatement, "statement|unresolved|" + bakhmut, "Fighting continues in Bakhmut", []string{bakhmut}, nil, unres},
			cl{"uk", domain.ClaimStatement, "statement|unresolved|" + bakhmut, "Бахмут залишається під контролем ЗСУ", []string{bakhmut}, nil, unres},
			false},
		{"word-for-word copy without entities",
			cl{"en", domain.ClaimStatement, "statement|unresolved|", "The talks will resume after the holidays in a neutral country", nil, nil, unres},
			cl{"en", domain.ClaimStatement, "statement|unresolved|", "The talks will resume after the holidays in a neutral country.", nil, nil, unres},
			true},
	}
	mk := func(c cl, id string) *item {
		a := &domain.Article{ID: id, Language: c.lang, Published: day("2025-01-06")}
		claim := domain.Claim{Kind: c.kind, Proposition: c.prop, Text: c.text, Quantities: c.qty, Voice: c.voice}
		for _, e := range c.ents {
			claim.Actors = append(claim.Actors, domain.Ref{EntityID: e, Name: e})
		}
		it := &item{claim: claim, art: a, ents: entitySet(claim)}
		it.when, it.whenFrom = day("2025-01-06"), "published"
		return it
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := same(mk(tc.a, "a"), mk(tc.b, "b")); got != tc.want {
				t.Errorf("same = %v, want %v\n  %q\n  %q", got, tc.want, tc.a.text, tc.b.text)
			}
		})
	}
}

func TestHeadingOmitsOwnWire(t *testing.T) {
	for _, tc := range []struct {
		outlet string
		wires  []string
		want   string
	}{
		{"Reuters", []string{"Reuters"}, "Reuters"},
		{"Reuters", []string{"reuters"}, "Reuters"},
		{"Kyiv Daily", []string{"AFP", "Reuters"}, "Kyiv Daily (AFP, Reuters)"},
		{"AP", []string{"AP", "AFP"}, "AP (AFP)"},
	} {
		if got := (Column{Outlet: tc.outlet, Wires: tc.wires}).Heading(); got != tc.want {
			t.Errorf("Heading(%q, %v) = %q, want %q", tc.outlet, tc.wires, got, tc.want)
		}
	}
}

// A share conflict over a place no resolver knew must still name it.
func TestConflictNamesUnresolvedPlace(t *testing.T) {
	g := func(share float64) Group {
		return Group{Kind: domain.ClaimControl, Proposition: "control|name:novoselivka|captured|RU",
			Places:   []domain.Ref{{Name: "Novoselivka", Surface: "Новоселівка"}},
			placeIDs: []string{"name:novoselivka"},
			Control:  &domain.Control{Status: "captured", Side: "RU", Share: share},
			quantities: func() []domain.Quantity {
				if share == 0 {
					return nil
				}
				return []domain.Quantity{{Value: share, Unit: "fraction", Qualifier: "exact"}}
			}()}
	}
	cf, ok := controlConflict(g(0), g(0.5))
	if !ok {
		t.Fatal("want a share conflict")
	}
	if cf.Subject == "?" || !strings.Contains(cf.Subject, "Novoselivka") {
		t.Errorf("conflict subject %q, want the place's name", cf.Subject)
	}
}

// The title is the plainest headline: fewest loaded words in the outlet's
// own voice, then a wire before others before outlets labelled state-run.
func TestTitlePrefersPlainHeadline(t *testing.T) {
	type art struct {
		title  string
		label  string
		loaded []string // markers in the headline, own voice
		quoted []string // markers in the headline, quoted
		hedges []string // hedge markers (no side): not loaded
	}
	cases := []struct {
		name string
		arts []art
		want int
		kind string
	}{
		{"wire over state outlet's loaded headline",
			[]art{{"Troops liberate Selydove from neo-Nazis", "Russian state-affiliated media", []string{"liberate", "neo-Nazis"}, nil, nil},
				{"Russia says it has taken Selydove", "international news agency", nil, nil, nil}}, 1, "wire"},
		{"least loaded wins whatever the label",
			[]art{{"Kremlin regime's army grabs Selydove", "international news agency", []string{"regime", "grabs"}, nil, nil},
				{"Russian army enters Selydove", "", nil, nil, nil}}, 1, ""},
		{"quoted words do not count against a headline",
			[]art{{"Army 'liberated' Selydove, ministry says", "Ukrainian online newspaper", nil, []string{"liberated"}, nil},
				{"Selydove freed", "state-owned news agency", []string{"freed"}, nil, nil}}, 0, ""},
		{"a hedge is no loaded word",
			[]art{{"Selydove 'holds', Kyiv says as Moscow claims it", "", nil, nil, nil},
				{"Moscow says it has taken Selydove; Kyiv says fighting goes on", "international wire agency", nil, nil, []string{"says", "says"}}}, 1, "wire"},
		{"tie on words: wire, then unlabelled, then state",
			[]art{{"Selydove taken, ministry says", "state-owned", nil, nil, nil},
				{"Ministry says Selydove taken", "", nil, nil, nil}}, 1, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var arts []*domain.Article
			var ans []*domain.Analysis
			for i, x := range tc.arts {
				id := string(rune('a' + i))
				a := &domain.Article{ID: id, Title: x.title, Outlet: &domain.Outlet{ID: "o" + id, Name: "Outlet " + id}}
				if x.label != "" {
					a.Outlet.Labels = []domain.Label{{Label: x.label, Source: "test"}}
				}
				an := &domain.Analysis{ArticleID: id}
				for _, w := range x.loaded {
					an.Markers = append(an.Markers, domain.Marker{Field: "title", Surface: w, Side: "RU", Category: "loaded_verb"})
				}
				for _, w := range x.hedges {
					an.Markers = append(an.Markers, domain.Marker{Field: "title", Surface: w, Category: "hedge"})
				}
				for _, w := range x.quoted {
					an.Markers = append(an.Markers, domain.Marker{Field: "title", Surface: w, Side: "RU", Category: "loaded_verb", Quoted: true})
				}
				arts, ans = append(arts, a), append(ans, an)
			}
			r := Compare(arts, ans)
			if r.Title != tc.arts[tc.want].title {
				t.Errorf("title %q, want %q", r.Title, tc.arts[tc.want].title)
			}
			if r.TitleFrom == nil || r.TitleFrom.ArticleID != arts[tc.want].ID || r.TitleFrom.Reason == "" {
				t.Fatalf("title_from %+v, want article %s with a reason", r.TitleFrom, arts[tc.want].ID)
			}
			if tc.kind != "" && r.TitleFrom.OutletKind != tc.kind {
				t.Errorf("outlet kind %q, want %q", r.TitleFrom.OutletKind, tc.kind)
			}
		})
	}
}

// Control claims on a town one resolver left unresolved meet the same town
// resolved elsewhere by its folded name; two resolved namesakes do not.
func TestControlPlacesMeetByFoldedName(t *testing.T) {
	type pl struct{ id, name, surface string }
	mk := func(lang string, p pl) *item {
		c := domain.Claim{Kind: domain.ClaimControl, Places: []domain.Ref{{EntityID: p.id, Name: p.name, Surface: p.surface}},
			Control: &domain.Control{Status: "captured", Side: "RU"}}
		it := &item{claim: c, art: &domain.Article{Language: lang}, places: placeIDs(c)}
		it.unresolved, it.resolved = placeNameKeys(c)
		return it
	}
	cases := []struct {
		name string
		a, b pl
		want bool
	}{
		{"resolved vs unresolved Russian spelling", pl{"geonames:695357", "Kurakhove", "Kurakhove"}, pl{"", "Курахово", "Курахово"}, true},
		{"unresolved genitive vs unresolved English", pl{"", "Курахового", "Курахового"}, pl{"", "Kurakhovo", "Kurakhovo"}, true},
		{"two resolved namesakes", pl{"geonames:1", "Ivanivka", "Ivanivka"}, pl{"geonames:2", "Ivanivka", "Ivanivka"}, false},
		{"different towns", pl{"", "Toretsk", "Toretsk"}, pl{"", "Курахово", "Курахово"}, false},
	}
	for _, tc := range cases {
		if got := sameControl(mk("en", tc.a), mk("ru", tc.b)); got != tc.want {
			t.Errorf("%s: sameControl = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// A number conflict needs the same measure with different figures about
// something named; an empty key with unrelated figures is no conflict.
func TestNumberConflictNeedsSameMeasure(t *testing.T) {
	g := func(prop string, q ...domain.Quantity) Group {
		return Group{Kind: domain.ClaimStatement, Proposition: prop, Summary: prop, quantities: q, Time: day("2025-01-06")}
	}
	killed := func(v float64) domain.Quantity {
		return domain.Quantity{Value: v, Unit: "people", Qualifier: "exact", Of: "killed"}
	}
	const key = "statement|actor:kharkiv-governor|geonames:706483"
	cases := []struct {
		name string
		a, b Group
		want bool
	}{
		{"empty key, unrelated figures", g("statement|unresolved|", killed(4)), g("statement|unresolved|", domain.Quantity{Value: 400, Unit: "people", Of: "servicemen"}), false},
		{"empty key, same measure", g("statement|unresolved|", killed(4)), g("statement|unresolved|", killed(9)), false},
		{"named key, same measure, different figures", g(key, killed(4)), g(key, killed(9)), true},
		{"named key, same figures", g(key, killed(4)), g(key, killed(4)), false},
	}
	for _, tc := range cases {
		got := len(conflicts([]Group{tc.a, tc.b})) > 0
		if got != tc.want {
			t.Errorf("%s: conflict %v, want %v", tc.name, got, tc.want)
		}
	}
}

// Who denies a claim is not who it is credited to: a column that only
// disputes it adds no "different attribution".
func TestAttributionSkipsDeniers(t *testing.T) {
	c := func(col, name string, st domain.Stance) Carrier {
		return Carrier{Column: col, Stance: st, Voice: domain.Voice{Kind: domain.VoiceNamed, Name: name, EntityID: "actor:" + name}, Speaker: name}
	}
	g := Group{Columns: []string{"wire", "state", "kyiv"}, Carriers: []Carrier{
		c("wire", "ministry", domain.StanceAttributed),
		c("state", "ministry", domain.StanceAttributed),
		c("kyiv", "general-staff", domain.StanceDisputed),
	}}
	if _, ok := attributionOf(g); ok {
		t.Error("a denial counted as a different attribution")
	}
	g.Carriers[2].Stance = domain.StanceAttributed
	if _, ok := attributionOf(g); !ok {
		t.Error("a claim credited to another speaker is a different attribution")
	}
}

// A group's summary names the side when any member does.
func TestGroupSummaryTakesSide(t *testing.T) {
	mk := func(side string) *item {
		c := domain.Claim{Kind: domain.ClaimControl, Places: []domain.Ref{{EntityID: "geonames:695357", Name: "Kurakhove"}},
			Control: &domain.Control{Status: "captured", Side: side}}
		return &item{claim: c, art: &domain.Article{ID: "a" + side}}
	}
	g := (&input{}).makeGroup([]*item{mk(""), mk("RU")}, map[string]int{})
	if !strings.Contains(g.Summary, "by RU") {
		t.Errorf("summary %q, want the side named by one member", g.Summary)
	}
}

// A place's spelling in a headline ("Kyiv") is naming, shown apart, and not
// held against the headline as loaded wording.
func TestTitleIgnoresNaming(t *testing.T) {
	wire := &domain.Article{ID: "w", Title: "Kyiv says fighting goes on in Selydove", Outlet: &domain.Outlet{ID: "w", Name: "Wire", Labels: []domain.Label{{Label: "international news agency"}}}}
	other := &domain.Article{ID: "o", Title: "Fighting goes on in Selydove", Outlet: &domain.Outlet{ID: "o", Name: "Other"}}
	wa := &domain.Analysis{ArticleID: "w", Markers: []domain.Marker{{Field: "title", Surface: "Kyiv", Category: "naming", Side: "UA"}}}
	r := Compare([]*domain.Article{other, wire}, []*domain.Analysis{{ArticleID: "o"}, wa})
	if r.Title != wire.Title {
		t.Errorf("title %q, want the wire's %q (%+v)", r.Title, wire.Title, r.TitleFrom)
	}
}

// An outlet whose only line on a claim is a denial of it is no carrier: it
// is left out of the agreed view and shown as disputing; one that carries
// the claim with the denial beside it is both.
func TestDeniersAreNotCarriers(t *testing.T) {
	c := func(col string, st domain.Stance, cues ...string) Carrier {
		return Carrier{Column: col, Stance: st, Stances: []domain.Stance{domain.StanceAttributed, st}, Cues: cues,
			Voice: domain.Voice{Kind: domain.VoiceNamed, Name: col + "-speaker"}, Speaker: col + "-speaker"}
	}
	g := Group{Kind: domain.ClaimControl, Columns: []string{"wire", "state", "kyiv", "exile", "carrying"}, Carriers: []Carrier{
		c("wire", domain.StanceAttributed, "said"),
		c("state", domain.StanceAttributed, "announced"),
		c("kyiv", domain.StanceDisputed, "спростовують"),
		c("exile", domain.StanceHedged, "заявило"), c("exile", domain.StanceDisputed, "опроверг"),
		c("carrying", domain.StanceDisputed, "claimed", "denied"), // "X claimed ...; Kyiv denied it"
	}}
	ag := withoutDeniers(g)
	if strings.Join(ag.Columns, ",") != "wire,state,exile,carrying" {
		t.Errorf("agreed columns %v, want every column but the one that only denies", ag.Columns)
	}
	d, ok := disputeOf(g)
	if !ok || !d.onlyDisputed {
		t.Fatalf("dispute %+v %v, want one with an outlet that only disputes", d, ok)
	}
	for _, w := range []string{"kyiv", "exile", "carrying"} {
		if !strings.Contains(d.Why, w) {
			t.Errorf("dispute %q does not name %s among those reporting denial", d.Why, w)
		}
	}
}

// The dispute's "carried by" line names only the outlets carrying the
// claim, not the one that denies it.
func TestDisputeLineNamesCarriersOnly(t *testing.T) {
	mk := func(id, outlet string, st domain.Stance, cue string) (*domain.Article, *domain.Analysis) {
		a := &domain.Article{ID: id, Title: "T " + id, Language: "en", Published: day("2025-01-06"), Outlet: &domain.Outlet{ID: outlet, Name: outlet}}
		a.SetBody([]domain.Paragraph{{Text: "Velyka Novosilka was captured.", SourceOffset: -1}})
		c := domain.Claim{ID: id + "-c1", Kind: domain.ClaimControl, Field: "body", Start: 0, End: 30, Sentence: "Velyka Novosilka was captured.",
			Places:  []domain.Ref{{EntityID: "geonames:689558", Name: "Velyka Novosilka"}},
			Control: &domain.Control{Status: "captured", Side: "RU"}, Stance: st, Stances: []domain.Stance{domain.StanceAttributed, st}, Cues: []string{cue},
			Voice: domain.Voice{Kind: domain.VoiceNamed, Name: outlet + " source"}, Proposition: "control|geonames:689558|captured|RU"}
		return a, &domain.Analysis{ArticleID: id, Claims: []domain.Claim{c}}
	}
	a1, n1 := mk("a", "Wire", domain.StanceAttributed, "said")
	a2, n2 := mk("b", "State", domain.StanceAttributed, "announced")
	a3, n3 := mk("c", "Kyiv Daily", domain.StanceDisputed, "denied")
	r := Compare([]*domain.Article{a1, a2, a3}, []*domain.Analysis{n1, n2, n3})
	var b strings.Builder
	if err := RenderText(&b, r, TextOptions{Width: 200}); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.Contains(line, "carried by") && strings.Contains(line, "see AGREED") && strings.Contains(line, "Kyiv Daily") {
			t.Errorf("denier named as a carrier: %q", line)
		}
	}
	if len(r.Agreed) != 1 || strings.Join(r.Agreed[0].Columns, ",") != "Wire,State" {
		t.Errorf("agreed %+v, want one group carried by wire and state", summaries(r.Agreed))
	}
}

// TestTitleWithoutHeadlines: posts without headlines (Telegram) still make
// a report whose title says what it holds, not "No reports".
func TestTitleWithoutHeadlines(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "No reports"}, {2, "2 reports without a headline"}} {
		var arts []*domain.Article
		var ans []*domain.Analysis
		for i := range tc.n {
			a := &domain.Article{ID: fmt.Sprintf("p%d", i), Outlet: &domain.Outlet{ID: fmt.Sprintf("o%d", i), Name: fmt.Sprintf("Channel %d", i)}}
			a.SetBody([]domain.Paragraph{{Text: "The bridge reopened on Monday.", SourceOffset: -1}})
			arts, ans = append(arts, a), append(ans, &domain.Analysis{ArticleID: a.ID})
		}
		if r := Compare(arts, ans); r.Title != tc.want {
			t.Errorf("%d reports: title %q, want %q", tc.n, r.Title, tc.want)
		}
	}
}
