package resolve

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/internal/domain"
)

// FuzzResolve: any title and body give mentions whose offsets point at their
// surfaces, and never a panic.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"Kremlin spokesman Dmitry Peskov told President Vladimir Putin.",
		"Подразделения группировки войск «Запад» освободили Купянск в Харьковской области.",
		"Речник Кремля Дмитро Пєсков. Він заявив.",
		"Krasnoarmeysk (Pokrovsk) and the Dnepropetrovsk and Zaporozhye regions",
		"Zapad ('West') Battlegroup, U.S. envoy, Russia's army\n\nHe said.",
		"«»(('')) ,,, and and regions", "\xff\xfe", "A. B. C. D.", "",
	} {
		f.Add(s, s)
	}
	r := newTestResolverNoGaz(f)
	f.Fuzz(func(t *testing.T, title, body string) {
		a := &domain.Article{ID: "fuzz", Title: title}
		var ps []domain.Paragraph
		for _, p := range strings.Split(body, "\n\n") {
			ps = append(ps, domain.Paragraph{Text: p})
		}
		a.SetBody(ps)
		an := r.Resolve(a)
		text := a.Text()
		for _, m := range an.Mentions {
			src := text
			if m.Field == "title" {
				src = title
			}
			if m.Start < 0 || m.End > len(src) || m.Start >= m.End || src[m.Start:m.End] != m.Surface {
				t.Fatalf("mention %q at %d..%d does not match its field", m.Surface, m.Start, m.End)
			}
			if utf8.ValidString(src) && !utf8.ValidString(m.Surface) {
				t.Fatalf("mention %q splits a character", m.Surface)
			}
		}
	})
}

// FuzzLoadActors: a user's actors file either loads or gives an error.
func FuzzLoadActors(f *testing.F) {
	f.Add("actors:\n  - {id: x, kind: person, name: X, aliases: {en: [X Y]}}\n")
	f.Add("actors: [")
	f.Add("&a [*a, *a]")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		as, err := LoadActors(strings.NewReader(s))
		if err != nil {
			return
		}
		if _, err := New(Config{Actors: as}); err != nil {
			t.Logf("New rejected loaded actors: %v", err)
		}
	})
}

// FuzzTokenize: words point at their text, and each word's normal form is
// normWord's, however the field is written.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"Russia's army, U.S. envoy", "ЁЛКА в Купянске; Куп’янськ", "Erdoğan in İstanbul",
		"\xd0A \xd0\xd0 \xff Київ", "`x` ‘y’", "",
	} {
		f.Add(s)
	}
	r := newTestResolverNoGaz(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, tk := range r.tokenize(s) {
			if s[tk.start:tk.end] != tk.text {
				t.Fatalf("word %q at %d..%d does not match the text", tk.text, tk.start, tk.end)
			}
			if want := normWord(tk.text); tk.norm != want {
				t.Fatalf("word %q has norm %q, normWord gives %q", tk.text, tk.norm, want)
			}
		}
	})
}
