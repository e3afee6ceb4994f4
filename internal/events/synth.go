package events

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

// Synth generates a stream of synthetic articles about random events, for
// benchmarks and scale tests: each event has a day, a specific place, its
// oblast and country, actors, topic words and sometimes a claim; reports
// of it come from random outlets within hours, in words drawn from the
// event's topic and a Zipf-distributed general vocabulary. The same seed
// gives the same stream. Truth maps article IDs to their event.
type Synth struct {
	PerDay int // articles a day; the stream spans N/PerDay days
	rng    *rand.Rand
	zipf   *rand.Zipf
	words  []string
	places *rand.Zipf
	actors *rand.Zipf
	active []*synthEvent
	n      int
	day0   time.Time
	Truth  map[string]string
}

type synthEvent struct {
	id      string
	day     int
	place   int
	oblast  int
	country int
	actors  []int
	topic   []string
	prop    string
	left    int
}

// Vocabulary sizes of the generator: a news day has thousands of
// distinct words and hundreds of places and people.
const (
	synthWords   = 20000
	synthPlaces  = 5000
	synthActors  = 2000
	synthOutlets = 40
)

// NewSynth returns a generator; perDay <= 0 means 1000 articles a day.
func NewSynth(seed uint64, perDay int) *Synth {
	if perDay <= 0 {
		perDay = 1000
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	s := &Synth{
		PerDay: perDay,
		rng:    rng,
		zipf:   rand.NewZipf(rng, 1.1, 300, synthWords-1),
		places: rand.NewZipf(rng, 1.05, 30, synthPlaces-1),
		actors: rand.NewZipf(rng, 1.05, 30, synthActors-1),
		day0:   time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
		Truth:  map[string]string{},
	}
	// Words are three syllables, so the six-letter stem keeps them apart.
	cons, vows := "bdfgklmnprstvz", "aeiou"
	for i := 0; len(s.words) < synthWords; i++ {
		var b strings.Builder
		x := i
		for k := 0; k < 3; k++ {
			b.WriteByte(cons[x%len(cons)])
			x /= len(cons)
			b.WriteByte(vows[x%len(vows)])
			x /= len(vows)
		}
		b.WriteByte(cons[(i/7)%len(cons)])
		s.words = append(s.words, b.String())
	}
	return s
}

func (s *Synth) word() string { return s.words[s.zipf.Uint64()] }

func (s *Synth) newEvent(day int) *synthEvent {
	e := &synthEvent{
		id:      fmt.Sprintf("se%d", s.n),
		day:     day,
		place:   int(s.places.Uint64()),
		oblast:  s.rng.IntN(25),
		country: s.rng.IntN(5),
		left:    1 + int(s.rng.ExpFloat64()*5), // mean ~6 reports
	}
	for k := 1 + s.rng.IntN(3); k > 0; k-- {
		e.actors = append(e.actors, int(s.actors.Uint64()))
	}
	for k := 0; k < 12; k++ {
		e.topic = append(e.topic, s.words[s.rng.IntN(synthWords)])
	}
	if s.rng.IntN(2) == 0 {
		e.prop = fmt.Sprintf("control|synth:p%d|captured|RU", e.place)
	}
	return e
}

// Next returns the next article and its analysis.
func (s *Synth) Next() (*domain.Article, *domain.Analysis) {
	day := s.n / s.PerDay
	// Drop events of past days and those fully reported.
	keep := s.active[:0]
	for _, e := range s.active {
		if e.left > 0 && day-e.day <= 1 {
			keep = append(keep, e)
		}
	}
	s.active = keep
	var e *synthEvent
	if len(s.active) == 0 || s.rng.IntN(4) == 0 {
		e = s.newEvent(day)
		s.active = append(s.active, e)
	} else {
		e = s.active[s.rng.IntN(len(s.active))]
	}
	e.left--
	id := fmt.Sprintf("syn%07d", s.n)
	s.n++
	s.Truth[id] = e.id

	text := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			if s.rng.IntN(10) < 4 {
				ws[i] = e.topic[s.rng.IntN(len(e.topic))]
			} else {
				ws[i] = s.word()
			}
		}
		return strings.Join(ws, " ")
	}
	pub := s.day0.AddDate(0, 0, e.day).Add(time.Duration(s.rng.IntN(20*3600)) * time.Second)
	if pub.Before(s.day0.AddDate(0, 0, day)) {
		pub = s.day0.AddDate(0, 0, day).Add(time.Duration(s.rng.IntN(3600)) * time.Second)
	}
	a := &domain.Article{
		ID:        id,
		Title:     text(8),
		Outlet:    &domain.Outlet{Name: fmt.Sprintf("Outlet %d", s.rng.IntN(synthOutlets))},
		Published: &domain.Timestamp{Time: pub, Precision: domain.PrecisionMinute},
		Language:  "en",
	}
	paras := make([]domain.Paragraph, 3)
	for i := range paras {
		paras[i].Text = text(25) + "."
	}
	a.SetBody(paras)

	an := &domain.Analysis{ArticleID: id}
	mention := func(eid string, kind domain.EntityKind, feature, name string) {
		an.Mentions = append(an.Mentions, domain.Mention{Field: "body", EntityID: eid, Kind: kind, Name: name, Surface: name, Status: domain.StatusResolved, Confidence: 0.9})
		an.Entities = append(an.Entities, domain.Entity{ID: eid, Kind: kind, FeatureCode: feature, Name: name})
	}
	mention(fmt.Sprintf("synth:p%d", e.place), domain.KindPlace, "PPL", fmt.Sprintf("Place%d", e.place))
	if s.rng.IntN(2) == 0 {
		mention(fmt.Sprintf("synth:o%d", e.oblast), domain.KindPlace, "ADM1", fmt.Sprintf("Oblast%d", e.oblast))
	}
	mention(fmt.Sprintf("synth:c%d", e.country), domain.KindPlace, "PCLI", fmt.Sprintf("Country%d", e.country))
	for _, ac := range e.actors {
		if s.rng.IntN(3) > 0 {
			mention(fmt.Sprintf("synth:a%d", ac), domain.KindPerson, "", fmt.Sprintf("Actor%d", ac))
		}
	}
	if e.prop != "" && s.rng.IntN(2) == 0 {
		an.Claims = append(an.Claims, domain.Claim{ID: id + "-c1", ArticleID: id, Kind: domain.ClaimControl, Proposition: e.prop})
	}
	return a, an
}
