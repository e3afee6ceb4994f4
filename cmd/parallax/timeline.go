package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/parallaxnews/parallax/internal/compare"
	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/gazetteer"
	"github.com/parallaxnews/parallax/internal/store"
)

func init() {
	register(&command{
		name:    "timeline",
		args:    "PLACE [--format text|json|html] [-o FILE] [--width N]",
		summary: "every stored control claim about a place, by date: who claimed it, which outlets carry it and how, who disputes it",
		run:     runTimeline,
	})
}

func runTimeline(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("timeline", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	of := addOutputFlags(fs, "text, json or html")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return fmt.Errorf("name a PLACE (any spelling, e.g. Kupiansk, Kupyansk, Купянск) or an entity id")
	}
	if err := checkFormat(*of.format, []string{"text", "json", "html"}); err != nil {
		return err
	}
	place := strings.Join(rest, " ")
	if !store.Exists(e.dbPath) {
		return fmt.Errorf("no store at %s: run `parallax ingest` first", e.dbPath)
	}
	arts, ans, err := loadStored(ctx, e)
	if err != nil {
		return err
	}
	g, err := loadGazetteer(e)
	if err != nil {
		return err
	}
	id, name := resolvePlace(place, ans, g)
	if id == "" {
		return fmt.Errorf("%q names no place the gazetteer or the stored reports know", place)
	}
	l := compare.TimelineLedger(id, name, arts, ans)
	w, opts, done, err := of.writer(e)
	if err != nil {
		return err
	}
	if err := compare.RenderLedger(w, l, *of.format, opts); err != nil {
		done()
		return err
	}
	return done()
}

// resolvePlace turns what the user typed into an entity ID: an ID as it
// is; else the gazetteer's candidates, preferring one the stored claims
// talk about; else a stored mention with that name or spelling.
func resolvePlace(q string, ans []*domain.Analysis, g *gazetteer.Gazetteer) (id, name string) {
	claimed := map[string]string{}
	for _, an := range ans {
		if an == nil {
			continue
		}
		for _, c := range an.Claims {
			for _, p := range c.Places {
				if p.EntityID != "" {
					claimed[p.EntityID] = p.Name
				}
			}
		}
	}
	if strings.Contains(q, ":") {
		return q, claimed[q]
	}
	var matches []gazetteer.Match
	if g != nil {
		matches = g.Lookup(q)
	}
	for _, m := range matches {
		if m.Place != nil {
			if _, ok := claimed[m.Place.ID]; ok {
				return m.Place.ID, m.Place.Name
			}
		}
	}
	for _, an := range ans {
		if an == nil {
			continue
		}
		for _, m := range an.Mentions {
			if m.EntityID != "" && (strings.EqualFold(m.Name, q) || strings.EqualFold(m.Surface, q)) {
				return m.EntityID, m.Name
			}
		}
	}
	if len(matches) > 0 && matches[0].Place != nil {
		return matches[0].Place.ID, matches[0].Place.Name
	}
	return "", ""
}
