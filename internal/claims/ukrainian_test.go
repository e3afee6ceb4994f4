package claims_test

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/claims"
	"github.com/parallaxnews/parallax/internal/domain"
)

// Ukrainian attribution on sentences written for this test: "«…», — заявив
// X" is a quote by X, a present-tense denial by the subject disputes,
// "за оцінкою X" names X as the source. The same word in Russian text
// ("заявив, что") stays a participle whose speaker is the subject.
func TestUkrainianAttribution(t *testing.T) {
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, text string
		speaker    string // a word of the voice's name or description
		stance     domain.Stance
		kind       domain.ClaimKind
		side       string
		share      float64
	}{
		{"uk", "«Ми тримаємо позиції на околицях міста, ворог несе втрати», — заявив командир батальйону Олег Коваль.", "Олег Коваль", domain.StanceQuoted, "", "", 0},
		{"", "«Ситуація на напрямку складна, але контрольована», — повідомив речник Повітряних сил Юрій Ігнат.", "Юрій Ігнат", domain.StanceQuoted, "", "", 0},
		{"uk", "Сили оборони спростовують заяви Росії про захоплення Торецька.", "Сили оборони", domain.StanceDisputed, domain.ClaimControl, "RU", 0},
		{"uk", "Генштаб ЗСУ заперечує заяви окупантів про взяття Часового Яру.", "Генштаб", domain.StanceDisputed, domain.ClaimControl, "RU", 0},
		{"uk", "За оцінкою аналітиків проєкту Black Bird Group, російські війська контролюють близько 60% Торецька.", "Black Bird Group", domain.StanceAttributed, domain.ClaimControl, "RU", 0.6},
		{"uk", "За даними Генштабу, за добу ворог втратив понад 1200 військових.", "Генштабу", domain.StanceAttributed, "", "", 0},
		{"uk", "За словами мера Івана Федорова, під час обстрілу постраждали троє людей.", "Івана Федорова", domain.StanceAttributed, "", "", 0},
		// Russian: "заявив" is a participle; the speaker is the subject
		{"ru", "Андрей Белоусов посетил Курск, заявив, что ситуация на границе стабильна.", "Андрей Белоусов", domain.StanceAttributed, "", "", 0},
	}
	for _, tc := range tests {
		a := oneArticle("", tc.text)
		a.Language = tc.lang
		an := &domain.Analysis{}
		x.Extract(a, an)
		var c *domain.Claim
		for i := range an.Claims {
			if an.Claims[i].Voice.Kind != domain.VoiceOutlet {
				c = &an.Claims[i]
				break
			}
		}
		if c == nil {
			t.Errorf("%q: no attributed claim in %d", tc.text, len(an.Claims))
			continue
		}
		who := c.Voice.Name + " / " + c.Voice.Description
		if !strings.Contains(who, tc.speaker) || c.Stance != tc.stance {
			t.Errorf("%q: voice %q stance %s; want %q, %s", tc.text, who, c.Stance, tc.speaker, tc.stance)
		}
		if tc.kind != "" && c.Kind != tc.kind {
			t.Errorf("%q: kind %s, want %s", tc.text, c.Kind, tc.kind)
		}
		if tc.side != "" && (c.Control == nil || c.Control.Side != tc.side || c.Control.Share != tc.share) {
			t.Errorf("%q: control %+v, want side %s share %g", tc.text, c.Control, tc.side, tc.share)
		}
	}
}

// The form-to-class choice is by the article's language, and a text with no
// language tag is told apart by letters only one language has.
func TestUkrainianCueInRussianText(t *testing.T) {
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	a := oneArticle("", "Глава МИД Сергей Лавров отверг предложение, заявив, что оно неприемлемо для Москвы.")
	an := &domain.Analysis{}
	x.Extract(a, an)
	for _, c := range an.Claims {
		if c.Voice.Kind != domain.VoiceOutlet && !strings.Contains(c.Voice.Name+c.Voice.Description, "Лавров") {
			t.Errorf("voice %+v, want Lavrov (the sentence's subject)", c.Voice)
		}
	}
}
