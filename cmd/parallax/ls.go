package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/internal/store"
)

func init() {
	register(&command{
		name:    "ls",
		args:    "[--since YYYY-MM-DD] [--limit N] [--format text|json]",
		summary: "list stored reports, newest first (≈ID marks a near-duplicate of ID)",
		run:     runLs,
	})
}

// openStoreForReading opens the database for commands that work on what is
// stored (they read it, or re-analyse it): a missing file is a mistake
// (wrong --db, nothing ingested yet), not a new store.
func openStoreForReading(path string) (store.Store, error) {
	if !store.Exists(path) {
		return nil, fmt.Errorf("no database at %s: store reports first with `parallax ingest FILE...` (or name one with --db)", path)
	}
	return store.Open(path)
}

func runLs(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("ls", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	since := fs.String("since", "", "only reports published on or after this `date` (YYYY-MM-DD); undated reports are left out")
	limit := fs.Int("limit", 50, "show at most `N` reports; 0 for all")
	format := fs.String("format", "text", "output `format`: text or json")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("unexpected argument %q (ls takes only flags)", rest[0])
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("unknown --format %q (want text or json)", *format)
	}
	if *limit < 0 {
		return fmt.Errorf("--limit %d: want 0 (all) or more", *limit)
	}
	var f store.Filter
	if *since != "" {
		f.Since, err = time.Parse("2006-01-02", *since)
		if err != nil {
			return fmt.Errorf("--since %q: want a date as YYYY-MM-DD", *since)
		}
	}
	st, err := openStoreForReading(e.dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	// One more than asked says whether the listing was cut.
	if *limit > 0 {
		f.Limit = *limit + 1
	}
	list, err := st.Articles(ctx, f)
	if err != nil {
		return err
	}
	more := *limit > 0 && len(list) > *limit
	if more {
		list = list[:*limit]
	}
	if *format == "json" {
		if list == nil {
			list = []store.Summary{}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(list)
	}
	if len(list) == 0 {
		fmt.Fprintln(e.stderr, "no stored reports match")
		return nil
	}
	if err := writeSummaryTable(e.stdout, list); err != nil {
		return err
	}
	if more {
		fmt.Fprintf(e.stderr, "(first %d shown; --limit 0 for all)\n", *limit)
	}
	return nil
}

// writeSummaryTable writes the ls table: one report a row, near-duplicates
// marked ≈ with the first characters of the report they repeat.
func writeSummaryTable(w io.Writer, list []store.Summary) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPUBLISHED\tOUTLET\tLANG\tDUP\tTITLE")
	for _, s := range list {
		pub := "-"
		if s.Published != nil {
			pub = s.Published.String()
		}
		dup := ""
		if s.NearDuplicateOf != "" {
			dup = "≈" + idPrefix8(s.NearDuplicateOf)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", s.ID, pub, dashIfEmpty(clipRunes(s.Outlet, 24)), dashIfEmpty(s.Language), dup, clipRunes(singleLine(s.Title), 80))
	}
	return tw.Flush()
}

func idPrefix8(id string) string {
	if len(id) > 8 {
		return id[:8]
	}
	return id
}

func dashIfEmpty(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// singleLine keeps a table row on one line whatever the title holds.
func singleLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// clipRunes shortens s to n runes, marking the cut.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
