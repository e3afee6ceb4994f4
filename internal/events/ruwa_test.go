package events

import (
	"encoding/csv"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/sharedtest"
)

// TestRUWAPurity is a second check on other material: RUWA headlines (+
// subheadings) from nine outlets, 2021–2022, with silver story labels
// (Bucha, Zaporizhzhia NPP, Azovstal, ...). Those stories last months and
// our events are single happenings, so recall against them is low by
// design; what must hold is purity: an event should not mix stories.
// The broad "beginning" label (general war coverage) is left out.
func TestRUWAPurity(t *testing.T) {
	if testing.Short() {
		t.Skip("clusters 10,000 headlines; skipped in -short")
	}
	path := sharedtest.Path(t, "corpus/ruwa/RUWA_04.08.23.csv")
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	r := csv.NewReader(fh)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, c := range []string{"title", "desc", "Date", "Site", "Event"} {
		if _, ok := col[c]; !ok {
			t.Fatalf("RUWA: no %q column in %v", c, head)
		}
	}
	var arts []*domain.Article
	gold := map[string]string{}
	for n := 0; ; n++ {
		rec, err := r.Read()
		if err != nil {
			break
		}
		ev := rec[col["Event"]]
		if ev == "beginning" || ev == "" {
			continue
		}
		day, err := time.Parse("01/02/2006", rec[col["Date"]])
		if err != nil {
			continue
		}
		a := &domain.Article{ID: fmt.Sprintf("ruwa%d", n), Title: rec[col["title"]], Language: "en",
			Outlet:    &domain.Outlet{Name: rec[col["Site"]]},
			Published: &domain.Timestamp{Time: day, Precision: domain.PrecisionDate}}
		if d := rec[col["desc"]]; d != "" {
			a.SetBody([]domain.Paragraph{{Text: d}})
		}
		arts = append(arts, a)
		gold[a.ID] = ev
	}
	ix, pred := cluster(arts, make([]*domain.Analysis, len(arts)))
	p, rec, f := BCubed(gold, pred)
	t.Logf("%d RUWA headlines → %d events; B-cubed against silver stories: purity (precision) %.3f, recall %.3f (low by design), F1 %.3f",
		len(arts), len(ix.Events()), p, rec, f)
	// Measured 0.762, then 0.804 with the shared-weight floor. The silver labels come from keywords, so part of the
	// "impurity" is theirs (one Mariupol evacuation labelled both nuclear
	// and azovstal); the rest is real: same-day headlines that share only
	// one actor ("Zelensky meets ...") join. A damping of single shared
	// entities was tried and rejected (it split fixture events and lowered
	// the Telegram score more than it raised this one).
	if p < 0.76 {
		t.Errorf("purity %.3f, want at least 0.76", p)
	}
}
