package compare

import (
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

// The fixtures below are invented reports about an invented battle for
// the real town of Kupiansk; they are written for these tests only.

const (
	kupiansk = "geonames:704617"
	pokrovsk = "geonames:708546"
	kharkivO = "geonames:706482"
)

func day(s string) *domain.Timestamp {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return &domain.Timestamp{Time: t, Precision: domain.PrecisionDate}
}

// fx builds one article and its analysis; claims and markers are located
// by the substring they quote, so offsets are real.
type fx struct {
	t  testing.TB
	a  *domain.Article
	an *domain.Analysis
	n  int
}

func newFx(t testing.TB, id, outletID, outletName, published, title string, paras ...string) *fx {
	a := &domain.Article{ID: id, Title: title, Published: day(published), Language: "en", Format: "text", Source: id + ".txt"}
	if outletID != "" {
		a.Outlet = &domain.Outlet{ID: outletID, Name: outletName, Domain: outletID + ".example",
			Labels: []domain.Label{{Label: "label-of-" + outletID, Source: "test fixture"}}}
	}
	var ps []domain.Paragraph
	for _, p := range paras {
		ps = append(ps, domain.Paragraph{Text: p, SourceOffset: -1})
	}
	a.SetBody(ps)
	return &fx{t: t, a: a, an: &domain.Analysis{ArticleID: id}}
}

// locate finds sentence in the title or body.
func (f *fx) locate(sentence string) (string, int) {
	if i := strings.Index(f.a.Title, sentence); i >= 0 {
		return "title", i
	}
	if i := strings.Index(f.a.Text(), sentence); i >= 0 {
		return "body", i
	}
	f.t.Fatalf("fixture %s: %q not in article", f.a.ID, sentence)
	return "", 0
}

type claimOpt func(*domain.Claim)

func voice(name, id string) claimOpt {
	return func(c *domain.Claim) { c.Voice = domain.Voice{Kind: domain.VoiceNamed, Name: name, EntityID: id} }
}

func stances(s ...domain.Stance) claimOpt {
	return func(c *domain.Claim) { c.Stance, c.Stances = s[0], s }
}

func when(ts *domain.Timestamp, surface string) claimOpt {
	return func(c *domain.Claim) { c.Time = &domain.ClaimTime{Timestamp: *ts, Surface: surface} }
}

func share(v float64, q string) claimOpt {
	return func(c *domain.Claim) {
		c.Control.Share = v
		c.Quantities = append(c.Quantities, domain.Quantity{Surface: "x", Value: v, Unit: "fraction", Qualifier: q, Of: "territory"})
	}
}

func (f *fx) claim(kind domain.ClaimKind, sentence, prop string, opts ...claimOpt) *fx {
	field, start := f.locate(sentence)
	f.n++
	c := domain.Claim{
		ID: f.a.ID + "-c" + string(rune('0'+f.n)), ArticleID: f.a.ID, Kind: kind,
		Field: field, Start: start, End: start + len(sentence), Sentence: sentence,
		SpanStart: start, SpanEnd: start + len(sentence), Text: sentence,
		Voice: domain.Voice{Kind: domain.VoiceOutlet}, Stance: domain.StanceAsserted,
		Proposition: prop,
	}
	for _, o := range opts {
		o(&c)
	}
	f.an.Claims = append(f.an.Claims, c)
	return f
}

// control adds a control claim; prop is "control|place|status|side".
func (f *fx) control(sentence, place, placeName, status, side string, opts ...claimOpt) *fx {
	field, start := f.locate(sentence)
	f.n++
	c := domain.Claim{
		ID: f.a.ID + "-c" + string(rune('0'+f.n)), ArticleID: f.a.ID, Kind: domain.ClaimControl,
		Field: field, Start: start, End: start + len(sentence), Sentence: sentence,
		SpanStart: start, SpanEnd: start + len(sentence), Text: sentence,
		Voice: domain.Voice{Kind: domain.VoiceOutlet}, Stance: domain.StanceAsserted,
		Places:      []domain.Ref{{EntityID: place, Name: placeName, Surface: placeName}},
		Control:     &domain.Control{Status: status, Side: side},
		Proposition: "control|" + place + "|" + status + "|" + side,
	}
	for _, o := range opts {
		o(&c)
	}
	f.an.Claims = append(f.an.Claims, c)
	return f
}

func (f *fx) marker(surface, category, side string, quoted bool) *fx {
	field, start := f.locate(surface)
	f.an.Markers = append(f.an.Markers, domain.Marker{Field: field, Start: start, End: start + len(surface),
		Surface: surface, Category: category, Side: side, Entry: strings.ToLower(surface), Quoted: quoted})
	return f
}

func (f *fx) mention(surface, id, name string, kind domain.EntityKind) *fx {
	field, start := f.locate(surface)
	f.an.Mentions = append(f.an.Mentions, domain.Mention{Field: field, Start: start, End: start + len(surface),
		Surface: surface, Kind: kind, EntityID: id, Name: name, Confidence: 1, Status: domain.StatusResolved})
	return f
}

func (f *fx) block(kind domain.BlockKind, text string) *fx {
	f.a.Blocks = append(f.a.Blocks, domain.Block{Kind: kind, Text: text, SourceOffset: -1})
	return f
}

func pair(fs ...*fx) ([]*domain.Article, []*domain.Analysis) {
	var arts []*domain.Article
	var ans []*domain.Analysis
	for _, f := range fs {
		arts = append(arts, f.a)
		ans = append(ans, f.an)
	}
	return arts, ans
}

// wireAndState is a wire-style report and a state-media-style report of
// one invented day, the shape of the founding example.
func wireAndState(t testing.TB) ([]*domain.Article, []*domain.Analysis) {
	wire := newFx(t, "aaaa1111", "wire", "Northern Wire", "2025-11-20",
		"Russia says it captured Kupiansk",
		"The Russian army claimed on Thursday to have captured Kupiansk, a rail hub in the Kharkiv region.",
		"Kyiv had retaken the town in September after it fell on the first day of the 2022 invasion.",
		"Russian troops \"completed the liberation\" of the town, commander Ivan Petrov told the president.",
		"Ukraine's army said its units still held positions in the north of Kupiansk.",
		"The town had about 55,000 residents before the full-scale war.").
		control("The Russian army claimed on Thursday to have captured Kupiansk, a rail hub in the Kharkiv region.", kupiansk, "Kupiansk", "captured", "RU",
			voice("Russian army", "org:ru-army"), stances(domain.StanceAttributed, domain.StanceHedged), when(day("2025-11-20"), "on Thursday")).
		control("Russian troops \"completed the liberation\" of the town, commander Ivan Petrov told the president.", kupiansk, "Kupiansk", "liberated", "RU",
			voice("Ivan Petrov", "local:aaaa1111:1"), stances(domain.StanceQuoted, domain.StanceHedged)).
		control("Kyiv had retaken the town in September after it fell on the first day of the 2022 invasion.", kupiansk, "Kupiansk", "retaken", "UA",
			when(&domain.Timestamp{Time: time.Date(2022, 9, 1, 0, 0, 0, 0, time.UTC), Precision: domain.PrecisionMonth, Inferred: true}, "in September")).
		control("Kyiv had retaken the town in September after it fell on the first day of the 2022 invasion.", kupiansk, "Kupiansk", "captured", "RU",
			when(day("2022-02-24"), "the first day of the 2022 invasion")).
		control("Ukraine's army said its units still held positions in the north of Kupiansk.", kupiansk, "Kupiansk", "contested", "UA",
			voice("Ukrainian army", "org:ua-army"), stances(domain.StanceAttributed)).
		claim(domain.ClaimFact, "The town had about 55,000 residents before the full-scale war.", "fact|population|"+kupiansk).
		marker("claimed", "hedge", "", false).
		marker("liberation", "loaded_verb", "RU", true).
		marker("full-scale war", "war_name", "UA", false).
		marker("2022 invasion", "war_name", "UA", false).
		mention("Kupiansk", kupiansk, "Kupiansk", domain.KindPlace).
		mention("Kharkiv region", kharkivO, "Kharkiv Oblast", domain.KindPlace).
		block(domain.BlockRelated, "Related: General says Russia encircled Kupiansk. Analysts doubt it.")
	state := newFx(t, "bbbb2222", "state", "State Daily", "2025-11-20",
		"Kupyansk freed, general tells the president",
		"General Oleg Sidorov informed the president that Kupyansk in the Kharkov region has been liberated.",
		"Some 70% of Krasnoarmeysk has also been freed, Sidorov said.",
		"The goals of the special military operation will be achieved, the president said.").
		control("Kupyansk freed, general tells the president", kupiansk, "Kupiansk", "liberated", "RU").
		control("General Oleg Sidorov informed the president that Kupyansk in the Kharkov region has been liberated.", kupiansk, "Kupiansk", "liberated", "RU",
			voice("Oleg Sidorov", "local:bbbb2222:1"), stances(domain.StanceAttributed)).
		control("Some 70% of Krasnoarmeysk has also been freed, Sidorov said.", pokrovsk, "Pokrovsk", "liberated", "RU",
			voice("Oleg Sidorov", "local:bbbb2222:1"), stances(domain.StanceAttributed), share(0.7, "about")).
		claim(domain.ClaimStatement, "The goals of the special military operation will be achieved, the president said.", "statement|goals|actor:vladimir-putin",
			voice("Vladimir Putin", "actor:vladimir-putin"), stances(domain.StanceAttributed)).
		marker("freed", "loaded_verb", "RU", false).
		marker("liberated", "loaded_verb", "RU", false).
		marker("special military operation", "war_name", "RU", false).
		marker("Krasnoarmeysk", "naming", "RU", false).
		mention("Kupyansk", kupiansk, "Kupiansk", domain.KindPlace).
		mention("Kharkov region", kharkivO, "Kharkiv Oblast", domain.KindPlace).
		mention("Krasnoarmeysk", pokrovsk, "Pokrovsk", domain.KindPlace)
	return pair(wire, state)
}
