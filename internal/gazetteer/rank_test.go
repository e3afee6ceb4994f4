package gazetteer

import (
	"testing"
	"time"
)

func TestRank(t *testing.T) {
	g := mustDefault(t)
	kharkivOblast := g.Place("geonames:706482")
	donetskOblast := g.Place("geonames:709716")
	kramatorsk := g.Place("geonames:704508")
	tests := []struct {
		name      string
		ctx       Context
		want      string
		ambiguous bool
	}{
		{"Volchansk", Context{Admin1: []string{kharkivOblast.ID}}, "geonames:689304", false},
		{"Volchansk", Context{Country: "UA"}, "geonames:689304", false},
		{"Konstantinovka", Context{Places: []*Place{kramatorsk}}, "geonames:705104", false},
		{"Kostiantynivka", Context{Admin1: []string{"UA.26"}}, "geonames:705115", false},
		{"Krasnoarmeysk", Context{Admin1: []string{donetskOblast.ID}}, "geonames:704422", false},
		{"Kupiansk", Context{}, "geonames:703656", false},
		// A current name beats a renaming of 1931 (Engels was Pokrovsk),
		// inflected or not, with or without a Ukrainian context.
		{"Покровска", Context{Country: "UA"}, "geonames:704422", false},
		{"Pokrovsk", Context{}, "geonames:704422", false},
		{"Покровську", Context{Country: "UA"}, "geonames:704422", false},
		// A Russian case form of the town beats a village's romanised
		// alternate that happens to spell it (Kurakhivka's "Kurakhova").
		{"Курахова", Context{Country: "UA"}, "geonames:695357", false},
		// Villages of one name and no context: say so.
		{"Mykolaivka", Context{}, "", true},
	}
	for _, tt := range tests {
		r := g.Rank(g.Lookup(tt.name), tt.ctx)
		if r.Best == nil {
			t.Errorf("Rank(%q): no best", tt.name)
			continue
		}
		if tt.want != "" && r.Best.Place.ID != tt.want {
			t.Errorf("Rank(%q, %+v) = %s %s (%v), want %s", tt.name, tt.ctx, r.Best.Place.ID, r.Best.Place.Name, r.Best.Reasons(), tt.want)
		}
		if r.Ambiguous != tt.ambiguous {
			t.Errorf("Rank(%q).Ambiguous = %v, want %v (best %s %v)", tt.name, r.Ambiguous, tt.ambiguous, r.Best.Place.Name, r.Best.Reasons())
		}
	}
	if r := g.Rank(nil, Context{}); r.Best != nil {
		t.Errorf("Rank(nil) has a best")
	}
}

// Scores are not capped: with the oblast named, the city still beats a
// village of the same oblast and name by its size, and stronger evidence
// keeps adding up instead of saturating at 1.
func TestRankDoesNotSaturate(t *testing.T) {
	g := New()
	city := &Place{ID: "geonames:10", Name: "Kostiantynivka", Country: "UA", Admin1Code: "05", FeatureCode: "PPLA2", Population: 67000, Lat: 48.53, Lon: 37.70, Names: []string{"Kostiantynivka"}}
	village := &Place{ID: "geonames:11", Name: "Kostiantynivka", Country: "UA", Admin1Code: "05", FeatureCode: "PPL", Population: 900, Lat: 47.90, Lon: 37.40, Names: []string{"Kostiantynivka"}}
	g.add(city)
	g.add(village)
	g.Finish()
	near := &Place{ID: "geonames:12", Name: "Druzhkivka", Country: "UA", Admin1Code: "05", Lat: 48.62, Lon: 37.53}
	r := g.Rank(g.Lookup("Kostiantynivka"), Context{Admin1: []string{"UA.05"}, Places: []*Place{near}, Country: "UA"})
	if r.Best.Place != city || r.Ambiguous || len(r.RunnersUp) != 1 {
		t.Fatalf("Rank = %s ambiguous=%v, want the city", r.Best.Place.ID, r.Ambiguous)
	}
	if r.Best.Score <= 1 || r.Best.Score-r.RunnersUp[0].Score < ambiguousBy {
		t.Errorf("scores %.3f vs %.3f: evidence saturated", r.Best.Score, r.RunnersUp[0].Score)
	}
}

// Former names weigh less the older the renaming.
func TestFormerScore(t *testing.T) {
	now := time.Now().Year()
	if formerScore(now-2) != scoreFormer {
		t.Errorf("a fresh renaming scores %.2f, want %.2f", formerScore(now-2), scoreFormer)
	}
	if a, b := formerScore(now-40), formerScore(now-95); !(a > b && b >= scoreFormerOld && a < scoreFormer) {
		t.Errorf("formerScore: 40 years %.2f, 95 years %.2f", a, b)
	}
	if formerScore(1800) >= scoreStem {
		t.Errorf("a 19th-century name scores %.2f, at least an inflected current name", formerScore(1800))
	}
}
