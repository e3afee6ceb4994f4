package pipelineeval

import (
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/claims"
	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/events"
	"github.com/parallaxnews/parallax/internal/gazetteer"
	"github.com/parallaxnews/parallax/internal/resolve"
)

// TestCrossLanguageThroughResolve: an English report about Kupiansk and a
// Russian one about Купянск on the same day join one event through the
// entities resolve finds (the words share nothing); a Russian report about
// the same town three days later does not join. The reports are written
// for this test; without the analyses the first two stay apart (checked
// when the test was written), so the test measures resolve's part.
func TestCrossLanguageThroughResolve(t *testing.T) {
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Skipf("gazetteer unavailable: %v", err)
	}
	res, err := resolve.New(resolve.Config{Gazetteer: gaz})
	if err != nil {
		t.Fatalf("resolve: %v", err)
	}
	ext, err := claims.New()
	if err != nil {
		t.Fatalf("claims: %v", err)
	}
	day := time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC)
	mk := func(id, outlet, lang, title, body string, at time.Duration) *domain.Article {
		a := &domain.Article{ID: id, Title: title, Language: lang, Outlet: &domain.Outlet{Name: outlet},
			Published: &domain.Timestamp{Time: day.Add(at), Precision: domain.PrecisionMinute}}
		a.SetBody([]domain.Paragraph{{Text: body}})
		return a
	}
	arts := []*domain.Article{
		mk("en", "Wire EN", "en", "Russia says it has captured Kupiansk",
			"Russian chief of staff Valery Gerasimov told Vladimir Putin on Thursday that troops had captured Kupiansk in the Kharkiv region. Ukraine's army denied it.", 14*time.Hour),
		mk("ru", "Газета RU", "ru", "Герасимов доложил Путину о взятии Купянска",
			"Начальник Генштаба Валерий Герасимов доложил Владимиру Путину, что войска взяли Купянск в Харьковской области.", 17*time.Hour),
		mk("ru-later", "Газета RU", "ru", "В Купянске после обстрела без света остались жители",
			"В Купянске Харьковской области после обстрела без электричества остались несколько улиц, сообщили местные власти.", 3*24*time.Hour+10*time.Hour),
	}
	ix := events.NewIndex()
	pred := map[string]string{}
	for _, a := range arts {
		an := res.Resolve(a)
		an.ArticleID = a.ID
		ext.Extract(a, an)
		id, _ := ix.Add(a, an)
		pred[a.ID] = id
	}
	if pred["en"] != pred["ru"] {
		t.Errorf("the English and Russian reports of the same day are in different events")
	}
	if pred["ru-later"] == pred["ru"] {
		t.Errorf("the report three days later joined the earlier event")
	}
	ev, _ := ix.Event(pred["en"])
	found := false
	for _, p := range ev.Places {
		found = found || p.Name == "Kupiansk"
	}
	if !found {
		t.Errorf("event places %v lack Kupiansk", ev.Places)
	}
}
