package claims_test

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/claims"
	"github.com/parallaxnews/parallax/internal/domain"
)

// Denials, on sentences written for this test (words only, no resolver):
// a capture claim someone rejects stays the claimant's (never "captured by"
// the denier), a participle's subject is the speaker, a name after a role
// set off by commas speaks, and no word of a speaker phrase becomes a place.
func TestDenials(t *testing.T) {
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		speaker    string // a word of the voice of the claim checked
		place      string // the control claim's place ("" for none checked)
		side       string
		stance     domain.Stance
		noPlace    string // must be no claim's place
	}{
		{"rejecting X's claim that the town had been captured",
			"Ukrainian troops are still holding positions in Siversk, a brigade spokesman, Taras Bondar, said on Monday, rejecting Moscow's claim that the town had been captured.",
			"Taras Bondar", "Siversk", "RU", domain.StanceDisputed, ""},
		{"role with capitalised words before the name",
			"Fighting goes on in Kostiantynivka, a spokesperson for Ukraine's Eastern Command, Olena Shevchuk, said, dismissing Russian claims that the city had fallen.",
			"Olena Shevchuk", "", "", domain.StanceDisputed, ""},
		{"dismissed Russia's claim that its forces had taken",
			"Kyiv dismissed Russia's claim that its forces had taken Toretsk.",
			"Kyiv", "Toretsk", "RU", domain.StanceDisputed, ""},
		{"denied the claims by the Kremlin",
			"The Ukrainian army denied claims by the Kremlin that Russian units had captured Chasiv Yar.",
			"army", "Chasiv Yar", "RU", domain.StanceDisputed, ""},
		{"participle after a denial",
			"Ukraine's Southern Command denied the report, saying fighting continued near Robotyne.",
			"Southern Command", "", "", domain.StanceDisputed, ""},
		{"source phrase is no place",
			"The General Staff denied that Pokrovsk had fallen, according to a Telegram post.",
			"General Staff", "", "", domain.StanceDisputed, "Telegram"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := oneArticle("", tc.text)
			a.Language = "en"
			an := &domain.Analysis{}
			x.Extract(a, an)
			var c *domain.Claim
			for i := range an.Claims {
				cl := &an.Claims[i]
				if tc.place == "" || cl.Kind == domain.ClaimControl && len(cl.Places) > 0 && cl.Places[0].Name == tc.place {
					c = cl
					break
				}
			}
			if c == nil {
				t.Fatalf("no claim on %q: %+v", tc.place, an.Claims)
			}
			if who := c.Voice.Name + " / " + c.Voice.Description; !strings.Contains(who, tc.speaker) {
				t.Errorf("voice %q, want %q", who, tc.speaker)
			}
			if c.Stance != tc.stance {
				t.Errorf("stance %s %v, want %s", c.Stance, c.Stances, tc.stance)
			}
			if tc.side != "" && (c.Control == nil || c.Control.Side != tc.side) {
				t.Errorf("control %+v, want gained by %s", c.Control, tc.side)
			}
			for _, o := range an.Claims {
				for _, p := range o.Places {
					if tc.noPlace != "" && strings.Contains(p.Name, tc.noPlace) {
						t.Errorf("place %q taken from a speaker phrase (%s)", p.Name, o.Proposition)
					}
				}
			}
		})
	}
}

// A denial whose object points back ("denied this", "это отрицают",
// "спростували цю заяву") disputes the control claim just before, with the
// denier as voice; a denial of something else does not. Invented sentences.
func TestDenialOfClaimBefore(t *testing.T) {
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang   string
		paras  []string
		denier string // "" when no disputed copy may appear
		place  string
	}{
		{"en", []string{"Russia's defence ministry said its forces had captured Velyka Novosilka. Kyiv denied this."}, "Kyiv", "Velyka Novosilka"},
		{"en", []string{"Russia's defence ministry said its forces had captured Velyka Novosilka.", "Ukraine's military rejected the claim."}, "Ukraine", "Velyka Novosilka"},
		{"ru", []string{"Минобороны России сообщило о взятии Торецка. ВСУ это отрицают."}, "ВСУ", "Торецка"},
		{"uk", []string{"Окупанти заявили про захоплення Торецька. Генштаб ЗСУ спростував цю заяву."}, "Генштаб", "Торецька"},
		{"en", []string{"Russia's defence ministry said its forces had captured Velyka Novosilka. Kyiv denied sending troops to Kursk."}, "", "Velyka Novosilka"},
	}
	for _, tc := range tests {
		a := oneArticle("", tc.paras...)
		a.Language = tc.lang
		an := &domain.Analysis{}
		x.Extract(a, an)
		var disputed *domain.Claim
		for i := range an.Claims {
			c := &an.Claims[i]
			if c.Kind == domain.ClaimControl && c.Stance == domain.StanceDisputed {
				disputed = c
			}
		}
		if tc.denier == "" {
			if disputed != nil {
				t.Errorf("%q: a disputed copy %+v from a denial of something else", tc.paras, disputed.Voice)
			}
			continue
		}
		if disputed == nil {
			t.Errorf("%q: no disputed control claim; claims %+v", tc.paras, an.Claims)
			continue
		}
		who := disputed.Voice.Name + " / " + disputed.Voice.Description
		if !strings.Contains(who, tc.denier) || len(disputed.Places) == 0 || disputed.Places[0].Name != tc.place || disputed.Control.Side != "RU" {
			t.Errorf("%q: disputed claim voice %q places %+v control %+v; want %s disputing %s taken by RU", tc.paras, who, disputed.Places, disputed.Control, tc.denier, tc.place)
		}
	}
}

// Clause boundaries between two speakers: a semicolon or "as <Speaker>
// <verb>" divides their reports; neither is the other's intermediary, and
// "that claim" is a noun, not a speaker's verb. Invented sentences.
func TestTwoSpeakersNoVia(t *testing.T) {
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		title, body string
		speaker     string
	}{
		{"", "Russia says it took Krynky; Kyiv says its marines still hold the bank.", "Russia"},
		{"Ukraine's navy says Krynky holds as Moscow claims victory", "", "navy"},
		{"", "In May, Russia's army claimed to have taken the village; that claim proved false.", "army"},
	}
	for _, tc := range tests {
		an := extractOne(x, tc.title, tc.body)
		if len(an.Claims) == 0 {
			t.Errorf("%q: no claim", tc.title+tc.body)
			continue
		}
		c := an.Claims[0]
		if who := c.Voice.Name + " / " + c.Voice.Description; !strings.Contains(who, tc.speaker) || len(c.Voice.Via) > 0 {
			t.Errorf("%q: voice %q via %+v; want %s, no intermediary", tc.title+tc.body, who, c.Voice.Via, tc.speaker)
		}
	}
}

// A verb joined by "and" shares the subject ("Zelensky visited ... and
// praised the work of ..."); a project named in quotation marks names the
// source ("по оценке аналитиков проекта «...»"). Invented sentences.
func TestSubjectsAndNamedSources(t *testing.T) {
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, speaker, notSpeaker string
	}{
		{"Zelensky visited the brigade's positions near Pokrovsk and praised the work of the drone operators.", "Zelensky", "work"},
		{"Шойгу заслушал доклады командиров и поручил штабу ускорить наступление.", "Шойгу", "штабу"},
		{"По оценке аналитиков проекта «Линия фронта», армия продвинулась у Покровска.", "Линия фронта", "аналитиков проекта /"},
		{"За даними аналітиків проєкту «Мапа війни», бої тривають біля Сіверська.", "Мапа війни", ""},
	}
	for _, tc := range tests {
		a := oneArticle("", tc.text)
		an := &domain.Analysis{}
		x.Extract(a, an)
		found := false
		for _, c := range an.Claims {
			who := c.Voice.Name + " / " + c.Voice.Description
			if strings.Contains(who, tc.speaker) {
				found = true
			}
			if tc.notSpeaker != "" && strings.HasPrefix(who, tc.notSpeaker) {
				t.Errorf("%q: speaker %q", tc.text, who)
			}
		}
		if !found {
			var got []string
			for _, c := range an.Claims {
				got = append(got, c.Voice.Name+" / "+c.Voice.Description)
			}
			t.Errorf("%q: no claim by %s; voices %q", tc.text, tc.speaker, got)
		}
	}
}

// A sentence with one control word takes a date it names anywhere, even
// before the speaker ("In October, the ministry claimed to have ...").
func TestDateBeforeSpeaker(t *testing.T) {
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"In October, Russia's defence ministry claimed to have captured Siversk; the claim proved false.", "2024-10"},
		{"On 2 February, Ukraine's army said it had retaken Robotyne.", "2025-02-02"},
	} {
		a := oneArticle("", tc.text)
		an := &domain.Analysis{}
		x.Extract(a, an)
		var got string
		for _, c := range an.Claims {
			if c.Kind == domain.ClaimControl && c.Time != nil {
				got = c.Time.String()
			}
		}
		if got != tc.want {
			t.Errorf("%q: date %q, want %q", tc.text, got, tc.want)
		}
	}
}

// A topic label before a colon or a bar ("Ukraine: ...", "Russia | Ukraine:
// ...") is not the subject of the control word after it. Invented lines.
func TestTopicLabelIsNoSubject(t *testing.T) {
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ title, body, side string }{
		{"", "Ukraine: Toretsk captured, Russia claims.", "RU"},
		{"Russia | Ukraine: Toretsk \"liberated\", Moscow says", "", "RU"},
		{"", "Russia: Ukrainian forces recaptured Robotyne, Kyiv says.", "UA"},
	} {
		an := extractOne(x, tc.title, tc.body)
		var got string
		for _, c := range an.Claims {
			if c.Kind == domain.ClaimControl {
				got = c.Control.Side
			}
		}
		if got != tc.side {
			t.Errorf("%q: side %q, want %q", tc.title+tc.body, got, tc.side)
		}
	}
}
