package compare

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

func findGroup(gs []Group, place, status string) *Group {
	for i := range gs {
		g := &gs[i]
		if g.Control == nil {
			continue
		}
		for _, p := range g.Places {
			if p.EntityID == place && statusClass(g.Control.Status) == statusClass(status) {
				return g
			}
		}
	}
	return nil
}

func TestCompareAgreedKeepsEachOutletsStance(t *testing.T) {
	arts, ans := wireAndState(t)
	r := Compare(arts, ans)
	g := findGroup(r.Agreed, kupiansk, "captured")
	if g == nil {
		t.Fatalf("Kupiansk taken by RU not agreed; agreed = %v", summaries(r.Agreed))
	}
	if len(g.Columns) != 2 {
		t.Fatalf("columns = %v, want both outlets", g.Columns)
	}
	tests := []struct {
		col  string
		lead domain.Stance
		has  domain.Stance
	}{
		{"wire", domain.StanceAttributed, domain.StanceHedged},
		{"state", domain.StanceAsserted, domain.StanceAttributed},
	}
	for _, tc := range tests {
		st := g.StancesIn(tc.col)
		if len(st) == 0 || st[0] != tc.lead {
			t.Errorf("%s: stances %v, want %s first", tc.col, st, tc.lead)
		}
		if !containsStance(st, tc.has) {
			t.Errorf("%s: stances %v, want %s among them", tc.col, st, tc.has)
		}
	}
	// "liberated" and "captured" are one claim; the words stay apart as framing.
	if !strings.Contains(g.Summary, "taken by RU") || strings.Contains(g.Summary, "liberat") {
		t.Errorf("summary %q should use the neutral wording", g.Summary)
	}
	for _, c := range g.Carriers {
		a := articleByID(arts, c.Ref.ArticleID)
		if got := textOf(a, c.Ref.Field)[c.Ref.Start:c.Ref.End]; got != c.Ref.Sentence {
			t.Errorf("ref %+v does not point at its sentence: %q", c.Ref, got)
		}
	}
}

func TestCompareSections(t *testing.T) {
	arts, ans := wireAndState(t)
	r := Compare(arts, ans)
	onlyWire := onlySummaries(r, "wire")
	onlyState := onlySummaries(r, "state")
	tests := []struct {
		name string
		ok   bool
	}{
		{"the 2022 capture is a different claim, only in the wire", containsSub(onlyWire, "2022-02-24")},
		{"the September retaking is only in the wire, with an inferred date", containsSub(onlyWire, "retaken by UA · 2022-09 (inferred)")},
		{"the population fact is only in the wire", containsSub(onlyWire, "55,000")},
		{"the doubt teaser is only in the wire", containsSub(onlyWire, "Analysts doubt it")},
		{"the Pokrovsk share is only in the state outlet", containsSub(onlyState, "Pokrovsk: taken by RU, 70% of it")},
		{"the president's statement is only in the state outlet", containsSub(onlyState, "special military operation")},
		{"the 2022 capture did not join the 2025 claim", findGroup(r.Agreed, kupiansk, "captured") != nil && !carriesSentence(*findGroup(r.Agreed, kupiansk, "captured"), "2022 invasion")},
		{"different attribution lists the two commanders", len(r.DifferentAttribution) == 1 &&
			strings.Contains(strings.Join(speakersOf(r.DifferentAttribution[0]), "|"), "Oleg Sidorov") &&
			strings.Contains(strings.Join(speakersOf(r.DifferentAttribution[0]), "|"), "Ivan Petrov")},
		{"contested vs taken is a status conflict", hasConflict(r, "status", "Kupiansk")},
		{"the wire's doubting teaser disputes the capture", hasConflict(r, "disputed", "Kupiansk: taken by RU")},
		{"the teaser does not dispute Pokrovsk, which it does not name", !hasConflict(r, "disputed", "Pokrovsk")},
	}
	for _, tc := range tests {
		if !tc.ok {
			t.Errorf("%s\nagreed: %v\nonly wire: %v\nonly state: %v\nconflicts: %v", tc.name, summaries(r.Agreed), onlyWire, onlyState, conflictWhys(r))
		}
	}
}

func TestCompareConflicts(t *testing.T) {
	tests := []struct {
		name     string
		a, b     func(*fx) *fx
		wantKind string // "" = no conflict expected
		agreed   bool
	}{
		{
			name: "70% vs 50% of a town",
			a: func(f *fx) *fx {
				return f.control("Troops hold 70% of the town.", pokrovsk, "Pokrovsk", "captured", "RU", share(0.7, "exact"))
			},
			b: func(f *fx) *fx {
				return f.control("Troops hold half of the town.", pokrovsk, "Pokrovsk", "captured", "RU", share(0.5, "exact"))
			},
			wantKind: "share",
		},
		{
			name: "over 4/5 vs 85% agree",
			a: func(f *fx) *fx {
				return f.control("Troops hold 70% of the town.", pokrovsk, "Pokrovsk", "captured", "RU", share(0.8, "more_than"))
			},
			b: func(f *fx) *fx {
				return f.control("Troops hold half of the town.", pokrovsk, "Pokrovsk", "liberated", "RU", share(0.85, "exact"))
			},
			agreed: true,
		},
		{
			name: "captured vs repelled",
			a: func(f *fx) *fx {
				return f.control("Troops hold 70% of the town.", pokrovsk, "Pokrovsk", "captured", "RU")
			},
			b: func(f *fx) *fx {
				return f.control("Troops hold half of the town.", pokrovsk, "Pokrovsk", "repelled", "UA")
			},
			wantKind: "status",
		},
		{
			name: "captured by RU vs retaken by UA on the same day",
			a: func(f *fx) *fx {
				return f.control("Troops hold 70% of the town.", pokrovsk, "Pokrovsk", "captured", "RU")
			},
			b: func(f *fx) *fx {
				return f.control("Troops hold half of the town.", pokrovsk, "Pokrovsk", "retaken", "UA")
			},
			wantKind: "status",
		},
		{
			name: "captured vs retaken years apart is history, not conflict",
			a: func(f *fx) *fx {
				return f.control("Troops hold 70% of the town.", pokrovsk, "Pokrovsk", "captured", "RU")
			},
			b: func(f *fx) *fx {
				return f.control("Troops hold half of the town.", pokrovsk, "Pokrovsk", "retaken", "UA", when(day("2022-09-10"), "in 2022"))
			},
		},
		{
			name: "one outlet asserts, the other disputes",
			a: func(f *fx) *fx {
				return f.control("Troops hold 70% of the town.", pokrovsk, "Pokrovsk", "captured", "RU")
			},
			b: func(f *fx) *fx {
				return f.control("Troops hold half of the town.", pokrovsk, "Pokrovsk", "captured", "RU", stances(domain.StanceDisputed))
			},
			wantKind: "disputed",
		},
		{
			name: "a strike's toll differs from the casualty report's",
			a: func(f *fx) *fx {
				return f.claim(domain.ClaimEvent, "Troops hold 70% of the town.", "event|strike|"+pokrovsk, func(c *domain.Claim) {
					c.Quantities = []domain.Quantity{{Surface: "four", Value: 4, Unit: "people", Qualifier: "exact", Of: "people"}}
				})
			},
			b: func(f *fx) *fx {
				return f.claim(domain.ClaimEvent, "Troops hold half of the town.", "event|casualties|"+pokrovsk, func(c *domain.Claim) {
					c.Quantities = []domain.Quantity{{Surface: "six", Value: 6, Unit: "people", Qualifier: "exact", Of: "people"}}
				})
			},
			wantKind: "number",
		},
		{
			name: "numbers of unrelated events do not conflict",
			a: func(f *fx) *fx {
				return f.claim(domain.ClaimEvent, "Troops hold 70% of the town.", "event|strike|"+pokrovsk, func(c *domain.Claim) {
					c.Quantities = []domain.Quantity{{Surface: "four", Value: 4, Unit: "people", Qualifier: "exact", Of: "people"}}
				})
			},
			b: func(f *fx) *fx {
				return f.claim(domain.ClaimEvent, "Troops hold half of the town.", "event|exchange|"+pokrovsk, func(c *domain.Claim) {
					c.Quantities = []domain.Quantity{{Surface: "six", Value: 6, Unit: "people", Qualifier: "exact", Of: "people"}}
				})
			},
		},
		{
			name: "carried by both, one reports a denial",
			a: func(f *fx) *fx {
				return f.control("Troops hold 70% of the town.", pokrovsk, "Pokrovsk", "captured", "RU")
			},
			b: func(f *fx) *fx {
				return f.control("Troops hold half of the town.", pokrovsk, "Pokrovsk", "captured", "RU", stances(domain.StanceAttributed, domain.StanceDisputed))
			},
			wantKind: "disputed",
			agreed:   true,
		},
		{
			name: "casualty counts differ",
			a: func(f *fx) *fx {
				return f.claim(domain.ClaimEvent, "Troops hold 70% of the town.", "event|strike|"+pokrovsk, func(c *domain.Claim) {
					c.Quantities = []domain.Quantity{{Surface: "12 killed", Value: 12, Unit: "people", Qualifier: "exact", Of: "killed"}}
				})
			},
			b: func(f *fx) *fx {
				return f.claim(domain.ClaimEvent, "Troops hold half of the town.", "event|strike|"+pokrovsk, func(c *domain.Claim) {
					c.Quantities = []domain.Quantity{{Surface: "3 killed", Value: 3, Unit: "people", Qualifier: "exact", Of: "killed"}}
				})
			},
			wantKind: "number",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := tc.a(newFx(t, "a1", "one", "One", "2025-11-20", "One", "Troops hold 70% of the town."))
			b := tc.b(newFx(t, "b2", "two", "Two", "2025-11-21", "Two", "Troops hold half of the town."))
			r := Compare(pair(a, b))
			var kinds []string
			for _, c := range r.Conflicting {
				kinds = append(kinds, c.Kind)
			}
			switch {
			case tc.wantKind == "" && len(kinds) > 0:
				t.Errorf("unexpected conflicts %v: %v", kinds, conflictWhys(r))
			case tc.wantKind != "" && (len(kinds) != 1 || kinds[0] != tc.wantKind):
				t.Errorf("conflicts %v, want one %q", kinds, tc.wantKind)
			}
			if tc.agreed != (len(r.Agreed) == 1) {
				t.Errorf("agreed = %v, want agreed %v", summaries(r.Agreed), tc.agreed)
			}
		})
	}
}

func TestCompareUnknownOutletsAndMissingAnalyses(t *testing.T) {
	a := newFx(t, "x1", "", "", "2025-11-20", "First", "Body one.")
	b := newFx(t, "x2", "", "", "2025-11-20", "Second", "Body two.")
	r := Compare([]*domain.Article{a.a, b.a, nil}, nil)
	if len(r.Columns) != 2 || r.Columns[0].Key == r.Columns[1].Key {
		t.Fatalf("want two distinct columns for two unknown outlets, got %+v", r.Columns)
	}
	if len(r.Agreed)+len(r.OnlyIn)+len(r.Conflicting) != 0 {
		t.Errorf("no analyses should give empty sections")
	}
	if r := Compare(nil, nil); r.Title == "" || len(r.Columns) != 0 {
		t.Errorf("empty input: %+v", r)
	}
}

func TestFramingAndNaming(t *testing.T) {
	arts, ans := wireAndState(t)
	r := Compare(arts, ans)
	cell := func(cat, col string) []MarkerUse {
		for _, row := range r.Framing {
			if row.Category != cat {
				continue
			}
			for _, c := range row.Cells {
				if c.Column == col {
					return c.Uses
				}
			}
		}
		return nil
	}
	if u := cell("loaded_verb", "wire"); len(u) != 1 || !u[0].Quoted {
		t.Errorf("wire loaded verbs %+v: want only the quoted “liberation”", u)
	}
	if u := cell("loaded_verb", "state"); len(u) != 2 || u[0].Quoted {
		t.Errorf("state loaded verbs %+v: want freed and liberated, used not quoted", u)
	}
	if u := cell("war_name", "state"); len(u) != 1 || u[0].Surface != "special military operation" {
		t.Errorf("state war name %+v", u)
	}
	if r.Framing[0].Category != "loaded_verb" {
		t.Errorf("loaded verbs should come first, got %s", r.Framing[0].Category)
	}
	names := map[string]string{}
	for _, row := range r.Naming {
		var forms []string
		for _, c := range row.Cells {
			for _, f := range c.Forms {
				forms = append(forms, f.Surface)
			}
		}
		names[row.Name] = strings.Join(forms, "|")
	}
	if names["Kupiansk"] != "Kupiansk|Kupyansk" || names["Kharkiv Oblast"] != "Kharkiv region|Kharkov region" {
		t.Errorf("naming rows %v", names)
	}
	if _, ok := names["Pokrovsk"]; ok {
		t.Errorf("Pokrovsk is named by one outlet only and should not be a naming row")
	}
}

func TestColumnsCarryLabels(t *testing.T) {
	arts, ans := wireAndState(t)
	arts[0].Wires = []string{"AFP"}
	r := Compare(arts, ans)
	if r.Columns[0].Heading() != "Northern Wire (AFP)" {
		t.Errorf("heading %q", r.Columns[0].Heading())
	}
	if len(r.Columns[1].Labels) != 1 || r.Columns[1].Labels[0].Source == "" {
		t.Errorf("labels with sources expected: %+v", r.Columns[1].Labels)
	}
}

// helpers

func articleByID(arts []*domain.Article, id string) *domain.Article {
	for _, a := range arts {
		if a.ID == id {
			return a
		}
	}
	return nil
}

func textOf(a *domain.Article, field string) string {
	if field == "title" {
		return a.Title
	}
	return a.Text()
}

func summaries(gs []Group) []string {
	var s []string
	for _, g := range gs {
		s = append(s, g.Summary)
	}
	return s
}

func onlySummaries(r *Report, col string) []string {
	for _, o := range r.OnlyIn {
		if o.Column == col {
			return summaries(o.Groups)
		}
	}
	return nil
}

func containsSub(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func carriesSentence(g Group, sub string) bool {
	for _, c := range g.Carriers {
		if strings.Contains(c.Ref.Sentence, sub) {
			return true
		}
	}
	return false
}

func speakersOf(a Attribution) []string {
	var s []string
	for _, cs := range a.Speakers {
		s = append(s, cs.Speakers...)
	}
	return s
}

func hasConflict(r *Report, kind, subject string) bool {
	for _, c := range r.Conflicting {
		if c.Kind == kind && strings.Contains(c.Subject, subject) {
			return true
		}
	}
	return false
}

func conflictWhys(r *Report) []string {
	var s []string
	for _, c := range r.Conflicting {
		s = append(s, c.Kind+": "+c.Subject+": "+c.Why)
	}
	return s
}

func TestVoicesMatch(t *testing.T) {
	v := func(name, id string) domain.Voice {
		return domain.Voice{Kind: domain.VoiceNamed, Name: name, EntityID: id}
	}
	for _, tc := range []struct {
		a, b domain.Voice
		want bool
	}{
		{v("the ministry", ""), v("Russian Ministry of Defence", "org:ru-mod"), true},
		{v("Russia", ""), v("Russian army", ""), true},
		{v("Sergei Kuzovlev", "local:1"), v("Valery Gerasimov", "actor:valery-gerasimov"), false},
		{v("Gerasimov", ""), v("Valery Gerasimov", "actor:valery-gerasimov"), true},
		{v("Peskov", "actor:dmitry-peskov"), v("Kremlin spokesman", "actor:dmitry-peskov"), true},
		{v("", ""), v("Kyiv", ""), false},
	} {
		if got := voicesMatch(tc.a, tc.b); got != tc.want {
			t.Errorf("voicesMatch(%q, %q) = %v", tc.a.Name, tc.b.Name, got)
		}
	}
}
