package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"time"

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
	if _, err := os.Stat(e.dbPath); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no database at %s: store reports first with `parallax ingest FILE...` (or name one with --db)", e.dbPath)
	}
	st, err := store.OpenSQLite(e.dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	// Articles stored without an analysis are analysed on the fly with
	// the same pipeline `parallax compare EVENT` uses (compare.go), so the
	// event IDs listed here are the ones compare finds.
	p, err := newPipeline(e)
	if err != nil {
		return err
	}
	ix, err := events.FromStore(ctx, st, p.analyse)
	if err != nil {
		return err
	}
	evs := ix.Find(f)
	if *format == "json" {
		return events.WriteJSON(e.stdout, evs)
	}
	return events.WriteText(e.stdout, evs)
}
