package compare

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/parallaxnews/parallax/internal/claims"
	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/events"
	"github.com/parallaxnews/parallax/internal/gazetteer"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/resolve"
	"github.com/parallaxnews/parallax/internal/sharedtest"
)

// The founding example: two real reports of 2025-11-20 (../shared), run
// through the real pipeline (ingest → resolve → claims), compared, and
// checked against the `comparison` part of expected.yaml.

type expectedFile struct {
	Claims []struct {
		ID    string `yaml:"id"`
		Kind  string `yaml:"kind"`
		Place any    `yaml:"place"`
		Voice any    `yaml:"voice"`
	} `yaml:"claims"`
	Comparison map[string]any `yaml:"comparison"`
}

var founding struct {
	once sync.Once
	arts []*domain.Article
	ans  []*domain.Analysis
	err  error
}

const (
	mtFile = "moscowtimes-afp.txt"
	spFile = "sputnik.txt"
)

func foundingPair(t *testing.T) ([]*domain.Article, []*domain.Analysis, *expectedFile) {
	t.Helper()
	dir := sharedtest.Path(t, "corpus/kupiansk-2025-11-20")
	raw, err := os.ReadFile(dir + "/expected.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var exp expectedFile
	if err := yaml.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	founding.once.Do(func() {
		gaz, err := gazetteer.Default()
		if err != nil {
			founding.err = err
			return
		}
		rs, err := resolve.New(resolve.Config{Gazetteer: gaz})
		if err != nil {
			founding.err = err
			return
		}
		x, err := claims.New()
		if err != nil {
			founding.err = err
			return
		}
		for _, f := range []string{mtFile, spFile} {
			items := ingest.ReadFile(context.Background(), dir+"/"+f, ingest.Options{})
			if len(items) != 1 || items[0].Err != nil {
				founding.err = items[0].Err
				return
			}
			a := items[0].Article
			an := rs.Resolve(a)
			x.Extract(a, an)
			founding.arts = append(founding.arts, a)
			founding.ans = append(founding.ans, an)
		}
	})
	if founding.err != nil {
		t.Fatal(founding.err)
	}
	return founding.arts, founding.ans, &exp
}

// hint is what identifies each expected claim in a compared group, on
// meaning: kind, a place name, a speaker's surname, a word of the
// sentence (the analyst's paraphrase in expected.yaml is not the text).
var hints = map[string]struct {
	kind    domain.ClaimKind
	place   string
	speaker string
	word    string
}{
	"kupiansk-captured":      {domain.ClaimControl, "Kupiansk", "", ""},
	"command-post-visit":     {domain.ClaimEvent, "", "", "command post"},
	"kupiansk-history":       {domain.ClaimControl, "Kupiansk", "", "2022"},
	"us-proposal":            {"", "", "", "proposal"},
	"population":             {"", "", "", "55,000"},
	"kupiansk-key-cog":       {"", "", "Kuzovlev", "cog"},
	"vovchansk-share":        {domain.ClaimControl, "Vovchansk", "", ""},
	"pokrovsk-share":         {domain.ClaimControl, "Pokrovsk", "", ""},
	"settlements-13":         {domain.ClaimControl, "", "", "13 settlements"},
	"surrender":              {"", "", "", "surrender"},
	"golden-pots":            {"", "", "Putin", "golden pots"},
	"no-date-kostiantynivka": {"", "", "", "Konstaninovka"},
	"advancing":              {"", "", "Gerasimov", "advancing"},
	"doubt teaser":           {"teaser", "", "", "Doubt"},
}

func groupMatches(g Group, id string) bool {
	h, ok := hints[id]
	if !ok {
		return false
	}
	if h.kind != "" && g.Kind != h.kind {
		return false
	}
	if h.place != "" {
		found := false
		for _, p := range g.Places {
			found = found || strings.EqualFold(p.Name, h.place)
		}
		if !found {
			return false
		}
	}
	if h.speaker != "" && !groupHas(g, func(c Carrier) bool { return strings.Contains(c.Speaker, h.speaker) }) {
		return false
	}
	if h.word != "" && !groupHas(g, func(c Carrier) bool {
		return strings.Contains(strings.ToLower(c.Ref.Sentence+" "+g.Summary), strings.ToLower(h.word))
	}) {
		return false
	}
	return true
}

func groupHas(g Group, f func(Carrier) bool) bool {
	for _, c := range g.Carriers {
		if f(c) {
			return true
		}
	}
	return false
}

func columnOf(r *Report, arts []*domain.Article, file string) string {
	for _, a := range arts {
		if strings.HasSuffix(a.Source, file) {
			for _, c := range r.Columns {
				for _, ar := range c.Articles {
					if ar.ID == a.ID {
						return c.Key
					}
				}
			}
		}
	}
	return ""
}

func strList(v any) []string {
	var out []string
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, strings.TrimSpace(strings.SplitN(s, "(", 2)[0]))
			}
		}
	case string:
		out = append(out, x)
	}
	return out
}

func TestFoundingComparison(t *testing.T) {
	arts, ans, exp := foundingPair(t)
	r := Compare(arts, ans)
	mt, sp := columnOf(r, arts, mtFile), columnOf(r, arts, spFile)
	if mt == "" || sp == "" || mt == sp {
		t.Fatalf("want one column per outlet, got %+v", r.Columns)
	}

	t.Run("same event", func(t *testing.T) {
		ix := events.NewIndex()
		e1, _ := ix.Add(arts[0], ans[0])
		e2, _ := ix.Add(arts[1], ans[1])
		if e1 != e2 {
			t.Errorf("the two reports land in different events")
		}
	})

	t.Run("agreed", func(t *testing.T) {
		for _, id := range strList(exp.Comparison["agreed"]) {
			found := false
			for _, g := range r.Agreed {
				found = found || groupMatches(g, id)
			}
			if gapIDs[id] != "" {
				knownGap(t, gapIDs[id], found, "%s not agreed; agreed: %q", id, summaries(r.Agreed))
			} else if !found {
				t.Errorf("%s not agreed; agreed: %q", id, summaries(r.Agreed))
			}
		}
		g := findAgreed(r, "kupiansk-captured")
		if g == nil {
			return
		}
		// Asserted vs attributed vs hedged is what the user looks for.
		st := g.StancesIn(sp)
		// expected.yaml: Sputnik asserts the capture in its own voice
		// (headline "Kupyansk Freed"), crediting Gerasimov
		var head *Carrier
		for _, c := range g.CarriersIn(sp) {
			if c.Ref.Field == "title" {
				c := c
				head = &c
			}
		}
		if len(st) == 0 || st[0] != domain.StanceAsserted || head == nil || head.Stance != domain.StanceAsserted || !strings.Contains(head.Speaker, "Gerasimov") {
			t.Errorf("Sputnik's stance on Kupiansk: %v, headline carrier %+v; want its headline asserted, credited to Gerasimov", st, head)
		}
		if st := g.StancesIn(mt); !containsStance(st, domain.StanceHedged) && !containsStance(st, domain.StanceAttributed) {
			t.Errorf("The Moscow Times' stance on Kupiansk: %v, want attributed/hedged", st)
		}
	})

	t.Run("different attribution", func(t *testing.T) {
		found := false
		for _, a := range r.DifferentAttribution {
			if !groupMatches(a.Group, "kupiansk-captured") {
				continue
			}
			who := map[string]string{}
			for _, s := range a.Speakers {
				who[s.Column] = strings.Join(s.Speakers, ";")
			}
			found = true
			knownGap(t, "kuzovlev-speaker", strings.Contains(who[mt], "Kuzovlev") && strings.Contains(who[sp], "Gerasimov"),
				"Kupiansk credited to %v; want Kuzovlev (MT) and Gerasimov (Sputnik)", who)
		}
		if !found && len(r.DifferentAttribution) == 0 {
			t.Errorf("no different attribution found")
		}
	})

	for key, col := range map[string]string{"only_in_moscowtimes-afp": mt, "only_in_sputnik": sp} {
		t.Run(key, func(t *testing.T) {
			var gs []Group
			for _, o := range r.OnlyIn {
				if o.Column == col {
					gs = o.Groups
				}
			}
			for _, id := range strList(exp.Comparison[key]) {
				found := false
				for _, g := range gs {
					found = found || groupMatches(g, id)
				}
				if gapIDs[id] != "" {
					knownGap(t, gapIDs[id], found, "%s not only in %s; there: %q", id, col, summaries(gs))
				} else if !found {
					t.Errorf("%s not only in %s; there: %q", id, col, summaries(gs))
				}
			}
		})
	}

	t.Run("framing", func(t *testing.T) {
		fr, _ := exp.Comparison["framing"].(map[string]any)
		for file, col := range map[string]string{mtFile: mt, spFile: sp} {
			words := strings.ToLower(framingWords(r, col))
			var missing []string
			for _, w := range strList(fr[file]) {
				w = strings.ToLower(strings.Trim(w, `"`))
				w = strings.TrimSuffix(strings.TrimSuffix(w, ` in quotes`), `"`)
				w = strings.Trim(w, `" `)
				if !strings.Contains(words, w) {
					missing = append(missing, w)
				}
			}
			if len(missing) > 0 {
				t.Errorf("%s framing lacks %q; has: %s", file, missing, words)
			}
		}
	})
}

func findAgreed(r *Report, id string) *Group {
	for i := range r.Agreed {
		if groupMatches(r.Agreed[i], id) {
			return &r.Agreed[i]
		}
	}
	return nil
}

// framingWords is every wording a column shows under framing.
func framingWords(r *Report, col string) string {
	var b strings.Builder
	for _, row := range r.Framing {
		for _, c := range row.Cells {
			if c.Column == col {
				for _, u := range c.Uses {
					b.WriteString(u.Surface + " | ")
				}
			}
		}
	}
	for _, row := range r.Naming {
		for _, c := range row.Cells {
			if c.Column == col {
				for _, f := range c.Forms {
					b.WriteString(f.Surface + " | ")
				}
			}
		}
	}
	return b.String()
}

func TestFoundingTimeline(t *testing.T) {
	arts, ans, _ := foundingPair(t)
	var place string
	for _, an := range ans {
		for _, m := range an.Mentions {
			if m.Name == "Kupiansk" && m.EntityID != "" {
				place = m.EntityID
			}
		}
	}
	if place == "" {
		t.Fatal("Kupiansk did not resolve in either report")
	}
	entries := Timeline(place, arts, ans)
	type want struct {
		date     string
		inferred bool
		class    string
		side     string
		outlets  int
		disputed bool
	}
	wants := []want{
		{"2022-02-24", false, "taken", "RU", 1, false},
		{"2022-09", true, "taken", "UA", 1, false},
		// "on Thursday" is a date inferred from the publication date, so
		// either flag is right here; it is not checked.
		{"2025-11-20", false, "taken", "RU", 2, true},
	}
	for _, w := range wants {
		found := false
		for _, e := range entries {
			if e.Date != nil && e.Date.String() == w.date && e.Status == w.class && e.Side == w.side {
				found = true
				if (w.date != "2025-11-20" && e.Date.Inferred != w.inferred) || len(e.Outlets) != w.outlets || e.Disputed() != w.disputed {
					t.Errorf("%s %s by %s: inferred %v, %d outlets, disputed %v; want %+v", w.date, w.class, w.side, e.Date.Inferred, len(e.Outlets), e.Disputed(), w)
				}
			}
		}
		if !found {
			var got []string
			for _, e := range entries {
				got = append(got, e.Date.String()+" "+e.Status+" "+e.Side)
			}
			t.Errorf("no ledger entry %s %s by %s; entries: %q", w.date, w.class, w.side, got)
		}
	}
}

// knownGaps are founding checks that fail because of an upstream stage,
// with the reason. They are logged, not failed, so `go test ./...` stays
// green while the gap is open; a gap that closes is logged too, so the
// entry can be removed and the check made strict.
var knownGaps = map[string]string{}

// gapIDs maps expected claim IDs whose check is a known gap.
var gapIDs = map[string]string{}

func knownGap(t *testing.T, name string, ok bool, format string, args ...any) {
	t.Helper()
	reason, known := knownGaps[name]
	switch {
	case ok && known:
		t.Logf("known gap %q now passes: remove it from knownGaps", name)
	case !ok && known:
		t.Logf("KNOWN GAP %s (%s): "+format, append([]any{name, reason}, args...)...)
	case !ok:
		t.Errorf(format, args...)
	}
}
