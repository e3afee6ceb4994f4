package ingest

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

// updateGolden is the package's -update flag (text_test.go uses it too).
var updateGolden = flag.Bool("update", false, "rewrite golden files in testdata/")

// htmlGoldenView is the part of an article a golden file pins down.
type htmlGoldenView struct {
	Title     string         `json:"title"`
	Authors   []string       `json:"authors,omitempty"`
	Published string         `json:"published,omitempty"`
	Updated   string         `json:"updated,omitempty"`
	URL       string         `json:"url,omitempty"`
	Language  string         `json:"language,omitempty"`
	Outlet    string         `json:"outlet,omitempty"`
	Body      []string       `json:"body"`
	Blocks    []domain.Block `json:"blocks,omitempty"`
	Warnings  []string       `json:"warnings,omitempty"`
}

func htmlView(a *domain.Article) htmlGoldenView {
	v := htmlGoldenView{Title: a.Title, Authors: a.Authors, URL: a.URL, Language: a.Language, Blocks: a.Blocks}
	if a.Published != nil {
		v.Published = a.Published.String() + " (" + string(a.Published.Precision) + ")"
	}
	if a.Updated != nil {
		v.Updated = a.Updated.String() + " (" + string(a.Updated.Precision) + ")"
	}
	if a.Outlet != nil {
		v.Outlet = a.Outlet.Name
	}
	for _, p := range a.Body {
		v.Body = append(v.Body, p.Text)
	}
	for _, w := range a.Warnings {
		v.Warnings = append(v.Warnings, w.Code)
	}
	return v
}

// webCheckGolden compares got with testdata/<name>.golden.json (rewritten
// with -update).
func webCheckGolden(t *testing.T, name string, got any) {
	t.Helper()
	data, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, '\n')
	path := filepath.Join("testdata", name+".golden.json")
	if *updateGolden {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != string(data) {
		t.Errorf("%s differs from the golden file; got:\n%s", path, data)
	}
}

func TestReadHTMLFixtures(t *testing.T) {
	tests := []struct {
		file        string
		title       string
		authors     []string
		published   string
		lang        string
		bodyHas     []string
		bodyHasNot  []string
		blockHas    string
		minParas    int
		wantWarning string
	}{
		{
			file:       "jsonld-newsarticle.html",
			title:      "Floodgates opened on the Lower Varta after record rain",
			authors:    []string{"Maren Okafor", "Tomasz Reyes"},
			published:  "2025-03-14T08:30:00+01:00",
			lang:       "en",
			bodyHas:    []string{"Engineers opened all six floodgates", "more than a metre above the previous record", "even moderate showers could cause further flooding"},
			bodyHasNot: []string{"Most read", "All rights reserved", "Cookie settings", "Read also:", "Floodgates opened on the Lower Varta after record rain", "Water pours over the weir"},
			blockHas:   "Water pours over the weir at Halden on Thursday evening.",
			minParas:   5,
		},
		{
			file:       "ru-windows1251.html",
			title:      "В Заречье открыли новый мост через Сожу",
			authors:    []string{"Анна Соколова"},
			published:  "2024-09-05T14:20:00+03:00",
			lang:       "ru",
			bodyHas:    []string{"торжественно открыли новый автомобильный мост", "«Раньше жители левого берега"},
			bodyHasNot: []string{"Главная", "Перепечатка материалов"},
			minParas:   3,
		},
		{
			file:       "es-table-layout.html",
			title:      "Sequía obliga a racionar el agua en tres municipios",
			published:  "2023-07-22",
			bodyHas:    []string{"La falta de lluvias durante los últimos cinco meses", "temporada de vacaciones"},
			bodyHasNot: []string{"Lea también", "Todos los derechos reservados"},
			blockHas:   "Lea también: Agricultores piden ayuda por pérdidas en cosechas de maíz",
			minParas:   3,
		},
		{
			file:      "broken-truncated.html",
			title:     "Port strike enters its second week",
			published: "2022-11-02",
			bodyHas:   []string{"Dock workers at the port of Kelso", "return to the table"},
			minParas:  3,
		},
		{
			// Held out: written before the reader was run on it, never tuned on.
			file:       "heldout-de-microdata.html",
			title:      "Stadtrat beschließt autofreie Altstadt ab 2026",
			published:  "2025-06-18T17:45:00+02:00",
			lang:       "de",
			bodyHas:    []string{"Nach monatelanger Debatte hat der Stadtrat", "Bürgerbegehren starten"},
			bodyHasNot: []string{"Wir verwenden Cookies", "Impressum", "Mehr zum Thema"},
			minParas:   3,
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "html", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			a, err := readHTML(tc.file, data, "")
			if err != nil {
				t.Fatalf("readHTML: %v", err)
			}
			if a.Title != tc.title {
				t.Errorf("title = %q, want %q", a.Title, tc.title)
			}
			if tc.authors != nil && strings.Join(a.Authors, "|") != strings.Join(tc.authors, "|") {
				t.Errorf("authors = %q, want %q", a.Authors, tc.authors)
			}
			if got := ""; a.Published != nil {
				got = a.Published.String()
				if got != tc.published {
					t.Errorf("published = %s, want %s", got, tc.published)
				}
			} else if tc.published != "" {
				t.Errorf("no published date, want %s", tc.published)
			}
			if tc.lang != "" && a.Language != tc.lang {
				t.Errorf("language = %q, want %q", a.Language, tc.lang)
			}
			text := a.Text()
			for _, s := range tc.bodyHas {
				if !strings.Contains(text, s) {
					t.Errorf("body lacks %q", s)
				}
			}
			for _, s := range tc.bodyHasNot {
				if strings.Contains(text, s) {
					t.Errorf("body has %q", s)
				}
			}
			if len(a.Body) < tc.minParas {
				t.Errorf("%d paragraphs, want at least %d", len(a.Body), tc.minParas)
			}
			for i, p := range a.Body {
				if p.SourceOffset != -1 {
					t.Errorf("paragraph %d SourceOffset = %d, want -1", i, p.SourceOffset)
				}
				if text[p.Offset:p.Offset+len(p.Text)] != p.Text {
					t.Errorf("paragraph %d offset %d does not point at its text", i, p.Offset)
				}
			}
			if tc.blockHas != "" {
				found := false
				for _, b := range a.Blocks {
					found = found || b.Text == tc.blockHas
				}
				if !found {
					t.Errorf("no block %q in %+v", tc.blockHas, a.Blocks)
				}
			}
			webCheckGolden(t, "html/"+strings.TrimSuffix(tc.file, ".html"), htmlView(a))
		})
	}
}
