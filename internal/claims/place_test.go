package claims_test

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/claims"
	"github.com/parallaxnews/parallax/internal/domain"
)

// men is a mention to place on a sentence by its surface.
type men struct {
	surface string
	kind    domain.EntityKind
	id      string   // "" for unresolved or ambiguous
	status  string   // resolved, ambiguous, unresolved
	cands   []string // admin1 names of an ambiguous mention's candidates
}

// analysed builds a one-sentence article with the mentions a resolver would
// give, located by surface (first occurrence in the body).
func analysed(t *testing.T, text string, ms []men, ents []domain.Entity) (*domain.Article, *domain.Analysis) {
	t.Helper()
	a := oneArticle("", text)
	an := &domain.Analysis{ArticleID: a.ID, Entities: ents}
	body := a.Text()
	for _, m := range ms {
		i := strings.Index(body, m.surface)
		if i < 0 {
			t.Fatalf("%q not in %q", m.surface, body)
		}
		mm := domain.Mention{Field: "body", Start: i, End: i + len(m.surface), Surface: m.surface, Kind: m.kind, EntityID: m.id, Status: m.status}
		for n, c := range m.cands {
			mm.Candidates = append(mm.Candidates, domain.Candidate{EntityID: "geonames:" + string(rune('1'+n)), Name: m.surface, Admin1: c})
		}
		an.Mentions = append(an.Mentions, mm)
	}
	return a, an
}

// A claim about one town the resolver could not settle keeps the town (its
// own words, keyed on the folded form), not the oblast that only says where
// it lies; a resolved town keeps its ID. Invented sentences.
func TestTownNotOblast(t *testing.T) {
	donetsk := domain.Entity{ID: "geonames:709716", Kind: domain.KindPlace, Name: "Donetsk Oblast", FeatureCode: "ADM1"}
	zap := domain.Entity{ID: "geonames:687699", Kind: domain.KindPlace, Name: "Zaporizhzhia Oblast", FeatureCode: "ADM1"}
	vel := domain.Entity{ID: "geonames:689558", Kind: domain.KindPlace, Name: "Velyka Novosilka", FeatureCode: "PPL", Admin1ID: donetsk.ID}
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		ms         []men
		want       []string // place names of the control claim
		key        string   // its place segment
	}{
		{"ambiguous town, all candidates in the oblast named (ru)",
			"Российские войска полностью освободили город Новоселовка в Донецкой Народной Республике.",
			[]men{{"Новоселовка", domain.KindPlace, "", domain.StatusAmbiguous, []string{"Donetsk Oblast", "Donetsk Oblast"}},
				{"Донецкой Народной Республике", domain.KindPlace, donetsk.ID, domain.StatusResolved, nil}},
			[]string{"Новоселовка"}, "name:" + claims.FoldName("Новоселовка")},
		{"unresolved town in <region> (en)",
			"Russian forces have taken the village of Dachne in the Zaporizhzhia region, the ministry said.",
			[]men{{"Dachne", domain.KindPlace, "", domain.StatusUnresolved, nil},
				{"Zaporizhzhia region", domain.KindPlace, zap.ID, domain.StatusResolved, nil}},
			[]string{"Dachne"}, "name:" + claims.FoldName("Dachne")},
		{"unresolved town, oblast (uk)",
			"Сили оборони звільнили село Терни у Донецькій області.",
			[]men{{"Терни", domain.KindPlace, "", domain.StatusUnresolved, nil},
				{"Донецькій області", domain.KindPlace, donetsk.ID, domain.StatusResolved, nil}},
			[]string{"Терни"}, "name:" + claims.FoldName("Терни")},
		{"resolved town drops its oblast as before",
			"Russian troops captured Velyka Novosilka in the Donetsk region.",
			[]men{{"Velyka Novosilka", domain.KindPlace, vel.ID, domain.StatusResolved, nil},
				{"Donetsk region", domain.KindPlace, donetsk.ID, domain.StatusResolved, nil}},
			[]string{"Velyka Novosilka"}, vel.ID},
		{"an oblast claimed by itself stays",
			"Russia claims to have captured all of the Luhansk region.",
			[]men{{"Luhansk region", domain.KindPlace, "geonames:702657", domain.StatusResolved, nil}},
			[]string{"Luhansk region"}, "geonames:702657"},
		{"ambiguous town whose candidates lie elsewhere keeps the oblast too",
			"Russian troops captured Ivanivka in the Donetsk region.",
			[]men{{"Ivanivka", domain.KindPlace, "", domain.StatusAmbiguous, []string{"Kharkiv Oblast", "Kherson Oblast"}},
				{"Donetsk region", domain.KindPlace, donetsk.ID, domain.StatusResolved, nil}},
			// "in the Donetsk region" right after it still locates it
			[]string{"Ivanivka"}, "name:" + claims.FoldName("Ivanivka")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents := []domain.Entity{donetsk, zap, vel, {ID: "geonames:702657", Kind: domain.KindPlace, Name: "Luhansk Oblast", FeatureCode: "ADM1"}}
			a, an := analysed(t, tc.text, tc.ms, ents)
			x.Extract(a, an)
			var c *domain.Claim
			for i := range an.Claims {
				if an.Claims[i].Kind == domain.ClaimControl {
					c = &an.Claims[i]
				}
			}
			if c == nil {
				t.Fatalf("no control claim: %+v", an.Claims)
			}
			var got []string
			for _, p := range c.Places {
				got = append(got, p.Surface)
			}
			if strings.Join(got, ";") != strings.Join(tc.want, ";") {
				t.Errorf("places %q, want %q", got, tc.want)
			}
			if seg := strings.Split(c.Proposition, "|")[1]; seg != tc.key {
				t.Errorf("key place %q, want %q (%s)", seg, tc.key, c.Proposition)
			}
		})
	}
}

// Quotation marks around a name (a unit, a project, an operation) are no
// quote: the claim is attributed, not quoted. Invented sentences.
func TestNameInQuotesIsNoQuote(t *testing.T) {
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want domain.Stance
	}{
		{"Подразделения группировки войск «Восток» заняли село Велика Новоселка, сообщило Минобороны России.", domain.StanceAttributed},
		{"Бійці бригади «Азов» відбили штурм біля Торецька, повідомив речник бригади.", domain.StanceAttributed},
		{"The \"Wagner\" group took the salt mine, the ministry said.", domain.StanceAttributed},
		{"Аналитики проекта «Линия фронта» сообщили, что армия продвинулась у Покровска.", domain.StanceAttributed},
		// real quotes stay quotes
		{"«Мы продолжаем держать оборону», сообщил командир батальона.", domain.StanceQuoted},
		{"\"We are holding the line,\" the battalion commander said.", domain.StanceQuoted},
	}
	for _, tc := range tests {
		a := oneArticle("", tc.text)
		an := &domain.Analysis{}
		x.Extract(a, an)
		if len(an.Claims) == 0 {
			t.Errorf("%q: no claim", tc.text)
			continue
		}
		if c := an.Claims[0]; c.Stance != tc.want {
			t.Errorf("%q: stance %s %v, want %s", tc.text, c.Stance, c.Stances, tc.want)
		}
	}
}
