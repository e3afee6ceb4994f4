package claims_test

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/claims"
	"github.com/parallaxnews/parallax/internal/domain"
)

// A headline "<claim>, <Speaker> Tells <Someone>" states the claim in the
// outlet's own voice while crediting the speaker; "says", "claims", a quote
// or a body sentence keep the claim attributed. Invented headlines.
func TestHeadlineTellsAsserts(t *testing.T) {
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		title, body string
		stance      domain.Stance
		speaker     string
	}{
		{"Avdiivka Liberated, Shoigu Tells Putin at Kremlin Meeting", "", domain.StanceAsserted, "Shoigu"},
		{"Toretsk Taken, Army Chief Gerasimov Tells President", "", domain.StanceAsserted, "Gerasimov"},
		{"Торецк освобожден, Герасимов доложил Путину", "", domain.StanceAsserted, "Герасимов"},
		{"Avdiivka captured, ministry says", "", domain.StanceHedged, "ministry"},
		{"Avdiivka Reportedly Liberated, Shoigu Tells Putin", "", domain.StanceHedged, "Shoigu"},
		{"'Avdiivka Is Liberated', Shoigu Tells Putin", "", domain.StanceQuoted, "Shoigu"},
		{"", "Avdiivka has been liberated, Shoigu told Putin at the meeting.", domain.StanceAttributed, "Shoigu"},
	}
	for _, tc := range tests {
		an := extractOne(x, tc.title, tc.body)
		if len(an.Claims) == 0 {
			t.Errorf("%q: no claim", tc.title+tc.body)
			continue
		}
		c := an.Claims[0]
		if c.Stance != tc.stance || !strings.Contains(c.Voice.Name+" "+c.Voice.Description, tc.speaker) {
			t.Errorf("%q: stance %s %v voice %+v; want %s, credited to %s", tc.title+tc.body, c.Stance, c.Stances, c.Voice, tc.stance, tc.speaker)
		}
	}
}
