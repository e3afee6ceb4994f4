package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/examples"
	"github.com/parallaxnews/parallax/internal/compare"
	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/events"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/store"
)

func init() {
	register(&command{
		name:    "demo",
		args:    "[--format text|markdown|json|html] [-o FILE] [--width N]",
		summary: "run the whole pipeline on the built-in invented example reports (temporary store) and print the comparison of the main event",
		run:     runDemo,
	})
}

func runDemo(ctx context.Context, e *env, args []string) error {
	fset := flag.NewFlagSet("demo", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	of := addOutputFlags(fset, "text, markdown, json or html")
	rest, err := parseFlags(fset, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("demo takes no arguments (it reads the built-in examples; use `parallax compare FILE...` for your own)")
	}
	if err := checkFormat(*of.format, compare.Formats); err != nil {
		return err
	}
	reg, err := examplesOutlets()
	if err != nil {
		return err
	}
	e.outlets = mergeOutlets(e.outlets, reg)

	// A temporary store, removed at the end: the demo leaves nothing behind.
	dir, err := os.MkdirTemp("", "parallax-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	st, err := store.Open(filepath.Join(dir, "demo.db"))
	if err != nil {
		return err
	}
	defer st.Close()

	names, err := fs.Glob(examples.FS, "*")
	if err != nil {
		return err
	}
	sort.Strings(names)
	p, err := newPipeline(e)
	if err != nil {
		return err
	}
	read := 0
	for _, name := range names {
		if name == examples.OutletsFile {
			continue
		}
		data, err := fs.ReadFile(examples.FS, name)
		if err != nil {
			return err
		}
		for _, it := range ingest.ReadBytes(ctx, "examples/"+name, data, "", e.readOptions(false)) {
			if it.Err != nil {
				fmt.Fprintf(e.stderr, "%s: %v\n", it.Input, it.Err)
				continue
			}
			a := it.Article
			if _, err := st.PutArticle(ctx, a); err != nil {
				return fmt.Errorf("storing %s: %w", name, err)
			}
			if err := st.PutAnalysis(ctx, p.analyse(a)); err != nil {
				return fmt.Errorf("storing the analysis of %s: %w", name, err)
			}
			read++
		}
	}

	// Cluster what is stored, as `parallax events` does, and take the
	// event most outlets report.
	ix := events.NewIndex()
	arts := map[string]*domain.Article{}
	ans := map[string]*domain.Analysis{}
	err = st.Each(ctx, func(a *domain.Article, an *domain.Analysis) error {
		if a != nil {
			ix.Add(a, an)
			arts[a.ID], ans[a.ID] = a, an
		}
		return ctx.Err()
	})
	if err != nil {
		return err
	}
	evs := ix.Events()
	if len(evs) == 0 {
		return fmt.Errorf("no events found in the %d example reports", read)
	}
	main := evs[0]
	for _, ev := range evs[1:] {
		if len(ev.Outlets) > len(main.Outlets) || (len(ev.Outlets) == len(main.Outlets) && len(ev.Articles) > len(main.Articles)) {
			main = ev
		}
	}
	var evArts []*domain.Article
	var evAns []*domain.Analysis
	for _, id := range main.Articles {
		evArts, evAns = append(evArts, arts[id]), append(evAns, ans[id])
	}
	r := compare.Compare(evArts, evAns)
	r.EventID = main.ID

	w, opts, done, err := of.writer(e)
	if err != nil {
		return err
	}
	if *of.format == "text" {
		var intro bytes.Buffer
		fmt.Fprintf(&intro, "Parallax demo: %d invented example reports (see examples/README.md) read, analysed and stored in a temporary database; %d events found:\n", read, len(evs))
		for _, ev := range evs {
			mark := "  "
			if ev.ID == main.ID {
				mark = "▶ "
			}
			n := "reports"
			if len(ev.Articles) == 1 {
				n = "report"
			}
			fmt.Fprintf(&intro, "%s%s  %s  (%d %s: %s)\n", mark, ev.Start.Format("2006-01-02"), ev.Title, len(ev.Articles), n, strings.Join(ev.Outlets, ", "))
		}
		fmt.Fprintf(&intro, "\nThe comparison of the main event (▶):\n\n")
		if _, err := w.Write(intro.Bytes()); err != nil {
			done()
			return err
		}
	}
	if err := compare.Render(w, r, *of.format, opts); err != nil {
		done()
		return err
	}
	if *of.format == "text" {
		if place := mainPlace(main, evAns); place != "" {
			fmt.Fprintln(w)
			l := compare.TimelineLedger(place, "", mapValues(arts), mapValues(ans))
			if len(l.Entries) > 0 {
				if err := compare.RenderLedger(w, l, "text", opts); err != nil {
					done()
					return err
				}
			}
		}
		fmt.Fprintf(w, "\nNext: `parallax demo --format html -o demo.html` writes this as one page to mail; `parallax compare FILE...` compares your own reports.\n")
	}
	return done()
}

// examplesOutlets reads the invented outlets the examples come from.
func examplesOutlets() (*ingest.Outlets, error) {
	f, err := examples.FS.Open(examples.OutletsFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ingest.LoadOutlets(f)
}

// mergeOutlets lays extra over base (nil base: the embedded registry).
func mergeOutlets(base, extra *ingest.Outlets) *ingest.Outlets {
	if base == nil {
		base = ingest.DefaultOutlets()
	}
	return base.Merge(extra)
}

// mainPlace is the place the event's control claims are most about.
func mainPlace(ev domain.Event, ans []*domain.Analysis) string {
	count := map[string]int{}
	best := ""
	for _, an := range ans {
		if an == nil {
			continue
		}
		for _, c := range an.Claims {
			if c.Kind != domain.ClaimControl {
				continue
			}
			for _, p := range c.Places {
				if p.EntityID == "" {
					continue
				}
				count[p.EntityID]++
				if best == "" || count[p.EntityID] > count[best] {
					best = p.EntityID
				}
			}
		}
	}
	if best == "" && len(ev.Places) > 0 {
		best = ev.Places[0].EntityID
	}
	return best
}

// mapValues lists a map's values in key order, so output is stable.
func mapValues[T any](m map[string]T) []T {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]T, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}
