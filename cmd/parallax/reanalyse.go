package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/events"
	"github.com/parallaxnews/parallax/internal/store"
)

func init() {
	register(&command{
		name:    "reanalyse",
		summary: "analyse every stored report again (after upgrading Parallax or changing --actors) and rebuild the events index",
		run:     runReanalyse,
	})
}

// runReanalyse re-makes each stored report's analysis from the stored
// report itself (the source files are not needed), then rebuilds the
// events index from all of them, so that reports keep no grouping made
// from an older analysis. Each analysis is replaced in its own
// transaction: an interrupted run leaves every report with either its old
// analysis or its new one, and the old index in place.
func runReanalyse(ctx context.Context, e *env, args []string) error {
	fl := flag.NewFlagSet("reanalyse", flag.ContinueOnError)
	fl.SetOutput(e.stderr)
	rest, err := parseFlags(fl, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("unexpected argument %q (reanalyse works on the whole store)", rest[0])
	}
	st, err := openStoreForReading(e.dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.Articles(ctx, store.Filter{})
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(e.stdout, "no stored reports")
		return nil
	}
	p, err := newPipeline(e)
	if err != nil {
		return err
	}
	bar := newProgressBar(e.stderr, len(list), "reanalyse")
	wctx := context.WithoutCancel(ctx) // a report begun is finished whole
	done, failed := 0, 0
	for _, s := range list {
		if ctx.Err() != nil {
			break
		}
		a, err := st.Article(wctx, s.ID)
		if err == nil {
			err = st.PutAnalysis(wctx, p.analyse(a))
		}
		if err != nil {
			failed++
			if bar != nil {
				_ = bar.Clear()
			}
			fmt.Fprintf(e.stderr, "%s: %v\n", s.ID, err)
		} else {
			done++
		}
		if bar != nil {
			_ = bar.Add(1)
		}
	}
	if bar != nil {
		_ = bar.Finish()
	}
	if ctx.Err() != nil {
		fmt.Fprintf(e.stdout, "reanalysed %d of %d reports\n", done, len(list))
		fmt.Fprintln(e.stderr, "interrupted: the events index was left as it was; run reanalyse again to finish")
		return errExitFailure
	}
	n, err := rebuildIndex(ctx, st, p)
	if err != nil {
		return fmt.Errorf("events index not rebuilt: %w", err)
	}
	fmt.Fprintf(e.stdout, "reanalysed %s; events index rebuilt: %s\n", count(done, "report"), count(n, "event"))
	if failed > 0 {
		return errExitFailure
	}
	return nil
}

// count says "1 report", "2 reports".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// rebuildIndex groups every stored report afresh and saves the index with
// every report's event, replacing the saved one. It returns the number of
// events.
func rebuildIndex(ctx context.Context, st store.Store, p *pipeline) (int, error) {
	ix, err := events.FromStore(ctx, st, func(a *domain.Article) *domain.Analysis { return p.analyse(a) })
	if err != nil {
		return 0, err
	}
	assigned := assignments(ix)
	if len(assigned) == 0 {
		return 0, nil
	}
	blob, err := ix.MarshalBinary()
	if err != nil {
		return 0, err
	}
	return len(ix.Events()), st.SaveEventIndex(ctx, blob, events.FormatVersion, assigned)
}
