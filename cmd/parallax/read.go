package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/ingest"
)

func init() {
	register(&command{
		name:    "read",
		args:    "[--format text|json] [--allow-private] FILE|DIR|URL...",
		summary: "parse reports and print them (nothing is stored)",
		run:     runRead,
	})
}

func runRead(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("read", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "text", "output `format`: text or json")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from private and loopback addresses")
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return fmt.Errorf("name at least one FILE, DIR or URL")
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("unknown --format %q (want text or json)", *format)
	}
	opts := e.readOptions(*allowPrivate)
	failed := 0
	var arts []*domain.Article
	ingest.Walk(ctx, inputs, opts, func(it ingest.Item) {
		if it.Err != nil {
			failed++
			fmt.Fprintf(e.stderr, "%s: %v\n", it.Input, it.Err)
			return
		}
		arts = append(arts, it.Article)
	})
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(arts); err != nil {
			return err
		}
	} else {
		for i, a := range arts {
			if i > 0 {
				fmt.Fprintln(e.stdout, strings.Repeat("─", 72))
			}
			printArticle(e.stdout, a)
		}
	}
	if failed > 0 {
		return errExitFailure
	}
	return nil
}

// printArticle writes the human-readable form of an article.
func printArticle(w io.Writer, a *domain.Article) {
	fmt.Fprintf(w, "%s  %s\n", a.ID, a.Title)
	if a.Outlet != nil {
		if a.Outlet.Domain != "" {
			fmt.Fprintf(w, "outlet:    %s (%s)\n", a.Outlet.Name, a.Outlet.Domain)
		} else {
			fmt.Fprintf(w, "outlet:    %s\n", a.Outlet.Name)
		}
	}
	if len(a.Wires) > 0 {
		fmt.Fprintf(w, "wire:      %s\n", strings.Join(a.Wires, ", "))
	}
	if len(a.Authors) > 0 {
		fmt.Fprintf(w, "authors:   %s\n", strings.Join(a.Authors, ", "))
	}
	if a.Published != nil {
		fmt.Fprintf(w, "published: %s\n", a.Published)
	}
	if a.Updated != nil {
		fmt.Fprintf(w, "updated:   %s\n", a.Updated)
	}
	if a.URL != "" {
		note := ""
		if a.URLRepaired {
			note = "  (repaired)"
		}
		fmt.Fprintf(w, "url:       %s%s\n", a.URL, note)
	}
	if a.Language != "" {
		fmt.Fprintf(w, "language:  %s\n", a.Language)
	}
	fmt.Fprintln(w)
	for _, p := range a.Body {
		fmt.Fprintf(w, "%s\n\n", p.Text)
	}
	for _, b := range a.Blocks {
		fmt.Fprintf(w, "[%s] %s\n", b.Kind, b.Text)
	}
	for _, wn := range a.Warnings {
		fmt.Fprintf(w, "warning: %s: %s\n", wn.Code, wn.Message)
	}
}
