package resolve

import (
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/gazetteer"
	"github.com/parallaxnews/parallax/internal/sharedtest"
)

var (
	noGazOnce sync.Once
	noGaz     *Resolver
	noGazErr  error
)

// newTestResolverNoGaz is a resolver without a gazetteer: actors, roles,
// regions, countries and outlets only.
func newTestResolverNoGaz(t testing.TB) *Resolver {
	t.Helper()
	noGazOnce.Do(func() { noGaz, noGazErr = New(Config{}) })
	if noGazErr != nil {
		t.Fatal(noGazErr)
	}
	return noGaz
}

func article(body string, date string, country string) *domain.Article {
	a := &domain.Article{ID: "t"}
	var ps []domain.Paragraph
	for _, p := range strings.Split(body, "\n\n") {
		ps = append(ps, domain.Paragraph{Text: p})
	}
	a.SetBody(ps)
	if date != "" {
		tm, _ := time.Parse("2006-01-02", date)
		a.Published = &domain.Timestamp{Time: tm, Precision: domain.PrecisionDate}
	}
	if country != "" {
		a.Outlet = &domain.Outlet{ID: "o", Name: "o", Country: country}
	}
	return a
}

// find returns the first mention with this surface at or after occurrence n.
func find(an *domain.Analysis, surface string, n int) *domain.Mention {
	for i := range an.Mentions {
		if an.Mentions[i].Surface == surface {
			if n == 0 {
				return &an.Mentions[i]
			}
			n--
		}
	}
	return nil
}

func TestResolveMentions(t *testing.T) {
	r := newTestResolverNoGaz(t)
	tests := []struct {
		name    string
		body    string
		date    string
		country string
		surface string
		nth     int
		entity  string // "" with status unresolved; "local:" prefix for local persons
		status  string
		note    string
	}{
		{"region en", "Shelling continued in the Kharkov region.", "", "", "Kharkov region", 0, "geonames:706482", "resolved", ""},
		{"oblast en", "Kharkiv Oblast was hit.", "", "", "Kharkiv Oblast", 0, "geonames:706482", "resolved", ""},
		{"region ru case", "Удар нанесен по Харьковской области.", "", "", "Харьковской области", 0, "geonames:706482", "resolved", ""},
		{"region uk", "Запорізька область під обстрілом.", "", "", "Запорізька область", 0, "geonames:687699", "resolved", ""},
		{"region uk nickname", "Обстріли на Харківщині тривають.", "", "", "Харківщині", 0, "geonames:706482", "resolved", ""},
		{"DPR note", "Forces advanced in the Donetsk People's Republic.", "", "", "Donetsk People's Republic", 0, "geonames:709716", "resolved", "occupation"},
		{"ДНР", "Бои идут в ДНР.", "", "", "ДНР", 0, "geonames:709716", "resolved", "occupation"},
		{"coordinated regions", "Strikes hit the Sumy and Chernihiv regions.", "", "", "Sumy", 0, "geonames:692196", "resolved", ""},
		{"coordinated list", "Strikes hit the Kharkiv, Sumy and Chernihiv regions.", "", "", "Kharkiv", 0, "geonames:706482", "resolved", ""},
		{"unit alias", "The Zapad ('West') Battlegroup reported gains.", "", "", "Zapad ('West') Battlegroup", 0, "actor:army-group-west", "resolved", ""},
		{"unit ru", "Подразделения группировки войск «Юг» продвинулись.", "", "", "группировки войск «Юг»", 0, "actor:army-group-south", "resolved", ""},
		{"surname variant", "Zelenskyy met troops. Zelenskiy said more.", "", "", "Zelenskiy", 0, "actor:volodymyr-zelensky", "resolved", ""},
		{"ru inflected name", "Песков ответил Путину.", "", "", "Путину", 0, "actor:vladimir-putin", "resolved", ""},
		{"title before name", "Kremlin spokesman Dmitry Peskov spoke.", "", "", "Kremlin spokesman", 0, "actor:dmitry-peskov", "resolved", ""},
		{"apposition", "Sergei Kuzovlev, commander of the western troop grouping, reported.", "", "", "commander of the western troop grouping", 0, "actor:sergei-kuzovlev", "resolved", ""},
		{"unit inside title", "Sergei Kuzovlev, commander of the western troop grouping, reported.", "", "", "western troop grouping", 0, "actor:army-group-west", "resolved", ""},
		{"role by earlier name", "Putin arrived. The president spoke.", "2025-11-20", "", "president", 0, "actor:vladimir-putin", "resolved", ""},
		{"role by earlier name ua", "Zelensky arrived. The president spoke.", "2025-11-20", "", "president", 0, "actor:volodymyr-zelensky", "resolved", ""},
		{"role alone ambiguous", "The president spoke.", "2025-11-20", "", "president", 0, "", "ambiguous", ""},
		{"role by date", "Russia's Defence Minister visited the front.", "2023-06-01", "", "Russia's Defence Minister", 0, "actor:sergei-shoigu", "resolved", ""},
		{"role by date later", "Russia's Defence Minister visited the front.", "2025-06-01", "", "Russia's Defence Minister", 0, "actor:andrei-belousov", "resolved", ""},
		{"role by side", "Peskov said the chief of staff reported.", "2025-11-20", "", "chief of staff", 0, "actor:valery-gerasimov", "resolved", ""},
		{"pronoun one", "Valery Gerasimov reported to troops. He said the city fell.", "", "", "He", 0, "actor:valery-gerasimov", "resolved", ""},
		{"pronoun two", "Putin met Gerasimov. He said the city fell.", "", "", "He", 0, "", "ambiguous", ""},
		{"pronoun gender", "Maria Zakharova met Sergei Lavrov. She said talks failed.", "", "", "She", 0, "actor:maria-zakharova", "resolved", ""},
		{"local person title", "Governor Oleh Syniehubov said two people died. Syniehubov added more.", "", "", "Syniehubov", 0, "local:", "resolved", ""},
		{"local person speech", "The attack was expected, Oleh Zhdanov said.", "", "", "Oleh Zhdanov", 0, "local:", "resolved", ""},
		{"acronym exact", "The UN said. Un mot.", "", "", "UN", 0, "actor:un", "resolved", ""},
		{"general staff by side", "Kyiv's forces held, Zelensky said, as the General Staff reported 150 clashes; Syrskyi agreed.", "2025-11-20", "UA", "General Staff", 0, "actor:ukrainian-general-staff", "resolved", ""},
		{"wire agency", "Peskov told Reuters on Friday.", "", "", "Reuters", 0, "outlet:reuters", "resolved", ""},
		{"unknown name kept", "Talks were held in Mordor Valley on Friday.", "", "", "Mordor Valley", 0, "", "unresolved", ""},
		{"country", "Russia and Ukraine traded strikes.", "", "", "Ukraine", 0, "geonames:690791", "resolved", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article(tt.body, tt.date, tt.country)
			an := r.Resolve(a)
			checkOffsets(t, a, an)
			m := find(an, tt.surface, tt.nth)
			if m == nil {
				var got []string
				for _, x := range an.Mentions {
					got = append(got, x.Surface)
				}
				t.Fatalf("no mention %q (#%d); have %q", tt.surface, tt.nth, got)
			}
			if m.Status != tt.status {
				t.Errorf("%q: status %s, want %s (reasons %v)", tt.surface, m.Status, tt.status, m.Reasons)
			}
			switch {
			case strings.HasSuffix(tt.entity, ":"):
				if !strings.HasPrefix(m.EntityID, tt.entity) {
					t.Errorf("%q: entity %q, want %s...", tt.surface, m.EntityID, tt.entity)
				}
			case m.EntityID != tt.entity:
				t.Errorf("%q: entity %q, want %q (reasons %v, candidates %v)", tt.surface, m.EntityID, tt.entity, m.Reasons, m.Candidates)
			}
			if tt.note != "" && !strings.Contains(strings.Join(m.Notes, " "), tt.note) {
				t.Errorf("%q: notes %v lack %q", tt.surface, m.Notes, tt.note)
			}
			if m.Status != domain.StatusUnresolved && len(m.Reasons) == 0 {
				t.Errorf("%q: no reasons given", tt.surface)
			}
		})
	}
}

// Names that resolve to nothing are kept, and common capitalised words are
// not taken for names.
func TestNoJunkMentions(t *testing.T) {
	r := newTestResolverNoGaz(t)
	an := r.Resolve(article("Meanwhile the talks stalled. However, nothing changed on Thursday.", "", ""))
	for _, m := range an.Mentions {
		t.Errorf("unexpected mention %q (%s)", m.Surface, m.Kind)
	}
}

func TestMetonym(t *testing.T) {
	r := testResolver(t)
	for _, tt := range []struct {
		body string
		want bool
	}{
		{"Kyiv had retaken the city in September.", true},
		{"It was a key bastion for Kyiv in the east.", true},
		{"Residents of Kyiv sheltered overnight.", false},
	} {
		an := r.Resolve(article(tt.body, "", ""))
		m := find(an, "Kyiv", 0)
		if m == nil {
			t.Fatalf("%q: no Kyiv mention", tt.body)
		}
		got := strings.Contains(strings.Join(m.Notes, " "), "metonym")
		if got != tt.want {
			t.Errorf("%q: metonym %v, want %v", tt.body, got, tt.want)
		}
	}
}

func TestLoadActors(t *testing.T) {
	good := `actors:
  - id: oleh-syniehubov
    kind: person
    name: Oleh Syniehubov
    side: UA
    gender: m
    aliases: {en: [Oleh Syniehubov], uk: [Олег Синєгубов]}
`
	as, err := LoadActors(strings.NewReader(good))
	if err != nil || len(as) != 1 {
		t.Fatalf("LoadActors: %v %v", as, err)
	}
	r, err := New(Config{Actors: as})
	if err != nil {
		t.Fatal(err)
	}
	an := r.Resolve(article("Олег Синєгубов повідомив про удар. Syniehubov added details.", "", ""))
	if m := find(an, "Syniehubov", 0); m == nil || m.EntityID != "actor:oleh-syniehubov" {
		t.Errorf("user actor not resolved by surname: %+v", m)
	}
	for _, bad := range []string{
		"", "\x00\x01", "actors: 3", "actors:\n  - {id: x, kind: alien, name: X, aliases: {en: [X]}}",
		"actors:\n  - {id: x, kind: person, name: X}", "actors:\n  - {id: x, kind: person, name: X, aliases: {en: [X]}, roles: [{role: r, from: yesterday}]}",
		"actors:\n  - {id: x, kind: person, name: X, aliases: {en: [X]}}\n  - {id: x, kind: person, name: Y, aliases: {en: [Y]}}",
		"unknown_key: 1",
	} {
		if _, err := LoadActors(strings.NewReader(bad)); err == nil {
			t.Errorf("LoadActors(%q): no error", bad)
		}
	}
}

// Resolve must be safe for concurrent use.
func TestConcurrentResolve(t *testing.T) {
	r := testResolver(t) // with the gazetteer, so the shared lookup cache is exercised
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			an := r.Resolve(article("Kremlin spokesman Dmitry Peskov said Putin met Gerasimov near Kupiansk in the Kharkov region.", "", ""))
			if len(an.Mentions) < 4 {
				t.Errorf("got %d mentions", len(an.Mentions))
			}
		}()
	}
	wg.Wait()
}

func TestBadInput(t *testing.T) {
	r := newTestResolverNoGaz(t)
	if an := r.Resolve(nil); an == nil || len(an.Mentions) != 0 {
		t.Errorf("nil article: %+v", an)
	}
	for _, s := range []string{"", "\xff\xfe\x00binary", strings.Repeat("Путин ", 20000), strings.Repeat("A", 100000)} {
		a := article(s, "", "")
		a.Title = s
		an := r.Resolve(a)
		checkOffsets(t, a, an)
	}
}

func TestSideFromLanguageAndDirectionAdjective(t *testing.T) {
	r := testResolver(t)
	a := article("Генштаб повідомив про 150 боєзіткнень. Бої тривають на Константиновском направлении.", "2025-11-20", "")
	a.Language = "uk"
	an := r.Resolve(a)
	if m := find(an, "Генштаб", 0); m == nil || m.EntityID != "actor:ukrainian-general-staff" {
		t.Errorf("Генштаб in Ukrainian: %+v", m)
	}
	if m := find(an, "Константиновском", 0); m == nil || m.EntityID != "geonames:705104" || !strings.Contains(strings.Join(m.Notes, " "), "direction") {
		t.Errorf("direction adjective: %+v", m)
	}
}

func TestDomainCountry(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"volksstimme.ch", "CH"}, {"www.bbc.co.uk", "GB"}, {"lefigaro.fr", "FR"},
		{"nymag.com", ""}, {"example.io", ""}, {"", ""}, {"x.c1", ""}, {"tass.ru", "RU"},
	} {
		if got := domainCountry(c.in); got != c.want {
			t.Errorf("domainCountry(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestResolveRepeatable: the lookup cache and the pooled buffers a Resolver
// shares between calls must not carry one report into another. Every
// report resolved again, in the other order and with other reports in
// between, gives the same analysis as when the resolver was new.
func TestResolveRepeatable(t *testing.T) {
	var arts []*domain.Article
	for _, dir := range []string{"testdata/fixtures", "testdata/heldout"} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		for _, p := range paths {
			arts = append(arts, loadFixture(t, p).article(filepath.Base(p)))
		}
	}
	if len(arts) < 6 {
		t.Fatalf("only %d fixtures read", len(arts))
	}
	// Several-word names in a case form, which are looked up word by word
	// as well (lookupPlace): the merging must not touch cached answers.
	cases := article("Бои у Великой Новоселки и в Великой Новоселке. Визит в Южной Корее. Обстрел Новой Каховки, в Новой Каховке нет света.", "", "")
	cases.Language = "ru"
	arts = append(arts, cases)
	arts = append(arts, longArticle("en", 20<<10, 1), longArticle("ru", 20<<10, 2))
	if root := sharedtest.Root(); root != "" && !testing.Short() {
		arts = append(arts, telegramArticles(t, filepath.Join(root, "corpus/telegram-ru-news-2024/raw"), 120)...)
	}
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	fresh := func() *Resolver {
		r, err := New(Config{Gazetteer: g})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	first := make([]*domain.Analysis, len(arts))
	for i, a := range arts {
		first[i] = fresh().Resolve(a)
	}
	r := fresh()
	for pass := 0; pass < 2; pass++ {
		for k := range arts {
			i := len(arts) - 1 - k // backwards, then forwards
			if pass == 1 {
				i = k
			}
			if got := r.Resolve(arts[i]); !reflect.DeepEqual(got, first[i]) {
				t.Errorf("pass %d: report %d (%s) resolves differently after other reports", pass, i, arts[i].ID)
			}
		}
	}
	// And every cached answer is still what the gazetteer gives.
	check := fresh()
	for q, cl := range r.cache {
		if want := check.placeCands(q); !reflect.DeepEqual(cl, want) {
			t.Errorf("cached candidates of %q changed by use", q)
		}
	}
}
