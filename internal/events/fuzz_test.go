package events

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/internal/domain"
)

// FuzzAdd feeds arbitrary titles and bodies (binary, broken UTF-8, huge
// words) through tokenising, MinHash and Add: nothing may panic, and an
// article is always placed in an event that lists it.
func FuzzAdd(f *testing.F) {
	for _, s := range []string{"", "Kupiansk", "Купянск взят", "\xff\xfe\x00bin", "https://t.co/x ** __ ❗️", strings.Repeat("a", 5000), "Korea's U.S. 20.11.2025 Куп'янськ"} {
		f.Add(s, s+" body. Second Sentence")
	}
	f.Fuzz(func(t *testing.T, title, body string) {
		ix := NewIndex()
		for i := 0; i < 2; i++ {
			a := &domain.Article{ID: title + string(rune('a'+i)), Title: title,
				Published: &domain.Timestamp{Time: time.Unix(1700000000, 0), Precision: domain.PrecisionMinute}}
			a.SetBody([]domain.Paragraph{{Text: body}, {Text: body}})
			id, _ := ix.Add(a, nil)
			ev, ok := ix.Event(id)
			if !ok || !containsStr(ev.Articles, a.ID) {
				t.Fatalf("article %q not listed in its event %q", a.ID, id)
			}
			if !utf8.ValidString(ev.Title) && utf8.ValidString(title) && utf8.ValidString(body) {
				t.Fatalf("title %q is not valid UTF-8", ev.Title)
			}
		}
		_ = FoldName(title)
	})
}

// FuzzLoadWeights: the weights parser rejects bad lines with an error.
func FuzzLoadWeights(f *testing.F) {
	f.Add(weightData)
	f.Add("kind:person\t2")
	f.Add("pseudo\tx\n")
	f.Fuzz(func(t *testing.T, data string) {
		w, err := loadWeights(data)
		if err == nil && w == nil {
			t.Fatal("nil weights without error")
		}
	})
}

func TestLoadDataErrors(t *testing.T) {
	tests := []struct {
		name, translit, weights string
	}{
		{"translit without tab", "ab", ""},
		{"translit two letters", "аб\tab", ""},
		{"weight out of range", "", "kind:person\t1.5"},
		{"weight unknown key", "", "colour:red\t0.5"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.translit != "" {
				_, err = loadFolding(tc.translit, "")
			} else {
				_, err = loadWeights(tc.weights)
			}
			if err == nil {
				t.Error("bad data accepted")
			}
		})
	}
}

func TestFoldAndStem(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Kupiansk", "Купянск"},
		{"Kupyansk", "Kupiansk"},
		{"Куп'янськ", "Купянськ"},
		{"Kurakhove", "Курахово"},
		{"Odessa", "Odesa"},
		{"Грузия", "Грузии"},
		{"Korea's", "Korea"},
		{"Синєгубов", "Syniehubov"},
		{"Харків", "Kharkiv"},
		{"Харьков", "Kharkov"},
	}
	for _, tc := range tests {
		if fa, fb := FoldName(tc.a), FoldName(tc.b); fa != fb || fa == "" {
			t.Errorf("FoldName(%q) = %q, FoldName(%q) = %q; want equal", tc.a, fa, tc.b, fb)
		}
	}
	apart := []struct{ a, b string }{{"Kharkiv", "Kherson"}, {"Pokrovsk", "Kupiansk"}, {"Тбилиси", "Батуми"}}
	for _, tc := range apart {
		if FoldName(tc.a) == FoldName(tc.b) {
			t.Errorf("%q and %q fold alike (%q)", tc.a, tc.b, FoldName(tc.a))
		}
	}
}

func TestTokenizeDropsNoise(t *testing.T) {
	toks := tokenize("Read us at https://bbc.in/4g96wyS and www.example.com: the THE of.", nil)
	for _, tk := range toks {
		if strings.Contains(tk.stem, "bbc") || strings.Contains(tk.stem, "exampl") || tk.stem == "the" {
			t.Errorf("token %q should have been dropped", tk.stem)
		}
	}
}
