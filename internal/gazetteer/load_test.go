package gazetteer

import (
	"os"
	"strings"
	"testing"
)

func loadSample(t testing.TB) *Gazetteer {
	t.Helper()
	f, err := os.Open("testdata/sample-geonames.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := LoadGeoNames(f)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestLoadGeoNames(t *testing.T) {
	g := loadSample(t)
	// 13 well-formed rows, one of them a river: 12 places.
	base := New().Len()       // countries and admin1 divisions
	if g.Len() != base+12-1 { // Kharkiv Oblast merges into admin1.tsv's entry
		t.Errorf("Len = %d, want %d", g.Len(), base+12-1)
	}
	if g.Skipped != 2 || len(g.Errors) != 2 {
		t.Fatalf("Skipped = %d, Errors = %v; want the 2 broken lines", g.Skipped, g.Errors)
	}
	for i, want := range []string{"sample:6:", "sample:9:"} {
		if !strings.HasPrefix(g.Errors[i].Error(), strings.Replace(want, "sample", "geonames", 1)) {
			t.Errorf("error %d = %q, want it to name line %s", i, g.Errors[i], want)
		}
	}
	if g.Place("geonames:703999") != nil {
		t.Error("a river was loaded as a place")
	}
	p := g.Place("geonames:703656")
	if p == nil || p.Name != "Kupiansk" || p.Admin1 != "Kharkiv Oblast" || p.Admin1ID != "geonames:706482" || p.Population != 27169 {
		t.Errorf("Kupiansk = %+v", p)
	}
	if a := g.Place("geonames:706482"); a == nil || a.Name != "Kharkiv Oblast" || a.Population != 2598961 {
		t.Errorf("Kharkiv Oblast = %+v", a)
	}
}

func TestReadKATOTTG(t *testing.T) {
	g := loadSample(t)
	f, err := os.Open("testdata/sample-katottg.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	skipped := g.Skipped
	st, err := g.ReadKATOTTG(f, "sample-katottg.csv")
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Finish(); err != nil {
		t.Fatal(err)
	}
	want := KATOTTGStats{Settlements: 4, Linked: 3, Added: 1, Raions: 1}
	if st != want {
		t.Errorf("stats = %+v, want %+v", st, want)
	}
	if g.Skipped != skipped+1 || !strings.Contains(g.Errors[len(g.Errors)-1].Error(), "sample-katottg.csv:8:") {
		t.Errorf("broken line not reported with its number: %v", g.Errors)
	}
	if p := g.Place("geonames:703656"); p.KATOTTG != "UA63080090010026457" || p.Official != "Куп’янськ" || p.Name != "Kupiansk" {
		t.Errorf("Kupiansk not linked: %+v", p)
	}
	if p := g.Place("geonames:703652"); p.KATOTTG != "UA63080090030044417" || p.Name != "Kupiansk-Vuzlovyi" {
		t.Errorf("Kupiansk-Vuzlovyi not linked: %+v", p)
	}
	p := g.Place("katottg:UA63080090050011111")
	if p == nil || p.Name != "Nova Vyhadka" || p.Admin1 != "Kharkiv Oblast" {
		t.Fatalf("codifier-only village = %+v", p)
	}
	if ms := g.Lookup("Нова Вигадка"); len(ms) == 0 || ms[0].Place != p {
		t.Errorf("Lookup of the codifier-only village = %v", ms)
	}
	for _, q := range []string{"Kupiansk district", "Куп'янський район", "Kupianskyi Raion"} {
		if ms := g.Lookup(q); len(ms) == 0 || ms[0].Place.Name != "Kupianskyi Raion" || ms[0].Place.Admin1 != "Kharkiv Oblast" {
			t.Errorf("Lookup(%q) = %v, want the codifier's Kupianskyi Raion", q, ms)
		}
	}
}

func TestParseKATOTTGLine(t *testing.T) {
	tests := []struct {
		line, code, cat, name string
		bad                   bool
	}{
		{"UA63000000000041885;UA63080000000096767;UA63080090000035722;UA63080090010026457;;M;Куп’янськ\r", "UA63080090010026457", "M", "Куп’янськ", false},
		{"UA14000000000091971;;;;;O;Донецька", "UA14000000000091971", "O", "Донецька", false},
		{"UA14000000000091971;;;;;Q;Донецька", "", "", "", true},
		{"UA14;;;;;O;Донецька", "", "", "", true},
		{"UA14000000000091971;;;;;O;", "", "", "", true},
		{"UA14000000000091971;;;;O;Донецька", "", "", "", true},
		{"", "", "", "", true},
	}
	for _, tt := range tests {
		e, err := ParseKATOTTGLine(tt.line)
		if (err != nil) != tt.bad {
			t.Errorf("ParseKATOTTGLine(%q) error = %v, want bad=%v", tt.line, err, tt.bad)
			continue
		}
		if !tt.bad && (e.Code != tt.code || e.Category != tt.cat || e.Name != tt.name) {
			t.Errorf("ParseKATOTTGLine(%q) = %+v", tt.line, e)
		}
	}
}

// The real codifier over Default+UA.txt: how many settlements link, and the
// 2024 renaming of Krasnohrad shows as Berestyn.
func TestKATOTTGReal(t *testing.T) {
	g := withUA(t)
	f, err := os.Open(sharedPath(t, "data/gazetteer/katottg/kodifikator-02-07-2025.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := g.ReadKATOTTG(f, "kodifikator.csv")
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Finish(); err != nil {
		t.Fatal(err)
	}
	t.Logf("KATOTTG: %+v (linked %.1f%%), skipped lines %d", st, 100*float64(st.Linked)/float64(st.Settlements), g.Skipped)
	if st.Settlements < 29000 || float64(st.Linked) < 0.7*float64(st.Settlements) {
		t.Errorf("stats %+v: want ≥29000 settlements, ≥70%% linked", st)
	}
	for id, want := range map[string]string{"geonames:704388": "Berestyn", "geonames:703656": "Kupiansk", "geonames:704422": "Pokrovsk", "geonames:705104": "Kostiantynivka", "geonames:689304": "Vovchansk"} {
		if p := g.Place(id); p == nil || p.Name != want || p.KATOTTG == "" {
			t.Errorf("%s = %+v, want %s linked to the codifier", id, p, want)
		}
	}
}

func TestReadAdmin1Codes(t *testing.T) {
	in := "PL.78\tMazovia\tMazovia\t858787\nUA.07\tKharkiv\tKharkiv\t706482\nbroken line\nXX\tNo\tNo\t1\n"
	g := New()
	if err := g.ReadAdmin1Codes(strings.NewReader(in), "admin1CodesASCII.txt"); err != nil {
		t.Fatal(err)
	}
	if g.Skipped != 2 || !strings.HasPrefix(g.Errors[0].Error(), "admin1CodesASCII.txt:3:") {
		t.Errorf("skipped %d: %v", g.Skipped, g.Errors)
	}
	g.add(&Place{ID: "geonames:756135", Name: "Warsaw", Country: "PL", Admin1Code: "78", FeatureCode: "PPLC", Names: []string{"Warsaw"}})
	g.Finish()
	if p := g.Place("geonames:756135"); p.Admin1 != "Mazovia" || p.Admin1ID != "geonames:858787" {
		t.Errorf("Warsaw admin1 = %q %q", p.Admin1, p.Admin1ID)
	}
	if a := g.Place("geonames:706482"); a.Name != "Kharkiv Oblast" {
		t.Errorf("admin1.tsv display name overwritten: %q", a.Name)
	}
	if ms := g.Lookup("Mazovia region"); len(ms) == 0 || ms[0].Place.ID != "geonames:858787" {
		t.Errorf("Lookup(Mazovia region) = %v", ms)
	}
}

func TestDistrictLookup(t *testing.T) {
	g := New()
	g.add(&Place{ID: "geonames:9197254", Name: "Izyum Raion", Country: "UA", Admin1Code: "07", FeatureCode: "ADM2",
		Names: []string{"Izyum Raion", "Iziumskyi Rayon", "Ізюмський район"}})
	g.add(&Place{ID: "geonames:707292", Name: "Izium", Country: "UA", Admin1Code: "07", FeatureCode: "PPLA2",
		Names: []string{"Izium", "Izyum", "Ізюм"}})
	g.Finish()
	for _, q := range []string{"Izium district", "Izyum raion", "Ізюмський район", "Ізюмському районі"} {
		if ms := g.Lookup(q); len(ms) == 0 || ms[0].Place.ID != "geonames:9197254" {
			t.Errorf("Lookup(%q) = %v, want Izyum Raion", q, ms)
		}
	}
	if ms := g.Lookup("Izium"); len(ms) != 1 || ms[0].Place.ID != "geonames:707292" {
		t.Errorf("Lookup(Izium) = %v, want the town only", ms)
	}
}

// Lookups run concurrently (the resolver shares one gazetteer); run with -race.
func TestConcurrentLookup(t *testing.T) {
	g := loadSample(t)
	done := make(chan bool)
	for i := 0; i < 4; i++ {
		go func() {
			for _, q := range []string{"Konstaninovka", "Kupyansk", "Купянске", "Kharkov region", "Ćuprija"} {
				g.Rank(g.Lookup(q), Context{Country: "UA"})
			}
			done <- true
		}()
	}
	for i := 0; i < 4; i++ {
		<-done
	}
}
