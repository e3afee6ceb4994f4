package compare

import (
	"fmt"
	"io"
	"math/rand"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

// synthetic builds n articles of one event from 20 outlets, each with
// claims drawn from a small pool of places, statuses and speakers, so
// groups, conflicts and only-in items all occur (deterministic seed).
func synthetic(n, claimsPer int) ([]*domain.Article, []*domain.Analysis) {
	rng := rand.New(rand.NewSource(1))
	statuses := []string{"captured", "liberated", "encircled", "advancing", "repelled", "contested"}
	sides := []string{"RU", "UA"}
	speakers := []string{"actor:a", "actor:b", "actor:c", "actor:d"}
	stancesPool := []domain.Stance{domain.StanceAsserted, domain.StanceAttributed, domain.StanceQuoted, domain.StanceHedged, domain.StanceDisputed}
	base := time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC)
	var arts []*domain.Article
	var ans []*domain.Analysis
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("art%05d", i)
		a := &domain.Article{ID: id, Title: "Report " + id,
			Outlet:    &domain.Outlet{ID: fmt.Sprintf("outlet%02d", i%20), Name: fmt.Sprintf("Outlet %d", i%20)},
			Published: &domain.Timestamp{Time: base.AddDate(0, 0, rng.Intn(3)), Precision: domain.PrecisionDate}}
		a.SetBody([]domain.Paragraph{{Text: "Body text of a synthetic report about the fighting."}})
		an := &domain.Analysis{ArticleID: id}
		for j := 0; j < claimsPer; j++ {
			place := fmt.Sprintf("geonames:%d", rng.Intn(30))
			st, side := statuses[rng.Intn(len(statuses))], sides[rng.Intn(2)]
			c := domain.Claim{ID: fmt.Sprintf("%s-c%d", id, j), ArticleID: id, Field: "body", Start: 0, End: 10,
				Sentence: "Body text", Stance: stancesPool[rng.Intn(len(stancesPool))]}
			if rng.Intn(2) == 0 {
				c.Kind = domain.ClaimControl
				c.Places = []domain.Ref{{EntityID: place, Name: place}}
				c.Control = &domain.Control{Status: st, Side: side}
				if rng.Intn(3) == 0 {
					c.Control.Share = float64(rng.Intn(10)) / 10
				}
				c.Proposition = "control|" + place + "|" + st + "|" + side
			} else {
				c.Kind = domain.ClaimStatement
				c.Proposition = fmt.Sprintf("statement|topic%d|%s", rng.Intn(50), speakers[rng.Intn(4)])
				c.Text = c.Proposition
			}
			c.Voice = domain.Voice{Kind: domain.VoiceNamed, EntityID: speakers[rng.Intn(4)], Name: "Speaker"}
			an.Claims = append(an.Claims, c)
			an.Markers = append(an.Markers, domain.Marker{Field: "body", Start: 0, End: 4, Surface: statuses[rng.Intn(6)], Category: "loaded_verb"})
			an.Mentions = append(an.Mentions, domain.Mention{Field: "body", Start: 0, End: 4, Surface: fmt.Sprintf("Place%d", rng.Intn(3)), EntityID: place, Name: place, Kind: domain.KindPlace})
		}
		arts = append(arts, a)
		ans = append(ans, an)
	}
	return arts, ans
}

func BenchmarkCompare(b *testing.B) {
	for _, n := range []int{20, 200} {
		arts, ans := synthetic(n, 20)
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Compare(arts, ans)
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

func BenchmarkRender(b *testing.B) {
	arts, ans := synthetic(50, 20)
	r := Compare(arts, ans)
	for _, f := range Formats {
		b.Run(f, func(b *testing.B) {
			for b.Loop() {
				if err := Render(io.Discard, r, f, TextOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkTimeline(b *testing.B) {
	arts, ans := synthetic(200, 20)
	for b.Loop() {
		Timeline("geonames:1", arts, ans)
	}
}
