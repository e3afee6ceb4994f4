package events

import (
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

// midnightPost is an invented report for TestAcrossMidnight. A published
// value of the form 2006-01-02 is date-only (as on news sites that print
// only the day); otherwise it is RFC 3339, to the minute.
type midnightPost struct {
	id, event, outlet, published, title, body string
	places                                    []string // entity IDs, all towns
}

func (p midnightPost) article() (*domain.Article, *domain.Analysis) {
	ts := &domain.Timestamp{Precision: domain.PrecisionMinute}
	if len(p.published) == len("2006-01-02") {
		ts.Precision = domain.PrecisionDate
		ts.Time, _ = time.Parse("2006-01-02", p.published)
	} else {
		ts.Time, _ = time.Parse(time.RFC3339, p.published)
	}
	a := &domain.Article{ID: p.id, Title: p.title, Language: "en", Outlet: &domain.Outlet{Name: p.outlet}, Published: ts}
	var paras []domain.Paragraph
	for _, s := range strings.Split(p.body, "\n") {
		paras = append(paras, domain.Paragraph{Text: s})
	}
	a.SetBody(paras)
	an := &domain.Analysis{ArticleID: p.id}
	for _, id := range p.places {
		name := strings.TrimPrefix(id, "town:")
		an.Mentions = append(an.Mentions, domain.Mention{EntityID: id, Kind: domain.KindPlace, Name: name, Surface: name,
			Status: domain.StatusResolved, Confidence: 0.9})
		an.Entities = append(an.Entities, domain.Entity{ID: id, Kind: domain.KindPlace, FeatureCode: "PPL", Name: name})
	}
	return a, an
}

type midnightCase struct {
	name  string
	posts []midnightPost
}

// midnightCases are invented reports around midnight, some date-only.
func midnightCases() []midnightCase {
	const (
		plant1 = "Artillery shells hit the water treatment plant in Verkhnie, the regional governor said, cutting supply to about 20,000 residents."
		plant2 = "Repair crews cannot reach the pumping station while the shelling goes on; water is being brought in by lorry."
	)
	vk := []string{"town:Verkhnie"}
	return []midnightCase{
		{"exact times either side of midnight", []midnightPost{
			{"a1", "plant", "Wire A", "2024-03-05T23:40:00Z", "Shelling cuts water in Verkhnie", plant1, vk},
			{"a2", "plant", "Wire B", "2024-03-06T00:25:00Z", "Verkhnie without water after plant is shelled", plant1 + "\n" + plant2, vk},
			{"a3", "plant", "Wire C", "2024-03-06T19:00:00Z", "Verkhnie still without water", plant2 + "\n" + plant1, vk},
		}},
		{"date-only report, follow-up late the next evening", []midnightPost{
			// The site's page could have gone up at 23:59 on the 5th:
			// 23 hours before the wire's follow-up, not 47.
			{"b1", "plant", "Site D", "2024-03-05", "Water plant in Verkhnie shelled", plant1, vk},
			{"b2", "plant", "Wire B", "2024-03-06T23:10:00Z", "Verkhnie still without water after plant shelled", plant1 + "\n" + plant2, vk},
		}},
		{"date-only report, earlier happening two days before", []midnightPost{
			// Same town, same words, but the site's day starts 43 hours
			// after the wire's report: the place shelled again.
			{"c1", "plant-first", "Wire B", "2024-03-03T05:00:00Z", "Water plant in Verkhnie shelled", plant1 + "\n" + plant2, vk},
			{"c2", "plant-again", "Site D", "2024-03-05", "Verkhnie water plant shelled", plant1 + "\n" + plant2, vk},
		}},
		{"exact times two days running, different happenings", []midnightPost{
			{"d1", "plant", "Wire A", "2024-03-05T06:00:00Z", "Shelling cuts water in Verkhnie", plant1 + "\n" + plant2, vk},
			{"d2", "plant-again", "Wire B", "2024-03-07T07:30:00Z", "Verkhnie water plant shelled again", plant1 + "\n" + plant2, vk},
		}},
	}
}

// TestAcrossMidnight: reports of one happening published either side of
// midnight are one event, and a date-only timestamp stands for its whole
// day — not for the midnight it starts with — both in the time factor
// and in the event's span. Every case is run in published order and in
// reverse (a late batch), and must group the same way.
func TestAcrossMidnight(t *testing.T) {
	for _, tc := range midnightCases() {
		arts := make([]*domain.Article, len(tc.posts))
		ans := make([]*domain.Analysis, len(tc.posts))
		gold := map[string]string{}
		for i, p := range tc.posts {
			arts[i], ans[i] = p.article()
			gold[p.id] = p.event
		}
		for _, reverse := range []bool{false, true} {
			name := tc.name
			if reverse {
				name += ", reverse order"
			}
			t.Run(name, func(t *testing.T) {
				ix := NewIndex()
				order := byPublished(arts)
				for k := range order {
					i := order[k]
					if reverse {
						i = order[len(order)-1-k]
					}
					ix.Add(arts[i], ans[i])
				}
				for i, a := range tc.posts {
					for _, b := range tc.posts[i+1:] {
						ea, _ := ix.EventOf(a.id)
						eb, _ := ix.EventOf(b.id)
						if got, want := ea == eb, a.event == b.event; got != want {
							t.Errorf("%s (%s) and %s (%s): one event = %v, want %v", a.id, a.published, b.id, b.published, got, want)
						}
					}
				}
			})
		}
	}
}
