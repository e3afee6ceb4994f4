package events

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/parallaxnews/parallax/internal/domain"
)

// Walker yields stored articles with their analyses (nil where none is
// stored), oldest published first. store.Store satisfies it.
type Walker interface {
	Each(ctx context.Context, fn func(*domain.Article, *domain.Analysis) error) error
}

// FromStore builds an index over every stored article, in published order.
// analyse, if not nil, supplies the analysis of an article stored without
// one (resolve and claims run on the fly), so that the events listed match
// those other commands rebuild the same way. The walker's order is trusted
// for streaming; an article that arrives out of order is still placed
// correctly, because candidates are looked up on both sides of its date.
func FromStore(ctx context.Context, w Walker, analyse func(*domain.Article) *domain.Analysis) (*Index, error) {
	ix := NewIndex()
	err := w.Each(ctx, func(a *domain.Article, an *domain.Analysis) error {
		if a == nil {
			return nil
		}
		if an == nil && analyse != nil {
			an = analyse(a)
		}
		ix.Add(a, an)
		return ctx.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("events: reading the store: %w", err)
	}
	return ix, nil
}

// WriteText lists events for people: date range, title, then article
// count, outlets and places.
func WriteText(w io.Writer, evs []domain.Event) error {
	if len(evs) == 0 {
		_, err := fmt.Fprintln(w, "no events")
		return err
	}
	for _, e := range evs {
		fmt.Fprintf(w, "%s  %s\n", dateRange(e), e.Title)
		n := "report"
		if len(e.Articles) != 1 {
			n = "reports"
		}
		fmt.Fprintf(w, "    %s · %d %s", e.ID, len(e.Articles), n)
		if len(e.Outlets) > 0 {
			fmt.Fprintf(w, " · %s", strings.Join(e.Outlets, ", "))
		}
		fmt.Fprintln(w)
		if len(e.Places) > 0 {
			fmt.Fprintf(w, "    places: %s\n", refNames(e.Places))
		}
		if len(e.Actors) > 0 {
			fmt.Fprintf(w, "    actors: %s\n", refNames(e.Actors))
		}
	}
	unit := "events"
	if len(evs) == 1 {
		unit = "event"
	}
	_, err := fmt.Fprintf(w, "%d %s\n", len(evs), unit)
	return err
}

// WriteJSON writes the events as a JSON array (domain.Event schema).
func WriteJSON(w io.Writer, evs []domain.Event) error {
	if evs == nil {
		evs = []domain.Event{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(evs)
}

func dateRange(e domain.Event) string {
	if e.Start.IsZero() {
		return "undated   "
	}
	s, t := e.Start.Format("2006-01-02"), e.End.Format("2006-01-02")
	if s == t {
		return s + "            "
	}
	return s + "…" + t[5:] + "      "
}

func refNames(rs []domain.Ref) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.Name
		if r.Surface != "" && r.Surface != r.Name {
			names[i] += " (" + r.Surface + ")"
		}
	}
	return strings.Join(names, ", ")
}
