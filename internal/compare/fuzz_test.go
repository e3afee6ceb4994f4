package compare

import (
	"io"
	"testing"

	"github.com/parallaxnews/parallax/internal/domain"
)

// FuzzCompareRender feeds Compare and every renderer analyses whose
// offsets, statuses, shares and texts are arbitrary (a stage with a bug,
// a hand-edited store): the report must come out, never a panic.
func FuzzCompareRender(f *testing.F) {
	f.Add("Kupiansk was captured.", "captured", "RU", 0.7, 3, 12, "title <script>", "liberated")
	f.Add("", "", "", 0.0, -5, 1000, "", "")
	f.Add("Купянск освобождён\n\nполностью", "liberated", "UA", 1.5, 40, 2, "\xff\xfe", "repelled")
	f.Fuzz(func(t *testing.T, body, status, side string, share float64, start, end int, title, status2 string) {
		mk := func(id, outlet, st string) (*domain.Article, *domain.Analysis) {
			a := &domain.Article{ID: id, Title: title, Outlet: &domain.Outlet{ID: outlet, Name: outlet}, Published: day("2025-11-20")}
			a.SetBody([]domain.Paragraph{{Text: body}})
			an := &domain.Analysis{ArticleID: id,
				Claims: []domain.Claim{{ID: id + "-c1", Kind: domain.ClaimControl, Field: "body", Start: start, End: end, Sentence: body,
					Places:  []domain.Ref{{EntityID: "geonames:1", Name: "X"}},
					Control: &domain.Control{Status: st, Side: side, Share: share}, Proposition: "control|geonames:1|" + st,
					Stance: domain.StanceDisputed, Stances: []domain.Stance{domain.StanceHedged}, Cues: []string{title},
					Quantities: []domain.Quantity{{Value: share, Unit: "fraction", Qualifier: st}}},
					{ID: id + "-c2", Kind: domain.ClaimStatement, Field: "title", Start: end, End: start, Text: body, Proposition: ""}},
				Markers:  []domain.Marker{{Field: "body", Start: start, End: end, Surface: status2, Category: st}},
				Mentions: []domain.Mention{{Field: "body", Start: end, End: start, Surface: title, EntityID: "geonames:1", Kind: domain.KindPlace}},
			}
			a.Blocks = []domain.Block{{Kind: domain.BlockRelated, Text: title + " doubt"}}
			return a, an
		}
		a1, n1 := mk("a", "one", status)
		a2, n2 := mk("b", "two", status2)
		arts, ans := []*domain.Article{a1, a2}, []*domain.Analysis{n1, n2}
		r := Compare(arts, ans)
		for _, format := range Formats {
			if err := Render(io.Discard, r, format, TextOptions{Width: 50}); err != nil {
				t.Fatal(err)
			}
		}
		l := TimelineLedger("geonames:1", "", arts, ans)
		for _, format := range []string{"text", "json", "html"} {
			if err := RenderLedger(io.Discard, l, format, TextOptions{}); err != nil {
				t.Fatal(err)
			}
		}
	})
}
