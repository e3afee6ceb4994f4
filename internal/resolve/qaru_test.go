package resolve

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

// ruArticle is a Russian-language report of a Russian outlet, dated.
func ruArticle(lang, country, body string) *domain.Article {
	a := article(body, "2025-11-20", country)
	a.Language = lang
	return a
}

// mentionOf returns the first mention whose surface is s, or nil.
func mentionOf(an *domain.Analysis, s string) *domain.Mention { return find(an, s, 0) }

// TestCommonWordsAndTitlesInRussian: a common word is no actor's surname
// even when it is the surname's stem, a title goes to the holder of the
// country named with it or to no one, a surname next to a verb of saying
// is a person, and several-word place names are found in any case
// (sentences written for this test).
func TestCommonWordsAndTitlesInRussian(t *testing.T) {
	r := testResolver(t)
	putin, umerov := "actor:vladimir-putin", "actor:rustem-umerov"
	cases := []struct {
		name, lang, country, body string
		surface                   string
		want                      string // entity ID, "-" for none resolved, "place"/"person" for the kind only
		notEntity                 string // an entity it must not be
	}{
		{"died is no Umerov", "ru", "RU", "Умер старейший житель города. Ему было 112 лет.", "Умер", "", umerov},
		{"died is no Umerov, mid-text", "ru", "RU", "В Харькове тихо. Умер ветеран войны, сообщили власти.", "Умер", "", umerov},
		{"Umerov himself", "ru", "UA", "Умеров заявил, что переговоры продолжатся.", "Умеров", umerov, ""},
		{"Umerov inflected", "ru", "UA", "Встреча с Умеровым прошла в Стамбуле.", "Умеровым", umerov, ""},
		{"president of Georgia", "ru", "RU", "Кандидатом в президенты Грузии стал бывший футболист.", "президенты", "-", putin},
		{"President of Georgia", "ru", "RU", "Президент Грузии заявил, что выборы прошли честно.", "Президент", "-", putin},
		{"Georgia's president", "en", "GB", "Georgia's president said the vote was rigged.", "president", "-", putin},
		{"a title alone in a sentence on Georgia", "ru", "RU", "Президент заявил, что Грузия не вступит в Евросоюз.", "Президент", "-", putin},
		{"president of Russia still Putin", "ru", "RU", "Президент России заявил, что переговоры возможны.", "Президент России", putin, ""},
		{"a title alone in a Russian outlet", "ru", "RU", "Президент заявил, что переговоры возможны.", "Президент", putin, ""},
		{"surname next to a verb of saying", "ru", "RU", "Нарышкин заявил, что разведка получила данные.", "Нарышкин", "person", ""},
		{"surname after a verb of saying", "ru", "RU", "Об этом сообщил Нарышкин на совещании.", "Нарышкин", "person", ""},
		{"a capital acting stays a place", "ru", "RU", "Киев заявил, что не согласен с планом.", "Киев", "place", ""},
		{"inflected two-word town", "ru", "RU", "Бои идут в Великой Новоселке, сообщили военные.", "Великой Новоселке", "name:Velyka Novosilka", ""},
		{"inflected two-word town, genitive", "ru", "RU", "Войска подошли к окраинам Великой Новоселки.", "Великой Новоселки", "name:Velyka Novosilka", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			an := r.Resolve(ruArticle(c.lang, c.country, c.body))
			m := mentionOf(an, c.surface)
			defer func() {
				if t.Failed() {
					t.Logf("%s", strings.Join(mentionDump(an), "\n"))
				}
			}()
			if c.notEntity != "" && m != nil && m.EntityID == c.notEntity {
				t.Errorf("%q resolved to %s", c.surface, c.notEntity)
			}
			switch c.want {
			case "":
			case "-":
				if m != nil && m.Status == domain.StatusResolved {
					t.Errorf("%q resolved to %s; want no one", c.surface, m.Name)
				}
			case "name:" + strings.TrimPrefix(c.want, "name:"):
				if m == nil || m.Status != domain.StatusResolved || m.Name != strings.TrimPrefix(c.want, "name:") {
					t.Errorf("%q: want %s, got %+v", c.surface, c.want, m)
				}
			case "place", "person":
				if m == nil || string(m.Kind) != c.want {
					t.Errorf("%q: want a %s mention, got %+v", c.surface, c.want, m)
				}
			default:
				if m == nil || m.EntityID != c.want {
					t.Errorf("%q: want %s, got %+v", c.surface, c.want, m)
				}
			}
		})
	}
}

// TestInflectedVillageName: a several-word village in an oblique case is
// found over the full Ukraine table, word by word (a sentence written for
// this test).
func TestInflectedVillageName(t *testing.T) {
	r, err := New(Config{Gazetteer: uaGazetteer(t)})
	if err != nil {
		t.Fatal(err)
	}
	an := r.Resolve(ruArticle("ru", "RU", "Бои продолжаются в Старых Тернах и у Великой Новоселки."))
	for _, w := range [][2]string{{"Старых Тернах", "Stari Terny"}, {"Великой Новоселки", "Velyka Novosilka"}} {
		if m := mentionOf(an, w[0]); m == nil || m.Status != domain.StatusResolved || m.Name != w[1] {
			t.Errorf("%q: want %s, got %+v", w[0], w[1], m)
		}
	}
}
