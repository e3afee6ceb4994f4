package events

import (
	"math"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

// TestWeakPropositions: a claim proposition naming no specific place or
// actor ("a meeting took place on the 5th", "Russia said") is shared by
// unrelated reports of one day; it must not join them on its own, while
// the same proposition about a named town still joins two reports of it
// that share little else.
func TestWeakPropositions(t *testing.T) {
	post := func(id, hour, title, body string, towns []string, claims ...domain.Claim) (*domain.Article, *domain.Analysis) {
		a, an := midnightPost{id: id, outlet: "Wire " + id, published: "2024-03-05T" + hour + ":00Z",
			title: title, body: body, places: towns}.article()
		for _, c := range claims {
			c.ArticleID = id
			an.Claims = append(an.Claims, c)
		}
		return a, an
	}
	meeting := domain.Claim{Kind: domain.ClaimEvent, Proposition: "event|meeting||2024-03-05"}
	russia := domain.Claim{Kind: domain.ClaimStatement, Proposition: "statement|asserted|geonames:2017370",
		Places: []domain.Ref{{EntityID: "geonames:2017370", Name: "Russia"}}}
	bridge := domain.Claim{Kind: domain.ClaimControl, Proposition: "control|town:Verkhnie|captured|RU",
		Places: []domain.Ref{{EntityID: "town:Verkhnie", Name: "Verkhnie"}}}
	tests := []struct {
		name     string
		a, b     func() (*domain.Article, *domain.Analysis)
		together bool
	}{
		{"a meeting on the same day, nothing else shared",
			func() (*domain.Article, *domain.Analysis) {
				return post("m1", "09:00", "Council approves school budget", "The city council met on Tuesday and approved the school budget after a long debate.", nil, meeting)
			},
			func() (*domain.Article, *domain.Analysis) {
				return post("m2", "11:00", "Farmers protest fuel prices", "Farmers blocked roads outside the agriculture ministry over rising fuel prices.", nil, meeting)
			}, false},
		{"a country's statement, different stories",
			func() (*domain.Article, *domain.Analysis) {
				return post("r1", "09:00", "Grain deal talks stall", "Negotiators said the grain corridor talks stalled over insurance terms.", nil, russia)
			},
			func() (*domain.Article, *domain.Analysis) {
				return post("r2", "10:00", "Embassy staff expelled", "Two diplomats were ordered to leave within a week, the foreign ministry said.", nil, russia)
			}, false},
		{"the same capture of a named town, worded apart",
			func() (*domain.Article, *domain.Analysis) {
				return post("v1", "08:00", "Verkhnie taken", "Troops raised a flag over the administration building of Verkhnie at dawn.", []string{"town:Verkhnie"}, bridge)
			},
			func() (*domain.Article, *domain.Analysis) {
				return post("v2", "12:00", "Defence ministry claims Verkhnie", "The ministry's briefing listed Verkhnie among settlements now under its control.", []string{"town:Verkhnie"}, bridge)
			}, true},
	}
	for _, tt := range tests {
		ix := NewIndex()
		a1, an1 := tt.a()
		a2, an2 := tt.b()
		e1, _ := ix.Add(a1, an1)
		e2, _ := ix.Add(a2, an2)
		if got := e1 == e2; got != tt.together {
			t.Errorf("%s: in one event = %v, want %v", tt.name, got, tt.together)
		}
		// The bonus itself: a weak proposition adds nothing to reports
		// less alike than weakPropFloor; a specific one always adds.
		f1, f2 := ix.arts[0].f, ix.arts[1].f
		bare1, bare2 := f1, f2
		bare1.props, bare2.props = nil, nil
		base, full := ix.similarity(&bare1, &bare2), ix.similarity(&f1, &f2)
		switch weak := !tt.together; {
		case weak && base < weakPropFloor && full != base:
			t.Errorf("%s: a shared weak proposition raised %.3f to %.3f", tt.name, base, full)
		case !weak && full < math.Min(1, base+ClaimBonus)*0.99:
			t.Errorf("%s: a shared proposition about a named town added too little: %.3f → %.3f", tt.name, base, full)
		}
	}
}
