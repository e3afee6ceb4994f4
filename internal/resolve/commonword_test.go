package resolve

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

// TestWeakNamesAreNoPlaces: sentence openers, common words, adjectives,
// quoted project and weapon names and platforms must not become places,
// while the real places beside them still resolve, in their case forms.
// The sentences are written for this test in the styles of Russian,
// Ukrainian, German and English copy.
func TestWeakNamesAreNoPlaces(t *testing.T) {
	r := testResolver(t)
	cases := []struct {
		lang, country, text string
		places              map[string]string // surface → "Name/CC" that must resolve
		none                []string          // surfaces that must not be resolved places
	}{
		{"ru", "GB", "Далее военные сообщили о боях южнее Покровска. На Покровском направлении идут бои.",
			map[string]string{"Покровска": "Pokrovsk/UA"}, []string{"Далее"}},
		{"ru", "RU", "По оценке аналитиков проекта «Линия фронта», войска продвинулись у Гуляйполя.",
			nil, []string{"Линия фронта", "Линия"}},
		{"ru", "RU", "Россия применила ракету «Орешник» по Днепру, сообщили в Telegram.",
			nil, []string{"Орешник", "Telegram"}},
		{"ru", "GB", "Украинский батальон отступил из Курахового, сообщил Генштаб.",
			map[string]string{"Курахового": "Kurakhove/UA"}, []string{"Украинский"}},
		{"uk", "UA", "Бої тривають біля Курахового, повідомив речник.",
			nil, []string{"Бої"}},
		{"de", "DE", "Wie die Behörden mitteilten, wurde die Suche nach zwei Jahren in Berlin eingestellt.",
			map[string]string{"Berlin": "Berlin/DE"}, []string{"Wie", "Suche", "Jahren"}},
		{"en", "US", "Any decision will be posted on Telegram. Check back later, I'm told. Officials in Kharkiv agreed.",
			map[string]string{"Kharkiv": "Kharkiv/UA"}, []string{"Any", "Check", "I'm", "Telegram"}},
		{"en", "US", "Island residents were evacuated, officials in Boise said.",
			map[string]string{"Boise": "Boise/US"}, []string{"Island"}},
		{"ru", "RU", "Пассажир Кемерово купил билет.",
			map[string]string{"Кемерово": "Kemerovo/RU"}, []string{"Пассажир Кемерово"}},
		{"ru", "RU", "Читать далее. Число семей в Харькове выросло.",
			map[string]string{"Харькове": "Kharkiv/UA"}, []string{"Читать", "семей"}},
	}
	for _, c := range cases {
		a := &domain.Article{ID: "t", Language: c.lang, Outlet: &domain.Outlet{ID: "o", Name: "o", Country: c.country}}
		a.SetBody([]domain.Paragraph{{Text: c.text, SourceOffset: -1}})
		an := r.Resolve(a)
		got := map[string]string{}
		for _, m := range an.Mentions {
			if m.Kind == domain.KindPlace && m.Status == domain.StatusResolved {
				got[m.Surface] = placeLabel(an, m)
			}
		}
		for s, want := range c.places {
			if got[s] != want {
				t.Errorf("%s: %q resolved to %q, want %s", c.lang, s, got[s], want)
			}
		}
		for _, s := range c.none {
			if got[s] != "" {
				t.Errorf("%s: %q resolved to the place %s; it is no place name", c.lang, s, got[s])
			}
		}
		if t.Failed() {
			t.Logf("%s", strings.Join(mentionDump(an), "\n"))
		}
	}
}

func mentionDump(an *domain.Analysis) []string {
	var out []string
	for _, m := range an.Mentions {
		out = append(out, m.Surface+" "+string(m.Kind)+" "+string(m.Status)+" "+m.Name+" "+strings.Join(m.Reasons, "; "))
	}
	return out
}

// TestInflectedFrontTowns: Russian and Ukrainian case forms of front-line
// towns reach the town over the full Ukraine table, not a namesake village
// or a place that once bore the name (sentences written for this test).
func TestInflectedFrontTowns(t *testing.T) {
	r, err := New(Config{Gazetteer: uaGazetteer(t)})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ lang, text, surface, want string }{
		{"ru", "Бои идут в центре Курахова, сообщили в ДНР.", "Курахова", "Kurakhove"},
		{"uk", "ЗСУ спростовують захоплення Курахового.", "Курахового", "Kurakhove"},
		{"ru", "Армия продвинулась южнее Покровска на Покровском направлении.", "Покровска", "Pokrovsk"},
		{"uk", "Бої тривають у Покровську.", "Покровську", "Pokrovsk"},
	}
	for _, c := range cases {
		a := &domain.Article{ID: "t", Language: c.lang}
		a.SetBody([]domain.Paragraph{{Text: c.text, SourceOffset: -1}})
		an := r.Resolve(a)
		found := false
		for _, m := range an.Mentions {
			if m.Surface != c.surface {
				continue
			}
			found = true
			if m.Status != domain.StatusResolved || m.Name != c.want {
				t.Errorf("%q → %q (%s, %v), want %s", c.surface, m.Name, m.Status, m.Reasons, c.want)
			}
			if e := entityOf(an, m.EntityID); e == nil || e.Admin1 != "Donetsk Oblast" {
				t.Errorf("%q → %+v, want a place in Donetsk Oblast", c.surface, e)
			}
		}
		if !found {
			t.Errorf("%q: no mention in %q", c.surface, mentionDump(an))
		}
	}
}

func entityOf(an *domain.Analysis, id string) *domain.Entity {
	for i := range an.Entities {
		if an.Entities[i].ID == id {
			return &an.Entities[i]
		}
	}
	return nil
}

// TestQuotedNameIsWhole: a quoted project name that goes on in lower case
// is one mention, an organisation, not a place.
func TestQuotedNameIsWhole(t *testing.T) {
	r := testResolver(t)
	a := &domain.Article{ID: "t", Language: "ru"}
	a.SetBody([]domain.Paragraph{{Text: "По данным проекта «Линия фронта», бои идут у Гуляйполя.", SourceOffset: -1}})
	an := r.Resolve(a)
	for _, m := range an.Mentions {
		if strings.HasPrefix(m.Surface, "Линия") {
			if m.Surface != "Линия фронта" || m.Kind != domain.KindOrg {
				t.Errorf("quoted name: %q kind %s, want \"Линия фронта\" org", m.Surface, m.Kind)
			}
			return
		}
	}
	t.Errorf("no mention of the quoted name: %q", mentionDump(an))
}
