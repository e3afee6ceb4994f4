package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

func TestOutletLookups(t *testing.T) {
	reg := DefaultOutlets()
	domains := []struct{ in, want string }{
		{"https://www.themoscowtimes.com/2025/11/20/x-a91200", "The Moscow Times"},
		{"themoscowtimes.com", "The Moscow Times"},
		{"https://sputnikglobe.com/20251120/x.html", "Sputnik"},
		{"https://russian.rt.com/world/news/1", "RT"},
		{"https://www.bbc.com/russian/articles/c1", "BBC Russian"},
		{"https://www.bbc.com/news/world-europe-1", "BBC"},
		{"https://ria.ru/20251120/x.html", "RIA Novosti"},
		{"https://meduza.io/en/news/2025/11/20/x", "Meduza"},
		{"https://kyivindependent.com/x/", "The Kyiv Independent"},
		{"https://www.pravda.com.ua/eng/news/2025/11/20/1/", "Ukrainska Pravda"},
		{"https://example.com/news", ""},
		{"https://notrt.com/x", ""},
		{"://", ""},
	}
	for _, tt := range domains {
		o, ok := reg.ByDomain(tt.in)
		got := ""
		if ok {
			got = o.Name
		}
		if got != tt.want {
			t.Errorf("ByDomain(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	handles := []struct{ in, want string }{
		{"@SputnikInt", "Sputnik"}, {"sputnikint", "Sputnik"}, {"t.me/rian_ru", "RIA Novosti"},
		{"@KyivIndependent", "The Kyiv Independent"}, {"@nobody_here", ""},
	}
	for _, tt := range handles {
		o, ok := reg.ByHandle(tt.in)
		got := ""
		if ok {
			got = o.Name
		}
		if got != tt.want {
			t.Errorf("ByHandle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	names := []struct{ in, want string }{
		{"Moscow Times", "The Moscow Times"}, {"the new york times", "The New York Times"},
		{"Deutsche Welle", "DW"}, {"Коммерсантъ", "Kommersant"}, {"Nobody Weekly", ""},
	}
	for _, tt := range names {
		o, ok := reg.ByName(tt.in)
		got := ""
		if ok {
			got = o.Name
		}
		if got != tt.want {
			t.Errorf("ByName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	wires := []struct{ in, want string }{
		{"Agence France-Presse", "AFP"}, {"РИА Новости", "RIA Novosti"}, {"The Associated Press", "AP"},
		{"ТАСС", "TASS"}, {"Deutsche Presse-Agentur", "dpa"}, {"Jane Doe", ""},
	}
	for _, tt := range wires {
		if got, _ := reg.Wire(tt.in); got != tt.want {
			t.Errorf("Wire(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Every outlet in the data file carries what an analyst needs: a country,
// an owner and at least one label that names its source.
func TestOutletDataComplete(t *testing.T) {
	reg := DefaultOutlets()
	required := []string{"The Moscow Times", "Sputnik", "RT", "TASS", "RIA Novosti", "Interfax", "Meduza",
		"Novaya Gazeta Europe", "BBC", "BBC Russian", "Reuters", "Associated Press", "AFP", "The Kyiv Independent",
		"Ukrainska Pravda", "Ukrinform", "Censor.net", "News-Front", "Al Jazeera", "MSNBC", "DW", "The Guardian",
		"The New York Times", "Kommersant", "Izvestia"}
	for _, name := range required {
		o, ok := reg.ByName(name)
		if !ok {
			t.Errorf("outlet %q missing", name)
			continue
		}
		if o.Country == "" || o.Owner == "" || len(o.Labels) == 0 || o.Domain == "" {
			t.Errorf("outlet %q incomplete: %+v", name, o)
		}
		for _, l := range o.Labels {
			if l.Label == "" || l.Source == "" {
				t.Errorf("outlet %q: label without a source: %+v", name, l)
			}
		}
	}
	for _, w := range []string{"AFP", "Reuters", "AP", "TASS", "RIA Novosti", "Interfax", "Ukrinform", "UNIAN", "dpa", "EFE", "Xinhua", "PAP"} {
		if got, ok := reg.Wire(w); !ok || got != w {
			t.Errorf("wire %q missing (got %q)", w, got)
		}
	}
}

func TestLoadOutletsMerge(t *testing.T) {
	user := `
outlets:
  - id: sputnik
    name: Sputnik
    domains: [sputnik.example]
    labels: [{label: "my label", source: "my desk"}]
  - id: localpaper
    name: Local Paper
    domains: [localpaper.example]
    handles: [localpaper]
wires:
  - {name: LocalWire, aliases: [LW]}
`
	add, err := LoadOutlets(strings.NewReader(user))
	if err != nil {
		t.Fatal(err)
	}
	reg := DefaultOutlets().Merge(add)
	if o, ok := reg.ByDomain("https://localpaper.example/a"); !ok || o.Name != "Local Paper" {
		t.Errorf("user outlet not found by domain: %+v", o)
	}
	if o, ok := reg.ByDomain("sputnik.example"); !ok || o.Labels[0].Label != "my label" {
		t.Errorf("user entry did not replace the default one: %+v", o)
	}
	if _, ok := reg.ByDomain("sputnikglobe.com"); ok {
		t.Error("replaced outlet still matches its old domain")
	}
	if w, ok := reg.Wire("LW"); !ok || w != "LocalWire" {
		t.Errorf("user wire = %q", w)
	}
	if _, ok := DefaultOutlets().ByDomain("localpaper.example"); ok {
		t.Error("Merge modified the shared default registry")
	}
	for _, bad := range []string{"outlets: [{name: x}]", "outlets: {", "wires: [{aliases: [x]}]"} {
		if _, err := LoadOutlets(strings.NewReader(bad)); err == nil {
			t.Errorf("LoadOutlets(%q) accepted a broken file", bad)
		}
	}
}

func TestFinishOutletAndWires(t *testing.T) {
	tests := []struct {
		name      string
		a         domain.Article
		outlet    string
		wires     []string
		authors   []string
		guessWarn bool
	}{
		{"url wins", domain.Article{URL: "https://www.themoscowtimes.com/x", Authors: []string{"AFP"},
			Blocks: []domain.Block{{Kind: domain.BlockSocial, Text: "— Sputnik (@SputnikInt) November 20, 2025"}}},
			"The Moscow Times", []string{"AFP"}, nil, false},
		{"handle guess", domain.Article{Blocks: []domain.Block{{Kind: domain.BlockSocial, Text: "x pic.twitter.com/a — Sputnik (@SputnikInt) November 20, 2025"}}},
			"Sputnik", nil, nil, true},
		{"wire byline guess", domain.Article{Wires: []string{"Agence France-Presse"}}, "AFP", []string{"AFP"}, nil, true},
		{"people and wire", domain.Article{Authors: []string{"Jane Doe", "Reuters"}}, "", []string{"Reuters"}, []string{"Jane Doe"}, false},
		{"reader's name enriched", domain.Article{Outlet: &domain.Outlet{Name: "Meduza"}}, "Meduza", nil, nil, false},
		{"nothing known", domain.Article{URL: "https://example.com/a"}, "", nil, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.a
			a.SetBody([]domain.Paragraph{{Text: "The council met on Thursday and approved the plan after a long debate."}})
			finish(&a)
			got := ""
			if a.Outlet != nil {
				got = a.Outlet.Name
				if tt.outlet != "" && len(a.Outlet.Labels) == 0 {
					t.Errorf("outlet %s has no labels", got)
				}
			}
			if got != tt.outlet {
				t.Errorf("outlet = %q, want %q", got, tt.outlet)
			}
			if strings.Join(a.Wires, ",") != strings.Join(tt.wires, ",") || strings.Join(a.Authors, ",") != strings.Join(tt.authors, ",") {
				t.Errorf("wires %v authors %v, want %v %v", a.Wires, a.Authors, tt.wires, tt.authors)
			}
			if hasWarning(&a, "outlet_guess") != tt.guessWarn {
				t.Errorf("outlet_guess warning = %v, want %v (%v)", !tt.guessWarn, tt.guessWarn, a.Warnings)
			}
			if a.ID == "" || a.Language != "en" {
				t.Errorf("id %q language %q", a.ID, a.Language)
			}
		})
	}
}

func TestDetectLanguageAndDeclared(t *testing.T) {
	samples := []struct{ text, want string }{
		{"The council said on Thursday that the new line would open in the spring, after months of work on the bridge over the river.", "en"},
		{"Городской совет в четверг утвердил строительство новой линии трамвая, которая свяжет северные районы с вокзалом уже через год.", "ru"},
		{"Міська рада в четвер затвердила будівництво нової лінії трамваю, яка з’єднає північні райони з вокзалом уже за рік.", "uk"},
		{"Der Stadtrat hat am Donnerstag den Bau einer neuen Straßenbahnlinie beschlossen, die die nördlichen Vororte mit dem Bahnhof verbinden soll.", "de"},
		{"Le conseil municipal a approuvé jeudi la construction d'une nouvelle ligne de tramway qui reliera les quartiers nord à la gare.", "fr"},
		{"Rada miasta zatwierdziła w czwartek budowę nowej linii tramwajowej, która połączy północne dzielnice z dworcem głównym.", "pl"},
		// Cyrillic prose with Latin names, a URL and markdown must not read as English.
		{"**S.T.A.L.K.E.R. 2: Heart of Chornobyl** — разработчики GSC Game World [вернулись](https://www.example.com/games/stalker-2-heart-of-chornobyl-review) с продолжением серии, которую ждали много лет.", "ru"},
		{"Kyiv", ""}, // too short to tell is fine; only a wrong confident answer is not
	}
	for _, s := range samples {
		got, conf := DetectLanguage(s.text)
		if s.want != "" && got != s.want {
			t.Errorf("DetectLanguage(%.30q…) = %s (%.2f), want %s", s.text, got, conf, s.want)
		}
		if conf < 0 || conf > 1 {
			t.Errorf("confidence %v out of range", conf)
		}
	}
	// A declared language that disagrees with the text is kept, with a warning.
	a := domain.Article{Language: "de-DE"}
	a.SetBody([]domain.Paragraph{{Text: samples[0].text}})
	setLanguage(&a)
	if a.Language != "de" || !hasWarning(&a, "language_mismatch") {
		t.Errorf("declared de on English text: language %q warnings %v", a.Language, a.Warnings)
	}
	b := domain.Article{Language: "en-GB"}
	b.SetBody([]domain.Paragraph{{Text: samples[0].text}})
	setLanguage(&b)
	if b.Language != "en" || len(b.Warnings) != 0 || b.LanguageConfidence == 0 {
		t.Errorf("declared en on English text: %q %.2f %v", b.Language, b.LanguageConfidence, b.Warnings)
	}
}

// The ID must stay what it always was: a hash of the body folded to lower
// case with white space collapsed.
func TestArticleIDStable(t *testing.T) {
	for _, body := range []string{"", "  Hello   World \n\n Again", "Купянск\tОСВОБОЖДЁН", "İstanbul ǅ \u00a0x", "bad \xff byte", strings.Repeat("word ", 3000)} {
		norm := strings.Join(strings.Fields(strings.ToLower(body)), " ")
		sum := sha256.Sum256([]byte(norm))
		if got, want := articleID(body), hex.EncodeToString(sum[:8]); got != want {
			t.Errorf("articleID(%.20q) = %s, want %s", body, got, want)
		}
	}
	if articleID("Same  story\n\nhere") != articleID("same story here") {
		t.Error("case and white space change the ID")
	}
}
