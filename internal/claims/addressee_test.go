package claims_test

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/claims"
	"github.com/parallaxnews/parallax/internal/domain"
)

// The outlet a Russian or Ukrainian speaker told stands in the dative after
// the verb; the speaker is the phrase after it. And "X denied that P" gives
// P, disputed, with X as voice. Invented sentences; the ones marked held
// out were written after the rules and not tuned on.
func TestAddresseeAndDenial(t *testing.T) {
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, text string
		speaker    string // in the voice's name or description
		notSpeaker string // must not be in the voice
		stance     domain.Stance
		content    string // in the claim's text ("" unchecked)
		notContent string
	}{
		{"ru", "«Запасов хватит до весны», — заявил РИА Новости Кравцов.", "Кравцов", "РИА", domain.StanceQuoted, "Запасов", ""},
		{"ru", "Переговоры не ведутся, сообщил ТАСС пресс-секретарь президента Иван Орлов.", "Орлов", "ТАСС", domain.StanceAttributed, "Переговоры", ""},
		{"ru", "Мост восстановят к лету, рассказал Интерфаксу губернатор Петр Сомов.", "Сомов", "Интерфакс", domain.StanceAttributed, "Мост", ""},
		{"uk", "Ворог зосередив резерви біля Покровська, повідомив Укрінформу речник угруповання Віктор Марченко.", "Марченко", "Укрінформ", domain.StanceAttributed, "резерви", ""},
		{"en", "Ukraine's General Staff denied that Kupiansk had fallen, saying fighting continued in the north of the city.", "General Staff", "", domain.StanceDisputed, "Kupiansk had fallen", "saying"},
		{"ru", "Генштаб ВСУ отверг информацию о том, что Купянск перешел под контроль России.", "Генштаб", "", domain.StanceDisputed, "Купянск", "отверг"},
		{"uk", "Генштаб ЗСУ спростував, що Куп'янськ захоплено.", "Генштаб", "", domain.StanceDisputed, "Куп'янськ", "спростував"},
		// held out
		{"ru", "Удары по энергосистеме продолжатся, сказал РИА Новости военный эксперт Олег Павлов.", "Павлов", "РИА", domain.StanceAttributed, "Удары", ""},
		{"uk", "Евакуацію з міста завершено, розповів Укрінформу начальник ОВА Сергій Лисенко.", "Лисенко", "Укрінформ", domain.StanceAttributed, "Евакуацію", ""},
		{"ru", "Сделка сорвалась, заявил журналистам министр финансов Антон Белов.", "Белов", "журналистам", domain.StanceAttributed, "Сделка", ""},
		{"ru", "Поставки продолжаются, сообщает ТАСС со ссылкой на источник в отрасли.", "", "", "", "Поставки", ""},
		{"en", "The regional governor denied that the dam had been breached, adding that water levels were stable.", "governor", "", domain.StanceDisputed, "dam had been breached", "adding"},
		{"ru", "Минобороны отвергло информацию о том, что войска отступили от Часова Яра.", "Минобороны", "", domain.StanceDisputed, "отступили", "отвергло"},
		{"uk", "Командування спростувало, що бригаду оточено під Торецьком.", "Командування", "", domain.StanceDisputed, "оточено", "спростувало"},
	}
	for _, tc := range tests {
		a := oneArticle("", tc.text)
		a.Language = tc.lang
		an := &domain.Analysis{}
		x.Extract(a, an)
		if len(an.Claims) == 0 {
			t.Errorf("%q: no claim", tc.text)
			continue
		}
		c := an.Claims[0]
		who := c.Voice.Name + " / " + c.Voice.Description
		if tc.speaker != "" && !strings.Contains(who, tc.speaker) {
			t.Errorf("%q: voice %q, want %q", tc.text, who, tc.speaker)
		}
		if tc.notSpeaker != "" && strings.Contains(who, tc.notSpeaker) {
			t.Errorf("%q: voice %q holds the addressee %q", tc.text, who, tc.notSpeaker)
		}
		if tc.speaker == "" && !strings.Contains(who, "ТАСС") && c.Voice.Kind != domain.VoiceOutlet {
			t.Errorf("%q: voice %q, want the agency itself", tc.text, who)
		}
		if tc.stance != "" && c.Stance != tc.stance {
			t.Errorf("%q: stance %s %v, want %s", tc.text, c.Stance, c.Stances, tc.stance)
		}
		if tc.content != "" && !strings.Contains(c.Text, tc.content) {
			t.Errorf("%q: text %q, want it to hold %q", tc.text, c.Text, tc.content)
		}
		if tc.notContent != "" && strings.Contains(c.Text, tc.notContent) {
			t.Errorf("%q: text %q holds %q", tc.text, c.Text, tc.notContent)
		}
	}
}

// "Об этом ТАСС сообщил X": the pointer split by an addressee credits the
// sentence before to X, not to the agency.
func TestPointerAroundAddressee(t *testing.T) {
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ lang, text, speaker, not string }{
		{"ru", "Российские войска вошли в Купянск. Об этом РИА Новости сообщил глава администрации Андрей Ветров.", "Ветров", "РИА"},
		{"ru", "Российские войска вошли в Купянск. Об этом ТАСС рассказал советник губернатора Илья Гусев.", "Гусев", "ТАСС"}, // held out
	} {
		a := oneArticle("", tc.text)
		a.Language = tc.lang
		an := &domain.Analysis{}
		x.Extract(a, an)
		if len(an.Claims) == 0 {
			t.Fatalf("%q: no claim", tc.text)
		}
		who := an.Claims[0].Voice.Name + " / " + an.Claims[0].Voice.Description
		if !strings.Contains(who, tc.speaker) || strings.Contains(who, tc.not) {
			t.Errorf("%q: voice %q, want %q", tc.text, who, tc.speaker)
		}
	}
}
