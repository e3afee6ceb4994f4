package gazetteer

import "testing"

// GeoNames duplicates of one town merge; namesakes nearby do not.
func TestMergeDuplicates(t *testing.T) {
	g := New()
	for _, p := range []*Place{
		// The stale Russian-named entry and the maintained one, 240 m apart.
		{ID: "geonames:703646", Name: "Kurakhovo", Country: "UA", Admin1Code: "05", Admin2Code: "1416", FeatureCode: "PPL", Population: 20700,
			Lat: 47.98522, Lon: 37.2821, Names: []string{"Kurakhovo", "Kurakhovstroy", "Курахово"}},
		{ID: "geonames:695357", Name: "Kurakhove", Country: "UA", Admin1Code: "05", Admin2Code: "1416", FeatureCode: "PPL", Population: 18506,
			Lat: 47.98437, Lon: 37.27909, Names: []string{"Kurakhove", "Kurakhovo", "Kurachowe", "Курахове", "Курахово"}},
		// Namesake villages 1 km apart in two raions.
		{ID: "geonames:1", Name: "Ivanivka", Country: "UA", Admin1Code: "07", Admin2Code: "6308", FeatureCode: "PPL",
			Lat: 49.70, Lon: 37.60, Names: []string{"Ivanivka", "Іванівка"}},
		{ID: "geonames:2", Name: "Ivanivka", Country: "UA", Admin1Code: "07", Admin2Code: "6310", FeatureCode: "PPL",
			Lat: 49.709, Lon: 37.60, Names: []string{"Ivanivka", "Іванівка"}},
		// Namesakes of one raion 5 km apart.
		{ID: "geonames:3", Name: "Dibrova", Country: "UA", Admin1Code: "07", Admin2Code: "6308", FeatureCode: "PPL",
			Lat: 49.50, Lon: 37.50, Names: []string{"Dibrova"}},
		{ID: "geonames:4", Name: "Dibrova", Country: "UA", Admin1Code: "07", Admin2Code: "6308", FeatureCode: "PPL",
			Lat: 49.545, Lon: 37.50, Names: []string{"Dibrova"}},
		// Numbered neighbours and a neighbour listing the other's name.
		{ID: "geonames:5", Name: "Marseille 02", Country: "FR", Admin1Code: "93", FeatureCode: "PPLA5",
			Lat: 43.30, Lon: 5.37, Names: []string{"Marseille 02"}},
		{ID: "geonames:6", Name: "Marseille 03", Country: "FR", Admin1Code: "93", FeatureCode: "PPLA5",
			Lat: 43.305, Lon: 5.375, Names: []string{"Marseille 03", "Marseille 02"}},
		{ID: "geonames:7", Name: "Upland", Country: "US", Admin1Code: "PA", Admin2Code: "045", FeatureCode: "PPL",
			Lat: 39.85, Lon: -75.38, Names: []string{"Upland", "Chester"}},
		{ID: "geonames:8", Name: "Chester", Country: "US", Admin1Code: "PA", Admin2Code: "045", FeatureCode: "PPL",
			Lat: 39.849, Lon: -75.375, Names: []string{"Chester"}},
	} {
		g.add(p)
	}
	base := g.Len()
	if err := g.Finish(); err != nil {
		t.Fatal(err)
	}
	if g.MergedDuplicates() != 1 || g.Len() != base-1 {
		t.Fatalf("merged %d (Len %d→%d), want only Kurakhovo into Kurakhove", g.MergedDuplicates(), base, g.Len())
	}
	keep := g.Place("geonames:695357")
	if alias := g.Place("geonames:703646"); alias != keep || keep.Name != "Kurakhove" {
		t.Errorf("Place(geonames:703646) = %+v, want Kurakhove", alias)
	}
	if len(keep.Merged) != 1 || keep.Merged[0] != "geonames:703646" || !contains(keep.Names, "Kurakhovstroy") {
		t.Errorf("Kurakhove after the merge: Merged %v, Names %v", keep.Merged, keep.Names)
	}
	for _, q := range []string{"Курахово", "Kurakhovo", "Kurakhove", "Kurakhovstroy"} {
		if ms := g.Lookup(q); len(ms) != 1 || ms[0].Place != keep {
			t.Errorf("Lookup(%q) = %v, want Kurakhove alone", q, firstNames(ms))
		}
	}
	for _, q := range []string{"Ivanivka", "Dibrova", "Chester"} {
		if ms := g.Lookup(q); len(ms) != 2 {
			t.Errorf("Lookup(%q) = %d places, want the 2 namesakes kept apart", q, len(ms))
		}
	}
	// Finishing again merges nothing more.
	if err := g.Finish(); err != nil || g.MergedDuplicates() != 1 {
		t.Errorf("second Finish: merged %d, err %v", g.MergedDuplicates(), err)
	}
}

// The real duplicate of the QA finding, in the embedded default.
func TestDefaultKurakhoveOnce(t *testing.T) {
	g := mustDefault(t)
	for _, q := range []string{"Курахово", "Kurakhovo", "Курахове", "Kurakhove"} {
		ms := g.Lookup(q)
		if len(ms) == 0 || ms[0].Place.ID != "geonames:695357" {
			t.Errorf("Lookup(%q) = %v, want Kurakhove geonames:695357 first", q, firstNames(ms))
			continue
		}
		if r := g.Rank(ms, Context{Country: "UA"}); r.Ambiguous {
			t.Errorf("Lookup(%q) ranked ambiguous: %v", q, r.Best.Reasons())
		}
	}
	if p := g.Place("geonames:703646"); p == nil || p.ID != "geonames:695357" {
		t.Errorf("Place(geonames:703646) = %v, want the merged Kurakhove", p)
	}
}
