package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/events"
	"github.com/parallaxnews/parallax/internal/store"
)

func init() {
	register(&command{
		name:    "events",
		args:    "[--since YYYY-MM-DD] [--until YYYY-MM-DD] [--place NAME] [--format text|json]",
		summary: "group stored reports into events and list them (date range, title, outlets, places)",
		run:     runEvents,
	})
}

func runEvents(ctx context.Context, e *env, args []string) error {
	fl := flag.NewFlagSet("events", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	since := fl.String("since", "", "only events that last until this `date` or later (YYYY-MM-DD)")
	until := fl.String("until", "", "only events that begin before this `date` (YYYY-MM-DD)")
	place := fl.String("place", "", "only events at this place: a `name` in any spelling or script, or an entity ID")
	format := fl.String("format", "text", "output `format`: text or json")
	rest, err := parseFlags(fl, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("unexpected argument %q (events takes only flags)", rest[0])
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("unknown --format %q (want text or json)", *format)
	}
	f := events.Filter{Place: *place}
	for _, d := range []struct {
		flag, val string
		dst       *time.Time
	}{{"--since", *since, &f.Since}, {"--until", *until, &f.Until}} {
		if d.val == "" {
			continue
		}
		if *d.dst, err = time.Parse("2006-01-02", d.val); err != nil {
			return fmt.Errorf("%s %q: want a date as YYYY-MM-DD", d.flag, d.val)
		}
	}
	// Listing events only reads: a missing database is a mistake, not a new store.
	st, err := openStoreForReading(e.dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	// Articles stored without an analysis are analysed on the fly with
	// the same pipeline `parallax compare EVENT` uses (compare.go), so the
	// event IDs listed here are the ones compare finds.
	ix, err := storedIndex(ctx, e, st, &lazyAnalyser{e: e}, false)
	if err != nil {
		return err
	}
	evs := ix.Find(f)
	if *format == "json" {
		return events.WriteJSON(e.stdout, evs)
	}
	return events.WriteText(e.stdout, evs)
}

// storedIndex returns the events index over every stored article. It is
// the index saved in the store (by ingest) extended with the articles
// stored since, in published order, so event IDs stay those first given;
// when none is saved, or it is of another format or disagrees with the
// store, it is rebuilt from every stored article. Articles stored without
// an analysis are analysed on the fly. With save (ingest) the result is
// written back; otherwise (read-only commands) stderr says when the saved
// index was rebuilt or extended for this run only.
func storedIndex(ctx context.Context, e *env, st store.Store, la *lazyAnalyser, save bool) (*events.Index, error) {
	analyse := la.analyse
	ix, why, err := loadSavedIndex(ctx, st)
	if err != nil {
		return nil, err
	}
	assigned := map[string]string{}
	if ix != nil {
		missing, err := st.UnindexedArticles(ctx)
		if err != nil {
			return nil, err
		}
		for _, id := range missing {
			a, err := st.Article(ctx, id)
			if err != nil {
				return nil, err
			}
			an, err := storedAnalysis(ctx, st, la, a)
			if err != nil {
				return nil, err
			}
			assigned[id], _ = ix.Add(a, an)
		}
		if len(missing) > 0 && !save {
			fmt.Fprintf(e.stderr, "events: %d reports stored since the event index was saved are grouped for this run only (the next `parallax ingest` saves them)\n", len(missing))
		}
	} else {
		if !save {
			fmt.Fprintf(e.stderr, "events: %s; grouping every stored report for this run (the next `parallax ingest` saves the index)\n", why)
		}
		var aerr error
		ix, err = events.FromStore(ctx, st, func(a *domain.Article) *domain.Analysis {
			an, err := analyse(a)
			if err != nil && aerr == nil {
				aerr = err
			}
			return an
		})
		if err == nil {
			err = aerr
		}
		if err != nil {
			return nil, err
		}
		assigned = assignments(ix)
	}
	if save && len(assigned) > 0 {
		blob, err := ix.MarshalBinary()
		if err != nil {
			return nil, err
		}
		if err := st.SaveEventIndex(ctx, blob, events.FormatVersion, assigned); err != nil {
			return nil, err
		}
	}
	return ix, nil
}

// assignments maps each article of ix to its event.
func assignments(ix *events.Index) map[string]string {
	out := map[string]string{}
	for _, ev := range ix.Events() {
		for _, id := range ev.Articles {
			out[id] = ev.ID
		}
	}
	return out
}

// loadSavedIndex restores the saved events index; a nil index comes with
// the reason it must be rebuilt.
func loadSavedIndex(ctx context.Context, st store.Store) (*events.Index, string, error) {
	info, err := st.EventIndexInfo(ctx)
	if errors.Is(err, store.ErrNotFound) {
		return nil, "no event index saved yet", nil
	}
	if err != nil {
		return nil, "", err
	}
	if info.Format != events.FormatVersion {
		return nil, fmt.Sprintf("the saved event index is of format %d, this parallax reads %d", info.Format, events.FormatVersion), nil
	}
	blob, err := st.EventIndex(ctx)
	if err != nil {
		return nil, "", err
	}
	ix, err := events.Unmarshal(blob)
	if err != nil {
		return nil, err.Error(), nil
	}
	// Two ingests saving at once leave one's articles assigned but missing
	// from the other's index: the counts then disagree.
	if ix.Len() != info.Articles {
		return nil, fmt.Sprintf("the saved event index holds %d reports but %d are assigned to events", ix.Len(), info.Articles), nil
	}
	return ix, "", nil
}

// lazyAnalyser builds the analysis pipeline (gazetteer and all) on first
// use: most runs find every analysis stored and never need it.
type lazyAnalyser struct {
	e *env
	p *pipeline
}

func (l *lazyAnalyser) analyse(a *domain.Article) (*domain.Analysis, error) {
	if l.p == nil {
		var err error
		if l.p, err = newPipeline(l.e); err != nil {
			return nil, err
		}
	}
	return l.p.analyse(a), nil
}

// storedAnalysis is the stored analysis of an article, else one computed now.
func storedAnalysis(ctx context.Context, st store.Store, la *lazyAnalyser, a *domain.Article) (*domain.Analysis, error) {
	an, err := st.Analysis(ctx, a.ID)
	if errors.Is(err, store.ErrNotFound) {
		return la.analyse(a)
	}
	return an, err
}
