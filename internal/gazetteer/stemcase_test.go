package gazetteer

import "testing"

// TestStemNeedsCaseForm: a Cyrillic word meets a place through its stem
// only when it is a case form of one of the place's Cyrillic names, and a
// big foreign city's own Russian name is met in its case forms. Words
// written for this test; the held-out rows were not used to tune the rule.
func TestStemNeedsCaseForm(t *testing.T) {
	g := mustDefault(t)
	cases := []struct {
		query, want, not string // want: ID ranked first by name; not: ID met only as a typo, if at all
		heldOut          bool
	}{
		{query: "Балтии", not: "geonames:712886"},     // the Baltics, not Balta
		{query: "Родины", not: "geonames:1493623"},    // the Motherland, not Rodino
		{query: "Париже", want: "geonames:2988507"},   // Paris
		{query: "Покровска", want: "geonames:704422"}, // Russian case form of a Ukrainian spelling
		{query: "Курахового", want: "geonames:695357"},
		{query: "Миколаєві", want: "geonames:700569"},
		{query: "Гуляйполя", want: "geonames:707898"}, // a neuter noun in -е: Гуляйполе
		{query: "Гуляйполі", want: "geonames:707898"},
		{query: "Саммит", not: "geonames:1493110", heldOut: true}, // summit, not Samus'
		{query: "Мадриде", want: "geonames:3117735", heldOut: true},
		{query: "Лиссабоне", want: "geonames:2267057", heldOut: true},
		{query: "Чернівцях", want: "geonames:710719", heldOut: true},
	}
	for _, c := range cases {
		ms := g.Lookup(c.query)
		if c.want != "" && (len(ms) == 0 || ms[0].Place.ID != c.want) {
			t.Errorf("Lookup(%q) = %s, want %s first (held out: %v)", c.query, firstNames(ms), c.want, c.heldOut)
		}
		for _, m := range ms {
			if m.Place.ID == c.not && m.How != "fuzzy" {
				t.Errorf("Lookup(%q) reaches %s %s by %s (held out: %v)", c.query, m.Place.ID, m.Place.Name, m.How, c.heldOut)
			}
		}
	}
}
