package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/store"
)

func init() {
	register(&command{
		name:    "show",
		args:    "ID [--format text|json]   (ID or a unique prefix of it, as parallax ls shows)",
		summary: "print one stored report and what the analysis found in it",
		run:     runShow,
	})
}

// showJSON is what `parallax show --format json` prints.
type showJSON struct {
	Article  *domain.Article  `json:"article"`
	Analysis *domain.Analysis `json:"analysis,omitempty"`
}

func runShow(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("show", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "text", "output `format`: text or json")
	ids, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(ids) != 1 {
		return fmt.Errorf("name one article ID (or a unique prefix); parallax ls lists them")
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("unknown --format %q (want text or json)", *format)
	}
	st, err := openStoreForReading(e.dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := st.Article(ctx, ids[0])
	if err != nil {
		return err
	}
	an, err := st.Analysis(ctx, a.ID)
	if errors.Is(err, store.ErrNotFound) {
		an, err = nil, nil
	}
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(showJSON{Article: a, Analysis: an})
	}
	printArticle(e.stdout, a)
	if a.NearDuplicateOf != "" {
		title := ""
		if orig, err := st.Article(ctx, a.NearDuplicateOf); err == nil {
			title = "  " + orig.Title
		}
		fmt.Fprintf(e.stdout, "near-duplicate of: %s%s\n", a.NearDuplicateOf, title)
	}
	reps, err := st.Repeats(ctx, a.ID)
	if err != nil {
		return err
	}
	for _, r := range reps {
		fmt.Fprintf(e.stdout, "repeated by:       %s  %s  %s\n", r.ID, dashIfEmpty(r.Outlet), r.Title)
	}
	printAnalysisSummary(e.stdout, an)
	return nil
}

// printAnalysisSummary writes counts and the main findings, not the whole
// analysis (--format json has everything).
func printAnalysisSummary(w io.Writer, an *domain.Analysis) {
	fmt.Fprintln(w)
	if an == nil {
		fmt.Fprintln(w, "analysis: none stored")
		return
	}
	resolved := 0
	names := map[string]int{}
	for _, m := range an.Mentions {
		if m.Status == domain.StatusResolved {
			resolved++
			names[showFirstOf(m.Name, m.Surface)]++
		}
	}
	fmt.Fprintf(w, "analysis: %d mentions (%d resolved), %d entities, %d claims, %d framing markers\n",
		len(an.Mentions), resolved, len(an.Entities), len(an.Claims), len(an.Markers))
	if len(names) > 0 {
		list := make([]string, 0, len(names))
		for n := range names {
			list = append(list, n)
		}
		sort.Slice(list, func(i, j int) bool {
			if names[list[i]] != names[list[j]] {
				return names[list[i]] > names[list[j]]
			}
			return list[i] < list[j]
		})
		if len(list) > 12 {
			list = append(list[:12], "…")
		}
		fmt.Fprintf(w, "  mentions: %s\n", strings.Join(list, ", "))
	}
	for i, c := range an.Claims {
		if i == 10 {
			fmt.Fprintf(w, "  … %d more claims (all of them: parallax claims %s)\n", len(an.Claims)-10, showFirstOf(an.ArticleID, "ID"))
			break
		}
		who := showFirstOf(c.Voice.Name, c.Voice.Description)
		if who == "" {
			who = "the outlet" // its own voice, as compare says
			if c.Voice.Kind != domain.VoiceOutlet && c.Voice.Kind != "" {
				who = string(c.Voice.Kind)
			}
		}
		// a sentence can hold claims about several places ("4/5 of X and
		// 70% of Y have been freed"): name each claim's places so the
		// lines do not read as repeats
		var places []string
		if c.Kind == domain.ClaimControl {
			for _, p := range c.Places {
				places = append(places, showFirstOf(p.Name, p.Surface))
			}
		}
		text := clipRunes(singleLine(showFirstOf(c.Text, c.Sentence)), 100)
		if len(places) > 0 {
			text = strings.Join(places, ", ") + " — " + text
		}
		fmt.Fprintf(w, "  claim [%s, %s] %s: %s\n", c.Kind, c.Stance, who, text)
	}
	if len(an.Markers) > 0 {
		seen := map[string]bool{}
		var words []string
		for _, m := range an.Markers {
			if !seen[m.Surface] {
				seen[m.Surface] = true
				words = append(words, m.Surface)
			}
		}
		fmt.Fprintf(w, "  framing: %s\n", strings.Join(words, ", "))
	}
}

func showFirstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
