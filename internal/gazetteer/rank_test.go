package gazetteer

import "testing"

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
			t.Errorf("Rank(%q, %+v) = %s %s (%v), want %s", tt.name, tt.ctx, r.Best.Place.ID, r.Best.Place.Name, r.Best.Reasons, tt.want)
		}
		if r.Ambiguous != tt.ambiguous {
			t.Errorf("Rank(%q).Ambiguous = %v, want %v (best %s %v)", tt.name, r.Ambiguous, tt.ambiguous, r.Best.Place.Name, r.Best.Reasons)
		}
	}
	if r := g.Rank(nil, Context{}); r.Best != nil {
		t.Errorf("Rank(nil) has a best")
	}
}
