package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

func mustDefault(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// The founding example's spellings must resolve, best match first, to the
// places the analyst expects (corpus/kupiansk-2025-11-20/expected.yaml).
func TestDefaultFoundingExample(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name, want, admin1, how string
	}{
		{"Kupiansk", "Kupiansk", "Kharkiv Oblast", "exact"},
		{"Kupyansk", "Kupiansk", "Kharkiv Oblast", "exact"},
		{"Kharkiv region", "Kharkiv Oblast", "Kharkiv Oblast", ""},
		{"Kharkov region", "Kharkiv Oblast", "Kharkiv Oblast", ""},
		{"Pokrovsk", "Pokrovsk", "Donetsk Oblast", "exact"},
		{"Kramatorsk", "Kramatorsk", "Donetsk Oblast", "exact"},
		{"Dnepropetrovsk region", "Dnipropetrovsk Oblast", "Dnipropetrovsk Oblast", ""},
		{"Zaporozhye region", "Zaporizhzhia Oblast", "Zaporizhzhia Oblast", ""},
		{"Donetsk People's Republic", "Donetsk Oblast", "Donetsk Oblast", ""},
		{"Kyiv", "Kyiv", "", "exact"},
		{"Russia", "Russia", "", "exact"},
		{"Ukraine", "Ukraine", "", "exact"},
		{"Україна", "Ukraine", "", "exact"},
	}
	for _, tt := range tests {
		ms := g.Lookup(tt.name)
		if len(ms) == 0 {
			t.Errorf("Lookup(%q) found nothing, want %s", tt.name, tt.want)
			continue
		}
		p := ms[0].Place
		if p.Name != tt.want || (tt.admin1 != "" && p.Admin1 != tt.admin1) {
			t.Errorf("Lookup(%q)[0] = %s (%s), want %s (%s)", tt.name, p.Name, p.Admin1, tt.want, tt.admin1)
		}
		if tt.how != "" && ms[0].How != tt.how {
			t.Errorf("Lookup(%q)[0].How = %s, want %s", tt.name, ms[0].How, tt.how)
		}
	}
}

// Names that need more than one index: former names, typos, Cyrillic
// inflection. The place must be among the candidates with the right How.
func TestDefaultVariants(t *testing.T) {
	g := mustDefault(t)
	tests := []struct{ name, id, how string }{
		{"Krasnoarmeysk", "geonames:704422", "former-name"},
		{"Volchansk", "geonames:689304", "exact"}, // also a town in Sverdlovsk Oblast: Rank decides
		{"Artemovsk", "geonames:713174", "former-name"},
		{"Konstaninovka", "geonames:705104", "fuzzy"},
		{"Konstantinovka", "geonames:705104", "exact"},
		{"Купянске", "geonames:703656", "stem"},
		{"Покровська", "geonames:704422", "stem"},
		{"Харкові", "geonames:706483", "stem"},
		{"Куп’янськ", "geonames:703656", "exact"},
		{"Куп'янськ", "geonames:703656", "folded"},
		{"Харьковской области", "geonames:706482", "stem"},
		{"России", "geonames:2017370", "stem"},
		{"Україні", "geonames:690791", "stem"},
		{"Вашингтоне", "geonames:4140963", "stem"},
	}
	for _, tt := range tests {
		var got *Match
		for _, m := range g.Lookup(tt.name) {
			if m.Place.ID == tt.id {
				got = &m
				break
			}
		}
		if got == nil {
			t.Errorf("Lookup(%q) lacks %s", tt.name, tt.id)
			continue
		}
		if got.How != tt.how {
			t.Errorf("Lookup(%q) found %s by %s, want %s", tt.name, got.Place.Name, got.How, tt.how)
		}
	}
}

// Typos are matched only in longer names, and junk finds nothing.
func TestLookupNoFuzzyForShortNames(t *testing.T) {
	g := mustDefault(t)
	for _, q := range []string{"Kyuv", "Lvuv", "Sumu", "Izyim", "Odesu"} {
		for _, m := range g.Lookup(q) {
			if m.How == "fuzzy" {
				t.Errorf("Lookup(%q) found %s by fuzzy matching", q, m.Place.Name)
			}
		}
	}
	for _, q := range []string{"", "   ", "---", "\xff\xfe", strings.Repeat("a", 5000), "Qwxzvbnm", "region", "область"} {
		if ms := g.Lookup(q); len(ms) != 0 {
			t.Errorf("Lookup(%.20q) = %d matches, first %s", q, len(ms), ms[0].Place.Name)
		}
	}
}

// Romanised Russian and Ukrainian adjectives of oblasts, in any case.
func TestLatinAdjectiveDivisions(t *testing.T) {
	g := mustDefault(t)
	for q, want := range map[string]string{
		"Kharkovskaya oblast":      "geonames:706482",
		"Kharkivskoi oblasti":      "geonames:706482",
		"Donetskoy oblasti":        "geonames:709716",
		"Zaporozhskaya oblast":     "geonames:687699",
		"Khersonskoi oblasti":      "geonames:706442",
		"Belgorodskaya oblast":     "geonames:578071",
		"Luhanskoi oblasti":        "geonames:702657",
		"Dnipropetrovskoi oblasti": "geonames:709929",
	} {
		if ms := g.Lookup(q); len(ms) == 0 || ms[0].Place.ID != want {
			t.Errorf("Lookup(%q) = %v, want %s", q, firstNames(ms), want)
		}
	}
}

// Towns cities500 (2023) lacks come from data/ua_extra.tsv.gz (QA: Vuhledar
// was "no place found").
func TestDefaultUAExtra(t *testing.T) {
	g := mustDefault(t)
	for _, q := range []string{"Vuhledar", "Ugledar", "Вугледар", "Угледар", "Вугледарі"} {
		ms := g.Lookup(q)
		if len(ms) == 0 || ms[0].Place.ID != "geonames:690823" || ms[0].Place.Admin1 != "Donetsk Oblast" {
			t.Errorf("Lookup(%q) = %v, want Vuhledar (Donetsk Oblast)", q, firstNames(ms))
		}
	}
	// The extra file adds places, it does not repeat cities500's.
	ids := map[string]bool{}
	for _, src := range []struct {
		data []byte
		name string
	}{{cities500, "cities500"}, {uaExtra, "ua_extra"}} {
		zr, err := gzip.NewReader(bytes.NewReader(src.data))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(zr)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		n := 0
		for sc.Scan() {
			id, _, _ := strings.Cut(sc.Text(), "\t")
			if strings.HasPrefix(id, "#") {
				continue
			}
			if ids[id] {
				t.Errorf("%s repeats geonames:%s", src.name, id)
			}
			ids[id] = true
			n++
		}
		if src.name == "ua_extra" && (n < 1000 || n > 5000) {
			t.Errorf("ua_extra has %d places, want the ~2,400 cities500 lacks", n)
		}
	}
}
