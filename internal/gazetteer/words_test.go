package gazetteer

import (
	"strings"
	"testing"
)

func TestIsCommonWord(t *testing.T) {
	for _, w := range []string{"the", "Check", "wie", "Jahren", "Далее", "читать", "щастя", "przez", "pourquoi", "también"} {
		if !IsCommonWord(w) {
			t.Errorf("IsCommonWord(%q) = false", w)
		}
	}
	for _, w := range []string{"Kupiansk", "Краматорськ", "Konstaninovka", "", "two words"} {
		if IsCommonWord(w) {
			t.Errorf("IsCommonWord(%q) = true", w)
		}
	}
}

// Ordinary words (QA finding F-A and the resolver's list) must not read as
// confident place names; real names, common or not, keep their scores.
func TestCommonWordsScoreLow(t *testing.T) {
	g := mustDefault(t)
	for _, q := range []string{"Wie", "I'm", "Any", "Check", "Island", "Jahren", "Suche", "Читать", "семей", "Далее"} {
		for _, m := range g.Lookup(q) {
			if m.Score > scoreShortLatin || m.How == "fuzzy" || !strings.Contains(m.How, ",") {
				t.Errorf("Lookup(%q): %s (%s) scores %.2f by %s, want a low score that says why", q, m.Place.Name, m.Place.Country, m.Score, m.How)
			}
		}
	}
	for q, id := range map[string]string{
		"Paris": "geonames:2988507", "London": "geonames:2643743", "Kyiv": "geonames:703448", "Харьков": "geonames:706483",
		"России": "geonames:2017370", "Рим": "geonames:3169070", "Pokrovsk": "geonames:704422", "Sumy": "geonames:692194", "Ufa": "geonames:479561",
	} {
		ms := g.Lookup(q)
		if len(ms) == 0 || ms[0].Place.ID != id || ms[0].Score < scoreStem || strings.Contains(ms[0].How, ",") {
			t.Errorf("Lookup(%q) = %v, want %s with its full score", q, firstNames(ms), id)
		}
	}
}

// A short Latin name meeting another Latin spelling only by skeleton says so.
func TestShortLatinSkeletonMatch(t *testing.T) {
	g := New()
	g.add(&Place{ID: "geonames:1", Name: "Hue", Country: "VN", FeatureCode: "PPLA", Population: 350000, Names: []string{"Hue", "Wé"}})
	g.add(&Place{ID: "geonames:2", Name: "Kupiansk", Country: "UA", FeatureCode: "PPLA2", Population: 27000, Names: []string{"Kupiansk"}})
	g.Finish()
	ms := g.Lookup("Wije")
	if len(ms) != 1 || ms[0].How != "translit,short" || ms[0].Score > scoreShortLatin {
		t.Errorf("Lookup(Wije) = %+v, want a short translit match", ms)
	}
	g.add(&Place{ID: "geonames:3", Name: "Voi", Country: "KE", FeatureCode: "PPL", Population: 45000, Names: []string{"Voi"}})
	g.add(&Place{ID: "geonames:4", Name: "Boi", Country: "UA", FeatureCode: "PPL", Population: 500, Names: []string{"Boi"}})
	g.Finish()
	for _, m := range g.Lookup("Вої") {
		if (m.Place.Country == "KE") != (m.How == "translit,short") {
			t.Errorf("Lookup(Вої): %s by %s %.2f", m.Place.Name, m.How, m.Score)
		}
	}
	if ms := g.Lookup("Kupjansk"); len(ms) != 1 || ms[0].Score != scoreTranslit {
		t.Errorf("Lookup(Kupjansk) = %+v, want a full translit match", ms)
	}
}
