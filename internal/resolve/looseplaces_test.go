package resolve

import (
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

// Names read as places only loosely: first names, surnames of people named
// in full, front directions listed before one noun, and a small place's
// old name that another place bears today. Sentences written for the test;
// the first of each kind was tuned on, the rest held out.
func TestLoosePlaceReadings(t *testing.T) {
	r := fullResolver(t)
	tests := []struct {
		name, body, surface string
		nth                 int
		place               string // names, |-separated; "": no resolved place; "!X": not X
	}{
		{"surname of a full name (tuned)", "Миллиардер Гаутам Адани прилетел в Мумбаи. Позже Адани встретился с инвесторами.", "Адани", 0, ""},
		{"surname of a full name (held out)", "Бизнесмен Мукеш Амбани открыл завод. Амбани заявил, что завод заработает летом.", "Амбани", 0, ""},
		{"first name (tuned)", "Встреча с Сергеем прошла в Киеве.", "Сергеем", 0, ""},
		{"first name (held out)", "Разговор с Романом состоялся вчера в Харькове.", "Романом", 0, ""},
		{"first name (held out 2)", "Разговор с Натальей состоялся вчера в Одессе.", "Натальей", 0, ""},
		{"listed directions (tuned)", "Бои идут на Запорожском, Херсонском и Крымском направлениях.", "Запорожском", 0, "Zaporizhzhia Oblast|Zaporizhzhia"},
		{"listed directions (held out)", "Атаки отбиты на Покровском, Курахівському и Времевском направлениях.", "Покровском", 0, "Pokrovsk"},
		{"former name borne by another (tuned)", "Бои идут у Покровска, в районе села Лысовка в Донецкой области.", "Лысовка", 0, "!Ukrainsk"},
		{"kept: a town's case form", "Обстрелы продолжаются у Мариуполя и Покровска.", "Мариуполя", 0, "Mariupol"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := article(tc.body, "", "")
			a.Language = "ru"
			an := r.Resolve(a)
			m := find(an, tc.surface, tc.nth)
			resolved := m != nil && m.Kind == domain.KindPlace && m.Status == domain.StatusResolved
			switch {
			case tc.place == "":
				if resolved {
					t.Errorf("%q resolved to %s (%s), want no place", tc.surface, m.Name, m.EntityID)
				}
			case tc.place[0] == '!':
				if resolved && m.Name == tc.place[1:] {
					t.Errorf("%q resolved to %s, which bears the name no more", tc.surface, m.Name)
				}
			default:
				ok := false
				if m != nil {
					for _, id := range splitBar(tc.place) {
						if m.Status == domain.StatusResolved && m.Name == id || m.Status == domain.StatusAmbiguous && hasCandidate(m, id) {
							ok = true
						}
					}
				}
				if !ok {
					got := "nothing"
					if m != nil {
						got = m.Name + " " + string(m.Status)
					}
					t.Errorf("%q: got %s, want %s", tc.surface, got, tc.place)
				}
			}
		})
	}
}

func splitBar(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '|' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return out
}

func hasCandidate(m *domain.Mention, name string) bool {
	for _, c := range m.Candidates {
		if c.Name == name {
			return true
		}
	}
	return false
}
