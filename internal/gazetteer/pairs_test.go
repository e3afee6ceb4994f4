package gazetteer

import (
	"bufio"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/parallaxnews/parallax/internal/sharedtest"
)

type pair struct{ surface, id, name, kind string }

func readTSV(t *testing.T, path string, cols int) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if sc.Text() == "" || strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		r := strings.Split(sc.Text(), "\t")
		if len(r) != cols {
			t.Fatalf("%s: %q has %d columns, want %d", path, sc.Text(), len(r), cols)
		}
		rows = append(rows, r)
	}
	return rows
}

var (
	uaOnce sync.Once
	uaG    *Gazetteer
)

// sharedUA is Default()+UA.txt built once for the tests that only read it.
func sharedUA(t *testing.T) *Gazetteer {
	t.Helper()
	sharedtest.Path(t, "data/gazetteer/geonames/UA.txt")
	if testing.Short() {
		t.Skip("loading UA.txt over the default takes seconds")
	}
	uaOnce.Do(func() { uaG = withUA(t) }) // a failure there fails that test
	if uaG == nil {
		t.Fatal("loading UA.txt failed in an earlier test")
	}
	return uaG
}

// withUA builds a fresh Default()+UA.txt, for tests that add to it.
func withUA(t *testing.T) *Gazetteer {
	t.Helper()
	path := sharedtest.Path(t, "data/gazetteer/geonames/UA.txt")
	if testing.Short() {
		t.Skip("loading UA.txt over the default takes seconds")
	}
	g, err := loadDefault()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := g.ReadGeoNames(f, "UA.txt"); err != nil {
		t.Fatal(err)
	}
	if err := g.finish(); err != nil {
		t.Fatal(err)
	}
	return g
}

func TestPairsDefault(t *testing.T) { checkPairs(t, mustDefault(t), "testdata/pairs.tsv", 150) }

// TestPairsHeldOut runs pairs the matcher was never tuned on. It only
// logs: the figure says how the rules generalise.
func TestPairsHeldOut(t *testing.T) {
	g := mustDefault(t)
	rows := readTSV(t, "testdata/pairs_heldout.tsv", 4)
	found, top := 0, 0
	for _, r := range rows {
		ms := g.Lookup(r[0])
		for _, m := range ms {
			if m.Place.ID == "geonames:"+r[1] {
				found++
				break
			}
		}
		if want := g.Place("geonames:" + r[1]); want != nil {
			if rk := g.Rank(ms, Context{Country: want.Country}); rk.Best != nil && rk.Best.Place == want {
				top++
			} else {
				t.Logf("held out %s %q: %s not first%s", r[3], r[0], r[2], firstNames(ms))
			}
		}
	}
	t.Logf("held-out pairs: %d/%d found (%.1f%%), %d/%d ranked first", found, len(rows), 100*float64(found)/float64(len(rows)), top, len(rows))
}
func TestPairsWithUA(t *testing.T) { checkPairs(t, sharedUA(t), "testdata/pairs.tsv", 150) }

// checkPairs: every real spelling must reach its place among the
// candidates; how often it is the best once ranked for a text about the
// country is logged (and must stay high).
func checkPairs(t *testing.T, g *Gazetteer, path string, least int) {
	rows := readTSV(t, path, 4)
	if len(rows) < least {
		t.Fatalf("%s has %d pairs, want ≥%d", path, len(rows), least)
	}
	found, top, named := 0, 0, 0
	byKind := map[string][2]int{}
	for _, r := range rows {
		p := pair{r[0], "geonames:" + r[1], r[2], r[3]}
		ms := g.Lookup(p.surface)
		hit := false
		for _, m := range ms {
			if m.Place.ID == p.id {
				hit = true
			}
		}
		k := byKind[p.kind]
		k[1]++
		if hit {
			found++
			k[0]++
		} else {
			t.Errorf("%s %q: %s not among %d candidates%s", p.kind, p.surface, p.name, len(ms), firstNames(ms))
		}
		byKind[p.kind] = k
		if want := g.Place(p.id); want != nil {
			if r := g.Rank(ms, Context{Country: want.Country}); r.Best != nil && r.Best.Place.ID == p.id {
				top++
			} else if r.Best != nil && testing.Verbose() {
				t.Logf("rank %q: %s %s %v beat %s", p.surface, r.Best.Place.ID, r.Best.Place.Name, r.Best.Reasons(), p.name)
			}
		}
		if want := g.Place(p.id); want != nil && want.Name == p.name {
			named++
		} else if want != nil {
			t.Logf("%s: display name %q, want %q", p.id, want.Name, p.name)
		}
	}
	t.Logf("pairs: %d/%d found (%.1f%%), %d/%d ranked first with the country as context (%.1f%%)",
		found, len(rows), 100*float64(found)/float64(len(rows)), top, len(rows), 100*float64(top)/float64(len(rows)))
	for k, v := range byKind {
		t.Logf("  %-10s %d/%d", k, v[0], v[1])
	}
	t.Logf("display names as expected: %d/%d", named, len(rows))
	if float64(named) < 0.95*float64(len(rows)) {
		t.Errorf("only %d/%d display names as expected", named, len(rows))
	}
	if float64(top) < 0.9*float64(len(rows)) {
		t.Errorf("only %d/%d pairs ranked first", top, len(rows))
	}
}

func firstNames(ms []Match) string {
	var b strings.Builder
	for i, m := range ms {
		if i == 3 {
			break
		}
		b.WriteString("; " + m.Place.Name + " (" + m.Place.Admin1 + ") " + m.How)
	}
	return b.String()
}

func TestMustNotDefault(t *testing.T) { checkMustNot(t, mustDefault(t)) }
func TestMustNotWithUA(t *testing.T)  { checkMustNot(t, sharedUA(t)) }

// checkMustNot: similar names of different places must not meet. The
// precision figure counts the pairs kept apart.
func checkMustNot(t *testing.T, g *Gazetteer) {
	rows := readTSV(t, "testdata/mustnot.tsv", 4)
	apart, present := 0, 0
	for _, r := range rows {
		wrong := "geonames:" + r[1]
		if g.Place(wrong) == nil {
			continue // not in this gazetteer: nothing to confuse
		}
		present++
		ok := true
		for _, m := range g.Lookup(r[0]) {
			if m.Place.ID == wrong {
				ok = false
				t.Errorf("Lookup(%q) reaches %s %s by %s (%s)", r[0], wrong, r[2], m.How, r[3])
			}
		}
		if ok {
			apart++
		}
	}
	t.Logf("must-not-match: %d/%d kept apart (precision %.1f%%)", apart, present, 100*float64(apart)/float64(max(present, 1)))
}

func sharedPath(t *testing.T, rel string) string { return sharedtest.Path(t, rel) }

// The ~25 Kostiantynivkas of the full country file: the oblast the text
// names decides; without it the city (67,000 people) beats the villages.
func TestNamesakesWithUA(t *testing.T) {
	g := sharedUA(t)
	ms := g.Lookup("Kostiantynivka")
	if len(ms) < 20 {
		t.Fatalf("%d Kostiantynivkas, want the ~25 of UA.txt", len(ms))
	}
	for _, tt := range []struct {
		ctx       Context
		want      string
		ambiguous bool
	}{
		{Context{Admin1: []string{"UA.05"}}, "geonames:705104", false},
		{Context{Admin1: []string{"UA.26"}}, "geonames:705115", false},
		{Context{Country: "UA"}, "geonames:705104", false},
	} {
		r := g.Rank(ms, tt.ctx)
		if r.Best.Place.ID != tt.want || r.Ambiguous != tt.ambiguous {
			t.Errorf("Rank(Kostiantynivka, %+v) = %s ambiguous=%v %v, want %s ambiguous=%v", tt.ctx, r.Best.Place.ID, r.Ambiguous, r.Best.Reasons(), tt.want, tt.ambiguous)
		}
	}
	if r := g.Rank(g.Lookup("Oleksandrivka"), Context{Country: "UA"}); !r.Ambiguous {
		t.Errorf("Oleksandrivka without an oblast resolved to %s %v", r.Best.Place.Name, r.Best.Reasons())
	}
}
