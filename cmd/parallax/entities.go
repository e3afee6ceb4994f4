package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/internal/domain"
)

func init() {
	register(&command{
		name:    "entities",
		args:    "FILE|ID [--format text|json] [--gazetteer GEONAMES.txt]...",
		summary: "find and resolve the places, people, units and outlets a report names",
		run:     runEntities,
	})
}

// entitiesJSON is what `parallax entities --format json` prints per article.
type entitiesJSON struct {
	ArticleID string           `json:"article_id"`
	Title     string           `json:"title"`
	Source    string           `json:"source,omitempty"`
	Entities  []domain.Entity  `json:"entities"`
	Mentions  []domain.Mention `json:"mentions"`
}

func runEntities(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("entities", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "text", "output `format`: text or json")
	var gazFiles multiFlag
	fs.Var(&gazFiles, "gazetteer", "also read this GeoNames table or KATOTTG CSV (repeatable)")
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) != 1 {
		return fmt.Errorf("name one FILE or stored article ID")
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("unknown --format %q (want text or json)", *format)
	}
	p, err := newPipeline(e, gazFiles...)
	if err != nil {
		return err
	}
	arts, err := loadOne(ctx, e, inputs[0])
	if err != nil {
		return err
	}
	var out []entitiesJSON
	for i, a := range arts {
		an := p.resolver.Resolve(a)
		if *format == "json" {
			out = append(out, entitiesJSON{ArticleID: a.ID, Title: a.Title, Source: a.Source, Entities: nonNil(an.Entities), Mentions: nonNilM(an.Mentions)})
			continue
		}
		if i > 0 {
			fmt.Fprintln(e.stdout, strings.Repeat("─", 72))
		}
		printEntities(e.stdout, a, an)
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	return nil
}

func nonNil(es []domain.Entity) []domain.Entity {
	if es == nil {
		return []domain.Entity{}
	}
	return es
}

func nonNilM(ms []domain.Mention) []domain.Mention {
	if ms == nil {
		return []domain.Mention{}
	}
	return ms
}

// printEntities writes entities grouped with every surface form and its
// count, then the ambiguous and unresolved names.
func printEntities(w io.Writer, a *domain.Article, an *domain.Analysis) {
	fmt.Fprintf(w, "%s  %s\n\n", a.ID, a.Title)
	forms := map[string]map[string]int{}
	for _, m := range an.Mentions {
		if m.EntityID == "" || m.Status != domain.StatusResolved {
			continue
		}
		if forms[m.EntityID] == nil {
			forms[m.EntityID] = map[string]int{}
		}
		forms[m.EntityID][m.Surface+blockLabel(a, m.Field)]++
	}
	ents := append([]domain.Entity(nil), an.Entities...)
	kindOrder := map[domain.EntityKind]int{domain.KindPlace: 0, domain.KindPerson: 1, domain.KindUnit: 2, domain.KindOrg: 3, domain.KindAgency: 4, domain.KindOutlet: 5}
	sort.SliceStable(ents, func(i, j int) bool { return kindOrder[ents[i].Kind] < kindOrder[ents[j].Kind] })
	for _, en := range ents {
		fs := forms[en.ID]
		if len(fs) == 0 {
			continue
		}
		extra := en.Side
		if en.Kind == domain.KindPlace {
			extra = strings.Trim(strings.Join([]string{en.Admin1, en.Country}, ", "), ", ")
		}
		if extra != "" {
			extra = "  (" + extra + ")"
		}
		fmt.Fprintf(w, "%-7s %s%s  %s\n", en.Kind, en.Name, extra, en.ID)
		fmt.Fprintf(w, "        %s\n", countList(fs))
		for _, n := range en.Notes {
			fmt.Fprintf(w, "        note: %s\n", n)
		}
	}
	notes := map[string]bool{}
	for _, m := range an.Mentions {
		for _, n := range m.Notes {
			k := m.Surface + ": " + n
			if !notes[k] {
				notes[k] = true
				fmt.Fprintf(w, "note    %s\n", k)
			}
		}
	}
	amb := map[string]int{}
	unres := map[string]int{}
	var ambText []string
	for _, m := range an.Mentions {
		switch m.Status {
		case domain.StatusAmbiguous:
			if amb[m.Surface] == 0 {
				var cs []string
				for i, c := range m.Candidates {
					if i == 4 {
						break
					}
					cs = append(cs, strings.TrimSpace(fmt.Sprintf("%s %s %.2f", c.Name, paren(c.Admin1), c.Score)))
				}
				ambText = append(ambText, fmt.Sprintf("%q → %s", m.Surface, strings.Join(cs, " | ")))
			}
			amb[m.Surface]++
		case domain.StatusUnresolved:
			unres[fmt.Sprintf("%s [%s?]", m.Surface, m.Kind)]++
		}
	}
	if len(ambText) > 0 {
		fmt.Fprintln(w, "\nambiguous:")
		for _, s := range ambText {
			fmt.Fprintf(w, "        %s\n", s)
		}
	}
	if len(unres) > 0 {
		fmt.Fprintf(w, "\nunresolved:\n        %s\n", countList(unres))
	}
}

// blockLabel names where a mention outside the story stands, " (caption)"
// or " (related)", so such spellings are not read as the story's own.
func blockLabel(a *domain.Article, field string) string {
	i, err := strconv.Atoi(strings.TrimPrefix(field, "block:"))
	if !strings.HasPrefix(field, "block:") || err != nil || i < 0 || i >= len(a.Blocks) {
		return ""
	}
	return " (" + string(a.Blocks[i].Kind) + ")"
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return "(" + s + ")"
}

// countList formats forms as "Putin ×5, Vladimir Putin ×2", most frequent first.
func countList(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s ×%d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
