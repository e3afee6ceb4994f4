package gazetteer

import (
	"testing"
)

// Spellings of one name under different systems meet on one skeleton;
// different names do not.
func TestSkeleton(t *testing.T) {
	same := [][]string{
		{"Kupiansk", "Kupyansk", "Kup'yans'k", "Kup’jans’k", "Куп'янськ", "Куп’янськ", "Купʼянськ", "Купянск", "KUPIANSK", "Kup'ânsʹk"},
		{"Zaporizhzhia", "Zaporizhzhya", "Запоріжжя", "Zaporìžžâ"},
		{"Zaporozhye", "Zaporozh'ye", "Запорожье"},
		{"Kharkiv", "Харків", "Harkìv", "Kharkiw"},
		{"Kharkov", "Харьков", "Khar'kov"},
		{"Mykolaiv", "Mykolayiv", "Миколаїв", "Mikolaïv"},
		{"Nikolaev", "Nikolayev", "Николаев"},
		{"Shchastia", "Shchastya", "Щастя", "Ŝastâ"},
		{"Kostiantynivka", "Kostyantynivka", "Костянтинівка", "Kostjantyniwka"},
		{"Yenakiieve", "Єнакієве", "Enakiieve"},
	}
	for _, group := range same {
		want := Skeleton(group[0])
		for _, s := range group[1:] {
			if got := Skeleton(s); got != want {
				t.Errorf("Skeleton(%q) = %q, want %q as for %q", s, got, want, group[0])
			}
		}
	}
	differ := [][2]string{
		{"Kupiansk", "Kupiansk-Vuzlovyi"}, {"Pokrovsk", "Pokrovske"}, {"Mykolaiv", "Mykolaivka"},
		{"Kharkiv", "Kherson"}, {"Chernihiv", "Chernivtsi"}, {"Lyman", "Lymany"},
	}
	for _, d := range differ {
		if Skeleton(d[0]) == Skeleton(d[1]) {
			t.Errorf("Skeleton(%q) = Skeleton(%q) = %q", d[0], d[1], Skeleton(d[0]))
		}
	}
	for _, s := range []string{"", "   ", "'’", "\xff\xfe", "日本"} {
		_ = Skeleton(s) // must not panic
	}
}

// KMU 2010 is the display romanisation: the examples of the resolution
// itself and the founding example's official names.
func TestTransliterateKMU(t *testing.T) {
	tests := map[string]string{
		"Куп’янськ":        "Kupiansk",
		"Вовчанськ":        "Vovchansk",
		"Костянтинівка":    "Kostiantynivka",
		"Запоріжжя":        "Zaporizhzhia",
		"Згурівка":         "Zghurivka",
		"Розгон":           "Rozghon",
		"Єнакієве":         "Yenakiieve",
		"Гаївка":           "Haivka",
		"Їжакевич":         "Yizhakevych",
		"Йосипівка":        "Yosypivka",
		"Стрий":            "Stryi",
		"Олексій":          "Oleksii",
		"Юрій":             "Yurii",
		"Корюківка":        "Koriukivka",
		"Яготин":           "Yahotyn",
		"Костянтин":        "Kostiantyn",
		"Знам’янка":        "Znamianka",
		"Феодосія":         "Feodosiia",
		"Щербухи":          "Shcherbukhy",
		"Гоща":             "Hoshcha",
		"Біла Церква":      "Bila Tserkva",
		"Івано-Франківськ": "Ivano-Frankivsk",
		"Ґалаґан":          "Galagan",
		"ЖИТОМИР":          "ZHYTOMYR",
		"Київ":             "Kyiv",
		"Харків":           "Kharkiv",
		"Берестин":         "Berestyn",
	}
	for in, want := range tests {
		if got := Transliterate(in, KMU2010); got != want {
			t.Errorf("KMU(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTransliterateOthers(t *testing.T) {
	tests := []struct {
		in   string
		sys  System
		want string
	}{
		{"Купянск", BGNPCGN, "Kupyansk"},
		{"Запорожье", BGNPCGN, "Zaporozh'ye"},
		{"Енакиево", BGNPCGN, "Yenakiyevo"},
		{"Артёмовск", BGNPCGN, "Artëmovsk"},
		{"Щёкино", BGNPCGN, "Shchëkino"},
		{"Харків", ISO9, "Harkìv"},
		{"Запоріжжя", ISO9, "Zaporìžžâ"},
		{"Київ", ISO9, "Kiïv"},
	}
	for _, tt := range tests {
		if got := Transliterate(tt.in, tt.sys); got != tt.want {
			t.Errorf("Transliterate(%q, %d) = %q, want %q", tt.in, tt.sys, got, tt.want)
		}
	}
}

// Every Ukrainian place of the default with a Cyrillic name is found again
// from that name romanised under each system: the skeleton must absorb the
// systems' differences. The recall is logged and must stay high.
func TestSystemsRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("walks every Ukrainian place")
	}
	g := mustDefault(t)
	systems := map[string]System{"KMU2010": KMU2010, "BGN/PCGN": BGNPCGN, "ISO9": ISO9}
	for name, sys := range systems {
		total, found := 0, 0
		g.Places(func(p *Place) bool {
			if p.Country != "UA" || p.FeatureCode == "ADM1" {
				return true
			}
			for _, n := range p.Names {
				if !isCyrillic(n) {
					continue
				}
				total++
				for _, m := range g.Lookup(Transliterate(n, sys)) {
					if m.Place == p {
						found++
						break
					}
				}
			}
			return true
		})
		rate := float64(found) / float64(total)
		t.Logf("%s: %d/%d Cyrillic names of Ukrainian places found from their romanisation (%.1f%%)", name, found, total, 100*rate)
		if rate < 0.95 {
			t.Errorf("%s round trip %.1f%%, want ≥95%%", name, 100*rate)
		}
	}
}
