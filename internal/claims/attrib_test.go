package claims_test

import (
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/claims"
	"github.com/parallaxnews/parallax/internal/domain"
)

// oneArticle builds an article of a title and paragraphs, published on
// 2025-03-13 (a Thursday).
func oneArticle(title string, paras ...string) *domain.Article {
	a := &domain.Article{ID: "t", Title: title, Published: &domain.Timestamp{Time: time.Date(2025, 3, 13, 9, 0, 0, 0, time.UTC), Precision: domain.PrecisionMinute}}
	var ps []domain.Paragraph
	for _, p := range paras {
		ps = append(ps, domain.Paragraph{Text: p, SourceOffset: -1})
	}
	a.SetBody(ps)
	return a
}

// extractOne analyses a one-line report: the title when body is empty,
// else a body of that one paragraph.
func extractOne(x *claims.Extractor, title, body string) *domain.Analysis {
	a := oneArticle(title)
	if body != "" {
		a = oneArticle("", body)
	}
	an := &domain.Analysis{}
	x.Extract(a, an)
	return an
}

// TestAttribution checks voice, stance and content on sentences written
// for this test, one construction each.
func TestAttribution(t *testing.T) {
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		text      string
		voiceKind string
		speaker   string // in Voice.Name or Voice.Description
		stance    domain.Stance
		content   string // in the claimed span
		notIn     string // must not be in the claimed span
		via       string // first intermediary's name or description
	}{
		{"said that", "The regional governor said that three villages had been evacuated.", domain.VoiceUnresolved, "regional governor", domain.StanceAttributed, "three villages", "governor", ""},
		{"content first", "Two power stations were damaged overnight, the energy ministry said on Wednesday.", domain.VoiceUnresolved, "energy ministry", domain.StanceAttributed, "power stations", "ministry", ""},
		{"quote first", `"We are holding the line," Colonel Petrenko told reporters.`, domain.VoiceUnresolved, "Petrenko", domain.StanceQuoted, "holding the line", "Petrenko", ""},
		{"appositive with age", "Anna Kovalenko, 34, a nurse from Sumy, said the hospital had no power.", domain.VoiceUnresolved, "Anna Kovalenko", domain.StanceAttributed, "hospital had no power", "Kovalenko", ""},
		{"relative clause role", "Oleg Marchenko, who heads the local council, says the bridge is gone.", domain.VoiceUnresolved, "Oleg Marchenko", domain.StanceHedged, "bridge is gone", "Marchenko", ""},
		{"subject when the phrase after is a clause", "Mayor Dubov toured the site, then said he would rebuild every house on the street by spring.", domain.VoiceUnresolved, "Mayor Dubov", domain.StanceAttributed, "rebuild", "", ""},
		{"inverted speaker", `"Nothing is agreed yet," said Foreign Minister Ana Lind.`, domain.VoiceUnresolved, "Ana Lind", domain.StanceQuoted, "Nothing is agreed", "", ""},
		{"according to", "According to the city council, the bridge was destroyed on Tuesday.", domain.VoiceUnresolved, "city council", domain.StanceAttributed, "bridge was destroyed", "council", ""},
		{"according to at the end", "The dam was hit by two missiles, according to local officials.", domain.VoiceUnresolved, "local officials", domain.StanceAttributed, "dam was hit", "", ""},
		{"claimed hedges", "The defence ministry claimed its troops had seized a bridgehead.", domain.VoiceUnresolved, "defence ministry", domain.StanceHedged, "seized a bridgehead", "", ""},
		{"reportedly", "Enemy units have reportedly withdrawn from the island.", domain.VoiceOutlet, "", domain.StanceHedged, "withdrawn", "", ""},
		{"denied", "The army denied that the airfield had been struck.", domain.VoiceUnresolved, "army", domain.StanceDisputed, "airfield", "", ""},
		{"anonymous", "A senior European diplomat who spoke to AFP said the talks had stalled.", domain.VoiceAnonymous, "senior European diplomat", domain.StanceAttributed, "talks had stalled", "", "AFP"},
		{"anonymous sources", "Three people familiar with the plan said it would be announced next week.", domain.VoiceAnonymous, "familiar with the plan", domain.StanceAttributed, "announced", "", ""},
		{"nested", "Minister Olsen said the convoy had reached the city, the NTB agency reported.", domain.VoiceUnresolved, "Olsen", domain.StanceAttributed, "convoy had reached", "NTB agency", "NTB agency"},
		{"outlet voice", "The railway line was cut in two places.", domain.VoiceOutlet, "", domain.StanceAsserted, "railway line", "", ""},
		{"ru заявил", "Губернатор области Иван Петров заявил, что обстрел продолжался всю ночь.", domain.VoiceUnresolved, "Иван Петров", domain.StanceAttributed, "обстрел продолжался", "Петров", ""},
		{"ru по словам", "По словам мэра, в городе повреждены две школы.", domain.VoiceUnresolved, "мэра", domain.StanceAttributed, "повреждены две школы", "", ""},
		{"ru inverted", "В результате атаки пострадали три человека, сообщил глава района.", domain.VoiceUnresolved, "глава района", domain.StanceAttributed, "пострадали три человека", "глава", ""},
		{"ru якобы", "Противник якобы занял окраины поселка.", domain.VoiceOutlet, "", domain.StanceHedged, "окраины", "", ""},
		{"ru опроверг", "Штаб обороны опроверг сообщения о прорыве фронта.", domain.VoiceUnresolved, "Штаб обороны", domain.StanceDisputed, "прорыве", "", ""},
		{"uk за словами", "За словами речника, ворог відступив від річки.", domain.VoiceUnresolved, "речника", domain.StanceAttributed, "ворог відступив", "", ""},
		{"dash sign-off", "Байден помиловал своего сына, но обещал этого не делать, — CNN.", domain.VoiceUnresolved, "CNN", domain.StanceAttributed, "помиловал", "CNN", ""},
		{"topic after verb", "Пожарные потушили пламя и сообщили о полной ликвидации огня.", domain.VoiceOutlet, "", domain.StanceAttributed, "Пожарные", "", ""},
		{"guillemets quote", "«Мы не отступим», — сказал командир батальона.", domain.VoiceUnresolved, "командир батальона", domain.StanceQuoted, "Мы не отступим", "", ""},
		{"scare quotes", `Troops completed the "liberation" of the village on Monday.`, domain.VoiceOutlet, "", domain.StanceHedged, "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := oneArticle("", tc.text)
			an := &domain.Analysis{}
			x.Extract(a, an)
			if len(an.Claims) == 0 {
				t.Fatalf("no claim in %q", tc.text)
			}
			c := an.Claims[0]
			if c.Voice.Kind != tc.voiceKind {
				t.Errorf("voice kind %q, want %q (voice %+v)", c.Voice.Kind, tc.voiceKind, c.Voice)
			}
			if tc.speaker != "" && !strings.Contains(c.Voice.Name+" | "+c.Voice.Description, tc.speaker) {
				t.Errorf("speaker %+v, want %q", c.Voice, tc.speaker)
			}
			if c.Stance != tc.stance {
				t.Errorf("stance %s %v, want %s (cues %q)", c.Stance, c.Stances, tc.stance, c.Cues)
			}
			if !strings.Contains(c.Text, tc.content) {
				t.Errorf("content %q, want it to hold %q", c.Text, tc.content)
			}
			if tc.notIn != "" && strings.Contains(c.Text, tc.notIn) {
				t.Errorf("content %q should not hold %q", c.Text, tc.notIn)
			}
			if tc.via != "" && (len(c.Voice.Via) == 0 || !strings.Contains(c.Voice.Via[0].Name+c.Voice.Via[0].Description, tc.via)) {
				t.Errorf("via %+v, want %q", c.Voice.Via, tc.via)
			}
			if got := a.Text()[c.SpanStart:c.SpanEnd]; got != c.Text {
				t.Errorf("span [%d,%d) is %q, Text is %q", c.SpanStart, c.SpanEnd, got, c.Text)
			}
		})
	}
}

// TestStanceAcrossSentences: a verification disclaimer hedges the claims
// before it; a pointer sentence attributes the one before it; a quote with
// no verb continues the last speaker.
func TestStanceAcrossSentences(t *testing.T) {
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	a := oneArticle("",
		"Troops destroyed a fuel depot near the border. The claim could not be independently verified.",
		"Подразделения заняли высоту. Об этом сообщили в штабе группировки.",
		`General Marek Nowak said the offensive had stalled. "The weather is against us. We will wait," he added.`,
		`"Nobody expected the thaw so early."`,
	)
	an := &domain.Analysis{}
	x.Extract(a, an)
	find := func(sub string) *domain.Claim {
		for i := range an.Claims {
			if strings.Contains(an.Claims[i].Sentence, sub) {
				return &an.Claims[i]
			}
		}
		t.Fatalf("no claim for %q", sub)
		return nil
	}
	if c := find("fuel depot"); c.Stance != domain.StanceHedged {
		t.Errorf("disclaimer: stance %s, want hedged", c.Stance)
	}
	for _, c := range an.Claims {
		if strings.Contains(c.Sentence, "could not be") || strings.Contains(c.Sentence, "Об этом") {
			t.Errorf("a sentence about the report became a claim: %q", c.Sentence)
		}
	}
	if c := find("заняли высоту"); c.Voice.Kind == domain.VoiceOutlet || !strings.Contains(c.Voice.Name+c.Voice.Description, "штабе") || c.Stance != domain.StanceAttributed {
		t.Errorf("pointer: voice %+v stance %s, want the staff, attributed", c.Voice, c.Stance)
	}
	if c := find("weather is against us"); !strings.Contains(c.Voice.Name, "Marek Nowak") || c.Stance != domain.StanceQuoted {
		t.Errorf("pronoun: voice %+v stance %s, want Marek Nowak, quoted", c.Voice, c.Stance)
	}
	if c := find("Nobody expected"); !strings.Contains(c.Voice.Name, "Marek Nowak") || c.Stance != domain.StanceQuoted {
		t.Errorf("continued quote: voice %+v stance %s, want Marek Nowak, quoted", c.Voice, c.Stance)
	}
}

// TestControlClaims checks control status, side, shares and the
// proposition key on sentences written for this test (no resolver: places
// are named by their words).
func TestControlClaims(t *testing.T) {
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, status, side, key string
		share                   float64
		settlements             int
	}{
		{"Russian troops have captured the village of Tonenke, the ministry said.", "captured", "RU", "control|name:tonenke|captured|RU", 0, 0},
		{"Ukrainian forces liberated the town of Kupiansk-Vuzlovyi.", "liberated", "UA", "control|name:kupiansk-vuzlovyi|captured|UA", 0, 0},
		{"Российские военные освободили Торецк.", "liberated", "RU", "control|name:торецк|captured|RU", 0, 0},
		{"Moscow's forces now control about 60% of Chasiv Yar.", "captured", "RU", "control|name:chasiv yar|captured|RU|part", 0.6, 0},
		{"Ukraine lost control of Krasnohorivka in September.", "lost", "RU", "control|name:krasnohorivka|lost|RU", 0, 0},
		{"Russian units have encircled Ukrainian troops near Myrnohrad.", "encircled", "RU", "control|name:myrnohrad|encircled|RU", 0, 0},
		{"Сили оборони звільнили село Андріївка на Донеччині.", "liberated", "UA", "control|name:андріївка+name:донеччині|captured|UA", 0, 0},
		{"Over half of Toretsk is now under Russian control, the analysts said.", "captured", "RU", "control|name:toretsk|captured|RU|part", 0.5, 0},
		{"Ukrainian troops repelled 12 assaults near Siversk.", "repelled", "UA", "control|name:siversk|repelled|UA", 0, 0},
	}
	for _, tc := range tests {
		a := oneArticle("", tc.text)
		an := &domain.Analysis{}
		x.Extract(a, an)
		var c *domain.Claim
		for i := range an.Claims {
			if an.Claims[i].Kind == domain.ClaimControl {
				c = &an.Claims[i]
				break
			}
		}
		if c == nil {
			t.Errorf("%q: no control claim (%d claims)", tc.text, len(an.Claims))
			continue
		}
		if key := foldKey(tc.key); c.Control.Status != tc.status || c.Control.Side != tc.side || c.Proposition != key || c.Control.Share != tc.share {
			t.Errorf("%q: got %s by %s share %g key %s; want %s by %s share %g key %s", tc.text, c.Control.Status, c.Control.Side, c.Control.Share, c.Proposition, tc.status, tc.side, tc.share, key)
		}
	}
}

// foldKey writes a key's unresolved names ("name:Торецк") the way keys
// carry them: folded (claims.FoldName).
func foldKey(key string) string {
	segs := strings.Split(key, "|")
	for i, seg := range segs {
		parts := strings.Split(seg, "+")
		for j, p := range parts {
			if n, ok := strings.CutPrefix(p, "name:"); ok {
				parts[j] = "name:" + claims.FoldName(n)
			}
		}
		segs[i] = strings.Join(parts, "+")
	}
	return strings.Join(segs, "|")
}

// TestExtractBlocks: a related-article teaser that reports doubt gives a
// disputed claim, located in its block, and never enters the story's claims.
func TestExtractBlocks(t *testing.T) {
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	a := oneArticle("Army says it holds the bridge", "The army said on Thursday it held the bridge.")
	a.Blocks = []domain.Block{
		{Kind: domain.BlockCaption, Text: "A soldier near the bridge."},
		{Kind: domain.BlockRelated, Text: "Army Says It Took the Bridge. Analysts Doubt It."},
	}
	cs := x.ExtractBlocks(a)
	disputed := false
	for _, c := range cs {
		if c.Field != "block:1" || a.Blocks[1].Text[c.SpanStart:c.SpanEnd] != c.Text {
			t.Errorf("claim not located in its block: %+v", c)
		}
		if c.Stance == domain.StanceDisputed {
			disputed = true
		}
	}
	if !disputed {
		t.Errorf("no disputed claim from the teaser: %+v", cs)
	}
	an := &domain.Analysis{}
	x.Extract(a, an)
	for _, c := range an.Claims {
		if strings.HasPrefix(c.Field, "block") {
			t.Errorf("a block claim entered the story's claims: %+v", c)
		}
	}
}
