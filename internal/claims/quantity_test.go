package claims

import (
	"math"
	"testing"
)

func TestQuantities(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in                  string
		value               float64
		unit, qualifier, of string
		wantNone            bool
	}{
		{in: "Over 4/5 of the territory of Volchansk was taken", value: 0.8, unit: "fraction", qualifier: "more_than", of: "territory"},
		{in: "and 70% of the town", value: 0.7, unit: "fraction", qualifier: "exact"},
		{in: "along with 13 settlements in two regions", value: 13, unit: "count", qualifier: "exact", of: "settlements"},
		{in: "a population of around 55,000 people before", value: 55000, unit: "people", qualifier: "about", of: "people"},
		{in: "противник потерял до 430 военнослужащих", value: 430, unit: "people", qualifier: "up_to", of: "people"},
		{in: "под контролем более 80% территории города", value: 0.8, unit: "fraction", qualifier: "more_than"},
		{in: "жили около 12 тысяч человек", value: 12000, unit: "people", qualifier: "about", of: "people"},
		{in: "установили имена 150 230 военных", value: 150230, unit: "people", qualifier: "exact", of: "people"},
		{in: "fewer than two dozen soldiers remain", value: 24, unit: "people", qualifier: "less_than", of: "people"},
		{in: "nearly a third of the region", value: 0.333, unit: "fraction", qualifier: "about"},
		{in: "ще понад 100 поранені", value: 100, unit: "count", qualifier: "more_than"},
		{in: "an exchange of 1,000 prisoners of war", value: 1000, unit: "people", qualifier: "exact", of: "people"},
		{in: "1,5 млн человек", value: 1.5e6, unit: "people", qualifier: "exact", of: "people"},
		{in: "on November 20, 2025 in 2022", wantNone: true},
		{in: "one of the officials said", wantNone: true},
	}
	for _, tc := range tests {
		toks := lx.tokens(tc.in, 0)
		qs := lx.quantities(tc.in, toks, 0, len(toks))
		if tc.wantNone {
			if len(qs) != 0 {
				t.Errorf("%q: want no quantity, got %+v", tc.in, qs)
			}
			continue
		}
		if len(qs) == 0 {
			t.Errorf("%q: no quantity", tc.in)
			continue
		}
		q := qs[0]
		if math.Abs(q.Value-tc.value) > 0.001 || q.Unit != tc.unit || q.Qualifier != tc.qualifier || (tc.of != "" && q.Of != tc.of) {
			t.Errorf("%q: got %g %s %s of %q, want %g %s %s of %q", tc.in, q.Value, q.Unit, q.Qualifier, q.Of, tc.value, tc.unit, tc.qualifier, tc.of)
		}
	}
}
